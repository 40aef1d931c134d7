#!/usr/bin/env node
// Lints a corpus of real repositories with a built CLI and records the findings per rule and per
// repository; compares two such records and writes the findings that appeared or went away, with the
// source around each, to a Markdown file for reading. Never touches the network: the CLI runs with
// scripts/survey-offline.mjs preloaded, which makes any socket or DNS call throw.
//
//   node scripts/survey.mjs --cli dist/cli.js --corpus DIR --out after.json [--compare before.json] [--md FILE]
//                           [--repos a,b] [--timeout 600] [--sample N [--seed S] [--sample-md FILE]]
//   node scripts/survey.mjs --in after.json --compare before.json [--corpus DIR] [--md FILE] [--sample N ...]
//
// The corpus is a folder with one sub-folder per repository (a `.commit` file in it, if present,
// is recorded). Each repository is linted as one run (`lint <repo> --format json --no-config
// --fail-on none`) from the corpus folder, so file paths are relative to it. `--compare` prints
// per-rule counts before and after and writes NEW, GONE and CHANGED (same place and rule, other
// message) findings to `--md` (default: the after file with `.compare.md`). `--sample N` draws a
// seeded random sample of the NEW findings, stratified by rule in proportion, for reading one by one
// (`--sample-md`, default: the after file with `.sample.md`). Docs: docs/survey.md.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const offlineGuard = path.join(here, 'survey-offline.mjs');

const usage = 'usage: node scripts/survey.mjs --cli CLI --corpus DIR --out FILE [--compare BEFORE] [--md FILE] [--repos a,b] [--timeout S]\n' +
  '       node scripts/survey.mjs --in AFTER --compare BEFORE [--corpus DIR] [--md FILE]\n' +
  '       (with --compare: [--sample N] [--seed S] [--sample-md FILE])';

function fail(message) {
  process.stderr.write(`survey: ${message}\n${usage}\n`);
  process.exit(2);
}

/** Strips control characters (all but tab) so that text from the corpus never reaches a terminal or a reader raw. */
export function clean(text) {
  return String(text).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '?');
}

/** The repositories of a corpus: its sub-folders, sorted, without hidden ones. */
export function corpusRepos(corpus) {
  return fs.readdirSync(corpus, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

/** Lints one repository with the CLI and returns its record and its findings. */
function lintRepo(cli, corpus, repo, timeoutSeconds) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-survey-'));
  const output = path.join(tmp, 'out.json');
  const started = Date.now();
  try {
    const env = { ...process.env, NO_COLOR: '1' };
    for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) delete env[k];
    const r = spawnSync(process.execPath, ['--import', pathToFileURL(offlineGuard).href, cli, 'lint', repo, '--format', 'json', '--no-config', '--fail-on', 'none', '--output', output], {
      cwd: corpus, env, encoding: 'utf8', timeout: timeoutSeconds * 1000, maxBuffer: 64 * 1024 * 1024,
    });
    const ms = Date.now() - started;
    const commitFile = path.join(corpus, repo, '.commit');
    const commit = fs.existsSync(commitFile) ? fs.readFileSync(commitFile, 'utf8').trim() : null;
    const record = { commit, exit: r.status, signal: r.signal ?? null, ms, files: 0, linted: 0, byFormat: {}, skipped: 0, ruleErrors: [], byRule: {}, error: null };
    if (r.error || r.status === 2 || r.status === null || !fs.existsSync(output)) {
      record.error = clean(`${r.error ? r.error.message : `exit ${r.status}${r.signal ? ` (${r.signal})` : ''}`}: ${(r.stderr || '').trim().split('\n').slice(-3).join(' | ')}`).slice(0, 500);
      return { record, findings: [] };
    }
    const report = JSON.parse(fs.readFileSync(output, 'utf8'));
    const findings = [];
    for (const f of report.files) {
      record.files++;
      if (f.skipped) { record.skipped++; continue; }
      record.linted++;
      record.byFormat[f.format] = (record.byFormat[f.format] ?? 0) + 1;
      const file = path.relative(corpus, path.resolve(corpus, f.path)).split(path.sep).join('/');
      for (const e of f.ruleErrors ?? []) record.ruleErrors.push({ file, error: clean(typeof e === 'string' ? e : JSON.stringify(e)).slice(0, 300) });
      for (const x of f.findings) {
        record.byRule[x.ruleId] = (record.byRule[x.ruleId] ?? 0) + 1;
        const finding = { repo, file, format: f.format, rule: x.ruleId, severity: x.severity, line: x.line, column: x.column, endLine: x.endLine, message: x.message };
        if (x.cell) finding.cell = { index: x.cell.index, line: x.cell.line, endLine: x.cell.endLine };
        findings.push(finding);
      }
    }
    record.skipped += (report.skipped ?? []).length;
    return { record, findings };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Runs the CLI over the corpus (or the named repositories) and returns the survey record. */
export function runSurvey({ cli, corpus, repos, timeoutSeconds = 600, log = () => {} }) {
  const result = { cli: path.resolve(cli), corpus: path.resolve(corpus), createdAt: new Date().toISOString(), repos: {}, byRule: {}, findings: [] };
  for (const repo of repos ?? corpusRepos(corpus)) {
    const { record, findings } = lintRepo(path.resolve(cli), path.resolve(corpus), repo, timeoutSeconds);
    result.repos[repo] = record;
    for (const [rule, n] of Object.entries(record.byRule)) result.byRule[rule] = (result.byRule[rule] ?? 0) + n;
    result.findings.push(...findings);
    log(`${repo}: ${record.linted} files, ${findings.length} findings, ${record.ms} ms${record.error ? `, ERROR ${record.error}` : ''}${record.ruleErrors.length ? `, ${record.ruleErrors.length} rule errors` : ''}`);
  }
  return result;
}

const placeKey = (f) => `${f.file}\u0000${f.rule}\u0000${f.line}\u0000${f.column}`;

/**
 * Compares two survey records. Findings are matched by file, rule, line and column (the corpus is
 * the same on both sides), as multisets; a match whose message differs is CHANGED.
 */
export function compareSurveys(before, after) {
  const pool = new Map();
  for (const f of before.findings) {
    const k = placeKey(f);
    if (!pool.has(k)) pool.set(k, []);
    pool.get(k).push(f);
  }
  const added = [];
  const changed = [];
  for (const f of after.findings) {
    const list = pool.get(placeKey(f));
    if (!list || list.length === 0) { added.push(f); continue; }
    const same = list.findIndex((b) => b.message === f.message);
    const [b] = list.splice(same >= 0 ? same : 0, 1);
    if (same < 0) changed.push({ before: b, after: f });
  }
  const gone = [...pool.values()].flat();
  const rules = [...new Set([...Object.keys(before.byRule), ...Object.keys(after.byRule)])].sort();
  const perRule = rules.map((rule) => ({
    rule,
    before: before.byRule[rule] ?? 0,
    after: after.byRule[rule] ?? 0,
    new: added.filter((f) => f.rule === rule).length,
    gone: gone.filter((f) => f.rule === rule).length,
    changed: changed.filter((c) => c.after.rule === rule).length,
  }));
  const repos = [...new Set([...Object.keys(before.repos), ...Object.keys(after.repos)])].sort();
  const perRepo = repos.map((repo) => ({
    repo,
    before: before.findings.filter((f) => f.repo === repo).length,
    after: after.findings.filter((f) => f.repo === repo).length,
    new: added.filter((f) => f.repo === repo).length,
    gone: gone.filter((f) => f.repo === repo).length,
  }));
  const order = (a, b) => a.rule.localeCompare(b.rule) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
  return { perRule, perRepo, added: added.sort(order), gone: gone.sort(order), changed: changed.sort((a, b) => order(a.after, b.after)) };
}

/** The per-rule table as aligned text. */
export function formatCounts(comparison) {
  const rows = [['rule', 'before', 'after', 'new', 'gone', 'changed'], ...comparison.perRule.map((r) => [r.rule, r.before, r.after, r.new, r.gone, r.changed].map(String))];
  const total = (k) => String(comparison.perRule.reduce((s, r) => s + r[k], 0));
  rows.push(['total', total('before'), total('after'), total('new'), total('gone'), total('changed')]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

/** The source lines around a finding (from the notebook cell for a notebook finding), the finding's line marked `>`. */
export function sourceAround(corpus, finding, radius = 3) {
  const file = path.join(corpus, finding.file);
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  let lines = text.split(/\r\n|\r|\n/);
  let line = finding.line;
  let endLine = finding.endLine ?? line;
  if (finding.cell && file.endsWith('.ipynb')) {
    try {
      const cell = JSON.parse(text).cells[finding.cell.index];
      const src = Array.isArray(cell.source) ? cell.source.join('') : String(cell.source ?? '');
      lines = src.split(/\r\n|\r|\n/);
      line = finding.cell.line;
      endLine = finding.cell.endLine ?? line;
    } catch {
      // keep the raw lines of the notebook file
    }
  }
  const from = Math.max(1, line - radius);
  const to = Math.min(lines.length, Math.max(endLine, line) + radius);
  const width = String(to).length;
  const out = [];
  for (let n = from; n <= to; n++) out.push(`${n >= line && n <= endLine ? '>' : ' '} ${String(n).padStart(width)} | ${clean(lines[n - 1]).slice(0, 200)}`);
  return out.join('\n');
}

function findingBlock(corpus, f, label) {
  const where = f.cell ? `${f.file}:${f.line} (cell ${f.cell.index}, line ${f.cell.line})` : `${f.file}:${f.line}:${f.column}`;
  const src = corpus ? sourceAround(corpus, f) : null;
  return [`#### ${label}${f.rule} ${where}`, '', `${f.severity}: ${clean(f.message)}`, '', ...(src ? ['```', src.replaceAll('```', "'''"), '```', ''] : [])].join('\n');
}

/** A seeded generator of numbers in [0, 1) (mulberry32): the same seed draws the same sample. */
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random sample of `size` findings, stratified by rule: each rule gets its share of `size` in
 * proportion to its count (largest remainders), and at least one finding, so the sample can be one
 * or two larger than asked when a rule has very few findings. Within a rule the findings are drawn
 * by a seeded shuffle; the sample keeps the order of `findings`. Returns the sample with each
 * finding's index in `findings`, and per rule the population and the number drawn.
 */
export function stratifiedSample(findings, size, seed = 1) {
  const byRule = new Map();
  findings.forEach((f, index) => {
    if (!byRule.has(f.rule)) byRule.set(f.rule, []);
    byRule.get(f.rule).push(index);
  });
  const rules = [...byRule.keys()].sort();
  const total = findings.length;
  const want = Math.min(size, total);
  const shares = rules.map((rule) => {
    const exact = total ? (want * byRule.get(rule).length) / total : 0;
    return { rule, population: byRule.get(rule).length, drawn: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = want - shares.reduce((s, x) => s + x.drawn, 0);
  for (const x of [...shares].sort((a, b) => b.rest - a.rest || b.population - a.population || a.rule.localeCompare(b.rule))) {
    if (left <= 0) break;
    x.drawn++;
    left--;
  }
  for (const x of shares) if (x.drawn === 0 && x.population > 0) x.drawn = 1;
  const random = seededRandom(seed);
  const picked = [];
  for (const x of shares) {
    const pool = [...byRule.get(x.rule)];
    for (let i = 0; i < x.drawn; i++) {
      const j = i + Math.floor(random() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
      picked.push(pool[i]);
    }
  }
  picked.sort((a, b) => a - b);
  return { strata: shares.map(({ rule, population, drawn }) => ({ rule, population, drawn })), sample: picked.map((index) => ({ index, finding: findings[index] })) };
}

/** The Markdown of a sample of NEW findings: the draw per rule, then each finding (labelled with its NEW number) with its source. */
export function sampleMarkdown(drawn, { corpus, seed, beforeName = 'before', afterName = 'after' } = {}) {
  const out = [`# Sample of NEW findings: ${beforeName} → ${afterName}`, '', `${drawn.sample.length} findings, seed ${seed}, stratified by rule in proportion (at least one per rule). Labels: S<sample number>/N<number in the comparison's NEW list>.`, ''];
  out.push('| rule | new | drawn |', '|---|---:|---:|');
  for (const s of drawn.strata) out.push(`| ${s.rule} | ${s.population} | ${s.drawn} |`);
  out.push('');
  drawn.sample.forEach(({ index, finding }, i) => out.push(findingBlock(corpus, finding, `S${i + 1}/N${index + 1} `)));
  return `${out.join('\n')}\n`;
}

/** The Markdown report of a comparison: counts, then each NEW, CHANGED and GONE finding with its source. */
export function comparisonMarkdown(comparison, { corpus, beforeName = 'before', afterName = 'after' } = {}) {
  const out = [`# Survey comparison: ${beforeName} → ${afterName}`, ''];
  out.push('| rule | before | after | new | gone | changed |', '|---|---:|---:|---:|---:|---:|');
  for (const r of comparison.perRule) out.push(`| ${r.rule} | ${r.before} | ${r.after} | ${r.new} | ${r.gone} | ${r.changed} |`);
  out.push('', '| repository | before | after | new | gone |', '|---|---:|---:|---:|---:|');
  for (const r of comparison.perRepo) if (r.before || r.after) out.push(`| ${r.repo} | ${r.before} | ${r.after} | ${r.new} | ${r.gone} |`);
  out.push('', `## NEW (${comparison.added.length})`, '');
  comparison.added.forEach((f, i) => out.push(findingBlock(corpus, f, `N${i + 1} `)));
  out.push(`## CHANGED message (${comparison.changed.length})`, '');
  comparison.changed.forEach((c, i) => out.push(findingBlock(corpus, c.after, `C${i + 1} `), `was: ${clean(c.before.message)}`, ''));
  out.push(`## GONE (${comparison.gone.length})`, '');
  comparison.gone.forEach((f, i) => out.push(findingBlock(corpus, f, `G${i + 1} `)));
  return `${out.join('\n')}\n`;
}

function readSurvey(file) {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!data || typeof data !== 'object' || !Array.isArray(data.findings) || typeof data.byRule !== 'object' || typeof data.repos !== 'object') throw new Error('not a survey record');
    return data;
  } catch (e) {
    fail(`cannot read ${file}: ${e.message}`);
  }
}

function writeAtomic(file, text) {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

function main(argv) {
  let args;
  try {
    args = parseArgs({ args: argv, options: {
      cli: { type: 'string' }, corpus: { type: 'string' }, out: { type: 'string' }, in: { type: 'string' },
      compare: { type: 'string' }, md: { type: 'string' }, repos: { type: 'string' }, timeout: { type: 'string' },
      sample: { type: 'string' }, seed: { type: 'string' }, 'sample-md': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    } }).values;
  } catch (e) {
    fail(e.message);
  }
  if (args.help) { process.stdout.write(`${usage}\n`); return; }
  const sampleSize = args.sample === undefined ? undefined : Number(args.sample);
  const seed = args.seed === undefined ? 1 : Number(args.seed);
  if (sampleSize !== undefined && !(Number.isInteger(sampleSize) && sampleSize > 0)) fail('--sample takes a positive whole number of findings');
  if (!(Number.isInteger(seed) && seed >= 0)) fail('--seed takes a whole number');
  if ((sampleSize !== undefined || args.seed !== undefined || args['sample-md'] !== undefined) && !args.compare) fail('--sample, --seed and --sample-md need --compare');
  if ((args.seed !== undefined || args['sample-md'] !== undefined) && sampleSize === undefined) fail('--seed and --sample-md need --sample');
  let after;
  let afterFile;
  if (args.in) {
    if (!args.compare) fail('--in needs --compare');
    afterFile = args.in;
    after = readSurvey(args.in);
  } else {
    if (!args.cli || !args.corpus || !args.out) fail('--cli, --corpus and --out are needed');
    if (!fs.existsSync(args.cli)) fail(`no CLI at ${args.cli} (run npm run bundle)`);
    if (!fs.existsSync(args.corpus) || !fs.statSync(args.corpus).isDirectory()) fail(`no corpus folder at ${args.corpus}`);
    const timeoutSeconds = args.timeout === undefined ? 600 : Number(args.timeout);
    if (!(timeoutSeconds > 0)) fail('--timeout takes a number of seconds');
    const repos = args.repos ? args.repos.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
    for (const r of repos ?? []) if (!fs.existsSync(path.join(args.corpus, r))) fail(`no repository ${r} in the corpus`);
    after = runSurvey({ cli: args.cli, corpus: args.corpus, repos, timeoutSeconds, log: (s) => process.stderr.write(`${clean(s)}\n`) });
    afterFile = args.out;
    writeAtomic(args.out, `${JSON.stringify(after, null, 1)}\n`);
    const errors = Object.values(after.repos).filter((r) => r.error).length;
    const ruleErrors = Object.values(after.repos).reduce((s, r) => s + r.ruleErrors.length, 0);
    process.stdout.write(`${after.findings.length} findings in ${Object.keys(after.repos).length} repositories (${errors} failed runs, ${ruleErrors} rule errors) -> ${args.out}\n`);
  }
  if (args.compare) {
    const before = readSurvey(args.compare);
    const comparison = compareSurveys(before, after);
    process.stdout.write(`${formatCounts(comparison)}\n`);
    const md = args.md ?? afterFile.replace(/\.json$/, '') + '.compare.md';
    const corpus = args.corpus ?? after.corpus;
    writeAtomic(md, comparisonMarkdown(comparison, { corpus: corpus && fs.existsSync(corpus) ? corpus : undefined, beforeName: path.basename(args.compare), afterName: path.basename(afterFile) }));
    process.stdout.write(`${comparison.added.length} new, ${comparison.gone.length} gone, ${comparison.changed.length} changed -> ${md}\n`);
    if (sampleSize !== undefined) {
      const drawn = stratifiedSample(comparison.added, sampleSize, seed);
      const sampleMd = args['sample-md'] ?? afterFile.replace(/\.json$/, '') + '.sample.md';
      writeAtomic(sampleMd, sampleMarkdown(drawn, { corpus: corpus && fs.existsSync(corpus) ? corpus : undefined, seed, beforeName: path.basename(args.compare), afterName: path.basename(afterFile) }));
      process.stdout.write(`sample of ${drawn.sample.length} new findings (seed ${seed}; ${drawn.strata.map((x) => `${x.rule} ${x.drawn}/${x.population}`).join(', ')}) -> ${sampleMd}\n`);
    }
  } else {
    const rows = Object.entries(after.byRule).sort(([a], [b]) => a.localeCompare(b));
    for (const [rule, n] of rows) process.stdout.write(`${rule.padEnd(8)} ${String(n).padStart(6)}\n`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
