import { switchFigures } from '../../src/estimate/savings';
import { endpointGeneralPurposeSilicon } from '../../src/rules/endpoint-general-purpose-silicon';
import { dedent } from '../kit/dedent';
import { cdkPythonComprehension, dynamicVariants, onShadow, onShadowBranches, onShadowJson, propsVariantDict, tfConditionalType } from '../kit/endpointTemplates';
import { notebookJson } from '../kit/notebook';
import { RuleTester } from '../kit/ruleTester';

const config = (instanceType: string) => dedent`
  AWSTemplateFormatVersion: "2010-09-09"
  Resources:
    Config:
      Type: AWS::SageMaker::EndpointConfig
      Properties:
        ProductionVariants:
          - VariantName: AllTraffic
            ModelName: bert
            InstanceType: ${instanceType}
`;

/** The accelerator a GPU type carries, and the processor a Graviton type runs on (the catalogue's, written out). */
const gpuModels: Record<string, string> = { g4dn: 'T4', g5: 'A10G', g6: 'L4' };
const gravitons: Record<string, string> = { c6g: 'Graviton2', c7g: 'Graviton3', m8g: 'Graviton4' };

/**
 * A template's finding: the same sentences as Python's after `Endpoint config X, variant Y: `
 * (`silicon` is the kind of the current type: GPUs → Inferentia2, x86 → Graviton).
 */
const finding = (silicon: 'gpu' | 'x86', instanceType: string, suggested: string) => ({
  messageId: 'generalPurposeConfig',
  data: {
    name: 'Config',
    variant: 'variant AllTraffic',
    instanceType,
    silicon: silicon === 'gpu' ? `general-purpose GPUs (${gpuModels[instanceType.split('.')[1]]})` : 'x86 CPUs',
    alternative: suggested,
    target: silicon === 'gpu' ? 'AWS Inferentia2' : `AWS ${gravitons[suggested.split('.')[1]]}`,
    figures: switchFigures(instanceType, suggested),
  },
  line: 9,
  column: 11,
  endLine: 9,
  endColumn: 23,
});

const at = (line: number, column: number, length: number) => ({ line, column, endLine: line, endColumn: column + length });

const branched = (silicon: 'gpu' | 'x86', instanceType: string, suggested: string, variant: string, line: number, column: number, length = 'InstanceType'.length) => ({
  ...finding(silicon, instanceType, suggested),
  data: { ...finding(silicon, instanceType, suggested).data, variant },
  ...at(line, column, length),
});

/** SML304 where the file's region offers no Inferentia2 (EC2 lists no inf2 in ca-central-1). */
const notInRegion = (line: number, column: number, length: number) => ({
  messageId: 'notInRegion',
  data: { instanceType: 'ml.g5.xlarge', silicon: 'general-purpose GPUs (A10G)', target: 'AWS Inferentia2', region: 'ca-central-1', family: 'ml.inf2' },
  ...at(line, column, length),
});

/** The same in a template: its configuration and variant named first, as every SML304 message of a template is. */
const notInRegionConfig = (name: string, line: number, column: number, length: number) => ({
  messageId: 'notInRegionConfig',
  data: { name, variant: 'variant AllTraffic', instanceType: 'ml.g5.xlarge', silicon: 'general-purpose GPUs (A10G)', target: 'AWS Inferentia2', region: 'ca-central-1', family: 'ml.inf2' },
  ...at(line, column, length),
});

/** SML304 on a Python ml.g5.xlarge where the region offers Inferentia2, or where the region is not known. */
const inferentiaAnywhere = {
  messageId: 'generalPurpose',
  data: { instanceType: 'ml.g5.xlarge', silicon: 'general-purpose GPUs (A10G)', alternative: 'ml.inf2.xlarge', target: 'AWS Inferentia2', figures: "; Green ML's estimate (us-east-1, 50% utilisation): $1.408 → $0.990 per hour" },
};

/** A Hugging Face model deployed on one ml.g5.xlarge, its session in `region` (written `where`: before or after the deploy). */
const pyDeployIn = (regions: string[], where: 'before' | 'after' = 'before') => {
  const sessions = regions.map((r, i) => `boto_session${i} = boto3.Session(region_name="${r}")`);
  const deploy = [
    'model = HuggingFaceModel(model_data="s3://models/bert.tar.gz", role=role, transformers_version="4.37", pytorch_version="2.1", py_version="py310")',
    'predictor = model.deploy(initial_instance_count=1, instance_type="ml.g5.xlarge")',
  ];
  return ['import boto3', 'from sagemaker.huggingface import HuggingFaceModel', ...(where === 'before' ? [...sessions, ...deploy] : [...deploy, ...sessions]), ''].join('\n');
};

new RuleTester().run(endpointGeneralPurposeSilicon, {
  valid: [
    {
      name: 'Terraform: instance_type = var.use_gpu ? GPU : Graviton: one value needs no other silicon, silent',
      format: 'terraform',
      code: tfConditionalType('ml.g5.xlarge', 'ml.c7g.large'),
    },
    {
      name: 'CDK Python: a comprehension variable named like an earlier x86 type: the element reads the loop\'s value (no type to judge), not the earlier one',
      format: 'cdk-python',
      code: dedent`
        from aws_cdk import Stack, aws_sagemaker as sagemaker
        class ServingStack(Stack):
            def __init__(self, scope, construct_id, types, **kwargs):
                super().__init__(scope, construct_id, **kwargs)
                instance_type = "ml.m5.xlarge"
                sagemaker.CfnEndpointConfig(self, "Config", production_variants=[{"model_name": "m", "instance_type": instance_type} for instance_type in types])
      `,
    },
    {
      name: 'CDK Python: a comprehension whose dict element writes a Graviton type: every variant it builds is already on Graviton',
      format: 'cdk-python',
      code: cdkPythonComprehension(propsVariantDict('ml.m8g.xlarge')),
    },
    {
      name: 'Terraform dynamic "production_variants" reading its type from the for_each element: no type to judge',
      format: 'terraform',
      code: dynamicVariants(['instance_type = lookup(production_variants.value, "instance_type", "ml.t2.medium")', 'initial_instance_count = lookup(production_variants.value, "initial_instance_count", 1)']),
    },
    {
      name: 'CloudFormation: whole Properties under Fn::If, the shadow branch on Inferentia: not every branch fires',
      format: 'cfn-yaml',
      code: onShadowBranches(
        '{ VariantName: ProductionTraffic, ModelName: m, InstanceType: ml.g5.xlarge, InitialInstanceCount: 1 }',
        '{ VariantName: ProductionTraffic, ModelName: m, InstanceType: ml.inf2.xlarge, InitialInstanceCount: 1 }',
      ),
    },
    {
      name: 'CloudFormation JSON: InstanceType under Fn::If, Graviton on one side',
      format: 'cfn-json',
      code: onShadowJson({ ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm', InstanceType: { 'Fn::If': ['Shadow', 'ml.m5.xlarge', 'ml.c7g.xlarge'] }, InitialInstanceCount: 1 }] }),
    },
    {
      name: 'SDK v3 ModelBuilder: in-process mode, a serverless or batch-transform inference_config, a config the file does not show',
      format: 'python',
      code: dedent`
        from sagemaker.serve import ModelBuilder
        from sagemaker.serve.mode.function_pointers import Mode
        from sagemaker.core.inference_config import ServerlessInferenceConfig
        from sagemaker.serve.batch_inference.batch_transform_inference_config import BatchTransformInferenceConfig
        ModelBuilder(model=model, instance_type="ml.c5.xlarge", mode=Mode.IN_PROCESS).deploy()
        ModelBuilder(model=model, instance_type="ml.c5.xlarge").deploy(endpoint_name="s", inference_config=ServerlessInferenceConfig(memory_size_in_mb=2048))
        ModelBuilder(model=model, instance_type="ml.c5.xlarge").deploy(inference_config=BatchTransformInferenceConfig(instance_count=1, instance_type="ml.c5.xlarge", output_path="s3://b/o"))
        ModelBuilder(model=model, instance_type="ml.c5.xlarge").deploy(endpoint_name="c", inference_config=settings.inference)
      `,
    },
    {
      name: 'CDK TypeScript: Inferentia and Graviton variants, serverless, a type from a variable',
      format: 'cdk-typescript',
      code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnEndpointConfig(this, 'Config', { productionVariants: [{ modelName: 'm', instanceType: 'ml.inf2.xlarge' }, { modelName: 'm', instanceType: 'ml.c7g.large' }, { modelName: 'm', serverlessConfig: {} }, { modelName: 'm', instanceType: props.type }] });\n",
    },
    { name: 'Inferentia2', format: 'cfn-yaml', code: config('ml.inf2.xlarge') },
    { name: 'Graviton', format: 'cfn-yaml', code: config('ml.c7g.xlarge') },
    { name: 'unknown type', format: 'cfn-yaml', code: config('ml.zz9.large') },
    {
      name: 'serverless variant',
      format: 'cfn-yaml',
      code: dedent`
        Resources:
          Config:
            Type: AWS::SageMaker::EndpointConfig
            Properties:
              ProductionVariants:
                - { VariantName: A, ModelName: m, ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 1 } }
      `,
    },
    {
      name: 'Graviton and Inferentia endpoints, serverless, unresolved types',
      format: 'python',
      code: dedent`
        from sagemaker.model import Model
        from sagemaker.serverless import ServerlessInferenceConfig
        m = Model(image_uri=img, model_data=data, role=role)
        m.deploy(initial_instance_count=1, instance_type="ml.c7g.xlarge")
        m.deploy(initial_instance_count=1, instance_type="ml.inf2.xlarge")
        m.deploy(serverless_inference_config=ServerlessInferenceConfig())
        m.deploy(initial_instance_count=1, instance_type=instance_type)
      `,
    },
    {
      name: 'training instances are not endpoints',
      format: 'python',
      code: dedent`
        from sagemaker.estimator import Estimator
        Estimator(image_uri=img, role=role, instance_count=1, instance_type="ml.m5.xlarge")
      `,
    },
  ],
  invalid: [
    {
      name: 'Terraform: instance_type = var.use_gpu ? GPU : GPU: every value has Inferentia2 for it, named by the first with the other, no edit',
      format: 'terraform',
      code: tfConditionalType('ml.g5.xlarge', 'ml.g4dn.xlarge'),
      errors: [{ ...finding('gpu', 'ml.g5.xlarge', 'ml.inf2.xlarge'), data: { ...finding('gpu', 'ml.g5.xlarge', 'ml.inf2.xlarge').data, name: 'aws_sagemaker_endpoint_configuration.whisper', instanceType: 'ml.g5.xlarge (first of the values it may take; others: ml.g4dn.xlarge)' }, ...at(8, 5, 'instance_type'.length) }],
      output: null,
    },
    {
      name: 'Python: a deploy type chosen in if/else, both x86 CPUs: named by the first with the other, and no edit (one edit would change one value)',
      format: 'python',
      code: dedent`
        from sagemaker.pytorch import PyTorchModel
        model = PyTorchModel(entry_point="serve.py", model_data=artifact, role=role, framework_version="2.1", py_version="py310")
        if quantized:
            instance_type = "ml.c5.xlarge"
        else:
            instance_type = "ml.m5.xlarge"
        predictor = model.deploy(initial_instance_count=1, instance_type=instance_type)
      `,
      errors: [{ messageId: 'generalPurpose', data: { ...finding('x86', 'ml.c5.xlarge', 'ml.c7g.xlarge').data, instanceType: 'ml.c5.xlarge (first of the values it may take; others: ml.m5.xlarge)' }, ...at(7, 52, 'instance_type=instance_type'.length) }],
      output: null,
    },
    {
      name: 'region: Python, a boto3 session in ca-central-1, which offers no Inferentia2: says so, suggests no ml.inf2',
      format: 'python',
      code: pyDeployIn(['ca-central-1']),
      errors: [notInRegion(5, 52, 'instance_type="ml.g5.xlarge"'.length)],
      output: null,
    },
    {
      name: 'region: Python, the session written after the deploy still sets where it runs',
      format: 'python',
      code: pyDeployIn(['ca-central-1'], 'after'),
      errors: [notInRegion(4, 52, 'instance_type="ml.g5.xlarge"'.length)],
      output: null,
    },
    {
      name: 'region: Python in eu-west-1, which offers ml.inf2: suggested as anywhere',
      format: 'python',
      code: pyDeployIn(['eu-west-1']),
      errors: [{ ...inferentiaAnywhere, ...at(5, 52, 'instance_type="ml.g5.xlarge"'.length) }],
      output: null,
    },
    {
      name: 'region: Python with two regions: which one serves is unknown, suggested as anywhere',
      format: 'python',
      code: pyDeployIn(['ca-central-1', 'eu-west-1']),
      errors: [{ ...inferentiaAnywhere, ...at(6, 52, 'instance_type="ml.g5.xlarge"'.length) }],
      output: null,
    },
    {
      name: 'region: Terraform, the module\'s AWS provider in ca-central-1',
      format: 'terraform',
      code: 'provider "aws" {\n  region = "ca-central-1"\n}\nresource "aws_sagemaker_endpoint_configuration" "c" {\n  production_variants {\n    variant_name  = "AllTraffic"\n    instance_type = "ml.g5.xlarge"\n  }\n}\n',
      errors: [notInRegionConfig('aws_sagemaker_endpoint_configuration.c', 7, 5, 'instance_type'.length)],
      output: null,
    },
    {
      name: 'region: CDK TypeScript, the stack\'s env.region is ca-central-1',
      format: 'cdk-typescript',
      code: dedent`
        import * as cdk from 'aws-cdk-lib';
        import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
        const app = new cdk.App();
        const stack = new cdk.Stack(app, 'Serving', { env: { region: 'ca-central-1' } });
        new sagemaker.CfnEndpointConfig(stack, 'Config', { productionVariants: [{ variantName: 'AllTraffic', modelName: 'bert', instanceType: 'ml.g5.xlarge' }] });
      `,
      errors: [notInRegionConfig('Config', 5, 121, 'instanceType'.length)],
      output: null,
    },
    {
      name: 'region: CDK Python, the stack\'s env region is ca-central-1',
      format: 'cdk-python',
      code: dedent`
        import aws_cdk as cdk
        from aws_cdk import aws_sagemaker as sm
        app = cdk.App()
        stack = cdk.Stack(app, "Serving", env=cdk.Environment(region="ca-central-1"))
        sm.CfnEndpointConfig(stack, "Config", production_variants=[sm.CfnEndpointConfig.ProductionVariantProperty(variant_name="AllTraffic", model_name="bert", instance_type="ml.g5.xlarge")])
      `,
      errors: [notInRegionConfig('Config', 5, 153, 'instance_type'.length)],
      output: null,
    },
    {
      name: 'Terraform dynamic "production_variants": an x86 type written in the content is every built variant\'s',
      format: 'terraform',
      code: dynamicVariants(['instance_type          = "ml.m5.xlarge"', 'initial_instance_count = 1']),
      errors: [{ ...finding('x86', 'ml.m5.xlarge', 'ml.m8g.xlarge'), data: { ...finding('x86', 'ml.m5.xlarge', 'ml.m8g.xlarge').data, name: 'aws_sagemaker_endpoint_configuration.ep', variant: 'a variant' }, ...at(8, 7, 'instance_type'.length) }],
      output: null,
    },
    {
      name: 'CloudFormation: InstanceType under Fn::If, x86 on both sides: fires with the first branch\'s type and says the other branch serves another',
      format: 'cfn-yaml',
      code: onShadow(dedent`
        Properties:
          ProductionVariants:
            - VariantName: AllTraffic
              ModelName: m
              InstanceType: !If [Shadow, ml.m5.xlarge, ml.m5.large]
              InitialInstanceCount: 1
      `),
      errors: [branched('x86', 'ml.m5.xlarge', 'ml.m8g.xlarge', 'variant AllTraffic (first branch of its conditions; others: ml.m5.large)', 12, 11)],
      output: null,
    },
    {
      name: 'CloudFormation: whole Properties under Fn::If (block sequence), a GPU on both branches: fires once, on the first branch',
      format: 'cfn-yaml',
      code: onShadowBranches(
        '{ VariantName: ProductionTraffic, ModelName: m, InstanceType: ml.g5.xlarge, InitialInstanceCount: 1 }',
        '{ VariantName: ProductionTraffic, ModelName: s, InstanceType: ml.g5.xlarge, InitialInstanceCount: 1 }',
        '{ VariantName: ShadowTraffic, ModelName: s, InstanceType: ml.g5.xlarge, InitialInstanceCount: 1 }',
      ),
      errors: [branched('gpu', 'ml.g5.xlarge', 'ml.inf2.xlarge', 'variant ProductionTraffic', 12, 61)],
      output: null,
    },
    {
      name: 'CloudFormation JSON: whole Properties under Fn::If, x86 on both branches',
      format: 'cfn-json',
      code: onShadowJson({ 'Fn::If': ['Shadow', { ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm', InstanceType: 'ml.c5.xlarge', InitialInstanceCount: 1 }] }, { ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm', InstanceType: 'ml.c5.xlarge', InitialInstanceCount: 1 }] }] }),
      errors: [branched('x86', 'ml.c5.xlarge', 'ml.c7g.xlarge', 'variant AllTraffic', 29, 17, '"InstanceType"'.length)],
      output: null,
    },
    {
      name: 'SDK v3 ModelBuilder: the x86 CPU type of the builder, on the builder',
      format: 'python',
      code: dedent`
        from sagemaker.serve import ModelBuilder
        builder = ModelBuilder(model=model, role_arn=role, instance_type="ml.c5.xlarge")
        builder.deploy(endpoint_name="tabular")
      `,
      errors: [{
        messageId: 'generalPurpose',
        data: { instanceType: 'ml.c5.xlarge', silicon: 'x86 CPUs', alternative: 'ml.c7g.xlarge', target: 'AWS Graviton3', figures: "; Green ML's estimate (us-east-1, 50% utilisation): $0.204 → $0.145 per hour, 15 → 8 Wh per hour" },
        ...at(2, 52, 28),
      }],
      output: null,
    },
    {
      name: 'CDK TypeScript: GPU variant → ml.inf2.xlarge',
      format: 'cdk-typescript',
      code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnEndpointConfig(this, 'Config', { productionVariants: [{ variantName: 'AllTraffic', modelName: 'bert', instanceType: 'ml.g5.xlarge' }] });\n",
      errors: [{ ...finding('gpu', 'ml.g5.xlarge', 'ml.inf2.xlarge'), ...at(2, 120, 'instanceType'.length) }],
      output: null,
    },
    {
      name: 'CDK Python: a comprehension whose dict element writes an x86 type: every variant it builds, named as a template',
      format: 'cdk-python',
      code: cdkPythonComprehension(propsVariantDict('ml.m5.xlarge')),
      errors: [{ ...finding('x86', 'ml.m5.xlarge', 'ml.m8g.xlarge'), data: { ...finding('x86', 'ml.m5.xlarge', 'ml.m8g.xlarge').data, name: 'EndpointConfig', variant: 'a variant' }, ...at(10, 17, '"instance_type"'.length) }],
      output: null,
    },
    {
      name: 'CDK Python: x86 variant → ml.m8g, as in every format',
      format: 'cdk-python',
      code: 'from aws_cdk import aws_sagemaker as sm\nsm.CfnEndpointConfig(self, "Config", production_variants=[sm.CfnEndpointConfig.ProductionVariantProperty(variant_name="AllTraffic", model_name="bert", instance_type="ml.m5.xlarge")])\n',
      errors: [{ ...finding('x86', 'ml.m5.xlarge', 'ml.m8g.xlarge'), ...at(2, 152, 'instance_type'.length) }],
      output: null,
    },
    {
      name: 'Terraform: GPU variant',
      format: 'terraform',
      code: 'resource "aws_sagemaker_endpoint_configuration" "c" {\n  production_variants {\n    variant_name  = "AllTraffic"\n    instance_type = "ml.g5.xlarge"\n  }\n}\n',
      errors: [{ ...finding('gpu', 'ml.g5.xlarge', 'ml.inf2.xlarge'), data: { ...finding('gpu', 'ml.g5.xlarge', 'ml.inf2.xlarge').data, name: 'aws_sagemaker_endpoint_configuration.c' }, line: 4, column: 5, endLine: 4, endColumn: 18 }],
      output: null,
    },
    {
      name: 'Terraform: GPU type from a variable default, judged as that type',
      format: 'terraform',
      code: 'variable "instance_type" {\n  type    = string\n  default = "ml.g5.xlarge"\n}\nresource "aws_sagemaker_endpoint_configuration" "c" {\n  production_variants {\n    variant_name  = "AllTraffic"\n    instance_type = var.instance_type\n  }\n}\n',
      errors: [{ ...finding('gpu', 'ml.g5.xlarge', 'ml.inf2.xlarge'), data: { ...finding('gpu', 'ml.g5.xlarge', 'ml.inf2.xlarge').data, name: 'aws_sagemaker_endpoint_configuration.c' }, line: 8, column: 5, endLine: 8, endColumn: 18 }],
      output: null,
    },
    { name: 'single GPU → ml.inf2.xlarge', format: 'cfn-yaml', code: config('ml.g5.xlarge'), errors: [finding('gpu', 'ml.g5.xlarge', 'ml.inf2.xlarge')], output: null },
    { name: 'four GPUs → ml.inf2.24xlarge', format: 'cfn-yaml', code: config('ml.g5.12xlarge'), errors: [finding('gpu', 'ml.g5.12xlarge', 'ml.inf2.24xlarge')], output: null },
    { name: 'compute-optimised x86 → ml.c7g of the same size', format: 'cfn-yaml', code: config('ml.c5.2xlarge'), errors: [finding('x86', 'ml.c5.2xlarge', 'ml.c7g.2xlarge')], output: null },
    { name: 'general-purpose x86 → ml.m8g (Graviton4: hosting has no ml.m7g), as in every format', format: 'cfn-yaml', code: config('ml.m5.xlarge'), errors: [finding('x86', 'ml.m5.xlarge', 'ml.m8g.xlarge')], output: null },
    {
      name: 'x86 CPU endpoint: Graviton3 of the same class and size, with the estimate',
      format: 'python',
      code: dedent`
        from sagemaker.model import Model
        Model(image_uri=img, model_data=data, role=role).deploy(initial_instance_count=1, instance_type="ml.c5.xlarge")
      `,
      errors: [{
        messageId: 'generalPurpose',
        data: { instanceType: 'ml.c5.xlarge', silicon: 'x86 CPUs', alternative: 'ml.c7g.xlarge', target: 'AWS Graviton3', figures: "; Green ML's estimate (us-east-1, 50% utilisation): $0.204 → $0.145 per hour, 15 → 8 Wh per hour" },
        ...at(2, 83, 28),
      }],
      output: null,
    },
    {
      name: 'GPU endpoint in a boto3 variant: the smallest Inferentia2 with enough accelerator memory',
      format: 'python',
      code: dedent`
        import boto3
        boto3.client("sagemaker").create_endpoint_config(EndpointConfigName="c", ProductionVariants=[{"VariantName": "v", "ModelName": "m", "InstanceType": "ml.g5.2xlarge", "InitialInstanceCount": 1}])
      `,
      errors: [{
        messageId: 'generalPurpose',
        data: { instanceType: 'ml.g5.2xlarge', silicon: 'general-purpose GPUs (A10G)', alternative: 'ml.inf2.xlarge', target: 'AWS Inferentia2', figures: "; Green ML's estimate (us-east-1, 50% utilisation): $1.515 → $0.990 per hour" },
        ...at(2, 133, 31),
      }],
      output: null,
    },
    {
      name: 'notebook: the instance type from an earlier cell; the finding is on the raw .ipynb line',
      format: 'notebook',
      code: notebookJson(['from sagemaker.model import Model\nSERVE = "ml.c5.xlarge"\n', 'Model(image_uri=img, model_data=data, role=role).deploy(initial_instance_count=1, instance_type=SERVE)\n']),
      errors: [{
        messageId: 'generalPurpose',
        data: { instanceType: 'ml.c5.xlarge', silicon: 'x86 CPUs', alternative: 'ml.c7g.xlarge', target: 'AWS Graviton3', figures: "; Green ML's estimate (us-east-1, 50% utilisation): $0.204 → $0.145 per hour, 15 → 8 Wh per hour" },
        ...at(19, 88, 19),
      }],
      output: null,
    },
    {
      name: 'sagemaker.Session().create_endpoint_config(name, model, count, type): its one variant',
      format: 'python',
      code: dedent`
        import sagemaker
        sess = sagemaker.Session()
        sess.create_endpoint_config("churn-config", "churn-model", 1, "ml.c5.xlarge")
      `,
      errors: [{
        messageId: 'generalPurpose',
        data: { instanceType: 'ml.c5.xlarge', silicon: 'x86 CPUs', alternative: 'ml.c7g.xlarge', target: 'AWS Graviton3', figures: "; Green ML's estimate (us-east-1, 50% utilisation): $0.204 → $0.145 per hour, 15 → 8 Wh per hour" },
        ...at(3, 63, 14),
      }],
      output: null,
    },
    {
      name: 'sagemaker.Session().endpoint_from_production_variants: each production_variant(...) is judged, keyword or positional',
      format: 'python',
      code: dedent`
        import sagemaker
        from sagemaker.session import production_variant
        blue = production_variant(model_name="churn-a", instance_type="ml.c5.xlarge", initial_instance_count=1, variant_name="Blue")
        green = production_variant("churn-b", "ml.c5.xlarge", 1, variant_name="Green")
        sagemaker.Session().endpoint_from_production_variants(name="churn-ab", production_variants=[blue, green])
      `,
      // Each variant's type, where it is written: the keyword, then the positional argument.
      errors: [at(3, 49, 28), at(4, 39, 14)].map((range) => ({
        messageId: 'generalPurpose',
        data: { instanceType: 'ml.c5.xlarge', silicon: 'x86 CPUs', alternative: 'ml.c7g.xlarge', target: 'AWS Graviton3', figures: "; Green ML's estimate (us-east-1, 50% utilisation): $0.204 → $0.145 per hour, 15 → 8 Wh per hour" },
        ...range,
      })),
      output: null,
    },
    {
      name: 'sagemaker.Session().endpoint_from_model_data and endpoint_from_job name their instance type',
      format: 'python',
      code: dedent`
        from sagemaker import Session
        Session().endpoint_from_model_data(model_s3_location="s3://b/m.tar.gz", image_uri=image, initial_instance_count=1, instance_type="ml.c5.xlarge")
        Session().endpoint_from_job("train-1", 1, "ml.c5.xlarge")
      `,
      errors: [
        {
          messageId: 'generalPurpose',
          data: { instanceType: 'ml.c5.xlarge', silicon: 'x86 CPUs', alternative: 'ml.c7g.xlarge', target: 'AWS Graviton3', figures: "; Green ML's estimate (us-east-1, 50% utilisation): $0.204 → $0.145 per hour, 15 → 8 Wh per hour" },
          ...at(2, 116, 28),
        },
        {
          messageId: 'generalPurpose',
          data: { instanceType: 'ml.c5.xlarge', silicon: 'x86 CPUs', alternative: 'ml.c7g.xlarge', target: 'AWS Graviton3', figures: "; Green ML's estimate (us-east-1, 50% utilisation): $0.204 → $0.145 per hour, 15 → 8 Wh per hour" },
          ...at(3, 43, 14),
        },
      ],
      output: null,
    },
    // Asynchronous endpoints keep their instances up between requests; burstable types get the nearest Graviton hosting type.
    { name: 'asynchronous endpoint config: its x86 variant is judged', format: 'cfn-yaml', code: config('ml.c5.2xlarge').replace('    Properties:\n', '    Properties:\n      AsyncInferenceConfig: { OutputConfig: { S3OutputPath: s3://b/out } }\n'), errors: [{ ...finding('x86', 'ml.c5.2xlarge', 'ml.c7g.2xlarge'), line: 10, endLine: 10 }], output: null },
    { name: 'burstable ml.t2.medium → the nearest Graviton hosting type by vCPU and memory', format: 'cfn-yaml', code: config('ml.t2.medium'), errors: [finding('x86', 'ml.t2.medium', 'ml.c7g.large')], output: null },
    { name: 'burstable ml.t3.xlarge (4 vCPU, 16 GiB) → ml.m8g.xlarge', format: 'cfn-yaml', code: config('ml.t3.xlarge'), errors: [finding('x86', 'ml.t3.xlarge', 'ml.m8g.xlarge')], output: null },
    {
      name: 'Terraform: an asynchronous configuration on ml.t3.large',
      format: 'terraform',
      code: 'resource "aws_sagemaker_endpoint_configuration" "c" {\n  production_variants {\n    variant_name  = "AllTraffic"\n    instance_type = "ml.t3.large"\n  }\n  async_inference_config {\n    output_config {\n      s3_output_path = "s3://b/out"\n    }\n  }\n}\n',
      errors: [{ ...finding('x86', 'ml.t3.large', 'ml.m8g.large'), data: { ...finding('x86', 'ml.t3.large', 'ml.m8g.large').data, name: 'aws_sagemaker_endpoint_configuration.c' }, line: 4, column: 5, endLine: 4, endColumn: 18 }],
      output: null,
    },
    {
      name: 'CDK TypeScript: an asynchronous configuration on ml.t2.medium',
      format: 'cdk-typescript',
      code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnEndpointConfig(this, 'Config', { asyncInferenceConfig: { outputConfig: { s3OutputPath: 's3://b/out' } }, productionVariants: [{ variantName: 'AllTraffic', modelName: 'bert', instanceType: 'ml.t2.medium' }] });\n",
      errors: [{ ...finding('x86', 'ml.t2.medium', 'ml.c7g.large'), ...at(2, 192, 'instanceType'.length) }],
      output: null,
    },
    {
      name: 'SDK: an asynchronous deploy on ml.t2.large',
      format: 'python',
      code: dedent`
        from sagemaker.model import Model
        from sagemaker.async_inference import AsyncInferenceConfig
        Model(image_uri=img, model_data=data, role=role).deploy(initial_instance_count=1, instance_type="ml.t2.large", async_inference_config=AsyncInferenceConfig(output_path="s3://b/out"))
      `,
      errors: [{ messageId: 'generalPurpose', data: { instanceType: 'ml.t2.large', silicon: 'x86 CPUs', alternative: 'ml.m8g.large', target: 'AWS Graviton4', figures: "; Green ML's estimate (us-east-1, 50% utilisation): 9 → 6 Wh per hour" }, ...at(3, 83, 27) }],
      output: null,
    },
    {
      name: 'instance pools: each pool type is judged, a Graviton pool is not',
      format: 'cfn-yaml',
      code: config('ml.g5.xlarge').replace('InstanceType: ml.g5.xlarge', 'InstancePools:\n          - { InstanceType: ml.g5.xlarge, Priority: 1 }\n          - { InstanceType: ml.c6g.xlarge, Priority: 2 }\n          - { InstanceType: ml.m5.xlarge, Priority: 3 }'),
      errors: [{ ...finding('gpu', 'ml.g5.xlarge', 'ml.inf2.xlarge'), ...at(10, 15, 12) }, { ...finding('x86', 'ml.m5.xlarge', 'ml.m8g.xlarge'), ...at(12, 15, 12) }],
      output: null,
    },
    {
      name: 'CDK TypeScript: instance pools, each pool type judged',
      format: 'cdk-typescript',
      code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnEndpointConfig(this, 'Config', { productionVariants: [{ variantName: 'AllTraffic', modelName: 'bert', instancePools: [{ instanceType: 'ml.c7g.xlarge', priority: 1 }, { instanceType: 'ml.m5.xlarge', priority: 2 }] }] });\n",
      errors: [{ ...finding('x86', 'ml.m5.xlarge', 'ml.m8g.xlarge'), ...at(2, 186, 12) }],
      output: null,
    },
    {
      name: 'boto3: instance pools, each pool type judged',
      format: 'python',
      code: 'import boto3\nboto3.client("sagemaker").create_endpoint_config(EndpointConfigName="c", ProductionVariants=[{"VariantName": "v", "ModelName": "m", "InstancePools": [{"InstanceType": "ml.c7g.xlarge", "Priority": 1}, {"InstanceType": "ml.c5.xlarge", "Priority": 2}]}])\n',
      errors: [{
        messageId: 'generalPurpose',
        data: { instanceType: 'ml.c5.xlarge', silicon: 'x86 CPUs', alternative: 'ml.c7g.xlarge', target: 'AWS Graviton3', figures: "; Green ML's estimate (us-east-1, 50% utilisation): $0.204 → $0.145 per hour, 15 → 8 Wh per hour" },
        ...at(2, 202, 30),
      }],
      output: null,
    },
    {
      name: 'SDK v3 ModelBuilder: inference_config=ResourceRequirements(...) deploys the model as an inference component on a real-time endpoint: its GPU type is judged',
      format: 'python',
      code: dedent`
        from sagemaker.serve.model_builder import ModelBuilder, ModelServer
        from sagemaker.core.inference_config import ResourceRequirements
        GPU_TYPE = "ml.g5.2xlarge"
        nli = ModelBuilder(image_uri=triton_image, s3_model_data_url=artifacts, role_arn=role, model_server=ModelServer.TRITON, instance_type=GPU_TYPE)
        nli.build(model_name="nli-triton")
        nli.deploy(
            endpoint_name="nli",
            inference_component_name="nli-ic",
            initial_instance_count=1,
            instance_type=GPU_TYPE,
            inference_config=ResourceRequirements(requests={"memory": 8192, "num_accelerators": 1, "num_cpus": 2, "copies": 1}),
        )
      `,
      errors: [{ messageId: 'generalPurpose', data: { instanceType: 'ml.g5.2xlarge', silicon: 'general-purpose GPUs (A10G)', alternative: 'ml.inf2.xlarge', target: 'AWS Inferentia2', figures: "; Green ML's estimate (us-east-1, 50% utilisation): $1.515 → $0.990 per hour" }, ...at(10, 5, 22) }],
      output: null,
    },
    {
      name: 'SDK v3 ModelBuilder in a notebook: a ResourceRequirements config bound to a name in an earlier cell is still an inference component on a real-time endpoint',
      format: 'notebook',
      code: notebookJson([
        'from sagemaker.serve import ModelBuilder\nfrom sagemaker.core.inference_config import ResourceRequirements\nrequirements = ResourceRequirements(requests={"memory": 4096, "num_accelerators": 1, "copies": 1})\n',
        'builder = ModelBuilder(model=hf_model_id, role_arn=role, instance_type="ml.g6.xlarge")\nbuilder.build()\nendpoint = builder.deploy(endpoint_name="qa", inference_config=requirements)\n',
      ]),
      errors: [{ messageId: 'generalPurpose', data: { instanceType: 'ml.g6.xlarge', silicon: 'general-purpose GPUs (L4)', alternative: 'ml.inf2.xlarge', target: 'AWS Inferentia2', figures: "; Green ML's estimate (us-east-1, 50% utilisation): $0.805 → $0.990 per hour" }, line: 20, column: 63, endLine: 20, endColumn: 93 }],
      output: null,
    },
    {
      name: 'SDK v3 ModelBuilder: an asynchronous inference_config keeps instances up between requests (covered, as async_inference_config is)',
      format: 'python',
      code: dedent`
        from sagemaker.serve import ModelBuilder
        from sagemaker.async_inference import AsyncInferenceConfig
        ModelBuilder(model=model, instance_type="ml.c5.xlarge").deploy(endpoint_name="a", inference_config=AsyncInferenceConfig())
      `,
      errors: [{ messageId: 'generalPurpose', data: { instanceType: 'ml.c5.xlarge', silicon: 'x86 CPUs', alternative: 'ml.c7g.xlarge', target: 'AWS Graviton3', figures: "; Green ML's estimate (us-east-1, 50% utilisation): $0.204 → $0.145 per hour, 15 → 8 Wh per hour" }, ...at(3, 27, 28) }],
      output: null,
    },
  ],
});
