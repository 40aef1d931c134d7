import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, codeOf, describeDiagnostics, extensionId, greenMlDiagnostics, hasCode, openInEditor, revertActiveEditor, revertDirtyDocuments, waitForDiagnostics } from './helpers';

const fixTitle = 'Set retentionInDays to 30 days';

suite('CDK TypeScript', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  teardown(revertDirtyDocuments);

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('activates on TypeScript documents', () => {
    const events: string[] = vscode.extensions.getExtension(extensionId)?.packageJSON.activationEvents ?? [];
    assert.ok(events.includes('onLanguage:typescript'), `activationEvents: ${JSON.stringify(events)}`);
  });

  test('a CfnLogGroup without retentionInDays gets SML401 on its construct id', async () => {
    const { document } = await openInEditor('ml-stack.ts');
    const diagnostics = await waitForDiagnostics(document.uri, hasCode('SML401'), 'SML401');
    const sml401 = diagnostics.filter((d) => codeOf(d) === 'SML401');
    assert.strictEqual(sml401.length, 1, `expected one SML401, got ${describeDiagnostics(diagnostics)}`);
    assert.strictEqual(document.getText(sml401[0].range), "'TrainingLogs'");
  });

  test('applying the SML401 fix inserts retentionInDays in the props and clears SML401', async () => {
    const { document } = await openInEditor('ml-stack.ts');
    const [diagnostic] = (await waitForDiagnostics(document.uri, hasCode('SML401'), 'SML401')).filter((d) => codeOf(d) === 'SML401');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
    const fix = actions.find((a) => a.title === fixTitle);
    assert.ok(fix?.edit, `no "${fixTitle}" action with an edit; offered: ${JSON.stringify(actions.map((a) => a.title))}`);

    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'workspace.applyEdit refused the fix');
    await waitForDiagnostics(document.uri, (d) => !hasCode('SML401')(d), 'SML401 to disappear');
    assert.match(document.getText(), /logGroupName: '\/aws\/sagemaker\/TrainingJobs',\n {6}retentionInDays: 30,\n {4}\}\);/);

    await revertActiveEditor();
    assert.ok(!document.isDirty, 'the document is still dirty after revert');
    await waitForDiagnostics(document.uri, hasCode('SML401'), 'SML401 to come back after revert');
  });

  test('a TypeScript file that is not a CDK app gets no Green ML diagnostics', async () => {
    const { document } = await openInEditor('util.ts');
    // The CDK file above was linted by now; this one never is.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepStrictEqual(greenMlDiagnostics(document.uri).map(codeOf), []);
  });
});
