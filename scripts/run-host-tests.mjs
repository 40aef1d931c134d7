#!/usr/bin/env node
// Runs the integration tests (test/host/) inside a real VS Code extension host,
// offline: code-server serves VS Code 1.100.3, headless chromium opens the
// workbench, and the workbench URL's payload points the remote extension host
// at the extension and its tests, as `code --extensionDevelopmentPath
// --extensionTestsPath` would on a desktop.
//
//   node scripts/run-host-tests.mjs [--host DIR] [--ext DIR] [--tests PATH]
//        [--workspace DIR] [--timeout SEC] [--vsix FILE] [--grep TEXT] [--verbose]
//
// Exit code: the tests' exit code; 2 on timeout; 3 when the tests wrote no report.
// The last line printed is always `host: N passed, M failed`.
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, parseArgs } from 'node:util';
import {
  DEFAULT_HOST_DIR,
  installVsix,
  launchBrowser,
  makeRunDirs,
  removeRunDirs,
  startCodeServer,
  workbenchUrl,
} from './host-lib.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values: opts } = parseArgs({
  options: {
    host: { type: 'string', default: DEFAULT_HOST_DIR },
    ext: { type: 'string', default: repoRoot },
    tests: { type: 'string', default: 'out/test/host/index' },
    workspace: { type: 'string', default: 'test/host/workspace' },
    timeout: { type: 'string', default: '300' },
    vsix: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    grep: { type: 'string' },
  },
});

const EXIT_TIMEOUT = 2;
const EXIT_NO_REPORT = 3;
const HOST_LOG_TAG = '[extension host] ';
const started = Date.now();
const extDir = path.resolve(opts.ext);
// Relative test and workspace paths are taken from the extension dir, so the
// defaults work from any cwd.
const testsPath = path.resolve(extDir, opts.tests);
const workspace = path.resolve(extDir, opts.workspace);
const timeoutMs = Number(opts.timeout) * 1000;
const failureShot = path.join(repoRoot, 'test-results', 'host-failure.png');

const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const info = (msg) => console.log(`[host ${elapsed()}] ${msg}`);
const verbose = (msg) => opts.verbose && info(msg);

if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) fail(`--timeout must be a positive number of seconds, got ${opts.timeout}`);
if (!existsSync(testsPath + '.js') && !existsSync(testsPath)) fail(`tests module ${testsPath} not found; run npm run compile-tests`);
if (!existsSync(workspace)) fail(`workspace ${workspace} not found`);
if (!opts.vsix && !existsSync(path.join(extDir, 'package.json'))) fail(`no package.json in ${extDir}`);
if (opts.vsix && !existsSync(opts.vsix)) fail(`${opts.vsix} not found`);

const dirs = makeRunDirs({ workspace });
const reportPath = path.join(dirs.root, 'report.json');
let server;
let browser;
let page;

async function cleanup() {
  await browser?.close().catch(() => {});
  browser = undefined;
  await server?.stop();
  server = undefined;
  removeRunDirs(dirs);
}

async function saveFailureScreenshot() {
  if (!page) return;
  try {
    mkdirSync(path.dirname(failureShot), { recursive: true });
    await page.screenshot({ path: failureShot, timeout: 10_000 });
    info(`screenshot: ${path.relative(process.cwd(), failureShot)}`);
  } catch (err) {
    info(`could not save a screenshot: ${err.message.split('\n')[0]}`);
  }
}

function readReport() {
  try {
    return JSON.parse(readFileSync(reportPath, 'utf8'));
  } catch {
    return undefined;
  }
}

async function finish(code, why, { testsRan = true } = {}) {
  const report = readReport();
  if (why) info(why);
  if (!report && testsRan && code !== EXIT_TIMEOUT) {
    info(`the tests wrote no report to VSCODE_TEST_REPORT (workbench exit code ${code})`);
    code = EXIT_NO_REPORT;
  }
  if (code !== 0) await saveFailureScreenshot();
  await cleanup();
  for (const t of report?.tests?.filter((t) => t.state === 'failed') ?? []) {
    console.log(`FAILED: ${t.fullTitle}\n  ${(t.error ?? '').split('\n').join('\n  ')}`);
  }
  info(`done, exit code ${code}`);
  console.log(`host: ${report?.passes ?? 0} passed, ${report?.failures ?? 0} failed`);
  process.exit(code);
}

function fail(msg) {
  console.error(`run-host-tests: ${msg}`);
  console.log('host: 0 passed, 0 failed');
  process.exit(1);
}

let finishing = false;
function finishOnce(code, why, options) {
  if (finishing) return;
  finishing = true;
  finish(code, why, options).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (finishing) return;
    finishing = true;
    info(`${signal}: stopping`);
    cleanup().finally(() => process.exit(130));
  });
}

const timer = setTimeout(() => finishOnce(EXIT_TIMEOUT, `timed out after ${opts.timeout} s`), timeoutMs);
timer.unref();

try {
  let developmentPath = extDir;
  if (opts.vsix) {
    const installed = await installVsix({ hostDir: opts.host, dirs, vsix: opts.vsix });
    info(`installed ${path.basename(opts.vsix)}: ${installed.join(', ')}`);
    // The extension host only runs extensionTestsPath when an extension
    // development path is set too. An empty folder holds no extension, so the
    // installed .vsix is the one under test.
    developmentPath = mkdtempSync(path.join(dirs.root, 'no-dev-extension-'));
  }

  server = await startCodeServer({
    hostDir: opts.host,
    dirs,
    // GREENML_TEST_API=1 makes the extension export its test hooks (never set for users).
    env: { VSCODE_TEST_REPORT: reportPath, GREENML_HOST_LOG_TAG: HOST_LOG_TAG, GREENML_TEST_API: '1', ...(opts.grep ? { GREENML_HOST_GREP: opts.grep } : {}) },
    onLog: (line) => line.trim() && verbose(`code-server: ${line}`),
  });
  info(`code-server healthy on port ${server.port}`);

  ({ browser, page } = await launchBrowser());
  await page.exposeFunction('codeAutomationExit', (code) => {
    const n = Number(code);
    finishOnce(Number.isInteger(n) ? n : 1, `workbench reported exit code ${code}`);
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => printHostLog(type, args));
  if (opts.verbose) {
    // The workbench's own log entries reach codeAutomationLog already.
    page.on('console', (msg) => {
      if (['error', 'warning'].includes(msg.type()) && !msg.text().startsWith('%c')) info(`browser ${msg.type()}: ${msg.text()}`);
    });
  }
  page.on('pageerror', (err) => verbose(`page error: ${err.message}`));

  const url = workbenchUrl(server, {
    folder: dirs.workspace,
    payload: [
      ['extensionDevelopmentPath', server.remoteUri(developmentPath)],
      ['extensionTestsPath', server.remoteUri(testsPath)],
    ],
  });
  verbose(`opening ${url}`);
  await page.goto(url);
  info('workbench loaded, tests running in the extension host');
} catch (err) {
  console.error(err);
  finishOnce(1, 'the host could not be started', { testsRan: false });
}

/**
 * The workbench forwards its own log and the extension host's console alike, as
 * `(level, [format, ...args])`; the tests' lines carry HOST_LOG_TAG.
 */
function printHostLog(type, args) {
  const text = format(...(Array.isArray(args) ? args : [args]));
  if (text.startsWith(HOST_LOG_TAG)) console.log(text.slice(HOST_LOG_TAG.length));
  // Warnings and errors include a tests module that throws or an extension that fails to load.
  else if (['info', 'debug', 'trace', 'log'].includes(type)) verbose(`workbench ${type}: ${text}`);
  else info(`workbench ${type}: ${text}`);
}
