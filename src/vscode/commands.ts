import * as vscode from 'vscode';
import { applyFixes } from '../core/applyFixes';
import { findRule } from '../core/config';
import type { AnyRule } from '../core/types';
import { toWorkspaceEdit } from './codeActions';
import type { DocumentLinter } from './diagnostics';

export const commandIds = {
  lintWorkspace: 'greenml.lintWorkspace',
  fixAllInFile: 'greenml.fixAllInFile',
  showRuleDocs: 'greenml.showRuleDocs',
  showLog: 'greenml.showLog',
} as const;

export function registerCommands(context: vscode.ExtensionContext, linter: DocumentLinter, log: vscode.LogOutputChannel): void {
  const register = (id: string, handler: (...args: never[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  };

  register(commandIds.lintWorkspace, () =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Green ML: linting workspace', cancellable: true }, async (progress, token) => {
      const started = performance.now();
      const summary = await linter.lintWorkspace(progress, token);
      log.info(`linted ${summary.files} files in ${Math.round(performance.now() - started)} ms: ${summary.findings} problems in ${summary.filesWithFindings} files`);
      if (summary.findings) void vscode.commands.executeCommand('workbench.actions.view.problems');
      void vscode.window.showInformationMessage(`Green ML: ${summary.findings} problem${summary.findings === 1 ? '' : 's'} in ${summary.filesWithFindings} of ${summary.files} files.`);
      return summary;
    }),
  );

  register(commandIds.fixAllInFile, async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return false;
    linter.lintDocument(editor.document);
    const state = linter.stateOf(editor.document);
    if (!state) return false;
    const text = editor.document.getText();
    const safe = state.result.findings.flatMap((f) => (f.fix?.applicability === 'safe' ? [f.fix] : []));
    const unsafe = state.result.findings.flatMap((f) => (f.fix?.applicability === 'unsafe' ? [f.fix] : []));
    let chosen = safe;
    if (unsafe.length) {
      const answer = await vscode.window.showWarningMessage(
        `${unsafe.length} Green ML fix${unsafe.length === 1 ? '' : 'es'} may change how the code behaves. Apply ${unsafe.length === 1 ? 'it' : 'them'} too?`,
        { modal: true, detail: unsafe.map((f) => `• ${f.title}`).join('\n') },
        'Apply all',
        'Only safe fixes',
      );
      if (answer === undefined) return false;
      if (answer === 'Apply all') chosen = [...safe, ...unsafe];
    }
    const { applied } = applyFixes(text, chosen);
    if (!applied.length) {
      void vscode.window.showInformationMessage('Green ML: nothing to fix automatically in this file.');
      return false;
    }
    return vscode.workspace.applyEdit(toWorkspaceEdit(editor.document, applied.flatMap((f) => f.edits)));
  });

  register(commandIds.showRuleDocs, async (ruleRef?: string) => {
    const rules = linter.linter.rules;
    const rule: AnyRule | undefined = ruleRef ? findRule(rules, ruleRef) : await pickRule(rules);
    if (!rule) return;
    const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${rule.name}.md`);
    await vscode.commands.executeCommand('markdown.showPreview', page);
  });

  register(commandIds.showLog, () => log.show());
}

async function pickRule(rules: readonly AnyRule[]): Promise<AnyRule | undefined> {
  const picked = await vscode.window.showQuickPick(
    rules.map((rule) => ({ label: `${rule.id} ${rule.name}`, description: rule.meta.defaultSeverity, detail: rule.meta.description, rule })),
    { title: 'Green ML: show rule documentation', matchOnDetail: true },
  );
  return picked?.rule;
}
