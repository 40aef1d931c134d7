#!/usr/bin/env node
// `npm run bench:explorer`: how long the SageMaker explorer takes to load N endpoints spread over
// 4 regions of a local moto server, and how many AWS calls it makes, by operation. Prints figures
// only; it never judges them (machines differ). Needs moto_server on PATH (see test/kit/moto.ts).
//
//   node scripts/bench-explorer.mjs [--sizes 10,100,1000] [--runs 3] [--json]
//
// The explorer loads in two phases: phase 1 lists every region with idle status (the tree shows
// then), phase 2 fills in instance types and burn from the endpoint configs. For each size: reset
// moto, seed the endpoints (one model per region, one endpoint config per endpoint, every third
// endpoint with Invocations datapoints), then load the account
//   cold: fresh describe and config caches each run (the first load ever),
//   restored: fresh describe cache, config cache restored from its saved JSON (the first load of a
//     new session: what the config file in global storage saves),
//   warm: both caches primed by a first load (a later refresh of an unchanged account),
// each `--runs` times, and report the median wall time to the listing (phase 1) and to full
// details (phase 2), the idle count at phase 1, and the calls by operation in each phase.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// The TypeScript sources compiled by `npm run compile-tests` (the bench script runs it first).
const { startMoto, useFakeCredentials } = require(path.join(root, 'out/test/kit/moto.js'));
const { createClients, destroyClients } = require(path.join(root, 'out/src/aws/clients.js'));
const { DescribeCache, EndpointConfigCache } = require(path.join(root, 'out/src/aws/cache.js'));
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

function idleCount(roots) {
  return roots.slice(1).reduce((n, r) => n + (r.children?.[0].children ?? []).filter((e) => e.idle).length, 0);
}

async function loadOnce(endpoint, cache, configs) {
  const counts = {};
  const onCall = (service, op) => {
    const key = `${service}.${op.replace(/Command$/, '')}`;
    counts[key] = (counts[key] ?? 0) + 1;
  };
  const now = new Date();
  // moto stamps endpoints "now": judge idleness 25 h later so they are past the 24 h age check.
  const view = { idleHours, now: new Date(now.getTime() + 25 * 3600_000) };
  let listed;
  const started = performance.now();
  const onProgress = (snapshot, phase) => {
    if (phase !== 'listed') return;
    // What the view does when the listing lands: build the tree model and show it.
    const roots = explorerRoots(snapshot.identity, snapshot.regions, view);
    listed = {
      ms: performance.now() - started,
      counts: { ...counts },
      idle: idleCount(roots),
      pending: snapshot.regions.reduce((n, r) => n + ('error' in r ? 0 : r.endpoints.filter((e) => e.details === 'pending').length), 0),
    };
  };
  const snapshot = await loadAccount({ endpoint, maxAttempts: 1, onCall }, regions, idleHours, now, { cache, configs, onProgress });
  const roots = explorerRoots(snapshot.identity, snapshot.regions, view);
  const ms = performance.now() - started;
  const failed = snapshot.regions.filter((r) => 'error' in r).map((r) => `${r.region}: ${r.error.message}`);
  if ('reason' in snapshot.identity || failed.length > 0) throw new Error(`load failed: ${'reason' in snapshot.identity ? snapshot.identity.message : failed.join('; ')}`);
  if (!listed) throw new Error('no phase-1 progress was reported');
  const endpoints = snapshot.regions.reduce((n, r) => n + r.endpoints.length, 0);
  const untyped = snapshot.regions.reduce((n, r) => n + r.endpoints.filter((e) => e.details !== undefined).length, 0);
  const phase2 = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v - (listed.counts[k] ?? 0)]).filter(([, v]) => v > 0));
  return { listedMs: listed.ms, ms, phase1: listed.counts, phase2, endpoints, idleAtListing: listed.idle, pendingAtListing: listed.pending, idle: idleCount(roots), untyped };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const total = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);
const fmtCounts = (counts) => Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

function summarize(runs) {
  const last = runs[runs.length - 1];
  return {
    listedMs: runs.map((r) => Math.round(r.listedMs)),
    listedMedianMs: Math.round(median(runs.map((r) => r.listedMs))),
    detailsMs: runs.map((r) => Math.round(r.ms)),
    detailsMedianMs: Math.round(median(runs.map((r) => r.ms))),
    phase1Calls: total(last.phase1),
    phase1ByOperation: last.phase1,
    phase2Calls: total(last.phase2),
    phase2ByOperation: last.phase2,
    idleAtListing: last.idleAtListing,
    pendingAtListing: last.pendingAtListing,
    idle: last.idle,
    untyped: last.untyped,
  };
}

const restoreEnv = useFakeCredentials();
const moto = await startMoto();
const results = [];
if (!opts.json) console.log(`load average (1/5/15 min) at start: ${load()} on ${cpus().length} CPUs`);
try {
  for (const size of sizes) {
    await moto.reset();
    const seedStart = performance.now();
    const seeded = await seed(moto.endpoint, size);
    const seedMs = performance.now() - seedStart;
    const loadAtStart = load();
    const cold = [];
    let saved;
    for (let i = 0; i < runs; i++) {
      const configs = new EndpointConfigCache();
      cold.push(await loadOnce(moto.endpoint, new DescribeCache(), configs));
      saved = JSON.stringify(configs);
    }
    const restored = [];
    for (let i = 0; i < runs; i++) restored.push(await loadOnce(moto.endpoint, new DescribeCache(), EndpointConfigCache.from(JSON.parse(saved))));
    const cache = new DescribeCache();
    const configs = new EndpointConfigCache();
    await loadOnce(moto.endpoint, cache, configs);
    const warm = [];
    for (let i = 0; i < runs; i++) warm.push(await loadOnce(moto.endpoint, cache, configs));
    const result = {
      endpoints: size,
      perRegion: seeded.perRegion,
      expectedIdle: size - seeded.withMetrics,
      listed: cold[cold.length - 1].endpoints,
      seedMs: Math.round(seedMs),
      savedConfigCacheBytes: Buffer.byteLength(saved),
      load: { atStart: loadAtStart, atEnd: load() },
      cold: summarize(cold),
      restored: summarize(restored),
      warm: summarize(warm),
    };
    results.push(result);
    if (!opts.json) {
      console.log(`\n${size} endpoints in ${regions.length} regions (${seeded.perRegion.join('/')}), seeded in ${result.seedMs} ms; listed ${result.listed}, expected idle ${result.expectedIdle}; load average ${result.load.atStart} → ${result.load.atEnd}`);
      for (const [name, r] of [['cold (no caches)', result.cold], [`restored (config cache from ${result.savedConfigCacheBytes} B of JSON)`, result.restored], ['warm (caches primed)', result.warm]]) {
        console.log(`  ${name}:`);
        console.log(`    phase 1, listing with idle status: median ${r.listedMedianMs} ms of [${r.listedMs.join(', ')}]; idle ${r.idleAtListing}, ${r.pendingAtListing} endpoints with type loading; ${r.phase1Calls} calls: ${fmtCounts(r.phase1ByOperation)}`);
        console.log(`    phase 2, full details: median ${r.detailsMedianMs} ms of [${r.detailsMs.join(', ')}]; idle ${r.idle}, ${r.untyped} without type; ${r.phase2Calls} more calls: ${fmtCounts(r.phase2ByOperation)}`);
      }
    }
  }
} finally {
  moto.stop();
  restoreEnv();
}
if (opts.json) console.log(JSON.stringify({ regions, runs, results }, null, 2));
