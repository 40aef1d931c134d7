/**
 * Reading how long a Node.js event loop was held, and by whose code, from a probe's timer ticks and
 * a V8 CPU profile of the same process (the host tests' extension host). A timer's callback runs
 * only when the loop turns to its timers: no task spans two ticks, so the time between two ticks
 * bounds every task that ran in it, and a script's code sampled between them is at least what that
 * script held the loop for in one go (an upper bound: small tasks of one turn add up).
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

/** A CPU profile of V8 (`Profiler.stop`): its call tree, and which node was running at each sample. */
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** What a probe of the loop saw: its start and its ticks on the profiles' clock (µs), the timer's period. */
export interface LoopTicks {
  periodMs: number;
  startUs: number;
  ticksUs: number[];
  /**
   * At the start and at each tick (one more entry than `ticksUs`, or none where the system does not
   * say): how long the loop's thread had waited for a CPU while it could run, in ms.
   */
  waitMs: number[];
}

export interface Lateness {
  /** The most a tick was late: the time between two ticks, less the timer's period. */
  lateMs: number;
  /** The most a tick was late less the time the thread waited for a CPU meanwhile: what ran on the thread, or held it, between two turns. */
  heldMs: number;
  /** In the gap where `heldMs` was seen: the time the thread waited for a CPU. */
  waitedMs: number;
}

/**
 * How late the probe's timer was, as the wall clock sees it (the machine's other processes
 * included) and less the time the thread waited for a CPU (what held the loop itself).
 */
export function latenessOf(probe: LoopTicks): Lateness {
  const times = [probe.startUs, ...probe.ticksUs];
  const hasWait = probe.waitMs.length === times.length;
  let lateMs = 0;
  let heldMs = 0;
  let waitedMs = 0;
  for (let k = 1; k < times.length; k++) {
    const late = (times[k] - times[k - 1]) / 1000 - probe.periodMs;
    const waited = hasWait ? probe.waitMs[k] - probe.waitMs[k - 1] : 0;
    lateMs = Math.max(lateMs, late);
    if (late - waited > heldMs) {
      heldMs = late - waited;
      waitedMs = waited;
    }
  }
  return { lateMs, heldMs, waitedMs };
}

export interface BusiestTurn {
  /** The most time the code of `url` was sampled between two ticks, in ms. */
  ms: number;
  /** Its outermost functions of `url` in that gap, with their time. */
  where: string;
  /** The time between those two ticks. */
  gapMs: number;
  /** The code of `url` over the whole profile, in ms. */
  totalMs: number;
}

/**
 * The most the code of `url` (a script's address) ran between two ticks of the probe: a sample
 * counts for the time to the next one, split at a tick, when a frame of `url` is on its stack (its
 * calls into other code included).
 */
export function busiestTurnOf(profile: CpuProfile, url: string, probe: LoopTicks): BusiestTurn {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** The outermost function of `url` on a node's stack, by node (undefined: none). */
  const outermost = new Map<number, string | undefined>();
  const outermostOf = (id: number): string | undefined => {
    if (!outermost.has(id)) {
      let found: string | undefined;
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const frame = byId.get(at)?.callFrame;
        if (frame?.url === url) found = frame.functionName || '(anonymous)';
      }
      outermost.set(id, found);
    }
    return outermost.get(id);
  };
  const bounds = [probe.startUs, ...probe.ticksUs];
  const sampledAt: number[] = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) sampledAt.push((t += delta));
  let best: BusiestTurn = { ms: 0, where: '', gapMs: 0, totalMs: 0 };
  let totalMs = 0;
  let gap = 0;
  let current = new Map<string, number>();
  let currentMs = 0;
  const close = (): void => {
    if (currentMs > best.ms) best = { ms: currentMs, where: describe(current), gapMs: gap < bounds.length - 1 ? (bounds[gap + 1] - bounds[gap]) / 1000 : Number.NaN, totalMs: 0 };
    current = new Map();
    currentMs = 0;
  };
  profile.samples.forEach((id, i) => {
    const name = outermostOf(id);
    if (name === undefined) return;
    const to = sampledAt[i + 1] ?? profile.endTime;
    // Before the probe started: not in any gap.
    let from = Math.max(sampledAt[i], bounds[0]);
    totalMs += (to - sampledAt[i]) / 1000;
    while (from < to) {
      // The gap `from` is in: [bounds[gap], bounds[gap + 1]), the last one open.
      while (gap < bounds.length - 1 && from >= bounds[gap + 1]) {
        close();
        gap++;
      }
      const end = gap < bounds.length - 1 ? Math.min(to, bounds[gap + 1]) : to;
      current.set(name, (current.get(name) ?? 0) + (end - from) / 1000);
      currentMs += (end - from) / 1000;
      from = end;
    }
  });
  close();
  return { ...best, totalMs };
}

function describe(functions: Map<string, number>): string {
  return [...functions].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`).join(', ');
}
