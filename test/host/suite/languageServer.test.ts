import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import * as vscode from 'vscode';
import type { CpuProfile } from '../../kit/loopProfile';
import { busiestTurnOf, latenessOf } from '../../kit/loopProfile';
import { profiled } from './cpuProfile';
import type { LagReport } from './lagProbe';
import { LagProbe } from './lagProbe';
import { activateExtension, codeOf, extensionId, log, openInEditor, waitForDiagnostics } from './helpers';

interface StressCase {
  name: string;
  file: string;
  make(bytes: number): string;
}

/** The stress inputs of `npm run bench:stress` (bench/stress.mjs, an ES module). */
async function stressCases(): Promise<StressCase[]> {
  const file = path.resolve(__dirname, '../../../../bench/stress.mjs');
  // A real import(): the test build turns `import()` into `require()`, which cannot load an ES module.
  const load = new Function('url', 'return import(url)') as (url: string) => Promise<{ stressCases: StressCase[] }>;
  return (await load(pathToFileURL(file).href)).stressCases;
}

async function until(what: string, test: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const serverState = (): Thenable<string> => vscode.commands.executeCommand<string>('greenml.test.languageServerState');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

type Lag = LagReport & { ms: number };

/** A CPU profile with what the probe saw over it, as written to GREENML_PROFILE_DIR (for reading what held the loop). */
function profileFile(name: string, profile: CpuProfile, lag: LagReport): void {
  const dir = process.env.GREENML_PROFILE_DIR;
  if (dir) fs.writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify({ ...profile, probe: lag }));
}

/** With GREENML_PROFILE_DIR set: `run` under a CPU profile of the extension host, written there as `name`.cpuprofile. */
async function maybeProfiled<T extends Lag>(name: string, run: () => Promise<T>): Promise<T> {
  if (!process.env.GREENML_PROFILE_DIR) return run();
  const { result, profile } = await profiled(run);
  profileFile(name, profile, result);
  return result;
}

/** Runs `run` with a probe of the extension host's event loop on (a 5 ms timer's lateness). */
async function probe<T>(run: () => Promise<T>): Promise<Lag & { result: T }> {
  const lag = new LagProbe();
  const t = Date.now();
  try {
    const result = await run();
    return { result, ...lag.stop(), ms: Date.now() - t };
  } finally {
    lag.stop();
  }
}

/** An edit's lateness, as logged: the loop's, and less the time the host waited for a CPU (what held it). */
const lateness = (lag: Lag): string => {
  const late = latenessOf(lag);
  return `event loop at most ${fmt(lag)} late, held at most ${late.heldMs.toFixed(1)} ms (lateness less the time the host waited for a CPU; ${lag.waitMs.length ? 'Linux schedstat' : 'not known here'}), ${lag.samples} ticks`;
};

/**
 * Waits until VS Code has done the work of opening a file (tokenizing, folding, the other
 * extensions): the loop is at most `quietMs` late over a whole second. Returns the lag of the
 * last window (and false when it never got quiet within `timeoutMs`).
 */
async function settle(quietMs = 20, timeoutMs = 30_000): Promise<{ quiet: boolean; maxLagMs: number }> {
  const deadline = Date.now() + timeoutMs;
  let last = Number.NaN;
  while (Date.now() < deadline) {
    last = (await probe(() => sleep(1000))).maxLagMs;
    if (last <= quietMs) return { quiet: true, maxLagMs: last };
  }
  return { quiet: false, maxLagMs: last };
}

/** Resolves on the next diagnostics change of `uri` (whatever the diagnostics are). */
function nextDiagnostics(uri: vscode.Uri, timeoutMs = 120_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no new diagnostics for ${path.basename(uri.fsPath)} within ${timeoutMs} ms`));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

const fmt = (lag: { maxLagMs: number }): string => `${lag.maxLagMs.toFixed(1)} ms`;

/**
 * What the 50 ms bound is about: Green ML's work, not VS Code's. Opening a 256 KB file stalls the
 * extension host for seconds in code-server even with Green ML off (VS Code's own work: the
 * document model, tokenizing, the other extensions), so the open is reported, not asserted. The
 * bound holds from an edit of an open, settled file until its new diagnostics are shown: the
 * re-lint Green ML does, which in the language server's process must never stall the extensions.
 * For the open of a notebook, where VS Code's own work stalls the host longest, the time Green
 * ML's code (the extension's bundle, its language client included) runs between two turns of the
 * host's event loop is read from a CPU profile of the extension host and bound to 50 ms. A loop
 * late because the machine's other processes had its CPUs is not held by the host's code: the
 * lateness less the time the host's thread waited for a CPU (Linux' schedstat) is what is bound;
 * the wall-clock lateness is also logged (and kept under 50 ms on one of up to three edits).
 */
suite('Language server: the extension host stays responsive', () => {
  let dir: string;
  const chosen = [
    ['py-unbalanced-open', 256 * 1024],
    ['py-deep-nesting', 256 * 1024],
    ['py-unclosed-run', 256 * 1024],
  ] as const;

  suiteSetup(async () => {
    await activateExtension();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-stress-'));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('greenml').update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  teardown(async () => {
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.fsPath.startsWith(dir))) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a language server that dies is started again, and serves the documents open', async function () {
    this.timeout(120_000);
    await until('the language server to run', async () => (await serverState()) === 'running', 60_000);
    const pidOf = async (): Promise<number | undefined> => (await vscode.commands.executeCommand<{ serverPid?: number }>('greenml.test.clientCounters')).serverPid;
    const first = await pidOf();
    assert.ok(first, 'the server process is known');
    const { document } = await openInEditor('template.yaml');
    await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'SML401'), 'SML401 before the server dies', 60_000);
    process.kill(first, 'SIGKILL');
    await until('another server process to run', async () => (await serverState()) === 'running' && (await pidOf()) !== undefined && (await pidOf()) !== first, 60_000);
    // The new server is sent the open documents again and publishes their findings.
    await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'SML401'), 'SML401 from the new server', 60_000);
    const fresh = vscode.Uri.file(path.join(dir, 'after-restart.yaml'));
    fs.writeFileSync(fresh.fsPath, document.getText());
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fresh));
    await waitForDiagnostics(fresh, (d) => d.some((x) => codeOf(x) === 'SML401'), 'SML401 in a file opened after the restart', 60_000);
  });

  test('a language server that keeps dying is started again up to the limit, then not, and the user is told once', async function () {
    this.timeout(300_000);
    interface Counters { serverPid?: number; restarts: number; restartLimit: number; messages: string[] }
    const counters = async (): Promise<Counters> => await vscode.commands.executeCommand<Counters>('greenml.test.clientCounters');
    // A fresh client: the restarts are counted from zero (the test above used one).
    await vscode.commands.executeCommand('greenml.test.renewLanguageServer');
    try {
      await until('the language server to run', async () => (await serverState()) === 'running', 60_000);
      const { restartLimit, messages: before } = await counters();
      assert.ok(restartLimit >= 1, `a limit: ${restartLimit}`);
      const { document } = await openInEditor('template.yaml');
      const pids = new Set<number>();
      for (let kill = 1; kill <= restartLimit + 1; kill++) {
        const pid = (await counters()).serverPid;
        assert.ok(pid, `the server process of kill ${kill} is known`);
        pids.add(pid);
        process.kill(pid, 'SIGKILL');
        if (kill <= restartLimit) {
          await until(`restart ${kill}`, async () => (await serverState()) === 'running' && ![undefined, ...pids].includes((await counters()).serverPid), 60_000);
          assert.equal((await counters()).restarts, kill);
          assert.deepEqual((await counters()).messages, before, `no message while the server is started again (restart ${kill})`);
        }
      }
      await until('the client to stop', async () => (await serverState()) === 'stopped', 60_000);
      // It stays stopped: no other server starts, and one message says so.
      await sleep(3000);
      const after = await counters();
      assert.equal(await serverState(), 'stopped');
      assert.equal(after.restarts, restartLimit);
      assert.equal(pids.size, restartLimit + 1);
      assert.deepEqual(after.messages.slice(before.length), [`Green ML: the language server stopped ${restartLimit + 1} times and was not started again. See the Green ML log.`]);
      assert.deepEqual(vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'Green ML'), [], 'a stopped server’s diagnostics are not left behind');
    } finally {
      // The tests after this one need a server.
      await vscode.commands.executeCommand('greenml.test.renewLanguageServer');
      await until('the language server to run again', async () => (await serverState()) === 'running', 60_000);
    }
  });

  /**
   * A server entry that fails to start, for its first `failures` starts: its process ends on the
   * client's first message (`initialize`), or (`answer`) it answers `initialize` with an error and
   * stays; after those it is the bundle's server. Each start adds a line to `starts`.
   */
  function failingServer(name: string, failures: number, how: 'exit' | 'answer' = 'exit'): { module: string; starts: () => number } {
    const module = path.join(dir, `${name}.js`);
    const starts = path.join(dir, `${name}.starts`);
    const bundled = path.join(vscode.extensions.getExtension(extensionId)?.extensionPath ?? '', 'dist', 'server.js');
    fs.writeFileSync(
      module,
      [
        "const fs = require('fs');",
        `fs.appendFileSync(${JSON.stringify(starts)}, process.pid + '\\n');`,
        `const fail = ${how === 'exit' ? "() => process.exit(1)" : "(m) => m && m.method === 'initialize' && process.send({ jsonrpc: '2.0', id: m.id, error: { code: -32603, message: 'broken on purpose' } })"};`,
        `if (fs.readFileSync(${JSON.stringify(starts)}, 'utf8').trim().split('\\n').length <= ${failures}) process.on('message', fail);`,
        `else require(${JSON.stringify(bundled)});`,
      ].join('\n'),
    );
    return { module, starts: () => (fs.existsSync(starts) ? fs.readFileSync(starts, 'utf8').trim().split('\n').length : 0) };
  }

  interface ClientCounters { serverPid?: number; restarts: number; restartLimit: number; messages: string[]; shown: string[] }
  const clientCounters = async (): Promise<ClientCounters> => await vscode.commands.executeCommand<ClientCounters>('greenml.test.clientCounters');

  /** Starts the client again (restarts counted from zero) from the server entry `module`. */
  async function renewFrom(module: string): Promise<void> {
    await vscode.commands.executeCommand('greenml.test.renewLanguageServer', { module });
  }

  /**
   * After a start that fails for good: 3 s later the client is still stopped, the server was
   * started `starts` times, and the one message the user was shown (the language client library's
   * included) is `told`.
   */
  async function assertStoppedAndTold(server: { starts: () => number }, before: ClientCounters, starts: number, told: string): Promise<ClientCounters> {
    await sleep(3000);
    const after = await clientCounters();
    assert.equal(await serverState(), 'stopped');
    assert.equal(server.starts(), starts, 'starts');
    assert.deepEqual(after.messages.slice(before.messages.length), [told]);
    assert.deepEqual(after.shown.slice(before.shown.length), [`error: ${told}`], 'the messages shown to the user, the language client library’s included');
    return after;
  }

  async function renewBundled(): Promise<void> {
    await until('the client to settle', async () => ['running', 'stopped'].includes(await serverState()), 60_000);
    await vscode.commands.executeCommand('greenml.test.renewLanguageServer');
    await until('the language server to run again', async () => (await serverState()) === 'running', 60_000);
  }

  test('a language server that dies while it starts is started again up to the limit, then not, and the user sees one message and no other', async function () {
    this.timeout(300_000);
    await until('the language server to run', async () => (await serverState()) === 'running', 60_000);
    const server = failingServer('exits-at-initialize', Number.MAX_SAFE_INTEGER);
    const before = await clientCounters();
    try {
      await renewFrom(server.module);
      const limit = before.restartLimit;
      await until(`${limit + 1} starts, then the client stopped`, async () => server.starts() >= limit + 1 && (await serverState()) === 'stopped', 120_000);
      // It stays stopped: no other start, and one message says so.
      const after = await assertStoppedAndTold(server, before, limit + 1, `Green ML: the language server could not be started: it stopped while starting, ${limit + 1} times. See the Green ML log.`);
      assert.equal(after.restarts, limit);
    } finally {
      await renewBundled();
    }
  });

  test('a language server that answers initialize with an error is not started again, and the user sees one message and no other', async function () {
    this.timeout(300_000);
    await until('the language server to run', async () => (await serverState()) === 'running', 60_000);
    const server = failingServer('answers-initialize-with-an-error', Number.MAX_SAFE_INTEGER, 'answer');
    const before = await clientCounters();
    try {
      await renewFrom(server.module);
      await until('the client to stop', async () => server.starts() >= 1 && (await serverState()) === 'stopped', 120_000);
      // The server answers: it would answer the same again, so it is started once. Its process is ended.
      await assertStoppedAndTold(server, before, 1, 'Green ML: the language server could not be started (broken on purpose). See the Green ML log.');
      const [pid] = fs.readFileSync(path.join(dir, 'answers-initialize-with-an-error.starts'), 'utf8').trim().split('\n').map(Number);
      assert.throws(() => process.kill(pid, 0), /ESRCH/, `the process ${pid} of the server that answered is still there`);
    } finally {
      await renewBundled();
    }
  });

  test('a language server that dies while it starts, then starts, serves the documents open and nobody is told', async function () {
    this.timeout(300_000);
    const { document } = await openInEditor('template.yaml');
    await until('the language server to run', async () => (await serverState()) === 'running', 60_000);
    const server = failingServer('exits-at-initialize-twice', 2);
    const before = await clientCounters();
    try {
      await renewFrom(server.module);
      await until('the third start to run', async () => server.starts() === 3 && (await serverState()) === 'running', 120_000);
      await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'SML401'), 'SML401 from the server of the third start', 60_000);
      await sleep(2000);
      const after = await clientCounters();
      assert.equal(server.starts(), 3, 'starts');
      assert.equal(after.restarts, 2);
      assert.deepEqual(after.messages.slice(before.messages.length), [], 'no message from Green ML');
      assert.deepEqual(after.shown.slice(before.shown.length), [], 'no message from the language client library');
    } finally {
      await renewBundled();
    }
  });

  test('a re-lint of a 256 KB stress file never makes the extension host more than 50 ms late', async function () {
    this.timeout(600_000);
    await until('the language server to run', async () => (await serverState()) === 'running', 60_000);
    // The server's findings reach the Problems panel.
    const { document: template } = await openInEditor('template.yaml');
    await waitForDiagnostics(template.uri, (d) => d.some((x) => codeOf(x) === 'SML401'), 'SML401 from the language server', 60_000);
    const cases = await stressCases();
    const write = (phase: string): vscode.Uri[] =>
      chosen.map(([name, bytes]) => {
        const found = cases.find((c) => c.name === name);
        assert.ok(found, `no stress case ${name}`);
        const file = path.join(dir, `${phase}-${name}${path.extname(found.file)}`);
        fs.writeFileSync(file, found.make(bytes));
        return vscode.Uri.file(file);
      });
    // Written before any probe: the test runs in the extension host too.
    const [offFiles, onFiles] = [write('off'), write('on')];

    // For scale, reported only: the open of each file with Green ML off, then on (the same window:
    // open, show, and 3 s, or until its findings are shown when that takes longer).
    const openWindowMs = 3000;
    const opens: string[] = [];
    await vscode.workspace.getConfiguration('greenml').update('enable', false, vscode.ConfigurationTarget.Workspace);
    for (const uri of offFiles) {
      const open = await probe(async () => {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
        await sleep(openWindowMs);
      });
      opens.push(`${path.basename(uri.fsPath)}: ${fmt(open)}`);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
    await vscode.workspace.getConfiguration('greenml').update('enable', undefined, vscode.ConfigurationTarget.Workspace);

    const worst: Array<{ name: string; maxLagMs: number; samples: number; ms: number }> = [];
    const firsts: Array<{ name: string; heldMs: number; lateMs: number; waitedMs: number }> = [];
    for (const uri of onFiles) {
      const name = path.basename(uri.fsPath);
      const open = await probe(async () => {
        const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
        const started = Date.now();
        await waitForDiagnostics(uri, (d) => d.length > 0, `findings of ${name}`, 180_000);
        await sleep(Math.max(0, openWindowMs - (Date.now() - started)));
        return editor;
      });
      opens.push(`${name}: ${fmt(open)}`);
      const editor = open.result;
      // The first edit once the host is quiet counts: the loop's lateness less the time the host
      // waited for a CPU (other processes of a shared machine) is what held it, and stays under
      // 50 ms. The loop's lateness as the wall clock sees it is also kept under 50 ms on one of up
      // to three edits (a busy machine makes a single window late now and then).
      let best: Lag | undefined;
      for (let attempt = 1; attempt <= 3 && !(best && best.maxLagMs < 50); attempt++) {
        const quiet = await settle();
        log(`  ${name}: ${quiet.quiet ? 'settled' : 'NOT settled'} (last second ${fmt(quiet)} late)`);
        // An edit that changes the findings' positions: a new line at the top, then its new diagnostics.
        const relint = await maybeProfiled(`${name}-edit${attempt}`, () => probe(async () => {
          const shown = nextDiagnostics(uri);
          assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# edited\n')), 'the edit was refused');
          await shown;
        }));
        log(`  ${name}: edit ${attempt} → diagnostics in ${relint.ms} ms, ${lateness(relint)}`);
        if (attempt === 1) firsts.push({ name, ...latenessOf(relint) });
        if (!best || relint.maxLagMs < best.maxLagMs) best = relint;
      }
      assert.ok(best);
      worst.push({ name, ...best });
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
    log(`event loop during the open (VS Code's work included), reported only: ${opens.join('; ')}`);
    for (const w of worst) assert.ok(w.samples > 0, `the probe ran for ${w.name}`);
    const held = firsts.filter((f) => f.heldMs >= 50);
    assert.deepStrictEqual(held.map((f) => `${f.name}: held ${f.heldMs.toFixed(1)} ms (${f.lateMs.toFixed(1)} ms late)`), [], 'the extension host\'s loop was held 50 ms or more between the first edit and its diagnostics');
    const late = worst.filter((w) => w.maxLagMs >= 50);
    assert.deepStrictEqual(late.map((w) => `${w.name}: ${fmt(w)}`), [], 'the extension host was late by 50 ms or more between an edit and its diagnostics');
  });

  test('a 596-cell notebook: its cells are found without a walk each while it opens, and a re-lint never makes the extension host 50 ms late', async function () {
    this.timeout(600_000);
    const cases = await stressCases();
    // nb-10k-cells at 200 KB: VS Code reads the .ipynb into cells in the extension host (its own serializer).
    const nb = cases.find((c) => c.name === 'nb-10k-cells');
    assert.ok(nb);
    const file = vscode.Uri.file(path.join(dir, 'notebook.ipynb'));
    fs.writeFileSync(file.fsPath, nb.make(200 * 1024));
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    // The extension's bundle (the language client in it): its code's time in the host's profile.
    const bundle = pathToFileURL(path.join(extension.extensionPath, 'dist', 'extension.js')).href;
    await settle();
    const counters = (): Thenable<{ notebookCellWalks: number; diagnosticSets: number }> => vscode.commands.executeCommand('greenml.test.clientCounters');
    const before = await counters();
    // The open as a whole stalls the host for VS Code's own work (its .ipynb reader, and built-in
    // language clients that walk every cell for each cell: 0.1–2 s with Green ML off), so the loop's
    // lateness over the open is reported; what is asserted is the time Green ML's code held it:
    // between two ticks of the probe (the loop ran its timers at each, so no task spans two), the
    // CPU time the host's thread had times the share of its samples in the extension's bundle (on a
    // busy machine a sample also spans the time the thread waited for a CPU: the wall-clock figure
    // is logged beside it).
    const { result: open, profile } = await profiled(() =>
      probe(async () => {
        const notebook = await vscode.workspace.openNotebookDocument(file);
        await vscode.window.showNotebookDocument(notebook);
        const last = notebook.cellAt(notebook.cellCount - 1).document.uri;
        await waitForDiagnostics(last, (d) => d.length > 0, `findings on the last of ${notebook.cellCount} cells`, 180_000);
        // The other cells' findings, still arriving.
        await sleep(1000);
        return notebook;
      }),
    );
    const notebook = open.result;
    const ours = busiestTurnOf(profile, bundle, open);
    profileFile('notebook-open', profile, open);
    const after = await counters();
    const walks = after.notebookCellWalks - before.notebookCellWalks;
    const sets = after.diagnosticSets - before.diagnosticSets;
    log(`  notebook: opened (${notebook.cellCount} cells) and its findings shown in ${open.ms} ms: Green ML's code ran at most ${ours.cpuMs.toFixed(1)} ms of CPU between two turns of the host's loop (its samples there span ${ours.cpuGap.ms.toFixed(1)} ms of a ${ours.cpuGap.gapMs.toFixed(1)} ms gap: ${ours.cpuGap.where}), at most ${ours.ms.toFixed(1)} ms of wall clock in one gap (${ours.where}; a gap of ${ours.gapMs.toFixed(1)} ms), ${ours.totalMs.toFixed(0)} ms in all; the loop was at most ${fmt(open)} late, held at most ${latenessOf(open).heldMs.toFixed(1)} ms, VS Code's own work included (reported only); ${walks} walk(s) of the cells, ${sets} diagnostics batch(es)`);
    const cell = notebook.cellAt(notebook.cellCount - 1).document;
    const edited = async (): Promise<void> => {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(cell.uri, new vscode.Position(0, 0), '# edited\n');
      assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was refused');
    };
    // For scale, reported only: the same edit with Green ML's linting off (VS Code's work, and the client's sync of the cell).
    await vscode.workspace.getConfiguration('greenml').update('enable', false, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(cell.uri, (d) => d.length === 0, 'the findings to go with greenml.enable off', 60_000);
    await settle();
    const off = await probe(async () => {
      await edited();
      await sleep(2000);
    });
    log(`  notebook: the same edit with linting off, over 2 s: ${lateness(off)} (reported only)`);
    await vscode.commands.executeCommand('undo');
    await vscode.workspace.getConfiguration('greenml').update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(cell.uri, (d) => d.length > 0, 'the findings back', 180_000);
    // As for the scripts: the first edit once the host is quiet, its lateness less the time the
    // host waited for a CPU; and of up to three edits, one is less than 50 ms late.
    let best: Lag | undefined;
    let first: Lag | undefined;
    for (let attempt = 1; attempt <= 3 && !(best && best.maxLagMs < 50); attempt++) {
      await settle();
      const relint = await maybeProfiled(`notebook-edit${attempt}`, () => probe(async () => {
        const shown = nextDiagnostics(cell.uri);
        await edited();
        await shown;
      }));
      log(`  notebook: edit ${attempt} → diagnostics in ${relint.ms} ms, ${lateness(relint)}`);
      first ??= relint;
      if (!best || relint.maxLagMs < best.maxLagMs) best = relint;
    }
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.ok(best && first && best.samples > 0 && off.samples > 0 && open.samples > 0, 'the probe ran');
    assert.ok(ours.totalMs > 0, "the profile saw the extension's code");
    // 94–184 ms read here before (after the other suites, on a busy machine) came from counting
    // back-to-back samples under one entry frame as one task: the same call path, across many
    // turns of the loop, each a small task (the diagnostics of a few cells).
    log(`  notebook: Green ML's code between two turns of the loop during the open: at most ${ours.cpuMs.toFixed(1)} ms of CPU (bound 50 ms), ${ours.ms.toFixed(1)} ms of wall clock`);
    assert.ok(walks <= 2, `${walks} walks of every cell to find a cell's notebook (one per cell is n² steps)`);
    assert.ok(ours.cpuMs < 50, `Green ML's code ran ${ours.cpuMs.toFixed(1)} ms of CPU between two turns of the extension host's loop while the notebook opened (${ours.cpuGap.where})`);
    const held = latenessOf(first).heldMs;
    assert.ok(held < 50, `the extension host's loop was held ${held.toFixed(1)} ms (${fmt(first)} late) between the first edit of a cell and its diagnostics`);
    assert.ok(best.maxLagMs < 50, `the extension host was ${fmt(best)} late between an edit of a cell and its diagnostics`);
  });
});
