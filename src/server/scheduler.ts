/**
 * One pending lint per document: a newer request replaces an older one that has not started, and
 * a lint that finishes after a newer one was requested is told it is no longer current (its
 * result is dropped). Lints run one at a time, and the queue lets the connection read its messages
 * before each one, so an edit that arrives while lints wait cancels the older version's.
 */
export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The start of each key's lint that waits for its delay. */
  private readonly starters = new Map<string, () => void>();
  private readonly generations = new Map<string, number>();
  private queue: Promise<void> = Promise.resolve();
  /** Lints started (queued or running) and not yet done. */
  private started = 0;

  constructor(
    private readonly delayMs: () => number,
    private readonly log: (message: string) => void,
    /** Told when a lint is asked for, and when the lints asked for have all run (none waits for its delay either). */
    private readonly activity?: { busy(): void; idle(): void },
  ) {}

  schedule(key: string, delay: boolean, run: (isCurrent: () => boolean) => Promise<void>): void {
    this.activity?.busy();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    clearTimeout(this.timers.get(key));
    this.starters.delete(key);
    const start = (): void => {
      this.timers.delete(key);
      this.starters.delete(key);
      const isCurrent = (): boolean => this.generations.get(key) === generation;
      this.started++;
      this.queue = this.queue.then(async () => {
        try {
          await new Promise<void>((resolve) => setImmediate(resolve));
          if (!isCurrent()) return;
          await run(isCurrent);
        } catch (err) {
          this.log(`lint of ${key} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        } finally {
          if (--this.started === 0 && this.timers.size === 0) this.activity?.idle();
        }
      });
    };
    if (delay && this.delayMs() > 0) {
      this.timers.set(key, setTimeout(start, this.delayMs()));
      this.starters.set(key, start);
    } else start();
  }

  /**
   * Resolves once the lints asked for so far have run, this key's included: one still waiting
   * for its delay starts now. For requests (code actions, lenses, hovers) that read a document's
   * lint and would otherwise see none, or an older version's.
   */
  async flush(key: string): Promise<void> {
    const timer = this.timers.get(key);
    if (timer) {
      clearTimeout(timer);
      this.timers.delete(key);
      this.starters.get(key)?.();
    }
    await this.queue;
  }

  cancel(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.starters.delete(key);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.starters.clear();
  }
}
