import type { DescribeEndpointConfigCommandOutput, DescribeEndpointCommandOutput, EndpointSummary, SageMakerClient } from '@aws-sdk/client-sagemaker';
import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeNotebookInstanceCommand,
  DescribeProcessingJobCommand,
  DescribeTrainingJobCommand,
  DescribeTransformJobCommand,
  paginateListEndpoints,
  paginateListNotebookInstances,
  paginateListProcessingJobs,
  paginateListTrainingJobs,
  paginateListTransformJobs,
  paginateSearch,
} from '@aws-sdk/client-sagemaker';
import type { DescribeCache } from './cache';
import { call } from './errors';
import type { Endpoint, EndpointVariant, Job, NotebookInstance } from './types';

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

/** What DescribeEndpoint and a Search record of an endpoint have in common, as far as the explorer reads it. */
export type EndpointDescription = Pick<DescribeEndpointCommandOutput, 'EndpointName' | 'EndpointArn' | 'EndpointStatus' | 'CreationTime' | 'LastModifiedTime' | 'EndpointConfigName' | 'ProductionVariants'>;
type ListedEndpoint = Pick<EndpointSummary, 'EndpointName' | 'EndpointArn' | 'EndpointStatus' | 'LastModifiedTime'>;

/** Merges an endpoint's runtime variants with its config's production variants (the instance type lives only in the config). */
export function toEndpoint(endpoint: EndpointDescription, config: DescribeEndpointConfigCommandOutput | undefined): Endpoint {
  const configured = new Map((config?.ProductionVariants ?? []).map((v) => [v.VariantName ?? '', v]));
  const runtime = endpoint.ProductionVariants ?? [];
  const names = runtime.length > 0 ? runtime.map((v) => v.VariantName ?? '') : [...configured.keys()];
  const variants: EndpointVariant[] = names.map((variantName) => {
    const live = runtime.find((v) => v.VariantName === variantName);
    const conf = configured.get(variantName);
    const serverless = live?.CurrentServerlessConfig ?? live?.DesiredServerlessConfig ?? conf?.ServerlessConfig;
    return {
      variantName,
      instanceType: serverless ? null : (conf?.InstanceType ?? null),
      instanceCount: serverless ? 0 : (live?.CurrentInstanceCount ?? live?.DesiredInstanceCount ?? conf?.InitialInstanceCount ?? 0),
      serverless: serverless
        ? { memorySizeInMb: serverless.MemorySizeInMB ?? 0, maxConcurrency: serverless.MaxConcurrency ?? 0, provisionedConcurrency: serverless.ProvisionedConcurrency ?? 0 }
        : null,
      ...(conf ? { hasModel: conf.ModelName !== undefined && conf.ModelName !== '' } : {}),
    };
  });
  return {
    name: endpoint.EndpointName ?? '',
    arn: endpoint.EndpointArn ?? '',
    status: endpoint.EndpointStatus ?? 'Unknown',
    creationTime: endpoint.CreationTime ?? null,
    lastModifiedTime: endpoint.LastModifiedTime ?? null,
    endpointConfigName: endpoint.EndpointConfigName ?? null,
    async: config?.AsyncInferenceConfig !== undefined,
    variants,
  };
}

/** The SageMaker calls of the explorer, over an injected client. */
export class SageMakerResources {
  /** `cache` keeps endpoint describes between refreshes (see {@link DescribeCache}); none: describe every endpoint each time. */
  constructor(private readonly client: SageMakerClient, private readonly cache?: DescribeCache) {}

  /**
   * Every endpoint with its variants (instance type and count, serverless, async).
   *
   * No list call carries the variants: the counts are in DescribeEndpoint, the instance types only in
   * DescribeEndpointConfig. To keep the calls from growing with endpoints:
   * - ListEndpoints (100 a page) is the authoritative list, with each endpoint's status and LastModifiedTime;
   * - with a cache, a settled endpoint whose status and LastModifiedTime are unchanged is not looked at again;
   * - the others take their runtime variants from Search (100 endpoints a page) when its record is as
   *   fresh as the list (Search is eventually consistent), else from DescribeEndpoint;
   * - DescribeEndpointConfig once per distinct config (configs cannot be changed, only replaced).
   * On a cold cache that leaves one DescribeEndpointConfig per distinct config: no batch call returns them.
   */
  async listEndpoints(): Promise<Endpoint[]> {
    const summaries = await call('ListEndpoints', () => collect(paginateListEndpoints({ client: this.client }, { MaxResults: 100 }), (p) => p.Endpoints));
    const versionOf = (status: string | undefined, modified: Date | undefined) => `${status}|${modified?.toISOString()}`;
    const settled = (s: ListedEndpoint) => s.EndpointStatus !== undefined && settledEndpointStates.has(s.EndpointStatus) && s.LastModifiedTime !== undefined;
    const cached = summaries.map((s) => (settled(s) ? this.cache?.get<Endpoint>(s.EndpointArn ?? s.EndpointName ?? '', versionOf(s.EndpointStatus, s.LastModifiedTime)) : undefined));
    const missing = summaries.filter((_, i) => cached[i] === undefined);
    // Search pages hold 100 endpoints of the region, wanted or not: worth it only when they replace more describes.
    const searched = missing.length > Math.ceil(summaries.length / 100) ? await this.searchEndpoints() : new Map<string, EndpointDescription>();
    const configs = new Map<string, Promise<DescribeEndpointConfigCommandOutput>>();
    const config = (name: string) => {
      let p = configs.get(name);
      if (!p) configs.set(name, (p = call('DescribeEndpointConfig', () => this.client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: name })))));
      return p;
    };
    return mapLimit(summaries, async (s, i) => {
      const hit = cached[i];
      if (hit) return hit;
      const name = s.EndpointName ?? '';
      const record = searched.get(name);
      const fresh = record && record.EndpointStatus === s.EndpointStatus && record.LastModifiedTime?.getTime() === s.LastModifiedTime?.getTime() && record.ProductionVariants !== undefined;
      const description = fresh ? record : await call('DescribeEndpoint', () => this.client.send(new DescribeEndpointCommand({ EndpointName: name })));
      const configName = description.EndpointConfigName;
      const endpoint = toEndpoint(description, configName ? await config(configName) : undefined);
      if (settled(s) && endpoint.status === s.EndpointStatus) this.cache?.set(s.EndpointArn ?? name, versionOf(s.EndpointStatus, s.LastModifiedTime), endpoint);
      return endpoint;
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
    return toEndpoint(endpoint, config);
  }

  /** Every notebook instance; the lifecycle config comes from a describe of the InService ones (the summary has it too, but not on every API version). */
  async listNotebookInstances(): Promise<NotebookInstance[]> {
    const summaries = await call('ListNotebookInstances', () => collect(paginateListNotebookInstances({ client: this.client }, {}), (p) => p.NotebookInstances));
    return summaries.map((s) => ({
      name: s.NotebookInstanceName ?? '',
      arn: s.NotebookInstanceArn ?? '',
      status: s.NotebookInstanceStatus ?? 'Unknown',
      instanceType: s.InstanceType ?? null,
      creationTime: s.CreationTime ?? null,
      lastModifiedTime: s.LastModifiedTime ?? null,
      lifecycleConfigName: s.NotebookInstanceLifecycleConfigName ?? null,
    }));
  }

  async describeNotebookInstance(name: string): Promise<NotebookInstance> {
    const s = await call('DescribeNotebookInstance', () => this.client.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: name })));
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
