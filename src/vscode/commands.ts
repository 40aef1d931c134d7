import * as vscode from 'vscode';
import { findRule } from '../core/config';
import type { AnyRule } from '../core/types';
import type { FixPlan, LintWorkspaceSummary, PlanFixesArgs } from '../server/workspace';
import { lintWorkspaceCommand, planFixesCommand } from '../server/workspace';
import type { FixWorkspaceArgs } from './fixWorkspace';
import { fileFixEdit, fixAllInWorkspace } from './fixWorkspace';
import type { GreenMlLanguageClient } from './languageClient';
import { applyNotebookFix, applyNotebookFixCommand } from './notebookEdits';

const cellScheme = 'vscode-notebook-cell';

export const commandIds = {
  lintWorkspace: 'greenml.lintWorkspace',
  fixAllInFile: 'greenml.fixAllInFile',
  fixAllInWorkspace: 'greenml.fixAllInWorkspace',
  showRuleDocs: 'greenml.showRuleDocs',
  showLog: 'greenml.showLog',
} as const;

/**
 * The commands: linting and fixing run in the language server (`server`); `rules` name the rules
 * for the documentation picker.
 */
export function registerCommands(context: vscode.ExtensionContext, server: GreenMlLanguageClient, rules: readonly AnyRule[], log: vscode.LogOutputChannel): void {
  const planFixes = (args: PlanFixesArgs, token?: vscode.CancellationToken): Promise<FixPlan> => server.executeCommand<FixPlan>(planFixesCommand, [args], token);
  const register = (id: string, handler: (...args: never[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  };

  register(commandIds.lintWorkspace, () =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Green ML: linting workspace', cancellable: true }, async (_progress, token) => {
      const started = performance.now();
      // The server publishes the findings of the files that are not open.
      const summary = await server.executeCommand<LintWorkspaceSummary>(lintWorkspaceCommand, [], token);
      log.info(`linted ${summary.files} files in ${Math.round(performance.now() - started)} ms: ${summary.findings} problems in ${summary.filesWithFindings} files`);
      if (summary.findings) void vscode.commands.executeCommand('workbench.actions.view.problems');
      void vscode.window.showInformationMessage(`Green ML: ${summary.findings} problem${summary.findings === 1 ? '' : 's'} in ${summary.filesWithFindings} of ${summary.files} files.`);
      return summary;
    }),
  );

  // `includeUnsafe` answers the question about unsafe fixes in advance (for tests and other commands).
  register(commandIds.fixAllInFile, async (args?: { includeUnsafe?: boolean }) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return false;
    // In the notebook editor the active editor is a cell's: fix the whole notebook.
    const notebook = editor.document.uri.scheme === cellScheme ? vscode.workspace.notebookDocuments.find((n) => n.getCells().some((c) => c.document === editor.document)) : undefined;
    const uri = (notebook ?? editor.document).uri.toString();
    const [planned] = (await planFixes({ uris: [uri], open: [uri], includeUnsafe: true })).planned;
    const unsafe = planned?.unsafeTitles ?? [];
    let withUnsafe = false;
    if (unsafe.length && args?.includeUnsafe !== undefined) withUnsafe = args.includeUnsafe;
    else if (unsafe.length) {
      const answer = await vscode.window.showWarningMessage(
        `${unsafe.length} Green ML fix${unsafe.length === 1 ? '' : 'es'} may change how the code behaves. Apply ${unsafe.length === 1 ? 'it' : 'them'} too?`,
        { modal: true, detail: unsafe.map((title) => `• ${title}`).join('\n') },
        'Apply all',
        'Only safe fixes',
      );
      if (answer === undefined) return false;
      withUnsafe = answer === 'Apply all';
    }
    // Fixes that overlap (two adding one import) get their turn in further passes, as with `greenml lint --fix`.
    const chosen = planned && (withUnsafe && planned.all ? { ...planned.all, placeholders: [...planned.safe.placeholders, ...planned.all.placeholders] } : planned.safe);
    const edit = planned && chosen ? fileFixEdit(planned, chosen) : undefined;
    if (!edit) {
      void vscode.window.showInformationMessage('Green ML: nothing to fix automatically in this file.');
      return false;
    }
    return vscode.workspace.applyEdit(edit);
  });

  register(commandIds.fixAllInWorkspace, async (args?: FixWorkspaceArgs) => {
    const started = performance.now();
    const summary = await fixAllInWorkspace(planFixes, log, args ?? {});
    log.info(`fix all in workspace: ${summary.fixes} fixes in ${summary.filesFixed} of ${summary.files} files in ${Math.round(performance.now() - started)} ms${summary.cancelled ? ' (cancelled)' : ''}`);
    if (!summary.cancelled) {
      const heldBack = summary.heldBack ? ` Some fixes in ${summary.heldBack} file${summary.heldBack === 1 ? '' : 's'} were held back: the result would not parse.` : '';
      const changed = summary.changedSinceRead ? ` ${summary.changedSinceRead} file${summary.changedSinceRead === 1 ? '' : 's'} changed after being read and ${summary.changedSinceRead === 1 ? 'was' : 'were'} left alone.` : '';
      const placeholders = summary.placeholders.length ? ` ${summary.placeholders.length} placeholder${summary.placeholders.length === 1 ? '' : 's'} to fill in (listed in the Green ML log).` : '';
      void vscode.window.showInformationMessage(`Green ML: Applied ${summary.fixes} fix${summary.fixes === 1 ? '' : 'es'} in ${summary.filesFixed} file${summary.filesFixed === 1 ? '' : 's'}.${heldBack}${changed}${placeholders}`);
    }
    return summary;
  });

  register(commandIds.showRuleDocs, async (ruleRef?: string) => {
    const rule: AnyRule | undefined = ruleRef ? findRule(rules, ruleRef) : await pickRule(rules);
    if (!rule) return;
    const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${rule.name}.md`);
    await vscode.commands.executeCommand('markdown.showPreview', page);
  });

  register(commandIds.showLog, () => log.show());
  register(applyNotebookFixCommand, (notebookUri: unknown, edits: unknown) => applyNotebookFix(notebookUri, edits));
}

async function pickRule(rules: readonly AnyRule[]): Promise<AnyRule | undefined> {
  const picked = await vscode.window.showQuickPick(
    rules.map((rule) => ({ label: `${rule.id} ${rule.name}`, description: rule.meta.defaultSeverity, detail: rule.meta.description, rule })),
    { title: 'Green ML: show rule documentation', matchOnDetail: true },
  );
  return picked?.rule;
}
