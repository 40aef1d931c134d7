import type { LivePriceInput, PriceCache, PriceKey } from './priceCache';
import { priceKey } from './priceCache';

/** The outcome of one fetch: a price, none in the offer, or a failure with its reason. */
export type FetchOutcome = { usdPerHour: number; source: string } | { usdPerHour: null; source: string } | { error: { reason: string; code: string } };

export interface BackgroundPricesOptions {
  cache: PriceCache;
  /** One Price List call; must not throw (failures come back as `{ error }`). */
  fetch(key: PriceKey): Promise<FetchOutcome>;
  /** Called once after a drain in which at least one price landed. */
  onLanded(): void;
  log(level: 'info' | 'warn', message: string): void;
  now?: () => number;
  /** A failed key is not asked again for this long; default 10 minutes. */
  retryAfterMs?: number;
}

/** Failures that will not go away by asking again: stop fetching until the settings change. */
const fatalReasons = new Set(['noCredentials', 'expired', 'accessDenied']);

/**
 * Live prices for hovers and lenses that never wait on the network: `lookup` answers from the
 * cache at once and queues a fetch for a missing price; the queue is drained one call at a time
 * (the Price List API has low quotas), and `onLanded` fires when a price arrives so the views can
 * refresh. Missing credentials or a denied call stop the fetching (logged once, by reason only).
 */
export class BackgroundPrices {
  private readonly queue: PriceKey[] = [];
  private readonly queued = new Set<string>();
  private readonly failedAt = new Map<string, number>();
  private stopped: string | undefined;
  private draining: Promise<void> | undefined;
  private readonly now: () => number;
  private readonly retryAfterMs: number;

  constructor(private readonly options: BackgroundPricesOptions) {
    this.now = options.now ?? Date.now;
    this.retryAfterMs = options.retryAfterMs ?? 10 * 60_000;
  }

  /** The cached live price, or undefined at once (queuing a fetch when none is cached). */
  readonly lookup = (key: PriceKey): LivePriceInput | undefined => {
    const cached = this.options.cache.get(key);
    if (cached) return this.options.cache.livePrice(key);
    this.enqueue(key);
    return undefined;
  };

  /** Why fetching stopped (`noCredentials`…), or undefined while it goes on. */
  get stoppedBecause(): string | undefined {
    return this.stopped;
  }

  /** Resolves when the queue is empty (for tests and shutdown). */
  idle(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  private enqueue(key: PriceKey): void {
    const id = priceKey(key);
    if (this.stopped || this.queued.has(id)) return;
    const failed = this.failedAt.get(id);
    if (failed !== undefined && this.now() - failed < this.retryAfterMs) return;
    this.queued.add(id);
    this.queue.push(key);
    this.kick();
  }

  private kick(): void {
    if (this.draining) return;
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      // A key queued while the last drain was finishing.
      if (this.queue.length && !this.stopped) this.kick();
    });
  }

  private async drain(): Promise<void> {
    let landed = false;
    for (let key = this.queue.shift(); key; key = this.queue.shift()) {
      const id = priceKey(key);
      let outcome: FetchOutcome;
      try {
        outcome = await this.options.fetch(key);
      } catch (err) {
        outcome = { error: { reason: 'unknown', code: err instanceof Error ? err.name : 'Error' } };
      }
      this.queued.delete(id);
      if ('error' in outcome) {
        this.failedAt.set(id, this.now());
        this.options.log('warn', `live price of ${key.instanceType} in ${key.region} unavailable: ${outcome.error.code} (${outcome.error.reason}); the bundled price is used`);
        if (fatalReasons.has(outcome.error.reason)) {
          this.stopped = outcome.error.reason;
          this.queue.length = 0;
          this.queued.clear();
        }
        continue;
      }
      try {
        this.options.cache.set(key, outcome.usdPerHour, outcome.source);
      } catch (err) {
        // An unwritable cache file: the price is kept in memory only; stop asking for more.
        this.stopped = 'cacheUnwritable';
        this.queue.length = 0;
        this.queued.clear();
        this.options.log('warn', `cannot write the price cache: ${err instanceof Error ? err.message : String(err)}`);
      }
      this.options.log('info', `live ${key.usage} price of ${key.instanceType} in ${key.region}: ${outcome.usdPerHour === null ? 'none in the Price List' : `$${outcome.usdPerHour}/h`}`);
      landed ||= outcome.usdPerHour !== null;
    }
    if (landed) this.options.onLanded();
  }
}
