import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, codeOf, describeDiagnostics, hasCode, waitForDiagnostics, workspaceUri } from './helpers';

/**
 * A Jupyter notebook in the notebook editor (the built-in ipynb serializer):
 * each code cell is its own document, the notebook is linted as a whole, and
 * findings and fixes land on the cells.
 */
suite('Jupyter notebooks in the notebook editor', () => {
  let notebook: vscode.NotebookDocument;

  // One notebook for the suite; the tests run in order: find, fix, then close.
  suiteSetup(async () => {
    await activateExtension();
    notebook = await vscode.workspace.openNotebookDocument(workspaceUri('train.ipynb'));
    await vscode.window.showNotebookDocument(notebook);
  });

  suiteTeardown(async () => {
    await vscode.window.showNotebookDocument(notebook);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the notebook opens in the notebook editor with the ipynb serializer', () => {
    assert.strictEqual(notebook.notebookType, 'jupyter-notebook');
    assert.strictEqual(notebook.cellCount, 5);
    assert.strictEqual(notebook.cellAt(2).document.uri.scheme, 'vscode-notebook-cell');
    assert.strictEqual(notebook.cellAt(2).document.languageId, 'python');
  });

  test('SML203 appears on the estimator cell, with the instance type from an earlier cell, at the line in that cell', async () => {
    const cell = notebook.cellAt(2).document;
    const diagnostics = await waitForDiagnostics(cell.uri, hasCode('SML203'), 'SML203 on cell 3');
    const sml203 = diagnostics.filter((d) => codeOf(d) === 'SML203');
    assert.strictEqual(sml203.length, 1, describeDiagnostics(diagnostics));
    assert.strictEqual(sml203[0].range.start.line, 0);
    assert.strictEqual(cell.getText(sml203[0].range), 'PyTorch');
    for (const other of [0, 1, 4]) {
      assert.deepStrictEqual(describeDiagnostics(vscode.languages.getDiagnostics(notebook.cellAt(other).document.uri)), '(none)', `cell ${other + 1}`);
    }
  });

  test('the SML203 quick fix, through the code-action provider on the cell, edits the cell and removes the finding', async () => {
    const cell = notebook.cellAt(2).document;
    const [diagnostic] = (await waitForDiagnostics(cell.uri, hasCode('SML203'), 'SML203')).filter((d) => codeOf(d) === 'SML203');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', cell.uri, diagnostic.range);
    const fix = actions.find((a) => a.title.startsWith('Enable managed spot training'));
    assert.ok(fix?.edit, `no spot fix; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(actions.some((a) => a.title === 'Ignore SML203 on this line'), 'ignore action');
    assert.ok(actions.some((a) => a.title === 'Show documentation for SML203'), 'docs action');
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'workspace.applyEdit refused the fix');
    await waitForDiagnostics(cell.uri, (d) => d.length === 0, 'SML203 to disappear from the cell');
    assert.match(cell.getText(), /^ {4}use_spot_instances=True,\n {4}max_wait=7200,\n {4}checkpoint_s3_uri="s3:\/\/greenml-host-test\/output\/checkpoints",\n\)$/m);
    assert.strictEqual(notebook.cellCount, 5);
  });

  test('SML307 is on the deploy cell; its fix appends a teardown cell and the finding goes', async () => {
    // Show the cell, so that the workbench has its text model for the code-action request.
    await vscode.window.showNotebookDocument(notebook, { selections: [new vscode.NotebookRange(3, 4)] });
    const cell = await vscode.workspace.openTextDocument(notebook.cellAt(3).document.uri);
    const [diagnostic] = (await waitForDiagnostics(cell.uri, hasCode('SML307'), 'SML307 on cell 4')).filter((d) => codeOf(d) === 'SML307');
    assert.strictEqual(cell.getText(diagnostic.range), 'estimator.deploy');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', cell.uri, diagnostic.range);
    const fix = actions.find((a) => a.title.startsWith('Append a cell that deletes the endpoint'));
    // A cell insertion is applied by a command (a code action's notebook edit does not survive the API round trip).
    assert.ok(fix?.command, `no teardown fix; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(fix.title.endsWith('(may change behaviour)'), fix.title);
    assert.ok(await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? [])), 'the fix command failed');
    assert.strictEqual(notebook.cellCount, 6);
    assert.match(notebook.cellAt(5).document.getText(), /^# Delete the endpoint[^\n]*\npredictor\.delete_endpoint\(\)$/);
    await waitForDiagnostics(cell.uri, (d) => !hasCode('SML307')(d), 'SML307 to disappear');
  });
});
