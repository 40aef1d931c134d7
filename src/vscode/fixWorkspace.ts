import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { applyFixes } from '../core/applyFixes';
import type { LintResult } from '../core/engine';
import { fixUntilStable } from '../core/fixLoop';
import { LineIndex } from '../core/lineIndex';
import type { Applicability, Fix } from '../core/types';
import { listFiles } from '../node/walk';
import { notebookWorkspaceEdit } from './codeActions';
import type { DocumentLinter } from './diagnostics';

/** Arguments of `greenml.fixAllInWorkspace`, for callers that must not be asked (tests, other commands). */
export interface FixWorkspaceArgs {
  /** Only this folder (a `file:` URI string) instead of every workspace folder. */
  folder?: string;
  /** Whether to apply unsafe fixes too; when absent and there are some, the user is asked. */
  includeUnsafe?: boolean;
}

export interface FixWorkspaceSummary {
  /** Files linted. */
  files: number;
  /** Fixes applied. */
  fixes: number;
  /** Files changed. */
  filesFixed: number;
  /** Files where some fixes were held back because the result would not parse. */
  heldBack: number;
  /** True when the user cancelled (the progress notification, or the question about unsafe fixes): nothing was changed. */
  cancelled: boolean;
}

/** One file's first lint, and where its text lives. */
interface Planned {
  uri: vscode.Uri;
  text: string;
  result: LintResult;
  /** Open in a text editor (its buffer, maybe unsaved, is what gets fixed). */
  document?: vscode.TextDocument;
  /** Open in the notebook editor (its live cells are fixed, in one pass). */
  notebook?: vscode.NotebookDocument;
}

type Progress = vscode.Progress<{ message?: string; increment?: number }>;

/**
 * "Fix all Green ML problems in workspace": lints every file the "Lint workspace"
 * walk finds, asks once whether to include unsafe fixes (with a count per rule),
 * then applies the fixes of every file through one workspace edit, so open
 * editors follow and each file's change undoes on its own. Each file is fixed
 * in memory first, linting again between passes as `greenml lint --fix` does;
 * a pass whose output would not parse is dropped. Files that were not open are
 * saved; open ones are left modified for review.
 *
 * Untrusted workspaces: allowed. It edits only the files of the folders the
 * user opened, and only on the user's command; nothing is run or loaded from
 * the workspace (VS Code's guidance leaves edits to the user's own request).
 */
export async function fixAllInWorkspace(linter: DocumentLinter, log: vscode.LogOutputChannel, args: FixWorkspaceArgs = {}): Promise<FixWorkspaceSummary> {
  const none: FixWorkspaceSummary = { files: 0, fixes: 0, filesFixed: 0, heldBack: 0, cancelled: false };
  const planned = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Green ML: finding fixes in the workspace', cancellable: true },
    (progress, token) => planFiles(linter, log, args, progress, token),
  );
  if (!planned) return { ...none, cancelled: true };

  const unsafeByRule = new Map<string, number>();
  for (const file of planned) for (const f of file.result.findings) if (f.fix?.applicability === 'unsafe') unsafeByRule.set(f.ruleId, (unsafeByRule.get(f.ruleId) ?? 0) + 1);
  let include: Applicability[] = ['safe'];
  if (unsafeByRule.size && args.includeUnsafe === undefined) {
    const total = [...unsafeByRule.values()].reduce((a, b) => a + b, 0);
    const answer = await vscode.window.showWarningMessage(
      `${total} Green ML fix${total === 1 ? '' : 'es'} in the workspace may change how the code behaves. Apply ${total === 1 ? 'it' : 'them'} too?`,
      { modal: true, detail: [...unsafeByRule].sort(([a], [b]) => a.localeCompare(b)).map(([rule, n]) => `• ${rule}: ${n}`).join('\n') },
      'Apply all',
      'Only safe fixes',
    );
    if (answer === undefined) return { ...none, files: planned.length, cancelled: true };
    if (answer === 'Apply all') include = ['safe', 'unsafe'];
  } else if (args.includeUnsafe) include = ['safe', 'unsafe'];

  const edit = new vscode.WorkspaceEdit();
  const toSave: vscode.Uri[] = [];
  let fixes = 0;
  let filesFixed = 0;
  let heldBack = 0;
  for (const file of planned) {
    if (file.notebook) {
      // The notebook editor's cells: one pass of non-overlapping fixes, as "Fix all in file" does there.
      const chosen = file.result.findings.flatMap((f): Fix[] => (f.fix && include.includes(f.fix.applicability) ? [f.fix] : []));
      const { applied } = applyFixes(file.text, chosen);
      if (applied.length && notebookWorkspaceEdit(file.notebook, applied.flatMap((f) => f.edits), edit)) {
        fixes += applied.length;
        filesFixed++;
      }
      continue;
    }
    const outcome = fixUntilStable(file.text, file.result, (text) => linter.lintText(file.uri, text), include);
    if (outcome.stoppedOnParseError) {
      heldBack++;
      log.warn(`${file.uri.fsPath}: some fixes were held back, the result would not parse`);
    }
    if (outcome.text === file.text) continue;
    const change = changedSpan(file.text, outcome.text);
    const lines = new LineIndex(file.text);
    const start = lines.positionAt(change.start);
    const end = lines.positionAt(change.end);
    edit.replace(file.uri, new vscode.Range(start.line, start.character, end.line, end.character), change.text);
    if (!file.document) toSave.push(file.uri);
    fixes += outcome.applied;
    filesFixed++;
  }
  if (!filesFixed) return { ...none, files: planned.length, heldBack };
  if (!(await vscode.workspace.applyEdit(edit))) {
    log.warn('the workspace edit with the fixes was refused');
    return { ...none, files: planned.length, heldBack };
  }
  // Files fixed without being open would otherwise stay as unsaved buffers nobody sees.
  // (`workspace.save` wants an editor: save the documents the edit opened in the background.)
  for (const uri of toSave) {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
    if (!(await document.save())) log.warn(`could not save ${uri.fsPath} after fixing it`);
  }
  return { files: planned.length, fixes, filesFixed, heldBack, cancelled: false };
}

async function planFiles(linter: DocumentLinter, log: vscode.LogOutputChannel, args: FixWorkspaceArgs, progress: Progress, token: vscode.CancellationToken): Promise<Planned[] | undefined> {
  const roots = args.folder ? [vscode.Uri.parse(args.folder)] : (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri);
  const { files } = listFiles(roots.filter((u) => u.scheme === 'file').map((u) => u.fsPath), { accept: (name) => linter.linter.mayHandle(name) });
  await linter.linter.prepare(files);
  const planned: Planned[] = [];
  for (const [index, file] of files.entries()) {
    if (token.isCancellationRequested) return undefined;
    const uri = vscode.Uri.file(file);
    const key = uri.toString();
    const notebook = vscode.workspace.notebookDocuments.find((n) => n.uri.toString() === key);
    if (notebook) {
      linter.lintNotebook(notebook);
      const state = linter.notebookStateOf(notebook);
      if (state) planned.push({ uri, text: state.text, result: state.result, notebook });
    } else {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      let text: string;
      try {
        text = document ? document.getText() : await fs.readFile(file, 'utf8');
      } catch (err) {
        log.warn(`cannot read ${file}: ${(err as Error).message}`);
        continue;
      }
      if (text.length > linter.maxTextLength) continue;
      planned.push({ uri, text, result: linter.lintText(uri, text), document });
    }
    if (index % 20 === 0) {
      progress.report({ message: `${index + 1}/${files.length} files`, increment: (20 / Math.max(1, files.length)) * 100 });
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return planned;
}

/** The one span that differs between two texts (common prefix and suffix kept), so cursors outside it stay put. */
export function changedSpan(before: string, after: string): { start: number; end: number; text: string } {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  // Never split a CRLF line break: editors place positions before or after it, not inside.
  if (start > 0 && before[start - 1] === '\r') start--;
  if (tail > 0 && before[before.length - tail - 1] === '\r' && before[before.length - tail] === '\n') tail--;
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}
