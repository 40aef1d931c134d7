import * as assert from 'node:assert/strict';
import type { FetchOutcome } from '../../src/estimate/livePrices';
import { BackgroundPrices } from '../../src/estimate/livePrices';
import type { PriceKey, PriceStore } from '../../src/estimate/priceCache';
import { PriceCache } from '../../src/estimate/priceCache';

function memoryStore(): PriceStore {
  let text: string | undefined;
  return { read: () => text, write: (t) => (text = t) };
}

/** A fetch the test answers by hand: each call waits until `answer` is called for it. */
function manualFetch() {
  const calls: Array<{ key: PriceKey; resolve: (o: FetchOutcome) => void }> = [];
  return {
    calls,
    fetch: (key: PriceKey) => new Promise<FetchOutcome>((resolve) => calls.push({ key, resolve })),
  };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
const key = (instanceType: string): PriceKey => ({ instanceType, region: 'eu-west-1', usage: 'hosting' });

describe('background live prices', () => {
  it('answers at once without a price, fetches in the background, and reports when the price lands', async () => {
    const fake = manualFetch();
    let landed = 0;
    const logs: string[] = [];
    const prices = new BackgroundPrices({ cache: new PriceCache(memoryStore()), fetch: fake.fetch, onLanded: () => landed++, log: (_, m) => logs.push(m) });
    assert.equal(prices.lookup(key('ml.m5.xlarge')), undefined);
    assert.equal(prices.lookup(key('ml.m5.xlarge')), undefined, 'still pending: no second fetch');
    await tick();
    assert.equal(fake.calls.length, 1);
    assert.equal(landed, 0);
    fake.calls[0].resolve({ usdPerHour: 0.258, source: 'fake' });
    await prices.idle();
    assert.equal(landed, 1);
    assert.equal(prices.lookup(key('ml.m5.xlarge'))?.usdPerHour, 0.258);
    assert.equal(fake.calls.length, 1, 'served from the cache');
    assert.deepEqual(logs, ['live hosting price of ml.m5.xlarge in eu-west-1: $0.258/h']);
  });

  it('fetches one price at a time, in the order asked', async () => {
    const fake = manualFetch();
    const prices = new BackgroundPrices({ cache: new PriceCache(memoryStore()), fetch: fake.fetch, onLanded: () => undefined, log: () => undefined });
    prices.lookup(key('ml.m5.xlarge'));
    prices.lookup(key('ml.g5.xlarge'));
    await tick();
    assert.deepEqual(fake.calls.map((c) => c.key.instanceType), ['ml.m5.xlarge']);
    fake.calls[0].resolve({ usdPerHour: null, source: 'none' });
    await tick();
    assert.deepEqual(fake.calls.map((c) => c.key.instanceType), ['ml.m5.xlarge', 'ml.g5.xlarge']);
    fake.calls[1].resolve({ usdPerHour: 1.5, source: 'fake' });
    await prices.idle();
    // "No product" is cached and not a price; it is not asked again.
    assert.equal(prices.lookup(key('ml.m5.xlarge')), undefined);
    assert.equal(prices.lookup(key('ml.g5.xlarge'))?.usdPerHour, 1.5);
    await tick();
    assert.equal(fake.calls.length, 2);
  });

  it('stops fetching without credentials, logging the reason and no secret', async () => {
    let calls = 0;
    const logs: string[] = [];
    const prices = new BackgroundPrices({
      cache: new PriceCache(memoryStore()),
      fetch: async () => {
        calls++;
        return { error: { reason: 'noCredentials', code: 'CredentialsProviderError' } };
      },
      onLanded: () => assert.fail('nothing landed'),
      log: (level, m) => logs.push(`${level}: ${m}`),
    });
    prices.lookup(key('ml.m5.xlarge'));
    prices.lookup(key('ml.g5.xlarge'));
    await prices.idle();
    assert.equal(calls, 1);
    assert.equal(prices.stoppedBecause, 'noCredentials');
    prices.lookup(key('ml.c5.xlarge'));
    await prices.idle();
    assert.equal(calls, 1);
    assert.deepEqual(logs, ['warn: live price of ml.m5.xlarge in eu-west-1 unavailable: CredentialsProviderError (noCredentials); the bundled price is used']);
  });

  it('asks again after a throttled call only once the retry delay has passed', async () => {
    let now = 0;
    let calls = 0;
    const prices = new BackgroundPrices({
      cache: new PriceCache(memoryStore(), 24, () => now),
      fetch: async () => (++calls === 1 ? { error: { reason: 'throttled', code: 'ThrottlingException' } } : { usdPerHour: 0.3, source: 'fake' }),
      onLanded: () => undefined,
      log: () => undefined,
      now: () => now,
      retryAfterMs: 60_000,
    });
    prices.lookup(key('ml.m5.xlarge'));
    await prices.idle();
    now = 59_999;
    prices.lookup(key('ml.m5.xlarge'));
    await prices.idle();
    assert.equal(calls, 1);
    assert.equal(prices.stoppedBecause, undefined);
    now = 60_000;
    prices.lookup(key('ml.m5.xlarge'));
    await prices.idle();
    assert.equal(calls, 2);
    assert.equal(prices.lookup(key('ml.m5.xlarge'))?.usdPerHour, 0.3);
  });

  it('a fetch that throws counts as a failure, not a crash', async () => {
    const prices = new BackgroundPrices({
      cache: new PriceCache(memoryStore()),
      fetch: () => Promise.reject(new TypeError('boom')),
      onLanded: () => undefined,
      log: () => undefined,
    });
    prices.lookup(key('ml.m5.xlarge'));
    await prices.idle();
    assert.equal(prices.lookup(key('ml.m5.xlarge')), undefined);
  });
});
