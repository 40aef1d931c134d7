import * as assert from 'node:assert/strict';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeTrainingJobCommand,
  DescribeTransformJobCommand,
  ListEndpointsCommand,
  ListNotebookInstancesCommand,
  ListProcessingJobsCommand,
  ListTrainingJobsCommand,
  ListTransformJobsCommand,
  SageMakerClient,
  SageMakerServiceException,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { EndpointMetrics } from '../../src/aws/cloudWatch';
import { AwsError } from '../../src/aws/errors';
import { SageMakerResources } from '../../src/aws/sagemaker';

function serviceError(name: string, status: number, message = name): SageMakerServiceException {
  return new SageMakerServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message });
}

describe('aws wrappers with aws-sdk-client-mock', () => {
  // mockClient patches every instance's `send` until restored, so it must not outlive this suite.
  const mocks = () => ({ sm: mockClient(SageMakerClient), cw: mockClient(CloudWatchClient) });
  let sm: ReturnType<typeof mocks>['sm'];
  let cw: ReturnType<typeof mocks>['cw'];
  const client = new SageMakerClient({ region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  const cwClient = new CloudWatchClient({ region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });

  beforeEach(() => {
    ({ sm, cw } = mocks());
  });

  afterEach(() => {
    sm.restore();
    cw.restore();
  });

  it('follows NextToken through every page of ListEndpoints', async () => {
    sm.on(ListEndpointsCommand)
      .resolvesOnce({ Endpoints: [{ EndpointName: 'a', EndpointArn: 'arn:a', CreationTime: new Date(), LastModifiedTime: new Date(), EndpointStatus: 'InService' }], NextToken: 'page2' })
      .resolvesOnce({ Endpoints: [{ EndpointName: 'b', EndpointArn: 'arn:b', CreationTime: new Date(), LastModifiedTime: new Date(), EndpointStatus: 'Updating' }] });
    sm.on(DescribeEndpointCommand).callsFake((input: { EndpointName: string }) => ({
      EndpointName: input.EndpointName,
      EndpointArn: `arn:${input.EndpointName}`,
      EndpointStatus: input.EndpointName === 'a' ? 'InService' : 'Updating',
      EndpointConfigName: `${input.EndpointName}-config`,
      ProductionVariants: [{ VariantName: 'v1', CurrentInstanceCount: 3 }],
    }));
    sm.on(DescribeEndpointConfigCommand).resolves({ ProductionVariants: [{ VariantName: 'v1', InstanceType: 'ml.g5.xlarge' }], AsyncInferenceConfig: { OutputConfig: { S3OutputPath: 's3://b/o' } } });
    const endpoints = await new SageMakerResources(client).listEndpoints();
    assert.deepEqual(endpoints.map((e) => [e.name, e.status, e.async, e.variants[0].instanceType, e.variants[0].instanceCount]), [
      ['a', 'InService', true, 'ml.g5.xlarge', 3],
      ['b', 'Updating', true, 'ml.g5.xlarge', 3],
    ]);
    assert.equal(sm.commandCalls(ListEndpointsCommand)[1].args[0].input.NextToken, 'page2');
  });

  it('lists running training, processing and transform jobs with their instances', async () => {
    sm.on(ListTrainingJobsCommand).resolves({ TrainingJobSummaries: [{ TrainingJobName: 't', TrainingJobArn: 'arn:t', CreationTime: new Date(), TrainingJobStatus: 'InProgress' }] });
    sm.on(ListProcessingJobsCommand).resolves({ ProcessingJobSummaries: [] });
    sm.on(ListTransformJobsCommand).resolves({ TransformJobSummaries: [{ TransformJobName: 'x', TransformJobArn: 'arn:x', CreationTime: new Date(), TransformJobStatus: 'InProgress' }] });
    sm.on(DescribeTrainingJobCommand).resolves({ TrainingJobArn: 'arn:t', TrainingJobStatus: 'InProgress', ResourceConfig: { InstanceType: 'ml.p4d.24xlarge', InstanceCount: 2, VolumeSizeInGB: 50 } });
    sm.on(DescribeTransformJobCommand).resolves({ TransformJobArn: 'arn:x', TransformJobStatus: 'InProgress', TransformResources: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1 } });
    const jobs = await new SageMakerResources(client).listRunningJobs();
    assert.deepEqual(jobs.map((j) => [j.kind, j.name, j.instanceType, j.instanceCount]), [
      ['training', 't', 'ml.p4d.24xlarge', 2],
      ['transform', 'x', 'ml.m5.xlarge', 1],
    ]);
    assert.equal(sm.commandCalls(ListTrainingJobsCommand)[0].args[0].input.StatusEquals, 'InProgress');
  });

  it('classifies access denied, throttling and expired tokens', async () => {
    for (const [name, reason] of [
      ['AccessDeniedException', 'accessDenied'],
      ['ThrottlingException', 'throttled'],
      ['ExpiredTokenException', 'expired'],
    ] as const) {
      sm.on(ListNotebookInstancesCommand).rejects(serviceError(name, 400));
      await assert.rejects(new SageMakerResources(client).listNotebookInstances(), (err) => {
        assert.ok(err instanceof AwsError && AwsError.is(err, reason), `${name} → ${String(err)}`);
        assert.match(err.message, new RegExp(`^ListNotebookInstances failed: ${name}`));
        return true;
      });
      sm.reset();
    }
  });

  it('sends one GetMetricData call for all variants and adds up the buckets', async () => {
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: [{ Id: 'q0', Values: [3, 4] }, { Id: 'q1', Values: [] }] });
    const totals = await new EndpointMetrics(cwClient).invocations([{ endpointName: 'a', variantName: 'v' }, { endpointName: 'b', variantName: 'v' }, { endpointName: 'c', variantName: 'v' }], 24, new Date('2026-11-24T12:00:00Z'));
    assert.deepEqual(totals.map((t) => t.invocations), [7, 0, 0]);
    const calls = cw.commandCalls(GetMetricDataCommand);
    assert.equal(calls.length, 1);
    const input = calls[0].args[0].input;
    assert.equal(input.MetricDataQueries?.length, 3);
    assert.equal(input.MetricDataQueries?.[0].MetricStat?.Period, 86400);
    assert.deepEqual(input.StartTime, new Date('2026-11-23T12:00:00Z'));
  });
});

describe('aws wrappers without credentials', () => {
  it('report noCredentials before any request', async () => {
    const noCreds = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    // Port 9 (discard): the call must fail on credentials before it would ever connect.
    const client = new SageMakerClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9', maxAttempts: 1, credentials: () => Promise.reject(noCreds) });
    try {
      await assert.rejects(new SageMakerResources(client).listEndpoints(), (err) => AwsError.is(err, 'noCredentials'));
    } finally {
      client.destroy();
    }
  });
});
