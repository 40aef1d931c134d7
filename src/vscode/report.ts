import * as vscode from 'vscode';
import type { IntensityChoice } from '../estimate/estimate';
import { lensRegion } from '../present/codeLens';
import type { FootprintFileInput, FootprintModel, FootprintSettings } from '../present/footprint';
import { buildFootprint, footprintInputOf } from '../present/footprint';
import { footprintHtmlDocument } from '../present/footprintHtml';
import type { ModelCardFragment } from '../present/modelCard';
import { modelCardEstimate, modelCardFragment, placedTrainingTargets, trainingTargetAt } from '../present/modelCard';
import type { DocumentLinter } from './diagnostics';
import { cellScheme, notebookText } from './diagnostics';

export const reportCommandIds = {
  footprintReport: 'greenml.footprintReport',
  modelCard: 'greenml.modelCardEnvironment',
  /** Opens a file at a finding: the only command the report's webview may run. */
  openLocation: 'greenml.openLocation',
} as const;

export const footprintViewType = 'greenml.footprintReport';

/** The estimate settings, with `region` only when the user set it (its default is reported as the default). */
function estimateSettings(): FootprintSettings {
  const section = vscode.workspace.getConfiguration('greenml');
  const region = section.inspect<string>('region');
  const intensity: IntensityChoice = section.get<string>('gridIntensity', 'ccf') === 'recent' ? 'recent' : 'ccf';
  const utilization = section.get<number>('utilization', 0.5);
  const set = region?.workspaceFolderValue ?? region?.workspaceValue ?? region?.globalValue;
  return { ...(set ? { region: set } : {}), utilization: utilization >= 0 && utilization <= 1 ? utilization : 0.5, intensity };
}

/** What the report command resolves with (for the host tests): the model it rendered, or undefined when cancelled. */
export interface FootprintReportResult {
  model: FootprintModel;
  viewType: string;
}

export function registerReportCommands(context: vscode.ExtensionContext, linter: DocumentLinter, log: vscode.LogOutputChannel): void {
  let panel: vscode.WebviewPanel | undefined;

  context.subscriptions.push(
    vscode.commands.registerCommand(reportCommandIds.footprintReport, () =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Green ML: footprint report', cancellable: true }, async (progress, token): Promise<FootprintReportResult | undefined> => {
        const started = performance.now();
        const inputs: FootprintFileInput[] = [];
        const uris = new Map<string, vscode.Uri>();
        await linter.lintWorkspace(progress, token, ({ uri, text, result }) => {
          const path = vscode.workspace.asRelativePath(uri, true);
          uris.set(path, uri);
          inputs.push(footprintInputOf(linter.linter, path, text, result));
        });
        if (token.isCancellationRequested) return undefined;
        const model = buildFootprint(inputs, estimateSettings());
        log.info(`footprint report: ${model.totals.findings} findings in ${model.totals.files} files, ${model.targets.length} priced targets, in ${Math.round(performance.now() - started)} ms`);
        panel ??= createPanel(() => (panel = undefined));
        const webview = panel.webview;
        webview.html = footprintHtmlDocument(model, {
          csp: `default-src 'none'; style-src ${webview.cspSource} 'unsafe-inline'; img-src ${webview.cspSource} data:`,
          linkFor: (row) => {
            const uri = uris.get(row.path);
            return uri && `command:${reportCommandIds.openLocation}?${encodeURIComponent(JSON.stringify([uri.toString(), row.line, row.column]))}`;
          },
          note: vscode.workspace.isTrusted
            ? undefined
            : 'Untrusted workspace: the report only reads the files; nothing in them is run.',
        });
        panel.reveal(undefined, true);
        return { model, viewType: footprintViewType };
      }),
    ),
    vscode.commands.registerCommand(reportCommandIds.openLocation, async (uriText: unknown, line: unknown, column: unknown) => {
      if (typeof uriText !== 'string' || typeof line !== 'number' || typeof column !== 'number') return;
      const uri = vscode.Uri.parse(uriText, true);
      // Only files of the workspace: the link comes from the report, never from the code it shows.
      if (uri.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(uri)) return;
      const position = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
      await vscode.commands.executeCommand('vscode.open', uri, { selection: new vscode.Range(position, position) } satisfies vscode.TextDocumentShowOptions);
    }),
    vscode.commands.registerCommand(reportCommandIds.modelCard, async (uriText?: unknown, line?: unknown): Promise<ModelCardFragment | undefined> => {
      // From the code action: the document and line it was offered on; from the palette: the cursor.
      const editor = vscode.window.activeTextEditor;
      const document = typeof uriText === 'string' ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uriText) : editor?.document;
      const at = typeof line === 'number' ? line : editor && document === editor.document ? editor.selection.active.line + 1 : undefined;
      if (!document || at === undefined) {
        void vscode.window.showInformationMessage('Green ML: open a Python file or notebook with a training call first.');
        return undefined;
      }
      const fragment = modelCardFor(linter, document, at);
      if ('error' in fragment) {
        void vscode.window.showInformationMessage(`Green ML: ${fragment.error}`);
        return undefined;
      }
      const shown = await vscode.workspace.openTextDocument({ language: 'json', content: `${JSON.stringify(fragment, null, 2)}\n` });
      await vscode.window.showTextDocument(shown, { viewColumn: vscode.ViewColumn.Beside, preview: false });
      return fragment;
    }),
    vscode.languages.registerCodeActionsProvider([{ language: 'python', scheme: 'file' }, { language: 'python', scheme: 'untitled' }, { language: 'python', scheme: cellScheme }], new ModelCardActions(linter), {
      providedCodeActionKinds: [ModelCardActions.kind],
    }),
  );
}

function createPanel(onDispose: () => void): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel(footprintViewType, 'Green ML footprint report', vscode.ViewColumn.Active, {
    enableScripts: false,
    enableCommandUris: [reportCommandIds.openLocation],
    localResourceRoots: [],
  });
  panel.onDidDispose(onDispose);
  return panel;
}

/** The model card fragment of the training call under the cursor (a notebook cell's within its notebook). */
function modelCardFor(linter: DocumentLinter, document: vscode.TextDocument, line: number): ModelCardFragment | { error: string } {
  const notebook = document.uri.scheme === cellScheme ? linter.notebookOf(document) : undefined;
  const engine = linter.linter;
  let placed;
  if (notebook) {
    const cells = notebook.getCells();
    const index = cells.findIndex((c) => c.document === document);
    const text = notebookText(cells);
    const fileName = notebook.uri.scheme === 'file' ? notebook.uri.fsPath : `${notebook.uri.path}.ipynb`;
    if (engine.needsPrepare(fileName)) return { error: 'the Python parser is still loading; try again in a moment.' };
    placed = placedTrainingTargets(engine, fileName, text, 'notebook');
    // The targets of this cell, with their lines inside it.
    placed = { ...placed, targets: placed.targets.flatMap((t) => (t.cell?.index === index ? [{ ...t, line: t.cell.line, endLine: t.cell.endLine }] : [])) };
  } else {
    const fileName = document.uri.scheme === 'file' ? document.fileName : `${document.fileName}.py`;
    if (!engine.mayHandle(fileName)) return { error: 'the Model Card section is made from a Python file or notebook.' };
    if (engine.needsPrepare(fileName)) return { error: 'the Python parser is still loading; try again in a moment.' };
    placed = placedTrainingTargets(engine, fileName, document.getText());
  }
  const chosen = trainingTargetAt(placed.targets, line);
  if ('error' in chosen) return { error: chosen.error.replace('; training calls at lines', ' (put the cursor on one); training calls at lines') };
  const settings = estimateSettings();
  const region = lensRegion({ targets: [], ...(placed.codeRegion ? { region: { code: placed.codeRegion, start: 0 } } : {}) }, settings);
  return modelCardFragment(modelCardEstimate(chosen.target, region, settings));
}

/** The training calls of a document, cached by version (code actions are asked for on every cursor move). */
const placedCache = new WeakMap<vscode.TextDocument, { version: number; placed: ReturnType<typeof placedTrainingTargets> }>();

/** "Green ML: Model Card environmental impact" offered on a training call of a Python file or notebook cell. */
class ModelCardActions implements vscode.CodeActionProvider {
  static readonly kind = vscode.CodeActionKind.Empty.append('greenml').append('modelCard');

  constructor(private readonly linter: DocumentLinter) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.contains(ModelCardActions.kind)) return [];
    const line = range.start.line + 1;
    if (!this.hasTrainingCallAt(document, line)) return [];
    const action = new vscode.CodeAction('Green ML: Model Card environmental impact', ModelCardActions.kind);
    action.command = { title: action.title, command: reportCommandIds.modelCard, arguments: [document.uri.toString(), line] };
    return [action];
  }

  private hasTrainingCallAt(document: vscode.TextDocument, line: number): boolean {
    const engine = this.linter.linter;
    if (document.uri.scheme === cellScheme) {
      const notebook = this.linter.notebookOf(document);
      if (!notebook) return false;
      return !('error' in modelCardFor(this.linter, document, line));
    }
    const fileName = document.uri.scheme === 'file' ? document.fileName : `${document.fileName}.py`;
    if (!engine.mayHandle(fileName) || engine.needsPrepare(fileName)) return false;
    let cached = placedCache.get(document);
    if (!cached || cached.version !== document.version) {
      cached = { version: document.version, placed: placedTrainingTargets(engine, fileName, document.getText()) };
      placedCache.set(document, cached);
    }
    return cached.placed.targets.some((t) => t.line <= line && line <= t.endLine);
  }
}
