import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PriceCache } from '../../src/estimate/priceCache';
import { filePriceStore } from '../../src/node/priceStore';

describe('filePriceStore', () => {
  it('a cache file that cannot be written does not lose the fetched price (estimate --live)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-prices-'));
    fs.writeFileSync(path.join(dir, 'cache'), 'a file where the cache folder should be');
    const cache = new PriceCache(filePriceStore(path.join(dir, 'cache', 'greenml', 'prices.json')), 24, () => 5);
    const key = { instanceType: 'ml.m5.xlarge', region: 'us-east-1', usage: 'hosting' as const };
    assert.equal(cache.set(key, 0.23, 'test').usdPerHour, 0.23);
    assert.equal(cache.livePrice(key)?.usdPerHour, 0.23);
    assert.deepEqual(fs.readdirSync(dir), ['cache']);
  });

  it('writes the cache whole, with no temporary file left', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-prices-'));
    const file = path.join(dir, 'greenml', 'prices.json');
    filePriceStore(file).write('{"version":1,"entries":{}}');
    assert.equal(fs.readFileSync(file, 'utf8'), '{"version":1,"entries":{}}');
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['prices.json']);
  });
});
