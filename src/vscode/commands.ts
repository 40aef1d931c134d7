import * as vscode from 'vscode';
import { applyFixes } from '../core/applyFixes';
import { findRule } from '../core/config';
import { fixUntilStable } from '../core/fixLoop';
import type { AnyRule, Applicability, Edit } from '../core/types';
import { actionTarget, applyNotebookFix, applyNotebookFixCommand, editsOf, toWorkspaceEdit } from './codeActions';
import type { DocumentLinter } from './diagnostics';
import { cellScheme } from './diagnostics';
import type { FixWorkspaceArgs } from './fixWorkspace';
import { changedSpan } from '../core/lineDiff';
import { fixAllInWorkspace } from './fixWorkspace';

export const commandIds = {
  lintWorkspace: 'greenml.lintWorkspace',
  fixAllInFile: 'greenml.fixAllInFile',
  fixAllInWorkspace: 'greenml.fixAllInWorkspace',
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

  // `includeUnsafe` answers the question about unsafe fixes in advance (for tests and other commands).
  register(commandIds.fixAllInFile, async (args?: { includeUnsafe?: boolean }) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return false;
    // In the notebook editor the active editor is a cell's: fix the whole notebook.
    const notebook = editor.document.uri.scheme === cellScheme ? linter.notebookOf(editor.document) : undefined;
    if (notebook) linter.lintNotebook(notebook);
    else linter.lintDocument(editor.document);
    const target = actionTarget(linter, editor.document, true);
    if (!target) return false;
    const safe = target.findings.flatMap((f) => (f.fix?.applicability === 'safe' ? [f.fix] : []));
    const unsafe = target.findings.flatMap((f) => (f.fix?.applicability === 'unsafe' ? [f.fix] : []));
    let chosen = safe;
    if (unsafe.length && args?.includeUnsafe !== undefined) {
      if (args.includeUnsafe) chosen = [...safe, ...unsafe];
    } else if (unsafe.length) {
      const answer = await vscode.window.showWarningMessage(
        `${unsafe.length} Green ML fix${unsafe.length === 1 ? '' : 'es'} may change how the code behaves. Apply ${unsafe.length === 1 ? 'it' : 'them'} too?`,
        { modal: true, detail: unsafe.map((f) => `• ${f.title}`).join('\n') },
        'Apply all',
        'Only safe fixes',
      );
      if (answer === undefined) return false;
      if (answer === 'Apply all') chosen = [...safe, ...unsafe];
    }
    let edit: vscode.WorkspaceEdit | undefined;
    if (notebook) {
      // The notebook editor's cells: one pass of non-overlapping fixes.
      const { applied } = applyFixes(target.text, chosen);
      edit = applied.length ? target.workspaceEdit(editsOf(applied)) : undefined;
    } else {
      // Fixes that overlap (two adding one import) get their turn in further passes, as with `greenml lint --fix`.
      const include: Applicability[] = chosen === safe ? ['safe'] : ['safe', 'unsafe'];
      const state = linter.stateOf(editor.document);
      const outcome = state && fixUntilStable(target.text, state.result, (text) => linter.lintText(editor.document.uri, text, state.result.format), include);
      if (outcome && outcome.text !== target.text) {
        const change = changedSpan(target.text, outcome.text);
        // Placeholders the fixes wrote (a bucket to choose) become snippet tab stops.
        edit = toWorkspaceEdit(editor.document, [change], [...new Set(outcome.placeholders.map((p) => p.text))]);
      }
    }
    if (!edit) {
      void vscode.window.showInformationMessage('Green ML: nothing to fix automatically in this file.');
      return false;
    }
    return vscode.workspace.applyEdit(edit);
  });

  register(commandIds.fixAllInWorkspace, async (args?: FixWorkspaceArgs) => {
    const started = performance.now();
    const summary = await fixAllInWorkspace(linter, log, args ?? {});
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
    const rules = linter.linter.rules;
    const rule: AnyRule | undefined = ruleRef ? findRule(rules, ruleRef) : await pickRule(rules);
    if (!rule) return;
    const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${rule.name}.md`);
    await vscode.commands.executeCommand('markdown.showPreview', page);
  });

  register(commandIds.showLog, () => log.show());
  register(applyNotebookFixCommand, (notebookUri: string, edits: Edit[]) => applyNotebookFix(notebookUri, edits));
}

async function pickRule(rules: readonly AnyRule[]): Promise<AnyRule | undefined> {
  const picked = await vscode.window.showQuickPick(
    rules.map((rule) => ({ label: `${rule.id} ${rule.name}`, description: rule.meta.defaultSeverity, detail: rule.meta.description, rule })),
    { title: 'Green ML: show rule documentation', matchOnDetail: true },
  );
  return picked?.rule;
}
