import { tuningNoEarlyStopping } from '../../src/rules/tuning-no-early-stopping';
import { dedent } from '../kit/dedent';
import { RuleTester } from '../kit/ruleTester';
import { tfTuningJob } from '../kit/tfTraining';

const noEarlyStopping = (line: number, column: number, length: number) => ({ messageId: 'noEarlyStopping', line, column, endLine: line, endColumn: column + length });

new RuleTester().run(tuningNoEarlyStopping, {
  valid: [
    {
      name: "Terraform: early stopping from a variable: silent",
      format: 'terraform',
      code: dedent`
        resource "aws_sagemaker_hyper_parameter_tuning_job" "tune" {
          name = "tune"

          config {
            strategy = "Bayesian"
            training_job_early_stopping_type = var.early_stopping

            objective {
              metric_name = "validation:loss"
              type        = "Minimize"
            }

            resource_limits {
              max_number_of_training_jobs = 20
              max_parallel_training_jobs  = 2
            }
          }

          training_job_definition {
            role_arn                     = aws_iam_role.sagemaker.arn
            enable_managed_spot_training = true

            algorithm_specification {
              training_image      = var.training_image
              training_input_mode = "File"
            }

            output_data_config {
              s3_output_path = "s3://ml-team/tuning"
            }

            resource_config {
              instance_type  = "ml.m5.xlarge"
              instance_count = 1
            }

            stopping_condition {
              max_runtime_in_seconds   = 3600
              max_wait_time_in_seconds = 7200
            }

            checkpoint_config {
              s3_uri = "s3://ml-team/checkpoints"
            }
          }
        }
      `,
    },
    {
      name: "Terraform: Hyperband stops jobs itself: silent",
      format: 'terraform',
      code: tfTuningJob({ strategy: 'Hyperband' }),
    },
    {
      name: "Terraform: strategy from a variable (may be Hyperband): silent",
      format: 'terraform',
      code: dedent`
        resource "aws_sagemaker_hyper_parameter_tuning_job" "tune" {
          name = "tune"

          config {
            strategy = var.strategy

            objective {
              metric_name = "validation:loss"
              type        = "Minimize"
            }

            resource_limits {
              max_number_of_training_jobs = 20
              max_parallel_training_jobs  = 2
            }
          }

          training_job_definition {
            role_arn                     = aws_iam_role.sagemaker.arn
            enable_managed_spot_training = true

            algorithm_specification {
              training_image      = var.training_image
              training_input_mode = "File"
            }

            output_data_config {
              s3_output_path = "s3://ml-team/tuning"
            }

            resource_config {
              instance_type  = "ml.m5.xlarge"
              instance_count = 1
            }

            stopping_condition {
              max_runtime_in_seconds   = 3600
              max_wait_time_in_seconds = 7200
            }

            checkpoint_config {
              s3_uri = "s3://ml-team/checkpoints"
            }
          }
        }
      `,
    },
    {
      name: 'early stopping Auto',
      format: 'python',
      code: dedent`
        from sagemaker.tuner import HyperparameterTuner
        tuner = HyperparameterTuner(est, "loss", ranges, early_stopping_type="Auto")
      `,
    },
    {
      name: 'Hyperband stops jobs itself (and requires early stopping Off)',
      format: 'python',
      code: dedent`
        from sagemaker.tuner import HyperparameterTuner
        tuner = HyperparameterTuner(est, "loss", ranges, strategy="Hyperband", early_stopping_type="Off")
      `,
    },
    {
      name: 'unknown strategy (could be Hyperband): silent',
      format: 'python',
      code: dedent`
        from sagemaker.tuner import HyperparameterTuner
        def tune(strategy):
            return HyperparameterTuner(est, "loss", ranges, strategy=strategy)
      `,
    },
    {
      name: 'unknown **kwargs may hold early_stopping_type: silent',
      format: 'python',
      code: dedent`
        from sagemaker.tuner import HyperparameterTuner
        def tune(**tuning):
            return HyperparameterTuner(est, "loss", ranges, **tuning)
      `,
    },
    {
      name: 'early stopping from a variable: silent',
      format: 'python',
      code: dedent`
        from sagemaker.tuner import HyperparameterTuner
        tuner = HyperparameterTuner(est, "loss", ranges, early_stopping_type=args.early_stopping)
      `,
    },
    {
      name: 'boto3 with TrainingJobEarlyStoppingType Auto',
      format: 'python',
      code: dedent`
        import boto3
        boto3.client("sagemaker").create_hyper_parameter_tuning_job(HyperParameterTuningJobConfig={"Strategy": "Bayesian", "TrainingJobEarlyStoppingType": "Auto"})
      `,
    },
    {
      name: 'boto3 Hyperband',
      format: 'python',
      code: dedent`
        import boto3
        boto3.client("sagemaker").create_hyper_parameter_tuning_job(HyperParameterTuningJobConfig={"Strategy": "Hyperband"})
      `,
    },
  ],
  invalid: [
    {
      name: "Terraform: no training_job_early_stopping_type; the fix adds \"Auto\" to config",
      format: 'terraform',
      code: tfTuningJob({ strategy: 'Bayesian' }),
      errors: [noEarlyStopping(1, 1, 60)],
      output: dedent`
        resource "aws_sagemaker_hyper_parameter_tuning_job" "tune" {
          name = "tune"

          config {
            training_job_early_stopping_type = "Auto"
            strategy = "Bayesian"

            objective {
              metric_name = "validation:loss"
              type        = "Minimize"
            }

            resource_limits {
              max_number_of_training_jobs = 20
              max_parallel_training_jobs  = 2
            }
          }

          training_job_definition {
            role_arn                     = aws_iam_role.sagemaker.arn
            enable_managed_spot_training = true

            algorithm_specification {
              training_image      = var.training_image
              training_input_mode = "File"
            }

            output_data_config {
              s3_output_path = "s3://ml-team/tuning"
            }

            resource_config {
              instance_type  = "ml.m5.xlarge"
              instance_count = 1
            }

            stopping_condition {
              max_runtime_in_seconds   = 3600
              max_wait_time_in_seconds = 7200
            }

            checkpoint_config {
              s3_uri = "s3://ml-team/checkpoints"
            }
          }
        }
      `,
    },
    {
      name: "Terraform: early stopping \"Off\" with the strategy from a literal local: set to \"Auto\"",
      format: 'terraform',
      code: dedent`
        locals {
          strategy = "Random"
        }

        resource "aws_sagemaker_hyper_parameter_tuning_job" "tune" {
          name = "tune"


          config {
            strategy = local.strategy
            training_job_early_stopping_type = "Off"

            objective {
              metric_name = "validation:loss"
              type        = "Minimize"
            }

            resource_limits {
              max_number_of_training_jobs = 20
              max_parallel_training_jobs  = 2
            }
          }

          training_job_definition {
            role_arn                     = aws_iam_role.sagemaker.arn
            enable_managed_spot_training = true

            algorithm_specification {
              training_image      = var.training_image
              training_input_mode = "File"
            }

            output_data_config {
              s3_output_path = "s3://ml-team/tuning"
            }

            resource_config {
              instance_type  = "ml.m5.xlarge"
              instance_count = 1
            }

            stopping_condition {
              max_runtime_in_seconds   = 3600
              max_wait_time_in_seconds = 7200
            }

            checkpoint_config {
              s3_uri = "s3://ml-team/checkpoints"
            }
          }
        }
      `,
      errors: [noEarlyStopping(5, 1, 60)],
      output: dedent`
        locals {
          strategy = "Random"
        }

        resource "aws_sagemaker_hyper_parameter_tuning_job" "tune" {
          name = "tune"


          config {
            strategy = local.strategy
            training_job_early_stopping_type = "Auto"

            objective {
              metric_name = "validation:loss"
              type        = "Minimize"
            }

            resource_limits {
              max_number_of_training_jobs = 20
              max_parallel_training_jobs  = 2
            }
          }

          training_job_definition {
            role_arn                     = aws_iam_role.sagemaker.arn
            enable_managed_spot_training = true

            algorithm_specification {
              training_image      = var.training_image
              training_input_mode = "File"
            }

            output_data_config {
              s3_output_path = "s3://ml-team/tuning"
            }

            resource_config {
              instance_type  = "ml.m5.xlarge"
              instance_count = 1
            }

            stopping_condition {
              max_runtime_in_seconds   = 3600
              max_wait_time_in_seconds = 7200
            }

            checkpoint_config {
              s3_uri = "s3://ml-team/checkpoints"
            }
          }
        }
      `,
    },
    {
      name: 'missing: inserted one per line, trailing comma kept',
      format: 'python',
      code: dedent`
        from sagemaker.tuner import HyperparameterTuner, ContinuousParameter

        tuner = HyperparameterTuner(
            estimator,
            objective_metric_name="validation:accuracy",
            hyperparameter_ranges={"lr": ContinuousParameter(0.0001, 0.1)},
            max_jobs=20,
            max_parallel_jobs=2,
        )
      `,
      errors: [noEarlyStopping(3, 9, 19)],
      output: dedent`
        from sagemaker.tuner import HyperparameterTuner, ContinuousParameter

        tuner = HyperparameterTuner(
            estimator,
            objective_metric_name="validation:accuracy",
            hyperparameter_ranges={"lr": ContinuousParameter(0.0001, 0.1)},
            max_jobs=20,
            max_parallel_jobs=2,
            early_stopping_type="Auto",
        )
      `,
    },
    {
      name: 'missing, no trailing comma, comment after the last argument stays on its line',
      format: 'python',
      code: dedent`
        import sagemaker
        tuner = sagemaker.tuner.HyperparameterTuner(
            estimator,
            'validation:rmse',
            ranges,
            max_jobs=10  # keep the bill small
        )
      `,
      errors: [noEarlyStopping(2, 9, 35)],
      output: dedent`
        import sagemaker
        tuner = sagemaker.tuner.HyperparameterTuner(
            estimator,
            'validation:rmse',
            ranges,
            max_jobs=10,  # keep the bill small
            early_stopping_type='Auto'
        )
      `,
    },
    {
      name: 'missing, one line',
      format: 'python',
      code: dedent`
        from sagemaker.tuner import HyperparameterTuner as Tuner
        tuner = Tuner(est, "loss", ranges, strategy="Bayesian")
      `,
      errors: [noEarlyStopping(2, 9, 5)],
      output: dedent`
        from sagemaker.tuner import HyperparameterTuner as Tuner
        tuner = Tuner(est, "loss", ranges, strategy="Bayesian", early_stopping_type="Auto")
      `,
    },
    {
      name: 'explicit Off: replaced',
      format: 'python',
      code: dedent`
        from sagemaker.tuner import HyperparameterTuner
        tuner = HyperparameterTuner(est, "loss", ranges, early_stopping_type="Off")
      `,
      errors: [noEarlyStopping(2, 9, 19)],
      output: dedent`
        from sagemaker.tuner import HyperparameterTuner
        tuner = HyperparameterTuner(est, "loss", ranges, early_stopping_type="Auto")
      `,
    },
    {
      name: 'boto3 config dict without the key: inserted in the dict',
      format: 'python',
      code: dedent`
        import boto3
        sm = boto3.client("sagemaker")
        tuning_config = {
            "Strategy": "Bayesian",
            "ResourceLimits": {"MaxNumberOfTrainingJobs": 20, "MaxParallelTrainingJobs": 2},
        }
        sm.create_hyper_parameter_tuning_job(HyperParameterTuningJobName="hpo", HyperParameterTuningJobConfig=tuning_config)
      `,
      errors: [noEarlyStopping(7, 1, 36)],
      output: dedent`
        import boto3
        sm = boto3.client("sagemaker")
        tuning_config = {
            "Strategy": "Bayesian",
            "ResourceLimits": {"MaxNumberOfTrainingJobs": 20, "MaxParallelTrainingJobs": 2},
            "TrainingJobEarlyStoppingType": "Auto",
        }
        sm.create_hyper_parameter_tuning_job(HyperParameterTuningJobName="hpo", HyperParameterTuningJobConfig=tuning_config)
      `,
    },
    {
      name: 'boto3 Off: replaced',
      format: 'python',
      code: dedent`
        import boto3
        sm = boto3.client("sagemaker")
        sm.create_hyper_parameter_tuning_job(HyperParameterTuningJobConfig={"Strategy": "Bayesian", "TrainingJobEarlyStoppingType": "Off"})
      `,
      errors: [noEarlyStopping(3, 1, 36)],
      output: dedent`
        import boto3
        sm = boto3.client("sagemaker")
        sm.create_hyper_parameter_tuning_job(HyperParameterTuningJobConfig={"Strategy": "Bayesian", "TrainingJobEarlyStoppingType": "Auto"})
      `,
    },
  ],
});
