import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hasCode, openInEditor, revertDirtyDocuments, waitForDiagnostics, workspaceUri } from './helpers';

interface FixWorkspaceSummary {
  files: number;
  fixes: number;
  filesFixed: number;
  heldBack: number;
  changedSinceRead: number;
  placeholders: Array<{ file: string; line: number; column: number; text: string }>;
  cancelled: boolean;
}

const files = ['fixall/logs.yaml', 'fixall/train.py', 'fixall/tune.py', 'fixall/tune.ipynb', 'fixall/generated/logs.yaml', 'fixnb/deploy.ipynb', 'fixnb2/gpu.ipynb', 'fixfile/spot_placeholder.py'] as const;
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
    // A notebook left modified in the notebook editor: reverted there.
    for (const notebook of vscode.workspace.notebookDocuments.filter((n) => n.isDirty)) {
      await vscode.window.showNotebookDocument(notebook);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await revertDirtyDocuments();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The command saves the files that were not open: put them back for the next test,
    // and wait for the documents VS Code keeps in the background to read them again.
    for (const [file, text] of original) await vscode.workspace.fs.writeFile(workspaceUri(file), new TextEncoder().encode(text));
    for (const [file, text] of original) {
      const key = workspaceUri(file).toString();
      for (let waited = 0; waited < 5000; waited += 50) {
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
        if (!document || document.getText() === text) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  });

  const fixAll = (includeUnsafe: boolean | undefined, folder = 'fixall'): Thenable<FixWorkspaceSummary | undefined> =>
    vscode.commands.executeCommand<FixWorkspaceSummary>('greenml.fixAllInWorkspace', { folder: workspaceUri(folder).toString(), includeUnsafe });

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /**
   * Runs the fix with the refactor preview (no `includeUnsafe`) and presses its "Apply" the way the
   * button does (`refactorPreview.apply`, a no-op until the preview holds the edit), until the
   * command ends. `beforeApply` runs once the fix has opened its files, before the first press.
   */
  async function fixAllThroughPreview(beforeApply?: () => Promise<void>): Promise<FixWorkspaceSummary | undefined> {
    let done = false;
    const pending = Promise.resolve(fixAll(undefined)).finally(() => (done = true));
    // The preview is pressed once it holds the whole edit: the fix has opened every file it changes
    // (in the background) and the preview has had time to list them (pressed earlier, it may apply a part).
    const opened = ['fixall/logs.yaml', 'fixall/tune.py', 'fixall/tune.ipynb'].map((f) => workspaceUri(f).toString());
    for (let waited = 0; !opened.every((key) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) && waited < 20_000; waited += 100) await sleep(100);
    // The preview lists the edit after the files are open; on a cold machine that took over a second
    // (a run of this test applied two of the three files' fixes), so it gets three.
    await sleep(3000);
    if (beforeApply) {
      assert.ok(!done, 'the fix ended before the preview was answered');
      await beforeApply();
    }
    for (let waited = 0; !done && waited < 25_000; waited += 250) {
      await vscode.commands.executeCommand('refactorPreview.apply');
      await sleep(250);
    }
    return pending;
  }

  test('applies the safe fixes of every file, saving files that were not open and leaving the open one modified', async () => {
    const { document } = await openInEditor('fixall/tune.py');
    await waitForDiagnostics(document.uri, hasCode('SML202'), 'SML202 on the open script');

    const summary = await fixAll(false);
    // logs.yaml (SML401), tune.py and tune.ipynb (SML202); train.py has only an unsafe fix; generated/ is .gitignore'd.
    assert.deepStrictEqual(summary, { files: 4, fixes: 3, filesFixed: 3, heldBack: 0, changedSinceRead: 0, placeholders: [], cancelled: false });

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
    // The script names no bucket: the checkpoint location is a placeholder, listed for the user to fill in.
    assert.deepStrictEqual(summary, {
      files: 4,
      fixes: 4,
      filesFixed: 4,
      heldBack: 0,
      changedSinceRead: 0,
      placeholders: [{ file: workspaceUri('fixall/train.py').fsPath, line: 11, column: 29, text: '<your-bucket>' }],
      cancelled: false,
    });
    const train = await readText('fixall/train.py');
    assert.match(train, /^ {4}use_spot_instances=True,\n {4}max_wait=7200,\n {4}checkpoint_s3_uri="s3:\/\/<your-bucket>\/checkpoints",\n\)$/m);
  });

  test('without an answer in advance, the edits go through the refactor preview: safe fixes ticked, fixes that may change behaviour left for the user', async () => {
    const summary = await fixAllThroughPreview();
    // Applied as the preview offered it: the safe fixes of logs.yaml, tune.py and tune.ipynb; train.py's spot fix was not ticked.
    assert.deepStrictEqual(summary, { files: 4, fixes: 3, filesFixed: 3, heldBack: 0, changedSinceRead: 0, placeholders: [], cancelled: false });
    assert.match(await readText('fixall/logs.yaml'), /^ {6}RetentionInDays: \d+$/m);
    assert.match(await readText('fixall/tune.py'), /^ {4}early_stopping_type="Auto",$/m);
    assert.strictEqual(await readText('fixall/train.py'), original.get('fixall/train.py'));
    // Files that were not open are saved. (Which editors stay open after the refactor preview has
    // applied is VS Code's: its preview sometimes leaves the changed files open. That the fix itself
    // opens no editor is asserted where no preview is involved: the closed-notebook test below.)
    assert.deepStrictEqual(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.path), []);
  });

  test('a file that changes on disk while the edits are in the preview is not overwritten: the edit is refused', async () => {
    const changed = 'Resources:\n  Changed:\n    Type: AWS::Logs::LogGroup\n';
    const summary = await fixAllThroughPreview(async () => {
      await vscode.workspace.fs.writeFile(workspaceUri('fixall/logs.yaml'), new TextEncoder().encode(changed));
      const logs = workspaceUri('fixall/logs.yaml').toString();
      for (let waited = 0; vscode.workspace.textDocuments.find((d) => d.uri.toString() === logs)?.getText() !== changed && waited < 10_000; waited += 100) await sleep(100);
    });
    assert.deepStrictEqual(summary, { files: 4, fixes: 0, filesFixed: 0, heldBack: 0, changedSinceRead: 1, placeholders: [], cancelled: false });
    assert.strictEqual(await readText('fixall/logs.yaml'), changed);
    assert.strictEqual(await readText('fixall/tune.py'), original.get('fixall/tune.py'));
    assert.strictEqual(await readText('fixall/tune.ipynb'), original.get('fixall/tune.ipynb'));
  });

  test('a notebook open in the notebook editor is fixed until stable: an import two fixes need goes once into its imports cell', async () => {
    const notebook = await vscode.workspace.openNotebookDocument(workspaceUri('fixnb/deploy.ipynb'));
    await vscode.window.showNotebookDocument(notebook);
    const summary = await fixAll(true, 'fixnb');
    assert.strictEqual(summary?.filesFixed, 1);
    assert.strictEqual(summary?.fixes, 2);
    const cells = notebook.getCells().map((c) => c.document.getText());
    const importLine = 'from sagemaker.serverless import ServerlessInferenceConfig';
    assert.strictEqual(cells.join('\n').split(importLine).length - 1, 1, `the import once: ${JSON.stringify(cells)}`);
    assert.ok(cells[0].includes(importLine), `in the imports cell: ${cells[0]}`);
    assert.match(cells[2], /^p1 = m\.deploy\(serverless_inference_config=ServerlessInferenceConfig\(memory_size_in_mb=4096, max_concurrency=5\)\)$/m);
    assert.match(cells[3], /^p2 = m\.deploy\(serverless_inference_config=ServerlessInferenceConfig\(memory_size_in_mb=4096, max_concurrency=5\)\)$/m);
    // Open: left modified for review; the file on disk is as before.
    assert.ok(notebook.isDirty);
    assert.strictEqual(await readText('fixnb/deploy.ipynb'), original.get('fixnb/deploy.ipynb'));
  });

  test('a notebook open in the notebook editor gets the fixes that overlapped in a later pass, as --fix does', async () => {
    const notebook = await vscode.workspace.openNotebookDocument(workspaceUri('fixnb2/gpu.ipynb'));
    await vscode.window.showNotebookDocument(notebook);
    await waitForDiagnostics(notebook.cellAt(1).document.uri, (d) => hasCode('SML203')(d) && hasCode('SML208')(d), 'SML203 and SML208 on the estimator cell');
    // Spot training and the GPU profiler rule both add arguments after max_run=7200: one pass can take only one of them.
    const summary = await fixAll(true, 'fixnb2');
    assert.strictEqual(summary?.fixes, 2);
    const cells = notebook.getCells().map((c) => c.document.getText());
    assert.match(cells[0], /^from sagemaker\.debugger import ProfilerRule, rule_configs$/m);
    assert.match(cells[1], /^ {4}use_spot_instances=True,$/m);
    assert.match(cells[1], /^ {4}checkpoint_s3_uri="s3:\/\/acme-ml\/output\/checkpoints",$/m);
    assert.match(cells[1], /^ {4}rules=\[ProfilerRule\.sagemaker\(rule_configs\.LowGPUUtilization\(\)\)\],$/m);
  });

  test('"Fix all in file" in the notebook editor makes an import two fixes share once', async () => {
    const notebook = await vscode.workspace.openNotebookDocument(workspaceUri('fixnb/deploy.ipynb'));
    await vscode.window.showNotebookDocument(notebook, { selections: [new vscode.NotebookRange(2, 3)] });
    const cell = await vscode.window.showTextDocument(notebook.cellAt(2).document);
    await waitForDiagnostics(cell.document.uri, hasCode('SML301'), 'SML301 on the deploy cell');
    assert.ok(await vscode.commands.executeCommand('greenml.fixAllInFile', { includeUnsafe: true }));
    const cells = notebook.getCells().map((c) => c.document.getText());
    assert.strictEqual(cells.join('\n').split('from sagemaker.serverless import ServerlessInferenceConfig').length - 1, 1, `the import once: ${JSON.stringify(cells)}`);
    assert.ok(cells[0].includes('from sagemaker.serverless import ServerlessInferenceConfig'), cells[0]);
  });

  test('a notebook that is not open is fixed in its file and saved, without opening it', async () => {
    const summary = await fixAll(true, 'fixnb');
    assert.strictEqual(summary?.filesFixed, 1);
    const cells = (JSON.parse(await readText('fixnb/deploy.ipynb')) as { cells: Array<{ source: string[] }> }).cells.map((c) => c.source.join(''));
    assert.strictEqual(cells.join('\n').split('from sagemaker.serverless import ServerlessInferenceConfig').length - 1, 1);
    assert.ok(cells[0].includes('from sagemaker.serverless import ServerlessInferenceConfig'));
    assert.ok(!vscode.window.visibleNotebookEditors.some((e) => e.notebook.uri.path.endsWith('fixnb/deploy.ipynb')), 'not shown in the notebook editor');
    assert.deepStrictEqual(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.path), []);
    assert.deepStrictEqual(vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label), []);
  });

  test('a quick fix that must name a bucket inserts it as a snippet tab stop, selected for the user to type', async () => {
    const editor = await openInEditor('fixfile/spot_placeholder.py');
    const document = editor.document;
    await waitForDiagnostics(document.uri, hasCode('SML204'), 'SML204 on the spot estimator');
    const diagnostic = vscode.languages.getDiagnostics(document.uri).find((d) => hasCode('SML204')([d]))!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
    const action = actions.find((a) => a.title.startsWith('Save checkpoints to s3://<your-bucket>/checkpoints'));
    assert.ok(action?.edit, `the checkpoint fix: ${actions.map((a) => a.title).join('; ')}`);
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    assert.strictEqual(document.getText(editor.selection), '<your-bucket>', 'the placeholder is selected as a tab stop');
    await vscode.commands.executeCommand('type', { text: 'acme-ml' });
    assert.match(document.getText(), /^ {4}checkpoint_s3_uri="s3:\/\/acme-ml\/checkpoints",$/m);
  });

  test('"Fix all in file" with unsafe fixes puts a placeholder it writes in a snippet tab stop too', async () => {
    const editor = await openInEditor('fixfile/spot_placeholder.py');
    await waitForDiagnostics(editor.document.uri, hasCode('SML204'), 'SML204 on the spot estimator');
    assert.ok(await vscode.commands.executeCommand('greenml.fixAllInFile', { includeUnsafe: true }));
    assert.strictEqual(editor.document.getText(editor.selection), '<your-bucket>', 'the placeholder is selected as a tab stop');
    assert.match(editor.document.getText(), /^ {4}max_wait=7200,\n {4}checkpoint_s3_uri="s3:\/\/<your-bucket>\/checkpoints",\n\)$/m);
  });

  test('"Fix all in file" in an untitled buffer fixes its text, as it lints it', async () => {
    const content = await readText('fixfile/gpu_train.py');
    const document = await vscode.workspace.openTextDocument({ language: 'python', content });
    await vscode.window.showTextDocument(document);
    try {
      assert.strictEqual(document.uri.scheme, 'untitled');
      await waitForDiagnostics(document.uri, (d) => hasCode('SML203')(d) && hasCode('SML208')(d), 'SML203 and SML208 in the untitled buffer');
      assert.ok(await vscode.commands.executeCommand('greenml.fixAllInFile', { includeUnsafe: true }), 'fix all in file applied an edit');
      const text = document.getText();
      assert.match(text, /^from sagemaker\.debugger import ProfilerRule, rule_configs$/m);
      assert.match(text, /^ {4}use_spot_instances=True,$/m);
      assert.match(text, /^ {4}rules=\[ProfilerRule\.sagemaker\(rule_configs\.LowGPUUtilization\(\)\)\],$/m);
      await waitForDiagnostics(document.uri, (d) => !hasCode('SML203')(d) && !hasCode('SML208')(d), 'SML203 and SML208 to be fixed');
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
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
