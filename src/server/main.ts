// The language server as the VS Code extension starts it (dist/server.js): a process of its own,
// speaking LSP over the transport the client names on the command line (Node IPC or stdio), with
// the parsers' WebAssembly next to the bundle.
import * as path from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createLinter } from '../linter';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
const toLog = (level: string) => (message: string): void => connection.console.log(`[${level}] ${message}`);
startServer({
  linter: createLinter({ logger: { error: toLog('error'), warn: toLog('warn'), info: toLog('info'), debug: () => undefined }, locateWasm: (file) => path.join(__dirname, file) }),
  connection,
});
