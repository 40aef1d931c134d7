import * as vscode from 'vscode';
import type { CloseHandlerResult, ErrorHandlerResult, LanguageClientOptions, NodeModule, ServerOptions } from 'vscode-languageclient/node';
import { CloseAction, ErrorAction, ErrorCodes, ExecuteCommandRequest, LanguageClient, ResponseError, State, TransportKind } from 'vscode-languageclient/node';
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
 * vscode-languageclient's client, whose messages about the server's start and stop go to the log
 * only. The library shows them as popups even when the error handler handled the event (a server
 * that dies while it starts gives three or four per crash, while its own restart runs all the
 * same); the extension tells the user itself, once. Each of those messages is also handed to `onStartStop`.
 */
class LoggingLanguageClient extends LanguageClient {
  onStartStop: (message: string, data: unknown) => void = () => undefined;

  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    // 'force' is the library's mark for its start and stop messages, which it shows whatever the
    // `revealOutputChannelOn` setting says.
    super.error(message, data, showNotification === 'force' ? false : showNotification);
    if (showNotification === 'force') this.onStartStop(message, data);
  }

  /**
   * The start a close ends: when the close restarts the server, the library replaces that start's
   * promise before the start has failed, and its rejection is then left with nothing to catch it.
   * The failure is the close's to report.
   */
  protected override handleConnectionClosed(): Promise<void> {
    (this as unknown as { _onStart?: Promise<void> })._onStart?.catch(() => undefined);
    return super.handleConnectionClosed();
  }

  /**
   * A client that is starting, or whose start failed, has nothing to stop. The library stops the
   * client itself after an `initialize` that failed, and its stop then throws (where nothing
   * catches it): the server's process is gone, or its close will come.
   */
  override stop(timeout?: number): Promise<void> {
    // Neither running nor needing a start: starting, or its start failed.
    return !this.isRunning() && !this.needsStart() ? Promise.resolve() : super.stop(timeout);
  }
}

/** True when `error` is the client's answer to a request left pending by a connection that closed: the server's process ended. */
function connectionClosed(error: unknown): boolean {
  return error instanceof ResponseError && error.code === ErrorCodes.PendingResponseRejected;
}

/**
 * The Green ML language server (dist/server.js) in a process of its own, and the client that
 * shows its diagnostics, code actions, hovers and CodeLens in VS Code, notebooks included (LSP
 * 3.17 notebook sync). A server that stops, running or while it starts, is started again up to
 * {@link maxServerRestarts} times; then the client stops and says so once. A server that cannot be
 * started at all (its process not created, or its answer to `initialize` an error) is said so once
 * too; the library's own popups about either go to the log. The server reads no AWS profile: the
 * client answers its `greenml` settings with `region` set to the profile's region when the user
 * set none.
 */
export class GreenMlLanguageClient implements vscode.Disposable {
  private client: LoggingLanguageClient | undefined;
  private restarts = 0;
  /** Of the stops counted, those of a server that was still starting. */
  private stopsWhileStarting = 0;
  private stops = 0;
  /**
   * The server of this start reached 'running'. The client's own state does not say it at a close:
   * after a crash at start, the failed start marks the client as failed while its restart runs.
   */
  private serverRan = false;
  private toldStopped = false;
  /** A start failed in a way a restart would repeat: no restart until {@link renew}. */
  private gaveUp = false;
  private starting: Promise<void> = Promise.resolve();
  /** The server's entry: the bundle's, or another the host tests give {@link renew} (read at each start). */
  private serverModule: NodeModule | undefined;

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
    this.serverModule ??= { module: this.bundledServer, transport: TransportKind.ipc };
    // The same object for both: the library reads it at each start.
    const serverOptions: ServerOptions = { run: this.serverModule, debug: this.serverModule };
    const clientOptions: LanguageClientOptions = {
      documentSelector,
      synchronize: { configurationSection: 'greenml' },
      initializationOptions: { clientFeatures: { snippetEdits: true, notebookCellCommand: true, modelCard: true, livePrices: true } },
      outputChannel: this.log,
      // An `initialize` that failed: not tried again on the same connection. When the connection
      // closed (the server's process ended), its close restarts the server or gives up.
      initializationFailedHandler: (error: unknown): boolean => {
        this.log.error(`the Green ML language server did not initialize: ${error instanceof Error ? error.message : String(error)}`);
        return false;
      },
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
    this.client = new LoggingLanguageClient('greenml', 'Green ML language server', serverOptions, clientOptions);
    this.client.onStartStop = (message, data) => this.onStartStop(message, data);
    this.client.onDidChangeState(({ newState }) => {
      if (newState === State.Running) this.serverRan = true;
    });
    if (!indexNotebookCells(this.client, this.notebookCells)) this.log.warn('the language client is not the version Green ML knows: notebook cells are looked up one walk each');
    this.client.onNotification(wantPricesNotification, (params: { keys?: PriceKey[] } | undefined) => {
      for (const key of params?.keys ?? []) this.wantedPrices.set(`${key.instanceType}|${key.region}|${key.usage}`, key);
      this.sendPrices();
    });
    await this.begin(this.client);
  }

  /**
   * Starts the client. A start that fails is the client's to report ({@link onClosed},
   * {@link onStartStop}); the promise says when this start settled, whatever its outcome.
   */
  private async begin(client: LanguageClient): Promise<void> {
    this.starting = client.start().catch(() => undefined);
    await this.starting;
  }

  private get bundledServer(): string {
    return vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'server.js').fsPath;
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
    if (this.gaveUp) return { action: CloseAction.DoNotRestart, handled: true };
    const whileStarting = !this.serverRan;
    this.serverRan = false;
    this.stops++;
    if (whileStarting) this.stopsWhileStarting++;
    if (this.restarts < maxServerRestarts) {
      this.restarts++;
      this.log.warn(`the Green ML language server stopped${whileStarting ? ' while it started' : ''}: starting it again (${this.restarts} of ${maxServerRestarts})`);
      return { action: CloseAction.Restart, handled: true };
    }
    this.tell(
      this.stopsWhileStarting === this.stops
        ? `Green ML: the language server could not be started: it stopped while starting, ${this.stops} times. See the Green ML log.`
        : `Green ML: the language server stopped ${this.stops} times and was not started again. See the Green ML log.`,
    );
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  /**
   * The library's message about a start or a stop (logged): a start that failed while the server's
   * process was there to answer, or before it was, is said once. One whose connection closed is
   * the close's ({@link onClosed}), which restarts the server or says why not.
   */
  private onStartStop(message: string, data: unknown): void {
    if (connectionClosed(data)) return;
    // A server that answered `initialize` with an error would answer the same again: it is ended,
    // and its close starts no other.
    this.gaveUp = true;
    const pid = this.serverPid;
    if (pid !== undefined) {
      try {
        process.kill(pid);
      } catch {
        // it ended already
      }
    }
    this.tell(`Green ML: the language server could not be started (${data instanceof Error ? data.message : message}). See the Green ML log.`);
  }

  /** Tells the user the server is not running, once until {@link renew}. */
  private tell(message: string): void {
    if (this.toldStopped) return;
    this.toldStopped = true;
    this.showError(message);
  }

  /**
   * Starts the server again with the restarts counted from zero (the host tests, after stopping it
   * for good), from `module` when given (the host tests' servers that fail), else the bundle's.
   */
  async renew(module?: string): Promise<void> {
    if (this.serverModule) this.serverModule.module = module ?? this.bundledServer;
    else if (module) this.serverModule = { module, transport: TransportKind.ipc };
    const client = this.client;
    if (!client) return this.start();
    this.restarts = 0;
    this.stops = 0;
    this.stopsWhileStarting = 0;
    this.toldStopped = false;
    this.gaveUp = false;
    // The same client: its features (the server's commands among them) are registered once.
    if (client.isRunning()) await client.stop(30_000);
    this.diagnosticBatch.clear();
    this.serverRan = false;
    await this.begin(client);
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
