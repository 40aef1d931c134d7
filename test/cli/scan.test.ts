import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { getRegion } from '../../src/data/regions';
import { sageMakerRegions } from '../../src/data/sagemakerRegions';
import { runCli, usage } from '../../src/cli/main';
import { parseScanArgs, runScanCommand } from '../../src/cli/scanCommand';

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), cwd: process.cwd() } };
}

describe('greenml scan command line', () => {
  const bad: [string[], RegExp][] = [
    [['--format', 'xml'], /--format must be text, json, md or csv, got "xml"/],
    [['--idle-hours', '0'], /--idle-hours must be a number above 0, got "0"/],
    [['--idle-hours', 'abc'], /--idle-hours must be a number above 0/],
    [['--long-running-hours=-1'], /--long-running-hours must be a number above 0/],
    [['--fail-on-idle-usd', 'lots'], /--fail-on-idle-usd must be a number of 0 or more/],
    [['--org'], /--org needs --role-name/],
    [['--role-name', 'R'], /--role-name goes with --org/],
    [['--org', '--role-name', 'R', '--profiles', 'a'], /--org and --profiles exclude each other/],
    [['--org', '--role-name', 'bad role!'], /is not an IAM role name/],
    [['--profiles', ' , '], /--profiles needs at least one name/],
    [['--regions', 'us-esat-1'], /unknown region "us-esat-1"; did you mean us-east-1/],
    [['--concurrency', '0'], /--concurrency must be a number above 0/],
    [['--concurrency', '2.5'], /--concurrency must be a whole number from 1 to 32/],
    [['--plan', ''], /--plan needs a file name/],
    [['--nope'], /unknown option --nope/],
    [['extra'], /unexpected argument "extra"/],
  ];
  for (const [argv, message] of bad) {
    it(`refuses ${argv.join(' ') || '(empty)'} with one message and exit 2, before any AWS call`, async () => {
      const { out, io } = capture();
      assert.equal(await runScanCommand(argv, io, { connection: { endpoint: 'http://127.0.0.1:9', maxAttempts: 1 }, env: {} }), 2);
      assert.equal(out.stdout, '');
      const lines = out.stderr.trimEnd().split('\n');
      assert.match(lines[0], message);
      assert.deepEqual(lines.slice(1), ["Run 'greenml scan --help' for usage."]);
    });
  }

  it('refuses a --plan file in a missing folder before scanning', async () => {
    const { out, io } = capture();
    assert.equal(await runScanCommand(['--regions', 'us-east-1', '--plan', path.join('no-such-folder', 'plan.sh')], io, { connection: { endpoint: 'http://127.0.0.1:9', maxAttempts: 1 } }), 2);
    assert.match(out.stderr, /^greenml: --plan: folder .*no-such-folder does not exist\n/);
  });

  it('reads accounts, regions and defaults', () => {
    assert.deepEqual(parseScanArgs([], 'eu-west-1'), { accounts: { kind: 'current' }, regions: ['eu-west-1'], idleHours: 24, longRunningHours: 24, format: 'text', failOnIdleUsd: null, plan: null, concurrency: 4, quiet: false, cache: true });
    const o = parseScanArgs(['--profiles', 'dev, prod,dev', '--regions', 'US-EAST-1,eu-west-1', '--idle-hours', '12', '--fail-on-idle-usd', '0', '--format', 'md', '-q'], 'x');
    assert.ok(o !== 'help');
    assert.deepEqual([o.accounts, o.regions, o.idleHours, o.failOnIdleUsd, o.format, o.quiet], [{ kind: 'profiles', profiles: ['dev', 'prod'] }, ['us-east-1', 'eu-west-1'], 12, 0, 'md', true]);
    const org = parseScanArgs(['--org', '--role-name', 'GreenMLScan'], 'x');
    assert.ok(org !== 'help');
    assert.deepEqual(org.accounts, { kind: 'org', roleName: 'GreenMLScan' });
  });

  it('--regions all is every commercial region SageMaker runs in, each one in the data tables', () => {
    const o = parseScanArgs(['--regions', 'all'], 'x');
    assert.ok(o !== 'help');
    assert.deepEqual(o.regions, [...sageMakerRegions]);
    assert.equal(o.regions.length, 34);
    for (const r of o.regions) assert.ok(getRegion(r), r);
  });

  it('prints its help, and the top-level usage names it', async () => {
    const { out, io } = capture();
    assert.equal(await runCli(['scan', '--help'], io), 0);
    assert.match(out.stdout, /^Usage: greenml scan /);
    assert.match(usage, /^ {2}scan {2,}Idle and long-running SageMaker resources/m);
  });

  it('linting never loads the AWS SDK; scan loads it only when it runs', () => {
    const main = path.resolve(__dirname, '..', '..', 'src', 'cli', 'main.js');
    const script = `
      const { runCli } = require(${JSON.stringify(main)});
      const io = { stdout() {}, stderr() {}, cwd: process.cwd() };
      const sdk = () => Object.keys(require.cache).filter((k) => k.includes('@aws-sdk')).length;
      (async () => {
        await runCli(['rules'], io);
        await runCli(['scan', '--help'], io);
        await runCli(['scan', '--format', 'bad'], io);
        process.stdout.write(String(sdk()));
      })();`;
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(child.stderr, '');
    assert.equal(child.stdout, '0');
  });
});
