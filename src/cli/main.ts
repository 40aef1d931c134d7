import * as path from 'node:path';
import { escapeControls } from '../core/escape';
import type { Logger } from '../core/logger';
import type { Applicability, Severity } from '../core/types';
import type { LocateWasm } from '../parsers/wasm';
import { severities } from '../core/types';
import { createLinter } from '../linter';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatText } from './formatters/text';
import { failsAt } from './report';
import type { Report } from './report';
import { runEstimateCommand } from './estimateCommand';
import { runRegionsCommand } from './regionsCommand';
import { formatRuleList } from './rulesCommand';
import { parseCommandLine, reportUsageError, UsageError } from './usage';
import { checkSelectors, FileError, jobsOption, lintPaths, splitList, writeOutput } from './lintPaths';
import { runModelCardCommand } from './modelCardCommand';
import { runReportCommand } from './reportCommand';
import { runLspCommand } from './lspCommand';
import type { Linter } from '../core/engine';

declare const GREENML_VERSION: string | undefined;
const version = typeof GREENML_VERSION === 'string' ? GREENML_VERSION : '0.0.0-dev';

export const usage = `Usage: greenml lint [paths...] [options]
       greenml rules [--format text|json|markdown]
       greenml estimate <instance-type> [--region R] [--hours N] [--utilization U] [--intensity ccf|recent] [--json]
       greenml regions [--sort carbon|name] [--intensity ccf|recent] [--json]
       greenml report [paths...] [--format md|html|json] [--output FILE] [--region R]
       greenml modelcard <file> [--line N] [--region R]
       greenml lsp --stdio
       greenml scan [--profiles a,b | --org --role-name R] [--regions r1,r2|all] [--format text|json|md|csv]

Lint SageMaker code, notebooks and infrastructure templates for cost and carbon.
Paths default to the current folder. Folders are walked recursively, skipping
.git, node_modules, virtualenvs, build outputs and what .gitignore excludes.

Options:
  --format text|json|sarif   Output format (default: text)
  --output FILE              Write the report to FILE instead of standard output
  --fix                      Apply safe fixes to the files
  --unsafe-fixes             With --fix, also apply fixes that may change behaviour
  --select IDS               Only these rules (ids, id prefixes such as SML4, or names; comma-separated)
  --ignore IDS               Never these rules
  --fail-on SEVERITY         Exit 1 when a finding is at or above: error, warning, info, hint, none
                             (default: warning)
  --config FILE              Use this config file instead of searching upward from each file
  --no-config                Use no config file
  -j, --jobs N               Lint on N threads (default: one per core; also GREENML_JOBS)
  -h, --help                 Show this help
  -v, --version              Show the version

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage or internal error.
`;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** Where the parsers' WebAssembly files are; by default next to this script (dist/). */
  locateWasm?: LocateWasm;
}


/** Runs the CLI and resolves with its exit code; never calls process.exit itself. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (err) {
    if (err instanceof FileError) {
      io.stderr(`greenml: ${err.message}\n`);
      return 2;
    }
    if (err instanceof UsageError) return reportUsageError(io, err.message, err.helpCommand);
    io.stderr(`greenml: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 2;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === 'estimate') return runEstimateCommand(argv.slice(1), io, version);
  if (argv[0] === 'regions') return runRegionsCommand(argv.slice(1), io);
  // Loaded on demand: linting never loads the AWS SDK.
  if (argv[0] === 'scan') return (await import('./scanCommand')).runScanCommand(argv.slice(1), io);
  const newLinter = (): Linter => createLinter({ logger: stderrLogger(io), locateWasm: io.locateWasm ?? ((file) => path.join(__dirname, file)) });
  if (argv[0] === 'report') return runReportCommand(argv.slice(1), io, newLinter);
  if (argv[0] === 'modelcard') return runModelCardCommand(argv.slice(1), io, newLinter);
  if (argv[0] === 'lsp') return runLspCommand(argv.slice(1), io, newLinter);
  const { values, positionals } = parseCommandLine(argv, {
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    fix: { type: 'boolean' },
    'unsafe-fixes': { type: 'boolean' },
    select: { type: 'string', multiple: true },
    ignore: { type: 'string', multiple: true },
    'fail-on': { type: 'string' },
    config: { type: 'string', short: 'c' },
    'no-config': { type: 'boolean' },
    jobs: { type: 'string', short: 'j' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
  });
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  if (values.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  const linter = newLinter();
  if (command === 'rules') {
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json' && format !== 'markdown') throw new UsageError(`--format for 'rules' must be text, json or markdown, got "${format}"`);
    io.stdout(formatRuleList(linter.rules, format));
    return 0;
  }
  if (command !== 'lint') {
    if (command === undefined) {
      io.stderr(usage);
      return 2;
    }
    throw new UsageError(`unknown command "${command}"; expected lint, rules, estimate, regions, report, modelcard, scan or lsp`);
  }

  const format = values.format ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, got "${format}"`);
  const failOn = (values['fail-on'] ?? 'warning') as Severity | 'none';
  if (failOn !== 'none' && !severities.includes(failOn)) throw new UsageError(`--fail-on must be one of ${severities.join(', ')}, none; got "${failOn}"`);
  if (values['unsafe-fixes'] && !values.fix) throw new UsageError('--unsafe-fixes goes with --fix');
  if (values.config && values['no-config']) throw new UsageError('--config and --no-config exclude each other');
  const select = splitList(values.select);
  const ignore = splitList(values.ignore);
  checkSelectors(linter.rules, [...select, ...ignore]);
  const fixKinds: Applicability[] = values['unsafe-fixes'] ? ['safe', 'unsafe'] : ['safe'];

  const jobs = jobsOption(values.jobs, process.env.GREENML_JOBS);
  const linted = await lintPaths(linter, io, paths, { select, ignore, config: values.config, noConfig: values['no-config'], fix: values.fix ? fixKinds : undefined, jobs });
  if (linted.invalidConfig) return 2;
  const { results, fixed, internalErrors, skipped } = linted;

  const report: Report = { results, rules: linter.rules, fixed, toolVersion: version, skipped };
  const output = format === 'json' ? formatJson(report) : format === 'sarif' ? formatSarif(report, io.cwd) : formatText(report);
  if (values.output) writeOutput(io, values.output, output);
  else io.stdout(output);
  if (internalErrors) return 2;
  return failsAt(results.flatMap((r) => r.findings), failOn) ? 1 : 0;
}

export function stderrLogger(io: CliIo): Logger {
  return {
    // Messages name files and quote errors: one line each, control characters escaped.
    error: (m) => io.stderr(`greenml: ${escapeControls(m)}\n`),
    warn: (m) => io.stderr(`greenml: ${escapeControls(m)}\n`),
    info: () => undefined,
    debug: () => undefined,
  };
}

if (require.main === module) {
  // Exit through process.exitCode so buffered output to a pipe is flushed first.
  void runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
  }).then((code) => {
    process.exitCode = code;
  });
}
