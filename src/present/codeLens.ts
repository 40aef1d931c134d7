import { getRegion } from '../data/regions';
import type { AlwaysOnCost, JobBound } from '../estimate/bounds';
import { alwaysOnCost, hoursPerMonth, trainingBound } from '../estimate/bounds';
import type { IntensityChoice } from '../estimate/estimate';
import { estimateInstance } from '../estimate/estimate';
import type { LivePriceInput, PriceKey, PriceUsage } from '../estimate/priceCache';
import type { CostTarget, CostTargets } from '../model/costTargets';
import { formatFigure, formatUsd } from './figures';
import { otherRegionPrice } from './priceLabel';

/** A live price lookup that never waits: the cached price, or undefined (the caller may fetch in the background). */
export type PriceLookup = (key: PriceKey) => LivePriceInput | undefined;

export interface LensSettings {
  /** The `greenml.region` setting; undefined when unset. */
  region?: string;
  /** The region of the AWS profile (`~/.aws/config`), when it has one. */
  profileRegion?: string;
  utilization?: number;
  intensity?: IntensityChoice;
  /** Live prices, when the user allows them (`greenml.pricing.live`). */
  livePrice?: PriceLookup;
}

/** Which region the figures are for and why. */
export interface LensRegion {
  code: string;
  origin: 'code' | 'setting' | 'profile' | 'default';
}

/** The first known region of: the code's, the `greenml.region` setting, the AWS profile's; else us-east-1. */
export function resolveRegion(codeRegion: string | undefined, settings: { region?: string; profileRegion?: string }): LensRegion {
  if (codeRegion && getRegion(codeRegion)) return { code: getRegion(codeRegion)!.code, origin: 'code' };
  if (settings.region && getRegion(settings.region)) return { code: getRegion(settings.region)!.code, origin: 'setting' };
  if (settings.profileRegion && getRegion(settings.profileRegion)) return { code: getRegion(settings.profileRegion)!.code, origin: 'profile' };
  return { code: 'us-east-1', origin: 'default' };
}

/** One lens: where it sits (offsets of the code walked), its title and its tooltip. */
export interface LensModel {
  start: number;
  end: number;
  title: string;
  tooltip: string;
}

/** The code's region when it names a known one, else the setting's, else the AWS profile's, else us-east-1. */
export function lensRegion(targets: CostTargets, settings: LensSettings): LensRegion {
  return resolveRegion(targets.region?.code, settings);
}

export const regionOrigin: Record<LensRegion['origin'], string> = {
  code: 'the region the code sets',
  setting: 'the greenml.region setting',
  profile: "the AWS profile's region (~/.aws/config)",
  default: 'us-east-1, the default (no region in the code, the greenml.region setting or the AWS profile)',
};

const usageOf: Record<CostTarget['kind'], PriceUsage> = { training: 'training', tuner: 'training', endpoint: 'hosting', notebook: 'notebook' };

function hours(h: number): string {
  return `${formatFigure(h)} h`;
}

const lowerBoundMark = ' (EC2 price: a lower bound)';

function jobTitle(b: JobBound, lowerBound: boolean): string {
  const jobs = b.jobs > 1 ? `${b.jobs} jobs × ` : '';
  const cost = b.costUsd === null ? 'cost unknown' : b.spot && b.spot.minCostUsd !== null ? `${formatUsd(b.spot.minCostUsd)}–${formatUsd(b.costUsd)} with spot` : formatUsd(b.costUsd);
  const mark = b.costUsd !== null ? `${lowerBound ? lowerBoundMark : ''}${otherRegionPrice(b)}` : '';
  return `≤ ${jobs}${hours(b.hoursPerJob)} × ${b.instanceCount} × ${b.instanceType} ≈ ${cost}${mark} · ${formatFigure(b.totalKgCo2e)} kgCO2e (${b.region})`;
}

function alwaysOnTitle(c: AlwaysOnCost, lowerBound: boolean): string {
  const count = c.instanceCount > 1 ? `${c.instanceCount} × ` : '';
  const cost = c.costUsdPerHour === null ? 'cost unknown' : `${formatUsd(c.costUsdPerHour)}/h${lowerBound ? lowerBoundMark : ''}${otherRegionPrice(c)}`;
  const month = c.costUsdPerMonth === null ? '' : ` · ${formatUsd(c.costUsdPerMonth)}/month`;
  return `≈ ${cost} · ${formatFigure(c.totalKgCo2ePerHour)} kgCO2e/h (${count}${c.instanceType}, ${c.region})${month}`;
}

function tooltip(lines: string[], b: { estimated: boolean; notes: string[]; sources: string[] }, region: LensRegion, utilization: number): string {
  return [
    ...lines,
    `Region: ${region.code}, from ${regionOrigin[region.origin]}.`,
    `${b.estimated ? 'Estimate' : 'Figures'} at ${formatFigure(utilization * 100)}% utilisation by Cloud Carbon Footprint's method.`,
    ...b.notes.map((n) => `- ${n}`),
    `Sources: ${b.sources.join('; ')}.`,
  ].join('\n');
}

/**
 * The lens of one target: a training job's or tuner's upper bound, or an endpoint's or notebook
 * instance's hourly and monthly figures. Undefined when neither cost nor carbon is known.
 */
export function lensFor(target: CostTarget, region: LensRegion, settings: LensSettings): LensModel | undefined {
  const livePrice = settings.livePrice?.({ instanceType: target.instanceType, region: region.code, usage: usageOf[target.kind] });
  const estimate = estimateInstance(target.instanceType, { region: region.code, utilization: settings.utilization, intensity: settings.intensity, livePrice, usage: usageOf[target.kind] });
  if (estimate.costUsdPerHour === null && estimate.totalKgCo2ePerHour === null) return undefined;
  const lowerBound = estimate.costSource === 'ec2-lower-bound';
  if (target.kind === 'training' || target.kind === 'tuner') {
    const b = trainingBound(estimate, { instanceCount: target.instanceCount, maxRunSeconds: target.maxRunSeconds, jobs: target.maxJobs, spot: target.spot });
    const lines = [
      `Upper bound if ${b.jobs > 1 ? `all ${b.jobs} jobs (max_jobs)` : 'the job'} ran to ${b.defaultMaxRun ? 'the API default limit of 1 day (no max_run given)' : 'max_run'}: ${formatFigure(b.instanceHours)} instance-hours, ${formatFigure(b.energyKwh)} kWh.`,
      ...(b.spot ? [`Spot: up to ${formatFigure(b.spot.maxDiscount * 100)}% off the on-demand cost, a range, not a promise; emissions are the same.`] : []),
    ];
    return { start: target.start, end: target.end, title: jobTitle(b, lowerBound), tooltip: tooltip(lines, b, region, estimate.utilization) };
  }
  const c = alwaysOnCost(estimate, target.instanceCount);
  const what = target.kind === 'endpoint' ? 'Real-time endpoint' : 'Notebook instance';
  const lines = [`${what} while it is up: ${formatUsd(c.costUsdPerMonth)} and ${formatFigure(c.totalKgCo2ePerMonth)} kgCO2e per month of ${hoursPerMonth.value} h.`];
  return { start: target.start, end: target.end, title: alwaysOnTitle(c, lowerBound), tooltip: tooltip(lines, c, region, estimate.utilization) };
}

/** Every lens of a file's targets, in the region the code, the settings or the default gives. */
export function lensesFor(targets: CostTargets, settings: LensSettings): LensModel[] {
  const region = lensRegion(targets, settings);
  return targets.targets.flatMap((t) => lensFor(t, region, settings) ?? []);
}
