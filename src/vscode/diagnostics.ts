import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { mergeConfigs, resolveRuleSettings } from '../core/config';
import type { RuleSettings } from '../core/config';
import type { Linter, LintResult } from '../core/engine';
import type { Format } from '../core/types';
import type { ConfigFileFinder, ConfigFileIssue } from '../node/configFile';
import { configFileNames } from '../node/configFile';
import { listFiles } from '../node/walk';
import { diagnosticSource, toDiagnostic } from './convert';
import type { EditorSettings } from './settings';

/** Findings of one document version, kept so code actions can offer their fixes. */
export interface DocumentState {
  version: number;
  result: LintResult;
}

const untitledExtensions: Record<string, string> = { yaml: '.yaml', json: '.json', python: '.py', terraform: '.tf' };

/**
 * Lints open documents on open and on change (debounced), clears them on close,
 * and publishes config-file problems as diagnostics on the config file itself.
 */
export class DocumentLinter implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('greenml');
  private readonly configCollection = vscode.languages.createDiagnosticCollection('greenml-config');
  private readonly states = new Map<string, DocumentState>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly reportedSettingsIssues = new Set<string>();

  constructor(
    readonly linter: Linter,
    private readonly finder: ConfigFileFinder,
    private settings: EditorSettings,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.reportSettingsIssues();
  }

  updateSettings(settings: EditorSettings): void {
    this.settings = settings;
    this.reportSettingsIssues();
    this.relintOpenDocuments();
  }

  relintOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) this.lintDocument(document);
  }

  stateOf(document: vscode.TextDocument): DocumentState | undefined {
    const state = this.states.get(document.uri.toString());
    return state && state.version === document.version ? state : undefined;
  }

  /** The format of a document, if Green ML lints it. */
  formatOf(document: vscode.TextDocument): Format | undefined {
    return this.states.get(document.uri.toString())?.result.format;
  }

  scheduleLint(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.lintDocument(document);
    }, this.settings.lintDelayMs));
  }

  lintDocument(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (!this.settings.enable || !isLintable(document)) {
      this.forget(document.uri);
      return;
    }
    const fileName = fileNameFor(document);
    if (!this.linter.mayHandle(fileName)) return;
    if (this.linter.needsPrepare(fileName)) {
      // The first document of a language whose parser loads lazily (Python): lint it once loaded.
      void this.linter.prepare([fileName]).then(() => {
        if (!document.isClosed) this.lintDocument(document);
      });
      return;
    }
    const text = document.getText();
    if (text.length > this.settings.maxFileSizeKb * 1024) {
      this.log.info(`not linting ${document.uri.fsPath}: larger than greenml.maxFileSizeKb (${this.settings.maxFileSizeKb} KB)`);
      this.forget(document.uri);
      return;
    }
    const started = performance.now();
    const result = this.linter.lint(fileName, text, { settings: this.settingsFor(document.uri) });
    this.states.set(key, { version: document.version, result });
    this.collection.set(document.uri, result.findings.map((f) => toDiagnostic(f, document.uri)));
    if (result.format) this.log.debug(`linted ${document.uri.fsPath} (${result.format}) in ${(performance.now() - started).toFixed(1)} ms: ${result.findings.length} findings`);
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.states.delete(key);
    this.collection.delete(uri);
  }

  /** Lints every file of the workspace folders, publishing diagnostics for files not open. */
  async lintWorkspace(progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<{ files: number; findings: number; filesWithFindings: number }> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    const { files } = listFiles(folders.map((f) => f.uri.fsPath), { accept: (name) => this.linter.mayHandle(name) });
    await this.linter.prepare(files);
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    let findings = 0;
    let filesWithFindings = 0;
    let linted = 0;
    for (const [index, file] of files.entries()) {
      if (token.isCancellationRequested) break;
      const uri = vscode.Uri.file(file);
      if (open.has(uri.toString())) {
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (document) this.lintDocument(document);
      } else {
        let text: string;
        try {
          text = await fs.readFile(file, 'utf8');
        } catch (err) {
          this.log.warn(`cannot read ${file}: ${(err as Error).message}`);
          continue;
        }
        if (text.length > this.settings.maxFileSizeKb * 1024) continue;
        const result = this.linter.lint(file, text, { settings: this.settingsFor(uri) });
        this.collection.set(uri, result.findings.map((f) => toDiagnostic(f, uri)));
      }
      const count = this.collection.get(uri)?.length ?? 0;
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

  private settingsFor(uri: vscode.Uri): RuleSettings {
    const found = uri.scheme === 'file' ? this.finder.find(uri.fsPath) : undefined;
    if (found) this.publishConfigIssues(found.file, found.issues);
    const config = found ? mergeConfigs(this.settings.config, found.config) : this.settings.config;
    return resolveRuleSettings(this.linter.rules, config);
  }

  private publishConfigIssues(file: string, issues: ConfigFileIssue[]): void {
    const uri = vscode.Uri.file(file);
    const diagnostics = issues.map((issue) => {
      const position = new vscode.Position(issue.line - 1, issue.column - 1);
      const diagnostic = new vscode.Diagnostic(new vscode.Range(position, position.translate(0, 1)), `${issue.path ? `${issue.path}: ` : ''}${issue.message}`, vscode.DiagnosticSeverity.Error);
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
      const text = `${issue.path}: ${issue.message}`;
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

/** Files, unsaved buffers and notebook cells; not git/diff views or output panes. */
export function isLintable(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file' || document.uri.scheme === 'untitled';
}

/** The name detection uses: untitled buffers get an extension from their language. */
function fileNameFor(document: vscode.TextDocument): string {
  if (document.uri.scheme !== 'untitled') return document.fileName;
  return `${document.fileName}${untitledExtensions[document.languageId] ?? ''}`;
}

export const configFileGlob = `**/{${configFileNames.join(',')}}`;
