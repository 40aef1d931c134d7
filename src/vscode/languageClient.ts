import * as vscode from 'vscode';
import type { CloseHandlerResult, ErrorHandlerResult, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { CloseAction, ErrorAction, LanguageClient, State, TransportKind } from 'vscode-languageclient/node';
import { showLensDetailsCommand } from './codeLens';
import { readAwsSettings } from './settings';

/** Restarts of a server that stopped, before the client gives up and says so. */
export const maxServerRestarts = 4;

/** The server's lens command, answered here by the extension's own (a modal with the details). */
const serverLensCommand = 'greenml.lsp.showEstimateDetails';

/**
 * The Green ML language server (dist/server.js) in a process of its own, and the client that
 * shows its diagnostics, code actions, hovers and CodeLens in VS Code, notebooks included (LSP
 * 3.17 notebook sync). A server that stops is started again up to {@link maxServerRestarts} times;
 * then the client stops and says so once.
 */
export class GreenMlLanguageClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private restarts = 0;
  private toldStopped = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get state(): 'running' | 'starting' | 'stopped' {
    const state = this.client?.state;
    return state === State.Running ? 'running' : state === State.Starting ? 'starting' : 'stopped';
  }

  async start(): Promise<void> {
    if (this.client) return;
    const module = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'server.js').fsPath;
    const serverOptions: ServerOptions = { run: { module, transport: TransportKind.ipc }, debug: { module, transport: TransportKind.ipc } };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }],
      synchronize: { configurationSection: 'greenml' },
      // The AWS profile is a user setting: passed from the user's value only, never read from the workspace by the server.
      initializationOptions: { awsProfile: readAwsSettings().profile },
      outputChannel: this.log,
      errorHandler: {
        error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue, handled: true }),
        closed: (): CloseHandlerResult => this.onClosed(),
      },
      middleware: {
        provideCodeLenses: async (document, token, next) => {
          const lenses = await next(document, token);
          for (const lens of lenses ?? []) if (lens.command?.command === serverLensCommand) lens.command.command = showLensDetailsCommand;
          return lenses;
        },
      },
    };
    this.client = new LanguageClient('greenml', 'Green ML language server', serverOptions, clientOptions);
    await this.client.start();
  }

  private onClosed(): CloseHandlerResult {
    if (this.restarts < maxServerRestarts) {
      this.restarts++;
      this.log.warn(`the Green ML language server stopped: starting it again (${this.restarts} of ${maxServerRestarts})`);
      return { action: CloseAction.Restart, handled: true };
    }
    if (!this.toldStopped) {
      this.toldStopped = true;
      void vscode.window.showErrorMessage(`Green ML: the language server stopped ${maxServerRestarts + 1} times and was not started again. See the Green ML log.`);
    }
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client?.isRunning()) await client.stop();
  }

  dispose(): void {
    void this.stop();
  }
}
