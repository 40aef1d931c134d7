import type { AwsErrorReason } from '../aws/errors';
import type { ResourceRef } from '../aws/types';
import { EstimateError, estimateInstance } from '../estimate/estimate';
import { formatFigure, formatUsd } from './figures';

/** The explorer's item primitives: the item, its burn and the nodes every group shares (a group, an error). */

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

export const zero: Burn = { usdPerHour: 0, kgCo2ePerHour: 0 };

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
export function leaf(item: Omit<ExplorerItem, 'description' | 'tooltip'> & { description?: string; tooltip?: string }): ExplorerItem {
  return { description: '', tooltip: item.label, ...item };
}

export function describe(parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · ');
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

export const errorLabels: Record<AwsErrorReason, string> = {
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
