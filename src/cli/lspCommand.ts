import { stdioConnection } from '../server/messageEncoder';
import type { Linter } from '../core/engine';
import { startServer } from '../server/server';
import type { CliIo } from './main';
import { parseCommandLine, UsageError } from './usage';

export const lspUsage = `Usage: greenml lsp [--stdio]

Runs the Green ML language server (LSP 3.17) on standard input and output, for editors
that speak the Language Server Protocol (VS Code, JupyterLab with jupyterlab-lsp, Neovim,
Helix, Zed, JetBrains IDEs through LSP4IJ). See docs/editors.md.

Options:
  --stdio      Speak LSP over standard input/output (the default and only transport)
  -h, --help   Show this help
`;

/** `greenml lsp`: serves until the client sends `exit` (the connection ends the process). */
export function runLspCommand(argv: readonly string[], io: CliIo, newLinter: () => Linter): Promise<number> | number {
  const { values, positionals } = parseCommandLine(argv, { stdio: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, 'greenml lsp');
  if (values.help) {
    io.stdout(lspUsage);
    return 0;
  }
  if (positionals.length) throw new UsageError(`'lsp' takes no paths, got "${positionals[0]}"`, 'greenml lsp');
  const connection = stdioConnection();
  startServer({ linter: newLinter(), connection });
  return new Promise<number>(() => undefined);
}
