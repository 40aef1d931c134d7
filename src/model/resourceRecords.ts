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

/** The JupyterLab idle shutdown of a Studio domain's default user settings (`…AppLifecycleManagement.IdleSettings`). */
export interface IdleSettings {
  /** `ENABLED` or `DISABLED`; undefined when not written. */
  lifecycleManagement?: Field<string>;
}

/** A SageMaker Studio domain: `AWS::SageMaker::Domain`, `aws_sagemaker_domain`, CDK `CfnDomain`. */
export interface StudioDomainRecord extends ResourceRecordBase {
  kind: 'studioDomain';
  /** Undefined: not written at some level of the path; `unknown`: a level the file cannot read (a variable, a dynamic block). */
  idleSettings?: IdleSettings | 'unknown';
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

export type ResourceRecord = S3BucketRecord | EcrRepositoryRecord | LogGroupRecord | NotebookInstanceRecord | StudioDomainRecord;
