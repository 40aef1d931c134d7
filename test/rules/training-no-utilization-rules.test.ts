import { trainingNoUtilizationRules } from '../../src/rules/training-no-utilization-rules';
import { dedent } from '../kit/dedent';
import { notebookJson } from '../kit/notebook';
import { RuleTester } from '../kit/ruleTester';
import { tfTrainingJob, tfTuningJob, tfProfilerRule } from '../kit/tfTraining';

const noRule = (line: number, column: number, length: number, instanceType: string) => ({
  messageId: 'noUtilizationRule',
  data: { instanceType },
  line,
  column,
  endLine: line,
  endColumn: column + length,
});

new RuleTester().run(trainingNoUtilizationRules, {
  valid: [
    {
      name: "Terraform: a profiler rule configuration",
      format: 'terraform',
      code: tfTrainingJob({ instanceType: '"ml.g5.2xlarge"', spot: true, extra: tfProfilerRule }),
    },
    {
      name: "Terraform: profiling turned off on purpose",
      format: 'terraform',
      code: tfTrainingJob({ instanceType: '"ml.g5.2xlarge"', spot: true, extra: '  profiler_config {\n    disable_profiler = true\n  }' }),
    },
    {
      name: "Terraform: instance type from a variable: silent",
      format: 'terraform',
      code: tfTrainingJob({ instanceType: 'var.instance_type', spot: true }),
    },
    {
      name: "Terraform: a tuning job definition takes no rules: silent",
      format: 'terraform',
      code: tfTuningJob({ strategy: 'Bayesian', earlyStopping: 'Auto', instanceType: 'ml.g5.2xlarge' }),
    },
    {
      name: "Terraform: rule configurations from a dynamic block: silent",
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
            instance_type     = "ml.g5.2xlarge"
            instance_count    = 1
            volume_size_in_gb = 50
          }

          stopping_condition {
            max_runtime_in_seconds = 3600
            max_wait_time_in_seconds = 7200
          }

          checkpoint_config {
            s3_uri = "s3://ml-team/checkpoints"
          }

          dynamic "debug_rule_configurations" {
            for_each = var.rules
            content {
              rule_configuration_name = debug_rule_configurations.value.name
              rule_evaluator_image    = debug_rule_configurations.value.image
            }
          }
        }
      `,
    },
    {
      name: 'LowGPUUtilization already there, or the ProfilerReport that runs it',
      format: 'python',
      code: dedent`
        from sagemaker.debugger import ProfilerRule, rule_configs
        from sagemaker.estimator import Estimator
        a = Estimator(image_uri=image, role=role, instance_count=1, instance_type="ml.g5.xlarge", rules=[ProfilerRule.sagemaker(rule_configs.LowGPUUtilization(), actions=rule_configs.ActionList(rule_configs.StopTraining()))])
        b = Estimator(image_uri=image, role=role, instance_count=1, instance_type="ml.g5.xlarge", rules=[ProfilerRule.sagemaker(rule_configs.ProfilerReport())])
      `,
    },
    {
      name: 'CPU, unresolved or local instance types; rules from a variable; profiler disabled; **kwargs',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorch
        a = PyTorch(entry_point="t.py", instance_type="ml.c5.xlarge")
        b = PyTorch(entry_point="t.py", instance_type=args.instance_type)
        c = PyTorch(entry_point="t.py", instance_type="local_gpu")
        d = PyTorch(entry_point="t.py", instance_type="ml.g5.xlarge", rules=my_rules)
        e = PyTorch(entry_point="t.py", instance_type="ml.g5.xlarge", disable_profiler=True)
        f = PyTorch(entry_point="t.py", instance_type="ml.g5.xlarge", **overrides)
      `,
    },
    {
      name: 'boto3 with profiler rule configurations',
      format: 'python',
      code: dedent`
        import boto3
        boto3.client("sagemaker").create_training_job(ResourceConfig={"InstanceType": "ml.p3.2xlarge", "InstanceCount": 1}, ProfilerRuleConfigurations=[{"RuleConfigurationName": "LowGPUUtilization", "RuleEvaluatorImage": img, "RuleParameters": {"rule_to_invoke": "LowGPUUtilization"}}])
      `,
    },
  ],
  invalid: [
    {
      name: "Terraform: a GPU training job with no rule configurations",
      format: 'terraform',
      code: tfTrainingJob({ instanceType: '"ml.g5.2xlarge"', spot: true }),
      errors: [noRule(1, 1, 47, 'ml.g5.2xlarge')],
      output: null,
    },
    {
      name: "Terraform: the profiler left on, no rule configurations",
      format: 'terraform',
      code: tfTrainingJob({ instanceType: '"ml.g5.2xlarge"', spot: true, extra: '  profiler_config {\n    disable_profiler = false\n  }' }),
      errors: [noRule(1, 1, 47, 'ml.g5.2xlarge')],
      output: null,
    },
    {
      name: 'multi-line call: the rule and the import line are added',
      format: 'python',
      code: dedent`
        import sagemaker
        from sagemaker.pytorch import PyTorch

        est = PyTorch(
            entry_point="train.py",
            instance_type="ml.g5.2xlarge",
        )
      `,
      errors: [noRule(4, 7, 7, 'ml.g5.2xlarge')],
      output: dedent`
        import sagemaker
        from sagemaker.pytorch import PyTorch
        from sagemaker.debugger import ProfilerRule, rule_configs

        est = PyTorch(
            entry_point="train.py",
            instance_type="ml.g5.2xlarge",
            rules=[ProfilerRule.sagemaker(rule_configs.LowGPUUtilization())],
        )
      `,
    },
    {
      name: 'two jobs in one file: both fixes add the same import line, which is written once',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorch
        a = PyTorch(entry_point="a.py", instance_type="ml.g5.xlarge")
        b = PyTorch(entry_point="b.py", instance_type="ml.p3.2xlarge")
      `,
      errors: [noRule(2, 5, 7, 'ml.g5.xlarge'), noRule(3, 5, 7, 'ml.p3.2xlarge')],
      output: dedent`
        from sagemaker.pytorch import PyTorch
        from sagemaker.debugger import ProfilerRule, rule_configs
        a = PyTorch(entry_point="a.py", instance_type="ml.g5.xlarge", rules=[ProfilerRule.sagemaker(rule_configs.LowGPUUtilization())])
        b = PyTorch(entry_point="b.py", instance_type="ml.p3.2xlarge", rules=[ProfilerRule.sagemaker(rule_configs.LowGPUUtilization())])
      `,
    },
    {
      name: 'names already imported: only the argument is added, inline',
      format: 'python',
      code: dedent`
        from sagemaker.debugger import ProfilerRule, rule_configs
        from sagemaker.huggingface import HuggingFace
        est = HuggingFace(entry_point="train.py", instance_type="ml.p3.2xlarge")
      `,
      errors: [noRule(3, 7, 11, 'ml.p3.2xlarge')],
      output: dedent`
        from sagemaker.debugger import ProfilerRule, rule_configs
        from sagemaker.huggingface import HuggingFace
        est = HuggingFace(entry_point="train.py", instance_type="ml.p3.2xlarge", rules=[ProfilerRule.sagemaker(rule_configs.LowGPUUtilization())])
      `,
    },
    {
      name: 'a multi-line import in the way, or other rules already listed: no fix',
      format: 'python',
      code: dedent`
        from sagemaker.debugger import (
            Rule,
            rule_configs,
        )
        from sagemaker.tensorflow import TensorFlow
        a = TensorFlow(entry_point="train.py", instance_type="ml.g4dn.xlarge")
        b = TensorFlow(entry_point="train.py", instance_type="ml.g4dn.xlarge", rules=[Rule.sagemaker(rule_configs.vanishing_gradient())])
      `,
      errors: [noRule(6, 5, 10, 'ml.g4dn.xlarge'), noRule(7, 5, 10, 'ml.g4dn.xlarge')],
      output: null,
    },
    {
      name: 'boto3 without profiler rules: no fix',
      format: 'python',
      code: dedent`
        import boto3
        sm = boto3.client("sagemaker")
        sm.create_training_job(TrainingJobName="j", ResourceConfig={"InstanceType": "ml.g5.xlarge", "InstanceCount": 1})
      `,
      errors: [noRule(3, 1, 22, 'ml.g5.xlarge')],
      output: null,
    },
    {
      name: 'notebook: the import goes after the last line of the imports cell (no trailing newline, as Jupyter saves it)',
      format: 'notebook',
      code: notebookJson([
        '%pip install -q sagemaker\nimport sagemaker\nfrom sagemaker.pytorch import PyTorch',
        'GPU = "ml.g5.2xlarge"\n',
        'est = PyTorch(\n    entry_point="train.py",\n    instance_type=GPU,\n)\nest.fit()',
      ]),
      errors: [noRule(29, 12, 7, 'ml.g5.2xlarge')],
      output: notebookJson([
        '%pip install -q sagemaker\nimport sagemaker\nfrom sagemaker.pytorch import PyTorch\nfrom sagemaker.debugger import ProfilerRule, rule_configs',
        'GPU = "ml.g5.2xlarge"\n',
        'est = PyTorch(\n    entry_point="train.py",\n    instance_type=GPU,\n    rules=[ProfilerRule.sagemaker(rule_configs.LowGPUUtilization())],\n)\nest.fit()',
      ]),
    },
  ],
});
