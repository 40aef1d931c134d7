import { Stack, StackProps } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export class MlStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    new logs.CfnLogGroup(this, 'TrainingLogs', {
      logGroupName: '/aws/sagemaker/TrainingJobs',
    });
  }
}
