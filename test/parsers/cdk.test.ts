import * as assert from 'node:assert/strict';
import { resolveRuleSettings } from '../../src/core/config';
import type { CdkApp, CdkConstruct, CdkValue } from '../../src/parsers/cdk/model';
import { getPath, getProp, spell } from '../../src/parsers/cdk/model';
import { createCdkTypeScriptLanguage } from '../../src/parsers/cdk/typescript';
import { createTestLinter, locateTestWasm } from '../kit/languages';
import { dedent } from '../kit/dedent';

function collect(fileName: string, text: string): { app: CdkApp | undefined; format: string | undefined; skipped?: string } {
  let app: CdkApp | undefined;
  const result = createTestLinter().collectFacts(fileName, text, { cdkApp: (a) => (app = a) });
  return { app, format: result.format, skipped: result.skipped };
}

/** A value as plain data without offsets, for comparisons. */
function plain(value: CdkValue | undefined): unknown {
  if (!value) return undefined;
  switch (value.kind) {
    case 'object':
      return Object.fromEntries(value.props.map((p) => [p.key, plain(p.value)]));
    case 'array':
      return value.items.map(plain);
    case 'name':
      return `<${value.name}>`;
    case 'call':
      return `${value.name}(${value.args.map((a) => JSON.stringify(plain(a))).join(', ')})`;
    case 'ref':
      return `&${value.target}.${value.attribute}`;
    case 'unknown':
      return '?';
    default:
      return value.value;
  }
}

const byType = (app: CdkApp | undefined, type: string): CdkConstruct[] => app?.constructs.filter((c) => c.type === type) ?? [];

describe('CDK TypeScript analysis', () => {
  const stack = dedent`
    import * as cdk from 'aws-cdk-lib';
    import * as s3 from 'aws-cdk-lib/aws-s3';
    import { aws_logs as logs, Duration, Stack } from 'aws-cdk-lib';
    import { CfnEndpointConfig } from 'aws-cdk-lib/aws-sagemaker';
    import { Construct } from 'constructs';

    const INSTANCE_TYPE = 'ml.g5.2xlarge';
    let mutable = 1;

    export class MlStack extends Stack {
      constructor(scope: Construct, id: string) {
        super(scope, id);
        const data = new s3.Bucket(this, 'Data', { versioned: true, lifecycleRules: [{ expiration: Duration.days(30) }] });
        this.artifacts = new cdk.aws_s3.Bucket(this, "Artifacts");
        this.artifacts.addLifecycleRule({ expiration: Duration.days(7) });
        new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.INFINITE, count: -2, name: \`jobs\` as const, m: mutable });
        new CfnEndpointConfig(this, 'Config', {
          productionVariants: [{ instanceType: INSTANCE_TYPE, initialInstanceCount: 2, variantName: 'AllTraffic' }],
          ...extra,
        });
        someHelper.addLifecycleRule({});
      }
    }
  `;

  it('finds every construct with its class resolved through the imports, its id and its props', () => {
    const { app, format } = collect('lib/ml-stack.ts', stack);
    assert.equal(format, 'cdk-typescript');
    assert.deepEqual(app?.constructs.map((c) => [c.type, c.id]), [
      ['aws_s3.Bucket', 'Data'],
      ['aws_s3.Bucket', 'Artifacts'],
      ['aws_logs.LogGroup', 'Logs'],
      ['aws_sagemaker.CfnEndpointConfig', 'Config'],
    ]);
    const [data, artifacts, logGroup, config] = app?.constructs ?? [];
    assert.deepEqual(plain(data.props), { versioned: true, lifecycleRules: [{ expiration: 'Duration.days(30)' }] });
    assert.equal(artifacts.props, undefined);
    assert.deepEqual(plain(logGroup.props), { retention: '<aws_logs.RetentionDays.INFINITE>', count: -2, name: 'jobs', m: '?' });
    assert.equal(config.props?.kind === 'object' && config.props.open, true, 'a spread makes the props open');
    assert.equal(plain(getPath(config.props, ['productionVariants'])?.value)?.toString(), '[object Object]');
    const variant = getProp(config.props, 'productionVariants')?.value;
    assert.deepEqual(plain(variant), [{ instanceType: 'ml.g5.2xlarge', initialInstanceCount: 2, variantName: 'AllTraffic' }]);
  });

  it('ties method calls to the construct the receiver was assigned from; other receivers are unresolved', () => {
    const { app } = collect('lib/ml-stack.ts', stack);
    const [data, artifacts] = byType(app, 'aws_s3.Bucket');
    assert.deepEqual(data.methods, []);
    assert.deepEqual(artifacts.methods.map((m) => m.method), ['addLifecycleRule']);
    assert.ok(app?.unresolvedMethods.includes('addLifecycleRule'));
  });

  it('a prop assigned after the construct was made counts as given (value unknown)', () => {
    const text = dedent`
      import * as logs from 'aws-cdk-lib/aws-logs';
      const group = new logs.CfnLogGroup(this, \`\${prefix}-logs\`);
      group.retentionInDays = days;
      other.retentionInDays = 1;
    `;
    const { app } = collect('stack.ts', text);
    const [group] = app?.constructs ?? [];
    assert.deepEqual(plain(group.props), { retentionInDays: '?' });
    assert.equal(group.idText, '`${prefix}-logs`');
  });

  it('an attribute of a construct of the file is a reference to it', () => {
    const text = dedent`
      import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
      const config = new sagemaker.CfnEndpointConfig(this, 'Config', { productionVariants: [] });
      new sagemaker.CfnEndpoint(this, 'Endpoint', { endpointConfigName: config.attrEndpointConfigName, tags: other.attrX });
    `;
    const { app } = collect('stack.ts', text);
    const [config, endpoint] = app?.constructs ?? [];
    assert.deepEqual(plain(endpoint.props), { endpointConfigName: `&${config.start}.attrEndpointConfigName`, tags: '?' });
  });

  it('positions: the id string, the callee and each prop key, as offsets into the file', () => {
    const { app } = collect('lib/ml-stack.ts', stack);
    const logGroup = byType(app, 'aws_logs.LogGroup')[0];
    assert.equal(stack.slice(logGroup.callee.start, logGroup.callee.end), 'logs.LogGroup');
    assert.equal(stack.slice(logGroup.idSpan?.start, logGroup.idSpan?.end), "'Logs'");
    const retention = getProp(logGroup.props, 'retention');
    assert.equal(stack.slice(retention?.keyStart, retention?.keyEnd), 'retention');
    assert.equal(stack.slice(retention?.value.start, retention?.value.end), 'logs.RetentionDays.INFINITE');
  });

  it('learns how the file spells modules and root names', () => {
    const { app } = collect('lib/ml-stack.ts', stack);
    assert.ok(app);
    assert.equal(spell(app, 'aws_logs.RetentionDays.ONE_MONTH'), 'logs.RetentionDays.ONE_MONTH');
    assert.equal(spell(app, 'aws_s3.StorageClass'), 's3.StorageClass');
    assert.equal(spell(app, 'Duration'), 'Duration');
    assert.equal(spell(app, 'aws_ecr.LifecycleRule'), 'cdk.aws_ecr.LifecycleRule');
  });

  it('named imports of classes, require(), and @aws-cdk/ v1 modules', () => {
    const text = dedent`
      import { Bucket } from 'aws-cdk-lib/aws-s3';
      const ecr = require('@aws-cdk/aws-ecr');
      new Bucket(this, 'B');
      new ecr.Repository(this, 'R', { imageScanOnPush: true });
      new Other(this, 'X');
      new ecr.Repository(this);
    `;
    const { app } = collect('stack.ts', text);
    assert.deepEqual(app?.constructs.map((c) => c.type), ['aws_s3.Bucket', 'aws_ecr.Repository']);
  });

  it('stacks given an env with a region: CDK Stack and Stage, app stack classes; shorthand props read through their constant', () => {
    const text = dedent`
      import * as cdk from 'aws-cdk-lib';
      import * as s3 from 'aws-cdk-lib/aws-s3';
      import { MlStack } from '../lib/ml-stack';
      const env = { account: '123456789012', region: 'eu-west-1' };
      new cdk.Stack(app, 'A', { env: { region: 'ap-south-1' } });
      new cdk.Stage(app, 'B', { env });
      new MlStack(app, \`ml-\${stage}\`, { env: { region: process.env.CDK_DEFAULT_REGION } });
      new MlStack(app, 'NoRegion', { env: { account: '1' } });
      new cdk.CfnOutput(this, 'NotAStack', { env: { region: 'ap-south-1' } } as never);
      new s3.Bucket(this, 'Data', { bucketName: 'b' });
    `;
    const { app } = collect('bin/app.ts', text);
    assert.deepEqual(
      app?.stacks.map((s) => [s.name, text.slice(s.callee.start, s.callee.end), plain(s.region.value)]),
      [
        ['A', 'cdk.Stack', 'ap-south-1'],
        ['B', 'cdk.Stage', 'eu-west-1'],
        ['`ml-${stage}`', 'MlStack', '?'],
      ],
    );
    assert.deepEqual(app?.constructs.map((c) => c.type), ['aws_s3.Bucket']);
  });

  it('a TypeScript file without a CDK import is not parsed, and needs no grammar', () => {
    const linter = createTestLinter();
    assert.equal(linter.lint('src/util.ts', 'export const x = 1;\n', { settings: resolveRuleSettings(linter.rules) }).skipped, 'not a format Green ML lints');
    const fresh = createCdkTypeScriptLanguage(locateTestWasm);
    assert.equal(fresh.loadState?.state, 'unloaded');
  });

  it('half-typed code keeps the rest of the file; a file that is mostly broken is one parse error', () => {
    const typing = dedent`
      import * as s3 from 'aws-cdk-lib/aws-s3';
      new s3.Bucket(this, 'A', { versioned: true });
      new s3.Bucket(this, 'B', { versioned: });
    `;
    const { app } = collect('stack.ts', typing);
    assert.deepEqual(app?.constructs.map((c) => c.id), ['A']);
    const linter = createTestLinter();
    const broken = "import * as s3 from 'aws-cdk-lib/aws-s3';\n" + '))) ((( }}} {{{ '.repeat(40) + '\n';
    const result = linter.lint('stack.ts', broken, { settings: resolveRuleSettings(linter.rules) });
    assert.equal(result.findings.length, 1);
    assert.equal(result.findings[0].ruleId, 'parse-error');
  });
});

describe('CDK Python analysis', () => {
  const stack = dedent`
    import aws_cdk as cdk
    from aws_cdk import (
        Duration,
        Stack,
        aws_logs as logs,
        aws_s3 as s3,
        aws_sagemaker as sagemaker,
    )
    from constructs import Construct

    INSTANCE_TYPE = "ml.g5.2xlarge"


    class MlStack(Stack):
        def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
            super().__init__(scope, construct_id, **kwargs)
            self.data = s3.Bucket(self, "Data", versioned=True, lifecycle_rules=[s3.LifecycleRule(expiration=Duration.days(30))])
            self.data.add_lifecycle_rule(expiration=Duration.days(7))
            logs.LogGroup(self, "Logs", retention=logs.RetentionDays.INFINITE)
            sagemaker.CfnEndpointConfig(
                self,
                "Config",
                production_variants=[
                    sagemaker.CfnEndpointConfig.ProductionVariantProperty(
                        instance_type=INSTANCE_TYPE, initial_instance_count=2, variant_name="AllTraffic"
                    )
                ],
            )
  `;

  it('is recognised by its aws_cdk import and gives the same model as TypeScript, keys in camelCase', () => {
    const { app, format } = collect('stacks/ml_stack.py', stack);
    assert.equal(format, 'cdk-python');
    assert.deepEqual(app?.constructs.map((c) => [c.type, c.id]), [
      ['aws_s3.Bucket', 'Data'],
      ['aws_logs.LogGroup', 'Logs'],
      ['aws_sagemaker.CfnEndpointConfig', 'Config'],
    ]);
    const [data, logGroup, config] = app?.constructs ?? [];
    assert.deepEqual(plain(data.props), { versioned: true, lifecycleRules: [{ expiration: 'Duration.days(30)' }] });
    assert.deepEqual(data.methods.map((m) => m.method), ['addLifecycleRule']);
    assert.deepEqual(plain(logGroup.props), { retention: '<aws_logs.RetentionDays.INFINITE>' });
    assert.deepEqual(plain(config.props), { productionVariants: [{ instanceType: 'ml.g5.2xlarge', initialInstanceCount: 2, variantName: 'AllTraffic' }] });
    assert.ok(app);
    assert.equal(spell(app, 'aws_logs.RetentionDays.ONE_MONTH'), 'logs.RetentionDays.ONE_MONTH');
    assert.equal(spell(app, 'Duration'), 'Duration');
  });

  it('a prop assigned after the construct was made counts as given (value unknown); a non-literal id is kept as written', () => {
    const text = dedent`
      from aws_cdk import aws_logs as logs, aws_sagemaker as sagemaker
      config = sagemaker.CfnEndpointConfig(self, "Config", production_variants=[])
      config.data_capture_config = make_capture()
      group = logs.CfnLogGroup(self, f"{prefix}-logs")
    `;
    const { app } = collect('stack.py', text);
    const [config, group] = app?.constructs ?? [];
    assert.deepEqual(plain(config.props), { productionVariants: [], dataCaptureConfig: '?' });
    assert.equal(group.id, undefined);
    assert.equal(group.idText, 'f"{prefix}-logs"');
  });

  it('stacks given an env with a region: cdk.Environment(...) or a dict, on CDK Stack or an app stack class', () => {
    const text = dedent`
      import os
      import aws_cdk as cdk
      from stacks.ml_stack import MlStack
      app = cdk.App()
      MlStack(app, "A", env=cdk.Environment(account="1", region="ap-south-1"))
      cdk.Stack(app, "B", env={"region": "eu-west-1"})
      MlStack(app, "C", env=cdk.Environment(region=os.getenv("CDK_DEFAULT_REGION")))
      MlStack(app, "D", env=cdk.Environment(account="1"))
      make_stack(app, "E", env={"region": "ap-south-1"})
    `;
    const { app } = collect('app.py', text);
    assert.deepEqual(
      app?.stacks.map((s) => [s.name, plain(s.region.value)]),
      [
        ['A', 'ap-south-1'],
        ['B', 'eu-west-1'],
        ['C', '?'],
      ],
    );
  });

  it('a Python file without aws_cdk stays a SageMaker script', () => {
    assert.equal(collect('train.py', 'import sagemaker\n').format, 'python');
  });
});
