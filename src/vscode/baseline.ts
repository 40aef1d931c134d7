import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Baseline } from '../core/baseline';
import type { Finding } from '../core/types';
import { BaselineFiles } from '../node/baselineFile';

export type BaselineMode = 'hide' | 'dim';

/**
 * The editor's side of `greenml lint --baseline`: the file named by `greenml.baseline` (relative to
 * the workspace folder) accepts the findings it records, which are hidden or dimmed
 * (`greenml.baselineMode`) so that only new ones stand out. The same fingerprints as the CLI's:
 * rule, path relative to the baseline file and the flagged code. Notebooks open in the notebook
 * editor are not matched (their cells are linted as one text, not as the `.ipynb` file).
 */
export class EditorBaseline {
  private readonly files: BaselineFiles;

  constructor(log: vscode.LogOutputChannel) {
    this.files = new BaselineFiles((message) => log.warn(message));
  }

  /** The diagnostics of a file's findings with the baseline applied. */
  diagnostics(uri: vscode.Uri, text: string, findings: readonly Finding[], toDiagnostic: (f: Finding) => vscode.Diagnostic): vscode.Diagnostic[] {
    const found = uri.scheme === 'file' ? this.baselineFor(uri) : undefined;
    if (!found || !findings.length) return findings.map(toDiagnostic);
    const relative = path.relative(path.dirname(found.file), uri.fsPath).split(path.sep).join('/');
    const states = found.baseline.statesOf(relative, text, findings);
    const out: vscode.Diagnostic[] = [];
    findings.forEach((finding, i) => {
      if (states[i] === 'new') out.push(toDiagnostic(finding));
      else if (found.mode === 'dim') out.push(dim(toDiagnostic(finding)));
    });
    return out;
  }

  private baselineFor(uri: vscode.Uri): { baseline: Baseline; file: string; mode: BaselineMode } | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const section = vscode.workspace.getConfiguration('greenml', uri);
    const setting = section.get<string>('baseline', '').trim();
    if (!setting || !folder) return undefined;
    const file = path.resolve(folder.uri.fsPath, setting);
    const mode: BaselineMode = section.get<string>('baselineMode', 'dim') === 'hide' ? 'hide' : 'dim';
    const baseline = this.files.get(file);
    return baseline ? { baseline, file, mode } : undefined;
  }
}

/** A baselined finding, greyed: a hint, drawn faded, its message saying why. */
function dim(diagnostic: vscode.Diagnostic): vscode.Diagnostic {
  diagnostic.severity = vscode.DiagnosticSeverity.Hint;
  diagnostic.tags = [...(diagnostic.tags ?? []), vscode.DiagnosticTag.Unnecessary];
  diagnostic.message = `${diagnostic.message} (baselined)`;
  return diagnostic;
}

/** Lints the open documents again when a baseline file (`greenml.baseline`'s name) changes on disk. */
export function watchBaselineFiles(relint: () => void): vscode.Disposable {
  let watcher: vscode.FileSystemWatcher | undefined;
  const rewatch = (): void => {
    watcher?.dispose();
    const names = new Set((vscode.workspace.workspaceFolders ?? []).map((f) => vscode.workspace.getConfiguration('greenml', f.uri).get<string>('baseline', '').trim()).filter(Boolean).map((s) => path.basename(s)));
    watcher = names.size ? vscode.workspace.createFileSystemWatcher(`**/{${[...names].join(',')}}`) : undefined;
    watcher?.onDidChange(relint);
    watcher?.onDidCreate(relint);
    watcher?.onDidDelete(relint);
  };
  rewatch();
  const onConfig = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('greenml.baseline')) rewatch();
  });
  return { dispose: () => (watcher?.dispose(), onConfig.dispose()) };
}
