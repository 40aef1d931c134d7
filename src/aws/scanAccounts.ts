import { OrganizationsClient, paginateListAccounts } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { ClientOptions } from './clients';
import { clientConfig, counting } from './clients';
import { AwsError, call } from './errors';
import type { LoadFailure } from './explorer';
import { collect, mapLimit } from './sagemaker';
import { getCallerIdentity } from './sts';

/** Which accounts a fleet scan reads. */
export type AccountSpec = { kind: 'current' } | { kind: 'profiles'; profiles: string[] } | { kind: 'org'; roleName: string };

/** One account to scan, with the client options that reach it, or why it cannot be reached. */
export interface ScanTarget {
  /** What the user knows the account by: `default credentials`, the profile name, or the member account's name. */
  label: string;
  /** Known up front for organization members; otherwise filled in by the scan from GetCallerIdentity. */
  accountId: string | null;
  source: 'credentials' | 'profile' | 'role';
  profile?: string;
  roleArn?: string;
  /** Absent when `error` is set. */
  client?: Omit<ClientOptions, 'region'>;
  error?: LoadFailure;
}

/** The connection settings every client of the scan shares (endpoint override, attempts, user agent, call counter). */
export type ScanConnection = Omit<ClientOptions, 'region' | 'profile' | 'credentials'>;

/** Organizations is a global service whose endpoint lives in us-east-1 (us-gov-west-1 and cn-northwest-1 in those partitions). */
const organizationsRegion: Record<string, string> = { aws: 'us-east-1', 'aws-us-gov': 'us-gov-west-1', 'aws-cn': 'cn-northwest-1' };

const countAt = { step: 'initialize', name: 'greenmlCountCalls' } as const;

/** The partition of an ARN (`arn:aws:…` → `aws`); `aws` when it cannot be read. */
export function partitionOf(arn: string): string {
  const parts = arn.split(':');
  return parts[0] === 'arn' && parts[1] ? parts[1] : 'aws';
}

/**
 * The accounts of `spec`. `current` and `profiles` need no call (their accounts are read when they
 * are scanned). `org`: the caller's account (GetCallerIdentity), every member of the organization
 * (ListAccounts pages, only `ACTIVE` members), then one AssumeRole per member into `roleName`, a few
 * at a time; the caller's own account is scanned with the caller's credentials. A member whose role
 * cannot be assumed comes back with its `error`, not thrown. Failing to read the organization throws.
 */
export async function resolveAccounts(spec: AccountSpec, connection: ScanConnection, region: string): Promise<ScanTarget[]> {
  if (spec.kind === 'current') return [{ label: 'default credentials', accountId: null, source: 'credentials', client: { ...connection } }];
  if (spec.kind === 'profiles') return spec.profiles.map((profile) => ({ label: profile, accountId: null, source: 'profile', profile, client: { ...connection, profile } }));

  const sts = new STSClient(clientConfig({ ...connection, region }));
  if (connection.onCall) sts.middlewareStack.add(counting('STS', connection.onCall), countAt);
  try {
    const caller = await getCallerIdentity(sts);
    const partition = partitionOf(caller.arn);
    const org = new OrganizationsClient(clientConfig({ ...connection, region: organizationsRegion[partition] ?? 'us-east-1' }));
    if (connection.onCall) org.middlewareStack.add(counting('Organizations', connection.onCall), countAt);
    let accounts;
    try {
      accounts = await call('ListAccounts', () => collect(paginateListAccounts({ client: org }, {}), (p) => p.Accounts));
    } finally {
      org.destroy();
    }
    // `State` replaces `Status` (deprecated); either one says whether the member is active.
    const active = accounts.filter((a) => (a.State ?? a.Status) === 'ACTIVE').sort((a, b) => (a.Id ?? '').localeCompare(b.Id ?? ''));
    return await mapLimit(active, async (a): Promise<ScanTarget> => {
      const accountId = a.Id ?? '';
      const label = a.Name ?? accountId;
      if (accountId === caller.account) return { label, accountId, source: 'credentials', client: { ...connection } };
      const roleArn = `arn:${partition}:iam::${accountId}:role/${spec.roleName}`;
      try {
        const out = await call(`AssumeRole ${roleArn}`, () => sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'greenml-scan' })));
        const c = out.Credentials;
        if (!c?.AccessKeyId || !c.SecretAccessKey) throw new AwsError('unknown', `AssumeRole ${roleArn} returned no credentials`, 'NoCredentials');
        const credentials = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}), ...(c.Expiration ? { expiration: c.Expiration } : {}) };
        return { label, accountId, source: 'role', roleArn, client: { ...connection, credentials } };
      } catch (err) {
        const e = AwsError.from(err, `AssumeRole ${roleArn}`);
        return { label, accountId, source: 'role', roleArn, error: { reason: e.reason, message: e.message } };
      }
    });
  } finally {
    sts.destroy();
  }
}
