import type { STSClient } from '@aws-sdk/client-sts';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { call } from './errors';
import type { CallerIdentity } from './types';

/** The account behind the credentials; also the cheapest check that the credentials work. */
export async function getCallerIdentity(client: STSClient): Promise<CallerIdentity> {
  const out = await call('GetCallerIdentity', () => client.send(new GetCallerIdentityCommand({})));
  return { account: out.Account ?? '', arn: out.Arn ?? '' };
}
