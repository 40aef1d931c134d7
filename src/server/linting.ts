import { readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Diagnostic } from 'vscode-languageserver/node';
import { mergeConfigs, resolveRuleSettings } from '../core/config';
import type { RuleSettings } from '../core/config';
import type { Linter, LintResult } from '../core/engine';
import type { FileContext, Finding, Fix, Format } from '../core/types';
import type { ConfigFileFinder, LoadedConfig } from '../node/configFile';
import type { ServerBaseline } from './baseline';
import { buildFolderContext } from '../node/folderContext';
import { cellRange, toLspDiagnostic, uriToPath } from './convert';
import { DiagnosticCache } from './diagnosticCache';
import type { CellInput } from './notebookText';
import { notebookText } from './notebookText';
import type { ServerSettings } from './settings';
import type { LintState, NotebookLint, TextLint } from './state';

/** An open text document as the server lints it. */
export interface OpenText {
  uri: string;
  languageId: string;
  version: number;
  getText(): string;
}

/** How an open document is linted ({@link LintService.targetOf}). */
export interface DocumentTarget {
  /** The document's path, or its URI when it is no file (an untitled buffer). */
  file: string;
  /** The name the engine detects the format from (the file's, or with the forced format's extension). */
  nameForDetection: string;
  /** The format the document's language forces, when its name does not say it. */
  forced?: Format;
}

/** An open notebook: its version and its cells in order. */
export interface OpenNotebook {
  uri: string;
  version: number;
  cells: Array<CellInput & { uri: string }>;
}

export interface LintSink {
  publish(uri: string, diagnostics: Diagnostic[], version?: number): void;
  log(message: string): void;
  /** The config file a lint read, with its problems (shown on the file). */
  config?(loaded: LoadedConfig): void;
}

/** The file an open notebook is linted as: its path (or URI), named `.ipynb` when it is not. */
export function notebookFile(uri: string): string {
  return (uriToPath(uri) ?? uri).replace(/(?<!\.ipynb)$/, '.ipynb');
}

/** Languages whose documents are linted as a format whatever their name says (virtual documents of notebook front ends). */
const formatByLanguage: Record<string, Format> = { python: 'python', terraform: 'terraform' };

/**
 * Lints open documents and notebooks and keeps each one's last lint for code actions and hovers.
 * A lint runs for the newest version only; a result for a version the editor has moved past is
 * dropped rather than published.
 */
export class LintService {
  private readonly states = new Map<string, LintState>();
  /** Cell URI → notebook URI, for cells' code actions and hovers. */
  private readonly cellOwners = new Map<string, string>();
  private readonly publishedCells = new Map<string, string[]>();
  /** The diagnostics last published on each cell (objects the cache hands again while they show the same). */
  private readonly cellDiagnostics = new Map<string, readonly Diagnostic[]>();
  /** Each open document's and notebook's diagnostics, kept from one lint to the next. */
  private readonly caches = new Map<string, DiagnosticCache>();

  constructor(
    readonly linter: Linter,
    private readonly finder: ConfigFileFinder,
    private readonly sink: LintSink,
    private settings: () => ServerSettings,
    /** The text of an open document by file path (Terraform siblings read open editors first). */
    private readonly openText: (file: string) => string | undefined,
    /** `greenml.baseline`: findings it accepts are greyed or hidden. */
    private readonly baseline?: ServerBaseline,
  ) {}

  /**
   * The diagnostics of a file's findings (`file` undefined for a document that is no file on disk),
   * the baseline applied; each carries its finding's index as its key, or the key `convert` gives it.
   */
  diagnosticsOf(file: string | undefined, uri: string, text: string, findings: readonly Finding[], convert?: (f: Finding) => Diagnostic): Diagnostic[] {
    const toDiagnostic = convert ?? ((f: Finding, key: number): Diagnostic => toLspDiagnostic(f, key, uri));
    return this.baseline ? this.baseline.diagnostics(file, text, findings, toDiagnostic) : findings.map(toDiagnostic);
  }

  stateOf(uri: string): LintState | undefined {
    return this.states.get(uri);
  }

  /** The notebook lint a cell's diagnostics come from, and the cell's index. */
  cellStateOf(cellUri: string): { state: NotebookLint; index: number } | undefined {
    const owner = this.cellOwners.get(cellUri);
    const state = owner ? this.states.get(owner) : undefined;
    if (!state || state.kind !== 'notebook') return undefined;
    const index = state.cells.findIndex((c) => c.uri === cellUri);
    return index === -1 ? undefined : { state, index };
  }

  /**
   * How an open document is linted: the path (or URI) it is linted under, the name its format is
   * detected from, and the format its language forces; undefined when Green ML reads no such document.
   */
  targetOf(uri: string, languageId: string, text: string): DocumentTarget | undefined {
    const file = uriToPath(uri) ?? uri;
    const forced = this.forcedFormat(file, text, languageId);
    if (!forced && !this.linter.mayHandle(file)) return undefined;
    const nameForDetection = forced ? `${file}${forced === 'notebook' ? '' : forced === 'python' ? '.py' : '.tf'}` : file;
    return { file, nameForDetection, ...(forced ? { forced } : {}) };
  }

  /** Lints an open document's text as {@link targetOf} says (the grammar it needs loaded). */
  lintTarget(target: DocumentTarget, text: string, keepFacts = false): LintResult {
    return target.forced === 'notebook'
      ? asOneCell(this.linter.lint(target.file, notebookText([{ code: true, text }]), { settings: this.ruleSettings(target.file, this.settings()), format: 'notebook', context: this.folderContext(target.file, text), keepFacts }))
      : this.lintWithContext(target.file, text, { format: target.forced, keepFacts });
  }

  async lintText(document: OpenText, isCurrent: () => boolean): Promise<void> {
    const settings = this.settings();
    const text = document.getText();
    const target = this.targetOf(document.uri, document.languageId, text);
    if (!settings.enable || !target) return this.forget(document.uri);
    if (text.length > settings.maxFileSizeKb * 1024) {
      this.sink.log(`not linting ${document.uri}: larger than greenml.maxFileSizeKb (${settings.maxFileSizeKb} KB)`);
      return this.forget(document.uri);
    }
    const forced = target.forced;
    if (this.linter.needsPrepare(target.nameForDetection, text)) await this.linter.prepare([target.nameForDetection], text);
    if (!isCurrent()) return;
    // The clock starts once the grammar is loaded: a first lint that waits for it is not slow.
    const started = performance.now();
    const result = this.lintTarget(target, text, true);
    if (this.overBudget(document.uri, document.version, started)) return;
    const language = this.linter.languages.find((l) => l.format === (forced === 'notebook' ? 'python' : result.format));
    // A notebook's code sent as one text is not the file's text: the baseline does not match it.
    const onDisk = forced === 'notebook' ? undefined : uriToPath(document.uri);
    const lint = this.cacheOf(document.uri).begin();
    const diagnostics = this.diagnosticsOf(onDisk, document.uri, text, result.findings, (f) => lint.convert(f, document.uri));
    lint.end();
    const state: TextLint = {
      kind: 'text',
      uri: document.uri,
      version: document.version,
      text,
      result,
      keys: lint.findings,
      commentPrefix: result.format === 'notebook' && forced !== 'notebook' ? undefined : language?.commentPrefixes[0],
      ...(forced === 'notebook' ? { oneCell: true } : {}),
    };
    this.states.set(document.uri, state);
    this.sink.publish(document.uri, diagnostics, document.version);
  }

  /** Lints a notebook as a whole from its live cells and publishes each finding on its cell. */
  async lintNotebook(notebook: OpenNotebook, isCurrent: () => boolean): Promise<void> {
    const settings = this.settings();
    const file = notebookFile(notebook.uri);
    if (!settings.enable) return this.forgetNotebook(notebook.uri);
    if (this.linter.needsPrepare(file)) await this.linter.prepare([file]);
    if (!isCurrent()) return;
    const started = performance.now();
    const text = notebookText(notebook.cells);
    // The Python modules beside it (a cleanup helper it imports), open editors first.
    const result: LintResult = this.linter.lint(file, text, { settings: this.ruleSettings(file, settings), format: 'notebook', context: this.folderContext(file, text), keepFacts: true });
    if (this.overBudget(notebook.uri, notebook.version, started)) return;
    const language = this.linter.languages.find((l) => l.format === 'python');
    const lint = this.cacheOf(notebook.uri).begin();
    const byCell = new Map<string, Diagnostic[]>(notebook.cells.filter((c) => c.code).map((c) => [c.uri, []]));
    for (const finding of result.findings) {
      const cell = finding.cell && notebook.cells[finding.cell.index];
      if (!finding.cell || !cell) continue;
      byCell.get(cell.uri)?.push(lint.convert(finding, cell.uri, cellRange(finding.cell), false));
    }
    lint.end();
    this.states.set(notebook.uri, {
      kind: 'notebook',
      uri: notebook.uri,
      version: notebook.version,
      text,
      result,
      cells: notebook.cells.map((c) => ({ uri: c.uri, text: c.text, code: c.code })),
      keys: lint.findings,
      commentPrefix: language?.commentPrefixes[0],
    });
    for (const uri of this.publishedCells.get(notebook.uri) ?? []) {
      if (byCell.has(uri)) continue;
      this.cellDiagnostics.delete(uri);
      this.sink.publish(uri, []);
    }
    // Only the cells whose diagnostics changed: an edit of one cell of a long notebook sends one or a few.
    for (const [uri, diagnostics] of byCell) {
      this.cellOwners.set(uri, notebook.uri);
      const published = this.cellDiagnostics.get(uri);
      if (published && published.length === diagnostics.length && published.every((d, i) => d === diagnostics[i])) continue;
      this.cellDiagnostics.set(uri, diagnostics);
      this.sink.publish(uri, diagnostics);
    }
    this.publishedCells.set(notebook.uri, [...byCell.keys()]);
  }

  /**
   * Lints a file's text as a file of the workspace: the settings and config file that apply
   * there, and the other files of its folder for formats read together (a Terraform module).
   */
  lintWithContext(file: string, text: string, options: { format?: Format; keepFacts?: boolean } = {}): LintResult {
    return this.linter.lint(file, text, { settings: this.ruleSettings(file, this.settings()), context: this.folderContext(file, text), ...(options.format ? { format: options.format } : {}), keepFacts: options.keepFacts === true });
  }

  /**
   * The files of `file`'s folder read with it (a Terraform module's `.tf` files, a notebook's
   * `.py` modules): `text` for the file itself, an open editor's text, else the disk's.
   */
  private folderContext(file: string, text: string): FileContext | undefined {
    return file.startsWith('/') ? buildFolderContext(this.linter, file, (f) => (f === file ? text : this.currentText(f))) : undefined;
  }

  /**
   * The engine runs a lint to its end (it is synchronous and linear in the text); one that took
   * longer than `greenml.lintTimeBudget` is abandoned: its result is dropped, with a log line.
   */
  private overBudget(uri: string, version: number, started: number): boolean {
    const elapsed = performance.now() - started;
    const budget = this.settings().lintTimeBudgetMs;
    if (elapsed <= budget) return false;
    this.sink.log(`lint of ${uri} (version ${version}) abandoned: it took ${Math.round(elapsed)} ms, over the time budget of ${budget} ms (greenml.lintTimeBudget)`);
    return true;
  }

  forget(uri: string): void {
    this.caches.delete(uri);
    if (this.states.delete(uri)) this.sink.publish(uri, []);
  }

  forgetNotebook(uri: string): void {
    this.caches.delete(uri);
    this.states.delete(uri);
    for (const cell of this.publishedCells.get(uri) ?? []) {
      this.cellOwners.delete(cell);
      this.cellDiagnostics.delete(cell);
      this.sink.publish(cell, []);
    }
    this.publishedCells.delete(uri);
  }

  private cacheOf(uri: string): DiagnosticCache {
    let cache = this.caches.get(uri);
    if (!cache) this.caches.set(uri, (cache = new DiagnosticCache()));
    return cache;
  }

  /** The rule settings for a file: the client's settings merged with the config file that applies there. */
  ruleSettings(file: string, settings: ServerSettings): RuleSettings {
    const found = file.startsWith('/') ? this.finder.find(file) : undefined;
    if (found) this.sink.config?.(found);
    const config = found ? mergeConfigs(settings.config, found.config) : settings.config;
    return resolveRuleSettings(this.linter.rules, config);
  }

  /**
   * The format to force for a document whose name does not say it: notebook front ends such as
   * jupyterlab-lsp send a notebook's code cells as one Python document named after the `.ipynb`;
   * an untitled buffer (or a file without an extension) has only its language to say what it is.
   */
  private forcedFormat(file: string, text: string, languageId: string): Format | undefined {
    const format = formatByLanguage[languageId];
    if (!format) return undefined;
    // The code of a notebook as one Python text: read as a notebook of one cell, so notebook rules
    // (an endpoint never deleted) apply and positions in the cell are positions in the text.
    if (format === 'python' && file.toLowerCase().endsWith('.ipynb') && !text.trimStart().startsWith('{')) return 'notebook';
    return this.linter.mayHandle(file) ? undefined : format;
  }

  /** An open document's text, else the file on disk (size-limited); undefined when unreadable. */
  private currentText(file: string): string | undefined {
    const open = this.openText(file);
    if (open !== undefined) return open;
    try {
      if (statSync(file).size > this.settings().maxFileSizeKb * 1024) return undefined;
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }
}

/**
 * The lint of a one-cell notebook as the lint of that cell's text: ranges and edits move into the
 * cell; a fix that adds a cell cannot be made in a text and is dropped.
 */
function asOneCell(result: LintResult): LintResult {
  const inCell = (fix: Fix | undefined): Fix | undefined => {
    if (!fix || fix.edits.some((e) => e.cell?.kind !== 'replace')) return undefined;
    return { ...fix, edits: fix.edits.map((e) => (e.cell?.kind === 'replace' ? { start: e.cell.start, end: e.cell.end, text: e.cell.text } : e)) };
  };
  const findings = result.findings.flatMap((f): Finding[] => {
    if (!f.cell) return [];
    const suggestions = (f.suggestions ?? []).flatMap((s) => (s.applicability === 'displayOnly' ? [s] : inCell(s) ?? []));
    return [{ ...f, ...cellRange(f.cell), cell: undefined, related: undefined, fix: f.fix?.applicability === 'displayOnly' ? f.fix : inCell(f.fix), suggestions: suggestions.length ? suggestions : undefined }];
  });
  return { ...result, findings };
}
