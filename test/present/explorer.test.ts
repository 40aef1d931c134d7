import * as assert from 'node:assert/strict';
import type { Endpoint, NotebookInstance } from '../../src/aws/types';
import { estimateInstance } from '../../src/estimate/estimate';
import { endpointItem, errorItem, explorerRoots, formatAge, formatBurn, instanceBurn, notebookItem, regionItem } from '../../src/present/explorer';
import type { ExplorerOptions, RegionResult } from '../../src/present/explorer';

const now = new Date('2026-11-24T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86400_000);
const options: ExplorerOptions = { idleHours: 24, now, profile: 'dev' };

function endpoint(name: string, overrides: Partial<Endpoint> = {}): Endpoint {
  return {
    name,
    arn: `arn:aws:sagemaker:us-east-1:123456789012:endpoint/${name}`,
    status: 'InService',
    creationTime: daysAgo(3),
    lastModifiedTime: daysAgo(3),
    endpointConfigName: `${name}-config`,
    async: false,
    variants: [{ variantName: 'AllTraffic', instanceType: 'ml.m5.large', instanceCount: 2, serverless: null }],
    ...overrides,
  };
}

function notebook(name: string, overrides: Partial<NotebookInstance> = {}): NotebookInstance {
  return { name, arn: `arn:nb/${name}`, status: 'InService', instanceType: 'ml.t3.medium', creationTime: daysAgo(3), lastModifiedTime: daysAgo(3), lifecycleConfigName: null, ...overrides };
}

describe('explorer models', () => {
  const m5 = estimateInstance('ml.m5.large', { region: 'us-east-1' });

  it('prices instance type × count in the region from the estimate model', () => {
    const burn = instanceBurn('ml.m5.large', 2, 'us-east-1');
    assert.equal(burn.usdPerHour, (m5.costUsdPerHour ?? NaN) * 2);
    assert.equal(burn.kgCo2ePerHour, (m5.totalKgCo2ePerHour ?? NaN) * 2);
    assert.deepEqual(instanceBurn('ml.nope.large', 1, 'us-east-1'), { usdPerHour: null, kgCo2ePerHour: null });
    assert.deepEqual(instanceBurn('ml.m5.large', 0, 'us-east-1'), { usdPerHour: 0, kgCo2ePerHour: 0 });
  });

  it("a burn outside us-east-1 says its dollar figure is us-east-1's price, in the item and the region's total", () => {
    const burn = instanceBurn('ml.m5.large', 2, 'eu-west-1');
    assert.equal(burn.priceRegion, 'us-east-1');
    assert.equal(instanceBurn('ml.m5.large', 2, 'us-east-1').priceRegion, undefined);
    assert.match(formatBurn(burn), /^\$[\d.]+\/h \(us-east-1 prices\) · [\d.]+ kgCO2e\/h$/);
    const nb = notebookItem({ name: 'nb', arn: 'arn:nb', status: 'InService', instanceType: 'ml.m5.large', creationTime: now, lastModifiedTime: now, lifecycleConfigName: 'auto-stop' }, 'eu-west-1', { idleHours: 24, now });
    assert.match(nb.description, /^\$[\d.]+\/h \(us-east-1 prices\) · /);
    const west = regionItem({ region: 'eu-west-1', endpoints: [], notebooks: [{ name: 'nb', arn: 'arn:nb', status: 'InService', instanceType: 'ml.m5.large', creationTime: now, lastModifiedTime: now, lifecycleConfigName: 'auto-stop' }], jobs: [], invocations: [] }, { idleHours: 24, now });
    assert.match(west.description, /^\$[\d.]+\/h \(us-east-1 prices\) · /);
    // An unknown or zero burn gets no mark.
    assert.equal(formatBurn({ usdPerHour: 0, kgCo2ePerHour: 0, priceRegion: 'us-east-1' }), '$0/h · 0 kgCO2e/h');
  });

  it('formats burn and age', () => {
    assert.equal(formatBurn({ usdPerHour: 12.4, kgCo2ePerHour: 2.1 }), '$12.40/h · 2.1 kgCO2e/h');
    assert.equal(formatBurn({ usdPerHour: null, kgCo2ePerHour: 0.0413 }), '—/h · 0.041 kgCO2e/h');
    assert.equal(formatAge(new Date(now.getTime() - 45 * 60000), now), '45 min');
    assert.equal(formatAge(daysAgo(1), now), '24 h');
    assert.equal(formatAge(daysAgo(3), now), '3 days');
  });

  it('flags an endpoint with no invocations over the window, with the reason', () => {
    const item = endpointItem(endpoint('quiet'), 'us-east-1', [{ endpointName: 'quiet', variantName: 'AllTraffic', invocations: 0 }], options);
    assert.equal(item.idle, '0 invocations in the last 24 h');
    assert.equal(item.contextValue, 'greenml.aws.endpoint.idle');
    assert.equal(item.icon, 'warning');
    // The dollar figure first: a narrow sidebar cuts the end of the description.
    assert.match(item.description, /^\$[\d.]+\/h · [\d.]+ kgCO2e\/h · ⚠ idle · ml\.m5\.large × 2$/);
    assert.deepEqual(item.children?.map((c) => [c.label, c.description]), [['AllTraffic', 'ml.m5.large × 2 · 0 invocations / 24 h']]);
  });

  it('does not flag a busy endpoint, one younger than the window, or an async one', () => {
    const busy = endpointItem(endpoint('busy'), 'us-east-1', [{ endpointName: 'busy', variantName: 'AllTraffic', invocations: 12 }], options);
    assert.equal(busy.idle, undefined);
    assert.equal(busy.contextValue, 'greenml.aws.endpoint');
    assert.equal(endpointItem(endpoint('new', { creationTime: new Date(now.getTime() - 3600_000) }), 'us-east-1', [], options).idle, undefined);
    const asyncItem = endpointItem(endpoint('queue', { async: true }), 'us-east-1', [], options);
    assert.equal(asyncItem.idle, undefined);
    assert.match(asyncItem.description, /async/);
  });

  it('a serverless endpoint costs nothing idle and is not flagged', () => {
    const item = endpointItem(endpoint('sls', { variants: [{ variantName: 'AllTraffic', instanceType: null, instanceCount: 0, serverless: { memorySizeInMb: 2048, maxConcurrency: 5, provisionedConcurrency: 0 } }] }), 'us-east-1', [], options);
    assert.equal(item.idle, undefined);
    assert.deepEqual(item.burn, { usdPerHour: 0, kgCo2ePerHour: 0 });
    assert.equal(item.description, 'serverless · serverless 2048 MB');
    assert.match(item.children?.[0].description ?? '', /idle \(no charge\)$/);
  });

  it('flags a notebook InService for days without an auto-stop lifecycle config; stopped ones cost nothing', () => {
    const idle = notebookItem(notebook('nb'), 'us-east-1', options);
    assert.equal(idle.idle, 'InService 3 days, no auto-stop lifecycle config');
    assert.equal(notebookItem(notebook('safe', { lifecycleConfigName: 'auto-stop' }), 'us-east-1', options).idle, undefined);
    const stopped = notebookItem(notebook('off', { status: 'Stopped' }), 'us-east-1', options);
    assert.equal(stopped.idle, undefined);
    assert.deepEqual(stopped.burn, { usdPerHour: 0, kgCo2ePerHour: 0 });
  });

  it('sums a region and counts its idle resources; empty groups get a placeholder', () => {
    const result: RegionResult = {
      region: 'us-east-1',
      endpoints: [endpoint('quiet'), endpoint('busy')],
      notebooks: [],
      jobs: [{ kind: 'training', name: 't', arn: 'arn:t', status: 'InProgress', creationTime: daysAgo(0.5), instanceType: 'ml.m5.large', instanceCount: 1 }],
      invocations: [{ endpointName: 'busy', variantName: 'AllTraffic', invocations: 3 }],
    };
    const region = regionItem(result, options);
    const total = (m5.costUsdPerHour ?? NaN) * 5;
    assert.ok(Math.abs((region.burn?.usdPerHour ?? NaN) - total) < 1e-9);
    assert.equal(region.description, `${formatBurn({ usdPerHour: total, kgCo2ePerHour: (m5.totalKgCo2ePerHour ?? NaN) * 5 })} · 1 idle`);
    assert.deepEqual(region.children?.map((g) => [g.label, g.description]), [['Endpoints', '2 · 1 idle'], ['Notebook instances', ''], ['Running jobs', '1']]);
    assert.deepEqual(region.children?.[1].children?.map((c) => [c.label, c.contextValue]), [['No notebook instances', 'greenml.aws.placeholder']]);
  });

  it('a failed region is one error node; missing credentials come with the log-in command', () => {
    const region = regionItem({ region: 'eu-west-1', error: { reason: 'accessDenied', message: 'ListEndpoints failed: AccessDeniedException: not authorized to perform sagemaker:ListEndpoints' } }, options);
    assert.equal(region.children?.length, 1);
    assert.equal(region.children?.[0].contextValue, 'greenml.aws.error.accessDenied');
    assert.match(region.children?.[0].tooltip ?? '', /sagemaker:ListEndpoints/);

    const roots = explorerRoots({ reason: 'noCredentials', message: 'GetCallerIdentity failed: CredentialsProviderError: Could not load credentials' }, [], options);
    assert.deepEqual(roots.map((r) => [r.label, r.description]), [['No AWS credentials', 'run: aws sso login --profile dev']]);
    assert.equal(errorItem('x', { reason: 'expired', message: 'm' }, undefined).description, 'run: aws configure (or aws sso login --profile <name>)');
    assert.equal(errorItem('x', { reason: 'throttled', message: 'm' }, 'dev').description, 'click for logs');
  });

  it('the root shows the profile and account, then the regions', () => {
    const roots = explorerRoots({ account: '123456789012', arn: 'arn:aws:sts::123456789012:user/moto' }, [{ region: 'us-east-1', endpoints: [], notebooks: [], jobs: [], invocations: [] }], options);
    assert.deepEqual(roots.map((r) => [r.label, r.description]), [['dev', 'account 123456789012'], ['us-east-1', '$0/h · 0 kgCO2e/h']]);
  });
});
