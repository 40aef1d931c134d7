import type { ResourceState } from './actions';
import { AwsError } from './errors';
import type { ResourceKind } from './types';

/** What an action waits for. */
export type ActionGoal = 'stop' | 'delete' | 'update';

export type Verdict = 'done' | 'failed' | 'pending';

/**
 * Whether a resource reached the state an action aimed at. `gone` settles a stop as well as a
 * delete (a resource deleted meanwhile no longer bills). Status names are the SDK enums'.
 */
export function verdict(kind: ResourceKind, goal: ActionGoal, state: ResourceState): Verdict {
  if (state === 'gone') return goal === 'update' ? 'failed' : 'done';
  const status = state.status;
  if (goal === 'delete') {
    if (status === 'Deleted') return 'done';
    return status === 'Failed' || status === 'Delete_Failed' ? 'failed' : 'pending';
  }
  if (goal === 'update') {
    if (status === 'InService') return 'done';
    return /Failed$/.test(status) ? 'failed' : 'pending';
  }
  // stop
  if (kind === 'job') return status === 'Stopped' || status === 'Completed' || status === 'Failed' ? 'done' : 'pending';
  if (status === 'Stopped' || status === 'Deleted') return 'done';
  return status === 'Failed' ? 'failed' : 'pending';
}

export interface SettleOptions {
  /** Delay before the first describe, then doubled up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Give up after this long (endpoint deletion takes minutes on AWS). */
  timeoutMs?: number;
  /** Injected for tests (a fake clock). */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Each status seen while polling, e.g. to show `Stopping…` in the tree. */
  onStatus?: (state: ResourceState) => void;
}

export type SettleResult =
  | { result: 'done'; state: ResourceState; polls: number }
  | { result: 'failed'; state: ResourceState; polls: number }
  | { result: 'timeout'; state: ResourceState | undefined; polls: number };

export const defaultSettleOptions = { initialDelayMs: 2000, maxDelayMs: 30_000, timeoutMs: 30 * 60_000 } as const;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls `describe` with exponential backoff until `judge` says done or failed, or the timeout
 * passes. A throttled describe only lengthens the wait; any other failure is thrown.
 */
export async function waitUntilSettled(describe: () => Promise<ResourceState>, judge: (state: ResourceState) => Verdict, options: SettleOptions = {}): Promise<SettleResult> {
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const maxDelay = options.maxDelayMs ?? defaultSettleOptions.maxDelayMs;
  const deadline = now() + (options.timeoutMs ?? defaultSettleOptions.timeoutMs);
  let delay = options.initialDelayMs ?? defaultSettleOptions.initialDelayMs;
  let last: ResourceState | undefined;
  let polls = 0;
  for (;;) {
    const wait = Math.min(delay, Math.max(0, deadline - now()));
    await sleep(wait);
    delay = Math.min(maxDelay, delay * 2);
    try {
      polls++;
      last = await describe();
    } catch (err) {
      if (!AwsError.is(err, 'throttled')) throw err;
      if (now() >= deadline) return { result: 'timeout', state: last, polls };
      continue;
    }
    options.onStatus?.(last);
    const v = judge(last);
    if (v !== 'pending') return { result: v, state: last, polls };
    if (now() >= deadline) return { result: 'timeout', state: last, polls };
  }
}
