import * as assert from 'node:assert/strict';
import { resolveRuleSettings } from '../../src/core/config';
import { defineRule } from '../../src/core/defineRule';
import type { Format } from '../../src/core/types';
import { visitEndpointVariants } from '../../src/model/endpointVariants';
import { visitEndpoints } from '../../src/model/hosting';
import type { ScalableTargetRecord } from '../../src/model/hostingRecords';
import type { EndpointVariantRecord } from '../../src/model/records';
import { createTestLinter } from '../kit/languages';

/** The variants the model hands a rule: from endpoint records (templates) or the variant visitor (Python). */
function variantsOf(fileName: string, format: Format, code: string, from: 'endpoints' | 'variants'): EndpointVariantRecord[] {
  const seen: EndpointVariantRecord[] = [];
  const probe = defineRule({
    id: 'PROBE',
    name: 'probe',
    meta: { category: 'deploy', defaultSeverity: 'info', formats: ['cfn', 'tf', 'cdk', 'py', 'nb'], description: 'collects records', messages: {}, fixes: [], wellArchitected: [], options: {} },
    create: (context) => (from === 'endpoints' ? visitEndpoints((e) => seen.push(...e.variants)) : visitEndpointVariants(context.text, (v) => seen.push(v))),
  });
  const linter = createTestLinter({ rules: [probe] });
  linter.lint(fileName, code, { settings: resolveRuleSettings([probe]), format });
  return seen;
}

/** What a reader checks of a linked target: its name, capacities and policy types. */
const summary = (t: ScalableTargetRecord) => ({
  name: t.name,
  min: t.minCapacity?.known ? t.minCapacity.value : undefined,
  max: t.maxCapacity?.known ? t.maxCapacity.value : undefined,
  policies: t.policies.map((p) => (p.policyType?.known ? p.policyType.value : '?')),
});

describe('scalable targets and scaling policies: records linked from the variant they scale', () => {
  it('CloudFormation: the target of this variant with its capacities and its target-tracking policy; a target of another variant is not linked', () => {
    const code = [
      'Resources:',
      '  Config:',
      '    Type: AWS::SageMaker::EndpointConfig',
      '    Properties:',
      '      ProductionVariants:',
      '        - { VariantName: Blue, ModelName: m, InstanceType: ml.c5.large, InitialInstanceCount: 1 }',
      '        - { VariantName: Green, ModelName: m, InstanceType: ml.c5.large, InitialInstanceCount: 1 }',
      '  Endpoint:',
      '    Type: AWS::SageMaker::Endpoint',
      '    Properties: { EndpointConfigName: !GetAtt Config.EndpointConfigName }',
      '  BlueTarget:',
      '    Type: AWS::ApplicationAutoScaling::ScalableTarget',
      '    Properties:',
      '      ServiceNamespace: sagemaker',
      '      ScalableDimension: sagemaker:variant:DesiredInstanceCount',
      '      ResourceId: !Sub endpoint/${Endpoint.EndpointName}/variant/Blue',
      '      MinCapacity: 1',
      '      MaxCapacity: 6',
      '  BluePolicy:',
      '    Type: AWS::ApplicationAutoScaling::ScalingPolicy',
      '    Properties:',
      '      PolicyName: blue',
      '      PolicyType: TargetTrackingScaling',
      '      ScalingTargetId: !Ref BlueTarget',
      '',
    ].join('\n');
    const [blue, green] = variantsOf('stack.yaml', 'cfn-yaml', code, 'endpoints');
    assert.deepEqual(blue.scaledBy?.map(summary), [{ name: 'BlueTarget', min: 1, max: 6, policies: ['TargetTrackingScaling'] }]);
    assert.equal(blue.scaling, 'scaled');
    assert.deepEqual(green.scaledBy, []);
    assert.equal(green.scaling, 'unscaled');
  });

  it('Terraform: the aws_appautoscaling_target of the endpoint with the aws_appautoscaling_policy that references it', () => {
    const code = [
      'resource "aws_sagemaker_endpoint_configuration" "c" {',
      '  production_variants {',
      '    variant_name           = "AllTraffic"',
      '    instance_type          = "ml.c5.large"',
      '    initial_instance_count = 1',
      '  }',
      '}',
      'resource "aws_sagemaker_endpoint" "e" {',
      '  endpoint_config_name = aws_sagemaker_endpoint_configuration.c.name',
      '}',
      'resource "aws_appautoscaling_target" "t" {',
      '  service_namespace  = "sagemaker"',
      '  scalable_dimension = "sagemaker:variant:DesiredInstanceCount"',
      '  resource_id        = "endpoint/${aws_sagemaker_endpoint.e.name}/variant/AllTraffic"',
      '  min_capacity       = 1',
      '  max_capacity       = var.max',
      '}',
      'resource "aws_appautoscaling_policy" "p" {',
      '  name               = "invocations"',
      '  policy_type        = "TargetTrackingScaling"',
      '  service_namespace  = aws_appautoscaling_target.t.service_namespace',
      '  scalable_dimension = aws_appautoscaling_target.t.scalable_dimension',
      '  resource_id        = aws_appautoscaling_target.t.resource_id',
      '}',
      '',
    ].join('\n');
    const [variant] = variantsOf('main.tf', 'terraform', code, 'endpoints');
    assert.deepEqual(variant.scaledBy?.map(summary), [{ name: 'aws_appautoscaling_target.t', min: 1, max: undefined, policies: ['TargetTrackingScaling'] }]);
    assert.equal(variant.scaledBy?.[0].maxCapacity?.known, false, 'a variable capacity is unknown, not absent');
  });

  it('CDK: a SageMaker ScalableTarget and its scaleToTrackMetric policy; none: an empty link', () => {
    const endpoint = "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nimport * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';\nconst config = new sagemaker.CfnEndpointConfig(this, 'Config', { productionVariants: [{ variantName: 'AllTraffic', modelName: 'm', instanceType: 'ml.c5.large', initialInstanceCount: 1 }] });\nconst endpoint = new sagemaker.CfnEndpoint(this, 'Endpoint', { endpointConfigName: config.attrEndpointConfigName });\n";
    const scaled = `${endpoint}const target = new appscaling.ScalableTarget(this, 'Target', { serviceNamespace: appscaling.ServiceNamespace.SAGEMAKER, resourceId: 'endpoint/e/variant/AllTraffic', scalableDimension: 'sagemaker:variant:DesiredInstanceCount', minCapacity: 1, maxCapacity: 3 });\ntarget.scaleToTrackMetric('Invocations', { targetValue: 70, predefinedMetric: appscaling.PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE });\n`;
    const [variant] = variantsOf('stack.ts', 'cdk-typescript', scaled, 'endpoints');
    assert.deepEqual(variant.scaledBy?.map((t) => ({ ...summary(t), policies: t.policies.map((p) => p.name) })), [{ name: 'Target', min: 1, max: 3, policies: ['scaleToTrackMetric'] }]);
    assert.deepEqual(variantsOf('stack.ts', 'cdk-typescript', endpoint, 'endpoints')[0].scaledBy, []);
  });

  it('boto3: register_scalable_target and put_scaling_policy on the same resource ID', () => {
    const code = [
      'import boto3',
      'sm = boto3.client("sagemaker")',
      'aas = boto3.client("application-autoscaling")',
      'sm.create_endpoint_config(EndpointConfigName="c", ProductionVariants=[{"VariantName": "AllTraffic", "ModelName": "m", "InstanceType": "ml.c5.large", "InitialInstanceCount": 1}])',
      'aas.register_scalable_target(ServiceNamespace="sagemaker", ResourceId="endpoint/churn/variant/AllTraffic", ScalableDimension="sagemaker:variant:DesiredInstanceCount", MinCapacity=1, MaxCapacity=4)',
      'aas.put_scaling_policy(PolicyName="invocations", ServiceNamespace="sagemaker", ResourceId="endpoint/churn/variant/AllTraffic", ScalableDimension="sagemaker:variant:DesiredInstanceCount", PolicyType="TargetTrackingScaling")',
      '',
    ].join('\n');
    const [variant] = variantsOf('serve.py', 'python', code, 'variants');
    assert.deepEqual(variant.scaledBy?.map((t) => ({ ...summary(t), endpoint: t.endpoint, variant: t.variant })), [{ name: undefined, min: 1, max: 4, policies: ['TargetTrackingScaling'], endpoint: 'churn', variant: 'AllTraffic' }]);
    const alone = variantsOf('serve.py', 'python', code.split('\n').slice(0, 4).join('\n'), 'variants');
    assert.deepEqual(alone[0].scaledBy, []);
  });
});
