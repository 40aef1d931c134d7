import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import type { LintResult } from '../core/engine';
import type { FixLoopResult, WrittenPlaceholder } from '../core/fixLoop';
import { fixUntilStable } from '../core/fixLoop';
import type { LineHunk } from '../core/lineDiff';
import { lineHunks } from '../core/lineDiff';
import { LineIndex } from '../core/lineIndex';
import { listFiles } from '../node/walk';
import type { DocumentLinter } from './diagnostics';
import { isCodeCell, notebookText } from './diagnostics';

/** Arguments of `greenml.fixAllInWorkspace`, for callers that must not be asked (tests, other commands). */
export interface FixWorkspaceArgs {
  /** Only this folder (a `file:` URI string) instead of every workspace folder. */
  folder?: string;
  /**
   * `true`: apply the unsafe fixes too, `false`: only the safe ones, both without
   * the preview. Absent: the edits open in the refactor preview, the safe ones
   * ticked and the ones that may change behaviour left for the user to tick.
   */
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
  /** Files left alone because they changed (on disk, or in their editor) after they were read. */
  changedSinceRead: number;
  /** Placeholders written by the fixes applied, for the user to fill in (1-based positions). */
  placeholders: Array<WrittenPlaceholder & { file: string }>;
  /** True when the user cancelled (the progress notification, or the preview): nothing was changed. */
  cancelled: boolean;
}

/** One file's first lint, and where its text lives. */
interface Planned {
  uri: vscode.Uri;
  text: string;
  result: LintResult;
  /** Open in a text editor (its buffer, maybe unsaved, is what gets fixed), with the version read. */
  document?: vscode.TextDocument;
  version?: number;
  /** Open in the notebook editor (its live cells are fixed). */
  notebook?: vscode.NotebookDocument;
}

/** A file's fixes: the safe ones alone, and with the unsafe ones after them when they were asked for. */
interface Outcome {
  file: Planned;
  safe: FixLoopResult;
  all: FixLoopResult;
  /** Fixes in `all`. */
  applied: number;
}

type Progress = vscode.Progress<{ message?: string; increment?: number }>;

/** The preview's groups: safe fixes start ticked; fixes that may change behaviour wait for the user to tick them. */
const safeLabel = 'Green ML: safe fixes';
const unsafeLabel = 'Green ML: fixes that may change behaviour';

/**
 * "Fix all Green ML problems in workspace": lints every file the "Lint workspace"
 * walk finds and fixes each in memory as `greenml lint --fix` does (lint again
 * between passes until nothing changes; a pass whose output would not parse is
 * dropped), notebooks open in the notebook editor included. The changes go out
 * as one workspace edit of line hunks, shown in VS Code's refactor preview when
 * fixes that may change behaviour are among them: safe hunks start ticked,
 * the others need the user's tick (their `needsConfirmation`). Each file's
 * change undoes on its own. Files that were not open are saved, and never
 * shown in an editor; a file that changed since it was read is left alone.
 *
 * Untrusted workspaces: allowed. It edits only the files of the folders the
 * user opened, and only on the user's command; nothing is run or loaded from
 * the workspace (VS Code's guidance leaves edits to the user's own request).
 */
export async function fixAllInWorkspace(linter: DocumentLinter, log: vscode.LogOutputChannel, args: FixWorkspaceArgs = {}): Promise<FixWorkspaceSummary> {
  const none: FixWorkspaceSummary = { files: 0, fixes: 0, filesFixed: 0, heldBack: 0, changedSinceRead: 0, placeholders: [], cancelled: false };
  const planned = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Green ML: finding fixes in the workspace', cancellable: true },
    (progress, token) => planFiles(linter, log, args, progress, token),
  );
  if (!planned) return { ...none, cancelled: true };
  const withUnsafe = args.includeUnsafe !== false;
  const preview = args.includeUnsafe === undefined;

  const outcomes: Outcome[] = [];
  let heldBack = 0;
  for (const file of planned) {
    const lint = (text: string): LintResult => linter.lintText(file.uri, text, file.result.format);
    const safe = fixUntilStable(file.text, file.result, lint, ['safe']);
    const more = withUnsafe ? fixUntilStable(safe.text, safe.result, lint, ['safe', 'unsafe']) : undefined;
    const all = more ?? safe;
    if (safe.stoppedOnParseError || more?.stoppedOnParseError) {
      heldBack++;
      log.warn(`${file.uri.fsPath}: some fixes were held back, the result would not parse`);
    }
    if (all.text !== file.text) outcomes.push({ file, safe, all, applied: safe.applied + (more?.applied ?? 0) });
  }
  const base = { ...none, files: planned.length, heldBack };
  if (!outcomes.length) return base;

  // A file changed since it was read (on disk, or typed into while the fixes were worked out) is not overwritten.
  const current: Outcome[] = [];
  let changedSinceRead = 0;
  for (const outcome of outcomes) {
    if (await unchangedSinceRead(outcome.file)) current.push(outcome);
    else {
      changedSinceRead++;
      log.warn(`${outcome.file.uri.fsPath} changed after it was read: its fixes were not applied`);
    }
  }
  const edit = new vscode.WorkspaceEdit();
  for (const outcome of current) addHunks(edit, outcome, preview);
  if (!current.length) return { ...base, changedSinceRead };
  // The edit carries the version of every document it edits (files not open were opened in the
  // background above): if one changes while the preview is open, VS Code refuses the whole edit.
  // (Not flagged as a refactoring: VS Code would then save the open editors too, which stay modified for review.)
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) {
    let changed = 0;
    for (const o of current) if (!(await sameAsRead(o.file))) changed++;
    log.info(changed ? `${changed} file(s) changed while the fixes were being reviewed: nothing was changed` : 'the workspace fix was cancelled: nothing was changed');
    return { ...base, changedSinceRead: changedSinceRead + changed, cancelled: !changed };
  }

  let fixes = 0;
  let filesFixed = 0;
  const placeholders: FixWorkspaceSummary['placeholders'] = [];
  for (const outcome of current) {
    const after = textNow(outcome.file);
    if (after === undefined || after === outcome.file.text) continue;
    filesFixed++;
    // With the preview the user may have applied some hunks only: counted as the safe fixes then.
    fixes += after === outcome.all.text ? outcome.applied : outcome.safe.applied;
    const written = after === outcome.all.text ? outcome.all.placeholders : after === outcome.safe.text ? outcome.safe.placeholders : [];
    for (const p of written) placeholders.push({ ...p, file: outcome.file.uri.fsPath });
    if (!outcome.file.document && !outcome.file.notebook) await saveClosedFile(outcome.file.uri, log);
  }
  for (const p of placeholders) log.warn(`${p.file}:${p.line}:${p.column}: a fix wrote the placeholder ${p.text}: replace it before the code runs`);
  return { ...base, fixes, filesFixed, changedSinceRead, placeholders };
}

/** Whether a file still holds the text its fixes were worked out from. */
async function unchangedSinceRead(file: Planned): Promise<boolean> {
  if (file.notebook) return !file.notebook.isClosed && textNow(file) === file.text;
  if (file.document) return !file.document.isClosed && file.document.version === file.version;
  // Not open: still the text read from disk, and opened now in the background (no editor shows it)
  // so that the edit names the document version it was made for.
  if (!(await sameAsRead(file))) return false;
  try {
    const document = await vscode.workspace.openTextDocument(file.uri);
    return !document.isDirty && document.getText() === file.text;
  } catch {
    return false;
  }
}

/** Whether the file holds the text it was read with: its editor's text when open, else what is on disk. */
async function sameAsRead(file: Planned): Promise<boolean> {
  if (file.notebook || file.document) return textNow(file) === file.text;
  try {
    return (await fs.readFile(file.uri.fsPath, 'utf8')).replace(/^\uFEFF/, '') === file.text;
  } catch {
    return false;
  }
}

/** Whether an editor tab shows the file (a text, diff or notebook editor). */
function isShown(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((group) =>
    group.tabs.some(({ input }) => {
      if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputNotebook) return input.uri.toString() === key;
      if (input instanceof vscode.TabInputTextDiff || input instanceof vscode.TabInputNotebookDiff) return input.modified.toString() === key;
      return false;
    }),
  );
}

/** The file's text as the editor holds it now (for a notebook: its cells as the linted JSON; for a file not open: its background document). */
function textNow(file: Planned): string | undefined {
  if (file.notebook) return notebookText(file.notebook.getCells());
  const document = file.document ?? vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.uri.toString());
  return document?.getText();
}

/** Adds a file's changes as line hunks, each marked safe or as needing the user's confirmation. */
function addHunks(edit: vscode.WorkspaceEdit, outcome: Outcome, preview: boolean): void {
  const { file } = outcome;
  const rules = (result: FixLoopResult): string => [...result.appliedByRule.keys()].sort().join(', ');
  const safeMeta: vscode.WorkspaceEditEntryMetadata = { label: safeLabel, description: rules(outcome.safe), needsConfirmation: false };
  const unsafeMeta: vscode.WorkspaceEditEntryMetadata = { label: unsafeLabel, description: rules(outcome.all), needsConfirmation: preview };
  if (file.notebook) {
    addNotebookHunks(edit, file.notebook, outcome, safeMeta, unsafeMeta);
    return;
  }
  const lines = new LineIndex(file.text);
  for (const { hunk, safe } of classify(file.text, outcome.safe.text, outcome.all.text)) {
    const start = lines.positionAt(hunk.startOffset);
    const end = lines.positionAt(hunk.endOffset);
    edit.replace(file.uri, new vscode.Range(start.line, start.character, end.line, end.character), hunk.text, safe ? safeMeta : unsafeMeta);
  }
}

/**
 * The hunks turning `before` into `all`; a hunk is safe when the safe fixes
 * alone make exactly that change. Any other (an unsafe fix, or one next to a
 * safe change that the hunk takes along) needs confirmation.
 */
function classify(before: string, safe: string, all: string): Array<{ hunk: LineHunk; safe: boolean }> {
  const key = (h: LineHunk): string => `${h.start}:${h.end}:${h.text}`;
  const safeKeys = new Set(lineHunks(before, safe).map(key));
  return lineHunks(before, all).map((hunk) => ({ hunk, safe: safeKeys.has(key(hunk)) }));
}

/** A notebook in the notebook editor: each code cell's hunks, and the cells the fixes append. */
function addNotebookHunks(edit: vscode.WorkspaceEdit, notebook: vscode.NotebookDocument, outcome: Outcome, safeMeta: vscode.WorkspaceEditEntryMetadata, unsafeMeta: vscode.WorkspaceEditEntryMetadata): void {
  const safeCells = cellSources(outcome.safe.text);
  const allCells = cellSources(outcome.all.text);
  const cells = notebook.getCells();
  if (!safeCells || !allCells || allCells.length < cells.length) return;
  for (const [index, cell] of cells.entries()) {
    if (!isCodeCell(cell)) continue;
    const before = cell.document.getText();
    for (const { hunk, safe } of classify(before, safeCells[index], allCells[index])) {
      const range = new vscode.Range(cell.document.positionAt(hunk.startOffset), cell.document.positionAt(hunk.endOffset));
      edit.replace(cell.document.uri, range, hunk.text, safe ? safeMeta : unsafeMeta);
    }
  }
  const added = allCells.slice(cells.length);
  if (!added.length) return;
  const safeAdded = safeCells.length - cells.length;
  edit.set(
    notebook.uri,
    added.map((source, i): [vscode.NotebookEdit, vscode.WorkspaceEditEntryMetadata] => [
      vscode.NotebookEdit.insertCells(cells.length + i, [new vscode.NotebookCellData(vscode.NotebookCellKind.Code, source, 'python')]),
      i < safeAdded ? safeMeta : unsafeMeta,
    ]),
  );
}

/** The sources of the cells of a notebook's JSON text. */
function cellSources(text: string): string[] | undefined {
  try {
    const cells = (JSON.parse(text) as { cells?: Array<{ source?: string | string[] }> }).cells;
    return cells?.map((c) => (Array.isArray(c.source) ? c.source.join('') : (c.source ?? '')));
  } catch {
    return undefined;
  }
}

/** Saves a file the edit opened in the background (no editor is shown for it). */
async function saveClosedFile(uri: vscode.Uri, log: vscode.LogOutputChannel): Promise<void> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!document?.isDirty) return;
  if (!(await document.save())) log.warn(`could not save ${uri.fsPath} after fixing it (it may have changed on disk meanwhile)`);
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
    // Open means in front of the user (a tab, or unsaved changes): a document VS Code keeps in the background is read from disk.
    const notebook = vscode.workspace.notebookDocuments.find((n) => n.uri.toString() === key && (n.isDirty || isShown(n.uri)));
    if (notebook) {
      linter.lintNotebook(notebook);
      const state = linter.notebookStateOf(notebook);
      if (state) planned.push({ uri, text: state.text, result: state.result, notebook });
    } else {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && (d.isDirty || isShown(d.uri)));
      let text: string;
      try {
        // A file not open is read as VS Code reads it: without its byte-order mark (kept on save).
        text = document ? document.getText() : (await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, '');
      } catch (err) {
        log.warn(`cannot read ${file}: ${(err as Error).message}`);
        continue;
      }
      if (text.length > linter.maxTextLength) continue;
      planned.push({ uri, text, result: linter.lintText(uri, text), document, version: document?.version });
    }
    if (index % 20 === 0) {
      progress.report({ message: `${index + 1}/${files.length} files`, increment: (20 / Math.max(1, files.length)) * 100 });
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return planned;
}

