import * as vscode from 'vscode';
import type { PricingClient } from '../aws/pricing';
import type { FetchOutcome } from '../estimate/livePrices';
import { BackgroundPrices } from '../estimate/livePrices';
import type { LivePriceInput, PriceKey } from '../estimate/priceCache';
import { defaultCacheHours, PriceCache } from '../estimate/priceCache';
import { filePriceStore } from '../node/priceStore';
import { readAwsSettings } from './settings';

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

/**
 * Live prices and the AWS profile's region for hovers and lenses. Neither waits on the network:
 * prices come from {@link BackgroundPrices} (cache first, fetch queued), and `onDidChange` fires
 * when a price lands or the profile's region is read, so the lenses refresh.
 */
export class EditorPricing implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private settings = pricingSettings();
  private prices: BackgroundPrices;
  private client: PricingClient | undefined;
  /** The `region` of the AWS profile, once read. */
  profileRegion: string | undefined;

  constructor(
    private readonly storageFile: string,
    private readonly log: vscode.LogOutputChannel,
    private readonly version: string,
  ) {
    this.prices = this.createPrices();
  }

  private createPrices(): BackgroundPrices {
    return new BackgroundPrices({
      cache: new PriceCache(filePriceStore(this.storageFile), this.settings.cacheHours),
      fetch: (key) => this.fetch(key),
      onLanded: () => this.changed.fire(),
      // Messages carry the type, region, error name and reason only: never a request or a credential.
      log: (level, message) => (level === 'warn' ? this.log.warn(message) : this.log.info(message)),
    });
  }

  private async fetch(key: PriceKey): Promise<FetchOutcome> {
    // The AWS SDK loads on the first live price, not at activation.
    const { createPricingClient, fetchLivePrice, liveSource } = await import('../aws/pricing');
    const { AwsError } = await import('../aws/errors');
    try {
      this.client ??= createPricingClient({ profile: readAwsSettings().profile, version: this.version });
      const found = await fetchLivePrice(this.client, key);
      return found ? { usdPerHour: found.usdPerHour, source: liveSource(found) } : { usdPerHour: null, source: 'AWS Price List API GetProducts (no product)' };
    } catch (err) {
      const e = AwsError.from(err, 'GetProducts');
      return { error: { reason: e.reason, code: e.code } };
    }
  }

  /** Re-reads the settings and the profile's region (after a settings change, and once at activation). */
  async reload(): Promise<void> {
    this.settings = pricingSettings();
    this.prices = this.createPrices();
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

  /** The cached live price, or undefined at once (a fetch is queued when live prices are on). */
  readonly livePrice = (key: PriceKey): LivePriceInput | undefined => (this.settings.live ? this.prices.lookup(key) : undefined);

  dispose(): void {
    this.client?.destroy();
    this.changed.dispose();
  }
}
