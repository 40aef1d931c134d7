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
   * say): how long the loop's thread had run on a CPU, and waited for one while it could run, in ms.
   */
  runMs: number[];
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
  /** The most time the code of `url` was sampled between two ticks (wall clock), in ms. */
  ms: number;
  /** Its outermost functions of `url` in that gap, with their time. */
  where: string;
  /** The time between those two ticks. */
  gapMs: number;
  /**
   * The most CPU time the code of `url` had between two ticks, in ms: the time the thread ran in
   * the gap (schedstat) times that code's share of the gap's samples that were not idle. A sample
   * spans the time since the one before, and a thread made to wait for a CPU is sampled again only
   * once it runs: on a busy machine the wall-clock `ms` holds that wait too. Without the thread's
   * times: `ms`.
   */
  cpuMs: number;
  /** In the gap of `cpuMs`: the wall-clock time sampled, and the gap. */
  cpuGap: { ms: number; gapMs: number; where: string };
  /** The code of `url` over the whole profile, in ms. */
  totalMs: number;
}

/**
 * The most the code of `url` (a script's address) ran between two ticks of the probe: a sample
 * counts for the time since the one before (split at a tick) when a frame of `url` is on its stack
 * (its calls into other code included).
 */
export function busiestTurnOf(profile: CpuProfile, url: string, probe: LoopTicks): BusiestTurn {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** The outermost function of `url` on a node's stack, by node (undefined: none); null for the idle node. */
  const outermost = new Map<number, string | undefined | null>();
  const outermostOf = (id: number): string | undefined | null => {
    if (!outermost.has(id)) {
      let found: string | undefined | null = byId.get(id)?.callFrame.functionName === '(idle)' ? null : undefined;
      for (let at: number | undefined = id; at !== undefined && found !== null; at = parent.get(at)) {
        const frame = byId.get(at)?.callFrame;
        if (frame?.url === url) found = frame.functionName || '(anonymous)';
      }
      outermost.set(id, found);
    }
    return outermost.get(id);
  };
  const bounds = [probe.startUs, ...probe.ticksUs];
  const times = probe.runMs.length === bounds.length && probe.waitMs.length === bounds.length;
  const gaps = bounds.map(() => ({ functions: new Map<string, number>(), ms: 0, busyMs: 0 }));
  let totalMs = 0;
  let gap = 0;
  let previous = profile.startTime;
  profile.samples.forEach((id, i) => {
    const at = previous + profile.timeDeltas[i];
    const name = outermostOf(id);
    if (typeof name === 'string') totalMs += (at - previous) / 1000;
    // Before the probe started: in no gap.
    let from = Math.max(previous, bounds[0]);
    previous = at;
    while (from < at) {
      // The gap `from` is in: [bounds[gap], bounds[gap + 1]), the last one open.
      while (gap < bounds.length - 1 && from >= bounds[gap + 1]) gap++;
      const end = gap < bounds.length - 1 ? Math.min(at, bounds[gap + 1]) : at;
      const ms = (end - from) / 1000;
      if (name !== null) gaps[gap].busyMs += ms;
      if (typeof name === 'string') {
        gaps[gap].functions.set(name, (gaps[gap].functions.get(name) ?? 0) + ms);
        gaps[gap].ms += ms;
      }
      from = end;
    }
  });
  const gapMsOf = (k: number): number => (k < bounds.length - 1 ? (bounds[k + 1] - bounds[k]) / 1000 : Number.NaN);
  const cpuOf = (k: number): number => {
    if (!times || k === bounds.length - 1) return gaps[k].ms;
    const ran = probe.runMs[k + 1] - probe.runMs[k];
    return gaps[k].busyMs > 0 ? Math.min(gaps[k].ms, (ran * gaps[k].ms) / gaps[k].busyMs) : 0;
  };
  let wall = 0;
  let cpu = 0;
  gaps.forEach((g, k) => {
    if (g.ms > gaps[wall].ms) wall = k;
    if (cpuOf(k) > cpuOf(cpu)) cpu = k;
  });
  return {
    ms: gaps[wall].ms,
    where: describe(gaps[wall].functions),
    gapMs: gapMsOf(wall),
    cpuMs: cpuOf(cpu),
    cpuGap: { ms: gaps[cpu].ms, gapMs: gapMsOf(cpu), where: describe(gaps[cpu].functions) },
    totalMs,
  };
}

function describe(functions: Map<string, number>): string {
  return [...functions].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`).join(', ');
}
