import { ecrNoLifecycle } from '../../src/rules/ecr-no-lifecycle';
import { dedent } from '../kit/dedent';
import { onLogicalId, RuleTester } from '../kit/ruleTester';

const noLifecycle = (name: string, line: number, column: number, quoted = false) => onLogicalId('noLifecycle', name, line, column, quoted);

const compactPolicy = (keep: number) =>
  `{"rules":[{"rulePriority":1,"description":"Keep the last ${keep} images","selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":${keep}},"action":{"type":"expire"}}]}`;

new RuleTester().run(ecrNoLifecycle, {
  valid: [
    {
      name: 'Terraform module: the lifecycle policy is in another .tf file of the folder',
      format: 'terraform',
      code: 'resource "aws_ecr_repository" "images" {\n  name = "images"\n}\n',
      siblings: [{ fileName: 'ecr-policy.tf', code: 'resource "aws_ecr_lifecycle_policy" "images" {\n  repository = aws_ecr_repository.images.name\n  policy     = file("policy.json")\n}\n' }],
    },
    {
      name: 'Terraform module: a sibling policy names the repository by a literal',
      format: 'terraform',
      code: 'resource "aws_ecr_repository" "images" {\n  name = "images"\n}\n',
      siblings: [{ fileName: 'ecr-policy.tf', code: 'resource "aws_ecr_lifecycle_policy" "p" {\n  repository = "images"\n}\n' }],
    },
    {
      name: 'CDK TypeScript: L2 repository with lifecycle rules',
      format: 'cdk-typescript',
      code: "import * as ecr from 'aws-cdk-lib/aws-ecr';\nnew ecr.Repository(this, 'Images', { lifecycleRules: [{ maxImageCount: 5 }] });\n",
    },
    {
      name: 'CDK TypeScript: addLifecycleRule on the repository',
      format: 'cdk-typescript',
      code: "import * as ecr from 'aws-cdk-lib/aws-ecr';\nthis.repo = new ecr.Repository(this, 'Images');\nthis.repo.addLifecycleRule({ maxImageCount: 5 });\n",
    },
    {
      name: 'CDK TypeScript: L1 CfnRepository with a lifecycle policy',
      format: 'cdk-typescript',
      code: "import * as ecr from 'aws-cdk-lib/aws-ecr';\nnew ecr.CfnRepository(this, 'Images', { lifecyclePolicy: { lifecyclePolicyText: policy } });\n",
    },
    {
      name: 'CDK Python: L2 repository with lifecycle rules',
      format: 'cdk-python',
      code: 'from aws_cdk import aws_ecr as ecr\necr.Repository(self, "Images", lifecycle_rules=[ecr.LifecycleRule(max_image_count=5)])\n',
    },
    {
      name: 'Terraform: a lifecycle policy refers to the repository',
      format: 'terraform',
      code: 'resource "aws_ecr_repository" "r" {\n  name = "r"\n}\nresource "aws_ecr_lifecycle_policy" "p" {\n  repository = aws_ecr_repository.r.name\n  policy     = file("policy.json")\n}\n',
    },
    {
      name: 'Terraform: a lifecycle policy names the repository',
      format: 'terraform',
      code: 'resource "aws_ecr_repository" "r" {\n  name = "images"\n}\nresource "aws_ecr_lifecycle_policy" "p" {\n  repository = "images"\n}\n',
    },
    {
      name: 'a lifecycle policy as a literal block',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          InferenceImages:
            Type: AWS::ECR::Repository
            Properties:
              LifecyclePolicy:
                LifecyclePolicyText: |
                  {"rules": [{"rulePriority": 1, "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 14}, "action": {"type": "expire"}}]}
      `,
    },
    {
      name: 'policy text from a parameter (any value counts)',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          Policy: { Type: String }
        Resources:
          Images:
            Type: AWS::ECR::Repository
            Properties:
              LifecyclePolicy: { LifecyclePolicyText: !Ref Policy }
      `,
    },
    {
      name: 'LifecyclePolicy behind Fn::If: silent',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Images:
            Type: AWS::ECR::Repository
            Properties:
              LifecyclePolicy: !If [IsProd, { LifecyclePolicyText: "{}" }, !Ref AWS::NoValue]
      `,
    },
    {
      name: 'public repositories and registry settings are not private repositories',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Public:
            Type: AWS::ECR::PublicRepository
          Scanning:
            Type: AWS::ECR::RegistryScanningConfiguration
            Properties: { ScanType: BASIC, Rules: [] }
      `,
    },
    {
      name: 'JSON with a policy',
      format: 'cfn-json',
      code: dedent`
        {
          "Resources": {
            "Images": { "Type": "AWS::ECR::Repository", "Properties": { "LifecyclePolicy": { "LifecyclePolicyText": "{\\"rules\\": []}" } } }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'Terraform module: the sibling policy is for another repository',
      format: 'terraform',
      code: 'resource "aws_ecr_repository" "images" {\n  name = "images"\n  count = 2\n}\n',
      siblings: [{ fileName: 'ecr-policy.tf', code: 'resource "aws_ecr_lifecycle_policy" "p" {\n  repository = "base-images"\n}\n' }],
      errors: [{ messageId: 'noLifecycle', data: { name: 'aws_ecr_repository.images' }, line: 1, column: 1, endLine: 1, endColumn: 41 }],
      output: null,
    },
    {
      name: 'CDK TypeScript: L2 repository without lifecycle rules',
      format: 'cdk-typescript',
      code: "import * as ecr from 'aws-cdk-lib/aws-ecr';\nnew ecr.Repository(this, 'Images', { imageScanOnPush: true });\n",
      errors: [{ messageId: 'noLifecycle', data: { name: 'Images' }, line: 2, column: 26, endLine: 2, endColumn: 34 }],
      output: "import * as ecr from 'aws-cdk-lib/aws-ecr';\nnew ecr.Repository(this, 'Images', { imageScanOnPush: true, lifecycleRules: [{ maxImageCount: 10 }] });\n",
    },
    {
      name: 'CDK TypeScript: an empty list of rules keeps every image',
      format: 'cdk-typescript',
      code: "import * as ecr from 'aws-cdk-lib/aws-ecr';\nnew ecr.Repository(this, 'Images', { lifecycleRules: [] });\n",
      errors: [{ messageId: 'noLifecycle', data: { name: 'Images' }, line: 2, column: 26, endLine: 2, endColumn: 34 }],
      output: null,
    },
    {
      name: 'CDK TypeScript: L1 CfnRepository without a lifecycle policy',
      format: 'cdk-typescript',
      options: { keepImages: 3 },
      code: "import * as ecr from 'aws-cdk-lib/aws-ecr';\nnew ecr.CfnRepository(this, 'Images');\n",
      errors: [{ messageId: 'noLifecycle', data: { name: 'Images' }, line: 2, column: 29, endLine: 2, endColumn: 37 }],
      output:
        'import * as ecr from \'aws-cdk-lib/aws-ecr\';\nnew ecr.CfnRepository(this, \'Images\', { lifecyclePolicy: { lifecyclePolicyText: \'{"rules":[{"rulePriority":1,"description":"Keep the last 3 images","selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":3},"action":{"type":"expire"}}]}\' } });\n',
    },
    {
      name: 'CDK Python: L2 repository without lifecycle rules',
      format: 'cdk-python',
      code: 'from aws_cdk import aws_ecr as ecr\necr.Repository(self, "Images")\n',
      errors: [{ messageId: 'noLifecycle', data: { name: 'Images' }, line: 2, column: 22, endLine: 2, endColumn: 30 }],
      output: 'from aws_cdk import aws_ecr as ecr\necr.Repository(self, "Images", lifecycle_rules=[ecr.LifecycleRule(max_image_count=10)])\n',
    },
    {
      name: 'Terraform: a repository without a lifecycle policy; the fix adds one',
      format: 'terraform',
      code: 'resource "aws_ecr_repository" "images" {\n  name = "images"\n}\n',
      options: { keepImages: 5 },
      errors: [{ messageId: 'noLifecycle', data: { name: 'aws_ecr_repository.images' }, line: 1, column: 1, endLine: 1, endColumn: 41 }],
      output: dedent`
        resource "aws_ecr_repository" "images" {
          name = "images"
        }

        resource "aws_ecr_lifecycle_policy" "images" {
          repository = aws_ecr_repository.images.name

          policy = jsonencode({
            rules = [{
              rulePriority = 1
              description  = "Keep the last 5 images"
              selection = {
                tagStatus   = "any"
                countType   = "imageCountMoreThan"
                countNumber = 5
              }
              action = { type = "expire" }
            }]
          })
        }
      `,
    },
    {
      name: 'block Properties: the policy goes first, as a literal block of JSON',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          TrainingImages:
            Type: AWS::ECR::Repository
            Properties:
              RepositoryName: fraud/training
              ImageScanningConfiguration:
                ScanOnPush: true
      `,
      errors: [noLifecycle('TrainingImages', 3, 3)],
      output: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          TrainingImages:
            Type: AWS::ECR::Repository
            Properties:
              LifecyclePolicy:
                LifecyclePolicyText: |
                  {
                    "rules": [
                      {
                        "rulePriority": 1,
                        "description": "Keep the last 10 images",
                        "selection": { "tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": 10 },
                        "action": { "type": "expire" }
                      }
                    ]
                  }
              RepositoryName: fraud/training
              ImageScanningConfiguration:
                ScanOnPush: true
      `,
    },
    {
      name: 'no Properties; keepImages option',
      format: 'cfn-yaml',
      options: { keepImages: 3 },
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Images:
            Type: AWS::ECR::Repository
      `,
      errors: [noLifecycle('Images', 3, 3)],
      output: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Images:
            Type: AWS::ECR::Repository
            Properties:
              LifecyclePolicy:
                LifecyclePolicyText: |
                  {
                    "rules": [
                      {
                        "rulePriority": 1,
                        "description": "Keep the last 3 images",
                        "selection": { "tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": 3 },
                        "action": { "type": "expire" }
                      }
                    ]
                  }
      `,
    },
    {
      name: 'LifecyclePolicy with only a RegistryId: the text is added inside it',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Images:
            Type: AWS::ECR::Repository
            Properties:
              LifecyclePolicy: { RegistryId: !Ref AWS::AccountId }
      `,
      errors: [noLifecycle('Images', 3, 3)],
      output: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Images:
            Type: AWS::ECR::Repository
            Properties:
              LifecyclePolicy: { LifecyclePolicyText: '${compactPolicy(10)}', RegistryId: !Ref AWS::AccountId }
      `,
    },
    {
      name: 'JSON without Properties: the policy is a JSON string',
      format: 'cfn-json',
      code: dedent`
        {
          "Resources": {
            "Images": {
              "Type": "AWS::ECR::Repository"
            }
          }
        }
      `,
      errors: [noLifecycle('Images', 3, 5, true)],
      output: dedent`
        {
          "Resources": {
            "Images": {
              "Type": "AWS::ECR::Repository",
              "Properties": {
                "LifecyclePolicy": {
                  "LifecyclePolicyText": ${JSON.stringify(compactPolicy(10))}
                }
              }
            }
          }
        }
      `,
    },
  ],
});
