import * as assert from 'assert';
import { CreateEndpointCommand, CreateEndpointConfigCommand, CreateModelCommand, DescribeEndpointConfigCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import * as vscode from 'vscode';
import type { Confirmation } from '../../../src/present/actions';
import type { ExplorerItem } from '../../../src/present/explorer';
import type { MotoServer } from '../../kit/moto';
import type { HostMoto } from './helpers';
import { activateExtension, startMotoForExtension, workspaceUri } from './helpers';

interface ActionsApi {
  explorer: { getChildren(element?: ExplorerItem): ExplorerItem[]; getTreeItem(element: ExplorerItem): vscode.TreeItem };
  testing?: {
    setConfirm(confirm: ((c: Confirmation) => Promise<string | undefined>) | undefined): void;
    setSettleDelay(ms: number | undefined): void;
  };
}

suite('SageMaker resources view: actions against moto', () => {
  let moto: MotoServer;
  let aws: HostMoto;
  let sm: SageMakerClient;
  let api: ActionsApi;
  const settings = () => vscode.workspace.getConfiguration('greenml');

  const endpointsShown = (): ExplorerItem[] => {
    const region = api.explorer.getChildren().find((r) => r.label === 'us-east-1');
    assert.ok(region, 'no us-east-1 node');
    const group = api.explorer.getChildren(region).find((g) => g.label === 'Endpoints');
    assert.ok(group, 'no Endpoints group');
    return api.explorer.getChildren(group).filter((e) => e.contextValue.startsWith('greenml.aws.endpoint'));
  };

  async function seedEndpoint(name: string): Promise<void> {
    await sm.send(new CreateModelCommand({ ModelName: `${name}-model`, ExecutionRoleArn: 'arn:aws:iam::123456789012:role/r', PrimaryContainer: { Image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1' } }));
    await sm.send(new CreateEndpointConfigCommand({ EndpointConfigName: `${name}-config`, ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: `${name}-model`, InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] }));
    await sm.send(new CreateEndpointCommand({ EndpointName: name, EndpointConfigName: `${name}-config` }));
  }

  suiteSetup(async function () {
    this.timeout(60_000);
    aws = await startMotoForExtension();
    moto = aws.moto;
    sm = new SageMakerClient({ region: 'us-east-1', endpoint: moto.endpoint, maxAttempts: 1 });
    api = (await activateExtension()) as unknown as ActionsApi;
    assert.ok(api.testing, 'the test runner sets GREENML_TEST_API=1, so the extension exports its test hooks');
    api.testing.setSettleDelay(50);
  });

  suiteTeardown(async () => {
    api?.testing?.setConfirm(undefined);
    api?.testing?.setSettleDelay(undefined);
    await settings().update('aws.readOnly', undefined, vscode.ConfigurationTarget.Global);
    sm?.destroy();
    aws?.stop();
  });

  test('read-only (the default) refuses a delete without asking or calling AWS', async () => {
    await seedEndpoint('protected');
    await vscode.commands.executeCommand('greenml.aws.connect');
    const [item] = endpointsShown();
    assert.strictEqual(item?.label, 'protected');
    let asked = false;
    api.testing?.setConfirm(() => {
      asked = true;
      return Promise.resolve('Delete endpoint');
    });
    const result = await vscode.commands.executeCommand('greenml.aws.deleteEndpoint', item);
    assert.strictEqual(result, undefined);
    assert.strictEqual(asked, false);
    await vscode.commands.executeCommand('greenml.aws.refresh');
    assert.deepStrictEqual(endpointsShown().map((e) => e.label), ['protected']);
  });

  test("a workspace's .vscode/settings.json can neither turn the actions on nor pick the profile or regions", async function () {
    this.timeout(30_000);
    const file = workspaceUri('.vscode/settings.json');
    const written = { 'greenml.aws.readOnly': false, 'greenml.aws.profile': 'repo-chosen-profile', 'greenml.aws.regions': ['eu-west-1'], 'greenml.idle.hours': 48 };
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(written, null, 2)));
    const waitFor = async (what: string, done: () => boolean) => {
      for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok(done(), `timed out waiting until ${what}`);
    };
    try {
      // greenml.idle.hours is an ordinary (window) setting: once it shows, VS Code has read the file.
      await waitFor('the workspace settings are read', () => settings().inspect('idle.hours')?.workspaceValue === 48);
      await vscode.commands.executeCommand('greenml.aws.refresh');
      const roots = api.explorer.getChildren();
      assert.deepStrictEqual(roots.map((r) => r.label), ['default credentials', 'us-east-1'], 'the profile and regions are the user\'s, not the workspace\'s');
      const [item] = endpointsShown();
      let asked = false;
      api.testing?.setConfirm(() => {
        asked = true;
        return Promise.resolve('Delete endpoint');
      });
      assert.strictEqual(await vscode.commands.executeCommand('greenml.aws.deleteEndpoint', item), undefined);
      assert.strictEqual(asked, false, 'still read-only: no confirmation shown');
      await vscode.commands.executeCommand('greenml.aws.refresh');
      assert.deepStrictEqual(endpointsShown().map((e) => e.label), ['protected']);
    } finally {
      await vscode.workspace.fs.delete(file);
      await waitFor('the workspace settings are gone', () => settings().inspect('idle.hours')?.workspaceValue === undefined);
    }
  });

  test('a confirmed delete removes the endpoint (and its config) from AWS and from the view', async function () {
    this.timeout(60_000);
    await settings().update('aws.readOnly', false, vscode.ConfigurationTarget.Global);
    await seedEndpoint('doomed');
    await vscode.commands.executeCommand('greenml.aws.refresh');
    const doomed = endpointsShown().find((e) => e.label === 'doomed');
    assert.ok(doomed, 'the seeded endpoint is listed');
    const asked: Confirmation[] = [];
    api.testing?.setConfirm((c) => {
      asked.push(c);
      return Promise.resolve('Delete endpoint and its config');
    });
    const report = (await vscode.commands.executeCommand('greenml.aws.deleteEndpoint', doomed)) as { result: string; deletedConfig?: string } | undefined;
    // The confirmation names the resource, its burn, the region, the account and where the credentials come from.
    assert.deepStrictEqual(asked.map((c) => c.message.replace(/\$[\d.]+\/h/, '$X/h')), ["Delete endpoint 'doomed' ($X/h) in us-east-1, account 123456789012 (default credentials)? This cannot be undone."]);
    assert.deepStrictEqual([report?.result, report?.deletedConfig], ['done', 'doomed-config']);
    assert.deepStrictEqual(endpointsShown().map((e) => e.label), ['protected']);
    await assert.rejects(sm.send(new DescribeEndpointConfigCommand({ EndpointConfigName: 'doomed-config' })), /Could not find/);
  });

  test('a cancelled confirmation leaves the endpoint alone', async () => {
    const [item] = endpointsShown();
    api.testing?.setConfirm(() => Promise.resolve(undefined));
    assert.strictEqual(await vscode.commands.executeCommand('greenml.aws.deleteEndpoint', item), undefined);
    await vscode.commands.executeCommand('greenml.aws.refresh');
    assert.deepStrictEqual(endpointsShown().map((e) => e.label), ['protected']);
  });

  test('"Show only idle" hides the active endpoint and "Show all resources" brings it back', async () => {
    const region = () => api.explorer.getChildren().find((r) => r.label === 'us-east-1');
    await vscode.commands.executeCommand('greenml.aws.showOnlyIdle');
    try {
      // The seeded endpoint is younger than greenml.idle.hours, so it is not idle.
      const shown = region();
      assert.ok(shown);
      assert.deepStrictEqual(api.explorer.getChildren(shown).map((c) => [c.label, c.contextValue]), [['No idle resources', 'greenml.aws.placeholder']]);
    } finally {
      await vscode.commands.executeCommand('greenml.aws.showAllResources');
    }
    assert.deepStrictEqual(endpointsShown().map((e) => e.label), ['protected']);
  });
});
