import type * as vscode from 'vscode';

/**
 * The diagnostics the language server publishes, given to VS Code a batch at a time. Each
 * `DiagnosticCollection.set` of one document is a message from the extension host to the
 * window, compressed and written on its own: a notebook of 600 cells opening sends 600 of them,
 * back to back, while the extension host serves every other extension too. A batch is the latest
 * diagnostics of up to `size` documents and `maxDiagnostics` diagnostics (VS Code converts and
 * copies each: its time grows with them), set in one call; a document with more is a batch of its
 * own. The next batch waits for the next turn of the event loop.
 */
export class DiagnosticBatch {
  private readonly pending = new Map<string, [vscode.Uri, vscode.Diagnostic[]]>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** `set` calls made (for the tests: one per batch, not one per document). */
  sets = 0;

  constructor(
    /** The collection to set, looked up at each batch (none while the client is stopped). */
    private readonly collection: () => vscode.DiagnosticCollection | undefined,
    /** Small enough that one batch is a short task of the extension host's loop even on a busy machine. */
    private readonly size = 20,
    private readonly maxDiagnostics = 60,
  ) {}

  /** The diagnostics of `uri`: replace any pending for it, and set with the next batch. */
  add(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): void {
    const key = uri.toString();
    // A newer publish of a document goes after the others: it is the latest.
    this.pending.delete(key);
    this.pending.set(key, [uri, diagnostics]);
    this.timer ??= setTimeout(() => this.flush(), 0);
  }

  /** Drops what is pending (the client stopped: its diagnostics are cleared). */
  clear(): void {
    this.pending.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private flush(): void {
    this.timer = undefined;
    const batch: Array<[vscode.Uri, vscode.Diagnostic[]]> = [];
    let diagnostics = 0;
    for (const [key, entry] of this.pending) {
      if (batch.length === this.size || (batch.length > 0 && diagnostics + entry[1].length > this.maxDiagnostics)) break;
      batch.push(entry);
      diagnostics += entry[1].length;
      this.pending.delete(key);
    }
    const collection = this.collection();
    if (collection && batch.length) {
      this.sets++;
      collection.set(batch);
    }
    if (this.pending.size) this.timer = setTimeout(() => this.flush(), 0);
  }
}
