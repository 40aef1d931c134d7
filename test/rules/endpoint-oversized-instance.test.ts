import { endpointOversizedInstance } from '../../src/rules/endpoint-oversized-instance';
import { dedent } from '../kit/dedent';
import { cdkPythonComprehension, dynamicVariants, onShadow, onShadowBranches, onShadowJson, propsVariantDict, tfConditionalType } from '../kit/endpointTemplates';
import { notebookJson } from '../kit/notebook';
import { RuleTester } from '../kit/ruleTester';

const config = (variant: string, rest = '') => dedent`
  AWSTemplateFormatVersion: "2010-09-09"
  Resources:
    Config:
      Type: AWS::SageMaker::EndpointConfig
      Properties:
        ProductionVariants:
          - VariantName: AllTraffic
            ModelName: llm
            ${variant}
${rest}`;

const scaled = dedent`
    Endpoint:
      Type: AWS::SageMaker::Endpoint
      Properties:
        EndpointConfigName: !GetAtt Config.EndpointConfigName
    Target:
      Type: AWS::ApplicationAutoScaling::ScalableTarget
      Properties:
        ServiceNamespace: sagemaker
        ScalableDimension: sagemaker:variant:DesiredInstanceCount
        ResourceId: !Sub endpoint/\${Endpoint.EndpointName}/variant/AllTraffic
        MinCapacity: 1
        MaxCapacity: 4
`.replace(/^/gm, '    ');

/** A Hugging Face model deployed on one ml.g5.12xlarge (four A10G) from a boto3 session in `region`. */
const pyServeIn = (region: string) => dedent`
  import boto3
  from sagemaker.huggingface import HuggingFaceModel
  boto_session = boto3.Session(region_name="${region}")
  model = HuggingFaceModel(model_data="s3://models/llm.tar.gz", role=role, transformers_version="4.37", pytorch_version="2.1", py_version="py310")
  predictor = model.deploy(initial_instance_count=1, instance_type="ml.g5.12xlarge")
`;

const at = (line: number, column: number, length: number) => ({ line, column, endLine: line, endColumn: column + length });

/** The model the variant names (`ModelName: llm`), with these `Environment` entries. */
const model = (environment: string) => dedent`
    Llm:
      Type: AWS::SageMaker::Model
      Properties:
        ModelName: llm
        ExecutionRoleArn: arn:aws:iam::123456789012:role/r
        PrimaryContainer:
          Image: 763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124
          Environment:
            HF_MODEL_ID: meta-llama/Meta-Llama-3-8B-Instruct
            ${environment}
`.replace(/^/gm, '    ');

/** A Terraform model and the configuration that serves it by reference (`model_name = aws_sagemaker_model.llm.name`), with these `environment` entries. */
const tfServed = (environment: string, instanceType = 'ml.g5.12xlarge') => dedent`
  variable "gpus" {
    type    = number
    default = 4
  }
  resource "aws_sagemaker_model" "llm" {
    name               = "llm"
    execution_role_arn = var.role
    primary_container {
      image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.33.0-lmi15.0.0-cu128"
      environment = {
        HF_MODEL_ID = "mistralai/Mistral-7B-Instruct-v0.3"
        ${environment}
      }
    }
  }
  resource "aws_sagemaker_endpoint_configuration" "serve" {
    production_variants {
      variant_name           = "AllTraffic"
      model_name             = aws_sagemaker_model.llm.name
      initial_instance_count = 1
      instance_type          = "${instanceType}"
    }
  }
`;

/** A CDK TypeScript model and the configuration that serves it through `model.attrModelName`. */
const cdkTsServed = (environment: string) =>
  `import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nconst model = new sagemaker.CfnModel(this, 'Model', {\n  executionRoleArn: role.roleArn,\n  primaryContainer: { image: image, environment: { HF_MODEL_ID: 'mistralai/Mistral-7B-Instruct-v0.3', ${environment} } },\n});\nnew sagemaker.CfnEndpointConfig(this, 'Config', {\n  productionVariants: [{ initialVariantWeight: 1.0, modelName: model.attrModelName, variantName: 'AllTraffic', initialInstanceCount: 1, instanceType: 'ml.g5.12xlarge' }],\n});\n`;

/** A CDK Python model (its containers list) and the configuration that serves it through `model.attr_model_name`. */
const cdkPyServed = (environment: string) =>
  `from aws_cdk import aws_sagemaker as sagemaker\nmodel = sagemaker.CfnModel(self, "Model", execution_role_arn=role_arn, containers=[sagemaker.CfnModel.ContainerDefinitionProperty(image=image, environment={"HF_MODEL_ID": "mistralai/Mistral-7B-Instruct-v0.3", ${environment}}, mode="SingleModel")])\nconfig = sagemaker.CfnEndpointConfig(self, "Config", production_variants=[sagemaker.CfnEndpointConfig.ProductionVariantProperty(model_name=model.attr_model_name, variant_name="AllTraffic", initial_instance_count=1, instance_type="ml.g5.12xlarge")])\n`;

const variantAt = (instanceType: string, count: number) => ({ VariantName: 'AllTraffic', ModelName: 'm', InstanceType: instanceType, InitialInstanceCount: count });

new RuleTester().run(endpointOversizedInstance, {
  valid: [
    {
      name: 'Terraform: instance_type = var.use_gpu ? four GPUs : one GPU: one value is not oversized, silent',
      format: 'terraform',
      code: tfConditionalType('ml.g5.12xlarge', 'ml.g5.xlarge'),
    },
    {
      name: 'model size: a 70B model named by HF_MODEL_ID needs several of the GPUs of a training-class p4d, not sharded in the file (SDK v2)',
      format: 'python',
      code: dedent`
        from sagemaker.huggingface import HuggingFaceModel, get_huggingface_llm_image_uri
        config = {"HF_MODEL_ID": "meta-llama/Llama-3.3-70B-Instruct", "HF_TOKEN": token}
        llm_model = HuggingFaceModel(role=role, image_uri=get_huggingface_llm_image_uri("huggingface"), env=config)
        llm = llm_model.deploy(initial_instance_count=1, instance_type="ml.p4d.24xlarge")
      `,
    },
    {
      name: 'model size, boto3 notebook: a 70B model (OPTION_MODEL_ID) in the environment of the model the variant names by a variable needs several GPUs of a training-class p4d',
      format: 'notebook',
      code: notebookJson([
        'import boto3\nimport sagemaker\nsm_client = boto3.client("sagemaker")\nlmi_env = {"HUGGINGFACE_HUB_CACHE": "/tmp", "OPTION_MODEL_ID": "TheBloke/Llama-2-70B-fp16", "OPTION_TENSOR_PARALLEL_DEGREE": "8", "OPTION_ROLLING_BATCH": "vllm"}\n',
        'model_name = sagemaker.utils.name_from_base("lmi-llama2-70b")\nsm_client.create_model(ModelName=model_name, ExecutionRoleArn=role, PrimaryContainer={"Image": lmi_image, "Environment": lmi_env})\n',
        'sm_client.create_endpoint_config(\n    EndpointConfigName=f"{model_name}-config",\n    ProductionVariants=[{"VariantName": "variant1", "ModelName": model_name, "InstanceType": "ml.p4d.24xlarge", "InitialInstanceCount": 1, "ModelDataDownloadTimeoutInSeconds": 3600}],\n)\n',
      ]),
    },
    {
      name: 'model size, boto3 script: a 70B model (HF_MODEL_ID) in the environment of the model the variant names with the same literal, not sharded in the file, on a training-class p4d',
      format: 'python',
      code: dedent`
        import boto3
        sm = boto3.client("sagemaker")
        sm.create_model(ModelName="llama-70b", ExecutionRoleArn=role, PrimaryContainer={"Image": tgi_image, "Environment": {"HF_MODEL_ID": "meta-llama/Llama-3.3-70B-Instruct", "HF_TOKEN": token}})
        sm.create_endpoint_config(EndpointConfigName="llama-70b-config", ProductionVariants=[{"VariantName": "AllTraffic", "ModelName": "llama-70b", "InstanceType": "ml.p4d.24xlarge", "InitialInstanceCount": 1}])
      `,
    },
    {
      name: 'model size: DeepSeek-V3.1 (671B, from the table) sharded across a p5en, and a JumpStart Llama 2 70B on a p4d',
      format: 'python',
      code: dedent`
        import sagemaker
        from sagemaker.jumpstart.model import JumpStartModel
        lmi = sagemaker.Model(image_uri=image, role=role, env={"HF_MODEL_ID": "deepseek-ai/DeepSeek-V3.1", "OPTION_TENSOR_PARALLEL_DEGREE": "8"})
        lmi.deploy(initial_instance_count=1, instance_type="ml.p5en.48xlarge")
        model = JumpStartModel(model_id="meta-textgeneration-llama-2-70b-f")
        model.deploy(initial_instance_count=1, instance_type="ml.p4d.24xlarge")
      `,
    },
    {
      name: 'model size: CloudFormation, a 70B model (OPTION_MODEL_ID) on a training-class p4d',
      format: 'cfn-yaml',
      code: config('InstanceType: ml.p4d.24xlarge\n            InitialInstanceCount: 1', model('OPTION_ROLLING_BATCH: vllm').replace('HF_MODEL_ID: meta-llama/Meta-Llama-3-8B-Instruct', 'OPTION_MODEL_ID: TheBloke/Llama-2-70B-fp16')),
    },
    {
      name: 'model size: Terraform, a 70B model on a training-class p4d',
      format: 'terraform',
      code: tfServed('OPTION_ROLLING_BATCH = "vllm"', 'ml.p4d.24xlarge').replace('mistralai/Mistral-7B-Instruct-v0.3', 'meta-llama/Llama-3.1-70B-Instruct'),
    },
    {
      name: 'model size: CDK TypeScript, a 32B model not sharded in the file needs several of the four A10G GPUs',
      format: 'cdk-typescript',
      code: cdkTsServed("APPCONFIG_PROFILE: 'serve'").replace('mistralai/Mistral-7B-Instruct-v0.3', 'Qwen/Qwen2.5-32B-Instruct'),
    },
    {
      name: 'model size: CDK Python, a 32B model sharded over one GPU (a model that cannot load is no idle capacity)',
      format: 'cdk-python',
      code: cdkPyServed('"SM_NUM_GPUS": "1"').replace('mistralai/Mistral-7B-Instruct-v0.3', 'Qwen/Qwen2.5-32B-Instruct'),
    },
    {
      name: 'Terraform dynamic "production_variants": two instances each, and a SageMaker scalable target in the module',
      format: 'terraform',
      code: dynamicVariants(['instance_type = lookup(production_variants.value, "instance_type", "ml.t2.medium")', 'initial_instance_count = 2'], 'resource "aws_appautoscaling_target" "t" {\n  service_namespace  = "sagemaker"\n  resource_id        = var.resource_id\n  scalable_dimension = "sagemaker:variant:DesiredInstanceCount"\n}\n'),
    },
    {
      name: 'CloudFormation: InstanceType under Fn::If, four GPUs in production, one elsewhere: not every branch is oversized',
      format: 'cfn-yaml',
      code: onShadow('Properties:\n  ProductionVariants:\n    - { VariantName: AllTraffic, ModelName: m, InstanceType: !If [Shadow, ml.g5.12xlarge, ml.g5.2xlarge], InitialInstanceCount: 1 }'),
    },
    {
      name: 'CloudFormation: InitialInstanceCount under Fn::If, three instances on one branch, one on the other: not every branch runs a fixed fleet',
      format: 'cfn-yaml',
      code: onShadow('Properties:\n  ProductionVariants:\n    - { VariantName: AllTraffic, ModelName: m, InstanceType: ml.inf2.xlarge, InitialInstanceCount: !If [Shadow, 3, 1] }'),
    },
    {
      name: 'CloudFormation JSON: whole Properties under Fn::If, a training-class type on one branch only',
      format: 'cfn-json',
      code: onShadowJson({ 'Fn::If': ['Shadow', { ProductionVariants: [variantAt('ml.p4d.24xlarge', 1)] }, { ProductionVariants: [variantAt('ml.inf2.xlarge', 1)] }] }),
    },
    {
      name: 'Terraform: the variant\'s model (model_name = aws_sagemaker_model.llm.name) sets OPTION_TENSOR_PARALLEL_DEGREE "max" in its container environment',
      format: 'terraform',
      code: tfServed('OPTION_TENSOR_PARALLEL_DEGREE = "max"'),
    },
    {
      name: 'Terraform: the degree is tostring(var.gpus), whose default is 4',
      format: 'terraform',
      code: tfServed('OPTION_TENSOR_PARALLEL_DEGREE = tostring(var.gpus)'),
    },
    {
      name: 'Terraform: the model is linked by its literal name, SM_NUM_GPUS "4"',
      format: 'terraform',
      code: tfServed('SM_NUM_GPUS = "4"').replace('model_name             = aws_sagemaker_model.llm.name', 'model_name             = "llm"'),
    },
    {
      name: 'CDK TypeScript: the model linked by model.attrModelName sets SM_NUM_GPUS 4',
      format: 'cdk-typescript',
      code: cdkTsServed("SM_NUM_GPUS: '4'"),
    },
    {
      name: 'CDK Python: the model linked by model.attr_model_name sets OPTION_TENSOR_PARALLEL_DEGREE through a name (the author set it)',
      format: 'cdk-python',
      code: cdkPyServed('"OPTION_TENSOR_PARALLEL_DEGREE": str(tp_degree)'),
    },
    {
      name: 'CloudFormation: the variant\'s model (ModelName llm) sets OPTION_TENSOR_PARALLEL_DEGREE 4 in its container environment',
      format: 'cfn-yaml',
      code: config('InstanceType: ml.g5.12xlarge\n            InitialInstanceCount: 1', model('OPTION_TENSOR_PARALLEL_DEGREE: "4"')),
    },
    {
      name: 'CloudFormation: instance pools of multi-GPU types, the model linked by !GetAtt shards with TENSOR_PARALLEL_DEGREE 8',
      format: 'cfn-yaml',
      code: config('ModelName: !GetAtt Llm.ModelName\n            InitialInstanceCount: 1\n            InstancePools:\n              - { InstanceType: ml.g5.48xlarge, Priority: 1 }\n              - { InstanceType: ml.g6.48xlarge, Priority: 2 }', model('TENSOR_PARALLEL_DEGREE: 8')).replace(/ModelName: llm\n\s*ModelName/, 'ModelName'),
    },
    {
      name: 'Hugging Face TGI: SM_NUM_GPUS = json.dumps(4) in the env dict given to the model shards it across the four GPUs',
      format: 'python',
      code: dedent`
        import json
        from sagemaker.huggingface import HuggingFaceModel, get_huggingface_llm_image_uri
        hub = {"HF_MODEL_ID": "mistralai/Mistral-7B-Instruct-v0.2", "SM_NUM_GPUS": json.dumps(4), "MAX_INPUT_LENGTH": json.dumps(2048)}
        llm_model = HuggingFaceModel(role=role, image_uri=get_huggingface_llm_image_uri("huggingface", version="1.4.2"), env=hub)
        llm = llm_model.deploy(initial_instance_count=1, instance_type="ml.g5.12xlarge", container_startup_health_check_timeout=300)
      `,
    },
    {
      name: 'notebook, SageMaker vLLM container: SM_VLLM_TENSOR_PARALLEL_SIZE = json.dumps(instance["num_gpu"]) in an env merged with | from two dicts, a boto3 variant of instance["type"]',
      format: 'notebook',
      code: notebookJson([
        'import json\nimport boto3\nsm = boto3.client("sagemaker")\ninstance = {"type": "ml.g6e.12xlarge", "num_gpu": 4}\n',
        'common_env = {"VLLM_USE_V2_MODEL_RUNNER": "1"}\nvllm_env = {"SM_VLLM_MODEL": "Qwen/Qwen3.6-27B", "SM_VLLM_TENSOR_PARALLEL_SIZE": json.dumps(instance["num_gpu"])}\nenv = common_env | vllm_env\n',
        'sm.create_model(ModelName="qwen", ExecutionRoleArn=role, PrimaryContainer={"Image": image, "Environment": env})\n',
        'sm.create_endpoint_config(EndpointConfigName="qwen", ProductionVariants=[{"VariantName": "AllTraffic", "ModelName": "qwen", "InstanceType": instance["type"], "InitialInstanceCount": 1}])\n',
      ]),
    },
    {
      name: 'SGLang container: SM_SGLANG_TENSOR_PARALLEL_SIZE "8" in the model env, eight GPUs',
      format: 'python',
      code: dedent`
        from sagemaker.model import Model
        Model(image_uri=image, role=role, env={"SM_SGLANG_MODEL_PATH": "meta-llama/Llama-3.1-70B-Instruct", "SM_SGLANG_TENSOR_PARALLEL_SIZE": "8"}).deploy(initial_instance_count=1, instance_type="ml.g6e.48xlarge")
      `,
    },
    {
      name: 'LMI container: OPTION_TENSOR_PARALLEL_DEGREE "max" in env={...}, eight GPUs',
      format: 'python',
      code: dedent`
        from sagemaker.model import Model
        model = Model(image_uri=lmi_image, role=role, env={"HF_MODEL_ID": "meta-llama/Meta-Llama-3-70B-Instruct", "OPTION_TENSOR_PARALLEL_DEGREE": "max", "OPTION_ROLLING_BATCH": "lmi-dist"})
        model.deploy(initial_instance_count=1, instance_type="ml.g5.48xlarge", endpoint_name=endpoint_name)
      `,
    },
    {
      name: 'inference component: ResourceRequirements(requests={"num_accelerators": 4}) given to the deploy',
      format: 'python',
      code: dedent`
        from sagemaker.jumpstart.model import JumpStartModel
        from sagemaker.compute_resource_requirements.resource_requirements import ResourceRequirements
        resources = ResourceRequirements(requests={"num_accelerators": 4, "memory": 1024 * 32, "copies": 1})
        model = JumpStartModel(model_id="huggingface-llm-qwen2-5-14b-instruct", role=role)
        model.deploy(initial_instance_count=1, instance_type="ml.g6e.12xlarge", resources=resources, endpoint_type=EndpointType.INFERENCE_COMPONENT_BASED)
      `,
    },
    {
      name: 'notebook, boto3: TENSOR_PARALLEL_DEGREE=8 in the model container environment of an earlier cell (the variant names the model, the file configures it)',
      format: 'notebook',
      code: notebookJson([
        'import boto3\nsm = boto3.client("sagemaker")\nenv = {"TENSOR_PARALLEL_DEGREE": "8", "MODEL_ID": "deepseek-ai/DeepSeek-R1-Distill-Llama-70B"}\n',
        'sm.create_model(ModelName="r1", ExecutionRoleArn=role, PrimaryContainer={"Image": image, "Environment": env})\n',
        'sm.create_endpoint_config(EndpointConfigName="r1-config", ProductionVariants=[{"VariantName": "v", "ModelName": "r1", "InstanceType": "ml.g5.48xlarge", "InitialInstanceCount": 1}])\n',
      ]),
    },
    {
      name: 'boto3: the vLLM container\'s SM_VLLM_TENSOR_PARALLEL_SIZE (str of a name) in the environment of the model the variant names with the same f-string',
      format: 'python',
      code: dedent`
        import boto3
        sm_client = boto3.client("sagemaker")
        gpus = 4
        base = model_id.split("/")[-1].replace(".", "-")
        env = {"SM_VLLM_MODEL": "/opt/ml/model", "SM_VLLM_DTYPE": "bfloat16", "SM_VLLM_TENSOR_PARALLEL_SIZE": str(gpus)}
        sm_client.create_model(ModelName=f"{base}-model", ExecutionRoleArn=role, PrimaryContainer={"Image": vllm_image, "Environment": env, "ModelDataSource": {"S3DataSource": {"S3Uri": artifacts, "S3DataType": "S3Prefix", "CompressionType": "Gzip"}}})
        instance_type = "ml.g5.12xlarge"
        sm_client.create_endpoint_config(
            EndpointConfigName=f"{base}-config",
            ProductionVariants=[{"VariantName": "AllTraffic", "ModelName": f"{base}-model", "InstanceType": instance_type, "InitialInstanceCount": 1}],
        )
      `,
    },
    {
      name: 'notebook, boto3: the model and the variant name it with one variable, in different cells',
      format: 'notebook',
      code: notebookJson([
        'import boto3\nsm = boto3.client("sagemaker")\nmodel_name = f"qwen-{stamp}"\n',
        'sm.create_model(ModelName=model_name, ExecutionRoleArn=role, PrimaryContainer={"Image": vllm_image, "Environment": {"SM_VLLM_TENSOR_PARALLEL_SIZE": "4"}})\n',
        'sm.create_endpoint_config(EndpointConfigName=f"{model_name}-config", ProductionVariants=[{"VariantName": "v", "ModelName": model_name, "InstanceType": "ml.g6.12xlarge", "InitialInstanceCount": 1}])\n',
      ]),
    },
    {
      name: 'SDK v3 ModelBuilder: env_vars with SM_NUM_GPUS written through a variable (the author set it)',
      format: 'python',
      code: dedent`
        from sagemaker.serve import ModelBuilder
        builder = ModelBuilder(model="Qwen/Qwen2.5-14B-Instruct", instance_type="ml.g6e.12xlarge", env_vars={"SM_NUM_GPUS": gpus, "HF_TOKEN": token})
        builder.build().deploy()
      `,
    },
    {
      name: 'boto3: ManagedInstanceScaling scales the fleet without a scalable target (as in every template)',
      format: 'python',
      code: 'import boto3\nsm = boto3.client("sagemaker")\nsm.create_endpoint_config(EndpointConfigName="c", ProductionVariants=[{"VariantName": "AllTraffic", "InstanceType": "ml.g5.xlarge", "InitialInstanceCount": 3, "ManagedInstanceScaling": {"Status": "ENABLED", "MinInstanceCount": 1, "MaxInstanceCount": 4}}])\n',
    },
    {
      name: 'Terraform module: several instances, scaled by a target in another .tf file of the folder',
      format: 'terraform',
      code: 'resource "aws_sagemaker_endpoint_configuration" "c" {\n  production_variants {\n    variant_name           = "A"\n    instance_type          = "ml.g5.xlarge"\n    initial_instance_count = 3\n  }\n}\n',
      siblings: [{ fileName: 'scaling.tf', code: 'resource "aws_appautoscaling_target" "t" {\n  service_namespace = "sagemaker"\n  resource_id       = "endpoint/churn/variant/A"\n}\n' }],
    },
    {
      name: 'SDK v3 ModelBuilder in local-container mode, or deployed on a type given at the deploy',
      format: 'python',
      code: dedent`
        from sagemaker.serve import ModelBuilder
        from sagemaker.serve.mode.function_pointers import Mode
        ModelBuilder(model=model, instance_type="ml.p4d.24xlarge", mode=Mode.LOCAL_CONTAINER).build().deploy()
        ModelBuilder(model=model, instance_type="ml.p4d.24xlarge").build().deploy(initial_instance_count=1, instance_type="ml.g5.xlarge")
      `,
    },
    {
      name: 'CDK TypeScript: several instances with a SageMaker scalable target in the file',
      format: 'cdk-typescript',
      code: dedent`
        import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
        import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
        new sagemaker.CfnEndpointConfig(this, 'Config', { productionVariants: [{ variantName: 'AllTraffic', modelName: 'm', instanceType: 'ml.inf2.xlarge', initialInstanceCount: 3 }] });
        new appscaling.ScalableTarget(this, 'Target', { serviceNamespace: appscaling.ServiceNamespace.SAGEMAKER, resourceId: id, scalableDimension: 'sagemaker:variant:DesiredInstanceCount', minCapacity: 1, maxCapacity: 4 });
      `,
    },
    {
      name: 'CDK Python: a comprehension whose dict element writes one GPU and takes its count from the loop: nothing oversized to judge',
      format: 'cdk-python',
      code: cdkPythonComprehension(propsVariantDict('ml.g5.xlarge')),
    },
    {
      name: 'CDK Python: a CfnScalableTarget for sagemaker; one GPU is not oversized',
      format: 'cdk-python',
      code: dedent`
        from aws_cdk import aws_applicationautoscaling as appscaling, aws_sagemaker as sm
        sm.CfnEndpointConfig(self, "Config", production_variants=[sm.CfnEndpointConfig.ProductionVariantProperty(model_name="m", instance_type="ml.g5.xlarge", initial_instance_count=2)])
        appscaling.CfnScalableTarget(self, "Target", service_namespace="sagemaker", resource_id=rid, scalable_dimension="sagemaker:variant:DesiredInstanceCount", min_capacity=1, max_capacity=4)
      `,
    },
    {
      name: 'notebook: several instances, with auto scaling registered in a later cell',
      format: 'notebook',
      code: notebookJson([
        'import boto3\nfrom sagemaker.model import Model\nREPLICAS = 2\n',
        'Model(image_uri=img, model_data=data, role=role).deploy(initial_instance_count=REPLICAS, instance_type="ml.c7g.large", endpoint_name="ep")\n',
        'boto3.client("application-autoscaling").register_scalable_target(ServiceNamespace="sagemaker", ResourceId="endpoint/ep/variant/AllTraffic", ScalableDimension="sagemaker:variant:DesiredInstanceCount", MinCapacity=1, MaxCapacity=4)\n',
      ]),
    },
    {
      name: 'Terraform: a SageMaker scalable target in the file',
      format: 'terraform',
      code: 'resource "aws_sagemaker_endpoint_configuration" "c" {\n  production_variants {\n    variant_name           = "A"\n    instance_type          = "ml.inf2.xlarge"\n    initial_instance_count = 2\n  }\n}\nresource "aws_appautoscaling_target" "t" {\n  service_namespace = "sagemaker"\n}\n',
    },
    { name: 'single-GPU instance', format: 'cfn-yaml', code: config('InstanceType: ml.g5.2xlarge') },
    { name: 'several instances with a scalable target', format: 'cfn-yaml', code: config('InstanceType: ml.inf2.xlarge\n            InitialInstanceCount: 3', scaled) },
    { name: 'count from an unknown parameter', format: 'cfn-yaml', code: dedent`
      Parameters:
        Count: { Type: Number }
      Resources:
        Config:
          Type: AWS::SageMaker::EndpointConfig
          Properties:
            ProductionVariants:
              - { VariantName: A, ModelName: m, InstanceType: ml.inf2.xlarge, InitialInstanceCount: !Ref Count }
    ` },
    {
      name: 'single-GPU, Inferentia and CPU endpoints on one instance',
      format: 'python',
      code: dedent`
        from sagemaker.huggingface import HuggingFaceModel
        model = HuggingFaceModel(model_data="s3://b/m.tar.gz", role=role)
        model.deploy(initial_instance_count=1, instance_type="ml.g5.2xlarge")
        model.deploy(initial_instance_count=1, instance_type="ml.inf2.xlarge")
        model.deploy(initial_instance_count=1, instance_type="ml.m5.large")
      `,
    },
    {
      name: 'several instances with auto scaling registered in the file',
      format: 'python',
      code: dedent`
        import boto3
        from sagemaker.model import Model
        Model(image_uri=img, model_data=data, role=role).deploy(initial_instance_count=2, instance_type="ml.m5.large", endpoint_name="ep")
        boto3.client("application-autoscaling").register_scalable_target(ServiceNamespace="sagemaker", ResourceId="endpoint/ep/variant/AllTraffic", ScalableDimension="sagemaker:variant:DesiredInstanceCount", MinCapacity=1, MaxCapacity=4)
      `,
    },
    {
      name: 'several instances, scaled through a client the analysis cannot resolve (a parameter of a helper)',
      format: 'python',
      code: dedent`
        from sagemaker.model import Model
        def scale(autoscaling, name):
            autoscaling.register_scalable_target(ServiceNamespace="sagemaker", ResourceId=f"endpoint/{name}/variant/AllTraffic", ScalableDimension="sagemaker:variant:DesiredInstanceCount", MinCapacity=1, MaxCapacity=4)
        Model(image_uri=img, model_data=data, role=role).deploy(initial_instance_count=3, instance_type="ml.m5.large", endpoint_name="ep")
      `,
    },
    {
      name: 'several instances, auto scaling registered on a session client after the deploy',
      format: 'python',
      code: dedent`
        import boto3
        from sagemaker.model import Model
        Model(image_uri=img, model_data=data, role=role).deploy(initial_instance_count=2, instance_type="ml.m5.large", endpoint_name="ep")
        scaling = boto3.Session(region_name="eu-west-1").client("application-autoscaling")
        scaling.register_scalable_target(ServiceNamespace="sagemaker", ResourceId="endpoint/ep/variant/AllTraffic", ScalableDimension="sagemaker:variant:DesiredInstanceCount", MinCapacity=1, MaxCapacity=4)
      `,
    },
    {
      name: 'unresolved type and count, and a commented-out deploy',
      format: 'python',
      code: dedent`
        from sagemaker.model import Model
        m = Model(image_uri=img, model_data=data, role=role)
        m.deploy(initial_instance_count=n, instance_type=t)
        # m.deploy(initial_instance_count=4, instance_type="ml.p4d.24xlarge")
      `,
    },
    {
      name: 'SDK v3 ModelBuilder: inference_config=ResourceRequirements gives each copy of the model the four GPUs of ml.g5.12xlarge',
      format: 'python',
      code: dedent`
        from sagemaker.serve.model_builder import ModelBuilder
        from sagemaker.core.inference_config import ResourceRequirements
        llm = ModelBuilder(model="meta-llama/Llama-3.1-70B-Instruct", role_arn=role, instance_type="ml.g5.12xlarge")
        llm.build()
        llm.deploy(endpoint_name="llm", inference_config=ResourceRequirements(requests={"num_accelerators": 4, "memory": 98304, "copies": 1}))
      `,
    },
  ],
  invalid: [
    {
      name: 'Terraform: instance_type = var.use_gpu ? four GPUs : a training-class type: every value oversized, named by the first with the other',
      format: 'terraform',
      code: tfConditionalType('ml.g5.12xlarge', 'ml.p3.2xlarge'),
      errors: [{ messageId: 'multiGpuConfig', data: { name: 'aws_sagemaker_endpoint_configuration.whisper', variant: 'variant AllTraffic', instanceType: 'ml.g5.12xlarge (first of the values it may take; others: ml.p3.2xlarge)', accelerators: '4 × A10G' }, ...at(8, 5, 'instance_type'.length) }],
      output: null,
    },
    {
      name: 'region: Python, a session in ca-central-1 (no Inferentia2 there): the advice names one GPU only',
      format: 'python',
      code: pyServeIn('ca-central-1'),
      errors: [{ messageId: 'multiGpuNoInf2', data: { instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G', region: 'ca-central-1' }, ...at(5, 52, 'instance_type="ml.g5.12xlarge"'.length) }],
      output: null,
    },
    {
      name: 'region: Python in eu-west-1, which offers Inferentia2: the advice names it',
      format: 'python',
      code: pyServeIn('eu-west-1'),
      errors: [{ messageId: 'multiGpu', data: { instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G' }, ...at(5, 52, 'instance_type="ml.g5.12xlarge"'.length) }],
      output: null,
    },
    {
      name: 'region: Terraform, the AWS provider in ca-central-1, a training-class type',
      format: 'terraform',
      code: 'provider "aws" {\n  region = "ca-central-1"\n}\nresource "aws_sagemaker_endpoint_configuration" "c" {\n  production_variants {\n    variant_name  = "AllTraffic"\n    instance_type = "ml.p4d.24xlarge"\n  }\n}\n',
      errors: [{ messageId: 'oversizedNoInf2', data: { name: 'aws_sagemaker_endpoint_configuration.c', variant: 'variant AllTraffic', instanceType: 'ml.p4d.24xlarge', accelerators: '8 × A100-40GB', region: 'ca-central-1' }, ...at(7, 5, 'instance_type'.length) }],
      output: null,
    },
    {
      name: 'region: CDK TypeScript, the stack in ca-central-1',
      format: 'cdk-typescript',
      code: dedent`
        import * as cdk from 'aws-cdk-lib';
        import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
        const app = new cdk.App();
        const stack = new cdk.Stack(app, 'Serving', { env: { region: 'ca-central-1' } });
        new sagemaker.CfnEndpointConfig(stack, 'Config', { productionVariants: [{ variantName: 'AllTraffic', modelName: 'llm', instanceType: 'ml.g5.12xlarge' }] });
      `,
      errors: [{ messageId: 'multiGpuConfigNoInf2', data: { name: 'Config', variant: 'variant AllTraffic', instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G', region: 'ca-central-1' }, ...at(5, 120, 'instanceType'.length) }],
      output: null,
    },
    {
      name: 'model size: bloom-560m sharded across the four GPUs of a g5.12xlarge (SM_NUM_GPUS "4") fits on one of them',
      format: 'python',
      code: dedent`
        from sagemaker.huggingface import HuggingFaceModel, get_huggingface_llm_image_uri
        hub = {"HF_MODEL_ID": "bigscience/bloom-560m", "HF_TASK": "text-generation", "SM_NUM_GPUS": "4"}
        tgi_model = HuggingFaceModel(image_uri=get_huggingface_llm_image_uri("huggingface"), env=hub, role=role)
        predictor = tgi_model.deploy(initial_instance_count=1, instance_type="ml.g5.12xlarge")
      `,
      errors: [{ messageId: 'smallModelSharded', data: { instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G', model: 'bigscience/bloom-560m', parameters: '560M', weights: 1, across: 'across 4 of them' }, ...at(4, 56, 30) }],
      output: null,
    },
    {
      name: 'model size, boto3 notebook: a 4B model (HF_MODEL_ID through a name) sharded over every GPU by the model the variant names, on a four-GPU type',
      format: 'notebook',
      code: notebookJson([
        'import boto3\nsm = boto3.client("sagemaker")\nmodel_id = "Qwen/Qwen3-4B"\nmodel_name = f"model-{stamp}"\n',
        'env = {"HF_MODEL_ID": model_id, "SERVING_FAIL_FAST": "true", "OPTION_TENSOR_PARALLEL_DEGREE": "max"}\nsm.create_model(ModelName=model_name, ExecutionRoleArn=role, PrimaryContainer={"Image": lmi_image, "Environment": env})\n',
        'sm.create_endpoint_config(EndpointConfigName=model_name, ProductionVariants=[{"VariantName": "v1", "ModelName": model_name, "InitialInstanceCount": 1, "InstanceType": "ml.g6.24xlarge"}])\n',
      ]),
      errors: [{ messageId: 'smallModelSharded', data: { instanceType: 'ml.g6.24xlarge', accelerators: '4 × L4', model: 'Qwen/Qwen3-4B', parameters: '4B', weights: 7.5, across: 'across all of them' }, ...at(31, 165, 36) }],
      output: null,
    },
    {
      name: 'model size, boto3 script: a 4B model sharded over every GPU by the model the variant names, on a four-GPU type',
      format: 'python',
      code: dedent`
        import boto3
        sm = boto3.client("sagemaker")
        env = {"HF_MODEL_ID": "Qwen/Qwen3-4B", "OPTION_TENSOR_PARALLEL_DEGREE": "max"}
        sm.create_model(ModelName="qwen3-4b", ExecutionRoleArn=role, PrimaryContainer={"Image": lmi_image, "Environment": env})
        sm.create_endpoint_config(EndpointConfigName="qwen3-4b", ProductionVariants=[{"VariantName": "v1", "ModelName": "qwen3-4b", "InitialInstanceCount": 1, "InstanceType": "ml.g6.24xlarge"}])
      `,
      errors: [{ messageId: 'smallModelSharded', data: { instanceType: 'ml.g6.24xlarge', accelerators: '4 × L4', model: 'Qwen/Qwen3-4B', parameters: '4B', weights: 7.5, across: 'across all of them' }, ...at(5, 152, 32) }],
      output: null,
    },
    {
      name: 'model size, boto3: one model name made twice with different model ids tells no size (the four GPUs still idle)',
      format: 'python',
      code: dedent`
        import boto3
        sm = boto3.client("sagemaker")
        if large:
            sm.create_model(ModelName="llm", ExecutionRoleArn=role, PrimaryContainer={"Image": tgi_image, "Environment": {"HF_MODEL_ID": "meta-llama/Llama-3.3-70B-Instruct"}})
        else:
            sm.create_model(ModelName="llm", ExecutionRoleArn=role, PrimaryContainer={"Image": tgi_image, "Environment": {"HF_MODEL_ID": "Qwen/Qwen3-4B"}})
        sm.create_endpoint_config(EndpointConfigName="llm", ProductionVariants=[{"VariantName": "v1", "ModelName": "llm", "InitialInstanceCount": 1, "InstanceType": "ml.g5.12xlarge"}])
      `,
      errors: [{ messageId: 'multiGpu', data: { instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G' }, ...at(7, 142, 32) }],
      output: null,
    },
    {
      name: 'model size: notebook, santacoder (1.1B, from the table) sharded across four GPUs in an earlier cell',
      format: 'notebook',
      code: notebookJson(['import json\nfrom sagemaker.huggingface import HuggingFaceModel\nhub = {"HF_MODEL_ID": "bigcode/santacoder", "HF_TASK": "text-generation", "SM_NUM_GPUS": json.dumps(4)}\nmodel = HuggingFaceModel(env=hub, role=role, image_uri=llm_image)', 'predictor = model.deploy(initial_instance_count=1, instance_type="ml.g5.12xlarge", endpoint_name=model_name)']),
      errors: [{ messageId: 'smallModelSharded', data: { instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G', model: 'bigcode/santacoder', parameters: '1.1B', weights: 2, across: 'across 4 of them' }, ...at(21, 57, 32) }],
      output: null,
    },
    {
      name: 'model size: CloudFormation, bloom-560m sharded across four GPUs',
      format: 'cfn-yaml',
      code: config('InstanceType: ml.g5.12xlarge\n            InitialInstanceCount: 1', model('SM_NUM_GPUS: "4"').replace('meta-llama/Meta-Llama-3-8B-Instruct', 'bigscience/bloom-560m')),
      errors: [{ messageId: 'smallModelShardedConfig', data: { name: 'Config', variant: 'variant AllTraffic', instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G', model: 'bigscience/bloom-560m', parameters: '560M', weights: 1, across: 'across 4 of them' }, ...at(9, 11, 12) }],
      output: null,
    },
    {
      name: 'model size: Terraform, bloom-560m sharded across four GPUs',
      format: 'terraform',
      code: tfServed('SM_NUM_GPUS = "4"').replace('mistralai/Mistral-7B-Instruct-v0.3', 'bigscience/bloom-560m'),
      errors: [{ messageId: 'smallModelShardedConfig', data: { name: 'aws_sagemaker_endpoint_configuration.serve', variant: 'variant AllTraffic', instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G', model: 'bigscience/bloom-560m', parameters: '560M', weights: 1, across: 'across 4 of them' }, ...at(21, 5, 'instance_type'.length) }],
      output: null,
    },
    {
      name: 'model size: CDK TypeScript, bloom-560m sharded across four GPUs',
      format: 'cdk-typescript',
      code: cdkTsServed("SM_NUM_GPUS: '4'").replace('mistralai/Mistral-7B-Instruct-v0.3', 'bigscience/bloom-560m'),
      errors: [{ messageId: 'smallModelShardedConfig', data: { name: 'Config', variant: 'variant AllTraffic', instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G', model: 'bigscience/bloom-560m', parameters: '560M', weights: 1, across: 'across 4 of them' }, ...at(7, 137, 'instanceType'.length) }],
      output: null,
    },
    {
      name: 'model size: CDK Python, bloom-560m sharded across four GPUs',
      format: 'cdk-python',
      code: cdkPyServed('"SM_NUM_GPUS": "4"').replace('mistralai/Mistral-7B-Instruct-v0.3', 'bigscience/bloom-560m'),
      errors: [{ messageId: 'smallModelShardedConfig', data: { name: 'Config', variant: 'variant AllTraffic', instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G', model: 'bigscience/bloom-560m', parameters: '560M', weights: 1, across: 'across 4 of them' }, ...at(3, 216, 'instance_type'.length) }],
      output: null,
    },
    {
      name: 'Terraform dynamic "production_variants": a training-class type and a fixed fleet written in the content',
      format: 'terraform',
      code: dynamicVariants(['instance_type          = "ml.p4d.24xlarge"', 'initial_instance_count = 2']),
      errors: [
        { messageId: 'oversized', data: { name: 'aws_sagemaker_endpoint_configuration.ep', variant: 'a variant', instanceType: 'ml.p4d.24xlarge', accelerators: '8 × A100-40GB' }, ...at(8, 7, 'instance_type'.length) },
        { messageId: 'fixedFleetTerraform', data: { name: 'aws_sagemaker_endpoint_configuration.ep', variant: 'a variant', count: 2 }, ...at(9, 7, 'initial_instance_count'.length) },
      ],
      output: null,
    },
    {
      name: 'CDK Python: a comprehension whose dict element writes a training-class type and a fixed fleet: every variant it builds',
      format: 'cdk-python',
      code: cdkPythonComprehension(propsVariantDict('ml.p4d.24xlarge', '2')),
      errors: [
        { messageId: 'fixedFleet', data: { name: 'EndpointConfig', variant: 'a variant', count: 2 }, ...at(9, 17, '"initial_instance_count"'.length) },
        { messageId: 'oversized', data: { name: 'EndpointConfig', variant: 'a variant', instanceType: 'ml.p4d.24xlarge', accelerators: '8 × A100-40GB' }, ...at(10, 17, '"instance_type"'.length) },
      ],
      output: null,
    },
    {
      name: 'CloudFormation: InstanceType under Fn::If, several GPUs on both branches: fires with the first branch\'s type and names the other',
      format: 'cfn-yaml',
      code: onShadow('Properties:\n  ProductionVariants:\n    - { VariantName: AllTraffic, ModelName: m, InstanceType: !If [Shadow, ml.g5.12xlarge, ml.g5.48xlarge], InitialInstanceCount: 1 }'),
      errors: [
        {
          messageId: 'multiGpuConfig',
          data: { name: 'Config', variant: 'variant AllTraffic (first branch of its conditions; others: ml.g5.48xlarge)', instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G' },
          ...at(10, 52, 'InstanceType'.length),
        },
      ],
      output: null,
    },
    {
      name: 'CloudFormation: whole Properties under Fn::If (block sequence), a fixed fleet on both branches: fires on the first branch\'s count',
      format: 'cfn-yaml',
      code: onShadowBranches(
        '{ VariantName: ProductionTraffic, ModelName: m, InstanceType: ml.inf2.xlarge, InitialInstanceCount: 3 }',
        '{ VariantName: ProductionTraffic, ModelName: m, InstanceType: ml.inf2.xlarge, InitialInstanceCount: 2 }',
      ),
      errors: [{ messageId: 'fixedFleet', data: { name: 'Config', variant: 'variant ProductionTraffic', count: 3 }, ...at(12, 91, 'InitialInstanceCount'.length) }],
      output: null,
    },
    {
      name: 'CloudFormation JSON: whole Properties under Fn::If, a training-class type on both branches',
      format: 'cfn-json',
      code: onShadowJson({ 'Fn::If': ['Shadow', { ProductionVariants: [variantAt('ml.p4d.24xlarge', 1)] }, { ProductionVariants: [variantAt('ml.p4d.24xlarge', 1)] }] }),
      errors: [{ messageId: 'oversized', data: { name: 'Config', variant: 'variant AllTraffic', instanceType: 'ml.p4d.24xlarge', accelerators: '8 × A100-40GB' }, ...at(29, 17, '"InstanceType"'.length) }],
      output: null,
    },
    {
      name: 'Terraform: the linked model shards over one GPU (tostring(var.gpus), default 1): the four GPUs still idle',
      format: 'terraform',
      code: tfServed('OPTION_TENSOR_PARALLEL_DEGREE = tostring(var.gpus)').replace('default = 4', 'default = 1'),
      errors: [{ messageId: 'multiGpuConfig', data: { name: 'aws_sagemaker_endpoint_configuration.serve', variant: 'variant AllTraffic', instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G' }, ...at(21, 5, 'instance_type'.length) }],
      output: null,
    },
    {
      name: 'Terraform: another model of the module shards; this variant\'s model does not',
      format: 'terraform',
      code: `${tfServed('OPTION_ROLLING_BATCH = "vllm"')}resource "aws_sagemaker_model" "big" {\n  name = "big"\n  primary_container {\n    environment = { SM_NUM_GPUS = "8" }\n  }\n}\n`,
      errors: [{ messageId: 'multiGpuConfig', data: { name: 'aws_sagemaker_endpoint_configuration.serve', variant: 'variant AllTraffic', instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G' }, ...at(21, 5, 'instance_type'.length) }],
      output: null,
    },
    {
      name: 'CDK TypeScript: the linked model sets no degree',
      format: 'cdk-typescript',
      code: cdkTsServed("APPCONFIG_PROFILE: 'serve'"),
      errors: [{ messageId: 'multiGpuConfig', data: { name: 'Config', variant: 'variant AllTraffic', instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G' }, ...at(7, 137, 'instanceType'.length) }],
      output: null,
    },
    {
      name: 'CDK Python: the linked model shards over one GPU',
      format: 'cdk-python',
      code: cdkPyServed('"SM_NUM_GPUS": "1"'),
      errors: [{ messageId: 'multiGpuConfig', data: { name: 'Config', variant: 'variant AllTraffic', instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G' }, ...at(3, 216, 'instance_type'.length) }],
      output: null,
    },
    {
      name: 'instance pools: each pool type is judged (a four-GPU pool at priority 2)',
      format: 'cfn-yaml',
      code: config('InitialInstanceCount: 1\n            InstancePools:\n              - { InstanceType: ml.g5.xlarge, Priority: 1 }\n              - { InstanceType: ml.g5.12xlarge, Priority: 2 }'),
      errors: [{ messageId: 'multiGpuConfig', data: { name: 'Config', variant: 'variant AllTraffic', instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G' }, ...at(12, 17, 12) }],
      output: null,
    },
    {
      name: 'boto3: instance pools, each pool type judged',
      format: 'python',
      code: 'import boto3\nsm = boto3.client("sagemaker")\nsm.create_endpoint_config(EndpointConfigName="c", ProductionVariants=[{"VariantName": "AllTraffic", "InitialInstanceCount": 1, "InstancePools": [{"InstanceType": "ml.g5.xlarge", "Priority": 1}, {"InstanceType": "ml.p4d.24xlarge", "Priority": 2}]}])\n',
      errors: [{ messageId: 'oversizedInstance', data: { instanceType: 'ml.p4d.24xlarge', accelerators: '8 × A100-40GB' }, ...at(3, 196, 33) }],
      output: null,
    },
    {
      name: 'Terraform module: several instances; the sibling file scales an ECS service, not SageMaker',
      format: 'terraform',
      code: 'resource "aws_sagemaker_endpoint_configuration" "c" {\n  production_variants {\n    variant_name           = "A"\n    instance_type          = "ml.g5.xlarge"\n    initial_instance_count = 3\n  }\n}\n',
      siblings: [{ fileName: 'scaling.tf', code: 'resource "aws_appautoscaling_target" "t" {\n  service_namespace = "ecs"\n  resource_id       = "service/default/web"\n}\n' }],
      errors: [{ messageId: 'fixedFleetTerraform', data: { name: 'aws_sagemaker_endpoint_configuration.c', variant: 'variant A', count: 3 }, ...at(5, 5, 'initial_instance_count'.length) }],
      output: null,
    },
    {
      name: 'SDK v3 ModelBuilder: a training-class instance set on the builder, reported once on the builder for its two deploys',
      format: 'python',
      code: dedent`
        from sagemaker.serve.model_builder import ModelBuilder
        builder = ModelBuilder(model=model, role_arn=role, instance_type="ml.p4d.24xlarge")
        builder.build().deploy(initial_instance_count=1)
        builder.deploy(endpoint_name="llm")
      `,
      errors: [{ messageId: 'oversizedInstance', data: { instanceType: 'ml.p4d.24xlarge', accelerators: '8 × A100-40GB' }, ...at(2, 52, 31) }],
      output: null,
    },
    {
      name: 'CDK TypeScript: training-class instance, and three instances with only an ECS scalable target',
      format: 'cdk-typescript',
      code: dedent`
        import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
        import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
        new sagemaker.CfnEndpointConfig(this, 'Config', {
          productionVariants: [{ variantName: 'AllTraffic', modelName: 'm', instanceType: 'ml.p4d.24xlarge', initialInstanceCount: 3 }],
        });
        new appscaling.ScalableTarget(this, 'Target', { serviceNamespace: appscaling.ServiceNamespace.ECS, resourceId: id, scalableDimension: 'ecs:service:DesiredCount', minCapacity: 1, maxCapacity: 4 });
      `,
      errors: [
        { messageId: 'oversized', data: { name: 'Config', variant: 'variant AllTraffic', instanceType: 'ml.p4d.24xlarge', accelerators: '8 × A100-40GB' }, line: 4, column: 69, endLine: 4, endColumn: 81 },
        { messageId: 'fixedFleet', data: { name: 'Config', variant: 'variant AllTraffic', count: 3 }, line: 4, column: 102, endLine: 4, endColumn: 122 },
      ],
      output: null,
    },
    {
      name: 'CDK Python: two instances and nothing scales them',
      format: 'cdk-python',
      code: 'from aws_cdk import aws_sagemaker as sm\nsm.CfnEndpointConfig(self, "Config", production_variants=[sm.CfnEndpointConfig.ProductionVariantProperty(model_name="m", instance_type="ml.inf2.xlarge", initial_instance_count=2)])\n',
      errors: [{ messageId: 'fixedFleet', data: { name: 'Config', variant: 'a variant', count: 2 }, line: 2, column: 154, endLine: 2, endColumn: 176 }],
      output: null,
    },
    {
      name: 'Terraform: training-class instance and a fixed fleet',
      format: 'terraform',
      code: 'resource "aws_sagemaker_endpoint_configuration" "c" {\n  production_variants {\n    variant_name           = "A"\n    instance_type          = "ml.p5.48xlarge"\n    initial_instance_count = 2\n  }\n}\n',
      errors: [
        { messageId: 'oversized', data: { name: 'aws_sagemaker_endpoint_configuration.c', variant: 'variant A', instanceType: 'ml.p5.48xlarge', accelerators: '8 × H100' }, line: 4, column: 5, endLine: 4, endColumn: 18 },
        { messageId: 'fixedFleetTerraform', data: { name: 'aws_sagemaker_endpoint_configuration.c', variant: 'variant A', count: 2 }, line: 5, column: 5, endLine: 5, endColumn: 27 },
      ],
      output: null,
    },
    {
      name: 'training-class p4d',
      format: 'cfn-yaml',
      code: config('InstanceType: ml.p4d.24xlarge'),
      errors: [{ messageId: 'oversized', data: { name: 'Config', variant: 'variant AllTraffic', instanceType: 'ml.p4d.24xlarge', accelerators: '8 × A100-40GB' }, line: 9, column: 11, endLine: 9, endColumn: 23 }],
      output: null,
    },
    {
      name: 'a single-GPU p3 is still training-class',
      format: 'cfn-yaml',
      code: config('InstanceType: ml.p3.2xlarge'),
      errors: [{ messageId: 'oversized', data: { name: 'Config', variant: 'variant AllTraffic', instanceType: 'ml.p3.2xlarge', accelerators: '1 × V100' }, line: 9, column: 11, endLine: 9, endColumn: 23 }],
      output: null,
    },
    {
      name: 'three instances and no scalable target',
      format: 'cfn-yaml',
      code: config('InstanceType: ml.inf2.xlarge\n            InitialInstanceCount: 3'),
      errors: [{ messageId: 'fixedFleet', data: { name: 'Config', variant: 'variant AllTraffic', count: 3 }, line: 10, column: 11, endLine: 10, endColumn: 31 }],
      output: null,
    },
    {
      name: 'training-class instance and several instances without auto scaling (a commented-out registration does not count)',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorchModel
        model = PyTorchModel(model_data="s3://b/m.tar.gz", role=role, entry_point="inference.py", framework_version="2.1", py_version="py310")
        model.deploy(initial_instance_count=2, instance_type="ml.p3.2xlarge")
        # client.register_scalable_target(ResourceId="endpoint/x/variant/AllTraffic")
      `,
      errors: [
        { messageId: 'fixedFleetPython', data: { count: 2 }, ...at(3, 14, 24) },
        { messageId: 'oversizedInstance', data: { instanceType: 'ml.p3.2xlarge', accelerators: '1 × V100' }, ...at(3, 40, 29) },
      ],
      output: null,
    },
    {
      name: 'boto3: two models, each variant judged with the model it names (the sharded one is silent, the unsharded one is not)',
      format: 'python',
      code: dedent`
        import boto3
        sm = boto3.client("sagemaker")
        sm.create_model(ModelName="generator", ExecutionRoleArn=role, PrimaryContainer={"Image": vllm_image, "Environment": {"SM_VLLM_TENSOR_PARALLEL_SIZE": "4"}})
        sm.create_model(ModelName="embedder", ExecutionRoleArn=role, PrimaryContainer={"Image": tei_image, "Environment": {"MODEL_ID": "BAAI/bge-m3"}})
        sm.create_endpoint_config(EndpointConfigName="gen", ProductionVariants=[{"VariantName": "v", "ModelName": "generator", "InstanceType": "ml.g5.12xlarge", "InitialInstanceCount": 1}])
        sm.create_endpoint_config(EndpointConfigName="emb", ProductionVariants=[{"VariantName": "v", "ModelName": "embedder", "InstanceType": "ml.g5.12xlarge", "InitialInstanceCount": 1}])
      `,
      errors: [{ messageId: 'multiGpu', data: { instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G' }, ...at(6, 119, 32) }],
      output: null,
    },
    {
      name: 'notebook, boto3: the variant names a model whose environment sets no tensor parallelism, beside a sharded one',
      format: 'notebook',
      code: notebookJson([
        'import boto3\nsm = boto3.client("sagemaker")\nsm.create_model(ModelName="llm", ExecutionRoleArn=role, PrimaryContainer={"Image": lmi, "Environment": {"OPTION_TENSOR_PARALLEL_DEGREE": "max"}})\n',
        'rerank_model = "reranker"\nsm.create_model(ModelName=rerank_model, ExecutionRoleArn=role, PrimaryContainer={"Image": tei, "Environment": {"MODEL_ID": "BAAI/bge-reranker-v2-m3"}})\n',
        'sm.create_endpoint_config(EndpointConfigName="rerank", ProductionVariants=[{"VariantName": "v", "ModelName": rerank_model, "InstanceType": "ml.g4dn.12xlarge", "InitialInstanceCount": 1}])\n',
      ]),
      errors: [{ messageId: 'multiGpu', data: { instanceType: 'ml.g4dn.12xlarge', accelerators: '4 × T4' }, line: 30, column: 137, endLine: 30, endColumn: 175 }],
      output: null,
    },
    {
      name: 'sagemaker.Session().endpoint_from_production_variants: a multi-GPU variant and a fixed fleet of two',
      format: 'python',
      code: dedent`
        from sagemaker.session import Session, production_variant
        variant = production_variant("llm", "ml.g5.12xlarge", 2)
        Session().endpoint_from_production_variants("llm-ep", [variant])
      `,
      errors: [
        { messageId: 'multiGpu', data: { instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G' }, ...at(2, 37, 16) },
        { messageId: 'fixedFleetPython', data: { count: 2 }, ...at(2, 55, 1) },
      ],
      output: null,
    },
    {
      name: 'four GPUs on a g5, boto3 variant',
      format: 'python',
      code: dedent`
        import boto3
        boto3.client("sagemaker").create_endpoint_config(EndpointConfigName="c", ProductionVariants=[{"VariantName": "v", "ModelName": "m", "InstanceType": "ml.g5.12xlarge", "InitialInstanceCount": 1}])
      `,
      errors: [{ messageId: 'multiGpu', data: { instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G' }, ...at(2, 133, 32) }],
      output: null,
    },
    {
      name: 'notebook: the count from an earlier cell, a training-class instance; findings on the raw .ipynb line',
      format: 'notebook',
      code: notebookJson(['from sagemaker.pytorch import PyTorchModel\nREPLICAS = 2\n', 'model = PyTorchModel(model_data="s3://b/m.tar.gz", role=role, entry_point="inference.py", framework_version="2.1", py_version="py310")\n', 'model.deploy(initial_instance_count=REPLICAS, instance_type="ml.p3.2xlarge")\n']),
      errors: [
        { messageId: 'fixedFleetPython', data: { count: 2 }, ...at(28, 19, 31) },
        { messageId: 'oversizedInstance', data: { instanceType: 'ml.p3.2xlarge', accelerators: '1 × V100' }, ...at(28, 52, 31) },
      ],
      output: null,
    },
    {
      name: 'several instances: register_scalable_target( in strings and in a comment after code is no registration',
      format: 'python',
      code: dedent`
        from sagemaker.model import Model
        Model(image_uri=img, model_data=data, role=role).deploy(initial_instance_count=2, instance_type="ml.m5.large", endpoint_name="ep")
        print("TODO: call register_scalable_target( for ep")
        NOTE = '''scaling.register_scalable_target(ResourceId="endpoint/ep/variant/AllTraffic")'''
        ready = True  # then scaling.register_scalable_target(...)
      `,
      errors: [{ messageId: 'fixedFleetPython', data: { count: 2 }, ...at(2, 57, 24) }],
      output: null,
    },
    {
      name: 'several instances in a notebook: a cell whose string mentions register_scalable_target( is no registration',
      format: 'notebook',
      code: notebookJson([
        'from sagemaker.model import Model\n',
        'Model(image_uri=img, model_data=data, role=role).deploy(initial_instance_count=2, instance_type="ml.m5.large", endpoint_name="ep")\n',
        "'''Next: scaling.register_scalable_target(ServiceNamespace=\"sagemaker\") for the endpoint'''\n",
      ]),
      errors: [{ messageId: 'fixedFleetPython', data: { count: 2 }, ...at(18, 62, 24) }],
      output: null,
    },
    {
      name: 'multi-GPU: the deploy\'s own model shards over one GPU (TP 1); another model of the file shards, but this one is followed',
      format: 'python',
      code: dedent`
        from sagemaker.model import Model
        small = Model(image_uri=lmi_image, role=role, env={"OPTION_TENSOR_PARALLEL_DEGREE": "1"})
        small.deploy(initial_instance_count=1, instance_type="ml.g5.12xlarge")
        big = Model(image_uri=lmi_image, role=role, env={"OPTION_TENSOR_PARALLEL_DEGREE": "4"})
        big.deploy(initial_instance_count=1, instance_type="ml.g5.24xlarge")
        plain = Model(image_uri=image, role=role, env={"MODEL_ID": "m"})
        plain.deploy(initial_instance_count=1, instance_type="ml.g4dn.12xlarge")
      `,
      errors: [
        { messageId: 'multiGpu', data: { instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G' }, ...at(3, 40, 30) },
        { messageId: 'multiGpu', data: { instanceType: 'ml.g4dn.12xlarge', accelerators: '4 × T4' }, ...at(7, 40, 32) },
      ],
      output: null,
    },
    {
      name: 'training-class type stays judged when the model is sharded; num_accelerators 1 does not shard',
      format: 'python',
      code: dedent`
        from sagemaker.model import Model
        from sagemaker.compute_resource_requirements.resource_requirements import ResourceRequirements
        Model(image_uri=img, role=role, env={"SM_NUM_GPUS": "8"}).deploy(initial_instance_count=1, instance_type="ml.p4d.24xlarge")
        Model(image_uri=img, role=role).deploy(initial_instance_count=1, instance_type="ml.g5.12xlarge", resources=ResourceRequirements(requests={"num_accelerators": 1}))
      `,
      errors: [
        { messageId: 'oversizedInstance', data: { instanceType: 'ml.p4d.24xlarge', accelerators: '8 × A100-40GB' }, ...at(3, 92, 31) },
        { messageId: 'multiGpu', data: { instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G' }, ...at(4, 66, 30) },
      ],
      output: null,
    },
    {
      name: 'CloudFormation: the linked model sets SM_NUM_GPUS 1, the four GPUs still idle',
      format: 'cfn-yaml',
      code: config('InstanceType: ml.g5.12xlarge\n            InitialInstanceCount: 1', model('SM_NUM_GPUS: "1"')),
      errors: [{ messageId: 'multiGpuConfig', data: { name: 'Config', variant: 'variant AllTraffic', instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G' }, ...at(9, 11, 12) }],
      output: null,
    },
    {
      name: 'SDK v3 ModelBuilder: an inference component asking one GPU of ml.g5.12xlarge leaves three idle (python and notebook)',
      format: 'python',
      code: dedent`
        from sagemaker.serve.model_builder import ModelBuilder
        from sagemaker.core.inference_config import ResourceRequirements
        reranker = ModelBuilder(model=reranker_id, role_arn=role, instance_type="ml.g5.12xlarge")
        reranker.build()
        reranker.deploy(endpoint_name="rerank", inference_config=ResourceRequirements(requests={"num_accelerators": 1, "memory": 16384, "copies": 1}))
      `,
      errors: [{ messageId: 'multiGpu', data: { instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G' }, ...at(3, 59, 30) }],
      output: null,
    },
    {
      name: 'SDK v3 ModelBuilder in a notebook: an inference component asking one GPU of ml.g5.12xlarge',
      format: 'notebook',
      code: notebookJson([
        'from sagemaker.serve.model_builder import ModelBuilder\nfrom sagemaker.core.inference_config import ResourceRequirements\n',
        'reranker = ModelBuilder(model=reranker_id, role_arn=role, instance_type="ml.g5.12xlarge")\nreranker.build()\n',
        'reranker.deploy(endpoint_name="rerank", inference_config=ResourceRequirements(requests={"num_accelerators": 1, "copies": 1}))\n',
      ]),
      errors: [{ messageId: 'multiGpu', data: { instanceType: 'ml.g5.12xlarge', accelerators: '4 × A10G' }, line: 19, column: 64, endLine: 19, endColumn: 96 }],
      output: null,
    },
  ],
});
