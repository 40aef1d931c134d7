import { getInstanceType } from '../data/instances';
import { listRegions } from '../data/regions';
import type { IntensityChoice } from '../estimate/estimate';
import { estimateInstance } from '../estimate/estimate';
import { formatFigure, formatUsd } from './figures';
import { priceOrigin } from './priceLabel';

/** One region in the comparison: its figures for one instance-hour, as quick-pick text. */
export interface RegionChoice {
  region: string;
  label: string;
  description: string;
  detail: string;
  totalKgCo2ePerHour: number | null;
  /** The region's own price per instance-hour; null when none is bundled for it (another region's price is never shown as its). */
  costUsdPerHour: number | null;
}

export interface CompareOptions {
  utilization?: number;
  intensity?: IntensityChoice;
}

/**
 * Every region with a known carbon figure for one instance-hour of `instanceType`, lowest carbon
 * first (then by code). A row shows a price only when it is the region's own (the regional price
 * table); the us-east-1 fallback price is not repeated on every row ({@link comparePriceNote} says
 * it once). Undefined for a type the catalogue does not know.
 */
export function compareRegions(instanceType: string, options: CompareOptions = {}): RegionChoice[] | undefined {
  const instance = getInstanceType(instanceType);
  if (!instance) return undefined;
  return listRegions()
    .map((region) => {
      const e = estimateInstance(instance.instanceType, { region: region.code, ...options });
      const own = e.costUsdPerHour !== null && e.costRegion === region.code ? e.costUsdPerHour : null;
      const price = own === null ? undefined : `${formatUsd(own)}/h${e.costSource === 'ec2-lower-bound' ? ' (EC2 price, a lower bound)' : ''}`;
      return {
        region: region.code,
        label: region.code,
        description: [`${formatFigure(e.totalKgCo2ePerHour)} kgCO2e/h`, price].filter(Boolean).join(' · '),
        detail: `${region.name} · grid ${formatFigure(e.gridGco2ePerKwh, 6)} gCO2e/kWh (${e.intensity}) · ${e.estimated ? 'estimate' : 'CCF figures'} at ${formatFigure(e.utilization * 100)}% utilisation`,
        totalKgCo2ePerHour: e.totalKgCo2ePerHour,
        costUsdPerHour: own,
      };
    })
    .filter((c) => c.totalKgCo2ePerHour !== null)
    .sort((a, b) => (a.totalKgCo2ePerHour ?? 0) - (b.totalKgCo2ePerHour ?? 0) || a.region.localeCompare(b.region));
}

/**
 * One line on the prices of a comparison, for its title or placeholder: which regions have their
 * own price, and the fallback price with the region it is for. Undefined for an unknown type.
 */
export function comparePriceNote(instanceType: string, choices: readonly RegionChoice[]): string | undefined {
  const instance = getInstanceType(instanceType);
  if (!instance) return undefined;
  const without = choices.filter((c) => c.costUsdPerHour === null).length;
  if (without === 0) return 'Each price is the region’s own.';
  const fallback = estimateInstance(instance.instanceType, { region: 'us-east-1' });
  const known = fallback.costUsdPerHour === null ? 'no price is bundled for this type' : `${formatUsd(fallback.costUsdPerHour)}/h is the ${priceOrigin(fallback)}`;
  return `${without} of ${choices.length} regions show no price: none bundled for them (${known}; other regions usually cost more).`;
}
