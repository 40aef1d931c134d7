import { spawnSync } from 'node:child_process';

/** Runs a Node script of the repository (`scripts/*.mjs`) with `args`, as `npm run` would: its exit status and output. */
export function runNodeScript(script: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
