import * as assert from 'node:assert/strict';
import { resolveRuleSettings } from '../../src/core/config';
import { defineRule } from '../../src/core/defineRule';
import type { Format } from '../../src/core/types';
import { valueOf } from '../../src/model/field';
import type { BatchTransformRecord, InferenceComponentRecord, ModelRecord } from '../../src/model/hostingRecords';
import { visitHostingResources } from '../../src/model/hostingResources';
import { createTestLinter } from '../kit/languages';

interface Seen {
  components: InferenceComponentRecord[];
  transforms: BatchTransformRecord[];
  models: ModelRecord[];
}

function recordsOf(fileName: string, format: Format, code: string): Seen {
  const seen: Seen = { components: [], transforms: [], models: [] };
  const probe = defineRule({
    id: 'PROBE',
    name: 'probe',
    meta: { category: 'deploy', defaultSeverity: 'info', formats: ['cfn', 'tf', 'cdk', 'py', 'nb'], description: 'collects records', messages: {}, fixes: [], wellArchitected: [], options: {} },
    create: () => visitHostingResources({ inferenceComponent: (r) => seen.components.push(r), batchTransform: (r) => seen.transforms.push(r), model: (r) => seen.models.push(r) }),
  });
  createTestLinter({ rules: [probe] }).lint(fileName, code, { settings: resolveRuleSettings([probe]), format });
  return seen;
}

/** The same inference component in every format that writes one (the Terraform AWS provider has no inference component resource). */
const component: Array<{ name: string; fileName: string; format: Format; code: string }> = [
  { name: 'CloudFormation YAML', fileName: 'ic.yaml', format: 'cfn-yaml', code: 'Resources:\n  Llm:\n    Type: AWS::SageMaker::InferenceComponent\n    Properties:\n      EndpointName: chat\n      VariantName: AllTraffic\n      Specification: { ModelName: llm, ComputeResourceRequirements: { MinMemoryRequiredInMb: 1024, NumberOfAcceleratorDevicesRequired: 1 } }\n      RuntimeConfig: { CopyCount: 2 }\n' },
  {
    name: 'CloudFormation JSON',
    fileName: 'ic.json',
    format: 'cfn-json',
    code: JSON.stringify({ Resources: { Llm: { Type: 'AWS::SageMaker::InferenceComponent', Properties: { EndpointName: 'chat', VariantName: 'AllTraffic', Specification: { ModelName: 'llm' }, RuntimeConfig: { CopyCount: 2 } } } } }, null, 2),
  },
  { name: 'CDK TypeScript', fileName: 'stack.ts', format: 'cdk-typescript', code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnInferenceComponent(this, 'Llm', { endpointName: 'chat', variantName: 'AllTraffic', specification: { modelName: 'llm' }, runtimeConfig: { copyCount: 2 } });\n" },
  { name: 'CDK Python', fileName: 'stack.py', format: 'cdk-python', code: 'from aws_cdk import aws_sagemaker as sm\nsm.CfnInferenceComponent(self, "Llm", endpoint_name="chat", variant_name="AllTraffic", specification=sm.CfnInferenceComponent.InferenceComponentSpecificationProperty(model_name="llm"), runtime_config=sm.CfnInferenceComponent.InferenceComponentRuntimeConfigProperty(copy_count=2))\n' },
  { name: 'boto3', fileName: 'serve.py', format: 'python', code: 'import boto3\nsm = boto3.client("sagemaker")\nsm.create_inference_component(InferenceComponentName="llm-ic", EndpointName="chat", VariantName="AllTraffic", Specification={"ModelName": "llm"}, RuntimeConfig={"CopyCount": 2})\n' },
];

describe('inference components, batch transform jobs and models: records from every format that writes them', () => {
  it('the same inference component in every format: endpoint, variant and copy count', () => {
    for (const written of component) {
      const { components } = recordsOf(written.fileName, written.format, written.code);
      assert.deepEqual(
        components.map((c) => ({ endpoint: valueOf(c.endpoint), variant: valueOf(c.variant), copies: valueOf(c.copyCount) })),
        [{ endpoint: 'chat', variant: 'AllTraffic', copies: 2 }],
        written.name,
      );
    }
  });

  it('an endpoint name from a parameter without default is unknown, not absent', () => {
    const { components } = recordsOf('ic.yaml', 'cfn-yaml', 'Parameters:\n  Endpoint: { Type: String }\nResources:\n  Llm:\n    Type: AWS::SageMaker::InferenceComponent\n    Properties:\n      EndpointName: !Ref Endpoint\n      Specification: { ModelName: llm }\n      RuntimeConfig: { CopyCount: 1 }\n');
    assert.equal(components[0].endpoint?.known, false);
  });

  it('batch transform: boto3 create_transform_job, SDK Transformer(...) and model.transformer(...) name the same instances', () => {
    const codes = [
      'import boto3\nboto3.client("sagemaker").create_transform_job(TransformJobName="score", ModelName="m", TransformInput={}, TransformOutput={}, TransformResources={"InstanceType": "ml.m5.xlarge", "InstanceCount": 2})\n',
      'from sagemaker.transformer import Transformer\nTransformer("m", 2, "ml.m5.xlarge", output_path="s3://b/out").transform("s3://b/in")\n',
      'from sagemaker.model import Model\nmodel = Model(image_uri=image, model_data="s3://b/m.tar.gz", role=role)\nmodel.transformer(instance_count=2, instance_type="ml.m5.xlarge").transform("s3://b/in")\n',
    ];
    for (const code of codes) {
      const { transforms } = recordsOf('score.py', 'python', code);
      assert.deepEqual(transforms.map((t) => ({ type: valueOf(t.instanceType), count: valueOf(t.instanceCount) })), [{ type: 'ml.m5.xlarge', count: 2 }], code);
    }
  });

  it('models in every format; an SDK model carries its Elastic Inference accelerator', () => {
    const forms: Array<[string, Format, string, string | undefined]> = [
      ['m.yaml', 'cfn-yaml', 'Resources:\n  Model:\n    Type: AWS::SageMaker::Model\n    Properties: { ExecutionRoleArn: arn, PrimaryContainer: { Image: i } }\n', 'Model'],
      ['main.tf', 'terraform', 'resource "aws_sagemaker_model" "m" {\n  execution_role_arn = "arn"\n  primary_container {\n    image = "i"\n  }\n}\n', 'aws_sagemaker_model.m'],
      ['stack.ts', 'cdk-typescript', "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnModel(this, 'Model', { executionRoleArn: 'arn', primaryContainer: { image: 'i' } });\n", 'Model'],
      ['serve.py', 'python', 'import boto3\nboto3.client("sagemaker").create_model(ModelName="m", ExecutionRoleArn="arn", PrimaryContainer={"Image": "i"})\n', undefined],
    ];
    for (const [fileName, format, code, name] of forms) assert.deepEqual(recordsOf(fileName, format, code).models.map((m) => m.name), [name], fileName);
    const { models } = recordsOf('serve.py', 'python', 'from sagemaker.tensorflow import TensorFlowModel\nTensorFlowModel(model_data="s3://b/m.tar.gz", role=role, framework_version="2.3", accelerator_type="ml.eia2.medium")\n');
    assert.deepEqual(models.map((m) => m.accelerator?.accelerators), [['ml.eia2.medium']]);
  });
});
