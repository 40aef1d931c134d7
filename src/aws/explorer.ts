import type { ClientOptions, RegionClients } from './clients';
import { createClients, destroyClients } from './clients';
export { profileRegion } from './clients';
import { EndpointMetrics } from './cloudWatch';
import type { AwsErrorReason } from './errors';
import type { DescribeCache } from './cache';
import { listClusters, listInferenceComponents, listWarmPools } from './capacity';
import { AwsError } from './errors';
import { SageMakerResources } from './sagemaker';
import { listStudio } from './studio';
import { getCallerIdentity } from './sts';
import type { CallerIdentity, GroupFailure, RegionExtras, RegionSnapshot } from './types';

export interface LoadOptions {
  /** Keeps endpoint describes between refreshes; the view holds one for its lifetime. */
  cache?: DescribeCache;
}

/** A group that fails on its own: its error becomes the group's error node, the rest of the region still loads. */
async function settle<T>(run: () => Promise<T>, action: string): Promise<T | GroupFailure> {
  try {
    return await run();
  } catch (err) {
    const e = AwsError.from(err, action);
    return { reason: e.reason, message: e.message };
  }
}

/**
 * One region's resources and endpoint invocations over `idleHours`. The calls grow with pages and
 * regions; per resource only the describes that no list call can replace (endpoints and their
 * configs on a cold cache, running jobs, Studio spaces and profiles with running apps, inference
 * components, clusters, warm pools).
 */
export async function loadRegion(clients: RegionClients, idleHours: number, now = new Date(), options: LoadOptions = {}): Promise<RegionSnapshot> {
  const resources = new SageMakerResources(clients.sageMaker, options.cache);
  const sm = clients.sageMaker;
  const [endpoints, notebooks, jobs, studio, clusters, warmPools] = await Promise.all([
    resources.listEndpoints(),
    resources.listNotebookInstances(),
    resources.listRunningJobs(),
    settle(() => listStudio(sm), 'loading Studio'),
    settle(() => listClusters(sm), 'loading HyperPod clusters'),
    settle(() => listWarmPools(sm), 'loading warm pools'),
  ]);
  const variants = endpoints.filter((e) => !e.async).flatMap((e) => e.variants.map((v) => ({ endpointName: e.name, variantName: v.variantName })));
  // Only endpoints whose variants name no model host inference components: no call at all otherwise.
  const hostsComponents = endpoints.some((e) => e.variants.some((v) => v.hasModel === false));
  const inferenceComponents = hostsComponents ? await settle(() => listInferenceComponents(sm), 'loading inference components') : [];
  const components = Array.isArray(inferenceComponents) ? inferenceComponents : [];
  // One GetMetricData for the variants and the components together: Invocations by EndpointName+VariantName, and by InferenceComponentName.
  const series = [
    ...variants.map((v) => [{ Name: 'EndpointName', Value: v.endpointName }, { Name: 'VariantName', Value: v.variantName }]),
    ...components.map((c) => [{ Name: 'InferenceComponentName', Value: c.name }]),
  ];
  const sums = series.length > 0 ? await new EndpointMetrics(clients.cloudWatch).invocationSums(series, idleHours, now) : [];
  components.forEach((c, i) => (c.invocations = sums[variants.length + i]));
  const invocations = variants.map((v, i) => {
    // A variant serves its components' requests: it has at least their sum, whether or not it publishes its own series.
    const viaComponents = components.filter((c) => c.endpointName === v.endpointName && (c.variantName === null || c.variantName === v.variantName)).reduce((n, c) => n + (c.invocations ?? 0), 0);
    return { ...v, invocations: Math.max(sums[i], viaComponents) };
  });
  const extras: RegionExtras = { studio, clusters, warmPools, inferenceComponents };
  return { region: clients.region, endpoints, notebooks, jobs, invocations, ...extras };
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

/** The account and every region, each region failing on its own; the regions load in parallel. */
export async function loadAccount(options: Omit<ClientOptions, 'region'>, regions: readonly string[], idleHours: number, now = new Date(), load: LoadOptions = {}): Promise<AccountSnapshot> {
  if (regions.length === 0) throw new Error('loadAccount needs at least one region');
  const all = regions.map((region) => createClients({ ...options, region }));
  try {
    let identity: CallerIdentity | LoadFailure;
    try {
      identity = await getCallerIdentity(all[0].sts);
    } catch (err) {
      return { identity: failure(err, 'GetCallerIdentity'), regions: [] };
    }
    const loaded = await Promise.all(
      all.map((clients) =>
        loadRegion(clients, idleHours, now, load).catch((err: unknown) => ({ region: clients.region, error: failure(err, `loading ${clients.region}`) })),
      ),
    );
    return { identity, regions: loaded };
  } finally {
    all.forEach(destroyClients);
  }
}
