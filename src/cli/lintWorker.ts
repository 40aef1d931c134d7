import { parentPort, workerData } from 'node:worker_threads';
import type { RuleSettings } from '../core/config';
import { createLinter } from '../linter';
import type { WasmFile } from '../parsers/wasm';
import type { UnitOptions, UnitOutcome, UnitTask } from './lintUnit';
import { lintUnit } from './lintUnit';

/** What the pool gives each worker when it starts. */
export interface WorkerSetup {
  /** Where each WebAssembly file is (the main thread's `locateWasm`, resolved). */
  wasm: Record<WasmFile, string>;
  options: UnitOptions;
}

/**
 * A message to a worker: the names of files to come, whose parsers it loads at once; or a batch
 * of units to lint, with the rule settings it has not seen yet.
 */
export type WorkerRequest = { prepare: readonly string[] } | { settings: Array<[number, RuleSettings]>; tasks: UnitTask[] };

/** A worker's answer: the outcomes of one batch, in its order, or a failure of the worker itself (a bug). */
export type WorkerReply = { outcomes: UnitOutcome[] } | { crash: string };

/**
 * A worker thread of `greenml lint`: lints the batches it is sent, one unit after the other in the
 * order received, with its own engine, and answers each batch with its units' outcomes.
 */
function serve(): void {
  const port = parentPort;
  if (!port) return;
  const setup = workerData as WorkerSetup;
  const logs: string[] = [];
  const log = (m: string): void => void logs.push(`greenml: ${m}`);
  const linter = createLinter({ logger: { error: log, warn: log, info: () => undefined, debug: () => undefined }, locateWasm: (file) => setup.wasm[file] });
  const settings = new Map<number, RuleSettings>();
  // Batches run one at a time, in the order they came (a batch waits for the parsers, then runs through).
  let queue: Promise<unknown> = Promise.resolve();
  port.on('message', (request: WorkerRequest) => {
    if ('prepare' in request) {
      // Failures are reported by the units that need the parser (lintUnit prepares again).
      queue = queue.then(() => linter.prepare(request.prepare));
      return;
    }
    for (const [id, s] of request.settings) settings.set(id, s);
    queue = queue.then(async () => {
      try {
        const outcomes: UnitOutcome[] = [];
        for (const task of request.tasks) outcomes.push({ ...(await lintUnit(linter, task, (id) => settings.get(id) as RuleSettings, setup.options)), logs: logs.splice(0) });
        port.postMessage({ outcomes } satisfies WorkerReply);
      } catch (err) {
        port.postMessage({ crash: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies WorkerReply);
      }
    });
  });
}

serve();
