// Starts an offline VS Code extension host: code-server (the VS Code server and
// web workbench) plus headless Debian chromium driven by playwright-core.
// Shared by run-host-tests.mjs and screenshot.mjs. Installed by install-host.sh.
import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

export const CODE_SERVER_VERSION = '4.100.3';
export const DEFAULT_HOST_DIR = path.join(os.homedir(), '.cache', 'greenml-vscode-host');
export const CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Without this chromium still resolves accounts.google.com and friends.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'files.autoSave': 'off',
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'npm.autoDetect': 'off',
  // No search for ports to forward: the remote extension host (code-server's) would otherwise run
  // `ls -l /proc/*/fd/*` every few seconds, its fork stalling that host's event loop for up to 0.1 s
  // on a busy machine (the host tests measure the loop's lag).
  'remote.autoForwardPorts': false,
  'remote.autoForwardPortsSource': 'output',
};

const execFileP = promisify(execFile);

export function codeServerEntry(hostDir) {
  const entry = path.join(hostDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(path.join(hostDir, `.installed-${CODE_SERVER_VERSION}`)) || !existsSync(entry)) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} is not installed in ${hostDir}; run: bash scripts/install-host.sh ${hostDir}`);
  }
  return entry;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Temp dirs for one run: VS Code user data (with our settings.json), extensions,
 * and a copy of the workspace so tests can never change the checked-in files.
 */
export function makeRunDirs({ workspace }) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'greenml-host-'));
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  let workspaceCopy;
  if (workspace) {
    workspaceCopy = path.join(root, path.basename(workspace));
    cpSync(workspace, workspaceCopy, { recursive: true });
  }
  return { root, userDataDir, extensionsDir, workspace: workspaceCopy };
}

function codeServerEnv(extraEnv) {
  // No marketplace: keeps the workbench from looking up open-vsx.org.
  return { ...process.env, EXTENSIONS_GALLERY: '{}', ...extraEnv };
}

/** `code-server --install-extension`, into the run's own extensions dir. */
export async function installVsix({ hostDir, dirs, vsix }) {
  const entry = codeServerEntry(hostDir);
  const args = [entry, '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir];
  const opts = { env: codeServerEnv({}), timeout: 120_000 };
  await execFileP(process.execPath, [...args, '--install-extension', path.resolve(vsix)], opts);
  const { stdout } = await execFileP(process.execPath, [...args, '--list-extensions', '--show-versions'], opts);
  return stdout.trim().split('\n').filter(Boolean);
}

/**
 * Starts code-server on a free loopback port in its own process group and waits
 * for /healthz. `onLog` receives each line of the server's output.
 */
export async function startCodeServer({ hostDir, dirs, env = {}, onLog = () => {} }) {
  const entry = codeServerEntry(hostDir);
  const port = await freePort();
  const config = path.join(dirs.root, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    entry,
    '--config', config,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', dirs.userDataDir,
    '--extensions-dir', dirs.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  // detached: its own process group, so the extension host, file watcher and
  // pty host it forks can all be killed together.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: codeServerEnv(env),
  });
  const lines = [];
  let exited = null;
  const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      pending += chunk;
      const parts = pending.split('\n');
      pending = parts.pop();
      for (const line of parts) {
        lines.push(line);
        onLog(line);
      }
    });
  }

  const server = {
    port,
    origin: `http://127.0.0.1:${port}`,
    lines,
    /** A path on the server as a URI the workbench understands. */
    remoteUri: (absPath) => `vscode-remote://127.0.0.1:${port}${absPath.split(path.sep).map(encodeURIComponent).join('/')}`,
    async stop() {
      if (child.pid === undefined) return;
      killGroup(child.pid, 'SIGTERM');
      await Promise.race([exitPromise, sleep(5000)]);
      // The leader may be gone while forked children linger; the group kill gets them.
      killGroup(child.pid, 'SIGKILL');
    },
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited (${exited.code ?? exited.signal}) before it was healthy:\n${lines.slice(-20).join('\n')}`);
    try {
      const res = await fetch(`${server.origin}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`code-server did not become healthy within 60 s:\n${lines.slice(-20).join('\n')}`);
    }
    await sleep(100);
  }
  return server;
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (err) {
    if (err.code !== 'ESRCH') throw err;
  }
}

/**
 * The workbench URL. `payload` entries are what desktop VS Code takes on its
 * command line (extensionDevelopmentPath, extensionTestsPath, openFile, …).
 */
export function workbenchUrl(server, { folder, payload = [] }) {
  const url = new URL(server.origin + '/');
  if (folder) url.searchParams.set('folder', folder);
  if (payload.length) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

export async function launchBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found; run scripts/install-host.sh`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    // The caller's own handlers stop the browser together with code-server.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const context = await browser.newContext({ viewport });
  // Belt and braces next to --host-resolver-rules: only loopback leaves the page.
  await context.route(/.*/, (route) => {
    const { hostname, protocol } = new URL(route.request().url());
    if (protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1') return route.continue();
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  return { browser, page };
}

/** Removes a run's temp dirs. */
export function removeRunDirs(dirs) {
  rmSync(dirs.root, { recursive: true, force: true });
}
