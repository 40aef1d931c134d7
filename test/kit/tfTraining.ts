/**
 * Terraform training and tuning jobs for table tests, written the way the provider documents them
 * (hashicorp/terraform-provider-aws, `website/docs/r/sagemaker_training_job.html.markdown` and
 * `sagemaker_hyper_parameter_tuning_job.html.markdown`): one builder instead of the same resource
 * pasted into every case.
 */

export interface TfJobOptions {
  /** The `instance_type` expression as written: `"ml.m5.xlarge"` or `var.instance_type`. */
  instanceType: string;
  /** The `training_image` expression; a variable by default (no framework known). */
  image?: string;
  /** `enable_managed_spot_training`, written when given. */
  spot?: boolean;
  /** With spot on: write `max_wait_time_in_seconds` (default) and a `checkpoint_config` (default). */
  maxWait?: boolean;
  checkpoint?: boolean;
  /** Lines added before the closing brace (already indented). */
  extra?: string;
}

/** An `aws_sagemaker_training_job` named `train`. */
export function tfTrainingJob(o: TfJobOptions): string {
  const lines = ['resource "aws_sagemaker_training_job" "train" {', '  training_job_name = "train"', '  role_arn          = aws_iam_role.sagemaker.arn'];
  if (o.spot !== undefined) lines.push(`  enable_managed_spot_training = ${o.spot}`);
  lines.push('', '  algorithm_specification {', `    training_image      = ${o.image ?? 'var.training_image'}`, '    training_input_mode = "File"', '  }', '');
  lines.push('  output_data_config {', '    s3_output_path = "s3://ml-team/output"', '  }', '');
  lines.push('  resource_config {', `    instance_type     = ${o.instanceType}`, '    instance_count    = 1', '    volume_size_in_gb = 50', '  }', '');
  lines.push('  stopping_condition {', '    max_runtime_in_seconds = 3600');
  if (o.spot && o.maxWait !== false) lines.push('    max_wait_time_in_seconds = 7200');
  lines.push('  }');
  if (o.spot && o.checkpoint !== false) lines.push('', '  checkpoint_config {', '    s3_uri = "s3://ml-team/checkpoints"', '  }');
  if (o.extra) lines.push('', ...o.extra.split('\n'));
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** An `aws_sagemaker_hyper_parameter_tuning_job` named `tune` whose one training job definition is a well set-up spot job on `ml.m5.xlarge`. */
export function tfTuningJob(o: { strategy: string; earlyStopping?: string; instanceType?: string }): string {
  return `${[
    'resource "aws_sagemaker_hyper_parameter_tuning_job" "tune" {',
    '  name = "tune"',
    '',
    '  config {',
    `    strategy = "${o.strategy}"`,
    ...(o.earlyStopping ? [`    training_job_early_stopping_type = "${o.earlyStopping}"`] : []),
    '',
    '    objective {',
    '      metric_name = "validation:loss"',
    '      type        = "Minimize"',
    '    }',
    '',
    '    resource_limits {',
    '      max_number_of_training_jobs = 20',
    '      max_parallel_training_jobs  = 2',
    '    }',
    '  }',
    '',
    '  training_job_definition {',
    '    role_arn                     = aws_iam_role.sagemaker.arn',
    '    enable_managed_spot_training = true',
    '',
    '    algorithm_specification {',
    '      training_image      = var.training_image',
    '      training_input_mode = "File"',
    '    }',
    '',
    '    output_data_config {',
    '      s3_output_path = "s3://ml-team/tuning"',
    '    }',
    '',
    '    resource_config {',
    `      instance_type  = "${o.instanceType ?? 'ml.m5.xlarge'}"`,
    '      instance_count = 1',
    '    }',
    '',
    '    stopping_condition {',
    '      max_runtime_in_seconds   = 3600',
    '      max_wait_time_in_seconds = 7200',
    '    }',
    '',
    '    checkpoint_config {',
    '      s3_uri = "s3://ml-team/checkpoints"',
    '    }',
    '  }',
    '}',
  ].join('\n')}\n`;
}

/** A profiler rule configuration running LowGPUUtilization, as lines of a training job. */
export const tfProfilerRule = [
  '  profiler_rule_configurations {',
  '    rule_configuration_name = "LowGPUUtilization"',
  '    rule_evaluator_image    = "503895931360.dkr.ecr.us-east-1.amazonaws.com/sagemaker-debugger-rules:latest"',
  '    rule_parameters = {',
  '      rule_to_invoke = "LowGPUUtilization"',
  '    }',
  '  }',
].join('\n');

export const tfPytorchImage = '"763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311-cu121-ubuntu20.04-sagemaker"';
export const tfSklearnImage = '"683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3"';
