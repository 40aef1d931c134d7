// The language server as `greenml lsp --stdio` runs it, with the test build's WebAssembly locations:
// spawned by the LSP tests as a separate process speaking stdio.
import { createLinter } from '../../src/linter';
import { stdioConnection } from '../../src/server/messageEncoder';
import { startServer } from '../../src/server/server';
import { locateTestWasm } from '../kit/languages';

startServer({
  linter: createLinter({ locateWasm: locateTestWasm, logger: { error: (m) => process.stderr.write(`${m}\n`), warn: (m) => process.stderr.write(`${m}\n`), info: () => undefined, debug: () => undefined } }),
  connection: stdioConnection(),
  // The wait for the client's settings, shortened by the tests that exercise it.
  ...(process.env.GREENML_TEST_SETTINGS_WAIT_MS ? { settingsWaitMs: Number(process.env.GREENML_TEST_SETTINGS_WAIT_MS) } : {}),
});
