#!/usr/bin/env node
// `npm run bench:editor`: the figures the engine's speed budget is judged on, alone and quick:
// the editor's re-lint p50/p95 (the dense and the realistic 3,000-line scripts, the 200-cell
// notebook, as `npm run bench` measures them) and the corpus's lint / parse-only ratio.
//
//   node scripts/bench-editor.mjs [--root DIR] [--runs 3] [--json]
//   node scripts/bench-editor.mjs --base DIR [--rounds 4] [--runs 3] [--skip-corpus]
//        [--node-flags '--max-semi-space-size=32'] [--b-node-flags '...'] [--idle-gc]
//
// --root lints with the engine of another checkout (its src/ bundled, its dist/ grammars; run its
// bundle script first) on this checkout's corpus and editor files, so two commits are measured on
// the same input by the same code. --base compares this checkout (B) with DIR (A): rounds of one
// fresh process each, interleaved A,B,B,A,A,B… so load drift on a shared machine hits both alike,
// then the median of the rounds per side and their ratio, with the load averages around them.
// --node-flags runs both sides' processes with those V8 flags; --b-node-flags gives B its own (to
// compare a configuration with the engine as it was). --idle-gc collects the young generation
// before each timed edit, untimed, on both sides: the language server's scheduling, which collects
// while idle (src/server/idleCollection.ts), as the editor's re-lint now runs in the server.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { editorSources, ensureCorpus, loadEngine, median, relintCase } from './bench-lib.mjs';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: { root: { type: 'string' }, base: { type: 'string' }, rounds: { type: 'string', default: '4' }, runs: { type: 'string', default: '3' }, files: { type: 'string', default: '2000' }, seed: { type: 'string', default: '42' }, json: { type: 'boolean', default: false }, 'skip-corpus': { type: 'boolean', default: false }, 'node-flags': { type: 'string', default: '' }, 'b-node-flags': { type: 'string' }, 'idle-gc': { type: 'boolean', default: false } },
});
const seed = Number(opts.seed) >>> 0, runs = Number(opts.runs), rounds = Number(opts.rounds), fileCount = Number(opts.files);
if (!(runs >= 1 && rounds >= 1 && fileCount >= 20)) throw new Error('--runs and --rounds must be at least 1, --files at least 20');
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const n2 = (x) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(2) : '-');

/** One engine, measured once: the figures as numbers. */
async function measure(root) {
  const manifest = opts['skip-corpus'] ? { files: [] } : ensureCorpus({ corpusDir: path.join(here, 'bench', 'corpus'), seed, count: fileCount });
  const { createLinter, resolveRuleSettings } = await loadEngine(root);
  const linter = createLinter({ locateWasm: (file) => path.join(root, 'dist', file) });
  const failures = await linter.prepare();
  if (failures.length) throw new Error(`cannot load parsers from ${root}/dist (bundle it first): ${failures.map((f) => f.message).join('; ')}`);
  const settings = resolveRuleSettings(linter.rules);
  const languageOf = new Map(linter.languages.map((l) => [l.format, l]));
  const parseOnlyText = (format, file, text) => {
    const outcome = languageOf.get(format).parse(text, file);
    if (outcome.ok) outcome.walk(() => {});
  };

  // The corpus: lint and parse-only over the files a language parses, interleaved run for run.
  const files = manifest.files.map((f) => {
    const file = path.join(here, 'bench', 'corpus', f.path);
    return { file, text: fs.readFileSync(file, 'utf8') };
  });
  const lint = (f) => {
    try { return linter.lint(f.file, f.text, { settings }); } catch { return {}; }
  };
  files.forEach((f) => (f.format = lint(f).format));
  const parsed = files.filter((f) => f.format);
  const parseOnly = (f) => {
    try { parseOnlyText(f.format, f.file, f.text); } catch { /* as the lint pass */ }
  };
  parsed.forEach(parseOnly);
  const ratios = [];
  for (let run = 0; run < (opts['skip-corpus'] ? 0 : runs); run++) {
    let t = performance.now();
    parsed.forEach(lint);
    const lintMs = performance.now() - t;
    t = performance.now();
    parsed.forEach(parseOnly);
    const parseMs = performance.now() - t;
    ratios.push({ lintMs, parseMs, ratio: lintMs / parseMs });
  }

  const sources = editorSources(seed);
  const load = os.loadavg();
  const idle = opts['idle-gc'] ? () => globalThis.gc({ type: 'minor' }) : undefined;
  if (idle && typeof globalThis.gc !== 'function') throw new Error('--idle-gc needs node --expose-gc (the --base mode passes it)');
  const cases = {
    dense: relintCase({ linter, settings, parseOnlyText, name: 'train.py', format: 'python', text: sources.dense, idle }),
    realistic: relintCase({ linter, settings, parseOnlyText, name: 'realistic-train.py', format: 'python', text: sources.realistic, idle }),
    notebook: relintCase({ linter, settings, parseOnlyText, name: 'explore.ipynb', format: 'notebook', text: sources.notebook, idle }),
  };
  const figures = { ratio: ratios.length ? median(ratios.map((r) => r.ratio)) : NaN, lintMs: median(ratios.map((r) => r.lintMs)), parseMs: median(ratios.map((r) => r.parseMs)), parsedFiles: parsed.length };
  for (const [name, c] of Object.entries(cases)) Object.assign(figures, { [`${name}P50`]: quantile(c.sorted, 0.5), [`${name}P95`]: quantile(c.sorted, 0.95), [`${name}ParseP95`]: quantile(c.parseSorted, 0.95), [`${name}CpuP50`]: quantile(c.cpuSorted, 0.5), [`${name}CpuP95`]: quantile(c.cpuSorted, 0.95), [`${name}Findings`]: c.findings });
  return { root, figures, load: [load, os.loadavg()] };
}

const labels = { ratio: 'corpus lint / parse-only', lintMs: 'corpus lint ms', parseMs: 'corpus parse-only ms', denseP95: 'dense script re-lint p95 ms', realisticP95: 'realistic script re-lint p95 ms', notebookP95: 'notebook re-lint p95 ms', denseP50: 'dense script re-lint p50 ms', realisticP50: 'realistic script re-lint p50 ms', notebookP50: 'notebook re-lint p50 ms', denseParseP95: 'dense script parse-only p95 ms', realisticParseP95: 'realistic parse-only p95 ms', notebookParseP95: 'notebook parse-only p95 ms', denseCpuP50: 'dense script re-lint CPU p50 ms', denseCpuP95: 'dense script re-lint CPU p95 ms', realisticCpuP50: 'realistic re-lint CPU p50 ms', realisticCpuP95: 'realistic re-lint CPU p95 ms', notebookCpuP50: 'notebook re-lint CPU p50 ms', notebookCpuP95: 'notebook re-lint CPU p95 ms' };

async function compare(base) {
  const sides = { A: path.resolve(base), B: here };
  const results = { A: [], B: [] };
  const loadBefore = os.loadavg();
  for (let round = 0; round < rounds; round++) {
    for (const side of round % 2 ? ['B', 'A'] : ['A', 'B']) {
      const flags = (side === 'B' ? (opts['b-node-flags'] ?? opts['node-flags']) : opts['node-flags']).split(/\s+/).filter(Boolean);
      if (opts['idle-gc']) flags.push('--expose-gc');
      const child = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), '--root', sides[side], '--runs', String(runs), '--files', String(fileCount), '--seed', String(seed), '--json', ...(opts['skip-corpus'] ? ['--skip-corpus'] : []), ...(opts['idle-gc'] ? ['--idle-gc'] : [])], { cwd: here, encoding: 'utf8', maxBuffer: 1 << 26 });
      if (child.status !== 0) throw new Error(`measuring ${sides[side]} failed: ${child.stderr.slice(0, 800)}`);
      const out = JSON.parse(child.stdout.trim().split('\n').at(-1));
      results[side].push(out);
      console.log(`round ${round + 1} ${side}: ${['ratio', 'denseP95', 'realisticP95', 'notebookP95', 'denseCpuP50', 'realisticCpuP50', 'notebookCpuP50'].map((k) => `${k} ${n2(out.figures[k])}`).join(', ')} (load ${out.load[0].map(n2).join(' ')})`);
    }
  }
  const loadAfter = os.loadavg();
  console.log(`\nA = ${sides.A}${opts['node-flags'] ? ` (node ${opts['node-flags']})` : ''}\nB = ${sides.B}${(opts['b-node-flags'] ?? opts['node-flags']) ? ` (node ${opts['b-node-flags'] ?? opts['node-flags']})` : ''}\nmedian of ${rounds} rounds per side (each a fresh process${opts['idle-gc'] ? ', the young generation collected before each timed edit' : ''}), B / A:`);
  for (const [key, label] of Object.entries(labels)) {
    const [a, b] = ['A', 'B'].map((s) => median(results[s].map((r) => r.figures[key])));
    console.log(`  ${label.padEnd(34)} A ${n2(a).padStart(7)}  B ${n2(b).padStart(7)}  B/A ${n2(b / a)}`);
  }
  for (const key of ['denseFindings', 'realisticFindings', 'notebookFindings', 'parsedFiles']) console.log(`  ${key}: A ${results.A[0].figures[key]}, B ${results.B[0].figures[key]}`);
  console.log(`load average: ${loadBefore.map(n2).join(' ')} before, ${loadAfter.map(n2).join(' ')} after (${os.cpus().length} cores)`);
}

if (opts.base) await compare(opts.base);
else {
  const out = await measure(path.resolve(opts.root ?? here));
  if (opts.json) console.log(JSON.stringify(out));
  else for (const [key, label] of Object.entries(labels)) console.log(`${label}: ${n2(out.figures[key])}`);
}
