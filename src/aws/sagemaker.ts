import type { DescribeEndpointConfigCommandOutput, DescribeEndpointCommandOutput, EndpointSummary, SageMakerClient, Tag } from '@aws-sdk/client-sagemaker';
import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeNotebookInstanceCommand,
  DescribeProcessingJobCommand,
  DescribeTrainingJobCommand,
  DescribeTransformJobCommand,
  paginateListEndpointConfigs,
  paginateListEndpoints,
  paginateListNotebookInstances,
  paginateListProcessingJobs,
  paginateListTrainingJobs,
  paginateListTransformJobs,
  paginateSearch,
} from '@aws-sdk/client-sagemaker';
import type { ConfigLookup, DescribeCache } from './cache';
import { call } from './errors';
import type { Endpoint, EndpointConfigFacts, EndpointVariant, InstancePool, Job, NotebookInstance } from './types';

/** Endpoint states in which nothing changes without a new LastModifiedTime (an update or scaling goes through Updating). */
const settledEndpointStates = new Set(['InService', 'OutOfService', 'Failed']);

/** Describes in flight at once per region, to stay below SageMaker's describe quotas. */
const concurrency = 4;

/** Runs `run` over `items` with at most `concurrency` calls in flight, keeping the order. */
export async function mapLimit<T, R>(items: readonly T[], run: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await run(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return out;
}

/** Every item of every page of a paginator. */
export async function collect<P, T>(pages: AsyncIterable<P>, items: (page: P) => T[] | undefined): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...(items(page) ?? []));
  return all;
}

/** What DescribeEndpoint and a Search record of an endpoint have in common, as far as the explorer reads it (Search adds tags). */
export type EndpointDescription = Pick<DescribeEndpointCommandOutput, 'EndpointName' | 'EndpointArn' | 'EndpointStatus' | 'CreationTime' | 'LastModifiedTime' | 'EndpointConfigName' | 'ProductionVariants'> & { Tags?: Tag[] };
type ListedEndpoint = Pick<EndpointSummary, 'EndpointName' | 'EndpointArn' | 'EndpointStatus' | 'LastModifiedTime'>;

/** The part of a DescribeEndpointConfig answer the explorer reads. */
export function configFacts(config: DescribeEndpointConfigCommandOutput): EndpointConfigFacts {
  return {
    createdAt: config.CreationTime?.toISOString() ?? null,
    async: config.AsyncInferenceConfig !== undefined,
    variants: (config.ProductionVariants ?? []).map((v) => ({
      variantName: v.VariantName ?? '',
      instanceType: v.InstanceType ?? null,
      initialInstanceCount: v.InitialInstanceCount ?? null,
      serverless: v.ServerlessConfig ? { memorySizeInMb: v.ServerlessConfig.MemorySizeInMB ?? 0, maxConcurrency: v.ServerlessConfig.MaxConcurrency ?? 0, provisionedConcurrency: v.ServerlessConfig.ProvisionedConcurrency ?? 0 } : null,
      hasModel: v.ModelName !== undefined && v.ModelName !== '',
      ...(v.InstancePools && v.InstancePools.length > 0 ? { instancePools: v.InstancePools.map((p) => ({ instanceType: p.InstanceType ?? '', priority: p.Priority ?? null })) } : {}),
    })),
  };
}

/** A variant's instance pools: the config's types and priorities, with the endpoint's current count per type; undefined when neither names a pool. */
function mergePools(configured: readonly { instanceType: string; priority: number | null }[] | undefined, runtime: readonly { InstanceType?: string; CurrentInstanceCount?: number }[] | undefined): InstancePool[] | undefined {
  if (!configured?.length && !runtime?.length) return undefined;
  const counts = new Map((runtime ?? []).map((p) => [p.InstanceType ?? '', p.CurrentInstanceCount ?? null]));
  const pools: InstancePool[] = (configured ?? []).map((p) => ({ instanceType: p.instanceType, priority: p.priority, currentCount: counts.get(p.instanceType) ?? null }));
  for (const [instanceType, currentCount] of counts) if (!pools.some((p) => p.instanceType === instanceType)) pools.push({ instanceType, priority: null, currentCount });
  return pools;
}

/**
 * Merges an endpoint's runtime variants with its config's production variants (the instance type
 * lives only in the config). Without the config (`undefined`), the endpoint comes back with
 * `details: 'pending'` when it names one: counts and serverless settings from the runtime variants,
 * no instance type, async or model facts yet.
 */
export function toEndpoint(endpoint: EndpointDescription, config: EndpointConfigFacts | undefined): Endpoint {
  const configured = new Map((config?.variants ?? []).map((v) => [v.variantName, v]));
  const runtime = endpoint.ProductionVariants ?? [];
  const names = runtime.length > 0 ? runtime.map((v) => v.VariantName ?? '') : [...configured.keys()];
  const variants: EndpointVariant[] = names.map((variantName) => {
    const live = runtime.find((v) => v.VariantName === variantName);
    const conf = configured.get(variantName);
    const runtimeServerless = live?.CurrentServerlessConfig ?? live?.DesiredServerlessConfig;
    const serverless = runtimeServerless
      ? { memorySizeInMb: runtimeServerless.MemorySizeInMB ?? 0, maxConcurrency: runtimeServerless.MaxConcurrency ?? 0, provisionedConcurrency: runtimeServerless.ProvisionedConcurrency ?? 0 }
      : (conf?.serverless ?? null);
    const instancePools = serverless ? undefined : mergePools(conf?.instancePools, live?.InstancePools);
    return {
      variantName,
      instanceType: serverless ? null : (conf?.instanceType ?? null),
      instanceCount: serverless ? 0 : (live?.CurrentInstanceCount ?? live?.DesiredInstanceCount ?? conf?.initialInstanceCount ?? 0),
      serverless,
      ...(conf ? { hasModel: conf.hasModel } : {}),
      ...(instancePools ? { instancePools } : {}),
    };
  });
  const pending = config === undefined && (endpoint.EndpointConfigName ?? '') !== '';
  return {
    name: endpoint.EndpointName ?? '',
    arn: endpoint.EndpointArn ?? '',
    status: endpoint.EndpointStatus ?? 'Unknown',
    creationTime: endpoint.CreationTime ?? null,
    lastModifiedTime: endpoint.LastModifiedTime ?? null,
    endpointConfigName: endpoint.EndpointConfigName ?? null,
    async: config?.async ?? false,
    variants,
    ...(pending ? { details: 'pending' as const } : {}),
    ...(endpoint.Tags ? { tags: endpoint.Tags.map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' })) } : {}),
  };
}

/** A notebook instance from its list summary or its describe (the two share these fields); `name` when the answer has none. */
function toNotebookInstance(
  s: { NotebookInstanceName?: string; NotebookInstanceArn?: string; NotebookInstanceStatus?: string; InstanceType?: string; CreationTime?: Date; LastModifiedTime?: Date; NotebookInstanceLifecycleConfigName?: string },
  name: string,
): NotebookInstance {
  return {
    name: s.NotebookInstanceName ?? name,
    arn: s.NotebookInstanceArn ?? '',
    status: s.NotebookInstanceStatus ?? 'Unknown',
    instanceType: s.InstanceType ?? null,
    creationTime: s.CreationTime ?? null,
    lastModifiedTime: s.LastModifiedTime ?? null,
    lifecycleConfigName: s.NotebookInstanceLifecycleConfigName ?? null,
  };
}

/** Endpoint listed in phase 1, with what phase 2 needs to finish it. */
interface Listed {
  description: EndpointDescription;
  /** Set for a settled endpoint: the version its finished record is cached under. */
  cacheAs?: { id: string; version: string };
}

/** The SageMaker calls of the explorer, over an injected client. */
export class SageMakerResources {
  private readonly listed = new WeakMap<Endpoint, Listed>();

  /**
   * `cache` keeps endpoint describes between refreshes (see {@link DescribeCache}); none: describe
   * every endpoint each time. `configs` keeps endpoint config facts of this account and region (see
   * {@link EndpointConfigCache}); none: configs are shared within one listing only.
   */
  constructor(private readonly client: SageMakerClient, private readonly cache?: DescribeCache, private readonly configs?: ConfigLookup) {}

  /** Every endpoint with its variants (instance type and count, serverless, async): {@link listEndpointsFirst} then {@link completeEndpoints}. */
  async listEndpoints(): Promise<Endpoint[]> {
    return this.completeEndpoints(await this.listEndpointsFirst(), { onError: 'throw' });
  }

  /**
   * Phase 1: every endpoint with status, creation time and runtime variants (counts, serverless),
   * enough for the idle check, but no DescribeEndpointConfig: endpoints whose config is not in the
   * config cache come back with `details: 'pending'`.
   *
   * No list call carries the variants: the counts are in DescribeEndpoint (or Search), the instance
   * types only in DescribeEndpointConfig. To keep the calls from growing with endpoints:
   * - ListEndpoints (100 a page) is the authoritative list, with each endpoint's status and LastModifiedTime;
   * - with a cache, a settled endpoint whose status and LastModifiedTime are unchanged is not looked at again;
   * - the others take their runtime variants from Search (100 endpoints a page) when its record is as
   *   fresh as the list (Search is eventually consistent), else from DescribeEndpoint.
   */
  async listEndpointsFirst(): Promise<Endpoint[]> {
    const summaries = await call('ListEndpoints', () => collect(paginateListEndpoints({ client: this.client }, { MaxResults: 100 }), (p) => p.Endpoints));
    const versionOf = (status: string | undefined, modified: Date | undefined) => `${status}|${modified?.toISOString()}`;
    const settled = (s: ListedEndpoint) => s.EndpointStatus !== undefined && settledEndpointStates.has(s.EndpointStatus) && s.LastModifiedTime !== undefined;
    const cached = summaries.map((s) => (settled(s) ? this.cache?.get<Endpoint>(s.EndpointArn ?? s.EndpointName ?? '', versionOf(s.EndpointStatus, s.LastModifiedTime)) : undefined));
    const missing = summaries.filter((_, i) => cached[i] === undefined);
    // Search pages hold 100 endpoints of the region, wanted or not: worth it only when they replace more describes.
    const searched = missing.length > Math.ceil(summaries.length / 100) ? await this.searchEndpoints() : new Map<string, EndpointDescription>();
    const descriptions = await mapLimit(summaries, async (s, i) => {
      if (cached[i]) return undefined;
      const name = s.EndpointName ?? '';
      const record = searched.get(name);
      const fresh = record && record.EndpointStatus === s.EndpointStatus && record.LastModifiedTime?.getTime() === s.LastModifiedTime?.getTime() && record.ProductionVariants !== undefined;
      return fresh ? record : await call('DescribeEndpoint', () => this.client.send(new DescribeEndpointCommand({ EndpointName: name })));
    });
    const known = await this.knownConfigs(descriptions.flatMap((d) => (d?.EndpointConfigName ? [d.EndpointConfigName] : [])));
    return summaries.map((s, i) => {
      const hit = cached[i];
      const description = descriptions[i];
      if (hit || !description) return hit as Endpoint;
      const name = s.EndpointName ?? '';
      const endpoint = toEndpoint(description, description.EndpointConfigName ? known.get(description.EndpointConfigName) : undefined);
      const cacheAs = settled(s) && endpoint.status === s.EndpointStatus ? { id: s.EndpointArn ?? name, version: versionOf(s.EndpointStatus, s.LastModifiedTime) } : undefined;
      if (endpoint.details === 'pending') this.listed.set(endpoint, { description, cacheAs });
      else if (cacheAs) this.cache?.set(cacheAs.id, cacheAs.version, endpoint);
      return endpoint;
    });
  }

  /**
   * The cached facts of `names` that still hold: a cached config counts only when ListEndpointConfigs
   * (one call per 100 configs of the region, made only when some name is cached) shows the same
   * CreationTime, since a config can be deleted and created again under its name.
   */
  private async knownConfigs(names: readonly string[]): Promise<Map<string, EndpointConfigFacts>> {
    const candidates = new Map(names.flatMap((n) => {
      const facts = this.configs?.get(n);
      return facts ? [[n, facts] as const] : [];
    }));
    if (candidates.size === 0) return candidates;
    let created: Map<string, string | undefined>;
    try {
      const all = await call('ListEndpointConfigs', () => collect(paginateListEndpointConfigs({ client: this.client }, { MaxResults: 100 }), (p) => p.EndpointConfigs));
      created = new Map(all.map((c) => [c.EndpointConfigName ?? '', c.CreationTime?.toISOString()]));
    } catch {
      return new Map(); // cannot check: describe them
    }
    return new Map([...candidates].filter(([n, facts]) => facts.createdAt !== null && created.get(n) === facts.createdAt));
  }

  /**
   * Phase 2: the endpoint configs of the pending endpoints from {@link listEndpointsFirst}, one
   * DescribeEndpointConfig per distinct config not yet cached, at most a few in flight;
   * `onEndpoint` sees each endpoint as it is finished. A failed describe throws (`onError: 'throw'`)
   * or leaves its endpoints with `details: 'failed'` and the reason (`'mark'`, the default).
   */
  async completeEndpoints(endpoints: readonly Endpoint[], options: { onError?: 'throw' | 'mark'; onEndpoint?: (endpoint: Endpoint, index: number) => void } = {}): Promise<Endpoint[]> {
    const inFlight = new Map<string, Promise<EndpointConfigFacts>>();
    const describeConfig = (name: string) => {
      let p = inFlight.get(name);
      if (!p) {
        p = call('DescribeEndpointConfig', () => this.client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: name }))).then(configFacts);
        inFlight.set(name, p);
      }
      return p;
    };
    return mapLimit(endpoints, async (endpoint, i) => {
      const listed = this.listed.get(endpoint);
      if (endpoint.details !== 'pending' || !listed) return endpoint;
      const configName = listed.description.EndpointConfigName ?? '';
      let done: Endpoint;
      try {
        const facts = await describeConfig(configName);
        this.configs?.set(configName, facts);
        done = toEndpoint(listed.description, facts);
        if (listed.cacheAs) this.cache?.set(listed.cacheAs.id, listed.cacheAs.version, done);
      } catch (err) {
        if (options.onError === 'throw') throw err;
        done = { ...endpoint, details: 'failed', detailsError: err instanceof Error ? err.message : String(err) };
      }
      options.onEndpoint?.(done, i);
      return done;
    });
  }

  /** Endpoint records from Search, by name; empty when Search fails (denied, unsupported…): the caller then describes each endpoint. */
  private async searchEndpoints(): Promise<Map<string, EndpointDescription>> {
    try {
      const results = await call('Search', () => collect(paginateSearch({ client: this.client }, { Resource: 'Endpoint', MaxResults: 100 }), (p) => p.Results));
      return new Map(results.flatMap((r) => (r.Endpoint?.EndpointName ? [[r.Endpoint.EndpointName, r.Endpoint] as const] : [])));
    } catch {
      return new Map();
    }
  }

  async describeEndpoint(name: string): Promise<Endpoint> {
    const endpoint = await call('DescribeEndpoint', () => this.client.send(new DescribeEndpointCommand({ EndpointName: name })));
    const configName = endpoint.EndpointConfigName;
    const config = configName ? await call('DescribeEndpointConfig', () => this.client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: configName }))) : undefined;
    return toEndpoint(endpoint, config && configFacts(config));
  }

  /** Every notebook instance; the lifecycle config comes from a describe of the InService ones (the summary has it too, but not on every API version). */
  async listNotebookInstances(): Promise<NotebookInstance[]> {
    const summaries = await call('ListNotebookInstances', () => collect(paginateListNotebookInstances({ client: this.client }, {}), (p) => p.NotebookInstances));
    return summaries.map((s) => toNotebookInstance(s, ''));
  }

  async describeNotebookInstance(name: string): Promise<NotebookInstance> {
    const s = await call('DescribeNotebookInstance', () => this.client.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: name })));
    return toNotebookInstance(s, name);
  }

  /** Training, processing and transform jobs that are InProgress, with their instances (from a describe each). */
  async listRunningJobs(): Promise<Job[]> {
    const input = { StatusEquals: 'InProgress' as const };
    const [training, processing, transform] = await Promise.all([
      call('ListTrainingJobs', () => collect(paginateListTrainingJobs({ client: this.client }, input), (p) => p.TrainingJobSummaries)),
      call('ListProcessingJobs', () => collect(paginateListProcessingJobs({ client: this.client }, input), (p) => p.ProcessingJobSummaries)),
      call('ListTransformJobs', () => collect(paginateListTransformJobs({ client: this.client }, input), (p) => p.TransformJobSummaries)),
    ]);
    const jobs = [
      ...training.map((s) => ({ kind: 'training' as const, name: s.TrainingJobName ?? '' })),
      ...processing.map((s) => ({ kind: 'processing' as const, name: s.ProcessingJobName ?? '' })),
      ...transform.map((s) => ({ kind: 'transform' as const, name: s.TransformJobName ?? '' })),
    ];
    return mapLimit(jobs, (j) => this.describeJob(j.kind, j.name));
  }

  async describeJob(kind: Job['kind'], name: string): Promise<Job> {
    if (kind === 'training') {
      const d = await call('DescribeTrainingJob', () => this.client.send(new DescribeTrainingJobCommand({ TrainingJobName: name })));
      const rc = d.ResourceConfig;
      const heterogeneous = rc?.InstanceGroups?.[0];
      return {
        kind,
        name,
        arn: d.TrainingJobArn ?? '',
        status: d.TrainingJobStatus ?? 'Unknown',
        creationTime: d.CreationTime ?? null,
        instanceType: rc?.InstanceType ?? heterogeneous?.InstanceType ?? null,
        instanceCount: rc?.InstanceCount ?? heterogeneous?.InstanceCount ?? 0,
      };
    }
    if (kind === 'processing') {
      const d = await call('DescribeProcessingJob', () => this.client.send(new DescribeProcessingJobCommand({ ProcessingJobName: name })));
      const cc = d.ProcessingResources?.ClusterConfig;
      return { kind, name, arn: d.ProcessingJobArn ?? '', status: d.ProcessingJobStatus ?? 'Unknown', creationTime: d.CreationTime ?? null, instanceType: cc?.InstanceType ?? null, instanceCount: cc?.InstanceCount ?? 0 };
    }
    const d = await call('DescribeTransformJob', () => this.client.send(new DescribeTransformJobCommand({ TransformJobName: name })));
    const tr = d.TransformResources;
    return { kind, name, arn: d.TransformJobArn ?? '', status: d.TransformJobStatus ?? 'Unknown', creationTime: d.CreationTime ?? null, instanceType: tr?.InstanceType ?? null, instanceCount: tr?.InstanceCount ?? 0 };
  }
}
