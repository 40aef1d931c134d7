import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ScanConnection, AccountSpec } from '../aws/scanAccounts';
import type { ScanProgress } from '../aws/scan';
import { errorMessage } from '../core/engine';
import { getRegion, suggestRegions } from '../data/regions';
import type { PriceStore } from '../estimate/priceCache';
import { defaultPriceCacheFile, filePriceStore } from '../node/priceStore';
import { sageMakerRegions } from '../data/sagemakerRegions';
import type { ScanReport } from '../present/scan';
import { scanReport } from '../present/scan';
import { formatScanCsv, formatScanJson, formatScanMarkdown, formatScanPlan, formatScanText, printable } from '../present/scanFormats';
import type { CliIo } from './main';
import { parseCommandLine, reportUsageError, UsageError } from './usage';

export const scanUsage = `Usage: greenml scan [--profiles a,b | --org --role-name R] [--regions r1,r2|all] [options]

Finds SageMaker resources that burn money and carbon while idle, across accounts and regions.
Read only: it lists and describes, and never stops or deletes anything.

Accounts (default: the current credentials):
  --profiles a,b,c          One account per AWS profile of ~/.aws/config
  --org --role-name R       Every active member of the AWS Organization, through role R in each
                            (the caller's own account with the caller's credentials)
Options:
  --regions r1,r2|all       Regions to scan (default: AWS_REGION, else the profile's, else
                            us-east-1); all: every commercial region SageMaker runs in
  --idle-hours N            No use in this many hours counts as idle (default: 24)
  --long-running-hours N    Report jobs running longer than this (default: 24)
  --format text|json|md|csv Output format (default: text)
  --fail-on-idle-usd N      Exit 1 when the idle resources burn more than N USD a month
  --plan FILE               Write the AWS CLI commands that would stop or delete each idle
                            resource to FILE (commented out; Green ML never runs them)
  --concurrency N           Account-regions read at once (default: 4)
  --no-cache                Do not read or save the endpoint config cache
                            ($XDG_CACHE_HOME/greenml/endpoint-configs.json, else ~/.cache/…)
  --quiet                   No progress on standard error
  -h, --help                Show this help

Exit codes: 0 done, 1 idle burn above --fail-on-idle-usd, 2 usage error or nothing could be read.
`;

const formats = ['text', 'json', 'md', 'csv'] as const;
type Format = (typeof formats)[number];

export interface ScanCommandOptions {
  accounts: AccountSpec;
  regions: string[];
  idleHours: number;
  longRunningHours: number;
  format: Format;
  failOnIdleUsd: number | null;
  plan: string | null;
  concurrency: number;
  quiet: boolean;
  cache: boolean;
}

/** What tests and the benchmark inject; the CLI itself passes none. */
export interface ScanCommandDeps {
  /** Endpoint override, attempts, call counter; the SDK's own settings when absent. */
  connection?: ScanConnection;
  now?: Date;
  /** Whether standard error is a terminal (progress shows only then); `process.stderr.isTTY` by default. */
  stderrIsTTY?: boolean;
  env?: NodeJS.ProcessEnv;
}

function positiveNumber(flag: string, value: string | undefined, fallback: number, min = Number.MIN_VALUE): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min) throw new UsageError(`${flag} must be a number${min === 0 ? ' of 0 or more' : ' above 0'}, got "${value}"`, 'greenml scan');
  return n;
}

function list(flag: string, value: string): string[] {
  const items = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw new UsageError(`${flag} needs at least one name`, 'greenml scan');
  return [...new Set(items)];
}

/** The regions of `--regions`: `all`, or known region codes (a misspelt one is a usage error with suggestions). */
function parseRegions(value: string | undefined, fallback: string): string[] {
  if (value === undefined) return [fallback];
  if (value.trim() === 'all') return [...sageMakerRegions];
  const regions = list('--regions', value).map((r) => r.toLowerCase());
  for (const r of regions) {
    if (!getRegion(r)) {
      const near = suggestRegions(r);
      throw new UsageError(`unknown region "${printable(r)}"${near.length > 0 ? `; did you mean ${near.join(', ')}?` : ''}`, 'greenml scan');
    }
  }
  return regions;
}

/** Parses the command line; a bad one throws a {@link UsageError}. `defaultRegion` applies when --regions is absent. */
export function parseScanArgs(argv: readonly string[], defaultRegion: string): ScanCommandOptions | 'help' {
  const { values, positionals } = parseCommandLine(
    argv,
    {
      profiles: { type: 'string' },
      org: { type: 'boolean' },
      'role-name': { type: 'string' },
      regions: { type: 'string' },
      'idle-hours': { type: 'string' },
      'long-running-hours': { type: 'string' },
      format: { type: 'string' },
      'fail-on-idle-usd': { type: 'string' },
      plan: { type: 'string' },
      concurrency: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      'no-cache': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    'greenml scan',
  );
  if (values.help) return 'help';
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${printable(positionals[0])}"`, 'greenml scan');
  if (values.org && values.profiles !== undefined) throw new UsageError('--org and --profiles exclude each other', 'greenml scan');
  if (values.org && !values['role-name']?.trim()) throw new UsageError('--org needs --role-name (the role to assume in each member account)', 'greenml scan');
  if (!values.org && values['role-name'] !== undefined) throw new UsageError('--role-name goes with --org', 'greenml scan');
  const roleName = values['role-name']?.trim() ?? '';
  if (values.org && !/^[\w+=,.@/-]{1,64}$/.test(roleName)) throw new UsageError(`--role-name "${printable(roleName)}" is not an IAM role name`, 'greenml scan');
  const format = (values.format ?? 'text') as Format;
  if (!formats.includes(format)) throw new UsageError(`--format must be text, json, md or csv, got "${printable(values.format ?? '')}"`, 'greenml scan');
  const concurrency = positiveNumber('--concurrency', values.concurrency, 4);
  if (!Number.isInteger(concurrency) || concurrency > 32) throw new UsageError(`--concurrency must be a whole number from 1 to 32, got "${values.concurrency}"`, 'greenml scan');
  const accounts: AccountSpec = values.org ? { kind: 'org', roleName } : values.profiles !== undefined ? { kind: 'profiles', profiles: list('--profiles', values.profiles) } : { kind: 'current' };
  if (values.plan !== undefined && values.plan.trim() === '') throw new UsageError('--plan needs a file name', 'greenml scan');
  return {
    accounts,
    regions: parseRegions(values.regions, defaultRegion),
    idleHours: positiveNumber('--idle-hours', values['idle-hours'], 24),
    longRunningHours: positiveNumber('--long-running-hours', values['long-running-hours'], 24),
    format,
    failOnIdleUsd: values['fail-on-idle-usd'] === undefined ? null : positiveNumber('--fail-on-idle-usd', values['fail-on-idle-usd'], 0, 0),
    plan: values.plan ?? null,
    concurrency,
    quiet: values.quiet ?? false,
    cache: !values['no-cache'],
  };
}

/** Endpoint configs kept between scans: a few hundred bytes each, enough for a large fleet. */
const configCacheEntries = 20000;

function readCache(store: PriceStore | undefined): unknown {
  try {
    const text = store?.read();
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined; // unreadable or damaged: start afresh
  }
}

function writeCache(store: PriceStore, text: string, io: CliIo): void {
  try {
    store.write(text);
  } catch (err) {
    io.stderr(`greenml scan: could not save the endpoint config cache: ${printable(errorMessage(err))}\n`);
  }
}

/** Writes `text` to `file` through a temporary file in the same folder, renamed over it. */
function writeAtomically(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, text, { mode: 0o644 });
    fs.renameSync(temporary, file);
  } catch (err) {
    fs.rmSync(temporary, { force: true });
    throw err;
  }
}

export function formatScan(report: ScanReport, format: Format): string {
  if (format === 'json') return formatScanJson(report);
  if (format === 'md') return formatScanMarkdown(report);
  if (format === 'csv') return formatScanCsv(report);
  return formatScanText(report);
}

/** Whether the scan read at least one account-region (or found nothing to read): otherwise it failed as a whole. */
function readSomething(report: ScanReport): boolean {
  return report.accounts.some((a) => !a.error && a.regions.some((r) => !r.error));
}

/** `greenml scan`: returns the exit code. */
export async function runScanCommand(argv: readonly string[], io: CliIo, deps: ScanCommandDeps = {}): Promise<number> {
  const env = deps.env ?? process.env;
  let options: ScanCommandOptions | 'help';
  try {
    options = parseScanArgs(argv, 'us-east-1');
    if (options !== 'help' && !argv.some((a) => a === '--regions' || a.startsWith('--regions='))) {
      // No --regions: the region the SDK would use for the (first) profile.
      const { configuredRegion } = await import('../aws/profile');
      const profile = options.accounts.kind === 'profiles' ? options.accounts.profiles[0] : undefined;
      const region = env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || (await configuredRegion(profile, env)) || 'us-east-1';
      options.regions = parseRegions(region, region);
    }
  } catch (err) {
    if (err instanceof UsageError) return reportUsageError(io, err.message, err.helpCommand);
    throw err;
  }
  if (options === 'help') {
    io.stdout(scanUsage);
    return 0;
  }
  if (options.plan !== null) {
    const dir = path.dirname(path.resolve(io.cwd, options.plan));
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return reportUsageError(io, `--plan: folder ${printable(dir)} does not exist`, 'greenml scan');
  }

  const showProgress = !options.quiet && (deps.stderrIsTTY ?? process.stderr.isTTY === true);
  let calls = 0;
  const connection: ScanConnection = {
    ...deps.connection,
    onCall: (service, operation) => {
      calls++;
      deps.connection?.onCall?.(service, operation);
    },
  };
  const onProgress = showProgress
    ? (p: ScanProgress) => io.stderr(`\r\x1b[Kscanning: accounts ${p.accountsDone}/${p.accountsTotal}, regions ${p.regionsDone}/${p.regionsTotal}, ${calls} AWS calls`)
    : undefined;

  // The AWS SDK loads only here, never for linting.
  const { runScan } = await import('../aws/scan');
  const { EndpointConfigCache } = await import('../aws/cache');
  const store = options.cache ? filePriceStore(path.join(path.dirname(defaultPriceCacheFile(env)), 'endpoint-configs.json')) : undefined;
  const configs = EndpointConfigCache.from(readCache(store), configCacheEntries);
  const savedVersion = configs.version;
  const now = deps.now ?? new Date();
  let snapshot;
  try {
    snapshot = await runScan({ accounts: options.accounts, regions: options.regions, idleHours: options.idleHours, now, connection, concurrency: options.concurrency, onProgress, configs });
    if (store && configs.version !== savedVersion) writeCache(store, JSON.stringify(configs), io);
  } catch (err) {
    if (showProgress) io.stderr('\r\x1b[K');
    io.stderr(`greenml scan: ${printable(errorMessage(err)).split('\n')[0]}\n`);
    return 2;
  }
  if (showProgress) io.stderr(`\r\x1b[Kscanned ${snapshot.accounts.length} account(s) × ${options.regions.length} region(s) with ${calls} AWS calls\n`);
  const report = scanReport(snapshot, { idleHours: options.idleHours, longRunningHours: options.longRunningHours, now, regions: options.regions });
  io.stdout(formatScan(report, options.format));
  if (options.plan !== null) {
    try {
      writeAtomically(path.resolve(io.cwd, options.plan), formatScanPlan(report));
    } catch (err) {
      return reportUsageError(io, `--plan: cannot write ${printable(options.plan)}: ${printable(errorMessage(err))}`, 'greenml scan');
    }
  }
  if (!readSomething(report)) {
    io.stderr('greenml scan: no account or region could be read (see the errors above)\n');
    return 2;
  }
  return options.failOnIdleUsd !== null && report.totals.idleUsdPerMonth > options.failOnIdleUsd ? 1 : 0;
}
