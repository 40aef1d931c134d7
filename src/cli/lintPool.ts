import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RuleSettings } from '../core/config';
import type { LocateWasm, WasmFile } from '../parsers/wasm';
import type { UnitOptions, UnitOutcome, UnitTask } from './lintUnit';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './lintWorker';

const wasmFiles: WasmFile[] = ['web-tree-sitter.wasm', 'tree-sitter-python.wasm', 'tree-sitter-terraform.wasm', 'tree-sitter-typescript.wasm'];

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0; // reading it reports why
  }
}

/**
 * A worker's stack, sized so that its JavaScript stack limit is the main thread's (V8's default
 * of 984 KB; Node keeps 192 KB of a worker's stack for itself): input nested too deeply for one
 * thread is too deep for every thread, so a file's findings do not depend on how many threads ran.
 */
const mainThreadStackMb = (984 + 192) / 1024;

/** The worker's script: next to this module (the bundle's dist/, or the compiled sources). */
export const workerScript = path.join(__dirname, 'lintWorker.js');

/**
 * Lints units on `workers` worker threads, each taking the next unit when it is free, and hands
 * the outcomes to `onOutcome` in the units' order (whatever order they finish in), so the
 * output is the same as one thread's. Rejects when a worker fails (a bug, not bad input).
 */
export function runOnWorkers(
  tasks: readonly UnitTask[],
  settings: readonly RuleSettings[],
  options: UnitOptions & { workers: number; locateWasm: LocateWasm },
  onOutcome: (outcome: UnitOutcome) => void,
): Promise<void> {
  const setup: WorkerSetup = { wasm: Object.fromEntries(wasmFiles.map((f) => [f, options.locateWasm(f)])) as Record<WasmFile, string>, options: { cwd: options.cwd, fix: options.fix, keepText: options.keepText } };
  const done = new Map<number, UnitOutcome>();
  // The biggest units (by bytes: a folder read together, a large file) go first, so that no worker
  // is left with a long one at the end while the others wait.
  const weight = new Map(tasks.map((t) => [t, t.files.reduce((sum, f) => sum + sizeOf(f.file), 0)]));
  const order = [...tasks].sort((a, b) => (weight.get(b) as number) - (weight.get(a) as number) || a.id - b.id);
  let next = 0;
  let flushed = 0;
  const workers: Worker[] = [];
  return new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (err: Error): void => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(err);
    };
    const flush = (): void => {
      while (done.has(flushed)) {
        const outcome = done.get(flushed) as UnitOutcome;
        done.delete(flushed);
        flushed++;
        onOutcome(outcome);
      }
      if (flushed === tasks.length) {
        for (const w of workers) void w.terminate();
        resolve();
      }
    };
    if (!tasks.length) return resolve();
    const count = Math.max(1, Math.min(options.workers, tasks.length));
    for (let i = 0; i < count; i++) {
      const worker = new Worker(workerScript, { workerData: setup, resourceLimits: { stackSizeMb: mainThreadStackMb } });
      const sent = new Set<number>();
      const give = (): void => {
        if (next >= order.length) return;
        const task = order[next++];
        const needed = [...new Set(task.files.map((f) => f.settingsId))].filter((id) => !sent.has(id));
        for (const id of needed) sent.add(id);
        worker.postMessage({ settings: needed.map((id) => [id, settings[id]]), task } satisfies WorkerRequest);
      };
      worker.on('message', (reply: WorkerReply) => {
        if ('crash' in reply) return fail(new Error(`a lint worker failed: ${reply.crash}`));
        done.set(reply.outcome.id, reply.outcome);
        give();
        flush();
      });
      worker.on('error', (err) => fail(err));
      worker.on('exit', (code) => {
        if (!failed && flushed < tasks.length) fail(new Error(`a lint worker stopped (exit code ${code}) before its work was done`));
      });
      workers.push(worker);
      give();
    }
  });
}
