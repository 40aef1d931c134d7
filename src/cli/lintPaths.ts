import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Config } from '../core/config';
import { emptyConfig, resolveRuleSettings, unknownSelectors } from '../core/config';
import type { Linter, LintResult } from '../core/engine';
import { errorMessage } from '../core/engine';
import { fixUntilStable } from '../core/fixLoop';
import type { Applicability, Finding } from '../core/types';
import { ConfigFileFinder, formatConfigIssue } from '../node/configFile';
import type { ConfigFileIssue } from '../node/configFile';
import { FolderContexts } from '../node/folderContext';
import { listFiles } from '../node/walk';
import type { CliIo } from './main';
import { UsageError } from './usage';

export interface LintPathsOptions {
  select: string[];
  ignore: string[];
  /** A config file that replaces the search upward from each file. */
  config?: string;
  noConfig?: boolean;
  /** Apply the fixes of these kinds to the files (`lint --fix`). */
  fix?: Applicability[];
  /** Called after each file with the count done and the total (progress on a terminal). */
  onProgress?: (done: number, total: number) => void;
}

export interface LintedFile extends LintResult {
  /** Relative to the working directory. */
  path: string;
  /** The text linted (after fixes). */
  text: string;
}

/**
 * Walks the paths (folders recursively, honouring .gitignore) and lints each file with the config
 * found upward from it: what `lint` and `report` share. Throws a {@link UsageError} for a
 * missing path; invalid config files are reported on stderr and give `invalidConfig`.
 */
export async function lintPaths(
  linter: Linter,
  io: CliIo,
  paths: readonly string[],
  options: LintPathsOptions,
): Promise<{ results: LintedFile[]; fixed: number; internalErrors: number; invalidConfig: boolean }> {
  const { select, ignore } = options;
  const { files, missing } = listFiles(paths.length ? paths.map((p) => path.resolve(io.cwd, p)) : [io.cwd], { accept: (name) => linter.mayHandle(name) });
  if (missing.length) throw new UsageError(`no such file or folder: ${missing.map((m) => path.relative(io.cwd, m) || m).join(', ')}`);
  const explicit = new Set(paths.map((p) => path.resolve(io.cwd, p)));

  const finder = new ConfigFileFinder(linter.rules);
  const forced = options.config ? finder.loadFile(path.resolve(io.cwd, options.config)) : undefined;
  const configIssues = new Map<string, ConfigFileIssue[]>();
  if (forced?.issues.length) configIssues.set(forced.file, forced.issues);
  const configFor = (file: string): Config => {
    if (options.noConfig) return emptyConfig;
    if (forced) return forced.config;
    const found = finder.find(file);
    if (found?.issues.length) configIssues.set(found.file, found.issues);
    return found?.config ?? emptyConfig;
  };
  // The loaded parsers report their failures; their files are then skipped, and the run ends with exit code 2.
  const loadFailures = await linter.prepare(files);

  // Terraform files are linted as modules: every .tf file of a folder is read once and indexed together.
  const folders = new FolderContexts(linter);
  const results: LintedFile[] = [];
  let fixed = 0;
  let internalErrors = loadFailures.length;
  for (const [index, file] of files.entries()) {
    options.onProgress?.(index, files.length);
    const settings = resolveRuleSettings(linter.rules, configFor(file), { select, ignore });
    if (configIssues.size) break;
    let text: string;
    try {
      text = folders.read(file);
    } catch (err) {
      io.stderr(`greenml: cannot read ${path.relative(io.cwd, file)}: ${errorMessage(err)}\n`);
      internalErrors++;
      continue;
    }
    const context = folders.contextFor(file);
    let result: LintResult = linter.lint(file, text, { settings, context });
    if (options.fix) {
      const outcome = fixUntilStable(text, result, (next) => linter.lint(file, next, { settings, context }), options.fix);
      fixed += outcome.applied;
      if (outcome.stoppedOnParseError) io.stderr(`greenml: ${path.relative(io.cwd, file)}: some fixes were not applied, the result would not parse\n`);
      if (outcome.text !== text) {
        fs.writeFileSync(file, outcome.text);
        // The files after this one in its folder see the fixed text.
        folders.update(file, outcome.text);
      }
      text = outcome.text;
      result = outcome.result;
    }
    internalErrors += result.ruleErrors.length;
    if (result.skipped && explicit.has(file)) io.stderr(`greenml: skipped ${path.relative(io.cwd, file)}: ${result.skipped}\n`);
    if (result.skipped && !explicit.has(file)) continue;
    results.push({ ...result, findings: result.findings.map((f) => relativeRelated(f, io.cwd)), path: path.relative(io.cwd, file) || path.basename(file), text });
  }
  options.onProgress?.(files.length, files.length);
  if (configIssues.size) {
    for (const issues of configIssues.values()) for (const issue of issues) io.stderr(`greenml: invalid config: ${formatConfigIssue(issue, io.cwd)}\n`);
    return { results, fixed, internalErrors, invalidConfig: true };
  }
  return { results, fixed, internalErrors, invalidConfig: false };
}

/** Related locations in other files (a Terraform module's) named relative to the working directory, like the results' paths. */
function relativeRelated(finding: Finding, cwd: string): Finding {
  if (!finding.related?.some((r) => r.fileName !== undefined)) return finding;
  return { ...finding, related: finding.related.map((r) => (r.fileName === undefined ? r : { ...r, fileName: path.relative(cwd, r.fileName) || path.basename(r.fileName) })) };
}

/** Throws a {@link UsageError} when a --select/--ignore entry matches no rule. */
export function checkSelectors(rules: Linter['rules'], selectors: readonly string[]): void {
  const unknown = unknownSelectors(rules, selectors);
  if (unknown.length) throw new UsageError(`no rule matches ${unknown.map((u) => `"${u}"`).join(', ')}; 'greenml rules' lists them`);
}


/** `--select a,b --select c` as a list. */
export function splitList(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

