import * as vscode from 'vscode';
import type { IntensityChoice } from '../estimate/estimate';
import type { FootprintModel, FootprintSettings } from '../present/footprint';
import { buildFootprint } from '../present/footprint';
import { footprintHtmlDocument } from '../present/footprintHtml';
import type { ModelCardFragment } from '../present/modelCard';
import { modelCardCommand } from '../server/modelCard';
import type { FootprintInputMessage } from '../server/workspace';
import { footprintInputFrom, footprintInputsCommand } from '../server/workspace';
import type { GreenMlLanguageClient } from './languageClient';


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

/**
 * The footprint report and the Model Card section (the training call under the cursor, offered as
 * a code action by the language server): both read in the server, shown here.
 */
export function registerReportCommands(context: vscode.ExtensionContext, server: GreenMlLanguageClient, log: vscode.LogOutputChannel): void {
  let panel: vscode.WebviewPanel | undefined;

  context.subscriptions.push(
    vscode.commands.registerCommand(reportCommandIds.footprintReport, () =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Green ML: footprint report', cancellable: true }, async (_progress, token): Promise<FootprintReportResult | undefined> => {
        const started = performance.now();
        const uris = new Map<string, vscode.Uri>();
        const messages = await server.executeCommand<FootprintInputMessage[]>(footprintInputsCommand, [], token);
        const inputs = messages.map((message) => {
          const uri = vscode.Uri.parse(message.uri);
          const path = vscode.workspace.asRelativePath(uri, true);
          uris.set(path, uri);
          return footprintInputFrom(message, path);
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
      // Read in the language server, from the document's text there (a cell's within its notebook).
      const fragment = await server.executeCommand<ModelCardFragment | { error: string }>(modelCardCommand, [document.uri.toString(), at, estimateSettings()]);
      if ('error' in fragment) {
        void vscode.window.showInformationMessage(`Green ML: ${fragment.error}`);
        return undefined;
      }
      const shown = await vscode.workspace.openTextDocument({ language: 'json', content: `${JSON.stringify(fragment, null, 2)}\n` });
      await vscode.window.showTextDocument(shown, { viewColumn: vscode.ViewColumn.Beside, preview: false });
      return fragment;
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
