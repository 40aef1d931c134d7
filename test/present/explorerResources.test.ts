import { formatFigure } from '../../src/present/figures';
import * as assert from 'node:assert/strict';
import type { AppIdleSettings, HyperPodCluster, IdleSettings, InferenceComponent, StudioDomain, WarmPool } from '../../src/aws/types';
import { estimateInstance } from '../../src/estimate/estimate';
import type { ExplorerOptions, RegionResult } from '../../src/present/explorer';
import { endpointItem, formatBurn, regionItem } from '../../src/present/explorer';
import { clusterItem, formatIdleShutdown, resolveIdleShutdown, studioDomainItem, warmPoolItem, withInferenceComponents } from '../../src/present/explorerResources';

const now = new Date('2026-11-24T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
const options: ExplorerOptions = { idleHours: 24, now, profile: 'dev' };

function idle(lifecycleManagement: IdleSettings['lifecycleManagement'], idleTimeoutInMinutes: number | null = null): IdleSettings {
  return { lifecycleManagement, idleTimeoutInMinutes, minIdleTimeoutInMinutes: null, maxIdleTimeoutInMinutes: null };
}
const jl = (s: IdleSettings | null): AppIdleSettings => ({ JupyterLab: s, CodeEditor: null });

describe('effective Studio idle shutdown (space > user profile > domain)', () => {
  const cases: [string, AppIdleSettings | null, AppIdleSettings | null, number | null, ReturnType<typeof resolveIdleShutdown>][] = [
    ['nothing set anywhere', null, null, null, { enabled: false, timeoutMinutes: null, source: null, supported: true }],
    ['domain enables with a timeout', jl(idle('ENABLED', 120)), null, null, { enabled: true, timeoutMinutes: 120, source: 'domain', supported: true }],
    ['domain disables', jl(idle('DISABLED', 120)), null, null, { enabled: false, timeoutMinutes: null, source: 'domain', supported: true }],
    ['profile timeout overrides the domain timeout', jl(idle('ENABLED', 120)), jl(idle('ENABLED', 60)), null, { enabled: true, timeoutMinutes: 60, source: 'user profile', supported: true }],
    ['profile disables what the domain enables', jl(idle('ENABLED', 120)), jl(idle('DISABLED')), null, { enabled: false, timeoutMinutes: null, source: 'user profile', supported: true }],
    ['profile enables what the domain disables, domain timeout used', jl(idle('DISABLED', 90)), jl(idle('ENABLED')), null, { enabled: true, timeoutMinutes: 90, source: 'domain', supported: true }],
    ['profile sets only a timeout: the domain switch still applies', jl(idle('ENABLED', 120)), jl(idle(null, 45)), null, { enabled: true, timeoutMinutes: 45, source: 'user profile', supported: true }],
    ['space timeout overrides profile and domain', jl(idle('ENABLED', 120)), jl(idle('ENABLED', 60)), 30, { enabled: true, timeoutMinutes: 30, source: 'space', supported: true }],
    ['space timeout without any switch does nothing', null, null, 30, { enabled: false, timeoutMinutes: null, source: null, supported: true }],
    ['space timeout under a disabled profile does nothing', jl(idle('ENABLED', 120)), jl(idle('DISABLED')), 30, { enabled: false, timeoutMinutes: null, source: 'user profile', supported: true }],
    ['enabled without any timeout', jl(idle('ENABLED')), null, null, { enabled: true, timeoutMinutes: null, source: 'domain', supported: true }],
  ];
  for (const [name, domain, profile, space, expected] of cases) {
    it(name, () => assert.deepEqual(resolveIdleShutdown('JupyterLab', domain, profile, space), expected));
  }

  it('reads the settings of the app type only (Code Editor apart from JupyterLab)', () => {
    const domain: AppIdleSettings = { JupyterLab: idle('ENABLED', 60), CodeEditor: idle('DISABLED') };
    assert.equal(resolveIdleShutdown('JupyterLab', domain, null, null).enabled, true);
    assert.deepEqual(resolveIdleShutdown('CodeEditor', domain, null, null), { enabled: false, timeoutMinutes: null, source: 'domain', supported: true });
  });

  it('has no idle shutdown for other app types, whatever the settings', () => {
    const all: AppIdleSettings = { JupyterLab: idle('ENABLED', 60), CodeEditor: idle('ENABLED', 60) };
    assert.deepEqual(resolveIdleShutdown('KernelGateway', all, all, 30), { enabled: false, timeoutMinutes: null, source: null, supported: false });
  });

  it('words each outcome', () => {
    assert.equal(formatIdleShutdown(resolveIdleShutdown('JupyterLab', jl(idle('ENABLED', 120)), null, 30), 'JupyterLab'), 'idle shutdown after 30 min (space)');
    assert.equal(formatIdleShutdown(resolveIdleShutdown('JupyterLab', jl(idle('DISABLED')), null, null), 'JupyterLab'), 'idle shutdown disabled (domain)');
    assert.equal(formatIdleShutdown(resolveIdleShutdown('JupyterLab', null, null, null), 'JupyterLab'), 'no idle shutdown configured');
    assert.equal(formatIdleShutdown(resolveIdleShutdown('KernelGateway', null, null, null), 'KernelGateway'), 'no idle shutdown for KernelGateway apps');
  });
});

function domain(overrides: Partial<StudioDomain> = {}): StudioDomain {
  return {
    id: 'd-abc',
    name: 'research',
    arn: 'arn:aws:sagemaker:us-east-1:123456789012:domain/d-abc',
    status: 'InService',
    idle: { JupyterLab: idle('ENABLED', 240), CodeEditor: null },
    userProfiles: [
      { domainId: 'd-abc', name: 'ana', status: 'InService', idle: null },
      { domainId: 'd-abc', name: 'bo', status: 'InService', idle: { JupyterLab: idle('DISABLED'), CodeEditor: null } },
    ],
    spaces: [
      { domainId: 'd-abc', name: 'ana-space', status: 'InService', ownerUserProfileName: 'ana', idleTimeoutInMinutes: { JupyterLab: 60, CodeEditor: null } },
      { domainId: 'd-abc', name: 'bo-space', status: 'InService', ownerUserProfileName: 'bo', idleTimeoutInMinutes: { JupyterLab: 60, CodeEditor: null } },
    ],
    apps: [
      { domainId: 'd-abc', appType: 'JupyterLab', appName: 'default', status: 'InService', spaceName: 'ana-space', userProfileName: null, instanceType: 'ml.t3.medium', creationTime: hoursAgo(5) },
      { domainId: 'd-abc', appType: 'JupyterLab', appName: 'default', status: 'InService', spaceName: 'bo-space', userProfileName: null, instanceType: 'ml.m5.large', creationTime: hoursAgo(50) },
      { domainId: 'd-abc', appType: 'CodeEditor', appName: 'default', status: 'Deleting', spaceName: 'bo-space', userProfileName: null, instanceType: 'ml.m5.large', creationTime: hoursAgo(50) },
      { domainId: 'd-abc', appType: 'JupyterServer', appName: 'default', status: 'InService', spaceName: null, userProfileName: 'ana', instanceType: 'system', creationTime: hoursAgo(500) },
    ],
    ...overrides,
  };
}

describe('Studio tree model', () => {
  const t3 = estimateInstance('ml.t3.medium', { region: 'us-east-1' });
  const m5 = estimateInstance('ml.m5.large', { region: 'us-east-1' });

  it('shows domain → spaces and user profiles → apps, with type, burn and the effective idle shutdown', () => {
    const item = studioDomainItem(domain(), 'us-east-1', options);
    assert.deepEqual(item.children?.map((c) => [c.label, c.contextValue]), [
      ['ana-space', 'greenml.aws.studio.space'],
      ['bo-space', 'greenml.aws.studio.space'],
      ['ana', 'greenml.aws.studio.userProfile'],
      ['bo', 'greenml.aws.studio.userProfile'],
    ]);
    const [anaSpace, boSpace, ana, bo] = item.children ?? [];
    const anaApp = anaSpace.children?.[0];
    assert.equal(anaApp?.idle, undefined);
    assert.equal(anaApp?.description, `${formatBurn({ usdPerHour: t3.costUsdPerHour, kgCo2ePerHour: t3.totalKgCo2ePerHour })} · ml.t3.medium · idle shutdown after 60 min (space)`);
    // bo's profile disables idle shutdown, so the space's 60 min do not apply.
    const boApp = boSpace.children?.[0];
    assert.equal(boApp?.idle, 'Studio app running, no idle shutdown');
    assert.equal(boApp?.contextValue, 'greenml.aws.studio.app.idle');
    assert.match(boApp?.description ?? '', /^\$[\d.]+\/h · [\d.]+ kgCO2e\/h · ⚠ idle · ml\.m5\.large · idle shutdown disabled \(user profile\)$/);
    // A deleting app neither bills nor is flagged.
    assert.deepEqual([boSpace.children?.[1].idle, boSpace.children?.[1].burn], [undefined, { usdPerHour: 0, kgCo2ePerHour: 0 }]);
    // The Studio Classic server app runs on free `system` capacity: no burn, no flag.
    assert.deepEqual(ana.children?.map((c) => [c.label, c.idle, c.burn]), [['JupyterServer default', undefined, { usdPerHour: 0, kgCo2ePerHour: 0 }]]);
    assert.deepEqual(bo.children?.map((c) => c.contextValue), ['greenml.aws.placeholder']);
    assert.ok(Math.abs((item.burn?.usdPerHour ?? NaN) - ((t3.costUsdPerHour ?? NaN) + (m5.costUsdPerHour ?? NaN))) < 1e-9);
    assert.match(item.description, /^\$[\d.]+\/h · [\d.]+ kgCO2e\/h · 1 idle$/);
  });

  it('gives apps and spaces the resource the Studio actions need (delete app, set idle timeout, copy ARN)', () => {
    const item = studioDomainItem(domain(), 'us-east-1', options);
    const [anaSpace, , ana] = item.children ?? [];
    assert.deepEqual(anaSpace.resource, { kind: 'space', region: 'us-east-1', name: 'ana-space', arn: 'arn:aws:sagemaker:us-east-1:123456789012:space/d-abc/ana-space', domainId: 'd-abc' });
    assert.deepEqual(anaSpace.children?.[0].resource, {
      kind: 'app',
      region: 'us-east-1',
      name: 'default',
      arn: 'arn:aws:sagemaker:us-east-1:123456789012:app/d-abc/ana-space/jupyterlab/default',
      domainId: 'd-abc',
      spaceName: 'ana-space',
      appType: 'JupyterLab',
    });
    // A Studio Classic app belongs to a user profile, not a space.
    assert.equal(ana.children?.[0].resource?.userProfileName, 'ana');
    assert.equal(ana.children?.[0].resource?.spaceName, undefined);
    // Without a domain ARN there is no ARN to build.
    const bare = studioDomainItem(domain({ arn: '' }), 'us-east-1', options);
    assert.equal(bare.children?.[0].resource?.arn, '');
  });

  it('counts Studio apps deep in the tree among the region idle resources', () => {
    const result: RegionResult = { region: 'us-east-1', endpoints: [], notebooks: [], jobs: [], invocations: [], studio: [domain()], clusters: [] };
    const region = regionItem(result, options);
    assert.deepEqual(region.children?.map((g) => [g.label, g.description]), [
      ['Endpoints', ''],
      ['Notebook instances', ''],
      ['Running jobs', ''],
      ['Studio', '1 domain · 1 idle'],
      ['HyperPod clusters', ''],
    ]);
    assert.match(region.description, / · 1 idle$/);
  });

  it('a failed group is one error node and leaves the other groups of the region alone', () => {
    const result: RegionResult = {
      region: 'us-east-1',
      endpoints: [],
      notebooks: [{ name: 'nb', arn: 'arn:nb', status: 'Stopped', instanceType: 'ml.t3.medium', creationTime: hoursAgo(100), lastModifiedTime: hoursAgo(100), lifecycleConfigName: null }],
      jobs: [],
      invocations: [],
      studio: { reason: 'unknown', message: 'loading Studio failed: ListUserProfiles failed: SyntaxError: Unexpected token' },
      clusters: { reason: 'accessDenied', message: 'loading HyperPod clusters failed: AccessDeniedException: not authorized to perform sagemaker:ListClusters' },
      warmPools: { reason: 'throttled', message: 'loading warm pools failed: ThrottlingException: Rate exceeded' },
    };
    const region = regionItem(result, options);
    const [, notebooks, jobs, studio, clusters] = region.children ?? [];
    assert.deepEqual(notebooks.children?.map((c) => c.label), ['nb']);
    assert.deepEqual([studio.description, studio.children?.map((c) => [c.label, c.contextValue])], ['failed', [['Failed to load', 'greenml.aws.error.unknown']]]);
    assert.deepEqual(clusters.children?.map((c) => [c.label, c.tooltip]), [['Access denied', result.clusters && 'message' in result.clusters ? result.clusters.message : '']]);
    assert.deepEqual(jobs.children?.map((c) => [c.label, c.contextValue]), [['No running jobs', 'greenml.aws.placeholder'], ['Throttled by AWS: refresh later', 'greenml.aws.error.throttled']]);
    assert.equal(region.contextValue, 'greenml.aws.region');
  });
});

describe('inference components, HyperPod and warm pool models', () => {
  const g5 = estimateInstance('ml.g5.xlarge', { region: 'us-east-1' });
  const t3 = estimateInstance('ml.t3.medium', { region: 'us-east-1' });

  it('puts inference components under their endpoint as copies × compute, with no burn of their own', () => {
    const ep = endpointItem(
      { name: 'llm', arn: 'arn:aws:sagemaker:us-east-1:123456789012:endpoint/llm', status: 'InService', creationTime: hoursAgo(72), lastModifiedTime: hoursAgo(72), endpointConfigName: 'c', async: false, variants: [{ variantName: 'AllTraffic', instanceType: 'ml.g5.xlarge', instanceCount: 2, serverless: null, hasModel: false }] },
      'us-east-1',
      [{ endpointName: 'llm', variantName: 'AllTraffic', invocations: 4 }],
      options,
    );
    const components: InferenceComponent[] = [
      { name: 'llama', arn: 'arn:ic/llama', endpointName: 'llm', variantName: 'AllTraffic', status: 'InService', creationTime: hoursAgo(70), copies: 2, cpuCores: 2, accelerators: 1, memoryMb: 8192, invocations: 4 },
      { name: 'other', arn: 'arn:ic/other', endpointName: 'elsewhere', variantName: 'AllTraffic', status: 'InService', creationTime: hoursAgo(70), copies: 1, cpuCores: null, accelerators: null, memoryMb: 1024, invocations: null },
    ];
    const item = withInferenceComponents(ep, 'llm', components, 'us-east-1', options);
    assert.deepEqual(item.children?.map((c) => [c.label, c.description]), [
      ['AllTraffic', 'ml.g5.xlarge × 2 · 4 invocations / 24 h'],
      ['llama', 'inference component · 2 × (2 CPU, 1 accelerator, 8192 MB) · 4 invocations / 24 h'],
    ]);
    assert.equal(item.children?.[1].burn, undefined);
    assert.deepEqual(item.burn, ep.burn);
  });

  it('prices a HyperPod cluster as nodes × type per instance group', () => {
    const cluster: HyperPodCluster = {
      name: 'pod',
      arn: 'arn:aws:sagemaker:us-east-1:123456789012:cluster/abc',
      status: 'InService',
      creationTime: hoursAgo(10),
      instanceGroups: [
        { name: 'workers', instanceType: 'ml.g5.xlarge', currentCount: 4, targetCount: 4 },
        { name: 'head', instanceType: 'ml.t3.medium', currentCount: 1, targetCount: 2 },
      ],
    };
    const item = clusterItem(cluster, 'us-east-1', options);
    const usd = (g5.costUsdPerHour ?? NaN) * 4 + (t3.costUsdPerHour ?? NaN);
    assert.ok(Math.abs((item.burn?.usdPerHour ?? NaN) - usd) < 1e-9);
    assert.match(item.description, /^\$[\d.]+\/h · [\d.]+ kgCO2e\/h · 5 nodes · ml\.g5\.xlarge × 4, ml\.t3\.medium × 1$/);
    assert.deepEqual(item.children?.map((c) => c.description.split(' · ').slice(0, 4)), [[`$${((g5.costUsdPerHour ?? NaN) * 4).toFixed(2)}/h`, `${formatFigure((g5.totalKgCo2ePerHour ?? NaN) * 4, 2)} kgCO2e/h`, 'ml.g5.xlarge × 4'], [`$${(t3.costUsdPerHour ?? NaN).toFixed(3)}/h`, `${formatFigure(t3.totalKgCo2ePerHour ?? NaN, 2)} kgCO2e/h`, 'ml.t3.medium × 1', 'target 2']]);
  });

  it('flags an Available warm pool as idle capacity that bills until its keep-alive ends', () => {
    const pool: WarmPool = { jobName: 'train-1', arn: 'arn:t/train-1', instanceType: 'ml.g5.xlarge', instanceCount: 2, trainingEndTime: hoursAgo(0.5), keepAliveSeconds: 3600, expiresAt: new Date(now.getTime() + 30 * 60000), reusedBy: null, billableSeconds: 1800 };
    const item = warmPoolItem(pool, 'us-east-1', options);
    assert.equal(item.idle, 'warm pool, bills until 2026-11-24 12:30 UTC (in 30 min)');
    assert.equal(item.contextValue, 'greenml.aws.warmPool');
    assert.deepEqual(item.burn, { usdPerHour: (g5.costUsdPerHour ?? NaN) * 2, kgCo2ePerHour: (g5.totalKgCo2ePerHour ?? NaN) * 2 });
    assert.equal(warmPoolItem({ ...pool, expiresAt: null }, 'us-east-1', options).idle, 'warm pool, bills until reused or its keep-alive ends');
  });

  it('lists warm pools under Running jobs and adds their burn and idle count to the region', () => {
    const pool: WarmPool = { jobName: 'train-1', arn: 'arn:t/train-1', instanceType: 'ml.g5.xlarge', instanceCount: 1, trainingEndTime: hoursAgo(0.5), keepAliveSeconds: 3600, expiresAt: new Date(now.getTime() + 30 * 60000), reusedBy: null, billableSeconds: 1800 };
    const region = regionItem({ region: 'us-east-1', endpoints: [], notebooks: [], jobs: [], invocations: [], warmPools: [pool] }, options);
    const jobs = region.children?.[2];
    assert.deepEqual([jobs?.label, jobs?.description, jobs?.children?.map((c) => c.label)], ['Running jobs', '1 · 1 idle', ['train-1']]);
    assert.deepEqual(region.burn, { usdPerHour: g5.costUsdPerHour, kgCo2ePerHour: g5.totalKgCo2ePerHour });
    assert.match(region.description, / · 1 idle$/);
  });
});
