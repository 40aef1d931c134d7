import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import type { WrittenPlaceholder } from '../core/fixLoop';
import type { LineHunk } from '../core/lineDiff';
import { changedSpan, lineHunks } from '../core/lineDiff';
import { LineIndex } from '../core/lineIndex';
import { notebookText } from '../server/notebookText';
import type { FixPlan, PlanFixesArgs, PlannedOutcome } from '../server/workspace';
import { placeholderEdit } from './snippets';

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

/** A file the server planned fixes for, and where its text lives here. */
interface Planned {
  uri: vscode.Uri;
  /** The text the fixes were worked out from. */
  text: string;
  /** Open in a text editor (its buffer, maybe unsaved, is what gets fixed), with the version read. */
  document?: vscode.TextDocument;
  version?: number;
  /** Open in the notebook editor (its live cells are fixed). */
  notebook?: vscode.NotebookDocument;
}

/** A file's fixes: the safe ones alone, and with the unsafe ones after them when they were asked for. */
interface Outcome {
  file: Planned;
  safe: PlannedOutcome;
  all: PlannedOutcome;
  /** Fixes in `all`. */
  applied: number;
}

/** The language server's `greenml.lsp.planFixes`: the fixes worked out in its process (the engine does not run here). */
export type PlanFixes = (args: PlanFixesArgs, token?: vscode.CancellationToken) => Promise<FixPlan>;

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
export async function fixAllInWorkspace(planFixes: PlanFixes, log: vscode.LogOutputChannel, args: FixWorkspaceArgs = {}): Promise<FixWorkspaceSummary> {
  const none: FixWorkspaceSummary = { files: 0, fixes: 0, filesFixed: 0, heldBack: 0, changedSinceRead: 0, placeholders: [], cancelled: false };
  const withUnsafe = args.includeUnsafe !== false;
  const preview = args.includeUnsafe === undefined;
  const plan = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Green ML: finding fixes in the workspace', cancellable: true },
    async (_progress, token) => {
      const found = await planFixes({ ...(args.folder ? { folder: args.folder } : {}), open: shownUris(), includeUnsafe: withUnsafe }, token);
      return token.isCancellationRequested ? undefined : found;
    },
  );
  if (!plan) return { ...none, cancelled: true };

  const outcomes: Outcome[] = [];
  let heldBack = 0;
  for (const planned of plan.planned) {
    const file = placed(planned);
    const all = planned.all ?? planned.safe;
    if (planned.safe.stoppedOnParseError || planned.all?.stoppedOnParseError) {
      heldBack++;
      log.warn(`${file.uri.fsPath}: some fixes were held back, the result would not parse`);
    }
    if (all.text !== file.text) outcomes.push({ file, safe: planned.safe, all, applied: planned.safe.applied + (planned.all?.applied ?? 0) });
  }
  const base = { ...none, files: plan.files, heldBack };
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
  if (file.notebook) return liveNotebookText(file.notebook);
  const document = file.document ?? vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.uri.toString());
  return document?.getText();
}

/**
 * The edit of one planned file's chosen fixes, without the preview ("Fix all in file"): for a
 * notebook in the notebook editor, its cells' hunks and the cells the fixes append; for a text,
 * the changed span, whose placeholders become snippet tab stops.
 */
export function fileFixEdit(planned: FixPlan['planned'][number], chosen: PlannedOutcome): vscode.WorkspaceEdit | undefined {
  const file = placed(planned);
  if (chosen.text === file.text) return undefined;
  if (planned.kind === 'notebook') {
    if (!file.notebook || liveNotebookText(file.notebook) !== file.text) return undefined;
    const edit = new vscode.WorkspaceEdit();
    addHunks(edit, { file, safe: chosen, all: chosen, applied: chosen.applied }, false);
    return edit;
  }
  const document = file.document;
  if (!document || document.version !== file.version) return undefined;
  const change = changedSpan(file.text, chosen.text);
  const edit = new vscode.WorkspaceEdit();
  const range = new vscode.Range(document.positionAt(change.start), document.positionAt(change.end));
  edit.set(document.uri, [placeholderEdit(document, range, change.text, [...new Set(chosen.placeholders.map((p) => p.text))])]);
  return edit;
}

/** Adds a file's changes as line hunks, each marked safe or as needing the user's confirmation. */
function addHunks(edit: vscode.WorkspaceEdit, outcome: Outcome, preview: boolean): void {
  const { file } = outcome;
  const rules = (result: PlannedOutcome): string => result.rules.join(', ');
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

/** Open means in front of the user (a tab, or unsaved changes): a document VS Code keeps in the background is read from disk. */
function shownUris(): string[] {
  const notebooks = vscode.workspace.notebookDocuments.filter((n) => n.uri.scheme === 'file' && (n.isDirty || isShown(n.uri))).map((n) => n.uri.toString());
  const documents = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file' && (d.isDirty || isShown(d.uri))).map((d) => d.uri.toString());
  return [...notebooks, ...documents];
}

/** A planned file with the document or notebook it was read from, when it was read from one. */
export function placed(planned: FixPlan['planned'][number]): Planned {
  const uri = vscode.Uri.parse(planned.uri);
  const key = uri.toString();
  if (planned.kind === 'notebook') {
    const notebook = vscode.workspace.notebookDocuments.find((n) => n.uri.toString() === key);
    return { uri, text: planned.text, ...(notebook ? { notebook } : {}) };
  }
  const document = planned.version === undefined ? undefined : vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  return { uri, text: planned.text, ...(document ? { document, version: planned.version } : {}) };
}

/** The `.ipynb` JSON of a notebook's live cells, as the language server builds it from the cells it was sent. */
export function liveNotebookText(notebook: vscode.NotebookDocument): string {
  return notebookText(notebook.getCells().map((c) => ({ code: isCodeCell(c), text: c.document.getText() })));
}

/** A code cell Green ML reads: Python (other languages' cells are left out, like markdown). */
export function isCodeCell(cell: vscode.NotebookCell): boolean {
  return cell.kind === vscode.NotebookCellKind.Code && cell.document.languageId === 'python';
}
