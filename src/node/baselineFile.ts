import * as fs from 'node:fs';
import { Baseline, parseBaseline } from '../core/baseline';

/**
 * Baseline files for the editors (the VS Code extension and the language server), each read again
 * only when its modification time changes. A missing or invalid file is logged once per change
 * and counts as no baseline.
 */
export class BaselineFiles {
  private readonly loaded = new Map<string, { mtimeMs: number; baseline?: Baseline }>();

  constructor(private readonly warn: (message: string) => void) {}

  /** The baseline recorded in `file` (an absolute path), or undefined when there is none to apply. */
  get(file: string): Baseline | undefined {
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(file).mtimeMs;
    } catch {
      if (this.loaded.get(file)?.mtimeMs !== -1) this.warn(`greenml.baseline: no file ${file}`);
      this.loaded.set(file, { mtimeMs: -1 });
      return undefined;
    }
    let entry = this.loaded.get(file);
    if (entry?.mtimeMs !== mtimeMs) {
      try {
        entry = { mtimeMs, baseline: new Baseline(parseBaseline(fs.readFileSync(file, 'utf8'))) };
      } catch (err) {
        this.warn(`greenml.baseline: invalid baseline ${file}: ${(err as Error).message}`);
        entry = { mtimeMs };
      }
      this.loaded.set(file, entry);
    }
    return entry.baseline;
  }
}
