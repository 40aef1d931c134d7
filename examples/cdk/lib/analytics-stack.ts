import { Stack, StackProps } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';

/** The analytics team's notebook, its data bucket and the notebook's logs. */
export class AnalyticsStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    new s3.Bucket(this, 'AnalyticsData', {
      versioned: true,
    });

    new logs.LogGroup(this, 'NotebookLogs', {
      logGroupName: '/analytics/notebooks',
      retention: logs.RetentionDays.INFINITE,
    });

    new sagemaker.CfnNotebookInstance(this, 'AnalystNotebook', {
      instanceType: 'ml.g4dn.2xlarge',
      roleArn: 'arn:aws:iam::111122223333:role/analytics-notebook',
      volumeSizeInGb: 100,
    });
  }
}
