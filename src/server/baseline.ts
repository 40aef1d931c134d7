import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { Baseline } from '../core/baseline';
import type { Finding } from '../core/types';
import { BaselineFiles } from '../node/baselineFile';

export type BaselineMode = 'hide' | 'dim';

/** `greenml.baseline` (a path relative to the workspace folder) and `greenml.baselineMode`. */
export interface BaselineSettings {
  file?: string;
  mode: BaselineMode;
}

/**
 * The editor's side of `greenml lint --baseline`, as the VS Code extension applies it: the file named
 * by `greenml.baseline` (relative to the workspace folder of the linted file) accepts the findings it
 * records, which are hidden or greyed (`greenml.baselineMode`) so only new ones stand out. The same
 * fingerprints as the CLI's: rule, path relative to the baseline file, the flagged code. Notebooks
 * open in a notebook editor are not matched (their cells are linted as one text, not as the file).
 * The file is read again when its modification time changes.
 */
export class ServerBaseline {
  private readonly files: BaselineFiles;

  constructor(
    private readonly settings: () => BaselineSettings,
    private readonly folders: () => readonly string[],
    log: (message: string) => void,
  ) {
    this.files = new BaselineFiles(log);
  }

  /** The diagnostics of a file's findings with the baseline applied; `toDiagnostic` gets each finding's index. */
  diagnostics(file: string | undefined, text: string, findings: readonly Finding[], toDiagnostic: (finding: Finding, key: number) => Diagnostic): Diagnostic[] {
    const found = file && findings.length ? this.baselineFor(file) : undefined;
    if (!file || !found) return findings.map(toDiagnostic);
    const relative = path.relative(path.dirname(found.file), file).split(path.sep).join('/');
    const states = found.baseline.statesOf(relative, text, findings);
    return findings.flatMap((finding, key) => (states[key] === 'new' ? [toDiagnostic(finding, key)] : found.mode === 'dim' ? [greyed(toDiagnostic(finding, key))] : []));
  }

  /** The base name of the baseline file, to watch it; undefined without one. */
  watchedName(): string | undefined {
    const setting = this.settings().file;
    return setting ? path.basename(setting) : undefined;
  }

  private baselineFor(file: string): { baseline: Baseline; file: string; mode: BaselineMode } | undefined {
    const { file: setting, mode } = this.settings();
    const folder = workspaceFolderOf(file, this.folders());
    if (!setting || !folder) return undefined;
    const baselineFile = path.resolve(folder, setting);
    const baseline = this.files.get(baselineFile);
    return baseline ? { baseline, file: baselineFile, mode } : undefined;
  }
}

/** The innermost workspace folder holding the file. */
function workspaceFolderOf(file: string, folders: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const folder of folders) {
    const relative = path.relative(folder, file);
    if (relative && !relative.startsWith('..') && !path.isAbsolute(relative) && (!best || folder.length > best.length)) best = folder;
  }
  return best;
}

/** A baselined finding, greyed as the VS Code extension shows it: a hint, drawn faded, its message saying why. */
function greyed(diagnostic: Diagnostic): Diagnostic {
  return { ...diagnostic, severity: 4, tags: [...(diagnostic.tags ?? []), 1], message: `${diagnostic.message} (baselined)` };
}
