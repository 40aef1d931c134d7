import { elasticInferenceRetired } from '../../src/rules/elastic-inference-retired';
import { dedent } from '../kit/dedent';
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
  ],
  invalid: [
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
  ],
});
