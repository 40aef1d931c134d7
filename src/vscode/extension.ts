import * as vscode from 'vscode';
import { escapeControls } from '../core/escape';
import { createLinter } from '../linter';
import { registerCompareRegions } from './compareRegions';
import { registerCommands } from './commands';
import { registerReportCommands } from './report';
import { GreenMlLanguageClient, maxServerRestarts } from './languageClient';
import { registerLensDetailsCommand } from './lensDetails';
import { EditorPricing } from './pricing';
import type { ExplorerView } from './explorer';
import { registerExplorer } from './explorer';
import { actionTestHooks } from './explorerActions';
import { createChannelLogger } from './logging';
import { RulesView } from './rulesView';
import type { EditorSettings } from './settings';
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

/**
 * Green ML in VS Code: the language server (a process of its own) lints the open documents and
 * notebooks and serves their diagnostics, quick fixes, hovers and cost lenses; the extension is its
 * client, and keeps what is VS Code's own: the SageMaker explorer and its AWS actions, live prices,
 * the footprint report's webview, the Model Card command, the rules view and the walkthrough.
 */
export function activate(context: vscode.ExtensionContext): GreenMlApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Green ML', { log: true });
  context.subscriptions.push(log);
  // The rules, for the rules view, the settings' validation and the documentation picker.
  // Documents are linted in the language server: the engine never parses one here.
  const engine = createLinter({
    logger: createChannelLogger(log),
    maxTextLength: Number.MAX_SAFE_INTEGER,
    // The build copies the parsers' WebAssembly next to the bundle.
    locateWasm: (file) => vscode.Uri.joinPath(context.extensionUri, 'dist', file).fsPath,
  });
  const settings = readSettings(engine.rules);
  const reported = new Set<string>();
  reportSettingsIssues(settings, reported, log);
  const rulesView = new RulesView(engine.rules, settings);
  const version = String(context.extension.packageJSON.version);
  const pricing = new EditorPricing(vscode.Uri.joinPath(context.globalStorageUri, 'prices.json').fsPath, log, version);
  // With the host tests' hooks: the messages the client shows the user are also counted, and
  // every message the extension's code shows (the language client library's included).
  const clientMessages: string[] = [];
  const shownMessages: string[] = [];
  if (process.env.GREENML_TEST_API === '1') countShownMessages(shownMessages);
  const showError = process.env.GREENML_TEST_API === '1'
    ? (message: string): void => {
        clientMessages.push(message);
        void vscode.window.showErrorMessage(message);
      }
    : undefined;
  const server = new GreenMlLanguageClient(context, log, () => pricing.profileRegion, pricing.livePrice, showError);
  context.subscriptions.push(
    server,
    vscode.window.registerTreeDataProvider('greenml.rules', rulesView),
    pricing,
    // The profile's region, once read, is the server's greenml.region when the user set none; a
    // live price that lands goes to the server, which draws its lenses again.
    pricing.onDidChange(() => {
      void server.settingsChanged();
      server.sendPrices();
    }),
    registerLensDetailsCommand(),
    registerCompareRegions(),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('greenml')) return;
      const next = readSettings(engine.rules);
      reportSettingsIssues(next, reported, log);
      rulesView.update(next);
      if (e.affectsConfiguration('greenml.pricing') || e.affectsConfiguration('greenml.aws.profile')) {
        // Live prices turned on: the prices the server asked for are looked up (fetched) now.
        void pricing.reload().then(() => server.sendPrices(), (err: unknown) => log.warn(`cannot read the AWS profile's region: ${String(err)}`));
      }
    }),
  );
  registerCommands(context, server, engine.rules, log);
  registerReportCommands(context, server, log);
  const explorer = registerExplorer(context, log, version);
  // Reads ~/.aws/config (no network) for the profile's region; the figures refresh when it is known.
  void pricing.reload().catch((err: unknown) => log.warn(`cannot read the AWS profile's region: ${String(err)}`));
  void server.start().catch((err: unknown) => log.error(`cannot start the Green ML language server: ${String(err)}`));
  if (process.env.GREENML_TEST_API === '1') {
    const counters = (): ClientCounters => ({ notebookCellWalks: server.notebookCells.walks, diagnosticSets: server.diagnosticBatch.sets, serverPid: server.serverPid, restarts: server.restartCount, restartLimit: maxServerRestarts, messages: [...clientMessages], shown: [...shownMessages] });
    // `module`: another server entry (the tests' servers that fail to start), else the bundle's.
    const renew = (options?: { module?: string }): Promise<void> => server.renew(options?.module);
    context.subscriptions.push(...registerTestCommands(() => server.state, counters), vscode.commands.registerCommand('greenml.test.renewLanguageServer', renew));
  }
  const activationMs = performance.now() - started;
  log.info(`Green ML activated in ${activationMs.toFixed(1)} ms (${engine.rules.length} rules, trusted workspace: ${vscode.workspace.isTrusted})`);
  return { activationMs, explorer, ...(process.env.GREENML_TEST_API === '1' ? { testing: actionTestHooks } : {}) };
}

/** Invalid `greenml.rules` entries: a warning each, once, with a way to the setting. */
function reportSettingsIssues(settings: EditorSettings, reported: Set<string>, log: vscode.LogOutputChannel): void {
  for (const issue of settings.issues) {
    const text = escapeControls(`${issue.path}: ${issue.message}`);
    if (reported.has(text)) continue;
    reported.add(text);
    log.warn(`invalid setting ${text}`);
    void vscode.window.showWarningMessage(`Green ML: invalid setting ${text}`, 'Open Settings').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'greenml.rules');
    });
  }
}

/** What the host tests read of the language client (`greenml.test.clientCounters`). */
interface ClientCounters {
  notebookCellWalks: number;
  diagnosticSets: number;
  serverPid?: number;
  /** Restarts of a stopped server so far, and the most there are. */
  restarts: number;
  restartLimit: number;
  /** The error messages the client showed the user. */
  messages: string[];
  /** Every message the extension's code showed (`vscode.window.show…Message`), its library's included: `error: text`. */
  shown: string[];
}

/**
 * Counts the messages the extension's code shows: the `vscode` API object is shared by the
 * extension and the libraries bundled with it (vscode-languageclient), so its message functions,
 * wrapped, see both. The messages are still shown.
 */
function countShownMessages(shown: string[]): void {
  const window = vscode.window as { -readonly [K in 'showErrorMessage' | 'showWarningMessage' | 'showInformationMessage']: (...args: unknown[]) => Thenable<unknown> };
  for (const [name, level] of [['showErrorMessage', 'error'], ['showWarningMessage', 'warning'], ['showInformationMessage', 'information']] as const) {
    const show = window[name].bind(vscode.window);
    window[name] = (...args: unknown[]) => {
      shown.push(`${level}: ${String(args[0])}`);
      return show(...args);
    };
  }
}

/**
 * Host-test commands (registered only with GREENML_TEST_API=1): the language server's state and the
 * client's counters (walks of notebook cells, diagnostics batches, restarts, messages shown).
 */
function registerTestCommands(serverState: () => string, clientCounters: () => ClientCounters): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('greenml.test.languageServerState', serverState),
    // Walks of every open notebook's cells to find a cell's notebook, diagnostics batches set, the server's process id, its restarts, the messages shown.
    vscode.commands.registerCommand('greenml.test.clientCounters', clientCounters),
  ];
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
