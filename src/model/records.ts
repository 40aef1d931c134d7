import type { Field } from './field';
import type { PythonVariantSite, ScalableTargetRecord } from './hostingRecords';
import type { ShardingDegree } from './read/gpuSharding';
import type { ModelSize } from './read/modelSize';

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
   * The scalable targets that scale this variant (`scaling` says the same in one word): empty when
   * none does, undefined when the file cannot tell (a target it cannot read may be for it) or the
   * adapter does not link them.
   */
  scaledBy?: ScalableTargetRecord[];
  /**
   * SageMaker-managed instance scaling of the variant (`ManagedInstanceScaling`, for inference
   * components): it scales the instance count without an Application Auto Scaling target.
   * `unknown` when the status cannot be read; undefined when not written.
   */
  managedScaling?: 'enabled' | 'disabled' | 'unknown';
  /** `ManagedInstanceScaling`'s `MinInstanceCount`: 0 is the state in which the variant can sleep (no instance billed while idle). */
  managedMinInstances?: Field<number>;
  /**
   * `InstancePools` written instead of `InstanceType` (up to five types SageMaker provisions in
   * priority order): each pool's type and priority, priority 1 first. The variant is
   * instance-backed; its `instanceType` is then the priority-1 pool's.
   */
  instancePools?: Array<{ instanceType: Field<string>; priority?: number }>;
  /** The Elastic Inference accelerator the variant attaches (`AcceleratorType`), when written. */
  acceleratorType?: Field<string>;
  /**
   * The variant as each branch of its template's conditions reads it (`Fn::If` in the endpoint
   * configuration's properties); see `Branched` in `field.ts`. Undefined when nothing is conditional.
   */
  branches?: readonly EndpointVariantRecord[];
  /** Where the SDK runs it: `local` mode (`instance_type="local"`), or maybe local (a local session imported, the type not known). Undefined: SageMaker hosting. */
  hostedOn?: 'local' | 'maybe-local';
  /** Still being written (an unclosed call or dict): fixes wait. */
  incomplete?: boolean;
  /**
   * The tensor-parallel degree the served model is configured with (`TENSOR_PARALLEL_DEGREE`,
   * `OPTION_TENSOR_PARALLEL_DEGREE`, `SM_NUM_GPUS`… in its environment, or
   * `ResourceRequirements(requests={"num_accelerators": n})`): a number of GPUs, `all`, or
   * `unknown` when written through a name. `scope` says where it was read: the deploy's own
   * model, or (the model's environment not readable) anywhere in the file. Undefined: nothing
   * configures it (Python, CloudFormation, Terraform and CDK read it from the served model).
   */
  gpuSharding?: { degree: ShardingDegree; scope: 'model' | 'file' };
  /** The size of the served model where its id tells it (`HF_MODEL_ID`, `OPTION_MODEL_ID`, `model_id=`: `read/modelSize.ts`); undefined when not known. */
  model?: ModelSize;
  /** The Python call that creates it (SDK `deploy`, boto3 `create_endpoint_config`): findings about the endpoint sit on its callee, edit renderers read it. */
  site?: PythonVariantSite;
  /**
   * One record for every variant a Terraform `dynamic "production_variants"` block builds (one per
   * element of its `for_each`, possibly none): its fields are the `content`'s, unknown where they
   * read the element; `map`: the same for a CDK `productionVariants: list.map((x) => ({...}))`.
   * Undefined: one written variant.
   */
  repeated?: 'dynamic' | 'map';
}
export * from './trainingRecords';
export * from './resourceRecords';
export * from './hostingRecords';
