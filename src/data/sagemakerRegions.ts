/**
 * The commercial (`aws` partition) regions with a SageMaker API endpoint: `greenml scan --regions all`.
 * Source: botocore 1.43.11 `botocore/data/endpoints.json`, partition `aws`, service `api.sagemaker`
 * (FIPS endpoints left out). The other partitions (China, GovCloud, ISO, European Sovereign Cloud)
 * need their own credentials, so `all` does not reach into them; name them with `--regions`.
 */
export const sageMakerRegions: readonly string[] = [
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
];
