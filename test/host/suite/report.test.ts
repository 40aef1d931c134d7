import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openInEditor, revertDirtyDocuments } from './helpers';

/** The parts of the report command's result the test reads (src/vscode/report.ts). */
interface ReportResult {
  viewType: string;
  model: {
    totals: { findings: number; files: number };
    rules: Array<{ ruleId: string; findings: number }>;
    files: Array<{ path: string; findings: number }>;
    targets: Array<{ path: string; kind: string; instanceType: string; alwaysOn?: { costUsdPerMonth: number | null } }>;
  };
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`timed out waiting for ${what}`);
}

suite('Footprint report and Model Card section', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  teardown(async () => {
    await revertDirtyDocuments();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('"Footprint report" lints the workspace and opens the report webview', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const result = await vscode.commands.executeCommand<ReportResult>('greenml.footprintReport');
    assert.ok(result, 'the command returned no result');
    const { model } = result;
    assert.ok(model.totals.files >= 3, JSON.stringify(model.totals));
    assert.ok(model.rules.some((r) => r.ruleId === 'SML401' && r.findings >= 1), JSON.stringify(model.rules));
    assert.equal(model.totals.findings, model.rules.reduce((n, r) => n + r.findings, 0));
    // codelens-endpoint.yaml: 2 × ml.g5.xlarge × $1.4084 × 730 h = $2056.26 per month (docs/estimates.md).
    const endpoint = model.targets.find((t) => t.path.endsWith('codelens-endpoint.yaml'));
    assert.equal(endpoint?.kind, 'endpoint');
    assert.ok(Math.abs((endpoint?.alwaysOn?.costUsdPerMonth ?? 0) - 2056.264) < 1e-6, JSON.stringify(endpoint));
    const tab = await waitFor(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(result.viewType)),
      'the report webview tab',
    );
    assert.equal(tab.label, 'Green ML footprint report');
  });

  test('"Model Card environmental impact" opens the fragment of the estimator under the cursor as JSON', async () => {
    const editor = await openInEditor('codelens_train.py');
    // Line 7 (0-based 6): instance_type="ml.g5.xlarge" inside the Estimator(...) call.
    editor.selection = new vscode.Selection(6, 10, 6, 10);
    const fragment = await vscode.commands.executeCommand<{ additional_information: { custom_details: Record<string, string> }; training_details: { training_observations: string } }>('greenml.modelCardEnvironment');
    assert.ok(fragment, 'the command returned no fragment');
    const document = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.isUntitled && d.languageId === 'json' && d.getText().includes('greenml_instance_type')), 'the untitled JSON document');
    const shown = JSON.parse(document.getText()) as typeof fragment;
    assert.deepEqual(Object.keys(shown), ['training_details', 'additional_information']);
    const details = shown.additional_information.custom_details;
    for (const key of ['greenml_instance_type', 'greenml_instance_count', 'greenml_hours_bound_per_job', 'greenml_energy_kwh', 'greenml_kgco2e_operational', 'greenml_kgco2e_embodied', 'greenml_kgco2e_total', 'greenml_region', 'greenml_grid_intensity_source', 'greenml_utilization', 'greenml_method', 'greenml_estimated']) {
      assert.ok(key in details, `${key} missing: ${Object.keys(details).join(', ')}`);
    }
    assert.equal(details.greenml_instance_type, 'ml.g5.xlarge');
    assert.equal(details.greenml_instance_count, '2');
    // No max_run: 24 h × 2 × 0.04338 kgCO2e/h = 2.08 kgCO2e in us-east-1.
    assert.equal(details.greenml_kgco2e_total, '2.08');
    assert.match(shown.training_details.training_observations, /^Environmental impact/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the Model Card command is offered as a code action on a training call only', async () => {
    const { document } = await openInEditor('codelens_train.py');
    const titlesAt = async (line: number): Promise<string[]> =>
      (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(line, 4, line, 4))).map((a) => a.title);
    const title = 'Green ML: Model Card environmental impact';
    await waitFor(async () => ((await titlesAt(6)).includes(title) ? true : undefined), 'the code action on the estimator');
    assert.ok(!(await titlesAt(0)).includes(title), 'offered on the import line');
  });
});

