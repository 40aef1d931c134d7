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
    { name: 'small CPU notebook', format: 'cfn-yaml', code: notebook('ml.t3.medium') },
    { name: '8 vCPUs is the default ceiling', format: 'cfn-yaml', code: notebook('ml.m5.2xlarge') },
    { name: 'a larger ceiling', format: 'cfn-yaml', code: notebook('ml.m5.4xlarge'), options: { maxVcpu: 16 } },
    { name: 'unknown type', format: 'cfn-yaml', code: notebook('!Ref NotebookType') },
  ],
  invalid: [
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
