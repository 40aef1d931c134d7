import type { CdkApp, CdkConstruct } from '../parsers/cdk/model';
import type { CfnResource } from '../parsers/cloudformation';
import type { TfModule, TfResource } from '../parsers/terraform';
import type { Field, Span } from './field';
import type { RecordFormat } from './records';

/**
 * Where a resource is written, for the edit renderers (`edit/resourceEdits.ts`): rules hand it
 * back inside a fix intent and never read it.
 */
export type ResourceSource =
  | { format: 'cfn'; resource: CfnResource }
  | { format: 'tf'; resource: TfResource; module: TfModule }
  | { format: 'cdk'; construct: CdkConstruct; app: CdkApp };

interface ResourceRecordBase {
  format: RecordFormat;
  /** The resource as the file names it: logical id, `aws_s3_bucket.data`, construct id. */
  name: string;
  /** Where a finding about the whole resource sits: the logical id, the Terraform block header, the construct id. */
  anchor: Span;
  source: ResourceSource;
}

/**
 * A linked configuration that may or may not do its job: `effective` (it does), `ineffective`
 * (written, but it does nothing that counts: no enabled rule with a storage action, an empty list),
 * `unknown` (the file cannot tell: a variable, an intrinsic, an unresolved method call).
 */
export type LinkState = 'effective' | 'ineffective' | 'unknown';

/** An S3 bucket: `AWS::S3::Bucket`, `aws_s3_bucket`, CDK `s3.Bucket` / `s3.CfnBucket`. */
export interface S3BucketRecord extends ResourceRecordBase {
  kind: 's3Bucket';
  /**
   * Its lifecycle configuration, inline (`LifecycleConfiguration`, `lifecycleRules`,
   * `lifecycle_rule`) or linked (`aws_s3_bucket_lifecycle_configuration`, `addLifecycleRule`):
   * effective when an enabled rule expires or transitions objects. Undefined: none.
   */
  lifecycle?: LinkState;
  /** Intelligent-Tiering archive configurations: the bucket's tiering is managed there. Undefined: none. */
  tiering?: LinkState;
}

/** An ECR repository: `AWS::ECR::Repository`, `aws_ecr_repository`, CDK `ecr.Repository` / `ecr.CfnRepository`. */
export interface EcrRepositoryRecord extends ResourceRecordBase {
  kind: 'ecrRepository';
  /** Its lifecycle policy (inline, `aws_ecr_lifecycle_policy`, `addLifecycleRule`); ineffective: written without rules. Undefined: none. */
  lifecyclePolicy?: LinkState;
}

/** A retention that never expires, as the format spells it (`retention_in_days = 0`, `RetentionDays.INFINITE`). */
export type NeverExpires = 'never';

/** A CloudWatch log group: `AWS::Logs::LogGroup`, `aws_cloudwatch_log_group`, CDK `logs.LogGroup` / `logs.CfnLogGroup`. */
export interface LogGroupRecord extends ResourceRecordBase {
  kind: 'logGroup';
  /** The retention written, in days, or `never`. Undefined: not written, see `defaultRetention`. */
  retention?: Field<number | NeverExpires>;
  /** What an unwritten retention means: never expire (the service), or the construct's own default (CDK `LogGroup`: two years). */
  defaultRetention: number | NeverExpires;
}

/** A SageMaker notebook instance: `AWS::SageMaker::NotebookInstance`, `aws_sagemaker_notebook_instance`, CDK `CfnNotebookInstance`. */
export interface NotebookInstanceRecord extends ResourceRecordBase {
  kind: 'notebookInstance';
  instanceType?: Field<string>;
  /** The lifecycle configuration attached (`LifecycleConfigName`): the only way a notebook instance stops itself when idle. */
  lifecycleConfig: 'attached' | 'none' | 'unknown';
}

/** The JupyterLab idle shutdown of a Studio domain's default user settings, a user profile's or a space's settings (`…AppLifecycleManagement.IdleSettings`). */
export interface IdleSettings {
  /** `ENABLED` or `DISABLED`; undefined when not written (a space has no such setting: a timeout turns it on). */
  lifecycleManagement?: Field<string>;
  /** `IdleTimeoutInMinutes`; undefined when not written. */
  idleTimeoutMinutes?: Field<number>;
}


/** The Studio apps whose settings name a default instance type (`<App>AppSettings.DefaultResourceSpec.InstanceType`). */
export type StudioAppKind = 'JupyterLab' | 'CodeEditor' | 'KernelGateway' | 'JupyterServer';

/** What a Studio domain's `DefaultUserSettings`, a user profile's `UserSettings` or a space's `SpaceSettings` say about instances and idle time. */
export interface StudioSettings {
  /** JupyterLab idle shutdown. Undefined: not written at some level of the path; `unknown`: a level the file cannot read (a variable, a spread, a dynamic block, an intrinsic). */
  idleSettings?: IdleSettings | 'unknown';
  /**
   * The default instance type of each app whose settings write one (`JupyterLab: ml.t3.medium`);
   * `unknown` for an app whose settings the file cannot read, or for the whole settings.
   */
  defaultInstanceTypes: Partial<Record<StudioAppKind, Field<string> | 'unknown'>> | 'unknown';
}

/** A SageMaker Studio domain (its `DefaultUserSettings`): `AWS::SageMaker::Domain`, `aws_sagemaker_domain`, CDK `CfnDomain`. */
export interface StudioDomainRecord extends ResourceRecordBase, StudioSettings {
  kind: 'studioDomain';
}

/** A SageMaker Studio user profile: `AWS::SageMaker::UserProfile`, `aws_sagemaker_user_profile`, CDK `CfnUserProfile`. */
export interface StudioUserProfileRecord extends ResourceRecordBase, StudioSettings {
  kind: 'studioUserProfile';
}

/** A SageMaker Studio space: `AWS::SageMaker::Space`, `aws_sagemaker_space`, CDK `CfnSpace`. */
export interface StudioSpaceRecord extends ResourceRecordBase, StudioSettings {
  kind: 'studioSpace';
}

/** A SageMaker Studio app: `AWS::SageMaker::App`, `aws_sagemaker_app`, CDK `CfnApp`. */
export interface StudioAppRecord extends ResourceRecordBase {
  kind: 'studioApp';
  /** `JupyterLab`, `CodeEditor`, `KernelGateway`, `JupyterServer`…; undefined when not written. */
  appType?: Field<string>;
  /** `ResourceSpec.InstanceType`; undefined when not written (the domain's or profile's default applies). */
  instanceType?: Field<string>;
}

/** One instance group of a HyperPod cluster (`InstanceGroups`). */
export interface HyperPodInstanceGroup {
  /** Where a finding about the group sits: the item in the list. */
  anchor: Span;
  name?: Field<string>;
  instanceType?: Field<string>;
  instanceCount?: Field<number>;
}

/** A SageMaker HyperPod cluster: `AWS::SageMaker::Cluster`, CDK `CfnCluster` (the Terraform AWS provider has no such resource). */
export interface HyperPodClusterRecord extends ResourceRecordBase {
  kind: 'hyperPodCluster';
  /** Its instance groups; `unknown` when the list (or the whole properties) cannot be read. Restricted instance groups are not read. */
  instanceGroups: HyperPodInstanceGroup[] | 'unknown';
}

/** Who picks the region: an AWS provider (Terraform), a stack's `env` (CDK), a boto3 session or client (Python). */
export type RegionSetter = 'provider' | 'stack' | 'session';

/** The region a provider, stack, session or client runs its work in. */
export interface RegionRecord {
  kind: 'region';
  format: RecordFormat;
  setter: RegionSetter;
  /** The stack's name (CDK). */
  name?: string;
  region: Field<string>;
}

export type ResourceRecord =
  | S3BucketRecord
  | EcrRepositoryRecord
  | LogGroupRecord
  | NotebookInstanceRecord
  | StudioDomainRecord
  | StudioUserProfileRecord
  | StudioSpaceRecord
  | StudioAppRecord
  | HyperPodClusterRecord;
