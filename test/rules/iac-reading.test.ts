import * as assert from 'node:assert/strict';
import { resolveRuleSettings } from '../../src/core/config';
import { Linter } from '../../src/core/engine';
import { estimateFigures } from '../../src/linter';
import { ecrNoLifecycle } from '../../src/rules/ecr-no-lifecycle';
import { logGroupNoRetention } from '../../src/rules/log-group-no-retention';
import { notebookNoAutoStop } from '../../src/rules/notebook-no-auto-stop';
import { notebookOversizedInstance } from '../../src/rules/notebook-oversized-instance';
import { s3NoLifecycle } from '../../src/rules/s3-no-lifecycle';
import { dedent } from '../kit/dedent';
import { testLanguages } from '../kit/languages';
import { onLogicalId, RuleTester } from '../kit/ruleTester';

/*
 * How templates and CDK apps are read, whatever the rule: CloudFormation conditions (`Fn::If`) read
 * per branch (a finding fires when it fires on every branch), duplicate keys read as CloudFormation
 * reads them, and each way a CDK app imports a module.
 */

new RuleTester().run(logGroupNoRetention, {
  valid: [
    {
      name: 'Fn::If: a retention on one branch of the whole properties, none on the other (prod keeps, dev expires): silent',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Conditions:
          IsProd: !Equals [!Ref Stage, prod]
        Resources:
          Logs:
            Type: AWS::Logs::LogGroup
            Properties: !If [IsProd, { LogGroupName: /ml/prod }, { LogGroupName: /ml/dev, RetentionInDays: 7 }]
      `,
    },
    {
      name: 'Fn::If nested three deep: the innermost branch sets a retention: silent',
      format: 'cfn-yaml',
      options: { maxRetentionDays: 365 },
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Logs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: !If [IsProd, 3653, !If [IsStaging, 1827, !If [IsTest, 30, 3653]]]
      `,
    },
    {
      name: 'JSON Fn::If: one branch within the maximum: silent',
      format: 'cfn-json',
      options: { maxRetentionDays: 365 },
      code: '{"Resources": {"Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": {"Fn::If": ["IsProd", 3653, 30]}}}}}\n',
    },
  ],
  invalid: [
    {
      name: 'Fn::If: no retention on either branch of the whole properties: fires on the logical id, no fix (it would change one branch)',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Logs:
            Type: AWS::Logs::LogGroup
            Properties: !If [IsProd, { LogGroupName: /ml/prod }, { LogGroupName: /ml/dev }]
      `,
      errors: [onLogicalId('noRetention', 'Logs', 3, 3)],
      output: null,
    },
    {
      name: 'Fn::If inside a value, every branch above the maximum, nested: fires on the key and the whole condition, with the first branch\'s days',
      format: 'cfn-yaml',
      options: { maxRetentionDays: 365 },
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Logs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: !If [IsProd, 3653, !If [IsStaging, 1827, 731]]
      `,
      errors: [{ messageId: 'retentionAboveMaximum', data: { name: 'Logs', days: '3653', max: '365' }, line: 6, column: 7, endLine: 6, endColumn: 70 }],
      output: null,
    },
    {
      name: 'JSON long-form Fn::If on the whole properties, AWS::NoValue on one branch: fires',
      format: 'cfn-json',
      code: '{"Resources": {"Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"Fn::If": ["IsProd", {"LogGroupName": "/ml/prod"}, {"Ref": "AWS::NoValue"}]}}}}\n',
      errors: [onLogicalId('noRetention', 'Logs', 1, 16, true)],
      output: null,
    },
    {
      name: 'the same condition twice in one resource picks the same side: never both retentions unset, but both sides fire here',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Logs:
            Type: AWS::Logs::LogGroup
            Properties:
              LogGroupName: !If [IsProd, /ml/prod, /ml/dev]
              KmsKeyId: !If [IsProd, !Ref Key, !Ref AWS::NoValue]
      `,
      errors: [{ ...onLogicalId('noRetention', 'Logs', 3, 3) }],
      output: null,
    },
  ],
});

new RuleTester().run(notebookOversizedInstance, {
  valid: [
    {
      name: 'Fn::If: a GPU type in prod, a small CPU type in dev: silent',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Notebook:
            Type: AWS::SageMaker::NotebookInstance
            Properties:
              InstanceType: !If [IsProd, ml.p3.2xlarge, ml.t3.medium]
              RoleArn: !GetAtt Role.Arn
      `,
    },
  ],
  invalid: [
    {
      name: 'Fn::If: a GPU type on both branches: fires with the first branch\'s type',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Notebook:
            Type: AWS::SageMaker::NotebookInstance
            Properties:
              InstanceType: !If [IsProd, ml.p3.2xlarge, ml.g4dn.xlarge]
              RoleArn: !GetAtt Role.Arn
      `,
      errors: [{ messageId: 'gpu', data: { name: 'Notebook', instanceType: 'ml.p3.2xlarge', accelerators: '1 × V100' }, line: 6, column: 7, endLine: 6, endColumn: 19 }],
      output: null,
    },
  ],
});

new RuleTester().run(ecrNoLifecycle, {
  valid: [],
  invalid: [
    {
      name: 'JSON Fn::If on the whole properties, no policy on either branch: fires',
      format: 'cfn-json',
      code: '{"Resources": {"Images": {"Type": "AWS::ECR::Repository", "Properties": {"Fn::If": ["Scan", {"ImageScanningConfiguration": {"ScanOnPush": true}}, {}]}}}}\n',
      errors: [onLogicalId('noLifecycle', 'Images', 1, 16, true)],
      output: null,
    },
  ],
});

const cdkBucket = (imports: string, construct: string) => ({ format: 'cdk-typescript' as const, code: `${imports}\nnew ${construct}(this, 'Data');\n` });
const bucketFinding = (column: number) => ({ messageId: 'noLifecycle', data: { name: 'Data' }, line: 2, column, endLine: 2, endColumn: column + 6 });

new RuleTester().run(s3NoLifecycle, {
  valid: [
    {
      name: 'Fn::If: a lifecycle configuration in prod only: silent',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              LifecycleConfiguration: !If [IsProd, { Rules: [{ Status: Enabled, ExpirationInDays: 30 }] }, !Ref AWS::NoValue]
      `,
    },
    { name: 'CDK TypeScript import-equals of another package: not the CDK', ...cdkBucket("import { Stack } from 'aws-cdk-lib';\nimport s3 = require('my-lib/aws-s3');", 's3.Bucket') },
  ],
  invalid: [
    {
      name: 'one condition steers two keys of a rule: each side leaves it ineffective (an expiry disabled, or enabled without one); reading each !If on its own would invent an effective mix',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              LifecycleConfiguration:
                Rules:
                  - Id: expire
                    ExpirationInDays: !If [Archive, 30, !Ref AWS::NoValue]
                    Status: !If [Archive, Disabled, Enabled]
      `,
      errors: [onLogicalId('noStorageAction', 'Data', 3, 3)],
      output: null,
    },
    { name: 'CDK TypeScript import-equals (import s3 = require(...))', ...cdkBucket("import s3 = require('aws-cdk-lib/aws-s3');", 's3.Bucket'), errors: [bucketFinding(21)], output: null },
    {
      name: 'CDK TypeScript import-equals of the root module; the fix spells Duration through it',
      ...cdkBucket("import cdk = require('aws-cdk-lib');", 'cdk.aws_s3.Bucket'),
      errors: [bucketFinding(29)],
      output: "import cdk = require('aws-cdk-lib');\nnew cdk.aws_s3.Bucket(this, 'Data', { lifecycleRules: [{ transitions: [{ storageClass: cdk.aws_s3.StorageClass.INTELLIGENT_TIERING, transitionAfter: cdk.Duration.days(0) }], noncurrentVersionExpiration: cdk.Duration.days(30) }] });\n",
    },
    { name: 'CDK v1 import-equals (@aws-cdk/aws-s3)', ...cdkBucket("import s3 = require('@aws-cdk/aws-s3');", 's3.Bucket'), errors: [bucketFinding(21)], output: null },
    { name: 'CDK TypeScript destructured require', ...cdkBucket("const { Bucket: B } = require('aws-cdk-lib/aws-s3');", 'B'), errors: [bucketFinding(13)], output: null },
    {
      name: 'CDK TypeScript default and namespace import',
      ...cdkBucket("import cdk, * as lib from 'aws-cdk-lib';", 'lib.aws_s3.Bucket'),
      errors: [bucketFinding(29)],
      output: "import cdk, * as lib from 'aws-cdk-lib';\nnew lib.aws_s3.Bucket(this, 'Data', { lifecycleRules: [{ transitions: [{ storageClass: lib.aws_s3.StorageClass.INTELLIGENT_TIERING, transitionAfter: lib.Duration.days(0) }], noncurrentVersionExpiration: lib.Duration.days(30) }] });\n",
    },
    { name: 'CDK TypeScript default and named import', ...cdkBucket("import cdk, { aws_s3 as s3 } from 'aws-cdk-lib';", 's3.Bucket'), errors: [bucketFinding(21)], output: null },
    {
      name: 'CDK Python: aws_s3 imported in a parenthesised list with others',
      format: 'cdk-python',
      code: 'from aws_cdk import (\n    Stack,\n    aws_s3 as s3,\n)\ns3.Bucket(self, "Data")\n',
      errors: [{ messageId: 'noLifecycle', data: { name: 'Data' }, line: 5, column: 17, endLine: 5, endColumn: 23 }],
      output: null,
    },
    {
      name: 'CDK Python: import aws_cdk.aws_s3 as s3',
      format: 'cdk-python',
      code: 'import aws_cdk.aws_s3 as s3\ns3.Bucket(self, "Data")\n',
      errors: [{ messageId: 'noLifecycle', data: { name: 'Data' }, line: 2, column: 17, endLine: 2, endColumn: 23 }],
      output: null,
    },
  ],
});

new RuleTester().run(notebookNoAutoStop, {
  valid: [
  ],
  invalid: [
    {
      name: 'whole properties as a block-sequence !If (tag on its own line), no idle shutdown on either side: fires',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Studio:
            Type: AWS::SageMaker::Domain
            Properties:
              !If
              - IsShared
              - DomainName: shared
                DefaultUserSettings: { ExecutionRole: !GetAtt Role.Arn }
              - DomainName: private
      `,
      errors: [onLogicalId('noIdleShutdown', 'Studio', 3, 3)],
      output: null,
    },
  ],
});

describe('duplicate keys in a template', () => {
  const rules = [s3NoLifecycle, logGroupNoRetention, notebookNoAutoStop];
  const lint = (fileName: string, text: string) => {
    const linter = new Linter({ rules, languages: testLanguages, figures: estimateFigures });
    return linter.lint(fileName, text, { settings: resolveRuleSettings(rules) }).findings.map((f) => [f.ruleId, f.severity, f.line, f.column]);
  };

  it('YAML: one warning at the first repeated key, and every resource is still linted with the later value', () => {
    const text = dedent`
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        Data:
          Type: AWS::S3::Bucket
        Logs:
          Type: AWS::Logs::LogGroup
          Properties:
            RetentionInDays: 30
          Properties:
            LogGroupName: /ml/jobs
        Notebook:
          Type: AWS::SageMaker::NotebookInstance
          Properties: { InstanceType: ml.t3.medium, InstanceType: ml.t3.large }
    `;
    assert.deepEqual(lint('template.yaml', text), [
      ['SML101', 'warning', 3, 3],
      ['SML401', 'warning', 5, 3],
      ['parse-error', 'warning', 9, 5],
      ['SML402', 'warning', 11, 3],
    ]);
  });

  it('a bucket whose BucketName is written twice, the first one empty: one warning, and the bucket is still judged', () => {
    const text = dedent`
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        GlueOutput:
          Type: AWS::S3::Bucket
          Properties:
            BucketName:
            BucketName: !Sub \${Prefix}-glue-output
            PublicAccessBlockConfiguration: { BlockPublicAcls: true }
    `;
    assert.deepEqual(lint('template.yaml', text), [
      ['SML101', 'warning', 3, 3],
      ['parse-error', 'warning', 7, 7],
    ]);
  });

  it('JSON: the later resource of a repeated logical id is the one linted', () => {
    const text = '{"Resources": {\n  "Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 7}},\n  "Logs": {"Type": "AWS::Logs::LogGroup"}\n}}\n';
    assert.deepEqual(lint('template.json', text), [
      ['parse-error', 'warning', 3, 3],
      ['SML401', 'warning', 3, 3],
    ]);
  });
});
