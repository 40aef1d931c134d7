import type { EndpointConfigFacts } from './types';

/**
 * Describe results kept between refreshes, keyed by resource id and a version taken from the list
 * call (e.g. an endpoint's `LastModifiedTime` and status). A refresh of an unchanged account then
 * costs the list pages only, not one describe per resource. Entries also expire after `maxAgeMs`,
 * to bound staleness from changes that a version might not reflect.
 */
export class DescribeCache {
  private readonly entries = new Map<string, { version: string; value: unknown; at: number }>();

  constructor(readonly maxAgeMs = 30 * 60_000) {}

  get<T>(id: string, version: string, now = Date.now()): T | undefined {
    const e = this.entries.get(id);
    if (!e || e.version !== version || now - e.at > this.maxAgeMs) return undefined;
    return e.value as T;
  }

  set(id: string, version: string, value: unknown, now = Date.now()): void {
    this.entries.set(id, { version, value, at: now });
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A scope's view of an {@link EndpointConfigCache}: one account and region. */
export interface ConfigLookup {
  get(configName: string): EndpointConfigFacts | undefined;
  set(configName: string, facts: EndpointConfigFacts): void;
}

/**
 * Endpoint config facts by account, region and config name. Configs cannot be changed (an endpoint
 * update moves it to a new config), so an entry never goes stale; it is kept for the session and may
 * be saved between sessions ({@link toJSON}/{@link from}). It holds instance types, counts and
 * flags only: no model names, ARNs or anything secret. Bounded: the oldest entries go first.
 */
export class EndpointConfigCache {
  private readonly entries = new Map<string, EndpointConfigFacts>();
  private changes = 0;

  constructor(readonly maxEntries = 5000) {}

  /** Grows with every entry added: a saved copy is stale when this moved since it was written. */
  get version(): number {
    return this.changes;
  }

  scope(account: string, region: string): ConfigLookup {
    const key = (name: string) => `${account}/${region}/${name}`;
    return {
      get: (name) => this.entries.get(key(name)),
      set: (name, facts) => {
        if (this.entries.get(key(name)) === facts) return;
        this.changes++;
        this.entries.delete(key(name));
        this.entries.set(key(name), facts);
        while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
      },
    };
  }

  get size(): number {
    return this.entries.size;
  }

  toJSON(): [string, EndpointConfigFacts][] {
    return [...this.entries];
  }

  /** Restores saved entries, skipping any that do not have the expected shape (an older or damaged file). */
  static from(saved: unknown, maxEntries?: number): EndpointConfigCache {
    const cache = new EndpointConfigCache(maxEntries);
    if (!Array.isArray(saved)) return cache;
    for (const entry of saved) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !isFacts(entry[1])) continue;
      cache.entries.set(entry[0], entry[1]);
    }
    while (cache.entries.size > cache.maxEntries) cache.entries.delete(cache.entries.keys().next().value as string);
    return cache;
  }
}

function isFacts(v: unknown): v is EndpointConfigFacts {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Partial<EndpointConfigFacts>;
  return (
    typeof f.async === 'boolean' &&
    (f.createdAt === null || typeof f.createdAt === 'string') &&
    Array.isArray(f.variants) &&
    f.variants.every((x) => typeof x === 'object' && x !== null && typeof x.variantName === 'string' && (x.instanceType === null || typeof x.instanceType === 'string') && typeof x.hasModel === 'boolean')
  );
}
