// JupyterLab end to end: a real JupyterLab with jupyterlab-lsp (from PyPI) runs Green ML's language
// server (`greenml lsp --stdio` from dist/), and headless Debian chromium opens a notebook that
// deploys an endpoint and never deletes it. The test passes when Green ML's diagnostic shows on the
// deploy cell in the DOM; a screenshot is saved to test-results/jupyterlab.png.
//
// Usage: node scripts/run-jupyterlab-test.mjs [--jupyter DIR]   (DIR: a venv with jupyterlab and
// jupyterlab-lsp; default ~/.cache/greenml-jupyter, made by scripts/install-jupyterlab.sh)
// Last line: "jupyterlab: N passed, M failed".
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchBrowser } from './host-lib.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { jupyter: { type: 'string' } } });
const venv = values.jupyter ?? path.join(os.homedir(), '.cache', 'greenml-jupyter');
const jupyter = path.join(venv, 'bin', 'jupyter');
const cli = path.join(repoRoot, 'dist', 'cli.js');
const results = path.join(repoRoot, 'test-results');
const log = (m) => console.log(`[jupyterlab] ${m}`);

const cells = [
  { type: 'markdown', source: '# Deploy the model' },
  { type: 'code', source: 'from sagemaker.pytorch import PyTorchModel\n\nrole = "arn:aws:iam::111122223333:role/SageMakerRole"' },
  { type: 'code', source: 'model = PyTorchModel(model_data="s3://bucket/model.tar.gz", role=role, framework_version="2.1", py_version="py310", entry_point="inference.py")\npredictor = model.deploy(initial_instance_count=1, instance_type="ml.m5.large")' },
  { type: 'code', source: 'predictor.predict([1, 2, 3])' },
];

function notebook() {
  return JSON.stringify({
    cells: cells.map((c) => ({ cell_type: c.type, metadata: {}, source: c.source, ...(c.type === 'code' ? { execution_count: null, outputs: [] } : {}) })),
    metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' }, language_info: { name: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
  }, null, 1);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer in ${timeoutMs} ms`);
}

async function main() {
  if (!existsSync(jupyter)) throw new Error(`${jupyter} not found: run 'bash scripts/install-jupyterlab.sh'`);
  if (!existsSync(cli)) throw new Error(`${cli} not found: run 'npm run bundle'`);
  const root = mkdtempSync(path.join(os.tmpdir(), 'greenml-jupyterlab-'));
  const work = path.join(root, 'work');
  const config = path.join(root, 'config');
  mkdirSync(work);
  mkdirSync(config);
  mkdirSync(path.join(work, '.git'));
  writeFileSync(path.join(work, 'deploy.ipynb'), notebook());
  // Green ML registered as a language server of the Jupyter server (see docs/editors.md).
  writeFileSync(path.join(config, 'jupyter_server_config.json'), JSON.stringify({
    LanguageServerManager: {
      autodetect: false,
      language_servers: {
        greenml: { version: 2, argv: [process.execPath, cli, 'lsp', '--stdio'], languages: ['python'], mime_types: ['text/x-python', 'text/x-ipython'], display_name: 'Green ML' },
      },
    },
  }));
  const port = await freePort();
  const token = 'greenml-test-token';
  const server = spawn(jupyter, ['lab', '--no-browser', `--port=${port}`, '--ServerApp.ip=127.0.0.1', `--IdentityProvider.token=${token}`, `--ServerApp.root_dir=${work}`, '--ServerApp.open_browser=False', ...(process.getuid?.() === 0 ? ['--allow-root'] : [])], {
    env: { ...process.env, JUPYTER_CONFIG_DIR: config, JUPYTER_RUNTIME_DIR: path.join(root, 'runtime'), JUPYTERLAB_SETTINGS_DIR: path.join(root, 'settings'), JUPYTERLAB_WORKSPACES_DIR: path.join(root, 'workspaces'), IPYTHONDIR: path.join(root, 'ipython') },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let serverLog = '';
  server.stdout.on('data', (d) => (serverLog += d));
  server.stderr.on('data', (d) => (serverLog += d));
  let browser;
  let passed = 0;
  let failed = 0;
  try {
    const origin = `http://127.0.0.1:${port}`;
    await waitForHttp(`${origin}/api?token=${token}`, 60_000);
    log(`JupyterLab up on port ${port}`);
    ({ browser } = await launchBrowserFor());
    const page = browser.page;
    await page.goto(`${origin}/lab/tree/deploy.ipynb?token=${token}`);
    await page.waitForSelector('.jp-Notebook .jp-Cell', { timeout: 60_000 });
    const deployCell = page.locator('.jp-Notebook .jp-Cell').nth(2);
    // jupyterlab-lsp marks each diagnostic's range in the cell's CodeMirror editor.
    const mark = deployCell.locator('.cm-lintRange');
    await mark.first().waitFor({ timeout: 90_000 });
    // The server lints each version jupyterlab-lsp sends: read every marked range's tooltip until
    // the deploy cell shows the expected finding (or a minute passes).
    let marks = 0;
    let text = '';
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      marks = await mark.count();
      const texts = [];
      for (let i = 0; i < marks; i++) {
        await page.mouse.move(0, 0);
        await mark.nth(i).hover();
        const tooltip = page.locator('.cm-tooltip-lint, .cm-tooltip-hover');
        await tooltip.first().waitFor({ timeout: 15_000 });
        texts.push((await tooltip.allInnerTexts()).join('\n'));
      }
      text = texts.join('\n');
      if (/no later cell deletes/.test(text)) break;
      await page.waitForTimeout(1000);
    }
    const otherMarks = await page.locator('.jp-Notebook .jp-Cell').nth(1).locator('.cm-lintRange').count();
    mkdirSync(results, { recursive: true });
    await page.screenshot({ path: path.join(results, 'jupyterlab.png') });
    log(`deploy cell: ${marks} marked ranges; cell above: ${otherMarks}; tooltip: ${JSON.stringify(text.slice(0, 2000))}`);
    const checks = [
      ['the deploy cell shows Green ML diagnostics', marks > 0],
      ['the cell without SageMaker calls shows none', otherMarks === 0],
      ['the tooltips name Green ML and the endpoint no later cell deletes (SML307)', /Green ML/.test(text) && /no later cell deletes/.test(text)],
    ];
    for (const [name, ok] of checks) {
      log(`${ok ? 'ok' : 'FAILED'}: ${name}`);
      if (ok) passed++;
      else failed++;
    }
  } catch (err) {
    failed++;
    log(`FAILED: ${err instanceof Error ? err.message : String(err)}`);
    log(`server log (last 3000 chars):\n${serverLog.slice(-3000)}`);
    try {
      mkdirSync(results, { recursive: true });
      await browser?.page.screenshot({ path: path.join(results, 'jupyterlab-failure.png') });
    } catch {
      // no page to show
    }
  } finally {
    await browser?.browser.close().catch(() => undefined);
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 500));
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    rmSync(root, { recursive: true, force: true });
  }
  console.log(`jupyterlab: ${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

async function launchBrowserFor() {
  const { browser, page } = await launchBrowser({ viewport: { width: 1300, height: 800 } });
  return { browser: { browser, page } };
}

await main();
