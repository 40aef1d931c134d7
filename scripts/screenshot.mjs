#!/usr/bin/env node
// Takes the Marketplace screenshot: the offline VS Code host (see host-lib.mjs)
// with test/host/workspace/template.yaml open and its SML401 finding in the
// Problems panel, saved as a 1400×900 PNG.
//
//   node scripts/screenshot.mjs [--host DIR] [--ext DIR] [--vsix FILE]
//        [--workspace DIR] [--file NAME] [--out PNG] [--timeout SEC]
import { mkdirSync } from 'node:fs';
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
    workspace: { type: 'string', default: 'test/host/workspace' },
    file: { type: 'string', default: 'template.yaml' },
    finding: { type: 'string', default: 'SML401' },
    out: { type: 'string', default: 'media/screenshot-problems.png' },
    timeout: { type: 'string', default: '120' },
  },
});

const extDir = path.resolve(opts.ext);
const out = path.resolve(repoRoot, opts.out);
const dirs = makeRunDirs({ workspace: path.resolve(extDir, opts.workspace) });
let server;
let browser;

async function cleanup() {
  await browser?.close().catch(() => {});
  browser = undefined;
  await server?.stop();
  server = undefined;
  removeRunDirs(dirs);
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
  server = await startCodeServer({ hostDir: opts.host, dirs });
  payload[0][1] = server.remoteUri(path.join(dirs.workspace, opts.file));
  if (!opts.vsix) payload.push(['extensionDevelopmentPath', server.remoteUri(extDir)]);

  let page;
  ({ browser, page } = await launchBrowser({ viewport: { width: 1400, height: 900 } }));
  await page.goto(workbenchUrl(server, { folder: dirs.workspace, payload }));
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  // The editor is ready once the file's text is rendered.
  await page.locator('.monaco-editor .view-line', { hasText: 'AWSTemplateFormatVersion' }).first().waitFor();

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
  clearTimeout(timer);
  await cleanup();
} catch (err) {
  console.error(err);
  clearTimeout(timer);
  await cleanup();
  process.exit(1);
}
