import { escapeControls, escapeControlsPerLine, escapeJsonText } from '../core/escape';
import { getInstanceType, suggestInstanceTypes } from '../data/instances';
import { getRegion, suggestRegions } from '../data/regions';
import type { InstanceRow } from '../data/types';
import type { InstanceEstimate, IntensityChoice } from '../estimate/estimate';
import { estimateInstance, scaleEstimate } from '../estimate/estimate';
import type { LivePriceInput, PriceKey, PriceUsage } from '../estimate/priceCache';
import { defaultCacheHours, PriceCache } from '../estimate/priceCache';
import { defaultPriceCacheFile, filePriceStore } from '../node/priceStore';
import { formatFigure, formatUsd } from '../present/figures';
import { priceOrigin } from '../present/priceLabel';
import type { CliIo } from './main';
import { parseCommandLine, reportUsageError } from './usage';

export const estimateUsage = `Usage: greenml estimate <instance-type> [--region R] [--hours N] [--utilization U] [--intensity ccf|recent] [--live [--usage U] [--profile P] [--cache-hours N]] [--json]

Energy, carbon and cost per instance-hour of an ml.* type by Cloud Carbon Footprint's
method (docs/estimates.md). Offline unless --live is given.

Options:
  --region R              AWS region code (default: us-east-1); 'greenml regions' lists them
  --hours N               Also give the figures for N instance-hours
  --utilization U         Average utilisation, 0 to 1 (default: 0.5, CCF's)
  --intensity ccf|recent  Grid factor: the CCF app's (default) or the recent figure of the data
  --live                  Ask the AWS Price List API for the region's SageMaker price (needs AWS
                          credentials and pricing:GetProducts; cached in ~/.cache/greenml/prices.json);
                          without it, or when the call fails, the bundled price is used; a
                          call that gets no answer in time (GREENML_AWS_TIMEOUT_MS, default
                          30 s per attempt) is an error, exit 2
  --usage U               The price --live asks for: hosting (default), training, notebook or processing
  --profile P             AWS profile for --live (default: AWS_PROFILE, else the default chain)
  --cache-hours N         How long a fetched price is reused (default: 24)
  --json                  One JSON object
  -h, --help              Show this help
`;

const usages: readonly PriceUsage[] = ['hosting', 'training', 'notebook', 'processing'];

export interface LiveLookup {
  price?: LivePriceInput;
  /** Why no live price is used (one line, no credentials in it). */
  warning?: string;
  /** The call got no answer in time: an error, not a fallback (the network, a proxy or the endpoint is at fault). */
  timedOut?: boolean;
}

/** The live price of a type: the cache's when fresh, else one Price List call (its result is cached, a failure is not). */
export async function lookUpLivePrice(key: PriceKey, options: { profile?: string; cacheHours: number; version?: string; env?: NodeJS.ProcessEnv }): Promise<LiveLookup> {
  const cache = new PriceCache(filePriceStore(defaultPriceCacheFile(options.env)), options.cacheHours);
  const cached = cache.get(key);
  if (cached) return cached.usdPerHour === null ? { warning: `the AWS Price List has no ${key.usage} price for ${key.instanceType} in ${key.region} (cached)` } : { price: cache.livePrice(key) };
  // The AWS SDK loads only for --live.
  const { createPricingClient, fetchLivePrice, liveSource } = await import('../aws/pricing');
  const { AwsError } = await import('../aws/errors');
  const client = createPricingClient({ profile: options.profile, version: options.version });
  try {
    const found = await fetchLivePrice(client, key);
    const entry = cache.set(key, found?.usdPerHour ?? null, found ? liveSource(found) : 'AWS Price List API GetProducts (no product)');
    if (!found) return { warning: `the AWS Price List has no ${key.usage} price for ${key.instanceType} in ${key.region}` };
    return { price: { usdPerHour: found.usdPerHour, source: entry.source, fetchedAt: entry.fetchedAt } };
  } catch (err) {
    const e = AwsError.from(err, 'GetProducts');
    if (e.reason === 'timeout') return { warning: `no live price: ${e.message}`, timedOut: true };
    return { warning: `no live price (${e.reason}): ${e.message}` };
  } finally {
    client.destroy();
  }
}

/** The options `greenml estimate` takes; its help lists each one. */
export const estimateOptions = {
  region: { type: 'string' },
  hours: { type: 'string' },
  utilization: { type: 'string' },
  intensity: { type: 'string' },
  json: { type: 'boolean' },
  live: { type: 'boolean' },
  usage: { type: 'string' },
  profile: { type: 'string' },
  'cache-hours': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `greenml estimate`: returns the exit code (0, or 2 for a usage error or an unknown type or region). */
export async function runEstimateCommand(argv: readonly string[], io: CliIo, version?: string): Promise<number> {
  const fail = (message: string): number => reportUsageError(io, message, 'greenml estimate');
  const { values, positionals } = parseCommandLine(argv, estimateOptions, 'greenml estimate');
  if (values.help) {
    io.stdout(estimateUsage);
    return 0;
  }
  if (positionals.length !== 1) return fail(positionals.length ? `expected one instance type, got ${positionals.join(' ')}` : 'which instance type? e.g. greenml estimate ml.m5.xlarge');
  const [name] = positionals;
  const instance = getInstanceType(name);
  if (!instance) {
    const close = suggestInstanceTypes(name);
    return fail(`unknown instance type "${name}"${close.length ? `; did you mean ${close.join(', ')}?` : ''}`);
  }
  const region = values.region ?? 'us-east-1';
  if (!getRegion(region)) {
    const close = suggestRegions(region);
    return fail(`unknown region "${region}" ('greenml regions' lists them)${close.length ? `; did you mean ${close.join(', ')}?` : ''}`);
  }
  const intensity = values.intensity ?? 'ccf';
  if (intensity !== 'ccf' && intensity !== 'recent') return fail(`--intensity must be ccf or recent, got "${intensity}"`);
  const utilization = values.utilization === undefined ? undefined : Number(values.utilization);
  if (utilization !== undefined && !(values.utilization!.trim() !== '' && utilization >= 0 && utilization <= 1)) return fail(`--utilization must be a number from 0 to 1, got "${values.utilization}"`);
  const hours = values.hours === undefined ? undefined : Number(values.hours);
  if (hours !== undefined && !(values.hours!.trim() !== '' && Number.isFinite(hours) && hours >= 0)) return fail(`--hours must be a number of hours, got "${values.hours}"`);

  const usage = values.usage ?? 'hosting';
  if (!usages.includes(usage as PriceUsage)) return fail(`--usage must be one of ${usages.join(', ')}, got "${usage}"`);
  const cacheHours = values['cache-hours'] === undefined ? defaultCacheHours : Number(values['cache-hours']);
  if (!(values['cache-hours'] === undefined || (values['cache-hours'].trim() !== '' && Number.isFinite(cacheHours) && cacheHours >= 0))) return fail(`--cache-hours must be a number of hours, got "${values['cache-hours']}"`);
  if (!values.live && (values.usage !== undefined || values.profile !== undefined || values['cache-hours'] !== undefined)) return fail('--usage, --profile and --cache-hours go with --live');

  let livePrice: LivePriceInput | undefined;
  if (values.live) {
    const found = await lookUpLivePrice({ instanceType: instance.instanceType, region, usage: usage as PriceUsage }, { profile: values.profile, cacheHours, version });
    if (found.timedOut) {
      io.stderr(`greenml: ${escapeControls(found.warning ?? 'timed out')}\n`);
      return 2;
    }
    if (found.warning) io.stderr(`greenml: ${escapeControls(found.warning)}; the bundled price is used\n`);
    livePrice = found.price;
  }
  const estimate = estimateInstance(instance.instanceType, { region, utilization, intensity: intensity as IntensityChoice, livePrice, usage: usage as PriceUsage });
  if (values.json) {
    io.stdout(escapeJsonText(JSON.stringify({ ...estimate, ...(hours !== undefined ? { forHours: scaleEstimate(estimate, hours) } : {}) }, null, 2)) + '\n');
  } else io.stdout(escapeControlsPerLine(formatEstimateText(estimate, instance, hours)));
  return 0;
}

function specs(r: InstanceRow): string {
  const cpu = `${r.vcpu ?? '?'} vCPU${r.cpuMicroarchitecture ? ` (${r.cpuMicroarchitecture})` : ''}, ${r.memoryGib ?? '?'} GiB`;
  if (r.acceleratorKind === 'none') return cpu;
  const memory = r.acceleratorMemoryGib !== null ? `, ${r.acceleratorMemoryGib} GiB` : '';
  return `${cpu}, ${r.acceleratorCount ?? '?'} × ${r.acceleratorModel ?? r.acceleratorKind}${memory}`;
}

/** The text layout of `greenml estimate`. */
export function formatEstimateText(e: InstanceEstimate, instance: InstanceRow, hours?: number): string {
  const region = getRegion(e.region);
  const w = (n: number | null): string => (n === null ? 'unknown' : `${formatFigure(n)} W`);
  const lines = [
    `${e.instanceType} in ${e.region}${region ? ` (${region.name})` : ''}, utilisation ${formatFigure(e.utilization * 100)}%${e.estimated ? ' (estimate)' : ''}`,
    `  Specs     ${specs(instance)}`,
    `  Power     CPU ${w(e.power.cpuWatts)}${instance.acceleratorKind === 'none' ? '' : ` + accelerators ${w(e.power.acceleratorWatts)}`} + memory ${w(e.power.memoryWatts)}, × PUE ${e.power.pue}`,
    `  Energy    ${formatFigure(e.energyKwhPerHour)} kWh/h`,
    `  Carbon    ${formatFigure(e.operationalKgCo2ePerHour)} kgCO2e/h operational (${formatFigure(e.gridGco2ePerKwh, 6)} gCO2e/kWh, ${e.intensity}) + ${formatFigure(e.embodiedKgCo2ePerHour)} embodied = ${formatFigure(e.totalKgCo2ePerHour)} kgCO2e/h`,
    `  Cost      ${e.costUsdPerHour === null ? 'unknown (no price bundled)' : `${formatUsd(e.costUsdPerHour)}/h (${priceOrigin(e)})`}`,
  ];
  if (hours !== undefined) {
    const s = scaleEstimate(e, hours);
    lines.push(`  ${`For ${formatFigure(hours)} h`.padEnd(10)}${formatFigure(s.energyKwh)} kWh, ${formatFigure(s.totalKgCo2e)} kgCO2e, ${formatUsd(s.costUsd)}`);
  }
  if (e.notes.length) lines.push('', 'Notes:', ...e.notes.map((n) => `  - ${n}`));
  lines.push('', 'Sources:', ...e.sources.map((s) => `  - ${s}`));
  return lines.join('\n') + '\n';
}
