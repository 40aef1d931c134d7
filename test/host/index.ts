/**
 * Entry point the VS Code extension host loads as `extensionTestsPath`: runs
 * every `suite/*.test.js` with mocha and, when `VSCODE_TEST_REPORT` names a file,
 * writes a JSON report there for the runner (scripts/run-host-tests.mjs).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';

interface TestRecord {
  title: string;
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface HostTestReport {
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
  tests: TestRecord[];
}

export async function run(): Promise<void> {
  // GREENML_HOST_GREP (scripts/run-host-tests.mjs --grep) runs the tests whose full title matches it.
  const grep = process.env.GREENML_HOST_GREP;
  const mocha = new Mocha({ ui: 'tdd', timeout: 30_000, color: false, reporter: 'spec', ...(grep ? { grep } : {}) });
  const suiteDir = path.join(__dirname, 'suite');
  for (const file of fs.readdirSync(suiteDir).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(suiteDir, file));
  }

  const started = Date.now();
  const tests: TestRecord[] = [];
  const restoreConsole = tagConsole(process.env.GREENML_HOST_LOG_TAG);
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (test) => tests.push({ title: test.title, fullTitle: test.fullTitle(), state: 'passed', durationMs: test.duration }));
    runner.on('pending', (test) => tests.push({ title: test.title, fullTitle: test.fullTitle(), state: 'pending' }));
    // Also fires for failing hooks, which mocha counts as failures.
    runner.on('fail', (test, err: Error) =>
      tests.push({ title: test.title, fullTitle: test.fullTitle(), state: 'failed', durationMs: test.duration, error: err.stack ?? String(err) }),
    );
  }).finally(restoreConsole);

  const report: HostTestReport = {
    passes: tests.filter((t) => t.state === 'passed').length,
    failures,
    pending: tests.filter((t) => t.state === 'pending').length,
    durationMs: Date.now() - started,
    tests,
  };
  const reportPath = process.env.VSCODE_TEST_REPORT;
  if (reportPath) fs.writeFileSync(reportPath, JSON.stringify(report, null, 2));
  if (failures > 0) throw new Error(`${failures} host test(s) failed`);
}

/**
 * The web workbench forwards the extension host's console on the same channel
 * as its own log, so the runner asks for a tag that marks the reporter's lines.
 * (The extension host's console methods cannot be reassigned; mocha's reporters
 * print through Base.consoleLog, which can.)
 */
function tagConsole(tag: string | undefined): () => void {
  if (!tag) return () => {};
  const Base = Mocha.reporters.Base;
  const original = Base.consoleLog;
  Base.consoleLog = (...args: unknown[]) => console.log(tag + util.format(...args));
  return () => {
    Base.consoleLog = original;
  };
}
