import * as vscode from 'vscode';
import { createLinter } from '../linter';
import { ConfigFileFinder } from '../node/configFile';
import { GreenMlCodeActions } from './codeActions';
import { CostCodeLens, registerLensDetailsCommand } from './codeLens';
import { registerCompareRegions } from './compareRegions';
import { registerCommands } from './commands';
import { cellScheme, configFileGlob, DocumentLinter } from './diagnostics';
import { InstanceTypeHover } from './hover';
import type { ExplorerView } from './explorer';
import { registerExplorer } from './explorer';
import { createChannelLogger } from './logging';
import { RulesView } from './rulesView';
import { readSettings } from './settings';

/** What `activate` returns to other extensions and to the host tests. */
export interface GreenMlApi {
  /** Wall time of `activate`, in milliseconds. */
  activationMs: number;
  /** The SageMaker resources view, for the host tests. */
  explorer: ExplorerView;
}

const documentSelector: vscode.DocumentSelector = [
  { scheme: 'file' },
  { scheme: 'untitled' },
  // The cells of notebooks open in the notebook editor.
  { scheme: cellScheme, language: 'python' },
];

export function activate(context: vscode.ExtensionContext): GreenMlApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Green ML', { log: true });
  context.subscriptions.push(log);
  const linter = createLinter({
    logger: createChannelLogger(log),
    maxTextLength: Number.MAX_SAFE_INTEGER,
    // The build copies the parsers' WebAssembly next to the bundle.
    locateWasm: (file) => vscode.Uri.joinPath(context.extensionUri, 'dist', file).fsPath,
  });
  const settings = readSettings(linter.rules);
  const documents = new DocumentLinter(linter, new ConfigFileFinder(linter.rules), settings, log);
  const rulesView = new RulesView(linter.rules, settings);
  const codeLens = new CostCodeLens(linter, (cell) => documents.notebookOf(cell), (document) => documents.factsOf(document));
  context.subscriptions.push(
    documents,
    vscode.window.registerTreeDataProvider('greenml.rules', rulesView),
    vscode.languages.registerCodeActionsProvider(documentSelector, new GreenMlCodeActions(documents), {
      providedCodeActionKinds: GreenMlCodeActions.providedCodeActionKinds,
    }),
    vscode.languages.registerHoverProvider(documentSelector, new InstanceTypeHover()),
    codeLens,
    registerLensDetailsCommand(),
    registerCompareRegions(),
    vscode.languages.registerCodeLensProvider(documentSelector, codeLens),
    vscode.workspace.onDidOpenTextDocument((d) => documents.lintDocument(d)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length) documents.scheduleLint(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      if (d.uri.scheme !== cellScheme) documents.forget(d.uri);
    }),
    vscode.workspace.onDidOpenNotebookDocument((n) => documents.lintNotebook(n)),
    vscode.workspace.onDidChangeNotebookDocument((e) => {
      if (e.contentChanges.length || e.cellChanges.some((c) => c.document)) documents.scheduleNotebookLint(e.notebook);
    }),
    vscode.workspace.onDidCloseNotebookDocument((n) => documents.forgetNotebook(n)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('greenml')) return;
      const next = readSettings(linter.rules);
      documents.updateSettings(next);
      rulesView.update(next);
      codeLens.refresh();
    }),
  );
  const watcher = vscode.workspace.createFileSystemWatcher(configFileGlob);
  context.subscriptions.push(watcher, watcher.onDidChange(() => documents.relintOpenDocuments()), watcher.onDidCreate(() => documents.relintOpenDocuments()), watcher.onDidDelete(() => documents.relintOpenDocuments()));
  registerCommands(context, documents, log);
  const explorer = registerExplorer(context, log, String(context.extension.packageJSON.version));
  documents.relintOpenDocuments();
  const activationMs = performance.now() - started;
  log.info(`Green ML activated in ${activationMs.toFixed(1)} ms (${linter.rules.length} rules, trusted workspace: ${vscode.workspace.isTrusted})`);
  return { activationMs, explorer };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
