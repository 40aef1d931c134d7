import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { testLanguages } from './languages';

/** The run's own temporary folder: every test's mkdtemp lands in it, and it goes when the run ends. */
let runTmp: string | undefined;
let outerTmp: string | undefined;

/**
 * Mocha root hook (loaded through .mocharc.json): loads the tree-sitter parsers
 * once before any test, as the CLI does before linting, and points TMPDIR at a folder of the run
 * that is removed afterwards, so the tests leave nothing in the machine's temporary folder.
 */
export const mochaHooks = {
  async beforeAll(): Promise<void> {
    outerTmp = process.env.TMPDIR;
    runTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-tests-'));
    // Tests that run the CLI as another user (an unreadable folder, as root) must reach their folders.
    fs.chmodSync(runTmp, 0o755);
    process.env.TMPDIR = runTmp;
    await Promise.all(testLanguages.map((l) => l.load?.()));
    for (const language of testLanguages) {
      const state = language.loadState;
      if (state?.state === 'failed') throw new Error(`cannot load the ${language.format} parser: ${state.message}`);
    }
  },
  afterAll(): void {
    if (outerTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = outerTmp;
    if (runTmp) fs.rmSync(runTmp, { recursive: true, force: true });
  },
};
