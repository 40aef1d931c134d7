import type { RegionClients } from './clients';
import { EndpointMetrics } from './cloudWatch';
import { SageMakerResources } from './sagemaker';
import type { RegionSnapshot } from './types';

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
