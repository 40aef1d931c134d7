import { notebookNoAutoStop } from '../../src/rules/notebook-no-auto-stop';
import { dedent } from '../kit/dedent';
import { onLogicalId, RuleTester } from '../kit/ruleTester';

const finding = (messageId: 'noLifecycleConfig' | 'noIdleShutdown' | 'idleShutdownDisabled', name: string, line: number, column: number, quoted = false) => onLogicalId(messageId, name, line, column, quoted);

new RuleTester().run(notebookNoAutoStop, {
  valid: [
    {
      name: 'notebook instance with a lifecycle configuration from the same template',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Notebook:
            Type: AWS::SageMaker::NotebookInstance
            Properties:
              InstanceType: ml.t3.medium
              RoleArn: !GetAtt Role.Arn
              LifecycleConfigName: !GetAtt AutoStop.NotebookInstanceLifecycleConfigName
      `,
    },
    {
      name: 'notebook instance Properties behind Fn::If: silent',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Notebook:
            Type: AWS::SageMaker::NotebookInstance
            Properties: !If [IsDev, { InstanceType: ml.t3.medium }, { InstanceType: ml.m5.xlarge }]
      `,
    },
    {
      name: 'domain with idle shutdown enabled',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Studio:
            Type: AWS::SageMaker::Domain
            Properties:
              DomainName: research
              AuthMode: IAM
              DefaultUserSettings:
                ExecutionRole: !GetAtt Role.Arn
                JupyterLabAppSettings:
                  AppLifecycleManagement:
                    IdleSettings: { LifecycleManagement: ENABLED, IdleTimeoutInMinutes: 120 }
      `,
    },
    {
      name: 'domain whose settings hide behind Fn::If: silent',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Studio:
            Type: AWS::SageMaker::Domain
            Properties:
              DefaultUserSettings:
                JupyterLabAppSettings: !If [IsProd, { AppLifecycleManagement: {} }, !Ref AWS::NoValue]
      `,
    },
    {
      name: 'LifecycleManagement from a parameter without a default: silent',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          IdleShutdown: { Type: String, AllowedValues: [ENABLED, DISABLED] }
        Resources:
          Studio:
            Type: AWS::SageMaker::Domain
            Properties:
              DefaultUserSettings:
                JupyterLabAppSettings:
                  AppLifecycleManagement:
                    IdleSettings:
                      LifecycleManagement: !Ref IdleShutdown
      `,
    },
    {
      name: 'JSON notebook instance with a lifecycle configuration name',
      format: 'cfn-json',
      code: dedent`
        {
          "Resources": {
            "Notebook": { "Type": "AWS::SageMaker::NotebookInstance", "Properties": { "InstanceType": "ml.t3.medium", "LifecycleConfigName": "auto-stop" } }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'Terraform: notebook instance without a lifecycle configuration (advice only)',
      format: 'terraform',
      code: 'resource "aws_sagemaker_notebook_instance" "n" {\n  instance_type = "ml.t3.medium"\n}\n',
      errors: [{ messageId: 'noLifecycleConfig', data: { name: 'aws_sagemaker_notebook_instance.n' }, line: 1, column: 1, endLine: 1, endColumn: 49 }],
      output: null,
    },
    {
      name: 'Terraform: Studio idle shutdown DISABLED; the fix enables it',
      format: 'terraform',
      code: 'resource "aws_sagemaker_domain" "d" {\n  default_user_settings {\n    jupyter_lab_app_settings {\n      app_lifecycle_management {\n        idle_settings {\n          lifecycle_management = "DISABLED"\n        }\n      }\n    }\n  }\n}\n',
      errors: [{ messageId: 'idleShutdownDisabledTf', data: { name: 'aws_sagemaker_domain.d' }, line: 1, column: 1, endLine: 1, endColumn: 38 }],
      output: 'resource "aws_sagemaker_domain" "d" {\n  default_user_settings {\n    jupyter_lab_app_settings {\n      app_lifecycle_management {\n        idle_settings {\n          lifecycle_management = "ENABLED"\n        }\n      }\n    }\n  }\n}\n',
    },
    {
      name: 'notebook instance without a lifecycle configuration: advice only',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          ExplorationNotebook:
            Type: AWS::SageMaker::NotebookInstance
            Properties:
              InstanceType: ml.t3.medium
              RoleArn: !GetAtt Role.Arn
      `,
      errors: [finding('noLifecycleConfig', 'ExplorationNotebook', 3, 3)],
      output: null,
    },
    {
      name: 'domain without JupyterLab settings: the idle settings go under DefaultUserSettings',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Studio:
            Type: AWS::SageMaker::Domain
            Properties:
              DomainName: research
              AuthMode: IAM
              DefaultUserSettings:
                ExecutionRole: !GetAtt Role.Arn
              SubnetIds: [subnet-1]
              VpcId: vpc-1
      `,
      errors: [finding('noIdleShutdown', 'Studio', 3, 3)],
      output: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Studio:
            Type: AWS::SageMaker::Domain
            Properties:
              DomainName: research
              AuthMode: IAM
              DefaultUserSettings:
                JupyterLabAppSettings:
                  AppLifecycleManagement:
                    IdleSettings:
                      LifecycleManagement: ENABLED
                      IdleTimeoutInMinutes: 60
                ExecutionRole: !GetAtt Role.Arn
              SubnetIds: [subnet-1]
              VpcId: vpc-1
      `,
    },
    {
      name: 'domain with JupyterLab settings but no AppLifecycleManagement; idleTimeoutMinutes option',
      format: 'cfn-yaml',
      options: { idleTimeoutMinutes: 180 },
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Studio:
            Type: AWS::SageMaker::Domain
            Properties:
              DefaultUserSettings:
                JupyterLabAppSettings:
                  DefaultResourceSpec: { InstanceType: ml.t3.medium }
      `,
      errors: [finding('noIdleShutdown', 'Studio', 3, 3)],
      output: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Studio:
            Type: AWS::SageMaker::Domain
            Properties:
              DefaultUserSettings:
                JupyterLabAppSettings:
                  AppLifecycleManagement:
                    IdleSettings:
                      LifecycleManagement: ENABLED
                      IdleTimeoutInMinutes: 180
                  DefaultResourceSpec: { InstanceType: ml.t3.medium }
      `,
    },
    {
      name: 'idle shutdown DISABLED is switched to ENABLED',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Studio:
            Type: AWS::SageMaker::Domain
            Properties:
              DefaultUserSettings:
                JupyterLabAppSettings:
                  AppLifecycleManagement:
                    IdleSettings: { LifecycleManagement: DISABLED }
      `,
      errors: [finding('idleShutdownDisabled', 'Studio', 3, 3)],
      output: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Studio:
            Type: AWS::SageMaker::Domain
            Properties:
              DefaultUserSettings:
                JupyterLabAppSettings:
                  AppLifecycleManagement:
                    IdleSettings: { LifecycleManagement: ENABLED }
      `,
    },
    {
      name: 'DISABLED through a parameter default: reported, no fix (the parameter may be set per stage)',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          IdleShutdown: { Type: String, Default: DISABLED }
        Resources:
          Studio:
            Type: AWS::SageMaker::Domain
            Properties:
              DefaultUserSettings:
                JupyterLabAppSettings:
                  AppLifecycleManagement:
                    IdleSettings:
                      LifecycleManagement: !Ref IdleShutdown
      `,
      errors: [finding('idleShutdownDisabled', 'Studio', 5, 3)],
      output: null,
    },
    {
      name: 'JSON domain',
      format: 'cfn-json',
      code: dedent`
        {
          "Resources": {
            "Studio": {
              "Type": "AWS::SageMaker::Domain",
              "Properties": {
                "DefaultUserSettings": {
                  "ExecutionRole": { "Fn::GetAtt": ["Role", "Arn"] }
                }
              }
            }
          }
        }
      `,
      errors: [finding('noIdleShutdown', 'Studio', 3, 5, true)],
      output: dedent`
        {
          "Resources": {
            "Studio": {
              "Type": "AWS::SageMaker::Domain",
              "Properties": {
                "DefaultUserSettings": {
                  "JupyterLabAppSettings": {
                    "AppLifecycleManagement": {
                      "IdleSettings": {
                        "LifecycleManagement": "ENABLED",
                        "IdleTimeoutInMinutes": 60
                      }
                    }
                  },
                  "ExecutionRole": { "Fn::GetAtt": ["Role", "Arn"] }
                }
              }
            }
          }
        }
      `,
    },
    {
      name: 'JSON notebook instance',
      format: 'cfn-json',
      code: dedent`
        {
          "Resources": {
            "Notebook": { "Type": "AWS::SageMaker::NotebookInstance", "Properties": { "InstanceType": "ml.t3.medium" } }
          }
        }
      `,
      errors: [finding('noLifecycleConfig', 'Notebook', 3, 5, true)],
      output: null,
    },
  ],
});
