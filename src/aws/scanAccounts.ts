import { OrganizationsClient, paginateListAccounts } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { ClientOptions } from './clients';
import { clientConfig, counting } from './clients';
import { AwsError, call } from './errors';
import { collect } from './sagemaker';
import { getCallerIdentity } from './sts';

/** Which accounts a fleet scan reads. */
export type AccountSpec = { kind: 'current' } | { kind: 'profiles'; profiles: string[] } | { kind: 'org'; roleName: string };

/** One account to scan, and how to reach it. */
export interface ScanTarget {
  /** What the user knows the account by: `default credentials`, the profile name, or the member account's name. */
  label: string;
  /** Known up front for organization members; otherwise filled in by the scan from GetCallerIdentity. */
  accountId: string | null;
  source: 'credentials' | 'profile' | 'role';
  profile?: string;
  roleArn?: string;
  /**
   * The client options that reach the account; for a member of an organization, AssumeRole runs
   * here, when the account's turn comes (so the session does not age while other accounts load).
   * Throws an {@link AwsError} when the role cannot be assumed.
   */
  connect(): Promise<Omit<ClientOptions, 'region'>>;
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
 * are scanned). `org`: the caller's account (GetCallerIdentity) and every `ACTIVE` member of the
 * organization (ListAccounts pages); each member is reached through AssumeRole into `roleName` when
 * it is connected, the caller's own account with the caller's credentials. Failing to read the
 * organization throws.
 */
export async function resolveAccounts(spec: AccountSpec, connection: ScanConnection, region: string): Promise<ScanTarget[]> {
  if (spec.kind === 'current') return [{ label: 'default credentials', accountId: null, source: 'credentials', connect: () => Promise.resolve({ ...connection }) }];
  if (spec.kind === 'profiles') return spec.profiles.map((profile) => ({ label: profile, accountId: null, source: 'profile', profile, connect: () => Promise.resolve({ ...connection, profile }) }));

  const sts = () => {
    const client = new STSClient(clientConfig({ ...connection, region }));
    if (connection.onCall) client.middlewareStack.add(counting('STS', connection.onCall), countAt);
    return client;
  };
  const callerSts = sts();
  let caller;
  try {
    caller = await getCallerIdentity(callerSts);
  } finally {
    callerSts.destroy();
  }
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
  return active.map((a): ScanTarget => {
    const accountId = a.Id ?? '';
    const label = a.Name ?? accountId;
    if (accountId === caller.account) return { label, accountId, source: 'credentials', connect: () => Promise.resolve({ ...connection }) };
    const roleArn = `arn:${partition}:iam::${accountId}:role/${spec.roleName}`;
    const connect = async () => {
      const client = sts();
      try {
        const out = await call(`AssumeRole ${roleArn}`, () => client.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'greenml-scan' })));
        const c = out.Credentials;
        if (!c?.AccessKeyId || !c.SecretAccessKey) throw new AwsError('unknown', `AssumeRole ${roleArn} returned no credentials`, 'NoCredentials');
        const credentials = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}), ...(c.Expiration ? { expiration: c.Expiration } : {}) };
        return { ...connection, credentials };
      } finally {
        client.destroy();
      }
    };
    return { label, accountId, source: 'role', roleArn, connect };
  });
}
