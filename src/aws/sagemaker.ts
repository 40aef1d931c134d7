import type { DescribeEndpointConfigCommandOutput, DescribeEndpointCommandOutput, SageMakerClient } from '@aws-sdk/client-sagemaker';
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
} from '@aws-sdk/client-sagemaker';
import type { DescribeCache } from './cache';
import { call } from './errors';
import type { Endpoint, EndpointVariant, Job, NotebookInstance } from './types';

/** Endpoint states in which nothing changes without a new LastModifiedTime (an update or scaling goes through Updating). */
const settledEndpointStates = new Set(['InService', 'OutOfService', 'Failed']);

/** Describes in flight at once per region, to stay below SageMaker's describe quotas. */
const concurrency = 4;

/** Runs `run` over `items` with at most `concurrency` calls in flight, keeping the order. */
export async function mapLimit<T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await run(items[i]);
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

/** Merges an endpoint's runtime variants with its config's production variants (the instance type lives only in the config). */
export function toEndpoint(endpoint: DescribeEndpointCommandOutput, config: DescribeEndpointConfigCommandOutput | undefined): Endpoint {
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
   * Every endpoint with its variants (instance type and count, serverless, async). The variants need
   * DescribeEndpoint and DescribeEndpointConfig per endpoint (no list call carries them); with a cache,
   * a settled endpoint whose status and LastModifiedTime are unchanged is not described again.
   */
  async listEndpoints(): Promise<Endpoint[]> {
    const summaries = await call('ListEndpoints', () => collect(paginateListEndpoints({ client: this.client }, { MaxResults: 100 }), (p) => p.Endpoints));
    return mapLimit(summaries, async (s) => {
      const name = s.EndpointName ?? '';
      const settled = s.EndpointStatus !== undefined && settledEndpointStates.has(s.EndpointStatus) && s.LastModifiedTime !== undefined;
      const version = settled ? `${s.EndpointStatus}|${s.LastModifiedTime?.toISOString()}` : '';
      const id = s.EndpointArn ?? name;
      const cached = settled ? this.cache?.get<Endpoint>(id, version) : undefined;
      if (cached) return cached;
      const endpoint = await this.describeEndpoint(name);
      if (settled && endpoint.status === s.EndpointStatus) this.cache?.set(id, version, endpoint);
      return endpoint;
    });
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
