import { getInstanceType, suggestInstanceTypes } from '../data/instances';
import { getRegion } from '../data/regions';
import type { InstanceRow } from '../data/types';
import type { IntensityChoice } from '../estimate/estimate';
import { estimateInstance } from '../estimate/estimate';
import { switchSaving } from '../estimate/savings';
import { inRegion, recommendPurposeBuilt } from '../model/recommend';
import type { PriceLookup } from './codeLens';
import { regionOrigin, resolveRegion } from './codeLens';
import { formatFigure, formatUsd } from './figures';
import { priceOrigin } from './priceLabel';
import { formatSaving } from './savings';

/** An `ml.*` instance-type string found in a line: its text and 0-based UTF-16 column range (end exclusive). */
export interface InstanceTypeMatch {
  name: string;
  start: number;
  end: number;
}

const instanceTypePattern = /(?<![\w.-])ml\.[a-z0-9][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)+/gi;

/** The `ml.*` token under `character` (0-based) in `line`, if any. */
export function findInstanceTypeAt(line: string, character: number): InstanceTypeMatch | undefined {
  for (const m of line.matchAll(instanceTypePattern)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (character >= start && character <= end) return { name: m[0], start, end };
  }
  return undefined;
}

export interface HoverSettings {
  /** Region code from the `greenml.region` setting; undefined when unset. */
  region?: string;
  /** The region the code sets (boto3 session, AWS provider), when known. */
  codeRegion?: string;
  /** The AWS profile's region (`~/.aws/config`). */
  profileRegion?: string;
  /** Live prices (`greenml.pricing.live`): the cached hosting price of the type, never waiting. */
  livePrice?: PriceLookup;
  /** 0–1; CCF's 0.5 when absent. */
  utilization?: number;
  intensity?: IntensityChoice;
}

function specs(r: InstanceRow): string {
  const parts = [`${r.vcpu ?? '?'} vCPU${r.cpuMicroarchitecture ? ` (${r.cpuMicroarchitecture})` : ''}`, `${r.memoryGib ?? '?'} GiB`];
  if (r.acceleratorKind !== 'none') parts.push(`${r.acceleratorCount ?? '?'} × ${r.acceleratorModel ?? r.acceleratorKind}${r.acceleratorMemoryGib !== null ? ` (${r.acceleratorMemoryGib} GiB)` : ''}`);
  return parts.join(' · ');
}

const escape = (text: string): string => text.replace(/[\\`*_{}[\]()#+!|<>]/g, (c) => `\\${c}`);

/**
 * The hover for an `ml.*` string, as Markdown: specs, $/h, kWh/h and kgCO2e/h in the region of the
 * settings, and where the figures come from. Undefined for a string that is not an instance type
 * and has no close match.
 */
export function instanceHoverMarkdown(name: string, settings: HoverSettings): string | undefined {
  const instance = getInstanceType(name);
  if (!instance) {
    const close = suggestInstanceTypes(name);
    return close.length ? `**${escape(name)}** is not a SageMaker instance type. Did you mean ${close.map((c) => `\`${c}\``).join(', ')}?` : undefined;
  }
  const lines: string[] = [];
  const resolved = resolveRegion(settings.codeRegion, settings);
  if (settings.region && !getRegion(settings.region)) {
    lines.push(`_\`greenml.region\` is "${escape(settings.region)}", not a known region: ${resolved.code} used._`, '');
  }
  const region = resolved.code;
  const utilization = settings.utilization !== undefined && settings.utilization >= 0 && settings.utilization <= 1 ? settings.utilization : undefined;
  const livePrice = settings.livePrice?.({ instanceType: instance.instanceType, region, usage: 'hosting' });
  const e = estimateInstance(instance.instanceType, { region, utilization, intensity: settings.intensity, livePrice });
  const cost = e.costUsdPerHour === null || e.costSource === null ? 'unknown (no price bundled)' : `${formatUsd(e.costUsdPerHour)} (${e.costSource === 'live' ? `SageMaker hosting price, live, ${region}` : priceOrigin(e)})`;
  const carbon =
    e.totalKgCo2ePerHour === null
      ? 'unknown'
      : `${formatFigure(e.totalKgCo2ePerHour)} kgCO2e (${formatFigure(e.operationalKgCo2ePerHour)} operational at ${formatFigure(e.gridGco2ePerKwh, 6)} gCO2e/kWh + ${formatFigure(e.embodiedKgCo2ePerHour)} embodied)`;
  lines.unshift(`**${instance.instanceType}** · ${specs(instance)}`, '');
  lines.push(
    `| Per hour in ${e.region} | |`,
    '| --- | --- |',
    `| Cost | ${cost} |`,
    `| Energy | ${e.energyKwhPerHour === null ? 'unknown' : `${formatFigure(e.energyKwhPerHour)} kWh`} |`,
    `| Carbon | ${carbon} |`,
    '',
    `${e.estimated ? 'Estimate' : 'Figures'} at ${formatFigure(e.utilization * 100)}% utilisation by Cloud Carbon Footprint's method (${e.intensity} grid factor). Region from ${regionOrigin[resolved.origin]}.`,
  );
  // The region the figures are for, unless it is only the default: a type that region does not offer is not suggested.
  const { found, notInRegion } = inRegion(resolved.origin === 'default' ? undefined : region, (r) => recommendPurposeBuilt(instance, 'hosting', r));
  const alternative = found?.row;
  if (notInRegion) lines.push('', `No greener alternative for serving in ${region}: it does not offer ${notInRegion.kind === 'inferentia' ? 'AWS Inferentia2' : 'AWS Graviton'} (ml.${notInRegion.row.family}) instances.`);
  if (alternative) {
    const to = estimateInstance(alternative.instanceType, { region, utilization, intensity: settings.intensity, livePrice: settings.livePrice?.({ instanceType: alternative.instanceType, region, usage: 'hosting' }) });
    const saving = switchSaving(alternative.acceleratorKind === 'inferentia' ? 'inferentia' : 'graviton', e, to, alternative.cpuMicroarchitecture);
    lines.push('', `Greener alternative for serving: ${formatSaving(saving, region)}`);
  }
  if (e.notes.length) lines.push('', ...e.notes.map((n) => `- ${escape(n)}`));
  lines.push('', `Sources: ${e.sources.map(escape).join('; ')}.`);
  return lines.join('\n');
}
