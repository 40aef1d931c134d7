import { s3NoLifecycle } from '../../src/rules/s3-no-lifecycle';
import { dedent } from '../kit/dedent';
import { onLogicalId, RuleTester } from '../kit/ruleTester';

const finding = (messageId: 'noLifecycle' | 'noStorageAction', name: string, line: number, column: number, quoted = false) => onLogicalId(messageId, name, line, column, quoted);

new RuleTester().run(s3NoLifecycle, {
  valid: [
    {
      name: 'Terraform module: the lifecycle configuration is in another .tf file of the folder',
      format: 'terraform',
      code: 'resource "aws_s3_bucket" "data" {\n  bucket = "churn-data"\n}\n',
      siblings: [{ fileName: 'lifecycle.tf', code: 'resource "aws_s3_bucket_lifecycle_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    id     = "expire"\n    status = "Enabled"\n    filter {}\n    expiration {\n      days = 30\n    }\n  }\n}\n' }],
    },
    {
      name: 'Terraform module: a configuration names the bucket through a local of a third file',
      format: 'terraform',
      code: 'resource "aws_s3_bucket" "data" {\n  bucket = "churn-data"\n}\n',
      siblings: [
        { fileName: 'locals.tf', code: 'locals {\n  data_bucket = "churn-data"\n}\n' },
        { fileName: 'lifecycle.tf', code: 'resource "aws_s3_bucket_lifecycle_configuration" "data" {\n  bucket = local.data_bucket\n}\n' },
      ],
    },
    {
      name: 'Terraform module: a sibling file with a syntax error may hide the configuration: silent',
      format: 'terraform',
      code: 'resource "aws_s3_bucket" "data" {\n  bucket = "churn-data"\n}\n',
      siblings: [{ fileName: 'lifecycle.tf', code: 'resource "aws_s3_bucket_lifecycle_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    status = \n}\n' }],
    },
    {
      name: 'CDK TypeScript: L2 bucket with a lifecycle rule that expires objects',
      format: 'cdk-typescript',
      code: "import * as s3 from 'aws-cdk-lib/aws-s3';\nimport { Duration } from 'aws-cdk-lib';\nnew s3.Bucket(this, 'Data', { lifecycleRules: [{ expiration: Duration.days(90) }] });\n",
    },
    {
      name: 'CDK TypeScript: addLifecycleRule on the bucket counts',
      format: 'cdk-typescript',
      code: dedent`
        import * as s3 from 'aws-cdk-lib/aws-s3';
        import { Duration } from 'aws-cdk-lib';
        const data = new s3.Bucket(this, 'Data');
        data.addLifecycleRule({ expiration: Duration.days(90) });
      `,
    },
    {
      name: 'CDK TypeScript: addLifecycleRule on a receiver the analysis cannot tie to a bucket: silent',
      format: 'cdk-typescript',
      code: "import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'Data');\nhelpers.bucket.addLifecycleRule({});\n",
    },
    {
      name: 'CDK TypeScript: lifecycle rules from a variable, props from a spread: silent',
      format: 'cdk-typescript',
      code: "import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'A', { lifecycleRules: rules });\nnew s3.Bucket(this, 'B', { ...common });\n",
    },
    {
      name: 'CDK TypeScript: L1 CfnBucket with a lifecycle configuration',
      format: 'cdk-typescript',
      code: "import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.CfnBucket(this, 'Data', { lifecycleConfiguration: { rules: [{ status: 'Enabled', expirationInDays: 30 }] } });\n",
    },
    {
      name: 'CDK Python: add_lifecycle_rule on the only bucket of the file',
      format: 'cdk-python',
      code: 'from aws_cdk import Duration, aws_s3 as s3\nself.data = s3.Bucket(self, "Data")\nself.data.add_lifecycle_rule(expiration=Duration.days(30))\n',
    },
    {
      name: 'CDK Python: a lifecycle rule struct with a transition',
      format: 'cdk-python',
      code: 'from aws_cdk import Duration, aws_s3 as s3\ns3.Bucket(self, "Data", lifecycle_rules=[s3.LifecycleRule(transitions=[s3.Transition(storage_class=s3.StorageClass.GLACIER, transition_after=Duration.days(30))])])\n',
    },
    {
      name: 'Terraform: a lifecycle configuration refers to the bucket by .bucket',
      format: 'terraform',
      code: 'resource "aws_s3_bucket" "b" {}\nresource "aws_s3_bucket_lifecycle_configuration" "c" {\n  bucket = aws_s3_bucket.b.bucket\n}\n',
    },
    {
      name: 'Terraform: a lifecycle configuration for an instance of a counted bucket',
      format: 'terraform',
      code: 'resource "aws_s3_bucket" "b" {\n  count = 2\n}\nresource "aws_s3_bucket_lifecycle_configuration" "c" {\n  count  = 2\n  bucket = aws_s3_bucket.b[count.index].id\n}\n',
    },
    {
      name: 'Terraform: inline dynamic lifecycle_rule',
      format: 'terraform',
      code: 'resource "aws_s3_bucket" "b" {\n  dynamic "lifecycle_rule" {\n    for_each = var.rules\n    content {}\n  }\n}\n',
    },
    {
      name: 'Terraform: a configuration for a bucket named by a module output may be this one',
      format: 'terraform',
      code: 'resource "aws_s3_bucket" "b" {}\nresource "aws_s3_bucket_lifecycle_configuration" "c" {\n  bucket = module.data.bucket_id\n}\n',
    },
    {
      name: 'an enabled rule with a transition to Intelligent-Tiering',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              LifecycleConfiguration:
                Rules:
                  - Id: tier
                    Status: Enabled
                    Transitions:
                      - StorageClass: INTELLIGENT_TIERING
                        TransitionInDays: 0
      `,
    },
    {
      name: 'an expiration rule whose Status comes from a parameter default',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          RuleStatus: { Type: String, Default: Enabled }
        Resources:
          Scratch:
            Type: AWS::S3::Bucket
            Properties:
              LifecycleConfiguration:
                Rules:
                  - { Id: expire, Status: !Ref RuleStatus, ExpirationInDays: 7 }
      `,
    },
    {
      name: 'Status from a parameter without a default: unknown, silent',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          RuleStatus: { Type: String }
        Resources:
          Scratch:
            Type: AWS::S3::Bucket
            Properties:
              LifecycleConfiguration:
                Rules:
                  - { Id: expire, Status: !Ref RuleStatus, ExpirationInDays: 7 }
      `,
    },
    {
      name: 'an enabled Intelligent-Tiering archive configuration counts',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Archive:
            Type: AWS::S3::Bucket
            Properties:
              IntelligentTieringConfigurations:
                - Id: archive
                  Status: Enabled
                  Tierings:
                    - { AccessTier: ARCHIVE_ACCESS, Days: 90 }
      `,
    },
    {
      name: 'other resource types and bucket policies are not buckets',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Policy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: my-bucket
              PolicyDocument: { Statement: [] }
      `,
    },
    {
      name: 'JSON with noncurrent version expiration',
      format: 'cfn-json',
      code: dedent`
        {
          "Resources": {
            "Models": {
              "Type": "AWS::S3::Bucket",
              "Properties": { "LifecycleConfiguration": { "Rules": [{ "Status": "Enabled", "NoncurrentVersionExpiration": { "NoncurrentDays": 30 } }] } }
            }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'LifecycleConfiguration behind Fn::If: an empty rule list on one branch, none on the other: fires (the first branch words it), no fix',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              LifecycleConfiguration: !If [IsProd, { Rules: [] }, !Ref AWS::NoValue]
      `,
      errors: [finding('noStorageAction', 'Data', 3, 3)],
      output: null,
    },
    {
      name: 'Properties behind Fn::If, neither branch with a lifecycle configuration: fires, no fix',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties: !If [IsProd, { BucketName: a }, { BucketName: b }]
      `,
      errors: [finding('noLifecycle', 'Data', 3, 3)],
      output: null,
    },
    {
      name: 'Terraform module: the sibling configuration is for another bucket; the fix picks a name unused in the module',
      format: 'terraform',
      code: 'resource "aws_s3_bucket" "data" {\n  bucket = "churn-data"\n}\n',
      siblings: [{ fileName: 'lifecycle.tf', code: 'resource "aws_s3_bucket" "logs" {}\nresource "aws_s3_bucket_lifecycle_configuration" "data" {\n  bucket = aws_s3_bucket.logs.id\n}\n' }],
      errors: [{ messageId: 'noLifecycle', data: { name: 'aws_s3_bucket.data' }, line: 1, column: 1, endLine: 1, endColumn: 34 }],
      output: dedent`
        resource "aws_s3_bucket" "data" {
          bucket = "churn-data"
        }

        resource "aws_s3_bucket_lifecycle_configuration" "data_2" {
          bucket = aws_s3_bucket.data.id

          rule {
            id     = "intelligent-tiering-and-noncurrent-expiry"
            status = "Enabled"

            filter {}

            transition {
              days          = 0
              storage_class = "INTELLIGENT_TIERING"
            }

            noncurrent_version_expiration {
              noncurrent_days = 30
            }
          }
        }
      `,
    },
    {
      name: 'CDK TypeScript: L2 bucket without lifecycle rules; the fix adds one with the names the file uses',
      format: 'cdk-typescript',
      code: dedent`
        import * as s3 from 'aws-cdk-lib/aws-s3';
        import { Duration, RemovalPolicy } from 'aws-cdk-lib';
        new s3.Bucket(this, 'TrainingData', {
          versioned: true,
          removalPolicy: RemovalPolicy.RETAIN,
        });
        Duration.days(1);
      `,
      errors: [{ messageId: 'noLifecycle', data: { name: 'TrainingData' }, line: 3, column: 21, endLine: 3, endColumn: 35 }],
      output: dedent`
        import * as s3 from 'aws-cdk-lib/aws-s3';
        import { Duration, RemovalPolicy } from 'aws-cdk-lib';
        new s3.Bucket(this, 'TrainingData', {
          versioned: true,
          removalPolicy: RemovalPolicy.RETAIN,
          lifecycleRules: [{ transitions: [{ storageClass: s3.StorageClass.INTELLIGENT_TIERING, transitionAfter: Duration.days(0) }], noncurrentVersionExpiration: Duration.days(30) }],
        });
        Duration.days(1);
      `,
    },
    {
      name: 'CDK TypeScript: without Duration in scope the finding has no fix',
      format: 'cdk-typescript',
      code: "import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'Data');\n",
      errors: [{ messageId: 'noLifecycle', data: { name: 'Data' }, line: 2, column: 21, endLine: 2, endColumn: 27 }],
      output: null,
    },
    {
      name: 'CDK TypeScript: rules that only abort uploads keep data forever',
      format: 'cdk-typescript',
      code: "import * as cdk from 'aws-cdk-lib';\nnew cdk.aws_s3.Bucket(this, 'Data', { lifecycleRules: [{ abortIncompleteMultipartUploadAfter: cdk.Duration.days(7) }, { expiration: cdk.Duration.days(1), enabled: false }] });\n",
      errors: [{ messageId: 'noStorageAction', data: { name: 'Data' }, line: 2, column: 29, endLine: 2, endColumn: 35 }],
      output: null,
    },
    {
      name: 'CDK TypeScript: L1 CfnBucket without a lifecycle configuration',
      format: 'cdk-typescript',
      code: "import { aws_s3 as s3 } from 'aws-cdk-lib';\nnew s3.CfnBucket(this, 'Raw', { bucketName: 'raw' });\n",
      errors: [{ messageId: 'noLifecycle', data: { name: 'Raw' }, line: 2, column: 24, endLine: 2, endColumn: 29 }],
      output: "import { aws_s3 as s3 } from 'aws-cdk-lib';\nnew s3.CfnBucket(this, 'Raw', { bucketName: 'raw', lifecycleConfiguration: { rules: [{ id: 'IntelligentTieringAndNoncurrentExpiry', status: 'Enabled', transitions: [{ storageClass: 'INTELLIGENT_TIERING', transitionInDays: 0 }], noncurrentVersionExpiration: { noncurrentDays: 30 } }] } });\n",
    },
    {
      name: 'CDK Python: L2 bucket without lifecycle rules; the keyword goes on its own line',
      format: 'cdk-python',
      code: dedent`
        from aws_cdk import Duration, aws_s3 as s3
        s3.Bucket(
            self,
            "TrainingData",
            versioned=True,
        )
        Duration.days(1)
      `,
      errors: [{ messageId: 'noLifecycle', data: { name: 'TrainingData' }, line: 4, column: 5, endLine: 4, endColumn: 19 }],
      output: dedent`
        from aws_cdk import Duration, aws_s3 as s3
        s3.Bucket(
            self,
            "TrainingData",
            versioned=True,
            lifecycle_rules=[s3.LifecycleRule(transitions=[s3.Transition(storage_class=s3.StorageClass.INTELLIGENT_TIERING, transition_after=Duration.days(0))], noncurrent_version_expiration=Duration.days(30))],
        )
        Duration.days(1)
      `,
    },
    {
      name: 'CDK Python: L1 CfnBucket',
      format: 'cdk-python',
      code: 'import aws_cdk.aws_s3 as s3\ns3.CfnBucket(self, "Raw")\n',
      errors: [{ messageId: 'noLifecycle', data: { name: 'Raw' }, line: 2, column: 20, endLine: 2, endColumn: 25 }],
      output:
        'import aws_cdk.aws_s3 as s3\ns3.CfnBucket(self, "Raw", lifecycle_configuration=s3.CfnBucket.LifecycleConfigurationProperty(rules=[s3.CfnBucket.RuleProperty(id="IntelligentTieringAndNoncurrentExpiry", status="Enabled", transitions=[s3.CfnBucket.TransitionProperty(storage_class="INTELLIGENT_TIERING", transition_in_days=0)], noncurrent_version_expiration=s3.CfnBucket.NoncurrentVersionExpirationProperty(noncurrent_days=30))]))\n',
    },
    {
      name: 'Terraform: a bucket with no lifecycle configuration; the fix adds one after it',
      format: 'terraform',
      code: dedent`
        resource "aws_s3_bucket" "data" {
          bucket = "churn-data"
        }
      `,
      errors: [{ messageId: 'noLifecycle', data: { name: 'aws_s3_bucket.data' }, line: 1, column: 1, endLine: 1, endColumn: 34 }],
      output: dedent`
        resource "aws_s3_bucket" "data" {
          bucket = "churn-data"
        }

        resource "aws_s3_bucket_lifecycle_configuration" "data" {
          bucket = aws_s3_bucket.data.id

          rule {
            id     = "intelligent-tiering-and-noncurrent-expiry"
            status = "Enabled"

            filter {}

            transition {
              days          = 0
              storage_class = "INTELLIGENT_TIERING"
            }

            noncurrent_version_expiration {
              noncurrent_days = 30
            }
          }
        }
      `,
    },
    {
      name: 'Terraform: the configuration of another bucket does not count',
      format: 'terraform',
      code: 'resource "aws_s3_bucket" "a" {\n    bucket = "a"\n}\nresource "aws_s3_bucket_lifecycle_configuration" "a" {\n    bucket = "other"\n}\n',
      errors: [{ messageId: 'noLifecycle', data: { name: 'aws_s3_bucket.a' }, line: 1, column: 1, endLine: 1, endColumn: 31 }],
      output:
        'resource "aws_s3_bucket" "a" {\n    bucket = "a"\n}\n\nresource "aws_s3_bucket_lifecycle_configuration" "a_2" {\n    bucket = aws_s3_bucket.a.id\n\n    rule {\n        id     = "intelligent-tiering-and-noncurrent-expiry"\n        status = "Enabled"\n\n        filter {}\n\n        transition {\n            days          = 0\n            storage_class = "INTELLIGENT_TIERING"\n        }\n\n        noncurrent_version_expiration {\n            noncurrent_days = 30\n        }\n    }\n}\nresource "aws_s3_bucket_lifecycle_configuration" "a" {\n    bucket = "other"\n}\n',
    },
    {
      name: 'Terraform: a counted bucket is reported without a fix',
      format: 'terraform',
      code: 'resource "aws_s3_bucket" "b" {\n  count = 2\n}\n',
      errors: [{ messageId: 'noLifecycle', data: { name: 'aws_s3_bucket.b' }, line: 1, column: 1, endLine: 1, endColumn: 31 }],
      output: null,
    },
    {
      name: 'block Properties: the rule is inserted first, in the same indentation',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          TrainingData:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: !Sub "\${AWS::StackName}-training-data"
              VersioningConfiguration:
                Status: Enabled
      `,
      errors: [finding('noLifecycle', 'TrainingData', 3, 3)],
      output: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          TrainingData:
            Type: AWS::S3::Bucket
            Properties:
              LifecycleConfiguration:
                Rules:
                  - Id: IntelligentTieringAndNoncurrentExpiry
                    Status: Enabled
                    Transitions:
                      - StorageClass: INTELLIGENT_TIERING
                        TransitionInDays: 0
                    NoncurrentVersionExpiration:
                      NoncurrentDays: 30
              BucketName: !Sub "\${AWS::StackName}-training-data"
              VersioningConfiguration:
                Status: Enabled
      `,
    },
    {
      name: 'no Properties, four-space indentation, options for the days',
      format: 'cfn-yaml',
      options: { transitionDays: 30, noncurrentDays: 7 },
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
            Artifacts:
                Type: AWS::S3::Bucket
            Next:
                Type: AWS::SNS::Topic
      `,
      errors: [finding('noLifecycle', 'Artifacts', 3, 5)],
      output: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
            Artifacts:
                Type: AWS::S3::Bucket
                Properties:
                    LifecycleConfiguration:
                        Rules:
                            - Id: IntelligentTieringAndNoncurrentExpiry
                              Status: Enabled
                              Transitions:
                                  - StorageClass: INTELLIGENT_TIERING
                                    TransitionInDays: 30
                              NoncurrentVersionExpiration:
                                  NoncurrentDays: 7
            Next:
                Type: AWS::SNS::Topic
      `,
    },
    {
      name: 'flow-style resource',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Logs: { Type: AWS::S3::Bucket, Properties: { BucketName: logs } }
      `,
      errors: [finding('noLifecycle', 'Logs', 3, 3)],
      output: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Logs: { Type: AWS::S3::Bucket, Properties: { LifecycleConfiguration: { Rules: [{ Id: IntelligentTieringAndNoncurrentExpiry, Status: Enabled, Transitions: [{ StorageClass: INTELLIGENT_TIERING, TransitionInDays: 0 }], NoncurrentVersionExpiration: { NoncurrentDays: 30 } }] }, BucketName: logs } }
      `,
    },
    {
      name: 'rules that only abort multipart uploads or are disabled: no storage action, no fix',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Uploads:
            Type: AWS::S3::Bucket
            Properties:
              LifecycleConfiguration:
                Rules:
                  - Id: multipart
                    Status: Enabled
                    AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 }
                  - Id: old
                    Status: Disabled
                    ExpirationInDays: 30
      `,
      errors: [finding('noStorageAction', 'Uploads', 3, 3)],
      output: null,
    },
    {
      name: 'a disabled Intelligent-Tiering configuration does not count',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Archive:
            Type: AWS::S3::Bucket
            Properties:
              IntelligentTieringConfigurations:
                - { Id: archive, Status: Disabled, Tierings: [{ AccessTier: ARCHIVE_ACCESS, Days: 90 }] }
      `,
      errors: [finding('noLifecycle', 'Archive', 3, 3)],
      output: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Archive:
            Type: AWS::S3::Bucket
            Properties:
              LifecycleConfiguration:
                Rules:
                  - Id: IntelligentTieringAndNoncurrentExpiry
                    Status: Enabled
                    Transitions:
                      - StorageClass: INTELLIGENT_TIERING
                        TransitionInDays: 0
                    NoncurrentVersionExpiration:
                      NoncurrentDays: 30
              IntelligentTieringConfigurations:
                - { Id: archive, Status: Disabled, Tierings: [{ AccessTier: ARCHIVE_ACCESS, Days: 90 }] }
      `,
    },
    {
      name: 'CRLF line endings are kept',
      format: 'cfn-yaml',
      code: 'AWSTemplateFormatVersion: "2010-09-09"\r\nResources:\r\n  B:\r\n    Type: AWS::S3::Bucket\r\n',
      errors: [finding('noLifecycle', 'B', 3, 3)],
      output:
        'AWSTemplateFormatVersion: "2010-09-09"\r\nResources:\r\n  B:\r\n    Type: AWS::S3::Bucket\r\n    Properties:\r\n      LifecycleConfiguration:\r\n        Rules:\r\n          - Id: IntelligentTieringAndNoncurrentExpiry\r\n            Status: Enabled\r\n            Transitions:\r\n              - StorageClass: INTELLIGENT_TIERING\r\n                TransitionInDays: 0\r\n            NoncurrentVersionExpiration:\r\n              NoncurrentDays: 30\r\n',
    },
    {
      name: 'JSON without Properties',
      format: 'cfn-json',
      code: dedent`
        {
          "Resources": {
            "Models": {
              "Type": "AWS::S3::Bucket"
            }
          }
        }
      `,
      errors: [finding('noLifecycle', 'Models', 3, 5, true)],
      output: dedent`
        {
          "Resources": {
            "Models": {
              "Type": "AWS::S3::Bucket",
              "Properties": {
                "LifecycleConfiguration": {
                  "Rules": [
                    {
                      "Id": "IntelligentTieringAndNoncurrentExpiry",
                      "Status": "Enabled",
                      "Transitions": [
                        {
                          "StorageClass": "INTELLIGENT_TIERING",
                          "TransitionInDays": 0
                        }
                      ],
                      "NoncurrentVersionExpiration": {
                        "NoncurrentDays": 30
                      }
                    }
                  ]
                }
              }
            }
          }
        }
      `,
    },
    {
      name: 'JSON Properties on one line',
      format: 'cfn-json',
      code: dedent`
        {
          "Resources": {
            "Models": { "Type": "AWS::S3::Bucket", "Properties": { "BucketName": "models" } }
          }
        }
      `,
      errors: [finding('noLifecycle', 'Models', 3, 5, true)],
      output: dedent`
        {
          "Resources": {
            "Models": { "Type": "AWS::S3::Bucket", "Properties": { "LifecycleConfiguration": { "Rules": [{ "Id": "IntelligentTieringAndNoncurrentExpiry", "Status": "Enabled", "Transitions": [{ "StorageClass": "INTELLIGENT_TIERING", "TransitionInDays": 0 }], "NoncurrentVersionExpiration": { "NoncurrentDays": 30 } }] }, "BucketName": "models" } }
          }
        }
      `,
    },
  ],
});
