import { trainingNoSpot } from '../../src/rules/training-no-spot';
import { dedent } from '../kit/dedent';
import { RuleTester } from '../kit/ruleTester';
import { tfTrainingJob } from '../kit/tfTraining';

const noSpot = (line: number, column: number, length: number) => ({ messageId: 'noSpot', line, column, endLine: line, endColumn: column + length });

new RuleTester().run(trainingNoSpot, {
  valid: [
    {
      name: "Terraform: spot from a variable: may be on, silent",
      format: 'terraform',
      code: dedent`
        resource "aws_sagemaker_training_job" "train" {
          training_job_name = "train"
          enable_managed_spot_training = var.use_spot
          role_arn          = aws_iam_role.sagemaker.arn

          algorithm_specification {
            training_image      = var.training_image
            training_input_mode = "File"
          }

          output_data_config {
            s3_output_path = "s3://ml-team/output"
          }

          resource_config {
            instance_type     = "ml.m5.xlarge"
            instance_count    = 1
            volume_size_in_gb = 50
          }

          stopping_condition {
            max_runtime_in_seconds = 3600
          }
        }
      `,
    },
    {
      name: "Terraform: a serverless training job has no instances to judge",
      format: 'terraform',
      code: dedent`
        resource "aws_sagemaker_training_job" "train" {
          training_job_name = "fine-tune"
          role_arn          = aws_iam_role.sagemaker.arn

          output_data_config {
            s3_output_path = "s3://ml-team/output"
          }

          serverless_job_config {
            base_model_arn = var.base_model_arn
            job_type       = "FINE_TUNING"
          }
        }
      `,
    },
    {
      name: "Terraform: training job definitions from a dynamic block: unknown, silent",
      format: 'terraform',
      code: dedent`
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

          dynamic "training_job_definitions" {
            for_each = var.definitions
            content {
              role_arn = training_job_definitions.value.role_arn
            }
          }
        }
      `,
    },
    {
      name: "Terraform: spot on, with wait time and checkpoints",
      format: 'terraform',
      code: tfTrainingJob({ instanceType: '"ml.m5.xlarge"', spot: true }),
    },
    {
      name: 'spot with max_wait and checkpoints',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorch
        est = PyTorch(entry_point="train.py", instance_type="ml.g5.xlarge", use_spot_instances=True, max_wait=7200, max_run=3600, checkpoint_s3_uri="s3://b/ckpt")
      `,
    },
    {
      name: 'local mode never fires',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorch
        from sagemaker.estimator import Estimator
        a = PyTorch(entry_point="train.py", instance_type="local")
        INSTANCE = "local_gpu"
        b = Estimator(image_uri="img", instance_type=INSTANCE)
        c = Estimator(image_uri="img", instance_type="local" if args.local else "ml.m5.xlarge")
      `,
    },
    {
      name: 'instance type assigned in both branches of a local-mode switch: may be local, silent',
      format: 'python',
      code: dedent`
        from sagemaker.sklearn import SKLearn
        local_mode = True
        if local_mode:
            instance_type = "local"
        else:
            instance_type = "ml.m5.xlarge"
        est = SKLearn(entry_point="train.py", framework_version="1.2-1", instance_type=instance_type)
      `,
    },
    {
      name: 'a LocalSession passed in, or imported while the instance type is unresolved: local mode, silent',
      format: 'python',
      code: dedent`
        from sagemaker.local import LocalSession
        from sagemaker.tensorflow import TensorFlow
        a = TensorFlow(entry_point="train.py", instance_type="ml.c5.xlarge", sagemaker_session=LocalSession())
        config = get_config()
        b = TensorFlow(entry_point="train.py", instance_type=config["instance_type"], sagemaker_session=config["sagemaker_session"])
      `,
    },
    {
      name: 'SDK v1 argument names: train_use_spot_instances counts',
      format: 'python',
      code: dedent`
        from sagemaker.estimator import Estimator
        est = Estimator(image, role, train_instance_count=1, train_instance_type="ml.p3.2xlarge", train_use_spot_instances=True, train_max_wait=7200, checkpoint_s3_uri="s3://b/c")
      `,
    },
    {
      name: 'SDK v3 ModelTrainer with spot in its Compute, and one in local-container mode',
      format: 'python',
      code: dedent`
        from sagemaker.train import ModelTrainer
        from sagemaker.train.configs import CheckpointConfig, Compute, StoppingCondition
        from sagemaker.train.model_trainer import Mode
        spot = ModelTrainer(
            training_image=image,
            compute=Compute(instance_type="ml.g5.xlarge", instance_count=1, enable_managed_spot_training=True),
            stopping_condition=StoppingCondition(max_runtime_in_seconds=3600, max_wait_time_in_seconds=7200),
            checkpoint_config=CheckpointConfig(s3_uri="s3://b/ckpt"),
        )
        local = ModelTrainer(training_image=image, training_mode=Mode.LOCAL_CONTAINER)
      `,
    },
    {
      name: 'boto3 tuning job: definitions with spot, from an unknown variable, or with unknown keys spread in: silent',
      format: 'python',
      code: dedent`
        import boto3
        sm = boto3.client("sagemaker")
        sm.create_hyper_parameter_tuning_job(HyperParameterTuningJobName="a", TrainingJobDefinition={"EnableManagedSpotTraining": True, "StoppingCondition": {"MaxRuntimeInSeconds": 60, "MaxWaitTimeInSeconds": 120}, "CheckpointConfig": {"S3Uri": "s3://b/c"}})
        sm.create_hyper_parameter_tuning_job(HyperParameterTuningJobName="b", TrainingJobDefinition=definition)
        sm.create_hyper_parameter_tuning_job(HyperParameterTuningJobName="c", TrainingJobDefinitions=[{**base, "DefinitionName": "d"}])
      `,
    },
    {
      name: 'use_spot_instances from a variable: silent',
      format: 'python',
      code: dedent`
        from sagemaker.xgboost import XGBoost
        est = XGBoost(entry_point="train.py", framework_version="1.7-1", use_spot_instances=args.spot)
      `,
    },
    {
      name: 'unknown **kwargs may enable spot: silent',
      format: 'python',
      code: dedent`
        from sagemaker.huggingface import HuggingFace
        def make(**kwargs):
            return HuggingFace(entry_point="train.py", **kwargs)
      `,
    },
    {
      name: 'tf.estimator.Estimator is not a SageMaker estimator',
      format: 'python',
      code: dedent`
        import tensorflow as tf
        est = tf.estimator.Estimator(model_fn=model_fn, model_dir="/tmp/m")
      `,
    },
    {
      name: 'models and processors are not training jobs',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorchModel
        from sagemaker.processing import ScriptProcessor
        model = PyTorchModel(model_data="s3://b/model.tar.gz", role=role, entry_point="inference.py")
        proc = ScriptProcessor(image_uri="img", command=["python3"], instance_type="ml.m5.xlarge", instance_count=1, role=role)
      `,
    },
    {
      name: 'boto3 with spot on',
      format: 'python',
      code: dedent`
        import boto3
        sm = boto3.client("sagemaker")
        sm.create_training_job(TrainingJobName="j", EnableManagedSpotTraining=True, StoppingCondition={"MaxRuntimeInSeconds": 60, "MaxWaitTimeInSeconds": 120}, CheckpointConfig={"S3Uri": "s3://b/c"})
      `,
    },
  ],
  invalid: [
    {
      name: "Terraform: training job on on-demand capacity; the fix writes spot, the wait time and checkpoints under the output path",
      format: 'terraform',
      code: tfTrainingJob({ instanceType: '"ml.m5.xlarge"' }),
      errors: [noSpot(1, 1, 47)],
      output: dedent`
        resource "aws_sagemaker_training_job" "train" {
          enable_managed_spot_training = true
          training_job_name = "train"
          role_arn          = aws_iam_role.sagemaker.arn

          algorithm_specification {
            training_image      = var.training_image
            training_input_mode = "File"
          }

          output_data_config {
            s3_output_path = "s3://ml-team/output"
          }

          resource_config {
            instance_type     = "ml.m5.xlarge"
            instance_count    = 1
            volume_size_in_gb = 50
          }

          stopping_condition {
            max_wait_time_in_seconds = 7200
            max_runtime_in_seconds = 3600
          }
          checkpoint_config {
            s3_uri = "s3://ml-team/output/checkpoints"
          }
        }
      `,
    },
    {
      name: "Terraform: instance type from a variable (the rule needs no value); output path a reference, trimmed of its slash",
      format: 'terraform',
      code: dedent`
        resource "aws_sagemaker_training_job" "train" {
          training_job_name = "train"
          role_arn          = aws_iam_role.sagemaker.arn

          algorithm_specification {
            training_image      = var.training_image
            training_input_mode = "File"
          }

          output_data_config {
            s3_output_path = var.output_path
          }

          resource_config {
            instance_type     = var.instance_type
            instance_count    = 1
            volume_size_in_gb = 50
          }

          stopping_condition {
            max_runtime_in_seconds = 3600
          }
        }
      `,
      errors: [noSpot(1, 1, 47)],
      output: dedent`
        resource "aws_sagemaker_training_job" "train" {
          enable_managed_spot_training = true
          training_job_name = "train"
          role_arn          = aws_iam_role.sagemaker.arn

          algorithm_specification {
            training_image      = var.training_image
            training_input_mode = "File"
          }

          output_data_config {
            s3_output_path = var.output_path
          }

          resource_config {
            instance_type     = var.instance_type
            instance_count    = 1
            volume_size_in_gb = 50
          }

          stopping_condition {
            max_wait_time_in_seconds = 7200
            max_runtime_in_seconds = 3600
          }
          checkpoint_config {
            s3_uri = "\${trimsuffix(var.output_path, "/")}/checkpoints"
          }
        }
      `,
    },
    {
      name: "Terraform: a tuning job's training job definition on demand; the finding sits on the definition",
      format: 'terraform',
      code: dedent`
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
            }

          }
        }
      `,
      errors: [noSpot(19, 3, 25)],
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
            enable_managed_spot_training = true
            role_arn                     = aws_iam_role.sagemaker.arn

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
              max_wait_time_in_seconds = 7200
              max_runtime_in_seconds   = 3600
            }

            checkpoint_config {
              s3_uri = "s3://ml-team/tuning/checkpoints"
            }
          }
        }
      `,
    },
    {
      name: "Terraform: spot written false and no stopping_condition: the flag is turned on and a stopping_condition added",
      format: 'terraform',
      code: dedent`
        resource "aws_sagemaker_training_job" "train" {
          training_job_name = "train"
          role_arn          = aws_iam_role.sagemaker.arn
          enable_managed_spot_training = false

          algorithm_specification {
            training_image      = var.training_image
            training_input_mode = "File"
          }

          output_data_config {
            s3_output_path = "s3://ml-team/output"
          }

          resource_config {
            instance_type     = "ml.m5.xlarge"
            instance_count    = 1
            volume_size_in_gb = 50
          }
        }
      `,
      errors: [noSpot(1, 1, 47)],
      output: dedent`
        resource "aws_sagemaker_training_job" "train" {
          training_job_name = "train"
          role_arn          = aws_iam_role.sagemaker.arn
          enable_managed_spot_training = true

          algorithm_specification {
            training_image      = var.training_image
            training_input_mode = "File"
          }

          output_data_config {
            s3_output_path = "s3://ml-team/output"
          }

          resource_config {
            instance_type     = "ml.m5.xlarge"
            instance_count    = 1
            volume_size_in_gb = 50
          }
          stopping_condition {
            max_wait_time_in_seconds = 172800
          }
          checkpoint_config {
            s3_uri = "s3://ml-team/output/checkpoints"
          }
        }
      `,
    },
    {
      name: 'framework estimator: three arguments added, output_path reused for checkpoints',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorch

        estimator = PyTorch(
            entry_point="train.py",
            role=role,
            instance_type="ml.g5.2xlarge",
            instance_count=1,
            max_run=4 * 60 * 60,
            output_path="s3://ml-artifacts/churn/",
        )
      `,
      errors: [noSpot(3, 13, 7)],
      output: dedent`
        from sagemaker.pytorch import PyTorch

        estimator = PyTorch(
            entry_point="train.py",
            role=role,
            instance_type="ml.g5.2xlarge",
            instance_count=1,
            max_run=4 * 60 * 60,
            output_path="s3://ml-artifacts/churn/",
            use_spot_instances=True,
            max_wait=28800,
            checkpoint_s3_uri="s3://ml-artifacts/churn/checkpoints",
        )
      `,
    },
    {
      name: 'generic Estimator through the module alias, one line, single quotes, max_run a constant',
      format: 'python',
      code: dedent`
        import sagemaker as sm
        MAX_RUN = get_limit()
        est = sm.estimator.Estimator(image_uri=image, role=role, instance_type='ml.m5.xlarge', max_run=MAX_RUN)
      `,
      errors: [noSpot(3, 7, 22)],
      output: dedent`
        import sagemaker as sm
        MAX_RUN = get_limit()
        est = sm.estimator.Estimator(image_uri=image, role=role, instance_type='ml.m5.xlarge', max_run=MAX_RUN, use_spot_instances=True, max_wait=2 * MAX_RUN, checkpoint_s3_uri='s3://<your-bucket>/checkpoints')
      `,
    },
    {
      name: 'explicit use_spot_instances=False is replaced; instance type unknown still fires',
      format: 'python',
      code: dedent`
        from sagemaker.sklearn.estimator import SKLearn
        est = SKLearn(
            entry_point="train.py",
            instance_type=args.instance_type,
            use_spot_instances=False
        )
      `,
      errors: [noSpot(2, 7, 7)],
      output: dedent`
        from sagemaker.sklearn.estimator import SKLearn
        est = SKLearn(
            entry_point="train.py",
            instance_type=args.instance_type,
            use_spot_instances=True,
            max_wait=172800,
            checkpoint_s3_uri="s3://<your-bucket>/checkpoints"
        )
      `,
    },
    {
      name: 'SDK v1 call: the fix uses the v1 argument names',
      format: 'python',
      code: dedent`
        from sagemaker.estimator import Estimator
        est = Estimator(image, role, train_instance_count=1, train_instance_type=args.instance_type, train_max_run=3600)
      `,
      errors: [noSpot(2, 7, 9)],
      output: dedent`
        from sagemaker.estimator import Estimator
        est = Estimator(image, role, train_instance_count=1, train_instance_type=args.instance_type, train_max_run=3600, train_use_spot_instances=True, train_max_wait=7200, checkpoint_s3_uri="s3://<your-bucket>/checkpoints")
      `,
    },
    {
      name: 'an instance type assigned twice, both cloud types: fires',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorch
        if big:
            instance_type = "ml.p4d.24xlarge"
        else:
            instance_type = "ml.g5.xlarge"
        est = PyTorch(entry_point="train.py", instance_type=instance_type, max_wait=7200, checkpoint_s3_uri="s3://b/c")
      `,
      errors: [noSpot(6, 7, 7)],
      output: dedent`
        from sagemaker.pytorch import PyTorch
        if big:
            instance_type = "ml.p4d.24xlarge"
        else:
            instance_type = "ml.g5.xlarge"
        est = PyTorch(entry_point="train.py", instance_type=instance_type, max_wait=7200, checkpoint_s3_uri="s3://b/c", use_spot_instances=True)
      `,
    },
    {
      name: 'SDK v3 ModelTrainer without spot: spot in its Compute, a StoppingCondition and a CheckpointConfig, imported from the configs module',
      format: 'python',
      code: dedent`
        from sagemaker.train.model_trainer import ModelTrainer
        from sagemaker.train.configs import Compute
        trainer = ModelTrainer(training_image=image, compute=Compute(instance_type="ml.p4d.24xlarge", instance_count=2))
      `,
      errors: [noSpot(3, 11, 12)],
      output: dedent`
        from sagemaker.train.model_trainer import ModelTrainer
        from sagemaker.train.configs import Compute
        from sagemaker.train.configs import StoppingCondition, CheckpointConfig
        trainer = ModelTrainer(training_image=image, compute=Compute(instance_type="ml.p4d.24xlarge", instance_count=2, enable_managed_spot_training=True), stopping_condition=StoppingCondition(max_runtime_in_seconds=86400, max_wait_time_in_seconds=172800), checkpoint_config=CheckpointConfig(s3_uri="s3://<your-bucket>/checkpoints"))
      `,
    },
    {
      name: 'SDK v3 ModelTrainer, one argument a line with trailing commas: each object keeps the layout',
      format: 'python',
      code: dedent`
        from sagemaker.train import ModelTrainer
        from sagemaker.train.configs import Compute, SourceCode

        trainer = ModelTrainer(
            training_image=image,
            source_code=SourceCode(source_dir="src", entry_script="train.py"),
            compute=Compute(
                instance_type="ml.g5.2xlarge",
                instance_count=1,
            ),
        )
      `,
      errors: [noSpot(4, 11, 12)],
      output: dedent`
        from sagemaker.train import ModelTrainer
        from sagemaker.train.configs import Compute, SourceCode
        from sagemaker.train.configs import StoppingCondition, CheckpointConfig

        trainer = ModelTrainer(
            training_image=image,
            source_code=SourceCode(source_dir="src", entry_script="train.py"),
            compute=Compute(
                instance_type="ml.g5.2xlarge",
                instance_count=1,
                enable_managed_spot_training=True,
            ),
            stopping_condition=StoppingCondition(max_runtime_in_seconds=86400, max_wait_time_in_seconds=172800),
            checkpoint_config=CheckpointConfig(s3_uri="s3://<your-bucket>/checkpoints"),
        )
      `,
    },
    {
      name: 'SDK v3: spot turned off in Compute, a run time from a constant, single quotes, classes from sagemaker.core.training.configs',
      format: 'python',
      code: dedent`
        from sagemaker.train.model_trainer import ModelTrainer
        from sagemaker.core.training.configs import Compute, OutputDataConfig, StoppingCondition
        MAX_RUN = 4 * 3600
        trainer = ModelTrainer(
            training_image=image,
            compute=Compute(instance_type='ml.g5.xlarge', enable_managed_spot_training=False),
            stopping_condition=StoppingCondition(max_runtime_in_seconds=MAX_RUN),
            output_data_config=OutputDataConfig(s3_output_path='s3://my-bucket/jobs/'),
        )
      `,
      errors: [noSpot(4, 11, 12)],
      output: dedent`
        from sagemaker.train.model_trainer import ModelTrainer
        from sagemaker.core.training.configs import Compute, OutputDataConfig, StoppingCondition
        from sagemaker.core.training.configs import CheckpointConfig
        MAX_RUN = 4 * 3600
        trainer = ModelTrainer(
            training_image=image,
            compute=Compute(instance_type='ml.g5.xlarge', enable_managed_spot_training=True),
            stopping_condition=StoppingCondition(max_runtime_in_seconds=MAX_RUN, max_wait_time_in_seconds=28800),
            output_data_config=OutputDataConfig(s3_output_path='s3://my-bucket/jobs/'),
            checkpoint_config=CheckpointConfig(s3_uri='s3://my-bucket/jobs/checkpoints'),
        )
      `,
    },
    {
      name: 'SDK v3: a parenthesised import in the way of the new import line, or no Compute written: reported, no fix',
      format: 'python',
      code: dedent`
        from sagemaker.train import ModelTrainer
        from sagemaker.train.configs import (
            Compute,
        )
        a = ModelTrainer(training_image=image, compute=Compute(instance_type="ml.g5.xlarge"))
        b = ModelTrainer(training_image=image)
      `,
      errors: [noSpot(5, 5, 12), noSpot(6, 5, 12)],
      output: null,
    },
    {
      name: 'boto3 tuning job: its TrainingJobDefinition gets the flag, the wait time and a CheckpointConfig, as dict keys',
      format: 'python',
      code: dedent`
        import boto3
        sm = boto3.client("sagemaker")
        sm.create_hyper_parameter_tuning_job(
            HyperParameterTuningJobName="xgb-tuning",
            HyperParameterTuningJobConfig={"Strategy": "Bayesian", "TrainingJobEarlyStoppingType": "Auto"},
            TrainingJobDefinition={
                "ResourceConfig": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10},
                "StoppingCondition": {"MaxRuntimeInSeconds": 3600},
            },
        )
      `,
      errors: [noSpot(6, 5, 21)],
      output: dedent`
        import boto3
        sm = boto3.client("sagemaker")
        sm.create_hyper_parameter_tuning_job(
            HyperParameterTuningJobName="xgb-tuning",
            HyperParameterTuningJobConfig={"Strategy": "Bayesian", "TrainingJobEarlyStoppingType": "Auto"},
            TrainingJobDefinition={
                "ResourceConfig": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10},
                "StoppingCondition": {"MaxRuntimeInSeconds": 3600, "MaxWaitTimeInSeconds": 7200},
                "EnableManagedSpotTraining": True,
                "CheckpointConfig": {"S3Uri": "s3://<your-bucket>/checkpoints"},
            },
        )
      `,
    },
    {
      name: "boto3 tuning job with TrainingJobDefinitions: each definition without spot, on its DefinitionName; single quotes kept",
      format: 'python',
      code: dedent`
        import boto3
        boto3.client('sagemaker').create_hyper_parameter_tuning_job(
            HyperParameterTuningJobName='multi',
            TrainingJobDefinitions=[
                {'DefinitionName': 'xgb', 'EnableManagedSpotTraining': False, 'StoppingCondition': {'MaxRuntimeInSeconds': 600}},
                {'DefinitionName': 'linear', 'EnableManagedSpotTraining': True, 'StoppingCondition': {'MaxRuntimeInSeconds': 600, 'MaxWaitTimeInSeconds': 1200}, 'CheckpointConfig': {'S3Uri': 's3://b/c'}},
            ],
        )
      `,
      errors: [noSpot(5, 28, 5)],
      output: dedent`
        import boto3
        boto3.client('sagemaker').create_hyper_parameter_tuning_job(
            HyperParameterTuningJobName='multi',
            TrainingJobDefinitions=[
                {'DefinitionName': 'xgb', 'EnableManagedSpotTraining': True, 'StoppingCondition': {'MaxRuntimeInSeconds': 600, 'MaxWaitTimeInSeconds': 1200}, 'CheckpointConfig': {'S3Uri': 's3://<your-bucket>/checkpoints'}},
                {'DefinitionName': 'linear', 'EnableManagedSpotTraining': True, 'StoppingCondition': {'MaxRuntimeInSeconds': 600, 'MaxWaitTimeInSeconds': 1200}, 'CheckpointConfig': {'S3Uri': 's3://b/c'}},
            ],
        )
      `,
    },
    {
      name: 'boto3 create_training_job: flag, MaxWaitTimeInSeconds and CheckpointConfig added',
      format: 'python',
      code: dedent`
        import boto3
        sm_client = boto3.client("sagemaker")
        sm_client.create_training_job(
            TrainingJobName=job_name,
            AlgorithmSpecification={"TrainingImage": image, "TrainingInputMode": "File"},
            ResourceConfig={"InstanceType": "ml.p3.2xlarge", "InstanceCount": 1, "VolumeSizeInGB": 50},
            StoppingCondition={"MaxRuntimeInSeconds": 86400},
        )
      `,
      errors: [noSpot(3, 1, 29)],
      output: dedent`
        import boto3
        sm_client = boto3.client("sagemaker")
        sm_client.create_training_job(
            TrainingJobName=job_name,
            AlgorithmSpecification={"TrainingImage": image, "TrainingInputMode": "File"},
            ResourceConfig={"InstanceType": "ml.p3.2xlarge", "InstanceCount": 1, "VolumeSizeInGB": 50},
            StoppingCondition={"MaxRuntimeInSeconds": 86400, "MaxWaitTimeInSeconds": 172800},
            EnableManagedSpotTraining=True,
            CheckpointConfig={"S3Uri": "s3://<your-bucket>/checkpoints"},
        )
      `,
    },
    {
      name: 'boto3 with the request in a dict constant: reported, no fix (StoppingCondition is not written at the call)',
      format: 'python',
      code: dedent`
        import sagemaker
        session = sagemaker.Session()
        request = {"TrainingJobName": "j", "StoppingCondition": {"MaxRuntimeInSeconds": 3600}}
        session.sagemaker_client.create_training_job(**request)
      `,
      errors: [noSpot(4, 1, 44)],
      output: null,
    },
  ],
});
