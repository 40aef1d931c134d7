import { endpointNoAutoscaling } from '../../src/rules/endpoint-no-autoscaling';
import { dedent } from '../kit/dedent';
import { cdkMemberVariant, cdkPythonComprehension, dynamicVariants, propsVariantDict, tfConditionalType } from '../kit/endpointTemplates';
import { RuleTester } from '../kit/ruleTester';

const noAutoscaling = (endpoint: string, variants: string, line: number, column: number, quoted = false) => ({
  messageId: 'noAutoscaling',
  data: { endpoint, variants },
  line,
  column,
  endLine: line,
  endColumn: column + 'ProductionVariants'.length + (quoted ? 2 : 0),
});

/** An endpoint whose configuration's whole Properties are under Fn::If: four ml.m5.xlarge in production, `otherwise` (one variant) elsewhere. */
const conditionalStack = (otherwise: string) =>
  [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Conditions:',
    '  Prod: !Equals [!Ref Stage, prod]',
    'Parameters:',
    '  Stage: { Type: String, Default: dev }',
    'Resources:',
    '  Config:',
    '    Type: AWS::SageMaker::EndpointConfig',
    '    Properties: !If',
    '      - Prod',
    '      - ProductionVariants:',
    '          - { VariantName: AllTraffic, ModelName: churn, InstanceType: ml.m5.xlarge, InitialInstanceCount: 4 }',
    '      - ProductionVariants:',
    `          - ${otherwise}`,
    '  Endpoint:',
    '    Type: AWS::SageMaker::Endpoint',
    '    Properties:',
    '      EndpointConfigName: !GetAtt Config.EndpointConfigName',
    '',
  ].join('\n');

/** An endpoint config with one instance variant, its endpoint, and `extra` resources (already indented). */
const stack = (extra: string, endpointConfigName = '!GetAtt Config.EndpointConfigName') =>
  [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Resources:',
    '  Config:',
    '    Type: AWS::SageMaker::EndpointConfig',
    '    Properties:',
    '      EndpointConfigName: churn-config',
    '      ProductionVariants:',
    '        - VariantName: AllTraffic',
    '          ModelName: churn',
    '          InstanceType: ml.m5.xlarge',
    '          InitialInstanceCount: 2',
    '  Endpoint:',
    '    Type: AWS::SageMaker::Endpoint',
    '    Properties:',
    '      EndpointName: churn',
    `      EndpointConfigName: ${endpointConfigName}`,
    ...(extra ? [extra] : []),
    '',
  ].join('\n');

const target = (resourceId: string) =>
  [
    '  Target:',
    '    Type: AWS::ApplicationAutoScaling::ScalableTarget',
    '    Properties:',
    '      ServiceNamespace: sagemaker',
    '      ScalableDimension: sagemaker:variant:DesiredInstanceCount',
    `      ResourceId: ${resourceId}`,
    '      MinCapacity: 1',
    '      MaxCapacity: 4',
  ].join('\n');

const appended = [
  '  EndpointAllTrafficScalableTarget:',
  '    Type: AWS::ApplicationAutoScaling::ScalableTarget',
  '    Properties:',
  '      ServiceNamespace: sagemaker',
  '      ScalableDimension: sagemaker:variant:DesiredInstanceCount',
  "      ResourceId: !Sub 'endpoint/${Endpoint.EndpointName}/variant/AllTraffic'",
  '      MinCapacity: 1',
  '      MaxCapacity: 4',
  '  EndpointAllTrafficScalingPolicy:',
  '    Type: AWS::ApplicationAutoScaling::ScalingPolicy',
  '    Properties:',
  "      PolicyName: !Sub '${Endpoint.EndpointName}-AllTraffic-invocations'",
  '      PolicyType: TargetTrackingScaling',
  '      ScalingTargetId: !Ref EndpointAllTrafficScalableTarget',
  '      TargetTrackingScalingPolicyConfiguration:',
  '        TargetValue: 70',
  '        PredefinedMetricSpecification:',
  '          PredefinedMetricType: SageMakerVariantInvocationsPerInstance',
].join('\n');

/** The template with its variant's instance type from a parameter that has no default. */
const withTypeParameter = (template: string) =>
  template
    .replace('Resources:', 'Parameters:\n  EndpointInstanceType:\n    Type: String\n    AllowedValues: [ml.m5.xlarge, ml.g5.xlarge]\nResources:')
    .replace('InstanceType: ml.m5.xlarge', 'InstanceType: !Ref EndpointInstanceType');

const jsonWithTypeParameter = JSON.stringify(
  {
    Parameters: { InstanceType: { Type: 'String' } },
    Resources: {
      Config: { Type: 'AWS::SageMaker::EndpointConfig', Properties: { ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm', InstanceType: { Ref: 'InstanceType' }, InitialInstanceCount: 1 }] } },
      Api: { Type: 'AWS::SageMaker::Endpoint', Properties: { EndpointConfigName: { 'Fn::GetAtt': ['Config', 'EndpointConfigName'] } } },
    },
  },
  null,
  2,
);

const jsonAppended = [
  '    "ApiAllTrafficScalableTarget": {',
  '      "Type": "AWS::ApplicationAutoScaling::ScalableTarget",',
  '      "Properties": {',
  '        "ServiceNamespace": "sagemaker",',
  '        "ScalableDimension": "sagemaker:variant:DesiredInstanceCount",',
  '        "ResourceId": { "Fn::Sub": "endpoint/${Api.EndpointName}/variant/AllTraffic" },',
  '        "MinCapacity": 1,',
  '        "MaxCapacity": 4',
  '      }',
  '    },',
  '    "ApiAllTrafficScalingPolicy": {',
  '      "Type": "AWS::ApplicationAutoScaling::ScalingPolicy",',
  '      "Properties": {',
  '        "PolicyName": { "Fn::Sub": "${Api.EndpointName}-AllTraffic-invocations" },',
  '        "PolicyType": "TargetTrackingScaling",',
  '        "ScalingTargetId": { "Ref": "ApiAllTrafficScalableTarget" },',
  '        "TargetTrackingScalingPolicyConfiguration": {',
  '          "TargetValue": 70,',
  '          "PredefinedMetricSpecification": {',
  '            "PredefinedMetricType": "SageMakerVariantInvocationsPerInstance"',
  '          }',
  '        }',
  '      }',
  '    }',
].join('\n');

/** The target and target-tracking policy the fix appends after `aws_sagemaker_endpoint.e` (variant AllTraffic). */
const tfTargetAndPolicy = dedent`
  resource "aws_appautoscaling_target" "e_AllTraffic" {
    service_namespace  = "sagemaker"
    scalable_dimension = "sagemaker:variant:DesiredInstanceCount"
    resource_id        = "endpoint/\${aws_sagemaker_endpoint.e.name}/variant/AllTraffic"
    min_capacity       = 1
    max_capacity       = 4
  }

  resource "aws_appautoscaling_policy" "e_AllTraffic" {
    name               = "e-AllTraffic-invocations"
    policy_type        = "TargetTrackingScaling"
    service_namespace  = aws_appautoscaling_target.e_AllTraffic.service_namespace
    scalable_dimension = aws_appautoscaling_target.e_AllTraffic.scalable_dimension
    resource_id        = aws_appautoscaling_target.e_AllTraffic.resource_id

    target_tracking_scaling_policy_configuration {
      target_value = 70
      predefined_metric_specification {
        predefined_metric_type = "SageMakerVariantInvocationsPerInstance"
      }
    }
  }
`;

/** The endpoint `e` serving `aws_sagemaker_endpoint_configuration.whisper` (the configuration of `tfConditionalType`). */
const tfServedBy = 'resource "aws_sagemaker_endpoint" "e" {\n  endpoint_config_name = aws_sagemaker_endpoint_configuration.whisper.name\n}';

/** A Terraform endpoint whose variant's instance type is a variable of the module. */
const tfVariableType = dedent`
  variable "instance_type" {
    type = string
  }
  resource "aws_sagemaker_endpoint_configuration" "c" {
    production_variants {
      variant_name           = "AllTraffic"
      model_name             = aws_sagemaker_model.m.name
      instance_type          = var.instance_type
      initial_instance_count = 1
    }
  }
  resource "aws_sagemaker_endpoint" "e" {
    endpoint_config_name = aws_sagemaker_endpoint_configuration.c.name
  }
`;

new RuleTester().run(endpointNoAutoscaling, {
  valid: [
    {
      name: 'CDK Python: a comprehension whose dict element is a serverless variant (serverless_config, no instances): nothing to scale',
      format: 'cdk-python',
      code: cdkPythonComprehension(['{"model_name": model.attr_model_name, "variant_name": variant["variant_name"], "serverless_config": {"memory_size_in_mb": 2048, "max_concurrency": 5}}']),
    },
    {
      name: 'Terraform dynamic "production_variants" served by an endpoint, with a SageMaker scalable target in the module (which variant it names is not followed)',
      format: 'terraform',
      code: dynamicVariants(['instance_type = lookup(production_variants.value, "instance_type", "ml.t2.medium")', 'initial_instance_count = lookup(production_variants.value, "initial_instance_count", 1)'], 'resource "aws_sagemaker_endpoint" "ep" {\n  for_each             = { for ep in var.endpoints : ep.name => ep }\n  name                 = each.key\n  endpoint_config_name = aws_sagemaker_endpoint_configuration.ep[each.key].name\n}\nresource "aws_appautoscaling_target" "t" {\n  service_namespace  = "sagemaker"\n  resource_id        = "endpoint/${aws_sagemaker_endpoint.ep["a"].name}/variant/AllTraffic"\n  scalable_dimension = "sagemaker:variant:DesiredInstanceCount"\n}\n'),
    },
    {
      name: 'Terraform module: the scalable target is in another .tf file of the folder',
      format: 'terraform',
      code: 'resource "aws_sagemaker_endpoint_configuration" "c" {\n  production_variants {\n    variant_name           = "AllTraffic"\n    instance_type          = "ml.inf2.xlarge"\n    initial_instance_count = 1\n  }\n}\n' + 'resource "aws_sagemaker_endpoint" "e" {\n  endpoint_config_name = aws_sagemaker_endpoint_configuration.c.name\n}\n',
      siblings: [
        {
          fileName: 'scaling.tf',
          code: 'resource "aws_appautoscaling_target" "t" {\n  service_namespace  = "sagemaker"\n  scalable_dimension = "sagemaker:variant:DesiredInstanceCount"\n  resource_id        = "endpoint/${aws_sagemaker_endpoint.e.name}/variant/AllTraffic"\n  min_capacity       = 1\n  max_capacity       = 2\n}\n',
        },
      ],
    },
    {
      name: 'Terraform module: the configuration is in another file; the finding belongs to that file, not to the endpoint\'s',
      format: 'terraform',
      code: 'resource "aws_sagemaker_endpoint" "e" {\n  endpoint_config_name = aws_sagemaker_endpoint_configuration.c.name\n}\n',
      siblings: [{ fileName: 'config.tf', code: 'resource "aws_sagemaker_endpoint_configuration" "c" {\n  production_variants {\n    variant_name           = "AllTraffic"\n    instance_type          = "ml.inf2.xlarge"\n    initial_instance_count = 1\n  }\n}\n' }],
    },
    {
      name: 'Terraform module: a sibling file that does not parse may hold the target: silent',
      format: 'terraform',
      code: 'resource "aws_sagemaker_endpoint_configuration" "c" {\n  production_variants {\n    variant_name           = "AllTraffic"\n    instance_type          = "ml.inf2.xlarge"\n    initial_instance_count = 1\n  }\n}\n' + 'resource "aws_sagemaker_endpoint" "e" {\n  endpoint_config_name = aws_sagemaker_endpoint_configuration.c.name\n}\n',
      siblings: [{ fileName: 'scaling.tf', code: 'resource "aws_appautoscaling_target" "t" {\n  service_namespace = \n' }],
    },
    {
      name: 'CDK TypeScript: a SageMaker scalable target in the file; an endpoint whose config is unknown',
      format: 'cdk-typescript',
      code: dedent`
        import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
        import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
        const config = new sagemaker.CfnEndpointConfig(this, 'Config', { productionVariants: [{ variantName: 'AllTraffic', modelName: 'm', instanceType: 'ml.m5.xlarge', initialInstanceCount: 2 }] });
        const endpoint = new sagemaker.CfnEndpoint(this, 'Endpoint', { endpointConfigName: config.attrEndpointConfigName });
        new appscaling.ScalableTarget(this, 'Scaling', { serviceNamespace: appscaling.ServiceNamespace.SAGEMAKER, resourceId: \`endpoint/\${endpoint.attrEndpointName}/variant/AllTraffic\`, scalableDimension: 'sagemaker:variant:DesiredInstanceCount', minCapacity: 1, maxCapacity: 4 });
      `,
    },
    {
      name: 'CDK TypeScript: serverless variant; endpoint config name from a parameter',
      format: 'cdk-typescript',
      code: dedent`
        import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
        const config = new sagemaker.CfnEndpointConfig(this, 'Config', { productionVariants: [{ variantName: 'AllTraffic', modelName: 'm', serverlessConfig: { maxConcurrency: 5, memorySizeInMb: 2048 } }] });
        new sagemaker.CfnEndpoint(this, 'A', { endpointConfigName: config.attrEndpointConfigName });
        new sagemaker.CfnEndpoint(this, 'B', { endpointConfigName: props.configName });
      `,
    },
    {
      name: 'Terraform: a scalable target whose resource ID is a variable may be for any variant',
      format: 'terraform',
      code: 'resource "aws_sagemaker_endpoint_configuration" "c" {\n  production_variants {\n    variant_name  = "A"\n    instance_type = "ml.inf2.xlarge"\n  }\n}\nresource "aws_sagemaker_endpoint" "e" {\n  endpoint_config_name = aws_sagemaker_endpoint_configuration.c.name\n}\nresource "aws_appautoscaling_target" "t" {\n  service_namespace = "sagemaker"\n  resource_id       = var.resource_id\n}\n',
    },
    {
      name: 'CloudFormation: whole configuration Properties under Fn::If, one branch serverless: not every branch runs a fixed fleet',
      format: 'cfn-yaml',
      code: conditionalStack('{ VariantName: AllTraffic, ModelName: churn, ServerlessConfig: { MaxConcurrency: 5, MemorySizeInMB: 2048 } }'),
    },
    { name: 'target by !Sub with GetAtt EndpointName', format: 'cfn-yaml', code: stack(target('!Sub endpoint/${Endpoint.EndpointName}/variant/AllTraffic')) },
    { name: 'target by !Join of GetAtt', format: 'cfn-yaml', code: stack(target('!Join ["", ["endpoint/", !GetAtt Endpoint.EndpointName, "/variant/AllTraffic"]]')) },
    { name: 'target by literal endpoint name', format: 'cfn-yaml', code: stack(target('endpoint/churn/variant/AllTraffic')) },
    { name: 'target by !Sub with a variable map', format: 'cfn-yaml', code: stack(target('!Sub ["endpoint/${Name}/variant/AllTraffic", { Name: !GetAtt Endpoint.EndpointName }]')) },
    { name: 'endpoint config referenced by literal name', format: 'cfn-yaml', code: stack(target('!Sub endpoint/${Endpoint.EndpointName}/variant/AllTraffic'), 'churn-config') },
    { name: 'a target whose ResourceId cannot be resolved may be for this variant: silent', format: 'cfn-yaml', code: stack(target('!ImportValue shared-endpoint-resource-id')) },
    { name: 'a target whose variant is a parameter without default: silent', format: 'cfn-yaml', code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          Variant: { Type: String }
        Resources:
          Config:
            Type: AWS::SageMaker::EndpointConfig
            Properties:
              ProductionVariants: [{ VariantName: AllTraffic, ModelName: m, InstanceType: ml.m5.large, InitialInstanceCount: 1 }]
          Endpoint:
            Type: AWS::SageMaker::Endpoint
            Properties: { EndpointConfigName: !GetAtt Config.EndpointConfigName }
          Target:
            Type: AWS::ApplicationAutoScaling::ScalableTarget
            Properties:
              ServiceNamespace: sagemaker
              ScalableDimension: sagemaker:variant:DesiredInstanceCount
              ResourceId: !Sub endpoint/\${Endpoint.EndpointName}/variant/\${Variant}
              MinCapacity: 1
              MaxCapacity: 2
      ` },
    { name: 'endpoint config without an endpoint in the template: silent', format: 'cfn-yaml', code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Config:
            Type: AWS::SageMaker::EndpointConfig
            Properties:
              ProductionVariants: [{ VariantName: AllTraffic, ModelName: m, InstanceType: ml.m5.large, InitialInstanceCount: 1 }]
      ` },
    { name: 'endpoint whose config name is a parameter without default: silent', format: 'cfn-yaml', code: stack('', '!Ref ConfigName').replace('Resources:', 'Parameters:\n  ConfigName: { Type: String }\nResources:') },
    { name: 'serverless variants scale by themselves', format: 'cfn-yaml', code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Config:
            Type: AWS::SageMaker::EndpointConfig
            Properties:
              ProductionVariants:
                - { VariantName: AllTraffic, ModelName: m, ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }
          Endpoint:
            Type: AWS::SageMaker::Endpoint
            Properties: { EndpointConfigName: !GetAtt Config.EndpointConfigName }
      ` },
    {
      name: 'SageMaker-managed instance scaling (inference components) needs no scalable target',
      format: 'cfn-yaml',
      code: stack('').replace('          InitialInstanceCount: 2', '          InitialInstanceCount: 2\n          ManagedInstanceScaling: { Status: ENABLED, MinInstanceCount: 1, MaxInstanceCount: 4 }'),
    },
    {
      name: 'Terraform: SageMaker-managed instance scaling needs no aws_appautoscaling_target (as in CloudFormation)',
      format: 'terraform',
      code: 'resource "aws_sagemaker_endpoint_configuration" "c" {\n  production_variants {\n    variant_name           = "AllTraffic"\n    instance_type          = "ml.g5.xlarge"\n    initial_instance_count = 1\n    managed_instance_scaling {\n      status             = "ENABLED"\n      min_instance_count = 1\n      max_instance_count = 4\n    }\n  }\n}\nresource "aws_sagemaker_endpoint" "e" {\n  endpoint_config_name = aws_sagemaker_endpoint_configuration.c.name\n}\n',
    },
    {
      name: 'CDK TypeScript: SageMaker-managed instance scaling needs no scalable target (as in CloudFormation)',
      format: 'cdk-typescript',
      code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nconst config = new sagemaker.CfnEndpointConfig(this, 'Config', { productionVariants: [{ variantName: 'AllTraffic', modelName: 'm', instanceType: 'ml.g5.xlarge', initialInstanceCount: 1, managedInstanceScaling: { status: 'ENABLED', minInstanceCount: 1, maxInstanceCount: 4 } }] });\nnew sagemaker.CfnEndpoint(this, 'Endpoint', { endpointConfigName: config.attrEndpointConfigName });\n",
    },
  ],
  invalid: [
    {
      name: 'CDK TypeScript: the endpoint serves [this.productionVariant], a member assigned once, and nothing scales it',
      format: 'cdk-typescript',
      code: cdkMemberVariant(['modelName: model.attrModelName,', 'instanceType: props.instanceType,', "variantName: 'AllTraffic',", 'initialInstanceCount: props.instanceCount ?? 1,']),
      errors: [{ messageId: 'noAutoscaling', data: { endpoint: 'Endpoint', variants: 'variant AllTraffic (instance type from `props.instanceType`)' }, line: 13, column: 70, endLine: 13, endColumn: 88 }],
      output: null,
    },
    {
      name: 'CDK Python: production_variants built by a comprehension over a list of the props, and nothing scales them',
      format: 'cdk-python',
      code: cdkPythonComprehension(),
      errors: [{ messageId: 'noAutoscaling', data: { endpoint: 'Endpoint', variants: 'the variants `productionVariants` maps from a list (instance type from `variant.instance_type`)' }, line: 5, column: 70, endLine: 5, endColumn: 89 }],
      output: null,
    },
    {
      name: 'CDK Python: production_variants built by a comprehension whose element is a dict ({"instance_type": ..., "initial_instance_count": 1}), and nothing scales them',
      format: 'cdk-python',
      code: cdkPythonComprehension(propsVariantDict('ml.m5.large', '1')),
      errors: [{ messageId: 'noAutoscaling', data: { endpoint: 'Endpoint', variants: 'the variants `productionVariants` maps from a list (ml.m5.large × 1)' }, line: 5, column: 70, endLine: 5, endColumn: 89 }],
      output: null,
    },
    {
      name: 'Terraform: instance_type = var.use_gpu ? a : b served by an endpoint, nothing scales it: the message names both types',
      format: 'terraform',
      code: tfConditionalType('ml.g5.xlarge', 'ml.m5.large', tfServedBy),
      errors: [{ messageId: 'noAutoscalingTerraform', data: { endpoint: 'aws_sagemaker_endpoint.e', variants: 'variant AllTraffic (1 instance; instance type ml.g5.xlarge or ml.m5.large)' }, line: 6, column: 3, endLine: 6, endColumn: 22 }],
      output: `${tfConditionalType('ml.g5.xlarge', 'ml.m5.large', tfServedBy)}\n\n${tfTargetAndPolicy.trimEnd()}`,
    },
    {
      name: 'CDK TypeScript: productionVariants built by .map() over a list of the props, and nothing scales them',
      format: 'cdk-typescript',
      code: dedent`
        import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
        const config = new sagemaker.CfnEndpointConfig(this, 'EndpointConfig', {
          productionVariants: this.props.modelConfigs.map((modelConfig, index) => ({
            modelName: models[index].attrModelName,
            variantName: modelConfig.variantName,
            initialInstanceCount: modelConfig.initialInstanceCount,
            instanceType: modelConfig.instanceType,
          })),
        });
        new sagemaker.CfnEndpoint(this, 'Endpoint', { endpointConfigName: config.attrEndpointConfigName });
      `,
      errors: [{ messageId: 'noAutoscaling', data: { endpoint: 'Endpoint', variants: 'the variants `productionVariants` maps from a list (instance type from `modelConfig.instanceType`)' }, line: 3, column: 3, endLine: 3, endColumn: 21 }],
      output: null,
    },
    {
      name: 'Terraform dynamic "production_variants" served by an endpoint, nothing scales SageMaker in the module: fires, without an edit (the variants have no names here)',
      format: 'terraform',
      code: dynamicVariants(['instance_type = lookup(production_variants.value, "instance_type", "ml.t2.medium")', 'initial_instance_count = lookup(production_variants.value, "initial_instance_count", 1)'], 'resource "aws_sagemaker_endpoint" "ep" {\n  for_each             = { for ep in var.endpoints : ep.name => ep }\n  name                 = each.key\n  endpoint_config_name = aws_sagemaker_endpoint_configuration.ep[each.key].name\n}\n'),
      errors: [{ messageId: 'noAutoscalingTerraform', data: { endpoint: 'aws_sagemaker_endpoint.ep', variants: 'the variants of dynamic "production_variants" (instance type from the `for_each` of `dynamic "production_variants"`)' }, line: 4, column: 3, endLine: 4, endColumn: 10 }],
      output: null,
    },
    // SML303 never needs the instance type: whatever it is, instances run at a fixed count.
    {
      name: 'CloudFormation: whole configuration Properties under Fn::If, every branch a fixed fleet: fires on the first branch, without an edit (it would fix one branch only)',
      format: 'cfn-yaml',
      code: conditionalStack('{ VariantName: AllTraffic, ModelName: churn, InstanceType: ml.m5.large, InitialInstanceCount: 1 }'),
      errors: [{ ...noAutoscaling('Endpoint', 'variant AllTraffic (ml.m5.xlarge × 4)', 11, 9), suggestions: [] }],
      output: null,
    },
    {
      name: 'instance type from Fn::If: the variant runs instances whatever the branch',
      format: 'cfn-yaml',
      code: stack('').replace('InstanceType: ml.m5.xlarge', 'InstanceType: !If [IsProd, ml.m5.xlarge, ml.t2.medium]'),
      errors: [noAutoscaling('Endpoint', 'variant AllTraffic (2 instances; instance type from an intrinsic function)', 7, 7)],
      output: stack(appended).replace('InstanceType: ml.m5.xlarge', 'InstanceType: !If [IsProd, ml.m5.xlarge, ml.t2.medium]'),
    },
    {
      name: 'instance type from a parameter without default (the usual endpoint template)',
      format: 'cfn-yaml',
      code: withTypeParameter(stack('')),
      errors: [noAutoscaling('Endpoint', 'variant AllTraffic (2 instances; instance type from parameter `EndpointInstanceType`, no default)', 11, 7)],
      output: withTypeParameter(stack(appended)),
    },
    {
      name: 'CloudFormation JSON: instance type from a parameter without default',
      format: 'cfn-json',
      code: jsonWithTypeParameter,
      errors: [{ ...noAutoscaling('Api', 'variant AllTraffic (1 instance; instance type from parameter `InstanceType`, no default)', 11, 9, true) }],
      output: jsonWithTypeParameter.replace(/\n {4}}\n {2}}\n}$/, `\n    },\n${jsonAppended}\n  }\n}`),
    },
    {
      name: 'Terraform: instance type from a variable of the module (its input)',
      format: 'terraform',
      code: tfVariableType,
      errors: [{ messageId: 'noAutoscalingTerraform', data: { endpoint: 'aws_sagemaker_endpoint.e', variants: 'variant AllTraffic (1 instance; instance type from variable `var.instance_type`)' }, line: 5, column: 3, endLine: 5, endColumn: 22 }],
      output: `${tfVariableType}\n${tfTargetAndPolicy}`,
    },
    {
      name: 'CDK TypeScript: instance type from a construct prop',
      format: 'cdk-typescript',
      code: dedent`
        import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
        export function serve(scope: Construct, props: { instanceType: string }) {
          const config = new sagemaker.CfnEndpointConfig(scope, 'Config', {
            productionVariants: [{ variantName: 'AllTraffic', modelName: 'm', instanceType: props.instanceType, initialInstanceCount: 1 }],
          });
          new sagemaker.CfnEndpoint(scope, 'Endpoint', { endpointConfigName: config.attrEndpointConfigName });
        }
      `,
      errors: [{ messageId: 'noAutoscaling', data: { endpoint: 'Endpoint', variants: 'variant AllTraffic (1 instance; instance type from `props.instanceType`)' }, line: 4, column: 5, endLine: 4, endColumn: 23 }],
      output: null,
    },
    {
      name: 'CDK Python: instance type from a stack parameter',
      format: 'cdk-python',
      code: dedent`
        from aws_cdk import aws_sagemaker as sm
        def serve(self, instance_type):
            config = sm.CfnEndpointConfig(self, "Config", production_variants=[sm.CfnEndpointConfig.ProductionVariantProperty(variant_name="AllTraffic", model_name="m", instance_type=instance_type, initial_instance_count=1)])
            sm.CfnEndpoint(self, "Endpoint", endpoint_config_name=config.attr_endpoint_config_name)
      `,
      errors: [{ messageId: 'noAutoscaling', data: { endpoint: 'Endpoint', variants: 'variant AllTraffic (1 instance; instance type from `instance_type`)' }, line: 3, column: 51, endLine: 3, endColumn: 70 }],
      output: null,
    },
    {
      name: 'Terraform module: the endpoint is in another file; related location there, the fix appended after the configuration',
      format: 'terraform',
      code: 'resource "aws_sagemaker_endpoint_configuration" "c" {\n  production_variants {\n    variant_name           = "AllTraffic"\n    instance_type          = "ml.inf2.xlarge"\n    initial_instance_count = 1\n  }\n}\n',
      siblings: [{ fileName: 'endpoint.tf', code: '# The endpoint\n' + 'resource "aws_sagemaker_endpoint" "e" {\n  endpoint_config_name = aws_sagemaker_endpoint_configuration.c.name\n}\n' }],
      errors: [
        {
          messageId: 'noAutoscalingTerraform',
          data: { endpoint: 'aws_sagemaker_endpoint.e', variants: 'variant AllTraffic (ml.inf2.xlarge × 1)' },
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 22,
          related: [{ fileName: 'endpoint.tf', line: 2, column: 1, endLine: 2, endColumn: 40 }],
        },
      ],
      output: `${dedent`
        resource "aws_sagemaker_endpoint_configuration" "c" {
          production_variants {
            variant_name           = "AllTraffic"
            instance_type          = "ml.inf2.xlarge"
            initial_instance_count = 1
          }
        }
      `}\n${tfTargetAndPolicy}`,
    },
    {
      name: 'CDK TypeScript: endpoint serving a config with instance variants, nothing scales them',
      format: 'cdk-typescript',
      code: dedent`
        import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
        const config = new sagemaker.CfnEndpointConfig(this, 'Config', {
          productionVariants: [{ variantName: 'AllTraffic', modelName: 'm', instanceType: 'ml.m5.xlarge', initialInstanceCount: 2 }],
        });
        new sagemaker.CfnEndpoint(this, 'Endpoint', { endpointConfigName: config.attrEndpointConfigName });
      `,
      errors: [{ messageId: 'noAutoscaling', data: { endpoint: 'Endpoint', variants: 'variant AllTraffic (ml.m5.xlarge × 2)' }, line: 3, column: 3, endLine: 3, endColumn: 21 }],
      output: null,
    },
    {
      name: 'CDK Python: the endpoint names the config by its literal endpoint_config_name',
      format: 'cdk-python',
      code: dedent`
        from aws_cdk import aws_sagemaker as sm
        sm.CfnEndpointConfig(
            self,
            "Config",
            endpoint_config_name="churn-config",
            production_variants=[sm.CfnEndpointConfig.ProductionVariantProperty(variant_name="AllTraffic", model_name="m", instance_type="ml.g5.xlarge", initial_instance_count=1)],
        )
        sm.CfnEndpoint(self, "Endpoint", endpoint_config_name="churn-config")
      `,
      errors: [{ messageId: 'noAutoscaling', data: { endpoint: 'Endpoint', variants: 'variant AllTraffic (ml.g5.xlarge × 1)' }, line: 6, column: 5, endLine: 6, endColumn: 24 }],
      output: null,
    },
    {
      name: 'CDK Python: endpoint_config_name from the config attribute',
      format: 'cdk-python',
      code: 'from aws_cdk import aws_sagemaker as sm\nconfig = sm.CfnEndpointConfig(self, "Config", production_variants=[sm.CfnEndpointConfig.ProductionVariantProperty(model_name="m", instance_type="ml.c5.large", initial_instance_count=1)])\nsm.CfnEndpoint(self, "Endpoint", endpoint_config_name=config.attr_endpoint_config_name)\n',
      errors: [{ messageId: 'noAutoscaling', data: { endpoint: 'Endpoint', variants: 'variant (unnamed) (ml.c5.large × 1)' }, line: 2, column: 47, endLine: 2, endColumn: 66 }],
      output: null,
    },
    {
      name: 'CDK TypeScript fix: after the endpoint statement, a ScalableTarget and target tracking; the module import is added after the last import',
      format: 'cdk-typescript',
      code: dedent`
        import * as cdk from 'aws-cdk-lib/core';
        import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
        const config = new sagemaker.CfnEndpointConfig(this, 'Config', {
          productionVariants: [{ variantName: 'AllTraffic', modelName: 'm', instanceType: 'ml.m5.xlarge', initialInstanceCount: 2 }],
        });
        const endpoint = new sagemaker.CfnEndpoint(this, 'Endpoint', { endpointConfigName: config.attrEndpointConfigName });
        new cdk.CfnOutput(this, 'Name', { value: endpoint.attrEndpointName });
      `,
      errors: [{ messageId: 'noAutoscaling', data: { endpoint: 'Endpoint', variants: 'variant AllTraffic (ml.m5.xlarge × 2)' }, line: 4, column: 3, endLine: 4, endColumn: 21 }],
      output: dedent`
        import * as cdk from 'aws-cdk-lib/core';
        import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
        import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
        const config = new sagemaker.CfnEndpointConfig(this, 'Config', {
          productionVariants: [{ variantName: 'AllTraffic', modelName: 'm', instanceType: 'ml.m5.xlarge', initialInstanceCount: 2 }],
        });
        const endpoint = new sagemaker.CfnEndpoint(this, 'Endpoint', { endpointConfigName: config.attrEndpointConfigName });
        const endpointAllTrafficScaling = new appscaling.ScalableTarget(this, 'EndpointAllTrafficScaling', {
          serviceNamespace: appscaling.ServiceNamespace.SAGEMAKER,
          scalableDimension: 'sagemaker:variant:DesiredInstanceCount',
          resourceId: \`endpoint/\${endpoint.attrEndpointName}/variant/AllTraffic\`,
          minCapacity: 1,
          maxCapacity: 4,
        });
        endpointAllTrafficScaling.scaleToTrackMetric('InvocationsPerInstance', {
          targetValue: 70,
          predefinedMetric: appscaling.PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE,
        });
        new cdk.CfnOutput(this, 'Name', { value: endpoint.attrEndpointName });
      `,
    },
    {
      name: 'CDK TypeScript fix: cdk.aws_* spelling, a this.member endpoint in a constructor, four-space indentation, double quotes, no semicolons; the serverless variant is left alone and the initial count raises the maximum',
      format: 'cdk-typescript',
      options: { targetInvocationsPerInstance: 100 },
      code: dedent`
        import * as cdk from "aws-cdk-lib"

        export class ServingStack extends cdk.Stack {
            constructor(scope: cdk.App, id: string) {
                super(scope, id)
                const config = new cdk.aws_sagemaker.CfnEndpointConfig(this, "Config", {
                    productionVariants: [
                        { variantName: "Blue", modelName: "m", instanceType: "ml.c5.xlarge", initialInstanceCount: 6 },
                        { variantName: "Canary", modelName: "m", serverlessConfig: { memorySizeInMb: 2048, maxConcurrency: 5 } },
                    ],
                })
                this.endpoint = new cdk.aws_sagemaker.CfnEndpoint(this, "Serving", {
                    endpointConfigName: config.attrEndpointConfigName,
                }) // the public endpoint
            }
        }
      `,
      errors: [{ messageId: 'noAutoscaling', data: { endpoint: 'Serving', variants: 'variant Blue (ml.c5.xlarge × 6)' }, line: 7, column: 13, endLine: 7, endColumn: 31 }],
      output: dedent`
        import * as cdk from "aws-cdk-lib"

        export class ServingStack extends cdk.Stack {
            constructor(scope: cdk.App, id: string) {
                super(scope, id)
                const config = new cdk.aws_sagemaker.CfnEndpointConfig(this, "Config", {
                    productionVariants: [
                        { variantName: "Blue", modelName: "m", instanceType: "ml.c5.xlarge", initialInstanceCount: 6 },
                        { variantName: "Canary", modelName: "m", serverlessConfig: { memorySizeInMb: 2048, maxConcurrency: 5 } },
                    ],
                })
                this.endpoint = new cdk.aws_sagemaker.CfnEndpoint(this, "Serving", {
                    endpointConfigName: config.attrEndpointConfigName,
                }) // the public endpoint
                const endpointBlueScaling = new cdk.aws_applicationautoscaling.ScalableTarget(this, "ServingBlueScaling", {
                    serviceNamespace: cdk.aws_applicationautoscaling.ServiceNamespace.SAGEMAKER,
                    scalableDimension: "sagemaker:variant:DesiredInstanceCount",
                    resourceId: \`endpoint/\${this.endpoint.attrEndpointName}/variant/Blue\`,
                    minCapacity: 1,
                    maxCapacity: 6,
                })
                endpointBlueScaling.scaleToTrackMetric("InvocationsPerInstance", {
                    targetValue: 100,
                    predefinedMetric: cdk.aws_applicationautoscaling.PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE,
                })
            }
        }
      `,
    },
    {
      name: 'CDK TypeScript fix: the module imported under another name and not used yet is used as it is',
      format: 'cdk-typescript',
      code: dedent`
        import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
        import * as aas from 'aws-cdk-lib/aws-applicationautoscaling';
        const config = new sagemaker.CfnEndpointConfig(this, 'Config', { productionVariants: [{ variantName: 'AllTraffic', modelName: 'm', instanceType: 'ml.m5.large' }] });
        const endpointScaling = 1;
        const endpoint = new sagemaker.CfnEndpoint(this, 'Endpoint', { endpointConfigName: config.attrEndpointConfigName });
      `,
      errors: [{ messageId: 'noAutoscaling', data: { endpoint: 'Endpoint', variants: 'variant AllTraffic (ml.m5.large)' }, line: 3, column: 66, endLine: 3, endColumn: 84 }],
      output: dedent`
        import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
        import * as aas from 'aws-cdk-lib/aws-applicationautoscaling';
        const config = new sagemaker.CfnEndpointConfig(this, 'Config', { productionVariants: [{ variantName: 'AllTraffic', modelName: 'm', instanceType: 'ml.m5.large' }] });
        const endpointScaling = 1;
        const endpoint = new sagemaker.CfnEndpoint(this, 'Endpoint', { endpointConfigName: config.attrEndpointConfigName });
        const endpointAllTrafficScaling = new aas.ScalableTarget(this, 'EndpointAllTrafficScaling', {
          serviceNamespace: aas.ServiceNamespace.SAGEMAKER,
          scalableDimension: 'sagemaker:variant:DesiredInstanceCount',
          resourceId: \`endpoint/\${endpoint.attrEndpointName}/variant/AllTraffic\`,
          minCapacity: 1,
          maxCapacity: 4,
        });
        endpointAllTrafficScaling.scaleToTrackMetric('InvocationsPerInstance', {
          targetValue: 70,
          predefinedMetric: aas.PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE,
        });
      `,
    },
    {
      name: 'CDK TypeScript: no fix when the name appscaling is taken and the module is not imported',
      format: 'cdk-typescript',
      code: dedent`
        import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
        const appscaling = { enabled: false };
        const config = new sagemaker.CfnEndpointConfig(this, 'Config', { productionVariants: [{ variantName: 'AllTraffic', modelName: 'm', instanceType: 'ml.m5.large' }] });
        const endpoint = new sagemaker.CfnEndpoint(this, 'Endpoint', { endpointConfigName: config.attrEndpointConfigName });
      `,
      errors: [{ messageId: 'noAutoscaling', data: { endpoint: 'Endpoint', variants: 'variant AllTraffic (ml.m5.large)' }, line: 3, column: 66, endLine: 3, endColumn: 84 }],
      output: null,
    },
    {
      name: 'CDK Python fix: a ScalableTarget and scale_to_track_metric after the endpoint; the module import is added',
      format: 'cdk-python',
      code: dedent`
        from aws_cdk import Stack
        from aws_cdk import aws_sagemaker as sm


        class ServingStack(Stack):
            def __init__(self, scope, construct_id):
                super().__init__(scope, construct_id)
                config = sm.CfnEndpointConfig(
                    self,
                    "Config",
                    production_variants=[sm.CfnEndpointConfig.ProductionVariantProperty(variant_name="AllTraffic", model_name="m", instance_type="ml.g5.xlarge", initial_instance_count=1)],
                )
                self.endpoint = sm.CfnEndpoint(self, "Endpoint", endpoint_config_name=config.attr_endpoint_config_name)
      `,
      errors: [{ messageId: 'noAutoscaling', data: { endpoint: 'Endpoint', variants: 'variant AllTraffic (ml.g5.xlarge × 1)' }, line: 11, column: 13, endLine: 11, endColumn: 32 }],
      output: dedent`
        from aws_cdk import Stack
        from aws_cdk import aws_sagemaker as sm
        from aws_cdk import aws_applicationautoscaling as appscaling


        class ServingStack(Stack):
            def __init__(self, scope, construct_id):
                super().__init__(scope, construct_id)
                config = sm.CfnEndpointConfig(
                    self,
                    "Config",
                    production_variants=[sm.CfnEndpointConfig.ProductionVariantProperty(variant_name="AllTraffic", model_name="m", instance_type="ml.g5.xlarge", initial_instance_count=1)],
                )
                self.endpoint = sm.CfnEndpoint(self, "Endpoint", endpoint_config_name=config.attr_endpoint_config_name)
                endpoint_all_traffic_scaling = appscaling.ScalableTarget(
                    self,
                    "EndpointAllTrafficScaling",
                    service_namespace=appscaling.ServiceNamespace.SAGEMAKER,
                    scalable_dimension="sagemaker:variant:DesiredInstanceCount",
                    resource_id=f"endpoint/{self.endpoint.attr_endpoint_name}/variant/AllTraffic",
                    min_capacity=1,
                    max_capacity=4,
                )
                endpoint_all_traffic_scaling.scale_to_track_metric(
                    "InvocationsPerInstance",
                    target_value=70,
                    predefined_metric=appscaling.PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE,
                )
      `,
    },
    {
      name: 'CDK Python fix: two endpoints share the one added import; module-level statements keep no indentation',
      format: 'cdk-python',
      code: dedent`
        import aws_cdk.aws_sagemaker as sm
        config = sm.CfnEndpointConfig(self, "Config", production_variants=[sm.CfnEndpointConfig.ProductionVariantProperty(variant_name="AllTraffic", model_name="m", instance_type="ml.m5.large")])
        blue = sm.CfnEndpoint(self, "Blue", endpoint_config_name=config.attr_endpoint_config_name)
        green = sm.CfnEndpoint(self, "Green", endpoint_config_name=config.attr_endpoint_config_name)  # next release
      `,
      errors: [
        { messageId: 'noAutoscaling', data: { endpoint: 'Blue', variants: 'variant AllTraffic (ml.m5.large)' }, line: 2, column: 47, endLine: 2, endColumn: 66 },
        { messageId: 'noAutoscaling', data: { endpoint: 'Green', variants: 'variant AllTraffic (ml.m5.large)' }, line: 2, column: 47, endLine: 2, endColumn: 66 },
      ],
      output: dedent`
        import aws_cdk.aws_sagemaker as sm
        from aws_cdk import aws_applicationautoscaling as appscaling
        config = sm.CfnEndpointConfig(self, "Config", production_variants=[sm.CfnEndpointConfig.ProductionVariantProperty(variant_name="AllTraffic", model_name="m", instance_type="ml.m5.large")])
        blue = sm.CfnEndpoint(self, "Blue", endpoint_config_name=config.attr_endpoint_config_name)
        blue_all_traffic_scaling = appscaling.ScalableTarget(
            self,
            "BlueAllTrafficScaling",
            service_namespace=appscaling.ServiceNamespace.SAGEMAKER,
            scalable_dimension="sagemaker:variant:DesiredInstanceCount",
            resource_id=f"endpoint/{blue.attr_endpoint_name}/variant/AllTraffic",
            min_capacity=1,
            max_capacity=4,
        )
        blue_all_traffic_scaling.scale_to_track_metric(
            "InvocationsPerInstance",
            target_value=70,
            predefined_metric=appscaling.PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE,
        )
        green = sm.CfnEndpoint(self, "Green", endpoint_config_name=config.attr_endpoint_config_name)  # next release
        green_all_traffic_scaling = appscaling.ScalableTarget(
            self,
            "GreenAllTrafficScaling",
            service_namespace=appscaling.ServiceNamespace.SAGEMAKER,
            scalable_dimension="sagemaker:variant:DesiredInstanceCount",
            resource_id=f"endpoint/{green.attr_endpoint_name}/variant/AllTraffic",
            min_capacity=1,
            max_capacity=4,
        )
        green_all_traffic_scaling.scale_to_track_metric(
            "InvocationsPerInstance",
            target_value=70,
            predefined_metric=appscaling.PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE,
        )
      `,
    },
    {
      name: 'Terraform: endpoint variant without a scalable target; the fix appends target and policy after the endpoint',
      format: 'terraform',
      code: dedent`
        resource "aws_sagemaker_endpoint_configuration" "c" {
          production_variants {
            variant_name           = "AllTraffic"
            instance_type          = "ml.inf2.xlarge"
            initial_instance_count = 1
          }
        }
        resource "aws_sagemaker_endpoint" "e" {
          endpoint_config_name = aws_sagemaker_endpoint_configuration.c.name
        }
      `,
      errors: [
        {
          messageId: 'noAutoscalingTerraform',
          data: { endpoint: 'aws_sagemaker_endpoint.e', variants: 'variant AllTraffic (ml.inf2.xlarge × 1)' },
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 22,
        },
      ],
      output: `${dedent`
        resource "aws_sagemaker_endpoint_configuration" "c" {
          production_variants {
            variant_name           = "AllTraffic"
            instance_type          = "ml.inf2.xlarge"
            initial_instance_count = 1
          }
        }
        resource "aws_sagemaker_endpoint" "e" {
          endpoint_config_name = aws_sagemaker_endpoint_configuration.c.name
        }
      `}\n${tfTargetAndPolicy}`,
    },
    {
      name: 'no scalable target: a target and a policy are appended to Resources',
      format: 'cfn-yaml',
      code: stack(''),
      errors: [noAutoscaling('Endpoint', 'variant AllTraffic (ml.m5.xlarge × 2)', 7, 7)],
      output: stack(appended),
    },
    {
      name: 'a target for another variant does not count; options set the policy',
      format: 'cfn-yaml',
      options: { maxCapacity: 8, targetInvocationsPerInstance: 200 },
      code: stack(target('!Sub endpoint/${Endpoint.EndpointName}/variant/Canary')),
      errors: [noAutoscaling('Endpoint', 'variant AllTraffic (ml.m5.xlarge × 2)', 7, 7)],
      output: stack(`${target('!Sub endpoint/${Endpoint.EndpointName}/variant/Canary')}\n${appended.replace('MaxCapacity: 4', 'MaxCapacity: 8').replace('TargetValue: 70', 'TargetValue: 200')}`),
    },
    {
      name: 'a target for another service or literal endpoint does not count',
      format: 'cfn-yaml',
      code: stack(target('endpoint/other/variant/AllTraffic')),
      errors: [noAutoscaling('Endpoint', 'variant AllTraffic (ml.m5.xlarge × 2)', 7, 7)],
      output: stack(`${target('endpoint/other/variant/AllTraffic')}\n${appended}`),
    },
    {
      name: 'managed instance scaling turned off does not count',
      format: 'cfn-yaml',
      code: stack('').replace('          InitialInstanceCount: 2', '          InitialInstanceCount: 2\n          ManagedInstanceScaling: { Status: DISABLED }'),
      errors: [noAutoscaling('Endpoint', 'variant AllTraffic (ml.m5.xlarge × 2)', 7, 7)],
      output: stack(appended).replace('          InitialInstanceCount: 2', '          InitialInstanceCount: 2\n          ManagedInstanceScaling: { Status: DISABLED }'),
    },
    {
      name: 'instance type and count from parameter defaults',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          InstanceType: { Type: String, Default: ml.c5.xlarge }
        Resources:
          Config:
            Type: AWS::SageMaker::EndpointConfig
            Properties:
              ProductionVariants: [{ VariantName: Blue, ModelName: m, InstanceType: !Ref InstanceType }]
          Api:
            Type: AWS::SageMaker::Endpoint
            Properties: { EndpointConfigName: !GetAtt Config.EndpointConfigName }
      `,
      errors: [noAutoscaling('Api', 'variant Blue (ml.c5.xlarge)', 8, 7)],
      output: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          InstanceType: { Type: String, Default: ml.c5.xlarge }
        Resources:
          Config:
            Type: AWS::SageMaker::EndpointConfig
            Properties:
              ProductionVariants: [{ VariantName: Blue, ModelName: m, InstanceType: !Ref InstanceType }]
          Api:
            Type: AWS::SageMaker::Endpoint
            Properties: { EndpointConfigName: !GetAtt Config.EndpointConfigName }
          ApiBlueScalableTarget:
            Type: AWS::ApplicationAutoScaling::ScalableTarget
            Properties:
              ServiceNamespace: sagemaker
              ScalableDimension: sagemaker:variant:DesiredInstanceCount
              ResourceId: !Sub 'endpoint/\${Api.EndpointName}/variant/Blue'
              MinCapacity: 1
              MaxCapacity: 4
          ApiBlueScalingPolicy:
            Type: AWS::ApplicationAutoScaling::ScalingPolicy
            Properties:
              PolicyName: !Sub '\${Api.EndpointName}-Blue-invocations'
              PolicyType: TargetTrackingScaling
              ScalingTargetId: !Ref ApiBlueScalableTarget
              TargetTrackingScalingPolicyConfiguration:
                TargetValue: 70
                PredefinedMetricSpecification:
                  PredefinedMetricType: SageMakerVariantInvocationsPerInstance
      `,
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
                "ProductionVariants": [{ "VariantName": "AllTraffic", "ModelName": "m", "InstanceType": "ml.c5.large", "InitialInstanceCount": 1 }]
              }
            },
            "Endpoint": {
              "Type": "AWS::SageMaker::Endpoint",
              "Properties": { "EndpointConfigName": { "Ref": "Config" } }
            }
          }
        }
      `,
      errors: [noAutoscaling('Endpoint', 'variant AllTraffic (ml.c5.large × 1)', 6, 9, true)],
      output: dedent`
        {
          "Resources": {
            "Config": {
              "Type": "AWS::SageMaker::EndpointConfig",
              "Properties": {
                "ProductionVariants": [{ "VariantName": "AllTraffic", "ModelName": "m", "InstanceType": "ml.c5.large", "InitialInstanceCount": 1 }]
              }
            },
            "Endpoint": {
              "Type": "AWS::SageMaker::Endpoint",
              "Properties": { "EndpointConfigName": { "Ref": "Config" } }
            },
            "EndpointAllTrafficScalableTarget": {
              "Type": "AWS::ApplicationAutoScaling::ScalableTarget",
              "Properties": {
                "ServiceNamespace": "sagemaker",
                "ScalableDimension": "sagemaker:variant:DesiredInstanceCount",
                "ResourceId": { "Fn::Sub": "endpoint/\${Endpoint.EndpointName}/variant/AllTraffic" },
                "MinCapacity": 1,
                "MaxCapacity": 4
              }
            },
            "EndpointAllTrafficScalingPolicy": {
              "Type": "AWS::ApplicationAutoScaling::ScalingPolicy",
              "Properties": {
                "PolicyName": { "Fn::Sub": "\${Endpoint.EndpointName}-AllTraffic-invocations" },
                "PolicyType": "TargetTrackingScaling",
                "ScalingTargetId": { "Ref": "EndpointAllTrafficScalableTarget" },
                "TargetTrackingScalingPolicyConfiguration": {
                  "TargetValue": 70,
                  "PredefinedMetricSpecification": {
                    "PredefinedMetricType": "SageMakerVariantInvocationsPerInstance"
                  }
                }
              }
            }
          }
        }
      `,
    },
  ],
});
