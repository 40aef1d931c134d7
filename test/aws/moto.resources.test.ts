import * as assert from 'node:assert/strict';
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import {
  AddTagsCommand,
  CreateClusterCommand,
  CreateDomainCommand,
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreateTrainingJobCommand,
  DescribeDomainCommand,
} from '@aws-sdk/client-sagemaker';
import { createClients, destroyClients } from '../../src/aws/clients';
import type { RegionClients } from '../../src/aws/clients';
import { DescribeCache, EndpointConfigCache } from '../../src/aws/cache';
import { listClusters, listWarmPools } from '../../src/aws/capacity';
import { loadAccount, loadRegion } from '../../src/aws/explorer';
import { appIdleSettings } from '../../src/aws/studio';
import { regionItem } from '../../src/present/explorer';
import { motoSuite } from '../kit/moto';
import type { MotoServer } from '../kit/moto';

const role = 'arn:aws:iam::123456789012:role/sagemaker';

async function seedEndpoint(clients: RegionClients, name: string): Promise<void> {
  const sm = clients.sageMaker;
  await sm.send(new CreateModelCommand({ ModelName: `${name}-model`, ExecutionRoleArn: role, PrimaryContainer: { Image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/model:latest' } }));
  await sm.send(new CreateEndpointConfigCommand({ EndpointConfigName: `${name}-config`, ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: `${name}-model`, InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] }));
  await sm.send(new CreateEndpointCommand({ EndpointName: name, EndpointConfigName: `${name}-config` }));
}

async function seedDomain(clients: RegionClients): Promise<string> {
  const out = await clients.sageMaker.send(
    new CreateDomainCommand({
      DomainName: 'research',
      AuthMode: 'IAM',
      SubnetIds: ['subnet-1'],
      VpcId: 'vpc-1',
      DefaultUserSettings: { ExecutionRole: role, JupyterLabAppSettings: { AppLifecycleManagement: { IdleSettings: { LifecycleManagement: 'ENABLED', IdleTimeoutInMinutes: 120 } } } },
    }),
  );
  return out.DomainArn?.split('/').pop() ?? '';
}

describe('explorer resources against moto over HTTP', function () {
  const aws = motoSuite(['us-east-1']);
  let moto: MotoServer;
  let east: RegionClients;
  before(() => {
    moto = aws.moto;
    east = aws.clients['us-east-1'];
  });

  it('round-trips a domain’s JupyterLab idle settings through DescribeDomain', async () => {
    const id = await seedDomain(east);
    const d = await east.sageMaker.send(new DescribeDomainCommand({ DomainId: id }));
    assert.deepEqual(appIdleSettings(d.DefaultUserSettings), {
      JupyterLab: { lifecycleManagement: 'ENABLED', idleTimeoutInMinutes: 120, minIdleTimeoutInMinutes: null, maxIdleTimeoutInMinutes: null },
      CodeEditor: null,
    });
  });

  it('a Studio domain whose profiles moto cannot list makes one Studio error node; endpoints and the rest still load', async () => {
    await seedDomain(east);
    await seedEndpoint(east, 'ep');
    const snapshot = await loadRegion(east, 24);
    assert.deepEqual(snapshot.endpoints.map((e) => e.name), ['ep']);
    assert.ok(snapshot.studio && !Array.isArray(snapshot.studio));
    // ListUserProfiles / ListSpaces / ListApps: moto answers HTTP 500 with HTML, which the SDK fails to parse.
    assert.equal(snapshot.studio.reason, 'unknown');
    assert.match(snapshot.studio.message, /^(ListUserProfiles|ListSpaces|ListApps) failed: /);
    const item = regionItem(snapshot, { idleHours: 24, now: new Date() });
    const studio = item.children?.find((g) => g.label === 'Studio');
    assert.deepEqual(studio?.children?.map((c) => c.contextValue), ['greenml.aws.error.unknown']);
    assert.deepEqual(item.children?.find((g) => g.label === 'Endpoints')?.children?.map((c) => c.label), ['ep']);
  });

  it('lists a HyperPod cluster with its instance groups and prices nodes × type', async () => {
    await east.sageMaker.send(
      new CreateClusterCommand({
        ClusterName: 'pod',
        InstanceGroups: [
          { InstanceGroupName: 'workers', InstanceType: 'ml.g5.xlarge', InstanceCount: 2, ExecutionRole: role, ThreadsPerCore: 1, LifeCycleConfig: { SourceS3Uri: 's3://sagemaker-lifecycle/scripts', OnCreate: 'on_create.sh' } },
          { InstanceGroupName: 'head', InstanceType: 'ml.t3.medium', InstanceCount: 1, ExecutionRole: role, ThreadsPerCore: 1, LifeCycleConfig: { SourceS3Uri: 's3://sagemaker-lifecycle/scripts', OnCreate: 'on_create.sh' } },
        ],
      }),
    );
    const clusters = await listClusters(east.sageMaker);
    assert.deepEqual(clusters.map((c) => [c.name, c.instanceGroups.map((g) => [g.name, g.instanceType, g.currentCount, g.targetCount])]), [
      ['pod', [['workers', 'ml.g5.xlarge', 2, 2], ['head', 'ml.t3.medium', 1, 1]]],
    ]);
    const item = regionItem({ region: 'us-east-1', endpoints: [], notebooks: [], jobs: [], invocations: [], clusters }, { idleHours: 24, now: new Date() });
    const group = item.children?.find((g) => g.label === 'HyperPod clusters');
    assert.match(group?.children?.[0].description ?? '', /^\$[\d.]+\/h · [\d.]+ kgCO2e\/h · (Creating · )?3 nodes · ml\.g5\.xlarge × 2, ml\.t3\.medium × 1$/);
  });

  it('shows no warm pool for a finished job when the service ignores the warm-pool filter (moto returns every job)', async () => {
    await east.sageMaker.send(
      new CreateTrainingJobCommand({
        TrainingJobName: 'train',
        RoleArn: role,
        AlgorithmSpecification: { TrainingImage: '123456789012.dkr.ecr.us-east-1.amazonaws.com/train:latest', TrainingInputMode: 'File' },
        OutputDataConfig: { S3OutputPath: 's3://bucket/out' },
        ResourceConfig: { InstanceType: 'ml.g5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30, KeepAlivePeriodInSeconds: 1800 },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      }),
    );
    assert.deepEqual(await listWarmPools(east.sageMaker), []);
  });

  it('counts calls by operation: per region and page, and per endpoint only on a cold cache', async () => {
    const west = createClients({ region: 'eu-west-1', endpoint: moto.endpoint, maxAttempts: 1 });
    try {
      for (const n of ['a', 'b', 'c']) await seedEndpoint(east, n);
      await seedEndpoint(west, 'w');
      const now = new Date();
      await east.cloudWatch.send(
        new PutMetricDataCommand({ Namespace: 'AWS/SageMaker', MetricData: [{ MetricName: 'Invocations', Dimensions: [{ Name: 'EndpointName', Value: 'a' }, { Name: 'VariantName', Value: 'AllTraffic' }], Value: 3, Timestamp: new Date(now.getTime() - 600_000) }] }),
      );
    } finally {
      destroyClients(west);
    }
    const cache = new DescribeCache();
    const load = async () => {
      const counts: Record<string, number> = {};
      const snapshot = await loadAccount({ endpoint: moto.endpoint, maxAttempts: 1, onCall: (service, op) => (counts[`${service}.${op.replace(/Command$/, '')}`] = (counts[`${service}.${op.replace(/Command$/, '')}`] ?? 0) + 1) }, ['us-east-1', 'eu-west-1'], 24, new Date(), { cache });
      assert.deepEqual(snapshot.regions.map((r) => ('error' in r ? r.error.message : r.endpoints.length)), [3, 1]);
      return counts;
    };
    const perRegion = { 'SageMaker.ListEndpoints': 2, 'SageMaker.ListNotebookInstances': 2, 'SageMaker.ListTrainingJobs': 4, 'SageMaker.ListProcessingJobs': 2, 'SageMaker.ListTransformJobs': 2, 'SageMaker.ListDomains': 2, 'SageMaker.ListClusters': 2, 'CloudWatch.GetMetricData': 2, 'STS.GetCallerIdentity': 1 };
    // Cold: us-east-1's three endpoints come from one Search page, eu-west-1's single one from DescribeEndpoint (cheaper than a page).
    assert.deepEqual(await load(), { ...perRegion, 'SageMaker.Search': 1, 'SageMaker.DescribeEndpoint': 1, 'SageMaker.DescribeEndpointConfig': 4 });
    // Nothing changed: the second refresh costs the list pages only.
    assert.deepEqual(await load(), perRegion);
  });
  it('two phases: the listing with idle status comes before any DescribeEndpointConfig; a restored config cache, checked by creation time, spares the describes', async () => {
    const west = createClients({ region: 'eu-west-1', endpoint: moto.endpoint, maxAttempts: 1 });
    try {
      for (const n of ['a', 'b']) await seedEndpoint(east, n);
      await seedEndpoint(west, 'w');
      await east.sageMaker.send(new AddTagsCommand({ ResourceArn: 'arn:aws:sagemaker:us-east-1:123456789012:endpoint/a', Tags: [{ Key: 'project', Value: 'nlp' }, { Key: 'Owner', Value: 'alice' }] }));
    } finally {
      destroyClients(west);
    }
    const counts: Record<string, number> = {};
    const onCall = (service: string, op: string) => (counts[`${service}.${op.replace(/Command$/, '')}`] = (counts[`${service}.${op.replace(/Command$/, '')}`] ?? 0) + 1);
    const configs = new EndpointConfigCache();
    const seen: { phase: string; describes: number; pending: number }[] = [];
    const snapshot = await loadAccount({ endpoint: moto.endpoint, maxAttempts: 1, onCall }, ['us-east-1', 'eu-west-1'], 24, new Date(), {
      configs,
      onProgress: (s, phase) =>
        seen.push({ phase, describes: counts['SageMaker.DescribeEndpointConfig'] ?? 0, pending: s.regions.reduce((n, r) => n + ('error' in r ? 0 : r.endpoints.filter((e) => e.details === 'pending').length), 0) }),
    });
    assert.deepEqual(seen[0], { phase: 'listed', describes: 0, pending: 3 });
    // us-east-1's two endpoints come from one Search page, which carries their tags.
    const east1 = snapshot.regions[0];
    assert.ok(!('error' in east1));
    assert.deepEqual(east1.endpoints.map((e) => e.tags), [[{ key: 'project', value: 'nlp' }, { key: 'Owner', value: 'alice' }], []]);
    assert.match(regionItem(east1, { idleHours: 24, now: new Date() }).children?.[0].children?.[0].tooltip ?? '', /tags: Owner=alice, project=nlp$/);
    assert.deepEqual(seen.slice(1).map((p) => p.phase), ['details', 'details', 'details']);
    assert.equal(seen[seen.length - 1].pending, 0);
    assert.equal(counts['SageMaker.DescribeEndpointConfig'], 3);
    assert.deepEqual(snapshot.regions.map((r) => ('error' in r ? r.error.message : r.endpoints.map((e) => `${e.name}:${e.variants[0].instanceType}:${e.details ?? 'done'}`))), [['a:ml.m5.large:done', 'b:ml.m5.large:done'], ['w:ml.m5.large:done']]);
    // A new session: no endpoint describes kept, the config facts restored from their saved form.
    for (const k of Object.keys(counts)) delete counts[k];
    const restored = EndpointConfigCache.from(JSON.parse(JSON.stringify(configs)));
    const again = await loadAccount({ endpoint: moto.endpoint, maxAttempts: 1, onCall }, ['us-east-1', 'eu-west-1'], 24, new Date(), { configs: restored });
    assert.deepEqual(again.regions.map((r) => ('error' in r ? r.error.message : r.endpoints.map((e) => `${e.name}:${e.variants[0].instanceType}:${e.details ?? 'done'}`))), [['a:ml.m5.large:done', 'b:ml.m5.large:done'], ['w:ml.m5.large:done']]);
    assert.deepEqual([counts['SageMaker.ListEndpointConfigs'], counts['SageMaker.DescribeEndpointConfig']], [2, undefined]);
  });
});
