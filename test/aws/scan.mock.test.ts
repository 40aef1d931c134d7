import * as assert from 'node:assert/strict';
import type { GetMetricDataCommandInput } from '@aws-sdk/client-cloudwatch';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import {
  DescribeAppCommand,
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
  DescribeClusterCommand,
  DescribeProcessingJobCommand,
  DescribeTransformJobCommand,
  ListEndpointConfigsCommand,
  ListEndpointsCommand,
  ListInferenceComponentsCommand,
  ListNotebookInstancesCommand,
  ListProcessingJobsCommand,
  ListSpacesCommand,
  ListTrainingJobsCommand,
  ListTrainingPlansCommand,
  ListTransformJobsCommand,
  ListUserProfilesCommand,
  SageMakerClient,
  SearchCommand,
} from '@aws-sdk/client-sagemaker';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import type { ProductionVariantSummary } from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { EndpointConfigCache } from '../../src/aws/cache';
import type { AwsError } from '../../src/aws/errors';
import { clientConfig } from '../../src/aws/clients';
import { runScan } from '../../src/aws/scan';
import { resolveAccounts } from '../../src/aws/scanAccounts';
import { runScanCommand } from '../../src/cli/scanCommand';
import { scanReport } from '../../src/present/scan';
import { useFakeCredentials } from '../kit/moto';

/**
 * What moto 5.2.1 cannot model, with aws-sdk-client-mock: the Organizations listing's pages and
 * member states, inference components (not implemented), endpoints on instance pools (moto rejects
 * a variant without InstanceType), jobs InProgress (moto completes them at once), warm pools (moto
 * ignores WarmPoolStatusEquals), Studio apps and DescribeApp, and training plans (not implemented).
 */

const now = new Date('2026-12-01T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
const caller = '100000000000';

function stsError(name: string): STSServiceException {
  return new STSServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: 403 }, message: `${name}: not authorized` });
}

describe('scan accounts of an organization (aws-sdk-client-mock)', () => {
  const mocks = () => ({ org: mockClient(OrganizationsClient), sts: mockClient(STSClient) });
  let m: ReturnType<typeof mocks>;
  let restoreEnv: () => void;
  beforeEach(() => {
    restoreEnv = useFakeCredentials();
    m = mocks();
    m.sts.on(GetCallerIdentityCommand).resolves({ Account: caller, Arn: `arn:aws:iam::${caller}:user/admin` });
  });
  afterEach(() => {
    m.org.restore();
    m.sts.restore();
    restoreEnv();
  });

  it('reads every page, keeps active members, assumes the role in each but the caller’s own, and keeps a refused one with its reason', async () => {
    m.org
      .on(ListAccountsCommand, { NextToken: undefined })
      .resolves({ Accounts: [{ Id: caller, Name: 'management', Status: 'ACTIVE' }, { Id: '200000000001', Name: 'alpha', Status: 'ACTIVE' }, { Id: '200000000002', Name: 'gone', Status: 'SUSPENDED', State: 'SUSPENDED' }], NextToken: 'page2' })
      .on(ListAccountsCommand, { NextToken: 'page2' })
      .resolves({ Accounts: [{ Id: '200000000003', Name: 'locked', State: 'ACTIVE' }, { Id: '200000000004', Name: 'closing', State: 'PENDING_CLOSURE', Status: 'ACTIVE' }, { Id: '200000000005', Name: 'beta', State: 'ACTIVE' }] });
    m.sts
      .on(AssumeRoleCommand)
      .resolves({ Credentials: { AccessKeyId: 'ASIA1', SecretAccessKey: 's', SessionToken: 't', Expiration: new Date(now.getTime() + 3600_000) } })
      .on(AssumeRoleCommand, { RoleArn: 'arn:aws:iam::200000000003:role/Scan' })
      .rejects(stsError('AccessDenied'));
    const targets = await resolveAccounts({ kind: 'org', roleName: 'Scan' }, { maxAttempts: 1 }, 'us-east-1');
    assert.deepEqual(
      targets.map((t) => [t.label, t.accountId, t.source]),
      [
        ['management', caller, 'credentials'],
        ['alpha', '200000000001', 'role'],
        ['locked', '200000000003', 'role'],
        ['beta', '200000000005', 'role'],
      ],
    );
    assert.equal(m.org.commandCalls(ListAccountsCommand).length, 2);
    // No role is assumed before its account's turn.
    assert.equal(m.sts.commandCalls(AssumeRoleCommand).length, 0);
    const connected = await Promise.all(targets.map((t) => t.connect().then((c) => c.credentials ?? 'caller', (err: unknown) => (err as AwsError).reason)));
    assert.deepEqual(connected, ['caller', { accessKeyId: 'ASIA1', secretAccessKey: 's', sessionToken: 't', expiration: new Date(now.getTime() + 3600_000) }, 'accessDenied', { accessKeyId: 'ASIA1', secretAccessKey: 's', sessionToken: 't', expiration: new Date(now.getTime() + 3600_000) }]);
    assert.deepEqual(m.sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input.RoleArn).sort(), ['arn:aws:iam::200000000001:role/Scan', 'arn:aws:iam::200000000003:role/Scan', 'arn:aws:iam::200000000005:role/Scan']);
    await assert.rejects(targets[2].connect(), /^AwsError: AssumeRole arn:aws:iam::200000000003:role\/Scan failed: AccessDenied/);
  });

  it('the CLI stops with one line and exit 2 when the organization cannot be listed', async () => {
    m.org.on(ListAccountsCommand).rejects(Object.assign(new Error('Your account is not a member of an organization.'), { name: 'AWSOrganizationsNotInUseException' }));
    let stderr = '';
    let stdout = '';
    const code = await runScanCommand(['--org', '--role-name', 'Scan', '--regions', 'us-east-1'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: process.cwd() }, { connection: { maxAttempts: 1 }, stderrIsTTY: false });
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, 'greenml scan: ListAccounts failed: AWSOrganizationsNotInUseException: Your account is not a member of an organization.\n');
  });
});

describe('scan of one region with what moto lacks (aws-sdk-client-mock)', () => {
  const mocks = () => ({ sm: mockClient(SageMakerClient), cw: mockClient(CloudWatchClient), sts: mockClient(STSClient) });
  let m: ReturnType<typeof mocks>;
  let restoreEnv: () => void;
  const arn = (kind: string, name: string) => `arn:aws:sagemaker:us-east-1:${caller}:${kind}/${name}`;

  beforeEach(() => {
    restoreEnv = useFakeCredentials();
    m = mocks();
    m.sts.on(GetCallerIdentityCommand).resolves({ Account: caller, Arn: `arn:aws:iam::${caller}:user/admin` });
    const endpoint = (name: string, variants: ProductionVariantSummary[]) => ({ EndpointName: name, EndpointArn: arn('endpoint', name), EndpointStatus: 'InService' as const, CreationTime: hoursAgo(100), LastModifiedTime: hoursAgo(100), EndpointConfigName: `${name}-config`, ProductionVariants: variants });
    m.sm.on(ListEndpointsCommand).resolves({ Endpoints: ['ic-idle', 'ic-busy', 'pooled'].map((n) => ({ EndpointName: n, EndpointArn: arn('endpoint', n), EndpointStatus: 'InService', CreationTime: hoursAgo(100), LastModifiedTime: hoursAgo(100) })) });
    m.sm.on(SearchCommand).resolves({ Results: [] });
    m.sm.on(DescribeEndpointCommand, { EndpointName: 'ic-idle' }).resolves(endpoint('ic-idle', [{ VariantName: 'AllTraffic', CurrentInstanceCount: 1 }]));
    m.sm.on(DescribeEndpointCommand, { EndpointName: 'ic-busy' }).resolves(endpoint('ic-busy', [{ VariantName: 'AllTraffic', CurrentInstanceCount: 1 }]));
    m.sm.on(DescribeEndpointCommand, { EndpointName: 'pooled' }).resolves(endpoint('pooled', [{ VariantName: 'AllTraffic', CurrentInstanceCount: 2, InstancePools: [{ InstanceType: 'ml.g5.xlarge', CurrentInstanceCount: 2 }, { InstanceType: 'ml.g6.xlarge', CurrentInstanceCount: 0 }] }]));
    // Component hosts: a variant with an instance type and no model.
    m.sm.on(DescribeEndpointConfigCommand, { EndpointConfigName: 'ic-idle-config' }).resolves({ EndpointConfigName: 'ic-idle-config', CreationTime: hoursAgo(100), ProductionVariants: [{ VariantName: 'AllTraffic', InstanceType: 'ml.g5.xlarge', InitialInstanceCount: 1 }] });
    m.sm.on(DescribeEndpointConfigCommand, { EndpointConfigName: 'ic-busy-config' }).resolves({ EndpointConfigName: 'ic-busy-config', CreationTime: hoursAgo(100), ProductionVariants: [{ VariantName: 'AllTraffic', InstanceType: 'ml.g5.xlarge', InitialInstanceCount: 1 }] });
    m.sm.on(DescribeEndpointConfigCommand, { EndpointConfigName: 'pooled-config' }).resolves({
      EndpointConfigName: 'pooled-config',
      CreationTime: hoursAgo(100),
      ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm', InitialInstanceCount: 2, InstancePools: [{ InstanceType: 'ml.g6.xlarge', Priority: 2 }, { InstanceType: 'ml.g5.xlarge', Priority: 1 }] }],
    });
    m.sm.on(ListInferenceComponentsCommand).resolves({
      InferenceComponents: [
        { InferenceComponentName: 'ic-a', EndpointName: 'ic-idle', VariantName: 'AllTraffic', InferenceComponentStatus: 'InService', InferenceComponentArn: 'a', EndpointArn: 'x', CreationTime: hoursAgo(100), LastModifiedTime: hoursAgo(100) },
        { InferenceComponentName: 'ic-b', EndpointName: 'ic-idle', VariantName: 'AllTraffic', InferenceComponentStatus: 'InService', InferenceComponentArn: 'b', EndpointArn: 'x', CreationTime: hoursAgo(100), LastModifiedTime: hoursAgo(100) },
        { InferenceComponentName: 'ic-c', EndpointName: 'ic-busy', VariantName: 'AllTraffic', InferenceComponentStatus: 'InService', InferenceComponentArn: 'c', EndpointArn: 'y', CreationTime: hoursAgo(100), LastModifiedTime: hoursAgo(100) },
      ],
    });
    for (const [name, endpointName] of [['ic-a', 'ic-idle'], ['ic-b', 'ic-idle'], ['ic-c', 'ic-busy']]) {
      m.sm.on(DescribeInferenceComponentCommand, { InferenceComponentName: name }).resolves({ InferenceComponentName: name, EndpointName: endpointName, VariantName: 'AllTraffic', InferenceComponentStatus: 'InService', RuntimeConfig: { CurrentCopyCount: 1, DesiredCopyCount: 1 } } as never);
    }
    m.sm.on(ListNotebookInstancesCommand).resolves({ NotebookInstances: [] });
    m.sm.on(ListTrainingJobsCommand, { StatusEquals: 'InProgress' }).resolves({ TrainingJobSummaries: [{ TrainingJobName: 'long', TrainingJobArn: arn('training-job', 'long'), TrainingJobStatus: 'InProgress', CreationTime: hoursAgo(80) }] });
    m.sm.on(ListTrainingJobsCommand, { WarmPoolStatusEquals: 'Available' }).resolves({ TrainingJobSummaries: [{ TrainingJobName: 'warm', TrainingJobArn: arn('training-job', 'warm'), TrainingJobStatus: 'Completed', CreationTime: hoursAgo(3), WarmPoolStatus: { Status: 'Available' } }] });
    m.sm.on(DescribeTrainingJobCommand, { TrainingJobName: 'long' }).resolves({ TrainingJobName: 'long', TrainingJobArn: arn('training-job', 'long'), TrainingJobStatus: 'InProgress', CreationTime: hoursAgo(80), ResourceConfig: { InstanceType: 'ml.p3.2xlarge', InstanceCount: 2, VolumeSizeInGB: 30 } } as never);
    m.sm.on(DescribeTrainingJobCommand, { TrainingJobName: 'warm' }).resolves({ TrainingJobName: 'warm', TrainingJobArn: arn('training-job', 'warm'), TrainingJobStatus: 'Completed', TrainingEndTime: hoursAgo(0.5), ResourceConfig: { InstanceType: 'ml.g5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30, KeepAlivePeriodInSeconds: 3600 }, WarmPoolStatus: { Status: 'Available' } } as never);
    // Short-running processing and transform jobs: described, not reported.
    m.sm.on(ListProcessingJobsCommand).resolves({ ProcessingJobSummaries: [{ ProcessingJobName: 'prep', ProcessingJobArn: arn('processing-job', 'prep'), ProcessingJobStatus: 'InProgress', CreationTime: hoursAgo(1) }] });
    m.sm.on(DescribeProcessingJobCommand).resolves({ ProcessingJobName: 'prep', ProcessingJobStatus: 'InProgress', CreationTime: hoursAgo(1), ProcessingResources: { ClusterConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 30 } } } as never);
    m.sm.on(ListTransformJobsCommand).resolves({ TransformJobSummaries: [{ TransformJobName: 'batch', TransformJobArn: arn('transform-job', 'batch'), TransformJobStatus: 'InProgress', CreationTime: hoursAgo(1) }] });
    m.sm.on(DescribeTransformJobCommand).resolves({ TransformJobName: 'batch', TransformJobStatus: 'InProgress', CreationTime: hoursAgo(1), TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1 } } as never);
    m.sm.on(ListClustersCommand).resolves({ ClusterSummaries: [{ ClusterName: 'hp', ClusterArn: arn('cluster', 'hp'), ClusterStatus: 'InService', CreationTime: hoursAgo(10) }] });
    m.sm.on(DescribeClusterCommand).resolves({ ClusterName: 'hp', ClusterArn: arn('cluster', 'hp'), ClusterStatus: 'InService', InstanceGroups: [{ InstanceGroupName: 'workers', InstanceType: 'ml.g5.xlarge', CurrentCount: 1, TargetCount: 1 }] } as never);
    m.sm.on(ListEndpointConfigsCommand).resolves({ EndpointConfigs: ['ic-idle', 'ic-busy', 'pooled'].map((n) => ({ EndpointConfigName: `${n}-config`, EndpointConfigArn: 'x', CreationTime: hoursAgo(100) })) });
    m.sm.on(ListDomainsCommand).resolves({ Domains: [{ DomainId: 'd-1', DomainName: 'research', DomainArn: `arn:aws:sagemaker:us-east-1:${caller}:domain/d-1`, Status: 'InService' }] });
    m.sm.on(DescribeDomainCommand).resolves({ DomainId: 'd-1', DomainName: 'research', DomainArn: `arn:aws:sagemaker:us-east-1:${caller}:domain/d-1`, Status: 'InService', DefaultUserSettings: {} });
    m.sm.on(ListUserProfilesCommand).resolves({ UserProfiles: [{ DomainId: 'd-1', UserProfileName: 'ana', Status: 'InService' }] });
    m.sm.on(ListSpacesCommand).resolves({ Spaces: [{ DomainId: 'd-1', SpaceName: 'lab', Status: 'InService', OwnershipSettingsSummary: { OwnerUserProfileName: 'ana' } }] });
    m.sm.on(DescribeSpaceCommand).resolves({ DomainId: 'd-1', SpaceName: 'lab', SpaceSettings: {} });
    m.sm.on(DescribeUserProfileCommand).resolves({ DomainId: 'd-1', UserProfileName: 'ana', Status: 'InService', UserSettings: {} });
    m.sm.on(ListAppsCommand).resolves({
      Apps: [
        { DomainId: 'd-1', SpaceName: 'lab', AppType: 'JupyterLab', AppName: 'default', Status: 'InService', CreationTime: hoursAgo(60), ResourceSpec: { InstanceType: 'ml.g5.xlarge' } },
        { DomainId: 'd-1', UserProfileName: 'ana', AppType: 'Canvas', AppName: 'default', Status: 'InService', CreationTime: hoursAgo(5), ResourceSpec: { InstanceType: 'ml.m5.large' } },
      ],
    });
    m.sm.on(DescribeAppCommand, { AppType: 'JupyterLab' }).resolves({ LastUserActivityTimestamp: hoursAgo(40), LastHealthCheckTimestamp: hoursAgo(0.1) });
    m.sm.on(DescribeAppCommand, { AppType: 'Canvas' }).resolves({ LastUserActivityTimestamp: hoursAgo(0.1), LastHealthCheckTimestamp: hoursAgo(0.1) });
    m.sm.on(ListTrainingPlansCommand).resolves({
      TrainingPlanSummaries: [
        { TrainingPlanArn: arn('training-plan', 'p1'), TrainingPlanName: 'p1', Status: 'Active', DurationHours: 48, UpfrontFee: '960', CurrencyCode: 'USD', TotalInstanceCount: 4, AvailableInstanceCount: 1, InUseInstanceCount: 3, EndTime: new Date(now.getTime() + 24 * 3600_000), ReservedCapacitySummaries: [{ ReservedCapacityArn: 'r', InstanceType: 'ml.p5.48xlarge', TotalInstanceCount: 4, Status: 'Active' }] },
        { TrainingPlanArn: arn('training-plan', 'full'), TrainingPlanName: 'full', Status: 'Active', TotalInstanceCount: 2, AvailableInstanceCount: 0, InUseInstanceCount: 2 },
      ],
    });
    // Invocations by query: only the component ic-c and the pooled endpoint served requests.
    m.cw.on(GetMetricDataCommand).callsFake((input: GetMetricDataCommandInput) => ({
      MetricDataResults: (input.MetricDataQueries ?? []).flatMap((q) => {
        const dims = q.MetricStat?.Metric?.Dimensions ?? [];
        const busy = dims.some((d) => (d.Name === 'InferenceComponentName' && d.Value === 'ic-c') || (d.Name === 'EndpointName' && d.Value === 'pooled'));
        return busy ? [{ Id: q.Id, Values: [4, 5] }] : []; // no datapoints at all for the others
      }),
    }));
  });

  afterEach(() => {
    m.sm.restore();
    m.cw.restore();
    m.sts.restore();
    restoreEnv();
  });

  async function scan(options: { configs?: EndpointConfigCache } = {}) {
    const snapshot = await runScan({ accounts: { kind: 'current' }, regions: ['us-east-1'], idleHours: 24, now, connection: { maxAttempts: 1 }, configs: options.configs });
    return scanReport(snapshot, { idleHours: 24, longRunningHours: 24, now, regions: ['us-east-1'] }).accounts[0].regions[0];
  }

  it('sums invocations over every inference component by InferenceComponentName, in one GetMetricData call with the variants', async () => {
    const region = await scan();
    const endpoints = region.findings.filter((f) => f.kind === 'endpoint');
    assert.deepEqual(endpoints.map((f) => [f.name, f.idle]), [['ic-idle', true], ['pooled', false]]);
    assert.match(endpoints[0].reasons[0], /^0 invocations in the last 24 h \(over every variant and its 2 inference components\)$/);
    assert.equal(m.cw.commandCalls(GetMetricDataCommand).length, 1);
    const queries = m.cw.commandCalls(GetMetricDataCommand)[0].args[0].input.MetricDataQueries ?? [];
    const components = queries.flatMap((q) => q.MetricStat?.Metric?.Dimensions ?? []).filter((d) => d.Name === 'InferenceComponentName').map((d) => d.Value);
    assert.deepEqual(components.sort(), ['ic-a', 'ic-b', 'ic-c']);
  });

  it('prices an endpoint on instance pools from the pools’ current counts and names its priority-1 type', async () => {
    const pooled = (await scan()).findings.find((f) => f.name === 'pooled')!;
    assert.match(pooled.reasons[0], /^runs on instance pools: AllTraffic: priority-1 ml\.g5\.xlarge, pools ml\.g6\.xlarge, ml\.g5\.xlarge/);
    const g5 = (await scan()).findings.find((f) => f.kind === 'warm-pool')!.usdPerHour!; // one ml.g5.xlarge
    assert.ok(Math.abs((pooled.usdPerHour ?? 0) - 2 * g5) < 1e-6, `${pooled.usdPerHour} vs 2 × ${g5}`);
  });

  it('reports a job running past --long-running-hours, a warm pool, Studio apps by their activity, a Canvas app and an unused training plan', async () => {
    const region = await scan();
    assert.deepEqual(
      region.findings.filter((f) => f.kind !== 'endpoint').map((f) => [f.kind, f.name, f.idle]),
      [
        ['studio-app', 'lab/default', true],
        ['canvas-app', 'ana/default', true],
        ['job', 'long', false],
        ['warm-pool', 'warm', true],
        ['hyperpod-cluster', 'hp', false],
        ['training-plan', 'p1', false],
      ],
    );
    assert.match(region.findings.find((f) => f.kind === 'studio-app')!.reasons[0], /^no user activity for 40 h/);
    assert.equal(region.findings.find((f) => f.kind === 'training-plan')!.usdPerHour, 5); // 960 / 48 h × 1 of 4
    assert.equal(m.sm.commandCalls(DescribeAppCommand).length, 2);
    assert.deepEqual(region.warnings, []);
  });

  it('a failing group becomes a warning of its region; the rest of the region is still reported', async () => {
    m.sm.on(ListTrainingPlansCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    const region = await scan();
    assert.deepEqual(region.warnings, ['Training plans: ListTrainingPlans failed: AccessDeniedException: denied']);
    assert.ok(region.findings.some((f) => f.name === 'ic-idle'));
  });

  it('the IAM policy of examples/scan and docs/scan.md lists exactly the actions a scan makes (a first and a repeated scan)', async () => {
    // The mocks answer every call a region can make; a repeated scan checks its cached configs.
    const configs = new EndpointConfigCache();
    await scan({ configs });
    await scan({ configs });
    const names = (service: string, calls: { args: unknown[] }[]) => calls.map((c) => `${service}:${(c.args[0] as object).constructor.name.replace(/Command$/, '')}`);
    // GetCallerIdentity needs no permission (it is always allowed); the mocks replace `send`, so they record the calls.
    const made = new Set([...names('sagemaker', m.sm.calls()), ...names('cloudwatch', m.cw.calls())]);
    const root = path.resolve(__dirname, '..', '..', '..');
    const policy = JSON.parse(fs.readFileSync(path.join(root, 'examples', 'scan', 'scan-policy.json'), 'utf8')) as { Statement: { Action: string[] }[] };
    const actions = policy.Statement.flatMap((st) => st.Action);
    assert.deepEqual([...made].sort(), [...actions].sort());
    const template = YAML.parse(fs.readFileSync(path.join(root, 'examples', 'scan', 'scan-role-stackset.yaml'), 'utf8')) as { Resources: { ScanRole: { Properties: { Policies: { PolicyDocument: { Statement: { Action: string[] }[] } }[] } } } };
    assert.deepEqual(template.Resources.ScanRole.Properties.Policies[0].PolicyDocument.Statement[0].Action, actions);
    const doc = fs.readFileSync(path.join(root, 'docs', 'scan.md'), 'utf8');
    for (const action of actions) assert.ok(doc.includes(`"${action}"`), `docs/scan.md misses ${action}`);
  });

  it('its clients retry in standard mode (backoff with jitter, no client-side rate limiting) and take the assumed credentials', () => {
    const credentials = { accessKeyId: 'ASIA1', secretAccessKey: 's', sessionToken: 't' };
    const config = clientConfig({ region: 'us-east-1', credentials });
    assert.equal(config.retryMode, 'standard');
    assert.equal(config.credentials, credentials);
  });
});
