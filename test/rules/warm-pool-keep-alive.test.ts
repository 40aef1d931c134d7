import * as assert from 'node:assert/strict';
import { formatSarif } from '../../src/cli/formatters/sarif';
import { parseConfig, resolveRuleSettings } from '../../src/core/config';
import { estimateInstance } from '../../src/estimate/estimate';
import { formatUsd } from '../../src/present/figures';
import { buildFootprint, footprintInputOf } from '../../src/present/footprint';
import { savingsForEffect } from '../../src/present/savings';
import { allRules } from '../../src/rules';
import { warmPoolKeepAlive } from '../../src/rules/warm-pool-keep-alive';
import { createTestLinter } from '../kit/languages';
import { dedent } from '../kit/dedent';
import { notebookJson } from '../kit/notebook';
import { RuleTester } from '../kit/ruleTester';
import { tfTrainingJob } from '../kit/tfTraining';

/** The finding on the one occurrence of `needle` in `code` (1-based line and columns, as the tester reports them). */
function keepAlive(code: string, needle: string, data: { instances: string; seconds: number; setting: string; max: number }) {
  const start = code.indexOf(needle);
  if (start < 0 || code.indexOf(needle, start + 1) >= 0) throw new Error(`"${needle}" must occur once`);
  const before = code.slice(0, start).split('\n');
  const line = before.length;
  const column = before[before.length - 1].length + 1;
  return { messageId: 'keepAlive', line, column, endLine: line, endColumn: column + needle.length, data };
}

const sdk = 'keep_alive_period_in_seconds';

/** A Terraform training job whose `resource_config` keeps its warm pool alive `seconds`. */
const tfWarmPool = (seconds: string, extra = '') =>
  tfTrainingJob({ instanceType: '"ml.g5.2xlarge"' }).replace('    volume_size_in_gb = 50\n', `    volume_size_in_gb = 50\n    keep_alive_period_in_seconds = ${seconds}\n${extra}`);

const v2 = dedent`
  from sagemaker.pytorch import PyTorch
  est = PyTorch(entry_point="train.py", role=role, instance_type="ml.g5.2xlarge", instance_count=2, keep_alive_period_in_seconds=3600)
  est.fit()
`;

const strict = dedent`
  from sagemaker.estimator import Estimator
  est = Estimator(image_uri=image, role=role, instance_type="ml.m5.xlarge", keep_alive_period_in_seconds=900)
`;

const named = dedent`
  from sagemaker.huggingface import HuggingFace
  KEEP_ALIVE = 7200
  est = HuggingFace(entry_point="train.py", role=role, instance_type="ml.g5.12xlarge", keep_alive_period_in_seconds=KEEP_ALIVE)
`;

const v3 = dedent`
  from sagemaker.train import ModelTrainer
  from sagemaker.train.configs import Compute, SourceCode
  trainer = ModelTrainer(training_image=image, source_code=SourceCode(source_dir="src", entry_script="train.py"), compute=Compute(instance_type="ml.g5.2xlarge", instance_count=1, keep_alive_period_in_seconds=3600), role=role)
  trainer.train()
`;

const recipe = dedent`
  from sagemaker.train import ModelTrainer
  from sagemaker.train.configs import Compute
  trainer = ModelTrainer.from_recipe(training_recipe="fine-tuning/llama/hf_llama3_8b_seq8k_gpu_lora", compute=Compute(instance_type="ml.p4d.24xlarge", keep_alive_period_in_seconds=3600), role=role)
  trainer.train()
`;

/** One `Compute` shared by two trainers (a notebook that fine-tunes two models on one pool). */
const sharedCompute = dedent`
  from sagemaker.train import ModelTrainer
  from sagemaker.train.configs import Compute
  compute = Compute(instance_type="ml.g5.2xlarge", instance_count=1, keep_alive_period_in_seconds=3600)
  base = ModelTrainer(training_image=image, compute=compute, role=role, base_job_name="gemma-base")
  tuned = ModelTrainer(training_image=image, compute=compute, role=role, base_job_name="gemma-tuned")
`;

const remote = dedent`
  from sagemaker.remote_function import remote

  @remote(instance_type="ml.g5.xlarge", keep_alive_period_in_seconds=3600)
  def train(data):
      return data
`;

const step = dedent`
  from sagemaker.workflow.function_step import step

  @step(name="preprocess", instance_type="ml.m5.xlarge", keep_alive_period_in_seconds=2400)
  def preprocess(raw):
      return raw
`;

const boto3 = dedent`
  import boto3
  sm = boto3.client("sagemaker")
  sm.create_training_job(
      TrainingJobName="train",
      AlgorithmSpecification={"TrainingImage": image, "TrainingInputMode": "File"},
      RoleArn=role,
      ResourceConfig={"InstanceType": "ml.g5.2xlarge", "InstanceCount": 1, "VolumeSizeInGB": 50, "KeepAlivePeriodInSeconds": 21600},
      StoppingCondition={"MaxRuntimeInSeconds": 3600},
      OutputDataConfig={"S3OutputPath": "s3://ml-team/output"},
  )
`;

const notebook = notebookJson(['from sagemaker.pytorch import PyTorch', 'est = PyTorch(entry_point="train.py", role=role, instance_type="ml.g5.xlarge", keep_alive_period_in_seconds=2700)\nest.fit()']);

new RuleTester().run(warmPoolKeepAlive, {
  valid: [
    {
      name: 'SDK v2: a warm pool of 30 minutes, the default ceiling',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorch
        est = PyTorch(entry_point="train.py", role=role, framework_version="2.3", py_version="py311", instance_type="ml.g5.2xlarge", instance_count=1, keep_alive_period_in_seconds=1800)
        est.fit()
      `,
    },
    {
      name: 'SDK v2: keep-alive from a variable: unknown, silent',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorch
        est = PyTorch(entry_point="train.py", role=role, instance_type="ml.g5.2xlarge", keep_alive_period_in_seconds=args.keep_alive)
      `,
    },
    {
      name: 'SDK v2: no keep-alive at all (no warm pool)',
      format: 'python',
      code: dedent`
        from sagemaker.estimator import Estimator
        est = Estimator(image_uri=image, role=role, instance_type="ml.m5.xlarge", instance_count=1)
      `,
    },
    {
      name: 'a longer ceiling set in the configuration accepts an hour',
      format: 'python',
      options: { maxKeepAliveSeconds: 3600 },
      code: dedent`
        from sagemaker.pytorch import PyTorch
        est = PyTorch(entry_point="train.py", role=role, instance_type="ml.g5.2xlarge", keep_alive_period_in_seconds=3600)
      `,
    },
    {
      name: 'local mode keeps no warm pool',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorch
        est = PyTorch(entry_point="train.py", role=role, instance_type="local_gpu", keep_alive_period_in_seconds=3600)
      `,
    },
    {
      name: 'a training plan: its capacity is paid for whatever the pool keeps',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorch
        est = PyTorch(entry_point="train.py", role=role, instance_type="ml.p5.48xlarge", keep_alive_period_in_seconds=3600, training_plan="arn:aws:sagemaker:us-east-1:111122223333:training-plan/llm-plan")
      `,
    },
    {
      name: '@remote without an instance type: the type (and the job) come from the SDK configuration file',
      format: 'python',
      code: dedent`
        from sagemaker.remote_function import remote

        @remote(keep_alive_period_in_seconds=3600)
        def train(data):
            return data
      `,
    },
    {
      name: 'Terraform: a keep-alive from a variable: unknown, silent',
      format: 'terraform',
      code: tfWarmPool('var.keep_alive'),
    },
    {
      name: 'Terraform: ten minutes, under the ceiling',
      format: 'terraform',
      code: tfWarmPool('600'),
    },
    {
      name: 'Terraform: a training plan in resource_config',
      format: 'terraform',
      code: tfWarmPool('3600', '    training_plan_arn = aws_sagemaker_training_plan.llm.arn\n'),
    },
  ],
  invalid: [
    {
      name: 'SDK v2 estimator: an hour of warm pool on two GPU instances',
      format: 'python',
      code: v2,
      errors: [keepAlive(v2, `${sdk}=3600`, { instances: '2 × ml.g5.2xlarge', seconds: 3600, setting: sdk, max: 1800 })],
      output: v2.replace(`${sdk}=3600`, `${sdk}=1800`),
    },
    {
      name: 'a stricter ceiling from the configuration: the fix lowers to it',
      format: 'python',
      options: { maxKeepAliveSeconds: 300 },
      code: strict,
      errors: [keepAlive(strict, `${sdk}=900`, { instances: 'ml.m5.xlarge', seconds: 900, setting: sdk, max: 300 })],
      output: strict.replace(`${sdk}=900`, `${sdk}=300`),
    },
    {
      name: 'a keep-alive read through a name: flagged, no fix (the constant may serve other jobs)',
      format: 'python',
      code: named,
      errors: [keepAlive(named, `${sdk}=KEEP_ALIVE`, { instances: 'ml.g5.12xlarge', seconds: 7200, setting: sdk, max: 1800 })],
      output: null,
    },
    {
      name: 'SDK v3: Compute(keep_alive_period_in_seconds=...)',
      format: 'python',
      code: v3,
      errors: [keepAlive(v3, `${sdk}=3600`, { instances: 'ml.g5.2xlarge', seconds: 3600, setting: 'Compute(keep_alive_period_in_seconds=…)', max: 1800 })],
      output: v3.replace(`${sdk}=3600`, `${sdk}=1800`),
    },
    {
      name: 'one Compute shared by two ModelTrainers: one finding on the shared keep-alive (read through a name: no fix)',
      format: 'python',
      code: sharedCompute,
      errors: [keepAlive(sharedCompute, `${sdk}=3600`, { instances: 'ml.g5.2xlarge', seconds: 3600, setting: 'Compute(keep_alive_period_in_seconds=…)', max: 1800 })],
      output: null,
    },
    {
      name: 'SDK v3 factory: ModelTrainer.from_recipe(...) is a trainer',
      format: 'python',
      code: recipe,
      errors: [keepAlive(recipe, `${sdk}=3600`, { instances: 'ml.p4d.24xlarge', seconds: 3600, setting: 'Compute(keep_alive_period_in_seconds=…)', max: 1800 })],
      output: recipe.replace(`${sdk}=3600`, `${sdk}=1800`),
    },
    {
      name: '@remote with an instance type: a training job with a warm pool',
      format: 'python',
      code: remote,
      errors: [keepAlive(remote, `${sdk}=3600`, { instances: 'ml.g5.xlarge', seconds: 3600, setting: sdk, max: 1800 })],
      output: remote.replace(`${sdk}=3600`, `${sdk}=1800`),
    },
    {
      name: '@step of a pipeline with an instance type: the same',
      format: 'python',
      code: step,
      errors: [keepAlive(step, `${sdk}=2400`, { instances: 'ml.m5.xlarge', seconds: 2400, setting: sdk, max: 1800 })],
      output: step.replace(`${sdk}=2400`, `${sdk}=1800`),
    },
    {
      name: 'boto3 create_training_job: ResourceConfig.KeepAlivePeriodInSeconds',
      format: 'python',
      code: boto3,
      errors: [keepAlive(boto3, '"KeepAlivePeriodInSeconds": 21600', { instances: 'ml.g5.2xlarge', seconds: 21600, setting: 'ResourceConfig.KeepAlivePeriodInSeconds', max: 1800 })],
      output: boto3.replace('21600', '1800'),
    },
    {
      name: 'notebook: the keep-alive set in the estimator cell',
      format: 'notebook',
      code: notebook,
      errors: [keepAlive(notebook, `${sdk}=2700`, { instances: 'ml.g5.xlarge', seconds: 2700, setting: sdk, max: 1800 })],
      output: notebook.replace(`${sdk}=2700`, `${sdk}=1800`),
    },
    {
      name: 'Terraform: resource_config.keep_alive_period_in_seconds',
      format: 'terraform',
      code: tfWarmPool('3600'),
      errors: [keepAlive(tfWarmPool('3600'), sdk, { instances: 'ml.g5.2xlarge', seconds: 3600, setting: 'resource_config.keep_alive_period_in_seconds', max: 1800 })],
      output: tfWarmPool('1800'),
    },
  ],
});

describe('SML210 warm-pool-keep-alive: option, SARIF and figures', () => {
  it('accepts maxKeepAliveSeconds as an integer from 0 to 21600 only', () => {
    const accepted = parseConfig({ rules: { SML210: { options: { maxKeepAliveSeconds: 900 } } } }, allRules);
    assert.deepEqual(accepted.issues, []);
    assert.deepEqual(resolveRuleSettings(allRules, accepted.config).get('SML210'), { severity: 'warning', options: { maxKeepAliveSeconds: 900 } });
    assert.deepEqual(resolveRuleSettings(allRules).get('SML210')?.options, { maxKeepAliveSeconds: 1800 });
    for (const value of ['1800', true, 1800.5, -1, 21601, null]) {
      const { issues } = parseConfig({ rules: { SML210: { options: { maxKeepAliveSeconds: value } } } }, allRules);
      assert.equal(issues.length, 1, `${JSON.stringify(value)} is rejected`);
      assert.equal(issues[0].path, 'rules.SML210.options.maxKeepAliveSeconds');
    }
  });

  it('is described in SARIF with its Well-Architected practice, and its results point at it', () => {
    const result = createTestLinter().lint('train.py', v2, { settings: resolveRuleSettings(allRules), format: 'python' });
    const findings = result.findings.filter((f) => f.ruleId === 'SML210');
    assert.equal(findings.length, 1);
    const log = JSON.parse(formatSarif({ results: [{ fileName: '/p/train.py', path: 'train.py', format: 'python', findings, ruleErrors: [], suppressed: 0 }], rules: allRules, fixed: 0, toolVersion: '1.0.0' }, '/p'));
    const driver = log.runs[0].tool.driver;
    const descriptor = driver.rules.find((r: { id: string }) => r.id === 'SML210');
    assert.ok(descriptor, 'SML210 is in the SARIF rules list');
    assert.equal(descriptor.name, 'warm-pool-keep-alive');
    assert.ok(descriptor.properties.tags.includes('MLSUS04-BP01'), JSON.stringify(descriptor.properties));
    assert.equal(driver.rules[log.runs[0].results[0].ruleIndex].id, 'SML210');
  });

  it('prices the retained instance-hours a shorter keep-alive saves, per job, for every instance of the pool', () => {
    const finding = createTestLinter()
      .lint('train.py', v2, { settings: resolveRuleSettings(allRules), format: 'python' })
      .findings.find((f) => f.ruleId === 'SML210');
    assert.deepEqual(finding?.effect, { kind: 'warm-pool', instanceType: 'ml.g5.2xlarge', count: 2, seconds: 1800 });
    const [saving] = savingsForEffect(finding!.effect!, { region: 'us-east-1' });
    const hourly = estimateInstance('ml.g5.2xlarge', { region: 'us-east-1', usage: 'training' }).costUsdPerHour!;
    assert.ok(hourly > 0);
    assert.equal(saving.kind, 'warm-pool');
    assert.ok(Math.abs(saving.costUsd! - 2 * hourly) < 1e-9, 'per idle hour: the whole pool');
    assert.match(saving.notes[0], /per training job: up to 0\.5 h of 2 retained instances/);
    assert.ok(saving.notes[0].includes(formatUsd(2 * hourly * 0.5)), saving.notes[0]);
  });

  it('prices one finding on a Compute shared by two trainers for the instances of both', () => {
    const findings = createTestLinter()
      .lint('train.py', sharedCompute, { settings: resolveRuleSettings(allRules), format: 'python' })
      .findings.filter((f) => f.ruleId === 'SML210');
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].effect, { kind: 'warm-pool', instanceType: 'ml.g5.2xlarge', count: 2, seconds: 1800 });
  });

  it('has a figure in the footprint report: the retained instance-hours of one job', () => {
    const linter = createTestLinter();
    const result = linter.lint('train.py', v2, { settings: resolveRuleSettings(linter.rules), format: 'python' });
    const row = buildFootprint([footprintInputOf(linter, 'train.py', v2, result)]).findings.find((f) => f.ruleId === 'SML210');
    assert.equal(row?.noFigure, undefined, `no figure: ${row?.noFigure}`);
    const hourly = estimateInstance('ml.g5.2xlarge', { region: 'us-east-1', usage: 'training' }).costUsdPerHour!;
    assert.ok(Math.abs((row?.saving?.bound?.costUsd ?? 0) - 2 * 0.5 * hourly) < 1e-9, JSON.stringify(row?.saving));
    assert.match(row?.saving?.description ?? '', /2 × ml\.g5\.2xlarge: a warm pool kept 1800 s shorter after each job/);
  });
});
