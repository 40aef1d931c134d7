import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hasCode, openInEditor, revertDirtyDocuments, waitForDiagnostics, workspaceUri } from './helpers';

interface FixWorkspaceSummary {
  files: number;
  fixes: number;
  filesFixed: number;
  heldBack: number;
  cancelled: boolean;
}

const files = ['fixall/logs.yaml', 'fixall/train.py', 'fixall/tune.py', 'fixall/tune.ipynb', 'fixall/generated/logs.yaml'] as const;
type FixallFile = (typeof files)[number];

async function readText(relativePath: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(relativePath)));
}

/**
 * "Fix all Green ML problems in workspace", run on the fixall/ folder of the
 * test workspace only (the other suites open the files at the top level, and
 * their "Lint workspace" test only counts files it names).
 */
suite('Fix all Green ML problems in workspace', () => {
  const original = new Map<FixallFile, string>();

  suiteSetup(async () => {
    await activateExtension();
    for (const file of files) original.set(file, await readText(file));
  });

  teardown(async () => {
    await revertDirtyDocuments();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The command saves the files that were not open: put them back for the next test.
    for (const [file, text] of original) await vscode.workspace.fs.writeFile(workspaceUri(file), new TextEncoder().encode(text));
  });

  const fixAll = (includeUnsafe: boolean): Thenable<FixWorkspaceSummary | undefined> =>
    vscode.commands.executeCommand<FixWorkspaceSummary>('greenml.fixAllInWorkspace', { folder: workspaceUri('fixall').toString(), includeUnsafe });

  test('applies the safe fixes of every file, saving files that were not open and leaving the open one modified', async () => {
    const { document } = await openInEditor('fixall/tune.py');
    await waitForDiagnostics(document.uri, hasCode('SML202'), 'SML202 on the open script');

    const summary = await fixAll(false);
    // logs.yaml (SML401), tune.py and tune.ipynb (SML202); train.py has only an unsafe fix; generated/ is .gitignore'd.
    assert.deepStrictEqual(summary, { files: 4, fixes: 3, filesFixed: 3, heldBack: 0, cancelled: false });

    // Not open: fixed on disk.
    assert.match(await readText('fixall/logs.yaml'), /^ {6}RetentionInDays: \d+$/m);
    const notebook = await readText('fixall/tune.ipynb');
    assert.match(notebook, /early_stopping_type=\\"Auto\\"/);
    assert.doesNotThrow(() => JSON.parse(notebook), 'the notebook stays valid JSON');
    // Open: the buffer changed and is left unsaved; the file on disk is as before.
    assert.ok(document.isDirty, 'the open script is left modified for review');
    assert.match(document.getText(), /^ {4}early_stopping_type="Auto",$/m);
    assert.strictEqual(await readText('fixall/tune.py'), original.get('fixall/tune.py'));
    await waitForDiagnostics(document.uri, (d) => !hasCode('SML202')(d), 'SML202 to be gone from the buffer');
    // Only an unsafe fix, and a folder .gitignore excludes: untouched.
    assert.strictEqual(await readText('fixall/train.py'), original.get('fixall/train.py'));
    assert.strictEqual(await readText('fixall/generated/logs.yaml'), original.get('fixall/generated/logs.yaml'));
  });

  test('with unsafe fixes included, the on-demand training job gets managed spot training too', async () => {
    const summary = await fixAll(true);
    assert.deepStrictEqual(summary, { files: 4, fixes: 4, filesFixed: 4, heldBack: 0, cancelled: false });
    const train = await readText('fixall/train.py');
    assert.match(train, /^ {4}use_spot_instances=True,\n {4}max_wait=7200,\n {4}checkpoint_s3_uri="s3:\/\/<your-bucket>\/checkpoints",\n\)$/m);
  });

  test('"Fix all in file" applies fixes that overlapped in a later pass: spot and the GPU profiler rule on one estimator', async () => {
    const { document } = await openInEditor('fixfile/gpu_train.py');
    await waitForDiagnostics(document.uri, (d) => hasCode('SML203')(d) && hasCode('SML208')(d), 'SML203 and SML208');
    // Both fixes add arguments after max_run=7200: one pass can take only one of them.
    assert.ok(await vscode.commands.executeCommand('greenml.fixAllInFile', { includeUnsafe: true }));
    const text = document.getText();
    assert.match(text, /^from sagemaker\.debugger import ProfilerRule, rule_configs$/m);
    assert.match(text, /^ {4}use_spot_instances=True,$/m);
    assert.match(text, /^ {4}rules=\[ProfilerRule\.sagemaker\(rule_configs\.LowGPUUtilization\(\)\)\],$/m);
    await waitForDiagnostics(document.uri, (d) => !hasCode('SML203')(d) && !hasCode('SML208')(d), 'SML203 and SML208 to be fixed');
  });
});
