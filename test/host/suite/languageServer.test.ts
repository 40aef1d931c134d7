import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import * as vscode from 'vscode';
import { activateExtension, codeOf, log, openInEditor, waitForDiagnostics } from './helpers';

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

suite('Language server (greenml.languageServer.enable)', () => {
  let dir: string;

  suiteSetup(async () => {
    await activateExtension();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-stress-'));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('greenml').update('languageServer.enable', undefined, vscode.ConfigurationTarget.Workspace);
    await until('the language server to stop', async () => (await serverState()) === 'stopped');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the server lints the stress files while the extension host event loop stays under 50 ms late', async function () {
    this.timeout(300_000);
    const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('greenml');
    const cases = await stressCases();
    const chosen = [
      ['py-unbalanced-open', 256 * 1024],
      ['py-deep-nesting', 256 * 1024],
      ['py-unclosed-run', 256 * 1024],
    ] as const;
    /** Fresh copies of the stress files for each phase (a file open already would not be read again). */
    const write = (phase: string): vscode.Uri[] =>
      chosen.map(([name, bytes]) => {
        const found = cases.find((c) => c.name === name);
        assert.ok(found, `no stress case ${name}`);
        const file = path.join(dir, `${phase}-${name}${path.extname(found.file)}`);
        fs.writeFileSync(file, found.make(bytes));
        return vscode.Uri.file(file);
      });
    const probe = async <T>(run: () => Promise<T>): Promise<{ result: T; maxLagMs: number; samples: number; ms: number }> => {
      await vscode.commands.executeCommand('greenml.test.startLagProbe');
      const t = Date.now();
      const result = await run();
      const lag = await vscode.commands.executeCommand<{ maxLagMs: number; samples: number }>('greenml.test.stopLagProbe');
      return { result, ...lag, ms: Date.now() - t };
    };
    const openAll = async (uris: readonly vscode.Uri[], linted: boolean): Promise<void> => {
      for (const uri of uris) {
        const t = Date.now();
        const document = await vscode.workspace.openTextDocument(uri);
        const read = Date.now() - t;
        await vscode.window.showTextDocument(document);
        const shown = Date.now() - t;
        if (linted) await waitForDiagnostics(document.uri, (d) => d.length > 0, `findings of ${path.basename(uri.fsPath)}`, 120_000);
        else await new Promise((r) => setTimeout(r, 1000));
        log(`  ${path.basename(uri.fsPath)}: opened in ${read} ms, shown at ${shown} ms, done at ${Date.now() - t} ms`);
      }
    };
    const report = (what: string, lag: { maxLagMs: number; samples: number; ms: number }): void =>
      log(`event loop ${what}: at most ${lag.maxLagMs.toFixed(1)} ms late (${lag.samples} samples over ${lag.ms} ms)`);

    // Written before the probes: the test runs in the extension host too.
    const [offFiles, inprocessFiles, serverFiles] = [write('off'), write('inprocess'), write('server')];
    // For scale: the same files with Green ML off (VS Code and the other extensions only), then linted in process.
    await config().update('enable', false, vscode.ConfigurationTarget.Workspace);
    report('with Green ML off', await probe(() => openAll(offFiles, false)));
    await config().update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    report('with the extension linting in process', await probe(() => openAll(inprocessFiles, true)));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    await config().update('languageServer.enable', true, vscode.ConfigurationTarget.Workspace);
    await until('the language server to run', async () => (await serverState()) === 'running');
    // The server's findings reach the Problems panel.
    const { document } = await openInEditor('template.yaml');
    await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'SML401'), 'SML401 from the language server', 60_000);
    const server = await probe(() => openAll(serverFiles, true));
    report('with the language server linting', server);
    assert.ok(server.samples > 0, 'the probe ran');
    assert.ok(server.maxLagMs < 50, `the extension host's event loop was ${server.maxLagMs.toFixed(1)} ms late`);

    // A notebook of 596 cells (nb-10k-cells at 200 KB): VS Code reads the .ipynb into cells in the
    // extension host (its own serializer) and the client sends them: reported apart from the lint.
    const nb = cases.find((c) => c.name === 'nb-10k-cells');
    assert.ok(nb);
    const nbFile = vscode.Uri.file(path.join(dir, 'server-notebook.ipynb'));
    fs.writeFileSync(nbFile.fsPath, nb.make(200 * 1024));
    const open = await probe(() => Promise.resolve(vscode.workspace.openNotebookDocument(nbFile)));
    const notebook = open.result;
    report(`while VS Code opened the ${notebook.cellCount}-cell notebook (and the client sent it)`, open);
    const last = notebook.cellAt(notebook.cellCount - 1).document.uri;
    const lint = await probe(() => waitForDiagnostics(last, (d) => d.length > 0, `findings on the last of ${notebook.cellCount} cells`, 180_000));
    report(`while the server linted the ${notebook.cellCount}-cell notebook`, lint);
    assert.ok(lint.maxLagMs < 50, `the extension host's event loop was ${lint.maxLagMs.toFixed(1)} ms late while the server linted the notebook`);
  });
});
