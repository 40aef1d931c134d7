#!/usr/bin/env node
// `npm run bench:gc`: what the editor's re-lint leaves to the garbage collector, engine against
// engine. The young generation's collections (scavenges) copy what is still alive and promote what
// survived one before; their cost grows with those bytes, not with the bytes allocated. This runs
// the flow of `npm run bench:editor` (the bench corpus, then the dense and the realistic 3,000-line
// scripts and the 200-cell notebook, re-linted after a one-string edit, each beside a parse-only
// pass) in a fresh process per engine under V8's `--trace-gc-nvp`, and prints per re-lint: the
// scavenges, the MB they copied and promoted, and their pause. Byte counts move far less with the
// machine's load than times do.
//
//   node scripts/bench-gc.mjs [--base DIR] [--root DIR] [--files 2000]
//
// --root measures another checkout's engine (its src/ bundled, its dist/ grammars); --base compares
// this checkout (B) with DIR (A).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { editorSources, ensureCorpus, loadEngine, relintCase } from './bench-lib.mjs';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({ options: { root: { type: 'string' }, base: { type: 'string' }, files: { type: 'string', default: '2000' }, child: { type: 'boolean', default: false } } });
const seed = 42;
const fileCount = Number(opts.files);
if (!(fileCount >= 20)) {
  console.error('--files must be at least 20');
  process.exit(2);
}
const cases = [
  ['dense', 'train.py', 'python'],
  ['realistic', 'realistic-train.py', 'python'],
  ['notebook', 'explore.ipynb', 'notebook'],
];
const edits = 65;

/** In the traced process: the flow, with a line before and after each case. */
async function child(root) {
  const { createLinter, resolveRuleSettings } = await loadEngine(root);
  const linter = createLinter({ locateWasm: (file) => path.join(root, 'dist', file) });
  const failures = await linter.prepare();
  if (failures.length) throw new Error(`cannot load parsers from ${root}/dist (bundle it first)`);
  const settings = resolveRuleSettings(linter.rules);
  const languageOf = new Map(linter.languages.map((l) => [l.format, l]));
  const parseOnlyText = (format, file, text) => {
    const outcome = languageOf.get(format).parse(text, file);
    if (outcome.ok) outcome.walk(() => {});
  };
  const manifest = ensureCorpus({ corpusDir: path.join(here, 'bench', 'corpus'), seed, count: fileCount });
  for (const f of manifest.files) {
    const file = path.join(here, 'bench', 'corpus', f.path);
    try {
      const text = fs.readFileSync(file, 'utf8');
      const format = linter.lint(file, text, { settings }).format;
      if (format) parseOnlyText(format, file, text);
    } catch {
      // as the editor bench: a file that fails counts for nothing
    }
  }
  const sources = editorSources(seed);
  for (const [name, file, format] of cases) {
    console.log(`bench-gc start ${name}`);
    relintCase({ linter, settings, parseOnlyText, name: file, format, text: sources[name] });
    console.log(`bench-gc end ${name}`);
  }
}

/** Runs the traced process for one engine: per case, its scavenges' figures per re-lint. */
function measure(root) {
  const run = spawnSync(process.execPath, ['--trace-gc-nvp', fileURLToPath(import.meta.url), '--child', '--root', root, '--files', String(fileCount)], { cwd: here, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`measuring ${root} failed: ${run.stderr.slice(0, 800)}`);
  const figures = {};
  let current;
  for (const line of run.stdout.split('\n')) {
    const mark = /^bench-gc (start|end) (\w+)$/.exec(line);
    if (mark) {
      current = mark[1] === 'start' ? (figures[mark[2]] = { scavenges: 0, copied: 0, promoted: 0, pause: 0 }) : undefined;
      continue;
    }
    if (!current || !/ gc=s /.test(line)) continue;
    const field = (name) => Number(new RegExp(` ${name}=([0-9.]+)`).exec(line)?.[1] ?? 0);
    current.scavenges++;
    current.copied += field('new_space_survived');
    current.promoted += field('promoted');
    current.pause += field('pause');
  }
  return figures;
}

const fmt = (figures) => `scavenges ${(figures.scavenges / edits).toFixed(2)}, copied ${(figures.copied / edits / 1e6).toFixed(2)} MB, promoted ${(figures.promoted / edits / 1e6).toFixed(2)} MB, pause ${(figures.pause / edits).toFixed(2)} ms`;

if (opts.child) await child(path.resolve(opts.root ?? here));
else if (opts.base) {
  const sides = { A: measure(path.resolve(opts.base)), B: measure(here) };
  console.log(`per re-lint (${edits} edits per case, each with its parse-only pass), A = ${path.resolve(opts.base)}, B = ${here}`);
  for (const [name] of cases) {
    const [a, b] = [sides.A[name], sides.B[name]];
    console.log(`  ${name.padEnd(9)} A: ${fmt(a)}\n  ${' '.repeat(9)} B: ${fmt(b)}  (copied + promoted B/A ${((b.copied + b.promoted) / (a.copied + a.promoted)).toFixed(2)})`);
  }
} else {
  const figures = measure(path.resolve(opts.root ?? here));
  console.log(`per re-lint (${edits} edits per case, each with its parse-only pass)`);
  for (const [name] of cases) console.log(`  ${name.padEnd(9)} ${fmt(figures[name])}`);
}
