import * as assert from 'assert';
import { CreateClusterCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import * as vscode from 'vscode';
import type { ExplorerItem } from '../../../src/present/explorer';
import type { MotoServer } from '../../kit/moto';
import type { HostMoto } from './helpers';
import { activateExtension, startMotoForExtension } from './helpers';

interface ExplorerApi {
  explorer: { getChildren(element?: ExplorerItem): ExplorerItem[] };
}

suite('SageMaker resources view: Studio and HyperPod groups against moto', () => {
  let aws: HostMoto;
  let moto: MotoServer;

  suiteSetup(async function () {
    this.timeout(60_000);
    aws = await startMotoForExtension();
    moto = aws.moto;
  });

  suiteTeardown(() => aws?.stop());

  test('shows the region’s Studio and HyperPod groups, with a cluster’s nodes and burn', async () => {
    const api = (await activateExtension()) as unknown as ExplorerApi;
    const sm = new SageMakerClient({ region: 'us-east-1', endpoint: moto.endpoint, maxAttempts: 1 });
    const role = 'arn:aws:iam::123456789012:role/r';
    const lifecycle = { SourceS3Uri: 's3://sagemaker-lifecycle/scripts', OnCreate: 'on_create.sh' };
    await sm.send(new CreateClusterCommand({ ClusterName: 'host-pod', InstanceGroups: [{ InstanceGroupName: 'workers', InstanceType: 'ml.g5.2xlarge', InstanceCount: 2, ExecutionRole: role, ThreadsPerCore: 1, LifeCycleConfig: lifecycle }] }));
    sm.destroy();

    await vscode.commands.executeCommand('greenml.aws.connect');
    const region = api.explorer.getChildren().find((r) => r.label === 'us-east-1');
    assert.ok(region, 'no us-east-1 node');
    const groups = api.explorer.getChildren(region);
    assert.deepStrictEqual(groups.map((g) => g.label), ['Endpoints', 'Notebook instances', 'Running jobs', 'Studio', 'HyperPod clusters']);
    assert.deepStrictEqual(api.explorer.getChildren(groups[3]).map((c) => c.label), ['No Studio domains']);
    const clusters = api.explorer.getChildren(groups[4]);
    assert.deepStrictEqual(clusters.map((c) => c.label), ['host-pod']);
    assert.match(clusters[0].description, /^\$[\d.]+\/h · [\d.]+ kgCO2e\/h · 2 nodes · ml\.g5\.2xlarge × 2$/);
  });
});
