import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import {
  DescribeClusterCommand,
  DescribeInferenceComponentCommand,
  DescribeTrainingJobCommand,
  paginateListClusters,
  paginateListInferenceComponents,
  paginateListTrainingJobs,
} from '@aws-sdk/client-sagemaker';
import { call } from './errors';
import { collect, mapLimit } from './sagemaker';
import type { HyperPodCluster, InferenceComponent, WarmPool } from './types';

/**
 * Inference components of the region: one paginated ListInferenceComponents, then a describe of each
 * one that is not being deleted (copies and compute live only in the describe).
 */
export async function listInferenceComponents(client: SageMakerClient): Promise<InferenceComponent[]> {
  const summaries = await call('ListInferenceComponents', () => collect(paginateListInferenceComponents({ client }, {}), (p) => p.InferenceComponents));
  const live = summaries.filter((s) => s.InferenceComponentStatus !== 'Deleting');
  return mapLimit(live, async (s) => {
    const name = s.InferenceComponentName ?? '';
    const d = await call('DescribeInferenceComponent', () => client.send(new DescribeInferenceComponentCommand({ InferenceComponentName: name })));
    const compute = d.Specification?.ComputeResourceRequirements;
    return {
      name,
      arn: d.InferenceComponentArn ?? s.InferenceComponentArn ?? '',
      endpointName: d.EndpointName ?? s.EndpointName ?? '',
      variantName: d.VariantName ?? s.VariantName ?? null,
      status: d.InferenceComponentStatus ?? s.InferenceComponentStatus ?? 'Unknown',
      creationTime: d.CreationTime ?? s.CreationTime ?? null,
      copies: d.RuntimeConfig?.CurrentCopyCount ?? d.RuntimeConfig?.DesiredCopyCount ?? 0,
      cpuCores: compute?.NumberOfCpuCoresRequired ?? null,
      accelerators: compute?.NumberOfAcceleratorDevicesRequired ?? null,
      memoryMb: compute?.MinMemoryRequiredInMb ?? null,
      invocations: null,
    };
  });
}

/** HyperPod clusters: ListClusters, then DescribeCluster for each (the instance groups live only there). */
export async function listClusters(client: SageMakerClient): Promise<HyperPodCluster[]> {
  const summaries = await call('ListClusters', () => collect(paginateListClusters({ client }, {}), (p) => p.ClusterSummaries));
  return mapLimit(summaries, async (s) => {
    const name = s.ClusterName ?? '';
    const d = await call('DescribeCluster', () => client.send(new DescribeClusterCommand({ ClusterName: name })));
    return {
      name,
      arn: d.ClusterArn ?? s.ClusterArn ?? '',
      status: d.ClusterStatus ?? s.ClusterStatus ?? 'Unknown',
      creationTime: d.CreationTime ?? s.CreationTime ?? null,
      instanceGroups: (d.InstanceGroups ?? []).map((g) => ({ name: g.InstanceGroupName ?? '', instanceType: g.InstanceType ?? null, currentCount: g.CurrentCount ?? 0, targetCount: g.TargetCount ?? g.CurrentCount ?? 0 })),
    };
  });
}

/**
 * Training jobs whose warm pool is `Available` (kept instances that bill until reused or expired):
 * ListTrainingJobs filtered on the warm pool status (checked again on the summary, for services that
 * ignore the filter), then a describe of each for the instances and keep-alive period.
 */
export async function listWarmPools(client: SageMakerClient): Promise<WarmPool[]> {
  const summaries = await call('ListTrainingJobs', () => collect(paginateListTrainingJobs({ client }, { WarmPoolStatusEquals: 'Available' }), (p) => p.TrainingJobSummaries));
  const available = summaries.filter((s) => s.WarmPoolStatus?.Status === 'Available');
  return mapLimit(available, async (s) => {
    const name = s.TrainingJobName ?? '';
    const d = await call('DescribeTrainingJob', () => client.send(new DescribeTrainingJobCommand({ TrainingJobName: name })));
    const rc = d.ResourceConfig;
    const end = d.TrainingEndTime ?? s.TrainingEndTime ?? null;
    const keepAlive = rc?.KeepAlivePeriodInSeconds ?? null;
    const status = d.WarmPoolStatus ?? s.WarmPoolStatus;
    return {
      jobName: name,
      arn: d.TrainingJobArn ?? s.TrainingJobArn ?? '',
      instanceType: rc?.InstanceType ?? rc?.InstanceGroups?.[0]?.InstanceType ?? null,
      instanceCount: rc?.InstanceCount ?? rc?.InstanceGroups?.[0]?.InstanceCount ?? 0,
      trainingEndTime: end,
      keepAliveSeconds: keepAlive,
      expiresAt: end !== null && keepAlive !== null ? new Date(end.getTime() + keepAlive * 1000) : null,
      reusedBy: status?.ReusedByJob ?? null,
      billableSeconds: status?.ResourceRetainedBillableTimeInSeconds ?? null,
    };
  });
}
