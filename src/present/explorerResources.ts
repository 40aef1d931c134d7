import type { AppIdleSettings, GroupFailure, HyperPodCluster, IdleSettings, InferenceComponent, StudioApp, StudioDomain, StudioSpace, StudioUserProfile, WarmPool } from '../aws/types';
import type { Burn, ExplorerItem, ExplorerOptions } from './explorerItems';
import { addBurn, errorItem, formatAge, formatBurn, group, instanceBurn } from './explorerItems';

/** Studio, inference components, HyperPod clusters and warm pools as tree items (pure, like explorer.ts). */

const zero: Burn = { usdPerHour: 0, kgCo2ePerHour: 0 };

export function isGroupFailure<T>(value: T[] | GroupFailure | undefined): value is GroupFailure {
  return value !== undefined && !Array.isArray(value);
}

function describe(parts: (string | undefined | false | null)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · ');
}

/** A group whose call failed: the group node with its one error node, so the rest of the region still shows. */
export function failedGroup(id: string, label: string, failure: GroupFailure, options: ExplorerOptions): ExplorerItem {
  return { id, label, description: 'failed', tooltip: failure.message, contextValue: 'greenml.aws.group.error', icon: 'folder', burn: zero, children: [errorItem(id, failure, options.profile)] };
}

// ---- Studio --------------------------------------------------------------------------------------

/** The app types that have idle shutdown (Studio JupyterLab and Code Editor spaces). */
export type IdleShutdownAppType = keyof AppIdleSettings;

export interface IdleShutdown {
  /** True when the app shuts itself down after the timeout. */
  enabled: boolean;
  /** The effective timeout; null when disabled or when enabled without a timeout of its own. */
  timeoutMinutes: number | null;
  /** The level that decided: the space's timeout, else the user profile's, else the domain's; null when nothing is set. */
  source: 'space' | 'user profile' | 'domain' | null;
  /** False for app types without idle shutdown (KernelGateway, RStudio, Canvas…). */
  supported: boolean;
}

/**
 * The effective idle shutdown of a Studio app: space > user profile > domain. Idle shutdown is
 * switched on or off by `LifecycleManagement` on the user profile, else the domain (a space has no
 * switch: its `IdleTimeoutInMinutes` only applies while one of them enables it); the timeout is the
 * space's, else the profile's, else the domain's.
 */
export function resolveIdleShutdown(appType: string, domain: AppIdleSettings | null, profile: AppIdleSettings | null, spaceTimeoutMinutes: number | null): IdleShutdown {
  if (appType !== 'JupyterLab' && appType !== 'CodeEditor') return { enabled: false, timeoutMinutes: null, source: null, supported: false };
  const d: IdleSettings | null = domain?.[appType] ?? null;
  const p: IdleSettings | null = profile?.[appType] ?? null;
  const switchSource = p?.lifecycleManagement ? 'user profile' : d?.lifecycleManagement ? 'domain' : null;
  const lifecycle = p?.lifecycleManagement ?? d?.lifecycleManagement ?? null;
  if (lifecycle !== 'ENABLED') return { enabled: false, timeoutMinutes: null, source: switchSource, supported: true };
  if (spaceTimeoutMinutes !== null) return { enabled: true, timeoutMinutes: spaceTimeoutMinutes, source: 'space', supported: true };
  if (p?.idleTimeoutInMinutes != null) return { enabled: true, timeoutMinutes: p.idleTimeoutInMinutes, source: 'user profile', supported: true };
  if (d?.idleTimeoutInMinutes != null) return { enabled: true, timeoutMinutes: d.idleTimeoutInMinutes, source: 'domain', supported: true };
  return { enabled: true, timeoutMinutes: null, source: switchSource, supported: true };
}

/** `idle shutdown after 60 min (space)`, `idle shutdown disabled (domain)`, `no idle shutdown configured`. */
export function formatIdleShutdown(s: IdleShutdown, appType: string): string {
  if (!s.supported) return `no idle shutdown for ${appType} apps`;
  if (!s.enabled) return s.source ? `idle shutdown disabled (${s.source})` : 'no idle shutdown configured';
  return `idle shutdown after ${s.timeoutMinutes === null ? 'the default timeout' : `${s.timeoutMinutes} min`}${s.source ? ` (${s.source})` : ''}`;
}

const runningApps = new Set(['InService', 'Pending']);

/** An app's burn: its instance while it runs; Studio Classic's `system` server apps run on free capacity. */
function appBurn(app: StudioApp, region: string): Burn {
  if (!runningApps.has(app.status) || app.instanceType === 'system') return zero;
  return instanceBurn(app.instanceType, 1, region);
}

export function studioAppItem(app: StudioApp, domain: StudioDomain, region: string, options: ExplorerOptions): ExplorerItem {
  const space = app.spaceName === null ? undefined : domain.spaces.find((s) => s.name === app.spaceName);
  const owner = space?.ownerUserProfileName ?? app.userProfileName;
  const profile = owner ? domain.userProfiles.find((p) => p.name === owner) : undefined;
  const spaceTimeout = space?.idleTimeoutInMinutes ? (app.appType === 'JupyterLab' || app.appType === 'CodeEditor' ? space.idleTimeoutInMinutes[app.appType] : null) : null;
  const shutdown = resolveIdleShutdown(app.appType, domain.idle, profile?.idle ?? null, spaceTimeout);
  const running = runningApps.has(app.status);
  const burn = appBurn(app, region);
  const idle = running && app.instanceType !== 'system' && !shutdown.enabled ? 'Studio app running, no idle shutdown' : undefined;
  const shutdownText = formatIdleShutdown(shutdown, app.appType);
  return {
    id: `${region}/studio/${domain.id}/${app.spaceName ?? app.userProfileName ?? '-'}/${app.appType}/${app.appName}`,
    label: `${app.appType} ${app.appName}`,
    description: describe([running && app.instanceType !== 'system' ? formatBurn(burn) : undefined, idle ? '⚠ idle' : undefined, app.status === 'InService' ? undefined : app.status, app.instanceType, running ? shutdownText : undefined]),
    tooltip: describe([
      `Studio ${app.appType} app ${app.appName} (${app.status})`,
      app.creationTime ? `running ${formatAge(app.creationTime, options.now)}` : undefined,
      shutdownText,
      idle ? `idle: ${idle}` : undefined,
      running ? `burn ${formatBurn(burn)}` : undefined,
    ]),
    contextValue: idle ? 'greenml.aws.studio.app.idle' : 'greenml.aws.studio.app',
    icon: idle ? 'warning' : 'vm',
    resource: {
      kind: 'app',
      region,
      name: app.appName,
      arn: studioArn(domain, `app/${domain.id}/${app.spaceName ?? app.userProfileName ?? ''}/${app.appType.toLowerCase()}/${app.appName}`),
      domainId: domain.id,
      ...(app.spaceName !== null ? { spaceName: app.spaceName } : app.userProfileName !== null ? { userProfileName: app.userProfileName } : {}),
      appType: app.appType,
    },
    ...(idle ? { idle } : {}),
    burn,
  };
}

/**
 * A Studio resource's ARN from its domain's (`arn:aws:sagemaker:<region>:<account>:domain/<id>`):
 * the list calls that return apps and spaces do not carry one. Empty when the domain ARN is unknown.
 */
function studioArn(domain: StudioDomain, resource: string): string {
  const at = domain.arn.lastIndexOf(':domain/');
  return at < 0 ? '' : `${domain.arn.slice(0, at)}:${resource}`;
}

function sumBurn(items: readonly ExplorerItem[]): Burn {
  return items.reduce((sum, c) => addBurn(sum, c.burn ?? zero), zero);
}

function idleCount(items: readonly ExplorerItem[]): number {
  return items.reduce((n, c) => n + (c.idle ? 1 : 0) + idleCount(c.children ?? []), 0);
}

function container(id: string, label: string, kind: string, status: string, icon: string, children: ExplorerItem[], tooltip: string, empty: string): ExplorerItem {
  const burn = sumBurn(children);
  const idle = idleCount(children);
  const running = children.filter((c) => c.burn && c.burn.usdPerHour !== 0).length;
  return {
    id,
    label,
    description: describe([running > 0 ? formatBurn(burn) : undefined, idle > 0 ? `${idle} idle` : undefined, status === 'InService' ? undefined : status]),
    tooltip,
    contextValue: `greenml.aws.studio.${kind}`,
    icon,
    burn,
    children: children.length > 0 ? children : [{ id: `${id}/placeholder`, label: empty, description: '', tooltip: empty, contextValue: 'greenml.aws.placeholder', icon: 'info' }],
  };
}

function spaceItem(space: StudioSpace, domain: StudioDomain, apps: ExplorerItem[], region: string): ExplorerItem {
  const item = container(`${region}/studio/${domain.id}/space/${space.name}`, space.name, 'space', space.status, 'folder-library', apps, describe([`Space ${space.name} (${space.status})`, space.ownerUserProfileName ? `owner ${space.ownerUserProfileName}` : 'shared']), 'No apps');
  return { ...item, resource: { kind: 'space', region, name: space.name, arn: studioArn(domain, `space/${domain.id}/${space.name}`), domainId: domain.id } };
}

function userProfileItem(profile: StudioUserProfile, domain: StudioDomain, apps: ExplorerItem[], region: string): ExplorerItem {
  return container(`${region}/studio/${domain.id}/user/${profile.name}`, profile.name, 'userProfile', profile.status, 'person', apps, `User profile ${profile.name} (${profile.status})`, 'No apps of its own');
}

/** A domain: its spaces (with their apps), then its user profiles (with apps outside any space, Studio Classic). */
export function studioDomainItem(domain: StudioDomain, region: string, options: ExplorerOptions): ExplorerItem {
  const apps = (pick: (a: StudioApp) => boolean) => domain.apps.filter(pick).map((a) => studioAppItem(a, domain, region, options));
  const spaces = domain.spaces.map((s) => spaceItem(s, domain, apps((a) => a.spaceName === s.name), region));
  const profiles = domain.userProfiles.map((p) => userProfileItem(p, domain, apps((a) => a.spaceName === null && a.userProfileName === p.name), region));
  const domainDefault = (['JupyterLab', 'CodeEditor'] as const).map((t) => `${t}: ${formatIdleShutdown(resolveIdleShutdown(t, domain.idle, null, null), t)}`).join('; ');
  return container(`${region}/studio/${domain.id}`, domain.name, 'domain', domain.status, 'organization', [...spaces, ...profiles], describe([`Studio domain ${domain.name} (${domain.id}, ${domain.status})`, `domain defaults: ${domainDefault}`]), 'No spaces or user profiles');
}

export function studioGroup(regionId: string, region: string, studio: StudioDomain[] | GroupFailure, options: ExplorerOptions): ExplorerItem {
  const id = `${regionId}/studio`;
  if (isGroupFailure(studio)) return failedGroup(id, 'Studio', studio, options);
  const g = group(id, 'Studio', studio.map((d) => studioDomainItem(d, region, options)), 'No Studio domains');
  const idle = idleCount(g.children ?? []);
  return { ...g, description: studio.length === 0 ? '' : describe([`${studio.length} domain${studio.length === 1 ? '' : 's'}`, idle > 0 ? `${idle} idle` : undefined]) };
}

// ---- Inference components ------------------------------------------------------------------------

function computeLabel(c: InferenceComponent): string {
  const parts = [c.cpuCores !== null ? `${c.cpuCores} CPU` : undefined, c.accelerators ? `${c.accelerators} accelerator${c.accelerators === 1 ? '' : 's'}` : undefined, c.memoryMb !== null ? `${c.memoryMb} MB` : undefined].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join(', ') : 'compute unknown';
}

/** A component under its endpoint: copies × compute; its cost is the endpoint's instances, so it carries no burn of its own. */
export function inferenceComponentItem(c: InferenceComponent, region: string, options: ExplorerOptions): ExplorerItem {
  return {
    id: c.arn || `${region}/inference-component/${c.name}`,
    label: c.name,
    description: describe(['inference component', c.status === 'InService' ? undefined : c.status, `${c.copies} × (${computeLabel(c)})`, c.invocations === null ? undefined : `${c.invocations} invocations / ${options.idleHours} h`]),
    tooltip: describe([`Inference component ${c.name} (${c.status}) on ${c.endpointName}${c.variantName ? `/${c.variantName}` : ''}`, `${c.copies} copies × ${computeLabel(c)}`, c.creationTime ? `created ${formatAge(c.creationTime, options.now)} ago` : undefined, 'its cost is the endpoint instances it runs on']),
    contextValue: 'greenml.aws.inferenceComponent',
    icon: 'symbol-module',
  };
}

/** The endpoint item with its inference components after its variants (a listing failure shows once, in the Endpoints group). */
export function withInferenceComponents(endpoint: ExplorerItem, endpointName: string, components: InferenceComponent[] | GroupFailure | undefined, region: string, options: ExplorerOptions): ExplorerItem {
  if (components === undefined || isGroupFailure(components)) return endpoint;
  const mine = components.filter((c) => c.endpointName === endpointName);
  if (mine.length === 0) return endpoint;
  return { ...endpoint, children: [...(endpoint.children ?? []), ...mine.map((c) => inferenceComponentItem(c, region, options))] };
}

/** The Endpoints group with one error node when listing the inference components failed. */
export function withComponentsError(endpointsGroup: ExplorerItem, components: InferenceComponent[] | GroupFailure | undefined, options: ExplorerOptions): ExplorerItem {
  if (!isGroupFailure(components)) return endpointsGroup;
  return { ...endpointsGroup, children: [...(endpointsGroup.children ?? []), errorItem(`${endpointsGroup.id}/inference-components`, components, options.profile)] };
}

// ---- HyperPod ------------------------------------------------------------------------------------

export function clusterItem(cluster: HyperPodCluster, region: string, options: ExplorerOptions): ExplorerItem {
  const groups = cluster.instanceGroups.map((g) => {
    const burn = instanceBurn(g.instanceType, g.currentCount, region);
    return {
      id: `${cluster.arn || `${region}/cluster/${cluster.name}`}/${g.name}`,
      label: g.name,
      description: describe([formatBurn(burn), `${g.instanceType ?? 'unknown type'} × ${g.currentCount}`, g.targetCount !== g.currentCount ? `target ${g.targetCount}` : undefined]),
      tooltip: `Instance group ${g.name}: ${g.currentCount} of ${g.targetCount} nodes`,
      contextValue: 'greenml.aws.cluster.instanceGroup',
      icon: 'server',
      burn,
    };
  });
  const burn = sumBurn(groups);
  const nodes = cluster.instanceGroups.reduce((n, g) => n + g.currentCount, 0);
  return {
    id: cluster.arn || `${region}/cluster/${cluster.name}`,
    label: cluster.name,
    description: describe([formatBurn(burn), cluster.status === 'InService' ? undefined : cluster.status, `${nodes} node${nodes === 1 ? '' : 's'}`, cluster.instanceGroups.map((g) => `${g.instanceType ?? '?'} × ${g.currentCount}`).join(', ')]),
    tooltip: describe([`HyperPod cluster ${cluster.name} (${cluster.status})`, cluster.creationTime ? `created ${formatAge(cluster.creationTime, options.now)} ago` : undefined, `burn ${formatBurn(burn)}`, 'idle state is not known without the cluster’s own monitoring']),
    contextValue: 'greenml.aws.cluster',
    icon: 'server-environment',
    burn,
    children: groups,
  };
}

export function clustersGroup(regionId: string, region: string, clusters: HyperPodCluster[] | GroupFailure, options: ExplorerOptions): ExplorerItem {
  const id = `${regionId}/clusters`;
  if (isGroupFailure(clusters)) return failedGroup(id, 'HyperPod clusters', clusters, options);
  return group(id, 'HyperPod clusters', clusters.map((c) => clusterItem(c, region, options)), 'No HyperPod clusters');
}

// ---- Warm pools ----------------------------------------------------------------------------------

/** `2026-11-24 23:10 UTC`. */
function formatUtc(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A kept warm pool: its instances bill until reused or until the keep-alive ends, so it is idle capacity. */
export function warmPoolItem(pool: WarmPool, region: string, options: ExplorerOptions): ExplorerItem {
  const burn = instanceBurn(pool.instanceType, pool.instanceCount, region);
  const until = pool.reusedBy ? `reused by ${pool.reusedBy}` : pool.expiresAt ? `${formatUtc(pool.expiresAt)} (in ${formatAge(options.now, pool.expiresAt)})` : 'reused or its keep-alive ends';
  const idle = `warm pool, bills until ${until}`;
  return {
    id: `${pool.arn || `${region}/training/${pool.jobName}`}/warm-pool`,
    label: pool.jobName,
    description: describe([formatBurn(burn), '⚠ idle', 'warm pool', pool.instanceType ? `${pool.instanceType} × ${pool.instanceCount}` : undefined]),
    tooltip: describe([
      `Warm pool of training job ${pool.jobName}`,
      idle,
      pool.keepAliveSeconds !== null ? `keep-alive ${Math.round(pool.keepAliveSeconds / 60)} min` : undefined,
      pool.billableSeconds !== null ? `${Math.round(pool.billableSeconds / 60)} min billed so far` : undefined,
    ]),
    contextValue: 'greenml.aws.warmPool',
    icon: 'warning',
    idle,
    burn,
  };
}

/** The running-jobs group with the warm pools after the jobs (or their error node). */
export function withWarmPools(jobsGroup: ExplorerItem, pools: WarmPool[] | GroupFailure | undefined, region: string, options: ExplorerOptions): ExplorerItem {
  if (pools === undefined) return jobsGroup;
  if (isGroupFailure(pools)) return { ...jobsGroup, children: [...(jobsGroup.children ?? []), errorItem(`${jobsGroup.id}/warm-pools`, pools, options.profile)] };
  if (pools.length === 0) return jobsGroup;
  const real = (jobsGroup.children ?? []).filter((c) => c.contextValue !== 'greenml.aws.placeholder');
  const rebuilt = group(jobsGroup.id, jobsGroup.label, [...real, ...pools.map((p) => warmPoolItem(p, region, options))], 'No running jobs');
  return { ...rebuilt, contextValue: jobsGroup.contextValue, icon: jobsGroup.icon };
}
