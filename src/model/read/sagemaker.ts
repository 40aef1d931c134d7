import { oncePerFact } from './memo';
import type { PyContainer, PyDict, PyKeyword, PyValue, PythonCall, Span } from '../../parsers/python/facts';
import { asDict, getDictEntry, getKeyword } from '../../parsers/python/facts';

/**
 * The SageMaker Python SDK v2 estimator classes: the generic `Estimator`, the
 * framework estimators, and the built-in algorithm and marketplace estimators,
 * wherever they are imported from under `sagemaker.`.
 */
const estimatorClasses = new Set([
  'Estimator', 'PyTorch', 'TensorFlow', 'HuggingFace', 'XGBoost', 'SKLearn', 'MXNet', 'Chainer', 'RLEstimator',
  'JumpStartEstimator', 'AlgorithmEstimator', 'KMeans', 'PCA', 'LDA', 'NTM', 'LinearLearner', 'FactorizationMachines',
  'RandomCutForest', 'KNN', 'Object2Vec', 'IPInsights',
]);

/** SDK v2 (`sagemaker.tuner`) and v3 (`sagemaker.train.tuner`) tuners, and their `create` class methods. */
const tunerNames = new Set(
  ['sagemaker.tuner.HyperparameterTuner', 'sagemaker.HyperparameterTuner', 'sagemaker.train.tuner.HyperparameterTuner', 'sagemaker.train.HyperparameterTuner'].flatMap((n) => [n, `${n}.create`]),
);

/** SDK v3 `ModelTrainer` (and its preview under `sagemaker.modules` in late v2 releases), and its factory `ModelTrainer.from_recipe(...)`. */
const modelTrainerNames = new Set(
  ['sagemaker.train.ModelTrainer', 'sagemaker.train.model_trainer.ModelTrainer', 'sagemaker.modules.train.ModelTrainer', 'sagemaker.modules.train.model_trainer.ModelTrainer'].flatMap((n) => [n, `${n}.from_recipe`]),
);

export function isModelTrainerCall(call: PythonCall): boolean {
  return modelTrainerNames.has(call.name);
}

export function isEstimatorCall(call: PythonCall): boolean {
  // `sagemaker.<…>.<Class>`: the prefix, then the last dotted part (no split: every rule asks for every call).
  return call.name.startsWith('sagemaker.') && estimatorClasses.has(call.name.slice(call.name.lastIndexOf('.') + 1));
}

export function isTunerCall(call: PythonCall): boolean {
  return tunerNames.has(call.name);
}

/** A method of a boto3 SageMaker client (`boto3.client("sagemaker")`, `sagemaker.Session().sagemaker_client`). */
export function isSageMakerClientCall(call: PythonCall, method: string): boolean {
  return call.name === `boto3.client:sagemaker.${method}`;
}

/** `instance_type='local'` / `'local_gpu'`, or a choice between branches one of which is local mode. */
export function isLocalMode(value: PyValue | undefined): boolean {
  if (!value) return false;
  if (value.kind === 'string') return value.value === 'local' || value.value === 'local_gpu';
  return value.kind === 'unknown' && (value.alternatives ?? []).some(isLocalMode);
}

/** The literal boolean, or undefined when the value is not a literal `True`/`False`. */
export function boolOf(value: PyValue | undefined): boolean | undefined {
  return value?.kind === 'bool' ? value.value : undefined;
}

export function stringOf(value: PyValue | undefined): string | undefined {
  return value?.kind === 'string' ? value.value : undefined;
}

/** How an estimator or `create_training_job` call sets up managed spot training, in one shape. */
export interface SpotSetup {
  /** The argument (or key) that turns spot on: where value-level findings sit. */
  spot?: PyKeyword;
  spotValue?: boolean;
  hasCheckpoint: boolean;
  hasMaxWait: boolean;
  /** A missing setting proves nothing: a `**kwargs` or a dict could hold it. */
  unknown: boolean;
  /** SDK v2 estimator keywords, boto3 request keys, SDK v3 `ModelTrainer` config objects, or `@remote`/`@step` keywords. */
  api: 'estimator' | 'boto3' | 'modelTrainer' | 'remote';
  /** For boto3: the request whose keys hold the settings (the call, or a tuning job's training job definition). */
  request?: Boto3TrainingRequest;
}

/**
 * The part of a boto3 request that describes one training job: the keywords of
 * `create_training_job(...)`, or a training job definition dict of
 * `create_hyper_parameter_tuning_job(TrainingJobDefinition={...})` /
 * `TrainingJobDefinitions=[{...}]`, read the same way.
 */
export interface Boto3TrainingRequest {
  get(key: string): PyKeyword | undefined;
  /** Where new keys go; absent when the dict is not a display written in the file (`dict(...)`). */
  container?: PyContainer;
  /** Some keys cannot be known (`**kwargs`, a spread into the dict). */
  open: boolean;
  /** Where findings about the whole job sit: the callee, or the definition's name or keyword. */
  anchor: Span;
  /** How keys are written: `Key=value` in a call, `"Key": value` in a dict. */
  style: 'keyword' | 'dict';
}

function dictRequest(dict: PyDict, anchor: Span): Boto3TrainingRequest {
  return {
    get: (key) => {
      const entry = getDictEntry(dict, key);
      return entry && { name: entry.key, start: entry.start, end: entry.end, value: entry.value };
    },
    container: dict.container,
    open: dict.open,
    anchor,
    style: 'dict',
  };
}

/** The training job requests of a boto3 `create_training_job` or `create_hyper_parameter_tuning_job` call. */
export function boto3TrainingRequests(call: PythonCall): Boto3TrainingRequest[] {
  if (isSageMakerClientCall(call, 'create_training_job')) {
    return [{ get: (key) => getKeyword(call, key), container: call.arguments, open: call.open, anchor: call.callee, style: 'keyword' }];
  }
  if (!isSageMakerClientCall(call, 'create_hyper_parameter_tuning_job')) return [];
  const requests: Boto3TrainingRequest[] = [];
  const single = getKeyword(call, 'TrainingJobDefinition');
  const singleDict = asDict(single?.value);
  if (single && singleDict && !single.spread) requests.push(dictRequest(singleDict, { start: single.start, end: single.start + single.name.length }));
  const several = getKeyword(call, 'TrainingJobDefinitions');
  if (several && !several.spread && several.value.kind === 'list') {
    for (const item of several.value.items) {
      const dict = asDict(item);
      if (!dict) continue;
      const name = getDictEntry(dict, 'DefinitionName')?.value;
      requests.push(dictRequest(dict, name && !several.value.indirect ? { start: name.start, end: name.end } : { start: several.start, end: several.start + several.name.length }));
    }
  }
  return requests;
}

/** An estimator argument, also under its SDK v1 name (`train_use_spot_instances`, `train_instance_type`…). */
export function getEstimatorArgument(call: PythonCall, name: string): PyKeyword | undefined {
  return getKeyword(call, name) ?? getKeyword(call, `train_${name}`);
}

/** The prefix for argument names the fix adds: `train_` when the call is written for SDK v1. */
export function argumentPrefix(call: PythonCall): string {
  return call.keywords.some((k) => /^train_(instance_type|instance_count|max_run|use_spot_instances|volume_size)$/.test(k.name)) ? 'train_' : '';
}

/** The SDK's local-mode sessions: what is deployed or trained through one runs on this machine. */
const localSessions: ReadonlySet<string> = new Set(['sagemaker.local.LocalSession', 'sagemaker.local.local_session.LocalSession', 'sagemaker.LocalSession']);

/** Whether a file imports a local-mode session (a script that may switch between local and cloud). */
export function importsLocalSession(imports: ReadonlySet<string>): boolean {
  for (const name of localSessions) if (imports.has(name)) return true;
  return false;
}

/**
 * Whether an estimator may run in local mode: a local instance type, a
 * `LocalSession`, or an instance type the file cannot resolve in a file that
 * imports `LocalSession` (scripts that switch between local and cloud).
 */
export function mayBeLocalMode(call: PythonCall, imports: ReadonlySet<string>): boolean {
  const instanceType = getEstimatorArgument(call, 'instance_type')?.value;
  if (isLocalMode(instanceType)) return true;
  const session = getKeyword(call, 'sagemaker_session')?.value;
  if (session?.kind === 'call' && localSessions.has(session.call.name)) return true;
  return importsLocalSession(imports) && (!instanceType || instanceType.kind === 'unknown');
}

/** How a training call sets up spot training; worked out once per call for all the rules that ask. */
export const spotSetupOf: (call: PythonCall) => Readonly<SpotSetup> | undefined = oncePerFact(readSpotSetup);

function readSpotSetup(call: PythonCall): SpotSetup | undefined {
  if (isEstimatorCall(call)) {
    const spot = getEstimatorArgument(call, 'use_spot_instances');
    return {
      spot,
      spotValue: spot ? boolOf(spot.value) : false,
      hasCheckpoint: !!getKeyword(call, 'checkpoint_s3_uri'),
      hasMaxWait: !!getEstimatorArgument(call, 'max_wait'),
      unknown: call.open,
      api: 'estimator',
    };
  }
  if (isSageMakerClientCall(call, 'create_training_job')) return boto3SpotSetup(boto3TrainingRequests(call)[0]);
  if (isModelTrainerCall(call)) {
    const compute = getKeyword(call, 'compute');
    const stopping = getKeyword(call, 'stopping_condition');
    const computeCall = compute?.value.kind === 'call' ? compute.value.call : undefined;
    const stoppingCall = stopping?.value.kind === 'call' ? stopping.value.call : undefined;
    const spot = computeCall && getKeyword(computeCall, 'enable_managed_spot_training');
    return {
      spot,
      spotValue: spot ? boolOf(spot.value) : false,
      hasCheckpoint: !!getKeyword(call, 'checkpoint_config'),
      hasMaxWait: !!stoppingCall && !!getKeyword(stoppingCall, 'max_wait_time_in_seconds'),
      unknown: call.open || (!!compute && (!computeCall || computeCall.open)) || (!!stopping && (!stoppingCall || stoppingCall.open)),
      api: 'modelTrainer',
    };
  }
  return undefined;
}

function boto3SpotSetup(request: Boto3TrainingRequest): SpotSetup {
  const spot = request.get('EnableManagedSpotTraining');
  const stopping = request.get('StoppingCondition');
  const stoppingDict = asDict(stopping?.value);
  return {
    spot,
    spotValue: spot ? boolOf(spot.value) : false,
    hasCheckpoint: !!request.get('CheckpointConfig'),
    hasMaxWait: !!stoppingDict && !!getDictEntry(stoppingDict, 'MaxWaitTimeInSeconds'),
    unknown: request.open || (!!stopping && (!stoppingDict || stoppingDict.open)),
    api: 'boto3',
    request,
  };
}

/**
 * The spot setups of a call: one for an estimator, `ModelTrainer` or
 * `create_training_job`, one per training job definition of a boto3
 * `create_hyper_parameter_tuning_job`.
 */
export function spotSetupsOf(call: PythonCall): SpotSetup[] {
  if (isSageMakerClientCall(call, 'create_hyper_parameter_tuning_job')) return boto3TrainingRequests(call).map(boto3SpotSetup);
  const setup = spotSetupOf(call);
  return setup ? [setup] : [];
}
