#!/usr/bin/env node
// Takes the README screenshots in the offline VS Code host (see host-lib.mjs), as 1400×900 PNGs.
//   --mode problems (default): test/host/workspace/template.yaml open and its SML401 finding in the
//     Problems panel → media/screenshot-problems.png
//   --mode explorer: the SageMaker resources view connected to a local moto server seeded with a
//     busy, an idle and a serverless endpoint, an idle notebook instance and a HyperPod cluster →
//     media/screenshot-explorer.png (needs moto in the system python3, and `npm run bundle`)
//
//   node scripts/screenshot.mjs [--mode problems|explorer] [--host DIR] [--ext DIR] [--vsix FILE]
//        [--workspace DIR] [--file NAME] [--out PNG] [--timeout SEC]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  DEFAULT_HOST_DIR,
  installVsix,
  launchBrowser,
  makeRunDirs,
  removeRunDirs,
  startCodeServer,
  workbenchUrl,
} from './host-lib.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values: opts } = parseArgs({
  options: {
    host: { type: 'string', default: DEFAULT_HOST_DIR },
    ext: { type: 'string', default: repoRoot },
    vsix: { type: 'string' },
    mode: { type: 'string', default: 'problems' },
    workspace: { type: 'string', default: 'test/host/workspace' },
    file: { type: 'string' },
    finding: { type: 'string', default: 'SML401' },
    out: { type: 'string' },
    timeout: { type: 'string', default: '120' },
  },
});

if (opts.mode !== 'problems' && opts.mode !== 'explorer') throw new Error(`--mode must be problems or explorer, not ${opts.mode}`);
const explorerMode = opts.mode === 'explorer';
const extDir = path.resolve(opts.ext);
const out = path.resolve(repoRoot, opts.out ?? (explorerMode ? 'media/screenshot-explorer.png' : 'media/screenshot-problems.png'));
const file = opts.file ?? (explorerMode ? 'train.py' : 'template.yaml');
const dirs = makeRunDirs({ workspace: path.resolve(extDir, opts.workspace) });
let server;
let browser;
let moto;

async function cleanup() {
  await browser?.close().catch(() => {});
  browser = undefined;
  await server?.stop();
  server = undefined;
  if (moto?.pid !== undefined && moto.exitCode === null) process.kill(moto.pid, 'SIGTERM');
  moto = undefined;
  removeRunDirs(dirs);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// moto stamps every resource with its own clock. Run with that clock 3 days back, the seeded
// resources look as if they had been running for days, so the idle rules (which never flag a
// resource younger than their window) apply as on a real account. Only moto's SageMaker
// timestamps move; CloudWatch datapoints keep the timestamps the seeding sends.
const motoBackdated = [
  'import datetime, sys',
  'import moto.sagemaker.models as models',
  'real = models.utcnow',
  'models.utcnow = lambda: real() - datetime.timedelta(days=3)',
  'from moto.server import main',
  'main(sys.argv[1:])',
].join('\n');

async function startBackdatedMoto() {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  moto = spawn('python3', ['-c', motoBackdated, '-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  moto.stderr.on('data', (d) => (output = (output + d).slice(-2000)));
  for (let attempt = 0; attempt < 200; attempt++) {
    if (moto.exitCode !== null) throw new Error(`moto exited with ${moto.exitCode}: ${output}`);
    const ok = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' }).then((r) => r.ok, () => false);
    if (ok) return endpoint;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`moto did not answer at ${endpoint}: ${output}`);
}

const fakeAws = (endpoint) => ({
  AWS_ENDPOINT_URL: endpoint,
  AWS_REGION: 'us-east-1',
  AWS_MAX_ATTEMPTS: '1',
  AWS_ACCESS_KEY_ID: 'testing',
  AWS_SECRET_ACCESS_KEY: 'testing',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: path.join(dirs.root, 'no-aws-config'),
  AWS_SHARED_CREDENTIALS_FILE: path.join(dirs.root, 'no-aws-credentials'),
});

/** Seeds the account the explorer shows: a busy, an idle and a serverless endpoint, an idle notebook instance, a HyperPod cluster. */
async function seedAccount(endpoint) {
  const require = createRequire(import.meta.url);
  const sm = require('@aws-sdk/client-sagemaker');
  const cw = require('@aws-sdk/client-cloudwatch');
  const config = { region: 'us-east-1', endpoint, maxAttempts: 1, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const client = new sm.SageMakerClient(config);
  const metrics = new cw.CloudWatchClient(config);
  const role = 'arn:aws:iam::123456789012:role/sagemaker';
  try {
    const endpoints = [
      ['fraud-scoring', { InstanceType: 'ml.m5.xlarge', InitialInstanceCount: 2 }],
      ['churn-model-v2', { InstanceType: 'ml.g4dn.xlarge', InitialInstanceCount: 1 }],
      ['search-embeddings', { ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }],
    ];
    for (const [name, variant] of endpoints) {
      await client.send(new sm.CreateModelCommand({ ModelName: `${name}-model`, ExecutionRoleArn: role, PrimaryContainer: { Image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/model:latest' } }));
      await client.send(new sm.CreateEndpointConfigCommand({ EndpointConfigName: `${name}-config`, ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: `${name}-model`, ...variant }] }));
      await client.send(new sm.CreateEndpointCommand({ EndpointName: name, EndpointConfigName: `${name}-config` }));
    }
    const now = Date.now();
    await metrics.send(new cw.PutMetricDataCommand({
      Namespace: 'AWS/SageMaker',
      MetricData: [30, 90, 150].map((minutes, i) => ({ MetricName: 'Invocations', Dimensions: [{ Name: 'EndpointName', Value: 'fraud-scoring' }, { Name: 'VariantName', Value: 'AllTraffic' }], Value: [1840, 2210, 1975][i], Timestamp: new Date(now - minutes * 60_000) })),
    }));
    await client.send(new sm.CreateNotebookInstanceCommand({ NotebookInstanceName: 'ana-experiments', InstanceType: 'ml.t3.xlarge', RoleArn: role }));
    await client.send(new sm.CreateNotebookInstanceCommand({ NotebookInstanceName: 'bo-scratch', InstanceType: 'ml.t3.medium', RoleArn: role }));
    await client.send(new sm.StopNotebookInstanceCommand({ NotebookInstanceName: 'bo-scratch' }));
    const group = (name, type, count) => ({ InstanceGroupName: name, InstanceType: type, InstanceCount: count, ExecutionRole: role, ThreadsPerCore: 1, LifeCycleConfig: { SourceS3Uri: 's3://sagemaker-lifecycle/scripts', OnCreate: 'on_create.sh' } });
    await client.send(new sm.CreateClusterCommand({ ClusterName: 'llm-pretrain', InstanceGroups: [group('controller', 'ml.t3.medium', 1), group('workers', 'ml.g5.2xlarge', 4)] }));
  } finally {
    client.destroy();
    metrics.destroy();
  }
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** The explorer connected to moto, its groups open, the idle endpoint's tooltip showing. */
async function shootExplorer(page) {
  await page.locator('.activitybar .action-item a[aria-label^="Green ML"], .activitybar .action-item[aria-label^="Green ML"]').first().click();
  await page.locator('.pane-header', { hasText: 'SageMaker resources' }).first().waitFor();
  // Widen the side bar (drag its sash) so the burn and idle columns are not cut off.
  const bar = await page.locator('.part.sidebar').boundingBox();
  if (bar) {
    await page.mouse.move(bar.x + bar.width + 1, bar.y + bar.height / 2);
    await page.mouse.down();
    await page.mouse.move(700, bar.y + bar.height / 2, { steps: 10 });
    await page.mouse.up();
  }
  await runCommand(page, 'Green ML: Connect to AWS');
  const tree = page.locator('.pane', { hasText: 'SageMaker resources' });
  const row = (label) => tree.locator('.monaco-list-row', { hasText: label }).first();
  await row('us-east-1').waitFor({ timeout: 60_000 });
  // The Rules view shares the container: fold it so the resources get the height.
  const rulesHeader = page.locator('.pane-header', { hasText: /^Rules/ }).first();
  if ((await rulesHeader.getAttribute('aria-expanded')) === 'true') await rulesHeader.click();
  for (const group of ['Endpoints', 'Notebook instances', 'HyperPod clusters']) {
    const r = row(group);
    await r.waitFor();
    if ((await r.getAttribute('aria-expanded')) !== 'true') await r.click();
  }
  await row('churn-model-v2').waitFor();
  await row('ana-experiments').waitFor();
  await row('llm-pretrain').waitFor();
  // A manifest warning of the development host (languages this bare code-server lacks) is not part of the picture.
  await runCommand(page, 'Notifications: Clear All Notifications');
  await row('churn-model-v2').hover();
  await page.locator('.monaco-hover, .custom-hover, .workbench-hover', { hasText: 'idle:' }).first().waitFor({ timeout: 15_000 }).catch(() => console.log('screenshot: no tooltip showed; taking the picture without it'));
  const rows = await tree.locator('.monaco-list-row').allInnerTexts();
  return rows.map((t) => t.replace(/\s+/g, ' ').trim()).join(' | ');
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => cleanup().finally(() => process.exit(130)));
}

const timer = setTimeout(() => {
  console.error(`screenshot: timed out after ${opts.timeout} s`);
  cleanup().finally(() => process.exit(2));
}, Number(opts.timeout) * 1000);

try {
  const payload = [['openFile', undefined]];
  if (opts.vsix) {
    const installed = await installVsix({ hostDir: opts.host, dirs, vsix: opts.vsix });
    console.log(`screenshot: installed ${installed.join(', ')}`);
  }
  let env = {};
  if (explorerMode) {
    if (!existsSync(path.join(repoRoot, 'node_modules', '@aws-sdk', 'client-sagemaker'))) throw new Error('run npm ci first');
    const motoEndpoint = await startBackdatedMoto();
    await seedAccount(motoEndpoint);
    // The extension host inherits code-server's environment: the SDK goes to moto with fake keys.
    env = fakeAws(motoEndpoint);
  }
  server = await startCodeServer({ hostDir: opts.host, dirs, env });
  payload[0][1] = server.remoteUri(path.join(dirs.workspace, file));
  if (!opts.vsix) payload.push(['extensionDevelopmentPath', server.remoteUri(extDir)]);

  let page;
  ({ browser, page } = await launchBrowser({ viewport: { width: 1400, height: 900 } }));
  await page.goto(workbenchUrl(server, { folder: dirs.workspace, payload }));
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  // The editor is ready once the file's text is rendered.
  if (!explorerMode) await page.locator('.monaco-editor .view-line', { hasText: 'AWSTemplateFormatVersion' }).first().waitFor();

  if (explorerMode) {
    const rows = await shootExplorer(page);
    mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    console.log(`screenshot: ${path.relative(process.cwd(), out)} (${rows})`);
  } else {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type('View: Focus Problems');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Focus Problems' }).first().waitFor();
    await page.keyboard.press('Enter');

    const row = page.locator('.markers-panel .monaco-list-row', { hasText: opts.finding }).first();
    await row.waitFor({ timeout: 60_000 });
    // Clicking the entry puts the editor's cursor on the finding, next to its squiggle.
    const line = (await row.innerText()).match(/\[Ln (\d+),/)?.[1];
    await row.click();
    // Out of the way, so no hover underline or tooltip shows up in the picture.
    await page.mouse.move(1100, 820);
    if (line) await page.locator('.statusbar-item', { hasText: `Ln ${line},` }).first().waitFor();
    // The status bar is redrawn after the click; wait for its problem counts to return.
    await page.locator('[id="status.problems"]').waitFor();
    await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info').first().waitFor();

    mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    console.log(`screenshot: ${path.relative(process.cwd(), out)} (${opts.finding}: ${(await row.innerText()).replace(/\s+/g, ' ').trim()})`);
  }
  clearTimeout(timer);
  await cleanup();
} catch (err) {
  console.error(err);
  clearTimeout(timer);
  await cleanup();
  process.exit(1);
}
