// Lint configuration. The import boundaries below are the architecture:
// only src/vscode/ may import `vscode`, only src/aws/ may import the AWS SDK,
// and src/core/ depends on nothing outside itself (no Node built-ins either).
import tseslint from 'typescript-eslint';

const noVscode = { name: 'vscode', message: 'Only src/vscode/ may import vscode.' };
const noAwsSdk = { group: ['@aws-sdk/*'], message: 'Only src/aws/ may import the AWS SDK.' };
/** A folder's import boundary: no vscode, no AWS SDK, and these patterns. */
const restrictImports = (...patterns) => ({ 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [noAwsSdk, ...patterns] }] });

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
  {
    files: ['src/model/**/*.ts'],
    rules: restrictImports({
      group: ['**/rules', '**/rules/*', '**/present/*', '**/estimate/*', '**/cli/*', '**/node/*', '**/aws/*', '**/vscode/*'],
      message: 'src/model/ imports only core, data and parsers: rules and views sit above it.',
    }),
  },
  {
    files: ['src/present/**/*.ts'],
    rules: restrictImports({ group: ['**/rules', '**/rules/*', '**/parsers/*', '**/parsers/**'], message: 'src/present/ never imports rules or parsers: it reads the model.' }),
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'esbuild.js', 'bin/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
