import * as assert from 'node:assert/strict';
import { resolveRuleSettings } from '../../src/core/config';
import type { Format } from '../../src/core/types';
import { familyOf } from '../../src/core/types';
import { buildFootprint, footprintInputOf } from '../../src/present/footprint';
import { savingsForEffect } from '../../src/present/savings';
import { allRules } from '../../src/rules';
import { dedent } from '../kit/dedent';
import { createTestLinter } from '../kit/languages';
import { notebookJson } from '../kit/notebook';
import type { ComparedForm } from './consistencyRows';
import { comparedForms } from './consistencyRows';

/**
 * One verdict per resource, whatever the format: the same bucket, repository, log group, notebook
 * instance, Studio domain or region written in every format where the concept exists gets the
 * same rule ids, the same suggested types and regions, the same effect and the same figures (the
 * savings of the effect and the footprint report's). Only rules that cover every format of a row
 * are compared.
 */

interface Written {
  name: string;
  format: Format;
  code: string;
}

const fileNames: Record<Format, string> = {
  python: 'work.py',
  notebook: 'work.ipynb',
  'cfn-yaml': 'template.yaml',
  'cfn-json': 'template.json',
  terraform: 'main.tf',
  'cdk-typescript': 'stack.ts',
  'cdk-python': 'stack.py',
};

/** A template of one resource, in YAML and in JSON. */
function cloudFormation(logicalId: string, type: string, properties?: Record<string, unknown>): Written[] {
  const resource = properties ? { Type: type, Properties: properties } : { Type: type };
  const yamlProperties = properties ? ['    Properties:', ...Object.entries(properties).map(([k, v]) => `      ${k}: ${String(v)}`)] : [];
  const yaml = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:', `  ${logicalId}:`, `    Type: ${type}`, ...yamlProperties, ''].join('\n');
  return [
    { name: 'CloudFormation YAML', format: 'cfn-yaml', code: yaml },
    { name: 'CloudFormation JSON', format: 'cfn-json', code: JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { [logicalId]: resource } }, null, 2) },
  ];
}

const terraform = (code: string): Written => ({ name: 'Terraform', format: 'terraform', code });
const cdkTypeScript = (code: string): Written => ({ name: 'CDK TypeScript', format: 'cdk-typescript', code });
const cdkPython = (code: string): Written => ({ name: 'CDK Python', format: 'cdk-python', code });

const bucket: Written[] = [
  ...cloudFormation('Data', 'AWS::S3::Bucket'),
  terraform('resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\n'),
  cdkTypeScript("import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'Data');\n"),
  cdkPython('from aws_cdk import aws_s3 as s3\ns3.Bucket(self, "Data")\n'),
];

const repository: Written[] = [
  ...cloudFormation('Images', 'AWS::ECR::Repository'),
  terraform('resource "aws_ecr_repository" "images" {\n  name = "images"\n}\n'),
  cdkTypeScript("import * as ecr from 'aws-cdk-lib/aws-ecr';\nnew ecr.Repository(this, 'Images');\n"),
  cdkPython('from aws_cdk import aws_ecr as ecr\necr.Repository(self, "Images")\n'),
];

const logGroup: Written[] = [
  ...cloudFormation('Logs', 'AWS::Logs::LogGroup'),
  terraform('resource "aws_cloudwatch_log_group" "logs" {\n  name = "logs"\n}\n'),
  cdkTypeScript("import * as logs from 'aws-cdk-lib/aws-logs';\nnew logs.CfnLogGroup(this, 'Logs', {});\n"),
  cdkPython('from aws_cdk import aws_logs as logs\nlogs.CfnLogGroup(self, "Logs")\n'),
];

/** A retention written as "never expire" (CloudFormation has no such value: it leaves the property out). */
const logGroupNeverExpires: Written[] = [
  terraform('resource "aws_cloudwatch_log_group" "logs" {\n  name              = "logs"\n  retention_in_days = 0\n}\n'),
  cdkTypeScript("import * as logs from 'aws-cdk-lib/aws-logs';\nnew logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.INFINITE });\n"),
  cdkPython('from aws_cdk import aws_logs as logs\nlogs.LogGroup(self, "Logs", retention=logs.RetentionDays.INFINITE)\n'),
];

function notebookInstance(instanceType: string): Written[] {
  return [
    ...cloudFormation('Lab', 'AWS::SageMaker::NotebookInstance', { InstanceType: instanceType, RoleArn: 'arn:aws:iam::123456789012:role/lab' }),
    terraform(`resource "aws_sagemaker_notebook_instance" "lab" {\n  name          = "lab"\n  role_arn      = "arn:aws:iam::123456789012:role/lab"\n  instance_type = "${instanceType}"\n}\n`),
    cdkTypeScript(`import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnNotebookInstance(this, 'Lab', { instanceType: '${instanceType}', roleArn: 'arn:aws:iam::123456789012:role/lab' });\n`),
    cdkPython(`from aws_cdk import aws_sagemaker as sm\nsm.CfnNotebookInstance(self, "Lab", instance_type="${instanceType}", role_arn="arn:aws:iam::123456789012:role/lab")\n`),
  ];
}

const studioDomain: Written[] = [
  ...cloudFormation('Studio', 'AWS::SageMaker::Domain', { AuthMode: 'IAM', DomainName: 'studio' }),
  terraform('resource "aws_sagemaker_domain" "studio" {\n  domain_name = "studio"\n  auth_mode   = "IAM"\n}\n'),
  cdkTypeScript("import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnDomain(this, 'Studio', { authMode: 'IAM', domainName: 'studio' });\n"),
  cdkPython('from aws_cdk import aws_sagemaker as sm\nsm.CfnDomain(self, "Studio", auth_mode="IAM", domain_name="studio")\n'),
];

function region(code: string): Written[] {
  const boto3 = dedent`
    import boto3
    sm = boto3.client("sagemaker", region_name="${code}")
  `;
  return [
    terraform(`provider "aws" {\n  region = "${code}"\n}\n`),
    cdkTypeScript(`import * as cdk from 'aws-cdk-lib';\nconst app = new cdk.App();\nnew cdk.Stack(app, 'Ml', { env: { region: '${code}' } });\n`),
    cdkPython(`import aws_cdk as cdk\napp = cdk.App()\ncdk.Stack(app, "Ml", env=cdk.Environment(region="${code}"))\n`),
    { name: 'boto3', format: 'python', code: boto3 },
    { name: 'boto3 in a notebook', format: 'notebook', code: notebookJson([boto3]) },
  ];
}

/** What a reader of the finding is told: its rule, the types and regions it suggests, its effect and the figures of both views. */
interface Verdict {
  ruleId: string;
  suggested: string[];
  effect: string;
  savings: string;
  footprint: string;
}

const named = /\bml\.[a-z0-9-]+\.[a-z0-9]+\b|\b[a-z]{2}(?:-gov)?-[a-z]+-\d\b/g;

function verdicts(written: Written, own: string | undefined, ruleIds: ReadonlySet<string>): Verdict[] {
  const linter = createTestLinter();
  const fileName = fileNames[written.format];
  const result = linter.lint(fileName, written.code, { settings: resolveRuleSettings(allRules), format: written.format });
  assert.deepEqual(result.ruleErrors, [], `${written.name}: a rule threw`);
  assert.equal(result.skipped, undefined, `${written.name}: skipped`);
  const report = buildFootprint([footprintInputOf(linter, fileName, written.code, result)]);
  return result.findings
    .filter((f) => ruleIds.has(f.ruleId))
    .map((f) => {
      const row = report.findings.find((r) => r.ruleId === f.ruleId && r.message === f.message);
      const saving = row?.saving;
      return {
        ruleId: f.ruleId,
        suggested: [...new Set(f.message.match(named) ?? [])].filter((t) => t !== own).sort(),
        effect: JSON.stringify(f.effect ?? null),
        savings: f.effect ? JSON.stringify(savingsForEffect(f.effect, { region: 'us-east-1' })) : 'no effect',
        footprint: saving ? JSON.stringify({ description: saving.description, month: saving.month, bound: saving.bound }) : `no figure: ${row?.noFigure}`,
      };
    })
    .sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.effect.localeCompare(b.effect));
}

interface Row {
  resource: string;
  written: Written[];
  /** The resource's own instance type or region, not a suggestion. */
  own?: string;
  expect: { ruleIds: string[]; suggested?: Record<string, string[]>; priced?: string[] };
}

const rows: Row[] = [
  { resource: 'an S3 bucket with no lifecycle rules', written: bucket, expect: { ruleIds: ['SML101'] } },
  { resource: 'an ECR repository with no lifecycle policy', written: repository, expect: { ruleIds: ['SML102'] } },
  { resource: 'a log group with no retention', written: logGroup, expect: { ruleIds: ['SML401'] } },
  { resource: 'a log group whose retention never expires', written: logGroupNeverExpires, expect: { ruleIds: ['SML401'] } },
  {
    resource: 'a GPU notebook instance that nothing stops',
    written: notebookInstance('ml.g4dn.xlarge'),
    own: 'ml.g4dn.xlarge',
    expect: { ruleIds: ['SML402', 'SML403'], suggested: { SML403: [] }, priced: ['SML402', 'SML403'] },
  },
  {
    resource: 'a 16-vCPU notebook instance that nothing stops',
    written: notebookInstance('ml.m5.4xlarge'),
    own: 'ml.m5.4xlarge',
    expect: { ruleIds: ['SML402', 'SML403'], priced: ['SML402', 'SML403'] },
  },
  { resource: 'a small notebook instance that nothing stops', written: notebookInstance('ml.t3.medium'), own: 'ml.t3.medium', expect: { ruleIds: ['SML402'], priced: ['SML402'] } },
  { resource: 'a Studio domain without idle shutdown', written: studioDomain, expect: { ruleIds: ['SML402'] } },
  { resource: 'a high-carbon region with a lower-carbon one in its geography', written: region('ap-south-1'), own: 'ap-south-1', expect: { ruleIds: ['SML404'], suggested: { SML404: ['ap-southeast-6'] } } },
  { resource: 'a high-carbon region with none in its geography', written: region('me-south-1'), own: 'me-south-1', expect: { ruleIds: ['SML404'], suggested: { SML404: [] } } },
  { resource: 'a low-carbon region', written: region('eu-north-1'), own: 'eu-north-1', expect: { ruleIds: [] } },
];

describe('one verdict per resource, whatever the format: buckets, repositories, log groups, notebooks, Studio, regions', () => {
  for (const row of rows) {
    describe(row.resource, () => {
      const families = new Set(row.written.map((w) => familyOf(w.format)));
      const common = new Set(allRules.filter((r) => [...families].every((f) => r.meta.formats.includes(f))).map((r) => r.id));
      let all: Array<{ written: Written; verdicts: Verdict[] }> = [];
      before(() => {
        all = row.written.map((w) => ({ written: w, verdicts: verdicts(w, row.own, common) }));
      });

      it('the same rule ids in every format', () => {
        for (const { written: w, verdicts: v } of all) assert.deepEqual(v.map((x) => x.ruleId), row.expect.ruleIds, w.name);
      });

      it('the same suggestions and effects in every format', () => {
        const [first, ...rest] = all;
        const said = (v: Verdict[]) => v.map((x) => `${x.ruleId} ${x.suggested.join(' ')} ${x.effect}`);
        for (const { written: w, verdicts: v } of rest) assert.deepEqual(said(v), said(first.verdicts), `${w.name} against ${first.written.name}`);
        for (const [ruleId, suggested] of Object.entries(row.expect.suggested ?? {})) {
          assert.deepEqual(first.verdicts.find((v) => v.ruleId === ruleId)?.suggested, suggested, `${ruleId} suggests ${suggested.join(', ') || 'nothing'}`);
        }
        for (const v of first.verdicts) assert.notEqual(v.effect, 'null', `${v.ruleId} says what its change does`);
      });

      it('the same figures in every format, from the savings and the footprint report', () => {
        const [first, ...rest] = all;
        const figures = (v: Verdict[]) => v.map((x) => `${x.ruleId} ${x.savings} ${x.footprint}`);
        for (const { written: w, verdicts: v } of rest) assert.deepEqual(figures(v), figures(first.verdicts), `${w.name} against ${first.written.name}`);
        for (const ruleId of row.expect.priced ?? []) {
          for (const { written: w, verdicts: v } of all) {
            const footprint = v.find((x) => x.ruleId === ruleId)?.footprint ?? 'no finding';
            assert.ok(!footprint.startsWith('no '), `${w.name}: the footprint report prices ${ruleId} (${footprint})`);
          }
        }
      });
    });
  }
});

/** What this test compares, for `consistencyCoverage.test.ts` (a new table of rows joins it). */
export const compared: ComparedForm[] = comparedForms('resources', rows, (row) => ({
  resource: row.resource,
  forms: row.written.map((w) => ({ format: w.format, ruleIds: row.expect.ruleIds })),
}));
