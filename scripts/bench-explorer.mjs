#!/usr/bin/env node
// `npm run bench:explorer`: how long the SageMaker explorer takes to load N endpoints spread over
// 4 regions of a local moto server, and how many AWS calls it makes, by operation. Prints figures
// only; it never judges them (machines differ). Needs moto_server on PATH (see test/kit/moto.ts).
//
//   node scripts/bench-explorer.mjs [--sizes 10,100,1000] [--runs 3] [--json]
//
// For each size: reset moto, seed the endpoints (one model per region, one endpoint config per
// endpoint, every third endpoint with Invocations datapoints), then load the account
//   cold: a fresh describe cache each run (what the first refresh of the view costs), and
//   warm: one cache primed by a first load (what a later refresh of an unchanged account costs),
// each `--runs` times, and report the median wall time, the idle count and the calls by operation.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// The TypeScript sources compiled by `npm run compile-tests` (the bench script runs it first).
const { startMoto, useFakeCredentials } = require(path.join(root, 'out/test/kit/moto.js'));
const { createClients, destroyClients } = require(path.join(root, 'out/src/aws/clients.js'));
const { DescribeCache } = require(path.join(root, 'out/src/aws/cache.js'));
const { loadAccount } = require(path.join(root, 'out/src/aws/explorer.js'));
const { explorerRoots } = require(path.join(root, 'out/src/present/explorer.js'));
const { CreateEndpointCommand, CreateEndpointConfigCommand, CreateModelCommand } = require('@aws-sdk/client-sagemaker');
const { PutMetricDataCommand } = require('@aws-sdk/client-cloudwatch');

const { values: opts } = parseArgs({ options: { sizes: { type: 'string', default: '10,100,1000' }, runs: { type: 'string', default: '3' }, json: { type: 'boolean', default: false } } });
const sizes = opts.sizes.split(',').map(Number);
const runs = Number(opts.runs);
if (sizes.some((n) => !(n >= 4)) || !(runs >= 1)) throw new Error('--sizes must be counts of at least 4, --runs at least 1');
const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-north-1'];
const role = 'arn:aws:iam::123456789012:role/sagemaker';
const idleHours = 24;

async function pool(items, limit, run) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await run(items[next++]);
  }));
}

async function seed(endpoint, total) {
  const perRegion = regions.map((_, i) => Math.floor(total / regions.length) + (i < total % regions.length ? 1 : 0));
  let withMetrics = 0;
  const now = Date.now();
  for (const [r, region] of regions.entries()) {
    const c = createClients({ region, endpoint, maxAttempts: 1 });
    try {
      await c.sageMaker.send(new CreateModelCommand({ ModelName: 'bench-model', ExecutionRoleArn: role, PrimaryContainer: { Image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/model:latest' } }));
      const names = Array.from({ length: perRegion[r] }, (_, i) => `ep-${region}-${String(i).padStart(4, '0')}`);
      await pool(names, 8, async (name) => {
        await c.sageMaker.send(new CreateEndpointConfigCommand({ EndpointConfigName: `${name}-config`, ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'bench-model', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] }));
        await c.sageMaker.send(new CreateEndpointCommand({ EndpointName: name, EndpointConfigName: `${name}-config` }));
      });
      // Every third endpoint served requests 10 minutes ago (inside the window, clear of moto's end-of-window edge).
      const busy = names.filter((_, i) => i % 3 === 0);
      withMetrics += busy.length;
      for (let i = 0; i < busy.length; i += 20) {
        await c.cloudWatch.send(new PutMetricDataCommand({
          Namespace: 'AWS/SageMaker',
          MetricData: busy.slice(i, i + 20).map((name) => ({ MetricName: 'Invocations', Dimensions: [{ Name: 'EndpointName', Value: name }, { Name: 'VariantName', Value: 'AllTraffic' }], Value: 5, Timestamp: new Date(now - 600_000) })),
        }));
      }
    } finally {
      destroyClients(c);
    }
  }
  return { perRegion, withMetrics };
}

async function loadOnce(endpoint, cache) {
  const counts = {};
  const onCall = (service, op) => {
    const key = `${service}.${op.replace(/Command$/, '')}`;
    counts[key] = (counts[key] ?? 0) + 1;
  };
  const now = new Date();
  const started = performance.now();
  const snapshot = await loadAccount({ endpoint, maxAttempts: 1, onCall }, regions, idleHours, now, { cache });
  // moto stamps endpoints "now": judge idleness 25 h later so they are past the 24 h age check.
  const roots = explorerRoots(snapshot.identity, snapshot.regions, { idleHours, now: new Date(now.getTime() + 25 * 3600_000) });
  const ms = performance.now() - started;
  const failed = snapshot.regions.filter((r) => 'error' in r).map((r) => `${r.region}: ${r.error.message}`);
  if ('reason' in snapshot.identity || failed.length > 0) throw new Error(`load failed: ${'reason' in snapshot.identity ? snapshot.identity.message : failed.join('; ')}`);
  const endpoints = snapshot.regions.reduce((n, r) => n + r.endpoints.length, 0);
  const idle = roots.slice(1).reduce((n, r) => n + (r.children?.[0].children ?? []).filter((e) => e.idle).length, 0);
  return { ms, counts, endpoints, idle };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const total = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);
const fmtCounts = (counts) => Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k} ${v}`).join(', ');

const restoreEnv = useFakeCredentials();
const moto = await startMoto();
const results = [];
try {
  for (const size of sizes) {
    await moto.reset();
    const seedStart = performance.now();
    const seeded = await seed(moto.endpoint, size);
    const seedMs = performance.now() - seedStart;
    const cold = [];
    for (let i = 0; i < runs; i++) cold.push(await loadOnce(moto.endpoint, new DescribeCache()));
    const cache = new DescribeCache();
    await loadOnce(moto.endpoint, cache);
    const warm = [];
    for (let i = 0; i < runs; i++) warm.push(await loadOnce(moto.endpoint, cache));
    const last = cold[cold.length - 1];
    const result = {
      endpoints: size,
      perRegion: seeded.perRegion,
      expectedIdle: size - seeded.withMetrics,
      listed: last.endpoints,
      idle: last.idle,
      seedMs: Math.round(seedMs),
      coldMs: cold.map((r) => Math.round(r.ms)),
      coldMedianMs: Math.round(median(cold.map((r) => r.ms))),
      coldCalls: total(last.counts),
      coldByOperation: last.counts,
      warmMs: warm.map((r) => Math.round(r.ms)),
      warmMedianMs: Math.round(median(warm.map((r) => r.ms))),
      warmCalls: total(warm[warm.length - 1].counts),
      warmByOperation: warm[warm.length - 1].counts,
    };
    results.push(result);
    if (!opts.json) {
      console.log(`\n${size} endpoints in ${regions.length} regions (${seeded.perRegion.join('/')}), seeded in ${result.seedMs} ms; listed ${result.listed}, idle ${result.idle} (expected ${result.expectedIdle})`);
      console.log(`  cold (fresh cache): median ${result.coldMedianMs} ms of [${result.coldMs.join(', ')}], ${result.coldCalls} calls: ${fmtCounts(result.coldByOperation)}`);
      console.log(`  warm (cache primed): median ${result.warmMedianMs} ms of [${result.warmMs.join(', ')}], ${result.warmCalls} calls: ${fmtCounts(result.warmByOperation)}`);
    }
  }
} finally {
  moto.stop();
  restoreEnv();
}
if (opts.json) console.log(JSON.stringify({ regions, runs, results }, null, 2));
