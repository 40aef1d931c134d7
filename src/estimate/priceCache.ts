import type { PriceStore } from '../core/types';

/**
 * A cache of live prices, pure: the store (a file in the CLI, the extension's global storage in the
 * editor) and the clock are injected. Entries older than the TTL are stale and not returned.
 */

/** What the instance-hour pays for; the Price List has one SKU per usage. */
export type PriceUsage = 'training' | 'hosting' | 'notebook' | 'processing';

export interface PriceKey {
  instanceType: string;
  region: string;
  usage: PriceUsage;
}

/** A price as fetched: `usdPerHour` null when the offer has no such product (cached too, so it is not asked again). */
export interface CachedPrice {
  usdPerHour: number | null;
  /** Epoch milliseconds of the fetch. */
  fetchedAt: number;
  /** Where the figure comes from, e.g. `AWS Price List API GetProducts, SKU …`. */
  source: string;
}

/** The price a caller may use in place of the bundled one. */
export interface LivePriceInput {
  usdPerHour: number;
  source: string;
  fetchedAt: number;
}

export type { PriceStore };

interface StoredFile {
  version: 1;
  entries: Record<string, CachedPrice>;
}

export const defaultCacheHours = 24;

export function priceKey(key: PriceKey): string {
  return `${key.region}|${key.usage}|${key.instanceType}`;
}

function isCachedPrice(value: unknown): value is CachedPrice {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (v.usdPerHour === null || (typeof v.usdPerHour === 'number' && v.usdPerHour > 0)) && typeof v.fetchedAt === 'number' && typeof v.source === 'string';
}

export class PriceCache {
  private entries: Map<string, CachedPrice> | undefined;

  constructor(
    private readonly store: PriceStore,
    /** Hours an entry stays fresh; 0 or less disables the cache (nothing is fresh). */
    private readonly ttlHours: number = defaultCacheHours,
    private readonly now: () => number = Date.now,
  ) {}

  /** Loads the store once; a missing, unreadable or foreign file is an empty cache. */
  private load(): Map<string, CachedPrice> {
    if (this.entries) return this.entries;
    this.entries = new Map();
    let text: string | undefined;
    try {
      text = this.store.read();
    } catch {
      text = undefined;
    }
    if (text === undefined) return this.entries;
    try {
      const parsed = JSON.parse(text) as Partial<StoredFile>;
      if (parsed.version === 1 && typeof parsed.entries === 'object' && parsed.entries !== null) {
        for (const [key, value] of Object.entries(parsed.entries)) if (isCachedPrice(value)) this.entries.set(key, value);
      }
    } catch {
      // Not JSON: start afresh; the next write replaces it.
    }
    return this.entries;
  }

  private fresh(entry: CachedPrice): boolean {
    const age = this.now() - entry.fetchedAt;
    return age >= 0 && age < this.ttlHours * 3_600_000;
  }

  /** The fresh entry of a key, or undefined when there is none or it is older than the TTL. */
  get(key: PriceKey): CachedPrice | undefined {
    const entry = this.load().get(priceKey(key));
    return entry && this.fresh(entry) ? entry : undefined;
  }

  /** The fresh price to use instead of the bundled one; undefined when none is cached or the offer had none. */
  livePrice(key: PriceKey): LivePriceInput | undefined {
    const entry = this.get(key);
    return entry && entry.usdPerHour !== null ? { usdPerHour: entry.usdPerHour, source: entry.source, fetchedAt: entry.fetchedAt } : undefined;
  }

  /** Records a fetch (stamped now) and writes the store, dropping stale entries. */
  set(key: PriceKey, usdPerHour: number | null, source: string): CachedPrice {
    const entries = this.load();
    const entry: CachedPrice = { usdPerHour, fetchedAt: this.now(), source };
    entries.set(priceKey(key), entry);
    for (const [k, v] of entries) if (!this.fresh(v)) entries.delete(k);
    const file: StoredFile = { version: 1, entries: Object.fromEntries(entries) };
    this.store.write(JSON.stringify(file));
    return entry;
  }
}
