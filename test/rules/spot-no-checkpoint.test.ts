import { spotNoCheckpoint } from '../../src/rules/spot-no-checkpoint';
import { dedent } from '../kit/dedent';
import { RuleTester } from '../kit/ruleTester';
import { tfTrainingJob } from '../kit/tfTraining';

const noCheckpoint = (setting: string, line: number, column: number, length: number) => ({ messageId: 'noCheckpoint', data: { setting }, line, column, endLine: line, endColumn: column + length });

new RuleTester().run(spotNoCheckpoint, {
  valid: [
    {
      name: "Terraform: checkpoint_config from a dynamic block: may be written, silent",
      format: 'terraform',
      code: dedent`
        resource "aws_sagemaker_training_job" "train" {
          training_job_name = "train"
          dynamic "checkpoint_config" {
            for_each = var.checkpoints
            content {
              s3_uri = checkpoint_config.value
            }
          }
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
            max_runtime_in_seconds = 3600
            max_wait_time_in_seconds = 7200
          }
        }
      `,
    },
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
            max_wait_time_in_seconds = 7200
          }
        }
      `,
    },
    {
      name: 'spot with checkpoints',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorch
        est = PyTorch(entry_point="train.py", use_spot_instances=True, max_wait=7200, checkpoint_s3_uri=f"s3://{bucket}/ckpt")
      `,
    },
    {
      name: 'no spot: nothing to checkpoint for',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorch
        est = PyTorch(entry_point="train.py", use_spot_instances=False)
      `,
    },
    {
      name: 'unknown **kwargs may hold the checkpoint location',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorch
        def make(**kw):
            return PyTorch(entry_point="train.py", use_spot_instances=True, max_wait=7200, **kw)
      `,
    },
    {
      name: 'boto3 with CheckpointConfig',
      format: 'python',
      code: dedent`
        import boto3
        boto3.client("sagemaker").create_training_job(EnableManagedSpotTraining=True, CheckpointConfig={"S3Uri": uri}, StoppingCondition={"MaxRuntimeInSeconds": 1, "MaxWaitTimeInSeconds": 2})
      `,
    },
  ],
  invalid: [
    {
      name: "Terraform: spot without checkpoint_config; the fix adds one under the output path",
      format: 'terraform',
      code: tfTrainingJob({ instanceType: '"ml.m5.xlarge"', spot: true, checkpoint: false }),
      errors: [noCheckpoint('checkpoint_config.s3_uri', 4, 3, 28)],
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
            max_runtime_in_seconds = 3600
            max_wait_time_in_seconds = 7200
          }
          checkpoint_config {
            s3_uri = "s3://ml-team/output/checkpoints"
          }
        }
      `,
    },
    {
      name: "Terraform: a tuning job's training job definition; an output path with an interpolation keeps it",
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
            enable_managed_spot_training = true

            algorithm_specification {
              training_image      = var.training_image
              training_input_mode = "File"
            }

            output_data_config {
              s3_output_path = "s3://\${aws_s3_bucket.ml.bucket}/tuning/"
            }

            resource_config {
              instance_type  = "ml.m5.xlarge"
              instance_count = 1
            }

            stopping_condition {
              max_runtime_in_seconds   = 3600
              max_wait_time_in_seconds = 7200
            }

          }
        }
      `,
      errors: [noCheckpoint('checkpoint_config.s3_uri', 21, 5, 28)],
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
              s3_output_path = "s3://\${aws_s3_bucket.ml.bucket}/tuning/"
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
              s3_uri = "s3://\${aws_s3_bucket.ml.bucket}/tuning/checkpoints"
            }
          }
        }
      `,
    },
    {
      name: "Terraform: instance type from a variable (not needed); an output path the fix cannot extend: reported, no fix",
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
            s3_output_path = join("/", [var.prefix, "output"])
          }

          resource_config {
            instance_type     = var.instance_type
            instance_count    = 1
            volume_size_in_gb = 50
          }

          stopping_condition {
            max_runtime_in_seconds = 3600
            max_wait_time_in_seconds = 7200
          }
        }
      `,
      errors: [noCheckpoint('checkpoint_config.s3_uri', 4, 3, 28)],
      output: null,
    },
    {
      name: 'boto3 tuning job: a CheckpointConfig key in the spot definition',
      format: 'python',
      code: dedent`
        import boto3
        boto3.client("sagemaker").create_hyper_parameter_tuning_job(
            HyperParameterTuningJobName="t",
            TrainingJobDefinition={
                "EnableManagedSpotTraining": True,
                "StoppingCondition": {"MaxRuntimeInSeconds": 1800, "MaxWaitTimeInSeconds": 3600}
            },
        )
      `,
      errors: [noCheckpoint('CheckpointConfig.S3Uri', 5, 9, 33)],
      output: dedent`
        import boto3
        boto3.client("sagemaker").create_hyper_parameter_tuning_job(
            HyperParameterTuningJobName="t",
            TrainingJobDefinition={
                "EnableManagedSpotTraining": True,
                "StoppingCondition": {"MaxRuntimeInSeconds": 1800, "MaxWaitTimeInSeconds": 3600},
                "CheckpointConfig": {"S3Uri": "s3://<your-bucket>/checkpoints"}
            },
        )
      `,
    },
    {
      name: 'SDK v3 ModelTrainer (Compute from a constant): a CheckpointConfig under the output path, and its import',
      format: 'python',
      code: dedent`
        from sagemaker.train import ModelTrainer
        from sagemaker.train.configs import Compute, OutputDataConfig, StoppingCondition

        compute = Compute(instance_type="ml.g5.xlarge", enable_managed_spot_training=True)
        trainer = ModelTrainer(
            training_image=image,
            compute=compute,
            stopping_condition=StoppingCondition(max_runtime_in_seconds=3600, max_wait_time_in_seconds=7200),
            output_data_config=OutputDataConfig(s3_output_path="s3://bucket/out/"),  # job output
        )
      `,
      errors: [noCheckpoint('checkpoint_config', 4, 49, 33)],
      output: dedent`
        from sagemaker.train import ModelTrainer
        from sagemaker.train.configs import Compute, OutputDataConfig, StoppingCondition
        from sagemaker.train.configs import CheckpointConfig

        compute = Compute(instance_type="ml.g5.xlarge", enable_managed_spot_training=True)
        trainer = ModelTrainer(
            training_image=image,
            compute=compute,
            stopping_condition=StoppingCondition(max_runtime_in_seconds=3600, max_wait_time_in_seconds=7200),
            output_data_config=OutputDataConfig(s3_output_path="s3://bucket/out/"),  # job output
            checkpoint_config=CheckpointConfig(s3_uri="s3://bucket/out/checkpoints"),
        )
      `,
    },
    {
      name: 'estimator: checkpoint location derived from output_path',
      format: 'python',
      code: dedent`
        from sagemaker.huggingface import HuggingFace
        est = HuggingFace(
            entry_point="train.py",
            output_path="s3://team-models/bert",
            use_spot_instances=True,
            max_wait=36000,
        )
      `,
      errors: [noCheckpoint('checkpoint_s3_uri', 5, 5, 23)],
      output: dedent`
        from sagemaker.huggingface import HuggingFace
        est = HuggingFace(
            entry_point="train.py",
            output_path="s3://team-models/bert",
            use_spot_instances=True,
            max_wait=36000,
            checkpoint_s3_uri="s3://team-models/bert/checkpoints",
        )
      `,
    },
    {
      name: 'boto3: CheckpointConfig added with a placeholder bucket',
      format: 'python',
      code: dedent`
        import boto3
        sm = boto3.client('sagemaker')
        sm.create_training_job(TrainingJobName='j', EnableManagedSpotTraining=True, StoppingCondition={'MaxRuntimeInSeconds': 60, 'MaxWaitTimeInSeconds': 120})
      `,
      errors: [noCheckpoint('CheckpointConfig.S3Uri', 3, 45, 30)],
      output: dedent`
        import boto3
        sm = boto3.client('sagemaker')
        sm.create_training_job(TrainingJobName='j', EnableManagedSpotTraining=True, StoppingCondition={'MaxRuntimeInSeconds': 60, 'MaxWaitTimeInSeconds': 120}, CheckpointConfig={'S3Uri': 's3://<your-bucket>/checkpoints'})
      `,
    },
    {
      name: 'boto3: checkpoints under the OutputDataConfig S3 path',
      format: 'python',
      code: dedent`
        import boto3
        sm = boto3.client('sagemaker')
        sm.create_training_job(TrainingJobName='j', OutputDataConfig={'S3OutputPath': 's3://acme-ml/out/'}, EnableManagedSpotTraining=True, StoppingCondition={'MaxRuntimeInSeconds': 60, 'MaxWaitTimeInSeconds': 120})
      `,
      errors: [noCheckpoint('CheckpointConfig.S3Uri', 3, 101, 30)],
      output: dedent`
        import boto3
        sm = boto3.client('sagemaker')
        sm.create_training_job(TrainingJobName='j', OutputDataConfig={'S3OutputPath': 's3://acme-ml/out/'}, EnableManagedSpotTraining=True, StoppingCondition={'MaxRuntimeInSeconds': 60, 'MaxWaitTimeInSeconds': 120}, CheckpointConfig={'S3Uri': 's3://acme-ml/out/checkpoints'})
      `,
    },
    {
      name: 'estimator: output_path from a variable the file cannot read: checkpoints under it at run time',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorch
        est = PyTorch(entry_point="train.py", output_path=args.output, use_spot_instances=True, max_wait=7200)
      `,
      errors: [noCheckpoint('checkpoint_s3_uri', 2, 64, 23)],
      output: dedent`
        from sagemaker.pytorch import PyTorch
        est = PyTorch(entry_point="train.py", output_path=args.output, use_spot_instances=True, max_wait=7200, checkpoint_s3_uri=f"{args.output.rstrip('/')}/checkpoints")
      `,
    },
    {
      name: "estimator without an output path: checkpoints in the session's default bucket kept in a variable",
      format: 'python',
      code: dedent`
        import sagemaker
        from sagemaker.pytorch import PyTorch
        sess = sagemaker.Session()
        bucket = sess.default_bucket()
        est = PyTorch(entry_point='train.py', use_spot_instances=True, max_wait=7200)
      `,
      errors: [noCheckpoint('checkpoint_s3_uri', 5, 39, 23)],
      output: dedent`
        import sagemaker
        from sagemaker.pytorch import PyTorch
        sess = sagemaker.Session()
        bucket = sess.default_bucket()
        est = PyTorch(entry_point='train.py', use_spot_instances=True, max_wait=7200, checkpoint_s3_uri=f's3://{bucket}/checkpoints')
      `,
    },
    {
      name: 'a default bucket stored after the estimator, or inside a function, is not used',
      format: 'python',
      code: dedent`
        import sagemaker
        from sagemaker.pytorch import PyTorch
        def bucket_of(sess):
            inner = sess.default_bucket()
            return inner
        est = PyTorch(entry_point="train.py", use_spot_instances=True, max_wait=7200)
        bucket = sagemaker.Session().default_bucket()
      `,
      errors: [noCheckpoint('checkpoint_s3_uri', 6, 39, 23)],
      output: dedent`
        import sagemaker
        from sagemaker.pytorch import PyTorch
        def bucket_of(sess):
            inner = sess.default_bucket()
            return inner
        est = PyTorch(entry_point="train.py", use_spot_instances=True, max_wait=7200, checkpoint_s3_uri="s3://<your-bucket>/checkpoints")
        bucket = sagemaker.Session().default_bucket()
      `,
    },
  ],
});
