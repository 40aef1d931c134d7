import { oncePerFact } from './memo';
import { getAcceleratorCount, getInstanceType } from '../../data/instances';
import type { InstanceRow } from '../../data/types';
import type { PyValue, PythonCall } from '../../parsers/python/facts';
import { asDict, getDictEntry, getKeyword } from '../../parsers/python/facts';
import type { Boto3TrainingRequest } from './sagemaker';
import { boto3TrainingRequests, getEstimatorArgument, isEstimatorCall, isModelTrainerCall, isSageMakerClientCall } from './sagemaker';

/** A training setting as found: where a value-level finding sits, and its value. */
export interface TrainingSetting {
  start: number;
  end: number;
  value: PyValue;
  /** Written at the call (not read from a name or a `**spread`): a fix may replace `value`. */
  editable: boolean;
}

/** What a training call says about its framework and capacity, in one shape for the three APIs. */
export interface TrainingJob {
  api: 'estimator' | 'boto3' | 'modelTrainer';
  /**
   * `pytorch`, `tensorflow`, `huggingface`, `sklearn`, `xgboost`, `mxnet`, `chainer`, `rl`; `builtin`
   * for built-in algorithms (their estimator classes, or an image of one); undefined when unknown.
   */
  framework?: string;
  instanceType?: TrainingSetting;
  instanceCount?: TrainingSetting;
  /**
   * `distribution=` (SDK v1 `distributions=`, SDK v3 `distributed=`) is given, whatever its value,
   * or the job launches its processes itself (a `backend` hyperparameter, a `ModelTrainer` command or shell entry script).
   */
  hasDistribution: boolean;
  /** A setting may be hidden in an unresolved `**kwargs` or dict. */
  open: boolean;
}

const frameworkClasses: Record<string, string> = {
  PyTorch: 'pytorch', TensorFlow: 'tensorflow', HuggingFace: 'huggingface', SKLearn: 'sklearn', XGBoost: 'xgboost', MXNet: 'mxnet', Chainer: 'chainer', RLEstimator: 'rl',
};

const builtinClasses = new Set(['KMeans', 'PCA', 'LDA', 'NTM', 'LinearLearner', 'FactorizationMachines', 'RandomCutForest', 'KNN', 'Object2Vec', 'IPInsights']);

const imageFrameworks: Record<string, string> = { pytorch: 'pytorch', tensorflow: 'tensorflow', huggingface: 'huggingface', 'huggingface-llm': 'huggingface', sklearn: 'sklearn', mxnet: 'mxnet', chainer: 'chainer' };

/** Algorithms `image_uris.retrieve` knows that are SageMaker built-in algorithms (they distribute by themselves). */
const builtinAlgorithms = new Set([
  'xgboost', 'linear-learner', 'kmeans', 'pca', 'lda', 'ntm', 'factorization-machines', 'randomcutforest', 'knn', 'object2vec', 'ipinsights',
  'blazingtext', 'image-classification', 'object-detection', 'semantic-segmentation', 'seq2seq', 'forecasting-deepar',
]);

/** The framework of a training image: an `image_uris.retrieve(...)` call, or a Deep Learning Container URI. */
function frameworkOfImage(value: PyValue | undefined): string | undefined {
  if (!value) return undefined;
  if (value.kind === 'call' && /^sagemaker\.(image_uris\.retrieve|fw_utils\.|amazon\.amazon_estimator\.get_image_uri)/.test(value.call.name)) {
    const name = value.call.positional[0] ?? getKeyword(value.call, 'framework')?.value ?? getKeyword(value.call, 'repo_name')?.value;
    if (name?.kind !== 'string') return undefined;
    return imageFrameworks[name.value] ?? (builtinAlgorithms.has(name.value) ? 'builtin' : undefined);
  }
  return value.kind === 'string' ? frameworkOfImageUri(value.value) : undefined;
}

/** The framework of a training image URI: a Deep Learning Container, the scikit-learn container or a built-in algorithm's image. */
export function frameworkOfImageUri(uri: string): string | undefined {
  const dlc = /(?:^|\/)(huggingface-pytorch|huggingface-tensorflow|pytorch|tensorflow|mxnet|sagemaker-scikit-learn)-training[:@]/.exec(uri);
  if (dlc) return dlc[1].startsWith('huggingface') ? 'huggingface' : dlc[1] === 'sagemaker-scikit-learn' ? 'sklearn' : dlc[1];
  // The SageMaker scikit-learn container has one repository for training and serving (`sagemaker-scikit-learn:1.2-1-cpu-py3`).
  if (/(?:^|\/)sagemaker-scikit-learn[:@]/.test(uri)) return 'sklearn';
  const builtin = /\.amazonaws\.com(?:\.cn)?\/([\w-]+):/.exec(uri);
  return builtin && builtinAlgorithms.has(builtin[1]) ? 'builtin' : undefined;
}

function keywordSetting(call: PythonCall, name: string, altName?: string): TrainingSetting | undefined {
  const keyword = name.startsWith('train_') ? getKeyword(call, name) : (getEstimatorArgument(call, name) ?? (altName ? getKeyword(call, altName) : undefined));
  if (!keyword) return undefined;
  return { start: keyword.start, end: keyword.end, value: keyword.value, editable: !keyword.spread && !keyword.value.indirect };
}

function positionalSetting(call: PythonCall, index: number): TrainingSetting | undefined {
  const value = call.positional[index];
  return value && { start: value.start, end: value.end, value, editable: !value.indirect };
}

/**
 * The training job a call starts, or undefined when the call is not an estimator, `ModelTrainer` or `create_training_job`.
 * Several rules ask for every call: it is worked out once per call.
 */
export const trainingJobOf: (call: PythonCall) => Readonly<TrainingJob> | undefined = oncePerFact(readTrainingJob);

function readTrainingJob(call: PythonCall): TrainingJob | undefined {
  if (isEstimatorCall(call)) {
    const cls = call.name.slice(call.name.lastIndexOf('.') + 1);
    const generic = cls === 'Estimator';
    const framework = frameworkClasses[cls] ?? (builtinClasses.has(cls) ? 'builtin' : generic ? frameworkOfImage(getKeyword(call, 'image_uri')?.value ?? getKeyword(call, 'image_name')?.value ?? call.positional[0]) : undefined);
    return {
      api: 'estimator',
      framework,
      // Estimator(image_uri, role, instance_count, instance_type, …) also takes them by position.
      instanceType: keywordSetting(call, 'instance_type') ?? (generic ? positionalSetting(call, 3) : undefined),
      instanceCount: keywordSetting(call, 'instance_count') ?? (generic ? positionalSetting(call, 2) : undefined),
      hasDistribution: !!getKeyword(call, 'distribution') || !!getKeyword(call, 'distributions') || setsUpTorchDistributed(call),
      open: call.open,
    };
  }
  if (isSageMakerClientCall(call, 'create_training_job')) return boto3TrainingJob(boto3TrainingRequests(call)[0]);
  if (isModelTrainerCall(call)) {
    const compute = getKeyword(call, 'compute');
    const computeCall = compute?.value.kind === 'call' ? compute.value.call : undefined;
    const setting = (name: string): TrainingSetting | undefined => {
      const k = computeCall && getKeyword(computeCall, name);
      return k && { start: k.start, end: k.end, value: k.value, editable: !k.spread && !k.value.indirect && !compute?.value.indirect };
    };
    const sourceCode = getKeyword(call, 'source_code')?.value;
    const sourceCall = sourceCode?.kind === 'call' ? sourceCode.call : undefined;
    const entryScript = sourceCall && getKeyword(sourceCall, 'entry_script')?.value;
    // A `command` or a shell entry script (`sm_accelerate_train.sh`) starts its own launcher (torchrun, accelerate).
    const ownLauncher = !!sourceCall && (!!getKeyword(sourceCall, 'command') || !(entryScript?.kind === 'string' && entryScript.value.endsWith('.py')));
    return {
      api: 'modelTrainer',
      framework: frameworkOfImage(getKeyword(call, 'training_image')?.value),
      instanceType: setting('instance_type'),
      instanceCount: setting('instance_count'),
      hasDistribution: !!getKeyword(call, 'distributed') || ownLauncher,
      open: call.open || !!(compute && (!computeCall || computeCall.open)) || (!!sourceCode && !sourceCall) || !!sourceCall?.open,
    };
  }
  return undefined;
}

/** The training job a boto3 request describes: `create_training_job`'s keywords, or a tuning job's training job definition. */
export function boto3TrainingJob(request: Boto3TrainingRequest): TrainingJob {
  const resources = asDict(request.get('ResourceConfig')?.value);
  const algorithm = asDict(request.get('AlgorithmSpecification')?.value);
  const entry = (key: string): TrainingSetting | undefined => {
    const e = resources && getDictEntry(resources, key);
    return e && { start: e.start, end: e.end, value: e.value, editable: !resources.indirect && !e.value.indirect };
  };
  const image = algorithm && getDictEntry(algorithm, 'TrainingImage')?.value;
  return {
    api: 'boto3',
    framework: frameworkOfImage(image),
    instanceType: entry('InstanceType'),
    instanceCount: entry('InstanceCount'),
    hasDistribution: false,
    open: request.open || !resources || resources.open,
  };
}

/**
 * Scripts written before `distribution=` existed (the SageMaker PyTorch MNIST
 * examples) set up `torch.distributed` themselves from a `backend` hyperparameter.
 */
function setsUpTorchDistributed(call: PythonCall): boolean {
  const hyperparameters = asDict(getKeyword(call, 'hyperparameters')?.value);
  return !!hyperparameters && !!getDictEntry(hyperparameters, 'backend');
}

/** The catalogue row of a setting's literal instance type; undefined when it is not a literal or not a known `ml.*` type. */
export function instanceRowOf(setting: TrainingSetting | undefined): InstanceRow | undefined {
  return setting?.value.kind === 'string' ? getInstanceType(setting.value.value) : undefined;
}

/** The accelerators of an instance type, for messages: `8 × A100-40GB`. */
export function describeAccelerators(row: InstanceRow): string {
  return `${getAcceleratorCount(row) ?? '?'} × ${row.acceleratorModel ?? 'GPU'}`;
}
