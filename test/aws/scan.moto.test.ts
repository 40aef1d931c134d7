import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { CreateAccountCommand, CreateOrganizationCommand, ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { CreateClusterCommand, CreateEndpointCommand, CreateEndpointConfigCommand, CreateModelCommand, CreateNotebookInstanceCommand, ListEndpointsCommand } from '@aws-sdk/client-sagemaker';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { RegionClients, StaticCredentials } from '../../src/aws/clients';
import { createClients, destroyClients } from '../../src/aws/clients';
import { runScan } from '../../src/aws/scan';
import type { ScanSnapshot } from '../../src/aws/scan';
import { runScanCommand } from '../../src/cli/scanCommand';
import type { ScanReport } from '../../src/present/scan';
import { scanReport } from '../../src/present/scan';
import { startMoto, useFakeCredentials } from '../kit/moto';
import type { MotoServer } from '../kit/moto';

/**
 * `greenml scan --org` against moto over HTTP: an organization with four member accounts (one
 * whose role cannot be assumed), roles assumed into them, two regions.
 *
 * moto 5.2.1 maps credentials from AssumeRole to the account of the role's ARN (moto/sts/models.py
 * `assume_role`: "The ARN can point to another account, providing an opportunity to switch
 * accounts"), and keeps each account's resources apart: the first test checks that. It assumes any
 * role, existing or not, so the account whose role cannot be assumed is made by a loopback proxy in
 * front of moto that answers that one AssumeRole with AccessDenied, as STS would.
 *
 * moto creates endpoints "now", so the scan runs 25 h later (`now`) to pass the idle window, and
 * the busy endpoints' datapoints are stamped inside that later window (moto accepts any timestamp).
 */

const region1 = 'us-east-1';
const region2 = 'eu-west-1';
const roleName = 'GreenMLScan';
const later = new Date(Date.now() + 25 * 3600_000);
const inWindow = new Date(later.getTime() - 10 * 60_000);
const modelRole = 'arn:aws:iam::123456789012:role/sagemaker';

/** A proxy to moto that refuses AssumeRole into `deniedAccount` (query protocol, as the STS client speaks it). */
async function denyingProxy(moto: string, deniedAccount: () => string): Promise<{ endpoint: string; close(): void }> {
  const target = new URL(moto);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const text = body.toString('utf8');
      if (text.includes('Action=AssumeRole') && decodeURIComponent(text).includes(`iam::${deniedAccount()}:role/`)) {
        res.writeHead(403, { 'content-type': 'text/xml' });
        res.end(`<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${deniedAccount()}:role/${roleName}</Message></Error><RequestId>proxy</RequestId></ErrorResponse>`);
        return;
      }
      const forward = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 500, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', (err) => {
        res.writeHead(502);
        res.end(String(err));
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

async function seedEndpoint(c: RegionClients, name: string, variants: { name: string; type: string; invocations?: number }[]): Promise<void> {
  await c.sageMaker.send(new CreateModelCommand({ ModelName: `${name}-model`, ExecutionRoleArn: modelRole, PrimaryContainer: { Image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1' } }));
  await c.sageMaker.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: `${name}-config`,
      ProductionVariants: variants.map((v) => ({ VariantName: v.name, ModelName: `${name}-model`, InstanceType: v.type as 'ml.m5.large', InitialInstanceCount: 1 })),
    }),
  );
  await c.sageMaker.send(new CreateEndpointCommand({ EndpointName: name, EndpointConfigName: `${name}-config` }));
  const busy = variants.filter((v) => v.invocations !== undefined);
  if (busy.length === 0) return;
  await c.cloudWatch.send(
    new PutMetricDataCommand({
      Namespace: 'AWS/SageMaker',
      MetricData: busy.map((v) => ({ MetricName: 'Invocations', Dimensions: [{ Name: 'EndpointName', Value: name }, { Name: 'VariantName', Value: v.name }], Value: v.invocations, Timestamp: inWindow })),
    }),
  );
}

describe('greenml scan against moto: an organization, assumed roles, two regions', function () {
  this.timeout(120000);
  let moto: MotoServer;
  let proxy: { endpoint: string; close(): void };
  let restoreEnv: () => void;
  const ids: Record<string, string> = {};
  const opened: RegionClients[] = [];
  let snapshot: ScanSnapshot;
  let report: ScanReport;
  const calls: string[] = [];

  const clientsFor = (region: string, credentials?: StaticCredentials) => {
    const c = createClients({ region, endpoint: moto.endpoint, maxAttempts: 1, ...(credentials ? { credentials } : {}) });
    opened.push(c);
    return c;
  };
  const assume = async (account: string): Promise<StaticCredentials> => {
    const sts = new STSClient({ region: region1, endpoint: moto.endpoint, maxAttempts: 1 });
    try {
      const out = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/${roleName}`, RoleSessionName: 'seed' }));
      const c = out.Credentials!;
      return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken };
    } finally {
      sts.destroy();
    }
  };

  before(async () => {
    restoreEnv = useFakeCredentials();
    moto = await startMoto();
    proxy = await denyingProxy(moto.endpoint, () => ids.locked);
    const org = new OrganizationsClient({ region: region1, endpoint: moto.endpoint, maxAttempts: 1 });
    try {
      await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
      for (const name of ['alpha', 'beta', 'gamma', 'locked']) {
        const out = await org.send(new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }));
        ids[name] = out.CreateAccountStatus?.AccountId ?? '';
      }
      assert.equal((await org.send(new ListAccountsCommand({}))).Accounts?.length, 5);
    } finally {
      org.destroy();
    }
    const alpha = await assume(ids.alpha);
    const beta = await assume(ids.beta);
    const gamma = await assume(ids.gamma);
    // alpha: an idle and a busy endpoint and a notebook without lifecycle config in region 1; in region 2 an endpoint busy on one of two variants.
    await seedEndpoint(clientsFor(region1, alpha), 'idle-ep', [{ name: 'AllTraffic', type: 'ml.m5.large' }]);
    await seedEndpoint(clientsFor(region1, alpha), 'busy-ep', [{ name: 'AllTraffic', type: 'ml.m5.large', invocations: 7 }]);
    await clientsFor(region1, alpha).sageMaker.send(new CreateNotebookInstanceCommand({ NotebookInstanceName: 'nb-no-lcc', InstanceType: 'ml.t3.medium', RoleArn: modelRole }));
    await seedEndpoint(clientsFor(region2, alpha), 'two-variants', [
      { name: 'a', type: 'ml.m5.large' },
      { name: 'b', type: 'ml.m5.large', invocations: 3 },
    ]);
    // beta: a HyperPod cluster in region 1, an idle endpoint in region 2.
    await clientsFor(region1, beta).sageMaker.send(
      new CreateClusterCommand({
        ClusterName: 'hp',
        InstanceGroups: [{ InstanceGroupName: 'workers', InstanceType: 'ml.g5.xlarge', InstanceCount: 2, ThreadsPerCore: 1, ExecutionRole: modelRole, LifeCycleConfig: { SourceS3Uri: 's3://sagemaker-lcc/scripts', OnCreate: 'on_create.sh' } }],
      }),
    );
    await seedEndpoint(clientsFor(region2, beta), 'beta-idle', [{ name: 'AllTraffic', type: 'ml.c5.large' }]);
    // gamma: only a busy endpoint.
    await seedEndpoint(clientsFor(region2, gamma), 'gamma-busy', [{ name: 'AllTraffic', type: 'ml.m5.large', invocations: 1 }]);
    // The management account (the caller's own): an idle endpoint.
    await seedEndpoint(clientsFor(region1), 'mgmt-idle', [{ name: 'AllTraffic', type: 'ml.m5.large' }]);

    snapshot = await runScan({
      accounts: { kind: 'org', roleName },
      regions: [region1, region2],
      idleHours: 24,
      now: later,
      connection: { endpoint: proxy.endpoint, maxAttempts: 1, onCall: (service, op) => calls.push(`${service}.${op.replace(/Command$/, '')}`) },
      concurrency: 3,
    });
    report = scanReport(snapshot, { idleHours: 24, longRunningHours: 24, now: later, regions: [region1, region2] });
  });

  after(() => {
    opened.forEach(destroyClients);
    proxy?.close();
    moto?.stop();
    restoreEnv?.();
  });

  it('moto puts what assumed-role credentials create into the member account, apart from the others', async () => {
    const alpha = await assume(ids.alpha);
    const asAlpha = (await clientsFor(region1, alpha).sageMaker.send(new ListEndpointsCommand({}))).Endpoints ?? [];
    assert.deepEqual(asAlpha.map((e) => e.EndpointArn).sort(), [`arn:aws:sagemaker:${region1}:${ids.alpha}:endpoint/busy-ep`, `arn:aws:sagemaker:${region1}:${ids.alpha}:endpoint/idle-ep`]);
    const asCaller = (await clientsFor(region1).sageMaker.send(new ListEndpointsCommand({}))).Endpoints ?? [];
    assert.deepEqual(asCaller.map((e) => e.EndpointName), ['mgmt-idle']);
  });

  it('scans every active member through the role, and the caller’s own account with its own credentials', () => {
    const byLabel = Object.fromEntries(report.accounts.map((a) => [a.label, a]));
    assert.deepEqual(Object.keys(byLabel).sort(), ['alpha', 'beta', 'gamma', 'locked', 'master'].sort());
    assert.equal(byLabel.alpha.accountId, ids.alpha);
    assert.equal(byLabel.alpha.source, 'role');
    assert.equal(byLabel.alpha.roleArn, `arn:aws:iam::${ids.alpha}:role/${roleName}`);
    assert.equal(byLabel.master.accountId, '123456789012');
    assert.equal(byLabel.master.source, 'credentials');
    for (const label of ['alpha', 'beta', 'gamma', 'master']) assert.deepEqual(byLabel[label].regions.map((r) => [r.region, r.error]), [[region1, undefined], [region2, undefined]]);
  });

  it('reports the account whose role cannot be assumed, and still scans the others', () => {
    const locked = report.accounts.find((a) => a.label === 'locked')!;
    assert.equal(locked.accountId, ids.locked);
    assert.equal(locked.error?.reason, 'accessDenied');
    assert.match(locked.error?.message ?? '', /AssumeRole arn:aws:iam::\d{12}:role\/GreenMLScan failed: AccessDenied/);
    assert.deepEqual(locked.regions, []);
  });

  it('finds the idle endpoints and notebook of each account and region, and not the busy ones', () => {
    const found = report.accounts.flatMap((a) => a.regions.flatMap((r) => r.findings.map((f) => `${a.label}/${r.region}/${f.kind}/${f.name}/${f.idle ? 'idle' : 'review'}`))).sort();
    assert.deepEqual(found, [
      `alpha/${region1}/endpoint/idle-ep/idle`,
      `alpha/${region1}/notebook-instance/nb-no-lcc/idle`,
      `beta/${region1}/hyperpod-cluster/hp/review`,
      `beta/${region2}/endpoint/beta-idle/idle`,
      `master/${region1}/endpoint/mgmt-idle/idle`,
    ].sort());
    const idleEp = report.accounts.find((a) => a.label === 'alpha')!.regions[0].findings.find((f) => f.name === 'idle-ep')!;
    assert.equal(idleEp.arn, `arn:aws:sagemaker:${region1}:${ids.alpha}:endpoint/idle-ep`);
    assert.ok(idleEp.usdPerHour !== null && idleEp.usdPerHour > 0);
    assert.equal(idleEp.usdPerMonth, Math.round(idleEp.usdPerHour * 730 * 1e6) / 1e6);
    const cluster = report.accounts.find((a) => a.label === 'beta')!.regions[0].findings[0];
    assert.equal(cluster.capacity, '2 nodes: ml.g5.xlarge × 2');
  });

  it('makes one GetMetricData call per account-region with endpoints, whatever their number', () => {
    // Endpoints in: alpha both regions, beta region 2, gamma region 2, master region 1.
    assert.equal(calls.filter((c) => c === 'CloudWatch.GetMetricData').length, 5);
    assert.equal(calls.filter((c) => c === 'Organizations.ListAccounts').length, 1);
    assert.equal(calls.filter((c) => c === 'STS.AssumeRole').length, 4);
  });

  it('shows what moto cannot answer as a warning of its region, not a failure', () => {
    const region = report.accounts.find((a) => a.label === 'gamma')!.regions[0];
    assert.equal(region.error, undefined);
    assert.ok(region.warnings.some((w) => w.startsWith('Training plans: ListTrainingPlans failed')), region.warnings.join('\n'));
  });

  it('runs end to end through the CLI: JSON on stdout, exit 1 above --fail-on-idle-usd, the plan file', async () => {
    let stdout = '';
    let stderr = '';
    const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), cwd: process.cwd() };
    const planFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-scan-')), 'plan.sh');
    const code = await runScanCommand(['--org', '--role-name', roleName, '--regions', `${region1},${region2}`, '--format', 'json', '--fail-on-idle-usd', '1', '--plan', planFile, '--no-cache'], io, {
      connection: { endpoint: proxy.endpoint, maxAttempts: 1 },
      now: later,
      stderrIsTTY: false,
    });
    assert.equal(stderr, '');
    assert.equal(code, 1);
    const json = JSON.parse(stdout) as ScanReport;
    assert.equal(json.schema, 'greenml.scan/v1');
    assert.equal(json.totals.idle, 4);
    assert.ok(json.totals.idleUsdPerMonth > 1);
    const plan = fs.readFileSync(planFile, 'utf8');
    assert.match(plan, new RegExp(`^# endpoint idle-ep · account ${ids.alpha} \\(alpha\\) · us-east-1 · \\$[\\d.]+/h, \\$[\\d.]+/month, [\\d.]+ kgCO2e/h$`, 'm'));
    assert.match(plan, new RegExp(`^# with credentials of arn:aws:iam::${ids.alpha}:role/${roleName}\n# effect: .*\n# aws sagemaker delete-endpoint --endpoint-name idle-ep --region us-east-1$`, 'm'));
    assert.match(plan, /^# aws sagemaker stop-notebook-instance --notebook-instance-name nb-no-lcc --region us-east-1$/m);
    assert.match(plan, /^# aws sagemaker delete-endpoint --endpoint-name mgmt-idle --region us-east-1$/m);
    assert.ok(!plan.includes('busy-ep') && !plan.includes('hp'), 'busy and non-idle resources get no command');
    const under = await runScanCommand(['--org', '--role-name', roleName, '--regions', region1, '--quiet', '--fail-on-idle-usd', '100000', '--no-cache'], { ...io, stdout: () => undefined }, { connection: { endpoint: proxy.endpoint, maxAttempts: 1 }, now: later });
    assert.equal(under, 0);
  });

  it('shows progress on a terminal (accounts, regions, calls), and none with --quiet', async () => {
    let stderr = '';
    const io = { stdout: () => undefined, stderr: (t: string) => (stderr += t), cwd: process.cwd() };
    const deps = { connection: { endpoint: proxy.endpoint, maxAttempts: 1 }, now: later, stderrIsTTY: true, env: { XDG_CACHE_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-cache-')) } };
    assert.equal(await runScanCommand(['--regions', region1], io, deps), 0);
    assert.match(stderr, /scanning: accounts 0\/1, regions 0\/1, 0 AWS calls/);
    assert.match(stderr, /scanning: accounts 1\/1, regions 1\/1, \d+ AWS calls/);
    assert.match(stderr, /\r\x1b\[Kscanned 1 account\(s\) × 1 region\(s\) with \d+ AWS calls\n$/);
    stderr = '';
    assert.equal(await runScanCommand(['--regions', region1, '--quiet'], io, deps), 0);
    assert.equal(stderr, '');
  });

  it('keeps endpoint configs between scans: a second scan describes none of them', async () => {
    const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-cache-'));
    const io = { stdout: () => undefined, stderr: () => undefined, cwd: process.cwd() };
    const count = async () => {
      const ops: string[] = [];
      const code = await runScanCommand(['--org', '--role-name', roleName, '--regions', `${region1},${region2}`], io, { connection: { endpoint: proxy.endpoint, maxAttempts: 1, onCall: (_s, op) => ops.push(op) }, now: later, env: { XDG_CACHE_HOME: cacheHome } });
      assert.equal(code, 0);
      return { describes: ops.filter((o) => o === 'DescribeEndpointConfigCommand').length, checks: ops.filter((o) => o === 'ListEndpointConfigsCommand').length };
    };
    // Six endpoints, each with its own config.
    assert.deepEqual(await count(), { describes: 6, checks: 0 });
    assert.ok(fs.existsSync(path.join(cacheHome, 'greenml', 'endpoint-configs.json')));
    // One ListEndpointConfigs page per account-region with endpoints checks that the cached configs still exist.
    assert.deepEqual(await count(), { describes: 0, checks: 5 });
  });
});
