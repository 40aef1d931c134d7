/** Plain data the AWS wrappers return; no SDK types, so src/present may import them. */

export interface EndpointVariant {
  variantName: string;
  /** Null for serverless variants. */
  instanceType: string | null;
  /** Current instance count (desired when the endpoint reports no current one); 0 for serverless. */
  instanceCount: number;
  serverless: { memorySizeInMb: number; maxConcurrency: number; provisionedConcurrency: number } | null;
}

export interface Endpoint {
  name: string;
  arn: string;
  status: string;
  creationTime: Date | null;
  lastModifiedTime: Date | null;
  endpointConfigName: string | null;
  async: boolean;
  variants: EndpointVariant[];
}

export interface NotebookInstance {
  name: string;
  arn: string;
  status: string;
  instanceType: string | null;
  creationTime: Date | null;
  lastModifiedTime: Date | null;
  lifecycleConfigName: string | null;
}

export type JobKind = 'training' | 'processing' | 'transform';

export interface Job {
  kind: JobKind;
  name: string;
  arn: string;
  status: string;
  creationTime: Date | null;
  instanceType: string | null;
  instanceCount: number;
}

export interface CallerIdentity {
  account: string;
  arn: string;
}

/** Sum of a variant's invocations over the window; 0 when CloudWatch has no datapoint. */
export interface VariantInvocations {
  endpointName: string;
  variantName: string;
  invocations: number;
}

/** Everything the explorer shows for one region. */
export interface RegionSnapshot {
  region: string;
  endpoints: Endpoint[];
  notebooks: NotebookInstance[];
  jobs: Job[];
  invocations: VariantInvocations[];
}

/** Resource kinds the explorer can act on. */
export type ResourceKind = 'endpoint' | 'notebook' | 'job' | 'app' | 'space';

/** Studio app types a space or user profile runs (the SDK's `AppType` values). */
export type StudioAppType = string;

/** Enough to name, act on and poll one resource; built by the tree model, read by the actions. */
export interface ResourceRef {
  kind: ResourceKind;
  region: string;
  /** Endpoint, notebook instance, job, app or space name. */
  name: string;
  arn: string;
  /** Jobs only. */
  jobKind?: JobKind;
  /** Endpoints: the config DeleteEndpoint leaves behind (null when unknown). */
  endpointConfigName?: string | null;
  /** Studio apps and spaces. */
  domainId?: string;
  /** Studio apps: the space, or (Studio Classic) the user profile the app belongs to. */
  spaceName?: string;
  userProfileName?: string;
  appType?: StudioAppType;
}

/** The actions that change AWS resources; each is gated by `greenml.aws.readOnly`. */
export type ActionId = 'stopNotebook' | 'deleteEndpoint' | 'deleteApp' | 'stopJob' | 'setSpaceIdleTimeout';
