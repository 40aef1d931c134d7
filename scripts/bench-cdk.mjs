#!/usr/bin/env node
// `npm run bench:cdk`: how fast CDK files are parsed and linted, and what loading the
// TypeScript grammar costs. Prints figures only; it never judges them (machines differ).
//
//   node scripts/bench-cdk.mjs [--runs 30] [--json]
//
// The stacks are generated here (no network): a ~300-line and a ~3,000-line CDK
// TypeScript stack with buckets, log groups, repositories, notebook instances and
// endpoint configurations, and the same stack as CDK Python.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadEngine, median } from './bench-lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({ options: { runs: { type: 'string', default: '30' }, json: { type: 'boolean', default: false } } });
const runs = Number(opts.runs);

/** One construct per step, cycling through the kinds the CDK rules read. */
function typescriptStack(targetLines) {
  const head = [
    "import { Duration, RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';",
    "import * as ecr from 'aws-cdk-lib/aws-ecr';",
    "import * as logs from 'aws-cdk-lib/aws-logs';",
    "import * as s3 from 'aws-cdk-lib/aws-s3';",
    "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';",
    "import { Construct } from 'constructs';",
    '',
    "const INSTANCE_TYPE = 'ml.m5.xlarge';",
    '',
    'export class GeneratedStack extends Stack {',
    '  constructor(scope: Construct, id: string, props?: StackProps) {',
    '    super(scope, id, props);',
  ];
  const body = [];
  for (let i = 0; body.length + head.length + 3 < targetLines; i++) {
    switch (i % 5) {
      case 0:
        body.push(`    const data${i} = new s3.Bucket(this, 'Data${i}', {`, '      versioned: true,', '      removalPolicy: RemovalPolicy.RETAIN,', '    });', `    data${i}.addLifecycleRule({ expiration: Duration.days(${30 + i}) });`);
        break;
      case 1:
        body.push(`    new logs.LogGroup(this, 'Logs${i}', {`, `      logGroupName: '/aws/sagemaker/Jobs${i}',`, `      retention: logs.RetentionDays.${i % 2 ? 'INFINITE' : 'ONE_MONTH'},`, '    });');
        break;
      case 2:
        body.push(`    new ecr.Repository(this, 'Images${i}', {`, '      imageScanOnPush: true,', `      lifecycleRules: [{ maxImageCount: ${i} }],`, '    });');
        break;
      case 3:
        body.push(`    new sagemaker.CfnNotebookInstance(this, 'Notebook${i}', {`, "      instanceType: 'ml.t3.medium',", "      roleArn: 'arn:aws:iam::123456789012:role/sm',", '    });');
        break;
      default:
        body.push(
          `    new sagemaker.CfnEndpointConfig(this, 'Config${i}', {`,
          '      productionVariants: [',
          '        {',
          "          variantName: 'AllTraffic',",
          `          modelName: 'model-${i}',`,
          '          instanceType: INSTANCE_TYPE,',
          '          initialInstanceCount: 1,',
          '        },',
          '      ],',
          '    });',
        );
    }
  }
  return [...head, ...body, '  }', '}', ''].join('\n');
}

function pythonStack(targetLines) {
  const head = [
    'from aws_cdk import Duration, RemovalPolicy, Stack',
    'from aws_cdk import aws_logs as logs, aws_s3 as s3, aws_sagemaker as sagemaker',
    'from constructs import Construct',
    '',
    'INSTANCE_TYPE = "ml.m5.xlarge"',
    '',
    '',
    'class GeneratedStack(Stack):',
    '    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:',
    '        super().__init__(scope, construct_id, **kwargs)',
  ];
  const body = [];
  for (let i = 0; body.length + head.length < targetLines; i++) {
    switch (i % 3) {
      case 0:
        body.push(`        s3.Bucket(self, "Data${i}", versioned=True, lifecycle_rules=[s3.LifecycleRule(expiration=Duration.days(${30 + i}))])`);
        break;
      case 1:
        body.push(`        logs.LogGroup(self, "Logs${i}", retention=logs.RetentionDays.INFINITE)`);
        break;
      default:
        body.push(
          '        sagemaker.CfnEndpointConfig(',
          '            self,',
          `            "Config${i}",`,
          '            production_variants=[',
          '                sagemaker.CfnEndpointConfig.ProductionVariantProperty(',
          `                    variant_name="AllTraffic", model_name="m${i}", instance_type=INSTANCE_TYPE, initial_instance_count=1`,
          '                )',
          '            ],',
          '        )',
        );
    }
  }
  return [...head, ...body, ''].join('\n');
}


async function main() {
  const { createLinter, resolveRuleSettings } = await loadEngine(root);
  const linter = createLinter({ locateWasm: (file) => path.join(root, 'dist', file) });
  const settings = resolveRuleSettings(linter.rules);
  const languageOf = new Map(linter.languages.map((l) => [l.format, l]));

  // Grammar load: the runtime first (shared with Python and Terraform), then the TypeScript grammar alone.
  let t = performance.now();
  await linter.prepare(['train.py']);
  const runtimeAndPythonMs = performance.now() - t;
  t = performance.now();
  await linter.prepare(['stack.ts'], "import * as cdk from 'aws-cdk-lib';\n");
  const typescriptGrammarMs = performance.now() - t;

  const cases = [
    { name: 'CDK TypeScript ~300 lines', file: 'stack.ts', text: typescriptStack(300) },
    { name: 'CDK TypeScript ~3,000 lines', file: 'stack.ts', text: typescriptStack(3000) },
    { name: 'CDK Python ~300 lines', file: 'stack.py', text: pythonStack(300) },
    { name: 'CDK Python ~3,000 lines', file: 'stack.py', text: pythonStack(3000) },
  ];
  const rows = [];
  for (const c of cases) {
    const format = c.file.endsWith('.ts') ? 'cdk-typescript' : 'cdk-python';
    const language = languageOf.get(format);
    const first = linter.lint(c.file, c.text, { settings });
    if (first.format !== format) throw new Error(`${c.name} was not linted as ${format}: ${first.skipped}`);
    let constructs = 0;
    const parse = () => {
      const outcome = language.parse(c.text, `${c.name}-${Math.random()}`);
      if (outcome.ok) outcome.walk((kind, fact) => { if (kind === 'cdkApp') constructs = fact.constructs.length; });
    };
    const parseTimes = [], lintTimes = [];
    for (let i = 0; i < runs; i++) {
      let s = performance.now();
      parse();
      parseTimes.push(performance.now() - s);
      // A fresh file name each time: no incremental re-parse from a kept tree.
      s = performance.now();
      linter.lint(`${i}-${c.file}`, c.text, { settings });
      lintTimes.push(performance.now() - s);
    }
    rows.push({ name: c.name, lines: c.text.split('\n').length - 1, constructs, findings: first.findings.length, parseMs: median(parseTimes), lintMs: median(lintTimes) });
  }
  const result = { runtimeAndPythonMs, typescriptGrammarMs, wasmBytes: fs.statSync(path.join(root, 'dist', 'tree-sitter-typescript.wasm')).size, rows };
  if (opts.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(`\nGreen ML CDK benchmark (${runs} runs, medians)`);
  console.log(`web-tree-sitter runtime + Python grammar load: ${runtimeAndPythonMs.toFixed(1)} ms; TypeScript grammar load after it: ${typescriptGrammarMs.toFixed(1)} ms (tree-sitter-typescript.wasm ${(result.wasmBytes / 1024 / 1024).toFixed(2)} MB)`);
  for (const r of rows) console.log(`${r.name.padEnd(30)} ${String(r.lines).padStart(5)} lines  ${String(r.constructs).padStart(4)} constructs  ${String(r.findings).padStart(4)} findings  parse ${r.parseMs.toFixed(2)} ms  parse+lint ${r.lintMs.toFixed(2)} ms`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
