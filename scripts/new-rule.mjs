#!/usr/bin/env node
// `npm run new-rule -- SML2xx slug`: scaffolds a rule — its file, its table test, a failing fixture
// per format and a passing one, its doc page and its registry line — so that adding a rule touches no other
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
// The record family the rule judges, its formats, and the format of its first table case and fixtures.
const family = category === 'training' ? 'training' : category === 'deploy' ? 'deploy' : 'resource';
const formats = { training: ['py', 'nb', 'tf'], deploy: ['cfn', 'tf', 'py', 'nb', 'cdk'], resource: ['cfn', 'tf', 'cdk'] }[family];
const sample = family === 'resource'
  ? { format: 'cfn-yaml', ext: 'yaml', fence: 'yaml', comment: '#', code: 'Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 30\n' }
  : { format: 'python', ext: 'py', fence: 'python', comment: '#', code: 'import sagemaker\n' };
const constant = slug.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const registry = path.join(root, 'src', 'rules', 'index.ts');
const index = fs.readFileSync(registry, 'utf8');
if (index.includes(`'./${slug}'`)) fail(`${slug} is already in src/rules/index.ts`);


/**
 * The rule file: metadata, one predicate over the records of src/model that the family reads
 * (src/model/README.md), whatever the file's format, and the effect its change has (what the
 * hover, the CodeLens, the savings and the footprint report price). A fix is an intent the
 * record's edit module writes in the record's format; a field that is unknown keeps the rule silent.
 */
function ruleFile() {
  const head = (imports, record) => `import { defineRule } from '../core/defineRule';
${imports}import type { ${record} } from '../model/records';

/** TODO: whether the record is the pattern flagged (until written, the rule reports nothing). */
function flags(_record: ${record}): boolean {
  return false;
}

export const ${constant} = defineRule({
  id: '${id}',
  name: '${slug}',
  meta: {
    category: '${category}',
    defaultSeverity: 'warning',
    formats: [${formats.map((f) => `'${f}'`).join(', ')}],
    description: 'TODO: one sentence naming the pattern flagged',
    messages: {
      found: 'TODO: what is wrong, what it costs, what to do',
    },
    fixes: [],
    wellArchitected: [],
    options: {},
  },
  create(context) {`;
  const effect = "effect: { kind: 'none', reason: 'TODO: the effect of the change (instance-swap, spot, teardown…), or why the model cannot price it' }";
  const bodies = {
    training: [
      "import { visitTraining } from '../model/trainingJobs';\n",
      'TrainingJobRecord',
      `
    // Every training and tuning job, from SDK v2 estimators, SDK v3 ModelTrainer, boto3 and Terraform
    // (TrainingJobRecord, TuningJobRecord); \`fixes.render(intent)\` writes a TrainingIntent
    // (set-field, enable-spot, add-checkpoint…) in the syntax that wrote the job.
    return visitTraining(context, {
      trainingJob(job) {
        const type = job.instanceType;
        if (!type?.known || !flags(job)) return; // unknown (a variable, a parameter): stay silent
        context.report({ ...type.anchor, messageId: 'found', ${effect} });
      },
    });`,
    ],
    deploy: [
      "import { visitEndpointVariants } from '../model/endpointVariants';\n",
      'EndpointVariantRecord',
      `
    // Every endpoint variant, from SDK deploy, boto3, CloudFormation, Terraform and CDK
    // (EndpointVariantRecord); hosting.ts has visitEndpoints, visitDataCaptures and
    // visitAcceleratorAttachments; renderIntent / renderIntentFix write a fix intent (intent.ts).
    return visitEndpointVariants(context.text, (variant) => {
      const type = variant.instanceType;
      if (!type?.known || !flags(variant)) return; // unknown (a parameter without default, a variable): stay silent
      context.report({ ...type.anchor, messageId: 'found', ${effect} });
    });`,
    ],
    resource: [
      "import { visitResources } from '../model/resources';\n",
      'NotebookInstanceRecord',
      `
    // Buckets, repositories, log groups, notebook instances, Studio and HyperPod from CloudFormation,
    // Terraform and CDK (resourceRecords.ts); visitRegions for the region a file deploys to;
    // renderResourceIntent writes a fix intent (edit/resourceEdits.ts).
    return visitResources({
      notebookInstance(notebook) {
        const type = notebook.instanceType;
        if (!type?.known || !flags(notebook)) return; // unknown: stay silent
        context.report({ ...type.anchor, messageId: 'found', ${effect} });
      },
    });`,
    ],
  };
  const [imports, record, body] = bodies[family];
  return `${head(imports, record)}${body}\n  },\n});\n`;
}

/**
 * A failing fixture per format the rule supports (the parity test wants one expecting the rule in
 * each): each names the line of a finding, which the empty rule does not report, until written.
 */
function failFixtures() {
  const todo = (comment) => `${comment} TODO: a realistic file; end each line that must carry a finding with  ${comment} expect: ${id}\n`;
  const notebook = JSON.stringify({ cells: [{ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: ['# TODO: realistic cells\n', 'import sagemaker\n'] }], metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1);
  const byFormat = {
    py: { 'fail.py': `${todo('#')}import sagemaker\n` },
    nb: { 'fail.ipynb': `${notebook}\n`, 'fail.ipynb.expect': `# TODO: the line of the raw .ipynb file of each finding, then the id\n1 ${id}\n` },
    tf: { 'fail.tf': `${todo('#')}provider "aws" {}\n` },
    cfn: { 'fail.yaml': `${todo('#')}${family === 'resource' ? sample.code : 'Resources:\n  Config:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants: []\n'}` },
    cdk: { 'fail.ts': `${todo('//')}import * as cdk from 'aws-cdk-lib';\n` },
  };
  return Object.fromEntries(formats.flatMap((f) => Object.entries(byFormat[f]).map(([name, text]) => [`test/fixtures/${slug}/${name}`, text])));
}

const files = {
  [`src/rules/${slug}.ts`]: ruleFile(),
  [`test/rules/${slug}.test.ts`]: `import { ${constant} } from '../../src/rules/${slug}';
import { dedent } from '../kit/dedent';
import { RuleTester } from '../kit/ruleTester';

new RuleTester().run(${constant}, {
  valid: [],
  invalid: [
    {
      name: 'TODO: the pattern, one behaviour per case',
      format: '${sample.format}',
      code: dedent\`
${sample.code.replace(/^(?=.)/gm, '        ')}      \`,
      errors: [{ messageId: 'found', line: 1, column: 1, endLine: 1, endColumn: 2 }],
      output: null,
    },
  ],
});
`,
  ...failFixtures(),
  [`test/fixtures/${slug}/pass.${sample.ext}`]: `${sample.comment} TODO: a realistic file the rule must not flag.\n${sample.code}`,
  [`docs/rules/${slug}.md`]: `---
id: ${id}
name: ${slug}
description: TODO: one sentence naming the pattern flagged
formats: [${formats.join(', ')}]
severity: warning
wellArchitected: []
---

# ${id} ${slug}

## What it flags

TODO

## Why it costs

TODO

## Examples

\`\`\`${sample.fence} fail
${sample.code}\`\`\`

\`\`\`${sample.fence} pass
${sample.code}\`\`\`

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
