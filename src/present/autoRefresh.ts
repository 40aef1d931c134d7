/** What decides whether the explorer refreshes on its own. */
export interface AutoRefreshState {
  /** `greenml.explorer.autoRefreshMinutes`; 0 (or less) turns it off. */
  minutes: number;
  /** The view is on screen. */
  visible: boolean;
  /** The user connected (nothing calls AWS before). */
  connected: boolean;
}

export interface IntervalTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: IntervalTimers = {
  set: (run, ms) => setInterval(run, ms),
  clear: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

/** The refresh period in ms, or undefined when the timer must not run. */
export function autoRefreshPeriod(state: AutoRefreshState): number | undefined {
  if (!state.connected || !state.visible || !Number.isFinite(state.minutes) || state.minutes <= 0) return undefined;
  // At least one minute, so a tiny value cannot flood AWS with list calls.
  return Math.max(1, state.minutes) * 60_000;
}

/** An interval that runs only while the view is visible and connected; `update` after any change of the three. */
export class AutoRefresh {
  private handle: unknown;
  private period: number | undefined;

  constructor(private readonly run: () => void, private readonly timers: IntervalTimers = realTimers) {}

  /** The current period in ms; undefined when stopped. */
  get activePeriod(): number | undefined {
    return this.period;
  }

  update(state: AutoRefreshState): void {
    const period = autoRefreshPeriod(state);
    if (period === this.period) return;
    this.stop();
    if (period === undefined) return;
    this.period = period;
    this.handle = this.timers.set(this.run, period);
  }

  stop(): void {
    if (this.period !== undefined) this.timers.clear(this.handle);
    this.handle = undefined;
    this.period = undefined;
  }

  dispose(): void {
    this.stop();
  }
}
