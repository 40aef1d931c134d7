import type { CodeAction, Connection, InitializeResult } from 'vscode-languageserver/node';
import { createConnection, DidChangeWatchedFilesNotification, NotebookDocuments, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Linter } from '../core/engine';
import { ConfigFileFinder, configFileNames } from '../node/configFile';
import type { ActionScope } from './codeActions';
import { fixAllKind, fixAllSource, quickFixes, showRuleDocsCommand } from './codeActions';
import { uriToPath } from './convert';
import type { OpenNotebook } from './linting';
import { LintService } from './linting';
import { Scheduler } from './scheduler';
import type { ServerSettings } from './settings';
import { parseServerSettings } from './settings';

export interface ServerOptions {
  linter: Linter;
  /** Defaults to stdio. */
  connection?: Connection;
}

/**
 * The Green ML language server (LSP 3.17): diagnostics for text documents and for notebook
 * documents (a notebook is linted as a whole, findings shown on their cells), quick fixes,
 * `source.fixAll.greenml`, and settings from the client's `greenml` section.
 */
export function startServer({ linter, connection = createConnection(ProposedFeatures.all) }: ServerOptions): Connection {
  const documents = new TextDocuments(TextDocument);
  const notebooks = new NotebookDocuments(TextDocument);
  let settings: ServerSettings = parseServerSettings({}, linter.rules);
  let pullConfiguration = false;
  let watchDynamically = false;

  const openText = (file: string): string | undefined => documents.all().find((d) => uriToPath(d.uri) === file)?.getText();
  const service = new LintService(
    linter,
    new ConfigFileFinder(linter.rules),
    {
      publish: (uri, diagnostics, version) => void connection.sendDiagnostics({ uri, diagnostics, ...(version === undefined ? {} : { version }) }),
      log: (message) => connection.console.log(message),
    },
    () => settings,
    openText,
  );
  const scheduler = new Scheduler(() => settings.lintDelayMs, (message) => connection.console.log(message));

  const notebookOf = (uri: string): OpenNotebook | undefined => {
    const notebook = notebooks.getNotebookDocument(uri);
    if (!notebook) return undefined;
    return {
      uri,
      version: notebook.version,
      cells: notebook.cells.map((cell) => {
        const document = notebooks.getCellTextDocument(cell);
        return { uri: cell.document, code: cell.kind === 2 && (document?.languageId ?? 'python') === 'python', text: document?.getText() ?? '' };
      }),
    };
  };
  const scheduleText = (uri: string, delay = true): void => {
    scheduler.schedule(uri, delay, async (isCurrent) => {
      const document = documents.get(uri);
      if (!document) return;
      const version = document.version;
      await service.lintText(document, () => isCurrent() && documents.get(uri)?.version === version);
    });
  };
  const scheduleNotebook = (uri: string, delay = true): void => {
    scheduler.schedule(uri, delay, async (isCurrent) => {
      const notebook = notebookOf(uri);
      if (!notebook) return;
      await service.lintNotebook(notebook, () => isCurrent() && notebooks.getNotebookDocument(uri)?.version === notebook.version);
    });
  };
  const relintAll = (): void => {
    for (const document of documents.all()) scheduleText(document.uri, false);
    for (const uri of openNotebookUris) scheduleNotebook(uri, false);
  };
  const openNotebookUris = new Set<string>();

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    pullConfiguration = capabilities.workspace?.configuration === true;
    watchDynamically = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const initial = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    if (initial !== undefined) settings = parseServerSettings(initial, linter.rules);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        notebookDocumentSync: { notebookSelector: [{ notebook: { notebookType: 'jupyter-notebook' }, cells: [{ language: 'python' }] }] },
        codeActionProvider: { codeActionKinds: ['quickfix', fixAllKind] },
        executeCommandProvider: { commands: [showRuleDocsCommand] },
      },
      serverInfo: { name: 'greenml', version: typeof GREENML_VERSION === 'string' ? GREENML_VERSION : '0.0.0-dev' },
    };
  });

  connection.onInitialized(async () => {
    if (watchDynamically) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/{${configFileNames.join(',')}}` }, { globPattern: '**/*.tf' }],
      });
    }
    await refreshSettings();
  });

  const refreshSettings = async (): Promise<void> => {
    if (pullConfiguration) {
      try {
        settings = parseServerSettings(await connection.workspace.getConfiguration('greenml'), linter.rules);
      } catch (err) {
        connection.console.warn(`cannot read the greenml settings: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    for (const issue of settings.issues) connection.console.warn(`invalid setting ${issue.path}: ${issue.message}`);
    relintAll();
  };

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as { greenml?: unknown } | null | undefined)?.greenml;
    if (!pullConfiguration && pushed !== undefined) settings = parseServerSettings(pushed, linter.rules);
    await refreshSettings();
  });

  // A config file or a Terraform file changed on disk: findings of open documents may change.
  connection.onDidChangeWatchedFiles(() => relintAll());

  documents.onDidOpen((e) => scheduleText(e.document.uri, false));
  documents.onDidChangeContent((e) => scheduleText(e.document.uri));
  documents.onDidClose((e) => {
    scheduler.cancel(e.document.uri);
    service.forget(e.document.uri);
  });

  notebooks.onDidOpen((notebook) => {
    openNotebookUris.add(notebook.uri);
    scheduleNotebook(notebook.uri, false);
  });
  notebooks.onDidChange((e) => scheduleNotebook(e.notebookDocument.uri));
  notebooks.onDidClose((notebook) => {
    openNotebookUris.delete(notebook.uri);
    scheduler.cancel(notebook.uri);
    service.forgetNotebook(notebook.uri);
  });

  connection.onCodeAction((params): CodeAction[] => {
    const uri = params.textDocument.uri;
    const scope = scopeOf(uri);
    if (!scope) return [];
    const only = params.context.only;
    if (only?.some((k) => fixAllKind === k || fixAllKind.startsWith(`${k}.`))) {
      const document = documents.get(uri);
      const action = document && scope.state.kind === 'text' ? fixAllSource(scope, (text) => linter.lint(uriToPath(uri) ?? uri, text, { settings: service.ruleSettings(uriToPath(uri) ?? uri, settings), format: scope.state.result.format })) : undefined;
      return action ? [action] : [];
    }
    return quickFixes(scope, params.context.diagnostics);
  });

  const scopeOf = (uri: string): ActionScope | undefined => {
    const cell = service.cellStateOf(uri);
    if (cell) {
      const live = notebookOf(cell.state.uri);
      // Cells edited since the lint: their findings' offsets no longer hold.
      if (!live || live.cells.some((c, i) => cell.state.cells[i]?.text !== c.text)) return undefined;
      return { state: cell.state, uri, cellIndex: cell.index };
    }
    const state = service.stateOf(uri);
    const document = documents.get(uri);
    if (!state || state.kind !== 'text' || !document || document.version !== state.version) return undefined;
    return { state, uri, version: document.version };
  };

  connection.onExecuteCommand(async (params) => {
    if (params.command === showRuleDocsCommand) {
      const url = params.arguments?.[0];
      if (typeof url === 'string' && /^https:\/\//.test(url)) await connection.window.showDocument({ uri: url, external: true });
    }
  });

  connection.onShutdown(() => scheduler.dispose());
  documents.listen(connection);
  notebooks.listen(connection);
  connection.listen();
  return connection;
}

declare const GREENML_VERSION: string | undefined;
