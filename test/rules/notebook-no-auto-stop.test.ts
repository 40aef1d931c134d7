import { notebookNoAutoStop } from '../../src/rules/notebook-no-auto-stop';
import { dedent } from '../kit/dedent';
import { onLogicalId, RuleTester } from '../kit/ruleTester';

const finding = (messageId: 'noLifecycleConfig' | 'noIdleShutdown' | 'idleShutdownDisabled', name: string, line: number, column: number, quoted = false) => onLogicalId(messageId, name, line, column, quoted);

new RuleTester().run(notebookNoAutoStop, {
  valid: [
    {
      name: 'boto3: a user profile and a space that write no idle shutdown take the domain\'s; a space timeout under the ceiling; settings from a variable: silent',
      format: 'python',
      code: "import boto3\n\nsm = boto3.client(\"sagemaker\")\nsm.create_user_profile(DomainId=domain_id, UserProfileName=\"analyst\", UserSettings={\"ExecutionRole\": role_arn})\nsm.update_domain(DomainId=domain_id, DefaultSpaceSettings={\"ExecutionRole\": role_arn})\nsm.create_space(DomainId=domain_id, SpaceName=\"team\", SpaceSettings={\"JupyterLabAppSettings\": {\"AppLifecycleManagement\": {\"IdleSettings\": {\"IdleTimeoutInMinutes\": 120}}}})\nsm.create_domain(DomainName=\"d\", DefaultUserSettings=settings)\n",
    },
    {
      name: 'boto3 create_domain with JupyterLab idle shutdown enabled',
      format: 'python',
      code: "import boto3\n\nboto3.client(\"sagemaker\").create_domain(\n    DomainName=\"research\",\n    AuthMode=\"IAM\",\n    DefaultUserSettings={\"JupyterLabAppSettings\": {\"AppLifecycleManagement\": {\"IdleSettings\": {\"LifecycleManagement\": \"ENABLED\", \"IdleTimeoutInMinutes\": 60}}}},\n)\n",
    },
    {
      name: 'notebook instance whose lifecycle configuration is behind Fn::If, attached on one branch: silent',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Notebook:
            Type: AWS::SageMaker::NotebookInstance
            Properties:
              InstanceType: ml.t3.medium
              LifecycleConfigName: !If [IsProd, auto-stop, !Ref AWS::NoValue]
      `,
    },
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
      name: 'Studio: CloudFormation user profile turns JupyterLab idle shutdown off; the fix enables it',
      format: 'cfn-yaml',
      code: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Analyst:\n    Type: AWS::SageMaker::UserProfile\n    Properties:\n      DomainId: !Ref Studio\n      UserProfileName: analyst\n      UserSettings:\n        JupyterLabAppSettings:\n          AppLifecycleManagement:\n            IdleSettings:\n              LifecycleManagement: DISABLED\n",
      errors: [{ messageId: 'appIdleShutdownDisabled', data: {"kind":"user profile","name":"Analyst","app":"JupyterLab","setting":"LifecycleManagement: DISABLED"}, line: 3, column: 3, endLine: 3, endColumn: 10 }],
      output: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Analyst:\n    Type: AWS::SageMaker::UserProfile\n    Properties:\n      DomainId: !Ref Studio\n      UserProfileName: analyst\n      UserSettings:\n        JupyterLabAppSettings:\n          AppLifecycleManagement:\n            IdleSettings:\n              LifecycleManagement: ENABLED\n",
    },
    {
      name: 'Studio: CloudFormation JSON space timeout above maxIdleTimeoutMinutes; the fix lowers it',
      format: 'cfn-json',
      code: "{\n  \"Resources\": {\n    \"Team\": {\n      \"Type\": \"AWS::SageMaker::Space\",\n      \"Properties\": {\n        \"DomainId\": \"d-abc123\",\n        \"SpaceName\": \"team\",\n        \"SpaceSettings\": { \"JupyterLabAppSettings\": { \"AppLifecycleManagement\": { \"IdleSettings\": { \"IdleTimeoutInMinutes\": 1440 } } } }\n      }\n    }\n  }\n}\n",
      errors: [{ messageId: 'idleTimeoutAboveMaximum', data: {"kind":"space","name":"Team","app":"JupyterLab","minutes":"1440","max":"240"}, line: 8, column: 101, endLine: 8, endColumn: 123 }],
      output: "{\n  \"Resources\": {\n    \"Team\": {\n      \"Type\": \"AWS::SageMaker::Space\",\n      \"Properties\": {\n        \"DomainId\": \"d-abc123\",\n        \"SpaceName\": \"team\",\n        \"SpaceSettings\": { \"JupyterLabAppSettings\": { \"AppLifecycleManagement\": { \"IdleSettings\": { \"IdleTimeoutInMinutes\": 240 } } } }\n      }\n    }\n  }\n}\n",
    },
    {
      name: 'Studio: CloudFormation domain writes Code Editor settings without idle shutdown; the fix adds it',
      format: 'cfn-yaml',
      code: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Studio:\n    Type: AWS::SageMaker::Domain\n    Properties:\n      DomainName: research\n      DefaultUserSettings:\n        JupyterLabAppSettings:\n          AppLifecycleManagement:\n            IdleSettings: { LifecycleManagement: ENABLED, IdleTimeoutInMinutes: 120 }\n        CodeEditorAppSettings:\n          DefaultResourceSpec: { InstanceType: ml.t3.medium }\n",
      errors: [{ messageId: 'appNoIdleShutdown', data: {"kind":"domain","name":"Studio","app":"Code Editor","path":"DefaultUserSettings.CodeEditorAppSettings.AppLifecycleManagement.IdleSettings"}, line: 3, column: 3, endLine: 3, endColumn: 9 }],
      output: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Studio:\n    Type: AWS::SageMaker::Domain\n    Properties:\n      DomainName: research\n      DefaultUserSettings:\n        JupyterLabAppSettings:\n          AppLifecycleManagement:\n            IdleSettings: { LifecycleManagement: ENABLED, IdleTimeoutInMinutes: 120 }\n        CodeEditorAppSettings:\n          AppLifecycleManagement:\n            IdleSettings:\n              LifecycleManagement: ENABLED\n              IdleTimeoutInMinutes: 60\n          DefaultResourceSpec: { InstanceType: ml.t3.medium }\n",
    },
    {
      name: 'Studio: Terraform user profile turns Code Editor idle shutdown off',
      format: 'terraform',
      code: "resource \"aws_sagemaker_user_profile\" \"analyst\" {\n  domain_id         = aws_sagemaker_domain.studio.id\n  user_profile_name = \"analyst\"\n  user_settings {\n    execution_role = aws_iam_role.studio.arn\n    code_editor_app_settings {\n      app_lifecycle_management {\n        idle_settings {\n          lifecycle_management = \"DISABLED\"\n        }\n      }\n    }\n  }\n}\n",
      errors: [{ messageId: 'appIdleShutdownDisabled', data: {"kind":"user profile","name":"aws_sagemaker_user_profile.analyst","app":"Code Editor","setting":"lifecycle_management = \"DISABLED\""}, line: 1, column: 1, endLine: 1, endColumn: 50 }],
      output: "resource \"aws_sagemaker_user_profile\" \"analyst\" {\n  domain_id         = aws_sagemaker_domain.studio.id\n  user_profile_name = \"analyst\"\n  user_settings {\n    execution_role = aws_iam_role.studio.arn\n    code_editor_app_settings {\n      app_lifecycle_management {\n        idle_settings {\n          lifecycle_management = \"ENABLED\"\n        }\n      }\n    }\n  }\n}\n",
    },
    {
      name: 'Studio: Terraform space timeout above the ceiling (idle_settings has only the timeout)',
      format: 'terraform',
      code: "resource \"aws_sagemaker_space\" \"team\" {\n  domain_id  = aws_sagemaker_domain.studio.id\n  space_name = \"team\"\n  space_settings {\n    jupyter_lab_app_settings {\n      app_lifecycle_management {\n        idle_settings {\n          idle_timeout_in_minutes = 720\n        }\n      }\n    }\n  }\n}\n",
      errors: [{ messageId: 'idleTimeoutAboveMaximum', data: {"kind":"space","name":"aws_sagemaker_space.team","app":"JupyterLab","minutes":"720","max":"240"}, line: 8, column: 11, endLine: 8, endColumn: 34 }],
      output: "resource \"aws_sagemaker_space\" \"team\" {\n  domain_id  = aws_sagemaker_domain.studio.id\n  space_name = \"team\"\n  space_settings {\n    jupyter_lab_app_settings {\n      app_lifecycle_management {\n        idle_settings {\n          idle_timeout_in_minutes = 240\n        }\n      }\n    }\n  }\n}\n",
    },
    {
      name: 'Studio: CDK TypeScript CfnSpace Code Editor timeout above the ceiling',
      format: 'cdk-typescript',
      code: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnSpace(this, 'Team', {\n  domainId: domain.attrDomainId,\n  spaceName: 'team',\n  spaceSettings: { codeEditorAppSettings: { appLifecycleManagement: { idleSettings: { idleTimeoutInMinutes: 600 } } } },\n});\n",
      errors: [{ messageId: 'idleTimeoutAboveMaximum', data: {"kind":"space","name":"Team","app":"Code Editor","minutes":"600","max":"240"}, line: 5, column: 87, endLine: 5, endColumn: 107 }],
      output: "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnSpace(this, 'Team', {\n  domainId: domain.attrDomainId,\n  spaceName: 'team',\n  spaceSettings: { codeEditorAppSettings: { appLifecycleManagement: { idleSettings: { idleTimeoutInMinutes: 240 } } } },\n});\n",
    },
    {
      name: 'Studio: CDK Python CfnUserProfile structs with idle shutdown DISABLED',
      format: 'cdk-python',
      code: "from aws_cdk import aws_sagemaker as sm\nsm.CfnUserProfile(\n    self,\n    \"Analyst\",\n    domain_id=domain.attr_domain_id,\n    user_profile_name=\"analyst\",\n    user_settings=sm.CfnUserProfile.UserSettingsProperty(\n        jupyter_lab_app_settings=sm.CfnUserProfile.JupyterLabAppSettingsProperty(\n            app_lifecycle_management=sm.CfnUserProfile.AppLifecycleManagementProperty(\n                idle_settings=sm.CfnUserProfile.IdleSettingsProperty(lifecycle_management=\"DISABLED\")\n            )\n        )\n    ),\n)\n",
      errors: [{ messageId: 'appIdleShutdownDisabled', data: {"kind":"user profile","name":"Analyst","app":"JupyterLab","setting":"lifecycle_management: DISABLED"}, line: 4, column: 5, endLine: 4, endColumn: 14 }],
      output: "from aws_cdk import aws_sagemaker as sm\nsm.CfnUserProfile(\n    self,\n    \"Analyst\",\n    domain_id=domain.attr_domain_id,\n    user_profile_name=\"analyst\",\n    user_settings=sm.CfnUserProfile.UserSettingsProperty(\n        jupyter_lab_app_settings=sm.CfnUserProfile.JupyterLabAppSettingsProperty(\n            app_lifecycle_management=sm.CfnUserProfile.AppLifecycleManagementProperty(\n                idle_settings=sm.CfnUserProfile.IdleSettingsProperty(lifecycle_management=\"ENABLED\")\n            )\n        )\n    ),\n)\n",
    },
    {
      name: 'Studio: boto3 create_domain without idle shutdown (advice)',
      format: 'python',
      code: "import boto3\n\nsm = boto3.client(\"sagemaker\")\nsm.create_domain(\n    DomainName=\"research\",\n    AuthMode=\"IAM\",\n    DefaultUserSettings={\"ExecutionRole\": role_arn},\n    SubnetIds=subnets,\n    VpcId=vpc,\n)\n",
      errors: [{ messageId: 'noIdleShutdown', data: {"name":"research"}, line: 4, column: 1, endLine: 4, endColumn: 17 }],
      output: null,
    },
    {
      name: 'Studio: boto3 create_user_profile with idle shutdown DISABLED; the fix enables it',
      format: 'python',
      code: "import boto3\n\nsm = boto3.client(\"sagemaker\")\nsm.create_user_profile(\n    DomainId=domain_id,\n    UserProfileName=\"analyst\",\n    UserSettings={\"JupyterLabAppSettings\": {\"AppLifecycleManagement\": {\"IdleSettings\": {\"LifecycleManagement\": \"DISABLED\"}}}},\n)\n",
      errors: [{ messageId: 'appIdleShutdownDisabled', data: {"kind":"user profile","name":"analyst","app":"JupyterLab","setting":"LifecycleManagement: DISABLED"}, line: 4, column: 1, endLine: 4, endColumn: 23 }],
      output: "import boto3\n\nsm = boto3.client(\"sagemaker\")\nsm.create_user_profile(\n    DomainId=domain_id,\n    UserProfileName=\"analyst\",\n    UserSettings={\"JupyterLabAppSettings\": {\"AppLifecycleManagement\": {\"IdleSettings\": {\"LifecycleManagement\": \"ENABLED\"}}}},\n)\n",
    },
    {
      name: 'Studio: boto3 update_space Code Editor timeout above the ceiling',
      format: 'python',
      code: "import boto3\n\nboto3.client(\"sagemaker\").update_space(\n    DomainId=domain_id,\n    SpaceName=\"team\",\n    SpaceSettings={\"CodeEditorAppSettings\": {\"AppLifecycleManagement\": {\"IdleSettings\": {\"IdleTimeoutInMinutes\": 480}}}},\n)\n",
      errors: [{ messageId: 'idleTimeoutAboveMaximum', data: {"kind":"space","name":"team","app":"Code Editor","minutes":"480","max":"240"}, line: 6, column: 90, endLine: 6, endColumn: 112 }],
      output: "import boto3\n\nboto3.client(\"sagemaker\").update_space(\n    DomainId=domain_id,\n    SpaceName=\"team\",\n    SpaceSettings={\"CodeEditorAppSettings\": {\"AppLifecycleManagement\": {\"IdleSettings\": {\"IdleTimeoutInMinutes\": 240}}}},\n)\n",
    },
    {
      name: 'notebook instance Properties behind Fn::If, no lifecycle configuration on either branch: fires, no fix',
      format: 'cfn-yaml',
      code: dedent`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Notebook:
            Type: AWS::SageMaker::NotebookInstance
            Properties: !If [IsDev, { InstanceType: ml.t3.medium }, { InstanceType: ml.m5.xlarge }]
      `,
      errors: [finding('noLifecycleConfig', 'Notebook', 3, 3)],
      output: null,
    },
    {
      name: 'domain whose JupyterLab settings are behind Fn::If, idle shutdown on neither branch: fires, no fix',
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
      errors: [finding('noIdleShutdown', 'Studio', 3, 3)],
      output: null,
    },
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
