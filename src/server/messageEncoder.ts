import type { Diagnostic } from 'vscode-languageserver/node';
import { createConnection, ProposedFeatures, StreamMessageWriter } from 'vscode-languageserver/node';
import type { Connection, Message, MessageWriter } from 'vscode-languageserver/node';

/** What {@link encodeMessage} did, for tests: diagnostics serialised, and reused from the cache. */
export interface EncodeCounts {
  serialised: number;
  reused: number;
}

/**
 * JSON of LSP messages, with each frozen diagnostic's JSON kept (by the object: a frozen diagnostic
 * never changes) while the object lives. The server hands the same frozen Diagnostic for a finding
 * that shows the same from one lint to the next (`DiagnosticCache`), so a `publishDiagnostics` of a
 * large set in which a few changed serialises those few: the rest is copied. Any other message, or
 * a diagnostic that is not frozen, is serialised as `JSON.stringify` does.
 */
export class MessageEncoder {
  private readonly json = new WeakMap<object, Buffer>();
  readonly counts: EncodeCounts = { serialised: 0, reused: 0 };

  encode(message: Message): Buffer {
    const { jsonrpc, method, params, ...other } = message as { jsonrpc?: unknown; method?: unknown; params?: unknown };
    if (method !== 'textDocument/publishDiagnostics' || typeof jsonrpc !== 'string' || Object.keys(other).length || params === null || typeof params !== 'object' || !Array.isArray((params as { diagnostics?: unknown }).diagnostics)) {
      return Buffer.from(JSON.stringify(message), 'utf8');
    }
    const { diagnostics, ...rest } = params as { diagnostics: Diagnostic[] };
    // The params with an empty array last (`…"diagnostics":[]}`), each diagnostic's JSON spliced into it.
    const head = `{"jsonrpc":${JSON.stringify(jsonrpc)},"method":${JSON.stringify(method)},"params":${JSON.stringify({ ...rest, diagnostics: [] })}`;
    const parts: Buffer[] = [Buffer.from(head.slice(0, -2), 'utf8')];
    diagnostics.forEach((diagnostic, i) => {
      if (i > 0) parts.push(comma);
      parts.push(this.diagnosticJson(diagnostic));
    });
    parts.push(tail);
    return Buffer.concat(parts);
  }

  private diagnosticJson(diagnostic: Diagnostic): Buffer {
    if (diagnostic === null || typeof diagnostic !== 'object') return Buffer.from(JSON.stringify(diagnostic) ?? 'null', 'utf8');
    const cached = this.json.get(diagnostic);
    if (cached) {
      this.counts.reused++;
      return cached;
    }
    this.counts.serialised++;
    const json = Buffer.from(JSON.stringify(diagnostic), 'utf8');
    if (Object.isFrozen(diagnostic)) this.json.set(diagnostic, json);
    return json;
  }
}

const comma = Buffer.from(',');
const tail = Buffer.from(']}}');

/** A writer of LSP messages to a stream (stdio) with {@link MessageEncoder}'s JSON. */
export function streamWriter(output: NodeJS.WritableStream, encoder = new MessageEncoder()): MessageWriter {
  return new StreamMessageWriter(output, {
    charset: 'utf-8',
    contentTypeEncoder: { name: 'application/json', encode: (message) => Promise.resolve(encoder.encode(message)) },
  });
}

/**
 * The server's connection over stdio (`greenml lsp --stdio`), writing with {@link MessageEncoder}.
 * stdin stays a stream, so that the process ends when the client closes it (vscode-languageserver
 * does that for a stream only); the writer is a MessageWriter, which the connection takes as one
 * (a value with no `addListener` is not wrapped as a stream), though its typings pair a stream
 * with a stream only.
 */
export function stdioConnection(): Connection {
  return createConnection(ProposedFeatures.all, process.stdin, streamWriter(process.stdout) as unknown as NodeJS.WritableStream);
}
