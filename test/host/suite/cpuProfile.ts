import * as inspector from 'inspector';
import type { CpuProfile } from '../../kit/loopProfile';

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
