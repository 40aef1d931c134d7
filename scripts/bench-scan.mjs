#!/usr/bin/env node
// `npm run bench:scan`: how long `greenml scan --org` takes over accounts × regions × endpoints of a
// local moto server, and how many AWS calls it makes (in total, per account-region, by operation).
// Prints figures only; it never judges them (machines differ). Needs moto_server on PATH.
//
//   node scripts/bench-scan.mjs [--accounts 10] [--endpoints 10,100] [--runs 3] [--concurrency 4] [--json]
//
// Seeds an organization of `--accounts` accounts (the management account and members, reached
// through AssumeRole as the scan does), 4 regions each, then for each endpoints-per-region size
// (growing: the smaller seed is kept and topped up): one model per account-region, one endpoint
// config and endpoint per endpoint, Invocations datapoints for two endpoints in three (a third are
// idle). Then scans 1 account (the caller's credentials) and all accounts (`--org`), `--runs` times
// each, and reports the median wall time and the calls. moto stamps endpoints "now": the scan judges
// them 25 h later, and the busy endpoints' datapoints are stamped inside that later window.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from './bench-lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// The TypeScript sources compiled by `npm run compile-tests` (the bench script runs it first).
const { startMoto, useFakeCredentials } = require(path.join(root, 'out/test/kit/moto.js'));
const { createClients, destroyClients } = require(path.join(root, 'out/src/aws/clients.js'));
const { runScan } = require(path.join(root, 'out/src/aws/scan.js'));
const { EndpointConfigCache } = require(path.join(root, 'out/src/aws/cache.js'));
const { scanReport } = require(path.join(root, 'out/src/present/scan.js'));
const { CreateEndpointCommand, CreateEndpointConfigCommand, CreateModelCommand } = require('@aws-sdk/client-sagemaker');
const { PutMetricDataCommand } = require('@aws-sdk/client-cloudwatch');
const { CreateAccountCommand, CreateOrganizationCommand, OrganizationsClient } = require('@aws-sdk/client-organizations');
const { AssumeRoleCommand, STSClient } = require('@aws-sdk/client-sts');

const { values: opts } = parseArgs({
  options: { accounts: { type: 'string', default: '10' }, endpoints: { type: 'string', default: '10,100' }, runs: { type: 'string', default: '3' }, concurrency: { type: 'string', default: '4' }, json: { type: 'boolean', default: false } },
});
const accountCount = Number(opts.accounts);
const sizes = opts.endpoints.split(',').map(Number).sort((a, b) => a - b);
const runs = Number(opts.runs);
const concurrency = Number(opts.concurrency);
if (!(accountCount >= 2) || sizes.some((n) => !(n >= 3)) || !(runs >= 1) || !(concurrency >= 1)) throw new Error('--accounts ≥ 2, --endpoints sizes ≥ 3, --runs ≥ 1, --concurrency ≥ 1');
const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-north-1'];
const roleName = 'GreenMLScan';
const modelRole = 'arn:aws:iam::123456789012:role/sagemaker';
const idleHours = 24;
const later = new Date(Date.now() + 25 * 3600_000);
const inWindow = new Date(later.getTime() - 10 * 60_000);

async function pool(items, limit, run) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await run(items[next++]);
  }));
}

/** The organization: the management account's credentials (null: the default ones) and each member's from AssumeRole. */
async function organize(endpoint) {
  const org = new OrganizationsClient({ region: 'us-east-1', endpoint, maxAttempts: 1 });
  const sts = new STSClient({ region: 'us-east-1', endpoint, maxAttempts: 1 });
  try {
    await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const accounts = [null];
    for (let i = 1; i < accountCount; i++) {
      const id = (await org.send(new CreateAccountCommand({ AccountName: `member-${i}`, Email: `member-${i}@example.com` }))).CreateAccountStatus.AccountId;
      const c = (await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${id}:role/${roleName}`, RoleSessionName: 'seed' }))).Credentials;
      accounts.push({ accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken });
    }
    return accounts;
  } finally {
    org.destroy();
    sts.destroy();
  }
}

/** Tops every account-region up from `from` to `to` endpoints; endpoint i is idle when i % 3 === 0. */
async function seed(endpoint, accounts, from, to) {
  const work = accounts.flatMap((credentials) => regions.map((region) => ({ credentials, region })));
  await pool(work, 4, async ({ credentials, region }) => {
    const c = createClients({ region, endpoint, maxAttempts: 1, ...(credentials ? { credentials } : {}) });
    try {
      if (from === 0) await c.sageMaker.send(new CreateModelCommand({ ModelName: 'bench-model', ExecutionRoleArn: modelRole, PrimaryContainer: { Image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/model:latest' } }));
      const names = Array.from({ length: to - from }, (_, k) => from + k).map((i) => ({ i, name: `ep-${String(i).padStart(4, '0')}` }));
      await pool(names, 4, async ({ name }) => {
        await c.sageMaker.send(new CreateEndpointConfigCommand({ EndpointConfigName: `${name}-config`, ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'bench-model', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }] }));
        await c.sageMaker.send(new CreateEndpointCommand({ EndpointName: name, EndpointConfigName: `${name}-config` }));
      });
      const busy = names.filter(({ i }) => i % 3 !== 0);
      for (let k = 0; k < busy.length; k += 20) {
        await c.cloudWatch.send(new PutMetricDataCommand({
          Namespace: 'AWS/SageMaker',
          MetricData: busy.slice(k, k + 20).map(({ name }) => ({ MetricName: 'Invocations', Dimensions: [{ Name: 'EndpointName', Value: name }, { Name: 'VariantName', Value: 'AllTraffic' }], Value: 5, Timestamp: inWindow })),
        }));
      }
    } finally {
      destroyClients(c);
    }
  });
}

async function scanOnce(endpoint, accounts, configs) {
  const counts = {};
  const onCall = (service, op) => {
    const key = `${service}.${op.replace(/Command$/, '')}`;
    counts[key] = (counts[key] ?? 0) + 1;
  };
  const started = performance.now();
  const snapshot = await runScan({ accounts, regions, idleHours, now: later, connection: { endpoint, maxAttempts: 1, onCall }, concurrency, configs });
  const report = scanReport(snapshot, { idleHours, longRunningHours: 24, now: later, regions });
  const ms = performance.now() - started;
  const failures = report.accounts.flatMap((a) => [...(a.error ? [`${a.label}: ${a.error.message}`] : []), ...a.regions.filter((r) => r.error).map((r) => `${a.label}/${r.region}: ${r.error.message}`)]);
  if (failures.length > 0) throw new Error(`scan failed: ${failures.join('; ')}`);
  const accountRegions = report.accounts.reduce((n, a) => n + a.regions.length, 0);
  return { ms, counts, accountRegions, idle: report.totals.idle, idleUsdPerMonth: report.totals.idleUsdPerMonth };
}

const total = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);
const fmtCounts = (counts) => Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k} ${v}`).join(', ');
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

const restoreEnv = useFakeCredentials();
const moto = await startMoto();
const results = [];
if (!opts.json) console.log(`load average (1/5/15 min) at start: ${load()} on ${cpus().length} CPUs; ${accountCount} accounts × ${regions.length} regions, concurrency ${concurrency}, ${runs} runs each`);
try {
  const accounts = await organize(moto.endpoint);
  let seeded = 0;
  for (const size of sizes) {
    const seedStart = performance.now();
    await seed(moto.endpoint, accounts, seeded, size);
    seeded = size;
    const seedMs = Math.round(performance.now() - seedStart);
    for (const [label, spec] of [['1 account', { kind: 'current' }], [`${accountCount} accounts`, { kind: 'org', roleName }]]) {
      // cold: no endpoint config cache (the first scan); repeat: the cache the cold scan saved (what the CLI keeps in ~/.cache).
      const cold = [];
      let saved;
      for (let i = 0; i < runs; i++) {
        const configs = new EndpointConfigCache(20000);
        cold.push(await scanOnce(moto.endpoint, spec, configs));
        saved = JSON.stringify(configs);
      }
      const repeat = [];
      for (let i = 0; i < runs; i++) repeat.push(await scanOnce(moto.endpoint, spec, EndpointConfigCache.from(JSON.parse(saved), 20000)));
      const summary = (all) => {
        const last = all[all.length - 1];
        const calls = total(last.counts);
        return { ms: all.map((x) => Math.round(x.ms)), medianMs: Math.round(median(all.map((x) => x.ms))), calls, callsPerAccountRegion: Math.round((calls / last.accountRegions) * 10) / 10, byOperation: last.counts };
      };
      const last = cold[cold.length - 1];
      const r = {
        endpointsPerRegion: size,
        accounts: label,
        accountRegions: last.accountRegions,
        endpoints: size * last.accountRegions,
        idle: last.idle,
        expectedIdle: Math.ceil(size / 3) * last.accountRegions,
        seedMs,
        load: load(),
        cold: summary(cold),
        repeat: summary(repeat),
      };
      results.push(r);
      if (!opts.json) {
        console.log(`\n${label} × ${regions.length} regions × ${size} endpoints (${r.endpoints} endpoints, seeded in ${seedMs} ms): idle ${r.idle} (expected ${r.expectedIdle}); load ${r.load}`);
        for (const [name, x] of [['cold', r.cold], ['repeat (config cache kept)', r.repeat]]) {
          console.log(`  ${name}: median ${x.medianMs} ms of [${x.ms.join(', ')}]; ${x.calls} AWS calls, ${x.callsPerAccountRegion} per account-region: ${fmtCounts(x.byOperation)}`);
        }
      }
    }
  }
  if (!opts.json && results.length === 4) {
    const find = (size, many) => results.find((r) => r.endpointsPerRegion === size && (r.accounts === '1 account') !== many);
    const [small, big] = sizes;
    const ratio = (a, b) => `×${(b / a).toFixed(2)}`;
    console.log('\ngrowth (cold / repeat)');
    const both = (a, b, key) => `${ratio(a.cold[key], b.cold[key])} / ${ratio(a.repeat[key], b.repeat[key])}`;
    for (const size of sizes) {
      const one = find(size, false);
      const many = find(size, true);
      console.log(`  1 → ${accountCount} accounts at ${size} endpoints/region: wall ${both(one, many, 'medianMs')}, calls ${both(one, many, 'calls')}`);
    }
    for (const many of [false, true]) {
      const a = find(small, many);
      const b = find(big, many);
      console.log(`  ${small} → ${big} endpoints/region with ${many ? accountCount : 1} account(s): wall ${both(a, b, 'medianMs')}, calls ${both(a, b, 'calls')}`);
    }
  }
} finally {
  moto.stop();
  restoreEnv();
}
if (opts.json) console.log(JSON.stringify({ regions, accounts: accountCount, concurrency, runs, results }, null, 2));
