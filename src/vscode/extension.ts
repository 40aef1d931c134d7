import * as vscode from 'vscode';
import { createLinter } from '../linter';
import { ConfigFileFinder } from '../node/configFile';
import { GreenMlCodeActions } from './codeActions';
import { CostCodeLens, registerLensDetailsCommand } from './codeLens';
import { registerCompareRegions } from './compareRegions';
import { watchBaselineFiles } from './baseline';
import { registerCommands } from './commands';
import { registerReportCommands } from './report';
import { useBundledRulePages } from './convert';
import { cellScheme, configFileGlob, DocumentLinter } from './diagnostics';
import { InstanceTypeHover } from './hover';
import { GreenMlLanguageClient } from './languageClient';
import { EditorPricing } from './pricing';
import type { ExplorerView } from './explorer';
import { registerExplorer } from './explorer';
import { actionTestHooks } from './explorerActions';
import { createChannelLogger } from './logging';
import { RulesView } from './rulesView';
import { readSettings } from './settings';

/** What `activate` returns to other extensions and to the host tests. */
export interface GreenMlApi {
  /** Wall time of `activate`, in milliseconds. */
  activationMs: number;
  /** The SageMaker resources view, for the host tests. */
  explorer: ExplorerView;
  /** Test hooks (replace the modal confirmation): present only when the host-test runner sets GREENML_TEST_API=1. */
  testing?: typeof actionTestHooks;
}

/** `greenml.languageServer.enable`: the language server lints, the extension shows its results. */
function serverEnabled(): boolean {
  return vscode.workspace.getConfiguration('greenml').get<boolean>('languageServer.enable', false) === true;
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
  // The rule id of a finding opens its page from the extension's own docs/rules/, offline.
  useBundledRulePages(context.extensionUri);
  const settings = readSettings(linter.rules);
  // With the language server on, the in-process linter stays idle (its settings say disabled) and
  // its providers answer nothing: the client shows the server's results.
  let server: GreenMlLanguageClient | undefined;
  const inProcess = (next: ReturnType<typeof readSettings>): ReturnType<typeof readSettings> => (server ? { ...next, enable: false } : next);
  const documents = new DocumentLinter(linter, new ConfigFileFinder(linter.rules), settings, log);
  const rulesView = new RulesView(linter.rules, settings);
  const version = String(context.extension.packageJSON.version);
  const pricing = new EditorPricing(vscode.Uri.joinPath(context.globalStorageUri, 'prices.json').fsPath, log, version);
  const codeLens = new CostCodeLens(linter, (cell) => documents.notebookOf(cell), pricing, (document) => documents.factsOf(document));
  context.subscriptions.push(
    documents,
    vscode.window.registerTreeDataProvider('greenml.rules', rulesView),
    vscode.languages.registerCodeActionsProvider(documentSelector, whenInProcess(new GreenMlCodeActions(documents), () => !server), {
      providedCodeActionKinds: GreenMlCodeActions.providedCodeActionKinds,
    }),
    vscode.languages.registerHoverProvider(documentSelector, whenInProcess(new InstanceTypeHover(codeLens, pricing), () => !server)),
    codeLens,
    pricing,
    // A live price that lands, or the profile's region once read, changes the figures.
    pricing.onDidChange(() => {
      codeLens.refresh();
      // The profile's region is the server's greenml.region when the user set none.
      void server?.settingsChanged();
    }),
    registerLensDetailsCommand(),
    registerCompareRegions(),
    vscode.languages.registerCodeLensProvider(documentSelector, whenInProcess(codeLens, () => !server)),
    vscode.workspace.onDidOpenTextDocument((d) => documents.lintDocument(d)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length) documents.scheduleLint(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      if (d.uri.scheme !== cellScheme) documents.forget(d.uri);
      // Unsaved changes of a closed .tf file no longer count for the other files of its module.
      if (d.uri.scheme !== cellScheme) documents.lintFolderSiblings(d.uri);
    }),
    vscode.workspace.onDidOpenNotebookDocument((n) => documents.lintNotebook(n)),
    vscode.workspace.onDidChangeNotebookDocument((e) => {
      if (e.contentChanges.length || e.cellChanges.some((c) => c.document)) documents.scheduleNotebookLint(e.notebook);
    }),
    vscode.workspace.onDidCloseNotebookDocument((n) => documents.forgetNotebook(n)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('greenml')) return;
      const next = readSettings(linter.rules);
      if (e.affectsConfiguration('greenml.languageServer.enable')) void switchServer();
      documents.updateSettings(inProcess(next));
      rulesView.update(next);
      codeLens.refresh();
      if (e.affectsConfiguration('greenml.pricing') || e.affectsConfiguration('greenml.aws.profile')) void pricing.reload().catch((err: unknown) => log.warn(`cannot read the AWS profile's region: ${String(err)}`));
    }),
  );
  // A .tf file changed on disk (created, deleted, checked out): the open files of its module are linted again.
  const moduleWatcher = vscode.workspace.createFileSystemWatcher('**/*.tf');
  context.subscriptions.push(
    moduleWatcher,
    moduleWatcher.onDidChange((uri) => documents.lintFolderSiblings(uri)),
    moduleWatcher.onDidCreate((uri) => documents.lintFolderSiblings(uri)),
    moduleWatcher.onDidDelete((uri) => documents.lintFolderSiblings(uri)),
  );
  const watcher = vscode.workspace.createFileSystemWatcher(configFileGlob);
  context.subscriptions.push(watcher, watcher.onDidChange(() => documents.relintOpenDocuments()), watcher.onDidCreate(() => documents.relintOpenDocuments()), watcher.onDidDelete(() => documents.relintOpenDocuments()));
  context.subscriptions.push(watchBaselineFiles(() => documents.relintOpenDocuments()));
  registerCommands(context, documents, log);
  registerReportCommands(context, documents, log);
  const explorer = registerExplorer(context, log, version);
  // Reads ~/.aws/config (no network) for the profile's region; the figures refresh when it is known.
  void pricing.reload().catch((err: unknown) => log.warn(`cannot read the AWS profile's region: ${String(err)}`));
  const switchServer = async (): Promise<void> => {
    if (serverEnabled() === (server !== undefined)) return;
    if (server) {
      const stopping = server;
      server = undefined;
      await stopping.stop();
      documents.updateSettings(readSettings(linter.rules));
      return;
    }
    server = new GreenMlLanguageClient(context, log, () => pricing.profileRegion);
    documents.updateSettings(inProcess(readSettings(linter.rules)));
    await server.start().catch((err: unknown) => log.error(`cannot start the Green ML language server: ${String(err)}`));
  };
  context.subscriptions.push({ dispose: () => void server?.stop() });
  if (serverEnabled()) void switchServer();
  else documents.relintOpenDocuments();
  if (process.env.GREENML_TEST_API === '1') context.subscriptions.push(...registerTestCommands(() => server?.state ?? 'stopped'));
  const activationMs = performance.now() - started;
  log.info(`Green ML activated in ${activationMs.toFixed(1)} ms (${linter.rules.length} rules, trusted workspace: ${vscode.workspace.isTrusted})`);
  return { activationMs, explorer, ...(process.env.GREENML_TEST_API === '1' ? { testing: actionTestHooks } : {}) };
}

/** A provider that answers only while the extension lints in process. */
function whenInProcess<T extends object>(provider: T, active: () => boolean): T {
  return new Proxy(provider, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function' || !String(key).startsWith('provide')) return value;
      return (...args: unknown[]) => (active() ? (value as (...a: unknown[]) => unknown).apply(target, args) : undefined);
    },
  });
}

/**
 * Host-test commands (registered only with GREENML_TEST_API=1): the language server's state, and a
 * probe of the extension host's event loop (a timer's lateness, sampled every 5 ms).
 */
function registerTestCommands(serverState: () => string): vscode.Disposable[] {
  let probe: { timer: NodeJS.Timeout; maxLagMs: number; samples: number } | undefined;
  return [
    vscode.commands.registerCommand('greenml.test.languageServerState', serverState),
    vscode.commands.registerCommand('greenml.test.startLagProbe', () => {
      if (probe) clearInterval(probe.timer);
      const period = 5;
      let expected = performance.now() + period;
      const current = { maxLagMs: 0, samples: 0, timer: setInterval(() => {
        const now = performance.now();
        current.maxLagMs = Math.max(current.maxLagMs, now - expected);
        current.samples++;
        expected = now + period;
      }, period) };
      probe = current;
    }),
    vscode.commands.registerCommand('greenml.test.stopLagProbe', () => {
      if (!probe) return undefined;
      clearInterval(probe.timer);
      const { maxLagMs, samples } = probe;
      probe = undefined;
      return { maxLagMs, samples };
    }),
  ];
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
