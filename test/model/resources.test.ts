import * as assert from 'node:assert/strict';
import { resolveRuleSettings } from '../../src/core/config';
import { defineRule } from '../../src/core/defineRule';
import type { Format } from '../../src/core/types';
import type { Field } from '../../src/model/field';
import type { HyperPodClusterRecord, ResourceRecord, StudioAppRecord, StudioDomainRecord, StudioSpaceRecord, StudioUserProfileRecord } from '../../src/model/records';
import { visitResources } from '../../src/model/resources';
import { dedent } from '../kit/dedent';
import { createTestLinter } from '../kit/languages';

const fileNames: Partial<Record<Format, string>> = { 'cfn-yaml': 'template.yaml', 'cfn-json': 'template.json', terraform: 'main.tf', 'cdk-typescript': 'stack.ts', 'cdk-python': 'stack.py' };

/** The resource records a file gives, in the order the adapters hand them out. */
function recordsOf(format: Format, code: string): ResourceRecord[] {
  const records: ResourceRecord[] = [];
  const collect = (record: ResourceRecord) => records.push(record);
  const probe = defineRule({
    id: 'SML999',
    name: 'resource-probe',
    meta: { category: 'ops', defaultSeverity: 'hint', formats: ['cfn', 'tf', 'cdk'], description: 'probe', messages: { m: 'm' }, fixes: [], wellArchitected: [], options: {} },
    create: () => visitResources({ studioDomain: collect, studioUserProfile: collect, studioSpace: collect, studioApp: collect, hyperPodCluster: collect }),
  });
  const result = createTestLinter({ rules: [probe] }).lint(fileNames[format] ?? 'file', code, { settings: resolveRuleSettings([probe]), format });
  assert.deepEqual(result.ruleErrors, []);
  return records;
}

/** A field as a reader sees it: its value or why it is unknown, and the text it is anchored on. */
function shown<T>(code: string, field: Field<T> | 'unknown' | undefined): unknown {
  if (field === undefined || field === 'unknown') return field;
  const at = code.slice(field.anchor.start, field.anchor.end);
  return field.known ? { value: field.value, at } : { reason: field.reason, at };
}

function only<K extends ResourceRecord['kind']>(records: ResourceRecord[], kind: K): Extract<ResourceRecord, { kind: K }> {
  assert.equal(records.length, 1, `one record: ${records.map((r) => r.kind).join(', ')}`);
  assert.equal(records[0].kind, kind);
  return records[0] as Extract<ResourceRecord, { kind: K }>;
}

function studioSummary(code: string, record: StudioDomainRecord | StudioUserProfileRecord | StudioSpaceRecord): unknown {
  const types = record.defaultInstanceTypes;
  const idle = record.idleSettings;
  return {
    name: record.name,
    defaultInstanceTypes: types === 'unknown' ? types : Object.fromEntries(Object.entries(types).map(([app, field]) => [app, shown(code, field)])),
    idleSettings: idle === undefined || idle === 'unknown' ? idle : { lifecycleManagement: shown(code, idle.lifecycleManagement), idleTimeoutMinutes: shown(code, idle.idleTimeoutMinutes) },
  };
}

describe('Studio domain, user profile, space and app, and HyperPod cluster records', () => {
  describe('a domain, read the same way from its default user settings', () => {
    it('CloudFormation: default instance types and the JupyterLab idle timeout', () => {
      const code = dedent`
        Resources:
          Studio:
            Type: AWS::SageMaker::Domain
            Properties:
              AuthMode: IAM
              DomainName: studio
              DefaultUserSettings:
                JupyterLabAppSettings:
                  DefaultResourceSpec:
                    InstanceType: ml.t3.medium
                  AppLifecycleManagement:
                    IdleSettings:
                      LifecycleManagement: ENABLED
                      IdleTimeoutInMinutes: 30
      `;
      assert.deepEqual(studioSummary(code, only(recordsOf('cfn-yaml', code), 'studioDomain')), {
        name: 'Studio',
        defaultInstanceTypes: { JupyterLab: { value: 'ml.t3.medium', at: 'InstanceType' } },
        idleSettings: { lifecycleManagement: { value: 'ENABLED', at: 'LifecycleManagement' }, idleTimeoutMinutes: { value: 30, at: 'IdleTimeoutInMinutes' } },
      });
    });

    it('CDK TypeScript: user settings from a variable are unknown', () => {
      const code = "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnDomain(this, 'Studio', { authMode: 'IAM', domainName: 'studio', defaultUserSettings: shared });\n";
      assert.deepEqual(studioSummary(code, only(recordsOf('cdk-typescript', code), 'studioDomain')), { name: 'Studio', defaultInstanceTypes: 'unknown', idleSettings: 'unknown' });
    });
  });

  describe('a user profile', () => {
    it('CloudFormation: instance types known or unknown (a parameter without default), idle settings known', () => {
      const code = dedent`
        Parameters:
          GatewayType:
            Type: String
        Resources:
          Alice:
            Type: AWS::SageMaker::UserProfile
            Properties:
              DomainId: d-123
              UserProfileName: alice
              UserSettings:
                JupyterLabAppSettings:
                  DefaultResourceSpec:
                    InstanceType: ml.g5.xlarge
                  AppLifecycleManagement:
                    IdleSettings:
                      LifecycleManagement: ENABLED
                      IdleTimeoutInMinutes: 60
                KernelGatewayAppSettings:
                  DefaultResourceSpec:
                    InstanceType: !Ref GatewayType
      `;
      assert.deepEqual(studioSummary(code, only(recordsOf('cfn-yaml', code), 'studioUserProfile')), {
        name: 'Alice',
        defaultInstanceTypes: { JupyterLab: { value: 'ml.g5.xlarge', at: 'InstanceType' }, KernelGateway: { reason: 'parameter-without-default', at: 'InstanceType' } },
        idleSettings: { lifecycleManagement: { value: 'ENABLED', at: 'LifecycleManagement' }, idleTimeoutMinutes: { value: 60, at: 'IdleTimeoutInMinutes' } },
      });
    });

    it('CloudFormation: no user settings, nothing written; settings from an intrinsic, unknown', () => {
      const code = dedent`
        Resources:
          Bare:
            Type: AWS::SageMaker::UserProfile
            Properties:
              DomainId: d-123
              UserProfileName: bare
          Imported:
            Type: AWS::SageMaker::UserProfile
            Properties:
              DomainId: d-123
              UserProfileName: imported
              UserSettings: !If [Big, { ExecutionRole: a }, { ExecutionRole: b }]
      `;
      const [bare, imported] = recordsOf('cfn-yaml', code) as StudioUserProfileRecord[];
      assert.deepEqual(studioSummary(code, bare), { name: 'Bare', defaultInstanceTypes: {}, idleSettings: undefined });
      assert.deepEqual(studioSummary(code, imported), { name: 'Imported', defaultInstanceTypes: 'unknown', idleSettings: 'unknown' });
    });

    it('Terraform: a variable instance type, idle shutdown turned off, a dynamic block unknown', () => {
      const code = dedent`
        resource "aws_sagemaker_user_profile" "alice" {
          domain_id         = "d-123"
          user_profile_name = "alice"
          user_settings {
            execution_role = "arn:aws:iam::123456789012:role/studio"
            jupyter_lab_app_settings {
              default_resource_spec {
                instance_type = var.lab_type
              }
              app_lifecycle_management {
                idle_settings {
                  lifecycle_management = "DISABLED"
                }
              }
            }
            dynamic "code_editor_app_settings" {
              for_each = var.editors
              content {}
            }
          }
        }
      `;
      assert.deepEqual(studioSummary(code, only(recordsOf('terraform', code), 'studioUserProfile')), {
        name: 'aws_sagemaker_user_profile.alice',
        defaultInstanceTypes: { JupyterLab: { reason: 'variable', at: 'instance_type' }, CodeEditor: 'unknown' },
        idleSettings: { lifecycleManagement: { value: 'DISABLED', at: 'lifecycle_management' }, idleTimeoutMinutes: undefined },
      });
    });

    it('CDK Python: snake_case structs read as the L1 props', () => {
      const code = dedent`
        from aws_cdk import aws_sagemaker as sm
        sm.CfnUserProfile(self, "Alice", domain_id="d-123", user_profile_name="alice", user_settings=sm.CfnUserProfile.UserSettingsProperty(jupyter_lab_app_settings=sm.CfnUserProfile.JupyterLabAppSettingsProperty(default_resource_spec=sm.CfnUserProfile.ResourceSpecProperty(instance_type="ml.t3.medium"), app_lifecycle_management=sm.CfnUserProfile.AppLifecycleManagementProperty(idle_settings=sm.CfnUserProfile.IdleSettingsProperty(lifecycle_management="ENABLED", idle_timeout_in_minutes=120)))))
      `;
      assert.deepEqual(studioSummary(code, only(recordsOf('cdk-python', code), 'studioUserProfile')), {
        name: 'Alice',
        defaultInstanceTypes: { JupyterLab: { value: 'ml.t3.medium', at: 'instance_type' } },
        idleSettings: { lifecycleManagement: { value: 'ENABLED', at: 'lifecycle_management' }, idleTimeoutMinutes: { value: 120, at: 'idle_timeout_in_minutes' } },
      });
    });
  });

  describe('a space', () => {
    it('CloudFormation JSON: the JupyterLab idle timeout and default instance type', () => {
      const code = JSON.stringify(
        {
          Resources: {
            Lab: {
              Type: 'AWS::SageMaker::Space',
              Properties: {
                DomainId: 'd-123',
                SpaceName: 'lab',
                SpaceSettings: { AppType: 'JupyterLab', JupyterLabAppSettings: { DefaultResourceSpec: { InstanceType: 'ml.g5.2xlarge' }, AppLifecycleManagement: { IdleSettings: { IdleTimeoutInMinutes: 90 } } } },
              },
            },
          },
        },
        null,
        2,
      );
      assert.deepEqual(studioSummary(code, only(recordsOf('cfn-json', code), 'studioSpace')), {
        name: 'Lab',
        defaultInstanceTypes: { JupyterLab: { value: 'ml.g5.2xlarge', at: '"InstanceType"' } },
        idleSettings: { lifecycleManagement: undefined, idleTimeoutMinutes: { value: 90, at: '"IdleTimeoutInMinutes"' } },
      });
    });

    it('Terraform: settings without idle settings; the idle timeout from a variable', () => {
      const code = dedent`
        resource "aws_sagemaker_space" "plain" {
          domain_id  = "d-123"
          space_name = "plain"
          space_settings {
            jupyter_lab_app_settings {
              default_resource_spec {
                instance_type = "ml.t3.large"
              }
            }
          }
        }
        resource "aws_sagemaker_space" "tuned" {
          domain_id  = "d-123"
          space_name = "tuned"
          space_settings {
            jupyter_lab_app_settings {
              app_lifecycle_management {
                idle_settings {
                  idle_timeout_in_minutes = var.idle
                }
              }
            }
          }
        }
      `;
      const [plain, tuned] = recordsOf('terraform', code) as StudioSpaceRecord[];
      assert.deepEqual(studioSummary(code, plain), { name: 'aws_sagemaker_space.plain', defaultInstanceTypes: { JupyterLab: { value: 'ml.t3.large', at: 'instance_type' } }, idleSettings: undefined });
      assert.deepEqual(studioSummary(code, tuned), {
        name: 'aws_sagemaker_space.tuned',
        defaultInstanceTypes: {},
        idleSettings: { lifecycleManagement: undefined, idleTimeoutMinutes: { reason: 'variable', at: 'idle_timeout_in_minutes' } },
      });
    });

    it('CDK TypeScript: a spread makes the settings unknown', () => {
      const code = "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnSpace(this, 'Lab', { domainId: 'd-123', spaceName: 'lab', spaceSettings: { ...shared, appType: 'JupyterLab' } });\n";
      assert.deepEqual(studioSummary(code, only(recordsOf('cdk-typescript', code), 'studioSpace')), { name: 'Lab', defaultInstanceTypes: 'unknown', idleSettings: 'unknown' });
    });
  });

  describe('an app', () => {
    const summary = (code: string, app: StudioAppRecord) => ({ name: app.name, appType: shown(code, app.appType), instanceType: shown(code, app.instanceType) });

    it('CloudFormation: its type and instance type', () => {
      const code = dedent`
        Resources:
          Lab:
            Type: AWS::SageMaker::App
            Properties:
              AppName: default
              AppType: JupyterLab
              DomainId: d-123
              UserProfileName: alice
              ResourceSpec:
                InstanceType: ml.g5.xlarge
      `;
      assert.deepEqual(summary(code, only(recordsOf('cfn-yaml', code), 'studioApp')), { name: 'Lab', appType: { value: 'JupyterLab', at: 'AppType' }, instanceType: { value: 'ml.g5.xlarge', at: 'InstanceType' } });
    });

    it('Terraform: no resource spec, the instance type is absent', () => {
      const code = 'resource "aws_sagemaker_app" "lab" {\n  app_name          = "default"\n  app_type          = "JupyterServer"\n  domain_id         = "d-123"\n  user_profile_name = "alice"\n}\n';
      assert.deepEqual(summary(code, only(recordsOf('terraform', code), 'studioApp')), { name: 'aws_sagemaker_app.lab', appType: { value: 'JupyterServer', at: 'app_type' }, instanceType: undefined });
    });

    it('CDK TypeScript: an instance type from an expression is unknown', () => {
      const code = "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnApp(this, 'Lab', { appName: 'default', appType: 'KernelGateway', domainId: 'd-123', userProfileName: 'alice', resourceSpec: { instanceType: pick() } });\n";
      assert.deepEqual(summary(code, only(recordsOf('cdk-typescript', code), 'studioApp')), { name: 'Lab', appType: { value: 'KernelGateway', at: 'appType' }, instanceType: { reason: 'expression', at: 'instanceType' } });
    });
  });

  describe('a HyperPod cluster', () => {
    const groups = (code: string, cluster: HyperPodClusterRecord) =>
      cluster.instanceGroups === 'unknown' ? 'unknown' : cluster.instanceGroups.map((g) => ({ name: shown(code, g.name), instanceType: shown(code, g.instanceType), instanceCount: shown(code, g.instanceCount) }));

    it('CloudFormation: each instance group with its type and count (a count from a parameter without default is unknown)', () => {
      const code = dedent`
        Parameters:
          Workers:
            Type: Number
        Resources:
          Pod:
            Type: AWS::SageMaker::Cluster
            Properties:
              ClusterName: pod
              InstanceGroups:
                - InstanceGroupName: controller
                  InstanceType: ml.m5.xlarge
                  InstanceCount: 1
                - InstanceGroupName: workers
                  InstanceType: ml.p5.48xlarge
                  InstanceCount: !Ref Workers
      `;
      assert.deepEqual(groups(code, only(recordsOf('cfn-yaml', code), 'hyperPodCluster')), [
        { name: { value: 'controller', at: 'InstanceGroupName' }, instanceType: { value: 'ml.m5.xlarge', at: 'InstanceType' }, instanceCount: { value: 1, at: 'InstanceCount' } },
        { name: { value: 'workers', at: 'InstanceGroupName' }, instanceType: { value: 'ml.p5.48xlarge', at: 'InstanceType' }, instanceCount: { reason: 'parameter-without-default', at: 'InstanceCount' } },
      ]);
    });

    it('CloudFormation: instance groups from an intrinsic are unknown', () => {
      const code = 'Resources:\n  Pod:\n    Type: AWS::SageMaker::Cluster\n    Properties:\n      ClusterName: pod\n      InstanceGroups: !If [Big, [], []]\n';
      assert.equal(groups(code, only(recordsOf('cfn-yaml', code), 'hyperPodCluster')), 'unknown');
    });

    it('CDK TypeScript: instance groups, one without a count', () => {
      const code = "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nnew sagemaker.CfnCluster(this, 'Pod', { clusterName: 'pod', instanceGroups: [{ instanceGroupName: 'workers', instanceType: 'ml.trn1.32xlarge', instanceCount: 4 }, { instanceGroupName: 'spare', instanceType: 'ml.c5.xlarge' }] });\n";
      assert.deepEqual(groups(code, only(recordsOf('cdk-typescript', code), 'hyperPodCluster')), [
        { name: { value: 'workers', at: 'instanceGroupName' }, instanceType: { value: 'ml.trn1.32xlarge', at: 'instanceType' }, instanceCount: { value: 4, at: 'instanceCount' } },
        { name: { value: 'spare', at: 'instanceGroupName' }, instanceType: { value: 'ml.c5.xlarge', at: 'instanceType' }, instanceCount: undefined },
      ]);
    });

    it('Terraform: the AWS provider has no HyperPod cluster resource, so no record', () => {
      const code = 'resource "awscc_sagemaker_cluster" "pod" {\n  cluster_name = "pod"\n}\n';
      assert.deepEqual(recordsOf('terraform', code), []);
    });
  });
});
