import { embodiedRows } from '../data/generated/embodied';
import { getInstanceType } from '../data/instances';
import { getTablePrice } from '../data/prices';
import { getRegion } from '../data/regions';
import type { InstanceRow, PriceUsageKind, RegionRow } from '../data/types';
import type { Sourced } from './coefficients';
import type { LivePriceInput } from './priceCache';
import { acceleratorCoefficients, cpuCoefficients, defaultUtilization, memoryWattsPerGb, pue, unknownRegionGco2ePerKwh } from './coefficients';

/** Which grid factor: the CCF app's (default, comparable with CCF reports) or the recent figure of the data. */
export type IntensityChoice = 'ccf' | 'recent';
export type CostSource = 'live' | 'bundled' | 'ec2-lower-bound';

export interface EstimateOptions {
  /** AWS region code; default `us-east-1`. */
  region?: string;
  /** Average utilisation as a fraction in [0, 1]; default CCF's 0.5. */
  utilization?: number;
  intensity?: IntensityChoice;
  /** A live Price List price of this type in this region (see priceCache.ts); used before the bundled one. */
  livePrice?: LivePriceInput;
  /** What the instance does, for the price: hosting (default), training, notebook or processing. */
  usage?: PriceUsageKind;
}

/** Power draw of one instance at the given utilisation, watts, before PUE. Null parts are unknown. */
export interface PowerBreakdown {
  cpuWatts: number | null;
  /** Null when the accelerators' power is unknown; 0 without accelerators. */
  acceleratorWatts: number | null;
  memoryWatts: number | null;
  pue: number;
}

/** Everything per instance-hour of one `ml.*` type in one region. */
export interface InstanceEstimate {
  instanceType: string;
  region: string;
  utilization: number;
  intensity: IntensityChoice;
  power: PowerBreakdown;
  /** kWh per instance-hour including PUE; null when vCPU or memory is unknown. Excludes accelerators whose power is unknown (see `complete`). */
  energyKwhPerHour: number | null;
  /** Grid carbon intensity used, gCO2e per kWh. */
  gridGco2ePerKwh: number;
  operationalKgCo2ePerHour: number | null;
  /** Embodied (manufacturing) emissions amortised per instance-hour; null when no figure exists. */
  embodiedKgCo2ePerHour: number | null;
  /** Operational + embodied, counting an unknown part as 0 (see `complete`). */
  totalKgCo2ePerHour: number | null;
  /** False when a part (accelerator power, embodied) is unknown and left out: the figures are then lower bounds. */
  complete: boolean;
  /** USD per instance-hour, or null when no price is bundled. */
  costUsdPerHour: number | null;
  costSource: CostSource | null;
  /** The region the price is for: the estimate's for a live price or a price of the bundled regional table; us-east-1 for the fallback prices (other regions usually cost more). */
  costRegion: string | null;
  /** The usage the price is for: the estimate's for a live price or a price of the regional table; hosting for the fallback prices. */
  costUsage: PriceUsageKind | null;
  /** True when any input is a fallback, an estimate by a third party or a figure of another region. */
  estimated: boolean;
  /** Where each figure comes from (deduplicated). */
  sources: string[];
  /** Why the result is an estimate or incomplete, one sentence each. */
  notes: string[];
}

export class EstimateError extends Error {
  constructor(
    message: string,
    readonly kind: 'unknownInstanceType' | 'unknownRegion' | 'invalidUtilization',
  ) {
    super(message);
  }
}

/**
 * Energy, carbon and cost per instance-hour of an `ml.*` type, by Cloud Carbon Footprint's method
 * (docs/estimates.md):
 *   watts = vCPU × (min + u × (max − min)) + accelerators × (min + u × (max − min)) + memory GB × 0.392
 *   kWh/h = watts × PUE 1.135 / 1000;  operational kgCO2e/h = kWh/h × grid gCO2e/kWh / 1000.
 * Throws {@link EstimateError} for an unknown type or region or a utilisation outside [0, 1].
 */
export function estimateInstance(instanceType: string, options: EstimateOptions = {}): InstanceEstimate {
  const instance = getInstanceType(instanceType);
  if (!instance) throw new EstimateError(`unknown instance type "${instanceType}"`, 'unknownInstanceType');
  const regionCode = options.region ?? 'us-east-1';
  const region = getRegion(regionCode);
  if (!region) throw new EstimateError(`unknown region "${regionCode}"`, 'unknownRegion');
  const utilization = options.utilization ?? defaultUtilization.value;
  if (!(utilization >= 0 && utilization <= 1)) throw new EstimateError(`utilization must be between 0 and 1, got ${utilization}`, 'invalidUtilization');
  const intensity = options.intensity ?? 'ccf';

  const specs = [instance.specSource, instance.cpuSource, instance.acceleratorSource].filter((x): x is string => x !== null);
  const used: Sourced<unknown>[] = [
    { value: null, source: `instance specs (shared/data/sagemaker-instances.csv): ${[...new Set(specs)].join('; ') || 'none'}`, estimated: false },
    pue,
  ];
  const notes: string[] = [];
  const at = (minMax: { minWatts: number; maxWatts: number }): number => minMax.minWatts + utilization * (minMax.maxWatts - minMax.minWatts);

  let cpuWatts: number | null = null;
  if (instance.vcpu !== null) {
    const cpu = cpuCoefficients(instance.cpuMicroarchitecture);
    used.push(cpu);
    cpuWatts = instance.vcpu * at(cpu.value);
  } else notes.push('vCPU count unknown');

  let memoryWatts: number | null = null;
  if (instance.memoryGib !== null) {
    used.push(memoryWattsPerGb);
    memoryWatts = instance.memoryGib * memoryWattsPerGb.value;
  } else notes.push('memory size unknown');

  let acceleratorWatts: number | null = 0;
  if (instance.acceleratorKind !== 'none') {
    const accel = acceleratorCoefficients(instance.acceleratorModel);
    used.push(accel);
    if (accel.value === null || instance.acceleratorCount === null) {
      acceleratorWatts = null;
      if (accel.value !== null) notes.push(`number of ${instance.acceleratorModel} accelerators unknown`);
      const what = [instance.acceleratorCount, instance.acceleratorModel ?? 'unnamed'].filter((x) => x !== null).join(' ');
      notes.push(`energy and operational emissions leave out the ${what} accelerator(s): lower bounds`);
    } else acceleratorWatts = instance.acceleratorCount * at(accel.value as { minWatts: number; maxWatts: number });
  }

  const energyKwhPerHour = cpuWatts === null || memoryWatts === null ? null : ((cpuWatts + (acceleratorWatts ?? 0) + memoryWatts) * pue.value) / 1000;

  const grid = gridIntensity(region, intensity);
  used.push(grid);
  const operationalKgCo2ePerHour = energyKwhPerHour === null ? null : (energyKwhPerHour * grid.value) / 1000;

  const embodied = embodiedPerHour(instance);
  used.push(embodied);
  const embodiedKgCo2ePerHour = embodied.value;
  if (embodiedKgCo2ePerHour === null) notes.push('no embodied-emissions figure for this type: the total leaves it out');
  const totalKgCo2ePerHour = operationalKgCo2ePerHour === null ? null : operationalKgCo2ePerHour + (embodiedKgCo2ePerHour ?? 0);

  const cost = options.livePrice ? livePriceOf(options.livePrice, region.code, options.usage ?? 'hosting') : costPerHour(instance, region.code, options.usage ?? 'hosting');
  if (cost) used.push(cost);

  for (const s of used) if (s.note) notes.push(s.note);
  return {
    instanceType: instance.instanceType,
    region: region.code,
    utilization,
    intensity,
    power: { cpuWatts, acceleratorWatts, memoryWatts, pue: pue.value },
    energyKwhPerHour,
    gridGco2ePerKwh: grid.value,
    operationalKgCo2ePerHour,
    embodiedKgCo2ePerHour,
    totalKgCo2ePerHour,
    complete: energyKwhPerHour !== null && acceleratorWatts !== null && embodiedKgCo2ePerHour !== null,
    costUsdPerHour: cost?.value.usd ?? null,
    costSource: cost?.value.kind ?? null,
    costRegion: cost?.value.region ?? null,
    costUsage: cost?.value.usage ?? null,
    estimated: used.some((s) => s.estimated) || energyKwhPerHour === null,
    sources: [...new Set(used.map((s) => s.source))],
    notes: [...new Set(notes)],
  };
}

/** Grid carbon intensity of a region, gCO2e per kWh, with the fallbacks CCF applies. */
export function gridIntensity(region: RegionRow, choice: IntensityChoice): Sourced<number> {
  if (choice === 'recent' && region.recentGco2ePerKwh !== null) {
    return { value: region.recentGco2ePerKwh, source: `${region.recentSource ?? 'shared/data/grid-carbon-intensity.csv'} (${region.recentYear ?? 'year unknown'})`, estimated: false };
  }
  if (region.ccfGco2ePerKwh !== null) {
    const fallback = choice === 'recent';
    return {
      value: region.ccfGco2ePerKwh,
      source: `${region.ccfSource ?? 'CCF'} via the CCF app`,
      estimated: fallback,
      ...(fallback ? { note: `no recent grid figure for ${region.code}: CCF's used` } : {}),
    };
  }
  return { ...unknownRegionGco2ePerKwh, note: `no CCF factor for ${region.code}: CCF's unknown-region average (${unknownRegionGco2ePerKwh.value} g/kWh) used` };
}

const embodiedByType = new Map(embodiedRows.map((r) => [r.instanceType, r]));

/** Embodied kgCO2e per instance-hour: the CCF app's figure, else the 2026 ccf-coefficients one, else unknown. */
export function embodiedPerHour(instance: InstanceRow): Sourced<number | null> {
  const row = embodiedByType.get(instance.instanceType);
  if (row?.ccfKgCo2ePerHour != null) return { value: row.ccfKgCo2ePerHour, source: 'CCF app EC2_INSTANCE_TYPES (Teads) amortised over 35,040 h: shared/data/embodied-emissions.csv', estimated: false };
  if (row?.ccf2026KgCo2ePerHour != null) {
    return {
      value: row.ccf2026KgCo2ePerHour,
      source: 'ccf-coefficients 2026 aws-instances-latest-2026.csv amortised over 35,040 h: shared/data/embodied-emissions.csv',
      estimated: true,
      note: 'no CCF app embodied figure for this type: the 2026 ccf-coefficients one used',
    };
  }
  return { value: null, source: 'shared/data/embodied-emissions.csv (no figure)', estimated: true };
}

/** A price per instance-hour: its kind, and the region and usage it is for. */
export interface PriceFigure {
  usd: number;
  kind: CostSource;
  region: string;
  usage: PriceUsageKind;
}

/** A live price as a sourced figure: the region's own on-demand price, not an estimate. */
export function livePriceOf(price: LivePriceInput, region: string, usage: PriceUsageKind = 'hosting'): Sourced<PriceFigure> {
  return {
    value: { usd: price.usdPerHour, kind: 'live', region, usage },
    source: `${price.source}, ${region}, fetched ${new Date(price.fetchedAt).toISOString().slice(0, 10)}`,
    estimated: false,
  };
}

/**
 * USD per hour and the region it is for: the bundled regional table's price of the region and usage
 * (scripts/gen-prices.mjs), else the bundled us-east-1 SageMaker hosting price, else the us-east-1
 * EC2 price as a lower bound. The last two are us-east-1's whatever the region, and say so.
 */
export function costPerHour(instance: InstanceRow, region: string, usage: PriceUsageKind = 'hosting'): Sourced<PriceFigure> | undefined {
  const table = getTablePrice(instance.instanceType, region, usage);
  if (table) return { value: { usd: table.usdPerHour, kind: 'bundled', region, usage }, source: `SageMaker ${usage} price, ${region}: ${table.source}`, estimated: false };
  const elsewhere = region !== 'us-east-1' ? `; ${region} prices usually differ` : '';
  if (instance.hostingUsdPerHour !== null) {
    const stale = instance.notes?.includes('price cut') ? '; predates the June 2025 P4/P5 price cut' : '';
    return {
      value: { usd: instance.hostingUsdPerHour, kind: 'bundled', region: 'us-east-1', usage: 'hosting' },
      source: `SageMaker hosting price, us-east-1, about January 2025: ${instance.hostingPriceSource ?? 'bundled'}`,
      estimated: elsewhere !== '' || stale !== '',
      ...(elsewhere || stale ? { note: `the bundled price is us-east-1's hosting price${stale}${elsewhere}` } : {}),
    };
  }
  if (instance.ec2UsdPerHourUsEast1 !== null) {
    return {
      value: { usd: instance.ec2UsdPerHourUsEast1, kind: 'ec2-lower-bound', region: 'us-east-1', usage: 'hosting' },
      source: `EC2 Linux on-demand price, us-east-1: ${instance.ec2PriceSource ?? 'bundled'}`,
      estimated: true,
      note: `no SageMaker price bundled: the EC2 price in us-east-1 is a lower bound on the ml.* price${elsewhere}`,
    };
  }
  return undefined;
}

/** The figures of an estimate for `hours` instance-hours (energy kWh, kgCO2e, USD); nulls stay null. */
export function scaleEstimate(estimate: InstanceEstimate, hours: number): { hours: number; energyKwh: number | null; operationalKgCo2e: number | null; embodiedKgCo2e: number | null; totalKgCo2e: number | null; costUsd: number | null } {
  const times = (v: number | null): number | null => (v === null ? null : v * hours);
  return {
    hours,
    energyKwh: times(estimate.energyKwhPerHour),
    operationalKgCo2e: times(estimate.operationalKgCo2ePerHour),
    embodiedKgCo2e: times(estimate.embodiedKgCo2ePerHour),
    totalKgCo2e: times(estimate.totalKgCo2ePerHour),
    costUsd: times(estimate.costUsdPerHour),
  };
}
