import { defineRule } from '../core/defineRule';
import { getRegion, listRegions } from '../data/regions';
import type { RegionRow } from '../data/types';
import type { PyValue, PythonCall } from '../parsers/python/facts';
import { getKeyword } from '../parsers/python/facts';

/** boto3 calls whose `region_name` picks where the session's work runs (`boto3.session.Session` resolves to `boto3.Session`). */
const sessionCalls = new Set(['boto3.Session', 'boto3.client', 'boto3.resource', 'boto3.setup_default_session', 'boto3.Session().client', 'boto3.Session().resource']);

/** `boto3.client(service_name, region_name)` and `resource(...)` also take the region by position. */
function regionArgument(call: PythonCall): { start: number; end: number; value: PyValue } | undefined {
  const keyword = getKeyword(call, 'region_name');
  if (keyword) return keyword;
  const value = /(client|resource)$/.test(call.name) ? call.positional[1] : undefined;
  return value && { start: value.start, end: value.end, value };
}

function intensityOf(region: RegionRow, choice: string): number | null {
  return choice === 'recent' ? (region.recentGco2ePerKwh ?? region.ccfGco2ePerKwh) : (region.ccfGco2ePerKwh ?? region.recentGco2ePerKwh);
}

export const highCarbonRegion = defineRule({
  id: 'SML404',
  name: 'high-carbon-region',
  meta: {
    category: 'ops',
    defaultSeverity: 'info',
    formats: ['py'],
    description: 'Session or client in a region whose electricity grid has a high carbon intensity',
    messages: {
      highCarbon:
        '{{region}} ({{name}}) runs on a grid of about {{intensity}} gCO2e/kWh, above the {{threshold}} gCO2e/kWh threshold: the same work emits less elsewhere. Lower-carbon regions in the same geography: {{alternatives}}.',
      highCarbonNoAlternative:
        '{{region}} ({{name}}) runs on a grid of about {{intensity}} gCO2e/kWh, above the {{threshold}} gCO2e/kWh threshold: the same work emits less elsewhere. See greenml regions --sort carbon for lower-carbon regions.',
    },
    fixes: [],
    wellArchitected: ['MLSUS02-BP02'],
    options: {
      thresholdGco2ePerKwh: { type: 'number', default: 400, minimum: 0, description: 'Grid carbon intensity (gCO2e/kWh) above which a region is flagged.' },
      intensity: { type: 'string', default: 'ccf', enum: ['ccf', 'recent'], description: "Which grid figures to compare: Cloud Carbon Footprint's factors or recent national/eGRID figures." },
    },
  },
  create(context) {
    const { thresholdGco2ePerKwh: threshold, intensity: choice } = context.options;
    return {
      pythonCall(call) {
        if (!sessionCalls.has(call.name)) return;
        const argument = regionArgument(call);
        if (argument?.value.kind !== 'string') return;
        const region = getRegion(argument.value.value);
        const intensity = region && intensityOf(region, choice);
        if (!region || intensity === null || intensity === undefined || intensity <= threshold) return;
        const alternatives = listRegions()
          .filter((r) => r.partition === region.partition && r.geography === region.geography && r.code !== region.code)
          .map((r) => ({ code: r.code, value: intensityOf(r, choice) }))
          .filter((r): r is { code: string; value: number } => r.value !== null && r.value <= threshold)
          .sort((a, b) => a.value - b.value)
          .slice(0, 3);
        context.report({
          start: argument.start,
          end: argument.end,
          messageId: alternatives.length ? 'highCarbon' : 'highCarbonNoAlternative',
          data: {
            region: region.code,
            name: region.name,
            intensity: Math.round(intensity),
            threshold,
            alternatives: alternatives.map((a) => `${a.code} (${Math.round(a.value)})`).join(', '),
          },
        });
      },
    };
  },
});
