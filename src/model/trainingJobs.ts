import type { LineIndex } from '../core/lineIndex';
import type { Fix, Visitors } from '../core/types';
import type { PyDict, PyKeyword, PyValue, PythonCall } from '../parsers/python/facts';
import { asDict, getDictEntry, getKeyword } from '../parsers/python/facts';
import type { Field, Span } from './field';
import { known, unknown } from './field';
import type { TrainingEnvironment, TrainingIntent } from './edit/trainingEdits';
import { renderTrainingIntent } from './edit/trainingEdits';
import { renderTfTrainingIntent } from './edit/tfTrainingEdits';
import type { PythonFile } from './read/pythonFile';
import { detachedPythonFile, pythonFile } from './read/pythonFile';
import type { Boto3TrainingRequest, SpotSetup } from './read/sagemaker';
import { boolOf, boto3TrainingRequests, getEstimatorArgument, isEstimatorCall, isSageMakerClientCall, isTunerCall, mayBeLocalMode, spotSetupOf, spotSetupsOf } from './read/sagemaker';
import { pyInstanceType } from './endpointVariants';
import type { TrainingJob } from './read/training';
import { boto3TrainingJob, isRemoteFunctionCall, remoteSpotSetup, trainingJobOf } from './read/training';
import { tfTrainingRecords } from './tfTraining';
import type { Presence, TrainingJobRecord, TuningJobRecord } from './trainingRecords';

/**
 * The adapters that read training and tuning jobs into {@link TrainingJobRecord}s and
 * {@link TuningJobRecord}s: SDK v2 estimators, SDK v3 `ModelTrainer` (and `sagemaker.modules`),
 * SDK tuners, boto3 `create_training_job` and `create_hyper_parameter_tuning_job` (whose training
 * job definitions are training jobs linked to their tuner); Terraform's are read in `tfTraining.ts`. Records are built once per call and
 * shared by every rule of the lint; a fix intent is rendered by the edit module of the writing.
 */

/** Renders the fix intents of one record in the syntax it was written in. */
export interface TrainingFixes {
  render(intent: TrainingIntent): Fix | undefined;
}

export interface TrainingVisit {
  trainingJob?(job: TrainingJobRecord, fixes: TrainingFixes): void;
  tuningJob?(tuning: TuningJobRecord, fixes: TrainingFixes): void;
}

// ---------------------------------------------------------------- fields

const span = (s: Span): Span => ({ start: s.start, end: s.end });

function numberField(setting: { start: number; end: number; value: PyValue; editable?: boolean } | undefined): Field<number> | undefined {
  if (!setting) return undefined;
  const value = setting.value;
  if (value.kind === 'number') return known(value.value, span(setting), setting.editable ? { format: 'py', value } : undefined);
  return unknown('variable', span(setting));
}

function boolField(keyword: PyKeyword | undefined): Field<boolean> | undefined {
  if (!keyword) return undefined;
  const value = boolOf(keyword.value);
  return value === undefined ? unknown('variable', span(keyword)) : known(value, span(keyword));
}

const presence = (set: boolean, hidden: boolean): Presence => (set ? 'set' : hidden ? 'unknown' : 'absent');

// ---------------------------------------------------------------- training jobs

/** `max_run` (SDK v2), `StoppingCondition.MaxRuntimeInSeconds` (boto3) or `StoppingCondition(max_runtime_in_seconds=)` (SDK v3). */
function maxRunOf(call: PythonCall, request: Boto3TrainingRequest | undefined): Field<number> | undefined {
  let keyword: { start: number; end: number; value: PyValue } | undefined;
  if (request) {
    const stopping = request.get('StoppingCondition');
    const dict = asDict(stopping?.value);
    const entry = dict && getDictEntry(dict, 'MaxRuntimeInSeconds');
    // A dict that may hide the key (a `**spread`) leaves the limit unknown.
    keyword = dict ? (entry ?? (dict.open ? stopping : undefined)) : stopping;
    if (keyword && keyword !== entry) return unknown('expression', span(keyword));
  } else if (isEstimatorCall(call)) keyword = getEstimatorArgument(call, 'max_run');
  else if (isRemoteFunctionCall(call)) keyword = getKeyword(call, 'max_runtime_in_seconds');
  else {
    const stopping = getKeyword(call, 'stopping_condition');
    keyword = stopping?.value.kind === 'call' ? getKeyword(stopping.value.call, 'max_runtime_in_seconds') : stopping;
  }
  const field = numberField(keyword);
  return field?.known && field.value <= 0 ? unknown('expression', field.anchor) : field;
}

/** Rules that watch GPU utilisation: the rule itself, or the profiler report that runs it. */
const utilizationRule = /\b(LowGPUUtilization|ProfilerReport)\b/;

function utilizationOf(text: string, call: PythonCall, job: TrainingJob, request: Boto3TrainingRequest | undefined): TrainingJobRecord['utilizationRule'] {
  // SDK v3 and remote functions have no Debugger rules; nor has a tuning job's training job definition.
  if (job.api === 'modelTrainer' || job.api === 'remote' || request?.style === 'dict') return undefined;
  if (job.open) return 'unknown';
  if (request) {
    if (request.get('ProfilerRuleConfigurations') || request.get('DebugRuleConfigurations')) return 'watched';
    const profiler = request.get('ProfilerConfig');
    const config = asDict(profiler?.value);
    const disabled = config ? getDictEntry(config, 'DisableProfiler')?.value : undefined;
    if (profiler && (!config || config.open || (disabled && boolOf(disabled) === undefined))) return 'unknown';
    return disabled && boolOf(disabled) ? 'profiler-off' : 'absent';
  }
  const rules = getKeyword(call, 'rules');
  if (rules && (rules.value.kind !== 'list' || rules.value.indirect)) return 'unknown';
  if (rules && utilizationRule.test(text.slice(rules.value.start, rules.value.end))) return 'watched';
  if (boolOf(getKeyword(call, 'disable_profiler')?.value) === true) return 'profiler-off';
  return rules ? 'unwatched' : 'absent';
}

/** An enabled `compiler_config=TrainingCompilerConfig(...)` of an SDK v2 estimator. */
function trainingCompilerOf(call: PythonCall): Span | undefined {
  const config = isEstimatorCall(call) ? getKeyword(call, 'compiler_config') : undefined;
  if (config?.value.kind !== 'call') return undefined;
  const parts = config.value.call.name.split('.');
  if (parts[0] !== 'sagemaker' || parts[parts.length - 1] !== 'TrainingCompilerConfig') return undefined;
  if (boolOf(getKeyword(config.value.call, 'enabled')?.value ?? config.value.call.positional[0]) === false) return undefined;
  return span(config);
}

/** `training_mode=Mode.LOCAL_CONTAINER`, or a mode the file cannot resolve (it may be local). */
function trainerRunsLocally(text: string, call: PythonCall): boolean {
  const mode = getKeyword(call, 'training_mode');
  return !!mode && !/SAGEMAKER_TRAINING_JOB/.test(text.slice(mode.value.start, mode.value.end));
}

const writings = { estimator: 'estimator', modelTrainer: 'model-trainer', boto3: 'boto3', remote: 'remote-function' } as const;

function trainingRecord(call: PythonCall, job: TrainingJob, setup: SpotSetup, env: ReadEnvironment): TrainingJobRecord {
  const request = setup.request;
  return {
    kind: 'trainingJob',
    format: 'py',
    writing: writings[job.api],
    anchor: span(request?.anchor ?? call.callee),
    ...(job.framework ? { framework: job.framework } : {}),
    // Read as a deploy's is: a name bound to several types carries them as alternatives.
    instanceType: pyInstanceType(job.instanceType),
    instanceCount: numberField(job.instanceCount),
    maxRunSeconds: maxRunOf(call, request),
    keepAliveSeconds: numberField(job.keepAlive),
    trainingPlan: job.trainingPlan,
    spot: boolField(setup.spot),
    maxWait: presence(setup.hasMaxWait, setup.unknown),
    // A remote function has no checkpoint setting: nothing to ask for.
    checkpoint: job.api === 'remote' ? 'unknown' : presence(setup.hasCheckpoint, call.open || !!request?.open),
    distribution: job.api === 'boto3' ? 'unknown' : presence(job.hasDistribution, job.open),
    utilizationRule: utilizationOf(env.text, call, job, request),
    trainingCompiler: trainingCompilerOf(call),
    runsLocally: job.api === 'estimator' ? mayBeLocalMode(call, env.imports) : job.api === 'modelTrainer' && trainerRunsLocally(env.text, call),
    settingsHidden: setup.unknown,
  };
}

// ---------------------------------------------------------------- tuning jobs

function tuningField(keyword: PyKeyword | undefined, editable: boolean): Field<string> | undefined {
  if (!keyword) return undefined;
  const value = keyword.value;
  if (value.kind === 'string') return known(value.value, span(keyword), editable && !value.indirect ? { format: 'py', value } : undefined);
  return unknown(value.kind === 'unknown' && value.alternatives?.length ? 'several-values' : 'variable', span(keyword));
}

function entryOf(dict: PyDict, key: string): PyKeyword | undefined {
  const entry = getDictEntry(dict, key);
  return entry && { name: entry.key, start: entry.start, end: entry.end, value: entry.value };
}

function sdkTuningRecord(call: PythonCall): TuningJobRecord {
  const maxJobs = getKeyword(call, 'max_jobs');
  const early = getKeyword(call, 'early_stopping_type');
  return {
    kind: 'tuningJob',
    format: 'py',
    writing: 'tuner',
    anchor: span(call.callee),
    strategy: tuningField(getKeyword(call, 'strategy'), true),
    earlyStopping: tuningField(early, !early?.spread),
    jobLimit: maxJobs ? 'set' : 'absent',
    maxJobs: numberField(maxJobs),
    settingsHidden: call.open,
    jobs: [],
  };
}

function boto3TuningRecord(call: PythonCall): TuningJobRecord {
  const keyword = getKeyword(call, 'HyperParameterTuningJobConfig');
  const config = asDict(keyword?.value);
  const limits = config && asDict(getDictEntry(config, 'ResourceLimits')?.value);
  const maxJobs = limits && entryOf(limits, 'MaxNumberOfTrainingJobs');
  return {
    kind: 'tuningJob',
    format: 'py',
    writing: 'boto3',
    anchor: span(call.callee),
    // `Strategy` is required by the API: a request without it (or a config the file cannot read) says nothing of it.
    strategy: config ? (tuningField(entryOf(config, 'Strategy'), true) ?? unknown('expression', span(keyword!))) : unknown('expression', span(keyword ?? call.callee)),
    earlyStopping: config && tuningField(entryOf(config, 'TrainingJobEarlyStoppingType'), true),
    jobLimit: maxJobs ? 'set' : 'absent',
    maxJobs: numberField(maxJobs),
    settingsHidden: !config || config.open,
    jobs: [],
  };
}

// ---------------------------------------------------------------- per call, once per lint

/** What reading a call needs besides the call: the linted code and the file's imports. */
type ReadEnvironment = Pick<PythonFile, 'text' | 'imports'>;

/** A record with what its fixes are written against. */
interface Written<R> {
  record: R;
  call: PythonCall;
  request?: Boto3TrainingRequest;
  setup?: SpotSetup;
  /** Its fix renderer, made by the first rule that visits it and handed to the others. */
  fixes?: TrainingFixes;
}

interface CallRecords {
  jobs: Array<Written<TrainingJobRecord>>;
  tuning?: Written<TuningJobRecord>;
}

const none: CallRecords = { jobs: [] };

/** The records a call writes, built once per call of the lint ({@link PythonFile.once}) and shared by every rule. */
function recordsOf(call: PythonCall, file: PythonFile): CallRecords {
  return file.once(readCall, call);
}

function readCall(call: PythonCall, env: PythonFile): CallRecords {
  if (isTunerCall(call)) {
    const tuning: Written<TuningJobRecord> = { record: sdkTuningRecord(call), call };
    // The job it runs: its first positional argument, `estimator=` (SDK v2) or `model_trainer=` (SDK v3).
    const estimator = getKeyword(call, 'estimator')?.value ?? getKeyword(call, 'model_trainer')?.value ?? call.positional[0];
    if (estimator?.kind === 'call') {
      for (const job of recordsOf(estimator.call, env).jobs) {
        job.record.tunedBy = tuning.record;
        tuning.record.jobs.push(job.record);
      }
    }
    return { jobs: [], tuning };
  }
  if (isSageMakerClientCall(call, 'create_hyper_parameter_tuning_job')) {
    const tuning: Written<TuningJobRecord> = { record: boto3TuningRecord(call), call };
    const setups = spotSetupsOf(call);
    const jobs = boto3TrainingRequests(call).map((request, i): Written<TrainingJobRecord> => {
      const record = trainingRecord(call, boto3TrainingJob(request), setups[i], env);
      record.tunedBy = tuning.record;
      tuning.record.jobs.push(record);
      return { record, call, request, setup: setups[i] };
    });
    return { jobs, tuning };
  }
  // A serverless training job (`ServerlessJobConfig`) runs on capacity SageMaker chooses: no instances to judge.
  if (isSageMakerClientCall(call, 'create_training_job') && getKeyword(call, 'ServerlessJobConfig')) return none;
  const job = trainingJobOf(call);
  const setup = job && (job.api === 'remote' ? remoteSpotSetup(call) : spotSetupOf(call));
  if (!job || !setup) return none;
  return { jobs: [{ record: trainingRecord(call, job, setup, env), call, request: setup.request, setup }] };
}

// ---------------------------------------------------------------- one visitor set

/**
 * Visitors that hand every training job and tuning job of the file to `visit`, each with the
 * renderer of its fix intents. `context` is the rule's: its code and (in a notebook) its cells.
 */
export function visitTraining(context: { text: string; lines: LineIndex; blocks?: TrainingEnvironment['blocks'] }, visit: TrainingVisit): Visitors {
  let file: PythonFile | undefined;
  return {
    pythonModule(module) {
      file = pythonFile(module, context.text);
    },
    pythonCall(call) {
      file ??= detachedPythonFile(context.text);
      file.see(call);
      const records = file.once(readCall, call);
      if (records === none) return;
      const written = file;
      // The environment is the lint's (its code, cells, imports) and the call's: the same for every rule.
      const fixesOf = (w: Written<unknown>): TrainingFixes =>
        (w.fixes ??= {
          render: (intent) =>
            renderTrainingIntent(intent, { text: context.text, blocks: context.blocks, imports: written.importList, call: w.call, request: w.request, setup: w.setup, bucket: written.bucketBefore(call.start) }),
        });
      if (visit.trainingJob) for (const job of records.jobs) visit.trainingJob(job.record, fixesOf(job));
      const tuning = records.tuning;
      if (tuning && visit.tuningJob) visit.tuningJob(tuning.record, fixesOf(tuning));
    },
    tfResource(resource) {
      const records = tfTrainingRecords(resource);
      if (!records) return;
      if (visit.trainingJob) for (const job of records.jobs) visit.trainingJob(job.record, { render: (intent) => renderTfTrainingIntent(intent, job.site, context) });
      const tuning = records.tuning;
      if (tuning && visit.tuningJob) visit.tuningJob(tuning.record, { render: (intent) => renderTfTrainingIntent(intent, tuning.site, context) });
    },
  };
}
