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
 * command line into a {@link UsageError} of one line; every command shares it. A value that
 * starts with a dash is taken when it is a number (`--hours -3`), so the command's own check
 * reports it ("--hours must be…") instead of a parser message.
 */
export function parseCommandLine<O extends Options>(argv: readonly string[], options: O, helpCommand = 'greenml') {
  const args = checkArguments(argv, options, helpCommand);
  try {
    return parseArgs({ args, allowPositionals: true, options, strict: true });
  } catch (err) {
    // Only cases the check above does not foresee get here; keep the first sentence.
    throw new UsageError(errorMessage(err).split(/\.\s/)[0].replace(/\.$/, ''), helpCommand);
  }
}

const negativeNumber = /^-(\d|\.\d)/;

/** Checks every option against the command's table, and returns the arguments with negative numbers joined to their option. */
function checkArguments(argv: readonly string[], options: Options, helpCommand: string): string[] {
  const out: string[] = [];
  const shorts = new Map(Object.entries(options).flatMap(([name, o]) => (o.short ? [[o.short, name] as const] : [])));
  const fail = (message: string): never => {
    throw new UsageError(message, helpCommand);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    let name: string | undefined;
    let inline = false;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = arg.slice(2, eq < 0 ? undefined : eq);
      inline = eq >= 0;
      if (!(name in options)) fail(`unknown option --${name}${suggestion(name, Object.keys(options))}`);
    } else if (arg.length > 1 && arg.startsWith('-') && !negativeNumber.test(arg)) {
      // -h, -o FILE, -oFILE; grouped boolean flags (-hv) are not worth the ambiguity.
      name = shorts.get(arg[1]);
      if (name === undefined) fail(`unknown option -${arg[1]}`);
      inline = arg.length > 2;
      if (inline && options[name!].type === 'boolean') fail(`unknown option ${arg}`);
    }
    if (name === undefined) {
      out.push(arg);
      continue;
    }
    const flag = arg.startsWith('--') ? `--${name}` : `-${arg[1]}`;
    if (options[name].type === 'boolean') {
      if (inline) fail(`${flag} takes no value`);
      out.push(arg);
      continue;
    }
    if (inline) {
      out.push(arg);
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || (value.startsWith('-') && !negativeNumber.test(value))) fail(`${flag} needs a value`);
    out.push(`--${name}=${value}`);
    i++;
  }
  return out;
}

/** `; did you mean --x?` for a close option name (same prefix or one edit away), else nothing. */
function suggestion(name: string, known: readonly string[]): string {
  const close = known.find((k) => k !== name && (k.startsWith(name) || name.startsWith(k) || editDistanceAtMostOne(k, name)));
  return close ? `; did you mean --${close}?` : '';
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
