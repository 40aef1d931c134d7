import * as vscode from 'vscode';
import type { Edit } from '../core/types';
import { placeholderEdit } from './snippets';

/** Applies a notebook fix's cell edits: `(notebookUri: string, edits: Edit[])`; the language server's `greenml.lsp.applyNotebookFix` runs it. */
export const applyNotebookFixCommand = 'greenml.applyNotebookFix';

/**
 * Applies the engine's edits of a notebook's cells, a new cell among them (LSP has no notebook
 * edits, and a cell insertion does not survive the trip of a code action's edit through the API).
 */
export async function applyNotebookFix(notebookUri: unknown, edits: unknown): Promise<boolean> {
  if (typeof notebookUri !== 'string' || !Array.isArray(edits)) return false;
  const notebook = vscode.workspace.notebookDocuments.find((n) => n.uri.toString() === notebookUri);
  const edit = notebook && notebookWorkspaceEdit(notebook, edits as Edit[]);
  return edit ? vscode.workspace.applyEdit(edit) : false;
}

/**
 * Edits of a notebook's cells (from the engine's cell edits) as one workspace edit; undefined when
 * one of them does not fit the notebook. `placeholders` in the text become snippet tab stops.
 */
export function notebookWorkspaceEdit(notebook: vscode.NotebookDocument, edits: readonly Edit[], placeholders: readonly string[] = []): vscode.WorkspaceEdit | undefined {
  if (edits.some((e) => !e.cell || e.cell.index > notebook.cellCount || (e.cell.kind === 'replace' && e.cell.index >= notebook.cellCount))) return undefined;
  const edit = new vscode.WorkspaceEdit();
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
    list.push(placeholderEdit(document, new vscode.Range(document.positionAt(cell.start), document.positionAt(cell.end)), cell.text, placeholders));
    byCell.set(document, list);
  }
  for (const [document, list] of byCell) edit.set(document.uri, list);
  if (inserted.length) edit.set(notebook.uri, inserted);
  return edit;
}
