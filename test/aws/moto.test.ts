import * as assert from 'node:assert/strict';
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { CreateEndpointCommand, CreateEndpointConfigCommand, ListAppsCommand, CreateModelCommand, CreateNotebookInstanceCommand, CreateTrainingJobCommand, DeleteEndpointCommand } from '@aws-sdk/client-sagemaker';
import type { RegionClients } from '../../src/aws/clients';
import { EndpointMetrics } from '../../src/aws/cloudWatch';
import { AwsError, call } from '../../src/aws/errors';
import { loadAccount, loadRegion } from '../../src/aws/explorer';
import { regionItem } from '../../src/present/explorer';
import { SageMakerResources } from '../../src/aws/sagemaker';
import { getCallerIdentity } from '../../src/aws/sts';
import { motoSuite } from '../kit/moto';
import type { MotoServer } from '../kit/moto';

const role = 'arn:aws:iam::123456789012:role/sagemaker';

async function seedEndpoint(clients: RegionClients, name: string, variant: { instanceType: string; count: number } | 'serverless'): Promise<void> {
  const sm = clients.sageMaker;
  await sm.send(new CreateModelCommand({ ModelName: `${name}-model`, ExecutionRoleArn: role, PrimaryContainer: { Image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/model:latest' } }));
  const productionVariant =
    variant === 'serverless'
      ? { VariantName: 'AllTraffic', ModelName: `${name}-model`, ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }
      : { VariantName: 'AllTraffic', ModelName: `${name}-model`, InstanceType: variant.instanceType as 'ml.m5.large', InitialInstanceCount: variant.count };
  await sm.send(new CreateEndpointConfigCommand({ EndpointConfigName: `${name}-config`, ProductionVariants: [productionVariant] }));
  await sm.send(new CreateEndpointCommand({ EndpointName: name, EndpointConfigName: `${name}-config` }));
}

describe('aws wrappers against moto over HTTP', function () {
  const aws = motoSuite(['us-east-1', 'eu-west-1']);
  let moto: MotoServer;
  let east: RegionClients;
  let west: RegionClients;
  before(() => {
    moto = aws.moto;
    east = aws.clients['us-east-1'];
    west = aws.clients['eu-west-1'];
  });

  it('reads the account through STS with credentials from the provider chain', async () => {
    assert.deepEqual(await getCallerIdentity(east.sts), { account: '123456789012', arn: 'arn:aws:sts::123456789012:user/moto' });
  });

  it('lists instance-backed and serverless endpoints with their variants', async () => {
    await seedEndpoint(east, 'busy', { instanceType: 'ml.m5.large', count: 2 });
    await seedEndpoint(east, 'lambda-like', 'serverless');
    const endpoints = (await new SageMakerResources(east.sageMaker).listEndpoints()).sort((a, b) => a.name.localeCompare(b.name));
    assert.deepEqual(
      endpoints.map((e) => ({ name: e.name, status: e.status, async: e.async, variants: e.variants })),
      [
        { name: 'busy', status: 'InService', async: false, variants: [{ variantName: 'AllTraffic', instanceType: 'ml.m5.large', instanceCount: 2, serverless: null, hasModel: true }] },
        { name: 'lambda-like', status: 'InService', async: false, variants: [{ variantName: 'AllTraffic', instanceType: null, instanceCount: 0, serverless: { memorySizeInMb: 2048, maxConcurrency: 5, provisionedConcurrency: 0 }, hasModel: true }] },
      ],
    );
    assert.match(endpoints[0].arn, /^arn:aws:sagemaker:us-east-1:123456789012:endpoint\/busy$/);
  });

  it('keeps regions apart', async () => {
    await seedEndpoint(west, 'in-ireland', { instanceType: 'ml.m5.large', count: 1 });
    assert.deepEqual((await new SageMakerResources(west.sageMaker).listEndpoints()).map((e) => e.name), ['in-ireland']);
    assert.deepEqual(await new SageMakerResources(east.sageMaker).listEndpoints(), []);
  });

  it('lists notebook instances with status, type and lifecycle config', async () => {
    await east.sageMaker.send(new CreateNotebookInstanceCommand({ NotebookInstanceName: 'nb', InstanceType: 'ml.t3.medium', RoleArn: role }));
    const notebooks = await new SageMakerResources(east.sageMaker).listNotebookInstances();
    assert.deepEqual(
      notebooks.map((n) => ({ name: n.name, status: n.status, instanceType: n.instanceType, lifecycleConfigName: n.lifecycleConfigName })),
      [{ name: 'nb', status: 'InService', instanceType: 'ml.t3.medium', lifecycleConfigName: null }],
    );
  });

  it('describes a training job; moto completes jobs at once, so none is running', async () => {
    await east.sageMaker.send(
      new CreateTrainingJobCommand({
        TrainingJobName: 'train',
        RoleArn: role,
        AlgorithmSpecification: { TrainingImage: '123456789012.dkr.ecr.us-east-1.amazonaws.com/train:latest', TrainingInputMode: 'File' },
        OutputDataConfig: { S3OutputPath: 's3://bucket/out' },
        ResourceConfig: { InstanceType: 'ml.g5.xlarge', InstanceCount: 2, VolumeSizeInGB: 30 },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      }),
    );
    const resources = new SageMakerResources(east.sageMaker);
    assert.deepEqual(await resources.listRunningJobs(), []);
    const job = await resources.describeJob('training', 'train');
    assert.deepEqual({ kind: job.kind, instanceType: job.instanceType, instanceCount: job.instanceCount }, { kind: 'training', instanceType: 'ml.g5.xlarge', instanceCount: 2 });
  });

  it('sums Invocations per variant in one GetMetricData call, missing data as 0', async () => {
    const now = new Date();
    // A datapoint stamped "now" falls outside moto's [start, end) window: stamp it minutes earlier.
    await east.cloudWatch.send(
      new PutMetricDataCommand({
        Namespace: 'AWS/SageMaker',
        MetricData: [
          { MetricName: 'Invocations', Dimensions: [{ Name: 'EndpointName', Value: 'busy' }, { Name: 'VariantName', Value: 'AllTraffic' }], Value: 7, Timestamp: new Date(now.getTime() - 10 * 60000) },
          { MetricName: 'Invocations', Dimensions: [{ Name: 'EndpointName', Value: 'busy' }, { Name: 'VariantName', Value: 'AllTraffic' }], Value: 5, Timestamp: new Date(now.getTime() - 20 * 60000) },
        ],
      }),
    );
    let calls = 0;
    east.cloudWatch.middlewareStack.add((next) => (args) => (calls++, next(args)), { step: 'initialize', name: 'countCalls' });
    const totals = await new EndpointMetrics(east.cloudWatch).invocations([{ endpointName: 'busy', variantName: 'AllTraffic' }, { endpointName: 'idle', variantName: 'AllTraffic' }], 24, now);
    east.cloudWatch.middlewareStack.remove('countCalls');
    assert.deepEqual(totals.map((t) => [t.endpointName, t.invocations]), [['busy', 12], ['idle', 0]]);
    assert.equal(calls, 1);
  });

  it('reports a missing endpoint as notFound, with the real error shape', async () => {
    await assert.rejects(new SageMakerResources(east.sageMaker).describeEndpoint('gone'), (err) => AwsError.is(err, 'notFound') && err instanceof AwsError && err.code === 'ValidationException');
  });

  it('sees a deleted endpoint disappear', async () => {
    await seedEndpoint(east, 'temp', { instanceType: 'ml.m5.large', count: 1 });
    await east.sageMaker.send(new DeleteEndpointCommand({ EndpointName: 'temp' }));
    assert.deepEqual(await new SageMakerResources(east.sageMaker).listEndpoints(), []);
  });

  it('builds the region model from moto: the endpoint with invocations is active, the one without is idle', async () => {
    const now = new Date();
    await seedEndpoint(east, 'busy', { instanceType: 'ml.m5.large', count: 1 });
    await seedEndpoint(east, 'quiet', { instanceType: 'ml.m5.large', count: 1 });
    await east.cloudWatch.send(
      new PutMetricDataCommand({
        Namespace: 'AWS/SageMaker',
        MetricData: [{ MetricName: 'Invocations', Dimensions: [{ Name: 'EndpointName', Value: 'busy' }, { Name: 'VariantName', Value: 'AllTraffic' }], Value: 3, Timestamp: new Date(now.getTime() - 10 * 60000) }],
      }),
    );
    const snapshot = await loadRegion(east, 24, now);
    // moto stamps endpoints with the creation time; judge idleness a day later so the age check passes.
    const item = regionItem(snapshot, { idleHours: 24, now: new Date(now.getTime() + 25 * 3600_000) });
    const endpoints = item.children?.[0].children ?? [];
    assert.deepEqual(endpoints.map((e) => [e.label, e.idle]).sort(), [['busy', undefined], ['quiet', '0 invocations in the last 24 h']]);
    assert.match(item.description, /^\$[\d.]+\/h · [\d.]+ kgCO2e\/h · 1 idle$/);
  });

  it('loads the account and each region through the client factory, regions apart', async () => {
    await seedEndpoint(east, 'e1', { instanceType: 'ml.m5.large', count: 1 });
    await seedEndpoint(west, 'w1', { instanceType: 'ml.m5.large', count: 1 });
    await seedEndpoint(west, 'w2', { instanceType: 'ml.m5.large', count: 1 });
    const snapshot = await loadAccount({ endpoint: moto.endpoint, maxAttempts: 1 }, ['us-east-1', 'eu-west-1'], 24);
    assert.deepEqual(snapshot.identity, { account: '123456789012', arn: 'arn:aws:sts::123456789012:user/moto' });
    assert.deepEqual(
      snapshot.regions.map((r) => ('error' in r ? [r.region, r.error.reason] : [r.region, r.endpoints.map((e) => e.name).sort(), r.invocations.length])),
      [['us-east-1', ['e1'], 1], ['eu-west-1', ['w1', 'w2'], 2]],
    );
  });

  it('reports a profile without credentials as noCredentials, before any region loads', async () => {
    // Without the env keys, so the chain goes to the (absent) profile instead of warning about two sources.
    const keys = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    const snapshot = await loadAccount({ endpoint: moto.endpoint, maxAttempts: 1, profile: 'greenml-test-missing' }, ['us-east-1'], 24).finally(() => {
      process.env.AWS_ACCESS_KEY_ID = keys.id;
      process.env.AWS_SECRET_ACCESS_KEY = keys.secret;
    });
    assert.ok('reason' in snapshot.identity);
    assert.equal(snapshot.identity.reason, 'noCredentials');
    assert.deepEqual(snapshot.regions, []);
  });

  it('an operation moto lacks (ListApps) fails after one attempt with HTTP 500 and an HTML body, read as unknown', async () => {
    await assert.rejects(call('ListApps', () => east.sageMaker.send(new ListAppsCommand({}))), (err) => {
      assert.ok(err instanceof AwsError);
      assert.equal(err.reason, 'unknown');
      // The SDK fails to parse the HTML as JSON; the status stays on $metadata.
      const metadata = (err.original as { $metadata?: { httpStatusCode?: number; attempts?: number } }).$metadata;
      assert.deepEqual([err.code, metadata?.httpStatusCode, metadata?.attempts], ['SyntaxError', 500, 1]);
      return true;
    });
  });
});
