import * as assert from 'node:assert/strict';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { IdleCollection, minorCollection } from '../../src/server/idleCollection';
import { Scheduler } from '../../src/server/scheduler';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('language server: the young generation is collected while the server is idle', () => {
  it('the scheduler says busy when a lint is asked for, and idle once every lint asked for has run', async () => {
    const events: string[] = [];
    let delay = 0;
    const scheduler = new Scheduler(() => delay, () => undefined, { busy: () => events.push('busy'), idle: () => events.push('idle') });
    const lint = (name: string) => async (): Promise<void> => {
      events.push(name);
      await sleep(1);
    };
    scheduler.schedule('a', false, lint('a'));
    scheduler.schedule('b', false, lint('b'));
    await scheduler.flush('b');
    assert.deepEqual(events, ['busy', 'busy', 'a', 'b', 'idle']);
    // A lint that waits for its delay keeps the scheduler busy until it has run; one replaced by a newer version runs once.
    events.length = 0;
    delay = 60_000;
    scheduler.schedule('a', false, lint('a'));
    scheduler.schedule('c', true, lint('c1'));
    scheduler.schedule('c', true, lint('c2'));
    await scheduler.flush('a');
    assert.deepEqual(events, ['busy', 'busy', 'busy', 'a']);
    // Its delay cut short (a request that reads its lint).
    await scheduler.flush('c');
    assert.deepEqual(events, ['busy', 'busy', 'busy', 'a', 'c2', 'idle']);
    scheduler.dispose();
  });

  it('a lint that throws still ends the busy time', async () => {
    const events: string[] = [];
    const scheduler = new Scheduler(() => 0, (m) => events.push(m.split('\n')[0]), { busy: () => events.push('busy'), idle: () => events.push('idle') });
    scheduler.schedule('a', false, () => Promise.reject(new Error('broken')));
    await scheduler.flush('a');
    assert.deepEqual(events, ['busy', 'lint of a failed: Error: broken', 'idle']);
  });

  it('collects once the idle time has passed with nothing new, and not when a lint is asked for meanwhile', async () => {
    let collected = 0;
    const collection = new IdleCollection(() => collected++, 10);
    collection.idle();
    collection.idle();
    await sleep(30);
    assert.equal(collected, 1, 'one collection for an idle time');
    collection.idle();
    collection.busy();
    await sleep(30);
    assert.equal(collected, 1, 'a lint asked for within the idle time cancels it');
    assert.equal(collection.collections, 1);
  });

  it("has V8's young-generation collection in a process started without --expose-gc, and it collects", async () => {
    const collect = minorCollection();
    assert.ok(collect, 'no collection function');
    const kinds: number[] = [];
    const observer = new PerformanceObserver((list) => kinds.push(...list.getEntries().map((e) => (e as { detail?: { kind?: number } }).detail?.kind ?? -1)));
    observer.observe({ entryTypes: ['gc'] });
    collect();
    await sleep(20);
    observer.disconnect();
    assert.ok(kinds.includes(constants.NODE_PERFORMANCE_GC_MINOR), `the collections seen: ${kinds.join(', ') || 'none'}`);
  });
});
