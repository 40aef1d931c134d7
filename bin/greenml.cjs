#!/usr/bin/env node
// `greenml` when this repository itself is installed as a package, as pre-commit's
// `language: node` does (`npm install -g git+file://…`, see .pre-commit-hooks.yaml). Such an
// install has the sources and the runtime dependencies (esbuild among them) but no dist/, and npm
// runs no build for it (the package has no lifecycle script, so npm does not install the dev
// dependencies first). The first run therefore bundles the CLI into this package's dist/ (into a
// private folder, renamed into place, so two runs at once never see half a bundle); every run then
// starts dist/cli.js with the same arguments and exits with its code. The npm package `greenml`
// (packages/cli) ships dist/ ready-made and does not use this file.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const cli = path.join(dist, 'cli.js');

function fail(message) {
  process.stderr.write(`greenml: ${message}\n`);
  process.exit(2);
}

function bundle() {
  const partial = path.join(root, `.dist-${process.pid}-${Date.now()}`);
  const built = spawnSync(process.execPath, [path.join(root, 'esbuild.js'), '--production', '--cli', '--outdir', partial], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (built.status !== 0 || !fs.existsSync(path.join(partial, 'cli.js'))) {
    fs.rmSync(partial, { recursive: true, force: true });
    const reason = (built.error?.message ?? built.stderr ?? '').trim().split('\n')[0] || `exit ${built.status}`;
    fail(`could not bundle the CLI from ${root}: ${reason} (reinstall it: pre-commit clean)`);
  }
  try {
    fs.renameSync(partial, dist);
  } catch (err) {
    // Another run renamed its bundle into place first: use that one.
    fs.rmSync(partial, { recursive: true, force: true });
    if (!fs.existsSync(cli)) fail(`could not place the CLI bundle in ${dist}: ${err.message}`);
  }
}

if (!fs.existsSync(cli)) bundle();
const run = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
if (run.error) fail(`could not start ${cli}: ${run.error.message}`);
if (run.signal) process.kill(process.pid, run.signal);
process.exit(run.status ?? 2);
