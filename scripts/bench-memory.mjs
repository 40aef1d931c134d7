#!/usr/bin/env node
// `npm run bench:memory`: the CLI's peak memory over many large files, to show it does not grow
// with their number (each file's text is dropped once its findings are done). Prints figures only.
//
//   node scripts/bench-memory.mjs [--files 2000] [--mb 1] [--jobs N] [--cli dist/cli.js]
//
// Generates `--files` templates of `--mb` MB each (a CloudFormation template with one finding,
// padded with comment lines, as big generated templates are) into a temporary folder it removes,
// then runs `greenml lint` on a quarter of them and on all of them, and prints each run's peak RSS
// (the whole process, worker threads included) and wall time. `--cli` measures another build.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: { files: { type: 'string', default: '2000' }, mb: { type: 'string', default: '1' }, jobs: { type: 'string' }, cli: { type: 'string', default: path.join(root, 'dist', 'cli.js') } },
});
const fileCount = Number(opts.files), megabytes = Number(opts.mb);
if (!(fileCount >= 4 && megabytes > 0)) throw new Error('--files must be at least 4 and --mb above 0');
const cli = path.resolve(opts.cli);
if (!fs.existsSync(cli)) throw new Error(`no CLI at ${cli} (run npm run bundle first)`);

const template = (i) => `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Logs${i}:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: /aws/sagemaker/TrainingJobs/${i}\n`;
const line = '# generated: parameters and outputs of the pipeline stack, kept for the deployment history\n';
const padding = line.repeat(Math.ceil((megabytes * 1024 * 1024) / line.length));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-bench-memory-'));
// Written by the measured process as it exits: its peak RSS, worker threads included.
const hook = path.join(dir, 'peak-rss.cjs');
fs.writeFileSync(hook, "process.on('exit', () => require('node:fs').writeFileSync(process.env.GREENML_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n");

function run(folder) {
  const rssFile = path.join(dir, 'rss.txt');
  const args = ['-r', hook, cli, 'lint', folder, '--no-config', '--fail-on', 'none', '--format', 'json', ...(opts.jobs ? ['--jobs', opts.jobs] : [])];
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { env: { ...process.env, GREENML_BENCH_RSS_FILE: rssFile }, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wallMs = performance.now() - start;
  if (child.status !== 0) throw new Error(`the CLI failed (exit ${child.status ?? child.signal}): ${child.stderr.slice(0, 500)}`);
  const report = JSON.parse(child.stdout);
  return { peakMb: Number(fs.readFileSync(rssFile, 'utf8')) / 1024, wallMs, linted: report.summary.linted, findings: report.summary.findings };
}

try {
  const quarter = path.join(dir, 'quarter');
  const all = path.join(dir, 'all');
  fs.mkdirSync(quarter);
  fs.mkdirSync(all);
  const genStart = performance.now();
  for (let i = 0; i < fileCount; i++) {
    const name = `stack-${String(i).padStart(5, '0')}.yaml`;
    fs.writeFileSync(path.join(all, name), template(i) + padding);
    if (i < fileCount / 4) fs.linkSync(path.join(all, name), path.join(quarter, name));
  }
  const genMs = performance.now() - genStart;
  const loadBefore = os.loadavg();
  const small = run(quarter);
  const large = run(all);
  const loadAfter = os.loadavg();
  const n2 = (x) => x.toFixed(2);
  console.log(`\nGreen ML memory benchmark: ${cli}${opts.jobs ? ` --jobs ${opts.jobs}` : ''}; files of ${megabytes} MB generated in ${(genMs / 1000).toFixed(1)} s`);
  for (const [label, r] of [[`${Math.floor(fileCount / 4)} files`, small], [`${fileCount} files`, large]]) {
    console.log(`  ${label.padEnd(11)} peak RSS ${r.peakMb.toFixed(0).padStart(5)} MB, wall ${(r.wallMs / 1000).toFixed(1)} s, ${r.linted} linted, ${r.findings} findings`);
  }
  console.log(`  growth: ${(large.peakMb - small.peakMb).toFixed(0)} MB for ${fileCount - Math.floor(fileCount / 4)} more files (${((large.peakMb - small.peakMb) / (fileCount - Math.floor(fileCount / 4))).toFixed(3)} MB per file)`);
  console.log(`  load average: ${loadBefore.map(n2).join(' ')} before, ${loadAfter.map(n2).join(' ')} after (${os.cpus().length} cores)`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
