import { defineRule } from '../core/defineRule';
import { getRegion, listRegions } from '../data/regions';
import type { RegionRow } from '../data/types';
import { visitRegions } from '../model/resources';

export const highCarbonRegion = defineRule({
  id: 'SML404',
  name: 'high-carbon-region',
  meta: {
    category: 'ops',
    defaultSeverity: 'info',
    formats: ['tf', 'py', 'nb', 'cdk'],
    description: 'AWS provider, session, client or CDK stack region whose electricity grid has a high carbon intensity',
    messages: {
      highCarbon:
        'The AWS provider deploys to {{region}} ({{name}}), whose grid emits about {{intensity}} gCO2e/kWh, above the {{threshold}} allowed: every instance-hour there emits more. Lower-carbon regions: {{alternatives}}.',
      highCarbonCdk:
        'Stack {{stack}} deploys to {{region}} ({{name}}), whose grid emits about {{intensity}} gCO2e/kWh, above the {{threshold}} allowed: every instance-hour there emits more. Lower-carbon regions: {{alternatives}}.',
      highCarbonPython:
        '{{region}} ({{name}}) runs on a grid of about {{intensity}} gCO2e/kWh, above the {{threshold}} gCO2e/kWh threshold: the same work emits less elsewhere. Lower-carbon regions in the same geography: {{alternatives}}.',
      highCarbonNoAlternative:
        '{{region}} ({{name}}) runs on a grid of about {{intensity}} gCO2e/kWh, above the {{threshold}} gCO2e/kWh threshold: the same work emits less elsewhere. See greenml regions --sort carbon for lower-carbon regions.',
    },
    fixes: [],
    wellArchitected: ['MLSUS02-BP02'],
    options: {
      maxGco2ePerKwh: { type: 'number', default: 400, minimum: 0, description: 'Grid carbon intensity (gCO2e/kWh) above which a region is reported.' },
      intensity: { type: 'string', default: 'ccf', enum: ['ccf', 'recent'], description: "Which grid figures to compare: Cloud Carbon Footprint's factors or recent national/eGRID figures." },
    },
  },
  create(context) {
    const { maxGco2ePerKwh: threshold, intensity: choice } = context.options;
    return visitRegions((record) => {
      const region = record.region.known ? getRegion(record.region.value) : undefined;
      const intensity = region && intensityOf(region, choice);
      if (!region || intensity === undefined || intensity <= threshold) return;
      // One answer whatever the format: up to three regions of the same partition and geography under the threshold, lowest first.
      const nearby = listRegions()
        .filter((r) => r.partition === region.partition && r.geography === region.geography && r.code !== region.code)
        .map((r) => ({ r, value: intensityOf(r, choice) }))
        .filter((c): c is { r: RegionRow; value: number } => c.value !== undefined && c.value <= threshold)
        .sort((a, b) => a.value - b.value)
        .slice(0, 3);
      const data = { region: region.code, name: region.name, intensity: Math.round(intensity), threshold };
      const effect = { kind: 'region-move', from: region.code, ...(nearby.length ? { to: nearby[0].r.code } : {}) } as const;
      if (!nearby.length) {
        context.report({ ...record.region.anchor, messageId: 'highCarbonNoAlternative', data: { ...data, alternatives: '' }, effect });
      } else if (record.setter === 'session') {
        context.report({ ...record.region.anchor, messageId: 'highCarbonPython', data: { ...data, alternatives: nearby.map((a) => `${a.r.code} (${Math.round(a.value)})`).join(', ') }, effect });
      } else {
        const alternatives = nearby.map((c) => `${c.r.code} (${c.r.name}, ≈ ${Math.round(c.value)})`).join(', ');
        if (record.setter === 'stack') context.report({ ...record.region.anchor, messageId: 'highCarbonCdk', data: { ...data, stack: record.name ?? '', alternatives }, effect });
        else context.report({ ...record.region.anchor, messageId: 'highCarbon', data: { ...data, alternatives }, effect });
      }
    });
  },
});

function intensityOf(region: RegionRow, choice: string): number | undefined {
  return (choice === 'recent' ? (region.recentGco2ePerKwh ?? region.ccfGco2ePerKwh) : (region.ccfGco2ePerKwh ?? region.recentGco2ePerKwh)) ?? undefined;
}
