#!/usr/bin/env node
// `npm run new-rule -- SML2xx slug`: scaffolds a rule — its file, its table test, a failing and a
// passing fixture, its doc page and its registry line — so that adding a rule touches no other
// file. The scaffold does not pass on its own: the table test expects a finding the empty rule
// does not report and the parity test wants real doc examples, until the author writes them.
//
//   node scripts/new-rule.mjs SML211 training-something [--root DIR]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { root: { type: 'string' } } });
const root = path.resolve(values.root ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
const [id, slug] = positionals;
const fail = (message) => {
  process.stderr.write(`new-rule: ${message}\n`);
  process.exit(2);
};
if (!id || !slug || positionals.length !== 2) fail('usage: npm run new-rule -- SML<category><nn> <slug>   (e.g. SML211 training-warm-pool-idle)');
if (!/^SML[1-4]\d\d$/.test(id)) fail(`"${id}" is not a rule id: SML, then 1 (data), 2 (training), 3 (deploy) or 4 (ops), then two digits`);
if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(slug)) fail(`"${slug}" is not a kebab-case slug naming the pattern flagged (e.g. training-no-spot)`);

const category = { 1: 'data', 2: 'training', 3: 'deploy', 4: 'ops' }[id[3]];
const constant = slug.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const registry = path.join(root, 'src', 'rules', 'index.ts');
const index = fs.readFileSync(registry, 'utf8');
if (index.includes(`'./${slug}'`)) fail(`${slug} is already in src/rules/index.ts`);

const files = {
  [`src/rules/${slug}.ts`]: `import { defineRule } from '../core/defineRule';

export const ${constant} = defineRule({
  id: '${id}',
  name: '${slug}',
  meta: {
    category: '${category}',
    defaultSeverity: 'warning',
    formats: ['py', 'nb'],
    description: 'TODO: one sentence naming the pattern flagged',
    messages: {
      found: 'TODO: what is wrong, what it costs, what to do',
    },
    fixes: [],
    wellArchitected: [],
    options: {},
  },
  create() {
    // Judge records of src/model (see src/model/README.md): e.g. return visitEndpointVariants(context.text, (variant) => …).
    return {};
  },
});
`,
  [`test/rules/${slug}.test.ts`]: `import { ${constant} } from '../../src/rules/${slug}';
import { dedent } from '../kit/dedent';
import { RuleTester } from '../kit/ruleTester';

new RuleTester().run(${constant}, {
  valid: [],
  invalid: [
    {
      name: 'TODO: the pattern, one behaviour per case',
      format: 'python',
      code: dedent\`
        import sagemaker
      \`,
      errors: [{ messageId: 'found', line: 1, column: 1, endLine: 1, endColumn: 2 }],
      output: null,
    },
  ],
});
`,
  [`test/fixtures/${slug}/fail.py`]: `"""TODO: a realistic file; end each line that must carry a finding with  # expect: ${id}"""\nimport sagemaker\n`,
  [`test/fixtures/${slug}/pass.py`]: `"""TODO: a realistic file the rule must not flag."""\nimport sagemaker\n`,
  [`docs/rules/${slug}.md`]: `---
id: ${id}
name: ${slug}
description: TODO: one sentence naming the pattern flagged
formats: [py, nb]
severity: warning
wellArchitected: []
---

# ${id} ${slug}

## What it flags

TODO

## Why it costs

TODO

## Examples

\`\`\`python fail
import sagemaker
\`\`\`

\`\`\`python pass
import sagemaker
\`\`\`

## Fix

TODO (with a "Fix safety" paragraph)

## Options

None.

## When not to use it

TODO

## References

TODO
`,
};

for (const rel of Object.keys(files)) if (fs.existsSync(path.join(root, rel))) fail(`${rel} exists already`);

// The registry: the import in name order among the rule imports, the entry in id order.
const lines = index.split('\n');
const importLine = `import { ${constant} } from './${slug}';`;
const imports = lines.map((l, i) => [l, i]).filter(([l]) => /^import \{ \w+ \} from '\.\/[a-z0-9-]+';$/.test(l));
const before = imports.find(([l]) => /'\.\/([a-z0-9-]+)'/.exec(l)[1] > slug);
lines.splice(before ? before[1] : imports[imports.length - 1][1] + 1, 0, importLine);
const start = lines.findIndex((l) => l.startsWith('export const allRules'));
const end = lines.indexOf('];', start);
const ids = new Map();
for (const file of fs.readdirSync(path.join(root, 'src', 'rules')).filter((f) => f.endsWith('.ts'))) {
  const text = fs.readFileSync(path.join(root, 'src', 'rules', file), 'utf8');
  const m = /export const (\w+) = defineRule\(\{\s*id: '(SML\d+)'/.exec(text);
  if (m) ids.set(m[1], m[2]);
}
if ([...ids.values()].includes(id)) fail(`${id} is taken`);
let at = end;
for (let i = start + 1; i < end; i++) {
  const other = ids.get(lines[i].trim().replace(/,$/, ''));
  if (other && other > id) {
    at = i;
    break;
  }
}
lines.splice(at, 0, `  ${constant},`);

for (const [rel, text] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}
fs.writeFileSync(registry, lines.join('\n'));
process.stdout.write(
  [`Scaffolded ${id} ${slug}:`, ...Object.keys(files).map((f) => `  ${f}`), '  src/rules/index.ts (registry line)', 'Fill in the TODOs; the table test and the parity test fail until they are written.', ''].join('\n'),
);
