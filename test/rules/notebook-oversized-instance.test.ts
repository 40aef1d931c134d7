import { notebookOversizedInstance } from '../../src/rules/notebook-oversized-instance';
import { dedent } from '../kit/dedent';
import { RuleTester } from '../kit/ruleTester';

const notebook = (instanceType: string) => dedent`
  AWSTemplateFormatVersion: "2010-09-09"
  Resources:
    Notebook:
      Type: AWS::SageMaker::NotebookInstance
      Properties:
        InstanceType: ${instanceType}
        RoleArn: arn:aws:iam::123456789012:role/notebook
`;

const at = { line: 6, column: 7, endLine: 6, endColumn: 19 };

new RuleTester().run(notebookOversizedInstance, {
  valid: [
    {
      name: 'CDK TypeScript: notebook on a small CPU instance; a type from a parameter is unknown',
      format: 'cdk-typescript',
      code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnNotebookInstance(this, 'A', { instanceType: 'ml.t3.medium', roleArn: r });\nnew sagemaker.CfnNotebookInstance(this, 'B', { instanceType: props.type, roleArn: r });\n",
    },
    { name: 'small CPU notebook', format: 'cfn-yaml', code: notebook('ml.t3.medium') },
    { name: '8 vCPUs is the default ceiling', format: 'cfn-yaml', code: notebook('ml.m5.2xlarge') },
    { name: 'a larger ceiling', format: 'cfn-yaml', code: notebook('ml.m5.4xlarge'), options: { maxVcpu: 16 } },
    { name: 'unknown type', format: 'cfn-yaml', code: notebook('!Ref NotebookType') },
  ],
  invalid: [
    {
      name: 'CDK TypeScript: notebook on a GPU instance, through a const',
      format: 'cdk-typescript',
      code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nconst TYPE = 'ml.g4dn.xlarge';\nnew sagemaker.CfnNotebookInstance(this, 'Notebook', { instanceType: TYPE, roleArn: r });\n",
      errors: [{ messageId: 'gpu', data: { name: 'Notebook', instanceType: 'ml.g4dn.xlarge', accelerators: '1 × T4' }, line: 3, column: 55, endLine: 3, endColumn: 67 }],
      output: null,
    },
    {
      name: 'CDK Python: notebook on a large CPU instance',
      format: 'cdk-python',
      code: 'from aws_cdk import aws_sagemaker as sagemaker\nsagemaker.CfnNotebookInstance(self, "Notebook", instance_type="ml.c5.9xlarge", role_arn=r)\n',
      errors: [{ messageId: 'largeCpu', data: { name: 'Notebook', instanceType: 'ml.c5.9xlarge', vcpu: 36, maxVcpu: 8 }, line: 2, column: 49, endLine: 2, endColumn: 62 }],
      output: null,
    },
    {
      name: 'Terraform: GPU notebook',
      format: 'terraform',
      code: 'resource "aws_sagemaker_notebook_instance" "n" {\n  instance_type = "ml.p3.2xlarge"\n}\n',
      errors: [{ messageId: 'gpu', data: { name: 'aws_sagemaker_notebook_instance.n', instanceType: 'ml.p3.2xlarge', accelerators: '1 × V100' }, line: 2, column: 3, endLine: 2, endColumn: 16 }],
      output: null,
    },
    {
      name: 'GPU notebook',
      format: 'cfn-yaml',
      code: notebook('ml.g4dn.xlarge'),
      errors: [{ messageId: 'gpu', data: { name: 'Notebook', instanceType: 'ml.g4dn.xlarge', accelerators: '1 × T4' }, ...at }],
      output: null,
    },
    {
      name: 'CPU notebook above the ceiling',
      format: 'cfn-yaml',
      code: notebook('ml.c5.9xlarge'),
      errors: [{ messageId: 'largeCpu', data: { name: 'Notebook', instanceType: 'ml.c5.9xlarge', vcpu: 36, maxVcpu: 8 }, ...at }],
      output: null,
    },
  ],
});
