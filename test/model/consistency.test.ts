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
    }))
    .sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.figures.localeCompare(b.figures));
}

/** The alternative the instance-type hover offers for serving, if any. */
function hoverAlternative(instanceType: string): string | undefined {
  const hover = instanceHoverMarkdown(instanceType, {}) ?? '';
  return /Greener alternative for serving: \*\*[^:]+: (ml\.[a-z0-9-]+\.[a-z0-9]+) → (ml\.[a-z0-9-]+\.[a-z0-9]+)\*\*/.exec(hover)?.[2];
}

/** The rules that judge endpoint records and say what their change does (SML301 joins them when it does). */
const rulesWithEffects = new Set(['SML302', 'SML304']);

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

      it('the same figures in every format', () => {
        const [first, ...rest] = all;
        for (const { written: w, verdicts: v } of rest) assert.deepEqual(v.map((x) => x.figures), first.verdicts.map((x) => x.figures), `${w.name} against ${first.written.name}`);
        for (const v of first.verdicts.filter((x) => rulesWithEffects.has(x.ruleId))) assert.notEqual(v.figures, 'no effect', `${v.ruleId} says what its change does`);
      });
    });
  }
});

/** What this test compares, for `consistencyCoverage.test.ts` (a new table of rows joins it). */
export const compared: ComparedForm[] = comparedForms('endpoint variants', rows, (row) => ({
  resource: row.resource,
  forms: endpointVariantEverywhere(row.variant).map((w) => ({ format: w.format, ruleIds: row.expect.ruleIds })),
}));
