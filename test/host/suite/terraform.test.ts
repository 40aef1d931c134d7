import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, codeOf, describeDiagnostics, extensionId, hasCode, log, openInEditor, revertActiveEditor, revertDirtyDocuments, waitForDiagnostics } from './helpers';

const fixTitle = 'Set retention_in_days to 30 days';

suite('Terraform', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  teardown(revertDirtyDocuments);

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('activates for workspaces with .tf files, whatever language id the host gives them', () => {
    const events: string[] = vscode.extensions.getExtension(extensionId)?.packageJSON.activationEvents ?? [];
    // Without HashiCorp's extension there is no `terraform` language: onLanguage:terraform never fires.
    assert.ok(events.includes('workspaceContains:**/*.tf'), `activationEvents: ${JSON.stringify(events)}`);
  });

  test('a log group without retention_in_days gets SML401 on its resource line', async () => {
    const { document } = await openInEditor('main.tf');
    log(`main.tf opened with language id ${document.languageId}`);
    const diagnostics = await waitForDiagnostics(document.uri, hasCode('SML401'), 'SML401');
    const sml401 = diagnostics.filter((d) => codeOf(d) === 'SML401');
    assert.strictEqual(sml401.length, 1, `expected one SML401, got ${describeDiagnostics(diagnostics)}`);
    assert.strictEqual(document.getText(sml401[0].range), 'resource "aws_cloudwatch_log_group" "training" {');
    assert.ok(!hasCode('SML404')(diagnostics), 'the backend region is not the provider region');
  });

  test('linted as plaintext too (no Terraform language installed)', async () => {
    const { document } = await openInEditor('main.tf');
    const plain = await vscode.languages.setTextDocumentLanguage(document, 'plaintext');
    assert.strictEqual(plain.languageId, 'plaintext');
    await waitForDiagnostics(plain.uri, hasCode('SML401'), 'SML401 on the plaintext document');
  });

  test('applying the SML401 fix through executeCodeActionProvider inserts retention_in_days and clears SML401', async () => {
    const { document } = await openInEditor('main.tf');
    const [diagnostic] = (await waitForDiagnostics(document.uri, hasCode('SML401'), 'SML401')).filter((d) => codeOf(d) === 'SML401');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
    const fix = actions.find((a) => a.title === fixTitle);
    assert.ok(fix?.edit, `no "${fixTitle}" action with an edit; offered: ${JSON.stringify(actions.map((a) => a.title))}`);

    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'workspace.applyEdit refused the fix');
    await waitForDiagnostics(document.uri, (d) => !hasCode('SML401')(d), 'SML401 to disappear');
    assert.match(document.getText(), /"training" \{\n {2}retention_in_days = 30\n {2}name = /);

    await revertActiveEditor();
    assert.ok(!document.isDirty, 'the document is still dirty after revert');
    await waitForDiagnostics(document.uri, hasCode('SML401'), 'SML401 to come back after revert');
  });
});
