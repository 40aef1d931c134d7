import * as os from 'node:os';
import * as path from 'node:path';
import type { Config, RuleSettings } from '../core/config';
import { emptyConfig, resolveRuleSettings, unknownSelectors } from '../core/config';
import type { Linter, LintResult } from '../core/engine';
import { escapeControls } from '../core/escape';
import { detectFormat } from '../core/formats';
import type { Applicability, Finding } from '../core/types';
import { ConfigFileFinder, formatConfigIssue } from '../node/configFile';
import type { ConfigFileIssue } from '../node/configFile';

import type { WalkResult } from '../node/walk';
import { listFiles } from '../node/walk';
import { LintPool } from './lintPool';
import type { UnitOutcome, UnitTask } from './lintUnit';
import { lintUnit } from './lintUnit';
import type { CliIo } from './main';
import { FileError } from './output';

export { FileError };
import { UsageError } from './usage';

export interface LintPathsOptions {
  select: string[];
  ignore: string[];
  /** A config file that replaces the search upward from each file. */
  config?: string;
  noConfig?: boolean;
  /** Apply the fixes of these kinds to the files (`lint --fix`). */
  fix?: Applicability[];
  /** Worker threads to lint on (default: one per core); 1 lints on the calling thread. */
  jobs?: number;
  /** Keep each file's text in its result (`greenml report` reads the code again); `lint` does not. */
  keepText?: boolean;
  /** Called after each file with the count done and the total (progress on a terminal). */
  onProgress?: (done: number, total: number) => void;
}

export interface LintedFile extends LintResult {
  /** Relative to the working directory. */
  path: string;
  /** The text linted (after fixes), with {@link LintPathsOptions.keepText} only. */
  text?: string;
}

/** A file or folder left out, with the reason: listed in the summary. */
export interface SkippedFile {
  /** Relative to the working directory. */
  path: string;
  reason: string;
}

export interface LintPathsResult {
  /** In the walk's order (sorted paths), whatever thread linted them. */
  results: LintedFile[];
  fixed: number;
  /** Rule failures, parsers that did not load, files that could not be read or written. */
  internalErrors: number;
  invalidConfig: boolean;
  skipped: SkippedFile[];
}

/** Files per worker below which a worker costs more (its start, its parsers' load) than it saves. */
const filesPerWorker = 24;

/** The worker threads for `requested` jobs (default: one per core) over `units` units of work. */
export function workerCount(requested: number | undefined, units: number): number {
  const jobs = requested ?? os.availableParallelism();
  return Math.max(1, Math.min(jobs, Math.floor(units / filesPerWorker)));
}

/** `--jobs N` or `GREENML_JOBS`: a whole number from 1; throws a {@link UsageError}. */
export function jobsOption(flag: string | undefined, env: string | undefined): number | undefined {
  const [name, value] = flag !== undefined ? ['--jobs', flag] : ['GREENML_JOBS', env];
  if (value === undefined || (flag === undefined && value.trim() === '')) return undefined;
  const jobs = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isInteger(jobs) || jobs < 1 || jobs > 1024) throw new UsageError(`${name} must be a whole number from 1 to 1024, got "${value}"`);
  return jobs;
}

/**
 * Walks the paths (folders recursively, honouring .gitignore) and lints each file with the config
 * found upward from it: what `lint` and `report` share. Files are linted in units (a file, or a
 * folder's Terraform files together) on worker threads; each file's text is dropped once its
 * findings and fixes are done. Throws a {@link UsageError} for a missing path or a folder named
 * explicitly that cannot be read; invalid config files are reported on stderr and give `invalidConfig`.
 */
export async function lintPaths(linter: Linter, io: CliIo, paths: readonly string[], options: LintPathsOptions): Promise<LintPathsResult> {
  const jobs = options.jobs ?? os.availableParallelism();
  // A worker thread starts each time the walk has found files enough for one more (the first
  // two at once), and loads the engine while the walk and the config files go on; those not
  // needed in the end (a folder read together is one unit) are stopped.
  const pool = new LintPool(io.locateWasm ?? ((file) => path.join(__dirname, file)), { cwd: io.cwd, fix: options.fix, keepText: options.keepText });
  let accepted = 0;
  const accept = (name: string): boolean => {
    if (!linter.mayHandle(name)) return false;
    accepted++;
    if (accepted >= filesPerWorker * 2 && accepted % filesPerWorker === 0) pool.grow(Math.min(jobs, accepted / filesPerWorker));
    return true;
  };
  try {
    return await lintWalked(linter, io, paths, options, listFiles(paths.length ? paths.map((p) => path.resolve(io.cwd, p)) : [io.cwd], { accept }), pool);
  } finally {
    pool.close();
  }
}

async function lintWalked(linter: Linter, io: CliIo, paths: readonly string[], options: LintPathsOptions, walked: WalkResult, pool: LintPool): Promise<LintPathsResult> {
  const { select, ignore } = options;
  const shown = (file: string): string => path.relative(io.cwd, file) || file;
  const { files, missing } = walked;
  if (missing.length) throw new UsageError(`no such file or folder: ${missing.map(shown).join(', ')}`);
  if (walked.unreadable.length) throw new FileError(walked.unreadable.map((u) => `${shown(u.path)}: ${u.reason}`).join('; '));
  // One file of each kind tells the workers which parsers to load while the config is read.
  if (pool.size) pool.prepare([...new Map(files.map((f) => [path.extname(f).toLowerCase(), f])).values()]);
  const explicit = new Set(paths.map((p) => path.resolve(io.cwd, p)));

  // Every file's settings first: an invalid config stops the run before any file is read or fixed.
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
  const settingsIds = new Map<Config, number>();
  const settings: RuleSettings[] = [];
  const settingsIdOf = (file: string): number => {
    const config = configFor(file);
    let id = settingsIds.get(config);
    if (id === undefined) {
      id = settings.push(resolveRuleSettings(linter.rules, config, { select, ignore })) - 1;
      settingsIds.set(config, id);
    }
    return id;
  };
  const tasks = unitsOf(linter, files, settingsIdOf, explicit);
  if (configIssues.size) {
    for (const issues of configIssues.values()) for (const issue of issues) io.stderr(`greenml: invalid config: ${formatConfigIssue(issue, io.cwd)}\n`);
    return { results: [], fixed: 0, internalErrors: 0, invalidConfig: true, skipped: [] };
  }

  const slots: Array<LintedFile | undefined> = new Array(files.length);
  const skipped: SkippedFile[] = walked.skipped.map((s) => ({ path: shown(s.path), reason: s.reason }));
  const failedFormats = new Set<string>();
  const logged = new Set<string>();
  let fixed = 0;
  let internalErrors = 0;
  let done = 0;
  options.onProgress?.(0, files.length);
  const take = (outcome: UnitOutcome): void => {
    for (const line of outcome.logs) {
      if (!logged.has(line)) io.stderr(`${escapeControls(line)}\n`);
      logged.add(line);
    }
    for (const format of outcome.loadFailures) failedFormats.add(format);
    for (const file of outcome.files) {
      // File names and texts from files: control characters escaped before they reach a terminal.
      for (const line of file.messages) io.stderr(`${escapeControls(line)}\n`);
      fixed += file.fixed;
      internalErrors += file.errors;
      if (file.listed) skipped.push({ path: shown(files[file.index]), reason: file.listed });
      if (file.result) {
        const result = file.result;
        slots[file.index] = { ...result, findings: result.findings.map((f) => relativeRelated(f, io.cwd)), path: shown(files[file.index]), ...(file.text !== undefined ? { text: file.text } : {}) };
      }
    }
    done += outcome.files.length;
    options.onProgress?.(done, files.length);
  };
  const unitOptions = { cwd: io.cwd, fix: options.fix, keepText: options.keepText };
  const workers = workerCount(options.jobs, tasks.length);
  if (workers > 1) {
    pool.shrink(workers);
    pool.grow(workers);
    await pool.run(tasks, settings, take);
  } else {
    pool.close();
    // One thread: the calling one, whose linter has its own logger (its messages go straight to stderr).
    for (const task of tasks) take({ ...(await lintUnit(linter, task, (id) => settings[id], unitOptions)), logs: [] });
  }
  internalErrors += failedFormats.size;
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { results: slots.filter((r): r is LintedFile => r !== undefined), fixed, internalErrors, invalidConfig: false, skipped };
}

/**
 * The units of work, in the order of their first file: each file alone, except the files of a
 * format read folder by folder (Terraform), which go together, one unit per folder.
 */
function unitsOf(linter: Linter, files: readonly string[], settingsIdOf: (file: string) => number, explicit: ReadonlySet<string>): UnitTask[] {
  const tasks: UnitTask[] = [];
  const byFolder = new Map<string, UnitTask>();
  files.forEach((file, index) => {
    const entry = { index, file, settingsId: settingsIdOf(file), explicit: explicit.has(file) };
    const format = detectFormat(file, '');
    if (format && linter.readsFoldersTogether(format)) {
      const key = `${format}\u0000${path.dirname(file)}`;
      const task = byFolder.get(key);
      if (task) return void task.files.push(entry);
      byFolder.set(key, tasks[tasks.push({ id: tasks.length, files: [entry] }) - 1]);
      return;
    }
    tasks.push({ id: tasks.length, files: [entry] });
  });
  return tasks;
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

