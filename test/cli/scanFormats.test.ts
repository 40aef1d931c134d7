import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ScanSnapshot } from '../../src/aws/scan';
import type { RegionSnapshot } from '../../src/aws/types';
import { formatScan } from '../../src/cli/scanCommand';
import { scanReport } from '../../src/present/scan';
import { formatScanPlan, printable, shellWord } from '../../src/present/scanFormats';

/**
 * The scan's outputs from one fixed snapshot (two accounts, one with a failed region, one whose
 * role could not be assumed), compared byte for byte with the golden files in test/fixtures/scan/.
 * After an intended change, regenerate them with `GREENML_UPDATE_GOLDEN=1` and review the diff.
 */

const now = new Date('2026-12-01T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
const golden = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'scan');

function region(region: string, parts: Partial<RegionSnapshot>): RegionSnapshot {
  return { region, endpoints: [], notebooks: [], jobs: [], invocations: [], studio: [], clusters: [], warmPools: [], inferenceComponents: [], trainingPlans: [], ...parts };
}

const arn = (account: string, r: string, kind: string, name: string) => `arn:aws:sagemaker:${r}:${account}:${kind}/${name}`;

export function fixtureSnapshot(): ScanSnapshot {
  const a = '111111111111';
  return {
    accounts: [
      {
        label: 'dev',
        source: 'profile',
        profile: 'dev',
        identity: { account: a, arn: `arn:aws:iam::${a}:user/ci` },
        regions: [
          region('us-east-1', {
            endpoints: [
              { name: 'idle-ep', arn: arn(a, 'us-east-1', 'endpoint', 'idle-ep'), status: 'InService', creationTime: hoursAgo(72), lastModifiedTime: hoursAgo(72), endpointConfigName: 'c1', async: false, variants: [{ variantName: 'AllTraffic', instanceType: 'ml.g5.xlarge', instanceCount: 2, serverless: null, hasModel: true }] },
              { name: 'busy-ep', arn: arn(a, 'us-east-1', 'endpoint', 'busy-ep'), status: 'InService', creationTime: hoursAgo(72), lastModifiedTime: hoursAgo(72), endpointConfigName: 'c2', async: false, variants: [{ variantName: 'AllTraffic', instanceType: 'ml.m5.large', instanceCount: 1, serverless: null, hasModel: true }] },
              {
                name: 'pooled',
                arn: arn(a, 'us-east-1', 'endpoint', 'pooled'),
                status: 'InService',
                creationTime: hoursAgo(72),
                lastModifiedTime: hoursAgo(72),
                endpointConfigName: 'c3',
                async: false,
                variants: [{ variantName: 'AllTraffic', instanceType: null, instanceCount: 1, serverless: null, hasModel: true, instancePools: [{ instanceType: 'ml.g5.2xlarge', priority: 2, currentCount: null }, { instanceType: 'ml.g5.xlarge', priority: 1, currentCount: null }] }],
              },
            ],
            invocations: [
              { endpointName: 'idle-ep', variantName: 'AllTraffic', invocations: 0 },
              { endpointName: 'busy-ep', variantName: 'AllTraffic', invocations: 12 },
              { endpointName: 'pooled', variantName: 'AllTraffic', invocations: 5 },
            ],
            notebooks: [
              { name: 'nb\u001b[31mred', arn: arn(a, 'us-east-1', 'notebook-instance', 'nb'), status: 'InService', instanceType: 'ml.t3.medium', creationTime: hoursAgo(200), lastModifiedTime: hoursAgo(100), lifecycleConfigName: null },
              { name: 'nb-with-lcc', arn: arn(a, 'us-east-1', 'notebook-instance', 'nb-with-lcc'), status: 'InService', instanceType: 'ml.t3.medium', creationTime: hoursAgo(200), lastModifiedTime: hoursAgo(100), lifecycleConfigName: 'auto-stop' },
            ],
            jobs: [
              { kind: 'training', name: 'long-train', arn: arn(a, 'us-east-1', 'training-job', 'long-train'), status: 'InProgress', creationTime: hoursAgo(50), instanceType: 'ml.p3.2xlarge', instanceCount: 1 },
              { kind: 'processing', name: 'short-proc', arn: arn(a, 'us-east-1', 'processing-job', 'short-proc'), status: 'InProgress', creationTime: hoursAgo(2), instanceType: 'ml.m5.large', instanceCount: 1 },
            ],
            warmPools: [{ jobName: 'warm', arn: arn(a, 'us-east-1', 'training-job', 'warm'), instanceType: 'ml.g5.xlarge', instanceCount: 1, trainingEndTime: hoursAgo(0.5), keepAliveSeconds: 3600, expiresAt: new Date(now.getTime() + 1800_000), reusedBy: null, billableSeconds: 1800 }],
            studio: [
              {
                id: 'd-1',
                name: 'research',
                arn: `arn:aws:sagemaker:us-east-1:${a}:domain/d-1`,
                status: 'InService',
                idle: { JupyterLab: { lifecycleManagement: 'ENABLED', idleTimeoutInMinutes: 60, minIdleTimeoutInMinutes: null, maxIdleTimeoutInMinutes: null }, CodeEditor: null },
                userProfiles: [{ domainId: 'd-1', name: 'ana', status: 'InService', idle: null }],
                spaces: [{ domainId: 'd-1', name: 'ana-space', status: 'InService', ownerUserProfileName: 'ana', idleTimeoutInMinutes: { JupyterLab: null, CodeEditor: null } }],
                apps: [
                  { domainId: 'd-1', appType: 'CodeEditor', appName: 'default', status: 'InService', spaceName: 'ana-space', userProfileName: null, instanceType: 'ml.t3.medium', creationTime: hoursAgo(30), lastUserActivity: hoursAgo(1), lastHealthCheck: hoursAgo(0.1) },
                  { domainId: 'd-1', appType: 'JupyterLab', appName: 'default', status: 'InService', spaceName: 'ana-space', userProfileName: null, instanceType: 'ml.g5.xlarge', creationTime: hoursAgo(80), lastUserActivity: hoursAgo(40), lastHealthCheck: hoursAgo(0.1) },
                  { domainId: 'd-1', appType: 'Canvas', appName: 'default', status: 'InService', spaceName: null, userProfileName: 'ana', instanceType: 'ml.m5.large', creationTime: hoursAgo(5), lastUserActivity: hoursAgo(0.1), lastHealthCheck: hoursAgo(0.1) },
                ],
              },
            ],
            clusters: [{ name: 'hp', arn: arn(a, 'us-east-1', 'cluster', 'hp'), status: 'InService', creationTime: hoursAgo(10), instanceGroups: [{ name: 'workers', instanceType: 'ml.g5.xlarge', currentCount: 2, targetCount: 2 }] }],
            trainingPlans: [
              { name: 'plan-1', arn: arn(a, 'us-east-1', 'training-plan', 'plan-1'), status: 'Active', startTime: hoursAgo(24), endTime: new Date(now.getTime() + 48 * 3600_000), durationHours: 72, upfrontFee: '720', currencyCode: 'USD', totalInstances: 4, availableInstances: 3, inUseInstances: 1, instanceTypes: ['ml.p4d.24xlarge'], targetResources: ['training-job'] },
            ],
          }),
          { region: 'eu-west-1', error: { reason: 'accessDenied', message: 'ListEndpoints failed: AccessDeniedException: not authorized' } },
        ],
      },
      { label: 'prod', source: 'role', roleArn: 'arn:aws:iam::222222222222:role/GreenMLScan', identity: { reason: 'accessDenied', message: 'AssumeRole arn:aws:iam::222222222222:role/GreenMLScan failed: AccessDenied: not authorized' }, regions: [] },
      {
        label: 'sandbox',
        source: 'profile',
        profile: 'sandbox',
        identity: { account: '333333333333', arn: 'arn:aws:iam::333333333333:user/ci' },
        regions: [region('us-east-1', { studio: { reason: 'unsupported', message: 'ListDomains failed: UnknownOperationException: not here' } })],
      },
    ],
  };
}

const report = () => scanReport(fixtureSnapshot(), { idleHours: 24, longRunningHours: 24, now, regions: ['us-east-1', 'eu-west-1'] });

function checkGolden(name: string, actual: string): void {
  const file = path.join(golden, name);
  if (process.env.GREENML_UPDATE_GOLDEN) fs.writeFileSync(file, actual);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `${name} differs from its golden file`);
}

describe('scan outputs (golden files)', () => {
  it('text', () => checkGolden('report.txt', formatScan(report(), 'text')));
  it('markdown', () => checkGolden('report.md', formatScan(report(), 'md')));
  it('csv', () => checkGolden('report.csv', formatScan(report(), 'csv')));
  it('json', () => checkGolden('report.json', formatScan(report(), 'json')));
  it('plan', () => checkGolden('plan.sh', formatScanPlan(report())));
});

describe('scan findings', () => {
  const r = report();
  const dev = r.accounts[0].regions[0];
  const byName = (name: string) => dev.findings.find((f) => f.name === name);

  it('an endpoint with no invocations over every variant is idle, a busy one is not reported', () => {
    assert.equal(byName('idle-ep')?.idle, true);
    assert.equal(byName('busy-ep'), undefined);
  });

  it('an endpoint on instance pools is reported with its priority-1 type and the range of its pools, priced at the priority-1 type', () => {
    const f = byName('pooled');
    assert.equal(f?.idle, false);
    assert.match(f?.reasons[0] ?? '', /priority-1 ml\.g5\.xlarge, pools ml\.g5\.2xlarge, ml\.g5\.xlarge \(\$[\d.]+–\$[\d.]+\/h for 1 instance\)/);
    assert.equal(f?.usdPerHour, byName('warm')?.usdPerHour, 'one ml.g5.xlarge, as the warm pool');
  });

  it('a Studio app is idle without user activity for the window; recent activity clears the no-idle-shutdown flag; equal timestamps say nothing', () => {
    const jupyter = dev.findings.find((f) => f.kind === 'studio-app' && f.details.appType === 'JupyterLab');
    assert.equal(jupyter?.idle, true);
    assert.match(jupyter?.reasons[0] ?? '', /^no user activity for 40 h/);
    const codeEditor = dev.findings.find((f) => f.kind === 'studio-app' && f.details.appType === 'CodeEditor');
    assert.equal(codeEditor?.idle, false);
    assert.deepEqual(codeEditor?.reasons, ['Studio app running, no idle shutdown', 'used 1 h ago']);
    const canvas = dev.findings.find((f) => f.kind === 'canvas-app');
    assert.equal(canvas?.idle, true, 'the activity equals the health check: unknown, so the explorer’s rule stands');
    assert.match(canvas?.reasons.join(' ') ?? '', /activity unknown/);
  });

  it('long-running jobs only past --long-running-hours; warm pools are idle until their keep-alive ends', () => {
    assert.ok(byName('long-train'));
    assert.equal(byName('short-proc'), undefined);
    assert.match(byName('warm')?.reasons[0] ?? '', /bills until 2026-12-01 12:30 UTC/);
  });

  it('a training plan with unused reserved instances: the unused share of its fee per hour', () => {
    assert.equal(byName('plan-1')?.usdPerHour, 7.5); // 720 / 72 h × 3 of 4
  });

  it('a notebook with a lifecycle config is not reported', () => assert.equal(byName('nb-with-lcc'), undefined));

  it('totals add up over regions and accounts', () => {
    const idle = dev.findings.filter((f) => f.idle);
    assert.equal(r.totals.idle, idle.length);
    assert.ok(Math.abs(r.totals.idleUsdPerMonth - idle.reduce((s, f) => s + (f.usdPerMonth ?? 0), 0)) < 1e-6);
  });
});

describe('scan output safety', () => {
  it('control characters never reach the output raw', () => {
    for (const format of ['text', 'md', 'csv', 'json'] as const) {
      const out = formatScan(report(), format);
      // JSON escapes them itself (\u001b); the others replace them.
      assert.ok(!out.includes('\u001b'), `${format} carries ESC`);
    }
    assert.equal(printable('a\u0007b\u009bc'), 'a\uFFFDb\uFFFDc');
  });

  it('quotes shell words that need it', () => {
    assert.equal(shellWord('my-endpoint'), 'my-endpoint');
    assert.equal(shellWord("it's; rm -rf /"), `'it'\\''s; rm -rf /'`);
  });

  it('the plan writes every command commented out, so running the file does nothing', () => {
    const plan = formatScanPlan(report());
    const live = plan.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
    assert.deepEqual(live, []);
    assert.match(plan, /^# aws sagemaker delete-endpoint --endpoint-name idle-ep --region us-east-1 --profile dev$/m);
    assert.match(plan, /^# aws sagemaker stop-notebook-instance --notebook-instance-name 'nb\uFFFD\[31mred' --region us-east-1 --profile dev$/m);
    assert.ok(!plan.includes('long-train'), 'a running job is not idle: no command');
  });

  it('a CSV cell that would run as a spreadsheet formula is defused', () => {
    const snapshot = fixtureSnapshot();
    const first = snapshot.accounts[0].regions[0] as RegionSnapshot;
    first.endpoints[0].name = '=HYPERLINK("x")';
    first.invocations[0].endpointName = '=HYPERLINK("x")';
    const csv = formatScan(scanReport(snapshot, { idleHours: 24, longRunningHours: 24, now, regions: ['us-east-1'] }), 'csv');
    assert.match(csv, /,"'=HYPERLINK\(""x""\)",/);
  });

  it('writes golden files only on request', () => {
    // Guards against leaving GREENML_UPDATE_GOLDEN set in CI: the goldens would then always pass.
    assert.equal(process.env.GREENML_UPDATE_GOLDEN, undefined);
    assert.ok(fs.existsSync(path.join(golden, 'report.txt')), os.EOL);
  });
});
