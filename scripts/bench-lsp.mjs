// Through the LSP pipe: `greenml lsp --stdio` from dist/ driven by the test client over stdio.
// Prints the time from a didChange to the publishDiagnostics of that version for the
// 3,000-line scripts and the 200-cell notebook of `npm run bench` (beside the same lint in
// process, the two interleaved edit by edit so that both see the same load on a shared machine),
// server start to first diagnostics, and the server's memory after the bench corpus.
// The extension's activation time is the host test's (`activation: N ms` in `npm run test:host`).
//
//   node scripts/bench-lsp.mjs [--runs N] [--gap MS]
//
// The in-process side runs with the bench's node flags (none by default); the server's, with
// GREENML_BENCH_SERVER_NODE_ARGS (none by default either).
import * as fs from 'node:fs';
import * as os from 'node:os';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadEngine } from './bench-lib.mjs';
import { prng, python, trainingScript } from '../bench/generators.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { LspClient } = require(path.join(root, 'out', 'test', 'server', 'lspClient.js'));
const seed = 20240611;
// Timed edits per case (`--runs N`): 60 by default; a p95 over more edits moves less from run to run.
const runsAt = process.argv.indexOf('--runs');
const runs = runsAt === -1 ? 60 : Number(process.argv[runsAt + 1]);
if (!(Number.isInteger(runs) && runs >= 20)) {
  console.error('--runs takes a whole number of at least 20');
  process.exit(2);
}
// A quiet time before each timed edit (`--gap MS`, 0 by default): what a server does while idle
// (the young generation it collects then) is then done before either side is timed, as between
// keystrokes in an editor, rather than beside the next in-process lint on a shared machine.
const gapAt = process.argv.indexOf('--gap');
const gapMs = gapAt === -1 ? 0 : Number(process.argv[gapAt + 1]);
if (!(Number.isFinite(gapMs) && gapMs >= 0)) {
  console.error('--gap takes a number of milliseconds');
  process.exit(2);
}
const n2 = (x) => x.toFixed(2);
const q = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const uri = (name) => `file://${path.join(root, 'bench', name)}`;

/** The process's resident memory now (`VmRSS`) or at its peak (`VmHWM`), in MB. */
function rss(pid, field) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return NaN;
  }
}

async function start() {
  const t = performance.now();
  // GREENML_BENCH_SERVER_NODE_ARGS: flags for the server's node (to profile it: --cpu-prof --cpu-prof-dir=DIR).
  const nodeArgs = (process.env.GREENML_BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  // GREENML_BENCH_SERVER: another build's dist/cli.js (to compare two servers on the same machine).
  const client = new LspClient(process.execPath, [...nodeArgs, process.env.GREENML_BENCH_SERVER ?? path.join(root, 'dist', 'cli.js'), 'lsp', '--stdio']);
  client.onRequest('workspace/configuration', (p) => p.items.map(() => ({ lintDelay: 0 })));
  await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
  client.notify('initialized', {});
  const first = uri('first.yaml');
  client.notify('textDocument/didOpen', { textDocument: { uri: first, languageId: 'yaml', version: 1, text: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  L:\n    Type: AWS::Logs::LogGroup\n" } });
  await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === first);
  return { client, startMs: performance.now() - t };
}

/** Opens a script in the server; each step times one edit: didChange → the publishDiagnostics of its version. */
async function scriptCase(client, name, text) {
  const u = uri(name);
  client.notify('textDocument/didOpen', { textDocument: { uri: u, languageId: 'python', version: 1, text } });
  await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === u && p.version === 1, 60_000);
  let version = 1;
  return async (i) => {
    version++;
    const edited = text.replace('train.py', `train_${i}.py`);
    client.clearNotifications();
    const t = performance.now();
    client.notify('textDocument/didChange', { textDocument: { uri: u, version }, contentChanges: [{ text: edited }] });
    const expected = version;
    await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === u && p.version === expected, 60_000);
    return performance.now() - t;
  };
}

function notebookCells() {
  const r = prng(seed ^ 0x200);
  const cells = [];
  for (let i = 0; i < 200; i++) {
    const code = (i === 0 ? python(r, 20) : python(r, 28).split('\n').slice(16).join('\n')).replace(/\n+$/, '');
    cells.push(i % 10 === 0 ? `%pip install -q sagemaker\n${code}` : code);
  }
  return cells;
}

/** Opens the notebook in the server; each step times one edit of a cell: didChange → that cell's publishDiagnostics. */
async function notebookCase(client, cells) {
  const nb = uri('explore.ipynb');
  const cellUri = (i) => `vscode-notebook-cell:${nb.slice('file://'.length)}#c${i}`;
  client.notify('notebookDocument/didOpen', {
    notebookDocument: { uri: nb, notebookType: 'jupyter-notebook', version: 1, cells: cells.map((_, i) => ({ kind: 2, document: cellUri(i) })) },
    cellTextDocuments: cells.map((text, i) => ({ uri: cellUri(i), languageId: 'python', version: 1, text })),
  });
  const last = cellUri(cells.length - 1);
  await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === last, 60_000);
  // The server publishes again only the cells whose diagnostics changed: the edited cell is one
  // with findings, and each edit adds or removes a line at its top, which moves them.
  const withFindings = client.notificationsOf('textDocument/publishDiagnostics').filter((p) => p.diagnostics.length).map((p) => p.uri);
  const target = Math.max(0, cells.findIndex((c, i) => c.includes('train.py') && withFindings.includes(cellUri(i))), cells.findIndex((_, i) => withFindings.includes(cellUri(i))));
  let version = 1;
  return async (i) => {
    version++;
    const change = i % 2 === 0
      ? { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }
      : { range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' };
    client.clearNotifications();
    const t = performance.now();
    client.notify('notebookDocument/didChange', {
      notebookDocument: { uri: nb, version },
      change: { cells: { textContent: [{ document: { uri: cellUri(target), version }, changes: [change] }] } },
    });
    await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === cellUri(target), 60_000);
    return performance.now() - t;
  };
}

/** The same lint in this process (the engine alone, as `npm run bench` times it); each step times one. */
async function inProcess(text, fileName, edit) {
  const engine = await loadEngine(root);
  const linter = engine.createLinter({ locateWasm: (f) => path.join(root, 'dist', f) });
  await linter.prepare([fileName]);
  const settings = engine.resolveRuleSettings(linter.rules);
  return async (i) => {
    const edited = edit(text, i);
    const t = performance.now();
    linter.lint(fileName, edited, { settings });
    return performance.now() - t;
  };
}

/**
 * The edits through the pipe and in process, interleaved (one of each in turn, the first of a
 * pair alternating): on a shared machine both see the same load, so their difference is the pipe's.
 */
async function interleaved(pipe, local, serverPid) {
  const lsp = [];
  const own = [];
  let serverStart = 0;
  let ownCpu = 0;
  for (let i = 0; i < runs + 5; i++) {
    // The server's CPU over all the timed edits: what it does between them (while idle) counts too.
    if (i === 5) serverStart = cpuMs(serverPid);
    const order = i % 2 ? [[local, own], [pipe, lsp]] : [[pipe, lsp], [local, own]];
    for (const [step, times] of order) {
      if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
      const mine = process.cpuUsage();
      const ms = await step(i);
      if (i < 5) continue;
      times.push(ms);
      if (step === local) {
        const used = process.cpuUsage(mine);
        ownCpu += (used.user + used.system) / 1000;
      }
    }
  }
  // Its idle-time work after the last edit.
  await new Promise((r) => setTimeout(r, 50));
  const serverCpu = cpuMs(serverPid) - serverStart;
  return [lsp.sort((a, b) => a - b), own.sort((a, b) => a - b), serverCpu / runs, ownCpu / runs];
}

/** CPU time (user + system) a process has used, in ms (Linux: /proc/PID/stat, in clock ticks of 10 ms); NaN elsewhere. */
function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const { client, startMs } = await start();
console.log(`Green ML language server (dist/cli.js lsp --stdio), ${runs} timed edits per case, each beside the same lint in process (interleaved${gapMs ? `, ${gapMs} ms quiet before each` : ''}); load average ${load()}`);
console.log(`server start to first diagnostics: ${n2(startMs)} ms`);
const dense = python(prng(seed ^ 0x3000), 3000);
const realistic = trainingScript(prng(seed ^ 0x3001), 3000);
const cells = notebookCells();
const notebookJson = JSON.stringify({ cells: cells.map((c) => ({ cell_type: 'code', metadata: {}, source: c })), metadata: {}, nbformat: 4, nbformat_minor: 5 });
// CPU per edit: the server's (the message read, the lint, the diagnostics written, and what it
// does while idle: all its CPU over the timed edits of the case) against the engine's in process. On a busy machine the wall times add the waits for a core at each hand-off
// between the two processes; the CPU times do not.
const row = (label, what, [lsp, local, serverCpu, localCpu]) =>
  console.log(`${label}: ${what} p50 ${n2(q(lsp, 0.5))} ms, p95 ${n2(q(lsp, 0.95))} ms; in process p50 ${n2(q(local, 0.5))} ms, p95 ${n2(q(local, 0.95))} ms; added by the pipe: p50 ${n2(q(lsp, 0.5) - q(local, 0.5))} ms, p95 ${n2(q(lsp, 0.95) - q(local, 0.95))} ms; CPU per edit: server ${serverCpu.toFixed(1)} ms, in process ${localCpu.toFixed(1)} ms (load ${load()})`);
for (const [label, text, name] of [['dense 3,000-line script', dense, 'train.py'], ['realistic 3,000-line training script', realistic, 'realistic-train.py']]) {
  const pipe = await scriptCase(client, name, text);
  const local = await inProcess(text, name, (t, i) => t.replace('train.py', `train_${i}.py`));
  row(label, 'didChange → publishDiagnostics', await interleaved(pipe, local, client.pid));
}
const nbPipe = await notebookCase(client, cells);
const nbLocal = await inProcess(notebookJson, 'explore.ipynb', (t, i) => (i % 2 === 0 ? t.replace('"source":"', '"source":"# edited\\n') : t));
row('200-cell notebook', "notebookDocument/didChange → the edited cell's publishDiagnostics", await interleaved(nbPipe, nbLocal, client.pid));
console.log(`server memory after the bench corpus: RSS ${n2(rss(client.pid, 'VmRSS'))} MB (peak ${n2(rss(client.pid, 'VmHWM'))} MB)`);
await client.close();
