#!/usr/bin/env node
// `npm run bench`: how fast the engine lints a large mixed corpus, in process and
// through the CLI. Prints figures only; it never judges them (machines differ).
//
//   node scripts/bench.mjs [--files 2000] [--seed 42] [--runs 5] [--json]
//
// The corpus comes from bench/generators.mjs (seeded, no network), is written under
// bench/corpus/ (git-ignored) and reused while the seed, the count and both scripts are
// unchanged. Formats without a language yet (Python, notebooks, Terraform) are in it
// already: they show up as "skipped" until their parser lands, then are measured.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadEngine, median } from './bench-lib.mjs';
import { formatParallel, measureParallel } from './bench-parallel.mjs';
import { countLines, hostile, kinds, prng, python, trainingScript } from '../bench/generators.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const generatorsFile = path.join(root, 'bench', 'generators.mjs');
const corpusDir = path.join(root, 'bench', 'corpus');
const manifestFile = path.join(corpusDir, '.bench-manifest');
const { values: opts } = parseArgs({
  options: { files: { type: 'string', default: '2000' }, seed: { type: 'string', default: '42' }, runs: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } },
});
const fileCount = Number(opts.files), seed = Number(opts.seed) >>> 0, runs = Number(opts.runs);
if (!(fileCount >= 20 && runs >= 1)) throw new Error('--files must be at least 20 and --runs at least 1');
const tally = (counts, key, n = 1) => (counts[key] = (counts[key] ?? 0) + n);
const listCounts = (counts, fmt = (k, c) => `${k} ${c}`) => Object.entries(counts).map(([k, c]) => fmt(k, c)).join(', ') || 'none';

// ------------------------------------------------------- corpus on disk
function ensureCorpus() {
  const hash = createHash('sha256');
  for (const file of [fileURLToPath(import.meta.url), generatorsFile]) hash.update(fs.readFileSync(file));
  const scriptHash = hash.digest('hex').slice(0, 16);
  try {
    const m = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    if (m.seed === seed && m.count === fileCount && m.scriptHash === scriptHash && m.files.map((f) => f.path).every((rel) => fs.existsSync(path.join(corpusDir, rel)))) return { ...m, reused: true };
  } catch {
    // no usable manifest: generate the corpus
  }
  fs.rmSync(corpusDir, { recursive: true, force: true });
  fs.mkdirSync(corpusDir, { recursive: true });
  const files = [];
  const write = (rel, kind, content) => {
    fs.mkdirSync(path.dirname(path.join(corpusDir, rel)), { recursive: true });
    fs.writeFileSync(path.join(corpusDir, rel), content);
    files.push({ path: rel, kind });
  };
  const totalWeight = kinds.reduce((s, k) => s + k.weight, 0);
  const ordinary = fileCount - Object.keys(hostile).length;
  for (let i = 0; i < ordinary; i++) {
    const r = prng(seed * 100003 + i);
    let x = r() * totalWeight, spec = kinds[0];
    for (const k of kinds) if ((x -= k.weight) < 0) { spec = k; break; }
    write(spec.path(r, String(i).padStart(4, '0')), spec.kind, spec.make(r));
  }
  Object.entries(hostile).forEach(([name, make], i) => write(`hostile/${name}`, 'hostile', make(prng(seed ^ (0x5eed0000 + i)))));
  const manifest = { seed, count: fileCount, scriptHash, files };
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  return { ...manifest, reused: false };
}

// ------------------------------------------------------- measuring
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

/** Times `fn` on each file; returns the pass total and the per-file times (same order as `list`). */
function timePass(list, fn) {
  const times = new Float64Array(list.length);
  const start = performance.now();
  for (let i = 0; i < list.length; i++) {
    const t = performance.now();
    fn(list[i]);
    times[i] = performance.now() - t;
  }
  return { total: performance.now() - start, times };
}
function stats(pass, count) {
  const sorted = [...pass.times].sort((a, b) => a - b);
  return { totalMs: pass.total, filesPerSec: (count / pass.total) * 1000, p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99), max: sorted.at(-1) };
}

async function main() {
  const rssStart = process.memoryUsage().rss;
  const genStart = performance.now();
  const manifest = ensureCorpus();
  const genMs = performance.now() - genStart;
  const { createLinter, resolveRuleSettings, detectFormat } = await loadEngine(root);
  const linter = createLinter({ locateWasm: (file) => path.join(root, 'dist', file) });
  const coldStart = performance.now();
  const loadFailures = await linter.prepare();
  const coldMs = performance.now() - coldStart;
  if (loadFailures.length) throw new Error(`cannot load parsers (run npm run bundle first): ${loadFailures.map((f) => f.message).join('; ')}`);
  const settings = resolveRuleSettings(linter.rules);
  const languageOf = new Map(linter.languages.map((l) => [l.format, l]));

  // Read everything first: the timed passes exclude disk I/O.
  const files = manifest.files.map((f, index) => {
    const file = path.join(corpusDir, f.path);
    const text = fs.readFileSync(file, 'utf8');
    return { ...f, index, file, text, lines: countLines(text), bytes: fs.statSync(file).size };
  });
  const rssLoaded = process.memoryUsage().rss;

  // Warm-up lint: also fixes each file's outcome, which the parse-only pass reuses so it
  // parses exactly the files the engine parses (no copy of the engine's skip logic here).
  let crashed = 0;
  const lint = (f) => {
    try {
      return linter.lint(f.file, f.text, { settings });
    } catch (err) {
      crashed++;
      console.error(`CRASH: lint threw on ${f.path}: ${err?.stack ?? err}`);
      return { findings: [], ruleErrors: [], suppressed: 0, skipped: 'crashed' };
    }
  };
  const results = files.map(lint);
  files.forEach((f, i) => (f.format = results[i].format));
  const parsed = files.filter((f) => f.format);
  // A parser may throw (the engine turns that into a parse-error finding); the baseline must survive it too.
  /** What the engine does before any rule: the language's parse (the analysis included for Python) and a walk of its facts. */
  const parseOnlyText = (format, file, text) => {
    const outcome = languageOf.get(format).parse(text, file);
    if (outcome.ok) outcome.walk(() => {});
  };
  const parseOnly = (f) => {
    try {
      const outcome = languageOf.get(f.format).parse(f.text, f.file);
      if (outcome.ok) outcome.walk(() => {});
    } catch { /* counted by the lint pass */ }
  };
  parsed.forEach(parseOnly);
  files.forEach((f) => detectFormat(f.file, f.text));

  // Timed runs: the three passes interleaved, so slow drift (GC, thermal) hits them alike.
  const perRun = [], lintTimes = [], parseTimes = [];
  for (let run = 0; run < runs; run++) {
    const lintPass = timePass(files, lint);
    const parsePass = timePass(parsed, parseOnly);
    const detectPass = timePass(files, (f) => detectFormat(f.file, f.text));
    // Lint restricted to the parsed files: comparable with the parse-only baseline, file for file.
    const lintParsedPass = { total: parsed.reduce((s, f) => s + lintPass.times[f.index], 0), times: parsed.map((f) => lintPass.times[f.index]) };
    const row = { lint: stats(lintPass, files.length), lintParsed: stats(lintParsedPass, parsed.length), parse: stats(parsePass, parsed.length), detect: stats(detectPass, files.length) };
    perRun.push({ ...row, ratio: lintParsedPass.total / parsePass.total });
    lintTimes.push(lintPass.times);
    parseTimes.push(parsePass.times);
  }
  const rssEnd = process.memoryUsage().rss;
  const med = (get) => median(perRun.map(get));
  const passes = { lint: 'lint (all files)', lintParsed: 'lint (parsed files)', parse: 'parse only', detect: 'detect only' };
  const summary = Object.fromEntries(Object.keys(passes).map((k) => [k, Object.fromEntries(Object.keys(perRun[0][k]).map((s) => [s, med((r) => r[k][s])]))]));
  summary.ratio = med((r) => r.ratio);
  // Per file, the median over runs: for the breakdowns below.
  const fileLint = files.map((_, i) => median(lintTimes.map((times) => times[i])));
  const fileParse = new Map(parsed.map((f, i) => [f, median(parseTimes.map((times) => times[i]))]));

  // Findings, skips and rule errors from the warm-up (linting is deterministic).
  const byRule = {}, skipped = {}, byKind = {}, ruleErrors = [];
  let findings = 0, suppressed = 0;
  files.forEach((f, i) => {
    const res = results[i];
    const k = (byKind[f.kind] ??= { outcomes: {} });
    for (const [key, n] of Object.entries({ files: 1, lines: f.lines, bytes: f.bytes, findings: res.findings.length, lintMs: fileLint[i], parseMs: fileParse.get(f) ?? 0 })) tally(k, key, n);
    tally(k.outcomes, res.format ?? 'skipped');
    if (res.skipped) tally(skipped, res.skipped);
    for (const x of res.findings) tally(byRule, x.ruleId);
    for (const e of res.ruleErrors) ruleErrors.push(`${f.path}: ${e.ruleId}: ${e.message}`);
    findings += res.findings.length; suppressed += res.suppressed;
  });

  // The editor's case: a 3,000-line script re-linted after each edit (warm parser), twice: the
  // dense stress script (a SageMaker call every few lines) and a realistic training script
  // (PyTorch code with a dozen SageMaker calls in its launcher). Each edit is also parsed alone
  // (another file name, so its incremental re-parse is its own): the ratio of the two, run for
  // run, is what the rules and findings add, whatever the load.
  const loadBefore = os.loadavg();
  const editorCase = (source, name) => {
    const times = [], parseTimes = [];
    let found = 0;
    for (let i = 0; i < 65; i++) {
      const edited = source.replace('entry_point="train.py"', `entry_point="train_${i}.py"`);
      const t = performance.now();
      found = linter.lint(name, edited, { settings }).findings.length;
      if (i >= 5) times.push(performance.now() - t);
      const p = performance.now();
      parseOnlyText('python', `parse-only-${name}`, edited);
      if (i >= 5) parseTimes.push(performance.now() - p);
    }
    return { lines: countLines(source), findings: found, sorted: times.sort((a, b) => a - b), parseSorted: parseTimes.sort((a, b) => a - b) };
  };
  const script = python(prng(seed ^ 0x3000), 3000);
  const dense = editorCase(script, 'train.py');
  const realistic = editorCase(trainingScript(prng(seed ^ 0x3001), 3000), 'realistic-train.py');
  const scriptLines = dense.lines, scriptFindings = dense.findings, editSorted = dense.sorted, editParseSorted = dense.parseSorted;

  // Where the script's lint time goes: each Python rule alone, against no rule at all (the
  // parse, the analysis and the walk), in interleaved rounds so load drift hits all alike.
  // Timed in CPU time of this process, and the least of the rounds kept: on a shared machine
  // wall time mostly measures the other processes, a rule costs a few milliseconds at most.
  const pyRules = linter.rules.filter((r) => settings.has(r.id) && r.meta.formats.includes('py'));
  const ruleConfigs = [['(no rule)', new Map()], ...pyRules.map((r) => [`${r.id} ${r.name}`, new Map([[r.id, settings.get(r.id)]])]), ['(all rules)', settings]];
  const ruleTimes = ruleConfigs.map(() => []);
  const ruleFindings = ruleConfigs.map(() => 0);
  // The order changes every round (seeded): a garbage collection that comes every so many lints
  // would otherwise land on the same rule each round.
  const shuffle = prng(seed ^ 0x5017);
  for (let round = 0; round < 33; round++) {
    const order = ruleConfigs.map((_, c) => c);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(shuffle() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    order.forEach((c) => {
      const only = ruleConfigs[c][1];
      const edited = script.replace('entry_point="train.py"', `entry_point="rules_${round}_${c}.py"`);
      const t = process.cpuUsage();
      ruleFindings[c] = linter.lint('rules.py', edited, { settings: only }).findings.length;
      const cpu = process.cpuUsage(t);
      if (round >= 3) ruleTimes[c].push((cpu.user + cpu.system) / 1000);
    });
  }
  const ruleLeast = ruleTimes.map((times) => Math.min(...times));
  const scriptFile = path.join(os.tmpdir(), `greenml-bench-${process.pid}.py`);
  fs.writeFileSync(scriptFile, script);
  const scriptCli = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    spawnSync(process.execPath, ['dist/cli.js', 'lint', scriptFile, '--fail-on', 'none', '--no-config'], { cwd: root, encoding: 'utf8' });
    scriptCli.push(performance.now() - t);
  }
  fs.rmSync(scriptFile, { force: true });

  // The editor's case for notebooks: a 200-cell notebook re-linted after an edit in one cell.
  const nbRandom = prng(seed ^ 0x200);
  const nbCells = [{ cell_type: 'markdown', metadata: {}, source: ['# 200 cells\n'] }];
  for (let i = 0; i < 200; i++) {
    const code = (i === 0 ? python(nbRandom, 20) : python(nbRandom, 28).split('\n').slice(16).join('\n')).replace(/\n+$/, '');
    nbCells.push({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: (i % 10 === 0 ? `%pip install -q sagemaker\n${code}` : code).split(/(?<=\n)/) });
  }
  const notebookText = JSON.stringify({ cells: nbCells, metadata: { kernelspec: { language: 'python', name: 'python3' } }, nbformat: 4, nbformat_minor: 5 }, null, 1) + '\n';
  const notebookLines = countLines(notebookText);
  const nbTimes = [], nbParseTimes = [];
  let nbFindings = 0;
  for (let i = 0; i < 65; i++) {
    const edited = notebookText.replace('entry_point=\\"train.py\\"', `entry_point=\\"train_${i}.py\\"`);
    const t = performance.now();
    nbFindings = linter.lint('explore.ipynb', edited, { settings }).findings.length;
    if (i >= 5) nbTimes.push(performance.now() - t);
    const p = performance.now();
    parseOnlyText('notebook', 'parse-only.ipynb', edited);
    if (i >= 5) nbParseTimes.push(performance.now() - p);
  }
  const nbSorted = [...nbTimes].sort((a, b) => a - b);
  const nbParseSorted = [...nbParseTimes].sort((a, b) => a - b);
  const loadAfter = os.loadavg();

  // The CLI end to end: walk, read, lint, format. --no-config so it runs the defaults, as above.
  const cliArgs = ['dist/cli.js', 'lint', path.relative(root, corpusDir), '--format', 'json', '--fail-on', 'none', '--no-config'];
  const cliRuns = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const child = spawnSync(process.execPath, cliArgs, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
    const wallMs = performance.now() - t;
    let report;
    try { report = JSON.parse(child.stdout); } catch { /* reported below */ }
    cliRuns.push({ wallMs, status: child.status, signal: child.signal, findings: report?.summary?.findings, linted: report?.summary?.linted, stderr: child.stderr.trim() });
  }
  const cli = { wallMs: median(cliRuns.map((c) => c.wallMs)), runs: cliRuns.map((c) => Math.round(c.wallMs)), status: cliRuns[0].status, findings: cliRuns[0].findings, linted: cliRuns[0].linted };

  // ------------------------------------------------------- parallel CLI (worker threads)
  // The same CLI run on one worker thread and on one per core: wall time per file, their ratio,
  // and each against the in-process parse-only time per file of the corpus (bench-parallel.mjs).
  const parallel = measureParallel({ root, corpus: path.relative(root, corpusDir), files: files.length, parseMsPerFile: summary.parse.totalMs / files.length });
  // ------------------------------------------------------- end of parallel CLI

  // ------------------------------------------------------- report
  const n1 = (x) => x.toFixed(1), n2 = (x) => x.toFixed(2), n3 = (x) => x.toFixed(3);
  const table = (rows) => {
    const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => String(row[c]).length)));
    return rows.map((row) => row.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ')).join('\n');
  };
  const totalLines = files.reduce((s, f) => s + f.lines, 0), totalBytes = files.reduce((s, f) => s + f.bytes, 0);
  const mb = (b) => (b / 1024 / 1024).toFixed(2);
  const cpus = os.cpus();
  console.log(`\nGreen ML benchmark: ${files.length} files, ${totalLines.toLocaleString('en')} lines, ${mb(totalBytes)} MB (seed ${seed}, corpus ${manifest.reused ? 'reused' : `generated in ${n1(genMs / 1000)} s`})`);
  console.log(`${parsed.length} parsed by a language, ${files.length - parsed.length} skipped; ${runs} timed runs after 1 warm-up\n`);
  const passRow = (label, s) => [label, n1(s.totalMs), Math.round(s.filesPerSec), n3(s.p50), n3(s.p95), n3(s.p99), n1(s.max)];
  const rows = [['run / pass', 'total ms', 'files/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms']];
  perRun.forEach((r, i) => rows.push(...Object.entries(passes).map(([k, label]) => passRow(`#${i + 1} ${label}`, r[k]))));
  for (const [k, label] of Object.entries(passes)) rows.push(passRow(`median ${label}`, summary[k]));
  console.log(table(rows));
  console.log(`\nlint / parse-only (same ${parsed.length} files): ${n2(summary.ratio)}x  (per run: ${perRun.map((r) => n2(r.ratio)).join(', ')})`);

  console.log('\nBy kind (median ms per file, summed)');
  const kindRows = [['kind', 'files', 'lines', 'MB', 'linted as', 'findings', 'lint ms', 'parse ms']];
  for (const kind of [...kinds.map((k) => k.kind), 'hostile'].filter((kind) => byKind[kind])) {
    const k = byKind[kind];
    kindRows.push([kind, k.files, k.lines, mb(k.bytes), listCounts(k.outcomes), k.findings, n1(k.lintMs), n1(k.parseMs)]);
  }
  console.log(table(kindRows));

  console.log('\nHostile files');
  const hostileRows = [['file', 'KB', 'lines', 'lint ms', 'parse ms', 'outcome']];
  files.forEach((f, i) => {
    if (f.kind !== 'hostile') return;
    const res = results[i];
    const counts = {};
    for (const x of res.findings) tally(counts, x.ruleId === 'parse-error' ? `parse-error at ${x.line}:${x.column} "${x.message.slice(0, 70)}"` : x.ruleId);
    const outcome = res.skipped ? `skipped: ${res.skipped}` : res.findings.length ? listCounts(counts, (key, c) => (c > 1 ? `${key} x${c}` : key)) : 'no findings';
    hostileRows.push([path.basename(f.path), Math.round(f.bytes / 1024), f.lines, n2(fileLint[i]), fileParse.has(f) ? n2(fileParse.get(f)) : '-', outcome]);
  });
  console.log(table(hostileRows));

  console.log(`\nFindings: ${findings} (${listCounts(byRule)}), suppressed ${suppressed}`);
  console.log(`Skipped: ${listCounts(skipped, (why, c) => `${c} ${why}`)}`);
  if (ruleErrors.length) console.log(`Rule errors (${ruleErrors.length}):\n  ${ruleErrors.slice(0, 10).join('\n  ')}`);

  console.log(`\nCLI: node ${cliArgs.join(' ')}`);
  console.log(`  wall ${Math.round(cli.wallMs)} ms median (runs: ${cli.runs.join(', ')} ms), exit code ${cli.status}, ${cli.linted} files linted, ${cli.findings} findings`);
  const cliCrashed = cliRuns.some((c) => c.status === null || c.status === 2 || c.findings === undefined);
  if (cliCrashed) console.log(`  WARNING: the CLI failed (exit ${cliRuns.map((c) => c.status ?? c.signal).join(', ')}): ${cliRuns[0].stderr.split('\n').slice(0, 5).join(' | ')}`);
  const disagree = cliRuns.some((c) => c.findings !== findings);
  if (disagree) console.log(`  WARNING: the CLI reports ${cliRuns.map((c) => c.findings).join(' / ')} findings, the in-process run ${findings}`);
  if (cli.linted !== parsed.length) console.log(`  WARNING: the CLI linted ${cli.linted} files, the in-process run parsed ${parsed.length}`);

  console.log(formatParallel(parallel, files.length));
  if (!parallel.sameOutput) console.log('  WARNING: --jobs 1 and the parallel run print different reports');

  const maxRssKb = process.resourceUsage().maxRSS;
  console.log(`\nDense Python script of ${scriptLines} lines re-linted after an edit, ${editSorted.length} runs: p50 ${n2(quantile(editSorted, 0.5))} ms, p95 ${n2(quantile(editSorted, 0.95))} ms, max ${n2(editSorted.at(-1))} ms (${scriptFindings} findings)`);
  const ratios = (lint, parse) => `lint / parse-only: p50 ${n2(quantile(lint, 0.5) / quantile(parse, 0.5))}x, p95 ${n2(quantile(lint, 0.95) / quantile(parse, 0.95))}x`;
  console.log(`  the same edits parsed and analysed only (no rule): p50 ${n2(quantile(editParseSorted, 0.5))} ms, p95 ${n2(quantile(editParseSorted, 0.95))} ms; ${ratios(editSorted, editParseSorted)}`);
  console.log(`Realistic training script of ${realistic.lines} lines (PyTorch code, SageMaker launcher) re-linted after an edit, ${realistic.sorted.length} runs: p50 ${n2(quantile(realistic.sorted, 0.5))} ms, p95 ${n2(quantile(realistic.sorted, 0.95))} ms, max ${n2(realistic.sorted.at(-1))} ms (${realistic.findings} findings)`);
  console.log(`  the same edits parsed and analysed only (no rule): p50 ${n2(quantile(realistic.parseSorted, 0.5))} ms, p95 ${n2(quantile(realistic.parseSorted, 0.95))} ms; ${ratios(realistic.sorted, realistic.parseSorted)}`);
  console.log(`  the CLI on that one file in a fresh process: ${Math.round(median(scriptCli))} ms wall (median of ${scriptCli.length})`);
  console.log(`Notebook of 200 code cells (${notebookLines} lines of .ipynb) re-linted after an edit, ${nbTimes.length} runs: p50 ${n2(quantile(nbSorted, 0.5))} ms, p95 ${n2(quantile(nbSorted, 0.95))} ms, max ${n2(nbSorted.at(-1))} ms (${nbFindings} findings)`);
  console.log(`  the same edits parsed and analysed only (no rule): p50 ${n2(quantile(nbParseSorted, 0.5))} ms, p95 ${n2(quantile(nbParseSorted, 0.95))} ms; ${ratios(nbSorted, nbParseSorted)}`);
  console.log(`  load average while measuring the three: ${loadBefore.map(n2).join(' ')} before, ${loadAfter.map(n2).join(' ')} after (${cpus.length} cores)`);
  console.log(`\nThe script's lint by rule (CPU ms, least of ${ruleTimes[0].length} interleaved rounds; a rule's cost is its lint alone minus no rule)`);
  const ruleRows = [['rules run', 'CPU ms', 'cost ms', 'findings']];
  ruleConfigs.forEach(([label], c) => ruleRows.push([label, n2(ruleLeast[c]), c === 0 ? '-' : n2(ruleLeast[c] - ruleLeast[0]), ruleFindings[c]]));
  console.log(table(ruleRows));
  console.log(`\nParsers loaded in ${n1(coldMs)} ms (tree-sitter runtime and the Python grammar, in this process)`);
  console.log(`\nMemory: RSS ${mb(rssStart)} MB at start, ${mb(rssLoaded)} MB with the corpus in memory, ${mb(rssEnd)} MB after the runs (peak ${mb(maxRssKb * 1024)} MB)`);
  console.log(`Node ${process.version}, ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${os.platform()} ${os.arch()}`);

  if (opts.json) {
    console.log(JSON.stringify({
      corpus: { files: files.length, lines: totalLines, bytes: totalBytes, parsed: parsed.length, seed },
      runs: perRun, median: summary,
      editor: {
        script: { lines: scriptLines, findings: scriptFindings, p50: quantile(editSorted, 0.5), p95: quantile(editSorted, 0.95), parseP50: quantile(editParseSorted, 0.5), parseP95: quantile(editParseSorted, 0.95) },
        realisticScript: { lines: realistic.lines, findings: realistic.findings, p50: quantile(realistic.sorted, 0.5), p95: quantile(realistic.sorted, 0.95), parseP50: quantile(realistic.parseSorted, 0.5), parseP95: quantile(realistic.parseSorted, 0.95) },
        notebook: { lines: notebookLines, findings: nbFindings, p50: quantile(nbSorted, 0.5), p95: quantile(nbSorted, 0.95), parseP50: quantile(nbParseSorted, 0.5), parseP95: quantile(nbParseSorted, 0.95) },
        byRule: Object.fromEntries(ruleConfigs.map(([label], c) => [label, { leastCpuMs: ruleLeast[c], findings: ruleFindings[c] }])),
        loadAverage: { before: loadBefore, after: loadAfter },
      },
      byKind, findings: { total: findings, byRule, suppressed }, skipped, ruleErrors, cli: { ...cli, agrees: !disagree }, parallel,
      memory: { rssStart, rssLoaded, rssEnd, maxRss: maxRssKb * 1024 }, node: process.version, cpu: cpus[0]?.model, cores: cpus.length,
    }, null, 2));
  }
  if (crashed || ruleErrors.length || cliCrashed || disagree || !parallel.sameOutput) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
