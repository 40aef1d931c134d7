import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, codeOf, describeDiagnostics, hasCode, lineOfKey, openInEditor, revertActiveEditor, revertDirtyDocuments, waitForDiagnostics } from './helpers';

/** Where each infrastructure rule must sit in sagemaker-stack.yaml: the key that starts the flagged line. */
const expected: Record<string, string> = {
  SML101: 'ArtifactsBucket',
  SML102: 'ImageRepository',
  SML303: 'ProductionVariants',
  SML305: 'InitialSamplingPercentage',
  SML306: 'AcceleratorType',
  SML402: 'ExplorationNotebook',
};

const hasAll = (codes: string[]) => (diagnostics: vscode.Diagnostic[]) => codes.every((code) => hasCode(code)(diagnostics));

async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);
}

suite('Infrastructure templates (S3, ECR, notebooks, endpoints)', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  teardown(revertDirtyDocuments);

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a YAML stack shows each infrastructure finding on its key', async () => {
    const { document } = await openInEditor('sagemaker-stack.yaml');
    const diagnostics = await waitForDiagnostics(document.uri, hasAll(Object.keys(expected)), Object.keys(expected).join(', '));
    for (const [code, key] of Object.entries(expected)) {
      const found = diagnostics.filter((d) => codeOf(d) === code);
      assert.strictEqual(found.length, 1, `expected one ${code}, got ${describeDiagnostics(diagnostics)}`);
      assert.strictEqual(found[0].range.start.line, lineOfKey(document, key), `${code} is not on the ${key} line`);
      assert.strictEqual(document.getText(found[0].range), key);
    }
    const elastic = diagnostics.find((d) => codeOf(d) === 'SML306');
    assert.strictEqual(elastic?.severity, vscode.DiagnosticSeverity.Error, 'SML306 is an error');
    const scaling = diagnostics.find((d) => codeOf(d) === 'SML303');
    assert.ok(scaling?.relatedInformation?.some((r) => r.message.includes('Endpoint')), 'SML303 points at the endpoint that uses the configuration');
  });

  test('applying the SML303 fix appends a scalable target and policy, and clears SML303 only', async () => {
    const { document } = await openInEditor('sagemaker-stack.yaml');
    const before = await waitForDiagnostics(document.uri, hasCode('SML303'), 'SML303');
    const diagnostic = before.find((d) => codeOf(d) === 'SML303');
    assert.ok(diagnostic);
    const actions = await codeActions(document.uri, diagnostic.range);
    const title = 'Add a scalable target and a target-tracking policy for AllTraffic (may change behaviour)';
    const fix = actions.find((a) => a.title === title);
    assert.ok(fix?.edit, `no "${title}"; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(!fix.isPreferred, 'an unsafe fix is not the preferred action');

    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'workspace.applyEdit refused the fix');
    const after = await waitForDiagnostics(document.uri, (d) => !hasCode('SML303')(d) && hasCode('SML101')(d), 'SML303 to disappear');
    assert.ok(hasAll(['SML101', 'SML102', 'SML305', 'SML306', 'SML402'])(after), `other findings must stay: ${describeDiagnostics(after)}`);
    assert.match(document.getText(), /^ {2}EndpointAllTrafficScalableTarget:$/m);
    assert.match(document.getText(), /PredefinedMetricType: SageMakerVariantInvocationsPerInstance/);

    await revertActiveEditor();
    await waitForDiagnostics(document.uri, hasCode('SML303'), 'SML303 to come back after revert');
  });

  test('display-only advice (SML402 notebook instance) is offered as an action that opens the rule page, never as an edit', async () => {
    const { document } = await openInEditor('sagemaker-stack.yaml');
    const diagnostic = (await waitForDiagnostics(document.uri, hasCode('SML402'), 'SML402')).find((d) => codeOf(d) === 'SML402');
    assert.ok(diagnostic);
    const actions = await codeActions(document.uri, diagnostic.range);
    const advice = actions.find((a) => a.title.startsWith('Attach an AWS::SageMaker::NotebookInstanceLifecycleConfig'));
    assert.ok(advice, `no advice action: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.strictEqual((advice as vscode.CodeAction).edit, undefined, 'display-only advice must not carry an edit');
    assert.strictEqual((advice as vscode.CodeAction).command?.command, 'greenml.showRuleDocs');
    assert.ok(actions.some((a) => a.title === 'Show documentation for SML402'));
  });

  test('a JSON template gets SML102, and its fix adds the lifecycle policy', async () => {
    const { document } = await openInEditor('sagemaker-stack.json');
    const diagnostic = (await waitForDiagnostics(document.uri, hasCode('SML102'), 'SML102')).find((d) => codeOf(d) === 'SML102');
    assert.strictEqual(diagnostic?.range.start.line, lineOfKey(document, 'TrainingImages'));
    const actions = await codeActions(document.uri, diagnostic.range);
    const fix = actions.find((a) => a.title === 'Add a lifecycle policy keeping the last 10 images (may change behaviour)');
    assert.ok(fix?.edit, `offered: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForDiagnostics(document.uri, (d) => !hasCode('SML102')(d), 'SML102 to disappear');
    const template = JSON.parse(document.getText()) as { Resources: { TrainingImages: { Properties: { LifecyclePolicy: { LifecyclePolicyText: string } } } } };
    const policy = JSON.parse(template.Resources.TrainingImages.Properties.LifecyclePolicy.LifecyclePolicyText) as { rules: Array<{ selection: { countNumber: number } }> };
    assert.strictEqual(policy.rules[0].selection.countNumber, 10);
    await revertActiveEditor();
  });
});
