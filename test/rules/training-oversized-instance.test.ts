import { trainingOversizedInstance } from '../../src/rules/training-oversized-instance';
import { dedent } from '../kit/dedent';
import { notebookJson } from '../kit/notebook';
import { RuleTester } from '../kit/ruleTester';
import { tfTrainingJob, tfProfilerRule, tfPytorchImage, tfSklearnImage } from '../kit/tfTraining';

/** Literal images for Python cases (the Terraform helpers' constants carry HCL quotes). */
const pytorchImage = JSON.parse(tfPytorchImage) as string;
const sklearnImage = JSON.parse(tfSklearnImage) as string;

const at = (line: number, column: number, length: number) => ({ line, column, endLine: line, endColumn: column + length });

new RuleTester().run(trainingOversizedInstance, {
  valid: [
    {
      name: "Terraform: the scikit-learn container on a conditional type with a CPU side: silent",
      format: 'terraform',
      code: tfTrainingJob({ instanceType: 'var.gpu ? "ml.g4dn.xlarge" : "ml.m5.xlarge"', image: tfSklearnImage, spot: true }),
    },
    {
      name: 'an instance type on two paths, one of them a single GPU or local mode: silent (SDK v2, SDK v3, boto3)',
      format: 'python',
      code: dedent`
        import boto3
        from sagemaker.pytorch import PyTorch
        from sagemaker.sklearn import SKLearn
        from sagemaker.train import ModelTrainer
        from sagemaker.train.configs import Compute
        kwargs = {"instance_type": "ml.p3.8xlarge" if IS_CLOUD_JOB else "local", "instance_count": 1}
        a = PyTorch(entry_point="train.py", **kwargs)
        b = ModelTrainer(training_image="${pytorchImage}", compute=Compute(instance_type="ml.g5.12xlarge" if big else "ml.g5.2xlarge"))
        c = SKLearn(entry_point="train.py", framework_version="1.2-1", instance_type="ml.g4dn.xlarge" if gpu else "ml.m5.xlarge")
        boto3.client("sagemaker").create_training_job(AlgorithmSpecification={"TrainingImage": "${sklearnImage}"}, ResourceConfig={"InstanceType": "ml.g4dn.xlarge" if gpu else "ml.m5.large", "InstanceCount": 1})
      `,
    },
    {
      name: "Terraform: the scikit-learn container on a CPU type",
      format: 'terraform',
      code: tfTrainingJob({ instanceType: '"ml.m5.xlarge"', image: tfSklearnImage, spot: true }),
    },
    {
      name: "Terraform: the scikit-learn container, instance type from a variable: silent",
      format: 'terraform',
      code: tfTrainingJob({ instanceType: 'var.instance_type', image: tfSklearnImage, spot: true }),
    },
    {
      name: "Terraform: a multi-GPU PyTorch job: the image decides how it distributes, silent",
      format: 'terraform',
      code: tfTrainingJob({ instanceType: '"ml.g5.12xlarge"', image: tfPytorchImage, spot: true, extra: tfProfilerRule }),
    },
    {
      name: 'training plans: reserved multi-GPU capacity is paid for whatever the job uses of it (SDK v2, SDK v3, boto3)',
      format: 'python',
      code: dedent`
        import boto3
        from sagemaker.pytorch import PyTorch
        from sagemaker.sklearn import SKLearn
        from sagemaker.train import ModelTrainer
        from sagemaker.train.configs import Compute, SourceCode
        PLAN = "arn:aws:sagemaker:us-east-1:111122223333:training-plan/llm-reserved"
        a = PyTorch(entry_point="train.py", instance_type="ml.p4d.24xlarge", instance_count=2, training_plan=PLAN)
        b = ModelTrainer(training_image="${pytorchImage}", source_code=SourceCode(source_dir="src", entry_script="train.py"), compute=Compute(instance_type="ml.p4d.24xlarge", instance_count=2, training_plan_arn=PLAN))
        c = SKLearn(entry_point="train.py", framework_version="1.2-1", instance_type="ml.g5.xlarge", training_plan=PLAN)
        boto3.client("sagemaker").create_training_job(AlgorithmSpecification={"TrainingImage": "${sklearnImage}"}, ResourceConfig={"InstanceType": "ml.g5.xlarge", "InstanceCount": 1, "TrainingPlanArn": PLAN})
      `,
    },
    {
      name: 'notebook: a training plan from an earlier cell',
      format: 'notebook',
      code: notebookJson(['from sagemaker.pytorch import PyTorch\nPLAN = plan_arn()', 'est = PyTorch(entry_point="train.py", instance_type="ml.p4d.24xlarge", instance_count=2, training_plan=PLAN)']),
    },
    {
      name: 'Terraform: the scikit-learn container on a GPU type, on a training plan',
      format: 'terraform',
      code: tfTrainingJob({ instanceType: '"ml.g5.xlarge"', image: tfSklearnImage, spot: true }).replace('    volume_size_in_gb = 50\n', '    volume_size_in_gb = 50\n    training_plan_arn = aws_sagemaker_training_plan.gpu.arn\n'),
    },
    {
      name: 'ModelTrainer.from_recipe on a multi-GPU instance: the recipe launches its own processes',
      format: 'python',
      code: dedent`
        from sagemaker.train import ModelTrainer
        from sagemaker.train.configs import Compute
        trainer = ModelTrainer.from_recipe(training_recipe="fine-tuning/llama/hf_llama3_8b_seq8k_gpu_lora", training_image="${pytorchImage}", compute=Compute(instance_type="ml.p4d.24xlarge", instance_count=2))
      `,
    },
    {
      name: 'multi-GPU instance with distribution, single-GPU instance, one instance',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorch
        a = PyTorch(entry_point="train.py", instance_type="ml.p4d.24xlarge", instance_count=2, distribution={"torch_distributed": {"enabled": True}})
        b = PyTorch(entry_point="train.py", instance_type="ml.g5.2xlarge", instance_count=1)
      `,
    },
    {
      name: 'built-in algorithms and XGBoost distribute by themselves; a custom image is unknown',
      format: 'python',
      code: dedent`
        import sagemaker
        from sagemaker.estimator import Estimator
        from sagemaker import KMeans
        from sagemaker.xgboost import XGBoost
        image = sagemaker.image_uris.retrieve("xgboost", "us-east-1", "1.7-1")
        a = Estimator(image, role, 4, "ml.m5.4xlarge")
        b = KMeans(role=role, instance_count=2, instance_type="ml.p3.8xlarge", k=10)
        c = XGBoost(entry_point="xgb.py", framework_version="1.7-1", instance_type="ml.g5.12xlarge", instance_count=2)
        d = Estimator(image_uri=my_image, role=role, instance_count=3, instance_type="ml.p3.16xlarge")
      `,
    },
    {
      name: 'unknown values and **kwargs that may hold a distribution: silent',
      format: 'python',
      code: dedent`
        from sagemaker.huggingface import HuggingFace
        from sagemaker.sklearn import SKLearn
        a = HuggingFace(entry_point="train.py", instance_type=args.instance_type, instance_count=args.count)
        b = HuggingFace(entry_point="train.py", instance_type="ml.g5.12xlarge", **extra)
        c = SKLearn(entry_point="train.py", framework_version="1.2-1", instance_type="ml.c5.xlarge")
      `,
    },
    {
      name: 'SDK v3 ModelTrainer with distributed=',
      format: 'python',
      code: dedent`
        from sagemaker.train import ModelTrainer
        from sagemaker.train.configs import Compute
        from sagemaker.train.distributed import Torchrun
        t = ModelTrainer(training_image="763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311", compute=Compute(instance_type="ml.g5.12xlarge", instance_count=2), distributed=Torchrun())
      `,
    },
    {
      name: 'the job launches its own processes: SDK v1 distributions=, a backend hyperparameter, a ModelTrainer shell script or command',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorch
        from sagemaker.tensorflow import TensorFlow
        from sagemaker.train import ModelTrainer
        from sagemaker.train.configs import Compute, SourceCode
        a = TensorFlow(entry_point="train.py", train_instance_count=2, train_instance_type="ml.p3.2xlarge", distributions={"mpi": {"enabled": True}})
        b = PyTorch(entry_point="mnist.py", instance_count=3, instance_type="ml.c5.2xlarge", hyperparameters={"epochs": 1, "backend": "gloo"})
        image = "763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-training:2.7.1-gpu-py312"
        c = ModelTrainer(training_image=image, source_code=SourceCode(source_dir="scripts", entry_script="sm_accelerate_train.sh"), compute=Compute(instance_type="ml.p5.48xlarge"))
        d = ModelTrainer(training_image=image, source_code=SourceCode(source_dir="scripts", command="accelerate launch train.py"), compute=Compute(instance_type="ml.p4de.24xlarge"))
        e = ModelTrainer(training_image=image, source_code=source_code, compute=Compute(instance_type="ml.p4de.24xlarge"))
      `,
    },
  ],
  invalid: [
    {
      name: "Terraform: the scikit-learn container on a conditional type, both sides GPUs: named by the first, no edit",
      format: 'terraform',
      code: tfTrainingJob({ instanceType: 'var.fast ? "ml.g4dn.2xlarge" : "ml.g4dn.xlarge"', image: tfSklearnImage, spot: true, extra: tfProfilerRule }),
      errors: [{ messageId: 'gpuForCpuFramework', data: { instanceType: 'ml.g4dn.2xlarge (first of the values it may take; others: ml.g4dn.xlarge)', accelerators: '1 × T4', cpu: 'ml.m5.2xlarge' }, ...at(16, 5, 13) }],
      output: null,
    },
    {
      name: 'an instance type with several values: fires when every value does, named by the first, no edit (SDK v2, SDK v3, boto3, scikit-learn)',
      format: 'python',
      code: dedent`
        import boto3
        from sagemaker.pytorch import PyTorch
        from sagemaker.sklearn import SKLearn
        from sagemaker.train import ModelTrainer
        from sagemaker.train.configs import Compute
        if big:
            TYPE = "ml.p4d.24xlarge"
        else:
            TYPE = "ml.g5.12xlarge"
        a = PyTorch(entry_point="train.py", instance_type=TYPE)
        b = ModelTrainer(training_image="${pytorchImage}", compute=Compute(instance_type=TYPE))
        c = SKLearn(entry_point="train.py", framework_version="1.2-1", instance_type="ml.g4dn.2xlarge" if fast else "ml.g4dn.xlarge")
        boto3.client("sagemaker").create_training_job(AlgorithmSpecification={"TrainingImage": "${sklearnImage}"}, ResourceConfig={"InstanceType": TYPE, "InstanceCount": 1})
      `,
      errors: [
        { messageId: 'multiAccelerator', data: { instanceType: 'ml.p4d.24xlarge (first of the values it may take; others: ml.g5.12xlarge)', accelerators: '8 × A100-40GB', smaller: 'a smaller instance' }, ...at(10, 37, 18) },
        { messageId: 'multiAccelerator', data: { instanceType: 'ml.p4d.24xlarge (first of the values it may take; others: ml.g5.12xlarge)', accelerators: '8 × A100-40GB', smaller: 'a smaller instance' }, ...at(11, 158, 18) },
        { messageId: 'gpuForCpuFramework', data: { instanceType: 'ml.g4dn.2xlarge (first of the values it may take; others: ml.g4dn.xlarge)', accelerators: '1 × T4', cpu: 'ml.m5.2xlarge' }, ...at(12, 64, 61) },
        { messageId: 'gpuForCpuFramework', data: { instanceType: 'ml.p4d.24xlarge (first of the values it may take; others: ml.g5.12xlarge)', accelerators: '8 × A100-40GB', cpu: 'ml.m5.24xlarge' }, ...at(13, 190, 20) },
      ],
      output: null,
    },
    {
      name: "Terraform: the scikit-learn container on a GPU type",
      format: 'terraform',
      code: tfTrainingJob({ instanceType: '"ml.g4dn.xlarge"', image: tfSklearnImage, spot: true, extra: tfProfilerRule }),
      errors: [{ messageId: 'gpuForCpuFramework', data: { instanceType: 'ml.g4dn.xlarge', accelerators: '1 × T4', cpu: 'ml.m5.xlarge' }, ...at(16, 5, 13) }],
      output: null,
    },
    {
      name: 'multi-GPU instance and two instances without distribution: two findings, display-only fixes',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorch
        est = PyTorch(
            entry_point="train.py",
            instance_type="ml.g5.12xlarge",
            instance_count=2,
        )
      `,
      errors: [
        { messageId: 'multiAccelerator', data: { instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G', smaller: 'ml.g5.2xlarge' }, ...at(4, 5, 30) },
        { messageId: 'multiInstance', data: { count: 2 }, ...at(5, 5, 16) },
      ],
      output: null,
    },
    {
      name: 'p4d has no single-GPU size: the message says so without a named type',
      format: 'python',
      code: dedent`
        from sagemaker.tensorflow import TensorFlow
        est = TensorFlow(entry_point="train.py", instance_type="ml.p4d.24xlarge")
      `,
      errors: [{ messageId: 'multiAccelerator', data: { instanceType: 'ml.p4d.24xlarge', accelerators: '8 × A100-40GB', smaller: 'a smaller instance' }, ...at(2, 42, 31) }],
      output: null,
    },
    {
      name: 'scikit-learn on a GPU instance, through a constant',
      format: 'python',
      code: dedent`
        from sagemaker.sklearn.estimator import SKLearn
        TYPE = "ml.g4dn.2xlarge"
        est = SKLearn(entry_point="train.py", framework_version="1.2-1", instance_type=TYPE)
      `,
      errors: [{ messageId: 'gpuForCpuFramework', data: { instanceType: 'ml.g4dn.2xlarge', accelerators: '1 × T4', cpu: 'ml.m5.2xlarge' }, ...at(3, 66, 18) }],
      output: null,
    },
    {
      name: 'boto3 with the scikit-learn container on a GPU instance (as the estimator and ModelTrainer are judged)',
      format: 'python',
      code: dedent`
        import boto3
        sm = boto3.client("sagemaker")
        sm.create_training_job(AlgorithmSpecification={"TrainingImage": "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3"}, ResourceConfig={"InstanceType": "ml.g4dn.xlarge", "InstanceCount": 1})
      `,
      errors: [{ messageId: 'gpuForCpuFramework', data: { instanceType: 'ml.g4dn.xlarge', accelerators: '1 × T4', cpu: 'ml.m5.xlarge' }, ...at(3, 167, 32) }],
      output: null,
    },
    {
      name: 'ModelTrainer with a PyTorch container on two instances',
      format: 'python',
      code: dedent`
        from sagemaker.train import ModelTrainer
        from sagemaker.train.configs import Compute
        t = ModelTrainer(training_image="763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311", compute=Compute(instance_type="ml.m5.xlarge", instance_count=2))
      `,
      errors: [{ messageId: 'multiInstance', data: { count: 2 }, ...at(3, 160, 16) }],
      output: null,
    },
    {
      name: 'notebook: the count from an earlier cell, a %%time cell; findings on the raw .ipynb lines',
      format: 'notebook',
      code: notebookJson(['from sagemaker.pytorch import PyTorch\nNODES = 4\n', '%%time\nest = PyTorch(\n    entry_point="train.py",\n    instance_type="ml.g5.12xlarge",\n    instance_count=NODES,\n)\n']),
      errors: [
        { messageId: 'multiAccelerator', data: { instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G', smaller: 'ml.g5.2xlarge' }, ...at(22, 10, 32) },
        { messageId: 'multiInstance', data: { count: 4 }, ...at(23, 10, 20) },
      ],
      output: null,
    },
  ],
});
