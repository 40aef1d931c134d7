import { endpointAlwaysOn } from '../../src/rules/endpoint-always-on';
import { dedent } from '../kit/dedent';
import { cdkMemberVariant, cdkPythonComprehension, dynamicVariants, propsVariantDict, tfConditionalType } from '../kit/endpointTemplates';
import { notebookJson } from '../kit/notebook';
import { RuleTester } from '../kit/ruleTester';

/** The third alternative, beside serverless and asynchronous: an inference component that scales to zero, with its cold start. */
const inferenceComponentAdvice = { title: /^Or host the model as an inference component on an endpoint whose variant has .*(?:MinInstanceCount: 0|minInstanceCount: 0|min_instance_count = 0|"MinInstanceCount": 0).*cold start/, output: null };

const alwaysOn = (name: string, variant: string, instanceType: string, line: number, column: number, keyLength = 'InstanceType'.length) => ({
  messageId: 'alwaysOn',
  data: { name, variant, instanceType },
  line,
  column,
  endLine: line,
  endColumn: column + keyLength,
  suggestions: [inferenceComponentAdvice],
});

/** A template variant whose instance type the file does not resolve. */
const unresolved = (name: string, variant: string, dependsOn: string, line: number, column: number, keyLength = 'InstanceType'.length) => ({
  messageId: 'alwaysOnUnresolved',
  data: { name, variant, dependsOn },
  line,
  column,
  endLine: line,
  endColumn: column + keyLength,
  suggestions: [inferenceComponentAdvice],
});

const config = (variant: string, extra = '') => dedent`
  AWSTemplateFormatVersion: "2010-09-09"
  Resources:
    Config:
      Type: AWS::SageMaker::EndpointConfig
      Properties:${extra}
        ProductionVariants:
          - VariantName: AllTraffic
            ModelName: churn
            ${variant}
`;

/** An endpoint config `Config` of a template with a `Prod` condition; `config` is the resource's body (its Properties). */
const onStage = (config: string) =>
  ['Conditions:', '  Prod: !Equals [!Ref Stage, prod]', 'Parameters:', '  Stage: { Type: String, Default: dev }', 'Resources:', '  Config:', '    Type: AWS::SageMaker::EndpointConfig', ...config.split('\n').map((line) => `    ${line}`)].join('\n');

const batchAdvice = { title: /^Or score the data offline with batch transform/, output: null };
const placeholderTitle = /^Or deploy asynchronously \(AsyncInferenceConfig, results in s3:\/\/<your-bucket>\/async-output\)$/;
/**
 * The finding on a Python deploy; `asyncOutput` is the code with the asynchronous alternative applied, when it is offered
 * (its title names where the results go: a placeholder bucket unless `asyncTitle` says otherwise).
 */
const alwaysOnPython = (line: number, column: number, length: number, asyncOutput?: string, asyncTitle = placeholderTitle) => ({
  messageId: 'alwaysOnPython',
  line,
  column,
  endLine: line,
  endColumn: column + length,
  suggestions: asyncOutput === undefined ? [inferenceComponentAdvice, batchAdvice] : [{ title: asyncTitle, output: asyncOutput }, inferenceComponentAdvice, batchAdvice],
});

new RuleTester().run(endpointAlwaysOn, {
  valid: [
    {
      name: 'CDK TypeScript: the variant kept in a member assigned once writes a GPU type',
      format: 'cdk-typescript',
      code: cdkMemberVariant(['modelName: model.attrModelName,', "instanceType: 'ml.g5.2xlarge',", "variantName: 'AllTraffic',", 'initialInstanceCount: 1,']),
    },
    {
      name: 'CDK TypeScript: a member assigned twice is not one variant (nothing to judge)',
      format: 'cdk-typescript',
      code: cdkMemberVariant(["instanceType: 'ml.m5.large',", 'initialInstanceCount: 1,']).replace('    const config', "    if (props.large) this.productionVariant = { instanceType: 'ml.m5.4xlarge', initialInstanceCount: 1 };\n    const config"),
    },
    {
      name: 'CDK Python: production_variants built by a comprehension whose element is a call of a function of the app: not read (no variant to judge)',
      format: 'cdk-python',
      code: cdkPythonComprehension(['make_variant(variant)']),
    },
    {
      name: 'CDK Python: a comprehension whose dict element writes a GPU type: every variant it builds is on a GPU',
      format: 'cdk-python',
      code: cdkPythonComprehension(propsVariantDict('ml.g5.xlarge')),
    },
    {
      name: 'CDK Python: a comprehension whose struct writes a GPU type: every variant it builds is on a GPU',
      format: 'cdk-python',
      code: cdkPythonComprehension(['sagemaker.CfnEndpointConfig.ProductionVariantProperty(model_name=model.attr_model_name, variant_name=variant.name, instance_type="ml.g5.xlarge", initial_instance_count=1)']),
    },
    {
      name: 'Terraform: instance_type = var.use_gpu ? GPU : CPU is a set of two types, not every one a CPU type: silent',
      format: 'terraform',
      code: tfConditionalType('ml.g5.xlarge', 'ml.m5.large'),
    },
    {
      name: 'CDK TypeScript: productionVariants mapped by a callback with a block body, or by a named function: not read (no variant to judge)',
      format: 'cdk-typescript',
      code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnEndpointConfig(this, 'A', { productionVariants: sizes.map((s) => { return { variantName: s, modelName: 'm', instanceType: 'ml.m5.large', initialInstanceCount: 1 }; }) });\nnew sagemaker.CfnEndpointConfig(this, 'B', { productionVariants: sizes.map(toVariant) });\n",
    },
    {
      name: 'Terraform dynamic "production_variants": a GPU type written in the content is every built variant\'s',
      format: 'terraform',
      code: dynamicVariants(['instance_type = "ml.g5.xlarge"', 'initial_instance_count = lookup(production_variants.value, "initial_instance_count", 1)']),
    },
    {
      name: 'Terraform dynamic "production_variants": serverless_config in the content',
      format: 'terraform',
      code: dynamicVariants(['serverless_config {', '  memory_size_in_mb = 2048', '  max_concurrency   = 5', '}']),
    },
    {
      name: 'BedrockModelBuilder.deploy imports the model into Amazon Bedrock, not onto a SageMaker endpoint',
      format: 'python',
      code: 'from sagemaker.serve.bedrock_model_builder import BedrockModelBuilder\nbuilder = BedrockModelBuilder(model=trainer)\nbuilder.deploy(custom_model_name="tuned-model", role_arn=role)\n',
    },
    {
      name: 'SDK v3 ModelBuilder: serverless inference_config, local-container or in-process mode (on the builder or build()), a mode from a variable',
      format: 'python',
      code: dedent`
        from sagemaker.serve import ModelBuilder
        from sagemaker.serve.mode.function_pointers import Mode
        from sagemaker.serverless import ServerlessInferenceConfig
        builder = ModelBuilder(model=model, role_arn=role, instance_type="ml.m5.xlarge")
        builder.build()
        builder.deploy(endpoint_name="sls", inference_config=ServerlessInferenceConfig(memory_size_in_mb=2048))
        ModelBuilder(model=model, instance_type="ml.m5.xlarge", mode=Mode.LOCAL_CONTAINER).build().deploy()
        ModelBuilder(model=model, instance_type="ml.m5.xlarge").build(mode=Mode.IN_PROCESS).deploy()
        chosen = ModelBuilder(model=model, instance_type="ml.m5.xlarge", mode=args.mode)
        chosen.deploy(endpoint_name="e")
      `,
    },
    {
      name: 'CDK TypeScript: GPU variant, serverless variant, async config: silent',
      format: 'cdk-typescript',
      code: dedent`
        import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
        new sagemaker.CfnEndpointConfig(this, 'Gpu', { productionVariants: [{ variantName: 'a', modelName: 'm', instanceType: 'ml.g5.xlarge', initialInstanceCount: 1 }] });
        new sagemaker.CfnEndpointConfig(this, 'Serverless', { productionVariants: [{ variantName: 'a', modelName: 'm', serverlessConfig: { maxConcurrency: 5, memorySizeInMb: 2048 } }] });
        new sagemaker.CfnEndpointConfig(this, 'Async', { asyncInferenceConfig: { outputConfig: {} }, productionVariants: [{ variantName: 'a', modelName: 'm', instanceType: 'ml.m5.xlarge', initialInstanceCount: 1 }] });
      `,
    },
    {
      name: 'CDK TypeScript: variants from a variable are unknown',
      format: 'cdk-typescript',
      code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnEndpointConfig(this, 'C', { productionVariants: variants });\n",
    },
    { name: 'serverless variant', format: 'cfn-yaml', code: config('ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 }') },
    { name: 'GPU variant: serverless cannot host it', format: 'cfn-yaml', code: config('InstanceType: ml.g5.xlarge') },
    { name: 'Inferentia variant', format: 'cfn-yaml', code: config('InstanceType: ml.inf2.xlarge') },
    { name: 'asynchronous endpoint config', format: 'cfn-yaml', code: config('InstanceType: ml.c7g.large', '\n        AsyncInferenceConfig: { OutputConfig: { S3OutputPath: "s3://b/out" } }') },
    { name: 'unknown instance type: silent', format: 'cfn-yaml', code: config('InstanceType: ml.zz9.large') },
    {
      name: 'serverless and asynchronous endpoints',
      format: 'python',
      code: dedent`
        from sagemaker.model import Model
        from sagemaker.serverless import ServerlessInferenceConfig
        from sagemaker.async_inference import AsyncInferenceConfig
        model = Model(image_uri=image, model_data="s3://b/m.tar.gz", role=role)
        model.deploy(serverless_inference_config=ServerlessInferenceConfig(memory_size_in_mb=2048))
        model.deploy(initial_instance_count=1, instance_type="ml.m5.xlarge", async_inference_config=AsyncInferenceConfig(output_path="s3://b/out"))
      `,
    },
    {
      name: 'GPU, Inferentia and local endpoints; **kwargs; local session imported with an unresolved type',
      format: 'python',
      code: dedent`
        from sagemaker.huggingface import HuggingFaceModel
        from sagemaker.local import LocalSession
        model = HuggingFaceModel(model_data="s3://b/m.tar.gz", role=role)
        model.deploy(initial_instance_count=1, instance_type="ml.g5.xlarge")
        model.deploy(initial_instance_count=1, instance_type="ml.inf2.xlarge")
        model.deploy(initial_instance_count=1, instance_type="local")
        model.deploy(**deploy_args)
        model.deploy(initial_instance_count=1, instance_type=args.instance_type)
      `,
    },
    {
      name: 'boto3 serverless variant, and an async endpoint config',
      format: 'python',
      code: dedent`
        import boto3
        sm = boto3.client("sagemaker")
        sm.create_endpoint_config(EndpointConfigName="a", ProductionVariants=[{"VariantName": "v", "ModelName": "m", "ServerlessConfig": {"MemorySizeInMB": 2048, "MaxConcurrency": 5}}])
        sm.create_endpoint_config(EndpointConfigName="b", ProductionVariants=[{"VariantName": "v", "ModelName": "m", "InstanceType": "ml.m5.large", "InitialInstanceCount": 1}], AsyncInferenceConfig={"OutputConfig": {"S3OutputPath": "s3://b/o"}})
      `,
    },
    {
      name: 'a string that is not an instance type (a placeholder) stays silent',
      format: 'python',
      code: dedent`
        from sagemaker.model import Model
        Model(image_uri=img, model_data=data, role=role).deploy(initial_instance_count=1, instance_type="<your instance type>")
      `,
    },
    {
      name: 'a deploy method of another library',
      format: 'python',
      code: dedent`
        from mlflow import sagemaker as mfs
        mfs.deploy(app_name="x", instance_type="ml.m5.xlarge", instance_count=1)
      `,
    },
    // SageMaker-managed instance scaling down to zero instances: the variant sleeps while idle.
    { name: 'ManagedInstanceScaling with MinInstanceCount 0 can sleep', format: 'cfn-yaml', code: config('InstanceType: ml.c5.large\n            InitialInstanceCount: 1\n            ManagedInstanceScaling: { Status: ENABLED, MinInstanceCount: 0, MaxInstanceCount: 2 }') },
    {
      name: 'Terraform: managed_instance_scaling down to zero can sleep',
      format: 'terraform',
      code: 'resource "aws_sagemaker_endpoint_configuration" "c" {\n  production_variants {\n    variant_name           = "AllTraffic"\n    instance_type          = "ml.c5.large"\n    initial_instance_count = 1\n    managed_instance_scaling {\n      status             = "ENABLED"\n      min_instance_count = 0\n      max_instance_count = 2\n    }\n  }\n}\n',
    },
    {
      name: 'CDK TypeScript: managedInstanceScaling down to zero can sleep',
      format: 'cdk-typescript',
      code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnEndpointConfig(this, 'Config', { productionVariants: [{ variantName: 'AllTraffic', modelName: 'm', instanceType: 'ml.c5.large', initialInstanceCount: 1, managedInstanceScaling: { status: 'ENABLED', minInstanceCount: 0, maxInstanceCount: 2 } }] });\n",
    },
    {
      name: 'boto3: ManagedInstanceScaling down to zero can sleep',
      format: 'python',
      code: 'import boto3\nsm = boto3.client("sagemaker")\nsm.create_endpoint_config(EndpointConfigName="c", ProductionVariants=[{"VariantName": "AllTraffic", "InstanceType": "ml.c5.large", "InitialInstanceCount": 1, "ManagedInstanceScaling": {"Status": "ENABLED", "MinInstanceCount": 0, "MaxInstanceCount": 2}}])\n',
    },
    {
      // The shape of a module that serves an LMI container: the type and the managed scaling floor come from the module's variables.
      name: 'Terraform: instance type from a variable whose default is a GPU type is judged as that type (silent, as a CloudFormation parameter default)',
      format: 'terraform',
      code: dedent`
        variable "instance_type" {
          description = "SageMaker instance type for the endpoint"
          type        = string
          default     = "ml.g5.4xlarge"
        }
        variable "min_instance_count" {
          type    = number
          default = 1
        }
        resource "aws_sagemaker_endpoint_configuration" "lmi" {
          name = "\${var.name}-config"
          production_variants {
            variant_name           = "AllTraffic"
            model_name             = aws_sagemaker_model.lmi.name
            instance_type          = var.instance_type
            initial_instance_count = 1
            managed_instance_scaling {
              status             = "ENABLED"
              min_instance_count = var.min_instance_count
              max_instance_count = 2
            }
          }
        }
      `,
    },
    {
      name: 'Terraform: managed_instance_scaling down to a variable whose default is zero can sleep',
      format: 'terraform',
      code: dedent`
        variable "min_instances" {
          default = 0
        }
        resource "aws_sagemaker_endpoint_configuration" "c" {
          production_variants {
            variant_name           = "AllTraffic"
            instance_type          = "ml.c5.large"
            initial_instance_count = 1
            managed_instance_scaling {
              status             = "ENABLED"
              min_instance_count = var.min_instances
              max_instance_count = 2
            }
          }
        }
      `,
    },
    {
      name: 'CloudFormation: whole Properties under Fn::If, one branch on a GPU: not every branch could be serverless',
      format: 'cfn-yaml',
      code: onStage(dedent`
        Properties: !If
          - Prod
          - ProductionVariants:
              - { VariantName: AllTraffic, ModelName: m, InstanceType: ml.g5.xlarge, InitialInstanceCount: 1 }
          - ProductionVariants:
              - { VariantName: AllTraffic, ModelName: m, InstanceType: ml.c5.large, InitialInstanceCount: 1 }
      `),
    },
    {
      name: 'CloudFormation: InstanceType under Fn::If, a GPU on one side: judged per branch, not as an unknown type',
      format: 'cfn-yaml',
      code: onStage(dedent`
        Properties:
          ProductionVariants:
            - { VariantName: AllTraffic, ModelName: m, InstanceType: !If [Prod, ml.g5.xlarge, ml.c5.large], InitialInstanceCount: 1 }
      `),
    },
    // Instance pools: serverless could replace the variant only if every pool is on CPU.
    { name: 'instance pools with a GPU pool', format: 'cfn-yaml', code: config('InitialInstanceCount: 1\n            InstancePools:\n              - { InstanceType: ml.g5.xlarge, Priority: 1 }\n              - { InstanceType: ml.c5.xlarge, Priority: 2 }') },
    {
      name: 'SDK v3 ModelBuilder: an inference component whose endpoint scales to zero instances (managed_instance_scaling MinInstanceCount 0) sleeps while idle',
      format: 'python',
      code: dedent`
        from sagemaker.serve.model_builder import ModelBuilder
        from sagemaker.core.inference_config import ResourceRequirements
        builder = ModelBuilder(model=model, role_arn=role, instance_type="ml.c5.xlarge")
        builder.build()
        builder.deploy(endpoint_name="tabular", inference_config=ResourceRequirements(requests={"memory": 2048, "copies": 1}), managed_instance_scaling={"MinInstanceCount": 0, "MaxInstanceCount": 2})
      `,
    },
  ],
  invalid: [
    {
      name: 'CDK TypeScript: productionVariants: [this.productionVariant], a member assigned once in the constructor: the variant it holds',
      format: 'cdk-typescript',
      code: cdkMemberVariant(['modelName: model.attrModelName,', 'instanceType: props.instanceType,', "variantName: 'AllTraffic',", 'initialInstanceCount: props.instanceCount ?? 1,']),
      errors: [unresolved('Config', 'variant AllTraffic', 'instance type from `props.instanceType`', 9, 7, 'instanceType'.length)],
      output: null,
    },
    {
      name: 'CDK Python: production_variants built by [ProductionVariantProperty(...) for variant in props.model_variants]: one variant template, its type read from the element',
      format: 'cdk-python',
      code: cdkPythonComprehension(),
      errors: [unresolved('EndpointConfig', 'a variant', 'instance type from `variant.instance_type`', 10, 17, 'instance_type'.length)],
      output: null,
    },
    {
      name: 'CDK Python: production_variants built by [{"instance_type": "ml.m5.large", ...} for variant in props.model_variants]: the dict element is the variant template, its CPU type fires',
      format: 'cdk-python',
      code: cdkPythonComprehension(propsVariantDict('ml.m5.large')),
      errors: [alwaysOn('EndpointConfig', 'a variant', 'ml.m5.large', 10, 17, '"instance_type"'.length)],
      output: null,
    },
    {
      name: 'CDK Python: a list of dicts built by a comprehension over zip(names, types), assigned to a name the config reads: the type is the loop variable',
      format: 'cdk-python',
      code: dedent`
        from aws_cdk import Stack, aws_sagemaker as sagemaker
        class ServingStack(Stack):
            def __init__(self, scope, construct_id, names, types, **kwargs):
                super().__init__(scope, construct_id, **kwargs)
                variants = [{"model_name": name, "variant_name": name, "instance_type": instance_type, "initial_instance_count": 1} for name, instance_type in zip(names, types)]
                sagemaker.CfnEndpointConfig(self, "Config", production_variants=variants)
      `,
      errors: [unresolved('Config', 'a variant', 'instance type from `instance_type`', 5, 64, '"instance_type"'.length)],
      output: null,
    },
    {
      name: 'Terraform: instance_type = var.use_gpu ? CPU : CPU, every value a CPU type: fires named by the first with the other',
      format: 'terraform',
      code: tfConditionalType('ml.m5.xlarge', 'ml.c5.large'),
      errors: [alwaysOn('aws_sagemaker_endpoint_configuration.whisper', 'variant AllTraffic', 'ml.m5.xlarge (first of the values it may take; others: ml.c5.large)', 8, 5, 'instance_type'.length)],
      output: null,
    },
    {
      name: 'Terraform dynamic "production_variants" reading its type from the for_each element: fires, and says what the type depends on',
      format: 'terraform',
      code: dynamicVariants(['instance_type = lookup(production_variants.value, "instance_type", "ml.t2.medium")', 'initial_instance_count = lookup(production_variants.value, "initial_instance_count", 1)']),
      errors: [unresolved('aws_sagemaker_endpoint_configuration.ep', 'a variant', 'instance type from the `for_each` of `dynamic "production_variants"`', 8, 7, 'instance_type'.length)],
      output: null,
    },
    {
      name: 'Terraform dynamic "production_variants" with iterator = pv: the element read through the renamed iterator',
      format: 'terraform',
      code: dynamicVariants(['instance_type          = pv.value.instance_type', 'initial_instance_count = 1'], '', '\n    iterator = pv').replace('[production_variants.key]', '[pv.key]'),
      errors: [unresolved('aws_sagemaker_endpoint_configuration.ep', 'a variant', 'instance type from the `for_each` of `dynamic "production_variants"`', 9, 7, 'instance_type'.length)],
      output: null,
    },
    {
      name: 'ManagedInstanceScaling that keeps one instance is still always on',
      format: 'cfn-yaml',
      code: config('InstanceType: ml.c5.large\n            InitialInstanceCount: 1\n            ManagedInstanceScaling: { Status: ENABLED, MinInstanceCount: 1, MaxInstanceCount: 2 }'),
      errors: [alwaysOn('Config', 'variant AllTraffic', 'ml.c5.large', 9, 11)],
      output: null,
    },
    {
      name: 'instance pools all on CPU: the priority-1 type and the range',
      format: 'cfn-yaml',
      code: config('InitialInstanceCount: 1\n            InstancePools:\n              - { InstanceType: ml.c5.xlarge, Priority: 2 }\n              - { InstanceType: ml.m5.xlarge, Priority: 1 }'),
      errors: [alwaysOn('Config', 'variant AllTraffic', 'ml.m5.xlarge (priority 1 of 2 instance pools, to ml.c5.xlarge)', 12, 17)],
      output: null,
    },
    {
      name: 'CDK TypeScript: instance pools all on CPU',
      format: 'cdk-typescript',
      code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnEndpointConfig(this, 'Config', { productionVariants: [{ variantName: 'AllTraffic', modelName: 'm', initialInstanceCount: 1, instancePools: [{ instanceType: 'ml.m5.xlarge', priority: 1 }, { instanceType: 'ml.c5.xlarge', priority: 2 }] }] });\n",
      errors: [alwaysOn('Config', 'variant AllTraffic', 'ml.m5.xlarge (priority 1 of 2 instance pools, to ml.c5.xlarge)', 2, 160)],
      output: null,
    },
    // A type the template does not resolve is judged like a Python name the analysis does not follow: the variant fires.
    {
      name: 'instance type from a parameter without a default',
      format: 'cfn-yaml',
      code: dedent`
        Parameters:
          Type: { Type: String }
        Resources:
          Config:
            Type: AWS::SageMaker::EndpointConfig
            Properties:
              ProductionVariants:
                - { VariantName: A, ModelName: m, InstanceType: !Ref Type, InitialInstanceCount: 1 }
      `,
      errors: [unresolved('Config', 'variant A', 'instance type from parameter `Type`, no default', 8, 43)],
      output: null,
    },
    {
      name: 'CloudFormation JSON: instance type from a parameter without a default',
      format: 'cfn-json',
      code: JSON.stringify({ Parameters: { Type: { Type: 'String' } }, Resources: { Config: { Type: 'AWS::SageMaker::EndpointConfig', Properties: { ProductionVariants: [{ VariantName: 'A', ModelName: 'm', InstanceType: { Ref: 'Type' }, InitialInstanceCount: 1 }] } } } }, null, 2),
      errors: [unresolved('Config', 'variant A', 'instance type from parameter `Type`, no default', 15, 13, 'InstanceType'.length + 2)],
      output: null,
    },
    {
      name: 'Terraform: instance type from a module input',
      format: 'terraform',
      code: dedent`
        variable "endpoint_instance_type" {
          description = "Instance type of the endpoint"
        }
        resource "aws_sagemaker_endpoint_configuration" "c" {
          production_variants {
            variant_name           = "AllTraffic"
            model_name             = var.model_name
            instance_type          = var.endpoint_instance_type
            initial_instance_count = 1
          }
        }
      `,
      errors: [unresolved('aws_sagemaker_endpoint_configuration.c', 'variant AllTraffic', 'instance type from variable `var.endpoint_instance_type`', 8, 5, 'instance_type'.length)],
      output: null,
    },
    {
      name: 'Terraform: instance type from a variable whose default is a CPU type fires on that type',
      format: 'terraform',
      code: dedent`
        variable "instance_type" {
          type    = string
          default = "ml.c5.xlarge"
        }
        resource "aws_sagemaker_endpoint_configuration" "c" {
          production_variants {
            variant_name           = "AllTraffic"
            instance_type          = var.instance_type
            initial_instance_count = 1
          }
        }
      `,
      errors: [alwaysOn('aws_sagemaker_endpoint_configuration.c', 'variant AllTraffic', 'ml.c5.xlarge', 8, 5, 'instance_type'.length)],
      output: null,
    },
    {
      name: 'Terraform: a variable with default = null, or a default that is not a literal, stays unknown and names the variable',
      format: 'terraform',
      code: dedent`
        variable "instance_type" {
          type    = string
          default = null
        }
        variable "types" {
          default = ["ml.g5.xlarge"]
        }
        resource "aws_sagemaker_endpoint_configuration" "c" {
          production_variants {
            variant_name           = "A"
            instance_type          = var.instance_type
            initial_instance_count = 1
          }
          production_variants {
            variant_name           = "B"
            instance_type          = var.types
            initial_instance_count = 1
          }
        }
      `,
      errors: [
        unresolved('aws_sagemaker_endpoint_configuration.c', 'variant A', 'instance type from variable `var.instance_type`', 11, 5, 'instance_type'.length),
        unresolved('aws_sagemaker_endpoint_configuration.c', 'variant B', 'instance type from variable `var.types`', 16, 5, 'instance_type'.length),
      ],
      output: null,
    },
    {
      name: 'CloudFormation: whole Properties under Fn::If, every branch on CPU: fires once, on the first branch (advice only)',
      format: 'cfn-yaml',
      code: onStage(dedent`
        Properties: !If
          - Prod
          - ProductionVariants:
              - VariantName: AllTraffic
                ModelName: m
                InstanceType: ml.c5.2xlarge
                InitialInstanceCount: 2
          - ProductionVariants:
              - VariantName: AllTraffic
                ModelName: m
                InstanceType: ml.c5.large
                InitialInstanceCount: 1
      `),
      errors: [alwaysOn('Config', 'variant AllTraffic', 'ml.c5.2xlarge', 13, 13)],
      output: null,
    },
    {
      name: 'CDK TypeScript: a construct library reading this.props.instanceType names it; a call stays an expression',
      format: 'cdk-typescript',
      code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nexport class Serving extends Construct {\n  constructor(scope: Construct, id: string, private readonly props: ServingProps) {\n    super(scope, id);\n    new sagemaker.CfnEndpointConfig(this, 'EndpointConfig', { productionVariants: [{ variantName: 'DefaultVariant', modelName: 'm', initialInstanceCount: this.props.initialInstanceCount, instanceType: this.props.instanceType }] });\n    new sagemaker.CfnEndpointConfig(this, 'Other', { productionVariants: [{ variantName: 'DefaultVariant', modelName: 'm', initialInstanceCount: 1, instanceType: pickType(this.props) }] });\n  }\n}\n",
      errors: [
        unresolved('EndpointConfig', 'variant DefaultVariant', 'instance type from `this.props.instanceType`', 5, 188, 'instanceType'.length),
        unresolved('Other', 'variant DefaultVariant', 'instance type from an expression', 6, 149, 'instanceType'.length),
      ],
      output: null,
    },
    {
      name: 'CDK Python: instance type from a config object\'s attribute (variant_config.instance_type)',
      format: 'cdk-python',
      code: 'from aws_cdk import aws_sagemaker as sagemaker\ndef build(self, variant_config, model):\n    model_variant = sagemaker.CfnEndpointConfig.ProductionVariantProperty(initial_instance_count=variant_config.instance_count, instance_type=variant_config.instance_type, model_name=model.attr_model_name, variant_name="AllTraffic")\n    sagemaker.CfnEndpointConfig(self, "EndpointConfig", production_variants=[model_variant])\n',
      errors: [unresolved('EndpointConfig', 'variant AllTraffic', 'instance type from `variant_config.instance_type`', 3, 129, 'instance_type'.length)],
      output: null,
    },
    {
      name: 'CDK TypeScript: productionVariants built by props.modelVariants.map(v => ({...})): one variant template, its type read from the element',
      format: 'cdk-typescript',
      code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nconst variant = { instanceType: 'ml.g5.xlarge' };\nnew sagemaker.CfnEndpointConfig(this, 'EndpointConfig', {\n  productionVariants: props.modelVariants.map((variant, index) => ({\n    modelName: models[index].attrModelName,\n    variantName: variant.variantName,\n    initialInstanceCount: variant.initialInstanceCount,\n    instanceType: variant.instanceType,\n  })),\n});\n",
      errors: [unresolved('EndpointConfig', 'a variant', 'instance type from `variant.instanceType`', 8, 5, 'instanceType'.length)],
      output: null,
    },
    {
      name: 'CDK TypeScript: instance type from a construct prop',
      format: 'cdk-typescript',
      code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nexport function serve(scope: Construct, props: { instanceType: string }) {\n  new sagemaker.CfnEndpointConfig(scope, 'Config', { productionVariants: [{ variantName: 'AllTraffic', modelName: 'm', instanceType: props.instanceType, initialInstanceCount: 1 }] });\n}\n",
      errors: [unresolved('Config', 'variant AllTraffic', 'instance type from `props.instanceType`', 3, 120)],
      output: null,
    },
    {
      name: 'CDK Python: instance type from a function parameter',
      format: 'cdk-python',
      code: 'from aws_cdk import aws_sagemaker as sm\ndef serve(self, instance_type):\n    sm.CfnEndpointConfig(self, "Config", production_variants=[sm.CfnEndpointConfig.ProductionVariantProperty(variant_name="AllTraffic", model_name="m", instance_type=instance_type, initial_instance_count=1)])\n',
      errors: [unresolved('Config', 'variant AllTraffic', 'instance type from `instance_type`', 3, 153, 'instance_type'.length)],
      output: null,
    },
    {
      name: 'a type that resolves to a GPU stays silent, a CPU one fires (the same verdict as for a literal)',
      format: 'cfn-yaml',
      code: dedent`
        Parameters:
          Gpu: { Type: String, Default: ml.g5.xlarge }
          Cpu: { Type: String, Default: ml.c5.large }
        Resources:
          Config:
            Type: AWS::SageMaker::EndpointConfig
            Properties:
              ProductionVariants:
                - { VariantName: A, ModelName: m, InstanceType: !Ref Gpu, InitialInstanceCount: 1 }
                - { VariantName: B, ModelName: m, InstanceType: !Ref Cpu, InitialInstanceCount: 1 }
      `,
      errors: [alwaysOn('Config', 'variant B', 'ml.c5.large', 10, 43)],
      output: null,
    },
    {
      name: 'SDK v3 ModelBuilder: the CPU instance type of the builder, deployed by the builder or its built model; no fix (the type is not at the deploy)',
      format: 'python',
      code: dedent`
        from sagemaker.serve import ModelBuilder
        from sagemaker.serve.mode.function_pointers import Mode
        builder = ModelBuilder(model=trained, role_arn=role, instance_type="ml.c5.xlarge", mode=Mode.SAGEMAKER_ENDPOINT)
        model = builder.build()
        endpoint = builder.deploy(endpoint_name="churn")
        predictor = model.deploy(initial_instance_count=1)
      `,
      errors: [alwaysOnPython(5, 12, 14), alwaysOnPython(6, 13, 12)],
      output: null,
    },
    {
      name: 'CDK TypeScript: CPU variant (advice only)',
      format: 'cdk-typescript',
      code: dedent`
        import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
        const TYPE = 'ml.m5.xlarge';
        new sagemaker.CfnEndpointConfig(this, 'Config', {
          productionVariants: [{ variantName: 'AllTraffic', modelName: 'churn', instanceType: TYPE, initialInstanceCount: 1 }],
        });
      `,
      errors: [alwaysOn('Config', 'variant AllTraffic', 'ml.m5.xlarge', 4, 73, 'instanceType'.length)],
      output: null,
    },
    {
      name: 'CDK Python: CPU variant as a ProductionVariantProperty struct',
      format: 'cdk-python',
      code: 'from aws_cdk import aws_sagemaker as sm\nsm.CfnEndpointConfig(self, "Config", production_variants=[sm.CfnEndpointConfig.ProductionVariantProperty(model_name="m", instance_type="ml.c5.large", initial_instance_count=1)])\n',
      errors: [alwaysOn('Config', 'a variant', 'ml.c5.large', 2, 122, 'instance_type'.length)],
      output: null,
    },
    {
      name: 'Terraform: CPU production variant',
      format: 'terraform',
      code: 'resource "aws_sagemaker_endpoint_configuration" "c" {\n  production_variants {\n    variant_name  = "A"\n    instance_type = "ml.m6g.large"\n  }\n}\n',
      errors: [alwaysOn('aws_sagemaker_endpoint_configuration.c', 'variant A', 'ml.m6g.large', 4, 5, 'instance_type'.length)],
      output: null,
    },
    {
      name: 'Graviton CPU variant',
      format: 'cfn-yaml',
      code: config('InstanceType: ml.c7g.large'),
      errors: [alwaysOn('Config', 'variant AllTraffic', 'ml.c7g.large', 9, 11)],
      output: null,
    },
    {
      name: 'instance type from a parameter default',
      format: 'cfn-yaml',
      code: dedent`
        Parameters:
          Type: { Type: String, Default: ml.m7g.xlarge }
        Resources:
          Config:
            Type: AWS::SageMaker::EndpointConfig
            Properties:
              ProductionVariants:
                - VariantName: Blue
                  ModelName: churn
                  InstanceType: !Ref Type
      `,
      errors: [alwaysOn('Config', 'variant Blue', 'ml.m7g.xlarge', 10, 11)],
      output: null,
    },
    {
      name: 'JSON',
      format: 'cfn-json',
      code: dedent`
        {
          "Resources": {
            "Config": {
              "Type": "AWS::SageMaker::EndpointConfig",
              "Properties": { "ProductionVariants": [{ "VariantName": "A", "ModelName": "m", "InstanceType": "ml.c7g.large" }] }
            }
          }
        }
      `,
      errors: [alwaysOn('Config', 'variant A', 'ml.c7g.large', 5, 86, '"InstanceType"'.length)],
      output: null,
    },
    {
      name: 'estimator deploy on a CPU instance: serverless replaces the instance arguments, import added',
      format: 'python',
      code: dedent`
        import sagemaker
        from sagemaker.sklearn import SKLearn

        est = SKLearn(entry_point="train.py", framework_version="1.2-1", instance_type="ml.m5.xlarge")
        predictor = est.deploy(
            initial_instance_count=1,
            instance_type="ml.c5.large",
            endpoint_name="churn",
        )
      `,
      errors: [
        alwaysOnPython(
          5,
          13,
          10,
          dedent`
            import sagemaker
            from sagemaker.sklearn import SKLearn
            from sagemaker.async_inference import AsyncInferenceConfig

            est = SKLearn(entry_point="train.py", framework_version="1.2-1", instance_type="ml.m5.xlarge")
            predictor = est.deploy(
                initial_instance_count=1,
                instance_type="ml.c5.large",
                async_inference_config=AsyncInferenceConfig(output_path="s3://<your-bucket>/async-output"),
                endpoint_name="churn",
            )
          `,
        ),
      ],
      output: dedent`
        import sagemaker
        from sagemaker.sklearn import SKLearn
        from sagemaker.serverless import ServerlessInferenceConfig

        est = SKLearn(entry_point="train.py", framework_version="1.2-1", instance_type="ml.m5.xlarge")
        predictor = est.deploy(
            serverless_inference_config=ServerlessInferenceConfig(memory_size_in_mb=4096, max_concurrency=5),
            endpoint_name="churn",
        )
      `,
    },
    {
      name: "asynchronous alternative: results under the deployed estimator's output path",
      format: 'python',
      code: dedent`
        from sagemaker.sklearn import SKLearn
        est = SKLearn(entry_point="train.py", framework_version="1.2-1", instance_type="ml.m5.xlarge", output_path="s3://acme/models/")
        predictor = est.deploy(initial_instance_count=1, instance_type="ml.c5.large")
      `,
      errors: [
        alwaysOnPython(
          3,
          13,
          10,
          dedent`
            from sagemaker.sklearn import SKLearn
            from sagemaker.async_inference import AsyncInferenceConfig
            est = SKLearn(entry_point="train.py", framework_version="1.2-1", instance_type="ml.m5.xlarge", output_path="s3://acme/models/")
            predictor = est.deploy(initial_instance_count=1, instance_type="ml.c5.large", async_inference_config=AsyncInferenceConfig(output_path="s3://acme/models/async-output"))
          `,
          /^Or deploy asynchronously \(AsyncInferenceConfig, results in s3:\/\/acme\/models\/async-output\)$/,
        ),
      ],
      output: dedent`
        from sagemaker.sklearn import SKLearn
        from sagemaker.serverless import ServerlessInferenceConfig
        est = SKLearn(entry_point="train.py", framework_version="1.2-1", instance_type="ml.m5.xlarge", output_path="s3://acme/models/")
        predictor = est.deploy(serverless_inference_config=ServerlessInferenceConfig(memory_size_in_mb=4096, max_concurrency=5))
      `,
    },
    {
      name: "asynchronous alternative: results in the session's default bucket",
      format: 'python',
      code: dedent`
        import sagemaker
        from sagemaker.model import Model
        bucket = sagemaker.Session().default_bucket()
        Model(image_uri=image, model_data=data, role=role).deploy(instance_type="ml.c5.large", initial_instance_count=1)
      `,
      errors: [
        alwaysOnPython(
          4,
          1,
          57,
          dedent`
            import sagemaker
            from sagemaker.model import Model
            from sagemaker.async_inference import AsyncInferenceConfig
            bucket = sagemaker.Session().default_bucket()
            Model(image_uri=image, model_data=data, role=role).deploy(instance_type="ml.c5.large", async_inference_config=AsyncInferenceConfig(output_path=f"s3://{bucket}/async-output"), initial_instance_count=1)
          `,
          /^Or deploy asynchronously \(AsyncInferenceConfig, results in s3:\/\/\{bucket\}\/async-output\)$/,
        ),
      ],
      output: dedent`
        import sagemaker
        from sagemaker.model import Model
        from sagemaker.serverless import ServerlessInferenceConfig
        bucket = sagemaker.Session().default_bucket()
        Model(image_uri=image, model_data=data, role=role).deploy(serverless_inference_config=ServerlessInferenceConfig(memory_size_in_mb=4096, max_concurrency=5))
      `,
    },
    {
      name: 'unresolved instance type fires; inline call with the import already there; instance_type first',
      format: 'python',
      code: dedent`
        from sagemaker.model import Model
        from sagemaker.serverless import ServerlessInferenceConfig
        Model(image_uri=image, model_data=data, role=role).deploy(instance_type=instance_type, initial_instance_count=1)
      `,
      errors: [
        alwaysOnPython(
          3,
          1,
          57,
          dedent`
            from sagemaker.model import Model
            from sagemaker.serverless import ServerlessInferenceConfig
            from sagemaker.async_inference import AsyncInferenceConfig
            Model(image_uri=image, model_data=data, role=role).deploy(instance_type=instance_type, async_inference_config=AsyncInferenceConfig(output_path="s3://<your-bucket>/async-output"), initial_instance_count=1)
          `,
        ),
      ],
      output: dedent`
        from sagemaker.model import Model
        from sagemaker.serverless import ServerlessInferenceConfig
        Model(image_uri=image, model_data=data, role=role).deploy(serverless_inference_config=ServerlessInferenceConfig(memory_size_in_mb=2048, max_concurrency=5))
      `,
    },
    {
      name: 'positional arguments: no fix',
      format: 'python',
      code: dedent`
        from sagemaker.xgboost import XGBoostModel
        XGBoostModel(model_data=data, role=role, entry_point="i.py").deploy(1, "ml.m5.large")
      `,
      errors: [alwaysOnPython(2, 1, 67)],
      output: null,
    },
    {
      name: 'an import in a function body is not one to follow: no fix',
      format: 'python',
      code: dedent`
        def serve(data, role):
            from sagemaker.model import Model
            Model(image_uri="img", model_data=data, role=role).deploy(initial_instance_count=1, instance_type="ml.m5.large")
      `,
      errors: [alwaysOnPython(3, 5, 57)],
      output: null,
    },
    {
      name: 'sagemaker.Session().endpoint_from_production_variants: an A/B endpoint of two production_variant(...) CPU variants, no fix',
      format: 'python',
      code: dedent`
        import sagemaker
        from sagemaker.session import production_variant
        sess = sagemaker.Session()
        blue = production_variant(model_name="churn-a", instance_type="ml.c5.2xlarge", initial_instance_count=1, variant_name="Blue")
        green = production_variant("churn-b", "ml.c5.2xlarge", 1, variant_name="Green")
        sess.endpoint_from_production_variants(name="churn-ab", production_variants=[blue, green])
      `,
      errors: [alwaysOnPython(6, 1, 38)],
      output: null,
    },
    {
      name: 'sparkmagic notebook: %%local cells are the notebook\'s own Python and are linted (positional arguments: no fix); %%spark and %%sql bodies are not',
      format: 'notebook',
      code: notebookJson([
        '%%local\nimport sagemaker\nfrom sagemaker.sparkml.model import SparkMLModel\n',
        '%%spark\nfrom sagemaker.model import Model\nModel(image_uri="img", model_data=data, role=role).deploy(initial_instance_count=1, instance_type="ml.m5.large")\n',
        '%%sql\nSELECT * FROM abalone\n',
        '%%local\nsparkml_model = SparkMLModel(model_data=data, role=role)\nsparkml_model.deploy(1, "ml.c4.xlarge", endpoint_name=name)\n',
      ]),
      errors: [alwaysOnPython(43, 6, 20)],
      output: null,
    },
    {
      name: 'notebook: endpoint_from_production_variants with a boto3-style variant dict, the session from its module path',
      format: 'notebook',
      code: notebookJson(['from sagemaker import session\nsm_session = session.Session()\n', 'sm_session.endpoint_from_production_variants("churn", [{"VariantName": "A", "ModelName": "m", "InstanceType": "ml.m5.large", "InitialInstanceCount": 1}])\n']),
      errors: [alwaysOnPython(19, 6, 44)],
      output: null,
    },
    {
      name: 'boto3 endpoint config with a CPU variant: no fix',
      format: 'python',
      code: dedent`
        import boto3
        sm = boto3.client("sagemaker")
        sm.create_endpoint_config(
            EndpointConfigName="churn",
            ProductionVariants=[{"VariantName": "AllTraffic", "ModelName": "churn", "InstanceType": "ml.m5.large", "InitialInstanceCount": 1}],
        )
      `,
      errors: [alwaysOnPython(3, 1, 25)],
      output: null,
    },
    {
      name: 'notebook: the import goes into the earlier cell that has the imports, the arguments are replaced in the deploy cell',
      format: 'notebook',
      code: notebookJson([
        '%pip install -q sagemaker\nimport sagemaker\nfrom sagemaker.sklearn import SKLearn\nINSTANCE = "ml.c5.large"\n',
        'est = SKLearn(entry_point="train.py", framework_version="1.2-1", instance_type="ml.m5.xlarge")\nest.fit()\n',
        'predictor = est.deploy(\n    initial_instance_count=1,\n    instance_type=INSTANCE,\n)\n',
        'predictor.delete_endpoint()\n',
      ]),
      errors: [
        alwaysOnPython(
          31,
          18,
          10,
          notebookJson([
            '%pip install -q sagemaker\nimport sagemaker\nfrom sagemaker.sklearn import SKLearn\nfrom sagemaker.async_inference import AsyncInferenceConfig\nINSTANCE = "ml.c5.large"\n',
            'est = SKLearn(entry_point="train.py", framework_version="1.2-1", instance_type="ml.m5.xlarge")\nest.fit()\n',
            'predictor = est.deploy(\n    initial_instance_count=1,\n    instance_type=INSTANCE,\n    async_inference_config=AsyncInferenceConfig(output_path="s3://<your-bucket>/async-output"),\n)\n',
            'predictor.delete_endpoint()\n',
          ]),
        ),
      ],
      output: notebookJson([
        '%pip install -q sagemaker\nimport sagemaker\nfrom sagemaker.sklearn import SKLearn\nfrom sagemaker.serverless import ServerlessInferenceConfig\nINSTANCE = "ml.c5.large"\n',
        'est = SKLearn(entry_point="train.py", framework_version="1.2-1", instance_type="ml.m5.xlarge")\nest.fit()\n',
        'predictor = est.deploy(\n    serverless_inference_config=ServerlessInferenceConfig(memory_size_in_mb=4096, max_concurrency=5),\n)\n',
        'predictor.delete_endpoint()\n',
      ]),
    },
    {
      name: "notebook: the import goes into the notebook's imports cell, not after a later cell's own import",
      format: 'notebook',
      code: notebookJson([
        'import sagemaker\nfrom sagemaker.model import Model\nrole = sagemaker.get_execution_role()\n',
        { markdown: '## Deploy' },
        'import boto3\nm = Model(image_uri=image, model_data=data, role=role)\np1 = m.deploy(instance_type="ml.c5.large", initial_instance_count=1)\n',
      ]),
      errors: [
        alwaysOnPython(
          29,
          11,
          8,
          notebookJson([
            'import sagemaker\nfrom sagemaker.model import Model\nfrom sagemaker.async_inference import AsyncInferenceConfig\nrole = sagemaker.get_execution_role()\n',
            { markdown: '## Deploy' },
            'import boto3\nm = Model(image_uri=image, model_data=data, role=role)\np1 = m.deploy(instance_type="ml.c5.large", async_inference_config=AsyncInferenceConfig(output_path="s3://<your-bucket>/async-output"), initial_instance_count=1)\n',
          ]),
        ),
      ],
      output: notebookJson([
        'import sagemaker\nfrom sagemaker.model import Model\nfrom sagemaker.serverless import ServerlessInferenceConfig\nrole = sagemaker.get_execution_role()\n',
        { markdown: '## Deploy' },
        'import boto3\nm = Model(image_uri=image, model_data=data, role=role)\np1 = m.deploy(serverless_inference_config=ServerlessInferenceConfig(memory_size_in_mb=4096, max_concurrency=5))\n',
      ]),
    },
    {
      name: 'SDK v3 ModelBuilder: inference_config=ResourceRequirements(...) is a real-time endpoint on the CPU type of the builder',
      format: 'python',
      code: dedent`
        from sagemaker.serve.model_builder import ModelBuilder
        from sagemaker.core.inference_config import ResourceRequirements
        builder = ModelBuilder(model=model, role_arn=role, instance_type="ml.c5.xlarge")
        builder.build()
        builder.deploy(endpoint_name="tabular", inference_config=ResourceRequirements(requests={"memory": 2048, "num_cpus": 1, "copies": 1}))
      `,
      errors: [alwaysOnPython(5, 1, 14)],
      output: null,
    },
    {
      name: 'SDK v3 ModelBuilder in a notebook: a ResourceRequirements config on a CPU type, managed scaling that keeps one instance',
      format: 'notebook',
      code: notebookJson([
        'from sagemaker.serve.model_builder import ModelBuilder\nfrom sagemaker.core.inference_config import ResourceRequirements\nbuilder = ModelBuilder(model=model, role_arn=role, instance_type="ml.m5.large")\n',
        'builder.build()\nendpoint = builder.deploy(endpoint_name="tabular", inference_config=ResourceRequirements(requests={"memory": 2048, "copies": 1}), managed_instance_scaling={"MinInstanceCount": 1, "MaxInstanceCount": 2})\n',
      ]),
      errors: [alwaysOnPython(21, 17, 14)],
      output: null,
    },
  ],
});
