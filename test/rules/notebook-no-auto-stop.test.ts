import { notebookNoAutoStop } from '../../src/rules/notebook-no-auto-stop';
import { dedent } from '../kit/dedent';
import { onLogicalId, RuleTester } from '../kit/ruleTester';

const finding = (messageId: 'noLifecycleConfig' | 'noIdleShutdown' | 'idleShutdownDisabled', name: string, line: number, column: number, quoted = false) => onLogicalId(messageId, name, line, column, quoted);

new RuleTester().run(notebookNoAutoStop, {
  valid: [
    {
      name: 'CDK TypeScript: notebook instance with a lifecycle configuration',
      format: 'cdk-typescript',
      code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnNotebookInstance(this, 'Nb', { instanceType: 'ml.t3.medium', roleArn: role.roleArn, lifecycleConfigName: autoStop.attrNotebookInstanceLifecycleConfigName });\n",
    },
    {
      name: 'CDK TypeScript: Studio domain with idle shutdown enabled; settings from a variable stay silent',
      format: 'cdk-typescript',
      code: dedent`
        import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
        new sagemaker.CfnDomain(this, 'Studio', {
          defaultUserSettings: { jupyterLabAppSettings: { appLifecycleManagement: { idleSettings: { lifecycleManagement: 'ENABLED', idleTimeoutInMinutes: 60 } } } },
        });
        new sagemaker.CfnDomain(this, 'Other', { defaultUserSettings: userSettings });
      `,
    },
    {
      name: 'CDK Python: notebook instance with a lifecycle configuration',
      format: 'cdk-python',
      code: 'from aws_cdk import aws_sagemaker as sagemaker\nsagemaker.CfnNotebookInstance(self, "Nb", instance_type="ml.t3.medium", role_arn=role, lifecycle_config_name="auto-stop")\n',
    },
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
      name: 'CDK TypeScript: notebook instance without a lifecycle configuration (advice only)',
      format: 'cdk-typescript',
      code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnNotebookInstance(this, 'Exploration', { instanceType: 'ml.t3.medium', roleArn: role.roleArn });\n",
      errors: [{ messageId: 'noLifecycleConfig', data: { name: 'Exploration' }, line: 2, column: 41, endLine: 2, endColumn: 54 }],
      output: null,
    },
    {
      name: 'CDK TypeScript: Studio domain without idle settings (advice only)',
      format: 'cdk-typescript',
      code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnDomain(this, 'Studio', { domainName: 'ml', defaultUserSettings: { executionRole: role.roleArn } });\n",
      errors: [{ messageId: 'noIdleShutdownCdk', data: { name: 'Studio', path: 'defaultUserSettings > jupyterLabAppSettings > appLifecycleManagement > idleSettings' }, line: 2, column: 31, endLine: 2, endColumn: 39 }],
      output: null,
    },
    {
      name: 'CDK TypeScript: Studio domain with idle shutdown DISABLED; the fix enables it',
      format: 'cdk-typescript',
      code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnDomain(this, 'Studio', { defaultUserSettings: { jupyterLabAppSettings: { appLifecycleManagement: { idleSettings: { lifecycleManagement: 'DISABLED' } } } } });\n",
      errors: [{ messageId: 'idleShutdownDisabledCdk', data: { name: 'Studio' }, line: 2, column: 31, endLine: 2, endColumn: 39 }],
      output: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnDomain(this, 'Studio', { defaultUserSettings: { jupyterLabAppSettings: { appLifecycleManagement: { idleSettings: { lifecycleManagement: 'ENABLED' } } } } });\n",
    },
    {
      name: 'CDK Python: notebook instance without a lifecycle configuration',
      format: 'cdk-python',
      code: 'from aws_cdk import aws_sagemaker as sagemaker\nsagemaker.CfnNotebookInstance(self, "Exploration", instance_type="ml.t3.medium", role_arn=role)\n',
      errors: [{ messageId: 'noLifecycleConfig', data: { name: 'Exploration' }, line: 2, column: 37, endLine: 2, endColumn: 50 }],
      output: null,
    },
    {
      name: 'CDK Python: Studio domain idle settings as structs, DISABLED',
      format: 'cdk-python',
      code: dedent`
        from aws_cdk import aws_sagemaker as sm
        sm.CfnDomain(
            self,
            "Studio",
            default_user_settings=sm.CfnDomain.UserSettingsProperty(
                jupyter_lab_app_settings=sm.CfnDomain.JupyterLabAppSettingsProperty(
                    app_lifecycle_management=sm.CfnDomain.AppLifecycleManagementProperty(
                        idle_settings=sm.CfnDomain.IdleSettingsProperty(lifecycle_management="DISABLED")
                    )
                )
            ),
        )
      `,
      errors: [{ messageId: 'idleShutdownDisabledCdk', data: { name: 'Studio' }, line: 4, column: 5, endLine: 4, endColumn: 13 }],
      output: dedent`
        from aws_cdk import aws_sagemaker as sm
        sm.CfnDomain(
            self,
            "Studio",
            default_user_settings=sm.CfnDomain.UserSettingsProperty(
                jupyter_lab_app_settings=sm.CfnDomain.JupyterLabAppSettingsProperty(
                    app_lifecycle_management=sm.CfnDomain.AppLifecycleManagementProperty(
                        idle_settings=sm.CfnDomain.IdleSettingsProperty(lifecycle_management="ENABLED")
                    )
                )
            ),
        )
      `,
    },
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
