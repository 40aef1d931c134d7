import type { ParseArgsConfig } from 'node:util';
import { parseArgs } from 'node:util';
import { errorMessage } from '../core/engine';
import { escapeControls } from '../core/escape';

/** A bad command line: reported with the usage hint (`<helpCommand> --help`), exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly helpCommand = 'greenml',
  ) {
    super(message);
  }
}

/** Prints a usage error the same way for every command and returns its exit code, 2. */
export function reportUsageError(io: { stderr(text: string): void }, message: string, helpCommand = 'greenml'): number {
  io.stderr(`greenml: ${escapeControls(message)}\nRun '${helpCommand} --help' for usage.\n`);
  return 2;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a subcommand's arguments (positionals allowed, unknown options refused) and turns a bad
 * command line into a {@link UsageError}; every command shares it.
 */
export function parseCommandLine<O extends Options>(argv: readonly string[], options: O, helpCommand = 'greenml') {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, options, strict: true });
  } catch (err) {
    throw new UsageError(errorMessage(err), helpCommand);
  }
}
