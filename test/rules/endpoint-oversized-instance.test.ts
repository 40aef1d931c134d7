import { endpointOversizedInstance } from '../../src/rules/endpoint-oversized-instance';
import { dedent } from '../kit/dedent';
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

new RuleTester().run(endpointOversizedInstance, {
  valid: [
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
  ],
  invalid: [
    {
      name: 'Terraform: training-class instance and a fixed fleet',
      format: 'terraform',
      code: 'resource "aws_sagemaker_endpoint_configuration" "c" {\n  production_variants {\n    variant_name           = "A"\n    instance_type          = "ml.p5.48xlarge"\n    initial_instance_count = 2\n  }\n}\n',
      errors: [
        { messageId: 'oversized', data: { name: 'aws_sagemaker_endpoint_configuration.c', variant: 'variant A', instanceType: 'ml.p5.48xlarge', accelerators: '8 × H100' }, line: 4, column: 5, endLine: 4, endColumn: 18 },
        { messageId: 'fixedFleet', data: { name: 'aws_sagemaker_endpoint_configuration.c', variant: 'variant A', count: 2 }, line: 5, column: 5, endLine: 5, endColumn: 27 },
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
  ],
});
