import { errorMessage } from '../core/engine';

export type AwsErrorReason = 'noCredentials' | 'expired' | 'accessDenied' | 'throttled' | 'timeout' | 'notFound' | 'unsupported' | 'unknown';

const reasonsByName: Record<string, AwsErrorReason> = {
  CredentialsProviderError: 'noCredentials',
  TokenProviderError: 'noCredentials',
  ProviderError: 'noCredentials',
  ExpiredTokenException: 'expired',
  ExpiredToken: 'expired',
  RequestExpired: 'expired',
  AccessDeniedException: 'accessDenied',
  AccessDenied: 'accessDenied',
  ThrottlingException: 'throttled',
  Throttling: 'throttled',
  TooManyRequestsException: 'throttled',
  RequestLimitExceeded: 'throttled',
  LimitExceededException: 'throttled',
  ResourceNotFound: 'notFound',
  // The HTTP handler's connection and request timeouts (src/aws/clients.ts), and the services' own.
  TimeoutError: 'timeout',
  RequestTimeout: 'timeout',
  RequestTimeoutException: 'timeout',
};

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number };
}

/** The reason of an SDK or credential-provider error, from its `name` (and message or status where the name is ambiguous). */
export function classifyAwsError(err: unknown): AwsErrorReason {
  if (err instanceof AwsError) return err.reason;
  if (typeof err !== 'object' || err === null) return 'unknown';
  const e = err as ErrorLike;
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' ? e.message : '';
  const byName = reasonsByName[name];
  if (byName) return byName;
  // SageMaker reports a missing resource as an unmodelled ValidationException.
  if (name === 'ValidationException' && /Could not find|RecordNotFound/.test(message)) return 'notFound';
  // An operation the service (or moto) does not implement comes back as a 500 without a JSON body, or a 501.
  if (e.$metadata?.httpStatusCode === 501 || name === 'UnknownOperationException' || name === 'NotImplemented') return 'unsupported';
  if (e.$metadata?.httpStatusCode === 403) return 'accessDenied';
  if ((err as { code?: unknown }).code === 'ETIMEDOUT') return 'timeout';
  return 'unknown';
}

/** An AWS failure with the reason the explorer shows; `original` is the SDK error (never logged whole: it may carry request headers). */
export class AwsError extends Error {
  readonly reason: AwsErrorReason;
  readonly code: string;
  readonly original: unknown;

  constructor(reason: AwsErrorReason, message: string, code: string, original?: unknown) {
    super(message);
    this.name = 'AwsError';
    this.reason = reason;
    this.code = code;
    this.original = original;
  }

  /** Wraps any thrown value; an AwsError is returned as is. `action` names the call for the message, e.g. `ListEndpoints`. */
  static from(err: unknown, action: string): AwsError {
    if (err instanceof AwsError) return err;
    const name = typeof err === 'object' && err !== null && typeof (err as ErrorLike).name === 'string' ? ((err as ErrorLike).name as string) : 'Error';
    const reason = classifyAwsError(err);
    // The handler's own timeout text names its package and option; say what happened instead.
    const message = reason === 'timeout' ? `${action} timed out: no answer from AWS in time (${errorMessage(err).replace(/^@smithy\/[\w-]+ - \[\w+\] /, '').replace(/\.$/, '')})` : `${action} failed: ${name}: ${errorMessage(err)}`;
    return new AwsError(reason, message, name, err);
  }

  static is(err: unknown, reason: AwsErrorReason): boolean {
    return err instanceof AwsError ? err.reason === reason : classifyAwsError(err) === reason;
  }
}

/** Runs one AWS call and turns its failure into an AwsError named after `action`. */
export async function call<T>(action: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw AwsError.from(err, action);
  }
}
