import { dataCaptureFullSampling } from '../../src/rules/data-capture-full-sampling';
import { dedent } from '../kit/dedent';
import { notebookJson } from '../kit/notebook';
import { RuleTester } from '../kit/ruleTester';

const key = 'InitialSamplingPercentage';
const fullSampling = (name: string, line: number, column: number, quoted = false) => ({
  messageId: 'fullSampling',
  data: { name },
  line,
  column,
  endLine: line,
  endColumn: column + key.length + (quoted ? 2 : 0),
});

/** An endpoint config whose DataCaptureConfig holds `capture` (lines already indented by six spaces). */
const config = (capture: string) =>
  [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Resources:',
    '  Config:',
    '    Type: AWS::SageMaker::EndpointConfig',
    '    Properties:',
    '      ProductionVariants:',
    '        - { VariantName: AllTraffic, ModelName: churn, InstanceType: ml.m5.large, InitialInstanceCount: 1 }',
    '      DataCaptureConfig:',
    capture,
    '',
  ].join('\n');

new RuleTester().run(dataCaptureFullSampling, {
  valid: [
    {
      name: 'CDK TypeScript: 20% sampling, capture disabled, sampling from a variable',
      format: 'cdk-typescript',
      code: dedent`
        import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
        new sagemaker.CfnEndpointConfig(this, 'A', { productionVariants: variants, dataCaptureConfig: { initialSamplingPercentage: 20, destinationS3Uri: uri, captureOptions: [] } });
        new sagemaker.CfnEndpointConfig(this, 'B', { productionVariants: variants, dataCaptureConfig: { enableCapture: false, initialSamplingPercentage: 100, destinationS3Uri: uri, captureOptions: [] } });
        new sagemaker.CfnEndpointConfig(this, 'C', { productionVariants: variants, dataCaptureConfig: { initialSamplingPercentage: props.sampling, destinationS3Uri: uri, captureOptions: [] } });
      `,
    },
    {
      name: 'sampling a fraction',
      format: 'cfn-yaml',
      code: config('        EnableCapture: true\n        InitialSamplingPercentage: 20\n        DestinationS3Uri: s3://capture/churn\n        CaptureOptions: [{ CaptureMode: Input }]'),
    },
    {
      name: 'capture disabled',
      format: 'cfn-yaml',
      code: config('        EnableCapture: false\n        InitialSamplingPercentage: 100\n        DestinationS3Uri: s3://capture/churn\n        CaptureOptions: [{ CaptureMode: Input }]'),
    },
    {
      name: 'EnableCapture from a parameter without a default: silent',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          Capture: { Type: String, AllowedValues: ["true", "false"] }
        Resources:
          Config:
            Type: AWS::SageMaker::EndpointConfig
            Properties:
              ProductionVariants: []
              DataCaptureConfig: { EnableCapture: !Ref Capture, InitialSamplingPercentage: 100, DestinationS3Uri: s3://c, CaptureOptions: [] }
      `,
    },
    {
      name: 'sampling percentage from Fn::If: silent',
      format: 'cfn-yaml',
      code: config('        InitialSamplingPercentage: !If [IsProd, 100, 10]\n        DestinationS3Uri: s3://capture/churn\n        CaptureOptions: [{ CaptureMode: Input }]'),
    },
    {
      name: 'shadow traffic of an inference experiment is not data capture',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Experiment:
            Type: AWS::SageMaker::InferenceExperiment
            Properties:
              Name: shadow-test
              Type: ShadowMode
              EndpointName: churn
              RoleArn: arn:aws:iam::123456789012:role/x
              ModelVariants: []
              ShadowModeConfig:
                SourceModelVariantName: production
                ShadowModelVariants:
                  - { ShadowModelVariantName: candidate, SamplingPercentage: 100 }
      `,
    },
    {
      name: 'Python: sampled capture, capture off, the SDK default, an unresolved percentage, shadow-test sampling',
      format: 'python',
      code: dedent`
        import boto3
        from sagemaker.model_monitor import DataCaptureConfig
        a = DataCaptureConfig(enable_capture=True, sampling_percentage=20, destination_s3_uri="s3://b/capture")
        b = DataCaptureConfig(enable_capture=False, sampling_percentage=100)
        c = DataCaptureConfig(True, destination_s3_uri="s3://b/capture")
        d = DataCaptureConfig(enable_capture=True, sampling_percentage=pct)
        boto3.client("sagemaker").create_inference_experiment(ShadowModeConfig={"ShadowModelVariants": [{"ShadowModelVariantName": "s", "SamplingPercentage": 100}]})
      `,
    },
  ],
  invalid: [
    {
      name: 'CDK TypeScript: 100% sampling; the fix sets the option',
      format: 'cdk-typescript',
      code: dedent`
        import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
        new sagemaker.CfnEndpointConfig(this, 'Config', {
          productionVariants: variants,
          dataCaptureConfig: { enableCapture: true, initialSamplingPercentage: 100, destinationS3Uri: uri, captureOptions: [{ captureMode: 'Input' }] },
        });
      `,
      errors: [{ messageId: 'fullSamplingCdk', data: { name: 'Config', setting: 'initialSamplingPercentage: 100' }, line: 4, column: 45, endLine: 4, endColumn: 70 }],
      output: dedent`
        import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
        new sagemaker.CfnEndpointConfig(this, 'Config', {
          productionVariants: variants,
          dataCaptureConfig: { enableCapture: true, initialSamplingPercentage: 20, destinationS3Uri: uri, captureOptions: [{ captureMode: 'Input' }] },
        });
      `,
    },
    {
      name: 'CDK Python: 100% sampling in a DataCaptureConfigProperty struct',
      format: 'cdk-python',
      code: 'from aws_cdk import aws_sagemaker as sm\nsm.CfnEndpointConfig(self, "Config", production_variants=variants, data_capture_config=sm.CfnEndpointConfig.DataCaptureConfigProperty(initial_sampling_percentage=100, destination_s3_uri=uri, capture_options=[]))\n',
      errors: [{ messageId: 'fullSamplingCdk', data: { name: 'Config', setting: 'initial_sampling_percentage=100' }, line: 2, column: 135, endLine: 2, endColumn: 162 }],
      output: 'from aws_cdk import aws_sagemaker as sm\nsm.CfnEndpointConfig(self, "Config", production_variants=variants, data_capture_config=sm.CfnEndpointConfig.DataCaptureConfigProperty(initial_sampling_percentage=20, destination_s3_uri=uri, capture_options=[]))\n',
    },
    {
      name: 'Terraform: 100% sampling; the fix lowers it',
      format: 'terraform',
      code: 'resource "aws_sagemaker_endpoint_configuration" "c" {\n  data_capture_config {\n    initial_sampling_percentage = 100\n  }\n}\n',
      errors: [{ messageId: 'fullSamplingTf', data: { name: 'aws_sagemaker_endpoint_configuration.c' }, line: 3, column: 5, endLine: 3, endColumn: 32 }],
      output: 'resource "aws_sagemaker_endpoint_configuration" "c" {\n  data_capture_config {\n    initial_sampling_percentage = 20\n  }\n}\n',
    },
    {
      name: '100% with capture on by default: lowered to 20%',
      format: 'cfn-yaml',
      code: config('        InitialSamplingPercentage: 100\n        DestinationS3Uri: s3://capture/churn\n        CaptureOptions: [{ CaptureMode: Input }, { CaptureMode: Output }]'),
      errors: [fullSampling('Config', 9, 9)],
      output: config('        InitialSamplingPercentage: 20\n        DestinationS3Uri: s3://capture/churn\n        CaptureOptions: [{ CaptureMode: Input }, { CaptureMode: Output }]'),
    },
    {
      name: 'quoted value keeps its quotes; samplingPercentage option',
      format: 'cfn-yaml',
      options: { samplingPercentage: 5 },
      code: config("        EnableCapture: true\n        InitialSamplingPercentage: '100'\n        DestinationS3Uri: s3://capture/churn\n        CaptureOptions: [{ CaptureMode: Input }]"),
      errors: [fullSampling('Config', 10, 9)],
      output: config("        EnableCapture: true\n        InitialSamplingPercentage: '5'\n        DestinationS3Uri: s3://capture/churn\n        CaptureOptions: [{ CaptureMode: Input }]"),
    },
    {
      name: '100 from a parameter default: reported, no fix',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          Sampling: { Type: Number, Default: 100 }
        Resources:
          Config:
            Type: AWS::SageMaker::EndpointConfig
            Properties:
              ProductionVariants: []
              DataCaptureConfig:
                InitialSamplingPercentage: !Ref Sampling
                DestinationS3Uri: s3://capture/churn
                CaptureOptions: [{ CaptureMode: Input }]
      `,
      errors: [fullSampling('Config', 10, 9)],
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
              "Properties": {
                "ProductionVariants": [],
                "DataCaptureConfig": { "EnableCapture": true, "InitialSamplingPercentage": 100, "DestinationS3Uri": "s3://c", "CaptureOptions": [] }
              }
            }
          }
        }
      `,
      errors: [fullSampling('Config', 7, 55, true)],
      output: dedent`
        {
          "Resources": {
            "Config": {
              "Type": "AWS::SageMaker::EndpointConfig",
              "Properties": {
                "ProductionVariants": [],
                "DataCaptureConfig": { "EnableCapture": true, "InitialSamplingPercentage": 20, "DestinationS3Uri": "s3://c", "CaptureOptions": [] }
              }
            }
          }
        }
      `,
    },
    {
      name: 'Python: SDK DataCaptureConfig at 100%, and a boto3 endpoint config',
      format: 'python',
      code: dedent`
        import boto3
        from sagemaker.model_monitor import DataCaptureConfig
        capture = DataCaptureConfig(enable_capture=True, sampling_percentage=100, destination_s3_uri="s3://b/capture")
        boto3.client("sagemaker").create_endpoint_config(EndpointConfigName="c", ProductionVariants=[], DataCaptureConfig={"EnableCapture": True, "InitialSamplingPercentage": 100, "DestinationS3Uri": "s3://b/c"})
      `,
      errors: [
        { messageId: 'fullSamplingPython', data: { setting: 'sampling_percentage=100' }, line: 3, column: 50, endLine: 3, endColumn: 73 },
        { messageId: 'fullSamplingPython', data: { setting: '"InitialSamplingPercentage": 100' }, line: 4, column: 139, endLine: 4, endColumn: 171 },
      ],
      output: dedent`
        import boto3
        from sagemaker.model_monitor import DataCaptureConfig
        capture = DataCaptureConfig(enable_capture=True, sampling_percentage=20, destination_s3_uri="s3://b/capture")
        boto3.client("sagemaker").create_endpoint_config(EndpointConfigName="c", ProductionVariants=[], DataCaptureConfig={"EnableCapture": True, "InitialSamplingPercentage": 20, "DestinationS3Uri": "s3://b/c"})
      `,
    },
    {
      name: 'notebook with one-string sources: the fix lowers the percentage in the cell',
      format: 'notebook',
      code: notebookJson(['from sagemaker.model_monitor import DataCaptureConfig\n', 'capture = DataCaptureConfig(enable_capture=True, sampling_percentage=100, destination_s3_uri="s3://b/capture")\n'], { form: 'string' }),
      errors: [{ messageId: 'fullSamplingPython', data: { setting: 'sampling_percentage=100' }, line: 15, column: 64, endLine: 15, endColumn: 87 }],
      output: notebookJson(['from sagemaker.model_monitor import DataCaptureConfig\n', 'capture = DataCaptureConfig(enable_capture=True, sampling_percentage=20, destination_s3_uri="s3://b/capture")\n'], { form: 'string' }),
    },
  ],
});
