import type { ScanSnapshot, ScannedAccount } from '../aws/scan';
import type { Endpoint, GroupFailure, RegionSnapshot, StudioApp, StudioDomain, TrainingPlan } from '../aws/types';
import type { Burn, ExplorerOptions, RegionResult } from './explorer';
import { endpointItem, formatAge, instanceBurn, jobItem, notebookItem } from './explorer';
import { clusterItem, isGroupFailure, studioAppItem, warmPoolItem } from './explorerResources';

/**
 * The fleet scan's findings, from the snapshots the explorer's loader returns. Whether an endpoint,
 * notebook instance, Studio app or warm pool is idle is the explorer's decision (its tree items carry
 * it); the scan adds what only it reads (Studio app activity, training plans) and what it reports
 * without calling it idle (long-running jobs, instance pools, HyperPod clusters).
 */

/** A month of hours, as the estimates elsewhere count it (8760 h / 12). */
export const hoursPerMonth = 730;

export const scanSchema = 'greenml.scan/v1';

export type FindingKind = 'endpoint' | 'notebook-instance' | 'studio-app' | 'canvas-app' | 'job' | 'warm-pool' | 'hyperpod-cluster' | 'training-plan';

export interface ScanFinding {
  kind: FindingKind;
  name: string;
  arn: string;
  /** Billed while nobody uses it: counts toward the idle burn and `--fail-on-idle-usd`, and gets a plan command. */
  idle: boolean;
  /** Why it is reported, most important first. */
  reasons: string[];
  /** What it runs on: `ml.m5.large × 2`, `2 nodes: ml.g5.xlarge × 2`. */
  capacity: string;
  usdPerHour: number | null;
  usdPerMonth: number | null;
  kgCo2ePerHour: number | null;
  /** Kind-specific facts (job kind, Studio domain and space, warm pool expiry, instance pools…). */
  details: Record<string, string | number | boolean | null | string[]>;
}

export interface ScanTotals {
  findings: number;
  idle: number;
  /** Burn of the idle findings; unknown parts (types without figures) are left out and counted in `idleWithoutFigures`. */
  idleUsdPerHour: number;
  idleUsdPerMonth: number;
  idleKgCo2ePerHour: number;
  idleWithoutFigures: number;
  /** Burn of every finding, idle or not. */
  usdPerHour: number;
  usdPerMonth: number;
  kgCo2ePerHour: number;
}

export interface ScanError {
  reason: string;
  message: string;
}

export interface ScanRegionReport {
  region: string;
  /** The region could not be read; its findings are empty. */
  error?: ScanError;
  /** Groups of the region that failed while the rest loaded (`Studio: …`). */
  warnings: string[];
  findings: ScanFinding[];
  totals: ScanTotals;
}

export interface ScanAccountReport {
  label: string;
  accountId: string | null;
  source: ScannedAccount['source'];
  profile?: string;
  roleArn?: string;
  /** The account could not be read (role not assumable, no credentials); it has no regions. */
  error?: ScanError;
  regions: ScanRegionReport[];
  totals: ScanTotals;
}

export interface ScanReport {
  schema: typeof scanSchema;
  generatedAt: string;
  idleHours: number;
  longRunningHours: number;
  regions: string[];
  accounts: ScanAccountReport[];
  totals: ScanTotals;
}

export interface ScanReportOptions {
  idleHours: number;
  longRunningHours: number;
  now: Date;
  regions: readonly string[];
}

const zeroTotals = (): ScanTotals => ({ findings: 0, idle: 0, idleUsdPerHour: 0, idleUsdPerMonth: 0, idleKgCo2ePerHour: 0, idleWithoutFigures: 0, usdPerHour: 0, usdPerMonth: 0, kgCo2ePerHour: 0 });

/** Rounds away binary noise so totals and JSON read the same on every machine. */
const round = (n: number) => Math.round(n * 1e6) / 1e6;

function addTotals(into: ScanTotals, t: ScanTotals): void {
  for (const k of Object.keys(into) as (keyof ScanTotals)[]) into[k] = round(into[k] + t[k]);
}

export function totalsOf(findings: readonly ScanFinding[]): ScanTotals {
  const t = zeroTotals();
  for (const f of findings) {
    t.findings++;
    t.usdPerHour = round(t.usdPerHour + (f.usdPerHour ?? 0));
    t.usdPerMonth = round(t.usdPerMonth + (f.usdPerMonth ?? 0));
    t.kgCo2ePerHour = round(t.kgCo2ePerHour + (f.kgCo2ePerHour ?? 0));
    if (!f.idle) continue;
    t.idle++;
    if (f.usdPerHour === null) t.idleWithoutFigures++;
    t.idleUsdPerHour = round(t.idleUsdPerHour + (f.usdPerHour ?? 0));
    t.idleUsdPerMonth = round(t.idleUsdPerMonth + (f.usdPerMonth ?? 0));
    t.idleKgCo2ePerHour = round(t.idleKgCo2ePerHour + (f.kgCo2ePerHour ?? 0));
  }
  return t;
}

function figures(burn: Burn | undefined): Pick<ScanFinding, 'usdPerHour' | 'usdPerMonth' | 'kgCo2ePerHour'> {
  const usd = burn?.usdPerHour ?? null;
  return { usdPerHour: usd === null ? null : round(usd), usdPerMonth: usd === null ? null : round(usd * hoursPerMonth), kgCo2ePerHour: burn?.kgCo2ePerHour == null ? null : round(burn.kgCo2ePerHour) };
}

/** `2026-11-24 23:10 UTC`. */
export function formatUtc(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function olderThan(since: Date | null | undefined, hours: number, now: Date): since is Date {
  return since instanceof Date && now.getTime() - since.getTime() >= hours * 3600_000;
}

// ---- Endpoints -----------------------------------------------------------------------------------

function endpointFinding(e: Endpoint, snapshot: RegionSnapshot, options: ExplorerOptions): ScanFinding | undefined {
  const item = endpointItem(e, snapshot.region, snapshot.invocations, options);
  const pooled = e.variants.filter((v) => v.instancePools && v.instancePools.length > 0);
  if (!item.idle && pooled.length === 0) return undefined;
  const components = isGroupFailure(snapshot.inferenceComponents) ? [] : (snapshot.inferenceComponents ?? []).filter((c) => c.endpointName === e.name);
  const reasons: string[] = [];
  if (item.idle) reasons.push(components.length > 0 ? `${item.idle} (over every variant and its ${components.length} inference component${components.length === 1 ? '' : 's'})` : `${item.idle} (over every variant)`);
  const details: ScanFinding['details'] = { status: e.status, variants: e.variants.map((v) => v.variantName) };
  if (components.length > 0) details.inferenceComponents = components.map((c) => c.name);
  let burn: Burn | undefined = item.burn;
  if (pooled.length > 0) {
    // A pooled variant has no single type: its burn is the pools' current counts when reported, else the priority-1 type's.
    let usd = 0;
    let kg = 0;
    let known = true;
    const ranges: string[] = [];
    const poolDetails: string[] = [];
    for (const v of e.variants) {
      const pools = v.instancePools ?? [];
      if (pools.length === 0) {
        const b = v.serverless ? { usdPerHour: 0, kgCo2ePerHour: 0 } : instanceBurn(v.instanceType, v.instanceCount, snapshot.region);
        if (b.usdPerHour === null || b.kgCo2ePerHour === null) known = false;
        usd += b.usdPerHour ?? 0;
        kg += b.kgCo2ePerHour ?? 0;
        continue;
      }
      const first = [...pools].sort((a, b) => (a.priority ?? Infinity) - (b.priority ?? Infinity))[0];
      const counted = pools.every((p) => p.currentCount !== null);
      const parts = counted ? pools.map((p) => instanceBurn(p.instanceType, p.currentCount ?? 0, snapshot.region)) : [instanceBurn(first.instanceType, v.instanceCount, snapshot.region)];
      for (const b of parts) {
        if (b.usdPerHour === null || b.kgCo2ePerHour === null) known = false;
        usd += b.usdPerHour ?? 0;
        kg += b.kgCo2ePerHour ?? 0;
      }
      const each = pools.map((p) => instanceBurn(p.instanceType, v.instanceCount, snapshot.region).usdPerHour).filter((x): x is number => x !== null);
      const range = each.length > 0 ? ` ($${Math.min(...each).toFixed(2)}–$${Math.max(...each).toFixed(2)}/h for ${v.instanceCount} instance${v.instanceCount === 1 ? '' : 's'})` : '';
      ranges.push(`${v.variantName}: priority-1 ${first.instanceType}, pools ${pools.map((p) => p.instanceType).join(', ')}${range}`);
      poolDetails.push(...pools.map((p) => `${v.variantName}: ${p.instanceType}${p.priority !== null ? ` priority ${p.priority}` : ''}${p.currentCount !== null ? ` × ${p.currentCount}` : ''}`));
    }
    reasons.push(`runs on instance pools: ${ranges.join('; ')}`);
    details.instancePools = poolDetails;
    burn = { usdPerHour: known ? usd : null, kgCo2ePerHour: known ? kg : null };
  }
  const capacity = e.variants
    .map((v) => (v.serverless ? 'serverless' : v.instancePools?.length ? `pools × ${v.instanceCount}` : `${v.instanceType ?? 'unknown type'} × ${v.instanceCount}`))
    .join(', ');
  return { kind: 'endpoint', name: e.name, arn: e.arn, idle: item.idle !== undefined, reasons, capacity, ...figures(burn), details };
}

// ---- Studio --------------------------------------------------------------------------------------

const runningAppStates = new Set(['InService', 'Pending']);

/** Real user activity: a `LastUserActivityTimestamp` that is not merely the last health check. */
function userActivity(app: StudioApp): Date | null {
  const a = app.lastUserActivity;
  if (!(a instanceof Date)) return null;
  if (app.lastHealthCheck instanceof Date && app.lastHealthCheck.getTime() === a.getTime()) return null;
  return a;
}

function appFinding(app: StudioApp, domain: StudioDomain, region: string, options: ExplorerOptions): ScanFinding | undefined {
  if (!runningAppStates.has(app.status) || app.instanceType === 'system') return undefined;
  const item = studioAppItem(app, domain, region, options);
  const activity = userActivity(app);
  const reasons: string[] = [];
  const canvas = app.appType === 'Canvas';
  const inactive = activity !== null && olderThan(activity, options.idleHours, options.now);
  const recentlyUsed = activity !== null && !inactive;
  if (inactive) reasons.push(`no user activity for ${formatAge(activity, options.now)} (since ${formatUtc(activity)})`);
  if (canvas) reasons.push('Canvas app running: it bills by the hour until the user logs out or it is deleted');
  else if (item.idle) reasons.push(item.idle);
  if (reasons.length === 0) return undefined;
  if (recentlyUsed) reasons.push(`used ${formatAge(activity, options.now)} ago`);
  else if (app.lastUserActivity instanceof Date && activity === null) reasons.push('activity unknown (the last activity is the last health check)');
  return {
    kind: canvas ? 'canvas-app' : 'studio-app',
    // App names repeat (`default`): the space (or user profile) says which one.
    name: `${app.spaceName ?? app.userProfileName ?? domain.id}/${app.appName}`,
    arn: item.resource?.arn ?? '',
    // The explorer's rule (running without idle shutdown) unless the app was used within the window; or no use for the window.
    idle: inactive || (item.idle !== undefined && !recentlyUsed),
    reasons,
    capacity: `${app.instanceType ?? 'unknown type'} × 1`,
    ...figures(item.burn),
    details: {
      appType: app.appType,
      appName: app.appName,
      domainId: domain.id,
      spaceName: app.spaceName,
      userProfileName: app.userProfileName,
      lastUserActivity: app.lastUserActivity instanceof Date ? app.lastUserActivity.toISOString() : null,
    },
  };
}

// ---- Training plans ------------------------------------------------------------------------------

function trainingPlanFinding(plan: TrainingPlan, now: Date): ScanFinding | undefined {
  if (plan.availableInstances <= 0) return undefined;
  const fee = plan.upfrontFee !== null && plan.currencyCode === 'USD' ? Number(plan.upfrontFee) : NaN;
  // Paid up front: the unused share of the plan's fee per hour of its duration.
  const usd = Number.isFinite(fee) && plan.durationHours && plan.totalInstances > 0 ? (fee / plan.durationHours) * (plan.availableInstances / plan.totalInstances) : null;
  const until = plan.endTime ? ` until ${formatUtc(plan.endTime)}${plan.endTime > now ? ` (in ${formatAge(now, plan.endTime)})` : ''}` : '';
  return {
    kind: 'training-plan',
    name: plan.name,
    arn: plan.arn,
    idle: false,
    reasons: [`${plan.availableInstances} of ${plan.totalInstances} reserved instances unused${until}; prepaid, so the figure is the unused share of the upfront fee`],
    capacity: `${plan.instanceTypes.join(', ') || 'unknown type'} × ${plan.totalInstances}`,
    usdPerHour: usd === null ? null : round(usd),
    usdPerMonth: usd === null ? null : round(usd * hoursPerMonth),
    kgCo2ePerHour: null,
    details: { availableInstances: plan.availableInstances, inUseInstances: plan.inUseInstances, totalInstances: plan.totalInstances, endTime: plan.endTime?.toISOString() ?? null, targetResources: plan.targetResources },
  };
}

// ---- A region ------------------------------------------------------------------------------------

function groupWarning(label: string, value: unknown[] | GroupFailure | undefined): string[] {
  return isGroupFailure(value) ? [`${label}: ${value.message}`] : [];
}

/** The findings of one loaded region, in a stable order (kind, then name). */
export function regionFindings(snapshot: RegionSnapshot, options: ScanReportOptions): { findings: ScanFinding[]; warnings: string[] } {
  const view: ExplorerOptions = { idleHours: options.idleHours, now: options.now };
  const region = snapshot.region;
  const findings: ScanFinding[] = [];
  for (const e of snapshot.endpoints) {
    const f = endpointFinding(e, snapshot, view);
    if (f) findings.push(f);
  }
  for (const n of snapshot.notebooks) {
    if (n.status !== 'InService' || n.lifecycleConfigName !== null) continue;
    const item = notebookItem(n, region, view);
    findings.push({
      kind: 'notebook-instance',
      name: n.name,
      arn: n.arn,
      idle: item.idle !== undefined,
      reasons: [item.idle ?? `InService, no auto-stop lifecycle config (in service for less than ${options.idleHours} h)`],
      capacity: `${n.instanceType ?? 'unknown type'} × 1`,
      ...figures(item.burn),
      details: { status: n.status },
    });
  }
  if (Array.isArray(snapshot.studio)) {
    for (const d of snapshot.studio) {
      for (const app of d.apps) {
        const f = appFinding(app, d, region, view);
        if (f) findings.push(f);
      }
    }
  }
  for (const j of snapshot.jobs) {
    if (j.status !== 'InProgress' || !olderThan(j.creationTime, options.longRunningHours, options.now)) continue;
    const item = jobItem(j, region, view);
    findings.push({
      kind: 'job',
      name: j.name,
      arn: j.arn,
      idle: false,
      reasons: [`${j.kind} job running for ${formatAge(j.creationTime, options.now)} (over ${options.longRunningHours} h)`],
      capacity: `${j.instanceType ?? 'unknown type'} × ${j.instanceCount}`,
      ...figures(item.burn),
      details: { jobKind: j.kind, since: j.creationTime.toISOString() },
    });
  }
  if (Array.isArray(snapshot.warmPools)) {
    for (const p of snapshot.warmPools) {
      const item = warmPoolItem(p, region, view);
      findings.push({
        kind: 'warm-pool',
        name: p.jobName,
        arn: p.arn,
        idle: true,
        reasons: [item.idle ?? 'warm pool Available'],
        capacity: `${p.instanceType ?? 'unknown type'} × ${p.instanceCount}`,
        ...figures(item.burn),
        details: { billsUntil: p.expiresAt?.toISOString() ?? null, reusedBy: p.reusedBy },
      });
    }
  }
  if (Array.isArray(snapshot.clusters)) {
    for (const c of snapshot.clusters) {
      const item = clusterItem(c, region, view);
      const nodes = c.instanceGroups.reduce((n, g) => n + g.currentCount, 0);
      if (nodes === 0) continue;
      const groups = c.instanceGroups.filter((g) => g.currentCount > 0).map((g) => `${g.instanceType ?? 'unknown type'} × ${g.currentCount}`);
      findings.push({
        kind: 'hyperpod-cluster',
        name: c.name,
        arn: c.arn,
        idle: false,
        reasons: [`HyperPod cluster ${c.status}: ${nodes} node${nodes === 1 ? '' : 's'} billed while it exists (use is not visible to the scan)`],
        capacity: `${nodes} node${nodes === 1 ? '' : 's'}: ${groups.join(', ')}`,
        ...figures(item.burn),
        details: { status: c.status },
      });
    }
  }
  if (Array.isArray(snapshot.trainingPlans)) {
    for (const p of snapshot.trainingPlans) {
      const f = trainingPlanFinding(p, options.now);
      if (f) findings.push(f);
    }
  }
  const order: FindingKind[] = ['endpoint', 'notebook-instance', 'studio-app', 'canvas-app', 'job', 'warm-pool', 'hyperpod-cluster', 'training-plan'];
  findings.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.name.localeCompare(b.name));
  const warnings = [
    ...groupWarning('Studio', snapshot.studio),
    ...groupWarning('Inference components', snapshot.inferenceComponents),
    ...groupWarning('Warm pools', snapshot.warmPools),
    ...groupWarning('HyperPod clusters', snapshot.clusters),
    ...groupWarning('Training plans', snapshot.trainingPlans),
  ];
  return { findings, warnings };
}

function regionReport(result: RegionResult, options: ScanReportOptions): ScanRegionReport {
  if ('error' in result) return { region: result.region, error: { reason: result.error.reason, message: result.error.message }, warnings: [], findings: [], totals: zeroTotals() };
  const { findings, warnings } = regionFindings(result, options);
  return { region: result.region, warnings, findings, totals: totalsOf(findings) };
}

/** The whole scan as plain data: what every output format (and `--format json`) is made of. */
export function scanReport(snapshot: ScanSnapshot, options: ScanReportOptions): ScanReport {
  const totals = zeroTotals();
  const accounts = snapshot.accounts.map((a): ScanAccountReport => {
    const who = { label: a.label, source: a.source, ...(a.profile ? { profile: a.profile } : {}), ...(a.roleArn ? { roleArn: a.roleArn } : {}) };
    if ('reason' in a.identity) {
      const accountId = a.roleArn ? (a.roleArn.split(':')[4] ?? null) : null;
      return { ...who, accountId, error: { reason: a.identity.reason, message: a.identity.message }, regions: [], totals: zeroTotals() };
    }
    const regions = a.regions.map((r) => regionReport(r, options));
    const t = zeroTotals();
    for (const r of regions) addTotals(t, r.totals);
    addTotals(totals, t);
    return { ...who, accountId: a.identity.account, regions, totals: t };
  });
  return { schema: scanSchema, generatedAt: options.now.toISOString(), idleHours: options.idleHours, longRunningHours: options.longRunningHours, regions: [...options.regions], accounts, totals };
}
