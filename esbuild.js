// Bundles the extension and the CLI from the same sources into dist/.
//   node esbuild.js [--production] [--watch] [--cli] [--outdir DIR]
// --cli bundles the CLI only (what bin/greenml.cjs builds in a git install of this repository);
// --outdir writes somewhere else than dist/.
const esbuild = require('esbuild');
const path = require('node:path');

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const cliOnly = process.argv.includes('--cli');
const outdirAt = process.argv.indexOf('--outdir');
const outdir = outdirAt > 0 && process.argv[outdirAt + 1] ? process.argv[outdirAt + 1] : 'dist';
const { version } = require('./package.json');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  // jsonc-parser's default entry is a UMD build that fails once bundled.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  define: { GREENML_VERSION: JSON.stringify(version) },
  // web-tree-sitter's ESM build needs import.meta.url, which a CJS bundle empties: use its CJS build.
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
};

// The parsers' WebAssembly, loaded at run time from the bundle's folder.
const wasmFiles = [
  'node_modules/web-tree-sitter/web-tree-sitter.wasm',
  'node_modules/tree-sitter-python/tree-sitter-python.wasm',
  'node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm',
  'node_modules/tree-sitter-typescript/tree-sitter-typescript.wasm',
];

function copyWasm() {
  const fs = require('node:fs');
  fs.mkdirSync(outdir, { recursive: true });
  for (const file of wasmFiles) fs.copyFileSync(file, path.join(outdir, path.basename(file)));
}

const builds = [
  { ...common, entryPoints: ['src/vscode/extension.ts'], outfile: path.join(outdir, 'extension.js'), external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: path.join(outdir, 'cli.js'), banner: { js: '#!/usr/bin/env node' } },
  // The language server the extension starts as a process of its own (src/vscode/languageClient.ts).
  { ...common, entryPoints: ['src/server/main.ts'], outfile: path.join(outdir, 'server.js') },
  // The CLI's lint worker threads (src/cli/lintPool.ts starts them from the CLI's folder).
  { ...common, entryPoints: ['src/cli/lintWorker.ts'], outfile: path.join(outdir, 'lintWorker.js') },
].filter((b) => !cliOnly || !b.outfile.endsWith('extension.js'));

async function main() {
  if (production) {
    // A development build leaves source maps behind; the packaged extension ships none.
    const fs = require('node:fs');
    for (const file of fs.existsSync(outdir) ? fs.readdirSync(outdir) : []) if (file.endsWith('.map')) fs.rmSync(path.join(outdir, file));
  }
  copyWasm();
  if (watch) {
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
