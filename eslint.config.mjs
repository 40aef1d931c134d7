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
const table = {
  data: { may: ['core', 'data'] },
  parsers: { may: ['core', 'parsers'] },
  model: { may: ['core', 'data', 'parsers', 'model'] },
  rules: { may: ['core', 'data', 'model', 'rules'] },
  estimate: { may: ['core', 'data', 'estimate'], types: ['model'] },
  aws: { may: ['core', 'data', 'estimate', 'aws'], types: ['model'] },
  present: { may: ['core', 'data', 'model', 'estimate', 'present'], types: ['aws'] },
  node: { may: ['core', 'data', 'node'] },
  server: { may: ['core', 'data', 'parsers', 'model', 'rules', 'estimate', 'present', 'node', 'server', 'linter'] },
  // The CLI loads aws/ with a dynamic import from `scan` and `estimate --live` only (the test checks which files).
  cli: { may: ['core', 'data', 'parsers', 'model', 'rules', 'estimate', 'present', 'node', 'server', 'cli', 'linter'], types: ['aws'] },
};

const boundaries = Object.entries(table).map(([folder, { may, types = [] }]) => {
  const message = `src/${folder}/ may import ${may.join(', ')}${types.length ? `, and types of ${types.join(', ')}` : ''} (docs/architecture §4.1).`;
  const forbidden = everything.filter((name) => !may.includes(name) && !types.includes(name));
  const patterns = [{ regex: entries(forbidden), message }];
  if (types.length) patterns.push({ regex: entries(types), allowTypeImports: true, message });
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
