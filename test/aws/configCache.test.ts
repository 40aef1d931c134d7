import * as assert from 'node:assert/strict';
import { EndpointConfigCache } from '../../src/aws/cache';
import type { EndpointConfigFacts } from '../../src/aws/types';

const facts = (instanceType: string): EndpointConfigFacts => ({ createdAt: '2026-11-19T08:00:00.000Z', async: false, variants: [{ variantName: 'v', instanceType, initialInstanceCount: 1, serverless: null, hasModel: true }] });

describe('endpoint config cache', () => {
  it('keeps facts apart by account and region', () => {
    const cache = new EndpointConfigCache();
    cache.scope('111', 'us-east-1').set('c', facts('ml.m5.large'));
    assert.equal(cache.scope('111', 'us-east-1').get('c')?.variants[0].instanceType, 'ml.m5.large');
    assert.equal(cache.scope('222', 'us-east-1').get('c'), undefined);
    assert.equal(cache.scope('111', 'eu-west-1').get('c'), undefined);
  });

  it('drops the oldest entries past its bound, and counts changes (not re-sets of the same facts)', () => {
    const cache = new EndpointConfigCache(2);
    const s = cache.scope('1', 'r');
    const a = facts('ml.m5.large');
    s.set('a', a);
    s.set('a', a);
    assert.equal(cache.version, 1);
    s.set('b', facts('ml.m5.large'));
    s.set('c', facts('ml.g5.xlarge'));
    assert.equal(cache.version, 3);
    assert.deepEqual([s.get('a'), s.get('b')?.variants[0].instanceType, s.get('c')?.variants[0].instanceType], [undefined, 'ml.m5.large', 'ml.g5.xlarge']);
  });

  it('round-trips through JSON and skips saved entries of another shape', () => {
    const cache = new EndpointConfigCache();
    cache.scope('1', 'r').set('a', facts('ml.m5.large'));
    const saved = JSON.parse(JSON.stringify(cache)) as unknown[];
    saved.push(['1/r/old', { async: false, variants: [] }], ['1/r/bad', { createdAt: null, async: 'no', variants: [] }], 'junk');
    const restored = EndpointConfigCache.from(saved);
    assert.equal(restored.size, 1);
    assert.deepEqual(restored.scope('1', 'r').get('a'), facts('ml.m5.large'));
    assert.equal(EndpointConfigCache.from({ not: 'a list' }).size, 0);
    assert.equal(EndpointConfigCache.from(undefined).size, 0);
  });
});
