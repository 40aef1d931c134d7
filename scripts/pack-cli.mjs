#!/usr/bin/env node
// Builds the npm package of the CLI (packages/cli, published as `greenml`) and packs it.
//   node scripts/pack-cli.mjs [--out DIR] [--no-build]
// The CLI bundle (dist/cli.js, with the data tables and every dependency inside), its worker
// bundles, the parsers' WebAssembly, the licences and the README are copied into packages/cli/
// (git-ignored copies), then `npm pack` writes greenml-<version>.tgz to DIR (default: the
// repository root) and this script prints its path. The package has no dependencies, so
// installing it fetches nothing.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = path.join(root, 'packages', 'cli');
const { values } = parseArgs({ options: { out: { type: 'string' }, 'no-build': { type: 'boolean' } } });
const out = path.resolve(values.out ?? root);

const rootVersion = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
const cliManifest = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
if (cliManifest.version !== rootVersion) throw new Error(`packages/cli/package.json has version ${cliManifest.version}, the extension ${rootVersion}: make them equal`);
if (cliManifest.dependencies && Object.keys(cliManifest.dependencies).length) throw new Error('the CLI package must have no dependencies (everything is bundled)');

if (!values['no-build']) execFileSync(process.execPath, ['esbuild.js', '--production'], { cwd: root, stdio: 'inherit' });

rmSync(path.join(pkgDir, 'dist'), { recursive: true, force: true });
mkdirSync(path.join(pkgDir, 'dist'), { recursive: true });
const shipped = readdirSync(path.join(root, 'dist')).filter((f) => f === 'cli.js' || (f.includes('worker') && f.endsWith('.js')) || f.endsWith('.wasm'));
if (!shipped.includes('cli.js')) throw new Error('dist/cli.js is missing: run npm run bundle');
for (const f of shipped) copyFileSync(path.join(root, 'dist', f), path.join(pkgDir, 'dist', f));
for (const f of ['LICENSE', 'THIRD_PARTY_NOTICES.md', 'README.md']) copyFileSync(path.join(root, f), path.join(pkgDir, f));

mkdirSync(out, { recursive: true });
const result = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: pkgDir, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } }));
const [{ filename, size, unpackedSize, files }] = result;
console.error(`pack-cli: ${filename}: ${size} bytes packed, ${unpackedSize} unpacked, ${files.length} files`);
console.log(path.join(out, filename));
