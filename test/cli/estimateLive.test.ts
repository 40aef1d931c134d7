import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';
import type { PriceListFake } from '../aws/pricingFake';
import { sageMakerProduct, startPriceListFake } from '../aws/pricingFake';
import type { HangingServer } from '../kit/hangingServer';
import { startHangingServer } from '../kit/hangingServer';

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd: os.tmpdir(), stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/**
 * `greenml estimate --live` end to end: the SDK's own endpoint override (AWS_ENDPOINT_URL_PRICING)
 * points the Price List client at the loopback fake; credentials come from the environment.
 */
describe('greenml estimate --live', () => {
  const names = ['GREENML_AWS_TIMEOUT_MS', 'AWS_ENDPOINT_URL_PRICING', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_PROFILE', 'XDG_CACHE_HOME', 'AWS_EC2_METADATA_DISABLED', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE'] as const;
  let saved: Record<string, string | undefined>;
  let cacheDir: string;
  let fake: PriceListFake | undefined;
  let hanging: HangingServer | undefined;

  beforeEach(() => {
    saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-live-'));
    process.env.XDG_CACHE_HOME = cacheDir;
    process.env.AWS_ACCESS_KEY_ID = 'AKIDCLI';
    process.env.AWS_SECRET_ACCESS_KEY = 'do-not-print-this-secret';
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    process.env.AWS_CONFIG_FILE = path.join(cacheDir, 'no-config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(cacheDir, 'no-credentials');
    delete process.env.AWS_PROFILE;
  });

  afterEach(async () => {
    await fake?.close();
    fake = undefined;
    await hanging?.close();
    hanging = undefined;
    for (const n of names) {
      if (saved[n] === undefined) delete process.env[n];
      else process.env[n] = saved[n];
    }
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it("prints costSource 'live' with the region's price, then answers from the cache without a call", async () => {
    fake = await startPriceListFake([sageMakerProduct('HOSTM5EU', 'ml.m5.xlarge', 'eu-west-1', 'Hosting', '0.2580000000'), sageMakerProduct('TRAINM5EU', 'ml.m5.xlarge', 'eu-west-1', 'Training', '0.2570000000')]);
    process.env.AWS_ENDPOINT_URL_PRICING = fake.endpoint;
    const first = await cli('estimate', 'ml.m5.xlarge', '--region', 'eu-west-1', '--live', '--json');
    assert.equal(first.code, 0, first.stderr);
    const e = JSON.parse(first.stdout);
    assert.equal(e.costSource, 'live');
    assert.equal(e.costUsdPerHour, 0.258);
    assert.equal(e.costRegion, 'eu-west-1');
    assert.ok(e.sources.some((s: string) => /AWS Price List API \(GetProducts, AmazonSageMaker, SKU HOSTM5EU/.test(s)), e.sources.join('\n'));
    assert.equal(fake.requests.length, 1);
    assert.ok(fs.existsSync(path.join(cacheDir, 'greenml', 'prices.json')));

    const second = await cli('estimate', 'ml.m5.xlarge', '--region', 'eu-west-1', '--live', '--json');
    assert.equal(JSON.parse(second.stdout).costUsdPerHour, 0.258);
    assert.equal(fake.requests.length, 1, 'served from the cache');

    const training = await cli('estimate', 'ml.m5.xlarge', '--region', 'eu-west-1', '--live', '--usage', 'training');
    assert.match(training.stdout, /Cost {6}\$0\.26\/h \(live SageMaker price, eu-west-1\)/);
    assert.equal(fake.requests.length, 2);
    for (const out of [first, second, training]) assert.ok(!(out.stdout + out.stderr).includes('do-not-print-this-secret'));
  });

  it('falls back to the bundled price with one warning when the call is denied, and caches nothing', async () => {
    fake = await startPriceListFake([], { error: { status: 400, type: 'AccessDeniedException', message: 'not authorized to perform pricing:GetProducts' } });
    process.env.AWS_ENDPOINT_URL_PRICING = fake.endpoint;
    const { code, stdout, stderr } = await cli('estimate', 'ml.m5.xlarge', '--live', '--json');
    assert.equal(code, 0);
    assert.equal(JSON.parse(stdout).costSource, 'bundled');
    assert.match(stderr, /^greenml: no live price \(accessDenied\): GetProducts failed: AccessDeniedException.*; the bundled price is used\n$/);
    assert.ok(!stderr.includes('do-not-print-this-secret'));
    assert.ok(!fs.existsSync(path.join(cacheDir, 'greenml', 'prices.json')));
  });

  it('fails with one line and exit 2 when the endpoint accepts the connection and never answers', async function () {
    // Before every client had a request timeout this call waited forever (the test then fails on mocha's timeout).
    this.timeout(10_000);
    hanging = await startHangingServer();
    process.env.AWS_ENDPOINT_URL_PRICING = hanging.endpoint;
    process.env.GREENML_AWS_TIMEOUT_MS = '200';
    const { code, stdout, stderr } = await cli('estimate', 'ml.m5.xlarge', '--region', 'eu-west-1', '--live');
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^greenml: no live price: GetProducts timed out: no answer from AWS in time \(.*200 ms.*\)\n$/);
    assert.ok(hanging.connections >= 1, 'the call reached the server');
    assert.ok(!stderr.includes('do-not-print-this-secret'));
    assert.ok(!fs.existsSync(path.join(cacheDir, 'greenml', 'prices.json')), 'a timeout is not cached');
  });

  it('says so when the offer has no such product, and uses the bundled price', async () => {
    fake = await startPriceListFake([]);
    process.env.AWS_ENDPOINT_URL_PRICING = fake.endpoint;
    const { code, stdout, stderr } = await cli('estimate', 'ml.m5.xlarge', '--live', '--json');
    assert.equal(code, 0);
    assert.equal(JSON.parse(stdout).costSource, 'bundled');
    assert.match(stderr, /the AWS Price List has no hosting price for ml\.m5\.xlarge in us-east-1/);
  });

  it('without --live it never calls the API', async () => {
    fake = await startPriceListFake([sageMakerProduct('HOSTM5US', 'ml.m5.xlarge', 'us-east-1', 'Hosting', '0.2300000000')]);
    process.env.AWS_ENDPOINT_URL_PRICING = fake.endpoint;
    const { stdout } = await cli('estimate', 'ml.m5.xlarge', '--json');
    assert.equal(JSON.parse(stdout).costSource, 'bundled');
    assert.equal(fake.requests.length, 0);
  });

  it('rejects --usage without --live and unknown usages, exit 2', async () => {
    assert.equal((await cli('estimate', 'ml.m5.xlarge', '--usage', 'training')).code, 2);
    const bad = await cli('estimate', 'ml.m5.xlarge', '--live', '--usage', 'studio');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--usage must be one of hosting, training, notebook, processing/);
  });
});
