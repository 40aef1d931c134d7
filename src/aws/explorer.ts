import type { ClientOptions, RegionClients } from './clients';
import { createClients, destroyClients } from './clients';
export { profileRegion } from './clients';
import { EndpointMetrics } from './cloudWatch';
import type { AwsErrorReason } from './errors';
import type { DescribeCache, EndpointConfigCache } from './cache';
import { listClusters, listInferenceComponents, listWarmPools } from './capacity';
import { AwsError } from './errors';
import { SageMakerResources } from './sagemaker';
import { listActiveTrainingPlans, readAppActivity } from './scanResources';
import { listStudio } from './studio';
import { getCallerIdentity } from './sts';
import type { CallerIdentity, Endpoint, GroupFailure, InferenceComponent, RegionSnapshot, VariantInvocations } from './types';

export interface LoadOptions {
  /** Keeps endpoint describes between refreshes; the view holds one for its lifetime. */
  cache?: DescribeCache;
  /** Keeps endpoint config facts (instance types) by account, region and name; the view holds one, saved between sessions. */
  configs?: EndpointConfigCache;
  /** The account that scopes `configs`; loadAccount sets it from GetCallerIdentity. */
  account?: string;
  /**
   * Also read what the fleet scan reports beyond the explorer's groups: Studio app activity (one
   * DescribeApp per running app) and active training plans (one paginated list).
   */
  scanExtras?: boolean;
}

/** Runs a region's work when a slot is free; shared across accounts, it bounds how many account-regions load at once. */
export type Limiter = <T>(run: () => Promise<T>) => Promise<T>;

/** A {@link Limiter} with at most `slots` runs at once, started in call order. */
export function limiter(slots: number): Limiter {
  if (!(slots >= 1)) throw new Error('limiter needs at least one slot');
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(run: () => Promise<T>): Promise<T> => {
    if (active >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    try {
      return await run();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

const unlimited: Limiter = (run) => run();

/** A group that fails on its own: its error becomes the group's error node, the rest of the region still loads. */
async function settle<T>(run: () => Promise<T>, action: string): Promise<T | GroupFailure> {
  try {
    return await run();
  } catch (err) {
    const e = AwsError.from(err, action);
    return { reason: e.reason, message: e.message };
  }
}

type RegionLists = Omit<RegionSnapshot, 'endpoints' | 'invocations' | 'inferenceComponents'>;
type VariantKey = { endpointName: string; variantName: string };

function resourcesOf(clients: RegionClients, options: LoadOptions): SageMakerResources {
  return new SageMakerResources(clients.sageMaker, options.cache, options.configs?.scope(options.account ?? '', clients.region));
}

/** Phase-1 lists of one region: endpoints (configs possibly pending), notebooks, jobs, Studio, clusters, warm pools. */
async function listRegion(clients: RegionClients, resources: SageMakerResources, options: LoadOptions): Promise<RegionLists & { endpoints: Endpoint[] }> {
  const sm = clients.sageMaker;
  const studioWithActivity = async () => {
    const domains = await listStudio(sm);
    if (options.scanExtras) await readAppActivity(sm, domains);
    return domains;
  };
  const [endpoints, notebooks, jobs, studio, clusters, warmPools, trainingPlans] = await Promise.all([
    resources.listEndpointsFirst(),
    resources.listNotebookInstances(),
    resources.listRunningJobs(),
    settle(studioWithActivity, 'loading Studio'),
    settle(() => listClusters(sm), 'loading HyperPod clusters'),
    settle(() => listWarmPools(sm), 'loading warm pools'),
    options.scanExtras ? settle(() => listActiveTrainingPlans(sm), 'loading training plans') : undefined,
  ]);
  return { region: clients.region, endpoints, notebooks, jobs, studio, clusters, warmPools, ...(trainingPlans !== undefined ? { trainingPlans } : {}) };
}

function variantKeys(endpoints: readonly Endpoint[]): VariantKey[] {
  return endpoints.filter((e) => !e.async).flatMap((e) => e.variants.map((v) => ({ endpointName: e.name, variantName: v.variantName })));
}

/** Only endpoints whose variants name no model host inference components: no call at all otherwise. */
function hostsComponents(endpoints: readonly Endpoint[]): boolean {
  return endpoints.some((e) => e.variants.some((v) => v.hasModel === false));
}

const variantSeries = (v: VariantKey) => [{ Name: 'EndpointName', Value: v.endpointName }, { Name: 'VariantName', Value: v.variantName }];
const componentSeries = (c: InferenceComponent) => [{ Name: 'InferenceComponentName', Value: c.name }];

/** A variant serves its components' requests: it has at least their sum, whether or not it publishes its own series. */
function withComponentSums(variants: readonly VariantKey[], sums: readonly number[], components: readonly InferenceComponent[]): VariantInvocations[] {
  return variants.map((v, i) => {
    const viaComponents = components.filter((c) => c.endpointName === v.endpointName && (c.variantName === null || c.variantName === v.variantName)).reduce((n, c) => n + (c.invocations ?? 0), 0);
    return { ...v, invocations: Math.max(sums[i] ?? 0, viaComponents) };
  });
}

/** With every endpoint config known: inference components when hosted, then one GetMetricData for the variants and the components together. */
async function measureAll(clients: RegionClients, lists: RegionLists, endpoints: Endpoint[], idleHours: number, now: Date): Promise<RegionSnapshot> {
  const sm = clients.sageMaker;
  const variants = variantKeys(endpoints);
  const inferenceComponents = hostsComponents(endpoints) ? await settle(() => listInferenceComponents(sm), 'loading inference components') : [];
  const components = Array.isArray(inferenceComponents) ? inferenceComponents : [];
  // Invocations by EndpointName+VariantName, and by InferenceComponentName.
  const series = [...variants.map(variantSeries), ...components.map(componentSeries)];
  const sums = series.length > 0 ? await new EndpointMetrics(clients.cloudWatch).invocationSums(series, idleHours, now) : [];
  components.forEach((c, i) => (c.invocations = sums[variants.length + i]));
  return { ...lists, endpoints, invocations: withComponentSums(variants, sums, components), inferenceComponents };
}

/**
 * One region's resources and endpoint invocations over `idleHours`, all at once (the explorer view
 * uses {@link loadRegionInPhases}). The calls grow with pages and regions; per resource only the
 * describes that no list call can replace (endpoints and their configs on a cold cache, running
 * jobs, Studio spaces and profiles with running apps, inference components, clusters, warm pools).
 */
export async function loadRegion(clients: RegionClients, idleHours: number, now = new Date(), options: LoadOptions = {}): Promise<RegionSnapshot> {
  const resources = resourcesOf(clients, options);
  const { endpoints, ...lists } = await listRegion(clients, resources, options);
  return measureAll(clients, lists, await resources.completeEndpoints(endpoints), idleHours, now);
}

/** A region after phase 1, and how to finish it. */
export interface PhasedRegion {
  /** Every resource with its idle status; endpoints whose config is not known yet have `details: 'pending'`. */
  listed: RegionSnapshot;
  /**
   * Phase 2: the pending endpoint configs (instance types, async, models), then inference components
   * when some endpoint hosts them. `onUpdate` sees the snapshot each time an endpoint is finished.
   */
  complete(onUpdate?: (snapshot: RegionSnapshot) => void): Promise<RegionSnapshot>;
}

/**
 * Phase 1 of one region: the lists and the one batched GetMetricData for the endpoint variants, with
 * no DescribeEndpointConfig (those wait for phase 2). When every config is already cached, phase 1
 * is the whole load.
 */
export async function loadRegionInPhases(clients: RegionClients, idleHours: number, now = new Date(), options: LoadOptions = {}): Promise<PhasedRegion> {
  const resources = resourcesOf(clients, options);
  const { endpoints, ...lists } = await listRegion(clients, resources, options);
  if (!endpoints.some((e) => e.details === 'pending')) {
    const snapshot = await measureAll(clients, lists, endpoints, idleHours, now);
    return { listed: snapshot, complete: () => Promise.resolve(snapshot) };
  }
  // Async is not known before the config: every variant is measured now; an async one's series is dropped in phase 2.
  const variants = variantKeys(endpoints);
  const metrics = new EndpointMetrics(clients.cloudWatch);
  const sums = variants.length > 0 ? await metrics.invocationSums(variants.map(variantSeries), idleHours, now) : [];
  const listed: RegionSnapshot = { ...lists, endpoints, invocations: withComponentSums(variants, sums, []), inferenceComponents: [] };
  const complete = async (onUpdate?: (snapshot: RegionSnapshot) => void): Promise<RegionSnapshot> => {
    const current = [...endpoints];
    const done = await resources.completeEndpoints(endpoints, {
      onEndpoint: (e, i) => {
        current[i] = e;
        onUpdate?.({ ...listed, endpoints: [...current] });
      },
    });
    const known = new Set(variantKeys(done).map((v) => `${v.endpointName}\u0000${v.variantName}`));
    const kept = listed.invocations.filter((v) => known.has(`${v.endpointName}\u0000${v.variantName}`));
    if (!hostsComponents(done)) return { ...listed, endpoints: done, invocations: kept };
    // Components are found only now (a variant without a model hosts them): one more GetMetricData, for them alone.
    const inferenceComponents = await settle(() => listInferenceComponents(clients.sageMaker), 'loading inference components');
    const components = Array.isArray(inferenceComponents) ? inferenceComponents : [];
    const componentSums = components.length > 0 ? await metrics.invocationSums(components.map(componentSeries), idleHours, now) : [];
    components.forEach((c, i) => (c.invocations = componentSums[i]));
    return { ...listed, endpoints: done, invocations: withComponentSums(kept, kept.map((v) => v.invocations), components), inferenceComponents };
  };
  return { listed, complete };
}

export interface LoadFailure {
  reason: AwsErrorReason;
  message: string;
}

export interface AccountSnapshot {
  /** The caller, or why the credentials failed (then no region is loaded). */
  identity: CallerIdentity | LoadFailure;
  regions: (RegionSnapshot | { region: string; error: LoadFailure })[];
}

function failure(err: unknown, action: string): LoadFailure {
  const e = AwsError.from(err, action);
  return { reason: e.reason, message: e.message };
}

/** Progress of {@link loadAccount}: `listed` once every region has its phase 1, then `details` as endpoint configs land. */
export type LoadProgress = (snapshot: AccountSnapshot, phase: 'listed' | 'details') => void;

/** How {@link loadAccount} runs. */
export interface AccountLoad extends LoadOptions {
  onProgress?: LoadProgress;
  /** Bounds the account-regions loading at once (share one across accounts); unbounded when absent. */
  limit?: Limiter;
  /**
   * False: each region loads in one go ({@link loadRegion}: one GetMetricData batch for the variants
   * and inference components together), `onProgress` is not called, and `onRegion` sees each region
   * as it finishes. The explorer view loads in phases (the default) to show the listing early.
   */
  phased?: boolean;
  onRegion?: (region: AccountSnapshot['regions'][number]) => void;
}

/**
 * The account and every region, each region failing on its own; the regions load in parallel (as
 * far as `limit` lets them), in two phases unless `phased` is false: every region's listing with
 * idle status first (reported once through `onProgress`), then the endpoint configs (reported as
 * they land). The promise resolves with the finished snapshot.
 */
export async function loadAccount(options: Omit<ClientOptions, 'region'>, regions: readonly string[], idleHours: number, now = new Date(), load: AccountLoad = {}): Promise<AccountSnapshot> {
  if (regions.length === 0) throw new Error('loadAccount needs at least one region');
  const all = regions.map((region) => createClients({ ...options, region }));
  const limit = load.limit ?? unlimited;
  try {
    let identity: CallerIdentity | LoadFailure;
    try {
      identity = await limit(() => getCallerIdentity(all[0].sts));
    } catch (err) {
      return { identity: failure(err, 'GetCallerIdentity'), regions: [] };
    }
    const scoped = { ...load, account: identity.account };
    const failed = (region: string) => (err: unknown) => ({ region, error: failure(err, `loading ${region}`) });
    if (load.phased === false) {
      const loaded = await Promise.all(
        all.map(async (clients) => {
          const region = await limit(() => loadRegion(clients, idleHours, now, scoped)).catch(failed(clients.region));
          load.onRegion?.(region);
          return region;
        }),
      );
      return { identity, regions: loaded };
    }
    const phased = await Promise.all(all.map((clients) => limit(() => loadRegionInPhases(clients, idleHours, now, scoped)).catch(failed(clients.region))));
    const current: AccountSnapshot['regions'] = phased.map((p) => ('error' in p ? p : p.listed));
    load.onProgress?.({ identity, regions: [...current] }, 'listed');
    // Phase 2 starts when every region is listed, so the listing does not wait behind another region's describes.
    await Promise.all(
      phased.map(async (p, i) => {
        if ('error' in p) return;
        current[i] = await limit(() =>
          p.complete((snapshot) => {
            current[i] = snapshot;
            load.onProgress?.({ identity, regions: [...current] }, 'details');
          }),
        ).catch(failed(p.listed.region));
      }),
    );
    return { identity, regions: current };
  } finally {
    all.forEach(destroyClients);
  }
}
