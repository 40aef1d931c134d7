import type { EndpointConfigCache } from './cache';
import type { AccountSnapshot, LoadFailure } from './explorer';
import { limiter, loadAccount } from './explorer';
import type { AccountSpec, ScanConnection, ScanTarget } from './scanAccounts';
import { resolveAccounts } from './scanAccounts';
import { AwsError } from './errors';
import type { CallerIdentity } from './types';

/** A fleet scan: the explorer's loader over many accounts and regions, read only. */

export interface ScanOptions {
  accounts: AccountSpec;
  regions: readonly string[];
  /** Window of the idle check, hours. */
  idleHours: number;
  now?: Date;
  connection: ScanConnection;
  /** Account-regions loading at once (default 4); accounts are started no faster than that either. */
  concurrency?: number;
  onProgress?: (progress: ScanProgress) => void;
  /**
   * Endpoint config facts kept between scans (configs never change): with it, a repeated scan
   * describes only configs it has not seen, checked with one ListEndpointConfigs page per 100.
   */
  configs?: EndpointConfigCache;
}

export interface ScanProgress {
  accountsDone: number;
  accountsTotal: number;
  regionsDone: number;
  regionsTotal: number;
}

/** One account as scanned: who it is (or why it could not be reached) and its regions. */
export interface ScannedAccount {
  label: string;
  source: ScanTarget['source'];
  profile?: string;
  roleArn?: string;
  /** The caller in the account, or why the account could not be read (role not assumable, no credentials…); then `regions` is empty. */
  identity: CallerIdentity | LoadFailure;
  regions: AccountSnapshot['regions'];
}

export interface ScanSnapshot {
  accounts: ScannedAccount[];
}

/**
 * Resolves the accounts, then loads every account-region with the explorer's loader in one go per
 * region (lists, cached describes, one GetMetricData batch), at most `concurrency` at a time. A
 * failure in an account or region is kept in its place and never stops the others. Throws only
 * when the account list itself cannot be read (`--org` without Organizations access).
 */
export async function runScan(options: ScanOptions): Promise<ScanSnapshot> {
  const slots = options.concurrency ?? 4;
  const regionSlots = limiter(slots);
  const accountSlots = limiter(slots);
  const now = options.now ?? new Date();
  const targets = await resolveAccounts(options.accounts, options.connection, options.regions[0] ?? 'us-east-1');
  const progress: ScanProgress = { accountsDone: 0, accountsTotal: targets.length, regionsDone: 0, regionsTotal: targets.length * options.regions.length };
  const report = () => options.onProgress?.({ ...progress });
  report();
  const accounts = await Promise.all(
    targets.map(async (t): Promise<ScannedAccount> => {
      const who = { label: t.label, source: t.source, ...(t.profile ? { profile: t.profile } : {}), ...(t.roleArn ? { roleArn: t.roleArn } : {}) };
      const snapshot = await accountSlots(async (): Promise<AccountSnapshot> => {
        let client;
        try {
          client = await regionSlots(() => t.connect());
        } catch (err) {
          const e = AwsError.from(err, `connecting to ${t.label}`);
          return { identity: { reason: e.reason, message: e.message }, regions: [] };
        }
        return loadAccount(client, options.regions, options.idleHours, now, {
          limit: regionSlots,
          phased: false,
          scanExtras: true,
          ...(options.configs ? { configs: options.configs } : {}),
          onRegion: () => {
            progress.regionsDone++;
            report();
          },
        });
      });
      progress.accountsDone++;
      // An account that could not be reached loaded no region: count its regions as done.
      if ('reason' in snapshot.identity) progress.regionsDone += options.regions.length;
      report();
      return { ...who, identity: snapshot.identity, regions: snapshot.regions };
    }),
  );
  return { accounts };
}
