import * as assert from 'node:assert/strict';
import { resolveRuleSettings } from '../../src/core/config';
import type { Finding, Format } from '../../src/core/types';
import { savingsForEffect } from '../../src/present/savings';
import { allRules } from '../../src/rules';
import { dedent } from '../kit/dedent';
import { createTestLinter } from '../kit/languages';
import { notebookJson } from '../kit/notebook';
import type { ComparedForm } from './consistencyRows';
import { comparedForms } from './consistencyRows';

/**
 * One verdict per training or tuning job, whatever writes it: the same job written with the SDK v2
 * (a framework estimator, in a script and in a notebook), the SDK v3 `ModelTrainer` (and its
 * preview under `sagemaker.modules`) and boto3 gets the same rule ids, the same suggested types and
 * the same figures; so does the same job as a Terraform `aws_sagemaker_training_job` or
 * `aws_sagemaker_hyper_parameter_tuning_job`. A rule whose setting one writing does not have (SDK v3 has no Debugger rules)
 * is compared over the writings that have it.
 */

interface Written {
  name: string;
  /** `v2`, `v3`, `boto3` or `terraform`: the writings a rule may lack the setting in. */
  api: 'v2' | 'v3' | 'boto3' | 'terraform';
  format: Format;
  code: string;
}

interface Job {
  framework: 'pytorch' | 'sklearn';
  instanceType: string;
  count: number;
  /** On: with no maximum wait time and no checkpoint location. */
  spot: boolean;
  /** SageMaker Training Compiler on: the SDK v2 `compiler_config`, which the other writings do not have. */
  compiler?: boolean;
}

const pytorchImage = '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311-cu121-ubuntu20.04-sagemaker';

/** The training image in Python: a Deep Learning Container URI, or the SDK's look-up of the scikit-learn image. */
const image = (job: Job) => (job.framework === 'pytorch' ? `"${pytorchImage}"` : 'sagemaker.image_uris.retrieve("sklearn", "us-east-1", "1.2-1")');

const sdkV2 = (job: Job) => {
  const cls = job.framework === 'pytorch' ? 'PyTorch' : 'SKLearn';
  const module = job.framework === 'pytorch' ? 'sagemaker.pytorch' : 'sagemaker.sklearn';
  const version = job.framework === 'pytorch' ? 'framework_version="2.3", py_version="py311"' : 'framework_version="1.2-1"';
  const compiler = job.compiler ? ', compiler_config=TrainingCompilerConfig()' : '';
  return dedent`
    from ${module} import ${cls}${job.compiler ? ', TrainingCompilerConfig' : ''}
    estimator = ${cls}(entry_point="train.py", role=role, ${version}, instance_type="${job.instanceType}", instance_count=${job.count}, max_run=86400${job.spot ? ', use_spot_instances=True' : ''}${compiler})
    estimator.fit({"train": "s3://bucket/train"})
  `;
};

const sdkV3 = (module: 'sagemaker.train' | 'sagemaker.modules') => (job: Job) => dedent`
  import sagemaker
  from ${module}${module === 'sagemaker.modules' ? '.train' : ''} import ModelTrainer
  from ${module}.configs import Compute, SourceCode, StoppingCondition
  trainer = ModelTrainer(training_image=${image(job)}, source_code=SourceCode(source_dir="src", entry_script="train.py"), compute=Compute(instance_type="${job.instanceType}", instance_count=${job.count}${job.spot ? ', enable_managed_spot_training=True' : ''}), stopping_condition=StoppingCondition(max_runtime_in_seconds=86400), role=role)
  trainer.train()
`;

const boto3 = (job: Job) => dedent`
  import boto3
  import sagemaker
  sm = boto3.client("sagemaker")
  sm.create_training_job(TrainingJobName="train", RoleArn=role, AlgorithmSpecification={"TrainingImage": ${image(job)}, "TrainingInputMode": "File"}, ResourceConfig={"InstanceType": "${job.instanceType}", "InstanceCount": ${job.count}, "VolumeSizeInGB": 50}, StoppingCondition={"MaxRuntimeInSeconds": 86400}, OutputDataConfig={"S3OutputPath": "s3://bucket/output"}${job.spot ? ', EnableManagedSpotTraining=True' : ''})
`;

/** The scikit-learn container the SDK's look-up returns in us-east-1, as a Terraform literal. */
const sklearnImage = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3';

const terraform = (job: Job) => dedent`
  resource "aws_sagemaker_training_job" "train" {
    training_job_name = "train"
    role_arn          = aws_iam_role.sagemaker.arn
    ${job.spot ? 'enable_managed_spot_training = true' : ''}
    algorithm_specification {
      training_image      = "${job.framework === 'pytorch' ? pytorchImage : sklearnImage}"
      training_input_mode = "File"
    }
    resource_config {
      instance_type     = "${job.instanceType}"
      instance_count    = ${job.count}
      volume_size_in_gb = 50
    }
    stopping_condition {
      max_runtime_in_seconds = 86400
    }
    output_data_config {
      s3_output_path = "s3://bucket/output"
    }
  }
`;

function trainingJobEverywhere(job: Job): Written[] {
  return [
    { name: 'SDK v2 estimator', api: 'v2', format: 'python', code: sdkV2(job) },
    { name: 'SDK v2 estimator in a notebook', api: 'v2', format: 'notebook', code: notebookJson([sdkV2(job)]) },
    { name: 'SDK v3 ModelTrainer', api: 'v3', format: 'python', code: sdkV3('sagemaker.train')(job) },
    { name: 'ModelTrainer under sagemaker.modules (SDK 2.x preview)', api: 'v3', format: 'python', code: sdkV3('sagemaker.modules')(job) },
    { name: 'boto3 create_training_job', api: 'boto3', format: 'python', code: boto3(job) },
    { name: 'Terraform aws_sagemaker_training_job', api: 'terraform', format: 'terraform', code: terraform(job) },
  ];
}

/** A tuning job on a spot job that is set up well, so only the tuning rules speak. */
interface Tuning {
  strategy: string;
  maxJobs: number;
}

const tunedEstimator = 'PyTorch(entry_point="train.py", role=role, framework_version="2.3", py_version="py311", instance_type="ml.m5.xlarge", instance_count=1, max_run=3600, use_spot_instances=True, max_wait=7200, checkpoint_s3_uri="s3://bucket/checkpoints")';

function tuningJobEverywhere({ strategy, maxJobs }: Tuning): Written[] {
  const sdk = (module: string) => dedent`
    from sagemaker.pytorch import PyTorch
    from ${module} import HyperparameterTuner
    from sagemaker.tuner import ContinuousParameter
    estimator = ${tunedEstimator}
    tuner = HyperparameterTuner(estimator, "validation:loss", {"lr": ContinuousParameter(0.001, 0.1)}, strategy="${strategy}", max_jobs=${maxJobs}, max_parallel_jobs=2)
    tuner.fit({"train": "s3://bucket/train"})
  `;
  const client = dedent`
    import boto3
    sm = boto3.client("sagemaker")
    sm.create_hyper_parameter_tuning_job(
        HyperParameterTuningJobName="tune",
        HyperParameterTuningJobConfig={"Strategy": "${strategy}", "ResourceLimits": {"MaxNumberOfTrainingJobs": ${maxJobs}, "MaxParallelTrainingJobs": 2}, "HyperParameterTuningJobObjective": {"Type": "Minimize", "MetricName": "validation:loss"}},
        TrainingJobDefinition={"AlgorithmSpecification": {"TrainingImage": "${pytorchImage}", "TrainingInputMode": "File"}, "RoleArn": role, "ResourceConfig": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 50}, "StoppingCondition": {"MaxRuntimeInSeconds": 3600, "MaxWaitTimeInSeconds": 7200}, "EnableManagedSpotTraining": True, "CheckpointConfig": {"S3Uri": "s3://bucket/checkpoints"}, "OutputDataConfig": {"S3OutputPath": "s3://bucket/output"}},
    )
  `;
  const hcl = dedent`
    resource "aws_sagemaker_hyper_parameter_tuning_job" "tune" {
      name = "tune"
      config {
        strategy = "${strategy}"
        objective {
          metric_name = "validation:loss"
          type        = "Minimize"
        }
        resource_limits {
          max_number_of_training_jobs = ${maxJobs}
          max_parallel_training_jobs  = 2
        }
      }
      training_job_definition {
        role_arn                     = aws_iam_role.sagemaker.arn
        enable_managed_spot_training = true
        algorithm_specification {
          training_image      = "${pytorchImage}"
          training_input_mode = "File"
        }
        resource_config {
          instance_type     = "ml.m5.xlarge"
          instance_count    = 1
          volume_size_in_gb = 50
        }
        stopping_condition {
          max_runtime_in_seconds   = 3600
          max_wait_time_in_seconds = 7200
        }
        checkpoint_config {
          s3_uri = "s3://bucket/checkpoints"
        }
        output_data_config {
          s3_output_path = "s3://bucket/output"
        }
      }
    }
  `;
  return [
    { name: 'SDK v2 tuner', api: 'v2', format: 'python', code: sdk('sagemaker.tuner') },
    { name: 'SDK v2 tuner in a notebook', api: 'v2', format: 'notebook', code: notebookJson([sdk('sagemaker.tuner')]) },
    { name: 'SDK v3 tuner', api: 'v3', format: 'python', code: sdk('sagemaker.train.tuner') },
    { name: 'boto3 create_hyper_parameter_tuning_job', api: 'boto3', format: 'python', code: client },
    { name: 'Terraform aws_sagemaker_hyper_parameter_tuning_job', api: 'terraform', format: 'terraform', code: hcl },
  ];
}

/** Rules whose setting a writing does not have: compared over the other writings. */
const lacking: Record<string, ReadonlyArray<Written['api']>> = {
  // SDK v3's ModelTrainer takes no Debugger rules.
  SML208: ['v3'],
  // SDK v3 removed TrainingCompilerConfig; boto3 writes the compiler as hyperparameters the analysis does not read;
  // aws_sagemaker_training_job has no Training Compiler setting (terraform-provider-aws, internal/service/sagemaker/training_job.go).
  SML209: ['v3', 'boto3', 'terraform'],
};

interface Verdict {
  ruleId: string;
  suggested: string[];
  figures: string;
}

const instanceTypes = /\bml\.[a-z0-9-]+\.[a-z0-9]+\b/g;
const trainingRules = new Set(allRules.filter((r) => /^SML2\d\d$/.test(r.id)).map((r) => r.id));

function verdicts(written: Written, ownType: string): Verdict[] {
  const linter = createTestLinter();
  const fileName = written.format === 'notebook' ? 'train.ipynb' : written.format === 'terraform' ? 'main.tf' : 'train.py';
  const result = linter.lint(fileName, written.code, { settings: resolveRuleSettings(allRules), format: written.format });
  assert.deepEqual(result.ruleErrors, [], `${written.name}: a rule threw`);
  return result.findings
    .filter((f: Finding) => trainingRules.has(f.ruleId) && !lacking[f.ruleId]?.includes(written.api))
    .map((f) => ({
      ruleId: f.ruleId,
      suggested: [...new Set(f.message.match(instanceTypes) ?? [])].filter((t) => t !== ownType).sort(),
      figures: f.effect ? JSON.stringify({ effect: f.effect, savings: savingsForEffect(f.effect, { region: 'us-east-1' }) }) : 'no effect',
    }))
    .sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.figures.localeCompare(b.figures));
}

const rows: Array<{ resource: string; written: Written[]; ownType: string; expect: { ruleIds: string[]; priced?: string[] } }> = [
  {
    resource: 'a PyTorch job on one on-demand GPU',
    written: trainingJobEverywhere({ framework: 'pytorch', instanceType: 'ml.p3.2xlarge', count: 1, spot: false }),
    ownType: 'ml.p3.2xlarge',
    expect: { ruleIds: ['SML203', 'SML207', 'SML208'], priced: ['SML203', 'SML207'] },
  },
  {
    resource: 'a scikit-learn job on a GPU (no GPU use, on demand)',
    written: trainingJobEverywhere({ framework: 'sklearn', instanceType: 'ml.g4dn.xlarge', count: 1, spot: false }),
    ownType: 'ml.g4dn.xlarge',
    expect: { ruleIds: ['SML203', 'SML206', 'SML208'], priced: ['SML203', 'SML206'] },
  },
  {
    resource: 'a PyTorch job on one on-demand GPU with SageMaker Training Compiler',
    written: trainingJobEverywhere({ framework: 'pytorch', instanceType: 'ml.p3.2xlarge', count: 1, spot: false, compiler: true }),
    ownType: 'ml.p3.2xlarge',
    expect: { ruleIds: ['SML203', 'SML207', 'SML208', 'SML209'], priced: ['SML203', 'SML207'] },
  },
  {
    resource: 'a PyTorch spot job on a CPU with no wait limit and no checkpoints',
    written: trainingJobEverywhere({ framework: 'pytorch', instanceType: 'ml.m5.xlarge', count: 1, spot: true }),
    ownType: 'ml.m5.xlarge',
    expect: { ruleIds: ['SML204', 'SML205'] },
  },
  {
    resource: 'a Random search tuning job with a job limit and no early stopping',
    written: tuningJobEverywhere({ strategy: 'Random', maxJobs: 20 }),
    ownType: 'ml.m5.xlarge',
    expect: { ruleIds: ['SML201', 'SML202'] },
  },
  {
    resource: 'a Grid search tuning job',
    written: tuningJobEverywhere({ strategy: 'Grid', maxJobs: 12 }),
    ownType: 'ml.m5.xlarge',
    expect: { ruleIds: ['SML201', 'SML202'] },
  },
];

describe('one verdict per training or tuning job, whatever writes it', () => {
  for (const row of rows) {
    describe(row.resource, () => {
      let all: Array<{ written: Written; verdicts: Verdict[] }> = [];
      before(() => {
        all = row.written.map((w) => ({ written: w, verdicts: verdicts(w, row.ownType) }));
      });

      it('the same rule ids in every writing', () => {
        for (const { written: w, verdicts: v } of all) {
          const expected = row.expect.ruleIds.filter((id) => !lacking[id]?.includes(w.api));
          assert.deepEqual(v.map((x) => x.ruleId), expected, w.name);
        }
      });

      it('the same suggested types and the same figures in every writing', () => {
        const [first, ...rest] = all;
        for (const { written: w, verdicts: v } of rest) {
          const same = (x: Verdict) => v.some((y) => y.ruleId === x.ruleId);
          assert.deepEqual(
            v.map((x) => `${x.ruleId} ${x.suggested.join(' ')} ${x.figures}`),
            first.verdicts.filter(same).map((x) => `${x.ruleId} ${x.suggested.join(' ')} ${x.figures}`),
            `${w.name} against ${first.written.name}`,
          );
        }
      });

      it('every finding says what its change does, and the ones that change capacity are priced', () => {
        for (const { written: w, verdicts: v } of all) {
          for (const x of v) assert.notEqual(x.figures, 'no effect', `${w.name}: ${x.ruleId} says what its change does`);
          for (const id of row.expect.priced ?? []) {
            const verdict = v.find((x) => x.ruleId === id);
            assert.ok(verdict && JSON.parse(verdict.figures).savings.length > 0, `${w.name}: ${id} has a figure`);
          }
        }
      });
    });
  }
});

/** What this test compares, for `consistencyCoverage.test.ts` (a new table of rows joins it). */
export const compared: ComparedForm[] = comparedForms('training and tuning jobs', rows, (row) => ({
  resource: row.resource,
  forms: row.written.map((w) => ({ format: w.format, ruleIds: row.expect.ruleIds.filter((id) => !lacking[id]?.includes(w.api)) })),
}));
