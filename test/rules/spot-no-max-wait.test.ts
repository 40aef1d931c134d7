import { spotNoMaxWait } from '../../src/rules/spot-no-max-wait';
import { dedent } from '../kit/dedent';
import { RuleTester } from '../kit/ruleTester';
import { tfTrainingJob } from '../kit/tfTraining';

const noMaxWait = (setting: string, line: number, column: number, length: number) => ({ messageId: 'noMaxWait', data: { setting }, line, column, endLine: line, endColumn: column + length });

new RuleTester().run(spotNoMaxWait, {
  valid: [
    {
      name: "Terraform: spot from a variable: silent",
      format: 'terraform',
      code: dedent`
        resource "aws_sagemaker_training_job" "train" {
          training_job_name = "train"
          role_arn          = aws_iam_role.sagemaker.arn
          enable_managed_spot_training = var.use_spot

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

          checkpoint_config {
            s3_uri = "s3://ml-team/checkpoints"
          }
        }
      `,
    },
    {
      name: "Terraform: stopping_condition from a dynamic block: may hold the wait time, silent",
      format: 'terraform',
      code: dedent`
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

          dynamic "stopping_condition" {
            for_each = [1]
            content {
              max_wait_time_in_seconds = var.max_wait
            }
          }
          stopping_condition {
            max_runtime_in_seconds = 3600
          }

          checkpoint_config {
            s3_uri = "s3://ml-team/checkpoints"
          }
        }
      `,
    },
    {
      name: 'spot with max_wait',
      format: 'python',
      code: dedent`
        from sagemaker.tensorflow import TensorFlow
        est = TensorFlow(entry_point="train.py", use_spot_instances=True, max_wait=7200, checkpoint_s3_uri="s3://b/c")
      `,
    },
    {
      name: 'spot off',
      format: 'python',
      code: dedent`
        from sagemaker.tensorflow import TensorFlow
        est = TensorFlow(entry_point="train.py")
      `,
    },
    {
      name: 'boto3 StoppingCondition from a parameter: silent',
      format: 'python',
      code: dedent`
        import boto3
        def launch(stopping):
            boto3.client("sagemaker").create_training_job(EnableManagedSpotTraining=True, StoppingCondition=stopping, CheckpointConfig={"S3Uri": "s3://b/c"})
      `,
    },
  ],
  invalid: [
    {
      name: "Terraform: spot without max_wait_time_in_seconds; the fix adds twice the run time",
      format: 'terraform',
      code: tfTrainingJob({ instanceType: '"ml.m5.xlarge"', spot: true, maxWait: false }),
      errors: [noMaxWait('stopping_condition.max_wait_time_in_seconds', 4, 3, 28)],
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
            max_wait_time_in_seconds = 7200
            max_runtime_in_seconds = 3600
          }

          checkpoint_config {
            s3_uri = "s3://ml-team/checkpoints"
          }
        }
      `,
    },
    {
      name: "Terraform: the run time from a variable: twice the variable",
      format: 'terraform',
      code: dedent`
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
            max_runtime_in_seconds = var.max_run
          }

          checkpoint_config {
            s3_uri = "s3://ml-team/checkpoints"
          }
        }
      `,
      errors: [noMaxWait('stopping_condition.max_wait_time_in_seconds', 4, 3, 28)],
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
            max_wait_time_in_seconds = 2 * var.max_run
            max_runtime_in_seconds = var.max_run
          }

          checkpoint_config {
            s3_uri = "s3://ml-team/checkpoints"
          }
        }
      `,
    },
    {
      name: "Terraform: no stopping_condition (one-day default), instance type from a variable: a stopping_condition block is added",
      format: 'terraform',
      code: dedent`
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
            instance_type     = var.instance_type
            instance_count    = 1
            volume_size_in_gb = 50
          }

          checkpoint_config {
            s3_uri = "s3://ml-team/checkpoints"
          }
        }
      `,
      errors: [noMaxWait('stopping_condition.max_wait_time_in_seconds', 4, 3, 28)],
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
            instance_type     = var.instance_type
            instance_count    = 1
            volume_size_in_gb = 50
          }

          checkpoint_config {
            s3_uri = "s3://ml-team/checkpoints"
          }
          stopping_condition {
            max_wait_time_in_seconds = 172800
          }
        }
      `,
    },
    {
      name: 'estimator: twice max_run',
      format: 'python',
      code: dedent`
        from sagemaker.mxnet import MXNet
        est = MXNet(entry_point="train.py", max_run=3600, use_spot_instances=True, checkpoint_s3_uri="s3://b/c")
      `,
      errors: [noMaxWait('max_wait', 2, 51, 23)],
      output: dedent`
        from sagemaker.mxnet import MXNet
        est = MXNet(entry_point="train.py", max_run=3600, use_spot_instances=True, checkpoint_s3_uri="s3://b/c", max_wait=7200)
      `,
    },
    {
      name: 'SDK v3 ModelTrainer without a StoppingCondition: one with the default run time and twice that wait, and its import',
      format: 'python',
      code: dedent`
        from sagemaker.train import ModelTrainer
        from sagemaker.train.configs import CheckpointConfig, Compute
        trainer = ModelTrainer(
            training_image=image,
            compute=Compute(instance_type="ml.g5.xlarge", enable_managed_spot_training=True),
            checkpoint_config=CheckpointConfig(s3_uri="s3://b/ckpt")
        )
      `,
      errors: [noMaxWait('stopping_condition.max_wait_time_in_seconds', 5, 51, 33)],
      output: dedent`
        from sagemaker.train import ModelTrainer
        from sagemaker.train.configs import CheckpointConfig, Compute
        from sagemaker.train.configs import StoppingCondition
        trainer = ModelTrainer(
            training_image=image,
            compute=Compute(instance_type="ml.g5.xlarge", enable_managed_spot_training=True),
            checkpoint_config=CheckpointConfig(s3_uri="s3://b/ckpt"),
            stopping_condition=StoppingCondition(max_runtime_in_seconds=86400, max_wait_time_in_seconds=172800)
        )
      `,
    },
    {
      name: 'SDK v3 ModelTrainer with a StoppingCondition (imported from sagemaker.core.shapes): the wait time goes into it, no import',
      format: 'python',
      code: dedent`
        from sagemaker.core.shapes import StoppingCondition
        from sagemaker.train import ModelTrainer
        from sagemaker.train.configs import CheckpointConfig, Compute
        compute = Compute(instance_type="ml.g5.xlarge", enable_managed_spot_training=True)
        trainer = ModelTrainer(training_image=image, compute=compute, stopping_condition=StoppingCondition(max_runtime_in_seconds=3600), checkpoint_config=CheckpointConfig(s3_uri="s3://b/ckpt"))
      `,
      errors: [noMaxWait('stopping_condition.max_wait_time_in_seconds', 4, 49, 33)],
      output: dedent`
        from sagemaker.core.shapes import StoppingCondition
        from sagemaker.train import ModelTrainer
        from sagemaker.train.configs import CheckpointConfig, Compute
        compute = Compute(instance_type="ml.g5.xlarge", enable_managed_spot_training=True)
        trainer = ModelTrainer(training_image=image, compute=compute, stopping_condition=StoppingCondition(max_runtime_in_seconds=3600, max_wait_time_in_seconds=7200), checkpoint_config=CheckpointConfig(s3_uri="s3://b/ckpt"))
      `,
    },
    {
      name: 'boto3 tuning job: MaxWaitTimeInSeconds in the StoppingCondition of each spot definition that lacks it',
      format: 'python',
      code: dedent`
        import boto3
        sm = boto3.client("sagemaker")
        sm.create_hyper_parameter_tuning_job(
            HyperParameterTuningJobName="t",
            TrainingJobDefinition={"EnableManagedSpotTraining": True, "StoppingCondition": {"MaxRuntimeInSeconds": 1800}, "CheckpointConfig": {"S3Uri": "s3://b/c"}},
        )
        sm.create_hyper_parameter_tuning_job(
            HyperParameterTuningJobName="u",
            TrainingJobDefinitions=[{"DefinitionName": "a", "EnableManagedSpotTraining": True, "StoppingCondition": {"MaxRuntimeInSeconds": 900}, "CheckpointConfig": {"S3Uri": "s3://b/c"}}],
        )
      `,
      errors: [noMaxWait('StoppingCondition.MaxWaitTimeInSeconds', 5, 28, 33), noMaxWait('StoppingCondition.MaxWaitTimeInSeconds', 9, 53, 33)],
      output: dedent`
        import boto3
        sm = boto3.client("sagemaker")
        sm.create_hyper_parameter_tuning_job(
            HyperParameterTuningJobName="t",
            TrainingJobDefinition={"EnableManagedSpotTraining": True, "StoppingCondition": {"MaxRuntimeInSeconds": 1800, "MaxWaitTimeInSeconds": 3600}, "CheckpointConfig": {"S3Uri": "s3://b/c"}},
        )
        sm.create_hyper_parameter_tuning_job(
            HyperParameterTuningJobName="u",
            TrainingJobDefinitions=[{"DefinitionName": "a", "EnableManagedSpotTraining": True, "StoppingCondition": {"MaxRuntimeInSeconds": 900, "MaxWaitTimeInSeconds": 1800}, "CheckpointConfig": {"S3Uri": "s3://b/c"}}],
        )
      `,
    },
    {
      name: 'estimator without max_run: twice the one-day default',
      format: 'python',
      code: dedent`
        from sagemaker.estimator import Estimator
        est = Estimator(
            image_uri=image,
            use_spot_instances=True,
            checkpoint_s3_uri="s3://b/c",
        )
      `,
      errors: [noMaxWait('max_wait', 4, 5, 23)],
      output: dedent`
        from sagemaker.estimator import Estimator
        est = Estimator(
            image_uri=image,
            use_spot_instances=True,
            checkpoint_s3_uri="s3://b/c",
            max_wait=172800,
        )
      `,
    },
    {
      name: 'boto3: added to StoppingCondition, on its own line',
      format: 'python',
      code: dedent`
        import boto3
        sm = boto3.client("sagemaker")
        sm.create_training_job(
            TrainingJobName="j",
            EnableManagedSpotTraining=True,
            CheckpointConfig={"S3Uri": "s3://b/c"},
            StoppingCondition={
                "MaxRuntimeInSeconds": MAX_RUNTIME,
            },
        )
      `,
      errors: [noMaxWait('StoppingCondition.MaxWaitTimeInSeconds', 5, 5, 30)],
      output: dedent`
        import boto3
        sm = boto3.client("sagemaker")
        sm.create_training_job(
            TrainingJobName="j",
            EnableManagedSpotTraining=True,
            CheckpointConfig={"S3Uri": "s3://b/c"},
            StoppingCondition={
                "MaxRuntimeInSeconds": MAX_RUNTIME,
                "MaxWaitTimeInSeconds": 2 * MAX_RUNTIME,
            },
        )
      `,
    },
  ],
});
