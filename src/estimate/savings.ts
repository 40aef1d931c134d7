import { getClaim, isVerifiedClaim } from '../data/claims';
import { listRegions } from '../data/regions';
import type { RegionRow } from '../data/types';
import { spotDiscount } from './bounds';
import type { InstanceEstimate, IntensityChoice } from './estimate';
import { estimateInstance, gridIntensity } from './estimate';

/** What a finding suggests: another instance type, managed spot, serverless, another region. */
export type SavingKind = 'spot' | 'trainium' | 'inferentia' | 'graviton' | 'serverless' | 'region' | 'smaller' | 'teardown' | 'stop-when-idle' | 'scale-to-zero';

/** A verified seed claim, quotable with its source; unverified claims never become one. */
export interface QuotedClaim {
  id: string;
  /** The claim's figure as AWS states it, e.g. `up to 90% cheaper`. */
  figure: string;
  summary: string;
  source: string;
}

/**
 * The estimated saving of one change, per instance-hour (or per kWh for a region when no type is
 * known). Positive numbers save; a negative one means the alternative costs or emits more.
 * `null` is unknown (a price or an energy figure missing, or prices of different kinds).
 */
export interface Saving {
  kind: SavingKind;
  from: string;
  to: string;
  /** `estimate`: computed by Green ML's model from the two estimates; `claim`: a verified AWS figure (spot). */
  basis: 'estimate' | 'claim';
  /** `instance-hour`, or `kWh` for a region change without an instance type. */
  per: 'instance-hour' | 'kWh';
  costUsd: number | null;
  costPercent: number | null;
  /** For `per: 'kWh'` this is gCO2e per kWh / 1000 (kgCO2e per kWh). */
  kgCo2e: number | null;
  carbonPercent: number | null;
  /** True when the saving is an upper bound ("up to"), as for spot. */
  upTo: boolean;
  claims: QuotedClaim[];
  notes: string[];
  sources: string[];
}

/** A seed claim by id when it is verified (seen in an AWS document or a report of an AWS statement); else undefined. */
export function verifiedClaim(id: string): QuotedClaim | undefined {
  const claim = getClaim(id);
  if (!claim || !isVerifiedClaim(claim)) return undefined;
  return { id: claim.id, figure: claim.figure ?? claim.summary, summary: claim.summary, source: claim.source ?? 'shared/data/seed-claims.csv' };
}

const claimsOf: Record<SavingKind, string[]> = {
  spot: ['managed-spot-90'],
  trainium: ['trainium-cost-to-train', 'trainium-energy-bert'],
  inferentia: ['inferentia2-perf-per-watt'],
  graviton: ['graviton3-energy'],
  serverless: [],
  region: [],
  smaller: [],
  teardown: [],
  'stop-when-idle': [],
  'scale-to-zero': [],
};

/** The verified claims that back a kind of change (the Graviton3 one only for a Graviton3 target). */
export function claimsFor(kind: SavingKind, targetMicroarchitecture?: string | null): QuotedClaim[] {
  const ids = kind === 'graviton' && targetMicroarchitecture !== 'Graviton3' ? [] : claimsOf[kind];
  return ids.flatMap((id) => verifiedClaim(id) ?? []);
}

const percentOf = (saved: number | null, base: number | null): number | null => (saved === null || base === null || base === 0 ? null : (saved / base) * 100);

/**
 * Switching one instance type for another in the same region, per instance-hour, from the two
 * estimates. The cost is compared only when both prices are of the same kind (live, bundled or
 * EC2); carbon only when both totals are known.
 */
export function switchSaving(kind: SavingKind, from: InstanceEstimate, to: InstanceEstimate, targetMicroarchitecture?: string | null): Saving {
  const notes: string[] = [];
  let costUsd: number | null = null;
  if (from.costUsdPerHour !== null && to.costUsdPerHour !== null) {
    if (from.costSource === to.costSource) costUsd = from.costUsdPerHour - to.costUsdPerHour;
    else notes.push(`the prices are of different kinds (${from.costSource} and ${to.costSource}): cost not compared`);
  }
  const kgCo2e = from.totalKgCo2ePerHour !== null && to.totalKgCo2ePerHour !== null ? from.totalKgCo2ePerHour - to.totalKgCo2ePerHour : null;
  if (!from.complete || !to.complete) notes.push('a part of one footprint is unknown (accelerator power or embodied emissions): the carbon saving is approximate');
  return {
    kind,
    from: from.instanceType,
    to: to.instanceType,
    basis: 'estimate',
    per: 'instance-hour',
    costUsd,
    costPercent: percentOf(costUsd, from.costUsdPerHour),
    kgCo2e,
    carbonPercent: percentOf(kgCo2e, from.totalKgCo2ePerHour),
    upTo: false,
    claims: claimsFor(kind, targetMicroarchitecture),
    notes,
    sources: [...new Set([...from.sources, ...to.sources])],
  };
}

/** Managed spot: only the cost changes, up to the verified "up to" discount; undefined when that claim is not verified. */
export function spotSaving(from: InstanceEstimate): Saving | undefined {
  const discount = spotDiscount();
  if (!discount) return undefined;
  const costUsd = from.costUsdPerHour === null ? null : from.costUsdPerHour * discount.maxDiscount;
  return {
    kind: 'spot',
    from: from.instanceType,
    to: 'managed spot',
    basis: 'claim',
    per: 'instance-hour',
    costUsd,
    costPercent: discount.maxDiscount * 100,
    kgCo2e: 0,
    carbonPercent: 0,
    upTo: true,
    claims: claimsFor('spot'),
    notes: ['the spot discount varies by type, region and time: a range from 0, not a promise; emissions are the same instance-hours'],
    sources: [...from.sources],
  };
}

/** Serverless inference: every hour the always-on instance would idle is not billed (nor powered for this endpoint). */
export function serverlessSaving(from: InstanceEstimate): Saving {
  return {
    kind: 'serverless',
    from: from.instanceType,
    to: 'serverless inference',
    basis: 'estimate',
    per: 'instance-hour',
    costUsd: from.costUsdPerHour,
    costPercent: from.costUsdPerHour === null ? null : 100,
    kgCo2e: from.totalKgCo2ePerHour,
    carbonPercent: from.totalKgCo2ePerHour === null ? null : 100,
    upTo: true,
    claims: [],
    notes: ['per idle instance-hour: serverless bills per request and memory size, so busy hours may cost more'],
    sources: [...from.sources],
  };
}

function intensityOf(region: RegionRow, choice: IntensityChoice): number {
  return gridIntensity(region, choice).value;
}

/**
 * The lowest-carbon region of the same partition, the same geography first (or only, with
 * `sameGeography`); undefined when none emits less. Only regions with their own figure count (not
 * the unknown-region average). Ties go to the first region code.
 */
export function lowerCarbonRegion(region: RegionRow, choice: IntensityChoice, options: { sameGeography?: boolean } = {}): RegionRow | undefined {
  const own = intensityOf(region, choice);
  const candidates = listRegions()
    .filter((r) => r.partition === region.partition && r.code !== region.code && (!options.sameGeography || r.geography === region.geography))
    .filter((r) => !gridIntensity(r, choice).estimated && intensityOf(r, choice) < own)
    .sort((a, b) => Number(b.geography === region.geography) - Number(a.geography === region.geography) || intensityOf(a, choice) - intensityOf(b, choice) || (a.code < b.code ? -1 : 1));
  return candidates[0];
}

/**
 * Moving to another region: with the instance's estimates in both regions, per instance-hour (the
 * cost only when both prices are of one kind and region-specific, i.e. live); without a type, the
 * grid intensity per kWh.
 */
export function regionSaving(from: RegionRow, to: RegionRow, choice: IntensityChoice, estimates?: { from: InstanceEstimate; to: InstanceEstimate }): Saving {
  if (estimates) {
    const s = switchSaving('region', estimates.from, estimates.to);
    const bothLive = estimates.from.costSource === 'live' && estimates.to.costSource === 'live';
    if (!bothLive) {
      s.costUsd = null;
      s.costPercent = null;
      s.notes = ['the bundled prices are us-east-1 ones: the cost of the move is not compared', ...s.notes.filter((n) => !n.startsWith('the prices are of different kinds'))];
    }
    return { ...s, from: from.code, to: to.code };
  }
  const a = gridIntensity(from, choice);
  const b = gridIntensity(to, choice);
  const kgCo2e = (a.value - b.value) / 1000;
  return {
    kind: 'region',
    from: from.code,
    to: to.code,
    basis: 'estimate',
    per: 'kWh',
    costUsd: null,
    costPercent: null,
    kgCo2e,
    carbonPercent: percentOf(a.value - b.value, a.value),
    upTo: false,
    claims: [],
    notes: ['operational emissions only; embodied emissions do not depend on the region'],
    sources: [...new Set([a.source, b.source])],
  };
}

/** `n` with three significant digits and no exponent (0.0413, 2.82, 1070); `—` for null. */
export function formatFigure(n: number | null, significant = 3): string {
  if (n === null) return '—';
  if (n === 0) return '0';
  const digits = Math.max(0, significant - 1 - Math.floor(Math.log10(Math.abs(n))));
  // toFixed never writes an exponent below 1e21; trailing zeros go (toLocaleString did the same, 20× slower).
  const fixed = n.toFixed(Math.min(digits, 12));
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** `$1.41`, `$0.23`, `$113.07`; `—` for null. */
export function formatUsd(n: number | null): string {
  if (n === null) return '—';
  return `$${n < 0.1 ? formatFigure(n, 2) : n.toFixed(2)}`;
}

/**
 * ` (≈ $1.41/h, 0.123 kgCO2e/h in us-east-1)`: the hourly price and emissions of
 * one instance from the offline estimate, for messages; empty when the type has
 * neither figure.
 */
export function hourlyFigures(estimate: { costUsdPerHour: number | null; totalKgCo2ePerHour: number | null; region: string }): string {
  if (estimate.costUsdPerHour === null && estimate.totalKgCo2ePerHour === null) return '';
  return ` (≈ ${formatUsd(estimate.costUsdPerHour)}/h, ${formatFigure(estimate.totalKgCo2ePerHour)} kgCO2e/h in ${estimate.region})`;
}

/** Estimates with the default assumptions (us-east-1, 50%), by instance type: the same few types recur in a file. */
const defaultEstimates = new Map<string, InstanceEstimate>();

export function defaultEstimate(instanceType: string): InstanceEstimate {
  let estimate = defaultEstimates.get(instanceType);
  if (!estimate) defaultEstimates.set(instanceType, (estimate = estimateInstance(instanceType)));
  return estimate;
}

/** {@link hourlyFigures} of one instance type with the default assumptions, for a rule's message. */
export function perHourFigures(instanceType: string): string {
  return hourlyFigures(defaultEstimate(instanceType));
}

/** `; Green ML's estimate (us-east-1, 50% utilisation): $a → $b per hour, x → y Wh per hour` for a swap of hosting types; empty when neither figure is known. */
export function switchFigures(from: string, to: string): string {
  const a = defaultEstimate(from);
  const b = defaultEstimate(to);
  const parts: string[] = [];
  if (a.costUsdPerHour !== null && b.costUsdPerHour !== null) parts.push(`$${a.costUsdPerHour.toFixed(3)} → $${b.costUsdPerHour.toFixed(3)} per hour`);
  if (a.complete && b.complete && a.energyKwhPerHour !== null && b.energyKwhPerHour !== null) parts.push(`${(a.energyKwhPerHour * 1000).toFixed(0)} → ${(b.energyKwhPerHour * 1000).toFixed(0)} Wh per hour`);
  return parts.length ? `; Green ML's estimate (us-east-1, 50% utilisation): ${parts.join(', ')}` : '';
}
