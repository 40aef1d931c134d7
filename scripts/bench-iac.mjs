#!/usr/bin/env node
// `npm run bench:iac`: Green ML side by side with the IaC linters teams already run,
// checkov and cfn-lint, over the same CloudFormation and Terraform files. Not part of
// `npm test`: it installs Python packages and takes minutes.
//
//   node scripts/bench-iac.mjs [--runs 3] [--mirrors DIR] [--json FILE]
// DIR (or GREENML_BENCH_MIRRORS) holds local git mirrors of the public repositories, one
// `owner+name/repo` git directory each; without it the public corpus is left out.
//
// 1. A virtualenv under ~/.cache/greenml-bench-venv gets exact pins of checkov and
//    cfn-lint from PyPI (installed once, reused while the pins stay).
// 2. The corpus, under bench/iac-corpus/ (git-ignored): the CloudFormation and
//    Terraform files of test/fixtures/ (folders kept, so a folder stays one
//    Terraform module for every tool), plus the IaC files of public repositories
//    read from local git mirrors (<mirrors>/<owner>+<name>/repo, `git archive`).
// 3. Each tool runs end to end on the whole corpus, --runs times; the median wall
//    time is reported, with the ratio to Green ML's CLI.
// 4. For the checks the tools share (log retention, S3 lifecycle, ECR lifecycle),
//    every resource is classed: both flag / only checkov / only Green ML / neither.
//
// Prints figures only; it never judges them (machines differ).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = path.join(root, 'bench', 'iac-corpus');
const venv = path.join(os.homedir(), '.cache', 'greenml-bench-venv');
const pins = { checkov: '3.3.30', 'cfn-lint': '1.58.0' };
const { values: opts } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, mirrors: { type: 'string', default: process.env.GREENML_BENCH_MIRRORS ?? '' }, json: { type: 'string' } },
});
const runs = Number(opts.runs);
if (!(runs >= 1)) throw new Error('--runs must be at least 1');

/** Public repositories whose SageMaker IaC is in the corpus, when a local mirror of them exists. */
const publicRepos = [
  'aws-samples/sagemaker-custom-project-templates',
  'amazon-archives/aws-sagemaker-guard',
  'Young-ook/terraform-aws-sagemaker',
  'aws-ia/terraform-aws-sagemaker-unified-studio',
  'aws-samples/amazon-sagemaker-drift-detection',
  'aws-samples/aws-sagemaker-build',
];

/**
 * The checks the tools share, by resource type. Green ML's rule, and the
 * checkov ids that look at the same property (read from checkov's own check
 * list at run time, so a wrong id shows as "not run" rather than silently).
 */
const overlaps = [
  { topic: 'log retention', ours: 'SML401', checkov: ['CKV_AWS_66', 'CKV_AWS_338'], types: ['aws_cloudwatch_log_group', 'AWS::Logs::LogGroup'] },
  { topic: 'S3 lifecycle', ours: 'SML101', checkov: ['CKV2_AWS_61'], types: ['aws_s3_bucket', 'AWS::S3::Bucket'] },
  // checkov 3.3.30 has no lifecycle-policy check for ECR (its ECR checks: CKV_AWS_32 public policy,
  // CKV_AWS_51 immutable tags, CKV_AWS_136 KMS, CKV_AWS_163 scan on push).
  { topic: 'ECR lifecycle', ours: 'SML102', checkov: [], types: ['aws_ecr_repository', 'AWS::ECR::Repository'] },
];

// ------------------------------------------------------------------ tools
const gnuTime = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * Runs a command; `ms` is its wall time, `cpuMs` its user + system CPU time
 * (through /usr/bin/time when there is one): on a machine shared with other
 * work the CPU time is the steadier figure.
 */
function run(command, args, options = {}) {
  const timeFile = gnuTime && path.join(os.tmpdir(), `greenml-bench-time-${process.pid}`);
  const [cmd, argv] = timeFile ? [gnuTime, ['-f', '%U %S', '-o', timeFile, command, ...args]] : [command, args];
  const started = performance.now();
  const result = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  const ms = performance.now() - started;
  if (result.error) throw result.error;
  let cpuMs;
  if (timeFile && fs.existsSync(timeFile)) {
    const [user, system] = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    cpuMs = (user + system) * 1000;
    fs.rmSync(timeFile, { force: true });
  }
  return { ms, cpuMs, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function ensureVenv() {
  const python = path.join(venv, 'bin', 'python');
  if (!fs.existsSync(python)) {
    console.error(`creating ${venv}`);
    const made = run('python3', ['-m', 'venv', venv]);
    if (made.status !== 0) throw new Error(`python3 -m venv failed: ${made.stderr}`);
  }
  const installed = () => {
    const r = run(python, ['-m', 'pip', 'list', '--format', 'json']);
    return r.status === 0 ? Object.fromEntries(JSON.parse(r.stdout).map((p) => [p.name.toLowerCase(), p.version])) : {};
  };
  let versions = installed();
  if (Object.entries(pins).some(([name, version]) => versions[name] !== version)) {
    console.error(`pip install ${Object.entries(pins).map(([n, v]) => `${n}==${v}`).join(' ')} (once)`);
    const r = run(python, ['-m', 'pip', 'install', '--quiet', ...Object.entries(pins).map(([n, v]) => `${n}==${v}`)], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) throw new Error('pip install failed');
    versions = installed();
  }
  return { checkov: path.join(venv, 'bin', 'checkov'), cfnLint: path.join(venv, 'bin', 'cfn-lint'), versions: Object.fromEntries(Object.keys(pins).map((n) => [n, versions[n]])) };
}

// ----------------------------------------------------------------- corpus
const cfnYaml = /^(?:AWSTemplateFormatVersion\s*:|Transform\s*:\s*['"]?AWS::Serverless)|^Resources\s*:[\s\S]*^\s+Type\s*:\s*['"]?AWS::/m;
const cfnJson = /"AWSTemplateFormatVersion"\s*:|"Resources"\s*:[\s\S]*"Type"\s*:\s*"AWS::/;

/** 'tf', 'cfn' or undefined: which IaC format a file is, by name and content (as Green ML and checkov decide). */
function iacKind(name, text) {
  if (name.endsWith('.tf')) return 'tf';
  if (/\.(ya?ml|template)$/.test(name) && cfnYaml.test(text)) return 'cfn';
  if (/\.(json|template)$/.test(name) && text.trimStart().startsWith('{') && cfnJson.test(text)) return 'cfn';
  return undefined;
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : e.isFile() ? [full] : [];
  });
}

function buildCorpus() {
  fs.rmSync(corpusDir, { recursive: true, force: true });
  const sources = [];
  const copy = (from, to) => {
    const text = fs.readFileSync(from, 'utf8');
    const kind = iacKind(to, text);
    if (!kind || text.includes('\u0000')) return undefined;
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.writeFileSync(to, text);
    return kind;
  };
  const count = (files) => files.reduce((c, k) => (k ? { ...c, [k]: (c[k] ?? 0) + 1 } : c), {});
  const fixtures = path.join(root, 'test', 'fixtures');
  sources.push({ name: 'test/fixtures', ...count(walk(fixtures).map((f) => copy(f, path.join(corpusDir, 'fixtures', path.relative(fixtures, f))))) });
  for (const repo of publicRepos) {
    if (!opts.mirrors) continue;
    const gitDir = path.join(opts.mirrors, repo.replace('/', '+'), 'repo');
    if (!fs.existsSync(gitDir)) {
      sources.push({ name: repo, missing: true });
      continue;
    }
    const commit = run('git', ['--git-dir', gitDir, 'rev-parse', 'HEAD']).stdout.trim();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-iac-'));
    const archive = spawnSync('sh', ['-c', `git --git-dir="${gitDir}" archive --format=tar HEAD | tar -x -C "${tmp}"`], { encoding: 'utf8' });
    if (archive.status !== 0) throw new Error(`git archive ${repo}: ${archive.stderr}`);
    const target = path.join(corpusDir, 'public', repo.replace('/', '+'));
    const kinds = walk(tmp)
      .filter((f) => !f.split(path.sep).some((part) => part === '.terraform' || part === 'node_modules' || part === 'cdk.out'))
      .map((f) => copy(f, path.join(target, path.relative(tmp, f))));
    fs.rmSync(tmp, { recursive: true, force: true });
    sources.push({ name: repo, commit, ...count(kinds) });
  }
  const files = walk(corpusDir);
  const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  return { sources, files, bytes };
}

// ------------------------------------------------------------------- runs
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function timed(label, fn) {
  const times = [];
  const cpu = [];
  let last;
  for (let i = 0; i < runs; i++) {
    last = fn();
    times.push(last.ms);
    if (last.cpuMs !== undefined) cpu.push(last.cpuMs);
    console.error(`  ${label} run ${i + 1}/${runs}: ${(last.ms / 1000).toFixed(2)} s wall, ${last.cpuMs === undefined ? '?' : (last.cpuMs / 1000).toFixed(2)} s CPU`);
  }
  return { label, times, median: median(times), cpu, cpuMedian: cpu.length ? median(cpu) : undefined, last };
}

function checkovArgs(quiet) {
  // --skip-download: no request to the vendor's platform (this bench runs offline).
  return ['-d', corpusDir, '--framework', 'cloudformation', 'terraform', '-o', 'json', '--skip-download', ...(quiet ? ['--quiet'] : []), '--compact'];
}

/** checkov's JSON is one report, or a list of reports (one per framework). */
function checkovResults(stdout) {
  const parsed = JSON.parse(stdout);
  const reports = Array.isArray(parsed) ? parsed : [parsed];
  const results = [];
  for (const report of reports) {
    // Skipped: suppressed in the file by a `checkov:skip=` comment.
    for (const [state, list] of [['failed', report.results?.failed_checks ?? []], ['passed', report.results?.passed_checks ?? []], ['skipped', report.results?.skipped_checks ?? []]]) {
      for (const c of list) results.push({ state, checkId: c.check_id, checkName: c.check_name, resource: c.resource, file: path.join(corpusDir, c.file_path), lines: c.file_line_range, framework: report.check_type });
    }
  }
  return results;
}

// ---------------------------------------------------------------- compare
function compare(ours, checkov) {
  const table = [];
  for (const overlap of overlaps) {
    const ids = overlap.checkov.filter((id) => checkov.some((c) => c.checkId === id));
    const notRun = overlap.checkov.filter((id) => !ids.includes(id));
    // Resources: what checkov evaluated for these checks, plus what we flagged.
    const resources = new Map();
    const keyOf = (file, resource) => `${file}\u0000${resource}`;
    for (const c of checkov.filter((c) => ids.includes(c.checkId))) {
      const key = keyOf(c.file, c.resource);
      const entry = resources.get(key) ?? { file: c.file, resource: c.resource, lines: c.lines, checkov: {}, ours: false, format: c.framework };
      entry.checkov[c.checkId] = c.state;
      resources.set(key, entry);
    }
    for (const f of ours.filter((f) => f.ruleId === overlap.ours)) {
      // checkov may list one resource block several times (once per call of its module).
      const matches = [...resources.values()].filter((r) => r.file === f.file && r.lines && f.line >= r.lines[0] && f.line <= r.lines[1]);
      for (const match of matches) match.ours = true;
      if (!matches.length) resources.set(keyOf(f.file, `line ${f.line}`), { file: f.file, resource: f.name ?? `line ${f.line}`, lines: undefined, checkov: {}, ours: true, format: f.format });
    }
    for (const id of ids) {
      const counts = { both: 0, onlyCheckov: 0, onlyOurs: 0, neither: 0, notEvaluated: 0, checkovSkipped: 0 };
      const examples = { onlyCheckov: [], onlyOurs: [], notEvaluated: [], checkovSkipped: [] };
      for (const r of resources.values()) {
        const theirs = r.checkov[id];
        if (theirs === undefined && !r.ours) continue;
        if (theirs === undefined) {
          counts.notEvaluated++;
          examples.notEvaluated.push(r);
          continue;
        }
        if (theirs === 'skipped') {
          counts.checkovSkipped++;
          examples.checkovSkipped.push(r);
          continue;
        }
        const flagged = theirs === 'failed';
        if (flagged && r.ours) counts.both++;
        else if (flagged) {
          counts.onlyCheckov++;
          examples.onlyCheckov.push(r);
        } else if (r.ours) {
          counts.onlyOurs++;
          examples.onlyOurs.push(r);
        } else counts.neither++;
      }
      table.push({ topic: overlap.topic, ours: overlap.ours, checkov: id, checkName: checkov.find((c) => c.checkId === id)?.checkName, counts, examples });
    }
    for (const id of overlap.checkov.length ? notRun : ['(none)']) table.push({ topic: overlap.topic, ours: overlap.ours, checkov: id, notRun: true, ourFindings: ours.filter((f) => f.ruleId === overlap.ours).length });
  }
  return table;
}

// ------------------------------------------------------------------- main
const cli = path.join(root, 'dist', 'cli.js');
if (!fs.existsSync(cli)) throw new Error('run `npm run bundle` first (npm run bench:iac does)');
const tools = ensureVenv();
console.error(`checkov ${tools.versions.checkov}, cfn-lint ${tools.versions['cfn-lint']}, node ${process.version}`);
const corpus = buildCorpus();
const cfnFiles = corpus.files.filter((f) => iacKind(f, fs.readFileSync(f, 'utf8')) === 'cfn');
const tfFiles = corpus.files.filter((f) => f.endsWith('.tf'));
console.error(`corpus: ${corpus.files.length} files (${cfnFiles.length} CloudFormation, ${tfFiles.length} Terraform), ${(corpus.bytes / 1024).toFixed(0)} KiB`);

const greenml = timed('Green ML CLI', () => run(process.execPath, [cli, 'lint', corpusDir, '--format', 'json', '--fail-on', 'none', '--no-config']));
const checkov = timed('checkov', () => run(tools.checkov, checkovArgs(true), { env: { ...process.env, BC_SKIP_MAPPING: 'TRUE', CHECKOV_RUN_SCA_PACKAGE_SCAN_V2: 'false' } }));
const cfnLint = timed('cfn-lint', () => run(tools.cfnLint, ['--format', 'json', '--', ...cfnFiles]));

// The comparison needs checkov's passed checks too: one more run without --quiet (not timed).
const full = run(tools.checkov, checkovArgs(false), { env: { ...process.env, BC_SKIP_MAPPING: 'TRUE' } });
const checkovFindings = checkovResults(full.stdout);
const report = JSON.parse(greenml.last.stdout);
const ours = report.files.flatMap((f) =>
  f.findings.map((x) => ({ file: path.resolve(root, f.path), format: f.format, ruleId: x.ruleId, line: x.line, name: /^(?:Bucket|Repository|Log group) (\S+)/.exec(x.message)?.[1] })),
);
const table = compare(ours, checkovFindings);

const cfnLintCount = (() => {
  try {
    return JSON.parse(cfnLint.last.stdout).length;
  } catch {
    return undefined;
  }
})();
const figures = {
  versions: { ...tools.versions, node: process.version },
  corpus: { files: corpus.files.length, cloudformation: cfnFiles.length, terraform: tfFiles.length, kib: Math.round(corpus.bytes / 1024), sources: corpus.sources },
  loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  cpus: os.cpus().length,
  wallMs: { greenml: greenml.times, checkov: checkov.times, cfnLint: cfnLint.times },
  cpuMs: { greenml: greenml.cpu, checkov: checkov.cpu, cfnLint: cfnLint.cpu },
  medianMs: { greenml: Math.round(greenml.median), checkov: Math.round(checkov.median), cfnLint: Math.round(cfnLint.median) },
  medianCpuMs: { greenml: greenml.cpuMedian, checkov: checkov.cpuMedian, cfnLint: cfnLint.cpuMedian },
  ratio: {
    checkovOverGreenml: checkov.median / greenml.median,
    cfnLintOverGreenml: cfnLint.median / greenml.median,
    checkovOverGreenmlCpu: checkov.cpuMedian && greenml.cpuMedian ? checkov.cpuMedian / greenml.cpuMedian : undefined,
    cfnLintOverGreenmlCpu: cfnLint.cpuMedian && greenml.cpuMedian ? cfnLint.cpuMedian / greenml.cpuMedian : undefined,
  },
  findings: { greenml: report.summary?.findings ?? ours.length, checkovFailed: checkovFindings.filter((c) => c.state === 'failed').length, checkovPassed: checkovFindings.filter((c) => c.state === 'passed').length, cfnLint: cfnLintCount },
  overlap: table.map(({ examples, ...rest }) => ({ ...rest, examples: examples && Object.fromEntries(Object.entries(examples).map(([k, list]) => [k, list.map(describe)])) })),
};

function describe(r) {
  return `${path.relative(corpusDir, r.file)}${r.lines ? `:${r.lines[0]}` : ''} ${r.resource}`;
}

console.log('\nSources');
for (const s of corpus.sources) console.log(`  ${s.name}${s.commit ? ` @ ${s.commit.slice(0, 12)}` : ''}: ${s.missing ? 'no local mirror, left out' : `${s.cfn ?? 0} CloudFormation, ${s.tf ?? 0} Terraform`}`);
console.log(`\nEnd to end on ${corpus.files.length} files (${figures.corpus.kib} KiB), median of ${runs}; ${figures.cpus} CPUs, load average ${figures.loadAverage.join(' ')}`);
const secs = (ms) => (ms === undefined ? '?' : (ms / 1000).toFixed(2));
const line = (name, t, ratio, ratioCpu, note = '') =>
  console.log(`  ${name.padEnd(13)} wall ${secs(t.median).padStart(7)} s (${t.times.map(secs).join(', ')})  CPU ${secs(t.cpuMedian).padStart(7)} s${ratio ? `   ${ratio.toFixed(1)}× Green ML wall, ${ratioCpu === undefined ? '?' : ratioCpu.toFixed(1)}× CPU` : ''}${note}`);
line('Green ML CLI', greenml);
line('checkov', checkov, figures.ratio.checkovOverGreenml, figures.ratio.checkovOverGreenmlCpu);
line('cfn-lint', cfnLint, figures.ratio.cfnLintOverGreenml, figures.ratio.cfnLintOverGreenmlCpu, ' (CloudFormation files only)');
console.log(`\nFindings: Green ML ${figures.findings.greenml}, checkov ${figures.findings.checkovFailed} failed / ${figures.findings.checkovPassed} passed checks, cfn-lint ${cfnLintCount ?? '?'}`);
console.log('\nOverlapping checks, per resource');
console.log('  topic          ours    checkov        both  only-checkov  only-ours  neither  no-checkov-check  checkov:skip');
for (const row of table) {
  if (row.notRun) {
    console.log(`  ${row.topic.padEnd(14)} ${row.ours.padEnd(7)} ${row.checkov.padEnd(14)} (${row.checkov === '(none)' ? 'checkov has no such check' : 'checkov ran no such check on this corpus'}; Green ML findings: ${row.ourFindings})`);
    continue;
  }
  const c = row.counts;
  console.log(
    `  ${row.topic.padEnd(14)} ${row.ours.padEnd(7)} ${row.checkov.padEnd(14)} ${String(c.both).padStart(4)}  ${String(c.onlyCheckov).padStart(12)}  ${String(c.onlyOurs).padStart(9)}  ${String(c.neither).padStart(7)}  ${String(c.notEvaluated).padStart(15)}  ${String(c.checkovSkipped).padStart(14)}`,
  );
}
for (const row of table.filter((r) => !r.notRun)) {
  for (const [kind, list] of Object.entries(row.examples)) {
    if (!list.length) continue;
    const title = {
      onlyCheckov: 'only checkov',
      onlyOurs: 'only Green ML',
      notEvaluated: 'Green ML only, checkov has no such check for the format',
      checkovSkipped: 'suppressed for checkov by a checkov:skip comment (Green ML reads only greenml-ignore)',
    }[kind];
    console.log(`\n  ${row.checkov} vs ${row.ours}, ${title} (${list.length}):`);
    for (const r of list.slice(0, 12)) console.log(`    ${describe(r)}`);
    if (list.length > 12) console.log(`    … ${list.length - 12} more`);
  }
}
if (opts.json) fs.writeFileSync(path.resolve(opts.json), JSON.stringify(figures, null, 2) + '\n');
console.log(`
Why the tools differ (read from checkov ${tools.versions.checkov}'s checks):
  CKV_AWS_66   CloudFormation and Terraform; passes when a retention is present, whatever it is.
               SML401 also flags 0 and never-expire, and stays silent on values it cannot resolve
               (a parameter without default, Fn::If, var.*) and on greenml-ignore suppressions.
  CKV_AWS_338  Terraform only; fails below 365 days (and when missing), passes 0 (never expire).
               SML401 accepts any finite retention (14 or 30 days included) and flags 0.
  CKV2_AWS_61  Terraform only, a graph check: a bucket passes with an inline lifecycle_rule or a
               lifecycle configuration connected to it by reference. SML101 also accepts a literal
               bucket name, stays silent when some configuration of the module names its bucket
               through a variable, and reads CloudFormation buckets too. checkov expands module
               calls (module.x.aws_s3_bucket.y, with the caller's inputs); Green ML reads each
               module's own files.
  ECR          checkov has no lifecycle-policy check for ECR repositories; SML102 is the only one.`);
