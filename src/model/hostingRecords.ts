import type { CdkApp, CdkConstruct } from '../parsers/cdk/model';
import type { CfnResource } from '../parsers/cloudformation';
import type { PythonCall } from '../parsers/python/facts';
import type { TfModule, TfModuleResource } from '../parsers/terraform';
import type { Field, Span } from './field';
import type { EndpointVariant } from './read/pythonEndpoints';
import type { EndpointVariantRecord, RecordFormat } from './records';

/** A place a finding's related location points to; `fileName` when it is another file of the module. */
export interface Place extends Span {
  fileName?: string;
}

/**
 * An endpoint configuration, whatever wrote it: `AWS::SageMaker::EndpointConfig` (YAML, JSON,
 * CDK), `aws_sagemaker_endpoint_configuration`, boto3 `create_endpoint_config`.
 */
export interface EndpointConfigRecord {
  kind: 'endpointConfig';
  format: RecordFormat;
  /** As the file names it (logical id, `aws_sagemaker_endpoint_configuration.c`, construct id). */
  name: string;
  /** Where its list of production variants is written (the `ProductionVariants` key, the first `production_variants` block). */
  variantsAnchor: Span;
  /** Undefined when the list cannot be read whole (an intrinsic, a `dynamic` block, an open array). */
  variants: readonly EndpointVariantRecord[] | undefined;
}

/**
 * An endpoint and the configuration it serves, with each variant's link to an Application Auto
 * Scaling target judged for this endpoint (a target names the endpoint and the variant).
 */
export interface EndpointRecord {
  kind: 'endpoint';
  format: RecordFormat;
  name: string;
  anchor: Place;
  config: EndpointConfigRecord;
  /** The configuration's variants, with `scaling` as seen for this endpoint. */
  variants: EndpointVariantRecord[];
  /** For the edit renderer: how the file writes the endpoint, where new linked records go. */
  source: EndpointSource;
  /**
   * The endpoint as each branch of its configuration's template conditions reads it (`Fn::If` in
   * the configuration's properties; see `Branched` in `field.ts`); undefined when nothing is conditional.
   */
  branches?: readonly EndpointRecord[];
}

/** The parser facts an edit renderer needs to add records linked to an endpoint. */
export type EndpointSource =
  | { format: 'cfn'; resource: CfnResource; resourcesKey: Span | undefined }
  | { format: 'tf'; module: TfModule; endpoint: TfModuleResource; config: TfModuleResource }
  | { format: 'cdk'; app: CdkApp; endpoint: CdkConstruct };

/** The Python call that creates an endpoint variant, as the edit renderers need it. */
export interface PythonVariantSite {
  format: 'py';
  call: PythonCall;
  variant: EndpointVariant;
  callee: Span;
  /** The variable holding the session's default bucket assigned before the call, if any. */
  defaultBucket?: string;
}

/**
 * The data capture of an endpoint configuration (`DataCaptureConfig`, `data_capture_config`,
 * `dataCaptureConfig`) or an SDK `DataCaptureConfig(...)`: whether it captures, and how much.
 */
export interface DataCaptureRecord {
  kind: 'dataCapture';
  format: RecordFormat;
  /** The endpoint configuration as the file names it; undefined in Python. */
  config?: string;
  /** `unknown`: the file does not say it is on (the SDK's `enable_capture` not a literal). Absent in a template: on. */
  enabled: 'yes' | 'no' | 'unknown';
  samplingPercentage?: Field<number>;
  /** How the file writes the percentage's key and its separator, for messages (`sampling_percentage=`, `initialSamplingPercentage: `). */
  samplingKey: string;
}

/**
 * Elastic Inference accelerators attached to something: an endpoint variant (`AcceleratorType`),
 * a notebook instance (`AcceleratorTypes`), an SDK model or deploy (`accelerator_type=`).
 */
export interface AcceleratorAttachmentRecord {
  kind: 'acceleratorAttachment';
  format: RecordFormat;
  /** What carries them: a named resource of a template, or, in Python, the call that attaches them. */
  owner:
    | { kind: 'endpointVariant'; config?: string; variant?: string }
    | { kind: 'notebookInstance'; name?: string }
    | { kind: 'model' | 'deploy' | 'call' };
  /** The accelerator types, resolved (only `ml.eia*` ones are kept by the adapters that read lists). */
  accelerators: string[];
  anchor: Span;
}

/**
 * An endpoint a notebook creates (SDK `deploy`, boto3 `create_endpoint`) and whether a later cell
 * deletes it: it bills every hour until deleted.
 */
export interface NotebookDeploymentRecord {
  kind: 'notebookDeployment';
  format: 'py';
  /** The callee of the call that creates it. */
  anchor: Span;
  /** A later cell deletes it (or may: a teardown on a client or session the analysis cannot follow). */
  tornDown: boolean;
  instanceType?: Field<string>;
  instanceCount?: Field<number>;
  /** The code that deletes it, when the notebook names what it needs; its last line is the call. */
  teardown?: string;
  /**
   * Not deleted here, but kept for another notebook: a `%store` after the deploy of the variable
   * holding the predictor or the endpoint's name (`%store endpoint_name`), the name it stores. The
   * notebook that restores it (`%store -r`) owns the teardown.
   */
  handedOn?: string;
  /** The 0-based index of the cell that deploys it. */
  cell?: number;
  /** Where text becomes a new cell at the end of the notebook. */
  appendAt: number;
}

/**
 * An Application Auto Scaling target for a SageMaker endpoint variant's instance count
 * (`AWS::ApplicationAutoScaling::ScalableTarget`, `aws_appautoscaling_target`, CDK
 * `ScalableTarget` / `CfnScalableTarget` or `autoScaleInstanceCount`, boto3
 * `register_scalable_target`), with the scaling policies that act on it.
 */
export interface ScalableTargetRecord {
  kind: 'scalableTarget';
  format: RecordFormat;
  /** As the file names it (logical id, `aws_appautoscaling_target.t`, construct id); undefined in Python. */
  name?: string;
  anchor: Place;
  /** The endpoint and variant its resource ID names, when the file resolves them. */
  endpoint?: string;
  variant?: string;
  minCapacity?: Field<number>;
  maxCapacity?: Field<number>;
  policies: ScalingPolicyRecord[];
}

/** A scaling policy on a scalable target (`AWS::ApplicationAutoScaling::ScalingPolicy`, `aws_appautoscaling_policy`, `scaleOnMetric`/`scaleToTrackMetric`, boto3 `put_scaling_policy`). */
export interface ScalingPolicyRecord {
  kind: 'scalingPolicy';
  format: RecordFormat;
  name?: string;
  anchor: Place;
  /** `TargetTrackingScaling` or `StepScaling`, when written. */
  policyType?: Field<string>;
}

/**
 * An inference component: a model's copies hosted on an endpoint's variant
 * (`AWS::SageMaker::InferenceComponent`, CDK `CfnInferenceComponent`, boto3
 * `create_inference_component`; the Terraform AWS provider has no such resource).
 */
export interface InferenceComponentRecord {
  kind: 'inferenceComponent';
  format: RecordFormat;
  /** As the file names it (logical id, construct id); undefined in Python. */
  name?: string;
  anchor: Place;
  /** The endpoint and variant it is placed on, as literals when the file writes them so. */
  endpoint?: Field<string>;
  variant?: Field<string>;
  /** `RuntimeConfig.CopyCount`: how many copies run. */
  copyCount?: Field<number>;
}

/**
 * A batch transform job: instances that score a data set and stop (boto3 `create_transform_job`,
 * SDK `Transformer(...)` and `model.transformer(...)`; no template format writes one).
 */
export interface BatchTransformRecord {
  kind: 'batchTransform';
  format: RecordFormat;
  anchor: Place;
  instanceType?: Field<string>;
  instanceCount?: Field<number>;
}

/**
 * A SageMaker model (`AWS::SageMaker::Model`, `aws_sagemaker_model`, CDK `CfnModel`, SDK
 * `Model(...)` and its framework subclasses, boto3 `create_model`), with the Elastic Inference
 * accelerator an SDK model attaches (`accelerator_type=`; SML306 judges the attachment).
 */
export interface ModelRecord {
  kind: 'model';
  format: RecordFormat;
  /** As the file names it (logical id, `aws_sagemaker_model.m`, construct id); undefined in Python. */
  name?: string;
  anchor: Place;
  accelerator?: AcceleratorAttachmentRecord;
}
