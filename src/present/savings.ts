import { getInstanceType, listInstanceTypes } from '../data/instances';
import { getRegion } from '../data/regions';
import type { InstanceRow } from '../data/types';
import type { IntensityChoice } from '../estimate/estimate';
import { estimateInstance } from '../estimate/estimate';
import type { PriceUsage } from '../estimate/priceCache';
import type { Saving } from '../estimate/savings';
import { lowerCarbonRegion, regionSaving, serverlessSaving, spotSaving, switchSaving } from '../estimate/savings';
import { getPurposeBuiltAlternative } from '../rules/endpoint-general-purpose-silicon';
import { getComparableTrainium } from '../rules/training-gpu-instance';
import { getCpuSize, getSingleAcceleratorSize } from '../rules/training-oversized-instance';
import type { PriceLookup } from './codeLens';
import { formatFigure, formatUsd } from './figures';

/** The rules whose findings suggest a change with a saving to show. */
export const savingRuleIds: readonly string[] = ['SML203', 'SML206', 'SML207', 'SML301', 'SML302', 'SML304', 'SML403', 'SML404'];

export interface SavingContext {
  /** The `ml.*` type the finding is about, when the code names one. */
  instanceType?: string;
  /** The region of the figures (code → setting → profile → us-east-1). */
  region: string;
  utilization?: number;
  intensity?: IntensityChoice;
  livePrice?: PriceLookup;
}

const usageOf: Record<string, PriceUsage> = { SML203: 'training', SML206: 'training', SML207: 'training', SML301: 'hosting', SML302: 'hosting', SML304: 'hosting', SML403: 'notebook', SML404: 'hosting' };

/** A single-accelerator size of the same family that `use` accepts (for endpoints and notebooks). */
function singleAccelerator(row: InstanceRow, use: string): InstanceRow | undefined {
  if (use === 'training') return getSingleAcceleratorSize(row);
  return listInstanceTypes()
    .filter((r) => r.family === row.family && r.acceleratorCount === 1 && r.uses.includes(use))
    .sort((a, b) => (a.vcpu ?? 0) - (b.vcpu ?? 0))[0];
}

/** The smaller instance a sizing finding points to; undefined when the finding is not about the size of the type. */
export function smallerAlternative(ruleId: string, row: InstanceRow): InstanceRow | undefined {
  const accelerators = row.acceleratorCount ?? 0;
  if (ruleId === 'SML206') return row.acceleratorKind === 'none' ? undefined : accelerators > 1 ? getSingleAcceleratorSize(row) : getCpuSize(row);
  if (ruleId === 'SML302') return accelerators > 1 ? singleAccelerator(row, 'hosting') : undefined;
  if (ruleId === 'SML403') {
    // A notebook: the SageMaker default type for a GPU one, else the same family at half the vCPUs.
    if (row.acceleratorKind !== 'none') return getInstanceType('ml.t3.medium');
    const half = (row.vcpu ?? 0) / 2;
    return listInstanceTypes()
      .filter((r) => r.family === row.family && r.uses.includes('notebook') && (r.vcpu ?? Infinity) <= half)
      .sort((a, b) => (b.vcpu ?? 0) - (a.vcpu ?? 0))[0];
  }
  return undefined;
}

/**
 * The savings a finding of `ruleId` points to, computed by the estimate model in the context's
 * region (live prices when cached). Empty when the rule suggests no change with a figure, or the
 * code names no instance type the change applies to.
 */
export function savingsForFinding(ruleId: string, context: SavingContext): Saving[] {
  const region = getRegion(context.region) ? context.region : 'us-east-1';
  const usage = usageOf[ruleId] ?? 'hosting';
  const estimate = (instanceType: string, inRegion = region) =>
    estimateInstance(instanceType, { region: inRegion, utilization: context.utilization, intensity: context.intensity, livePrice: context.livePrice?.({ instanceType, region: inRegion, usage }) });
  const row = context.instanceType ? getInstanceType(context.instanceType) : undefined;
  if (ruleId === 'SML404') {
    const from = getRegion(region)!;
    const to = lowerCarbonRegion(from, context.intensity ?? 'ccf');
    if (!to) return [];
    return [regionSaving(from, to, context.intensity ?? 'ccf', row ? { from: estimate(row.instanceType), to: estimate(row.instanceType, to.code) } : undefined)];
  }
  if (!row) return [];
  const from = estimate(row.instanceType);
  switch (ruleId) {
    case 'SML203':
      return [spotSaving(from) ?? []].flat();
    case 'SML301':
      return [serverlessSaving(from)];
    case 'SML207': {
      const to = row.acceleratorKind === 'gpu' ? getComparableTrainium(row) : undefined;
      return to ? [switchSaving('trainium', from, estimate(to.instanceType), to.cpuMicroarchitecture)] : [];
    }
    case 'SML304': {
      const to = getPurposeBuiltAlternative(row);
      return to ? [switchSaving(to.acceleratorKind === 'inferentia' ? 'inferentia' : 'graviton', from, estimate(to.instanceType), to.cpuMicroarchitecture)] : [];
    }
    default: {
      const to = smallerAlternative(ruleId, row);
      return to ? [switchSaving('smaller', from, estimate(to.instanceType), to.cpuMicroarchitecture)] : [];
    }
  }
}

const titles: Record<Saving['kind'], string> = {
  spot: 'Managed spot training',
  trainium: 'AWS Trainium',
  inferentia: 'AWS Inferentia2',
  graviton: 'AWS Graviton',
  serverless: 'Serverless inference',
  region: 'A lower-carbon region',
  smaller: 'A smaller instance',
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
  const change = s.kind === 'spot' || s.kind === 'serverless' ? `${titles[s.kind]} (${s.from})` : `${titles[s.kind]}: ${s.from} → ${s.to}`;
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
