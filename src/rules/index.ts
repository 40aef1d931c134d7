import type { AnyRule } from '../core/types';
import { dataCaptureFullSampling } from './data-capture-full-sampling';
import { ecrNoLifecycle } from './ecr-no-lifecycle';
import { elasticInferenceRetired } from './elastic-inference-retired';
import { endpointAlwaysOn } from './endpoint-always-on';
import { endpointGeneralPurposeSilicon } from './endpoint-general-purpose-silicon';
import { endpointNoAutoscaling } from './endpoint-no-autoscaling';
import { endpointNoTeardown } from './endpoint-no-teardown';
import { endpointOversizedInstance } from './endpoint-oversized-instance';
import { highCarbonRegion } from './high-carbon-region';
import { logGroupNoRetention } from './log-group-no-retention';
import { notebookNoAutoStop } from './notebook-no-auto-stop';
import { notebookOversizedInstance } from './notebook-oversized-instance';
import { s3NoLifecycle } from './s3-no-lifecycle';
import { spotNoCheckpoint } from './spot-no-checkpoint';
import { spotNoMaxWait } from './spot-no-max-wait';
import { trainingCompilerRetired } from './training-compiler-retired';
import { trainingGpuInstance } from './training-gpu-instance';
import { trainingNoSpot } from './training-no-spot';
import { trainingNoUtilizationRules } from './training-no-utilization-rules';
import { trainingOversizedInstance } from './training-oversized-instance';
import { tuningExhaustiveSearch } from './tuning-exhaustive-search';
import { tuningNoEarlyStopping } from './tuning-no-early-stopping';
import { warmPoolKeepAlive } from './warm-pool-keep-alive';

/** Every rule, in id order. Adding a rule: its file, this line, a test, a fixture and a doc page. */
export const allRules: readonly AnyRule[] = [
  s3NoLifecycle,
  ecrNoLifecycle,
  tuningExhaustiveSearch,
  tuningNoEarlyStopping,
  trainingNoSpot,
  spotNoCheckpoint,
  spotNoMaxWait,
  trainingOversizedInstance,
  trainingGpuInstance,
  trainingNoUtilizationRules,
  trainingCompilerRetired,
  warmPoolKeepAlive,
  endpointAlwaysOn,
  endpointOversizedInstance,
  endpointNoAutoscaling,
  endpointGeneralPurposeSilicon,
  dataCaptureFullSampling,
  elasticInferenceRetired,
  endpointNoTeardown,
  logGroupNoRetention,
  notebookNoAutoStop,
  notebookOversizedInstance,
  highCarbonRegion,
];
