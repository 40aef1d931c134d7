import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../core/config';
import { emptyConfig, resolveRuleSettings, unknownSelectors } from '../core/config';
import type { LintResult } from '../core/engine';
import { errorMessage } from '../core/engine';
import { fixUntilStable } from '../core/fixLoop';
import type { Logger } from '../core/logger';
import type { Applicability, Severity } from '../core/types';
import type { LocateWasm } from '../parsers/wasm';
import { severities } from '../core/types';
import { createLinter } from '../linter';
import { ConfigFileFinder, formatConfigIssue } from '../node/configFile';
import type { ConfigFileIssue } from '../node/configFile';
import { listFiles } from '../node/walk';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatText } from './formatters/text';
import { failsAt } from './report';
import type { Report } from './report';
import { runEstimateCommand } from './estimateCommand';
import { runRegionsCommand } from './regionsCommand';
import { formatRuleList } from './rulesCommand';
import { reportUsageError } from './usage';

declare const GREENML_VERSION: string | undefined;
const version = typeof GREENML_VERSION === 'string' ? GREENML_VERSION : '0.0.0-dev';

export const usage = `Usage: greenml lint [paths...] [options]
       greenml rules [--format text|json|markdown]
       greenml estimate <instance-type> [--region R] [--hours N] [--utilization U] [--intensity ccf|recent] [--json]
       greenml regions [--sort carbon|name] [--intensity ccf|recent] [--json]

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

class UsageError extends Error {}

/** Runs the CLI and resolves with its exit code; never calls process.exit itself. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (err) {
    if (err instanceof UsageError) return reportUsageError(io, err.message);
    io.stderr(`greenml: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 2;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === 'estimate') return runEstimateCommand(argv.slice(1), io);
  if (argv[0] === 'regions') return runRegionsCommand(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        fix: { type: 'boolean' },
        'unsafe-fixes': { type: 'boolean' },
        select: { type: 'string', multiple: true },
        ignore: { type: 'string', multiple: true },
        'fail-on': { type: 'string' },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    throw new UsageError(errorMessage(err));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  if (values.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  const linter = createLinter({ logger: stderrLogger(io), locateWasm: io.locateWasm ?? ((file) => path.join(__dirname, file)) });
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
    throw new UsageError(`unknown command "${command}"; expected lint, rules, estimate or regions`);
  }

  const format = values.format ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, got "${format}"`);
  const failOn = (values['fail-on'] ?? 'warning') as Severity | 'none';
  if (failOn !== 'none' && !severities.includes(failOn)) throw new UsageError(`--fail-on must be one of ${severities.join(', ')}, none; got "${failOn}"`);
  if (values['unsafe-fixes'] && !values.fix) throw new UsageError('--unsafe-fixes goes with --fix');
  if (values.config && values['no-config']) throw new UsageError('--config and --no-config exclude each other');
  const select = splitList(values.select);
  const ignore = splitList(values.ignore);
  const unknown = unknownSelectors(linter.rules, [...select, ...ignore]);
  if (unknown.length) throw new UsageError(`no rule matches ${unknown.map((u) => `"${u}"`).join(', ')}; 'greenml rules' lists them`);

  const { files, missing } = listFiles(paths.length ? paths.map((p) => path.resolve(io.cwd, p)) : [io.cwd], { accept: (name) => linter.mayHandle(name) });
  if (missing.length) throw new UsageError(`no such file or folder: ${missing.map((m) => path.relative(io.cwd, m) || m).join(', ')}`);
  const explicit = new Set(paths.map((p) => path.resolve(io.cwd, p)));

  const finder = new ConfigFileFinder(linter.rules);
  const forced = values.config ? finder.loadFile(path.resolve(io.cwd, values.config)) : undefined;
  const configIssues = new Map<string, ConfigFileIssue[]>();
  if (forced?.issues.length) configIssues.set(forced.file, forced.issues);
  const configFor = (file: string): Config => {
    if (values['no-config']) return emptyConfig;
    if (forced) return forced.config;
    const found = finder.find(file);
    if (found?.issues.length) configIssues.set(found.file, found.issues);
    return found?.config ?? emptyConfig;
  };
  const fixKinds: Applicability[] = values['unsafe-fixes'] ? ['safe', 'unsafe'] : ['safe'];
  // The loaded parsers report their failures; their files are then skipped, and the run ends with exit code 2.
  const loadFailures = await linter.prepare(files);

  const results: Report['results'] = [];
  let fixed = 0;
  let internalErrors = loadFailures.length;
  for (const file of files) {
    const settings = resolveRuleSettings(linter.rules, configFor(file), { select, ignore });
    if (configIssues.size) break;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      io.stderr(`greenml: cannot read ${path.relative(io.cwd, file)}: ${errorMessage(err)}\n`);
      internalErrors++;
      continue;
    }
    let result: LintResult = linter.lint(file, text, { settings });
    if (values.fix) {
      const outcome = fixUntilStable(text, result, (next) => linter.lint(file, next, { settings }), fixKinds);
      fixed += outcome.applied;
      if (outcome.stoppedOnParseError) io.stderr(`greenml: ${path.relative(io.cwd, file)}: some fixes were not applied, the result would not parse\n`);
      if (outcome.text !== text) fs.writeFileSync(file, outcome.text);
      text = outcome.text;
      result = outcome.result;
    }
    internalErrors += result.ruleErrors.length;
    if (result.skipped && explicit.has(file)) io.stderr(`greenml: skipped ${path.relative(io.cwd, file)}: ${result.skipped}\n`);
    if (result.skipped && !explicit.has(file)) continue;
    results.push({ ...result, path: path.relative(io.cwd, file) || path.basename(file) });
  }
  if (configIssues.size) {
    for (const issues of configIssues.values()) for (const issue of issues) io.stderr(`greenml: invalid config: ${formatConfigIssue(issue, io.cwd)}\n`);
    return 2;
  }

  const report: Report = { results, rules: linter.rules, fixed, toolVersion: version };
  const output = format === 'json' ? formatJson(report) : format === 'sarif' ? formatSarif(report, io.cwd) : formatText(report);
  if (values.output) fs.writeFileSync(path.resolve(io.cwd, values.output), output);
  else io.stdout(output);
  if (internalErrors) return 2;
  return failsAt(results.flatMap((r) => r.findings), failOn) ? 1 : 0;
}

function splitList(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

function stderrLogger(io: CliIo): Logger {
  return {
    error: (m) => io.stderr(`greenml: ${m}\n`),
    warn: (m) => io.stderr(`greenml: ${m}\n`),
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
