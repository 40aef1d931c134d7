import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';

type Handler = (params: unknown) => unknown;

/**
 * A minimal LSP client over a child process's stdio (Content-Length framing, JSON-RPC 2.0): enough
 * to test the server's contract without an editor.
 */
export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly notifications: Array<{ method: string; params: unknown }> = [];
  private readonly waiters: Array<{ test: (n: { method: string; params: unknown }) => boolean; resolve: (params: unknown) => void }> = [];
  private readonly requestHandlers = new Map<string, Handler>();
  stderr = '';

  /** The server process id (for its memory figures). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  constructor(command: string, args: readonly string[], env?: NodeJS.ProcessEnv) {
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], ...(env ? { env } : {}) });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  /** Answers the server's requests of this method (workspace/configuration, workspace/applyEdit…). */
  onRequest(method: string, handler: Handler): void {
    this.requestHandlers.set(method, handler);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The next notification (past or future) of `method` whose params pass `test`. */
  waitFor<T>(method: string, test: (params: T) => boolean = () => true, timeoutMs = 15_000): Promise<T> {
    const match = (n: { method: string; params: unknown }): boolean => n.method === method && test(n.params as T);
    const seen = this.notifications.find(match);
    if (seen) return Promise.resolve(seen.params as T);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} in ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ test: match, resolve: (p) => { clearTimeout(timer); resolve(p as T); } });
    });
  }

  /** The params of the notifications of `method` received so far (since the last clear). */
  notificationsOf(method: string): unknown[] {
    return this.notifications.filter((n) => n.method === method).map((n) => n.params);
  }

  /** Forgets the notifications received so far (to wait for the next ones). */
  clearNotifications(): void {
    this.notifications.length = 0;
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit', null);
    } catch {
      // the server is gone already
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }

  private send(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } };
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } }): void {
    if (message.method && message.id !== undefined) {
      const handler = this.requestHandlers.get(message.method);
      const result = handler ? handler(message.params) : null;
      // A handler may answer later (a client slow to give its settings).
      if (result instanceof Promise) void result.then((later: unknown) => this.send({ jsonrpc: '2.0', id: message.id, result: later ?? null }));
      else this.send({ jsonrpc: '2.0', id: message.id, result: result ?? null });
      return;
    }
    if (message.method) {
      const note = { method: message.method, params: message.params };
      this.notifications.push(note);
      for (const waiter of [...this.waiters]) {
        if (!waiter.test(note)) continue;
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(note.params);
      }
      return;
    }
    const pending = message.id === undefined ? undefined : this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id as number);
    if (message.error) pending.reject(new Error(message.error.message));
    else pending.resolve(message.result);
  }
}
