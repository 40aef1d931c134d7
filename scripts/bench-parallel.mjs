// The CLI on one worker thread against one per core, over the benchmark corpus (npm run bench).
//
//   node scripts/bench-parallel.mjs [--runs 3] [--corpus bench/corpus]   (after npm run bundle and
//   one npm run bench, which writes the corpus)
//
// On a shared machine the wall time mostly measures the other processes, so each run also
// records the CPU time of the whole process (user + system, every thread: the main thread, the
// workers, V8's compiler and garbage-collector threads) and of its main thread: CPU time is what
// the work costs whatever the load; wall time is what the user waits.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from './bench-lib.mjs';

/**
 * Loaded into the CLI's process with --require: on exit, appends the process's CPU time (all its
 * threads) and its main thread's (from /proc, Linux only) to the file GREENML_BENCH_USAGE names.
 */
const usageHook = `
const fs = require('node:fs');
const { isMainThread } = require('node:worker_threads');
const file = process.env.GREENML_BENCH_USAGE;
function threadCpuMs() {
  try {
    const fields = fs.readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
  } catch { return null; }
}
if (file && isMainThread) process.on('exit', () => {
  const r = process.resourceUsage();
  fs.appendFileSync(file, JSON.stringify({ cpuMs: (r.userCPUTime + r.systemCPUTime) / 1000, mainMs: threadCpuMs() }) + '\\n');
});
`;

const spread = (xs) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;

/**
 * Runs `greenml lint <corpus> --jobs 1` and `--jobs <cores>` in turn, `runs` times each, and
 * returns the median wall time per file of each, their ratio, each one's ratio to the in-process
 * parse-only time per file (`parseMsPerFile`, when given), the CPU time of each run (all threads,
 * and the main thread's), whether the outputs were byte for byte the same, and the load average
 * around the runs.
 */
export function measureParallel({ root, corpus, files, parseMsPerFile, runs = 3 }) {
  const cores = os.availableParallelism();
  const jobs = [1, Math.max(2, cores)];
  const walls = new Map(jobs.map((j) => [j, []]));
  const cpus = new Map(jobs.map((j) => [j, []]));
  const mains = new Map(jobs.map((j) => [j, []]));
  const outputs = new Map();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-bench-parallel-'));
  const hook = path.join(dir, 'usage.cjs');
  const usage = path.join(dir, 'usage.jsonl');
  fs.writeFileSync(hook, usageHook);
  const loadBefore = os.loadavg();
  try {
    for (let run = 0; run < runs; run++) {
      for (const j of run % 2 ? [...jobs].reverse() : jobs) {
        fs.rmSync(usage, { force: true });
        const start = performance.now();
        const child = spawnSync(process.execPath, ['--require', hook, 'dist/cli.js', 'lint', corpus, '--format', 'json', '--fail-on', 'none', '--no-config', '--jobs', String(j)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, GREENML_BENCH_USAGE: usage } });
        walls.get(j).push(performance.now() - start);
        if (child.status !== 0) throw new Error(`greenml lint --jobs ${j} failed (exit ${child.status ?? child.signal}): ${child.stderr.slice(0, 500)}`);
        const used = JSON.parse(fs.readFileSync(usage, 'utf8'));
        cpus.get(j).push(used.cpuMs);
        if (used.mainMs !== null) mains.get(j).push(used.mainMs);
        if (!outputs.has(j)) outputs.set(j, child.stdout);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const loadAfter = os.loadavg();
  const perFile = Object.fromEntries(jobs.map((j) => [j, median(walls.get(j)) / files]));
  const [single, parallel] = jobs.map((j) => perFile[j]);
  const cpuMedian = Object.fromEntries(jobs.map((j) => [j, median(cpus.get(j))]));
  return {
    cores,
    jobs: jobs[1],
    runs: Object.fromEntries(jobs.map((j) => [j, walls.get(j).map(Math.round)])),
    cpuRuns: Object.fromEntries(jobs.map((j) => [j, cpus.get(j).map(Math.round)])),
    mainCpuRuns: Object.fromEntries(jobs.map((j) => [j, mains.get(j).map(Math.round)])),
    singleMsPerFile: single,
    parallelMsPerFile: parallel,
    ratio: parallel / single,
    cpuRatio: cpuMedian[jobs[1]] / cpuMedian[jobs[0]],
    // On an idle machine the wall time of --jobs N is at least its CPU time spread over the cores, and
    // that of --jobs 1 at least its main thread's CPU time (V8's helper threads run beside it).
    idealRatio: mains.get(jobs[0]).length ? cpuMedian[jobs[1]] / Math.min(cores, jobs[1]) / median(mains.get(jobs[0])) : undefined,
    ...(parseMsPerFile ? { singleToParse: single / parseMsPerFile, parallelToParse: parallel / parseMsPerFile } : {}),
    sameOutput: outputs.get(jobs[0]) === outputs.get(jobs[1]),
    loadAverage: { before: loadBefore, after: loadAfter },
  };
}

/** The figures as printed by `npm run bench`. */
export function formatParallel(p, files) {
  const n2 = (x) => x.toFixed(2), n3 = (x) => x.toFixed(3);
  const line = (j, ms) => `  --jobs ${j}:  ${n3(ms)} ms per file wall (runs: ${p.runs[j].join(', ')} ms; spread ${spread(p.runs[j])}); CPU ms all threads: ${p.cpuRuns[j].join(', ')}${p.mainCpuRuns[j].length ? `, main thread: ${p.mainCpuRuns[j].join(', ')}` : ''}`;
  return [
    `\nCLI on worker threads (${files} files, JSON output, median of ${p.runs[1].length} runs each, interleaved)`,
    line(1, p.singleMsPerFile),
    line(p.jobs, p.parallelMsPerFile),
    `  parallel / single: ${n2(p.ratio * 100)}% of the single-worker wall time per file`,
    `  CPU time (all threads), parallel / single: ${n2(p.cpuRatio * 100)}%` + (p.idealRatio ? `; on an idle machine at best ${n2(p.idealRatio * 100)}% of the wall time (parallel CPU over ${Math.min(p.cores, p.jobs)} cores against the single run's main-thread CPU)` : ''),
    ...(p.singleToParse ? [`  against parsing only, in process (no rule, no I/O): --jobs 1 ${n2(p.singleToParse)}x, --jobs ${p.jobs} ${n2(p.parallelToParse)}x`] : []),
    `  output of the two ${p.sameOutput ? 'byte for byte the same' : 'DIFFERS (WARNING)'}`,
    `  load average: ${p.loadAverage.before.map(n2).join(' ')} before, ${p.loadAverage.after.map(n2).join(' ')} after (${p.cores} cores)`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, corpus: { type: 'string', default: 'bench/corpus' } } });
  const corpus = path.resolve(root, values.corpus);
  const files = fs.readdirSync(corpus, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.name.startsWith('.')).length;
  if (!files) throw new Error(`no corpus at ${corpus}: run npm run bench once first`);
  const p = measureParallel({ root, corpus: path.relative(root, corpus), files, runs: Number(values.runs) });
  console.log(formatParallel(p, files));
  if (!p.sameOutput) process.exitCode = 1;
}
