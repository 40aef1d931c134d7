import { defineRule } from '../core/defineRule';
import { getRegion, listRegions } from '../data/regions';
import type { RegionRow } from '../data/types';
import { awsProviderRegions, regionArgument } from '../model/read/regions';

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
    return {
      tfFile(file) {
        // Only provider configurations: a backend "s3" region says where the state file lives, not the workloads.
        for (const { attribute, code } of awsProviderRegions(file)) {
          const region = code !== undefined ? getRegion(code) : undefined;
          const intensity = region && intensityOf(region, choice);
          if (!region || intensity === undefined || intensity <= threshold) continue;
          context.report({
            start: attribute.start,
            end: attribute.end,
            messageId: 'highCarbon',
            data: { region: region.code, name: region.name, intensity: Math.round(intensity), threshold, alternatives: alternatives(region, choice, threshold) },
          });
        }
      },
      cdkApp(app) {
        // The stack's `env.region` when written as a string; `process.env.CDK_DEFAULT_REGION` and other values stay silent.
        for (const stack of app.stacks) {
          const value = stack.region.value;
          const region = value.kind === 'string' ? getRegion(value.value) : undefined;
          const intensity = region && intensityOf(region, choice);
          if (!region || intensity === undefined || intensity <= threshold) continue;
          context.report({
            start: stack.region.start,
            end: stack.region.end,
            messageId: 'highCarbonCdk',
            data: { stack: stack.name, region: region.code, name: region.name, intensity: Math.round(intensity), threshold, alternatives: alternatives(region, choice, threshold) },
          });
        }
      },
      pythonCall(call) {
        const argument = regionArgument(call);
        if (argument?.value.kind !== 'string') return;
        const region = getRegion(argument.value.value);
        const intensity = region && intensityOf(region, choice);
        if (!region || intensity === undefined || intensity <= threshold) return;
        const nearby = listRegions()
          .filter((r) => r.partition === region.partition && r.geography === region.geography && r.code !== region.code)
          .map((r) => ({ code: r.code, value: intensityOf(r, choice) }))
          .filter((r): r is { code: string; value: number } => r.value !== undefined && r.value <= threshold)
          .sort((a, b) => a.value - b.value)
          .slice(0, 3);
        context.report({
          start: argument.start,
          end: argument.end,
          messageId: nearby.length ? 'highCarbonPython' : 'highCarbonNoAlternative',
          data: {
            region: region.code,
            name: region.name,
            intensity: Math.round(intensity),
            threshold,
            alternatives: nearby.map((a) => `${a.code} (${Math.round(a.value)})`).join(', '),
          },
        });
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
