// Lint configuration. The import boundaries below are the architecture:
// only src/vscode/ may import `vscode`, only src/aws/ may import the AWS SDK,
// and src/core/ depends on nothing outside itself (no Node built-ins either).
import tseslint from 'typescript-eslint';

const noVscode = { name: 'vscode', message: 'Only src/vscode/ may import vscode.' };
const noAwsSdk = { group: ['@aws-sdk/*'], message: 'Only src/aws/ may import the AWS SDK.' };
/** A folder's import boundary: no vscode, no AWS SDK, and these patterns. */
const restrictImports = (...patterns) => ({ 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [noAwsSdk, ...patterns] }] });

/** An import of a top-level entry of src/ (a folder or `linter.ts`) from a file below src/: `../model/records`, `../../rules`. */
const entries = (names) => `^(\\.\\./)+(${names.join('|')})(/|\\.ts$|$)`;
const everything = ['core', 'data', 'parsers', 'model', 'rules', 'estimate', 'aws', 'present', 'node', 'server', 'cli', 'vscode', 'linter'];

/**
 * The import table of docs/architecture §4.1 (test/architecture.test.ts checks the same rows):
 * what each folder of src/ may import, and what it may read types from only. `core` has its own
 * stricter block above; `vscode` may import everything.
 */
const parserLibraries = ['web-tree-sitter', 'yaml', 'jsonc-parser'];
const table = {
  data: { may: ['data'], types: ['core'], packages: [] },
  parsers: { may: ['core', 'parsers'], packages: parserLibraries },
  model: { may: ['core', 'data', 'parsers', 'model'], packages: [] },
  rules: { may: ['core', 'data', 'model', 'rules'], packages: [] },
  estimate: { may: ['core', 'data', 'estimate'], types: ['model'], packages: [] },
  aws: { may: ['core', 'data', 'estimate', 'aws'], types: ['model'] },
  present: { may: ['core', 'data', 'model', 'estimate', 'present'], types: ['aws'], packages: [] },
  node: { may: ['core', 'data', 'node'], packages: ['node:*', 'ignore', ...parserLibraries] },
  server: { may: ['core', 'data', 'parsers', 'model', 'rules', 'estimate', 'present', 'node', 'server', 'linter'] },
  // The CLI loads aws/ with a dynamic import from `scan` and `estimate --live` only (the test checks which files).
  cli: { may: ['core', 'data', 'parsers', 'model', 'rules', 'estimate', 'present', 'node', 'server', 'cli', 'linter'], types: ['aws'] },
};

/** Any import outside src/ but the listed packages (`node:*`: any Node built-in). */
const otherPackages = (packages) => {
  const names = packages.filter((p) => !p.endsWith('*')).map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  const prefixes = packages.filter((p) => p.endsWith('*')).map((p) => p.slice(0, -1));
  return `^(?!\\.${prefixes.map((p) => `|${p}`).join('')}${names.length ? `|(?:${names.join('|')})(?:/|$)` : ''})`;
};

const boundaries = Object.entries(table).map(([folder, { may, types = [], packages }]) => {
  const message = `src/${folder}/ may import ${may.join(', ')}${types.length ? `, and types of ${types.join(', ')}` : ''} (docs/architecture §4.1).`;
  const forbidden = everything.filter((name) => !may.includes(name) && !types.includes(name));
  const patterns = [{ regex: entries(forbidden), message }];
  if (types.length) patterns.push({ regex: entries(types), allowTypeImports: true, message });
  if (packages) patterns.push({ regex: otherPackages(packages), message: `src/${folder}/ may import ${packages.length ? packages.join(', ') : 'no package'} outside src/ (docs/architecture §4.1).` });
  return { files: [`src/${folder}/**/*.ts`], rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] } };
});

export default tseslint.config(
  { ignores: ['dist/**', 'packages/cli/dist/**', 'out/**', 'node_modules/**', 'test/fixtures/**', 'test/host/workspace/**', 'bench/**', 'examples/**', '.vscode-test/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/vscode/**', 'src/aws/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [noAwsSdk] }] },
  },
  {
    files: ['src/aws/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode] }] },
  },
  {
    files: ['src/vscode/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noAwsSdk] }] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: restrictImports(
      { group: ['../*', '../**'], message: 'src/core/ imports nothing outside src/core/.' },
      { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net'], message: 'src/core/ uses no Node built-ins (no fs, no network).' },
      { group: ['yaml', 'jsonc-parser', 'web-tree-sitter', 'ignore'], message: 'src/core/ depends on no parser library.' },
    ),
  },
  ...boundaries,
  {
    files: ['scripts/**/*.{js,mjs}', 'esbuild.js', 'bin/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
