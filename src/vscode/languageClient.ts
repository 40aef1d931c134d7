import * as vscode from 'vscode';
import type { CloseHandlerResult, ErrorHandlerResult, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { CloseAction, ErrorAction, ExecuteCommandRequest, LanguageClient, State, TransportKind } from 'vscode-languageclient/node';
import { showLensDetailsCommand } from './lensDetails';
import type { LivePriceInput, PriceKey } from '../estimate/priceCache';
import { pricesNotification, wantPricesNotification } from '../server/livePrices';
import { applyNotebookFixCommand } from './notebookEdits';
import { DiagnosticBatch } from './diagnosticBatch';
import { indexNotebookCells, NotebookCellIndex } from './notebookSync';
import { withPlaceholderSnippets } from './snippets';

/** Restarts of a server that stopped, before the client gives up and says so. */
export const maxServerRestarts = 4;

/** The server's commands, answered here by the extension's own: its lens details (a modal) and its rule pages (bundled, offline). */
const serverCommands: Record<string, string> = {
  'greenml.lsp.showEstimateDetails': showLensDetailsCommand,
  'greenml.lsp.showRuleDocs': 'greenml.showRuleDocs',
  'greenml.lsp.applyNotebookFix': applyNotebookFixCommand,
};

/** The documents the server reads: files, unsaved buffers, and the Python cells of notebooks open in the notebook editor. */
export const documentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { notebook: { notebookType: 'jupyter-notebook' }, language: 'python' }];

/** The bundled rule pages (`docs/rules/` of the extension), which the rule id of a diagnostic opens offline. */
function bundledRulePage(extensionUri: vscode.Uri, diagnostic: vscode.Diagnostic): void {
  const code = diagnostic.code;
  if (diagnostic.source !== 'Green ML' || typeof code !== 'object' || code.value === 'parse-error') return;
  const page = /\/([a-z0-9-]+\.md)$/.exec(code.target.path)?.[1];
  if (page) diagnostic.code = { value: code.value, target: vscode.Uri.joinPath(extensionUri, 'docs', 'rules', page) };
}

/** A fix whose text holds placeholders (the server says which in `data`): each becomes a snippet tab stop for the user to fill. */
function placeholdersOf(action: vscode.CodeAction): string[] {
  const data = (action as vscode.CodeAction & { data?: unknown }).data;
  const list = data !== null && typeof data === 'object' ? (data as { placeholders?: unknown }).placeholders : undefined;
  return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
}

/** A command of the server's as the extension's own command of the same arguments (unchanged when there is none). */
function mapped(command: vscode.Command | undefined): void {
  const own = command && serverCommands[command.command];
  if (command && own) command.command = own;
}

/**
 * The Green ML language server (dist/server.js) in a process of its own, and the client that
 * shows its diagnostics, code actions, hovers and CodeLens in VS Code, notebooks included (LSP
 * 3.17 notebook sync). A server that stops is started again up to {@link maxServerRestarts} times;
 * then the client stops and says so once. The server reads no AWS profile: the client answers its
 * `greenml` settings with `region` set to the profile's region when the user set none.
 */
export class GreenMlLanguageClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private restarts = 0;
  private toldStopped = false;
  private starting: Promise<void> = Promise.resolve();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    /** The AWS profile's region as the extension read it (`~/.aws/config`), or undefined. */
    private readonly profileRegion: () => string | undefined,
    /** Live prices (`greenml.pricing.live`): a cached one, or undefined at once with a fetch queued. */
    private readonly livePrice: (key: PriceKey) => LivePriceInput | undefined = () => undefined,
    /** How the user is told the server was not started again. */
    private readonly showError: (message: string) => void = (message) => void vscode.window.showErrorMessage(message),
  ) {}

  /** The restarts of a stopped server so far. */
  get restartCount(): number {
    return this.restarts;
  }

  /** Which notebook holds a cell, for the client's notebook sync. */
  readonly notebookCells = new NotebookCellIndex();
  /** The server's diagnostics, set in VS Code a batch of documents at a time. */
  readonly diagnosticBatch = new DiagnosticBatch(() => this.client?.diagnostics);

  /** The price keys the server's lenses and hovers asked for. */
  private readonly wantedPrices = new Map<string, PriceKey>();

  /** Sends the server the live prices it asked for that are known here (again when more land). */
  sendPrices(): void {
    const client = this.client;
    if (!client?.isRunning()) return;
    const prices = [...this.wantedPrices.values()].flatMap((key) => {
      const price = this.livePrice(key);
      return price ? [{ ...key, ...price }] : [];
    });
    if (prices.length) void client.sendNotification(pricesNotification, { prices });
  }

  /** The server process's id, for the host tests (vscode-languageclient keeps it private; undefined when not known). */
  get serverPid(): number | undefined {
    const pid = (this.client as unknown as { _serverProcess?: { pid?: unknown } } | undefined)?._serverProcess?.pid;
    return typeof pid === 'number' ? pid : undefined;
  }

  get state(): 'running' | 'starting' | 'stopped' {
    const state = this.client?.state;
    return state === State.Running ? 'running' : state === State.Starting ? 'starting' : 'stopped';
  }

  async start(): Promise<void> {
    if (this.client) return;
    const module = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'server.js').fsPath;
    const serverOptions: ServerOptions = { run: { module, transport: TransportKind.ipc }, debug: { module, transport: TransportKind.ipc } };
    const clientOptions: LanguageClientOptions = {
      documentSelector,
      synchronize: { configurationSection: 'greenml' },
      initializationOptions: { clientFeatures: { snippetEdits: true, notebookCellCommand: true, modelCard: true, livePrices: true } },
      outputChannel: this.log,
      errorHandler: {
        error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue, handled: true }),
        closed: (): CloseHandlerResult => this.onClosed(),
      },
      middleware: {
        workspace: {
          configuration: async (params, token, next) => {
            const answers = await next(params, token);
            if (!Array.isArray(answers)) return answers;
            return answers.map((answer: unknown, i) => withProfileRegion(params.items[i]?.section, answer, this.profileRegion()));
          },
        },
        handleDiagnostics: (uri, diagnostics) => {
          for (const diagnostic of diagnostics) bundledRulePage(this.context.extensionUri, diagnostic);
          this.diagnosticBatch.add(uri, diagnostics);
        },
        provideCodeActions: async (document, range, context, token, next) => {
          const actions = await next(document, range, context, token);
          for (const action of actions ?? []) {
            if (!(action instanceof vscode.CodeAction)) {
              mapped(action);
              continue;
            }
            mapped(action.command);
            const placeholders = placeholdersOf(action);
            if (action.edit && placeholders.length) action.edit = withPlaceholderSnippets(action.edit, placeholders);
          }
          return actions;
        },
        provideCodeLenses: async (document, token, next) => {
          const lenses = await next(document, token);
          for (const lens of lenses ?? []) mapped(lens.command);
          return lenses;
        },
      },
    };
    this.client = new LanguageClient('greenml', 'Green ML language server', serverOptions, clientOptions);
    if (!indexNotebookCells(this.client, this.notebookCells)) this.log.warn('the language client is not the version Green ML knows: notebook cells are looked up one walk each');
    this.client.onNotification(wantPricesNotification, (params: { keys?: PriceKey[] } | undefined) => {
      for (const key of params?.keys ?? []) this.wantedPrices.set(`${key.instanceType}|${key.region}|${key.usage}`, key);
      this.sendPrices();
    });
    this.starting = this.client.start();
    await this.starting;
  }

  /** Runs one of the server's `workspace/executeCommand` commands and returns its answer. */
  async executeCommand<T>(command: string, args: unknown[] = [], token?: vscode.CancellationToken): Promise<T> {
    const client = this.client;
    if (!client) throw new Error('the Green ML language server is not running');
    if (!client.isRunning()) await this.starting;
    return (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }, token)) as T;
  }

  /** The profile's region changed (read again after `greenml.aws.profile` changed): the server pulls its settings again. */
  async settingsChanged(): Promise<void> {
    if (this.client?.isRunning()) await this.client.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  private onClosed(): CloseHandlerResult {
    // The client clears the server's diagnostics: none pending is set after that.
    this.diagnosticBatch.clear();
    if (this.restarts < maxServerRestarts) {
      this.restarts++;
      this.log.warn(`the Green ML language server stopped: starting it again (${this.restarts} of ${maxServerRestarts})`);
      return { action: CloseAction.Restart, handled: true };
    }
    if (!this.toldStopped) {
      this.toldStopped = true;
      this.showError(`Green ML: the language server stopped ${maxServerRestarts + 1} times and was not started again. See the Green ML log.`);
    }
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  /** Starts the server again with the restarts counted from zero (the host tests, after stopping it for good). */
  async renew(): Promise<void> {
    const client = this.client;
    if (!client) return this.start();
    this.restarts = 0;
    this.toldStopped = false;
    // The same client: its features (the server's commands among them) are registered once.
    if (client.isRunning()) await client.stop(30_000);
    this.diagnosticBatch.clear();
    this.starting = client.start();
    await this.starting;
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.diagnosticBatch.clear();
    if (client?.isRunning()) await client.stop();
  }

  dispose(): void {
    void this.stop();
  }
}

/** The `greenml` section as the server gets it: `region` is the user's, else the AWS profile's. */
export function withProfileRegion(section: string | undefined, answer: unknown, profileRegion: string | undefined): unknown {
  if (section !== 'greenml' || !profileRegion || answer === null || typeof answer !== 'object') return answer;
  const region = (answer as { region?: unknown }).region;
  return typeof region === 'string' && region.trim() !== '' ? answer : { ...(answer as Record<string, unknown>), region: profileRegion };
}
