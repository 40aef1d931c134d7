import { logGroupNoRetention } from '../../src/rules/log-group-no-retention';
import { dedent } from '../kit/dedent';
import { onLogicalId, RuleTester } from '../kit/ruleTester';

/** The finding on a logical ID; JSON keys are underlined with their quotes. */
const noRetention = (name: string, line: number, column: number, quoted = false) => onLogicalId('noRetention', name, line, column, quoted);

new RuleTester().run(logGroupNoRetention, {
  valid: [
    {
      name: 'CDK TypeScript: retentionInDays set on the L1 after it was made',
      format: 'cdk-typescript',
      code: "import * as logs from 'aws-cdk-lib/aws-logs';\nconst group = new logs.CfnLogGroup(this, 'Logs');\ngroup.retentionInDays = 30;\n",
    },
    {
      name: 'CDK TypeScript: L2 LogGroup without retention keeps logs two years (the CDK default): silent',
      format: 'cdk-typescript',
      code: "import * as logs from 'aws-cdk-lib/aws-logs';\nnew logs.LogGroup(this, 'Logs', { logGroupName: '/aws/sagemaker/TrainingJobs' });\n",
    },
    {
      name: 'CDK TypeScript: L2 LogGroup with a finite retention',
      format: 'cdk-typescript',
      code: "import { aws_logs as logs } from 'aws-cdk-lib';\nnew logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_WEEK });\n",
    },
    {
      name: 'CDK TypeScript: L1 CfnLogGroup with retentionInDays from a parameter',
      format: 'cdk-typescript',
      code: "import * as logs from 'aws-cdk-lib/aws-logs';\nnew logs.CfnLogGroup(this, 'Logs', { retentionInDays: props.days });\n",
    },
    {
      name: 'CDK TypeScript: L1 props from a variable or a spread cannot be read: silent',
      format: 'cdk-typescript',
      code: "import * as logs from 'aws-cdk-lib/aws-logs';\nnew logs.CfnLogGroup(this, 'A', props);\nnew logs.CfnLogGroup(this, 'B', { ...shared });\n",
    },
    {
      name: 'CDK TypeScript: retention INFINITE from an unrelated class is not ours',
      format: 'cdk-typescript',
      code: "import * as cdk from 'aws-cdk-lib';\nimport * as other from './logs';\nnew other.LogGroup(this, 'Logs', { retention: other.RetentionDays.INFINITE });\n",
    },
    {
      name: 'CDK Python: L2 LogGroup without retention: silent',
      format: 'cdk-python',
      code: 'from aws_cdk import aws_logs as logs\nlogs.LogGroup(self, "Logs", log_group_name="/aws/sagemaker/Endpoints")\n',
    },
    {
      name: 'CDK Python: L1 CfnLogGroup with retention_in_days',
      format: 'cdk-python',
      code: 'import aws_cdk.aws_logs as logs\nlogs.CfnLogGroup(self, "Logs", retention_in_days=14)\n',
    },
    { name: 'Terraform: retention set', format: 'terraform', code: 'resource "aws_cloudwatch_log_group" "l" {\n  retention_in_days = 7\n}\n' },
    { name: 'Terraform: retention from a variable', format: 'terraform', code: 'resource "aws_cloudwatch_log_group" "l" {\n  retention_in_days = var.days\n}\n' },
    { name: 'Terraform: another resource type', format: 'terraform', code: 'resource "aws_s3_bucket_policy" "l" {\n  policy = "logs:CreateLogGroup"\n}\n' },
    {
      name: 'retention set as a number',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Logs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 14
      `,
    },
    {
      name: 'retention from a parameter (any value counts)',
      format: 'cfn-yaml',
      code: dedent`
        Parameters:
          Days: { Type: Number }
        Resources:
          Logs:
            Type: AWS::Logs::LogGroup
            Properties:
              LogGroupName: !Sub "/aws/sagemaker/\${AWS::StackName}"
              RetentionInDays: !Ref Days
      `,
    },
    {
      name: 'Properties behind !If cannot be resolved: silent',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Logs:
            Type: AWS::Logs::LogGroup
            Properties: !If [IsProd, { RetentionInDays: 365 }, !Ref AWS::NoValue]
      `,
    },
    {
      name: 'Properties as a long-form Fn::If: silent',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Logs:
            Type: AWS::Logs::LogGroup
            Properties:
              Fn::If: [IsProd, { RetentionInDays: 365 }, { RetentionInDays: 7 }]
      `,
    },
    {
      name: 'other resource types are not log groups',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
          Policy:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: logs:CreateLogGroup
                    Resource: "arn:aws:logs:*:*:log-group:AWS::Logs::LogGroup"
      `,
    },
    {
      name: 'SAM template with retention',
      format: 'cfn-yaml',
      code: dedent`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          FunctionLogs:
            Type: "AWS::Logs::LogGroup"
            Properties:
              RetentionInDays: 7
      `,
    },
    {
      name: 'JSON with retention',
      format: 'cfn-json',
      code: dedent`
        {
          "Resources": {
            "Logs": { "Type": "AWS::Logs::LogGroup", "Properties": { "RetentionInDays": 30 } }
          }
        }
      `,
    },
    {
      name: 'JSON Properties behind Fn::If: silent',
      format: 'cfn-json',
      code: dedent`
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Resources": {
            "Logs": { "Type": "AWS::Logs::LogGroup", "Properties": { "Fn::If": ["IsProd", { "RetentionInDays": 30 }, {}] } }
          }
        }
      `,
    },
    {
      name: 'maxRetentionDays: no maximum by default, ten years is accepted',
      format: 'terraform',
      code: 'resource "aws_cloudwatch_log_group" "l" {\n  retention_in_days = 3653\n}\n',
    },
    {
      name: 'maxRetentionDays: a retention at the maximum is accepted (CloudFormation)',
      format: 'cfn-yaml',
      options: { maxRetentionDays: 365 },
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Logs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 365
      `,
    },
    {
      name: 'maxRetentionDays: a parameter without a default is unknown: silent',
      format: 'cfn-yaml',
      options: { maxRetentionDays: 30 },
      code: dedent`
        Parameters:
          Days: { Type: Number }
        Resources:
          Logs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: !Ref Days
      `,
    },
    {
      name: 'maxRetentionDays: Terraform var.* is unknown: silent',
      format: 'terraform',
      options: { maxRetentionDays: 30 },
      code: 'resource "aws_cloudwatch_log_group" "l" {\n  retention_in_days = var.days\n}\n',
    },
    {
      name: 'maxRetentionDays: CDK L2 member within the maximum, and the L2 default (two years) is not a written retention',
      format: 'cdk-typescript',
      options: { maxRetentionDays: 90 },
      code: "import * as logs from 'aws-cdk-lib/aws-logs';\nnew logs.LogGroup(this, 'A', { retention: logs.RetentionDays.THREE_MONTHS });\nnew logs.LogGroup(this, 'B');\n",
    },
    {
      name: 'maxRetentionDays: CDK L1 retention from a prop of the stack is unknown: silent',
      format: 'cdk-python',
      options: { maxRetentionDays: 30 },
      code: 'import aws_cdk.aws_logs as logs\nlogs.CfnLogGroup(self, "Logs", retention_in_days=props.days)\n',
    },
  ],
  invalid: [
    {
      name: 'maxRetentionDays: CloudFormation YAML retention above the maximum is lowered to retentionDays (unsafe)',
      format: 'cfn-yaml',
      options: { maxRetentionDays: 365, retentionDays: 90 },
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Logs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 3653
      `,
      errors: [{ messageId: 'retentionAboveMaximum', data: { name: 'Logs', days: '3653', max: '365' }, line: 6, column: 7, endLine: 6, endColumn: 28 }],
      output: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Logs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 90
      `,
    },
    {
      name: 'maxRetentionDays: the fix never sets more than the maximum, even when retentionDays is longer',
      format: 'cfn-json',
      options: { maxRetentionDays: 14 },
      code: '{\n  "Resources": {\n    "Logs": { "Type": "AWS::Logs::LogGroup", "Properties": { "RetentionInDays": "60" } }\n  }\n}\n',
      errors: [{ messageId: 'retentionAboveMaximum', data: { name: 'Logs', days: '60', max: '14' }, line: 3, column: 62, endLine: 3, endColumn: 85 }],
      output: '{\n  "Resources": {\n    "Logs": { "Type": "AWS::Logs::LogGroup", "Properties": { "RetentionInDays": 14 } }\n  }\n}\n',
    },
    {
      name: 'maxRetentionDays: a missing retention gets the maximum when retentionDays is longer',
      format: 'cfn-yaml',
      options: { maxRetentionDays: 14 },
      code: 'Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n',
      errors: [noRetention('Logs', 2, 3)],
      output: 'Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 14\n',
    },
    {
      name: 'maxRetentionDays: a parameter default above the maximum is flagged, without a fix (the default is not the resource)',
      format: 'cfn-yaml',
      options: { maxRetentionDays: 365 },
      code: dedent`
        Parameters:
          Days: { Type: Number, Default: 731 }
        Resources:
          Logs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: !Ref Days
      `,
      errors: [{ messageId: 'retentionAboveMaximum', data: { name: 'Logs', days: '731', max: '365' }, line: 7, column: 7, endLine: 7, endColumn: 33 }],
      output: null,
    },
    {
      name: 'maxRetentionDays: Terraform literal above the maximum',
      format: 'terraform',
      options: { maxRetentionDays: 365 },
      code: 'resource "aws_cloudwatch_log_group" "l" {\n  retention_in_days = 1827\n}\n',
      errors: [{ messageId: 'retentionAboveMaximum', data: { name: 'aws_cloudwatch_log_group.l', days: '1827', max: '365' }, line: 2, column: 3, endLine: 2, endColumn: 27 }],
      output: 'resource "aws_cloudwatch_log_group" "l" {\n  retention_in_days = 30\n}\n',
    },
    {
      name: 'maxRetentionDays: Terraform local above the maximum is flagged without a fix',
      format: 'terraform',
      options: { maxRetentionDays: 365 },
      code: 'locals {\n  days = 3653\n}\nresource "aws_cloudwatch_log_group" "l" {\n  retention_in_days = local.days\n}\n',
      errors: [{ messageId: 'retentionAboveMaximum', data: { name: 'aws_cloudwatch_log_group.l', days: '3653', max: '365' }, line: 5, column: 3, endLine: 5, endColumn: 33 }],
      output: null,
    },
    {
      name: 'maxRetentionDays: CDK TypeScript L2 RetentionDays.TEN_YEARS maps to 3653 days',
      format: 'cdk-typescript',
      options: { maxRetentionDays: 365 },
      code: "import * as logs from 'aws-cdk-lib/aws-logs';\nnew logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.TEN_YEARS });\n",
      errors: [{ messageId: 'retentionAboveMaximum', data: { name: 'Logs', days: '3653', max: '365' }, line: 2, column: 35, endLine: 2, endColumn: 74 }],
      output: "import * as logs from 'aws-cdk-lib/aws-logs';\nnew logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_MONTH });\n",
    },
    {
      name: 'maxRetentionDays: CDK TypeScript L1 retentionInDays above the maximum',
      format: 'cdk-typescript',
      options: { maxRetentionDays: 90, retentionDays: 60 },
      code: "import * as logs from 'aws-cdk-lib/aws-logs';\nnew logs.CfnLogGroup(this, 'Logs', { retentionInDays: 400 });\n",
      errors: [{ messageId: 'retentionAboveMaximum', data: { name: 'Logs', days: '400', max: '90' }, line: 2, column: 38, endLine: 2, endColumn: 58 }],
      output: "import * as logs from 'aws-cdk-lib/aws-logs';\nnew logs.CfnLogGroup(this, 'Logs', { retentionInDays: 60 });\n",
    },
    {
      name: 'maxRetentionDays: CDK Python L2 and L1 above the maximum',
      format: 'cdk-python',
      options: { maxRetentionDays: 180 },
      code: 'from aws_cdk import aws_logs as logs\nlogs.LogGroup(self, "A", retention=logs.RetentionDays.FIVE_YEARS)\nlogs.CfnLogGroup(self, "B", retention_in_days=365)\n',
      errors: [
        { messageId: 'retentionAboveMaximum', data: { name: 'A', days: '1827', max: '180' }, line: 2, column: 26, endLine: 2, endColumn: 65 },
        { messageId: 'retentionAboveMaximum', data: { name: 'B', days: '365', max: '180' }, line: 3, column: 29, endLine: 3, endColumn: 50 },
      ],
      output: 'from aws_cdk import aws_logs as logs\nlogs.LogGroup(self, "A", retention=logs.RetentionDays.ONE_MONTH)\nlogs.CfnLogGroup(self, "B", retention_in_days=30)\n',
    },

    {
      name: 'CDK TypeScript: L1 CfnLogGroup without retentionInDays; the fix adds it on its own line with a trailing comma',
      format: 'cdk-typescript',
      code: dedent`
        import * as logs from 'aws-cdk-lib/aws-logs';
        new logs.CfnLogGroup(this, 'TrainingLogs', {
          logGroupName: '/aws/sagemaker/TrainingJobs',
        });
      `,
      errors: [{ messageId: 'noRetentionCdk', data: { name: 'TrainingLogs', property: 'retentionInDays' }, line: 2, column: 28, endLine: 2, endColumn: 42 }],
      output: dedent`
        import * as logs from 'aws-cdk-lib/aws-logs';
        new logs.CfnLogGroup(this, 'TrainingLogs', {
          logGroupName: '/aws/sagemaker/TrainingJobs',
          retentionInDays: 30,
        });
      `,
    },
    {
      name: 'CDK TypeScript: L1 without props gets a props argument',
      format: 'cdk-typescript',
      code: "import { aws_logs } from 'aws-cdk-lib';\nnew aws_logs.CfnLogGroup(this, \"Logs\");\n",
      errors: [{ messageId: 'noRetentionCdk', data: { name: 'Logs', property: 'retentionInDays' }, line: 2, column: 32, endLine: 2, endColumn: 38 }],
      output: "import { aws_logs } from 'aws-cdk-lib';\nnew aws_logs.CfnLogGroup(this, \"Logs\", { retentionInDays: 30 });\n",
    },
    {
      name: 'CDK TypeScript: L1 with empty props, inline',
      format: 'cdk-typescript',
      options: { retentionDays: 90 },
      code: "import * as logs from 'aws-cdk-lib/aws-logs';\nnew logs.CfnLogGroup(this, 'Logs', {});\n",
      errors: [{ messageId: 'noRetentionCdk', data: { name: 'Logs', property: 'retentionInDays' }, line: 2, column: 28, endLine: 2, endColumn: 34 }],
      output: "import * as logs from 'aws-cdk-lib/aws-logs';\nnew logs.CfnLogGroup(this, 'Logs', { retentionInDays: 90 });\n",
    },
    {
      name: 'CDK TypeScript: L2 LogGroup with RetentionDays.INFINITE; the fix picks the member for the option',
      format: 'cdk-typescript',
      code: dedent`
        import * as cdk from 'aws-cdk-lib';
        new cdk.aws_logs.LogGroup(this, 'EndpointLogs', {
            retention: cdk.aws_logs.RetentionDays.INFINITE
        });
      `,
      errors: [{ messageId: 'infiniteRetention', data: { name: 'EndpointLogs' }, line: 3, column: 5, endLine: 3, endColumn: 51 }],
      output: dedent`
        import * as cdk from 'aws-cdk-lib';
        new cdk.aws_logs.LogGroup(this, 'EndpointLogs', {
            retention: cdk.aws_logs.RetentionDays.ONE_MONTH
        });
      `,
    },
    {
      name: 'CDK TypeScript: RetentionDays imported by name',
      format: 'cdk-typescript',
      options: { retentionDays: 365 },
      code: "import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';\nnew LogGroup(this, 'Logs', { retention: RetentionDays.INFINITE });\n",
      errors: [{ messageId: 'infiniteRetention', data: { name: 'Logs' }, line: 2, column: 30, endLine: 2, endColumn: 63 }],
      output: "import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';\nnew LogGroup(this, 'Logs', { retention: RetentionDays.ONE_YEAR });\n",
    },
    {
      name: 'CDK Python: L1 CfnLogGroup without retention_in_days; the keyword follows the call layout',
      format: 'cdk-python',
      code: dedent`
        from aws_cdk import aws_logs as logs
        logs.CfnLogGroup(
            self,
            "TrainingLogs",
            log_group_name="/aws/sagemaker/TrainingJobs"
        )
      `,
      errors: [{ messageId: 'noRetentionCdk', data: { name: 'TrainingLogs', property: 'retention_in_days' }, line: 4, column: 5, endLine: 4, endColumn: 19 }],
      output: dedent`
        from aws_cdk import aws_logs as logs
        logs.CfnLogGroup(
            self,
            "TrainingLogs",
            log_group_name="/aws/sagemaker/TrainingJobs",
            retention_in_days=30
        )
      `,
    },
    {
      name: 'CDK Python: L2 LogGroup with RetentionDays.INFINITE',
      format: 'cdk-python',
      code: 'from aws_cdk import aws_logs as logs\nlogs.LogGroup(self, "Logs", retention=logs.RetentionDays.INFINITE)\n',
      errors: [{ messageId: 'infiniteRetention', data: { name: 'Logs' }, line: 2, column: 29, endLine: 2, endColumn: 66 }],
      output: 'from aws_cdk import aws_logs as logs\nlogs.LogGroup(self, "Logs", retention=logs.RetentionDays.ONE_MONTH)\n',
    },
    {
      name: 'Terraform: no retention; the fix inserts it with the block indentation',
      format: 'terraform',
      code: dedent`
        resource "aws_cloudwatch_log_group" "training" {
            name = "/aws/sagemaker/TrainingJobs"
        }
      `,
      errors: [{ messageId: 'noRetentionTf', data: { name: 'aws_cloudwatch_log_group.training' }, line: 1, column: 1, endLine: 1, endColumn: 49 }],
      output: dedent`
        resource "aws_cloudwatch_log_group" "training" {
            retention_in_days = 30
            name = "/aws/sagemaker/TrainingJobs"
        }
      `,
    },
    {
      name: 'Terraform: an empty one-line block is opened',
      format: 'terraform',
      code: 'resource "aws_cloudwatch_log_group" "l" {}\n',
      errors: [{ messageId: 'noRetentionTf', data: { name: 'aws_cloudwatch_log_group.l' }, line: 1, column: 1, endLine: 1, endColumn: 42 }],
      output: 'resource "aws_cloudwatch_log_group" "l" {\n  retention_in_days = 30\n}\n',
    },
    {
      name: 'Terraform: retention 0 means never expire; the fix replaces the value',
      format: 'terraform',
      code: 'resource "aws_cloudwatch_log_group" "l" {\n  retention_in_days = 0\n}\n',
      options: { retentionDays: 90 },
      errors: [{ messageId: 'zeroRetention', data: { name: 'aws_cloudwatch_log_group.l' }, line: 2, column: 3, endLine: 2, endColumn: 24 }],
      output: 'resource "aws_cloudwatch_log_group" "l" {\n  retention_in_days = 90\n}\n',
    },
    {
      name: 'block Properties without retention: inserted with the same indentation',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          TrainingLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              LogGroupName: !Sub /aws/sagemaker/TrainingJobs/\${AWS::StackName}
              KmsKeyId: !GetAtt Key.Arn
      `,
      errors: [noRetention('TrainingLogs', 3, 3)],
      output: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          TrainingLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 30
              LogGroupName: !Sub /aws/sagemaker/TrainingJobs/\${AWS::StackName}
              KmsKeyId: !GetAtt Key.Arn
      `,
    },
    {
      name: 'no Properties, four-space indentation, trailing comment kept',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
            EndpointLogs:
                Type: AWS::Logs::LogGroup  # created before the endpoint
            Next:
                Type: AWS::S3::Bucket
      `,
      errors: [noRetention('EndpointLogs', 3, 5)],
      output: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
            EndpointLogs:
                Type: AWS::Logs::LogGroup  # created before the endpoint
                Properties:
                    RetentionInDays: 30
            Next:
                Type: AWS::S3::Bucket
      `,
    },
    {
      name: 'flow-style resource',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Logs: { Type: AWS::Logs::LogGroup }
      `,
      errors: [noRetention('Logs', 3, 3)],
      output: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Logs: { Properties: { RetentionInDays: 30 }, Type: AWS::Logs::LogGroup }
      `,
    },
    {
      name: 'flow-style Properties',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Logs:
            Type: AWS::Logs::LogGroup
            Properties: { LogGroupName: jobs }
      `,
      errors: [noRetention('Logs', 3, 3)],
      output: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Logs:
            Type: AWS::Logs::LogGroup
            Properties: { RetentionInDays: 30, LogGroupName: jobs }
      `,
    },
    {
      name: 'empty Properties',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Logs:
            Type: AWS::Logs::LogGroup
            Properties:
      `,
      errors: [noRetention('Logs', 3, 3)],
      output: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Logs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 30
      `,
    },
    {
      name: 'the retention the fix inserts is an option',
      format: 'cfn-yaml',
      options: { retentionDays: 90 },
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Logs:
            Type: 'AWS::Logs::LogGroup'
            Properties:
              LogGroupName: jobs
      `,
      errors: [noRetention('Logs', 3, 3)],
      output: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Logs:
            Type: 'AWS::Logs::LogGroup'
            Properties:
              RetentionInDays: 90
              LogGroupName: jobs
      `,
    },
    {
      name: 'two log groups, two findings, both fixed',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          A:
            Type: AWS::Logs::LogGroup
          B:
            Type: AWS::Logs::LogGroup
            Properties:
              LogGroupName: b
      `,
      errors: [noRetention('A', 3, 3), noRetention('B', 5, 3)],
      output: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          A:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 30
          B:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 30
              LogGroupName: b
      `,
    },
    {
      name: 'CRLF line endings are kept',
      format: 'cfn-yaml',
      code: 'AWSTemplateFormatVersion: "2010-09-09"\r\nResources:\r\n  Logs:\r\n    Type: AWS::Logs::LogGroup\r\n',
      errors: [noRetention('Logs', 3, 3)],
      output: 'AWSTemplateFormatVersion: "2010-09-09"\r\nResources:\r\n  Logs:\r\n    Type: AWS::Logs::LogGroup\r\n    Properties:\r\n      RetentionInDays: 30\r\n',
    },
    {
      name: 'JSON without Properties',
      format: 'cfn-json',
      code: dedent`
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Resources": {
            "EndpointLogs": {
              "Type": "AWS::Logs::LogGroup"
            }
          }
        }
      `,
      errors: [noRetention('EndpointLogs', 4, 5, true)],
      output: dedent`
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Resources": {
            "EndpointLogs": {
              "Type": "AWS::Logs::LogGroup",
              "Properties": {
                "RetentionInDays": 30
              }
            }
          }
        }
      `,
    },
    {
      name: 'JSON Properties without retention',
      format: 'cfn-json',
      code: dedent`
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Resources": {
            "Logs": {
              "Type": "AWS::Logs::LogGroup",
              "Properties": {
                "LogGroupName": { "Fn::Sub": "/aws/sagemaker/\${AWS::StackName}" }
              }
            }
          }
        }
      `,
      errors: [noRetention('Logs', 4, 5, true)],
      output: dedent`
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Resources": {
            "Logs": {
              "Type": "AWS::Logs::LogGroup",
              "Properties": {
                "RetentionInDays": 30,
                "LogGroupName": { "Fn::Sub": "/aws/sagemaker/\${AWS::StackName}" }
              }
            }
          }
        }
      `,
    },
    {
      name: 'JSON empty Properties on one line',
      format: 'cfn-json',
      code: dedent`
        {
          "Resources": {
            "Logs": { "Type": "AWS::Logs::LogGroup", "Properties": {} }
          }
        }
      `,
      errors: [noRetention('Logs', 3, 5, true)],
      output: dedent`
        {
          "Resources": {
            "Logs": { "Type": "AWS::Logs::LogGroup", "Properties": { "RetentionInDays": 30 } }
          }
        }
      `,
    },
  ],
});
