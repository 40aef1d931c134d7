import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * V8's young-generation collection as a function, or undefined where it cannot be had. The
 * process is not started with `--expose-gc` (the editor or the `greenml` command starts it): the
 * flag set now exposes `gc` in contexts made after it, such as one made here for the purpose.
 */
export function minorCollection(): (() => void) | undefined {
  let gc: unknown = (globalThis as { gc?: unknown }).gc;
  if (typeof gc !== 'function') {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc');
    } catch {
      gc = undefined;
    }
  }
  if (typeof gc !== 'function') return undefined;
  const collect = gc as (options: { type: 'minor' }) => void;
  return () => collect({ type: 'minor' });
}

/**
 * A young-generation collection while the server is idle: once the lints asked for have run and
 * their diagnostics are written, and no new lint was asked for within `idleMs`. A lint allocates
 * about as much as the young generation holds, so without it each lint pays for a collection of
 * the garbage of the one before, in the time the editor waits for its diagnostics; here it is paid
 * while the user types (the lint delay) instead. A lint asked for meanwhile cancels it.
 */
export class IdleCollection {
  private timer: NodeJS.Timeout | undefined;
  /** Collections run, for tests. */
  collections = 0;

  constructor(
    private readonly collect: (() => void) | undefined,
    private readonly idleMs = 5,
  ) {}

  /** The lints asked for have run: a collection once `idleMs` pass with nothing new. */
  idle(): void {
    if (!this.collect) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.collections++;
      this.collect?.();
    }, this.idleMs);
    this.timer.unref();
  }

  /** A lint was asked for: no collection until the lints are done again. */
  busy(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
