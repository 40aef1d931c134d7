import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BaselineState } from '../core/baseline';
import { Baseline, createBaseline, parseBaseline } from '../core/baseline';
import { errorMessage } from '../core/engine';
import type { Finding } from '../core/types';
import { writeOutputFile } from './output';
import { UsageError } from './usage';

/** A linted file as `lint` hands it over: path relative to the working directory, text and findings. */
export interface LintedText {
  path: string;
  text: string;
  findings: Finding[];
}

/** The path of a linted file as the baseline at `baselineFile` names it: relative to its folder, with `/`. */
function baselinePath(cwd: string, baselineFile: string, file: string): string {
  return path.relative(path.dirname(baselineFile), path.resolve(cwd, file)).split(path.sep).join('/');
}

/** Reads `--baseline FILE`; a missing or malformed file is a {@link UsageError}. */
export function readBaselineFile(cwd: string, file: string): { baseline: Baseline; absolute: string } {
  const absolute = path.resolve(cwd, file);
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read baseline ${file}: ${errorMessage(err)}`);
  }
  try {
    return { baseline: new Baseline(parseBaseline(text)), absolute };
  } catch (err) {
    throw new UsageError(`invalid baseline ${file}: ${errorMessage(err)}`);
  }
}

/** The baseline state of every finding of every file, in order. */
export function baselineStates(baseline: Baseline, absolute: string, cwd: string, files: readonly LintedText[]): BaselineState[][] {
  return files.map((f) => baseline.statesOf(baselinePath(cwd, absolute, f.path), f.text, f.findings));
}

/** Writes the baseline of these findings to `file` (as `--output` writes) and returns how many findings it holds. */
export function writeBaselineFile(cwd: string, file: string, files: readonly LintedText[]): number {
  const absolute = path.resolve(cwd, file);
  const data = createBaseline(files.map((f) => ({ file: baselinePath(cwd, absolute, f.path), text: f.text, findings: f.findings })));
  writeOutputFile(cwd, file, JSON.stringify(data, null, 2) + '\n', 'baseline ');
  return data.findings.reduce((n, e) => n + e.count, 0);
}
