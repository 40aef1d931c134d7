import * as path from 'node:path';
import { escapeControls } from '../core/escape';
import type { Logger } from '../core/logger';
import type { Applicability, Finding, Severity } from '../core/types';
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
import { FileError, writeOutputFile } from './output';
import { parseCommandLine, reportUsageError, UsageError } from './usage';
import { checkSelectors, jobsOption, lintPaths, splitList } from './lintPaths';
import type { LintedFile } from './lintPaths';
import { runLspCommand } from './lspCommand';
import { runModelCardCommand } from './modelCardCommand';
import { baselineStates, readBaselineFile, writeBaselineFile } from './baseline';
import { useColor } from './color';
import { runReportCommand } from './reportCommand';
import type { Linter } from '../core/engine';

declare const GREENML_VERSION: string | undefined;
const version = typeof GREENML_VERSION === 'string' ? GREENML_VERSION : '0.0.0-dev';

export const usage = `Usage: greenml <command> [options]

Lint SageMaker code, notebooks and infrastructure templates (CloudFormation, Terraform, AWS CDK)
for cost and carbon, and estimate what they deploy. Works offline.

Commands:
  lint [paths...]         Report findings (and fix them with --fix); for CI and pre-commit
  report [paths...]       Footprint report: findings, savings, estimated cost and carbon
  rules                   List the rules
  estimate <type>         Energy, carbon and cost of an ml.* instance type
  regions                 Grid carbon intensity of every AWS region
  modelcard <file>        Model Card environmental-impact fragment of a training call
  scan                    Idle and long-running SageMaker resources across accounts and regions (read only)
  lsp --stdio             The language server, for editors that speak LSP (docs/editors.md)

Options:
  -h, --help              Show this help ('greenml <command> --help' for a command's options)
  -v, --version           Show the version

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage or internal error.
`;

export const lintUsage = `Usage: greenml lint [paths...] [options]

Lints SageMaker Python SDK / boto3 scripts, Jupyter notebooks, CloudFormation, Terraform and
AWS CDK files. Paths default to the current folder. Folders are walked recursively, skipping
.git, node_modules, virtualenvs, build outputs and what .gitignore excludes.

Options:
  --format text|json|sarif   Output format (default: text)
  -o, --output FILE          Write the report to FILE instead of standard output
  --fix                      Apply safe fixes to the files
  --unsafe-fixes             With --fix, also apply fixes that may change behaviour
  --select IDS               Only these rules (ids, id prefixes such as SML4, or names; comma-separated)
  --ignore IDS               Never these rules
  --fail-on SEVERITY         Exit 1 when a finding is at or above: error, warning, info, hint, none
                             (default: warning)
  --baseline FILE            Report and fail only on findings not in this baseline file
  --write-baseline FILE      Record today's findings in FILE (exit 0), for --baseline
  -c, --config FILE          Use this config file instead of searching upward from each file
  --no-config                Use no config file
  -j, --jobs N               Lint on N threads (default: one per core; also GREENML_JOBS)
  --color, --no-color        Colour the text output (default: on a terminal, unless NO_COLOR is set)
  -h, --help                 Show this help

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage or internal error.
`;

export const rulesUsage = `Usage: greenml rules [--format text|json|markdown]

Lists every rule with its default severity, formats and fixes.

Options:
  --format text|json|markdown   Output format (default: text)
  -h, --help                    Show this help
`;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** Where the parsers' WebAssembly files are; by default next to this script (dist/). */
  locateWasm?: LocateWasm;
  /** Whether standard output / standard error are terminals (colour, progress). */
  stdoutIsTerminal?: boolean;
  stderrIsTerminal?: boolean;
  /** The environment (NO_COLOR, FORCE_COLOR); none by default. */
  env?: NodeJS.ProcessEnv;
}


/** Runs the CLI and resolves with its exit code; never calls process.exit itself. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (err) {
    if (err instanceof UsageError) return reportUsageError(io, err.message, err.helpCommand);
    if (err instanceof FileError) {
      io.stderr(`greenml: ${escapeControls(err.message)}\n`);
      return 2;
    }
    io.stderr(`greenml: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 2;
  }
}

const commands = ['lint', 'report', 'rules', 'estimate', 'regions', 'modelcard', 'scan', 'lsp'];

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'estimate') return runEstimateCommand(rest, io, version);
  if (command === 'regions') return runRegionsCommand(rest, io);
  // Loaded on demand: linting never loads the AWS SDK.
  if (command === 'scan') return (await import('./scanCommand')).runScanCommand(rest, io);
  const newLinter = (): Linter => createLinter({ logger: stderrLogger(io), locateWasm: io.locateWasm ?? ((file) => path.join(__dirname, file)) });
  if (command === 'report') return runReportCommand(rest, io, newLinter);
  if (command === 'modelcard') return runModelCardCommand(rest, io, newLinter);
  if (command === 'rules') return runRulesCommand(rest, io, newLinter);
  if (command === 'lint') return runLintCommand(rest, io, newLinter);
  if (command === 'lsp') return runLspCommand(rest, io, newLinter);
  const { values, positionals } = parseCommandLine(argv, { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } });
  if (values.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  if (positionals.length === 0) {
    io.stderr(usage);
    return 2;
  }
  throw new UsageError(`unknown command "${positionals[0]}"; expected ${commands.join(', ')}`);
}

/** The options `greenml rules` takes. */
export const rulesOptions = { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

function runRulesCommand(argv: readonly string[], io: CliIo, newLinter: () => Linter): number {
  const { values, positionals } = parseCommandLine(argv, rulesOptions, 'greenml rules');
  if (values.help) {
    io.stdout(rulesUsage);
    return 0;
  }
  if (positionals.length) throw new UsageError(`'rules' takes no paths, got ${positionals.join(' ')}`, 'greenml rules');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'markdown') throw new UsageError(`--format for 'rules' must be text, json or markdown, got "${format}"`, 'greenml rules');
  io.stdout(formatRuleList(newLinter().rules, format));
  return 0;
}

/** Files above this count get a progress line on a terminal's standard error. */
const progressThreshold = 300;

/** The options `greenml lint` takes; its help lists each one. */
export const lintOptions = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  fix: { type: 'boolean' },
  'unsafe-fixes': { type: 'boolean' },
  select: { type: 'string', multiple: true },
  ignore: { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function runLintCommand(argv: readonly string[], io: CliIo, newLinter: () => Linter): Promise<number> {
  const help = 'greenml lint';
  const { values, positionals: paths } = parseCommandLine(argv, lintOptions, help);
  if (values.help) {
    io.stdout(lintUsage);
    return 0;
  }
  const format = values.format ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, got "${format}"`, help);
  const failOn = (values['fail-on'] ?? 'warning') as Severity | 'none';
  if (failOn !== 'none' && !severities.includes(failOn)) throw new UsageError(`--fail-on must be one of ${severities.join(', ')}, none; got "${failOn}"`, help);
  if (values['unsafe-fixes'] && !values.fix) throw new UsageError('--unsafe-fixes goes with --fix', help);
  if (values.config && values['no-config']) throw new UsageError('--config and --no-config exclude each other', help);
  if (values.color && values['no-color']) throw new UsageError('--color and --no-color exclude each other', help);
  if (values['write-baseline'] !== undefined && (values.baseline !== undefined || values.fix)) throw new UsageError('--write-baseline goes without --baseline and --fix', help);
  const baseline = values.baseline !== undefined ? readBaselineFile(io.cwd, values.baseline) : undefined;
  const linter = newLinter();
  const select = splitList(values.select);
  const ignore = splitList(values.ignore);
  checkSelectors(linter.rules, [...select, ...ignore]);
  const fixKinds: Applicability[] = values['unsafe-fixes'] ? ['safe', 'unsafe'] : ['safe'];

  const progress = io.stderrIsTerminal ? progressLine(io) : undefined;
  // A baseline fingerprints the code each finding flags: only then are the files' texts kept.
  const usesBaseline = baseline !== undefined || values['write-baseline'] !== undefined;
  const jobs = jobsOption(values.jobs, io.env?.GREENML_JOBS ?? process.env.GREENML_JOBS);
  const linted = await lintPaths(linter, io, paths, { select, ignore, config: values.config, noConfig: values['no-config'], fix: values.fix ? fixKinds : undefined, onProgress: progress?.update, jobs, keepText: usesBaseline });
  progress?.done();
  if (linted.invalidConfig) return 2;
  const { fixed, internalErrors, skipped } = linted;
  let { results } = linted;

  if (values['write-baseline'] !== undefined) {
    const count = writeBaselineFile(io.cwd, values['write-baseline'], withTexts(results));
    const withFindings = results.filter((r) => r.findings.length).length;
    io.stdout(`Wrote ${count} finding${count === 1 ? '' : 's'} in ${withFindings} file${withFindings === 1 ? '' : 's'} to ${values['write-baseline']}; lint with --baseline ${values['write-baseline']} to report only new ones.\n`);
    return internalErrors ? 2 : 0;
  }
  let unchanged: Array<{ path: string; finding: Finding }> | undefined;
  if (baseline) {
    const states = baselineStates(baseline.baseline, baseline.absolute, io.cwd, withTexts(results));
    unchanged = results.flatMap((r, i) => r.findings.filter((_, j) => states[i][j] === 'unchanged').map((finding) => ({ path: r.path, finding })));
    results = results.map((r, i) => ({ ...r, findings: r.findings.filter((_, j) => states[i][j] === 'new') }));
  }
  const report: Report = { results, rules: linter.rules, fixed, toolVersion: version, skipped, ...(baseline && unchanged ? { baseline: { file: values.baseline!, unchanged } } : {}) };
  const color = useColor(values.color ? true : values['no-color'] ? false : undefined, io.env ?? {}, !values.output && !!io.stdoutIsTerminal);
  const output = format === 'json' ? formatJson(report) : format === 'sarif' ? formatSarif(report, io.cwd) : formatText(report, { color: format === 'text' && color });
  if (values.output) writeOutputFile(io.cwd, values.output, output);
  else io.stdout(output);
  if (internalErrors) return 2;
  return failsAt(results.flatMap((r) => r.findings), failOn) ? 1 : 0;
}

/** Results linted with `keepText`: each carries the text its findings index. */
function withTexts(results: readonly LintedFile[]): Array<LintedFile & { text: string }> {
  return results.map((r) => {
    if (r.text === undefined) throw new Error(`${r.path}: linted without its text`);
    return { ...r, text: r.text };
  });
}

/** `greenml: linting 120/900 files` on a terminal's standard error, for walks above {@link progressThreshold} files. */
function progressLine(io: CliIo): { update: (done: number, total: number) => void; done: () => void } {
  let shown = false;
  let last = -1;
  return {
    update: (done, total) => {
      if (total <= progressThreshold) return;
      const step = Math.ceil(total / 50);
      if (done !== total && done - last < step) return;
      last = done;
      shown = true;
      io.stderr(`\rgreenml: linting ${done}/${total} files`);
    },
    done: () => {
      if (shown) io.stderr('\r\u001b[K');
    },
  };
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
  // The AWS SDK (loaded by `estimate --live` only) warns on Node 20 that its releases after
  // January 2027 need Node 22; that is for this tool's maintainers, not its users. The SDK's
  // documented switch silences that one warning and no other.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  void runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    stdoutIsTerminal: process.stdout.isTTY === true,
    stderrIsTerminal: process.stderr.isTTY === true,
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
