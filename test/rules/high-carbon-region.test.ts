import { highCarbonRegion } from '../../src/rules/high-carbon-region';
import { dedent } from '../kit/dedent';
import { notebookJson } from '../kit/notebook';
import { RuleTester } from '../kit/ruleTester';

const provider = (region: string) => dedent`
  provider "aws" {
    region = ${region}
  }
`;

const at = (length: number) => ({ line: 2, column: 3, endLine: 2, endColumn: 3 + length });

const mumbai = { region: 'ap-south-1', name: 'Asia Pacific (Mumbai)', intensity: 708, threshold: 400, alternatives: 'ap-southeast-6 (113)' };
const mumbaiCdk = (stack: string) => ({
  stack,
  region: 'ap-south-1',
  name: 'Asia Pacific (Mumbai)',
  intensity: 708,
  threshold: 400,
  alternatives: 'ap-southeast-6 (Asia Pacific (New Zealand), ≈ 113)',
});
const atPython = (line: number, column: number, length: number) => ({ line, column, endLine: line, endColumn: column + length });

new RuleTester().run(highCarbonRegion, {
  valid: [
    {
      name: 'Terraform module: the provider of providers.tf is reported there once, not in every file of the module',
      format: 'terraform',
      code: 'resource "aws_s3_bucket" "b" {}\n',
      siblings: [{ fileName: 'providers.tf', code: provider('"ap-south-1"') }],
    },
    { name: 'low-carbon region', format: 'terraform', code: provider('"eu-north-1"') },
    { name: 'region from a variable', format: 'terraform', code: provider('var.region') },
    { name: 'unknown region code', format: 'terraform', code: provider('"xx-nowhere-1"') },
    { name: 'another provider', format: 'terraform', code: 'provider "google" {\n  region = "asia-south1"\n}\n' },
    { name: 'state backend region', format: 'terraform', code: 'terraform {\n  backend "s3" {\n    region = "ap-south-1"\n  }\n}\n' },
    { name: 'below a raised threshold', format: 'terraform', code: provider('"ap-south-1"'), options: { maxGco2ePerKwh: 800 } },
    { name: 'commented out', format: 'terraform', code: '# provider "aws" { region = "ap-south-1" }\n' },
    {
      name: 'low-carbon and default regions; a commented-out region',
      format: 'python',
      code: dedent`
        import boto3
        a = boto3.Session(region_name="eu-north-1")
        b = boto3.client("sagemaker", region_name="us-east-1")
        # c = boto3.Session(region_name="ap-south-1")
      `,
    },
    {
      name: 'image-URI lookups, region-to-account dicts, unresolved and unknown regions do not count',
      format: 'python',
      code: dedent`
        import os
        import boto3
        import sagemaker
        image = sagemaker.image_uris.retrieve("xgboost", region="ap-south-1", version="1.7-1")
        ACCOUNTS = {"ap-south-1": "720646828776", "af-south-1": "510948584623"}
        s = boto3.Session(region_name=os.environ["AWS_REGION"])
        t = boto3.Session(region_name="mars-north-1")
      `,
    },
    {
      name: 'a threshold above the region',
      format: 'python',
      options: { maxGco2ePerKwh: 750 },
      code: dedent`
        import boto3
        s = boto3.Session(region_name="ap-south-1")
      `,
    },
    {
      name: 'CDK TypeScript: the region from the CLI environment, a low-carbon region, a stack without env',
      format: 'cdk-typescript',
      code: dedent`
        import * as cdk from 'aws-cdk-lib';
        const app = new cdk.App();
        new cdk.Stack(app, 'A', { env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION } });
        new cdk.Stack(app, 'B', { env: { region: 'eu-north-1' } });
        new cdk.Stack(app, 'C');
        new cdk.Stack(app, 'D', { env: { account: '123456789012' } });
      `,
    },
    {
      name: 'CDK TypeScript: a region-looking string in other props, another CDK class, a lower-case factory',
      format: 'cdk-typescript',
      code: dedent`
        import * as cdk from 'aws-cdk-lib';
        import * as s3 from 'aws-cdk-lib/aws-s3';
        new cdk.CfnOutput(this, 'Region', { value: 'ap-south-1' });
        new s3.Bucket(this, 'Data', { bucketName: 'data-ap-south-1' });
        new cdk.aws_sagemaker.CfnModel(this, 'M', { env: { region: 'ap-south-1' } } as any);
      `,
    },
    {
      name: 'CDK Python: the region from the environment, or no region',
      format: 'cdk-python',
      code: dedent`
        import os
        import aws_cdk as cdk
        from stacks.ml_stack import MlStack
        app = cdk.App()
        MlStack(app, "A", env=cdk.Environment(account=os.getenv("CDK_DEFAULT_ACCOUNT"), region=os.getenv("CDK_DEFAULT_REGION")))
        MlStack(app, "B", env=cdk.Environment(account="123456789012"))
        MlStack(app, "C", env={"region": "eu-north-1"})
      `,
    },
  ],
  invalid: [
    {
      name: 'CDK TypeScript: Stack imported by name, cdk.Stack, a subclass declared in the file and one imported from the app',
      format: 'cdk-typescript',
      code: dedent`
        import { App, Stack } from 'aws-cdk-lib';
        import * as cdk from 'aws-cdk-lib';
        import { TrainingStack } from '../lib/training-stack';
        class MlStack extends cdk.Stack {}
        const app = new App();
        new Stack(app, 'Plain', { env: { region: 'ap-south-1' } });
        new cdk.Stack(app, 'Qualified', { env: { region: "ap-south-1" } });
        new MlStack(app, 'Ml', { env: { account: '123456789012', region: 'ap-south-1' } });
        new TrainingStack(app, 'Training', {
          env: {
            region: 'ap-south-1',
          },
        });
      `,
      errors: [
        { messageId: 'highCarbonCdk', data: mumbaiCdk('Plain'), line: 6, column: 34, endLine: 6, endColumn: 54 },
        { messageId: 'highCarbonCdk', data: mumbaiCdk('Qualified'), line: 7, column: 42, endLine: 7, endColumn: 62 },
        { messageId: 'highCarbonCdk', data: mumbaiCdk('Ml'), line: 8, column: 58, endLine: 8, endColumn: 78 },
        { messageId: 'highCarbonCdk', data: mumbaiCdk('Training'), line: 11, column: 5, endLine: 11, endColumn: 25 },
      ],
      output: null,
    },
    {
      name: 'CDK TypeScript: the env from a constant (the finding sits where the region is written); a raised threshold still flags Ireland below it',
      format: 'cdk-typescript',
      options: { maxGco2ePerKwh: 250 },
      code: dedent`
        import * as cdk from 'aws-cdk-lib';
        const env = { account: '123456789012', region: 'eu-west-1' };
        new cdk.Stage(app, 'Prod', { env });
      `,
      errors: [
        {
          messageId: 'highCarbonCdk',
          data: { stack: 'Prod', region: 'eu-west-1', name: 'Europe (Ireland)', intensity: 279, threshold: 250, alternatives: 'eu-north-1 (Europe (Stockholm), ≈ 9), eu-central-2 (Europe (Zurich), ≈ 35), eu-west-3 (Europe (Paris), ≈ 51)' },
          line: 2,
          column: 40,
          endLine: 2,
          endColumn: 59,
        },
      ],
      output: null,
    },
    {
      name: 'CDK Python: cdk.Environment and a dict env on a stack class of the app and on cdk.Stack',
      format: 'cdk-python',
      code: dedent`
        import aws_cdk as cdk
        from aws_cdk import Environment
        from stacks.ml_stack import MlStack
        app = cdk.App()
        MlStack(app, "Ml", env=cdk.Environment(account="123456789012", region="ap-south-1"))
        MlStack(app, "Dict", env={"region": "ap-south-1"})
        cdk.Stack(app, "Plain", env=Environment(region="ap-south-1"))
      `,
      errors: [
        { messageId: 'highCarbonCdk', data: mumbaiCdk('Ml'), line: 5, column: 64, endLine: 5, endColumn: 83 },
        { messageId: 'highCarbonCdk', data: mumbaiCdk('Dict'), line: 6, column: 27, endLine: 6, endColumn: 49 },
        { messageId: 'highCarbonCdk', data: mumbaiCdk('Plain'), line: 7, column: 41, endLine: 7, endColumn: 60 },
      ],
      output: null,
    },

    {
      name: 'Terraform module: the region is a local declared in another .tf file of the folder',
      format: 'terraform',
      code: provider('local.region'),
      siblings: [{ fileName: 'locals.tf', code: 'locals {\n  region = "ap-south-1"\n}\n' }],
      errors: [{ messageId: 'highCarbon', data: { region: 'ap-south-1', name: 'Asia Pacific (Mumbai)', intensity: 708, threshold: 400, alternatives: 'ap-southeast-6 (Asia Pacific (New Zealand), ≈ 113)' }, ...at('region = local.region'.length) }],
      output: null,
    },
    {
      name: 'high-carbon region, lower-carbon ones of the same geography listed',
      format: 'terraform',
      code: provider('"ap-south-1"'),
      errors: [
        {
          messageId: 'highCarbon',
          data: {
            region: 'ap-south-1',
            name: 'Asia Pacific (Mumbai)',
            intensity: 708,
            threshold: 400,
            alternatives: 'ap-southeast-6 (Asia Pacific (New Zealand), ≈ 113)',
          },
          ...at('region = "ap-south-1"'.length),
        },
      ],
      output: null,
    },
    {
      name: 'region from a local',
      format: 'terraform',
      code: dedent`
        locals {
          region = "us-east-2"
        }
        provider "aws" {
          alias  = "training"
          region = local.region
        }
      `,
      errors: [
        {
          messageId: 'highCarbon',
          data: { region: 'us-east-2', name: 'US East (Ohio)', intensity: 411, threshold: 400, alternatives: 'ca-central-1 (Canada (Central), ≈ 120), ca-west-1 (Canada West (Calgary), ≈ 170), us-west-1 (US West (N. California), ≈ 322)' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 24,
        },
      ],
      output: null,
    },
    {
      name: 'boto3 session, client (keyword and positional) and a session inside sagemaker.Session',
      format: 'python',
      code: dedent`
        import boto3
        import sagemaker
        REGION = "ap-south-1"
        session = boto3.Session(region_name=REGION)
        sm = session.client("sagemaker", region_name="ap-south-1")
        s3 = boto3.client("s3", "ap-south-1")
        sess = sagemaker.Session(boto_session=boto3.session.Session(region_name="ap-south-1"))
      `,
      errors: [
        { messageId: 'highCarbonPython', data: mumbai, ...atPython(4, 25, 18) },
        { messageId: 'highCarbonPython', data: mumbai, ...atPython(5, 34, 24) },
        { messageId: 'highCarbonPython', data: mumbai, ...atPython(6, 25, 12) },
        { messageId: 'highCarbonPython', data: mumbai, ...atPython(7, 61, 24) },
      ],
      output: null,
    },
    {
      name: 'no lower-carbon region in the geography; recent figures',
      format: 'python',
      options: { intensity: 'recent' },
      code: dedent`
        import boto3
        boto3.setup_default_session(region_name="me-south-1")
      `,
      errors: [{ messageId: 'highCarbonNoAlternative', data: { region: 'me-south-1', name: 'Middle East (Bahrain)', intensity: 905, threshold: 400, alternatives: '' }, ...atPython(2, 29, 24) }],
      output: null,
    },
    {
      name: 'notebook: the region from an earlier cell; the finding is on the raw .ipynb line',
      format: 'notebook',
      code: notebookJson(['%pip install -q boto3\nimport boto3\nREGION = "ap-south-1"\n', 'session = boto3.Session(region_name=REGION)\n']),
      errors: [{ messageId: 'highCarbonPython', data: mumbai, ...atPython(20, 30, 18) }],
      output: null,
    },
  ],
});
