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
      name: 'LifecycleConfiguration behind Fn::If: silent',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              LifecycleConfiguration: !If [IsProd, { Rules: [] }, !Ref AWS::NoValue]
      `,
    },
    {
      name: 'Properties behind Fn::If: silent',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties: !If [IsProd, { BucketName: a }, { BucketName: b }]
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
