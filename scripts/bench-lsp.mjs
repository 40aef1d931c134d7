// Through the LSP pipe: `greenml lsp --stdio` from dist/ driven by the test client over stdio.
// Prints the time from a didChange to the publishDiagnostics of that version for the
// 3,000-line scripts and the 200-cell notebook of `npm run bench` (beside the same lint in
// process), server start to first diagnostics, and the server's memory after the bench corpus.
// The extension's activation time is the host test's (`activation: N ms` in `npm run test:host`).
import * as fs from 'node:fs';
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
const runs = 60;
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
  const client = new LspClient(process.execPath, [path.join(root, 'dist', 'cli.js'), 'lsp', '--stdio']);
  client.onRequest('workspace/configuration', (p) => p.items.map(() => ({ lintDelay: 0 })));
  await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
  client.notify('initialized', {});
  const first = uri('first.yaml');
  client.notify('textDocument/didOpen', { textDocument: { uri: first, languageId: 'yaml', version: 1, text: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  L:\n    Type: AWS::Logs::LogGroup\n" } });
  await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === first);
  return { client, startMs: performance.now() - t };
}

async function scriptCase(client, name, text) {
  const u = uri(name);
  client.notify('textDocument/didOpen', { textDocument: { uri: u, languageId: 'python', version: 1, text } });
  await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === u && p.version === 1, 60_000);
  const times = [];
  for (let i = 0; i < runs + 5; i++) {
    const version = i + 2;
    const edited = text.replace('train.py', `train_${i}.py`);
    client.clearNotifications();
    const t = performance.now();
    client.notify('textDocument/didChange', { textDocument: { uri: u, version }, contentChanges: [{ text: edited }] });
    await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === u && p.version === version, 60_000);
    if (i >= 5) times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
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
  const times = [];
  for (let i = 0; i < runs + 5; i++) {
    const change = i % 2 === 0
      ? { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }
      : { range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' };
    client.clearNotifications();
    const t = performance.now();
    client.notify('notebookDocument/didChange', {
      notebookDocument: { uri: nb, version: i + 2 },
      change: { cells: { textContent: [{ document: { uri: cellUri(target), version: i + 2 }, changes: [change] }] } },
    });
    await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === cellUri(target), 60_000);
    if (i >= 5) times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

async function inProcess(text, fileName, edit) {
  const engine = await loadEngine(root);
  const linter = engine.createLinter({ locateWasm: (f) => path.join(root, 'dist', f) });
  await linter.prepare([fileName]);
  const settings = engine.resolveRuleSettings(linter.rules);
  const times = [];
  for (let i = 0; i < runs + 5; i++) {
    const edited = edit(text, i);
    const t = performance.now();
    linter.lint(fileName, edited, { settings });
    if (i >= 5) times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

const { client, startMs } = await start();
console.log(`Green ML language server (dist/cli.js lsp --stdio), ${runs} timed edits per case, load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`server start to first diagnostics: ${n2(startMs)} ms`);
const dense = python(prng(seed ^ 0x3000), 3000);
const realistic = trainingScript(prng(seed ^ 0x3001), 3000);
const cells = notebookCells();
const notebookJson = JSON.stringify({ cells: cells.map((c) => ({ cell_type: 'code', metadata: {}, source: c })), metadata: {}, nbformat: 4, nbformat_minor: 5 });
for (const [label, text, name] of [['dense 3,000-line script', dense, 'train.py'], ['realistic 3,000-line training script', realistic, 'realistic-train.py']]) {
  const lsp = await scriptCase(client, name, text);
  const local = await inProcess(text, name, (t, i) => t.replace('train.py', `train_${i}.py`));
  console.log(`${label}: didChange → publishDiagnostics p50 ${n2(q(lsp, 0.5))} ms, p95 ${n2(q(lsp, 0.95))} ms; in process p50 ${n2(q(local, 0.5))} ms, p95 ${n2(q(local, 0.95))} ms; pipe overhead at p95 ${n2(q(lsp, 0.95) - q(local, 0.95))} ms`);
}
const nbLsp = await notebookCase(client, cells);
const nbLocal = await inProcess(notebookJson, 'explore.ipynb', (t, i) => (i % 2 === 0 ? t.replace('"source":"', '"source":"# edited\\n') : t));
console.log(`200-cell notebook: notebookDocument/didChange → the edited cell's publishDiagnostics p50 ${n2(q(nbLsp, 0.5))} ms, p95 ${n2(q(nbLsp, 0.95))} ms; in process p50 ${n2(q(nbLocal, 0.5))} ms, p95 ${n2(q(nbLocal, 0.95))} ms`);
console.log(`server memory after the bench corpus: RSS ${n2(rss(client.pid, 'VmRSS'))} MB (peak ${n2(rss(client.pid, 'VmHWM'))} MB)`);
await client.close();
