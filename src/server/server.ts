import type { CodeAction, CodeLens, Connection, Disposable, Hover, InitializeResult } from 'vscode-languageserver/node';
import { createConnection, DidChangeWatchedFilesNotification, FileChangeType, MessageType, ShowMessageNotification, NotebookDocuments, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findRule } from '../core/config';
import { escapeControls } from '../core/escape';
import { detectFormat } from '../core/formats';
import { LineIndex } from '../core/lineIndex';
import type { Linter } from '../core/engine';
import { ConfigFileFinder, configFileNames } from '../node/configFile';
import type { ActionScope } from './codeActions';
import { ServerBaseline } from './baseline';
import { ConfigDiagnostics } from './configDiagnostics';
import type { ClientFeatures } from './codeActions';
import { fixAllKind, fixAllSource, noClientFeatures, quickFixes, showRuleDocsCommand } from './codeActions';
import { uriToPath } from './convert';
import type { EstimateScope } from './estimates';
import { codeLenses, hoverAt, lensSettingsOf, showEstimateDetailsCommand } from './estimates';
import type { OpenNotebook } from './linting';
import { LintService, notebookFile } from './linting';
import { IdleCollection, minorCollection } from './idleCollection';
import { Scheduler } from './scheduler';
import type { ServerSettings } from './settings';
import { parseServerSettings } from './settings';
import type { PlanFixesArgs, PlanHost, WorkspaceArgs } from './workspace';
import { fixWorkspaceCommand, footprintInputs, footprintInputsCommand, lintWorkspace, lintWorkspaceCommand, planFixes, planFixesCommand, planWorkspaceFixes } from './workspace';
import { notebookText } from './notebookText';
import { ClientPrices, pricesNotification, wantPricesNotification } from './livePrices';
import { modelCardAction, modelCardAt, modelCardCommand, modelCardKind, modelCardSettingsOf } from './modelCard';

/** How long requests wait for the client's settings before they are answered with the defaults. */
export const settingsWaitMs = 10_000;

export interface ServerOptions {
  linter: Linter;
  /** Defaults to stdio. */
  connection?: Connection;
  /** How long requests wait for the client's settings (default {@link settingsWaitMs}; shorter in tests). */
  settingsWaitMs?: number;
}

/**
 * The Green ML language server (LSP 3.17): diagnostics for text documents and for notebook
 * documents (a notebook is linted as a whole, findings shown on their cells), quick fixes,
 * `source.fixAll.greenml`, and settings from the client's `greenml` section.
 */
export function startServer({ linter, connection = createConnection(ProposedFeatures.all), settingsWaitMs: settingsWait = settingsWaitMs }: ServerOptions): Connection {
  const documents = new TextDocuments(TextDocument);
  const notebooks = new NotebookDocuments(TextDocument);
  let settings: ServerSettings = parseServerSettings({}, linter.rules);
  let pullConfiguration = false;
  let watchDynamically = false;
  let workspaceFolders: string[] = [];
  let supportsFolderChanges = false;
  let codeLensRefresh = false;
  /** The client opens addresses it is sent (`window/showDocument`); otherwise a rule's page is named in a message. */
  let showDocument = false;
  /** The `greenml.region` the lenses were last drawn with: a change asks the client to draw them again. */
  let lensRegion: string | undefined;
  /** What the client does beyond LSP 3.17 (snippet edits, notebook cell insertions). */
  let clientFeatures: ClientFeatures = noClientFeatures;
  /** Live prices the client sent (with `clientFeatures.livePrices`). */
  const prices = new ClientPrices();
  /** The figures' settings, with the client's live prices when it sends them. */
  const figureSettings = (): ReturnType<typeof lensSettingsOf> => ({ ...lensSettingsOf(settings), ...(clientFeatures.livePrices ? { livePrice: prices.lookup } : {}) });
  /** After a hover or lenses: the prices they looked up that the client has not been asked for. */
  const askForPrices = (): void => {
    const keys = prices.takeWanted();
    if (keys.length) void connection.sendNotification(wantPricesNotification, { keys });
  };

  const openText = (file: string): string | undefined => documents.all().find((d) => uriToPath(d.uri) === file)?.getText();
  const finder = new ConfigFileFinder(linter.rules);
  const baseline = new ServerBaseline(() => settings.baseline, () => workspaceFolders, (message) => connection.console.warn(message));
  const configDiagnostics = new ConfigDiagnostics(
    finder,
    (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
    (message) => connection.console.warn(message),
  );
  const service = new LintService(
    linter,
    finder,
    {
      publish: (uri, diagnostics, version) => void connection.sendDiagnostics({ uri, diagnostics, ...(version === undefined ? {} : { version }) }),
      log: (message) => connection.console.log(message),
      config: (loaded) => configDiagnostics.report(loaded),
    },
    () => settings,
    openText,
    baseline,
  );
  // The young generation is collected while the server is idle, not during the next lint.
  const collection = new IdleCollection(minorCollection());
  const scheduler = new Scheduler(() => settings.lintDelayMs, (message) => connection.console.log(message), collection);

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
    supportsFolderChanges = capabilities.workspace?.workspaceFolders === true;
    watchDynamically = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    codeLensRefresh = capabilities.workspace?.codeLens?.refreshSupport === true;
    showDocument = capabilities.window?.showDocument?.support === true;
    const options = params.initializationOptions as { settings?: unknown; clientFeatures?: Partial<Record<keyof ClientFeatures, unknown>> } | undefined;
    if (options?.settings !== undefined) settings = parseServerSettings(options.settings, linter.rules);
    const features = options?.clientFeatures;
    clientFeatures = { snippetEdits: features?.snippetEdits === true, notebookCellCommand: features?.notebookCellCommand === true, modelCard: features?.modelCard === true, livePrices: features?.livePrices === true };
    workspaceFolders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : [])).flatMap((f) => uriToPath(f.uri) ?? []);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        // Every cell (markdown ones too), so that cell indexes are the notebook's.
        notebookDocumentSync: { notebookSelector: [{ notebook: { notebookType: 'jupyter-notebook' } }] },
        codeActionProvider: { codeActionKinds: ['quickfix', fixAllKind, ...(clientFeatures.modelCard ? [modelCardKind] : [])] },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [showRuleDocsCommand, showEstimateDetailsCommand, lintWorkspaceCommand, fixWorkspaceCommand, planFixesCommand, footprintInputsCommand, modelCardCommand] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'greenml', version: typeof GREENML_VERSION === 'string' ? GREENML_VERSION : '0.0.0-dev' },
    };
  });

  connection.onInitialized(async () => {
    if (supportsFolderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.flatMap((f) => uriToPath(f.uri) ?? []));
        workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f)), ...e.added.flatMap((f) => uriToPath(f.uri) ?? [])];
      });
    }
    await refreshSettings();
  });

  /** The files whose changes on disk change findings: config files, Terraform files, Python modules beside notebooks, the baseline file. */
  let watching: { names: string; registration: Promise<Disposable> } | undefined;
  const watchFiles = async (): Promise<void> => {
    if (!watchDynamically) return;
    const baselineName = baseline.watchedName();
    // A name with glob syntax in it is not watched (its changes are read with the next lint).
    const extra = baselineName && !/[{}[\]*?,!]/.test(baselineName) && !(configFileNames as readonly string[]).includes(baselineName) ? [baselineName] : [];
    const names = [...configFileNames, ...extra].join(',');
    if (watching?.names === names) return;
    const previous = watching;
    // Python modules: a notebook reads those beside it.
    watching = { names, registration: connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/{${names}}` }, { globPattern: '**/*.tf' }, { globPattern: '**/*.py' }] }) };
    try {
      if (previous) (await previous.registration).dispose();
      await watching.registration;
    } catch (err) {
      connection.console.warn(`cannot watch the config, Terraform, Python and baseline files: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  /**
   * Requests that read a lint (lenses, hovers, code actions) wait for the client's settings, read
   * once after `initialized`: a lens drawn with the defaults would stay until the document changes.
   * A client that does not answer within {@link settingsWaitMs} gets answers with the defaults (and
   * a log line), and a lens refresh once its settings arrive.
   */
  let markSettingsKnown: () => void = () => undefined;
  const settingsKnown = new Promise<void>((resolve) => (markSettingsKnown = resolve));
  let settingsOrTimeout: Promise<void> | undefined;
  let answeredBeforeSettings = false;
  const withSettings = async (): Promise<void> => {
    settingsOrTimeout ??= Promise.race([
      settingsKnown,
      new Promise<void>((resolve) =>
        setTimeout(() => {
          answeredBeforeSettings = true;
          connection.console.log(`no greenml settings from the client after ${settingsWait} ms: answering with the defaults until they arrive`);
          resolve();
        }, settingsWait).unref(),
      ),
    ]);
    await settingsOrTimeout;
  };

  const refreshSettings = async (): Promise<void> => {
    if (pullConfiguration) {
      try {
        settings = parseServerSettings(await connection.workspace.getConfiguration('greenml'), linter.rules);
      } catch (err) {
        connection.console.warn(`cannot read the greenml settings: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    for (const issue of settings.issues) connection.console.warn(`invalid setting ${issue.path}: ${issue.message}`);
    await watchFiles();
    const region = settings.estimates.region;
    relintAll();
    const drawnWithDefaults = answeredBeforeSettings;
    answeredBeforeSettings = false;
    if ((region !== lensRegion || drawnWithDefaults) && codeLensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    lensRegion = region;
    markSettingsKnown();
  };

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as { greenml?: unknown } | null | undefined)?.greenml;
    if (!pullConfiguration && pushed !== undefined) settings = parseServerSettings(pushed, linter.rules);
    await refreshSettings();
  });

  // A config file or a Terraform file changed on disk: findings of open documents may change, and
  // a config file's own problems (those of one no open document reads are refreshed here). A file
  // read only with files of another format (a notebook's `.py` module): the open files that read it.
  connection.onDidChangeWatchedFiles((params) => {
    let all = false;
    for (const change of params.changes) {
      const file = uriToPath(change.uri);
      if (file) configDiagnostics.changed(file, change.type === FileChangeType.Deleted);
      if (file && readByOthersOnly(file)) relintReaders(file);
      else all = true;
    }
    if (all) relintAll();
  });

  /** A file whose format no language reads together with its own kind, but another reads beside its files (a Python module). */
  const readByOthersOnly = (file: string): boolean => {
    const format = detectFormat(file, '');
    if (!format || linter.contextFormatOf(format) !== undefined || (configFileNames as readonly string[]).includes(path.basename(file))) return false;
    return linter.languages.some((l) => l.format !== format && linter.contextFormatOf(l.format) === format);
  };

  /**
   * The other open documents and notebooks whose lint reads this file (the `.tf` files of its
   * folder, one Terraform module; the notebooks beside a `.py` module) are linted again: their
   * findings depend on its text, saved or not.
   */
  const relintReaders = (file: string): void => {
    const format = detectFormat(file, '');
    if (!format) return;
    const folder = path.dirname(file);
    const reads = (other: string | undefined): boolean => {
      if (!other || other === file || path.dirname(other) !== folder) return false;
      const of = detectFormat(other, '');
      return !!of && linter.contextFormatOf(of) === format;
    };
    for (const other of documents.all()) if (reads(uriToPath(other.uri))) scheduleText(other.uri);
    for (const uri of openNotebookUris) if (uriToPath(uri) !== undefined && reads(notebookFile(uri))) scheduleNotebook(uri);
  };
  const relintSiblings = (uri: string): void => {
    const file = uriToPath(uri);
    if (file) relintReaders(file);
  };

  documents.onDidOpen((e) => scheduleText(e.document.uri, false));
  documents.onDidChangeContent((e) => {
    scheduleText(e.document.uri);
    relintSiblings(e.document.uri);
  });
  documents.onDidClose((e) => {
    scheduler.cancel(e.document.uri);
    service.forget(e.document.uri);
    // Its siblings read it from disk again.
    relintSiblings(e.document.uri);
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

  /** Waits for the lint of the document (a cell's notebook) when one is pending: requests read the newest lint. */
  const linted = async (uri: string): Promise<void> => {
    await withSettings();
    await scheduler.flush(notebooks.findNotebookDocumentForCell(uri)?.uri ?? uri);
  };

  connection.onCodeAction(async (params): Promise<CodeAction[]> => {
    const uri = params.textDocument.uri;
    await linted(uri);
    const scope = scopeOf(uri);
    if (!scope) return [];
    const only = params.context.only;
    if (only?.some((k) => fixAllKind === k || fixAllKind.startsWith(`${k}.`))) {
      const document = documents.get(uri);
      const action = document && scope.state.kind === 'text' ? fixAllSource(scope, (text) => linter.lint(uriToPath(uri) ?? uri, text, { settings: service.ruleSettings(uriToPath(uri) ?? uri, settings), format: scope.state.result.format })) : undefined;
      return action ? [action] : [];
    }
    const actions = quickFixes(scope, params.context.diagnostics, clientFeatures);
    const card = clientFeatures.modelCard && (!only || only.some((k) => modelCardKind === k || modelCardKind.startsWith(`${k}.`))) ? modelCardAction({ state: scope.state, cellIndex: scope.cellIndex }, uri, params.range.start.line) : undefined;
    return card ? [...actions, card] : actions;
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

  /** The lint a hover or lens reads: of the document's current text only (a cell's, for a notebook). */
  const estimateScopeOf = (uri: string): EstimateScope | undefined => {
    const scope = scopeOf(uri);
    return scope ? { state: scope.state, cellIndex: scope.cellIndex } : undefined;
  };
  /** The live text of a text document or a notebook cell. */
  const liveText = (uri: string): string | undefined => documents.get(uri)?.getText() ?? notebooks.cellTextDocuments.get(uri)?.getText();

  connection.onHover(async (params): Promise<Hover | undefined> => {
    const uri = params.textDocument.uri;
    await linted(uri);
    const text = liveText(uri);
    if (text === undefined) return undefined;
    const isCell = notebooks.getNotebookCell(uri) !== undefined;
    const file = uriToPath(uri) ?? uri;
    if (!isCell && !service.stateOf(uri) && !detectFormat(file, text)) return undefined;
    const lines = new LineIndex(text);
    const { line } = params.position;
    const lineText = text.slice(lines.offsetAt(line, 0), lines.offsetAt(line + 1, 0)).replace(/\r?\n$|\r$/, '');
    const hover = hoverAt(lineText, params.position, estimateScopeOf(uri), figureSettings());
    askForPrices();
    return hover;
  });

  connection.onCodeLens(async (params): Promise<CodeLens[]> => {
    await linted(params.textDocument.uri);
    if (!settings.estimates.codeLens) return [];
    const scope = estimateScopeOf(params.textDocument.uri);
    const lenses = scope ? codeLenses(scope, figureSettings()) : [];
    askForPrices();
    return lenses;
  });

  const workspaceHost: PlanHost = {
    service,
    folders: () => workspaceFolders,
    openText: (file) => {
      const document = documents.all().find((d) => uriToPath(d.uri) === file);
      return document && { uri: document.uri, version: document.version, text: document.getText() };
    },
    openDocument: (uri) => {
      const document = documents.get(uri);
      return document && { uri, version: document.version, text: document.getText(), languageId: document.languageId };
    },
    isOpenNotebook: (file) => [...openNotebookUris].some((uri) => uriToPath(uri) === file),
    maxBytes: () => settings.maxFileSizeKb * 1024,
    publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
    log: (message) => connection.console.log(message),
    yieldNow: () => new Promise((resolve) => setImmediate(resolve)),
    notebookText: (file) => {
      const uri = [...openNotebookUris].find((u) => uriToPath(u) === file);
      const notebook = uri ? notebookOf(uri) : undefined;
      return notebook && { uri: notebook.uri, text: notebookText(notebook.cells) };
    },
  };

  connection.onExecuteCommand(async (params) => {
    const first = params.arguments?.[0];
    switch (params.command) {
      case showRuleDocsCommand: {
        const rule = typeof first === 'string' ? findRule(linter.rules, first) : undefined;
        if (!rule) return undefined;
        if (showDocument) await connection.window.showDocument({ uri: rule.docsUrl, external: true });
        else connection.window.showInformationMessage(`${rule.id} ${rule.name}: ${rule.docsUrl}`);
        return undefined;
      }
      case showEstimateDetailsCommand: {
        const details = params.arguments?.[1];
        if (typeof first === 'string') connection.window.showInformationMessage(typeof details === 'string' ? `${first}\n\n${details}` : first);
        return undefined;
      }
      case lintWorkspaceCommand: {
        const started = performance.now();
        const summary = await lintWorkspace(workspaceHost, workspaceArgs(first));
        connection.console.log(`linted ${summary.files} files in ${Math.round(performance.now() - started)} ms: ${summary.findings} problems in ${summary.filesWithFindings} files`);
        return summary;
      }
      case fixWorkspaceCommand: {
        const { edit, ...plan } = await planWorkspaceFixes(workspaceHost, workspaceArgs(first));
        const applied = edit ? (await connection.workspace.applyEdit({ label: 'Green ML: fix all in workspace', edit })).applied : false;
        connection.console.log(`fix all in workspace: ${plan.fixes} fixes in ${plan.filesFixed} of ${plan.files} files${edit && !applied ? ' (not applied by the client)' : ''}`);
        // Asked for with includeUnsafe only (as `--fix --unsafe-fixes`): each placeholder written is named, to be replaced before the code runs.
        if (applied && plan.placeholders.length) {
          const where = plan.placeholders.map((p) => `${p.file}:${p.line}:${p.column}`);
          void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: escapeControls(`Green ML: ${where.length === 1 ? 'a fix wrote a placeholder' : `fixes wrote ${where.length} placeholders`} (${[...new Set(plan.placeholders.map((p) => p.text))].join(', ')}) to replace before the code runs: ${where.join(', ')}`) });
        }
        return { ...plan, applied };
      }
      case modelCardCommand: {
        const line = params.arguments?.[1];
        if (typeof first !== 'string' || typeof line !== 'number') return { error: 'no document and line given.' };
        await linted(first);
        const cell = service.cellStateOf(first);
        const live = cell ? notebookOf(cell.state.uri) : undefined;
        if (cell && live) return modelCardAt(linter, notebookFile(live.uri), notebookText(live.cells), line, modelCardSettingsOf(params.arguments?.[2]), cell.index);
        const text = documents.get(first)?.getText();
        if (text === undefined) return { error: 'open a Python file or notebook with a training call first.' };
        const file = uriToPath(first) ?? `${first}.py`;
        if (linter.needsPrepare(file, text)) await linter.prepare([file], text);
        return modelCardAt(linter, file, text, line, modelCardSettingsOf(params.arguments?.[2]));
      }
      case footprintInputsCommand:
        return footprintInputs(workspaceHost, workspaceArgs(first));
      case planFixesCommand:
        return planFixes(workspaceHost, planFixesArgs(first));
      default:
        return undefined;
    }
  });

  // Live prices landed in the client: the lenses are drawn again with them.
  connection.onNotification(pricesNotification, (params: unknown) => {
    if (prices.update(params) && codeLensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  });

  connection.onShutdown(() => {
    scheduler.dispose();
    collection.busy();
  });
  documents.listen(connection);
  notebooks.listen(connection);
  connection.listen();
  return connection;
}

function workspaceArgs(value: unknown): WorkspaceArgs {
  if (value === null || typeof value !== 'object') return {};
  const { folder, includeUnsafe } = value as Record<string, unknown>;
  return { ...(typeof folder === 'string' ? { folder } : {}), ...(includeUnsafe === true ? { includeUnsafe } : {}) };
}

function planFixesArgs(value: unknown): PlanFixesArgs {
  if (value === null || typeof value !== 'object') return {};
  const { uris, folder, open, includeUnsafe } = value as Record<string, unknown>;
  const strings = (list: unknown): string[] | undefined => (Array.isArray(list) ? list.filter((u): u is string => typeof u === 'string') : undefined);
  return { ...(strings(uris) ? { uris: strings(uris) } : {}), ...(typeof folder === 'string' ? { folder } : {}), ...(strings(open) ? { open: strings(open) } : {}), ...(includeUnsafe === true ? { includeUnsafe } : {}) };
}

declare const GREENML_VERSION: string | undefined;
