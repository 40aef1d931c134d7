#!/usr/bin/env node
// Runs the same integration tests as run-host-tests.mjs in desktop VS Code,
// through @vscode/test-electron. It downloads VS Code into .vscode-test/, so it
// needs internet access (and a display: on a headless Linux use xvfb-run).
//
//   node scripts/run-electron-tests.mjs [--ext DIR] [--tests PATH]
//        [--workspace DIR] [--vscode-version stable|1.100.3|…]
//
// Exit code: 0 when every test passed, 1 otherwise. The last line printed is
// `electron: N passed, M failed` (0/0 when the tests wrote no report).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values: opts } = parseArgs({
  options: {
    ext: { type: 'string', default: repoRoot },
    tests: { type: 'string', default: 'out/test/host/index' },
    workspace: { type: 'string', default: 'test/host/workspace' },
    'vscode-version': { type: 'string', default: 'stable' },
  },
});

const extensionDevelopmentPath = path.resolve(opts.ext);
const extensionTestsPath = path.resolve(extensionDevelopmentPath, opts.tests);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'greenml-electron-'));
// A copy, so a test that dies half-way can never leave the checked-in files edited.
const workspace = path.join(tmp, 'workspace');
cpSync(path.resolve(extensionDevelopmentPath, opts.workspace), workspace, { recursive: true });
const reportPath = path.join(tmp, 'report.json');

let exitCode = 1;
try {
  exitCode = await runTests({
    version: opts['vscode-version'],
    extensionDevelopmentPath,
    extensionTestsPath,
    extensionTestsEnv: { VSCODE_TEST_REPORT: reportPath, GREENML_TEST_API: '1' },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (err) {
  // runTests rejects when VS Code exits non-zero (failed tests) or cannot start.
  console.error(`run-electron-tests: ${err instanceof Error ? err.message : err}`);
  exitCode = 1;
}

let report;
try {
  report = JSON.parse(readFileSync(reportPath, 'utf8'));
} catch {
  console.error('run-electron-tests: the tests wrote no report');
  exitCode ||= 1;
}
rmSync(tmp, { recursive: true, force: true });
console.log(`electron: ${report?.passes ?? 0} passed, ${report?.failures ?? 0} failed`);
process.exit(exitCode);
