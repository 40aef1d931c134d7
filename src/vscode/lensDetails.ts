import * as vscode from 'vscode';

/** Clicking a cost lens shows its assumptions, region and sources (`[title, details]`; the server's `greenml.lsp.showEstimateDetails`). */
export const showLensDetailsCommand = 'greenml.showEstimateDetails';

export function registerLensDetailsCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(showLensDetailsCommand, (title: unknown, details: unknown) =>
    typeof title === 'string' ? vscode.window.showInformationMessage(title, { modal: true, detail: typeof details === 'string' ? details : undefined }) : undefined,
  );
}
