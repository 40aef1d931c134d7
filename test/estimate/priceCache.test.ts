import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PriceStore } from '../../src/estimate/priceCache';
import { PriceCache, priceKey } from '../../src/estimate/priceCache';
import { estimateInstance } from '../../src/estimate/estimate';
import { defaultPriceCacheFile, filePriceStore } from '../../src/node/priceStore';

function memoryStore(initial?: string): PriceStore & { text: string | undefined; writes: number } {
  const store = {
    text: initial,
    writes: 0,
    read: () => store.text,
    write: (t: string) => {
      store.text = t;
      store.writes++;
    },
  };
  return store;
}

const hour = 3_600_000;
const key = { instanceType: 'ml.m5.xlarge', region: 'eu-west-1', usage: 'hosting' } as const;

describe('price cache', () => {
  it('returns a price until the TTL has passed, then nothing', () => {
    let now = Date.UTC(2026, 10, 24, 12);
    const cache = new PriceCache(memoryStore(), 24, () => now);
    cache.set(key, 0.258, 'test source');
    now += 24 * hour - 1;
    assert.equal(cache.get(key)?.usdPerHour, 0.258);
    assert.deepEqual(cache.livePrice(key), { usdPerHour: 0.258, source: 'test source', fetchedAt: Date.UTC(2026, 10, 24, 12) });
    now += 1;
    assert.equal(cache.get(key), undefined);
    assert.equal(cache.livePrice(key), undefined);
  });

  it('honours a shorter TTL and treats 0 as no cache', () => {
    let now = 0;
    const store = memoryStore();
    new PriceCache(store, 1, () => now).set(key, 0.258, 's');
    now = 2 * hour;
    assert.equal(new PriceCache(store, 1, () => now).get(key), undefined);
    assert.equal(new PriceCache(store, 3, () => now).get(key)?.usdPerHour, 0.258);
    assert.equal(new PriceCache(store, 0, () => now).get(key), undefined);
  });

  it('keeps a "no product" answer without offering it as a price', () => {
    const cache = new PriceCache(memoryStore(), 24, () => 1000);
    cache.set(key, null, 'none');
    assert.equal(cache.get(key)?.usdPerHour, null);
    assert.equal(cache.livePrice(key), undefined);
  });

  it('survives a reload through the store and drops stale entries on write', () => {
    let now = 0;
    const store = memoryStore();
    const first = new PriceCache(store, 24, () => now);
    first.set(key, 0.258, 's');
    now = 25 * hour;
    first.set({ ...key, usage: 'training' }, 0.257, 's');
    const entries = Object.keys((JSON.parse(store.text ?? '{}') as { entries: object }).entries);
    assert.deepEqual(entries, [priceKey({ ...key, usage: 'training' })]);
    assert.equal(new PriceCache(store, 24, () => now).get({ ...key, usage: 'training' })?.usdPerHour, 0.257);
  });

  it('starts empty on a corrupt, foreign or unreadable store', () => {
    for (const text of ['{oops', '{"version":2,"entries":{}}', JSON.stringify({ version: 1, entries: { [priceKey(key)]: { usdPerHour: -1, fetchedAt: 0, source: 's' } } })]) {
      assert.equal(new PriceCache(memoryStore(text), 24, () => 0).get(key), undefined, text);
    }
    const throwing: PriceStore = { read: () => { throw new Error('EACCES'); }, write: () => undefined };
    assert.equal(new PriceCache(throwing, 24, () => 0).get(key), undefined);
  });

  it('a file store round-trips and creates its folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-prices-'));
    try {
      const file = path.join(dir, 'nested', 'prices.json');
      const store = filePriceStore(file);
      assert.equal(store.read(), undefined);
      new PriceCache(store, 24, () => 5).set(key, 0.3, 's');
      assert.equal(new PriceCache(filePriceStore(file), 24, () => 6).get(key)?.usdPerHour, 0.3);
      assert.equal(defaultPriceCacheFile({ XDG_CACHE_HOME: dir }), path.join(dir, 'greenml', 'prices.json'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('estimate with a live price', () => {
  it('uses the live price of the region before the bundled us-east-1 one, and is not marked estimated for it', () => {
    const bundled = estimateInstance('ml.m5.xlarge', { region: 'eu-west-1' });
    assert.equal(bundled.costSource, 'bundled');
    assert.equal(bundled.costRegion, 'us-east-1');
    const live = estimateInstance('ml.m5.xlarge', { region: 'eu-west-1', livePrice: { usdPerHour: 0.258, source: 'AWS Price List API (test)', fetchedAt: Date.UTC(2026, 10, 24) } });
    assert.equal(live.costSource, 'live');
    assert.equal(live.costUsdPerHour, 0.258);
    assert.equal(live.costRegion, 'eu-west-1');
    assert.ok(live.sources.includes('AWS Price List API (test), eu-west-1, fetched 2026-11-24'));
    assert.ok(!live.notes.some((n) => /bundled price/.test(n)), live.notes.join('; '));
    // Carbon does not depend on the price.
    assert.equal(live.totalKgCo2ePerHour, bundled.totalKgCo2ePerHour);
  });
});
