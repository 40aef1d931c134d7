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
 * How work is handed out. A batch is a run of units sent in one message, closed once it holds
 * `batchFiles` files or `batchBytes` bytes (a large file or module goes alone); each worker has
 * up to `inFlight` batches sent and not answered, so that it starts its next batch while the main
 * thread reads its last answer, instead of waiting for it.
 */
export interface Dispatch {
  batchFiles: number;
  batchBytes: number;
  inFlight: number;
}

export const defaultDispatch: Dispatch = { batchFiles: 8, batchBytes: 128 * 1024, inFlight: 2 };

/** What a run of the pool did, for tests and the benchmark: batches and messages sent, per worker. */
export interface PoolStats {
  batches: number[];
  /** The most batches a worker had sent and not answered at once. */
  mostInFlight: number;
}

/**
 * Worker threads for `greenml lint`, started before the work is known (while the main thread
 * still walks the folders and reads the config files: {@link LintPool.grow}), so that the threads
 * load the engine and its parsers meanwhile. {@link LintPool.run} then lints units on them;
 * {@link LintPool.close} stops them (a pool that turns out not to be needed runs nothing).
 */
export class LintPool {
  private readonly workers: Worker[] = [];
  private readonly exitCodes = new Map<Worker, number>();
  private readonly errors = new Map<Worker, Error>();
  private onTrouble: ((err: Error) => void) | undefined;
  private closed = false;
  private readonly setup: WorkerSetup;
  private prepared: readonly string[] | undefined;

  constructor(locateWasm: LocateWasm, options: UnitOptions) {
    this.setup = { wasm: Object.fromEntries(wasmFiles.map((f) => [f, locateWasm(f)])) as Record<WasmFile, string>, options: { cwd: options.cwd, fix: options.fix, keepText: options.keepText } };
  }

  /** The workers started (and not stopped). */
  get size(): number {
    return this.workers.length;
  }

  /** Starts workers until there are `count`. */
  grow(count: number): void {
    while (!this.closed && this.workers.length < count) {
      const worker = new Worker(workerScript, { workerData: this.setup, resourceLimits: { stackSizeMb: mainThreadStackMb } });
      // Until `run` listens, a failure is kept and reported when it starts.
      worker.on('error', (err) => {
        this.errors.set(worker, err);
        this.onTrouble?.(err);
      });
      worker.on('exit', (code) => {
        if (!this.workers.includes(worker)) return;
        this.exitCodes.set(worker, code);
        if (!this.closed) this.onTrouble?.(new Error(`a lint worker stopped (exit code ${code}) before its work was done`));
      });
      this.workers.push(worker);
      if (this.prepared) worker.postMessage({ prepare: this.prepared } satisfies WorkerRequest);
    }
  }

  /** Stops workers until there are `count` left. */
  shrink(count: number): void {
    while (this.workers.length > count) void (this.workers.pop() as Worker).terminate();
  }

  /** Has every worker load the parsers that files of these names need, before any unit arrives. */
  prepare(fileNames: readonly string[]): void {
    this.prepared = fileNames;
    for (const worker of this.workers) worker.postMessage({ prepare: fileNames } satisfies WorkerRequest);
  }

  /** Stops the workers (they are stopped whatever they are doing). */
  close(): void {
    this.closed = true;
    for (const w of this.workers) void w.terminate();
  }

  /**
   * Lints `tasks` on the workers, each taking the next batch when it has fewer than
   * `dispatch.inFlight` in hand, and hands the outcomes to `onOutcome` in the units' order
   * (whatever order they finish in), so that the output is the same as one thread's. Rejects when
   * a worker fails (a bug, not bad input). Closes the pool when done.
   */
  run(tasks: readonly UnitTask[], settings: readonly RuleSettings[], onOutcome: (outcome: UnitOutcome) => void, dispatch: Dispatch = defaultDispatch): Promise<PoolStats> {
    const stats: PoolStats = { batches: this.workers.map(() => 0), mostInFlight: 0 };
    const sizes = new Map(tasks.map((t) => [t, t.files.reduce((sum, f) => sum + sizeOf(f.file), 0)]));
    // The biggest units (by bytes: a folder read together, a large file) go first, so that no
    // worker is left with a long one at the end while the others wait.
    const order = [...tasks].sort((a, b) => (sizes.get(b) as number) - (sizes.get(a) as number) || a.id - b.id);
    const done = new Map<number, UnitOutcome>();
    let next = 0;
    let flushed = 0;
    return new Promise<PoolStats>((resolve, reject) => {
      let failed = false;
      const fail = (err: Error): void => {
        if (failed) return;
        failed = true;
        this.close();
        reject(err);
      };
      const flush = (): void => {
        while (done.has(flushed)) {
          const outcome = done.get(flushed) as UnitOutcome;
          done.delete(flushed);
          flushed++;
          onOutcome(outcome);
        }
        if (flushed === tasks.length && !failed) {
          this.close();
          resolve(stats);
        }
      };
      if (!tasks.length) {
        this.close();
        return resolve(stats);
      }
      const early = [...this.errors.values()][0] ?? (this.exitCodes.size ? new Error(`a lint worker stopped (exit code ${[...this.exitCodes.values()][0]}) before its work was done`) : undefined);
      if (early) return fail(early);
      this.onTrouble = (err) => {
        if (flushed < tasks.length) fail(err);
      };
      const takeBatch = (): UnitTask[] => {
        const batch: UnitTask[] = [];
        let files = 0;
        let bytes = 0;
        while (next < order.length && (batch.length === 0 || (files + order[next].files.length <= dispatch.batchFiles && bytes + (sizes.get(order[next]) as number) <= dispatch.batchBytes))) {
          const task = order[next++];
          files += task.files.length;
          bytes += sizes.get(task) as number;
          batch.push(task);
        }
        return batch;
      };
      this.workers.forEach((worker, w) => {
        const sent = new Set<number>();
        let inFlight = 0;
        const give = (): void => {
          while (inFlight < dispatch.inFlight && next < order.length) {
            const batch = takeBatch();
            const needed = [...new Set(batch.flatMap((t) => t.files.map((f) => f.settingsId)))].filter((id) => !sent.has(id));
            for (const id of needed) sent.add(id);
            worker.postMessage({ settings: needed.map((id) => [id, settings[id]]), tasks: batch } satisfies WorkerRequest);
            inFlight++;
            stats.batches[w]++;
            stats.mostInFlight = Math.max(stats.mostInFlight, inFlight);
          }
        };
        worker.on('message', (reply: WorkerReply) => {
          if ('crash' in reply) return fail(new Error(`a lint worker failed: ${reply.crash}`));
          inFlight--;
          give();
          for (const outcome of reply.outcomes) done.set(outcome.id, outcome);
          flush();
        });
        give();
      });
    });
  }
}
