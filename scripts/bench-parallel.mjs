// The CLI on one worker thread against one per core, over the benchmark corpus (npm run bench).
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import { median } from './bench-lib.mjs';

/**
 * Runs `greenml lint <corpus> --jobs 1` and `--jobs <cores>` in turn, `runs` times each, and
 * returns the median wall time per file of each, their ratio, each one's ratio to the in-process
 * parse-only time per file (`parseMsPerFile`), whether the outputs were byte for byte the same,
 * and the load average around the runs.
 */
export function measureParallel({ root, corpus, files, parseMsPerFile, runs = 3 }) {
  const cores = os.availableParallelism();
  const jobs = [1, Math.max(2, cores)];
  const walls = new Map(jobs.map((j) => [j, []]));
  const outputs = new Map();
  const loadBefore = os.loadavg();
  for (let run = 0; run < runs; run++) {
    for (const j of run % 2 ? [...jobs].reverse() : jobs) {
      const start = performance.now();
      const child = spawnSync(process.execPath, ['dist/cli.js', 'lint', corpus, '--format', 'json', '--fail-on', 'none', '--no-config', '--jobs', String(j)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
      walls.get(j).push(performance.now() - start);
      if (child.status !== 0) throw new Error(`greenml lint --jobs ${j} failed (exit ${child.status ?? child.signal}): ${child.stderr.slice(0, 500)}`);
      if (!outputs.has(j)) outputs.set(j, child.stdout);
    }
  }
  const loadAfter = os.loadavg();
  const perFile = Object.fromEntries(jobs.map((j) => [j, median(walls.get(j)) / files]));
  const [single, parallel] = jobs.map((j) => perFile[j]);
  return {
    cores,
    jobs: jobs[1],
    runs: Object.fromEntries(jobs.map((j) => [j, walls.get(j).map(Math.round)])),
    singleMsPerFile: single,
    parallelMsPerFile: parallel,
    ratio: parallel / single,
    singleToParse: single / parseMsPerFile,
    parallelToParse: parallel / parseMsPerFile,
    sameOutput: outputs.get(jobs[0]) === outputs.get(jobs[1]),
    loadAverage: { before: loadBefore, after: loadAfter },
  };
}

/** The figures as printed by `npm run bench`. */
export function formatParallel(p, files) {
  const n2 = (x) => x.toFixed(2), n3 = (x) => x.toFixed(3);
  return [
    `\nCLI on worker threads (${files} files, JSON output, median of ${p.runs[1].length} runs each, interleaved)`,
    `  --jobs 1:  ${n3(p.singleMsPerFile)} ms per file wall (runs: ${p.runs[1].join(', ')} ms)`,
    `  --jobs ${p.jobs}:  ${n3(p.parallelMsPerFile)} ms per file wall (runs: ${p.runs[p.jobs].join(', ')} ms)`,
    `  parallel / single: ${n2(p.ratio * 100)}% of the single-worker wall time per file`,
    `  against parsing only, in process (no rule, no I/O): --jobs 1 ${n2(p.singleToParse)}x, --jobs ${p.jobs} ${n2(p.parallelToParse)}x`,
    `  output of the two ${p.sameOutput ? 'byte for byte the same' : 'DIFFERS (WARNING)'}`,
    `  load average: ${p.loadAverage.before.map(n2).join(' ')} before, ${p.loadAverage.after.map(n2).join(' ')} after (${p.cores} cores)`,
  ].join('\n');
}
