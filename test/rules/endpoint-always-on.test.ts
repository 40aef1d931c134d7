import { endpointAlwaysOn } from '../../src/rules/endpoint-always-on';
import { dedent } from '../kit/dedent';
import { RuleTester } from '../kit/ruleTester';

const alwaysOn = (name: string, variant: string, instanceType: string, line: number, column: number, keyLength = 'InstanceType'.length) => ({
  messageId: 'alwaysOn',
  data: { name, variant, instanceType },
  line,
  column,
  endLine: line,
  endColumn: column + keyLength,
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

new RuleTester().run(endpointAlwaysOn, {
  valid: [
    { name: 'serverless variant', format: 'cfn-yaml', code: config('ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 }') },
    { name: 'GPU variant: serverless cannot host it', format: 'cfn-yaml', code: config('InstanceType: ml.g5.xlarge') },
    { name: 'Inferentia variant', format: 'cfn-yaml', code: config('InstanceType: ml.inf2.xlarge') },
    { name: 'asynchronous endpoint config', format: 'cfn-yaml', code: config('InstanceType: ml.c7g.large', '\n        AsyncInferenceConfig: { OutputConfig: { S3OutputPath: "s3://b/out" } }') },
    {
      name: 'instance type from a parameter without a default: silent',
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
    },
    { name: 'unknown instance type: silent', format: 'cfn-yaml', code: config('InstanceType: ml.zz9.large') },
  ],
  invalid: [
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
  ],
});
