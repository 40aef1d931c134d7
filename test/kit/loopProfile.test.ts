import * as assert from 'assert';
import type { CpuProfile, LoopTicks } from './loopProfile';
import { busiestTurnOf, latenessOf } from './loopProfile';

const ours = 'file:///ext/dist/extension.js';
const host = 'file:///vscode/extensionHostProcess.js';

/**
 * A profile sampled every ms from t = 0 (the first sample at 1 ms): `timeline` names the node
 * running in each ms, the sample taken at its end (a sample spans the time since the one before). The call
 * tree: (root) → (idle); (root) → processImmediate → flush (ours) → set (the host's);
 * (root) → processImmediate → handle (the host's).
 */
function profileOf(timeline: Array<'idle' | 'flush' | 'set' | 'handle'>): CpuProfile {
  const nodes = [
    { id: 1, callFrame: { functionName: '(root)', url: '' }, children: [2, 3] },
    { id: 2, callFrame: { functionName: '(idle)', url: '' } },
    { id: 3, callFrame: { functionName: 'processImmediate', url: 'node:internal/timers' }, children: [4, 6] },
    { id: 4, callFrame: { functionName: 'flush', url: ours }, children: [5] },
    { id: 5, callFrame: { functionName: 'set', url: host } },
    { id: 6, callFrame: { functionName: 'handle', url: host } },
  ];
  const ids = { idle: 2, flush: 4, set: 5, handle: 6 };
  return { nodes, startTime: 0, endTime: timeline.length * 1000, samples: timeline.map((n) => ids[n]), timeDeltas: timeline.map(() => 1000) };
}

const repeat = <T>(value: T, times: number): T[] => Array.from({ length: times }, () => value);

describe('loop profile: what held an event loop, from a probe\'s ticks and a CPU profile', () => {
  it('counts the code of a script between two ticks, not across them: two tasks under one entry frame, back to back, are two', () => {
    // Two 30 ms tasks of the extension under the same entry (processImmediate), one after the
    // other with the timers run in between (a tick at 30.5 ms): each held the loop 30 ms, not 60.
    const profile = profileOf([...repeat('flush' as const, 30), ...repeat('flush' as const, 30), ...repeat('idle' as const, 10)]);
    const probe: LoopTicks = { periodMs: 5, startUs: 0, ticksUs: [30_500, 65_000, 70_000], runMs: [], waitMs: [] };
    const turn = busiestTurnOf(profile, ours, probe);
    assert.equal(turn.ms, 30.5);
    assert.equal(turn.where, 'flush 30.5 ms');
    assert.equal(turn.gapMs, 30.5);
    assert.equal(turn.totalMs, 60);
  });

  it('counts calls the script makes into other code, and nothing the other code does on its own', () => {
    const profile = profileOf([...repeat('set' as const, 12), ...repeat('flush' as const, 3), ...repeat('handle' as const, 40)]);
    const turn = busiestTurnOf(profile, ours, { periodMs: 5, startUs: 0, ticksUs: [60_000], runMs: [], waitMs: [] });
    assert.equal(turn.ms, 15);
    assert.equal(turn.gapMs, 60);
  });

  it('ignores what ran before the probe started', () => {
    const profile = profileOf([...repeat('flush' as const, 40), ...repeat('idle' as const, 10)]);
    const turn = busiestTurnOf(profile, ours, { periodMs: 5, startUs: 35_000, ticksUs: [45_000], runMs: [], waitMs: [] });
    assert.equal(turn.ms, 5);
    assert.equal(turn.totalMs, 40);
  });

  it('reads a tick late for the time the thread waited for a CPU apart from one late for what ran on it', () => {
    // Gaps of 5, 45 (40 of them waiting for a CPU) and 25 ms (none waiting).
    const probe: LoopTicks = { periodMs: 5, startUs: 0, ticksUs: [5_000, 50_000, 75_000], runMs: [10, 12, 17, 40], waitMs: [100, 100, 140, 140] };
    assert.deepStrictEqual(latenessOf(probe), { lateMs: 40, heldMs: 20, waitedMs: 0 });
    // Where the system says nothing of the waits, all of the lateness counts.
    assert.deepStrictEqual(latenessOf({ ...probe, waitMs: [] }), { lateMs: 40, heldMs: 40, waitedMs: 0 });
  });

  it('gives the script its share of the CPU time the thread had in a gap, apart from the wall-clock time its samples span', () => {
    // A 40 ms gap in which the thread ran 10 ms (it waited for a CPU the rest): the extension's
    // code is half of the samples that were not idle, so 5 ms of CPU, 20 ms of wall clock.
    const profile = profileOf([...repeat('flush' as const, 20), ...repeat('handle' as const, 20), ...repeat('idle' as const, 10)]);
    const probe: LoopTicks = { periodMs: 5, startUs: 0, ticksUs: [40_000, 50_000], runMs: [0, 10, 10.5], waitMs: [0, 30, 30] };
    const turn = busiestTurnOf(profile, ours, probe);
    assert.equal(turn.ms, 20);
    assert.equal(turn.cpuMs, 5);
    assert.deepStrictEqual(turn.cpuGap, { ms: 20, gapMs: 40, where: 'flush 20.0 ms' });
    // Without the thread's times, the wall clock's.
    assert.equal(busiestTurnOf(profile, ours, { ...probe, runMs: [], waitMs: [] }).cpuMs, 20);
  });
});
