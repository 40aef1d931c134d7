import type { CallerIdentity, Endpoint, EndpointVariant, Job, NotebookInstance, RegionSnapshot, VariantInvocations } from '../aws/types';
import type { Burn, ExplorerError, ExplorerItem, ExplorerOptions } from './explorerItems';
import { addBurn, describe, errorItem, errorLabels, formatAge, formatBurn, formatTags, group, instanceBurn, leaf, zero } from './explorerItems';
import { clustersGroup, studioGroup, withComponentsError, withInferenceComponents, withWarmPools } from './explorerResources';

// The item primitives live in explorerItems.ts (explorerResources.ts builds on them too); the views import them from here.
export type { Burn, ExplorerError, ExplorerItem, ExplorerOptions } from './explorerItems';
export { addBurn, errorItem, formatAge, formatBurn, formatTags, group, instanceBurn, loginHint } from './explorerItems';

/** What one region's wrappers returned, or why they failed. */
export type RegionResult = RegionSnapshot | { region: string; error: ExplorerError };

const billingEndpointStates = new Set(['InService', 'Creating', 'Updating', 'SystemUpdating', 'RollingBack']);
const billingNotebookStates = new Set(['InService', 'Pending', 'Updating']);


function olderThan(since: Date | null, hours: number, now: Date): boolean {
  return since !== null && now.getTime() - since.getTime() >= hours * 3600_000;
}

function variantLabel(v: EndpointVariant, details?: Endpoint['details']): string {
  if (v.serverless) return `serverless ${v.serverless.memorySizeInMb} MB`;
  return `${v.instanceType ?? (details === 'pending' ? 'type loading…' : 'unknown type')} × ${v.instanceCount}`;
}

/**
 * An endpoint's burn. While its config loads, its instance variants have no type: they count as
 * one loading resource, out of the figures, rather than as unknown (which would blank every total).
 */
function endpointBurn(endpoint: Endpoint, region: string): Burn {
  if (!billingEndpointStates.has(endpoint.status)) return zero;
  const waiting = (v: EndpointVariant) => endpoint.details === 'pending' && !v.serverless && v.instanceType === null && v.instanceCount > 0;
  const known = endpoint.variants.filter((v) => !waiting(v)).reduce((sum, v) => addBurn(sum, v.serverless ? zero : instanceBurn(v.instanceType, v.instanceCount, region)), zero);
  return endpoint.variants.some(waiting) ? addBurn(known, { ...zero, loading: 1 }) : known;
}

export function endpointItem(endpoint: Endpoint, region: string, invocations: readonly VariantInvocations[], options: ExplorerOptions): ExplorerItem {
  const billing = billingEndpointStates.has(endpoint.status);
  const burn = endpointBurn(endpoint, region);
  const count = (v: EndpointVariant) => invocations.find((i) => i.endpointName === endpoint.name && i.variantName === v.variantName)?.invocations ?? 0;
  const window = `${options.idleHours} h`;
  const instanceVariants = endpoint.variants.filter((v) => !v.serverless && v.instanceCount > 0);
  // Async endpoints publish no Invocations metric, so a zero says nothing about them.
  const idle =
    billing && endpoint.status === 'InService' && !endpoint.async && instanceVariants.length > 0 && olderThan(endpoint.creationTime, options.idleHours, options.now) && instanceVariants.every((v) => count(v) === 0)
      ? `0 invocations in the last ${window}`
      : undefined;
  const variants = endpoint.variants.map((v) =>
    leaf({
      id: `${endpoint.arn}/${v.variantName}`,
      label: v.variantName,
      description: describe([variantLabel(v, endpoint.details), endpoint.async ? undefined : `${count(v)} invocations / ${window}`, v.serverless && count(v) === 0 ? 'idle (no charge)' : undefined]),
      contextValue: v.serverless ? 'greenml.aws.variant.serverless' : 'greenml.aws.variant',
      icon: v.serverless ? 'zap' : 'server',
    }),
  );
  const kind = endpoint.async ? 'async' : endpoint.variants.every((v) => v.serverless) ? 'serverless' : undefined;
  return {
    id: endpoint.arn || `${region}/endpoint/${endpoint.name}`,
    label: endpoint.name,
    description: describe([billing && burn.usdPerHour !== 0 ? formatBurn(burn) : undefined, idle ? '⚠ idle' : undefined, endpoint.status === 'InService' ? undefined : endpoint.status, kind, endpoint.variants.map((v) => variantLabel(v, endpoint.details)).join(', ')]),
    tooltip: describe([
      `Endpoint ${endpoint.name} (${endpoint.status})`,
      endpoint.creationTime ? `created ${formatAge(endpoint.creationTime, options.now)} ago` : undefined,
      idle ? `idle: ${idle}` : undefined,
      endpoint.details === 'pending' ? 'instance type loading… (burn not counted yet)' : billing ? `burn ${formatBurn(burn)}` : undefined,
      endpoint.details === 'failed' ? `instance type unknown: ${endpoint.detailsError ?? 'the endpoint config could not be read'}` : undefined,
      endpoint.async ? 'async: idle check needs the async metrics (not checked)' : undefined,
      formatTags(endpoint.tags),
    ]),
    contextValue: idle ? 'greenml.aws.endpoint.idle' : 'greenml.aws.endpoint',
    icon: idle ? 'warning' : 'cloud',
    ...(idle ? { idle } : {}),
    burn,
    resource: { kind: 'endpoint', region, name: endpoint.name, arn: endpoint.arn, endpointConfigName: endpoint.endpointConfigName },
    children: variants,
  };
}

export function notebookItem(notebook: NotebookInstance, region: string, options: ExplorerOptions): ExplorerItem {
  const billing = billingNotebookStates.has(notebook.status);
  const burn = billing ? instanceBurn(notebook.instanceType, 1, region) : zero;
  // Notebook instances publish no activity metric: the signal is time in service without an auto-stop script.
  const idle =
    notebook.status === 'InService' && notebook.lifecycleConfigName === null && olderThan(notebook.lastModifiedTime ?? notebook.creationTime, options.idleHours, options.now)
      ? `InService ${formatAge((notebook.lastModifiedTime ?? notebook.creationTime) as Date, options.now)}, no auto-stop lifecycle config`
      : undefined;
  return leaf({
    id: notebook.arn || `${region}/notebook/${notebook.name}`,
    label: notebook.name,
    description: describe([billing ? formatBurn(burn) : undefined, idle ? '⚠ idle' : undefined, notebook.status, notebook.instanceType ?? undefined]),
    tooltip: describe([`Notebook instance ${notebook.name} (${notebook.status})`, notebook.lifecycleConfigName ? `lifecycle config ${notebook.lifecycleConfigName}` : 'no lifecycle config', idle ? `idle: ${idle}` : undefined]),
    contextValue: idle ? 'greenml.aws.notebook.idle' : `greenml.aws.notebook.${notebook.status === 'InService' ? 'running' : 'other'}`,
    icon: idle ? 'warning' : 'notebook',
    ...(idle ? { idle } : {}),
    burn,
    resource: { kind: 'notebook', region, name: notebook.name, arn: notebook.arn },
  });
}

export function jobItem(job: Job, region: string, options: ExplorerOptions): ExplorerItem {
  const burn = instanceBurn(job.instanceType, job.instanceCount, region);
  return leaf({
    id: job.arn || `${region}/${job.kind}/${job.name}`,
    label: job.name,
    description: describe([formatBurn(burn), job.kind, job.status, job.instanceType ? `${job.instanceType} × ${job.instanceCount}` : undefined]),
    tooltip: describe([`${job.kind} job ${job.name} (${job.status})`, job.creationTime ? `running ${formatAge(job.creationTime, options.now)}` : undefined]),
    contextValue: `greenml.aws.job.${job.kind}`,
    icon: 'run',
    burn,
    resource: { kind: 'job', jobKind: job.kind, region, name: job.name, arn: job.arn },
  });
}


/** Idle resources at any depth (Studio apps sit under domains and spaces). */
function countIdle(items: readonly ExplorerItem[]): number {
  return items.reduce((n, c) => n + (c.idle ? 1 : 0) + countIdle(c.children ?? []), 0);
}

/** One region: its groups, total burn and idle count, or its error node. */
export function regionItem(result: RegionResult, options: ExplorerOptions): ExplorerItem {
  const id = `region/${result.region}`;
  if ('error' in result) {
    return { id, label: result.region, description: errorLabels[result.error.reason], tooltip: result.error.message, contextValue: 'greenml.aws.region.error', icon: 'globe', children: [errorItem(id, result.error, options.profile)] };
  }
  const groups = [
    withComponentsError(
      group(`${id}/endpoints`, 'Endpoints', result.endpoints.map((e) => withInferenceComponents(endpointItem(e, result.region, result.invocations, options), e.name, result.inferenceComponents, result.region, options)), 'No endpoints'),
      result.inferenceComponents,
      options,
    ),
    group(`${id}/notebooks`, 'Notebook instances', result.notebooks.map((n) => notebookItem(n, result.region, options)), 'No notebook instances'),
    withWarmPools(group(`${id}/jobs`, 'Running jobs', result.jobs.map((j) => jobItem(j, result.region, options)), 'No running jobs'), result.warmPools, result.region, options),
    ...(result.studio !== undefined ? [studioGroup(id, result.region, result.studio, options)] : []),
    ...(result.clusters !== undefined ? [clustersGroup(id, result.region, result.clusters, options)] : []),
  ];
  const burn = groups.reduce((sum, g) => addBurn(sum, g.burn ?? zero), zero);
  const idle = countIdle(groups);
  return {
    id,
    label: result.region,
    description: describe([formatBurn(burn), idle > 0 ? `${idle} idle` : undefined]),
    tooltip: `${result.region}: ${formatBurn(burn)} for running resources (list-price estimate)${idle > 0 ? `, ${idle} idle` : ''}`,
    contextValue: 'greenml.aws.region',
    icon: 'globe',
    burn,
    children: groups,
  };
}

/** The root: the account node (or the one error node when the credentials fail), then one node per region. */
export function explorerRoots(identity: CallerIdentity | ExplorerError, regions: readonly RegionResult[], options: ExplorerOptions): ExplorerItem[] {
  if ('reason' in identity) return [errorItem('account', identity, options.profile)];
  const account = leaf({
    id: 'account',
    label: options.profile ?? 'default credentials',
    description: `account ${identity.account}`,
    tooltip: identity.arn,
    contextValue: 'greenml.aws.account',
    icon: 'account',
  });
  return [account, ...regions.map((r) => regionItem(r, options))];
}
