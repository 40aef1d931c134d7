import { highCarbonRegion } from '../../src/rules/high-carbon-region';
import { dedent } from '../kit/dedent';
import { RuleTester } from '../kit/ruleTester';

const mumbai = { region: 'ap-south-1', name: 'Asia Pacific (Mumbai)', intensity: 708, threshold: 400, alternatives: 'ap-southeast-6 (113)' };
const at = (line: number, column: number, length: number) => ({ line, column, endLine: line, endColumn: column + length });

new RuleTester().run(highCarbonRegion, {
  valid: [
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
      options: { thresholdGco2ePerKwh: 750 },
      code: dedent`
        import boto3
        s = boto3.Session(region_name="ap-south-1")
      `,
    },
  ],
  invalid: [
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
        { messageId: 'highCarbon', data: mumbai, ...at(4, 25, 18) },
        { messageId: 'highCarbon', data: mumbai, ...at(5, 34, 24) },
        { messageId: 'highCarbon', data: mumbai, ...at(6, 25, 12) },
        { messageId: 'highCarbon', data: mumbai, ...at(7, 61, 24) },
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
      errors: [{ messageId: 'highCarbonNoAlternative', data: { region: 'me-south-1', name: 'Middle East (Bahrain)', intensity: 905, threshold: 400, alternatives: '' }, ...at(2, 29, 24) }],
      output: null,
    },
  ],
});
