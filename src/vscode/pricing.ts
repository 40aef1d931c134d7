import * as vscode from 'vscode';
import type { PricingClient } from '../aws/pricing';
import type { LivePriceInput, PriceKey } from '../estimate/priceCache';
import { defaultCacheHours, PriceCache, priceKey } from '../estimate/priceCache';
import { filePriceStore } from '../node/priceStore';
import { readAwsSettings } from './explorer';

/** `greenml.pricing.*`: in an untrusted workspace only the user's own value counts (a repository cannot turn the network on). */
function pricingSettings(): { live: boolean; cacheHours: number } {
  const section = vscode.workspace.getConfiguration('greenml');
  const live = section.inspect<boolean>('pricing.live');
  const hours = section.get<number>('pricing.cacheHours', defaultCacheHours);
  return {
    live: (vscode.workspace.isTrusted ? section.get<boolean>('pricing.live', false) : live?.globalValue) === true,
    cacheHours: typeof hours === 'number' && hours >= 0 ? hours : defaultCacheHours,
  };
}

/** A failed fetch is not retried for this long (a throttled or denied API stays so for a while). */
const retryAfterMs = 10 * 60_000;

/**
 * Live prices and the AWS profile's region for hovers and lenses. Neither ever waits on the
 * network: `livePrice` answers from the cache and queues a fetch for a missing price; when one
 * lands, `onDidChange` fires and the lenses refresh (hovers read the cache on the next hover).
 */
export class EditorPricing implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private cache: PriceCache;
  private settings = pricingSettings();
  private readonly queue: PriceKey[] = [];
  private readonly queued = new Set<string>();
  private readonly failedAt = new Map<string, number>();
  private running = false;
  private credentialsMissing = false;
  private client: PricingClient | undefined;
  /** The `region` of the AWS profile, once read. */
  profileRegion: string | undefined;

  constructor(
    private readonly storageFile: string,
    private readonly log: vscode.LogOutputChannel,
    private readonly version: string,
  ) {
    this.cache = new PriceCache(filePriceStore(storageFile), this.settings.cacheHours);
  }

  /** Re-reads the settings and the profile's region (after a settings change, and once at activation). */
  async reload(): Promise<void> {
    this.settings = pricingSettings();
    this.cache = new PriceCache(filePriceStore(this.storageFile), this.settings.cacheHours);
    this.credentialsMissing = false;
    this.failedAt.clear();
    this.client?.destroy();
    this.client = undefined;
    const { configuredRegion } = await import('../aws/profile');
    const before = this.profileRegion;
    this.profileRegion = await configuredRegion(readAwsSettings().profile);
    if (before !== this.profileRegion) this.changed.fire();
  }

  get liveEnabled(): boolean {
    return this.settings.live;
  }

  /** The cached live price, or undefined (then a fetch is queued when live prices are on). */
  readonly livePrice = (key: PriceKey): LivePriceInput | undefined => {
    if (!this.settings.live) return undefined;
    const cached = this.cache.get(key);
    if (cached) return cached.usdPerHour === null ? undefined : this.cache.livePrice(key);
    this.enqueue(key);
    return undefined;
  };

  private enqueue(key: PriceKey): void {
    const id = priceKey(key);
    if (this.credentialsMissing || this.queued.has(id)) return;
    const failed = this.failedAt.get(id);
    if (failed !== undefined && Date.now() - failed < retryAfterMs) return;
    this.queued.add(id);
    this.queue.push(key);
    if (!this.running) void this.drain();
  }

  /** Fetches the queued prices one at a time (the Price List API has low request quotas). */
  private async drain(): Promise<void> {
    this.running = true;
    let landed = false;
    try {
      const { createPricingClient, fetchLivePrice, liveSource } = await import('../aws/pricing');
      const { AwsError } = await import('../aws/errors');
      for (let key = this.queue.shift(); key; key = this.queue.shift()) {
        const id = priceKey(key);
        try {
          this.client ??= createPricingClient({ profile: readAwsSettings().profile, version: this.version });
          const started = performance.now();
          const found = await fetchLivePrice(this.client, key);
          this.cache.set(key, found?.usdPerHour ?? null, found ? liveSource(found) : 'AWS Price List API GetProducts (no product)');
          this.log.info(`live price ${key.usage} ${key.instanceType} ${key.region}: ${found ? `$${found.usdPerHour}/h` : 'none in the Price List'} (${Math.round(performance.now() - started)} ms)`);
          landed ||= found !== undefined;
        } catch (err) {
          const e = AwsError.from(err, 'GetProducts');
          this.failedAt.set(id, Date.now());
          // Only the error's name and reason: no request, header or credential is logged.
          this.log.warn(`live price ${key.instanceType} ${key.region} unavailable: ${e.code} (${e.reason}); bundled prices are used`);
          if (e.reason === 'noCredentials' || e.reason === 'expired' || e.reason === 'accessDenied') {
            this.credentialsMissing = true;
            this.queue.length = 0;
            this.queued.clear();
          }
        } finally {
          this.queued.delete(id);
        }
      }
    } finally {
      this.running = false;
    }
    if (landed) this.changed.fire();
  }

  dispose(): void {
    this.client?.destroy();
    this.changed.dispose();
  }
}
