import * as assert from 'node:assert/strict';
import type { CostTargets } from '../../src/model/costTargets';
import { costTargetVisitors } from '../../src/model/costTargets';
import { lensesFor, lensFor, lensRegion } from '../../src/present/codeLens';
import { dedent } from '../kit/dedent';
import { createTestLinter } from '../kit/languages';

function collect(fileName: string, text: string): CostTargets {
  const sink: CostTargets = { targets: [] };
  const result = createTestLinter({ rules: [] }).collectFacts(fileName, text, costTargetVisitors(sink));
  assert.equal(result.skipped, undefined, result.skipped);
  return sink;
}

// Figures hand-computed in test/estimate/bounds.test.ts and docs/estimates.md:
//   ml.g5.xlarge us-east-1: $1.4084/h, 0.04338 kgCO2e/h; ml.m5.xlarge: $0.23/h, 0.008838 kgCO2e/h.
describe('CodeLens titles', () => {
  it('a training job: ≤ 24 h × count × type, the API default when max_run is absent', () => {
    const lens = lensFor({ kind: 'training', start: 0, end: 1, instanceType: 'ml.g5.xlarge', instanceCount: 2, spot: false }, { code: 'us-east-1', origin: 'default' }, {})!;
    // 48 h × $1.4084 = $67.60; 48 × 0.04338 = 2.08 kgCO2e.
    assert.equal(lens.title, '≤ 24 h × 2 × ml.g5.xlarge ≈ $67.60 · 2.08 kgCO2e (us-east-1)');
    assert.match(lens.tooltip, /API default limit of 1 day/);
    assert.match(lens.tooltip, /Region: us-east-1, from us-east-1, the default/);
    assert.match(lens.tooltip, /Sources: .*MaxRuntimeInSeconds/);
  });

  it('spot shows the cost as a range from the verified claim', () => {
    const lens = lensFor({ kind: 'training', start: 0, end: 1, instanceType: 'ml.g5.xlarge', instanceCount: 2, spot: true }, { code: 'us-east-1', origin: 'code' }, {})!;
    assert.equal(lens.title, '≤ 24 h × 2 × ml.g5.xlarge ≈ $6.76–$67.60 with spot · 2.08 kgCO2e (us-east-1)');
    assert.match(lens.tooltip, /up to 90% off .* not a promise/);
    assert.match(lens.tooltip, /model-managed-spot-training\.html/);
  });

  it('a tuner: max_jobs × the per-job bound', () => {
    const lens = lensFor({ kind: 'tuner', start: 0, end: 1, instanceType: 'ml.g5.xlarge', instanceCount: 1, maxRunSeconds: 3600, maxJobs: 10, spot: false }, { code: 'us-east-1', origin: 'setting' }, {})!;
    // 10 × 1 h × $1.4084 = $14.08; 10 × 0.04338 = 0.434 kgCO2e.
    assert.equal(lens.title, '≤ 10 jobs × 1 h × 1 × ml.g5.xlarge ≈ $14.08 · 0.434 kgCO2e (us-east-1)');
  });

  it('an endpoint: per hour at its instance count, and per 730-h month', () => {
    const lens = lensFor({ kind: 'endpoint', start: 0, end: 1, instanceType: 'ml.m5.xlarge', instanceCount: 2 }, { code: 'us-east-1', origin: 'default' }, {})!;
    // 2 × $0.23 = $0.46/h; × 730 = $335.80; 2 × 0.008838 = 0.0177 kgCO2e/h.
    assert.equal(lens.title, '≈ $0.46/h · 0.0177 kgCO2e/h (2 × ml.m5.xlarge, us-east-1) · $335.80/month');
    assert.match(lens.tooltip, /per month of 730 h/);
  });

  it("names the price's region when it is not the figures' region", () => {
    const lens = lensFor({ kind: 'endpoint', start: 0, end: 1, instanceType: 'ml.m5.xlarge', instanceCount: 2 }, { code: 'eu-west-1', origin: 'setting' }, {})!;
    assert.match(lens.title, /^≈ \$0\.46\/h \(us-east-1 price\) · [\d.]+ kgCO2e\/h \(2 × ml\.m5\.xlarge, eu-west-1\) · \$335\.80\/month$/);
    const ec2 = lensFor({ kind: 'notebook', start: 0, end: 1, instanceType: 'ml.t3.medium', instanceCount: 1 }, { code: 'eu-west-1', origin: 'setting' }, {})!;
    assert.match(ec2.title, /^≈ \$0\.042\/h \(EC2 price: a lower bound\) \(us-east-1 price\) · /);
  });

  it('marks an EC2 price as a lower bound', () => {
    // ml.t3.medium has no bundled SageMaker price: EC2 t3.medium, $0.0416/h in us-east-1.
    const lens = lensFor({ kind: 'notebook', start: 0, end: 1, instanceType: 'ml.t3.medium', instanceCount: 1 }, { code: 'us-east-1', origin: 'default' }, {})!;
    assert.match(lens.title, /^≈ \$0\.042\/h \(EC2 price: a lower bound\) · [\d.]+ kgCO2e\/h \(ml\.t3\.medium, us-east-1\) · \$30\.37\/month$/);
  });

  it('takes the region from the code, else the setting, else us-east-1', () => {
    assert.deepEqual(lensRegion({ targets: [], region: { code: 'eu-north-1', start: 0 } }, { region: 'us-west-2' }), { code: 'eu-north-1', origin: 'code' });
    assert.deepEqual(lensRegion({ targets: [] }, { region: 'us-west-2' }), { code: 'us-west-2', origin: 'setting' });
    assert.deepEqual(lensRegion({ targets: [], region: { code: 'moon-1', start: 0 } }, { region: 'nowhere' }), { code: 'us-east-1', origin: 'default' });
  });
});

describe('CodeLens targets', () => {
  it('a Python estimator, tuner and deploy, with the session region', () => {
    const text = dedent`
      import boto3
      import sagemaker
      from sagemaker.pytorch import PyTorch
      from sagemaker.tuner import HyperparameterTuner

      session = sagemaker.Session(boto_session=boto3.Session(region_name="eu-north-1"))
      est = PyTorch(entry_point="train.py", instance_type="ml.g5.xlarge", instance_count=2, max_run=7200, use_spot_instances=True, max_wait=9000)
      tuner = HyperparameterTuner(est, "loss", {}, max_jobs=4)
      unknown = PyTorch(entry_point="train.py", instance_type=TYPE, instance_count=1)
      est.deploy(initial_instance_count=1, instance_type="ml.m5.xlarge")
    `;
    const targets = collect('train.py', text);
    assert.deepEqual(targets.region?.code, 'eu-north-1');
    assert.deepEqual(
      targets.targets.map((t) => ({ ...t, start: undefined, end: undefined })),
      [
        { kind: 'training', start: undefined, end: undefined, instanceType: 'ml.g5.xlarge', instanceCount: 2, maxRunSeconds: 7200, spot: true },
        { kind: 'tuner', start: undefined, end: undefined, instanceType: 'ml.g5.xlarge', instanceCount: 2, maxRunSeconds: 7200, spot: true, maxJobs: 4 },
        { kind: 'endpoint', start: undefined, end: undefined, instanceType: 'ml.m5.xlarge', instanceCount: 1 },
      ],
    );
    const lenses = lensesFor(targets, {});
    assert.equal(lenses.length, 3);
    // The bundled price is us-east-1's: the lens says so next to the dollar figure, not under eu-north-1's name alone.
    assert.match(lenses[0].title, /^≤ 2 h × 2 × ml\.g5\.xlarge ≈ \$0\.56–\$5\.63 with spot \(us-east-1 price\) · [\d.]+ kgCO2e \(eu-north-1\)$/);
    assert.equal(text.slice(lenses[0].start, lenses[0].start + 7), 'PyTorch');
  });

  it('CloudFormation endpoint config variants and notebook instances; serverless and unknown types make none', () => {
    const text = dedent`
      Resources:
        Config:
          Type: AWS::SageMaker::EndpointConfig
          Properties:
            ProductionVariants:
              - VariantName: a
                InstanceType: ml.g5.xlarge
                InitialInstanceCount: 2
              - VariantName: b
                ServerlessConfig: {MaxConcurrency: 1, MemorySizeInMB: 2048}
              - VariantName: c
                InstanceType: ml.nope.xlarge
                InitialInstanceCount: 1
        Notebook:
          Type: AWS::SageMaker::NotebookInstance
          Properties:
            InstanceType: ml.t3.medium
            RoleArn: arn
    `;
    const targets = collect('template.yaml', text);
    assert.deepEqual(targets.targets.map((t) => [t.kind, t.instanceType, t.instanceCount, text.slice(t.start, t.end)]), [
      ['endpoint', 'ml.g5.xlarge', 2, 'Config'],
      ['notebook', 'ml.t3.medium', 1, 'Notebook'],
    ]);
    // 2 × $1.4084 = $2.82/h; × 730 = $2056.26.
    assert.match(lensesFor(targets, {})[0].title, /^≈ \$2\.82\/h · 0\.0868 kgCO2e\/h \(2 × ml\.g5\.xlarge, us-east-1\) · \$2056\.26\/month$/);
  });

  it('Terraform endpoint configuration and the provider region', () => {
    const text = dedent`
      provider "aws" {
        region = "eu-west-1"
      }
      resource "aws_sagemaker_endpoint_configuration" "ec" {
        production_variants {
          variant_name           = "a"
          model_name             = "m"
          instance_type          = "ml.m5.xlarge"
          initial_instance_count = 1
        }
      }
    `;
    const targets = collect('main.tf', text);
    assert.equal(targets.region?.code, 'eu-west-1');
    assert.deepEqual(targets.targets.map((t) => [t.kind, t.instanceType, t.instanceCount]), [['endpoint', 'ml.m5.xlarge', 1]]);
    assert.match(lensesFor(targets, {})[0].title, /\(ml\.m5\.xlarge, eu-west-1\) · \$167\.90\/month$/);
  });
  it('CDK TypeScript endpoint configuration and notebook instance', () => {
    const text = dedent`
      import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
      new sagemaker.CfnEndpointConfig(this, 'Config', {
        productionVariants: [
          { variantName: 'a', modelName: 'm', instanceType: 'ml.m5.xlarge', initialInstanceCount: 2 },
          { variantName: 's', modelName: 'm', serverlessConfig: { maxConcurrency: 1, memorySizeInMb: 2048 } },
        ],
      });
      new sagemaker.CfnNotebookInstance(this, 'Nb', { instanceType: 'ml.t3.medium', roleArn: r });
    `;
    const targets = collect('stack.ts', text);
    assert.deepEqual(targets.targets.map((t) => [t.kind, t.instanceType, t.instanceCount, text.slice(t.start, t.start + 1)]), [
      ['endpoint', 'ml.m5.xlarge', 2, '{'],
      ['notebook', 'ml.t3.medium', 1, "'"],
    ]);
  });

  it('CDK Python endpoint configuration with ProductionVariantProperty structs', () => {
    const text = dedent`
      from aws_cdk import aws_sagemaker as sagemaker
      sagemaker.CfnEndpointConfig(self, "Config", production_variants=[sagemaker.CfnEndpointConfig.ProductionVariantProperty(variant_name="a", model_name="m", instance_type="ml.g5.xlarge", initial_instance_count=1)])
    `;
    assert.deepEqual(collect('stack.py', text).targets.map((t) => [t.kind, t.instanceType, t.instanceCount]), [['endpoint', 'ml.g5.xlarge', 1]]);
  });
});
