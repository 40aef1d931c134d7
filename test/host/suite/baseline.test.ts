import * as assert from 'assert';
import * as vscode from 'vscode';
import { createBaseline } from '../../../src/core/baseline';
import { activateExtension, codeOf, describeDiagnostics, greenMlDiagnostics, waitForDiagnostics, workspaceUri } from './helpers';

const template = (groups: string[]): string => ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:', ...groups.flatMap((g) => [`  ${g}:`, '    Type: AWS::Logs::LogGroup'])].join('\n') + '\n';

suite('Baseline (greenml.baseline)', () => {
  const folder = 'baseline-run';
  const stack = `${folder}/stack.yaml`;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('greenml');

  suiteSetup(async () => {
    await activateExtension();
    // The baseline accepts OldLogs (as `greenml lint --write-baseline` records it: path relative to the baseline file).
    const old = template(['OldLogs']);
    const start = old.indexOf('OldLogs');
    const baseline = createBaseline([{ file: 'stack.yaml', text: old, findings: [{ ruleId: 'SML401', ruleName: 'log-group-no-retention', severity: 'warning', message: '', line: 3, column: 3, endLine: 3, endColumn: 10, start, end: start + 'OldLogs'.length }] }]);
    await vscode.workspace.fs.writeFile(workspaceUri(`${folder}/greenml-baseline.json`), Buffer.from(JSON.stringify(baseline)));
    // OldLogs moved down a line by NewLogs: the baseline still matches it.
    await vscode.workspace.fs.writeFile(workspaceUri(stack), Buffer.from(template(['NewLogs', 'OldLogs'])));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await config().update('baseline', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('baselineMode', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(workspaceUri(folder), { recursive: true });
  });

  const byName = (document: vscode.TextDocument, diagnostics: vscode.Diagnostic[]): Map<string, vscode.Diagnostic> => new Map(diagnostics.filter((d) => codeOf(d) === 'SML401').map((d) => [document.getText(d.range), d]));

  test('dim: a baselined finding is a faded hint, a new one keeps its severity', async () => {
    await config().update('baselineMode', 'dim', vscode.ConfigurationTarget.Workspace);
    await config().update('baseline', `${folder}/greenml-baseline.json`, vscode.ConfigurationTarget.Workspace);
    const document = await vscode.workspace.openTextDocument(workspaceUri(stack));
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitForDiagnostics(document.uri, (ds) => ds.some((d) => d.message.endsWith('(baselined)')), 'a dimmed SML401');
    const found = byName(document, diagnostics);
    assert.strictEqual(found.size, 2, describeDiagnostics(diagnostics));
    assert.strictEqual(found.get('NewLogs')?.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(found.get('OldLogs')?.severity, vscode.DiagnosticSeverity.Hint);
    assert.deepStrictEqual(found.get('OldLogs')?.tags, [vscode.DiagnosticTag.Unnecessary]);
  });

  test('hide: only the new finding is shown; without a baseline both are', async () => {
    const uri = workspaceUri(stack);
    await config().update('baselineMode', 'hide', vscode.ConfigurationTarget.Workspace);
    const hidden = await waitForDiagnostics(uri, (ds) => ds.filter((d) => codeOf(d) === 'SML401').length === 1, 'one SML401');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.deepStrictEqual([...byName(document, hidden).keys()], ['NewLogs']);
    await config().update('baseline', undefined, vscode.ConfigurationTarget.Workspace);
    const all = await waitForDiagnostics(uri, (ds) => ds.filter((d) => codeOf(d) === 'SML401' && !d.message.endsWith('(baselined)')).length === 2, 'two SML401');
    assert.strictEqual(greenMlDiagnostics(uri).length, all.length);
  });
});
