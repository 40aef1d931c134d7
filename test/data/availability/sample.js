// A sample in the shape of tsaol/aws-gpu's data/*.js files (records of instances.vantage.sh), for the generator's tests.
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the shape of the published file: a global the page reads
var allGPUInstances = [
  { "name": "inf2.xlarge", "availability": ["us-east-2", "eu-west-1", "us-east-1-atl-1", "us-east-2"] },
  { "name": "g5.xlarge", "availability": ["ca-central-1", "eu-west-1", "us-east-2", "us-west-2-wl1-den1"] },
  { "name": "p4de.24xlarge", "availability": [] }
];
