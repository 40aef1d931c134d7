/** Plain data the AWS wrappers return; no SDK types, so src/present may import them. */
import type { AwsErrorReason } from './errors';

export interface EndpointVariant {
  variantName: string;
  /** Null for serverless variants. */
  instanceType: string | null;
  /** Current instance count (desired when the endpoint reports no current one); 0 for serverless. */
  instanceCount: number;
  serverless: { memorySizeInMb: number; maxConcurrency: number; provisionedConcurrency: number } | null;
  /** False when the config's variant names no model: the variant hosts inference components. Absent when unknown. */
  hasModel?: boolean;
  /**
   * Instance pools of a heterogeneous variant (no single instance type): each type with its
   * provisioning priority (1 first; from the config) and current instance count (from the endpoint);
   * absent for a variant on one instance type.
   */
  instancePools?: InstancePool[];
}

export interface InstancePool {
  instanceType: string;
  /** Null when only the endpoint (not its config) named the pool. */
  priority: number | null;
  /** Null when the endpoint does not report the pool's count. */
  currentCount: number | null;
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
  /**
   * Absent once the endpoint config is known. `pending`: listed (status, counts, idle) but its
   * config, which alone holds the instance types, async and model settings, is still being
   * described; `failed`: that describe failed, with the reason in `detailsError`.
   */
  details?: 'pending' | 'failed';
  detailsError?: string;
  /** Up to a few tags, owner-like first (from Search; absent when the endpoint was described instead). */
  tags?: { key: string; value: string }[];
}

/** What the explorer reads from an endpoint config; configs never change (an update moves the endpoint to a new config). */
export interface EndpointConfigFacts {
  /** The config's CreationTime (ISO): a config deleted and created again under the same name is another config. */
  createdAt: string | null;
  async: boolean;
  variants: {
    variantName: string;
    instanceType: string | null;
    initialInstanceCount: number | null;
    serverless: { memorySizeInMb: number; maxConcurrency: number; provisionedConcurrency: number } | null;
    hasModel: boolean;
    /** Absent unless the variant runs on instance pools. */
    instancePools?: { instanceType: string; priority: number | null }[];
  }[];
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
export interface RegionSnapshot extends RegionExtras {
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

/** Why one group of a region (Studio, HyperPod, warm pools, inference components) failed while the rest loaded. */
export interface GroupFailure {
  reason: AwsErrorReason;
  message: string;
}

/** `AppLifecycleManagement.IdleSettings` of a domain or user profile (space settings carry only the timeout). */
export interface IdleSettings {
  lifecycleManagement: 'ENABLED' | 'DISABLED' | null;
  idleTimeoutInMinutes: number | null;
  minIdleTimeoutInMinutes: number | null;
  maxIdleTimeoutInMinutes: number | null;
}

/** Idle settings per app type that supports idle shutdown (JupyterLab, CodeEditor). */
export interface AppIdleSettings {
  JupyterLab: IdleSettings | null;
  CodeEditor: IdleSettings | null;
}

export interface StudioApp {
  domainId: string;
  appType: string;
  appName: string;
  status: string;
  spaceName: string | null;
  userProfileName: string | null;
  /** `system` for the free Studio Classic server apps. */
  instanceType: string | null;
  creationTime: Date | null;
  /**
   * From DescribeApp, read only by the fleet scan and only for running apps (absent otherwise):
   * `LastUserActivityTimestamp` and `LastHealthCheckTimestamp`, null when not reported. SageMaker
   * sets the activity to the health check time when nobody used the app, so the two being equal
   * says nothing about use.
   */
  lastUserActivity?: Date | null;
  lastHealthCheck?: Date | null;
}

export interface StudioSpace {
  domainId: string;
  name: string;
  status: string;
  ownerUserProfileName: string | null;
  /** From DescribeSpace, only for spaces with a running app; null when not described. */
  idleTimeoutInMinutes: { JupyterLab: number | null; CodeEditor: number | null } | null;
}

export interface StudioUserProfile {
  domainId: string;
  name: string;
  status: string;
  /** From DescribeUserProfile, only for profiles that own a running app; null when not described. */
  idle: AppIdleSettings | null;
}

export interface StudioDomain {
  id: string;
  name: string;
  arn: string;
  status: string;
  idle: AppIdleSettings;
  userProfiles: StudioUserProfile[];
  spaces: StudioSpace[];
  apps: StudioApp[];
}

export interface InferenceComponent {
  name: string;
  arn: string;
  endpointName: string;
  variantName: string | null;
  status: string;
  creationTime: Date | null;
  /** Current copies (desired when the current count is not reported). */
  copies: number;
  cpuCores: number | null;
  accelerators: number | null;
  memoryMb: number | null;
  /** `Invocations` on its `InferenceComponentName` over the idle window; null when not measured. */
  invocations: number | null;
}

export interface HyperPodInstanceGroup {
  name: string;
  instanceType: string | null;
  currentCount: number;
  targetCount: number;
}

export interface HyperPodCluster {
  name: string;
  arn: string;
  status: string;
  creationTime: Date | null;
  instanceGroups: HyperPodInstanceGroup[];
}

/** A finished training job whose warm pool is `Available`: its instances bill until reused or until the keep-alive ends. */
export interface WarmPool {
  jobName: string;
  arn: string;
  instanceType: string | null;
  instanceCount: number;
  trainingEndTime: Date | null;
  keepAliveSeconds: number | null;
  /** `trainingEndTime + keepAliveSeconds`, when both are known. */
  expiresAt: Date | null;
  reusedBy: string | null;
  billableSeconds: number | null;
}

/** An active training plan (reserved capacity): its instances are paid for up front, used or not. */
export interface TrainingPlan {
  name: string;
  arn: string;
  status: string;
  startTime: Date | null;
  endTime: Date | null;
  durationHours: number | null;
  /** Upfront fee as the API gives it (a decimal string), with its currency. */
  upfrontFee: string | null;
  currencyCode: string | null;
  totalInstances: number;
  availableInstances: number;
  inUseInstances: number;
  /** Instance types of the plan's reserved capacities. */
  instanceTypes: string[];
  targetResources: string[];
}

/** The groups added to a region beyond endpoints, notebooks and jobs; each loads (or fails) on its own. */
export interface RegionExtras {
  /** Read by the fleet scan only. */
  trainingPlans?: TrainingPlan[] | GroupFailure;
  studio?: StudioDomain[] | GroupFailure;
  clusters?: HyperPodCluster[] | GroupFailure;
  warmPools?: WarmPool[] | GroupFailure;
  /** Components of the endpoints that host them (variants without a model of their own). */
  inferenceComponents?: InferenceComponent[] | GroupFailure;
}
