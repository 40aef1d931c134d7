import { tuningExhaustiveSearch } from '../../src/rules/tuning-exhaustive-search';
import { dedent } from '../kit/dedent';
import { RuleTester } from '../kit/ruleTester';
import { tfTuningJob } from '../kit/tfTraining';

const exhaustive = (strategy: string, line: number, column: number, length: number) => ({
  messageId: 'exhaustive',
  data: { strategy },
  line,
  column,
  endLine: line,
  endColumn: column + length,
});

new RuleTester().run(tuningExhaustiveSearch, {
  valid: [
    {
      name: "Terraform: strategy from a variable: unknown, silent",
      format: 'terraform',
      code: dedent`
        resource "aws_sagemaker_hyper_parameter_tuning_job" "tune" {
          name = "tune"

          config {
            strategy = var.strategy
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
      name: "Terraform: Bayesian search",
      format: 'terraform',
      code: tfTuningJob({ strategy: 'Bayesian', earlyStopping: 'Auto' }),
    },
    {
      name: 'Bayesian, with early stopping',
      format: 'python',
      code: dedent`
        from sagemaker.tuner import HyperparameterTuner
        tuner = HyperparameterTuner(estimator, "validation:rmse", ranges, strategy="Bayesian", early_stopping_type="Auto")
      `,
    },
    {
      name: 'no strategy is Bayesian',
      format: 'python',
      code: dedent`
        from sagemaker.tuner import HyperparameterTuner
        tuner = HyperparameterTuner(estimator, "validation:rmse", ranges, early_stopping_type="Auto")
      `,
    },
    {
      name: 'Hyperband never fires',
      format: 'python',
      code: dedent`
        from sagemaker.tuner import HyperparameterTuner
        tuner = HyperparameterTuner(estimator, "validation:rmse", ranges, strategy="Hyperband")
      `,
    },
    {
      name: 'a strategy from a parameter is unknown: silent',
      format: 'python',
      code: dedent`
        from sagemaker.tuner import HyperparameterTuner
        def tune(strategy):
            return HyperparameterTuner(estimator, "loss", ranges, strategy=strategy, early_stopping_type="Auto")
      `,
    },
    {
      name: "sklearn's strategy= is not a tuner",
      format: 'python',
      code: dedent`
        from sklearn.impute import SimpleImputer
        from sklearn.model_selection import GridSearchCV
        imputer = SimpleImputer(strategy="Random")
      `,
    },
    {
      name: 'commented-out code never fires',
      format: 'python',
      code: dedent`
        from sagemaker.tuner import HyperparameterTuner
        # tuner = HyperparameterTuner(estimator, "loss", ranges, strategy="Grid")
      `,
    },
    {
      name: 'boto3 Bayesian',
      format: 'python',
      code: dedent`
        import boto3
        sm = boto3.client("sagemaker")
        sm.create_hyper_parameter_tuning_job(
            HyperParameterTuningJobName="hpo",
            HyperParameterTuningJobConfig={"Strategy": "Bayesian", "TrainingJobEarlyStoppingType": "Auto"},
        )
      `,
    },
  ],
  invalid: [
    {
      name: "Terraform: Random search; the fix writes Bayesian",
      format: 'terraform',
      code: tfTuningJob({ strategy: 'Random', earlyStopping: 'Auto' }),
      errors: [exhaustive('Random', 5, 5, 8)],
      output: dedent`
        resource "aws_sagemaker_hyper_parameter_tuning_job" "tune" {
          name = "tune"

          config {
            strategy = "Bayesian"
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
      name: "Terraform: Grid search with no job limit: reported, no fix",
      format: 'terraform',
      code: dedent`
        resource "aws_sagemaker_hyper_parameter_tuning_job" "tune" {
          name = "tune"

          config {
            strategy = "Grid"
            training_job_early_stopping_type = "Auto"

            objective {
              metric_name = "validation:loss"
              type        = "Minimize"
            }

            resource_limits {
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
      errors: [exhaustive('Grid', 5, 5, 8)],
      output: null,
    },
    {
      name: 'Random on the SDK tuner: replaced, quotes kept',
      format: 'python',
      code: dedent`
        from sagemaker.tuner import HyperparameterTuner
        tuner = HyperparameterTuner(estimator, 'loss', ranges, strategy='Random', max_jobs=20, early_stopping_type='Auto')
      `,
      errors: [exhaustive('Random', 2, 56, 17)],
      output: dedent`
        from sagemaker.tuner import HyperparameterTuner
        tuner = HyperparameterTuner(estimator, 'loss', ranges, strategy='Bayesian', max_jobs=20, early_stopping_type='Auto')
      `,
    },
    {
      name: 'Grid through a module constant and an alias: reported on the argument, no fix (the constant may be shared)',
      format: 'python',
      code: dedent`
        import sagemaker as sm
        STRATEGY = "Grid"
        tuner = sm.tuner.HyperparameterTuner(est, "loss", ranges, strategy=STRATEGY, max_jobs=9, early_stopping_type="Auto")
      `,
      errors: [exhaustive('Grid', 3, 59, 17)],
      output: null,
    },
    {
      name: 'Grid without max_jobs: no fix (Bayesian would then run a single job)',
      format: 'python',
      code: dedent`
        from sagemaker.tuner import HyperparameterTuner
        tuner = HyperparameterTuner(est, "loss", ranges, strategy="Grid", early_stopping_type="Auto")
      `,
      errors: [exhaustive('Grid', 2, 50, 15)],
      output: null,
    },
    {
      name: 'SDK v3 tuner (sagemaker.train.tuner)',
      format: 'python',
      code: dedent`
        from sagemaker.train.tuner import HyperparameterTuner
        tuner = HyperparameterTuner(model_trainer=trainer, objective_metric_name="loss", hyperparameter_ranges=ranges, strategy="Random", max_jobs=8, early_stopping_type="Auto")
      `,
      errors: [exhaustive('Random', 2, 112, 17)],
      output: dedent`
        from sagemaker.train.tuner import HyperparameterTuner
        tuner = HyperparameterTuner(model_trainer=trainer, objective_metric_name="loss", hyperparameter_ranges=ranges, strategy="Bayesian", max_jobs=8, early_stopping_type="Auto")
      `,
    },
    {
      name: 'HyperparameterTuner.create',
      format: 'python',
      code: dedent`
        from sagemaker.tuner import HyperparameterTuner
        tuner = HyperparameterTuner.create(estimator_dict=estimators, objective_metric_name_dict=metrics, hyperparameter_ranges_dict=ranges, strategy="Random", early_stopping_type="Auto")
      `,
      errors: [exhaustive('Random', 2, 134, 17)],
      output: dedent`
        from sagemaker.tuner import HyperparameterTuner
        tuner = HyperparameterTuner.create(estimator_dict=estimators, objective_metric_name_dict=metrics, hyperparameter_ranges_dict=ranges, strategy="Bayesian", early_stopping_type="Auto")
      `,
    },
    {
      name: 'boto3 tuning job config: reported on the Strategy pair',
      format: 'python',
      code: dedent`
        import boto3
        client = boto3.client("sagemaker")
        client.create_hyper_parameter_tuning_job(
            HyperParameterTuningJobName="hpo",
            HyperParameterTuningJobConfig={
                "Strategy": "Random",
                "ResourceLimits": {"MaxNumberOfTrainingJobs": 30, "MaxParallelTrainingJobs": 3},
                "TrainingJobEarlyStoppingType": "Auto",
            },
        )
      `,
      errors: [exhaustive('Random', 6, 9, 20)],
      output: dedent`
        import boto3
        client = boto3.client("sagemaker")
        client.create_hyper_parameter_tuning_job(
            HyperParameterTuningJobName="hpo",
            HyperParameterTuningJobConfig={
                "Strategy": "Bayesian",
                "ResourceLimits": {"MaxNumberOfTrainingJobs": 30, "MaxParallelTrainingJobs": 3},
                "TrainingJobEarlyStoppingType": "Auto",
            },
        )
      `,
    },
  ],
});
