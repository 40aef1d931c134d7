import type { PriceLookup } from '../present/codeLens';
import type { LivePriceInput, PriceKey } from '../estimate/priceCache';

/** The server asks the client for the live prices its lenses and hovers looked up (`{ keys: PriceKey[] }`). */
export const wantPricesNotification = 'greenml/wantPrices';
/** The client sends the live prices it has (`{ prices: Array<PriceKey & LivePriceInput> }`), again when more land. */
export const pricesNotification = 'greenml/prices';

const usages: readonly string[] = ['training', 'hosting', 'notebook', 'processing'] satisfies PriceKey['usage'][];

const keyOf = (key: PriceKey): string => `${key.instanceType}|${key.region}|${key.usage}`;

/**
 * Live prices the client fetched (the server never touches the network): a lookup that misses
 * remembers the key, for the server to ask the client once the request is answered.
 */
export class ClientPrices {
  private readonly prices = new Map<string, LivePriceInput>();
  private readonly wanted = new Map<string, PriceKey>();
  private readonly asked = new Set<string>();

  readonly lookup: PriceLookup = (key) => {
    const k = keyOf(key);
    const found = this.prices.get(k);
    if (!found && !this.asked.has(k)) this.wanted.set(k, { instanceType: key.instanceType, region: key.region, usage: key.usage });
    return found;
  };

  /** The keys looked up and not yet asked for. */
  takeWanted(): PriceKey[] {
    const keys = [...this.wanted.entries()];
    this.wanted.clear();
    for (const [k] of keys) this.asked.add(k);
    return keys.map(([, key]) => key);
  }

  /** Takes the client's prices; true when one is new or changed. */
  update(value: unknown): boolean {
    const list = value !== null && typeof value === 'object' ? (value as { prices?: unknown }).prices : undefined;
    if (!Array.isArray(list)) return false;
    let changed = false;
    for (const item of list as unknown[]) {
      if (item === null || typeof item !== 'object') continue;
      const { instanceType, region, usage, usdPerHour, source, fetchedAt } = item as Record<string, unknown>;
      if (typeof instanceType !== 'string' || typeof region !== 'string' || typeof usage !== 'string' || !usages.includes(usage) || typeof usdPerHour !== 'number' || !(usdPerHour >= 0) || typeof source !== 'string' || typeof fetchedAt !== 'number') continue;
      const k = keyOf({ instanceType, region, usage: usage as PriceKey['usage'] });
      const before = this.prices.get(k);
      if (before && before.usdPerHour === usdPerHour && before.source === source && before.fetchedAt === fetchedAt) continue;
      this.prices.set(k, { usdPerHour, source, fetchedAt });
      changed = true;
    }
    return changed;
  }
}
