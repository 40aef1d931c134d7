import * as assert from 'node:assert/strict';
import { resolveRuleSettings } from '../../src/core/config';
import { defineRule } from '../../src/core/defineRule';
import type { TrainingJobRecord, TuningJobRecord } from '../../src/model/records';
import { visitTraining } from '../../src/model/trainingJobs';
import { dedent } from '../kit/dedent';
import { createTestLinter } from '../kit/languages';

/** The training and tuning job records a Python file gives, in the order the adapters hand them out. */
function recordsOf(code: string): { jobs: TrainingJobRecord[]; tunings: TuningJobRecord[] } {
  const jobs: TrainingJobRecord[] = [];
  const tunings: TuningJobRecord[] = [];
  const probe = defineRule({
    id: 'SML999',
    name: 'training-probe',
    meta: { category: 'training', defaultSeverity: 'hint', formats: ['py'], description: 'probe', messages: { m: 'm' }, fixes: [], wellArchitected: [], options: {} },
    create: (context) => visitTraining(context, { trainingJob: (job) => jobs.push(job), tuningJob: (tuning) => tunings.push(tuning) }),
  });
  const result = createTestLinter({ rules: [probe] }).lint('train.py', code, { settings: resolveRuleSettings([probe]), format: 'python' });
  assert.deepEqual(result.ruleErrors, []);
  return { jobs, tunings };
}

describe('training and tuning job records (Python adapters)', () => {
  it('an SDK v2 estimator: known, unknown and absent fields, with where each is written', () => {
    const code = dedent`
      from sagemaker.pytorch import PyTorch
      est = PyTorch(entry_point="train.py", instance_type="ml.g5.xlarge", instance_count=count, max_run=3600, use_spot_instances=True)
    `;
    const [job] = recordsOf(code).jobs;
    assert.equal(job.writing, 'estimator');
    assert.equal(job.framework, 'pytorch');
    assert.deepEqual(job.instanceType && { known: job.instanceType.known, value: job.instanceType.known && job.instanceType.value, at: code.slice(job.instanceType.anchor.start, job.instanceType.anchor.end) }, { known: true, value: 'ml.g5.xlarge', at: 'instance_type="ml.g5.xlarge"' });
    assert.deepEqual(job.instanceCount && !job.instanceCount.known && job.instanceCount.reason, 'variable');
    assert.deepEqual(job.maxRunSeconds?.known && job.maxRunSeconds.value, 3600);
    assert.equal(job.spot?.known && job.spot.value, true);
    assert.equal(job.maxWait, 'absent');
    assert.equal(job.checkpoint, 'absent');
    assert.equal(job.distribution, 'absent');
    assert.equal(job.utilizationRule, 'absent');
    assert.equal(job.tunedBy, undefined);
  });

  it('the same job in SDK v3 and boto3 gives the same fields; boto3 leaves the distribution to the image', () => {
    const { jobs } = recordsOf(dedent`
      import boto3
      from sagemaker.train import ModelTrainer
      from sagemaker.train.configs import Compute
      t = ModelTrainer(training_image="763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311", compute=Compute(instance_type="ml.g5.xlarge", instance_count=1, enable_managed_spot_training=True))
      boto3.client("sagemaker").create_training_job(AlgorithmSpecification={"TrainingImage": "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311"}, ResourceConfig={"InstanceType": "ml.g5.xlarge", "InstanceCount": 1}, EnableManagedSpotTraining=True, StoppingCondition={"MaxRuntimeInSeconds": 3600})
    `);
    const summary = (j: TrainingJobRecord) => [j.framework, j.instanceType?.known && j.instanceType.value, j.instanceCount?.known && j.instanceCount.value, j.spot?.known && j.spot.value, j.maxWait, j.checkpoint];
    assert.deepEqual(jobs.map((j) => j.writing), ['model-trainer', 'boto3']);
    assert.deepEqual(summary(jobs[0]), summary(jobs[1]));
    assert.deepEqual(jobs.map((j) => j.distribution), ['absent', 'unknown']);
    assert.deepEqual(jobs.map((j) => j.utilizationRule), [undefined, 'absent']);
    assert.deepEqual(jobs[1].maxRunSeconds?.known && jobs[1].maxRunSeconds.value, 3600);
  });

  it('links each job to the tuner that runs it: SDK tuner over an estimator, boto3 training job definitions', () => {
    const { jobs, tunings } = recordsOf(dedent`
      import boto3
      from sagemaker.estimator import Estimator
      from sagemaker.tuner import HyperparameterTuner
      est = Estimator(image_uri=image, role=role, instance_type="ml.m5.xlarge", instance_count=1)
      tuner = HyperparameterTuner(est, "loss", ranges, strategy="Random", max_jobs=10)
      boto3.client("sagemaker").create_hyper_parameter_tuning_job(
          HyperParameterTuningJobConfig={"Strategy": "Grid", "TrainingJobEarlyStoppingType": "Off"},
          TrainingJobDefinitions=[{"DefinitionName": "a", "ResourceConfig": {"InstanceType": "ml.m5.large", "InstanceCount": 1}}, {"DefinitionName": "b", "ResourceConfig": {"InstanceType": "ml.c5.large", "InstanceCount": 1}}],
      )
    `);
    assert.equal(tunings.length, 2);
    const [sdk, client] = tunings;
    assert.deepEqual([sdk.writing, sdk.strategy?.known && sdk.strategy.value, sdk.jobLimit, sdk.earlyStopping], ['tuner', 'Random', 'set', undefined]);
    assert.deepEqual([client.writing, client.strategy?.known && client.strategy.value, client.jobLimit, client.earlyStopping?.known && client.earlyStopping.value], ['boto3', 'Grid', 'absent', 'Off']);
    assert.equal(sdk.jobs.length, 1);
    assert.equal(sdk.jobs[0], jobs[0], 'the tuner runs the estimator the file made');
    assert.equal(jobs[0].tunedBy, sdk);
    assert.deepEqual(client.jobs.map((j) => j.instanceType?.known && j.instanceType.value), ['ml.m5.large', 'ml.c5.large']);
    for (const job of client.jobs) assert.equal(job.tunedBy, client);
    assert.deepEqual(client.jobs.map((j) => j.utilizationRule), [undefined, undefined], 'a training job definition takes no Debugger rules');
  });

  it('a boto3 tuning job without a readable config says nothing of its strategy', () => {
    const { tunings } = recordsOf(dedent`
      import boto3
      boto3.client("sagemaker").create_hyper_parameter_tuning_job(HyperParameterTuningJobConfig=config)
    `);
    assert.equal(tunings[0].strategy?.known, false);
    assert.equal(tunings[0].settingsHidden, true);
  });
});
