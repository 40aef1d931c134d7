import * as assert from 'node:assert/strict';
import { resolveRuleSettings } from '../../src/core/config';
import type { Finding, Format } from '../../src/core/types';
import { familyOf } from '../../src/core/types';
import { instanceHoverMarkdown } from '../../src/present/instanceHover';
import { savingsForEffect } from '../../src/present/savings';
import { allRules } from '../../src/rules';
import { dedent } from '../kit/dedent';
import { createTestLinter } from '../kit/languages';
import { notebookJson } from '../kit/notebook';
import type { ComparedForm } from './consistencyRows';
import { comparedForms } from './consistencyRows';

/**
 * One verdict per resource, whatever the format: the same endpoint variant written in every
 * format where the concept exists gets the same rule ids, the same suggested alternative and the
 * same figures. Only rules that cover every format of a row are compared (SML303 exists in
 * templates only, SML307 in notebooks only).
 */

interface Written {
  name: string;
  format: Format;
  code: string;
}

interface Variant {
  instanceType: string;
  count: number;
}

const pythonDeploy = ({ instanceType, count }: Variant) => dedent`
  from sagemaker.model import Model
  model = Model(image_uri=image, model_data="s3://bucket/model.tar.gz", role=role)
  predictor = model.deploy(initial_instance_count=${count}, instance_type="${instanceType}")
`;

const pythonBoto3 = ({ instanceType, count }: Variant) => dedent`
  import boto3
  sm = boto3.client("sagemaker")
  sm.create_endpoint_config(EndpointConfigName="serve", ProductionVariants=[{"VariantName": "AllTraffic", "ModelName": "m", "InstanceType": "${instanceType}", "InitialInstanceCount": ${count}}])
`;

const pythonSession = ({ instanceType, count }: Variant) => dedent`
  import sagemaker
  sess = sagemaker.Session()
  sess.endpoint_from_model_data(model_s3_location="s3://bucket/model.tar.gz", image_uri=image, initial_instance_count=${count}, instance_type="${instanceType}", name="serve")
`;

const pythonModelBuilder = ({ instanceType, count }: Variant) => dedent`
  from sagemaker.serve import ModelBuilder
  builder = ModelBuilder(model=model, role_arn=role, instance_type="${instanceType}")
  builder.deploy(endpoint_name="serve", initial_instance_count=${count})
`;

const cfnYaml = ({ instanceType, count }: Variant) => dedent`
  AWSTemplateFormatVersion: "2010-09-09"
  Resources:
    Serve:
      Type: AWS::SageMaker::EndpointConfig
      Properties:
        ProductionVariants:
          - VariantName: AllTraffic
            ModelName: m
            InstanceType: ${instanceType}
            InitialInstanceCount: ${count}
`;

const cfnJson = ({ instanceType, count }: Variant) =>
  JSON.stringify(
    {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: { Serve: { Type: 'AWS::SageMaker::EndpointConfig', Properties: { ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm', InstanceType: instanceType, InitialInstanceCount: count }] } } },
    },
    null,
    2,
  );

const terraform = ({ instanceType, count }: Variant) => dedent`
  resource "aws_sagemaker_endpoint_configuration" "serve" {
    production_variants {
      variant_name           = "AllTraffic"
      model_name             = "m"
      instance_type          = "${instanceType}"
      initial_instance_count = ${count}
    }
  }
`;

const cdkTypeScript = ({ instanceType, count }: Variant) =>
  `import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnEndpointConfig(this, 'Serve', { productionVariants: [{ variantName: 'AllTraffic', modelName: 'm', instanceType: '${instanceType}', initialInstanceCount: ${count} }] });\n`;

const cdkPython = ({ instanceType, count }: Variant) =>
  `from aws_cdk import aws_sagemaker as sm\nsm.CfnEndpointConfig(self, "Serve", production_variants=[sm.CfnEndpointConfig.ProductionVariantProperty(variant_name="AllTraffic", model_name="m", instance_type="${instanceType}", initial_instance_count=${count})])\n`;

/** The same endpoint variant in every format that can write one. */
function endpointVariantEverywhere(variant: Variant): Written[] {
  return [
    { name: 'SDK deploy', format: 'python', code: pythonDeploy(variant) },
    { name: 'SDK deploy in a notebook', format: 'notebook', code: notebookJson([pythonDeploy(variant)]) },
    { name: 'SDK v3 ModelBuilder', format: 'python', code: pythonModelBuilder(variant) },
    { name: 'boto3', format: 'python', code: pythonBoto3(variant) },
    { name: 'sagemaker.Session()', format: 'python', code: pythonSession(variant) },
    { name: 'CloudFormation YAML', format: 'cfn-yaml', code: cfnYaml(variant) },
    { name: 'CloudFormation JSON', format: 'cfn-json', code: cfnJson(variant) },
    { name: 'Terraform', format: 'terraform', code: terraform(variant) },
    { name: 'CDK TypeScript', format: 'cdk-typescript', code: cdkTypeScript(variant) },
    { name: 'CDK Python', format: 'cdk-python', code: cdkPython(variant) },
  ];
}

const fileNames: Record<Format, string> = {
  python: 'serve.py',
  notebook: 'serve.ipynb',
  'cfn-yaml': 'serve.yaml',
  'cfn-json': 'serve.json',
  terraform: 'main.tf',
  'cdk-typescript': 'stack.ts',
  'cdk-python': 'stack.py',
};

/** What a reader of the finding is told: its rule, the types it suggests and the figures of its change. */
interface Verdict {
  ruleId: string;
  /** `ml.*` types the message names besides the resource's own. */
  suggested: string[];
  figures: string;
  /** What the finding says of the type, its format's naming of the configuration and variant aside. */
  account: string;
}

/**
 * The account a finding gives of the variant's type: SML302's whole message after a template's
 * `Endpoint config X, variant Y: ` (training-class or several GPUs, and the same advice) or the
 * size of a fixed fleet (worded in the format's vocabulary: template, module, file), SML304's whole
 * message after the same prefix; other rules are compared by id, suggestion and figures only.
 */
function accountOf(finding: Finding): string {
  if (finding.ruleId === 'SML302') {
    // A fixed fleet is worded in its format's vocabulary (template, module, file): its count is the account.
    const fleet = /starts (?:\S+ \S+ with )?(\d+) instances/.exec(finding.message);
    return fleet ? `a fixed fleet of ${fleet[1]}` : finding.message.replace(/^Endpoint config [^,]+, (?:variant \S+|a variant): /, '');
  }
  // SML304: one message in every format, after a template's `Endpoint config X, variant Y: `.
  if (finding.ruleId === 'SML304') return finding.message.replace(/^Endpoint config [^,]+, (?:variant \S+|a variant): /, '');
  return '';
}

const instanceTypes = /\bml\.[a-z0-9-]+\.[a-z0-9]+\b/g;

function verdicts(written: Written, ownType: string, ruleIds: ReadonlySet<string>): Verdict[] {
  const linter = createTestLinter();
  const result = linter.lint(fileNames[written.format], written.code, { settings: resolveRuleSettings(allRules), format: written.format });
  assert.deepEqual(result.ruleErrors, [], `${written.name}: a rule threw`);
  assert.equal(result.skipped, undefined, `${written.name}: skipped`);
  return result.findings
    .filter((f: Finding) => ruleIds.has(f.ruleId))
    .map((f) => ({
      ruleId: f.ruleId,
      suggested: [...new Set(f.message.match(instanceTypes) ?? [])].filter((t) => t !== ownType).sort(),
      figures: f.effect ? JSON.stringify(savingsForEffect(f.effect, { region: 'us-east-1' })) : 'no effect',
      account: accountOf(f),
    }))
    .sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.figures.localeCompare(b.figures));
}

/** The alternative the instance-type hover offers for serving, if any. */
function hoverAlternative(instanceType: string): string | undefined {
  const hover = instanceHoverMarkdown(instanceType, {}) ?? '';
  return /Greener alternative for serving: \*\*[^:]+: (ml\.[a-z0-9-]+\.[a-z0-9]+) → (ml\.[a-z0-9-]+\.[a-z0-9]+)\*\*/.exec(hover)?.[2];
}

/** The rules that judge endpoint records and say what their change does. */
const rulesWithEffects = new Set(['SML301', 'SML302', 'SML304']);

const rows: Array<{ resource: string; variant: Variant; expect: { ruleIds: string[]; suggested?: string } }> = [
  { resource: 'a general-purpose x86 endpoint', variant: { instanceType: 'ml.m5.large', count: 1 }, expect: { ruleIds: ['SML301', 'SML304'], suggested: 'ml.m8g.large' } },
  { resource: 'a compute-optimised x86 endpoint', variant: { instanceType: 'ml.c5.xlarge', count: 1 }, expect: { ruleIds: ['SML301', 'SML304'], suggested: 'ml.c7g.xlarge' } },
  { resource: 'a memory-optimised x86 endpoint', variant: { instanceType: 'ml.r5.large', count: 1 }, expect: { ruleIds: ['SML301', 'SML304'], suggested: 'ml.r8g.large' } },
  { resource: 'an Inferentia2 endpoint of six chips (the type SML304 recommends for four GPUs)', variant: { instanceType: 'ml.inf2.24xlarge', count: 1 }, expect: { ruleIds: [] } },
  { resource: 'a four-GPU endpoint', variant: { instanceType: 'ml.g5.12xlarge', count: 1 }, expect: { ruleIds: ['SML302', 'SML304'], suggested: 'ml.inf2.24xlarge' } },
  { resource: 'a training-class endpoint', variant: { instanceType: 'ml.p4d.24xlarge', count: 1 }, expect: { ruleIds: ['SML302', 'SML304'] } },
  { resource: 'a fixed fleet of three Inferentia2 instances', variant: { instanceType: 'ml.inf2.xlarge', count: 3 }, expect: { ruleIds: ['SML302'] } },
];

describe('one verdict per resource, whatever the format', () => {
  for (const row of rows) {
    describe(row.resource, () => {
      const written = endpointVariantEverywhere(row.variant);
      const families = new Set(written.map((w) => familyOf(w.format)));
      const common = new Set(allRules.filter((r) => [...families].every((f) => r.meta.formats.includes(f))).map((r) => r.id));
      let all: Array<{ written: Written; verdicts: Verdict[] }> = [];
      before(() => {
        all = written.map((w) => ({ written: w, verdicts: verdicts(w, row.variant.instanceType, common) }));
      });

      it('the same rule ids in every format', () => {
        for (const { written: w, verdicts: v } of all) assert.deepEqual(v.map((x) => x.ruleId), row.expect.ruleIds, `${w.name}`);
      });

      it('the same suggested types in every format, and the hover agrees', () => {
        const [first, ...rest] = all;
        for (const { written: w, verdicts: v } of rest) {
          assert.deepEqual(
            v.map((x) => `${x.ruleId} ${x.suggested.join(' ')}`),
            first.verdicts.map((x) => `${x.ruleId} ${x.suggested.join(' ')}`),
            `${w.name} against ${first.written.name}`,
          );
        }
        if (row.expect.suggested) {
          const sml304 = first.verdicts.find((v) => v.ruleId === 'SML304');
          assert.ok(sml304?.suggested.includes(row.expect.suggested), `SML304 suggests ${row.expect.suggested}`);
          assert.equal(hoverAlternative(row.variant.instanceType), row.expect.suggested, 'the hover offers the same type');
        }
      });

      it('the same account of the type in every format (a four-GPU type is not called training-class in one format only)', () => {
        const [first, ...rest] = all;
        for (const { written: w, verdicts: v } of rest) assert.deepEqual(v.map((x) => `${x.ruleId} ${x.account}`), first.verdicts.map((x) => `${x.ruleId} ${x.account}`), `${w.name} against ${first.written.name}`);
      });

      it('the same figures in every format', () => {
        const [first, ...rest] = all;
        for (const { written: w, verdicts: v } of rest) assert.deepEqual(v.map((x) => x.figures), first.verdicts.map((x) => x.figures), `${w.name} against ${first.written.name}`);
        for (const v of first.verdicts.filter((x) => rulesWithEffects.has(x.ruleId))) assert.notEqual(v.figures, 'no effect', `${v.ruleId} says what its change does`);
      });
    });
  }
});

/**
 * Hosting resources beyond the variant's instance type, each written in every format where the
 * concept exists: an endpoint whose variants nothing scales (templates only: a Python script has
 * no endpoint resource to pair with a target), full data capture, an Elastic Inference accelerator.
 */
interface HostingRow {
  resource: string;
  written: Written[];
  ruleIds: string[];
  /** What one finding's message says of the resource, the same in every format (format vocabulary aside). */
  says: RegExp;
}

const endpointTemplates = (variant: { managed?: boolean }): Written[] => [
  {
    name: 'CloudFormation YAML',
    format: 'cfn-yaml',
    code: `${cfnYaml({ instanceType: 'ml.inf2.xlarge', count: 2 }).replace(/^( *)InitialInstanceCount: 2$/m, variant.managed ? '$1InitialInstanceCount: 2\n$1ManagedInstanceScaling: { Status: ENABLED, MinInstanceCount: 1, MaxInstanceCount: 4 }' : '$&')}\n  Endpoint:\n    Type: AWS::SageMaker::Endpoint\n    Properties:\n      EndpointConfigName: !GetAtt Serve.EndpointConfigName\n`,
  },
  {
    name: 'CloudFormation JSON',
    format: 'cfn-json',
    code: JSON.stringify(
      {
        AWSTemplateFormatVersion: '2010-09-09',
        Resources: {
          Serve: {
            Type: 'AWS::SageMaker::EndpointConfig',
            Properties: {
              ProductionVariants: [
                { VariantName: 'AllTraffic', ModelName: 'm', InstanceType: 'ml.inf2.xlarge', InitialInstanceCount: 2, ...(variant.managed ? { ManagedInstanceScaling: { Status: 'ENABLED', MinInstanceCount: 1, MaxInstanceCount: 4 } } : {}) },
              ],
            },
          },
          Endpoint: { Type: 'AWS::SageMaker::Endpoint', Properties: { EndpointConfigName: { 'Fn::GetAtt': ['Serve', 'EndpointConfigName'] } } },
        },
      },
      null,
      2,
    ),
  },
  {
    name: 'Terraform',
    format: 'terraform',
    code: dedent`
      resource "aws_sagemaker_endpoint_configuration" "serve" {
        production_variants {
          variant_name           = "AllTraffic"
          model_name             = "m"
          instance_type          = "ml.inf2.xlarge"
          initial_instance_count = 2${variant.managed ? '\n      managed_instance_scaling {\n        status             = "ENABLED"\n        min_instance_count = 1\n        max_instance_count = 4\n      }' : ''}
        }
      }
      resource "aws_sagemaker_endpoint" "endpoint" {
        endpoint_config_name = aws_sagemaker_endpoint_configuration.serve.name
      }
    `,
  },
  {
    name: 'CDK TypeScript',
    format: 'cdk-typescript',
    code: `import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nconst serve = new sagemaker.CfnEndpointConfig(this, 'Serve', { productionVariants: [{ variantName: 'AllTraffic', modelName: 'm', instanceType: 'ml.inf2.xlarge', initialInstanceCount: 2${variant.managed ? ", managedInstanceScaling: { status: 'ENABLED', minInstanceCount: 1, maxInstanceCount: 4 }" : ''} }] });\nconst endpoint = new sagemaker.CfnEndpoint(this, 'Endpoint', { endpointConfigName: serve.attrEndpointConfigName });\n`,
  },
  {
    name: 'CDK Python',
    format: 'cdk-python',
    code: `from aws_cdk import aws_sagemaker as sm\nserve = sm.CfnEndpointConfig(self, "Serve", production_variants=[sm.CfnEndpointConfig.ProductionVariantProperty(variant_name="AllTraffic", model_name="m", instance_type="ml.inf2.xlarge", initial_instance_count=2${variant.managed ? ', managed_instance_scaling=sm.CfnEndpointConfig.ManagedInstanceScalingProperty(status="ENABLED", min_instance_count=1, max_instance_count=4)' : ''})])\nendpoint = sm.CfnEndpoint(self, "Endpoint", endpoint_config_name=serve.attr_endpoint_config_name)\n`,
  },
];

const fullCapture: Written[] = [
  { name: 'SDK DataCaptureConfig', format: 'python', code: 'from sagemaker.model_monitor import DataCaptureConfig\ncapture = DataCaptureConfig(enable_capture=True, sampling_percentage=100, destination_s3_uri="s3://b/capture")\n' },
  { name: 'SDK DataCaptureConfig in a notebook', format: 'notebook', code: notebookJson(['from sagemaker.model_monitor import DataCaptureConfig\ncapture = DataCaptureConfig(enable_capture=True, sampling_percentage=100, destination_s3_uri="s3://b/capture")']) },
  { name: 'boto3', format: 'python', code: 'import boto3\nsm = boto3.client("sagemaker")\nsm.create_endpoint_config(EndpointConfigName="serve", ProductionVariants=[{"VariantName": "AllTraffic", "ModelName": "m", "ServerlessConfig": {"MemorySizeInMB": 2048, "MaxConcurrency": 5}}], DataCaptureConfig={"EnableCapture": True, "InitialSamplingPercentage": 100, "DestinationS3Uri": "s3://b/capture", "CaptureOptions": [{"CaptureMode": "Input"}]})\n' },
  {
    name: 'CloudFormation YAML',
    format: 'cfn-yaml',
    code: 'Resources:\n  Serve:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - { VariantName: AllTraffic, ModelName: m, ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }\n      DataCaptureConfig:\n        EnableCapture: true\n        InitialSamplingPercentage: 100\n        DestinationS3Uri: s3://b/capture\n        CaptureOptions: [{ CaptureMode: Input }]\n',
  },
  {
    name: 'CloudFormation JSON',
    format: 'cfn-json',
    code: JSON.stringify({ Resources: { Serve: { Type: 'AWS::SageMaker::EndpointConfig', Properties: { ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm', ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }], DataCaptureConfig: { EnableCapture: true, InitialSamplingPercentage: 100, DestinationS3Uri: 's3://b/capture', CaptureOptions: [{ CaptureMode: 'Input' }] } } } } }, null, 2),
  },
  {
    name: 'Terraform',
    format: 'terraform',
    code: 'resource "aws_sagemaker_endpoint_configuration" "serve" {\n  production_variants {\n    variant_name = "AllTraffic"\n    model_name   = "m"\n    serverless_config {\n      memory_size_in_mb = 2048\n      max_concurrency   = 5\n    }\n  }\n  data_capture_config {\n    enable_capture              = true\n    initial_sampling_percentage = 100\n    destination_s3_uri          = "s3://b/capture"\n    capture_options {\n      capture_mode = "Input"\n    }\n  }\n}\n',
  },
  {
    name: 'CDK TypeScript',
    format: 'cdk-typescript',
    code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnEndpointConfig(this, 'Serve', { productionVariants: [{ variantName: 'AllTraffic', modelName: 'm', serverlessConfig: { memorySizeInMb: 2048, maxConcurrency: 5 } }], dataCaptureConfig: { enableCapture: true, initialSamplingPercentage: 100, destinationS3Uri: 's3://b/capture', captureOptions: [{ captureMode: 'Input' }] } });\n",
  },
  {
    name: 'CDK Python',
    format: 'cdk-python',
    code: 'from aws_cdk import aws_sagemaker as sm\nsm.CfnEndpointConfig(self, "Serve", production_variants=[sm.CfnEndpointConfig.ProductionVariantProperty(variant_name="AllTraffic", model_name="m", serverless_config=sm.CfnEndpointConfig.ServerlessConfigProperty(memory_size_in_mb=2048, max_concurrency=5))], data_capture_config=sm.CfnEndpointConfig.DataCaptureConfigProperty(enable_capture=True, initial_sampling_percentage=100, destination_s3_uri="s3://b/capture", capture_options=[sm.CfnEndpointConfig.CaptureOptionProperty(capture_mode="Input")]))\n',
  },
];

const withAccelerator = (variant: Variant & { accelerator: string }): Written[] => {
  const accelerate = (code: string) =>
    code
      .replace(`instance_type="${variant.instanceType}")`, `instance_type="${variant.instanceType}", accelerator_type="${variant.accelerator}")`)
      .replace(`"InstanceType": "${variant.instanceType}",`, `"InstanceType": "${variant.instanceType}", "AcceleratorType": "${variant.accelerator}",`)
      .replace(new RegExp(`^( *)InstanceType: ${variant.instanceType.replace(/\./g, '\\.')}$`, 'm'), `$1InstanceType: ${variant.instanceType}\n$1AcceleratorType: ${variant.accelerator}`)
      // Once per file: a JSON template whose line the boto3 replacement above already accelerated would get the key twice.
      .replace(new RegExp(`"InstanceType": "${variant.instanceType.replace(/\./g, '\\.')}"(?!, "AcceleratorType")`), `"InstanceType": "${variant.instanceType}",\n            "AcceleratorType": "${variant.accelerator}"`)
      .replace(`instance_type          = "${variant.instanceType}"`, `instance_type          = "${variant.instanceType}"\n    accelerator_type       = "${variant.accelerator}"`)
      .replace(`instanceType: '${variant.instanceType}'`, `instanceType: '${variant.instanceType}', acceleratorType: '${variant.accelerator}'`)
      .replace(`instance_type="${variant.instanceType}",`, `instance_type="${variant.instanceType}", accelerator_type="${variant.accelerator}",`);
  return endpointVariantEverywhere(variant)
    .filter((w) => w.name !== 'SDK v3 ModelBuilder')
    .map((w) => ({ ...w, code: w.format === 'notebook' ? notebookJson([accelerate(pythonDeploy(variant))]) : accelerate(w.code) }));
};

/** An endpoint whose variant's instance type the template does not resolve: a parameter without default, a module input, a construct prop. */
const unresolvedType: Written[] = [
  {
    name: 'CloudFormation YAML',
    format: 'cfn-yaml',
    code: 'Parameters:\n  InstanceType:\n    Type: String\nResources:\n  Serve:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - { VariantName: AllTraffic, ModelName: m, InstanceType: !Ref InstanceType, InitialInstanceCount: 1 }\n  Endpoint:\n    Type: AWS::SageMaker::Endpoint\n    Properties:\n      EndpointConfigName: !GetAtt Serve.EndpointConfigName\n',
  },
  {
    name: 'CloudFormation JSON',
    format: 'cfn-json',
    code: JSON.stringify({ Parameters: { InstanceType: { Type: 'String' } }, Resources: { Serve: { Type: 'AWS::SageMaker::EndpointConfig', Properties: { ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm', InstanceType: { Ref: 'InstanceType' }, InitialInstanceCount: 1 }] } }, Endpoint: { Type: 'AWS::SageMaker::Endpoint', Properties: { EndpointConfigName: { 'Fn::GetAtt': ['Serve', 'EndpointConfigName'] } } } } }, null, 2),
  },
  {
    name: 'Terraform',
    format: 'terraform',
    code: 'variable "instance_type" {\n  type = string\n}\nresource "aws_sagemaker_endpoint_configuration" "serve" {\n  production_variants {\n    variant_name           = "AllTraffic"\n    model_name             = "m"\n    instance_type          = var.instance_type\n    initial_instance_count = 1\n  }\n}\nresource "aws_sagemaker_endpoint" "endpoint" {\n  endpoint_config_name = aws_sagemaker_endpoint_configuration.serve.name\n}\n',
  },
  {
    name: 'CDK TypeScript',
    format: 'cdk-typescript',
    code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nexport function serve(scope: Construct, instanceType: string) {\n  const serve = new sagemaker.CfnEndpointConfig(scope, 'Serve', { productionVariants: [{ variantName: 'AllTraffic', modelName: 'm', instanceType, initialInstanceCount: 1 }] });\n  new sagemaker.CfnEndpoint(scope, 'Endpoint', { endpointConfigName: serve.attrEndpointConfigName });\n}\n",
  },
  {
    name: 'CDK Python',
    format: 'cdk-python',
    code: 'from aws_cdk import aws_sagemaker as sm\ndef serve(scope, instance_type):\n    config = sm.CfnEndpointConfig(scope, "Serve", production_variants=[sm.CfnEndpointConfig.ProductionVariantProperty(variant_name="AllTraffic", model_name="m", instance_type=instance_type, initial_instance_count=1)])\n    sm.CfnEndpoint(scope, "Endpoint", endpoint_config_name=config.attr_endpoint_config_name)\n',
  },
];

/** One variant on SageMaker-managed instance scaling with this minimum, on a Graviton type (SML304 has nothing to say), in every format that writes it. */
const managedScaling = (min: number): Written[] => [
  {
    name: 'boto3',
    format: 'python',
    code: `import boto3\nsm = boto3.client("sagemaker")\nsm.create_endpoint_config(EndpointConfigName="serve", ProductionVariants=[{"VariantName": "AllTraffic", "ModelName": "m", "InstanceType": "ml.c7g.large", "InitialInstanceCount": 1, "ManagedInstanceScaling": {"Status": "ENABLED", "MinInstanceCount": ${min}, "MaxInstanceCount": 2}}])\n`,
  },
  { name: 'CloudFormation YAML', format: 'cfn-yaml', code: `Resources:\n  Serve:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - VariantName: AllTraffic\n          ModelName: m\n          InstanceType: ml.c7g.large\n          InitialInstanceCount: 1\n          ManagedInstanceScaling: { Status: ENABLED, MinInstanceCount: ${min}, MaxInstanceCount: 2 }\n` },
  {
    name: 'CloudFormation JSON',
    format: 'cfn-json',
    code: JSON.stringify({ Resources: { Serve: { Type: 'AWS::SageMaker::EndpointConfig', Properties: { ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm', InstanceType: 'ml.c7g.large', InitialInstanceCount: 1, ManagedInstanceScaling: { Status: 'ENABLED', MinInstanceCount: min, MaxInstanceCount: 2 } }] } } } }, null, 2),
  },
  {
    name: 'Terraform',
    format: 'terraform',
    code: `resource "aws_sagemaker_endpoint_configuration" "serve" {\n  production_variants {\n    variant_name           = "AllTraffic"\n    model_name             = "m"\n    instance_type          = "ml.c7g.large"\n    initial_instance_count = 1\n    managed_instance_scaling {\n      status             = "ENABLED"\n      min_instance_count = ${min}\n      max_instance_count = 2\n    }\n  }\n}\n`,
  },
  {
    name: 'CDK TypeScript',
    format: 'cdk-typescript',
    code: `import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnEndpointConfig(this, 'Serve', { productionVariants: [{ variantName: 'AllTraffic', modelName: 'm', instanceType: 'ml.c7g.large', initialInstanceCount: 1, managedInstanceScaling: { status: 'ENABLED', minInstanceCount: ${min}, maxInstanceCount: 2 } }] });\n`,
  },
  {
    name: 'CDK Python',
    format: 'cdk-python',
    code: `from aws_cdk import aws_sagemaker as sm\nsm.CfnEndpointConfig(self, "Serve", production_variants=[sm.CfnEndpointConfig.ProductionVariantProperty(variant_name="AllTraffic", model_name="m", instance_type="ml.c7g.large", initial_instance_count=1, managed_instance_scaling=sm.CfnEndpointConfig.ManagedInstanceScalingProperty(status="ENABLED", min_instance_count=${min}, max_instance_count=2))])\n`,
  },
];

/** A variant of two instance pools (x86 first, then Graviton), in every format that writes pools (the Terraform provider has no pools). */
const instancePools: Written[] = [
  {
    name: 'boto3',
    format: 'python',
    code: 'import boto3\nsm = boto3.client("sagemaker")\nsm.create_endpoint_config(EndpointConfigName="serve", ProductionVariants=[{"VariantName": "AllTraffic", "ModelName": "m", "InitialInstanceCount": 1, "InstancePools": [{"InstanceType": "ml.c7g.xlarge", "Priority": 2}, {"InstanceType": "ml.m5.xlarge", "Priority": 1}]}])\n',
  },
  { name: 'CloudFormation YAML', format: 'cfn-yaml', code: 'Resources:\n  Serve:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - VariantName: AllTraffic\n          ModelName: m\n          InitialInstanceCount: 1\n          InstancePools:\n            - { InstanceType: ml.c7g.xlarge, Priority: 2 }\n            - { InstanceType: ml.m5.xlarge, Priority: 1 }\n' },
  {
    name: 'CloudFormation JSON',
    format: 'cfn-json',
    code: JSON.stringify({ Resources: { Serve: { Type: 'AWS::SageMaker::EndpointConfig', Properties: { ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm', InitialInstanceCount: 1, InstancePools: [{ InstanceType: 'ml.c7g.xlarge', Priority: 2 }, { InstanceType: 'ml.m5.xlarge', Priority: 1 }] }] } } } }, null, 2),
  },
  {
    name: 'CDK TypeScript',
    format: 'cdk-typescript',
    code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnEndpointConfig(this, 'Serve', { productionVariants: [{ variantName: 'AllTraffic', modelName: 'm', initialInstanceCount: 1, instancePools: [{ instanceType: 'ml.c7g.xlarge', priority: 2 }, { instanceType: 'ml.m5.xlarge', priority: 1 }] }] });\n",
  },
  {
    name: 'CDK Python',
    format: 'cdk-python',
    code: 'from aws_cdk import aws_sagemaker as sm\nsm.CfnEndpointConfig(self, "Serve", production_variants=[sm.CfnEndpointConfig.ProductionVariantProperty(variant_name="AllTraffic", model_name="m", initial_instance_count=1, instance_pools=[sm.CfnEndpointConfig.InstancePoolProperty(instance_type="ml.c7g.xlarge", priority=2), sm.CfnEndpointConfig.InstancePoolProperty(instance_type="ml.m5.xlarge", priority=1)])])\n',
  },
];

/** A four-GPU variant whose model shards across the GPUs (`SM_NUM_GPUS` 4 in its container environment), the model linked as each format links it. */
const shardedModel: Written[] = (() => {
  const sdk = 'from sagemaker.model import Model\nmodel = Model(image_uri=image, model_data="s3://bucket/model.tar.gz", role=role, env={"SM_NUM_GPUS": "4"})\npredictor = model.deploy(initial_instance_count=1, instance_type="ml.g5.12xlarge")\n';
  return [
    { name: 'SDK deploy', format: 'python', code: sdk },
    { name: 'SDK deploy in a notebook', format: 'notebook', code: notebookJson([sdk]) },
    {
      name: 'boto3',
      format: 'python',
      code: 'import boto3\nsm = boto3.client("sagemaker")\nsm.create_model(ModelName="m", ExecutionRoleArn=role, PrimaryContainer={"Image": image, "Environment": {"SM_NUM_GPUS": "4"}})\nsm.create_endpoint_config(EndpointConfigName="serve", ProductionVariants=[{"VariantName": "AllTraffic", "ModelName": "m", "InstanceType": "ml.g5.12xlarge", "InitialInstanceCount": 1}])\n',
    },
    {
      name: 'CloudFormation YAML',
      format: 'cfn-yaml',
      code: 'Resources:\n  Model:\n    Type: AWS::SageMaker::Model\n    Properties:\n      ExecutionRoleArn: arn:aws:iam::123456789012:role/r\n      PrimaryContainer:\n        Image: image\n        Environment:\n          SM_NUM_GPUS: "4"\n  Serve:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - { VariantName: AllTraffic, ModelName: !GetAtt Model.ModelName, InstanceType: ml.g5.12xlarge, InitialInstanceCount: 1 }\n',
    },
    {
      name: 'CloudFormation JSON',
      format: 'cfn-json',
      code: JSON.stringify(
        {
          Resources: {
            Model: { Type: 'AWS::SageMaker::Model', Properties: { ExecutionRoleArn: 'arn:aws:iam::123456789012:role/r', PrimaryContainer: { Image: 'image', Environment: { SM_NUM_GPUS: '4' } } } },
            Serve: { Type: 'AWS::SageMaker::EndpointConfig', Properties: { ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: { 'Fn::GetAtt': ['Model', 'ModelName'] }, InstanceType: 'ml.g5.12xlarge', InitialInstanceCount: 1 }] } },
          },
        },
        null,
        2,
      ),
    },
    {
      name: 'Terraform',
      format: 'terraform',
      code: 'resource "aws_sagemaker_model" "model" {\n  execution_role_arn = var.role\n  primary_container {\n    image       = var.image\n    environment = { SM_NUM_GPUS = "4" }\n  }\n}\nresource "aws_sagemaker_endpoint_configuration" "serve" {\n  production_variants {\n    variant_name           = "AllTraffic"\n    model_name             = aws_sagemaker_model.model.name\n    instance_type          = "ml.g5.12xlarge"\n    initial_instance_count = 1\n  }\n}\n',
    },
    {
      name: 'CDK TypeScript',
      format: 'cdk-typescript',
      code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nconst model = new sagemaker.CfnModel(this, 'Model', { executionRoleArn: role.roleArn, primaryContainer: { image, environment: { SM_NUM_GPUS: '4' } } });\nnew sagemaker.CfnEndpointConfig(this, 'Serve', { productionVariants: [{ variantName: 'AllTraffic', modelName: model.attrModelName, instanceType: 'ml.g5.12xlarge', initialInstanceCount: 1 }] });\n",
    },
    {
      name: 'CDK Python',
      format: 'cdk-python',
      code: 'from aws_cdk import aws_sagemaker as sm\nmodel = sm.CfnModel(self, "Model", execution_role_arn=role_arn, primary_container=sm.CfnModel.ContainerDefinitionProperty(image=image, environment={"SM_NUM_GPUS": "4"}))\nsm.CfnEndpointConfig(self, "Serve", production_variants=[sm.CfnEndpointConfig.ProductionVariantProperty(variant_name="AllTraffic", model_name=model.attr_model_name, instance_type="ml.g5.12xlarge", initial_instance_count=1)])\n',
    },
  ];
})();

const hostingRows: HostingRow[] = [
  { resource: 'an endpoint whose instance type the template does not resolve', written: unresolvedType, ruleIds: ['SML301', 'SML303'], says: /runs variant AllTraffic \(1 instance; instance type from / },
  { resource: 'a variant on managed instance scaling down to zero (it can sleep)', written: managedScaling(0), ruleIds: [], says: /./ },
  { resource: 'the same variant keeping one instance', written: managedScaling(1), ruleIds: ['SML301'], says: /keeps (?:variant AllTraffic on ml\.c7g\.large instances|its instances) running/ },
  // SML302 finds the same variant when its model does not shard (the four-GPU row of the table above).
  { resource: 'a four-GPU variant whose model shards across its GPUs (the model linked as each format links it)', written: shardedModel, ruleIds: ['SML304'], says: /ml\.inf2\.24xlarge/ },
  { resource: 'a variant of instance pools, x86 at priority 1', written: instancePools, ruleIds: ['SML301', 'SML304'], says: /ml\.m5\.xlarge/ },
  { resource: 'an endpoint whose fixed fleet no scalable target covers', written: endpointTemplates({}), ruleIds: ['SML302', 'SML303'], says: /runs variant AllTraffic \(ml\.inf2\.xlarge × 2\) at a fixed instance count/ },
  // SML302 and SML303 find this endpoint without managed scaling (the row above): here they stay silent in every format.
  { resource: 'the same endpoint with SageMaker-managed instance scaling', written: endpointTemplates({ managed: true }), ruleIds: [], says: /./ },
  { resource: 'data capture of every request', written: fullCapture, ruleIds: ['SML305'], says: /captures every request and response|records every request and response/ },
  {
    resource: 'an Elastic Inference accelerator on an endpoint variant',
    written: withAccelerator({ instanceType: 'ml.c6g.large', count: 1, accelerator: 'ml.eia2.medium' }),
    ruleIds: ['SML301', 'SML306'],
    says: /attaches the Elastic Inference accelerator ml\.eia2\.medium/,
  },
];

/** The hosting rules compared here: each row's findings of these rules must agree across formats. */
const hostingRules = new Set(['SML301', 'SML302', 'SML303', 'SML304', 'SML305', 'SML306']);

describe('one verdict per hosting resource, whatever the format', () => {
  for (const row of hostingRows) {
    describe(row.resource, () => {
      let all: Array<{ written: Written; findings: Finding[] }> = [];
      before(() => {
        all = row.written.map((w) => {
          const result = createTestLinter().lint(fileNames[w.format], w.code, { settings: resolveRuleSettings(allRules), format: w.format });
          assert.deepEqual(result.ruleErrors, [], `${w.name}: a rule threw`);
          assert.equal(result.skipped, undefined, `${w.name}: skipped`);
          assert.deepEqual(result.findings.filter((f) => f.ruleId === 'parse-error').map((f) => f.message), [], `${w.name}: parses`);
          return { written: w, findings: result.findings.filter((f) => hostingRules.has(f.ruleId)) };
        });
      });

      it('the same rule ids in every format', () => {
        for (const { written: w, findings } of all) {
          if (/managed/.test(row.resource)) assert.match(w.code, /managed_?instance_?scaling/i, `${w.name} writes managed instance scaling`);
          assert.deepEqual(findings.map((f) => f.ruleId).sort(), row.ruleIds, `${w.name}: ${findings.map((f) => `${f.ruleId} ${f.message}`).join(' | ')}`);
        }
      });

      it('the same account of the resource and the same figures in every format', () => {
        const [first, ...rest] = all;
        const key = (findings: Finding[]) => findings.map((f) => `${f.ruleId} ${f.effect ? JSON.stringify(savingsForEffect(f.effect, { region: 'us-east-1' })) : 'no effect'}`).sort();
        for (const { written: w, findings } of all) {
          if (row.ruleIds.length) assert.ok(findings.some((f) => row.says.test(f.message)), `${w.name}: ${findings.map((f) => f.message).join(' | ')}`);
          assert.ok(findings.every((f) => f.effect), `${w.name}: every finding says what its change does`);
        }
        for (const { written: w, findings } of rest) assert.deepEqual(key(findings), key(first.findings), `${w.name} against ${first.written.name}`);
      });
    });
  }
});
/** What this test compares, for `consistencyCoverage.test.ts` (a new table of rows joins it). */
export const compared: ComparedForm[] = comparedForms('endpoint variants', rows, (row) => ({
  resource: row.resource,
  forms: endpointVariantEverywhere(row.variant).map((w) => ({ format: w.format, ruleIds: row.expect.ruleIds })),
}));
compared.push(
  ...comparedForms('hosting resources', hostingRows, (row) => ({
    resource: row.resource,
    forms: row.written.map((w) => ({ format: w.format, ruleIds: row.ruleIds })),
  })),
);
