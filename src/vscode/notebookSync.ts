import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NotebookDocumentSyncRegistrationType } from 'vscode-languageclient/node';

const cellScheme = 'vscode-notebook-cell';

type Found = [vscode.NotebookDocument, vscode.NotebookCell] | [undefined, undefined];

/**
 * Which notebook holds a cell's text document, answered in constant time. VS Code's own answer
 * (`vscode.languages.match` with a notebook filter) and the language client's
 * (`findNotebookDocumentAndCell`) walk every cell of every open notebook, once per cell: opening a
 * notebook of n cells then costs n² steps in the extension host (about 600 cells: 0.1–0.5 s of
 * one blocked task). A hit is checked against the notebook as it is now (still open, the cell
 * still at the index it was seen at), so the answer is the walk's; a miss walks once and indexes
 * every cell it passes.
 */
export class NotebookCellIndex {
  private readonly cells = new Map<string, { notebook: vscode.NotebookDocument; index: number; cell: vscode.NotebookCell }>();
  /** Walks of the open notebooks' cells (for the tests: one per notebook opened, not one per cell). */
  walks = 0;

  find(document: vscode.TextDocument): Found {
    const uri = document.uri.toString();
    const hit = this.current(uri);
    if (hit) return hit;
    this.walks++;
    this.cells.clear();
    for (const notebook of vscode.workspace.notebookDocuments) {
      notebook.getCells().forEach((cell, index) => {
        const key = cell.document.uri.toString();
        if (!this.cells.has(key)) this.cells.set(key, { notebook, index, cell });
      });
    }
    return this.current(uri) ?? [undefined, undefined];
  }

  private current(uri: string): Found | undefined {
    const entry = this.cells.get(uri);
    if (!entry || entry.notebook.isClosed || entry.index >= entry.notebook.cellCount || entry.notebook.cellAt(entry.index) !== entry.cell) return undefined;
    return [entry.notebook, entry.cell];
  }

  /**
   * `vscode.languages.match(selector, document)` > 0, without its walk of every cell for a
   * notebook filter: a filter's notebook type, scheme and pattern are the cell's notebook's (as
   * VS Code reads them), its language the cell's.
   */
  matches(selector: vscode.DocumentSelector, document: vscode.TextDocument): boolean {
    const notebook = document.uri.scheme === cellScheme ? this.find(document)[0] : undefined;
    if (!notebook) return vscode.languages.match(selector, document) > 0;
    const filters = Array.isArray(selector) ? (selector as ReadonlyArray<vscode.DocumentFilter | string>) : [selector as vscode.DocumentFilter | string];
    return filters.some((filter) => {
      if (typeof filter === 'string' || !filter.notebookType) return vscode.languages.match(filter, document) > 0;
      if (filter.notebookType !== '*' && filter.notebookType !== notebook.notebookType) return false;
      const { language, scheme, pattern } = filter;
      const rest: vscode.DocumentFilter = { ...(language ? { language } : {}), ...(scheme ? { scheme } : {}), ...(pattern ? { pattern } : {}) };
      if (!Object.keys(rest).length) return true;
      // The notebook's address, the cell's language: what VS Code matches a notebook filter against.
      return vscode.languages.match(rest, { uri: notebook.uri, languageId: document.languageId } as vscode.TextDocument) > 0;
    });
  }
}

/** The language client's notebook sync, as far as it looks cells up (private to vscode-languageclient 9). */
interface SyncFeature {
  findNotebookDocumentAndCell?(document: vscode.TextDocument): Found;
  handles?(document: vscode.TextDocument): boolean;
  dedicatedChannel?: vscode.DocumentSelector;
  registrations?: Map<string, SyncProvider>;
  register?(data: unknown): void;
}
interface SyncProvider {
  selector?: vscode.DocumentSelector;
  notebookDidOpen?: Set<string>;
  handles?(document: vscode.TextDocument): boolean;
  didOpenNotebookCellTextDocument?(notebook: vscode.NotebookDocument, cell: vscode.NotebookCell): void;
}

/**
 * Makes the client's notebook sync look cells up through `index` instead of walking every cell
 * for each (what it sends is unchanged). Returns false, changing nothing, when the client is not
 * shaped as expected (another version of vscode-languageclient).
 */
export function indexNotebookCells(client: LanguageClient, index: NotebookCellIndex): boolean {
  const feature = client.getFeature(NotebookDocumentSyncRegistrationType.method) as unknown as SyncFeature | undefined;
  if (!feature || typeof feature.findNotebookDocumentAndCell !== 'function' || typeof feature.handles !== 'function' || typeof feature.register !== 'function' || !(feature.registrations instanceof Map)) return false;
  const register = feature.register.bind(feature);
  const registrations = feature.registrations;
  feature.findNotebookDocumentAndCell = (document) => index.find(document);
  feature.handles = (document) => {
    if (document.uri.scheme !== cellScheme) return false;
    if (feature.dedicatedChannel !== undefined && index.matches(feature.dedicatedChannel, document)) return true;
    for (const provider of registrations.values()) if (provider.handles?.(document)) return true;
    return false;
  };
  feature.register = (data) => {
    register(data);
    for (const provider of registrations.values()) fastProvider(provider, index);
  };
  for (const provider of registrations.values()) fastProvider(provider, index);
  return true;
}

const patched = new WeakSet<SyncProvider>();

function fastProvider(provider: SyncProvider, index: NotebookCellIndex): void {
  const selector = provider.selector;
  const didOpenCell = provider.didOpenNotebookCellTextDocument?.bind(provider);
  const opened = provider.notebookDidOpen;
  if (patched.has(provider) || !selector || !didOpenCell || !(opened instanceof Set)) return;
  patched.add(provider);
  provider.handles = (document) => index.matches(selector, document);
  // The client ignores a cell opened before its notebook's open (the notebook's open sends every
  // cell); it asks that after a selector match, which walks every cell: asked first here.
  provider.didOpenNotebookCellTextDocument = (notebook, cell) => {
    if (opened.has(notebook.uri.toString())) didOpenCell(notebook, cell);
  };
}
