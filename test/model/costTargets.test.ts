import * as assert from 'node:assert/strict';
import { resolveRuleSettings } from '../../src/core/config';
import { defineRule } from '../../src/core/defineRule';
import type { Format } from '../../src/core/types';
import type { CostTargets } from '../../src/model/costTargets';
import { costTargetVisitors } from '../../src/model/costTargets';
import type { NotebookInstanceRecord } from '../../src/model/records';
import { visitResources } from '../../src/model/resources';
import { createTestLinter } from '../kit/languages';

const fileNames: Partial<Record<Format, string>> = { 'cfn-yaml': 'template.yaml', terraform: 'main.tf', 'cdk-typescript': 'stack.ts', 'cdk-python': 'stack.py' };

function targetsOf(format: Format, code: string): Array<{ kind: string; instanceType: string; at: string }> {
  const sink: CostTargets = { targets: [] };
  createTestLinter({ rules: [] }).collectFacts(fileNames[format] ?? 'file', code, costTargetVisitors(sink), { format });
  return sink.targets.map((t) => ({ kind: t.kind, instanceType: t.instanceType, at: code.slice(t.start, t.end) }));
}

/** The notebook instance records the notebook rules judge in the same file. */
function notebookRecords(format: Format, code: string): NotebookInstanceRecord[] {
  const records: NotebookInstanceRecord[] = [];
  const probe = defineRule({
    id: 'SML999',
    name: 'notebook-probe',
    meta: { category: 'ops', defaultSeverity: 'hint', formats: ['cfn', 'tf', 'cdk'], description: 'probe', messages: { m: 'm' }, fixes: [], wellArchitected: [], options: {} },
    create: () => visitResources({ notebookInstance: (r) => records.push(r) }),
  });
  createTestLinter({ rules: [probe] }).lint(fileNames[format] ?? 'file', code, { settings: resolveRuleSettings([probe]), format });
  return records;
}

describe('cost targets of notebook instances come from the notebook-instance records', () => {
  const written: Array<{ format: Format; code: string; at: string }> = [
    { format: 'cfn-yaml', code: 'Resources:\n  Lab:\n    Type: AWS::SageMaker::NotebookInstance\n    Properties:\n      InstanceType: ml.g4dn.xlarge\n      RoleArn: r\n', at: 'Lab' },
    { format: 'terraform', code: 'resource "aws_sagemaker_notebook_instance" "lab" {\n  name          = "lab"\n  role_arn      = "r"\n  instance_type = "ml.g4dn.xlarge"\n}\n', at: 'resource "aws_sagemaker_notebook_instance" "lab" {\n  name          = "lab"\n  role_arn      = "r"\n  instance_type = "ml.g4dn.xlarge"\n}' },
    { format: 'cdk-typescript', code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnNotebookInstance(this, 'Lab', { instanceType: 'ml.g4dn.xlarge', roleArn: 'r' });\n", at: "'Lab'" },
    { format: 'cdk-python', code: 'from aws_cdk import aws_sagemaker as sm\nsm.CfnNotebookInstance(self, "Lab", instance_type="ml.g4dn.xlarge", role_arn="r")\n', at: '"Lab"' },
  ];
  for (const w of written) {
    it(`${w.format}: one always-on target with the record's type, where the resource is written`, () => {
      const [record] = notebookRecords(w.format, w.code);
      assert.ok(record?.instanceType?.known && record.instanceType.value === 'ml.g4dn.xlarge', 'the record knows the type');
      assert.deepEqual(targetsOf(w.format, w.code), [{ kind: 'notebook', instanceType: 'ml.g4dn.xlarge', at: w.at }]);
    });
  }

  it('a type the record does not know (a variable) or the catalogue does not list makes no target', () => {
    const code = 'resource "aws_sagemaker_notebook_instance" "a" {\n  instance_type = var.type\n}\nresource "aws_sagemaker_notebook_instance" "b" {\n  instance_type = "ml.nope.xlarge"\n}\n';
    assert.equal(notebookRecords('terraform', code).length, 2);
    assert.deepEqual(targetsOf('terraform', code), []);
  });

  it('Terraform: a dynamic "production_variants" block builds as many variants as its for_each has elements: no priced endpoint, the written variant is', () => {
    const code =
      'resource "aws_sagemaker_endpoint_configuration" "ep" {\n  dynamic "production_variants" {\n    for_each = var.variants\n    content {\n      instance_type          = "ml.m5.large"\n      initial_instance_count = 1\n    }\n  }\n  production_variants {\n    instance_type          = "ml.c5.large"\n    initial_instance_count = 1\n  }\n}\n';
    assert.deepEqual(
      targetsOf('terraform', code).map((t) => `${t.kind} ${t.instanceType}`),
      ['endpoint ml.c5.large'],
    );
  });

  it('CDK: targets keep the order the file writes the constructs in', () => {
    const code =
      "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\n" +
      "new sagemaker.CfnEndpointConfig(this, 'Serve', { productionVariants: [{ variantName: 'A', modelName: 'm', instanceType: 'ml.m5.large', initialInstanceCount: 1 }] });\n" +
      "new sagemaker.CfnNotebookInstance(this, 'Lab', { instanceType: 'ml.t3.medium', roleArn: 'r' });\n";
    assert.deepEqual(
      targetsOf('cdk-typescript', code).map((t) => `${t.kind} ${t.instanceType}`),
      ['endpoint ml.m5.large', 'notebook ml.t3.medium'],
    );
  });
});

describe('cost targets of Terraform training and tuning jobs come from the training records', () => {
  const job = (extra: string, resourceConfig = 'instance_type  = "ml.g5.xlarge"\n    instance_count = 2') =>
    `resource "aws_sagemaker_training_job" "train" {\n  training_job_name = "t"\n  role_arn          = "r"\n${extra}  resource_config {\n    ${resourceConfig}\n    volume_size_in_gb = 30\n  }\n  stopping_condition {\n    max_runtime_in_seconds = 7200\n  }\n}\n`;

  it('a training job with a literal type and count: a training target over the resource, with its run limit and spot flag', () => {
    const code = job('  enable_managed_spot_training = true\n');
    const sink: CostTargets = { targets: [] };
    createTestLinter({ rules: [] }).collectFacts('main.tf', code, costTargetVisitors(sink), { format: 'terraform' });
    assert.deepEqual(sink.targets, [{ kind: 'training', start: 0, end: code.trimEnd().length, instanceType: 'ml.g5.xlarge', instanceCount: 2, maxRunSeconds: 7200, spot: true }]);
  });

  it('a variable type, a training plan or a serverless job makes none', () => {
    assert.deepEqual(targetsOf('terraform', job('', 'instance_type  = var.type\n    instance_count = 1')), []);
    assert.deepEqual(targetsOf('terraform', job('', 'instance_type  = "ml.g5.xlarge"\n    instance_count = 1\n    training_plan_arn = "arn:aws:sagemaker:us-east-1:1:training-plan/p"')), []);
    assert.deepEqual(targetsOf('terraform', 'resource "aws_sagemaker_training_job" "s" {\n  serverless_job_config {\n    base_model_arn = "m"\n  }\n}\n'), []);
  });

  it('a tuning job of one job definition: a tuner target with its job limit', () => {
    const code = [
      'resource "aws_sagemaker_hyper_parameter_tuning_job" "tune" {',
      '  name = "tune"',
      '  config {',
      '    strategy = "Bayesian"',
      '    resource_limits {',
      '      max_number_of_training_jobs = 20',
      '      max_parallel_training_jobs  = 2',
      '    }',
      '  }',
      '  training_job_definition {',
      '    role_arn = "r"',
      '    resource_config {',
      '      instance_type  = "ml.m5.xlarge"',
      '      instance_count = 1',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const sink: CostTargets = { targets: [] };
    createTestLinter({ rules: [] }).collectFacts('main.tf', code, costTargetVisitors(sink), { format: 'terraform' });
    assert.deepEqual(sink.targets.map((t) => ({ kind: t.kind, instanceType: t.instanceType, instanceCount: t.instanceCount, maxJobs: t.kind === 'tuner' ? t.maxJobs : undefined })), [{ kind: 'tuner', instanceType: 'ml.m5.xlarge', instanceCount: 1, maxJobs: 20 }]);
  });
});
