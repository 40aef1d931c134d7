import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, codeOf, describeDiagnostics, greenMlDiagnostics, hasCode, openInEditor, revertDirtyDocuments, waitForDiagnostics, workspaceUri } from './helpers';

suite('Commands, suppressions and settings', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  teardown(async () => {
    await revertDirtyDocuments();
    await vscode.workspace.getConfiguration('greenml').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('"Lint workspace" fills the Problems panel for files that are not open', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const summary = await vscode.commands.executeCommand<{ files: number; findings: number; filesWithFindings: number }>('greenml.lintWorkspace');
    assert.ok(summary && summary.files >= 3, `summary: ${JSON.stringify(summary)}`);
    assert.ok(hasCode('SML401')(greenMlDiagnostics(workspaceUri('template.json'))), `template.json: ${describeDiagnostics(greenMlDiagnostics(workspaceUri('template.json')))}`);
    assert.deepStrictEqual(greenMlDiagnostics(workspaceUri('broken.yaml')).map(codeOf), ['parse-error']);
    assert.deepStrictEqual(greenMlDiagnostics(workspaceUri('k8s.yaml')), []);
  });

  test('"Ignore SML401 on this line" inserts a comment that silences the finding', async () => {
    const { document } = await openInEditor('template.yaml');
    const [diagnostic] = (await waitForDiagnostics(document.uri, hasCode('SML401'), 'SML401')).filter((d) => codeOf(d) === 'SML401');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
    const ignore = actions.find((a) => a.title === 'Ignore SML401 on this line');
    assert.ok(ignore?.edit);
    assert.ok(await vscode.workspace.applyEdit(ignore.edit));
    await waitForDiagnostics(document.uri, (d) => !hasCode('SML401')(d), 'SML401 to be suppressed');
    assert.match(document.lineAt(diagnostic.range.start.line).text, /^\s+# greenml-ignore SML401$/);
  });

  test('greenml.rules settings change the severity and can turn a rule off', async () => {
    const { document } = await openInEditor('template.yaml');
    await waitForDiagnostics(document.uri, hasCode('SML401'), 'SML401');
    const config = vscode.workspace.getConfiguration('greenml');
    await config.update('rules', { SML401: 'error' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'SML401' && x.severity === vscode.DiagnosticSeverity.Error), 'SML401 as an error');
    await config.update('rules', { 'log-group-no-retention': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(document.uri, (d) => !hasCode('SML401')(d), 'SML401 to be turned off');
  });

  test('"Show documentation" opens the bundled rule page in the Markdown preview', async () => {
    await vscode.commands.executeCommand('greenml.showRuleDocs', 'SML401');
    const deadline = Date.now() + 15_000;
    let labels: string[] = [];
    while (Date.now() < deadline) {
      labels = vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
      if (labels.some((l) => l.includes('log-group-no-retention'))) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(labels.some((l) => /preview/i.test(l) && l.includes('log-group-no-retention')), `open tabs: ${JSON.stringify(labels)}`);
  });
});
