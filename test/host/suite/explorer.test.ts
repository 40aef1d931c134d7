import * as assert from 'assert';
import { CreateEndpointCommand, CreateEndpointConfigCommand, CreateModelCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import * as vscode from 'vscode';
import type { ExplorerItem } from '../../../src/present/explorer';
import type { MotoServer } from '../../kit/moto';
import type { HostMoto } from './helpers';
import { activateExtension, startMotoForExtension } from './helpers';

interface ExplorerApi {
  explorer: { getChildren(element?: ExplorerItem): ExplorerItem[]; getTreeItem(element: ExplorerItem): vscode.TreeItem; configFile?: vscode.Uri };
}

suite('SageMaker resources view against moto', () => {
  let aws: HostMoto;
  let moto: MotoServer;

  suiteSetup(async function () {
    this.timeout(60_000);
    aws = await startMotoForExtension();
    moto = aws.moto;
  });

  suiteTeardown(() => aws?.stop());

  test('shows nothing before Connect, then the account, region and endpoint after it', async () => {
    const api = (await activateExtension()) as unknown as ExplorerApi;
    assert.deepStrictEqual(api.explorer.getChildren(), []);
    const sm = new SageMakerClient({ region: 'us-east-1', endpoint: moto.endpoint, maxAttempts: 1 });
    await sm.send(new CreateModelCommand({ ModelName: 'm', ExecutionRoleArn: 'arn:aws:iam::123456789012:role/r', PrimaryContainer: { Image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1' } }));
    await sm.send(new CreateEndpointConfigCommand({ EndpointConfigName: 'c', ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] }));
    await sm.send(new CreateEndpointCommand({ EndpointName: 'host-endpoint', EndpointConfigName: 'c' }));
    sm.destroy();

    await vscode.commands.executeCommand('greenml.aws.connect');
    const roots = api.explorer.getChildren();
    assert.deepStrictEqual(roots.map((r) => r.label), ['default credentials', 'us-east-1']);
    assert.strictEqual(roots[0].description, 'account 123456789012');
    const endpoints = api.explorer.getChildren(api.explorer.getChildren(roots[1])[0]);
    assert.deepStrictEqual(endpoints.map((e) => e.label), ['host-endpoint']);
    // The tree item shows the dollar figure first, so a narrow sidebar cuts the details, not the $/h.
    const treeItem = api.explorer.getTreeItem(endpoints[0]);
    assert.strictEqual(treeItem.label, 'host-endpoint');
    assert.match(String(treeItem.description), /^\$[\d.]+\/h · [\d.]+ kgCO2e\/h · ml\.m5\.large × 1$/);
    const regionItem = api.explorer.getTreeItem(roots[1]);
    assert.match(String(regionItem.description), /^\$[\d.]+\/h · /);
    // The endpoint config's facts were saved in global storage for the next session, keyed by account, region and name.
    assert.ok(api.explorer.configFile, 'the view saves endpoint configs');
    const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(api.explorer.configFile))) as [string, { variants: { instanceType: string }[] }][];
    const entry = saved.find(([key]) => key === '123456789012/us-east-1/c');
    assert.deepStrictEqual(entry?.[1].variants.map((v) => v.instanceType), ['ml.m5.large']);
  });
});
