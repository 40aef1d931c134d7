import { getInstanceType } from '../data/instances';
import { listRegions } from '../data/regions';
import type { IntensityChoice } from '../estimate/estimate';
import { estimateInstance } from '../estimate/estimate';
import { formatFigure, formatUsd } from './figures';

/** One region in the comparison: its figures for one instance-hour, as quick-pick text. */
export interface RegionChoice {
  region: string;
  label: string;
  description: string;
  detail: string;
  totalKgCo2ePerHour: number | null;
  costUsdPerHour: number | null;
}

/**
 * Every region with a known carbon figure for one instance-hour of `instanceType`, lowest carbon
 * first (then by code). The price is us-east-1's everywhere (the only one bundled) and says so.
 * Undefined for a type the catalogue does not know.
 */
export function compareRegions(instanceType: string, options: { utilization?: number; intensity?: IntensityChoice } = {}): RegionChoice[] | undefined {
  const instance = getInstanceType(instanceType);
  if (!instance) return undefined;
  return listRegions()
    .map((region) => {
      const e = estimateInstance(instance.instanceType, { region: region.code, ...options });
      const price = e.costUsdPerHour === null ? 'price unknown' : `${formatUsd(e.costUsdPerHour)}/h${e.costSource === 'ec2-lower-bound' ? ' (EC2 price, a lower bound)' : ''}${region.code === 'us-east-1' ? '' : ' (us-east-1 price)'}`;
      return {
        region: region.code,
        label: region.code,
        description: `${formatFigure(e.totalKgCo2ePerHour)} kgCO2e/h · ${price}`,
        detail: `${region.name} · grid ${formatFigure(e.gridGco2ePerKwh, 6)} gCO2e/kWh (${e.intensity}) · ${e.estimated ? 'estimate' : 'CCF figures'} at ${formatFigure(e.utilization * 100)}% utilisation`,
        totalKgCo2ePerHour: e.totalKgCo2ePerHour,
        costUsdPerHour: e.costUsdPerHour,
      };
    })
    .filter((c) => c.totalKgCo2ePerHour !== null)
    .sort((a, b) => (a.totalKgCo2ePerHour ?? 0) - (b.totalKgCo2ePerHour ?? 0) || a.region.localeCompare(b.region));
}
