import type { Effect, Usage } from '../core/types';
import { getInstanceType } from '../data/instances';
import { getRegion } from '../data/regions';
import type { InstanceRow } from '../data/types';
import { alwaysOnCost } from '../estimate/bounds';
import type { InstanceEstimate, IntensityChoice } from '../estimate/estimate';
import { estimateInstance } from '../estimate/estimate';
import type { Saving } from '../estimate/savings';
import { lowerCarbonRegion, regionSaving, serverlessSaving, spotSaving, switchSaving } from '../estimate/savings';
import { cpuSize, recommendPurposeBuilt, recommendSmaller, singleAcceleratorSize } from '../model/recommend';
import type { PriceLookup } from './codeLens';
import { formatFigure, formatUsd } from './figures';

/** The rules whose findings suggest a change with a saving to show. */
export const savingRuleIds: readonly string[] = ['SML203', 'SML206', 'SML207', 'SML301', 'SML302', 'SML304', 'SML307', 'SML403', 'SML404'];

export interface SavingContext {
  /** The `ml.*` type the finding is about, when the code names one. */
  instanceType?: string;
  /** The region of the figures (code → setting → profile → us-east-1). */
  region: string;
  utilization?: number;
  intensity?: IntensityChoice;
  livePrice?: PriceLookup;
}

/** The smaller instance a sizing finding points to; undefined when the finding is not about the size of the type. */
export function smallerAlternative(ruleId: string, row: InstanceRow): InstanceRow | undefined {
  const accelerators = row.acceleratorCount ?? 0;
  if (ruleId === 'SML206') return row.acceleratorKind === 'none' ? undefined : accelerators > 1 ? singleAcceleratorSize(row, 'training') : cpuSize(row, 'training');
  if (ruleId === 'SML302') return recommendSmaller(row, 'hosting')?.row;
  if (ruleId === 'SML403') return recommendSmaller(row, 'notebook')?.row;
  return undefined;
}

/**
 * The effect of a finding known only by its rule id and the instance type under it (a diagnostic
 * in the editor, which does not carry the finding's effect): the change the rule asks for, with
 * the alternative from the recommender.
 */
export function effectOfRule(ruleId: string, instanceType: string | undefined, region: string): Effect | undefined {
  const row = instanceType ? getInstanceType(instanceType) : undefined;
  if (ruleId === 'SML404') return { kind: 'region-move', from: region, ...(row ? { instanceType: row.instanceType, usage: 'hosting' as const } : {}) };
  if (!row) return undefined;
  const swap = (usage: Usage, to: InstanceRow | undefined, silicon: Extract<Effect, { kind: 'instance-swap' }>['silicon']): Effect | undefined =>
    to && { kind: 'instance-swap', usage, from: row.instanceType, to: to.instanceType, silicon };
  switch (ruleId) {
    case 'SML203':
      return { kind: 'spot', usage: 'training', instanceType: row.instanceType };
    case 'SML301':
      return { kind: 'serverless', instanceType: row.instanceType };
    case 'SML307':
      return { kind: 'teardown', usage: 'hosting', instanceType: row.instanceType };
    case 'SML207':
    case 'SML304': {
      const usage = ruleId === 'SML207' ? 'training' : 'hosting';
      const alternative = recommendPurposeBuilt(row, usage);
      return alternative && swap(usage, alternative.row, alternative.kind);
    }
    case 'SML206':
      return swap('training', smallerAlternative(ruleId, row), 'smaller');
    case 'SML302':
      return swap('hosting', smallerAlternative(ruleId, row), 'smaller');
    case 'SML403':
      return swap('notebook', smallerAlternative(ruleId, row), 'smaller');
  }
  return undefined;
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
      const to = effect.to ? getRegion(effect.to) : lowerCarbonRegion(from, context.intensity ?? 'ccf');
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
 * The savings a finding of `ruleId` points to, computed by the estimate model in the context's
 * region (live prices when cached). Empty when the rule suggests no change with a figure, or the
 * code names no instance type the change applies to.
 */
export function savingsForFinding(ruleId: string, context: SavingContext): Saving[] {
  const region = getRegion(context.region) ? context.region : 'us-east-1';
  const effect = effectOfRule(ruleId, context.instanceType, region);
  return effect ? savingsForEffect(effect, context) : [];
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
  const alone = s.kind === 'spot' || s.kind === 'serverless' || s.kind === 'teardown' || s.kind === 'stop-when-idle' || s.kind === 'scale-to-zero';
  const change = alone ? `${titles[s.kind]} (${s.from})` : `${titles[s.kind]}: ${s.from} → ${s.to}`;
  const figures = parts.length ? parts.join(', ') : 'no figure (a price or energy figure is unknown)';
  const whose =
    s.basis === 'claim'
      ? s.claims.map((c) => `AWS states "${c.figure}" (${c.source})`).join('; ')
      : `Green ML's estimate${s.per === 'kWh' ? ' from grid factors' : s.kind === 'region' ? ` for both regions` : ` in ${region}`}${s.claims.length ? `; AWS states ${s.claims.map((c) => `"${c.figure}" (${c.source})`).join(', ')}` : ''}`;
  return `**${change}**: ${figures}. ${whose}.`;
}

/** The hover section of a finding's savings, or undefined when there is none. */
export function findingSavingsMarkdown(ruleId: string, context: SavingContext): string | undefined {
  const savings = savingsForFinding(ruleId, context);
  if (!savings.length) return undefined;
  const region = getRegion(context.region) ? context.region : 'us-east-1';
  const notes = [...new Set(savings.flatMap((s) => s.notes))];
  return [`Green ML ${ruleId}: what the change saves`, '', ...savings.map((s) => `- ${formatSaving(s, region)}`), ...notes.map((n) => `- _${n}_`)].join('\n');
}
