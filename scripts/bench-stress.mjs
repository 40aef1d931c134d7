#!/usr/bin/env node
// The stress tier of `npm run bench`: every case of bench/stress.mjs linted at two sizes (the
// second four times the first), and its fixes applied once, printing ms per KB for each. A path
// that grows linearly shows about the same ms per KB at both sizes; a quadratic one about four
// times more at the larger size. Prints figures only (machines differ); the linear-growth check
// is test/stress/growth.test.ts.
//
//   node scripts/bench-stress.mjs [--sizes 64,256] [--runs 3] [--timeout 60] [--only NAME,…] [--json]
//
// Each case runs in a worker thread of its own, ended after --timeout seconds (so a case that
// is still quadratic shows as "> timeout" instead of stalling the run).
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { loadEngine } from './bench-lib.mjs';
import { stressCases } from '../bench/stress.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** CPU milliseconds of this thread's process spent in `fn` (wall time on a shared machine measures the neighbours). */
function cpuMs(fn) {
  const start = process.cpuUsage();
  const wall = performance.now();
  const value = fn();
  const used = process.cpuUsage(start);
  return { cpu: (used.user + used.system) / 1000, wall: performance.now() - wall, value };
}

async function runCase() {
  const { name, sizes, runs } = workerData;
  const spec = stressCases.find((c) => c.name === name);
  const { createLinter, resolveRuleSettings, applyFixes } = await loadEngine(root, ['applyFixes']);
  const linter = createLinter({ locateWasm: (file) => path.join(root, 'dist', file) });
  const failures = await linter.prepare();
  if (failures.length) throw new Error(`cannot load parsers (run npm run bundle first): ${failures.map((f) => f.message).join('; ')}`);
  const settings = resolveRuleSettings(linter.rules);
  // Warm the parsers and the rules on a small input of the same case.
  linter.lint(spec.file, spec.make(4096), { settings });
  for (const kb of sizes) {
    const text = spec.make(kb * 1024);
    let lint = Infinity, lintWall = Infinity, fix = Infinity, result;
    for (let run = 0; run < runs; run++) {
      // Another file name each run: the Python language keeps a file's last tree for the editor's
      // incremental re-parse, and this measures the first lint of a file.
      const timed = cpuMs(() => linter.lint(`run${run}-${kb}-${spec.file}`, text, { settings }));
      lint = Math.min(lint, timed.cpu);
      lintWall = Math.min(lintWall, timed.wall);
      result = timed.value;
      parentPort.postMessage({ progress: { kb, lint } });
    }
    // The editor's case: the same file linted again after a one-character edit (an incremental
    // re-parse for the languages that keep a tree).
    const name = `run0-${kb}-${spec.file}`;
    const edited = text.replace(/a/, 'b');
    let relint = Infinity;
    for (let run = 0; run < runs; run++) relint = Math.min(relint, cpuMs(() => linter.lint(name, run % 2 ? text : edited, { settings })).cpu);
    const fixes = result.findings.map((f) => f.fix).filter(Boolean);
    for (let run = 0; run < runs && fixes.length; run++) fix = Math.min(fix, cpuMs(() => applyFixes(text, fixes)).cpu);
    const parseErrors = result.findings.filter((f) => f.ruleId === 'parse-error').length;
    parentPort.postMessage({ size: { kb: text.length / 1024, lint, lintWall, relint, fix: fixes.length ? fix : undefined, findings: result.findings.length, fixes: fixes.length, parseErrors, skipped: result.skipped } });
  }
}

async function main() {
  const { values: opts } = parseArgs({
    options: { sizes: { type: 'string', default: '64,256' }, runs: { type: 'string', default: '3' }, timeout: { type: 'string', default: '60' }, only: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const sizes = opts.sizes.split(',').map(Number);
  const runs = Number(opts.runs), timeoutMs = Number(opts.timeout) * 1000;
  if (sizes.length < 1 || sizes.some((s) => !(s > 0)) || !(runs >= 1) || !(timeoutMs > 0)) throw new Error('--sizes takes KB figures (64,256), --runs and --timeout positive numbers');
  const only = opts.only?.split(',');
  const cases = stressCases.filter((c) => !only || only.includes(c.name));
  const loadBefore = os.loadavg();
  const rows = [];
  for (const spec of cases) {
    const row = { name: spec.name, file: spec.file, sizes: [] };
    rows.push(row);
    await new Promise((resolve) => {
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { name: spec.name, sizes, runs } });
      let last;
      const timer = setTimeout(() => {
        row.timedOut = { kb: last?.kb ?? sizes[row.sizes.length], after: timeoutMs };
        void worker.terminate();
      }, timeoutMs);
      worker.on('message', (m) => (m.size ? row.sizes.push(m.size) : (last = m.progress)));
      worker.on('error', (err) => (row.error = String(err?.message ?? err)));
      worker.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (!opts.json) printRow(row, sizes);
  }
  const loadAfter = os.loadavg();
  if (opts.json) console.log(JSON.stringify({ sizes, runs, rows, loadAverage: { before: loadBefore, after: loadAfter } }, null, 2));
  else console.log(`\nCPU ms of the least of ${runs} runs per size (a worker per case); load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')} before, ${loadAfter.map((x) => x.toFixed(2)).join(' ')} after (${os.cpus().length} cores)`);
  if (rows.some((r) => r.error)) process.exitCode = 1;
}

let headerPrinted = false;
function printRow(row, sizes) {
  const n2 = (x) => (x === undefined ? '-' : x.toFixed(2));
  if (!headerPrinted) {
    headerPrinted = true;
    console.log('\nStress tier: ms per KB at each size (lint: first lint of the file; re-lint: again after a one-character edit; fix: its fixes applied once),');
    console.log('and the growth of lint ms per KB from the first size to the last (about 1x when linear, 4x per 4x of size when quadratic)');
    console.log(['case'.padEnd(24), ...sizes.map((kb) => `${`${kb} KB lint`.padStart(13)} ${'re-lint'.padStart(7)} ${'fix'.padStart(7)}`), 'growth'.padStart(7), '  findings / outcome'].join(' '));
  }
  const cells = sizes.map((_, i) => {
    const s = row.sizes[i];
    if (s) return `${n2(s.lint / s.kb).padStart(13)} ${n2(s.relint / s.kb).padStart(7)} ${n2(s.fix === undefined ? undefined : s.fix / s.kb).padStart(7)}`;
    if (row.timedOut && i === row.sizes.length) return `${`> ${Math.round(row.timedOut.after / 1000)} s`.padStart(13)} ${'-'.padStart(7)} ${'-'.padStart(7)}`;
    return `${'-'.padStart(13)} ${'-'.padStart(7)} ${'-'.padStart(7)}`;
  });
  const first = row.sizes[0], last = row.sizes[sizes.length - 1];
  const growth = first && last ? last.lint / last.kb / (first.lint / first.kb) : undefined;
  const s = last ?? first;
  const outcome = row.error ? `ERROR ${row.error}` : s ? (s.skipped ? `skipped: ${s.skipped}` : `${s.findings} findings, ${s.fixes} fixes${s.parseErrors ? ', parse error' : ''}`) : '';
  console.log([row.name.padEnd(24), ...cells, (growth === undefined ? '-' : `${growth.toFixed(1)}x`).padStart(7), ` ${outcome}`].join(' '));
}

if (isMainThread) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
} else {
  // A failure ends the worker with an 'error' event, reported on the case's row.
  void runCase();
}
