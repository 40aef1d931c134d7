import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openInEditor, workspaceUri } from './helpers';

async function lensTitles(relativePath: string): Promise<Array<{ line: number; title: string; tooltip: string }>> {
  const { document } = await openInEditor(relativePath);
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
  return lenses.filter((l) => l.command?.title.includes('kgCO2e')).map((l) => ({ line: l.range.start.line, title: l.command?.title ?? '', tooltip: String(l.command?.arguments?.[1] ?? '') }));
}

suite('Cost and carbon CodeLens', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('greenml').update('codeLens.enable', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a CloudFormation endpoint configuration shows its hourly and monthly figures', async () => {
    const lenses = await lensTitles('codelens-endpoint.yaml');
    // 2 × $1.4084 = $2.82/h, × 730 h = $2056.26; 2 × 0.04338 = 0.0868 kgCO2e/h (docs/estimates.md).
    assert.deepEqual(
      lenses.map((l) => [l.line, l.title]),
      [[4, '≈ $2.82/h · 0.0868 kgCO2e/h (2 × ml.g5.xlarge, us-east-1) · $2056.26/month']],
    );
    assert.ok(lenses[0].tooltip.includes('Region: us-east-1, from us-east-1, the default'), lenses[0].tooltip);
    assert.ok(lenses[0].tooltip.includes('Sources: '), lenses[0].tooltip);
  });

  test('a Python estimator shows the bound of its job', async () => {
    const lenses = await lensTitles('codelens_train.py');
    // 24 h (the API default) × 2 × $1.4084 = $67.60; 48 × 0.04338 = 2.08 kgCO2e.
    assert.deepEqual(
      lenses.map((l) => [l.line, l.title]),
      [[2, '≤ 24 h × 2 × ml.g5.xlarge ≈ $67.60 · 2.08 kgCO2e (us-east-1)']],
    );
  });

  test('a notebook cell gets the lens of its estimator, with the instance type from an earlier cell', async () => {
    const notebook = await vscode.workspace.openNotebookDocument(workspaceUri('train.ipynb'));
    await vscode.window.showNotebookDocument(notebook);
    const titles = async (index: number): Promise<string[]> =>
      (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', notebook.cellAt(index).document.uri)).map((l) => l.command?.title ?? '');
    // Cell 3: PyTorch(instance_type=INSTANCE_TYPE = ml.c5.2xlarge from cell 2, instance_count=1, max_run=3600); cell 4: deploy on ml.m5.large.
    assert.deepEqual((await titles(2)).map((t) => /^≤ 1 h × 1 × ml\.c5\.2xlarge ≈ \$[\d.]+ · [\d.]+ kgCO2e \(us-east-1\)$/.test(t)), [true]);
    assert.deepEqual((await titles(3)).map((t) => t.startsWith('≈ $') && t.includes('(ml.m5.large, us-east-1)')), [true]);
    assert.deepEqual(await titles(1), []);
  });

  test('greenml.codeLens.enable turns the lenses off', async () => {
    // The language server reads the settings again once told they changed: the lenses follow within moments.
    const lensCount = async (expected: number): Promise<number> => {
      const deadline = Date.now() + 15_000;
      let count = (await lensTitles('codelens-endpoint.yaml')).length;
      while (count !== expected && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        count = (await lensTitles('codelens-endpoint.yaml')).length;
      }
      return count;
    };
    await vscode.workspace.getConfiguration('greenml').update('codeLens.enable', false, vscode.ConfigurationTarget.Workspace);
    assert.equal(await lensCount(0), 0);
    await vscode.workspace.getConfiguration('greenml').update('codeLens.enable', undefined, vscode.ConfigurationTarget.Workspace);
    assert.equal(await lensCount(1), 1);
  });
});
