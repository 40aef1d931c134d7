import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createClients, destroyClients } from '../../src/aws/clients';
import type { RegionClients } from '../../src/aws/clients';

/** A moto server on a free loopback port, started for one mocha suite and killed by its PID afterwards. */
export interface MotoServer {
  endpoint: string;
  reset(): Promise<void>;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(endpoint: string, child: ChildProcess, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}: ${output()}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
      if (res.ok) return;
    } catch (err) {
      if (!(err instanceof TypeError)) throw err; // fetch reports a refused connection as a TypeError: not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`moto_server did not answer at ${endpoint}: ${output()}`);
}

const fakeEnv: Record<string, string> = {
  AWS_ACCESS_KEY_ID: 'testing',
  AWS_SECRET_ACCESS_KEY: 'testing',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: path.join(os.tmpdir(), 'greenml-no-aws-config'),
  AWS_SHARED_CREDENTIALS_FILE: path.join(os.tmpdir(), 'greenml-no-aws-credentials'),
};
const clearedEnv = ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL', 'AWS_REGION', 'AWS_DEFAULT_REGION'];

/** Fake credentials for the SDK's env provider, so no test can reach the user's account; returns the undo. */
export function useFakeCredentials(): () => void {
  const saved = new Map([...Object.keys(fakeEnv), ...clearedEnv].map((k) => [k, process.env[k]]));
  Object.assign(process.env, fakeEnv);
  for (const k of clearedEnv) delete process.env[k];
  return () => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

/** moto's Python and server: in GREENML_MOTO_BIN when set (npm test sets it to the virtualenv of scripts/install-moto.sh), else on PATH. */
function motoCommand(name: string): string {
  const bin = process.env.GREENML_MOTO_BIN;
  return bin ? path.join(bin, name) : name;
}

export async function startMoto(): Promise<MotoServer> {
  const probe = spawnSync(motoCommand('python3'), ['-c', 'import moto.server'], { encoding: 'utf8' });
  if (probe.status !== 0) throw new Error(`moto is not installed (pip install "moto[server]==5.2.1"): ${probe.stderr}`);
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn(motoCommand('moto_server'), ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const stop = () => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGTERM');
  };
  try {
    await waitUntilUp(endpoint, child, () => output);
  } catch (err) {
    stop();
    throw err;
  }
  return {
    endpoint,
    async reset() {
      const res = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
      if (!res.ok) throw new Error(`moto reset failed: HTTP ${res.status}`);
    },
    stop,
  };
}

/** What {@link motoSuite} gives a suite: filled in by its `before` hook. */
export interface MotoSuite {
  moto: MotoServer;
  /** SDK clients of each region asked for, pointed at the server, one attempt per call. */
  clients: Record<string, RegionClients>;
}

/**
 * The mocha hooks every suite against moto needs: fake credentials, one server for the suite
 * (killed by PID afterwards), clients per region, and the server's state reset before each test.
 */
export function motoSuite(regions: readonly string[]): MotoSuite {
  const suite = { clients: {} } as MotoSuite;
  let restoreEnv: (() => void) | undefined;
  before(async function () {
    this.timeout(60000);
    restoreEnv = useFakeCredentials();
    suite.moto = await startMoto();
    for (const region of regions) suite.clients[region] = createClients({ region, endpoint: suite.moto.endpoint, maxAttempts: 1 });
  });
  after(() => {
    for (const clients of Object.values(suite.clients)) destroyClients(clients);
    suite.moto?.stop();
    restoreEnv?.();
  });
  beforeEach(() => suite.moto.reset());
  return suite;
}
