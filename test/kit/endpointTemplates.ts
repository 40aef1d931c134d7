/**
 * Endpoint templates written after real shapes, shared by the hosting rules' tables: Terraform
 * variants built by a `dynamic` block, CloudFormation configurations under a condition.
 */

/**
 * Terraform endpoint configurations built from a list input, after the shape of public SageMaker
 * modules: `for_each` over `var.endpoints`, each variant from a `dynamic "production_variants"`
 * block whose `content` lines are given (line 8 onwards, column 7); `rest` follows the resource.
 */
export const dynamicVariants = (content: string[], rest = '', iterator = '') =>
  [
    'resource "aws_sagemaker_endpoint_configuration" "ep" {',
    '  for_each = { for ep in var.endpoints : ep.name => ep }',
    '  name     = each.key',
    '  dynamic "production_variants" {',
    `    for_each = { for k, v in each.value : k => v if k == "production_variants" }${iterator}`,
    '    content {',
    '      model_name = aws_sagemaker_model.model[production_variants.key].name',
    ...content.map((line) => `      ${line}`),
    '    }',
    '  }',
    '}',
    rest,
  ].join('\n');

/** An endpoint config `Config` of a template whose `Shadow` condition picks a branch (mlops templates deploy a shadow variant or not); `body` is the resource's Properties. */
export const onShadow = (body: string) =>
  ['Parameters:', '  DeployShadow: { Type: String, Default: "false" }', 'Conditions:', '  Shadow: !Equals [!Ref DeployShadow, "true"]', 'Resources:', '  Config:', '    Type: AWS::SageMaker::EndpointConfig', ...body.split('\n').map((line) => `    ${line}`)].join('\n');

/** The JSON form: `properties` is the resource's Properties value. */
export const onShadowJson = (properties: unknown) => JSON.stringify({ Conditions: { Shadow: { 'Fn::Equals': [{ Ref: 'DeployShadow' }, 'true'] } }, Parameters: { DeployShadow: { Type: 'String', Default: 'false' } }, Resources: { Config: { Type: 'AWS::SageMaker::EndpointConfig', Properties: properties } } }, null, 2);

/**
 * The whole Properties under `!If` (the block-sequence form of mlops shadow-deployment templates):
 * `first` and `second` are the two branches' production variants, in flow style; `shadow`, when
 * given, the first branch's shadow variant. The first branch's variant is on line 12.
 */
export const onShadowBranches = (first: string, second: string, shadow?: string) =>
  onShadow(
    [
      'Properties:',
      '  !If',
      '  - Shadow',
      '  - ProductionVariants:',
      `      - ${first}`,
      ...(shadow ? ['    ShadowProductionVariants:', `      - ${shadow}`] : []),
      '  - ProductionVariants:',
      `      - ${second}`,
    ].join('\n'),
  );

/**
 * A Terraform endpoint configuration whose variant's instance type is a conditional on a boolean
 * input, after the shape of public SageMaker modules that pick a value with `var.x ? "a" : "b"`:
 * `aws_sagemaker_endpoint_configuration.whisper`, variant `AllTraffic`, the `instance_type` key on
 * line 8, column 5; `rest` follows the resource (an endpoint serving it, a scalable target).
 */
export const tfConditionalType = (first: string, second: string, rest = '') =>
  [
    'variable "use_gpu" {',
    '  type    = bool',
    '  default = false',
    '}',
    'resource "aws_sagemaker_endpoint_configuration" "whisper" {',
    '  production_variants {',
    '    variant_name           = "AllTraffic"',
    `    instance_type          = var.use_gpu ? "${first}" : "${second}"`,
    '    initial_instance_count = 1',
    '    model_name             = aws_sagemaker_model.whisper.name',
    '  }',
    '}',
    rest,
  ].join('\n');

/** The struct a comprehension over `props.model_variants` gives, its fields read from the loop (`instance_type=variant.instance_type` on line 10, column 17). */
export const propsVariantStruct = [
  'sagemaker.CfnEndpointConfig.ProductionVariantProperty(',
  '    model_name=model.attr_model_name,',
  '    variant_name=variant.variant_name,',
  '    initial_instance_count=variant.initial_instance_count,',
  '    instance_type=variant.instance_type,',
  ')',
];

/**
 * The dict element form of the same comprehension (jsii takes a dict with the struct's Python
 * names): a literal `instance_type` on line 10, column 17, every other field read from the loop.
 */
export const propsVariantDict = (instanceType: string, count = 'variant["initial_instance_count"]') => [
  '{',
  '    "model_name": model.attr_model_name,',
  '    "variant_name": variant["variant_name"],',
  `    "initial_instance_count": ${count},`,
  `    "instance_type": "${instanceType}",`,
  '}',
];

/**
 * CDK Python: the variants of a `CfnEndpointConfig` built by a list comprehension over a list of
 * the props (the Python form of a TypeScript stack's `props.modelVariants.map((variant) => ({...}))`),
 * served by a `CfnEndpoint`; `element` is the struct the comprehension gives (from line 6, column
 * 13), `rest` follows the stack's body.
 */
export const cdkPythonComprehension = (element: string[] = propsVariantStruct, rest = '') =>
  [
    'from aws_cdk import Stack, aws_sagemaker as sagemaker',
    'class ModelServingStack(Stack):',
    '    def __init__(self, scope, construct_id, props, **kwargs):',
    '        super().__init__(scope, construct_id, **kwargs)',
    '        config = sagemaker.CfnEndpointConfig(self, "EndpointConfig", production_variants=[',
    ...element.map((line) => `            ${line}`),
    '            for variant in props.model_variants',
    '        ])',
    '        sagemaker.CfnEndpoint(self, "Endpoint", endpoint_config_name=config.attr_endpoint_config_name)',
    rest,
  ].join('\n');

/**
 * CDK TypeScript: a construct that keeps its production variant in a member assigned once in its
 * constructor (`this.productionVariant = { ... }`, from line 7) and configures its endpoint with
 * `productionVariants: [this.productionVariant]` (line 13), after the shape of public LLM
 * constructs; `variant` is the object literal's lines.
 */
export const cdkMemberVariant = (variant: string[]) =>
  [
    "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';",
    "import { Construct } from 'constructs';",
    'export class ServedModel extends Construct {',
    '  readonly productionVariant: sagemaker.CfnEndpointConfig.ProductionVariantProperty;',
    '  constructor(scope: Construct, id: string, props: ServedModelProps) {',
    '    super(scope, id);',
    '    this.productionVariant = {',
    ...variant.map((line) => `      ${line}`),
    '    };',
    "    const config = new sagemaker.CfnEndpointConfig(this, 'Config', { productionVariants: [this.productionVariant] });",
    "    new sagemaker.CfnEndpoint(this, 'Endpoint', { endpointConfigName: config.attrEndpointConfigName });",
    '  }',
    '}',
    '',
  ].join('\n');
