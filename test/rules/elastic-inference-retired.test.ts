import { elasticInferenceRetired } from '../../src/rules/elastic-inference-retired';
import { dedent } from '../kit/dedent';
import { notebookJson } from '../kit/notebook';
import { RuleTester } from '../kit/ruleTester';

const retired = (resource: string, accelerator: string, key: string, line: number, column: number, quoted = false) => ({
  messageId: 'retired',
  data: { resource, accelerator },
  line,
  column,
  endLine: line,
  endColumn: column + key.length + (quoted ? 2 : 0),
});

new RuleTester().run(elasticInferenceRetired, {
  valid: [
    {
      name: 'CDK TypeScript: variant and notebook without Elastic Inference',
      format: 'cdk-typescript',
      code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnEndpointConfig(this, 'C', { productionVariants: [{ modelName: 'm', instanceType: 'ml.inf2.xlarge', initialInstanceCount: 1 }] });\nnew sagemaker.CfnNotebookInstance(this, 'N', { instanceType: 'ml.t3.medium', roleArn: r, acceleratorTypes: [] });\n",
    },
    {
      name: 'variants without accelerators',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Config:
            Type: AWS::SageMaker::EndpointConfig
            Properties:
              ProductionVariants:
                - { VariantName: AllTraffic, ModelName: m, InstanceType: ml.inf2.xlarge, InitialInstanceCount: 1 }
      `,
    },
    {
      name: 'accelerator from a parameter without a default, or from Fn::If: silent',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          Accelerator: { Type: String }
        Resources:
          Config:
            Type: AWS::SageMaker::EndpointConfig
            Properties:
              ProductionVariants:
                - { VariantName: A, ModelName: m, InstanceType: ml.m5.large, InitialInstanceCount: 1, AcceleratorType: !Ref Accelerator }
                - { VariantName: B, ModelName: m, InstanceType: ml.m5.large, InitialInstanceCount: 1, AcceleratorType: !If [UseEi, ml.eia2.medium, !Ref AWS::NoValue] }
      `,
    },
    {
      name: 'notebook instance with an empty accelerator list',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Notebook:
            Type: AWS::SageMaker::NotebookInstance
            Properties: { InstanceType: ml.t3.medium, RoleArn: r, LifecycleConfigName: l, AcceleratorTypes: [] }
      `,
    },
    {
      name: 'Python: no accelerator, an Inferentia instance, an accelerator from a variable',
      format: 'python',
      code: dedent`
        from sagemaker.tensorflow import TensorFlowModel
        model = TensorFlowModel(model_data="s3://b/m.tar.gz", role=role, framework_version="2.16")
        model.deploy(initial_instance_count=1, instance_type="ml.inf2.xlarge")
        model.deploy(initial_instance_count=1, instance_type="ml.m5.large", accelerator_type=accelerator)
        from sagemaker import image_uris
        image = image_uris.retrieve("tensorflow", "us-east-1", version="1.15", instance_type="ml.c5.large", accelerator_type="ml.eia2.medium", image_scope="inference")
      `,
    },
  ],
  invalid: [
    {
      name: 'CDK TypeScript: Elastic Inference on a variant and on a notebook instance',
      format: 'cdk-typescript',
      code: dedent`
        import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
        new sagemaker.CfnEndpointConfig(this, 'Config', {
          productionVariants: [{ variantName: 'a', modelName: 'm', instanceType: 'ml.g4dn.xlarge', initialInstanceCount: 1, acceleratorType: 'ml.eia2.medium' }],
        });
        new sagemaker.CfnNotebookInstance(this, 'Nb', { instanceType: 'ml.t3.medium', roleArn: r, acceleratorTypes: ['ml.eia1.medium'] });
      `,
      errors: [
        retired('Endpoint config Config (variant a)', 'ml.eia2.medium', 'acceleratorType', 3, 117),
        retired('Notebook instance Nb', 'ml.eia1.medium', 'acceleratorTypes', 5, 91),
      ],
      output: null,
    },
    {
      name: 'CDK Python: Elastic Inference on a notebook instance',
      format: 'cdk-python',
      code: 'from aws_cdk import aws_sagemaker as sagemaker\nsagemaker.CfnNotebookInstance(self, "Nb", instance_type="ml.t3.medium", role_arn=r, accelerator_types=["ml.eia2.large"])\n',
      errors: [retired('Notebook instance Nb', 'ml.eia2.large', 'accelerator_types', 2, 85)],
      output: null,
    },
    {
      name: 'Terraform: EI accelerator on a production variant',
      format: 'terraform',
      code: 'resource "aws_sagemaker_endpoint_configuration" "c" {\n  production_variants {\n    variant_name     = "A"\n    accelerator_type = "ml.eia2.medium"\n  }\n}\n',
      errors: [retired('Endpoint config aws_sagemaker_endpoint_configuration.c (variant A)', 'ml.eia2.medium', 'accelerator_type', 4, 5)],
      output: null,
    },
    {
      name: 'production variant with an Elastic Inference accelerator: advice only',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Config:
            Type: AWS::SageMaker::EndpointConfig
            Properties:
              ProductionVariants:
                - VariantName: AllTraffic
                  ModelName: resnet
                  InstanceType: ml.m5.large
                  InitialInstanceCount: 1
                  AcceleratorType: ml.eia2.medium
      `,
      errors: [retired('Endpoint config Config (variant AllTraffic)', 'ml.eia2.medium', 'AcceleratorType', 11, 11)],
      output: null,
    },
    {
      name: 'accelerator from a parameter default',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          Accelerator: { Type: String, Default: ml.eia1.large }
        Resources:
          Config:
            Type: AWS::SageMaker::EndpointConfig
            Properties:
              ProductionVariants:
                - { VariantName: Blue, ModelName: m, InstanceType: ml.c5.large, InitialInstanceCount: 1, AcceleratorType: !Ref Accelerator }
      `,
      errors: [retired('Endpoint config Config (variant Blue)', 'ml.eia1.large', 'AcceleratorType', 9, 98)],
      output: null,
    },
    {
      name: 'notebook instance with AcceleratorTypes',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Notebook:
            Type: AWS::SageMaker::NotebookInstance
            Properties:
              InstanceType: ml.t3.medium
              RoleArn: r
              LifecycleConfigName: auto-stop
              AcceleratorTypes:
                - ml.eia2.medium
      `,
      errors: [retired('Notebook instance Notebook', 'ml.eia2.medium', 'AcceleratorTypes', 9, 7)],
      output: null,
    },
    {
      name: 'JSON variant',
      format: 'cfn-json',
      code: dedent`
        {
          "Resources": {
            "Config": {
              "Type": "AWS::SageMaker::EndpointConfig",
              "Properties": {
                "ProductionVariants": [
                  { "VariantName": "AllTraffic", "ModelName": "m", "InstanceType": "ml.m5.large", "InitialInstanceCount": 1, "AcceleratorType": "ml.eia2.large" }
                ]
              }
            }
          }
        }
      `,
      errors: [retired('Endpoint config Config (variant AllTraffic)', 'ml.eia2.large', 'AcceleratorType', 7, 118, true)],
      output: null,
    },
    {
      name: 'Python: deploy() with an EI accelerator, a boto3 variant and a boto3 notebook instance (advice only)',
      format: 'python',
      code: dedent`
        import boto3
        from sagemaker.tensorflow import TensorFlowModel
        model = TensorFlowModel(model_data="s3://b/m.tar.gz", role=role, framework_version="1.15")
        model.deploy(initial_instance_count=1, instance_type="ml.m5.large", accelerator_type="ml.eia2.medium")
        sm = boto3.client("sagemaker")
        sm.create_endpoint_config(EndpointConfigName="c", ProductionVariants=[{"VariantName": "v", "ModelName": "m", "InstanceType": "ml.m5.large", "AcceleratorType": "ml.eia1.medium"}])
        sm.create_notebook_instance(NotebookInstanceName="n", InstanceType="ml.t3.medium", RoleArn=role, AcceleratorTypes=["ml.eia2.medium"])
      `,
      errors: [
        { messageId: 'retired', data: { resource: 'This deploy()', accelerator: 'ml.eia2.medium' }, line: 4, column: 69, endLine: 4, endColumn: 102 },
        { messageId: 'retired', data: { resource: 'This endpoint config variant', accelerator: 'ml.eia1.medium' }, line: 6, column: 141, endLine: 6, endColumn: 158 },
        { messageId: 'retired', data: { resource: 'This notebook instance', accelerator: 'ml.eia2.medium' }, line: 7, column: 98, endLine: 7, endColumn: 133 },
      ],
      output: null,
    },
    {
      name: 'notebook: deploy() with the accelerator from an earlier cell (advice only)',
      format: 'notebook',
      code: notebookJson(['from sagemaker.tensorflow import TensorFlowModel\nACCELERATOR = "ml.eia2.medium"\n', 'model = TensorFlowModel(model_data="s3://b/m.tar.gz", role=role, framework_version="1.15")\nmodel.deploy(initial_instance_count=1, instance_type="ml.m5.large", accelerator_type=ACCELERATOR)\n']),
      errors: [{ messageId: 'retired', data: { resource: 'This deploy()', accelerator: 'ml.eia2.medium' }, line: 20, column: 76, endLine: 20, endColumn: 104 }],
      output: null,
    },
  ],
});
