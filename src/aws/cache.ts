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
