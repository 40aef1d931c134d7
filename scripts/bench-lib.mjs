// Shared by the benchmark scripts (npm run bench, bench:cdk, bench:editor).
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { countLines, hostile, kinds, prng, python, trainingScript } from '../bench/generators.mjs';

const generatorsFile = fileURLToPath(new URL('../bench/generators.mjs', import.meta.url));

/**
 * Bundles the engine from the sources with esbuild (as `npm run bundle` does), so no tsc output is
 * needed: `createLinter`, `resolveRuleSettings` and `detectFormat`, and the exports of
 * `src/core/applyFixes` named in `fixExports`.
 */
export async function loadEngine(root, fixExports = []) {
  const esbuild = createRequire(path.join(root, 'package.json'))('esbuild');
  const fixes = fixExports.length ? `export { ${fixExports.join(', ')} } from './src/core/applyFixes';\n` : '';
  const entry = `export { createLinter } from './src/linter';\nexport { resolveRuleSettings } from './src/core/config';\nexport { detectFormat } from './src/core/formats';\n${fixes}`;
  const built = await esbuild.build({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' }, write: false, logLevel: 'warning' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-bench-'));
  try {
    fs.writeFileSync(path.join(dir, 'engine.cjs'), built.outputFiles[0].text);
    return createRequire(import.meta.url)(path.join(dir, 'engine.cjs'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The median (the mean of the two middle values for an even count). */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * The benchmark corpus under `corpusDir` (bench/generators.mjs, seeded, no network): reused while
 * the seed, the count and the generating scripts are unchanged, written again otherwise.
 */
export function ensureCorpus({ corpusDir, seed, count: fileCount }) {
  const manifestFile = path.join(corpusDir, '.bench-manifest');
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

/**
 * The editor's files (seeded): a dense 3,000-line script (a SageMaker call every few lines), a
 * realistic 3,000-line training script (PyTorch code, a launcher with a dozen SageMaker calls)
 * and a notebook of 200 code cells.
 */
export function editorSources(seed) {
  const nbRandom = prng(seed ^ 0x200);
  const cells = [{ cell_type: 'markdown', metadata: {}, source: ['# 200 cells\n'] }];
  for (let i = 0; i < 200; i++) {
    const code = (i === 0 ? python(nbRandom, 20) : python(nbRandom, 28).split('\n').slice(16).join('\n')).replace(/\n+$/, '');
    cells.push({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: (i % 10 === 0 ? `%pip install -q sagemaker\n${code}` : code).split(/(?<=\n)/) });
  }
  const notebook = JSON.stringify({ cells, metadata: { kernelspec: { language: 'python', name: 'python3' } }, nbformat: 4, nbformat_minor: 5 }, null, 1) + '\n';
  return { dense: python(prng(seed ^ 0x3000), 3000), realistic: trainingScript(prng(seed ^ 0x3001), 3000), notebook };
}

/**
 * The editor's case: `text` re-linted after each of 65 edits (warm parser; the first 5 not
 * counted). Each edit is also parsed alone under another file name (its incremental re-parse is
 * its own), so the ratio of the two, run for run, is what the rules add whatever the load.
 * Returns the sorted wall times of both, the lint's CPU times (which the load of a shared machine
 * inflates less than the wall times) and the findings of the last lint. `idle`, if given, runs
 * before each lint, untimed: what the language server does between edits (it collects the young
 * generation while idle, src/server/idleCollection.ts).
 */
export function relintCase({ linter, settings, parseOnlyText, name, format, text, idle }) {
  const [from, to] = format === 'notebook' ? ['entry_point=\\"train.py\\"', (i) => `entry_point=\\"train_${i}.py\\"`] : ['entry_point="train.py"', (i) => `entry_point="train_${i}.py"`];
  const times = [], parseTimes = [], cpuTimes = [];
  let findings = 0;
  for (let i = 0; i < 65; i++) {
    const edited = text.replace(from, to(i));
    idle?.();
    const t = performance.now(), cpu = process.cpuUsage();
    findings = linter.lint(name, edited, { settings }).findings.length;
    const used = process.cpuUsage(cpu);
    if (i >= 5) times.push(performance.now() - t);
    if (i >= 5) cpuTimes.push((used.user + used.system) / 1000);
    const p = performance.now();
    parseOnlyText(format, `parse-only-${name}`, edited);
    if (i >= 5) parseTimes.push(performance.now() - p);
  }
  return { lines: countLines(text), findings, sorted: times.sort((a, b) => a - b), parseSorted: parseTimes.sort((a, b) => a - b), cpuSorted: cpuTimes.sort((a, b) => a - b) };
}
