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
  ],
  invalid: [
    {
      name: 'Terraform module: the region is a local declared in another .tf file of the folder',
      format: 'terraform',
      code: provider('local.region'),
      siblings: [{ fileName: 'locals.tf', code: 'locals {\n  region = "ap-south-1"\n}\n' }],
      errors: [{ messageId: 'highCarbon', data: { region: 'ap-south-1', name: 'Asia Pacific (Mumbai)', intensity: 708, threshold: 400, alternatives: 'ap-southeast-6 (Asia Pacific (New Zealand), ≈ 113), eu-north-1 (Europe (Stockholm), ≈ 9), eu-central-2 (Europe (Zurich), ≈ 35)' }, ...at('region = local.region'.length) }],
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
            alternatives: 'ap-southeast-6 (Asia Pacific (New Zealand), ≈ 113), eu-north-1 (Europe (Stockholm), ≈ 9), eu-central-2 (Europe (Zurich), ≈ 35)',
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
