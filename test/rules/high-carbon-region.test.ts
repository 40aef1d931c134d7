import { highCarbonRegion } from '../../src/rules/high-carbon-region';
import { dedent } from '../kit/dedent';
import { RuleTester } from '../kit/ruleTester';

const provider = (region: string) => dedent`
  provider "aws" {
    region = ${region}
  }
`;

const at = (length: number) => ({ line: 2, column: 3, endLine: 2, endColumn: 3 + length });

new RuleTester().run(highCarbonRegion, {
  valid: [
    { name: 'low-carbon region', format: 'terraform', code: provider('"eu-north-1"') },
    { name: 'region from a variable', format: 'terraform', code: provider('var.region') },
    { name: 'unknown region code', format: 'terraform', code: provider('"xx-nowhere-1"') },
    { name: 'another provider', format: 'terraform', code: 'provider "google" {\n  region = "asia-south1"\n}\n' },
    { name: 'state backend region', format: 'terraform', code: 'terraform {\n  backend "s3" {\n    region = "ap-south-1"\n  }\n}\n' },
    { name: 'below a raised threshold', format: 'terraform', code: provider('"ap-south-1"'), options: { maxGco2ePerKwh: 800 } },
    { name: 'commented out', format: 'terraform', code: '# provider "aws" { region = "ap-south-1" }\n' },
  ],
  invalid: [
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
  ],
});
