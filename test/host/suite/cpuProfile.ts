import * as inspector from 'inspector';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

/** A CPU profile of V8 (`Profiler.stop`): its call tree, and which node was running at each sample. */
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function post<T>(session: inspector.Session, method: string, params: object = {}): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result as T))));
}

/** Profiles this process (the extension host) while `run` runs, a sample every 0.5 ms. */
export async function profiled<T>(run: () => Promise<T>): Promise<{ result: T; profile: CpuProfile }> {
  const session = new inspector.Session();
  session.connect();
  try {
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.setSamplingInterval', { interval: 500 });
    await post(session, 'Profiler.start');
    const outcome = await run().then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    const { profile } = await post<{ profile: CpuProfile }>(session, 'Profiler.stop');
    if ('error' in outcome) throw outcome.error;
    return { result: outcome.result, profile };
  } finally {
    session.disconnect();
  }
}

const idle = new Set(['(idle)', '(program)', '(root)']);

/**
 * The longest time code from `url` (a script's address, e.g. the extension's bundle) ran within
 * one task of the event loop, in ms, and its total. A task is a run of samples without an idle
 * one in between under the same entry frame (a timer, an immediate, a socket's read, ...): tasks
 * run back to back under one entry count as one, so the figure errs long, never short.
 */
export function longestTaskOf(profile: CpuProfile, url: string): { longestMs: number; totalMs: number; where: string } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let longest = 0;
  let total = 0;
  let current = 0;
  let entry: number | undefined;
  /** In the current task and the longest one: the outermost function of `url` of each sample, counted. */
  let functions = new Map<string, number>();
  let longestFunctions = functions;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node || idle.has(node.callFrame.functionName)) {
      entry = undefined;
      current = 0;
      functions = new Map();
      return;
    }
    let outermost: string | undefined;
    let bottom = id;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at);
      if (!frame || frame.callFrame.functionName === '(root)') break;
      if (frame.callFrame.url === url) outermost = frame.callFrame.functionName || '(anonymous)';
      bottom = at;
    }
    if (bottom !== entry) {
      current = 0;
      functions = new Map();
    }
    entry = bottom;
    if (outermost === undefined) return;
    current += ms;
    total += ms;
    functions.set(outermost, (functions.get(outermost) ?? 0) + ms);
    if (current > longest) {
      longest = current;
      longestFunctions = functions;
    }
  });
  const where = [...longestFunctions].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`).join(', ');
  return { longestMs: longest, totalMs: total, where };
}
