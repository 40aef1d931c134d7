import { defineRule } from '../core/defineRule';
import { getRegion, listRegions } from '../data/regions';
import type { RegionRow } from '../data/types';
import { getAttribute, resolveLiteral } from '../parsers/terraform';

export const highCarbonRegion = defineRule({
  id: 'SML404',
  name: 'high-carbon-region',
  meta: {
    category: 'ops',
    defaultSeverity: 'info',
    formats: ['tf'],
    description: 'AWS provider region whose electricity grid has a high carbon intensity',
    messages: {
      highCarbon:
        'The AWS provider deploys to {{region}} ({{name}}), whose grid emits about {{intensity}} gCO2e/kWh, above the {{threshold}} allowed: every instance-hour there emits more. Lower-carbon regions: {{alternatives}}.',
    },
    fixes: [],
    wellArchitected: ['MLSUS02-BP02'],
    options: {
      maxGco2ePerKwh: { type: 'number', default: 400, minimum: 0, description: 'Grid carbon intensity (gCO2e/kWh) above which a region is reported.' },
      intensity: { type: 'string', default: 'ccf', enum: ['ccf', 'recent'], description: 'Which grid figure to compare: the Cloud Carbon Footprint factor or the recent figure of the bundled data.' },
    },
  },
  create(context) {
    const { maxGco2ePerKwh: threshold, intensity: choice } = context.options;
    return {
      tfFile(file) {
        // Only provider configurations: a backend "s3" region says where the state file lives, not the workloads.
        for (const provider of file.blocks.filter((b) => b.type === 'provider' && b.labels[0]?.value === 'aws')) {
          const attribute = getAttribute(provider, 'region');
          const code = resolveLiteral(file, attribute?.value);
          const region = typeof code === 'string' ? getRegion(code) : undefined;
          const intensity = region && intensityOf(region, choice);
          if (!attribute || !region || intensity === undefined || intensity <= threshold) continue;
          context.report({
            start: attribute.start,
            end: attribute.end,
            messageId: 'highCarbon',
            data: { region: region.code, name: region.name, intensity: Math.round(intensity), threshold, alternatives: alternatives(region, choice, threshold) },
          });
        }
      },
    };
  },
});

function intensityOf(region: RegionRow, choice: string): number | undefined {
  return (choice === 'recent' ? (region.recentGco2ePerKwh ?? region.ccfGco2ePerKwh) : (region.ccfGco2ePerKwh ?? region.recentGco2ePerKwh)) ?? undefined;
}

/** Up to three regions of the same partition under the threshold, same geography first, lowest intensity first. */
function alternatives(region: RegionRow, choice: string, threshold: number): string {
  const candidates = listRegions()
    .filter((r) => r.partition === region.partition && r.code !== region.code)
    .map((r) => ({ r, value: intensityOf(r, choice) }))
    .filter((c): c is { r: RegionRow; value: number } => c.value !== undefined && c.value <= threshold)
    .sort((a, b) => Number(b.r.geography === region.geography) - Number(a.r.geography === region.geography) || a.value - b.value)
    .slice(0, 3);
  return candidates.length ? candidates.map((c) => `${c.r.code} (${c.r.name}, ≈ ${Math.round(c.value)})`).join(', ') : 'none in this partition';
}
