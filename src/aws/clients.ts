import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

/** Keys from STS (AssumeRole) or elsewhere, as the SDK clients accept them. */
export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export interface ClientOptions {
  region: string;
  /** Named profile of ~/.aws/config; the default chain (env, default profile, SSO…) when absent. */
  profile?: string;
  /** Credentials that replace the profile and the default chain (e.g. from STS AssumeRole into another account). */
  credentials?: StaticCredentials | ReturnType<typeof fromNodeProviderChain>;
  /** Endpoint override, e.g. a local emulator (`http://127.0.0.1:5000`). */
  endpoint?: string;
  /** Default 3; tests use 1 so an emulator's 500 fails at once. */
  maxAttempts?: number;
  /** Extension version for the user agent. */
  version?: string;
  /** Called once per AWS call (before retries), e.g. to count calls by operation in the benchmark. */
  onCall?: (service: string, operation: string) => void;
  /** Overrides of {@link awsTimeouts}, ms (tests use short ones). */
  timeouts?: Partial<AwsTimeouts>;
}

export interface AwsTimeouts {
  /** Most time to open the TCP (and TLS) connection of one attempt. */
  connectMs: number;
  /** Most time one attempt may wait for its whole answer once connected. */
  requestMs: number;
}

/**
 * The timeouts of every AWS call, per attempt (retries multiply them): an endpoint that never
 * answers fails with a `TimeoutError` instead of hanging. SDK v3's own default is no timeout.
 */
export const awsTimeouts: Readonly<AwsTimeouts> = { connectMs: 5_000, requestMs: 30_000 };

/** The environment variable that shortens or lengthens both timeouts, in ms (e.g. for a slow link, or a test). */
export const awsTimeoutEnv = 'GREENML_AWS_TIMEOUT_MS';

/** The timeouts in force: the options', else the environment's (`GREENML_AWS_TIMEOUT_MS`), else {@link awsTimeouts}. */
export function resolveTimeouts(options: Partial<AwsTimeouts> = {}, env: NodeJS.ProcessEnv = process.env): AwsTimeouts {
  const fromEnv = Number(env[awsTimeoutEnv]);
  const base = env[awsTimeoutEnv] !== undefined && env[awsTimeoutEnv]?.trim() !== '' && Number.isFinite(fromEnv) && fromEnv > 0 ? { connectMs: fromEnv, requestMs: fromEnv } : awsTimeouts;
  return { connectMs: options.connectMs ?? base.connectMs, requestMs: options.requestMs ?? base.requestMs };
}

/** The SDK client settings shared by every service: region, credentials, endpoint, user agent, retries, timeouts. */
export function clientConfig(options: ClientOptions) {
  const timeouts = resolveTimeouts(options.timeouts);
  const requestHandler = { connectionTimeout: timeouts.connectMs, requestTimeout: timeouts.requestMs, throwOnRequestTimeout: true };
  return {
    region: options.region,
    // The providers' own clients (STS for assumed roles, SSO) get the same timeouts.
    credentials: options.credentials ?? fromNodeProviderChain({ ...(options.profile ? { profile: options.profile } : {}), clientConfig: { requestHandler } }),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    customUserAgent: `greenml/${options.version ?? 'dev'}`,
    // Standard mode: exponential backoff with jitter, longer on throttling; adaptive would also delay first attempts.
    retryMode: 'standard',
    maxAttempts: options.maxAttempts ?? 3,
    // Without throwOnRequestTimeout the SDK only logs a warning when requestTimeout passes, and waits on.
    requestHandler,
  };
}

/** Middleware that reports each call of a client to `onCall`; add it at the initialize step (once per call, whatever its attempts). */
export function counting(service: string, onCall: (service: string, operation: string) => void) {
  return <A, R>(next: (args: A) => Promise<R>, context: { commandName?: string }) =>
    (args: A): Promise<R> => {
      onCall(service, context.commandName ?? 'unknown');
      return next(args);
    };
}

/** The clients one region needs, built alike. */
export interface RegionClients {
  region: string;
  sageMaker: SageMakerClient;
  cloudWatch: CloudWatchClient;
  sts: STSClient;
}

export function createClients(options: ClientOptions): RegionClients {
  const config = clientConfig(options);
  const clients = { region: options.region, sageMaker: new SageMakerClient(config), cloudWatch: new CloudWatchClient(config), sts: new STSClient(config) };
  const onCall = options.onCall;
  if (onCall) {
    // The initialize step runs once per command, before the retry loop: one count per call, whatever its attempts.
    const at = { step: 'initialize', name: 'greenmlCountCalls' } as const;
    clients.sageMaker.middlewareStack.add(counting('SageMaker', onCall), at);
    clients.cloudWatch.middlewareStack.add(counting('CloudWatch', onCall), at);
    clients.sts.middlewareStack.add(counting('STS', onCall), at);
  }
  return clients;
}

export function destroyClients(clients: RegionClients): void {
  clients.sageMaker.destroy();
  clients.cloudWatch.destroy();
  clients.sts.destroy();
}

/** The region of the profile (or AWS_REGION), as the SDK resolves it; undefined when none is configured. */
export async function profileRegion(profile: string | undefined): Promise<string | undefined> {
  const client = new STSClient(profile ? { profile } : {});
  try {
    return await client.config.region();
  } catch (err) {
    // The SDK throws a plain Error("Region is missing") when neither the profile nor the env sets one.
    if (err instanceof Error && /Region is missing/i.test(err.message)) return undefined;
    throw err;
  } finally {
    client.destroy();
  }
}
