import type { AwsErrorReason } from '../aws/errors';
import type { CallerIdentity, Endpoint, EndpointVariant, Job, NotebookInstance, RegionSnapshot, ResourceRef, VariantInvocations } from '../aws/types';
import { EstimateError, estimateInstance } from '../estimate/estimate';
import { clustersGroup, studioGroup, withComponentsError, withInferenceComponents, withWarmPools } from './explorerResources';
import { formatFigure, formatUsd } from './figures';

/** What one region's wrappers returned, or why they failed. */
export type RegionResult = RegionSnapshot | { region: string; error: ExplorerError };

export interface ExplorerError {
  reason: AwsErrorReason;
  message: string;
}

/** Per-hour burn; a null part is unknown (type or region without figures). */
export interface Burn {
  usdPerHour: number | null;
  kgCo2ePerHour: number | null;
  /** Resources whose burn is not known yet (endpoint config still loading), left out of the figures: they are lower bounds. */
  loading?: number;
  /** Set when a dollar figure is another region's list price (the bundled prices are us-east-1's): that region. */
  priceRegion?: string;
}

/** A tree item as data: the vscode layer maps it 1:1 onto a TreeItem. */
export interface ExplorerItem {
  id: string;
  label: string;
  description: string;
  tooltip: string;
  /** `greenml.aws.<kind>`; menus key on it. */
  contextValue: string;
  /** Codicon id. */
  icon: string;
  /** Why the resource looks idle while it bills; absent when active or unknown. */
  idle?: string;
  burn?: Burn;
  /** The AWS resource the item stands for, for the actions (stop, delete, console, ARN). */
  resource?: ResourceRef;
  /** Absent for leaves. */
  children?: ExplorerItem[];
}

export interface ExplorerOptions {
  /** Window of the idle check, hours (`greenml.idle.hours`). */
  idleHours: number;
  now: Date;
  /** The profile name for the log-in hint; the default chain when absent. */
  profile?: string;
}

const zero: Burn = { usdPerHour: 0, kgCo2ePerHour: 0 };
const billingEndpointStates = new Set(['InService', 'Creating', 'Updating', 'SystemUpdating', 'RollingBack']);
const billingNotebookStates = new Set(['InService', 'Pending', 'Updating']);

/** Burn of `count` instances of `instanceType` in `region`, from the offline estimate. */
export function instanceBurn(instanceType: string | null, count: number, region: string): Burn {
  if (count === 0) return zero;
  if (!instanceType) return { usdPerHour: null, kgCo2ePerHour: null };
  try {
    const e = estimateInstance(instanceType, { region });
    const elsewhere = e.costUsdPerHour !== null && e.costRegion !== null && e.costRegion !== e.region ? { priceRegion: e.costRegion } : {};
    return { usdPerHour: e.costUsdPerHour === null ? null : e.costUsdPerHour * count, kgCo2ePerHour: e.totalKgCo2ePerHour === null ? null : e.totalKgCo2ePerHour * count, ...elsewhere };
  } catch (err) {
    if (err instanceof EstimateError) return { usdPerHour: null, kgCo2ePerHour: null };
    throw err;
  }
}

export function addBurn(a: Burn, b: Burn): Burn {
  const loading = (a.loading ?? 0) + (b.loading ?? 0);
  const priceRegion = a.priceRegion ?? b.priceRegion;
  return {
    usdPerHour: a.usdPerHour === null || b.usdPerHour === null ? null : a.usdPerHour + b.usdPerHour,
    kgCo2ePerHour: a.kgCo2ePerHour === null || b.kgCo2ePerHour === null ? null : a.kgCo2ePerHour + b.kgCo2ePerHour,
    ...(loading > 0 ? { loading } : {}),
    ...(priceRegion ? { priceRegion } : {}),
  };
}

/**
 * `$12.40/h · 2.1 kgCO2e/h`, the dollar figure first (a narrow sidebar cuts the end); `—` for an
 * unknown part; `$12.40/h (us-east-1 prices) · …` when the price is another region's;
 * `≥ $12.40/h · ≥ 2.1 kgCO2e/h · 3 loading` while some burns are not known yet.
 */
export function formatBurn(burn: Burn): string {
  const atLeast = burn.loading ? '≥ ' : '';
  const elsewhere = burn.priceRegion && burn.usdPerHour !== null && burn.usdPerHour !== 0 ? ` (${burn.priceRegion} prices)` : '';
  const figures = `${atLeast}${formatUsd(burn.usdPerHour)}/h${elsewhere} · ${atLeast}${formatFigure(burn.kgCo2ePerHour, 2)} kgCO2e/h`;
  return burn.loading ? `${figures} · ${burn.loading} loading` : figures;
}

/** Tag keys that name who owns or made a resource, shown first. */
const ownerTagKey = /owner|created[-_ ]?by|creator|contact|team|author/i;
const maxTags = 5;

/** Up to five tags for a tooltip, owner-like ones first, then the others in their order: `owner=alice, team=ml`. */
export function formatTags(tags: readonly { key: string; value: string }[] | undefined): string | undefined {
  if (!tags || tags.length === 0) return undefined;
  const ordered = [...tags.filter((t) => ownerTagKey.test(t.key)), ...tags.filter((t) => !ownerTagKey.test(t.key))];
  const shown = ordered.slice(0, maxTags).map((t) => (t.value === '' ? t.key : `${t.key}=${t.value}`));
  return `tags: ${shown.join(', ')}${ordered.length > maxTags ? ` (+${ordered.length - maxTags} more)` : ''}`;
}

/** `45 min`, `5 h`, `3 days`. */
export function formatAge(since: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

function olderThan(since: Date | null, hours: number, now: Date): boolean {
  return since !== null && now.getTime() - since.getTime() >= hours * 3600_000;
}

function leaf(item: Omit<ExplorerItem, 'description' | 'tooltip'> & { description?: string; tooltip?: string }): ExplorerItem {
  return { description: '', tooltip: item.label, ...item };
}

function describe(parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · ');
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

/** A group node: its children's burn and idle count, or a placeholder when empty. */
export function group(id: string, label: string, children: ExplorerItem[], empty: string): ExplorerItem {
  const burn = children.reduce((sum, c) => addBurn(sum, c.burn ?? zero), zero);
  const idle = children.filter((c) => c.idle).length;
  return {
    id,
    label,
    description: children.length === 0 ? '' : describe([String(children.length), idle > 0 ? `${idle} idle` : undefined]),
    tooltip: `${label}: ${formatBurn(burn)}`,
    contextValue: 'greenml.aws.group',
    icon: 'folder',
    burn,
    children: children.length > 0 ? children : [leaf({ id: `${id}/placeholder`, label: empty, contextValue: 'greenml.aws.placeholder', icon: 'info' })],
  };
}

/** The log-in hint for a credential failure; empty for other reasons. */
export function loginHint(reason: AwsErrorReason, profile: string | undefined): string {
  if (reason !== 'noCredentials' && reason !== 'expired') return '';
  return profile ? `aws sso login --profile ${profile}` : 'aws configure (or aws sso login --profile <name>)';
}

const errorLabels: Record<AwsErrorReason, string> = {
  noCredentials: 'No AWS credentials',
  expired: 'AWS session expired',
  accessDenied: 'Access denied',
  throttled: 'Throttled by AWS: refresh later',
  timeout: 'Timed out: no answer from AWS',
  notFound: 'Not found',
  unsupported: 'Not supported here',
  unknown: 'Failed to load',
};

/** The one node that stands for a failed call. */
export function errorItem(id: string, error: ExplorerError, profile: string | undefined): ExplorerItem {
  const hint = loginHint(error.reason, profile);
  return leaf({
    id: `${id}/error`,
    label: errorLabels[error.reason],
    description: hint ? `run: ${hint}` : 'click for logs',
    tooltip: describe([error.message, hint ? `To log in, run: ${hint}` : undefined]),
    contextValue: `greenml.aws.error.${error.reason}`,
    icon: 'error',
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
