import type { Finding } from '../core/types';
import { getInstanceType } from '../data/instances';
import { getRegion } from '../data/regions';
import type { RegionRow } from '../data/types';
import type { AlwaysOnCost, JobBound } from '../estimate/bounds';
import { alwaysOnCost, defaultMaxRunSeconds, hoursPerMonth, spotDiscount, trainingBound } from '../estimate/bounds';
import type { InstanceEstimate } from '../estimate/estimate';
import { estimateInstance, gridIntensity } from '../estimate/estimate';
import type { CostTarget } from '../model/costTargets';
import type { LensRegion } from './codeLens';
import type { FootprintFileInput, FootprintSettings, FootprintTargetInput } from './footprint';
import { effectOf, regionMoveTarget, warmPoolPerJob } from './savings';

/**
 * What acting on a finding saves in the footprint report: its effect priced over the period of
 * the resource it sits on (a training job's or tuner's upper bound, an endpoint's or notebook
 * instance's month), with the file's cost targets for the counts and run limits the effect does
 * not carry. The hover prices the same effects per instance-hour (`savings.ts`); the pricing both
 * share (a warm pool per job, the region a move goes to) lives there.
 */

/** Cost and carbon over one period; null where the model has no figure. */
export interface Amount {
  costUsd: number | null;
  kgCo2e: number | null;
}

/**
 * What acting on a finding would save, by the offline estimate. `bound`: over the training job's
 * or tuner's upper bound; `month`: per 730-hour month of an endpoint or notebook instance.
 */
export interface Saving {
  kind: 'spot' | 'instance-type' | 'region' | 'idle' | 'reported';
  /** One sentence: what changes (e.g. "ml.g5.xlarge → ml.inf2.xlarge"). */
  description: string;
  bound?: Amount;
  month?: Amount;
  /** True when the cost figure is a maximum ("up to"), as the spot discount is. */
  upTo: boolean;
  estimated: boolean;
  sources: string[];
  notes: string[];
}


/** Why a retention change has no figure: what is stored is billed by the GB-month, and the code does not say how many GB. */
const retentionNoFigure = 'the saving depends on how many GB the resource keeps (GB of logs, objects in a bucket, images in a repository) and how they are read, which the code does not say';

/**
 * The changes that stop paying for idle instances, priced as the hover prices them: every idle
 * hour of the resource, up to its monthly burn.
 */
const idleChange = {
  teardown: 'tear it down when done',
  'stop-when-idle': 'stop it when idle',
  serverless: 'serve it serverless (billed per request)',
  'scale-to-zero': 'scale it to zero when idle',
};

export interface Estimated {
  target: CostTarget;
  estimate: InstanceEstimate;
  bound?: JobBound;
  alwaysOn?: AlwaysOnCost;
}

export function estimateTarget(target: CostTarget, instanceType: string, region: string, settings: FootprintSettings): Estimated {
  const estimate = estimateInstance(instanceType, { region, utilization: settings.utilization, intensity: settings.intensity });
  if (target.kind === 'training' || target.kind === 'tuner') {
    return { target, estimate, bound: trainingBound(estimate, { instanceCount: target.instanceCount, maxRunSeconds: target.maxRunSeconds, jobs: target.maxJobs, spot: target.spot }) };
  }
  return { target, estimate, alwaysOn: alwaysOnCost(estimate, target.instanceCount) };
}

/** The figures of an estimated target in its period. */
export function periodAmount(e: Estimated): { bound?: Amount; month?: Amount } {
  if (e.bound) return { bound: { costUsd: e.bound.costUsd, kgCo2e: e.bound.totalKgCo2e } };
  if (e.alwaysOn) return { month: { costUsd: e.alwaysOn.costUsdPerMonth, kgCo2e: e.alwaysOn.totalKgCo2ePerMonth } };
  return {};
}

/**
 * The target a finding is about: the innermost one whose range holds the finding's start; else
 * (IaC endpoint configurations, whose target is the resource's key) the nearest one before it
 * with the given instance type.
 */
function targetOf(finding: Finding, targets: readonly FootprintTargetInput[], instanceType?: string): FootprintTargetInput | undefined {
  const containing = targets.filter((t) => t.start <= finding.start && finding.start <= t.end).sort((a, b) => b.start - a.start);
  const inner = containing.find((t) => !instanceType || t.instanceType === instanceType);
  if (inner) return billedAs(inner);
  if (!instanceType) return undefined;
  const before = targets.filter((t) => t.start <= finding.start && t.instanceType === instanceType).sort((a, b) => b.start - a.start)[0];
  return before && billedAs(before);
}

function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

export const neverStarted = (target: FootprintTargetInput): boolean => target.started === 'never';

/** The target that bills a target's jobs: the tuner that runs an estimator, else itself. */
export const billedAs = (target: FootprintTargetInput): FootprintTargetInput => target.tunedBy ?? target;

/** Why a finding on a job the code never starts has no figure. */
export const neverStartedNote = 'the code never starts this job (no live .fit(), .train() or .tune() call on it): nothing runs, nothing to save';

/** The saving a finding implies, computed from the estimate; or why there is no figure. */
export function findingSaving(finding: Finding, file: FootprintFileInput, region: LensRegion, settings: FootprintSettings): { saving: Saving } | { noFigure: string } {
  const effect = effectOf(finding);
  if (effect.kind === 'spot') {
    const target = targetOf(finding, file.targets.filter((t) => t.kind === 'training' || t.kind === 'tuner'));
    if (!target) return { noFigure: 'the job’s instance type, count or run limit is not a literal' };
    if (neverStarted(target)) return { noFigure: neverStartedNote };
    const discount = spotDiscount();
    if (!discount) return { noFigure: 'no verified figure for the spot discount' };
    const e = estimateTarget(target, target.instanceType, region.code, settings);
    const bound = e.bound as JobBound;
    return {
      saving: {
        kind: 'spot',
        description: `managed spot on ${target.instanceCount} × ${target.instanceType}: up to ${Math.round(discount.maxDiscount * 100)}% of the on-demand cost; the same instance-hours emit the same carbon`,
        bound: { costUsd: bound.costUsd === null ? null : bound.costUsd * discount.maxDiscount, kgCo2e: 0 },
        upTo: true,
        estimated: true,
        sources: [discount.claim, ...bound.sources],
        notes: bound.notes,
      },
    };
  }

  if (effect.kind === 'stop-when-idle' || effect.kind === 'teardown' || effect.kind === 'serverless' || effect.kind === 'scale-to-zero') {
    const kind: 'notebook' | 'endpoint' = 'usage' in effect && effect.usage === 'notebook' ? 'notebook' : 'endpoint';
    // The resource the finding sits on; else the type and count the effect names (a notebook instance the file's targets do not place).
    const placed = targetOf(finding, file.targets.filter((t) => t.kind === kind), effect.instanceType);
    const named = effect.instanceType && getInstanceType(effect.instanceType) ? { kind, start: finding.start, end: finding.end, instanceType: effect.instanceType, instanceCount: effect.count ?? 1 } : undefined;
    const target: FootprintTargetInput | undefined = placed ?? named;
    if (!target) return { noFigure: `no ${kind === 'notebook' ? 'notebook instance' : 'endpoint'} with a literal instance type and count in this file for the finding` };
    const e = estimateTarget(target, target.instanceType, region.code, settings);
    const month = periodAmount(e).month;
    const what = idleChange[effect.kind];
    return {
      saving: {
        kind: 'idle',
        description: `${target.instanceCount} × ${target.instanceType}: ${what}, up to its whole monthly burn`,
        ...(month ? { month } : {}),
        upTo: true,
        estimated: true,
        sources: [...(e.alwaysOn?.sources ?? [])],
        notes: ['the saving is every hour the resource would otherwise run idle: up to its monthly cost, less the hours it is used', ...(effect.kind === 'serverless' ? ['serverless bills per request and memory size, so busy hours may cost more'] : [])],
      },
    };
  }

  if (effect.kind === 'warm-pool') {
    // Per training job: the instance-hours the pool is no longer retained, at the job's type and count.
    const count = effect.count ?? 1;
    const e = estimateInstance(effect.instanceType, { region: region.code, usage: 'training', utilization: settings.utilization, intensity: settings.intensity });
    const perJob = warmPoolPerJob(e, count, effect.seconds);
    return {
      saving: {
        kind: 'idle',
        description: `${count} × ${effect.instanceType}: a warm pool kept ${effect.seconds} s shorter after each job`,
        bound: { costUsd: perJob.costUsd, kgCo2e: perJob.kgCo2e },
        upTo: true,
        estimated: true,
        sources: [...e.sources],
        notes: ['per training job: every retained instance-hour is billed as a training hour, unless a matching job reuses the pool sooner'],
      },
    };
  }

  // An instance swap: the finding's effect names both types (never the text its fix writes).
  if (effect.kind === 'instance-swap') {
    const swap = { from: effect.from, to: effect.to };
    const target = targetOf(finding, file.targets, swap.from);
    if (!target) return { noFigure: 'the instance count or run limit is not a literal' };
    if (neverStarted(target)) return { noFigure: neverStartedNote };
    const now = estimateTarget(target, swap.from, region.code, settings);
    const next = estimateTarget(target, swap.to, region.code, settings);
    const a = periodAmount(now);
    const b = periodAmount(next);
    const samePrices = now.estimate.costSource !== null && now.estimate.costSource === next.estimate.costSource;
    const diff = (x?: Amount, y?: Amount): Amount | undefined => x && y && { costUsd: samePrices ? difference(x.costUsd, y.costUsd) : null, kgCo2e: difference(x.kgCo2e, y.kgCo2e) };
    const notes = ['the same instance-hours on both types: a faster or slower type changes the saving'];
    if (!samePrices) notes.push('the two prices are not of the same kind (SageMaker price, EC2 lower bound or none): no cost saving is computed');
    return {
      saving: {
        kind: 'instance-type',
        description: `${swap.from} → ${swap.to}`,
        ...(a.bound ? { bound: diff(a.bound, b.bound) } : { month: diff(a.month, b.month) }),
        upTo: false,
        estimated: true,
        sources: [...new Set([...now.estimate.sources, ...next.estimate.sources, ...(now.bound?.defaultMaxRun ? [defaultMaxRunSeconds.source] : []), ...(now.alwaysOn ? [hoursPerMonth.source] : [])])],
        notes: [...new Set([...notes, ...now.estimate.notes, ...next.estimate.notes])],
      },
    };
  }

  if (effect.kind === 'region-move') {
    const billed = file.targets.filter((t) => !neverStarted(t) && billedAs(t) === t);
    if (!billed.length) return { noFigure: 'no training job, endpoint or notebook instance with literal figures in this file' };
    const intensity = settings.intensity ?? 'ccf';
    // The region the finding names, priced in the region it moves to (the lowest-carbon one of its geography when it names none).
    const fromRegion = getRegion(effect.from) ?? getRegion(region.code);
    const toRegion = fromRegion && regionMoveTarget(effect, fromRegion, intensity);
    if (effect.to && !toRegion) return { noFigure: `no grid figure for ${effect.to}` };
    if (!fromRegion || !toRegion) return { noFigure: `no region of the same geography as ${fromRegion?.code ?? effect.from} has a lower ${intensity === 'ccf' ? 'CCF' : 'recent'} grid figure` };
    const [from, to, named] = [fromRegion.code, toRegion.code, effect.to !== undefined];
    let bound: Amount | undefined;
    let month: Amount | undefined;
    const addDifference = (acc: Amount | undefined, now: Amount, next: Amount | undefined): Amount => {
      const d = difference(now.kgCo2e, next?.kgCo2e ?? null);
      const sum = acc === undefined ? d : acc.kgCo2e === null || d === null ? null : acc.kgCo2e + d;
      return { costUsd: null, kgCo2e: sum };
    };
    const sources = new Set<string>();
    for (const target of billed) {
      const now = periodAmount(estimateTarget(target, target.instanceType, from, settings));
      const there = estimateTarget(target, target.instanceType, to, settings);
      for (const s of there.estimate.sources) sources.add(s);
      const next = periodAmount(there);
      if (now.bound) bound = addDifference(bound, now.bound, next.bound);
      if (now.month) month = addDifference(month, now.month, next.month);
    }
    const grid = (r: RegionRow) => Math.round(gridIntensity(r, intensity).value);
    return {
      saving: {
        kind: 'region',
        description: `${from} (${grid(fromRegion)} gCO2e/kWh) → ${to} (${grid(toRegion)} gCO2e/kWh), ${named ? 'the lower-carbon region the finding names' : 'the lowest-carbon region of the same geography'} with a ${intensity === 'ccf' ? 'CCF' : 'recent'} grid figure`,
        ...(bound ? { bound } : {}),
        ...(month ? { month } : {}),
        upTo: false,
        estimated: true,
        sources: [...sources],
        notes: ['only the operational emissions change; the bundled prices are us-east-1’s for every region, so no cost saving is computed'],
      },
    };
  }
  if (effect.kind === 'retention') return { noFigure: retentionNoFigure };
  return { noFigure: effect.reason };
}
