import type { Effect, Usage } from '../core/types';
import { getInstanceType } from '../data/instances';
import { getRegion } from '../data/regions';
import type { RegionRow } from '../data/types';
import { alwaysOnCost } from '../estimate/bounds';
import type { InstanceEstimate, IntensityChoice } from '../estimate/estimate';
import { estimateInstance } from '../estimate/estimate';
import type { Saving } from '../estimate/savings';
import { lowerCarbonRegion, regionSaving, serverlessSaving, spotSaving, switchSaving } from '../estimate/savings';
import type { PriceLookup } from './codeLens';
import { formatFigure, formatUsd } from './figures';

export interface SavingContext {
  /** The `ml.*` type the finding is about, when the code names one. */
  instanceType?: string;
  /** The region of the figures (code → setting → profile → us-east-1). */
  region: string;
  utilization?: number;
  intensity?: IntensityChoice;
  livePrice?: PriceLookup;
}

/** A finding as a view prices it: the rule that reported it (the heading) and the effect of its change. */
export interface PricedFinding {
  ruleId: string;
  /** Every finding of the rules carries one; a finding from outside them (a parse error, another tool's diagnostic) may not. */
  effect?: Effect;
}

/** Why a finding that says nothing of its change has no figure. */
export const noEffectReason = 'the finding carries no change (instance type, spot, region) the estimate can price';

/**
 * The effect a view prices: the finding's own, else `none` with the reason. Views never guess a
 * change from the rule id: a finding without an effect has no figure.
 */
export function effectOf(finding: PricedFinding): Effect {
  return finding.effect ?? { kind: 'none', reason: noEffectReason };
}

/** The effects with a figure per instance-hour (or per kWh): retention and none have none. */
const pricedKinds: ReadonlySet<Effect['kind']> = new Set(['instance-swap', 'spot', 'region-move', 'serverless', 'scale-to-zero', 'teardown', 'stop-when-idle', 'warm-pool']);

/** Whether a view may show a figure for the finding: its effect has one. */
export function isPriced(finding: PricedFinding): boolean {
  return pricedKinds.has(effectOf(finding).kind);
}

/**
 * The effect with the type of the resource the finding sits on (the view's `instanceType`) where
 * the effect names none: a teardown or stop-when-idle of the resource, a region move of it.
 */
function onResource(effect: Effect, instanceType: string | undefined): Effect {
  const row = instanceType ? getInstanceType(instanceType) : undefined;
  if (!row) return effect;
  if ((effect.kind === 'teardown' || effect.kind === 'stop-when-idle') && !effect.instanceType) return { ...effect, instanceType: row.instanceType };
  if (effect.kind === 'region-move' && !effect.instanceType) return { ...effect, instanceType: row.instanceType, usage: effect.usage ?? 'hosting' };
  return effect;
}

/**
 * What deleting, stopping or scaling to zero an idle resource saves: every hour it would run idle,
 * up to its whole monthly burn (the count of instances × the hourly figure × the hours of a month).
 */
function idleSaving(kind: 'teardown' | 'stop-when-idle' | 'scale-to-zero', from: InstanceEstimate, count: number): Saving {
  const burn = alwaysOnCost(from, count);
  const month = burn.costUsdPerMonth === null ? 'unknown' : formatUsd(burn.costUsdPerMonth);
  return {
    kind,
    from: count > 1 ? `${count} × ${from.instanceType}` : from.instanceType,
    to: kind === 'teardown' ? 'deleted' : kind === 'stop-when-idle' ? 'stopped' : 'zero instances',
    basis: 'estimate',
    per: 'instance-hour',
    costUsd: burn.costUsdPerHour,
    costPercent: burn.costUsdPerHour === null ? null : 100,
    kgCo2e: burn.totalKgCo2ePerHour,
    carbonPercent: burn.totalKgCo2ePerHour === null ? null : 100,
    upTo: true,
    claims: [],
    notes: [`per idle hour, for all ${count} instance${count > 1 ? 's' : ''}: up to the monthly burn of ${month} and ${formatFigure(burn.totalKgCo2ePerMonth)} kgCO2e, less the hours it is used`],
    sources: [...from.sources],
  };
}

/**
 * What a shorter warm-pool keep-alive saves per training job: each retained instance-hour is billed
 * like a training hour (`WarmPoolStatus.ResourceRetainedBillableTimeInSeconds` × `InstanceCount`,
 * SageMaker API reference), so the hours cut × the pool's instances × the hourly figure. The one
 * pricing of the effect: the hover gives it per job in its note, the footprint report per job.
 */
export function warmPoolPerJob(from: InstanceEstimate, count: number, seconds: number): { hours: number; costUsd: number | null; kgCo2e: number | null } {
  const hours = seconds / 3600;
  const times = (v: number | null): number | null => (v === null ? null : v * count * hours);
  return { hours, costUsd: times(from.costUsdPerHour), kgCo2e: times(from.totalKgCo2ePerHour) };
}

/** A shorter keep-alive in the hover: per idle hour the whole pool's hourly figure (as for an idle resource), and per job the hours cut. */
function warmPoolSaving(from: InstanceEstimate, count: number, seconds: number): Saving {
  const idle = idleSaving('teardown', from, count);
  const perJob = warmPoolPerJob(from, count, seconds);
  const figure = (v: number | null, format: (n: number) => string): string => (v === null ? 'unknown' : format(v));
  const instances = `${count} retained instance${count > 1 ? 's' : ''}`;
  return {
    ...idle,
    kind: 'warm-pool',
    from: `${idle.from}, ${seconds} s shorter`,
    to: 'released sooner',
    notes: [`per training job: up to ${formatFigure(perJob.hours)} h of ${instances}, ${figure(perJob.costUsd, formatUsd)} and ${figure(perJob.kgCo2e, formatFigure)} kgCO2e, unless a matching job reuses the pool sooner`],
  };
}

/**
 * The region a region move goes to: the one the effect names, else the lowest-carbon region of
 * the same partition and geography (the alternatives SML404 names; a move to another geography is
 * not the same deployment), if one emits less. Undefined when there is none, or the named one is
 * not in the catalogue.
 */
export function regionMoveTarget(effect: Extract<Effect, { kind: 'region-move' }>, from: RegionRow, intensity: IntensityChoice): RegionRow | undefined {
  return effect.to ? getRegion(effect.to) : lowerCarbonRegion(from, intensity, { sameGeography: true });
}

/**
 * The savings of an effect per instance-hour (or per kWh for a region move without a type), by
 * the estimate model in the context's region (live prices when cached). Empty when the effect has
 * no figure per instance-hour (retention, none).
 */
export function savingsForEffect(effect: Effect, context: Omit<SavingContext, 'instanceType'>): Saving[] {
  const region = getRegion(context.region) ? context.region : 'us-east-1';
  const estimate = (instanceType: string, usage: Usage, inRegion = region) =>
    estimateInstance(instanceType, { region: inRegion, utilization: context.utilization, intensity: context.intensity, livePrice: context.livePrice?.({ instanceType, region: inRegion, usage }) });
  switch (effect.kind) {
    case 'region-move': {
      // The region the finding names (the code's), else the context's.
      const from = getRegion(effect.from) ?? getRegion(region)!;
      const to = regionMoveTarget(effect, from, context.intensity ?? 'ccf');
      if (!to) return [];
      const type = effect.instanceType;
      const usage = effect.usage ?? 'hosting';
      return [regionSaving(from, to, context.intensity ?? 'ccf', type ? { from: estimate(type, usage), to: estimate(type, usage, to.code) } : undefined)];
    }
    case 'spot':
      return [spotSaving(estimate(effect.instanceType, effect.usage)) ?? []].flat();
    case 'serverless':
      return [serverlessSaving(estimate(effect.instanceType, 'hosting'))];
    case 'scale-to-zero':
      return [idleSaving(effect.kind, estimate(effect.instanceType, 'hosting'), effect.count ?? 1)];
    case 'teardown':
    case 'stop-when-idle':
      return effect.instanceType ? [idleSaving(effect.kind, estimate(effect.instanceType, effect.usage), effect.count ?? 1)] : [];
    case 'warm-pool':
      return [warmPoolSaving(estimate(effect.instanceType, 'training'), effect.count ?? 1, effect.seconds)];
    case 'instance-swap': {
      const to = getInstanceType(effect.to);
      const kind = effect.silicon === 'smaller' ? 'smaller' : effect.silicon;
      return [switchSaving(kind, estimate(effect.from, effect.usage), estimate(effect.to, effect.usage), to?.cpuMicroarchitecture)];
    }
    default:
      return [];
  }
}

/**
 * The savings of what a finding's change does (its effect, on the resource it sits on), by the
 * estimate model in the context's region (live prices when cached). Empty when the effect has no
 * figure, or names no instance type and the view knows none.
 */
export function savingsForFinding(finding: PricedFinding, context: SavingContext): Saving[] {
  return savingsForEffect(onResource(effectOf(finding), context.instanceType), context);
}

const titles: Record<Saving['kind'], string> = {
  spot: 'Managed spot training',
  trainium: 'AWS Trainium',
  inferentia: 'AWS Inferentia2',
  graviton: 'AWS Graviton',
  serverless: 'Serverless inference',
  region: 'A lower-carbon region',
  smaller: 'A smaller instance',
  teardown: 'Delete it when done',
  'stop-when-idle': 'Stop it when idle',
  'scale-to-zero': 'Scale to zero when idle',
  'warm-pool': 'A shorter warm-pool keep-alive',
};

function amount(value: number | null, percent: number | null, unit: (n: number) => string, upTo: boolean): string | undefined {
  if (value === null) return undefined;
  const pct = percent === null ? '' : ` (${upTo ? 'up to ' : ''}${formatFigure(Math.abs(percent), 2)}%)`;
  if (value === 0) return undefined;
  return value > 0 ? `${upTo ? 'up to ' : ''}${unit(value)} less${pct}` : `${unit(-value)} more${pct}`;
}

/** One Markdown line: what to change, the saving in $ and kgCO2e (or %), and whose figure it is. */
export function formatSaving(s: Saving, region: string): string {
  const per = s.per === 'kWh' ? 'kWh' : 'h';
  const parts = [amount(s.costUsd, s.costPercent, (n) => `${formatUsd(n)}/${per}`, s.upTo), amount(s.kgCo2e, s.carbonPercent, (n) => `${formatFigure(n)} kgCO2e/${per}`, s.upTo)].filter((p): p is string => p !== undefined);
  const alone = s.kind === 'spot' || s.kind === 'serverless' || s.kind === 'teardown' || s.kind === 'stop-when-idle' || s.kind === 'scale-to-zero' || s.kind === 'warm-pool';
  const change = alone ? `${titles[s.kind]} (${s.from})` : `${titles[s.kind]}: ${s.from} → ${s.to}`;
  const figures = parts.length ? parts.join(', ') : 'no figure (a price or energy figure is unknown)';
  const whose =
    s.basis === 'claim'
      ? s.claims.map((c) => `AWS states "${c.figure}" (${c.source})`).join('; ')
      : `Green ML's estimate${s.per === 'kWh' ? ' from grid factors' : s.kind === 'region' ? ` for both regions` : ` in ${region}`}${s.claims.length ? `; AWS states ${s.claims.map((c) => `"${c.figure}" (${c.source})`).join(', ')}` : ''}`;
  return `**${change}**: ${figures}. ${whose}.`;
}

/** The hover section of a finding's savings, or undefined when there is none. */
export function findingSavingsMarkdown(finding: PricedFinding, context: SavingContext): string | undefined {
  const savings = savingsForFinding(finding, context);
  const ruleId = finding.ruleId;
  if (!savings.length) return undefined;
  const region = getRegion(context.region) ? context.region : 'us-east-1';
  const notes = [...new Set(savings.flatMap((s) => s.notes))];
  return [`Green ML ${ruleId}: what the change saves`, '', ...savings.map((s) => `- ${formatSaving(s, region)}`), ...notes.map((n) => `- _${n}_`)].join('\n');
}
