import type { Field } from './field';
import type { PythonVariantSite } from './hostingRecords';

/** The format family a record was read from; rules never branch on it, messages may name its vocabulary. */
export type RecordFormat = 'py' | 'cfn' | 'tf' | 'cdk';

/**
 * One production variant of an endpoint configuration, whatever wrote it: a SageMaker SDK
 * `deploy(...)` (v2 model, estimator, tuner; v3 `ModelBuilder`), a boto3 `create_endpoint_config`
 * variant, an `AWS::SageMaker::EndpointConfig` variant in CloudFormation or CDK, or a Terraform
 * `production_variants` block.
 */
export interface EndpointVariantRecord {
  kind: 'endpointVariant';
  format: RecordFormat;
  /** The endpoint configuration as the file names it (logical id, `aws_sagemaker_endpoint_configuration.c`, construct id); undefined in Python. */
  config?: string;
  variantName?: string;
  /** Undefined when not written (a serverless variant). */
  instanceType?: Field<string>;
  instanceCount?: Field<number>;
  /**
   * How requests reach it: `async` endpoints keep their instances up between requests like
   * real-time ones; `unknown` is a configuration the analysis cannot read (SDK v3 `inference_config`).
   */
  invocation: 'real-time' | 'async' | 'serverless' | 'unknown';
  /** The link to an Application Auto Scaling target for this variant: one seen, none, or the file cannot tell. */
  scaling: 'scaled' | 'unscaled' | 'unknown';
  /**
   * SageMaker-managed instance scaling of the variant (`ManagedInstanceScaling`, for inference
   * components): it scales the instance count without an Application Auto Scaling target.
   * `unknown` when the status cannot be read; undefined when not written.
   */
  managedScaling?: 'enabled' | 'disabled' | 'unknown';
  /** The Elastic Inference accelerator the variant attaches (`AcceleratorType`), when written. */
  acceleratorType?: Field<string>;
  /** Where the SDK runs it: `local` mode (`instance_type="local"`), or maybe local (a local session imported, the type not known). Undefined: SageMaker hosting. */
  hostedOn?: 'local' | 'maybe-local';
  /** Still being written (an unclosed call or dict): fixes wait. */
  incomplete?: boolean;
  /** The Python call that creates it (SDK `deploy`, boto3 `create_endpoint_config`): findings about the endpoint sit on its callee, edit renderers read it. */
  site?: PythonVariantSite;
}
export * from './trainingRecords';
export * from './resourceRecords';
export * from './hostingRecords';
