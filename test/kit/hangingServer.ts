import * as net from 'node:net';

/** A loopback TCP server that accepts connections and never answers: what an endpoint behind a dead proxy looks like. */
export interface HangingServer {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  /** Connections accepted so far. */
  readonly connections: number;
  close(): Promise<void>;
}

/** Starts a {@link HangingServer} on a free loopback port; `close` drops every socket it holds. */
export async function startHangingServer(): Promise<HangingServer> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    // Reads the request and never writes a byte back.
    socket.resume();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
