import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';

const root = path.resolve(__dirname, '..', '..', '..');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd: os.tmpdir(), stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('greenml estimate', () => {
  it('--json prints one object with the documented keys', async () => {
    const { code, stdout, stderr } = await cli('estimate', 'ml.m5.xlarge', '--json');
    assert.equal(code, 0, stderr);
    const e = JSON.parse(stdout);
    for (const key of ['instanceType', 'region', 'utilization', 'energyKwhPerHour', 'operationalKgCo2ePerHour', 'embodiedKgCo2ePerHour', 'totalKgCo2ePerHour', 'costUsdPerHour', 'costSource', 'estimated', 'sources']) {
      assert.ok(key in e, `missing ${key}`);
    }
    assert.equal(e.instanceType, 'ml.m5.xlarge');
    assert.equal(e.region, 'us-east-1');
    assert.equal(e.utilization, 0.5);
    // Skylake (CCF 0.65 / 4.26 W per vCPU), 4 vCPU, 16 GiB: (4 × 2.455 + 16 × 0.392) × 1.135 / 1000.
    assert.ok(Math.abs(e.energyKwhPerHour - ((4 * (0.65 + 0.5 * (4.26 - 0.65)) + 16 * 0.392) * 1.135) / 1000) < 1e-12);
    assert.equal(e.costUsdPerHour, 0.23);
    assert.equal(e.costSource, 'bundled');
    assert.ok(Array.isArray(e.sources) && e.sources.every((s: unknown) => typeof s === 'string'));
  });

  it('--region, --utilization, --intensity and --hours change the figures', async () => {
    const e = JSON.parse((await cli('estimate', 'ml.c6g.xlarge', '--region', 'eu-north-1', '--utilization', '1', '--intensity', 'recent', '--hours', '10', '--json')).stdout);
    assert.equal(e.region, 'eu-north-1');
    assert.equal(e.utilization, 1);
    assert.equal(e.intensity, 'recent');
    assert.equal(e.gridGco2ePerKwh, 40.7);
    // Graviton2 at 100%: 4 × 1.69 + 8 × 0.392 = 9.896 W.
    assert.ok(Math.abs(e.energyKwhPerHour - (9.896 * 1.135) / 1000) < 1e-12);
    assert.equal(e.forHours.hours, 10);
    assert.ok(Math.abs(e.forHours.energyKwh - (10 * 9.896 * 1.135) / 1000) < 1e-12);
    assert.equal(e.costSource, 'ec2-lower-bound');
  });

  it('costUsdPerHour and costSource are null when no price is bundled', async () => {
    const e = JSON.parse((await cli('estimate', 'ml.trn2.3xlarge', '--json')).stdout);
    assert.equal(e.costUsdPerHour, null);
    assert.equal(e.costSource, null);
    assert.equal(e.estimated, true);
  });

  it('text output shows energy, carbon, cost, notes and sources', async () => {
    const { code, stdout } = await cli('estimate', 'g5.xlarge', '--region', 'ap-east-2', '--hours', '24');
    assert.equal(code, 0);
    assert.match(stdout, /^ml\.g5\.xlarge in ap-east-2 \(Asia Pacific \(Taipei\)\), utilisation 50% \(estimate\)$/m);
    assert.match(stdout, /Power {5}CPU 4\.32 W \+ accelerators 85\.5 W \+ memory 6\.27 W, × PUE 1\.135/);
    assert.match(stdout, /Energy {4}0\.109 kWh\/h/);
    assert.match((await cli('estimate', 'ml.m5.xlarge')).stdout, /Power {5}CPU 9\.82 W \+ memory 6\.27 W, × PUE 1\.135/);
    assert.match(stdout, /392\.782 gCO2e\/kWh, ccf/);
    // The price is us-east-1's, and the line says so rather than showing it as ap-east-2's.
    assert.match(stdout, /Cost {6}\$1\.41\/h \(us-east-1 SageMaker hosting price; no ap-east-2 price bundled\)\n/);
    assert.match((await cli('estimate', 'g5.xlarge')).stdout, /Cost {6}\$1\.41\/h \(bundled SageMaker hosting price, us-east-1\)\n/);
    assert.match(stdout, /For 24 h/);
    assert.match(stdout, /no CCF factor for ap-east-2/);
    assert.match(stdout, /^Sources:$/m);
  });

  it('an unknown instance type is an error with close names, exit 2', async () => {
    const { code, stdout, stderr } = await cli('estimate', 'ml.m5.xlarg');
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /unknown instance type "ml\.m5\.xlarg"; did you mean ml\.m5\.xlarge/);
  });

  it('an unknown region is an error with close names, exit 2', async () => {
    const { code, stderr } = await cli('estimate', 'ml.m5.xlarge', '--region', 'eu-nort-1');
    assert.equal(code, 2);
    assert.match(stderr, /unknown region "eu-nort-1".*did you mean eu-north-1/);
  });

  it('usage errors exit 2', async () => {
    assert.equal((await cli('estimate')).code, 2);
    assert.equal((await cli('estimate', 'ml.m5.xlarge', '--utilization', '50')).code, 2);
    assert.equal((await cli('estimate', 'ml.m5.xlarge', '--utilization', '')).code, 2);
    assert.equal((await cli('estimate', 'ml.m5.xlarge', '--hours', 'many')).code, 2);
    assert.equal((await cli('estimate', 'ml.m5.xlarge', '--intensity', 'latest')).code, 2);
    assert.equal((await cli('estimate', 'ml.m5.xlarge', '--bogus')).code, 2);
    assert.equal((await cli('estimate', '--help')).code, 0);
  });
});

describe('greenml regions', () => {
  it('--json lists every region; --sort carbon puts the lowest first', async () => {
    const byName = JSON.parse((await cli('regions', '--json')).stdout);
    assert.equal(byName.length, 41);
    assert.deepEqual(byName.map((r: { code: string }) => r.code), [...byName.map((r: { code: string }) => r.code)].sort());
    const byCarbon = JSON.parse((await cli('regions', '--sort', 'carbon', '--json')).stdout);
    assert.equal(byCarbon[0].code, 'eu-north-1');
    assert.equal(byCarbon[0].gco2ePerKwh, 8.8);
    for (let i = 1; i < byCarbon.length; i++) assert.ok(byCarbon[i - 1].gco2ePerKwh <= byCarbon[i].gco2ePerKwh);
    const fallback = byCarbon.find((r: { code: string }) => r.code === 'ap-east-2');
    assert.equal(fallback.gco2ePerKwh, 392.78188);
    assert.equal(fallback.estimated, true);
    assert.equal(fallback.ccfGco2ePerKwh, null);
  });

  it('--intensity recent sorts by the recent figures', async () => {
    const rows = JSON.parse((await cli('regions', '--sort', 'carbon', '--intensity', 'recent', '--json')).stdout);
    assert.equal(rows[0].code, 'eu-central-2');
    assert.equal(rows[0].gco2ePerKwh, 34.8);
  });

  it('text output is a table; bad options exit 2', async () => {
    const { code, stdout } = await cli('regions', '--sort', 'carbon');
    assert.equal(code, 0);
    assert.match(stdout.split('\n')[1], /^eu-north-1 +Europe \(Stockholm\) +8\.8 +8\.8 +40\.7 \(2023\)$/);
    assert.equal((await cli('regions', '--sort', 'price')).code, 2);
    // The region list shows grid intensity only: no price at all, so none can pass for a region's.
    assert.doesNotMatch(stdout, /\$/);
    assert.doesNotMatch((await cli('regions', '--json')).stdout, /usd|price|\$/i);
  });
});

describe('bundled CLI: estimate', () => {
  it('runs offline as a separate process', async function () {
    this.timeout(20000);
    const bundle = path.join(root, 'dist', 'cli.js');
    assert.ok(fs.existsSync(bundle), 'run `npm run bundle` before the unit tests');
    const ok = spawnSync(process.execPath, [bundle, 'estimate', 'ml.p4d.24xlarge', '--json'], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(JSON.parse(ok.stdout).instanceType, 'ml.p4d.24xlarge');
    assert.equal(spawnSync(process.execPath, [bundle, 'estimate', 'ml.nope'], { encoding: 'utf8' }).status, 2);
  });
});
