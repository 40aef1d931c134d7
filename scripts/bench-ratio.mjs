#!/usr/bin/env node
// `npm run bench:ratio -- --base DIR`: the corpus lint / parse-only ratio of this checkout (B)
// against another (A), measured so that the machine's own drift cancels out. Each engine runs in a
// process of its own (its own heap and collector), and both are driven file by file in lockstep:
// for every file of the bench corpus, A's lint, A's parse-only, B's lint and B's parse-only, in an
// order that rotates from file to file, so a slow or fast moment of the machine falls on all four.
// A first pass warms each process and is not counted. Since each process's compiled code differs a
// little from the next one's, the whole is repeated in fresh process pairs (--processes) and the
// sums of all of them give the figure; each pair's own figure is printed too, as the spread.
// Prints figures only; it never judges them.
//
//   node scripts/bench-ratio.mjs --base DIR [--processes 3] [--passes 3] [--files 2000] [--seed 42] [--json]
//
// DIR is another checkout with its node_modules and its dist/ grammars (npm run bundle there).
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureCorpus, loadEngine } from './bench-lib.mjs';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = path.join(here, 'bench', 'corpus');
const { values: opts } = parseArgs({
  options: {
    base: { type: 'string' },
    processes: { type: 'string', default: '3' },
    passes: { type: 'string', default: '3' },
    files: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '42' },
    json: { type: 'boolean', default: false },
    child: { type: 'string' },
  },
});
const seed = Number(opts.seed) >>> 0;
const fileCount = Number(opts.files);

/** In a child: one engine, answering `lint`/`parse` of file i with the milliseconds it took. */
async function child(root) {
  const manifest = ensureCorpus({ corpusDir, seed, count: fileCount });
  const files = manifest.files.map((f) => {
    const file = path.join(corpusDir, f.path);
    return { file, text: fs.readFileSync(file, 'utf8') };
  });
  const { createLinter, resolveRuleSettings } = await loadEngine(root);
  const linter = createLinter({ locateWasm: (file) => path.join(root, 'dist', file) });
  const failures = await linter.prepare();
  if (failures.length) throw new Error(`cannot load parsers under ${root} (npm run bundle there): ${failures.map((f) => f.message).join('; ')}`);
  const settings = resolveRuleSettings(linter.rules);
  const languageOf = new Map(linter.languages.map((l) => [l.format, l]));
  // A file the engine crashes on is skipped alike on both sides (the lint pass of npm run bench reports it).
  const lint = (f) => {
    try {
      return linter.lint(f.file, f.text, { settings });
    } catch {
      return undefined;
    }
  };
  const parse = (f) => {
    try {
      const outcome = languageOf.get(f.format).parse(f.text, f.file);
      if (outcome.ok) outcome.walk(() => {});
    } catch {
      // counted by the lint
    }
  };
  for (const f of files) f.format = lint(f)?.format;
  process.on('message', (m) => {
    if (m.op === 'formats') return process.send({ formats: files.map((f) => f.format ?? null) });
    if (m.op === 'exit') return process.exit(0);
    const f = files[m.i];
    const t = performance.now();
    if (m.op === 'lint') lint(f);
    else parse(f);
    process.send({ ms: performance.now() - t });
  });
  process.send({ ready: true });
}

function start(name, root) {
  const proc = fork(fileURLToPath(import.meta.url), ['--child', root, '--files', String(fileCount), '--seed', String(seed)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let pending;
  let failed;
  proc.on('message', (m) => {
    const resolve = pending;
    pending = undefined;
    resolve?.(m);
  });
  proc.on('exit', (code) => {
    if (pending) failed = new Error(`the ${name} process (${root}) exited with ${code}`);
    pending?.(undefined);
  });
  const ask = (message) =>
    new Promise((resolve, reject) => {
      pending = (m) => (m === undefined ? reject(failed) : resolve(m));
      proc.send(message);
    });
  const ready = new Promise((resolve, reject) => (pending = (m) => (m === undefined ? reject(failed) : resolve(m))));
  return { name, proc, ask, ready };
}

/** One process pair: the sums per side, per format and operation, over the counted passes. */
async function pair(baseRoot, passes) {
  const sides = [start('A', baseRoot), start('B', here)];
  for (const side of sides) await side.ready;
  const { formats } = await sides[1].ask({ op: 'formats' });
  const files = formats.flatMap((format, i) => (format ? [{ format, i }] : []));
  const ops = sides.flatMap((side) => [
    [side, 'lint'],
    [side, 'parse'],
  ]);
  const sums = {};
  let k = 0;
  for (let pass = 0; pass <= passes; pass++) {
    for (const { format, i } of files) {
      k++;
      for (let j = 0; j < ops.length; j++) {
        const [side, op] = ops[(j + k) % ops.length];
        const { ms } = await side.ask({ op, i });
        if (pass === 0) continue;
        const s = ((sums[format] ??= {})[side.name] ??= { lint: 0, parse: 0 });
        s[op] += ms;
      }
    }
  }
  for (const side of sides) side.proc.send({ op: 'exit' });
  return { files: files.length, sums };
}

function totals(sums) {
  const t = { A: { lint: 0, parse: 0 }, B: { lint: 0, parse: 0 } };
  for (const bySide of Object.values(sums)) for (const side of ['A', 'B']) for (const op of ['lint', 'parse']) t[side][op] += bySide[side][op];
  return t;
}

const ratioOf = (s) => s.lint / s.parse;

async function main() {
  if (!opts.base) {
    console.error('bench-ratio: --base DIR is required (the checkout to compare with)');
    process.exit(2);
  }
  const baseRoot = path.resolve(opts.base);
  const processes = Number(opts.processes);
  const passes = Number(opts.passes);
  if (!(processes >= 1 && passes >= 1 && fileCount >= 20)) {
    console.error('bench-ratio: --processes and --passes must be at least 1, --files at least 20');
    process.exit(2);
  }
  ensureCorpus({ corpusDir, seed, count: fileCount });
  const pairs = [];
  for (let p = 0; p < processes; p++) {
    const result = await pair(baseRoot, passes);
    pairs.push(result);
    const t = totals(result.sums);
    if (!opts.json) console.log(`pair ${p + 1}: A ${ratioOf(t.A).toFixed(3)}  B ${ratioOf(t.B).toFixed(3)}  B/A ${(ratioOf(t.B) / ratioOf(t.A)).toFixed(3)}`);
  }
  // All pairs summed, per format and overall.
  const all = {};
  for (const { sums } of pairs) {
    for (const [format, bySide] of Object.entries(sums)) {
      for (const side of ['A', 'B']) {
        const s = ((all[format] ??= {})[side] ??= { lint: 0, parse: 0 });
        s.lint += bySide[side].lint;
        s.parse += bySide[side].parse;
      }
    }
  }
  const t = totals(all);
  const perPair = pairs.map(({ sums }) => {
    const p = totals(sums);
    return ratioOf(p.B) / ratioOf(p.A);
  });
  const summary = {
    base: baseRoot,
    files: pairs[0].files,
    processes,
    passes,
    formats: Object.fromEntries(Object.entries(all).map(([format, s]) => [format, { A: { ...s.A, ratio: ratioOf(s.A) }, B: { ...s.B, ratio: ratioOf(s.B) }, bOverA: ratioOf(s.B) / ratioOf(s.A) }])),
    A: { ...t.A, ratio: ratioOf(t.A) },
    B: { ...t.B, ratio: ratioOf(t.B) },
    bOverA: ratioOf(t.B) / ratioOf(t.A),
    perPair,
  };
  if (opts.json) {
    console.log(JSON.stringify(summary, null, 2));
    return;
  }
  console.log(`\n${summary.files} files, ${processes} process pairs × ${passes} counted passes (lint ms / parse-only ms, ratio)`);
  for (const [format, f] of Object.entries(summary.formats)) {
    console.log(`  ${format.padEnd(10)} A ${f.A.lint.toFixed(0).padStart(7)}/${f.A.parse.toFixed(0).padStart(7)} ${f.A.ratio.toFixed(3)}   B ${f.B.lint.toFixed(0).padStart(7)}/${f.B.parse.toFixed(0).padStart(7)} ${f.B.ratio.toFixed(3)}`);
  }
  console.log(`  ${'total'.padEnd(10)} A ${t.A.lint.toFixed(0).padStart(7)}/${t.A.parse.toFixed(0).padStart(7)} ${summary.A.ratio.toFixed(3)}   B ${t.B.lint.toFixed(0).padStart(7)}/${t.B.parse.toFixed(0).padStart(7)} ${summary.B.ratio.toFixed(3)}`);
  console.log(`corpus lint / parse-only, B against A: ${summary.bOverA.toFixed(3)} (pairs: ${perPair.map((r) => r.toFixed(3)).join(', ')}); lint ms B/A ${(t.B.lint / t.A.lint).toFixed(3)}, parse-only ms B/A ${(t.B.parse / t.A.parse).toFixed(3)}`);
}

if (opts.child) {
  child(opts.child).catch((err) => {
    console.error(`bench-ratio: ${err.message}`);
    process.exit(1);
  });
} else {
  main().catch((err) => {
    console.error(`bench-ratio: ${err.message}`);
    process.exit(1);
  });
}
