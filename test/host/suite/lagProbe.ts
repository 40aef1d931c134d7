import * as fs from 'fs';
import { PerformanceObserver } from 'perf_hooks';
import type { LoopTicks } from '../../kit/loopProfile';

/** What {@link LagProbe} saw. Times in µs are on the monotonic clock of V8's CPU profiles. */
export interface LagReport extends LoopTicks {
  /** The most a tick was late, in ms. */
  maxLagMs: number;
  /** Ticks seen. */
  samples: number;
  /** The extension host's garbage collections meanwhile (kind: 1 minor, 4 major, 8 incremental, 16 weak callbacks). */
  gcs: Array<{ atUs: number; ms: number; kind: number }>;
}

/**
 * A probe of this process's event loop (the extension host's: the tests run in it): a 5 ms timer's
 * lateness, with the time of each tick, how long the loop's thread had run and waited for a CPU
 * at each (Linux' schedstat of the thread: on a shared machine a tick is also late when the host
 * was not given a CPU), and the garbage collections meanwhile.
 */
export class LagProbe {
  private readonly periodMs = 5;
  /** performance.now() in ms → the profiles' clock in µs. */
  private readonly offsetUs = Number(process.hrtime.bigint() / 1000n) - performance.now() * 1000;
  private expected = performance.now() + this.periodMs;
  private readonly schedstat = `/proc/${process.pid}/task/${process.pid}/schedstat`;
  private readonly report: LagReport = { periodMs: this.periodMs, startUs: performance.now() * 1000 + this.offsetUs, ticksUs: [], runMs: [], waitMs: [], maxLagMs: 0, samples: 0, gcs: [] };
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind ?? 0;
      this.report.gcs.push({ atUs: entry.startTime * 1000 + this.offsetUs, ms: entry.duration, kind });
    }
  });
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.observer.observe({ entryTypes: ['gc'] });
    this.readTimes();
    this.timer = setInterval(() => this.tick(), this.periodMs);
  }

  private readTimes(): void {
    try {
      // schedstat: time on a CPU, time waiting for one (runnable), timeslices; in ns.
      const [run, wait] = fs.readFileSync(this.schedstat, 'latin1').split(' ').map(Number);
      this.report.runMs.push(run / 1e6);
      this.report.waitMs.push(wait / 1e6);
    } catch {
      // Not Linux: no times known (every late tick counts as held, every sample as run).
    }
  }

  private tick(): void {
    const now = performance.now();
    this.readTimes();
    this.report.maxLagMs = Math.max(this.report.maxLagMs, now - this.expected);
    this.report.ticksUs.push(now * 1000 + this.offsetUs);
    this.report.samples++;
    this.expected = now + this.periodMs;
  }

  stop(): LagReport {
    clearInterval(this.timer);
    this.observer.disconnect();
    return this.report;
  }
}
