import * as assert from 'node:assert/strict';
import type { Endpoint } from '../../src/aws/types';
import { burnSummary } from '../../src/present/actions';
import { estimateInstance } from '../../src/estimate/estimate';
import { addBurn, endpointItem, explorerRoots, formatBurn, formatTags, regionItem } from '../../src/present/explorer';
import type { ExplorerOptions, RegionResult } from '../../src/present/explorer';

const now = new Date('2026-11-24T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86400_000);
const options: ExplorerOptions = { idleHours: 24, now };
const m5 = estimateInstance('ml.m5.large', { region: 'us-east-1' });

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

/** As phase 1 lists it: runtime counts, no instance type yet. */
const pending = (name: string, overrides: Partial<Endpoint> = {}) => endpoint(name, { variants: [{ variantName: 'AllTraffic', instanceType: null, instanceCount: 2, serverless: null }], details: 'pending', ...overrides });

describe('explorer models: partly loaded endpoints and tags', () => {
  it('an endpoint whose config is loading says so, keeps its idle status and counts as loading, not as unknown burn', () => {
    const item = endpointItem(pending('quiet'), 'us-east-1', [{ endpointName: 'quiet', variantName: 'AllTraffic', invocations: 0 }], options);
    assert.equal(item.idle, '0 invocations in the last 24 h');
    assert.deepEqual(item.burn, { usdPerHour: 0, kgCo2ePerHour: 0, loading: 1 });
    assert.equal(item.description, '⚠ idle · type loading… × 2');
    assert.deepEqual(item.children?.map((c) => c.description), ['type loading… × 2 · 0 invocations / 24 h']);
    assert.match(item.tooltip, /instance type loading… \(burn not counted yet\)/);
  });

  it('a loading endpoint that is stopped, or has no instances, or is serverless, is not counted as loading', () => {
    assert.deepEqual(endpointItem(pending('off', { status: 'OutOfService' }), 'us-east-1', [], options).burn, { usdPerHour: 0, kgCo2ePerHour: 0 });
    assert.deepEqual(endpointItem(pending('none', { variants: [{ variantName: 'v', instanceType: null, instanceCount: 0, serverless: null }] }), 'us-east-1', [], options).burn, { usdPerHour: 0, kgCo2ePerHour: 0 });
    const serverless = pending('sls', { variants: [{ variantName: 'v', instanceType: null, instanceCount: 0, serverless: { memorySizeInMb: 2048, maxConcurrency: 5, provisionedConcurrency: 0 } }] });
    assert.deepEqual(endpointItem(serverless, 'us-east-1', [], options).burn, { usdPerHour: 0, kgCo2ePerHour: 0 });
  });

  it('a failed config read gives an unknown burn and the reason', () => {
    const item = endpointItem(pending('x', { details: 'failed', detailsError: 'DescribeEndpointConfig failed: AccessDeniedException' }), 'us-east-1', [], options);
    assert.deepEqual(item.burn, { usdPerHour: null, kgCo2ePerHour: null });
    assert.match(item.description, /unknown type × 2/);
    assert.match(item.tooltip, /instance type unknown: DescribeEndpointConfig failed: AccessDeniedException/);
  });

  it('region and status-bar totals are lower bounds while endpoints load, and exact once they land', () => {
    const result = (endpoints: Endpoint[]): RegionResult => ({ region: 'us-east-1', endpoints, notebooks: [], jobs: [], invocations: [] });
    const partial = regionItem(result([endpoint('a'), pending('b'), pending('c')]), options);
    const one = { usdPerHour: (m5.costUsdPerHour ?? NaN) * 2, kgCo2ePerHour: (m5.totalKgCo2ePerHour ?? NaN) * 2 };
    assert.deepEqual(partial.burn, { ...one, loading: 2 });
    assert.ok(partial.description.startsWith(`≥ ${formatBurn(one).replace(' · ', ' · ≥ ')} · 2 loading`), partial.description);
    const roots = explorerRoots({ account: '1', arn: 'arn' }, [result([endpoint('a'), pending('b'), pending('c')])], options);
    assert.match(burnSummary(roots)?.text ?? '', /^≥ \$[\d.]+\/h · ≥ [\d.]+ kgCO2e\/h · 2 loading$/);
    const full = regionItem(result([endpoint('a'), endpoint('b'), endpoint('c')]), options);
    assert.equal(full.burn?.loading, undefined);
    assert.ok(Math.abs((full.burn?.usdPerHour ?? NaN) - one.usdPerHour * 3) < 1e-9);
    assert.doesNotMatch(full.description, /loading|≥/);
  });

  it('adds loading counts; an unknown part stays unknown', () => {
    assert.deepEqual(addBurn({ usdPerHour: 1, kgCo2ePerHour: 2, loading: 1 }, { usdPerHour: null, kgCo2ePerHour: 1, loading: 2 }), { usdPerHour: null, kgCo2ePerHour: 3, loading: 3 });
    assert.equal(formatBurn({ usdPerHour: 1, kgCo2ePerHour: 0.5, loading: 3 }), '≥ $1.00/h · ≥ 0.5 kgCO2e/h · 3 loading');
  });

  it('tooltips show up to five tags, owner-like ones first', () => {
    const tags = ['project=nlp', 'env=dev', 'Owner=alice', 'cost-center=42', 'created-by=ci', 'stage=beta', 'team=ml'].map((t) => ({ key: t.split('=')[0], value: t.split('=')[1] }));
    assert.equal(formatTags(tags), 'tags: Owner=alice, created-by=ci, team=ml, project=nlp, env=dev (+2 more)');
    assert.equal(formatTags([{ key: 'solo', value: '' }]), 'tags: solo');
    assert.equal(formatTags([]), undefined);
    const item = endpointItem(endpoint('t', { tags: tags.slice(0, 3) }), 'us-east-1', [{ endpointName: 't', variantName: 'AllTraffic', invocations: 1 }], options);
    assert.match(item.tooltip, / · tags: Owner=alice, project=nlp, env=dev$/);
    assert.doesNotMatch(endpointItem(endpoint('u'), 'us-east-1', [], options).tooltip, /tags:/);
  });
});
