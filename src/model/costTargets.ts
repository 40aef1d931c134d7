import type { Visitors } from '../core/types';
import type { CdkConstruct } from '../parsers/cdk/model';
import { getInstanceType } from '../data/instances';
import type { PyValue, PythonCall } from '../parsers/python/facts';
import { asDict, getDictEntry, getKeyword } from '../parsers/python/facts';
import { listVariants } from './read/cfnEndpoints';
import { listCdkVariants } from './read/cdkEndpoints';
import { endpointVariantsOf } from './read/pythonEndpoints';
import { awsProviderRegions, regionArgument } from './read/regions';
import { getEstimatorArgument, isEstimatorCall, isModelTrainerCall, isTunerCall, spotSetupOf } from './read/sagemaker';
import { listTfVariants } from './read/tfEndpoints';
import { trainingJobOf } from './read/training';
import type { TfResource } from '../parsers/terraform';
import type { NotebookInstanceRecord } from './resourceRecords';
import { valueOf } from './field';
import { tfTrainingRecords } from './tfTraining';
import type { TrainingJobRecord } from './trainingRecords';
import { visitResources } from './resources';

/** A place in the code that starts billable SageMaker capacity, with what the code says of it. Offsets index the code walked. */
export type CostTarget = TrainingTarget | AlwaysOnTarget;

/** A training job (`training`) or a tuner's jobs (`tuner`): bounded by their run time. */
export interface TrainingTarget {
  kind: 'training' | 'tuner';
  start: number;
  end: number;
  instanceType: string;
  instanceCount: number;
  /** Undefined: not given, the API default applies. */
  maxRunSeconds?: number;
  /** For a tuner: `max_jobs`. */
  maxJobs?: number;
  spot: boolean;
}

/** A real-time endpoint or a notebook instance: billed per hour while it is up. */
export interface AlwaysOnTarget {
  kind: 'endpoint' | 'notebook';
  start: number;
  end: number;
  instanceType: string;
  instanceCount: number;
}

/** Where the code sets its region: a boto3 session or client's `region_name`, or an AWS provider's `region`. */
export interface CodeRegion {
  code: string;
  start: number;
}

export interface CostTargets {
  targets: CostTarget[];
  region?: CodeRegion;
  /** How the file starts the jobs of the SDK objects it makes (filled at the end of the walk). */
  runs?: JobRuns;
}

/**
 * The links between a file's training targets and what starts them, so a report counts each job
 * once: an estimator a tuner runs (and the file never starts alone) is billed as the tuner's jobs;
 * an object with no live start at all (no `.fit()`, `.train()` or `.tune()` on it, not handed to
 * another call, no start on an object the analysis cannot follow) is `unstarted`.
 */
export interface JobRuns {
  tunedBy: Map<TrainingTarget, TrainingTarget>;
  unstarted: TrainingTarget[];
}

const literalNumber = (value: PyValue | undefined): number | undefined => (value?.kind === 'number' ? value.value : undefined);
const positiveCount = (n: number | undefined): number | undefined => (n !== undefined && Number.isInteger(n) && n > 0 ? n : undefined);
const literalCount = (value: PyValue | undefined): number | undefined => positiveCount(literalNumber(value));
const knownType = (value: unknown): string | undefined => (typeof value === 'string' ? getInstanceType(value)?.instanceType : undefined);

/** `max_run` (SDK v2), `StoppingCondition.MaxRuntimeInSeconds` (boto3) or `StoppingCondition(max_runtime_in_seconds=)` (SDK v3); null when given but not a literal. */
function maxRunOf(call: PythonCall): number | undefined | null {
  let value: PyValue | undefined;
  if (isEstimatorCall(call)) value = getEstimatorArgument(call, 'max_run')?.value;
  else if (isModelTrainerCall(call)) {
    const stopping = getKeyword(call, 'stopping_condition')?.value;
    if (stopping) value = stopping.kind === 'call' ? getKeyword(stopping.call, 'max_runtime_in_seconds')?.value : stopping;
  } else {
    const stopping = getKeyword(call, 'StoppingCondition')?.value;
    const dict = asDict(stopping);
    const entry = dict && getDictEntry(dict, 'MaxRuntimeInSeconds');
    // A dict that may hide the key (a `**spread`) leaves the limit unknown.
    if (stopping) value = dict ? (entry?.value ?? (dict.open ? stopping : undefined)) : stopping;
  }
  if (!value) return undefined;
  const n = literalNumber(value);
  return n !== undefined && n > 0 ? n : null;
}

/** The training target of an estimator, `ModelTrainer` or `create_training_job` call; undefined when its type, count or limit is unknown. */
function trainingTarget(call: PythonCall): TrainingTarget | undefined {
  const job = trainingJobOf(call);
  if (!job) return undefined;
  const instanceType = job.instanceType?.value.kind === 'string' ? knownType(job.instanceType.value.value) : undefined;
  const instanceCount = literalCount(job.instanceCount?.value);
  const maxRunSeconds = maxRunOf(call);
  if (!instanceType || instanceCount === undefined || maxRunSeconds === null) return undefined;
  return { kind: 'training', start: call.start, end: call.end, instanceType, instanceCount, ...(maxRunSeconds !== undefined ? { maxRunSeconds } : {}), spot: spotSetupOf(call)?.spotValue === true };
}

/** The estimator a tuner runs: its first positional argument or `estimator=`. */
function tunerTarget(call: PythonCall): TrainingTarget | undefined {
  const estimator = getKeyword(call, 'estimator')?.value ?? call.positional[0];
  const maxJobs = literalCount(getKeyword(call, 'max_jobs')?.value);
  const job = estimator?.kind === 'call' ? trainingTarget(estimator.call) : undefined;
  if (!job || maxJobs === undefined) return undefined;
  return { ...job, kind: 'tuner', start: call.start, end: call.end, maxJobs };
}

/** The methods that start a job of an SDK object: an estimator's or tuner's `fit`, a `ModelTrainer`'s `train`, a v3 tuner's `tune`. */
const startMethods = /\)\.(?:fit|train|tune)$/;
const startMethodNames = new Set(['fit', 'train', 'tune']);

/** Which SDK objects the file starts: each made object by the start of the call that made it. */
interface Starts {
  /** SDK objects made (estimators, trainers, tuners), by the start of the call that made them. */
  made: Map<number, TrainingTarget>;
  started: Set<number>;
  /** Estimators a tuner runs, with the tuner: their jobs are the tuner's. */
  tuned: Map<number, number>;
  /** A start on an object the analysis could not follow: any object may be started. */
  unknown: boolean;
}

/** Marks what a call starts, tunes or hands on (an object passed to another call may be started there). */
function noteStarts(call: PythonCall, starts: Starts): void {
  // An object several calls may have made (`est` assigned in both branches of an `if`): each of them is started.
  if (startMethods.test(call.name)) for (const made of call.receivers ?? (call.receiver ? [call.receiver] : [])) starts.started.add(made.start);
  for (const value of [...call.positional, ...call.keywords.map((k) => k.value)]) {
    if (value.kind !== 'call' || !starts.made.has(value.call.start)) continue;
    if (isTunerCall(call)) starts.tuned.set(value.call.start, call.start);
    else starts.started.add(value.call.start);
  }
}

/** The links of {@link JobRuns}, once every call of the file is seen. */
function settleStarts(starts: Starts): JobRuns {
  const runs: JobRuns = { tunedBy: new Map(), unstarted: [] };
  for (const [start, target] of starts.made) {
    if (starts.started.has(start) || starts.unknown) continue;
    const tuner = starts.tuned.get(start);
    const tunedBy = tuner === undefined ? undefined : starts.made.get(tuner);
    if (tunedBy) runs.tunedBy.set(target, tunedBy);
    else runs.unstarted.push(target);
  }
  return runs;
}

/** The cost target of a notebook instance record with a literal type the catalogue knows: where the resource is written (a Terraform block whole, so findings inside it find it). */
function notebookTarget(record: NotebookInstanceRecord): AlwaysOnTarget | undefined {
  const instanceType = record.instanceType?.known ? knownType(record.instanceType.value) : undefined;
  if (!instanceType) return undefined;
  const at = record.source.format === 'tf' ? record.source.resource.block : record.anchor;
  return { kind: 'notebook', start: at.start, end: at.end, instanceType, instanceCount: 1 };
}

/**
 * The cost targets of a Terraform training job or tuning job: its records (`tfTraining.ts`, the
 * ones the training rules judge) with a literal type the catalogue knows and a literal count, over
 * the whole resource block so findings inside it find it. A tuning job of one job definition is a
 * tuner (its `max_number_of_training_jobs` literal); a job on a training plan runs on reserved
 * capacity and makes none, as in the rules. Terraform starts what it declares: no unstarted jobs.
 */
function tfTrainingTargets(resource: TfResource): TrainingTarget[] {
  const records = tfTrainingRecords(resource);
  if (!records) return [];
  const at = { start: resource.block.start, end: resource.block.end };
  const target = (job: TrainingJobRecord): TrainingTarget | undefined => {
    const instanceType = job.instanceType?.known ? knownType(job.instanceType.value) : undefined;
    const instanceCount = positiveCount(valueOf(job.instanceCount));
    if (!instanceType || instanceCount === undefined || job.trainingPlan) return undefined;
    const maxRunSeconds = valueOf(job.maxRunSeconds);
    return { kind: 'training', ...at, instanceType, instanceCount, ...(maxRunSeconds !== undefined ? { maxRunSeconds } : {}), spot: job.spot?.known === true && job.spot.value };
  };
  if (!records.tuning) return records.jobs.flatMap(({ record }) => target(record) ?? []);
  const maxJobs = positiveCount(valueOf(records.tuning.record.maxJobs));
  const [only, ...more] = records.jobs;
  const job = only && !more.length ? target(only.record) : undefined;
  return job && maxJobs !== undefined ? [{ ...job, kind: 'tuner', maxJobs }] : [];
}

/**
 * Visitors that collect the cost targets of a file (Python, CloudFormation, Terraform) into `sink`.
 * Notebook instances are the records the notebook rules judge.
 * Only literal instance types the catalogue knows and literal counts make a target: an unknown
 * figure makes none.
 */
export function costTargetVisitors(sink: CostTargets): Visitors {
  const setRegion = (code: string | undefined, start: number): void => {
    if (code !== undefined && !sink.region) sink.region = { code, start };
  };
  const starts: Starts = { made: new Map(), started: new Set(), tuned: new Map(), unknown: false };
  // A CDK app's records come before its constructs: each waits for its construct, so targets keep the file's order.
  const cdkNotebooks = new Map<CdkConstruct, AlwaysOnTarget>();
  const notebooks = visitResources({
    notebookInstance(record) {
      const target = notebookTarget(record);
      if (!target) return;
      if (record.source.format === 'cdk') cdkNotebooks.set(record.source.construct, target);
      else sink.targets.push(target);
    },
  });
  return {
    pythonModule(module) {
      if (module.unresolvedCalls.some((u) => startMethodNames.has(u.method))) starts.unknown = true;
    },
    onEnd() {
      sink.runs = settleStarts(starts);
    },
    pythonCall(call) {
      const region = regionArgument(call);
      if (region?.value.kind === 'string') setRegion(region.value.value, region.start);
      noteStarts(call, starts);
      if (isTunerCall(call)) {
        const target = tunerTarget(call);
        if (target) {
          sink.targets.push(target);
          starts.made.set(call.start, target);
        }
        return;
      }
      const training = trainingTarget(call);
      if (training) {
        sink.targets.push(training);
        // A boto3 request starts its job; an SDK object waits for its start method.
        if (!call.name.startsWith('boto3.')) starts.made.set(call.start, training);
        return;
      }
      for (const variant of endpointVariantsOf(call)) {
        if (variant.notRealTime) continue;
        const instanceType = variant.instanceType?.value.kind === 'string' ? knownType(variant.instanceType.value.value) : undefined;
        const instanceCount = literalCount(variant.instanceCount?.value);
        if (!instanceType || instanceCount === undefined) continue;
        const at = variant.api === 'deploy' ? call : (variant.variant ?? call);
        sink.targets.push({ kind: 'endpoint', start: at.start, end: at.end, instanceType, instanceCount });
      }
    },
    cfnResource(resource) {
      notebooks.cfnResource?.(resource);
      const at = { start: resource.keyStart, end: resource.keyEnd };
      for (const variant of listVariants(resource) ?? []) {
        const instanceType = knownType(variant.instanceTypeValue);
        if (variant.serverless || !instanceType || variant.countValue === undefined || variant.countValue < 1) continue;
        sink.targets.push({ kind: 'endpoint', ...at, instanceType, instanceCount: variant.countValue });
      }
    },
    cdkConstruct(construct) {
      const notebook = cdkNotebooks.get(construct);
      if (notebook) sink.targets.push(notebook);
      for (const variant of listCdkVariants(construct) ?? []) {
        const instanceType = knownType(variant.instanceTypeValue);
        // A template `.map()` repeats over a list the file may not show: how many variants it builds is unknown.
        if (variant.mapped !== undefined || variant.serverless || !instanceType || variant.countValue === undefined || variant.countValue < 1) continue;
        sink.targets.push({ kind: 'endpoint', start: variant.value.start, end: variant.value.end, instanceType, instanceCount: variant.countValue });
      }
    },
    cdkApp: notebooks.cdkApp,
    tfModule: notebooks.tfModule,
    tfFile(file) {
      for (const { attribute, code } of awsProviderRegions(file)) setRegion(code, attribute.start);
    },
    tfResource(resource) {
      notebooks.tfResource?.(resource);
      sink.targets.push(...tfTrainingTargets(resource));
      for (const variant of listTfVariants(resource) ?? []) {
        const instanceType = knownType(variant.instanceTypeValue);
        // A dynamic block builds one variant per element of its for_each: how many instances run is not known here.
        if (variant.dynamic || variant.serverless || !instanceType || variant.countValue === undefined || variant.countValue < 1) continue;
        sink.targets.push({ kind: 'endpoint', start: variant.block.start, end: variant.block.end, instanceType, instanceCount: variant.countValue });
      }
    },
  };
}
