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

/** A message to a worker: rule settings it has not seen yet, then a unit to lint. */
export interface WorkerRequest {
  settings: Array<[number, RuleSettings]>;
  task: UnitTask;
}

/** A worker's answer: the unit's outcome, or a failure of the worker itself (a bug). */
export type WorkerReply = { outcome: UnitOutcome } | { crash: string };

/**
 * A worker thread of `greenml lint`: lints the units it is sent, one at a time, with its own
 * engine (parsers load on first use), and answers with each unit's outcome.
 */
function serve(): void {
  const port = parentPort;
  if (!port) return;
  const setup = workerData as WorkerSetup;
  const logs: string[] = [];
  const log = (m: string): void => void logs.push(`greenml: ${m}`);
  const linter = createLinter({ logger: { error: log, warn: log, info: () => undefined, debug: () => undefined }, locateWasm: (file) => setup.wasm[file] });
  const settings = new Map<number, RuleSettings>();
  port.on('message', (request: WorkerRequest) => {
    for (const [id, s] of request.settings) settings.set(id, s);
    lintUnit(linter, request.task, (id) => settings.get(id) as RuleSettings, setup.options).then(
      (outcome) => port.postMessage({ outcome: { ...outcome, logs: logs.splice(0) } } satisfies WorkerReply),
      (err: unknown) => port.postMessage({ crash: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies WorkerReply),
    );
  });
}

serve();
