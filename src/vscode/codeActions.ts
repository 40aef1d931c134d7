import * as vscode from 'vscode';
import { applyFixes } from '../core/applyFixes';
import { escapeControls } from '../core/escape';
import { LineIndex } from '../core/lineIndex';
import { suppressionEdit } from '../core/suppressions';
import type { Edit, Finding, Fix } from '../core/types';
import { ruleIdOf, toRange } from './convert';
import type { DocumentLinter } from './diagnostics';
import { cellRange, cellScheme } from './diagnostics';

export const fixAllKind = vscode.CodeActionKind.SourceFixAll.append('greenml');

/**
 * The menu for each Green ML diagnostic, in the order vscode-eslint taught users
 * to expect: the fix, fix all of this rule in the file, ignore on this line,
 * ignore in this file, show the rule's documentation.
 */
export class GreenMlCodeActions implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix, fixAllKind];

  constructor(private readonly linter: DocumentLinter) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const target = actionTarget(this.linter, document);
    if (!target) return [];
    const findings = target.findings;
    // Asked for source.fixAll (on save, or from the Source Action menu): only the fix-all action.
    if (context.only?.contains(fixAllKind)) {
      const action = fixAllAction(target, findings, 'Fix all safe Green ML problems', fixAllKind);
      return action ? [action] : [];
    }
    const actions: vscode.CodeAction[] = [];
    const offeredRuleActions = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      const ruleId = ruleIdOf(diagnostic);
      if (!ruleId) continue;
      const finding = findings.find((f) => f.ruleId === ruleId && target.rangeOf(f).isEqual(diagnostic.range));
      if (!finding || finding.ruleId === 'parse-error') continue;
      for (const fix of [finding.fix, ...(finding.suggestions ?? [])]) {
        if (!fix) continue;
        if (fix.applicability === 'displayOnly') {
          // Advice the engine cannot apply: offered as an action that opens the rule page.
          const advice = new vscode.CodeAction(escapeControls(fix.title), vscode.CodeActionKind.QuickFix);
          advice.command = { title: advice.title, command: 'greenml.showRuleDocs', arguments: [ruleId] };
          advice.diagnostics = [diagnostic];
          actions.push(advice);
          continue;
        }
        // A placeholder (a bucket to choose) goes in as a snippet tab stop, selected for the user to type over.
        const edit = target.workspaceEdit(fix.edits, fix.placeholders);
        if (!edit) continue;
        const title = escapeControls(fix.title);
        const action = new vscode.CodeAction(fix.applicability === 'unsafe' ? `${title} (may change behaviour)` : title, vscode.CodeActionKind.QuickFix);
        if (target.notebook && fix.edits.some((e) => e.cell?.kind === 'insertCell')) {
          // Cell insertions do not survive the trip of a code action's edit through the API: applied by a command.
          action.command = { title: action.title, command: applyNotebookFixCommand, arguments: [target.notebook.uri.toString(), fix.edits] };
        } else action.edit = edit;
        action.diagnostics = [diagnostic];
        action.isPreferred = fix === finding.fix && fix.applicability === 'safe';
        actions.push(action);
      }
      if (offeredRuleActions.has(ruleId)) continue;
      offeredRuleActions.add(ruleId);
      const sameRule = findings.filter((f) => f.ruleId === ruleId);
      if (sameRule.filter((f) => f.fix && f.fix.applicability === 'safe').length > 1) {
        const all = fixAllAction(target, sameRule, `Fix all ${ruleId} problems in this file`, vscode.CodeActionKind.QuickFix);
        if (all) actions.push(all);
      }
      if (target.commentPrefix) {
        actions.push(suppressAction(document, finding, target, false));
        actions.push(suppressAction(document, finding, target, true));
      }
      const docs = new vscode.CodeAction(`Show documentation for ${ruleId}`, vscode.CodeActionKind.QuickFix);
      docs.command = { title: docs.title, command: 'greenml.showRuleDocs', arguments: [ruleId] };
      actions.push(docs);
    }
    return actions;
  }
}

/**
 * What code actions work on: a document's own findings, or, for a notebook
 * cell, the notebook's findings on that cell, whose fixes edit cells.
 */
export interface ActionTarget {
  findings: readonly Finding[];
  /** The text the findings' offsets index, for choosing non-overlapping fixes. */
  text: string;
  rangeOf(finding: Finding): vscode.Range;
  /** Line of the finding in `document` (0-based), for suppression comments. */
  lineOf(finding: Finding): number;
  /** Undefined when an edit cannot be made here; `placeholders` in the edits' text become snippet tab stops. */
  workspaceEdit(edits: readonly Edit[], placeholders?: readonly string[]): vscode.WorkspaceEdit | undefined;
  commentPrefix?: string;
  /** The notebook, for a cell. */
  notebook?: vscode.NotebookDocument;
}

/** Applies a notebook fix's cell edits: `(notebookUri: string, edits: Edit[])`. */
export const applyNotebookFixCommand = 'greenml.applyNotebookFix';

export async function applyNotebookFix(notebookUri: string, edits: readonly Edit[]): Promise<boolean> {
  const notebook = vscode.workspace.notebookDocuments.find((n) => n.uri.toString() === notebookUri);
  const edit = notebook && notebookWorkspaceEdit(notebook, edits);
  return edit ? vscode.workspace.applyEdit(edit) : false;
}

/** For a cell, `wholeNotebook` takes the findings of every cell (fix all in the notebook). */
export function actionTarget(linter: DocumentLinter, document: vscode.TextDocument, wholeNotebook = false): ActionTarget | undefined {
  if (document.uri.scheme === cellScheme) {
    const found = linter.cellStateOf(document);
    if (!found) return undefined;
    const { state, index } = found;
    const language = linter.linter.languages.find((l) => l.format === 'notebook');
    return {
      findings: wholeNotebook ? state.result.findings : state.result.findings.filter((f) => f.cell?.index === index),
      text: state.text,
      rangeOf: (f) => toRange(f.cell ? cellRange(f.cell) : f),
      lineOf: (f) => (f.cell?.line ?? 1) - 1,
      workspaceEdit: (edits, placeholders) => notebookWorkspaceEdit(state.notebook, edits, new vscode.WorkspaceEdit(), placeholders),
      commentPrefix: language?.commentPrefixes[0],
      notebook: state.notebook,
    };
  }
  const state = linter.stateOf(document);
  if (!state) return undefined;
  const language = linter.linter.languages.find((l) => l.format === state.result.format);
  return {
    findings: state.result.findings,
    text: document.getText(),
    rangeOf: (f) => toRange(f),
    lineOf: (f) => f.line - 1,
    workspaceEdit: (edits, placeholders) => toWorkspaceEdit(document, edits, placeholders),
    // A notebook opened as JSON text has no comments: its findings are in strings.
    commentPrefix: state.result.format === 'notebook' ? undefined : language?.commentPrefixes[0],
  };
}

function suppressAction(document: vscode.TextDocument, finding: Finding, target: ActionTarget, fileLevel: boolean): vscode.CodeAction {
  const title = fileLevel ? `Ignore ${finding.ruleId} in this file` : `Ignore ${finding.ruleId} on this line`;
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  const edit = suppressionEdit(new LineIndex(document.getText()), target.commentPrefix ?? '#', finding.ruleId, target.lineOf(finding), fileLevel);
  action.edit = toWorkspaceEdit(document, [edit]);
  return action;
}

/** One action applying every non-conflicting safe fix among these findings. */
export function fixAllAction(target: ActionTarget, findings: readonly Finding[], title: string, kind: vscode.CodeActionKind): vscode.CodeAction | undefined {
  const fixes = findings.flatMap((f) => (f.fix?.applicability === 'safe' ? [f.fix] : []));
  const { applied } = applyFixes(target.text, fixes);
  const edit = applied.length ? target.workspaceEdit(editsOf(applied)) : undefined;
  if (!edit) return undefined;
  const action = new vscode.CodeAction(title, kind);
  action.edit = edit;
  return action;
}

/**
 * The edits of fixes applied together, each once: two fixes adding the same
 * import share that edit (as `applyFixes` made it once), so it is not made twice.
 */
export function editsOf(fixes: readonly Fix[]): Edit[] {
  const seen = new Set<string>();
  const edits: Edit[] = [];
  for (const edit of fixes.flatMap((f) => f.edits)) {
    const key = JSON.stringify([edit.start, edit.end, edit.text]);
    if (seen.has(key)) continue;
    seen.add(key);
    edits.push(edit);
  }
  return edits;
}

/**
 * Edits of a notebook's cells (from the engine's cell edits) as one workspace
 * edit, or added to `edit`; undefined (and `edit` untouched) when one of them
 * does not fit the notebook.
 */
export function notebookWorkspaceEdit(notebook: vscode.NotebookDocument, edits: readonly Edit[], edit = new vscode.WorkspaceEdit(), placeholders: readonly string[] = []): vscode.WorkspaceEdit | undefined {
  if (edits.some((e) => !e.cell || e.cell.index > notebook.cellCount || (e.cell.kind === 'replace' && e.cell.index >= notebook.cellCount))) return undefined;
  const inserted: vscode.NotebookEdit[] = [];
  const byCell = new Map<vscode.TextDocument, Array<vscode.TextEdit | vscode.SnippetTextEdit>>();
  for (const { cell } of edits) {
    if (!cell) continue;
    if (cell.kind === 'insertCell') {
      inserted.push(vscode.NotebookEdit.insertCells(cell.index, [new vscode.NotebookCellData(vscode.NotebookCellKind.Code, cell.source, 'python')]));
      continue;
    }
    const document = notebook.cellAt(cell.index).document;
    const list = byCell.get(document) ?? [];
    list.push(textEdit(document, new vscode.Range(document.positionAt(cell.start), document.positionAt(cell.end)), cell.text, placeholders));
    byCell.set(document, list);
  }
  for (const [document, list] of byCell) edit.set(document.uri, list);
  if (inserted.length) edit.set(notebook.uri, inserted);
  return edit;
}

export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly Edit[], placeholders: readonly string[] = []): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  edit.set(
    document.uri,
    edits.map((e) => textEdit(document, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.text, placeholders)),
  );
  return edit;
}

/**
 * A text edit, or a snippet edit whose placeholders are tab stops (one number per placeholder, so
 * repeats mirror). Editors indent a snippet's later lines by the indentation of the line it goes
 * in, so that indentation is taken off them first; a text whose lines do not all carry it is
 * inserted as plain text.
 */
function textEdit(document: vscode.TextDocument, range: vscode.Range, text: string, placeholders: readonly string[]): vscode.TextEdit | vscode.SnippetTextEdit {
  const present = placeholders.filter((p) => p && text.includes(p));
  if (!present.length) return new vscode.TextEdit(range, text);
  const indent = /^[ \t]*/.exec(document.lineAt(range.start.line).text)?.[0] ?? '';
  const [first, ...rest] = text.split('\n');
  if (rest.some((line) => line !== '' && !line.startsWith(indent))) return new vscode.TextEdit(range, text);
  const dedented = [first, ...rest.map((line) => line.slice(Math.min(indent.length, line.length)))].join('\n');
  return new vscode.SnippetTextEdit(range, placeholderSnippet(dedented, present));
}

/** `text` as a snippet: everything literal (`$`, `}` and `\\` escaped) but the placeholders, each a tab stop with itself as the default. */
export function placeholderSnippet(text: string, placeholders: readonly string[]): vscode.SnippetString {
  const snippet = new vscode.SnippetString();
  const numbers = new Map(placeholders.map((p, i) => [p, i + 1]));
  let at = 0;
  while (at < text.length) {
    let next = -1;
    let which = '';
    for (const p of placeholders) {
      const found = text.indexOf(p, at);
      if (found !== -1 && (next === -1 || found < next)) {
        next = found;
        which = p;
      }
    }
    if (next === -1) break;
    snippet.appendText(text.slice(at, next));
    snippet.appendPlaceholder(which, numbers.get(which));
    at = next + which.length;
  }
  snippet.appendText(text.slice(at));
  return snippet;
}
