import { trainingGpuInstance } from '../../src/rules/training-gpu-instance';
import { dedent } from '../kit/dedent';
import { notebookJson } from '../kit/notebook';
import { RuleTester } from '../kit/ruleTester';
import { tfTrainingJob, tfProfilerRule, tfPytorchImage } from '../kit/tfTraining';

const gpuTraining = (line: number, column: number, length: number, instanceType: string, accelerators: string, trainium: string) => ({
  messageId: 'gpuTraining',
  data: { instanceType, accelerators, trainium, saving: 'up to 50% lower cost-to-train' },
  line,
  column,
  endLine: line,
  endColumn: column + length,
});

/** SML207 where the file's region offers no Trainium (EC2 lists trn1 in us-east-1, us-east-2 and us-west-2 only). */
const noTrainium = (line: number, column: number, length: number, region: string) => ({
  messageId: 'notInRegion',
  data: { instanceType: 'ml.p3.2xlarge', accelerators: '1 × V100', region, family: 'ml.trn1' },
  line,
  column,
  endLine: line,
  endColumn: column + length,
});

/** A PyTorch estimator on one V100 whose SageMaker session runs in `region`. */
const pyTrainIn = (region: string) => dedent`
  import boto3
  import sagemaker
  from sagemaker.pytorch import PyTorch
  session = sagemaker.Session(boto_session=boto3.Session(region_name="${region}"))
  est = PyTorch(entry_point="train.py", framework_version="2.1", py_version="py310", instance_type="ml.p3.2xlarge", instance_count=1, sagemaker_session=session)
`;

new RuleTester().run(trainingGpuInstance, {
  valid: [
    {
      name: 'Terraform: a conditional instance type with a CPU side: silent',
      format: 'terraform',
      code: tfTrainingJob({ instanceType: 'var.big ? "ml.g5.xlarge" : "ml.m5.xlarge"', image: tfPytorchImage, spot: true, extra: tfProfilerRule }),
    },
    {
      name: 'an instance type bound on two paths, one of them local mode: silent (as a local run trains on no GPU)',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorch
        if local_mode:
            instance_type = "local"
        else:
            instance_type = "ml.p3.2xlarge"
        est = PyTorch(entry_point="train.py", instance_type=instance_type)
      `,
    },
    {
      name: 'a conditional instance type with a CPU side: silent (SDK v2, SDK v3, boto3)',
      format: 'python',
      code: dedent`
        import boto3
        from sagemaker.pytorch import PyTorch
        from sagemaker.train import ModelTrainer
        from sagemaker.train.configs import Compute
        a = PyTorch(entry_point="train.py", instance_type="ml.g5.xlarge" if gpu else "ml.m5.xlarge")
        b = ModelTrainer(training_image="763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311", compute=Compute(instance_type="ml.g5.xlarge" if gpu else "ml.c5.2xlarge"))
        boto3.client("sagemaker").create_training_job(AlgorithmSpecification={"TrainingImage": "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311"}, ResourceConfig={"InstanceType": "ml.g5.xlarge" if gpu else "ml.m5.xlarge", "InstanceCount": 1})
      `,
    },
    {
      name: "Terraform: an image from a variable: the framework is unknown, silent",
      format: 'terraform',
      code: tfTrainingJob({ instanceType: '"ml.p3.2xlarge"', spot: true, extra: tfProfilerRule }),
    },
    {
      name: "Terraform: a PyTorch image, instance type from a variable: silent",
      format: 'terraform',
      code: tfTrainingJob({ instanceType: 'var.instance_type', image: tfPytorchImage, spot: true, extra: tfProfilerRule }),
    },
    {
      name: 'training plans: the reserved GPU capacity is paid for (SDK v2, SDK v3, boto3)',
      format: 'python',
      code: dedent`
        import boto3
        from sagemaker.pytorch import PyTorch
        from sagemaker.train import ModelTrainer
        from sagemaker.train.configs import Compute
        PLAN = "arn:aws:sagemaker:us-east-1:111122223333:training-plan/llm-reserved"
        a = PyTorch(entry_point="train.py", instance_type="ml.p5.48xlarge", training_plan=PLAN)
        b = ModelTrainer(training_image="763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311-cu121-ubuntu20.04-sagemaker", compute=Compute(instance_type="ml.p5.48xlarge", training_plan_arn=PLAN))
        boto3.client("sagemaker").create_training_job(AlgorithmSpecification={"TrainingImage": "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311-cu121-ubuntu20.04-sagemaker"}, ResourceConfig={"InstanceType": "ml.p5.48xlarge", "InstanceCount": 1, "TrainingPlanArn": PLAN})
      `,
    },
    {
      name: 'notebook: a training plan from an earlier cell',
      format: 'notebook',
      code: notebookJson(['from sagemaker.pytorch import PyTorch\nPLAN = plan_arn()', 'est = PyTorch(entry_point="train.py", instance_type="ml.p4d.24xlarge", training_plan=PLAN)']),
    },
    {
      name: 'Terraform: a PyTorch job on a training plan',
      format: 'terraform',
      code: tfTrainingJob({ instanceType: '"ml.p5.48xlarge"', image: tfPytorchImage, spot: true, extra: tfProfilerRule }).replace('    volume_size_in_gb = 50\n', '    volume_size_in_gb = 50\n    training_plan_arn = aws_sagemaker_training_plan.llm.arn\n'),
    },
    {
      name: 'already on Trainium',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorch
        est = PyTorch(entry_point="train.py", instance_type="ml.trn1.32xlarge", instance_count=1)
      `,
    },
    {
      name: 'CPU instance, and frameworks Neuron does not serve (XGBoost, SKLearn, built-in algorithms)',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorch
        from sagemaker.xgboost import XGBoost
        from sagemaker.estimator import Estimator
        import sagemaker
        a = PyTorch(entry_point="train.py", instance_type="ml.c5.2xlarge")
        b = XGBoost(entry_point="train.py", framework_version="1.7-1", instance_type="ml.g5.xlarge")
        image = sagemaker.image_uris.retrieve("xgboost", "us-east-1", "1.7-1")
        c = Estimator(image, role, 1, "ml.g5.xlarge")
      `,
    },
    {
      name: 'a generic Estimator with an image of unknown framework, an unresolved instance type, local mode: silent',
      format: 'python',
      code: dedent`
        from sagemaker.estimator import Estimator
        from sagemaker.huggingface import HuggingFace
        a = Estimator(image_uri=my_image, role=role, instance_count=1, instance_type="ml.p3.2xlarge")
        b = HuggingFace(entry_point="train.py", instance_type=args.instance_type)
        c = HuggingFace(entry_point="train.py", instance_type="local_gpu")
      `,
    },
    {
      name: 'boto3 with a custom image, and ModelTrainer without a known image',
      format: 'python',
      code: dedent`
        import boto3
        from sagemaker.train import ModelTrainer
        from sagemaker.train.configs import Compute
        boto3.client("sagemaker").create_training_job(AlgorithmSpecification={"TrainingImage": "123.dkr.ecr.us-east-1.amazonaws.com/mine:1"}, ResourceConfig={"InstanceType": "ml.g5.xlarge", "InstanceCount": 1})
        t = ModelTrainer(training_image=image, compute=Compute(instance_type="ml.g5.xlarge"))
      `,
    },
  ],
  invalid: [
    {
      name: 'region: Python, the session in eu-west-1, which offers no Trainium: says so, suggests no ml.trn1',
      format: 'python',
      code: pyTrainIn('eu-west-1'),
      errors: [noTrainium(5, 84, 'instance_type="ml.p3.2xlarge"'.length, 'eu-west-1')],
      output: null,
    },
    {
      name: 'region: Python in us-west-2, which offers ml.trn1: suggested as anywhere',
      format: 'python',
      code: pyTrainIn('us-west-2'),
      errors: [gpuTraining(5, 84, 'instance_type="ml.p3.2xlarge"'.length, 'ml.p3.2xlarge', '1 × V100', 'ml.trn1.2xlarge')],
      output: null,
    },
    {
      name: 'region: notebook, the client made in a later cell sets the region of the work',
      format: 'notebook',
      code: notebookJson(['from sagemaker.pytorch import PyTorch\nest = PyTorch(entry_point="train.py", instance_type="ml.p3.2xlarge", instance_count=1)', 'import boto3\nsm = boto3.client("sagemaker", region_name="ap-northeast-1")']),
      // The range is in the notebook's JSON, where each quote is escaped.
      errors: [noTrainium(10, 46, 'instance_type=\\"ml.p3.2xlarge\\"'.length, 'ap-northeast-1')],
      output: null,
    },
    {
      name: 'region: Terraform, the AWS provider in eu-central-1',
      format: 'terraform',
      code: `provider "aws" {\n  region = "eu-central-1"\n}\n\n${tfTrainingJob({ instanceType: '"ml.p3.2xlarge"', image: tfPytorchImage, spot: true, extra: tfProfilerRule })}`,
      errors: [noTrainium(20, 5, 13, 'eu-central-1')],
      output: null,
    },
    {
      name: 'Terraform: a conditional instance type, both sides GPUs: named by the first, no edit',
      format: 'terraform',
      code: tfTrainingJob({ instanceType: 'var.big ? "ml.p4d.24xlarge" : (var.medium ? "ml.g5.12xlarge" : "ml.p4d.24xlarge")', image: tfPytorchImage, spot: true, extra: tfProfilerRule }),
      errors: [gpuTraining(16, 5, 13, 'ml.p4d.24xlarge (first of the values it may take; others: ml.g5.12xlarge)', '8 × A100-40GB', 'ml.trn1.32xlarge')],
      output: null,
    },
    {
      name: 'an instance type with several values: fires when every value does, named by the first, no edit (SDK v2 conditional, if/else, try/except; a path of unknown value keeps it silent)',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorch
        a = PyTorch(entry_point="train.py", instance_type="ml.p4d.24xlarge" if big else "ml.g5.xlarge")
        if big:
            TYPE = "ml.g5.12xlarge"
        else:
            TYPE = "ml.g5.2xlarge"
        b = PyTorch(entry_point="train.py", instance_type=TYPE)
        try:
            SIZE = pick_size()
        except KeyError:
            SIZE = "ml.g5.2xlarge"
        c = PyTorch(entry_point="train.py", instance_type=SIZE)
        try:
            import flash_attn
            GPU = "ml.g5.12xlarge"
        except ImportError:
            GPU = "ml.g5.12xlarge"
        d = PyTorch(entry_point="train.py", instance_type=GPU)
      `,
      errors: [
        gpuTraining(2, 37, 58, 'ml.p4d.24xlarge (first of the values it may take; others: ml.g5.xlarge)', '8 × A100-40GB', 'ml.trn1.32xlarge'),
        gpuTraining(7, 37, 18, 'ml.g5.12xlarge (first of the values it may take; others: ml.g5.2xlarge)', '4 × A10G', 'ml.trn1.32xlarge'),
        // The same value on both paths is one value: no note.
        gpuTraining(18, 37, 17, 'ml.g5.12xlarge', '4 × A10G', 'ml.trn1.32xlarge'),
      ],
      output: null,
    },
    {
      name: 'a name with several values in SDK v3 Compute and boto3 ResourceConfig',
      format: 'python',
      code: dedent`
        import boto3
        from sagemaker.train import ModelTrainer
        from sagemaker.train.configs import Compute
        gpu = "ml.p4d.24xlarge" if big else "ml.g5.xlarge"
        t = ModelTrainer(training_image="763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311", compute=Compute(instance_type=gpu))
        boto3.client("sagemaker").create_training_job(AlgorithmSpecification={"TrainingImage": "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311"}, ResourceConfig={"InstanceType": gpu, "InstanceCount": 1})
      `,
      errors: [
        gpuTraining(5, 130, 17, 'ml.p4d.24xlarge (first of the values it may take; others: ml.g5.xlarge)', '8 × A100-40GB', 'ml.trn1.32xlarge'),
        gpuTraining(6, 186, 19, 'ml.p4d.24xlarge (first of the values it may take; others: ml.g5.xlarge)', '8 × A100-40GB', 'ml.trn1.32xlarge'),
      ],
      output: null,
    },
    {
      name: 'notebook: the instance type set in if/else in one cell, the estimator in the next',
      format: 'notebook',
      code: notebookJson(['if big:\n    instance_type = "ml.p3.8xlarge"\nelse:\n    instance_type = "ml.p3.2xlarge"', 'from sagemaker.pytorch import PyTorch\nest = PyTorch(entry_point="train.py", instance_type=instance_type)']),
      errors: [{ ...gpuTraining(22, 46, 27, 'ml.p3.8xlarge (first of the values it may take; others: ml.p3.2xlarge)', '4 × V100', 'ml.trn1.32xlarge') }],
      output: null,
    },
    {
      name: "Terraform: a PyTorch Deep Learning Container on a GPU type",
      format: 'terraform',
      code: tfTrainingJob({ instanceType: '"ml.p3.2xlarge"', image: tfPytorchImage, spot: true, extra: tfProfilerRule }),
      errors: [gpuTraining(16, 5, 13, 'ml.p3.2xlarge', '1 × V100', 'ml.trn1.2xlarge')],
      output: null,
    },
    {
      name: 'PyTorch on one A10G: trn1.2xlarge, display-only fix',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorch
        est = PyTorch(entry_point="train.py", instance_type="ml.g5.2xlarge", instance_count=1)
      `,
      errors: [gpuTraining(2, 39, 29, 'ml.g5.2xlarge', '1 × A10G', 'ml.trn1.2xlarge')],
      output: null,
    },
    {
      name: 'HuggingFace on 8 A100s through a constant: trn1.32xlarge',
      format: 'python',
      code: dedent`
        import sagemaker.huggingface as hf
        INSTANCE = "ml.p4d.24xlarge"
        est = hf.HuggingFace(entry_point="train.py", instance_type=INSTANCE, instance_count=2)
      `,
      errors: [gpuTraining(3, 46, 22, 'ml.p4d.24xlarge', '8 × A100-40GB', 'ml.trn1.32xlarge')],
      output: null,
    },
    {
      name: 'boto3 with a PyTorch Deep Learning Container, ModelTrainer with a retrieved TensorFlow image',
      format: 'python',
      code: dedent`
        import boto3
        from sagemaker import image_uris
        from sagemaker.train import ModelTrainer
        from sagemaker.train.configs import Compute
        boto3.client("sagemaker").create_training_job(
            AlgorithmSpecification={"TrainingImage": "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311", "TrainingInputMode": "File"},
            ResourceConfig={"InstanceType": "ml.g4dn.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 30},
        )
        t = ModelTrainer(training_image=image_uris.retrieve("tensorflow", "us-east-1", version="2.16", image_scope="training"), compute=Compute(instance_type="ml.g5.12xlarge"))
      `,
      errors: [
        gpuTraining(7, 21, 32, 'ml.g4dn.xlarge', '1 × T4', 'ml.trn1.2xlarge'),
        gpuTraining(9, 137, 30, 'ml.g5.12xlarge', '4 × A10G', 'ml.trn1.32xlarge'),
      ],
      output: null,
    },
    {
      name: 'boto3 tuning job: its training job definition is a training job like create_training_job',
      format: 'python',
      code: dedent`
        import boto3
        boto3.client("sagemaker").create_hyper_parameter_tuning_job(
            HyperParameterTuningJobConfig={"Strategy": "Bayesian"},
            TrainingJobDefinition={"AlgorithmSpecification": {"TrainingImage": "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311"}, "ResourceConfig": {"InstanceType": "ml.g4dn.xlarge", "InstanceCount": 1}},
        )
      `,
      errors: [gpuTraining(4, 173, 32, 'ml.g4dn.xlarge', '1 × T4', 'ml.trn1.2xlarge')],
      output: null,
    },
    {
      name: 'notebook: the instance type from an earlier cell; the finding is on the raw .ipynb line of the argument',
      format: 'notebook',
      code: notebookJson(['%pip install -q sagemaker\nimport sagemaker.huggingface as hf\nINSTANCE = "ml.p4d.24xlarge"\n', 'est = hf.HuggingFace(entry_point="train.py", instance_type=INSTANCE, instance_count=2)\n']),
      errors: [gpuTraining(20, 53, 22, 'ml.p4d.24xlarge', '8 × A100-40GB', 'ml.trn1.32xlarge')],
      output: null,
    },
  ],
});
