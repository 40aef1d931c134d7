import * as assert from 'node:assert/strict';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import {
  DescribeClusterCommand,
  DescribeDomainCommand,
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeInferenceComponentCommand,
  DescribeSpaceCommand,
  DescribeTrainingJobCommand,
  DescribeUserProfileCommand,
  ListAppsCommand,
  ListClustersCommand,
  ListDomainsCommand,
  ListEndpointsCommand,
  ListInferenceComponentsCommand,
  ListNotebookInstancesCommand,
  ListProcessingJobsCommand,
  ListSpacesCommand,
  ListTrainingJobsCommand,
  ListTransformJobsCommand,
  ListUserProfilesCommand,
  SageMakerClient,
  SageMakerServiceException,
  SearchCommand,
} from '@aws-sdk/client-sagemaker';
import { STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { DescribeCache } from '../../src/aws/cache';
import { listClusters, listInferenceComponents, listWarmPools } from '../../src/aws/capacity';
import { loadRegion } from '../../src/aws/explorer';
import { SageMakerResources } from '../../src/aws/sagemaker';
import { listStudio } from '../../src/aws/studio';
import { regionItem } from '../../src/present/explorer';

const creds = { accessKeyId: 'x', secretAccessKey: 'x' };
const t0 = new Date('2026-11-20T08:00:00Z');

function serviceError(name: string, status: number): SageMakerServiceException {
  return new SageMakerServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message: name });
}

describe('Studio, inference components, HyperPod and warm pools with aws-sdk-client-mock', () => {
  // mockClient patches every instance's `send` until restored, so it must not outlive this suite.
  const mocks = () => ({ sm: mockClient(SageMakerClient), cw: mockClient(CloudWatchClient) });
  let sm: ReturnType<typeof mocks>['sm'];
  let cw: ReturnType<typeof mocks>['cw'];
  const client = new SageMakerClient({ region: 'us-east-1', maxAttempts: 1, credentials: creds });

  beforeEach(() => {
    ({ sm, cw } = mocks());
  });

  afterEach(() => {
    sm.restore();
    cw.restore();
  });

  function mockStudio(): void {
    sm.on(ListDomainsCommand).resolves({ Domains: [{ DomainId: 'd-1', DomainName: 'research', DomainArn: 'arn:d-1', Status: 'InService' }] });
    sm.on(DescribeDomainCommand).resolves({
      DomainId: 'd-1',
      DomainName: 'research',
      DomainArn: 'arn:d-1',
      Status: 'InService',
      DefaultUserSettings: { JupyterLabAppSettings: { AppLifecycleManagement: { IdleSettings: { LifecycleManagement: 'ENABLED', IdleTimeoutInMinutes: 240, MinIdleTimeoutInMinutes: 60, MaxIdleTimeoutInMinutes: 525600 } } } },
    });
    sm.on(ListUserProfilesCommand)
      .resolvesOnce({ UserProfiles: [{ DomainId: 'd-1', UserProfileName: 'ana', Status: 'InService' }], NextToken: 'p2' })
      .resolvesOnce({ UserProfiles: [{ DomainId: 'd-1', UserProfileName: 'bo', Status: 'InService' }, { DomainId: 'd-1', UserProfileName: 'cy', Status: 'InService' }] });
    sm.on(ListSpacesCommand).resolves({
      Spaces: [
        { DomainId: 'd-1', SpaceName: 'ana-space', Status: 'InService', OwnershipSettingsSummary: { OwnerUserProfileName: 'ana' } },
        { DomainId: 'd-1', SpaceName: 'bo-space', Status: 'InService', OwnershipSettingsSummary: { OwnerUserProfileName: 'bo' } },
        { DomainId: 'd-1', SpaceName: 'cold', Status: 'InService', OwnershipSettingsSummary: { OwnerUserProfileName: 'cy' } },
      ],
    });
    sm.on(ListAppsCommand)
      .resolvesOnce({
        Apps: [
          { DomainId: 'd-1', SpaceName: 'ana-space', AppType: 'JupyterLab', AppName: 'default', Status: 'InService', CreationTime: t0, ResourceSpec: { InstanceType: 'ml.t3.medium' } },
          { DomainId: 'd-1', SpaceName: 'cold', AppType: 'JupyterLab', AppName: 'default', Status: 'Deleted', CreationTime: t0, ResourceSpec: { InstanceType: 'ml.m5.large' } },
        ],
        NextToken: 'a2',
      })
      .resolvesOnce({ Apps: [{ DomainId: 'd-1', SpaceName: 'bo-space', AppType: 'CodeEditor', AppName: 'default', Status: 'InService', CreationTime: t0, ResourceSpec: { InstanceType: 'ml.m5.large' } }] });
    sm.on(DescribeSpaceCommand, { SpaceName: 'ana-space' }).resolves({ SpaceName: 'ana-space', SpaceSettings: { JupyterLabAppSettings: { AppLifecycleManagement: { IdleSettings: { IdleTimeoutInMinutes: 60 } } } } });
    sm.on(DescribeSpaceCommand, { SpaceName: 'bo-space' }).resolves({ SpaceName: 'bo-space', SpaceSettings: { CodeEditorAppSettings: {} } });
    sm.on(DescribeUserProfileCommand, { UserProfileName: 'ana' }).resolves({ UserProfileName: 'ana', Status: 'InService', UserSettings: {} });
    sm.on(DescribeUserProfileCommand, { UserProfileName: 'bo' }).resolves({ UserProfileName: 'bo', Status: 'InService', UserSettings: { JupyterLabAppSettings: { AppLifecycleManagement: { IdleSettings: { LifecycleManagement: 'DISABLED' } } } } });
  }

  it('walks domains, paged profiles and apps, and describes only the spaces and profiles behind running apps', async () => {
    mockStudio();
    const [d] = await listStudio(client);
    assert.deepEqual(d.idle.JupyterLab, { lifecycleManagement: 'ENABLED', idleTimeoutInMinutes: 240, minIdleTimeoutInMinutes: 60, maxIdleTimeoutInMinutes: 525600 });
    assert.deepEqual(d.userProfiles.map((p) => [p.name, p.idle?.JupyterLab?.lifecycleManagement ?? (p.idle ? 'none' : 'not described')]), [['ana', 'none'], ['bo', 'DISABLED'], ['cy', 'not described']]);
    assert.deepEqual(d.spaces.map((s) => [s.name, s.idleTimeoutInMinutes]), [['ana-space', { JupyterLab: 60, CodeEditor: null }], ['bo-space', { JupyterLab: null, CodeEditor: null }], ['cold', null]]);
    assert.deepEqual(d.apps.map((a) => [a.spaceName, a.appType, a.instanceType]), [['ana-space', 'JupyterLab', 'ml.t3.medium'], ['bo-space', 'CodeEditor', 'ml.m5.large']]);
    assert.deepEqual(sm.commandCalls(DescribeSpaceCommand).map((c) => c.args[0].input.SpaceName).sort(), ['ana-space', 'bo-space']);
    assert.deepEqual(sm.commandCalls(DescribeUserProfileCommand).map((c) => c.args[0].input.UserProfileName).sort(), ['ana', 'bo']);
    assert.equal(sm.commandCalls(ListUserProfilesCommand)[1].args[0].input.NextToken, 'p2');
    assert.equal(sm.commandCalls(ListAppsCommand).length, 2);
    assert.equal(sm.commandCalls(ListUserProfilesCommand)[0].args[0].input.DomainIdEquals, 'd-1');
  });

  it('makes no Studio call beyond ListDomains in a region without domains', async () => {
    sm.on(ListDomainsCommand).resolves({ Domains: [] });
    assert.deepEqual(await listStudio(client), []);
    assert.equal(sm.calls().length, 1);
  });

  it('lists inference components once per region with copies and compute from their describe', async () => {
    sm.on(ListInferenceComponentsCommand).resolves({
      InferenceComponents: [
        { InferenceComponentName: 'llama', InferenceComponentArn: 'arn:ic/llama', EndpointName: 'llm', EndpointArn: 'arn:e', VariantName: 'AllTraffic', InferenceComponentStatus: 'InService', CreationTime: t0, LastModifiedTime: t0 },
        { InferenceComponentName: 'gone', InferenceComponentArn: 'arn:ic/gone', EndpointName: 'llm', EndpointArn: 'arn:e', VariantName: 'AllTraffic', InferenceComponentStatus: 'Deleting', CreationTime: t0, LastModifiedTime: t0 },
      ],
    });
    sm.on(DescribeInferenceComponentCommand).resolves({
      InferenceComponentName: 'llama',
      InferenceComponentArn: 'arn:ic/llama',
      EndpointName: 'llm',
      EndpointArn: 'arn:e',
      InferenceComponentStatus: 'InService',
      CreationTime: t0,
      LastModifiedTime: t0,
      Specification: { ComputeResourceRequirements: { NumberOfCpuCoresRequired: 2, NumberOfAcceleratorDevicesRequired: 1, MinMemoryRequiredInMb: 8192 } },
      RuntimeConfig: { DesiredCopyCount: 3, CurrentCopyCount: 2 },
    });
    const components = await listInferenceComponents(client);
    assert.deepEqual(components.map((c) => [c.name, c.endpointName, c.copies, c.cpuCores, c.accelerators, c.memoryMb]), [['llama', 'llm', 2, 2, 1, 8192]]);
    assert.equal(sm.commandCalls(DescribeInferenceComponentCommand).length, 1);
  });

  it('reads HyperPod instance groups from DescribeCluster', async () => {
    sm.on(ListClustersCommand).resolves({ ClusterSummaries: [{ ClusterName: 'pod', ClusterArn: 'arn:c/pod', ClusterStatus: 'InService', CreationTime: t0 }] });
    sm.on(DescribeClusterCommand).resolves({ ClusterArn: 'arn:c/pod', ClusterName: 'pod', ClusterStatus: 'InService', InstanceGroups: [{ InstanceGroupName: 'workers', InstanceType: 'ml.g5.xlarge', CurrentCount: 3, TargetCount: 4 }] });
    assert.deepEqual(await listClusters(client), [{ name: 'pod', arn: 'arn:c/pod', status: 'InService', creationTime: t0, instanceGroups: [{ name: 'workers', instanceType: 'ml.g5.xlarge', currentCount: 3, targetCount: 4 }] }]);
  });

  it('keeps only Available warm pools, with instances and the end of their keep-alive', async () => {
    const end = new Date('2026-11-24T11:30:00Z');
    sm.on(ListTrainingJobsCommand).resolves({
      TrainingJobSummaries: [
        { TrainingJobName: 'kept', TrainingJobArn: 'arn:t/kept', CreationTime: t0, TrainingEndTime: end, TrainingJobStatus: 'Completed', WarmPoolStatus: { Status: 'Available', ResourceRetainedBillableTimeInSeconds: 600 } },
        { TrainingJobName: 'done', TrainingJobArn: 'arn:t/done', CreationTime: t0, TrainingEndTime: end, TrainingJobStatus: 'Completed', WarmPoolStatus: { Status: 'Terminated' } },
        { TrainingJobName: 'plain', TrainingJobArn: 'arn:t/plain', CreationTime: t0, TrainingJobStatus: 'Completed' },
      ],
    });
    sm.on(DescribeTrainingJobCommand).resolves({ TrainingJobArn: 'arn:t/kept', TrainingEndTime: end, ResourceConfig: { InstanceType: 'ml.g5.xlarge', InstanceCount: 2, VolumeSizeInGB: 30, KeepAlivePeriodInSeconds: 1800 }, WarmPoolStatus: { Status: 'Available', ResourceRetainedBillableTimeInSeconds: 600 } });
    const pools = await listWarmPools(client);
    assert.deepEqual(pools, [{ jobName: 'kept', arn: 'arn:t/kept', instanceType: 'ml.g5.xlarge', instanceCount: 2, trainingEndTime: end, keepAliveSeconds: 1800, expiresAt: new Date('2026-11-24T12:00:00Z'), reusedBy: null, billableSeconds: 600 }]);
    assert.equal(sm.commandCalls(ListTrainingJobsCommand)[0].args[0].input.WarmPoolStatusEquals, 'Available');
    assert.deepEqual(sm.commandCalls(DescribeTrainingJobCommand).map((c) => c.args[0].input.TrainingJobName), ['kept']);
  });

  function mockEndpoints(lastModified: Date): void {
    sm.on(ListEndpointsCommand).resolves({ Endpoints: ['a', 'b'].map((n) => ({ EndpointName: n, EndpointArn: `arn:e/${n}`, EndpointStatus: 'InService', CreationTime: t0, LastModifiedTime: lastModified })) });
    sm.on(DescribeEndpointCommand).callsFake((input: { EndpointName: string }) => ({ EndpointName: input.EndpointName, EndpointArn: `arn:e/${input.EndpointName}`, EndpointStatus: 'InService', EndpointConfigName: 'c', CreationTime: t0, ProductionVariants: [{ VariantName: 'v', CurrentInstanceCount: 1 }] }));
    sm.on(DescribeEndpointConfigCommand).resolves({ ProductionVariants: [{ VariantName: 'v', InstanceType: 'ml.m5.large', ModelName: 'm' }] });
  }

  it('with a cache, describes a settled endpoint again only when its LastModifiedTime changes', async () => {
    const cache = new DescribeCache();
    mockEndpoints(t0);
    const first = await new SageMakerResources(client, cache).listEndpoints();
    const second = await new SageMakerResources(client, cache).listEndpoints();
    assert.deepEqual(second, first);
    // Both endpoints share config `c`: described once. Search is not mocked (it fails), so each endpoint is described.
    assert.deepEqual([sm.commandCalls(ListEndpointsCommand).length, sm.commandCalls(DescribeEndpointCommand).length, sm.commandCalls(DescribeEndpointConfigCommand).length], [2, 2, 1]);
    sm.reset();
    mockEndpoints(new Date(t0.getTime() + 60000));
    await new SageMakerResources(client, cache).listEndpoints();
    assert.equal(sm.commandCalls(DescribeEndpointCommand).length, 2);
  });

  it('takes runtime variants from Search records as fresh as the list, and describes the stale ones', async () => {
    const later = new Date(t0.getTime() + 60000);
    sm.on(ListEndpointsCommand).resolves({ Endpoints: ['a', 'b', 'c'].map((n) => ({ EndpointName: n, EndpointArn: `arn:e/${n}`, EndpointStatus: 'InService', CreationTime: t0, LastModifiedTime: n === 'c' ? later : t0 })) });
    sm.on(SearchCommand)
      .resolvesOnce({ Results: [{ Endpoint: { EndpointName: 'a', EndpointArn: 'arn:e/a', EndpointStatus: 'InService', EndpointConfigName: 'ca', CreationTime: t0, LastModifiedTime: t0, ProductionVariants: [{ VariantName: 'v', CurrentInstanceCount: 4 }] } }], NextToken: 's2' })
      .resolvesOnce({
        Results: [
          { Endpoint: { EndpointName: 'b', EndpointArn: 'arn:e/b', EndpointStatus: 'InService', EndpointConfigName: 'cb', CreationTime: t0, LastModifiedTime: t0, ProductionVariants: [{ VariantName: 'v', CurrentInstanceCount: 2 }] } },
          // The index still holds c before its last update.
          { Endpoint: { EndpointName: 'c', EndpointArn: 'arn:e/c', EndpointStatus: 'InService', EndpointConfigName: 'old', CreationTime: t0, LastModifiedTime: t0, ProductionVariants: [{ VariantName: 'v', CurrentInstanceCount: 1 }] } },
        ],
      });
    sm.on(DescribeEndpointCommand).resolves({ EndpointName: 'c', EndpointArn: 'arn:e/c', EndpointStatus: 'InService', EndpointConfigName: 'cc', CreationTime: t0, LastModifiedTime: later, ProductionVariants: [{ VariantName: 'v', CurrentInstanceCount: 3 }] });
    sm.on(DescribeEndpointConfigCommand).resolves({ ProductionVariants: [{ VariantName: 'v', InstanceType: 'ml.m5.large', ModelName: 'm' }] });
    const endpoints = await new SageMakerResources(client).listEndpoints();
    assert.deepEqual(endpoints.map((e) => [e.name, e.endpointConfigName, e.variants[0].instanceCount]), [['a', 'ca', 4], ['b', 'cb', 2], ['c', 'cc', 3]]);
    assert.deepEqual(sm.commandCalls(DescribeEndpointCommand).map((c) => c.args[0].input.EndpointName), ['c']);
    // Two Search pages (the paginator reuses its input object, so only the last NextToken can be read back).
    assert.deepEqual(sm.commandCalls(SearchCommand).map((c) => c.args[0].input.Resource), ['Endpoint', 'Endpoint']);
    assert.equal(sm.commandCalls(SearchCommand)[1].args[0].input.NextToken, 's2');
    assert.deepEqual(sm.commandCalls(DescribeEndpointConfigCommand).map((c) => c.args[0].input.EndpointConfigName).sort(), ['ca', 'cb', 'cc']);
  });

  it('does not cache an endpoint in a transitional state', async () => {
    const cache = new DescribeCache();
    sm.on(ListEndpointsCommand).resolves({ Endpoints: [{ EndpointName: 'u', EndpointArn: 'arn:e/u', EndpointStatus: 'Updating', CreationTime: t0, LastModifiedTime: t0 }] });
    sm.on(DescribeEndpointCommand).resolves({ EndpointName: 'u', EndpointArn: 'arn:e/u', EndpointStatus: 'Updating', EndpointConfigName: 'c', CreationTime: t0 });
    sm.on(DescribeEndpointConfigCommand).resolves({ ProductionVariants: [{ VariantName: 'v', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] });
    await new SageMakerResources(client, cache).listEndpoints();
    await new SageMakerResources(client, cache).listEndpoints();
    assert.equal(sm.commandCalls(DescribeEndpointCommand).length, 2);
    assert.equal(cache.size, 0);
  });

  it('loads a region where Studio is throttled and clusters are denied: endpoints, notebooks and jobs still load', async () => {
    mockEndpoints(t0);
    sm.on(DescribeEndpointConfigCommand).resolves({ ProductionVariants: [{ VariantName: 'v', InstanceType: 'ml.g5.xlarge' }] }); // no model: hosts inference components
    sm.on(ListNotebookInstancesCommand).resolves({ NotebookInstances: [] });
    sm.on(ListTrainingJobsCommand).resolves({ TrainingJobSummaries: [] });
    sm.on(ListProcessingJobsCommand).resolves({ ProcessingJobSummaries: [] });
    sm.on(ListTransformJobsCommand).resolves({ TransformJobSummaries: [] });
    sm.on(ListDomainsCommand).rejects(serviceError('ThrottlingException', 400));
    sm.on(ListClustersCommand).rejects(serviceError('AccessDeniedException', 400));
    sm.on(ListInferenceComponentsCommand).rejects(serviceError('AccessDeniedException', 400));
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
    const clients = { region: 'us-east-1', sageMaker: client, cloudWatch: new CloudWatchClient({ region: 'us-east-1', maxAttempts: 1, credentials: creds }), sts: new STSClient({ region: 'us-east-1', credentials: creds }) };
    const snapshot = await loadRegion(clients, 24, new Date('2026-11-24T12:00:00Z'));
    assert.deepEqual(snapshot.endpoints.map((e) => e.name), ['a', 'b']);
    assert.deepEqual([snapshot.studio, snapshot.clusters, snapshot.inferenceComponents, snapshot.warmPools], [
      { reason: 'throttled', message: 'ListDomains failed: ThrottlingException: ThrottlingException' },
      { reason: 'accessDenied', message: 'ListClusters failed: AccessDeniedException: AccessDeniedException' },
      { reason: 'accessDenied', message: 'ListInferenceComponents failed: AccessDeniedException: AccessDeniedException' },
      [],
    ]);
    const item = regionItem(snapshot, { idleHours: 24, now: new Date('2026-11-24T12:00:00Z') });
    assert.deepEqual(item.children?.map((g) => g.label), ['Endpoints', 'Notebook instances', 'Running jobs', 'Studio', 'HyperPod clusters']);
    assert.deepEqual(item.children?.[0].children?.map((c) => c.contextValue), ['greenml.aws.endpoint.idle', 'greenml.aws.endpoint.idle', 'greenml.aws.error.accessDenied']);
  });

  it('measures inference components in the same GetMetricData call; a variant counts its components’ invocations', async () => {
    mockEndpoints(t0);
    sm.on(DescribeEndpointConfigCommand).resolves({ ProductionVariants: [{ VariantName: 'v', InstanceType: 'ml.g5.xlarge' }] });
    sm.on(ListNotebookInstancesCommand).resolves({ NotebookInstances: [] });
    sm.on(ListTrainingJobsCommand).resolves({ TrainingJobSummaries: [] });
    sm.on(ListProcessingJobsCommand).resolves({ ProcessingJobSummaries: [] });
    sm.on(ListTransformJobsCommand).resolves({ TransformJobSummaries: [] });
    sm.on(ListDomainsCommand).resolves({ Domains: [] });
    sm.on(ListClustersCommand).resolves({ ClusterSummaries: [] });
    sm.on(ListInferenceComponentsCommand).resolves({ InferenceComponents: [{ InferenceComponentName: 'llama', InferenceComponentArn: 'arn:ic/llama', EndpointName: 'b', EndpointArn: 'arn:e/b', VariantName: 'v', InferenceComponentStatus: 'InService', CreationTime: t0, LastModifiedTime: t0 }] });
    sm.on(DescribeInferenceComponentCommand).resolves({ InferenceComponentName: 'llama', InferenceComponentArn: 'arn:ic/llama', EndpointName: 'b', EndpointArn: 'arn:e/b', VariantName: 'v', InferenceComponentStatus: 'InService', CreationTime: t0, LastModifiedTime: t0, RuntimeConfig: { CurrentCopyCount: 1 } });
    // q0: a/v, q1: b/v (no variant series for the component host), q2: the component.
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: [{ Id: 'q0', Values: [] }, { Id: 'q2', Values: [3, 4] }] });
    const clients = { region: 'us-east-1', sageMaker: client, cloudWatch: new CloudWatchClient({ region: 'us-east-1', maxAttempts: 1, credentials: creds }), sts: new STSClient({ region: 'us-east-1', credentials: creds }) };
    const now = new Date('2026-11-24T12:00:00Z');
    const snapshot = await loadRegion(clients, 24, now);
    assert.deepEqual(snapshot.invocations.map((v) => [v.endpointName, v.invocations]), [['a', 0], ['b', 7]]);
    assert.deepEqual(Array.isArray(snapshot.inferenceComponents) && snapshot.inferenceComponents.map((c) => [c.name, c.invocations]), [['llama', 7]]);
    const calls = cw.commandCalls(GetMetricDataCommand);
    assert.equal(calls.length, 1);
    assert.deepEqual(calls[0].args[0].input.MetricDataQueries?.map((q) => q.MetricStat?.Metric?.Dimensions?.map((d) => `${d.Name}=${d.Value}`).join(',')), ['EndpointName=a,VariantName=v', 'EndpointName=b,VariantName=v', 'InferenceComponentName=llama']);
    const endpoints = regionItem(snapshot, { idleHours: 24, now }).children?.[0].children ?? [];
    assert.deepEqual(endpoints.map((e) => [e.label, e.idle ?? 'active']), [['a', '0 invocations in the last 24 h'], ['b', 'active']]);
  });

  it('asks for inference components only when an endpoint variant names no model', async () => {
    mockEndpoints(t0);
    sm.on(ListNotebookInstancesCommand).resolves({ NotebookInstances: [] });
    sm.on(ListTrainingJobsCommand).resolves({ TrainingJobSummaries: [] });
    sm.on(ListProcessingJobsCommand).resolves({ ProcessingJobSummaries: [] });
    sm.on(ListTransformJobsCommand).resolves({ TransformJobSummaries: [] });
    sm.on(ListDomainsCommand).resolves({ Domains: [] });
    sm.on(ListClustersCommand).resolves({ ClusterSummaries: [] });
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
    const clients = { region: 'us-east-1', sageMaker: client, cloudWatch: new CloudWatchClient({ region: 'us-east-1', maxAttempts: 1, credentials: creds }), sts: new STSClient({ region: 'us-east-1', credentials: creds }) };
    const snapshot = await loadRegion(clients, 24);
    assert.deepEqual(snapshot.inferenceComponents, []);
    assert.equal(sm.commandCalls(ListInferenceComponentsCommand).length, 0);
  });
});
