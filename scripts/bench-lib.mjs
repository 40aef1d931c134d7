// Shared by the benchmark scripts (npm run bench, bench:cdk).
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Bundles the engine from the sources with esbuild (as `npm run bundle` does), so no tsc output is
 * needed: `createLinter`, `resolveRuleSettings` and `detectFormat`, and the exports of
 * `src/core/applyFixes` named in `fixExports`.
 */
export async function loadEngine(root, fixExports = []) {
  const esbuild = createRequire(path.join(root, 'package.json'))('esbuild');
  const fixes = fixExports.length ? `export { ${fixExports.join(', ')} } from './src/core/applyFixes';\n` : '';
  const entry = `export { createLinter } from './src/linter';\nexport { resolveRuleSettings } from './src/core/config';\nexport { detectFormat } from './src/core/formats';\n${fixes}`;
  const built = await esbuild.build({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' }, write: false, logLevel: 'warning' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-bench-'));
  try {
    fs.writeFileSync(path.join(dir, 'engine.cjs'), built.outputFiles[0].text);
    return createRequire(import.meta.url)(path.join(dir, 'engine.cjs'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The median (the mean of the two middle values for an even count). */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
