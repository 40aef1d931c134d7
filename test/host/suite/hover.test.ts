import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, codeOf, openInEditor, waitForDiagnostics } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

suite('Instance-type hover', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('greenml').update('region', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('hovering ml.g5.xlarge in a CloudFormation template shows its cost and footprint', async () => {
    const { document } = await openInEditor('endpoint.yaml');
    const line = document.getText().split('\n').findIndex((l) => l.includes('ml.g5.xlarge'));
    const position = new vscode.Position(line, document.lineAt(line).text.indexOf('ml.g5.xlarge') + 4);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const text = hoverText(hovers);
    assert.ok(text.includes('**ml.g5.xlarge**'), `no Green ML hover; got: ${text}`);
    assert.ok(text.includes('| Per hour in us-east-1 | |'), text);
    assert.ok(text.includes('| Cost | $1.41 (bundled SageMaker hosting price, us-east-1) |'), text);
    assert.ok(text.includes('| Energy | 0.109 kWh |'), text);
    assert.ok(/\| Carbon \| 0\.0434 kgCO2e/.test(text), text);
    assert.ok(text.includes('Sources: '), text);
  });

  test('the greenml.region setting changes the region of the figures', async () => {
    await vscode.workspace.getConfiguration('greenml').update('region', 'eu-north-1', vscode.ConfigurationTarget.Workspace);
    const { document } = await openInEditor('endpoint.yaml');
    const line = document.getText().split('\n').findIndex((l) => l.includes('ml.g5.xlarge'));
    const position = new vscode.Position(line, document.lineAt(line).text.indexOf('ml.g5.xlarge') + 4);
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position));
    assert.ok(text.includes('| Per hour in eu-north-1 | |'), text);
    assert.ok(text.includes('at 8.8 gCO2e/kWh'), text);
  });

  test('hovering an instance type in a Python file shows the figures too', async () => {
    await vscode.workspace.getConfiguration('greenml').update('region', undefined, vscode.ConfigurationTarget.Workspace);
    const { document } = await openInEditor('hover_train.py');
    const line = document.getText().split('\n').findIndex((l) => l.includes('ml.m5.xlarge'));
    const position = new vscode.Position(line, document.lineAt(line).text.indexOf('ml.m5.xlarge') + 6);
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position));
    assert.ok(text.includes('**ml.m5.xlarge** · 4 vCPU (Skylake) · 16 GiB'), text);
    assert.ok(text.includes('| Cost | $0.23 (bundled SageMaker hosting price, us-east-1) |'), text);
    assert.ok(text.includes('| Energy | 0.0183 kWh |'), text);
  });

  test('hovering a finding that suggests a change shows what the change saves, and whose figure it is', async () => {
    await vscode.workspace.getConfiguration('greenml').update('region', undefined, vscode.ConfigurationTarget.Workspace);
    const { document } = await openInEditor('hover_train.py');
    await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'SML203'), 'SML203 on hover_train.py');
    const line = document.getText().split('\n').findIndex((l) => l.includes('Estimator('));
    const position = new vscode.Position(line, document.lineAt(line).text.indexOf('Estimator(') + 3);
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position));
    // ml.m5.xlarge: 0.9 × $0.23 = $0.207 per instance-hour, from AWS's verified "up to 90%".
    assert.ok(text.includes('Green ML SML203: what the change saves'), text);
    assert.ok(text.includes('**Managed spot training (ml.m5.xlarge)**: up to $0.21/h less (up to 90%).'), text);
    assert.ok(text.includes('AWS states "up to 90% cheaper" (https://docs.aws.amazon.com/sagemaker/latest/dg/model-managed-spot-training.html)'), text);
  });

  test('no Green ML hover away from an instance type', async () => {
    const { document } = await openInEditor('endpoint.yaml');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 2));
    assert.ok(!hoverText(hovers).includes('Per hour in'), hoverText(hovers));
  });
});
