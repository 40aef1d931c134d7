import type { ClientOptions, RegionClients } from './clients';
import { createClients, destroyClients } from './clients';
export { profileRegion } from './clients';
import { EndpointMetrics } from './cloudWatch';
import type { AwsErrorReason } from './errors';
import { AwsError } from './errors';
import { SageMakerResources } from './sagemaker';
import { getCallerIdentity } from './sts';
import type { CallerIdentity, RegionSnapshot } from './types';

/**
 * One region's resources and endpoint invocations over `idleHours`. The calls grow with pages and
 * regions, not with resources, except one describe per endpoint and running job.
 */
export async function loadRegion(clients: RegionClients, idleHours: number, now = new Date()): Promise<RegionSnapshot> {
  const resources = new SageMakerResources(clients.sageMaker);
  const [endpoints, notebooks, jobs] = await Promise.all([resources.listEndpoints(), resources.listNotebookInstances(), resources.listRunningJobs()]);
  const variants = endpoints.filter((e) => !e.async).flatMap((e) => e.variants.map((v) => ({ endpointName: e.name, variantName: v.variantName })));
  const invocations = variants.length > 0 ? await new EndpointMetrics(clients.cloudWatch).invocations(variants, idleHours, now) : [];
  return { region: clients.region, endpoints, notebooks, jobs, invocations };
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
export async function loadAccount(options: Omit<ClientOptions, 'region'>, regions: readonly string[], idleHours: number, now = new Date()): Promise<AccountSnapshot> {
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
        loadRegion(clients, idleHours, now).catch((err: unknown) => ({ region: clients.region, error: failure(err, `loading ${clients.region}`) })),
      ),
    );
    return { identity, regions: loaded };
  } finally {
    all.forEach(destroyClients);
  }
}
