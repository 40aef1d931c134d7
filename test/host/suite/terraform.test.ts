import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, codeOf, describeDiagnostics, extensionId, hasCode, log, openInEditor, revertActiveEditor, revertDirtyDocuments, waitForDiagnostics, workspaceUri } from './helpers';

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

  test('a module over two files: the lifecycle configuration in lifecycle.tf counts for main.tf, and editing it (unsaved) re-lints main.tf', async () => {
    const main = await vscode.workspace.openTextDocument(workspaceUri('tf-module/main.tf'));
    await vscode.window.showTextDocument(main);
    const sml101On = (header: string) => (diagnostics: vscode.Diagnostic[]) => {
      const found = diagnostics.filter((d) => codeOf(d) === 'SML101');
      return found.length === 1 && main.getText(found[0].range) === header;
    };
    // lifecycle.tf is not open: it is read from disk.
    await waitForDiagnostics(main.uri, sml101On('resource "aws_s3_bucket" "scratch" {'), 'SML101 on the scratch bucket only');

    const { document: lifecycle } = await openInEditor('tf-module/lifecycle.tf');
    const at = lifecycle.getText().indexOf('aws_s3_bucket.data.id');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(lifecycle.uri, new vscode.Range(lifecycle.positionAt(at), lifecycle.positionAt(at + 'aws_s3_bucket.data.id'.length)), 'aws_s3_bucket.scratch.id');
    assert.ok(await vscode.workspace.applyEdit(edit), 'workspace.applyEdit refused the edit');
    assert.ok(lifecycle.isDirty);
    // The unsaved text of lifecycle.tf wins over the disk: the finding moves to the data bucket.
    await waitForDiagnostics(main.uri, sml101On('resource "aws_s3_bucket" "data" {'), 'SML101 to move to the data bucket');

    await revertActiveEditor();
    await waitForDiagnostics(main.uri, sml101On('resource "aws_s3_bucket" "scratch" {'), 'SML101 back on the scratch bucket after revert');
  });
});
