import * as assert from 'node:assert/strict';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import {
  DescribeEndpointConfigCommand,
  DescribeInferenceComponentCommand,
  ListClustersCommand,
  ListDomainsCommand,
  ListEndpointConfigsCommand,
  ListEndpointsCommand,
  ListInferenceComponentsCommand,
  ListNotebookInstancesCommand,
  ListProcessingJobsCommand,
  ListTrainingJobsCommand,
  ListTransformJobsCommand,
  SageMakerClient,
  SearchCommand,
} from '@aws-sdk/client-sagemaker';
import { STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { DescribeCache, EndpointConfigCache } from '../../src/aws/cache';
import { loadRegionInPhases } from '../../src/aws/explorer';
import type { RegionSnapshot } from '../../src/aws/types';

const creds = { accessKeyId: 'x', secretAccessKey: 'x' };
const t0 = new Date('2026-11-20T08:00:00Z');
const configCreated = new Date('2026-11-19T08:00:00Z');
const now = new Date('2026-11-24T12:00:00Z');
const names = ['a', 'b', 'c'];

describe('explorer two-phase load with aws-sdk-client-mock', () => {
  const mocks = () => ({ sm: mockClient(SageMakerClient), cw: mockClient(CloudWatchClient) });
  let sm: ReturnType<typeof mocks>['sm'];
  let cw: ReturnType<typeof mocks>['cw'];
  const clients = () => ({ region: 'us-east-1', sageMaker: new SageMakerClient({ region: 'us-east-1', maxAttempts: 1, credentials: creds }), cloudWatch: new CloudWatchClient({ region: 'us-east-1', maxAttempts: 1, credentials: creds }), sts: new STSClient({ region: 'us-east-1', credentials: creds }) });
  /** Every SageMaker and CloudWatch operation sent so far (SageMaker first, each client in its order). */
  const sent = () => [...sm.calls(), ...cw.calls()].map((c) => (c.args[0] as object).constructor.name.replace(/Command$/, ''));
  const count = (op: string) => sent().filter((o) => o === op).length;

  beforeEach(() => {
    ({ sm, cw } = mocks());
    // a and b share config `shared`; c has its own, which hosts inference components when `components` is set.
    sm.on(ListEndpointsCommand).resolves({ Endpoints: names.map((n) => ({ EndpointName: n, EndpointArn: `arn:e/${n}`, EndpointStatus: 'InService', CreationTime: t0, LastModifiedTime: t0 })) });
    sm.on(SearchCommand).resolves({
      Results: names.map((n) => ({
        Endpoint: { EndpointName: n, EndpointArn: `arn:e/${n}`, EndpointStatus: 'InService', EndpointConfigName: n === 'c' ? 'own' : 'shared', CreationTime: t0, LastModifiedTime: t0, ProductionVariants: [{ VariantName: 'v', CurrentInstanceCount: 2 }], Tags: [{ Key: 'owner', Value: `${n}@example.com` }] },
      })),
    });
    sm.on(DescribeEndpointConfigCommand, { EndpointConfigName: 'shared' }).resolves({ EndpointConfigName: 'shared', CreationTime: configCreated, ProductionVariants: [{ VariantName: 'v', InstanceType: 'ml.m5.large', ModelName: 'm' }] });
    sm.on(DescribeEndpointConfigCommand, { EndpointConfigName: 'own' }).resolves({ EndpointConfigName: 'own', CreationTime: configCreated, ProductionVariants: [{ VariantName: 'v', InstanceType: 'ml.g5.xlarge', ModelName: 'm' }] });
    sm.on(ListNotebookInstancesCommand).resolves({ NotebookInstances: [] });
    sm.on(ListTrainingJobsCommand).resolves({ TrainingJobSummaries: [] });
    sm.on(ListProcessingJobsCommand).resolves({ ProcessingJobSummaries: [] });
    sm.on(ListTransformJobsCommand).resolves({ TransformJobSummaries: [] });
    sm.on(ListDomainsCommand).resolves({ Domains: [] });
    sm.on(ListClustersCommand).resolves({ ClusterSummaries: [] });
    // q0..q2: a/v, b/v, c/v; b served requests.
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: [{ Id: 'q1', Values: [5] }] });
  });

  afterEach(() => {
    sm.restore();
    cw.restore();
  });

  it('phase 1 lists with idle status and no DescribeEndpointConfig; phase 2 describes each distinct config once, reporting each endpoint', async () => {
    const phased = await loadRegionInPhases(clients(), 24, now, { cache: new DescribeCache(), configs: new EndpointConfigCache(), account: '123456789012' });
    assert.equal(count('DescribeEndpointConfig'), 0);
    assert.equal(count('DescribeEndpoint'), 0);
    assert.deepEqual([count('ListEndpoints'), count('Search'), count('GetMetricData')], [1, 1, 1]);
    assert.deepEqual(phased.listed.endpoints.map((e) => [e.name, e.details, e.variants[0].instanceType, e.variants[0].instanceCount]), [['a', 'pending', null, 2], ['b', 'pending', null, 2], ['c', 'pending', null, 2]]);
    assert.deepEqual(phased.listed.invocations.map((v) => [v.endpointName, v.invocations]), [['a', 0], ['b', 5], ['c', 0]]);
    assert.deepEqual(phased.listed.endpoints[0].tags, [{ key: 'owner', value: 'a@example.com' }]);

    const updates: RegionSnapshot[] = [];
    const done = await phased.complete((s) => updates.push(s));
    assert.deepEqual(sm.commandCalls(DescribeEndpointConfigCommand).map((c) => c.args[0].input.EndpointConfigName).sort(), ['own', 'shared']);
    // Phase 2 adds only the config describes: no second GetMetricData without components, no more listing.
    assert.deepEqual([count('GetMetricData'), count('ListEndpoints'), count('Search'), count('DescribeEndpoint')], [1, 1, 1, 0]);
    assert.equal(updates.length, 3);
    assert.deepEqual(updates.map((u) => u.endpoints.filter((e) => e.details === 'pending').length).sort(), [0, 1, 2]);
    assert.deepEqual(done.endpoints.map((e) => [e.name, e.details ?? 'done', e.variants[0].instanceType]), [['a', 'done', 'ml.m5.large'], ['b', 'done', 'ml.m5.large'], ['c', 'done', 'ml.g5.xlarge']]);
    assert.deepEqual(done.invocations, phased.listed.invocations);
  });

  it('a later load with cold endpoint describes but known configs checks them with one ListEndpointConfigs and describes none; a re-created config is described again', async () => {
    const configs = new EndpointConfigCache();
    await (await loadRegionInPhases(clients(), 24, now, { configs, account: '1' })).complete();
    assert.equal(configs.size, 2);
    sm.resetHistory();
    cw.resetHistory();
    sm.on(ListEndpointConfigsCommand).resolves({
      EndpointConfigs: [
        { EndpointConfigName: 'shared', EndpointConfigArn: 'arn:c/shared', CreationTime: configCreated },
        { EndpointConfigName: 'own', EndpointConfigArn: 'arn:c/own', CreationTime: new Date(configCreated.getTime() + 3600_000) },
      ],
    });
    const restored = EndpointConfigCache.from(JSON.parse(JSON.stringify(configs)));
    const phased = await loadRegionInPhases(clients(), 24, now, { configs: restored, account: '1' });
    assert.deepEqual(phased.listed.endpoints.map((e) => [e.name, e.details ?? 'done', e.variants[0].instanceType]), [['a', 'done', 'ml.m5.large'], ['b', 'done', 'ml.m5.large'], ['c', 'pending', null]]);
    assert.deepEqual([count('ListEndpointConfigs'), count('DescribeEndpointConfig')], [1, 0]);
    await phased.complete();
    assert.deepEqual(sm.commandCalls(DescribeEndpointConfigCommand).map((c) => c.args[0].input.EndpointConfigName), ['own']);
    // Another account's cache entries are not used.
    sm.resetHistory();
    await loadRegionInPhases(clients(), 24, now, { configs: restored, account: '2' });
    assert.equal(count('ListEndpointConfigs'), 0);
  });

  it('with every config known, phase 1 is the whole load', async () => {
    const configs = new EndpointConfigCache();
    const cache = new DescribeCache();
    await (await loadRegionInPhases(clients(), 24, now, { cache, configs, account: '1' })).complete();
    sm.resetHistory();
    cw.resetHistory();
    const phased = await loadRegionInPhases(clients(), 24, now, { cache, configs, account: '1' });
    assert.ok(phased.listed.endpoints.every((e) => e.details === undefined));
    assert.equal(await phased.complete(), phased.listed);
    assert.deepEqual(sent().sort(), ['GetMetricData', 'ListClusters', 'ListDomains', 'ListEndpoints', 'ListNotebookInstances', 'ListProcessingJobs', 'ListTrainingJobs', 'ListTrainingJobs', 'ListTransformJobs']);
  });

  it('components found in phase 2 are measured in one more GetMetricData, for them alone; an async endpoint loses its phase-1 idle series', async () => {
    sm.on(DescribeEndpointConfigCommand, { EndpointConfigName: 'own' }).resolves({ EndpointConfigName: 'own', ProductionVariants: [{ VariantName: 'v', InstanceType: 'ml.g5.xlarge' }] });
    sm.on(DescribeEndpointConfigCommand, { EndpointConfigName: 'shared' }).resolves({ EndpointConfigName: 'shared', ProductionVariants: [{ VariantName: 'v', InstanceType: 'ml.m5.large', ModelName: 'm' }], AsyncInferenceConfig: { OutputConfig: { S3OutputPath: 's3://b/o' } } });
    sm.on(ListInferenceComponentsCommand).resolves({ InferenceComponents: [{ InferenceComponentName: 'llama', InferenceComponentArn: 'arn:ic/llama', EndpointName: 'c', EndpointArn: 'arn:e/c', VariantName: 'v', InferenceComponentStatus: 'InService', CreationTime: t0, LastModifiedTime: t0 }] });
    sm.on(DescribeInferenceComponentCommand).resolves({ InferenceComponentName: 'llama', EndpointName: 'c', VariantName: 'v', InferenceComponentStatus: 'InService', CreationTime: t0, RuntimeConfig: { CurrentCopyCount: 1 } });
    const phased = await loadRegionInPhases(clients(), 24, now, {});
    assert.equal(count('ListInferenceComponents'), 0);
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: [{ Id: 'q0', Values: [9] }] });
    const done = await phased.complete();
    const queries = cw.commandCalls(GetMetricDataCommand).map((c) => c.args[0].input.MetricDataQueries?.map((q) => q.MetricStat?.Metric?.Dimensions?.map((d) => `${d.Name}=${d.Value}`).join(',')));
    assert.deepEqual(queries, [['EndpointName=a,VariantName=v', 'EndpointName=b,VariantName=v', 'EndpointName=c,VariantName=v'], ['InferenceComponentName=llama']]);
    assert.deepEqual(done.endpoints.map((e) => [e.name, e.async]), [['a', true], ['b', true], ['c', false]]);
    assert.deepEqual(done.invocations.map((v) => [v.endpointName, v.invocations]), [['c', 9]]);
    assert.deepEqual(Array.isArray(done.inferenceComponents) && done.inferenceComponents.map((c) => [c.name, c.invocations]), [['llama', 9]]);
  });

  it('a config that cannot be read leaves its endpoints marked failed; the others finish', async () => {
    sm.on(DescribeEndpointConfigCommand, { EndpointConfigName: 'own' }).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }));
    const done = await (await loadRegionInPhases(clients(), 24, now, {})).complete();
    assert.deepEqual(done.endpoints.map((e) => [e.name, e.details ?? 'done']), [['a', 'done'], ['b', 'done'], ['c', 'failed']]);
    assert.match(done.endpoints[2].detailsError ?? '', /DescribeEndpointConfig/);
  });
});
