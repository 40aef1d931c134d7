import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, codeOf, describeDiagnostics, hasCode, openInEditor, revertActiveEditor, revertDirtyDocuments, waitForDiagnostics } from './helpers';

const fixTitle = /^Enable managed spot training \(use_spot_instances=True, max_wait=7200, checkpoint_s3_uri="s3:\/\/greenml-host-test\/output\/checkpoints"\)/;

suite('Python scripts', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  teardown(revertDirtyDocuments);

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('an estimator without managed spot gets SML203 on its class name, once the Python parser has loaded', async () => {
    const { document } = await openInEditor('train.py');
    assert.strictEqual(document.languageId, 'python');
    const diagnostics = await waitForDiagnostics(document.uri, hasCode('SML203'), 'SML203');
    const sml203 = diagnostics.filter((d) => codeOf(d) === 'SML203');
    assert.strictEqual(sml203.length, 1, `expected one SML203, got ${describeDiagnostics(diagnostics)}`);
    assert.strictEqual(document.getText(sml203[0].range), 'PyTorch');
    assert.strictEqual(sml203[0].severity, vscode.DiagnosticSeverity.Warning);
  });

  test('the spot quick fix, applied through the code-action provider, removes SML203', async () => {
    const { document } = await openInEditor('train.py');
    const [diagnostic] = (await waitForDiagnostics(document.uri, hasCode('SML203'), 'SML203')).filter((d) => codeOf(d) === 'SML203');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
    const fix = actions.find((a) => fixTitle.test(a.title));
    assert.ok(fix?.edit, `no spot fix with an edit; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(fix.title.endsWith('(may change behaviour)'), `the unsafe fix says so: ${fix.title}`);

    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'workspace.applyEdit refused the fix');
    await waitForDiagnostics(document.uri, (d) => !hasCode('SML203')(d) && d.length === 0, 'SML203 to disappear and nothing else to appear');
    assert.match(document.getText(), /^ {4}use_spot_instances=True,\n {4}max_wait=7200,\n {4}checkpoint_s3_uri="s3:\/\/greenml-host-test\/output\/checkpoints",\n\)$/m);

    await revertActiveEditor();
    await waitForDiagnostics(document.uri, hasCode('SML203'), 'SML203 to come back after revert');
  });
});
