import * as vscode from 'vscode';
import { applyFixes } from '../core/applyFixes';
import { LineIndex } from '../core/lineIndex';
import { suppressionEdit } from '../core/suppressions';
import type { Edit, Finding, Fix } from '../core/types';
import { ruleIdOf, toRange } from './convert';
import type { DocumentLinter } from './diagnostics';

export const fixAllKind = vscode.CodeActionKind.SourceFixAll.append('greenml');

/**
 * The menu for each Green ML diagnostic, in the order vscode-eslint taught users
 * to expect: the fix, fix all of this rule in the file, ignore on this line,
 * ignore in this file, show the rule's documentation.
 */
export class GreenMlCodeActions implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix, fixAllKind];

  constructor(private readonly linter: DocumentLinter) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const state = this.linter.stateOf(document);
    if (!state) return [];
    const findings = state.result.findings;
    // Asked for source.fixAll (on save, or from the Source Action menu): only the fix-all action.
    if (context.only?.contains(fixAllKind)) {
      const action = fixAllAction(document, findings, 'Fix all safe Green ML problems', fixAllKind);
      return action ? [action] : [];
    }
    const language = this.linter.linter.languages.find((l) => l.format === state.result.format);
    const actions: vscode.CodeAction[] = [];
    const offeredRuleActions = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      const ruleId = ruleIdOf(diagnostic);
      if (!ruleId) continue;
      const finding = findings.find((f) => f.ruleId === ruleId && toRange(f).isEqual(diagnostic.range));
      if (!finding || finding.ruleId === 'parse-error') continue;
      for (const fix of [finding.fix, ...(finding.suggestions ?? [])]) {
        if (!fix) continue;
        if (fix.applicability === 'displayOnly') {
          // Advice the engine cannot apply: offered as an action that opens the rule page.
          const advice = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          advice.command = { title: advice.title, command: 'greenml.showRuleDocs', arguments: [ruleId] };
          advice.diagnostics = [diagnostic];
          actions.push(advice);
          continue;
        }
        const action = new vscode.CodeAction(fix.applicability === 'unsafe' ? `${fix.title} (may change behaviour)` : fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document, fix.edits);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix === finding.fix && fix.applicability === 'safe';
        actions.push(action);
      }
      if (offeredRuleActions.has(ruleId)) continue;
      offeredRuleActions.add(ruleId);
      const sameRule = findings.filter((f) => f.ruleId === ruleId);
      if (sameRule.filter((f) => f.fix && f.fix.applicability === 'safe').length > 1) {
        const all = fixAllAction(document, sameRule, `Fix all ${ruleId} problems in this file`, vscode.CodeActionKind.QuickFix);
        if (all) actions.push(all);
      }
      const prefix = language?.commentPrefixes[0];
      if (prefix) {
        actions.push(suppressAction(document, finding, prefix, false));
        actions.push(suppressAction(document, finding, prefix, true));
      }
      const docs = new vscode.CodeAction(`Show documentation for ${ruleId}`, vscode.CodeActionKind.QuickFix);
      docs.command = { title: docs.title, command: 'greenml.showRuleDocs', arguments: [ruleId] };
      actions.push(docs);
    }
    return actions;
  }
}

function suppressAction(document: vscode.TextDocument, finding: Finding, prefix: string, fileLevel: boolean): vscode.CodeAction {
  const title = fileLevel ? `Ignore ${finding.ruleId} in this file` : `Ignore ${finding.ruleId} on this line`;
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  const edit = suppressionEdit(new LineIndex(document.getText()), prefix, finding.ruleId, finding.line - 1, fileLevel);
  action.edit = toWorkspaceEdit(document, [edit]);
  return action;
}

/** One action applying every non-conflicting safe fix among these findings. */
export function fixAllAction(document: vscode.TextDocument, findings: readonly Finding[], title: string, kind: vscode.CodeActionKind): vscode.CodeAction | undefined {
  const fixes = findings.flatMap((f) => (f.fix?.applicability === 'safe' ? [f.fix] : []));
  const { applied } = applyFixes(document.getText(), fixes);
  if (!applied.length) return undefined;
  const action = new vscode.CodeAction(title, kind);
  action.edit = toWorkspaceEdit(document, applied.flatMap((f: Fix) => f.edits));
  return action;
}

export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly Edit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.text);
  return edit;
}
