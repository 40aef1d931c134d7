import * as fs from 'node:fs/promises';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { mergeConfigs, resolveRuleSettings } from '../core/config';
import type { RuleSettings } from '../core/config';
import type { KeptFacts, Linter, LintResult } from '../core/engine';
import { escapeControls } from '../core/escape';
import type { CellLocation, FileContext, Format, Range as FindingRange } from '../core/types';
import type { ConfigFileFinder, ConfigFileIssue } from '../node/configFile';
import { configFileNames } from '../node/configFile';
import { buildFolderContext, folderSiblings } from '../node/folderContext';
import { listFiles } from '../node/walk';
import { EditorBaseline } from './baseline';
import { diagnosticSource, toDiagnostic } from './convert';
import type { EditorSettings } from './settings';

/** Findings of one document version, kept so code actions can offer their fixes. */
export interface DocumentState {
  version: number;
  result: LintResult;
}

/**
 * Findings of a notebook open in the notebook editor, linted as a whole from its
 * live cells: `text` is the `.ipynb` JSON built from them (what the findings'
 * offsets index); each finding's `cell` says where it is shown.
 */
export interface NotebookState {
  notebook: vscode.NotebookDocument;
  text: string;
  result: LintResult;
  /** Cell document versions linted, by cell URI. */
  versions: Map<string, number>;
}

export const cellScheme = 'vscode-notebook-cell';

const untitledExtensions: Record<string, string> = { yaml: '.yaml', json: '.json', python: '.py', terraform: '.tf', typescript: '.ts' };

/**
 * Lints open documents on open and on change (debounced), clears them on close,
 * and publishes config-file problems as diagnostics on the config file itself.
 */
export class DocumentLinter implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('greenml');
  private readonly configCollection = vscode.languages.createDiagnosticCollection('greenml-config');
  private readonly states = new Map<string, DocumentState>();
  private readonly notebookStates = new Map<string, NotebookState>();
  /** The cell URIs each notebook has diagnostics on, to clear them. */
  private readonly publishedCells = new Map<string, string[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly reportedSettingsIssues = new Set<string>();
  /** Texts of files read from disk for folder contexts (Terraform modules), kept while their size and mtime stay. */
  private readonly diskTexts = new Map<string, { mtimeMs: number; size: number; text: string }>();
  /** `greenml.baseline`: findings it accepts are hidden or dimmed. */
  private readonly baseline: EditorBaseline;

  constructor(
    readonly linter: Linter,
    private readonly finder: ConfigFileFinder,
    private settings: EditorSettings,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.baseline = new EditorBaseline(log);
    this.reportSettingsIssues();
  }

  updateSettings(settings: EditorSettings): void {
    this.settings = settings;
    this.reportSettingsIssues();
    this.relintOpenDocuments();
  }

  relintOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) if (document.uri.scheme !== cellScheme) this.lintDocument(document);
    for (const notebook of vscode.workspace.notebookDocuments) this.lintNotebook(notebook);
  }

  stateOf(document: vscode.TextDocument): DocumentState | undefined {
    const state = this.states.get(document.uri.toString());
    return state && state.version === document.version ? state : undefined;
  }

  /**
   * The facts of the document's current version as its lint walked them, for CodeLens: one
   * parse per version serves the diagnostics and the lenses. A lint still waiting for its
   * delay runs now (the timer is cancelled, so it does not run twice). Undefined when the
   * document is not linted (disabled, too large, not yet loaded): the caller parses it itself.
   */
  factsOf(document: vscode.TextDocument): KeptFacts | undefined {
    if (document.uri.scheme === cellScheme) {
      const notebook = this.notebookOf(document);
      if (!notebook) return undefined;
      if (!this.cellStateOf(document) && this.timers.has(notebook.uri.toString())) {
        clearTimeout(this.timers.get(notebook.uri.toString()));
        this.timers.delete(notebook.uri.toString());
        this.lintNotebook(notebook);
      }
      const current = this.cellStateOf(document);
      // Cells moved or removed without an edit keep their versions: the text says whether it is the same notebook.
      return current && current.state.text === notebookText(notebook.getCells()) ? current.state.result.facts : undefined;
    }
    const key = document.uri.toString();
    if (!this.stateOf(document) && this.timers.has(key)) {
      clearTimeout(this.timers.get(key));
      this.timers.delete(key);
      this.lintDocument(document);
    }
    return this.stateOf(document)?.result.facts;
  }

  /** The format of a document, if Green ML lints it. */
  formatOf(document: vscode.TextDocument): Format | undefined {
    return this.states.get(document.uri.toString())?.result.format;
  }

  scheduleLint(document: vscode.TextDocument): void {
    const notebook = document.uri.scheme === cellScheme ? this.notebookOf(document) : undefined;
    if (notebook) {
      this.scheduleNotebookLint(notebook);
      return;
    }
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.lintDocument(document);
      // The other open files of its module read this one's text: their findings may change too.
      this.lintFolderSiblings(document.uri);
    }, this.settings.lintDelayMs));
  }

  /**
   * Re-lints the open documents read together with the file at `uri` (the
   * other `.tf` files of its folder), after it changed, was closed or changed
   * on disk.
   */
  lintFolderSiblings(uri: vscode.Uri): void {
    if (uri.scheme !== 'file') return;
    const siblings = folderSiblings(this.linter, uri.fsPath);
    if (!siblings) return;
    const names = new Set(siblings.files);
    for (const other of vscode.workspace.textDocuments) {
      if (other.uri.scheme === 'file' && other.uri.toString() !== uri.toString() && names.has(other.uri.fsPath)) this.lintDocument(other);
    }
  }

  lintDocument(document: vscode.TextDocument): void {
    if (document.uri.scheme === cellScheme) {
      // A notebook cell: the notebook is linted as a whole.
      const notebook = this.notebookOf(document);
      if (notebook) this.scheduleNotebookLint(notebook);
      return;
    }
    const key = document.uri.toString();
    if (!this.settings.enable || !isLintable(document)) {
      this.forget(document.uri);
      return;
    }
    const fileName = fileNameFor(document);
    if (!this.linter.mayHandle(fileName)) return;
    // A TypeScript file that is not a CDK app never loads the TypeScript grammar.
    const content = document.getText();
    if (this.linter.needsPrepare(fileName, content)) {
      // The first document of a language whose parser loads lazily (Python): lint it once loaded.
      void this.linter.prepare([fileName], content).then(() => {
        if (!document.isClosed) this.lintDocument(document);
      });
      return;
    }
    const text = content;
    if (text.length > this.settings.maxFileSizeKb * 1024) {
      this.log.info(`not linting ${document.uri.fsPath}: larger than greenml.maxFileSizeKb (${this.settings.maxFileSizeKb} KB)`);
      this.forget(document.uri);
      return;
    }
    const started = performance.now();
    // A Terraform file is read with the other .tf files of its folder: open editors' texts, else the disk.
    const context = document.uri.scheme === 'file' ? buildFolderContext(this.linter, fileName, (f) => (f === fileName ? text : this.currentText(f))) : undefined;
    const result = this.linter.lint(fileName, text, { settings: this.settingsFor(document.uri), context, keepFacts: true });
    this.states.set(key, { version: document.version, result });
    this.collection.set(document.uri, this.baseline.diagnostics(document.uri, text, result.findings, (f) => toDiagnostic(f, document.uri)));
    if (result.format) this.log.debug(`linted ${document.uri.fsPath} (${result.format}) in ${(performance.now() - started).toFixed(1)} ms: ${result.findings.length} findings`);
  }

  /** Texts longer than this are not linted (greenml.maxFileSizeKb). */
  get maxTextLength(): number {
    return this.settings.maxFileSizeKb * 1024;
  }

  /**
   * Lints a text as the file at `uri` with the settings that apply there (and, for a `file:` URI,
   * the other .tf files of its folder as the Terraform module); publishes nothing.
   */
  lintText(uri: vscode.Uri, text: string, format?: LintResult['format']): LintResult {
    const fileName = uri.fsPath;
    const context = uri.scheme === 'file' ? buildFolderContext(this.linter, fileName, (f) => (f === fileName ? text : this.currentText(f))) : undefined;
    return this.linter.lint(fileName, text, { settings: this.settingsFor(uri), context, ...(format ? { format } : {}) });
  }

  /** The last lint of a notebook open in the notebook editor. */
  notebookStateOf(notebook: vscode.NotebookDocument): NotebookState | undefined {
    return this.notebookStates.get(notebook.uri.toString());
  }

  /** The notebook a cell document belongs to. */
  notebookOf(cell: vscode.TextDocument): vscode.NotebookDocument | undefined {
    const key = cell.uri.toString();
    return vscode.workspace.notebookDocuments.find((n) => n.uri.path === cell.uri.path && n.getCells().some((c) => c.document.uri.toString() === key));
  }

  /** The notebook state and cell index of a cell document, when its findings are current. */
  cellStateOf(cell: vscode.TextDocument): { state: NotebookState; index: number } | undefined {
    const notebook = this.notebookOf(cell);
    const state = notebook && this.notebookStates.get(notebook.uri.toString());
    if (!notebook || !state || state.versions.size !== notebook.getCells().filter(isCodeCell).length) return undefined;
    if (state.versions.get(cell.uri.toString()) !== cell.version) return undefined;
    const index = notebook.getCells().findIndex((c) => c.document.uri.toString() === cell.uri.toString());
    return index === -1 ? undefined : { state, index };
  }

  scheduleNotebookLint(notebook: vscode.NotebookDocument): void {
    const key = notebook.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.lintNotebook(notebook);
    }, this.settings.lintDelayMs));
  }

  /**
   * Lints a notebook open in the notebook editor from its live cells (constants
   * flow from earlier cells to later ones) and publishes each finding on its cell.
   */
  lintNotebook(notebook: vscode.NotebookDocument): void {
    if (notebook.isClosed) return;
    if (!this.settings.enable || notebook.notebookType !== 'jupyter-notebook' || (notebook.uri.scheme !== 'file' && notebook.uri.scheme !== 'untitled')) {
      this.forgetNotebook(notebook);
      return;
    }
    const fileName = notebook.uri.scheme === 'file' ? notebook.uri.fsPath : `${notebook.uri.path}.ipynb`;
    if (this.linter.needsPrepare(fileName)) {
      void this.linter.prepare([fileName]).then(() => this.lintNotebook(notebook));
      return;
    }
    const cells = notebook.getCells();
    const text = notebookText(cells);
    const started = performance.now();
    const result = this.linter.lint(fileName, text, { settings: this.settingsFor(notebook.uri), format: 'notebook', keepFacts: true });
    const key = notebook.uri.toString();
    this.notebookStates.set(key, { notebook, text, result, versions: new Map(cells.filter(isCodeCell).map((c) => [c.document.uri.toString(), c.document.version])) });
    const byCell = new Map<string, vscode.Diagnostic[]>(cells.filter(isCodeCell).map((c) => [c.document.uri.toString(), []]));
    for (const finding of result.findings) {
      const cell = finding.cell && cells[finding.cell.index];
      if (!finding.cell || !cell) continue;
      byCell.get(cell.document.uri.toString())?.push(toDiagnostic({ ...finding, ...cellRange(finding.cell), related: undefined }, cell.document.uri));
    }
    for (const uri of this.publishedCells.get(key) ?? []) if (!byCell.has(uri)) this.collection.delete(vscode.Uri.parse(uri));
    for (const cell of cells.filter(isCodeCell)) this.collection.set(cell.document.uri, byCell.get(cell.document.uri.toString()) ?? []);
    this.publishedCells.set(key, [...byCell.keys()]);
    // "Lint workspace" may have published raw-file positions for it before it was opened.
    this.collection.delete(notebook.uri);
    this.log.debug(`linted notebook ${notebook.uri.fsPath} (${cells.length} cells) in ${(performance.now() - started).toFixed(1)} ms: ${result.findings.length} findings`);
  }

  forgetNotebook(notebook: vscode.NotebookDocument): void {
    const key = notebook.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.notebookStates.delete(key);
    for (const uri of this.publishedCells.get(key) ?? []) this.collection.delete(vscode.Uri.parse(uri));
    this.publishedCells.delete(key);
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.states.delete(key);
    this.collection.delete(uri);
  }

  /**
   * Lints every file of the workspace folders, publishing diagnostics for files not open.
   * `collect` receives each file linted with the text its findings index (the footprint report).
   */
  async lintWorkspace(
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    token: vscode.CancellationToken,
    collect?: (linted: { uri: vscode.Uri; text: string; result: LintResult }) => void,
  ): Promise<{ files: number; findings: number; filesWithFindings: number }> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    const { files } = listFiles(folders.map((f) => f.uri.fsPath), { accept: (name) => this.linter.mayHandle(name) });
    await this.linter.prepare(files);
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    const contexts = new Map<string, FileContext | undefined>();
    const contextOf = (file: string): FileContext | undefined => {
      const key = path.dirname(file);
      if (!contexts.has(key)) contexts.set(key, buildFolderContext(this.linter, file, (f) => this.currentText(f)));
      return contexts.get(key);
    };
    let findings = 0;
    let filesWithFindings = 0;
    let linted = 0;
    for (const [index, file] of files.entries()) {
      if (token.isCancellationRequested) break;
      const uri = vscode.Uri.file(file);
      const notebook = vscode.workspace.notebookDocuments.find((n) => n.uri.toString() === uri.toString());
      if (notebook) {
        this.lintNotebook(notebook);
        const state = this.notebookStates.get(uri.toString());
        if (state && collect) collect({ uri, text: state.text, result: state.result });
      } else if (open.has(uri.toString())) {
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (document) this.lintDocument(document);
        const state = document && this.stateOf(document);
        if (document && state && collect) collect({ uri, text: document.getText(), result: state.result });
      } else {
        let text: string;
        try {
          text = await fs.readFile(file, 'utf8');
        } catch (err) {
          this.log.warn(`cannot read ${file}: ${(err as Error).message}`);
          continue;
        }
        if (text.length > this.settings.maxFileSizeKb * 1024) continue;
        const result = this.linter.lint(file, text, { settings: this.settingsFor(uri), context: contextOf(file) });
        this.collection.set(uri, this.baseline.diagnostics(uri, text, result.findings, (f) => toDiagnostic(f, uri)));
        if (collect && !result.skipped) collect({ uri, text, result });
      }
      const count = notebook ? (this.notebookStates.get(uri.toString())?.result.findings.length ?? 0) : (this.collection.get(uri)?.length ?? 0);
      findings += count;
      if (count) filesWithFindings++;
      linted++;
      if (index % 20 === 0) {
        progress.report({ message: `${index + 1}/${files.length} files`, increment: (20 / Math.max(1, files.length)) * 100 });
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return { files: linted, findings, filesWithFindings };
  }

  /** A file's text as the user sees it: its open editor's (saved or not), else the disk's; undefined when unreadable. */
  private currentText(file: string): string | undefined {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === file);
    if (open) return open.getText();
    try {
      const stat = statSync(file);
      if (stat.size > this.settings.maxFileSizeKb * 1024) return undefined;
      const cached = this.diskTexts.get(file);
      if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.text;
      const text = readFileSync(file, 'utf8');
      this.diskTexts.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, text });
      return text;
    } catch {
      this.diskTexts.delete(file);
      return undefined;
    }
  }

  /** The rule settings for a file: the editor's settings merged with the config file found upward. */
  settingsFor(uri: vscode.Uri): RuleSettings {
    const found = uri.scheme === 'file' ? this.finder.find(uri.fsPath) : undefined;
    if (found) this.publishConfigIssues(found.file, found.issues);
    const config = found ? mergeConfigs(this.settings.config, found.config) : this.settings.config;
    return resolveRuleSettings(this.linter.rules, config);
  }

  private publishConfigIssues(file: string, issues: ConfigFileIssue[]): void {
    const uri = vscode.Uri.file(file);
    const diagnostics = issues.map((issue) => {
      const position = new vscode.Position(issue.line - 1, issue.column - 1);
      const diagnostic = new vscode.Diagnostic(new vscode.Range(position, position.translate(0, 1)), escapeControls(`${issue.path ? `${issue.path}: ` : ''}${issue.message}`), vscode.DiagnosticSeverity.Error);
      diagnostic.source = diagnosticSource;
      diagnostic.code = 'invalid-config';
      return diagnostic;
    });
    const previous = this.configCollection.get(uri)?.length ?? 0;
    if (previous === 0 && diagnostics.length === 0) return;
    this.configCollection.set(uri, diagnostics);
    if (previous === 0) this.log.warn(`invalid settings in ${file}: ${diagnostics.map((d) => d.message).join('; ')}`);
  }

  private reportSettingsIssues(): void {
    for (const issue of this.settings.issues) {
      const text = escapeControls(`${issue.path}: ${issue.message}`);
      if (this.reportedSettingsIssues.has(text)) continue;
      this.reportedSettingsIssues.add(text);
      this.log.warn(`invalid setting ${text}`);
      void vscode.window.showWarningMessage(`Green ML: invalid setting ${text}`, 'Open Settings').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'greenml.rules');
      });
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.collection.dispose();
    this.configCollection.dispose();
  }
}

/** A code cell Green ML reads: Python (other languages' cells are left out, like markdown). */
export function isCodeCell(cell: vscode.NotebookCell): boolean {
  return cell.kind === vscode.NotebookCellKind.Code && cell.document.languageId === 'python';
}

/** The `.ipynb` JSON of the live cells: what the notebook language parses. */
export function notebookText(cells: readonly vscode.NotebookCell[]): string {
  return JSON.stringify({
    cells: cells.map((c) => ({ cell_type: isCodeCell(c) ? 'code' : c.kind === vscode.NotebookCellKind.Code ? 'raw' : 'markdown', metadata: {}, source: isCodeCell(c) ? c.document.getText() : '' })),
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  });
}

/** A finding's range inside its cell, as finding fields. */
export function cellRange(cell: CellLocation): FindingRange {
  return { line: cell.line, column: cell.column, endLine: cell.endLine, endColumn: cell.endColumn };
}

/** Files and unsaved buffers; not git/diff views or output panes (notebook cells are linted through their notebook). */
export function isLintable(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file' || document.uri.scheme === 'untitled';
}

/** The name detection uses: untitled buffers get an extension from their language. */
function fileNameFor(document: vscode.TextDocument): string {
  if (document.uri.scheme !== 'untitled') return document.fileName;
  return `${document.fileName}${untitledExtensions[document.languageId] ?? ''}`;
}

export const configFileGlob = `**/{${configFileNames.join(',')}}`;
