import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension,
  codeOf,
  describeDiagnostics,
  greenMlDiagnostics,
  hasCode,
  lineOfKey,
  openInEditor,
  revertActiveEditor,
  revertDirtyDocuments,
  waitForDiagnostics,
} from './helpers';

const fixTitle = 'Set RetentionInDays to 30 days';

suite('CloudFormation templates', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  teardown(revertDirtyDocuments);

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('YAML log group without RetentionInDays gets SML401 on its logical ID', async () => {
    const { document } = await openInEditor('template.yaml');
    const diagnostics = await waitForDiagnostics(document.uri, hasCode('SML401'), 'SML401');
    const sml401 = diagnostics.filter((d) => codeOf(d) === 'SML401');
    assert.strictEqual(sml401.length, 1, `expected one SML401, got ${describeDiagnostics(diagnostics)}`);
    const [diagnostic] = sml401;
    assert.strictEqual(diagnostic.source, 'Green ML');
    assert.ok(typeof diagnostic.code === 'object' && diagnostic.code.value === 'SML401', `code is ${JSON.stringify(diagnostic.code)}, expected { value: 'SML401', … }`);
    // The rule id opens the rule page bundled in the extension, offline.
    assert.strictEqual(diagnostic.code.target.scheme, 'file');
    assert.match(diagnostic.code.target.path, /\/docs\/rules\/log-group-no-retention\.md$/);
    await vscode.workspace.fs.stat(diagnostic.code.target);
    assert.strictEqual(diagnostic.range.start.line, lineOfKey(document, 'TrainingLogs'));
    assert.match(document.getText(diagnostic.range), /^TrainingLogs$/);
  });

  test('SML401 offers the retention fix, suppressions and documentation', async () => {
    const { document } = await openInEditor('template.yaml');
    const [diagnostic] = (await waitForDiagnostics(document.uri, hasCode('SML401'), 'SML401')).filter((d) => codeOf(d) === 'SML401');
    const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
    );
    const titles = actions.map((a) => a.title);
    for (const title of [fixTitle, 'Ignore SML401 on this line', 'Ignore SML401 in this file', 'Show documentation for SML401']) {
      assert.ok(titles.includes(title), `no code action "${title}"; offered: ${JSON.stringify(titles)}`);
    }
    const fix = actions.find((a) => a.title === fixTitle) as vscode.CodeAction;
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `"${fixTitle}" has kind ${fix.kind?.value}, not a quick fix`);
    assert.ok(fix.edit, `"${fixTitle}" carries no edit`);
  });

  test('applying the fix inserts RetentionInDays: 30 and clears SML401', async () => {
    const { document } = await openInEditor('template.yaml');
    const [diagnostic] = (await waitForDiagnostics(document.uri, hasCode('SML401'), 'SML401')).filter((d) => codeOf(d) === 'SML401');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
    const fix = actions.find((a) => a.title === fixTitle);
    assert.ok(fix?.edit, `no "${fixTitle}" action with an edit`);

    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'workspace.applyEdit refused the fix');
    await waitForDiagnostics(document.uri, (d) => !hasCode('SML401')(d), 'SML401 to disappear');
    assert.match(document.getText(), /^ {6}RetentionInDays: 30$/m);

    await revertActiveEditor();
    assert.ok(!document.isDirty, 'the document is still dirty after revert');
    assert.ok(!document.getText().includes('RetentionInDays'), 'revert did not remove the fix');
    await waitForDiagnostics(document.uri, hasCode('SML401'), 'SML401 to come back after revert');
  });

  test('JSON template gets SML401 too', async () => {
    const { document } = await openInEditor('template.json');
    const diagnostics = await waitForDiagnostics(document.uri, hasCode('SML401'), 'SML401');
    const diagnostic = diagnostics.find((d) => codeOf(d) === 'SML401');
    assert.strictEqual(diagnostic?.range.start.line, lineOfKey(document, 'InferenceLogs'));
  });

  test('a Kubernetes manifest gets no diagnostics; a broken template gets one parse error', async () => {
    const k8s = await openInEditor('k8s.yaml');
    // The extension lints documents in the order they open, so once the broken
    // template has its result the manifest has been looked at too.
    const broken = await openInEditor('broken.yaml');
    const diagnostics = await waitForDiagnostics(broken.document.uri, (d) => d.length > 0, 'a parse error');
    assert.deepStrictEqual(diagnostics.map(codeOf), ['parse-error'], `got ${describeDiagnostics(diagnostics)}`);
    assert.deepStrictEqual(greenMlDiagnostics(k8s.document.uri), [], `k8s.yaml got ${describeDiagnostics(greenMlDiagnostics(k8s.document.uri))}`);
  });
});
