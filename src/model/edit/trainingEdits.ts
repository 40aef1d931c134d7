import type { Applicability, Edit, Fix } from '../../core/types';
import type { PythonCall } from '../../parsers/python/facts';
import { asDict, getKeyword } from '../../parsers/python/facts';
import type { KnownField } from '../field';
import type { Boto3TrainingRequest, SpotSetup } from '../read/sagemaker';
import { argumentPrefix, getEstimatorArgument, isSageMakerClientCall } from '../read/sagemaker';
import { modelTrainerSpotFix } from './modelTrainerEdits';
import { boto3OutputPath, insertItems, joinEdits, maxWaitFor, pythonString, quoteOf, replaceLiteral, replaceString, s3LocationUnder, stoppingConditionOf } from './pythonEdits';
import { addFromImport } from './pythonImports';

/**
 * What a training or tuning rule's fix does, said of the record the rule judged; rendered here in
 * the syntax that wrote the record (SDK v2 keywords, SDK v3 config objects, boto3 request keys).
 */
export type TrainingIntent =
  /** Set a field of the record to another value. */
  | { kind: 'set-field'; field: KnownField<string> | KnownField<number>; value: string | number; title: string; applicability: Applicability }
  /** Add early stopping to a tuning job that does not write it. */
  | { kind: 'add-early-stopping'; value: string; title: string; applicability: Applicability }
  /** Turn managed spot training on, with the maximum wait time and checkpoint location it needs. */
  | { kind: 'enable-spot' }
  /** Add a checkpoint location to a spot training job. */
  | { kind: 'add-checkpoint' }
  /** Add the maximum wait time a spot training job needs. */
  | { kind: 'add-max-wait' }
  /** Add the Debugger rule that watches GPU utilisation. */
  | { kind: 'add-utilization-rule' };

/** Where a record is written, for its renderer: built by the adapter, never by a rule. */
export interface TrainingEnvironment {
  text: string;
  blocks?: ReadonlyArray<{ start: number; end: number }>;
  imports: readonly string[];
  call: PythonCall;
  /** For boto3: the request whose keys hold the job's settings (the call, or a tuning job's training job definition). */
  request?: Boto3TrainingRequest;
  setup?: SpotSetup;
  /** A variable holding the session's default bucket assigned before the call. */
  bucket?: string;
}

/** The fix of an intent in the record's own syntax; undefined when that writing cannot make it here. */
export function renderTrainingIntent(intent: TrainingIntent, at: TrainingEnvironment): Fix | undefined {
  switch (intent.kind) {
    case 'set-field': {
      const source = intent.field.source;
      if (source?.format !== 'py') return undefined;
      const edit = typeof intent.value === 'string' ? replaceString(source.value, intent.value, quoteOf(at.call)) : { start: source.value.start, end: source.value.end, text: String(intent.value) };
      return edit && { title: intent.title, applicability: intent.applicability, edits: [edit] };
    }
    case 'add-early-stopping': {
      const edits = earlyStoppingEdits(at, intent.value);
      return edits?.length ? { title: intent.title, applicability: intent.applicability, edits } : undefined;
    }
    case 'enable-spot':
      return at.setup && (at.request ? boto3SpotFix(at, at.request) : at.setup.api === 'estimator' ? sdkSpotFix(at) : trainerSpotFix(at, at.setup));
    case 'add-checkpoint':
      return at.setup && checkpointFix(at, at.setup);
    case 'add-max-wait':
      return at.setup && maxWaitFix(at, at.setup);
    case 'add-utilization-rule':
      return utilizationRuleFix(at);
  }
}

function earlyStoppingEdits(at: TrainingEnvironment, value: string): Edit[] | undefined {
  const quote = quoteOf(at.call);
  if (!isSageMakerClientCall(at.call, 'create_hyper_parameter_tuning_job')) return insertItems(at.text, at.call.arguments, [`early_stopping_type=${pythonString(value, quote)}`]);
  const config = asDict(getKeyword(at.call, 'HyperParameterTuningJobConfig')?.value);
  return config?.container && insertItems(at.text, config.container, [`${pythonString('TrainingJobEarlyStoppingType', quote)}: ${pythonString(value, quote)}`]);
}

function withPlaceholders(fix: Fix, placeholders: readonly string[]): Fix {
  return placeholders.length ? { ...fix, placeholders: [...placeholders] } : fix;
}

/** SDK v3: spot in the `Compute`, a wait time in the `StoppingCondition`, a `CheckpointConfig`. */
function trainerSpotFix(at: TrainingEnvironment, setup: SpotSetup): Fix | undefined {
  const fix = modelTrainerSpotFix(at.text, at.imports, at.call, { spot: true, maxWait: !setup.hasMaxWait, checkpoint: !setup.hasCheckpoint, bucket: at.bucket, blocks: at.blocks });
  return fix && withPlaceholders({ title: `Enable managed spot training (${fix.settings.join(', ')})`, applicability: 'unsafe', edits: joinEdits(fix.edits) }, fix.placeholders);
}

function sdkSpotFix({ text, call, bucket }: TrainingEnvironment): Fix | undefined {
  const quote = quoteOf(call);
  const spot = getEstimatorArgument(call, 'use_spot_instances');
  const maxWait = getEstimatorArgument(call, 'max_wait') ? undefined : maxWaitFor(text, getEstimatorArgument(call, 'max_run'));
  if (!getEstimatorArgument(call, 'max_wait') && maxWait === undefined) return undefined;
  const checkpoint = getKeyword(call, 'checkpoint_s3_uri') ? undefined : s3LocationUnder(text, getKeyword(call, 'output_path'), bucket, 'checkpoints', quote);
  const prefix = argumentPrefix(call);
  const added = [
    ...(spot ? [] : [`${prefix}use_spot_instances=True`]),
    ...(maxWait ? [`${prefix}max_wait=${maxWait}`] : []),
    ...(checkpoint ? [`checkpoint_s3_uri=${checkpoint.expression}`] : []),
  ];
  const edits: Edit[] = [];
  if (spot) {
    const edit = replaceLiteral(spot, 'True');
    if (!edit) return undefined;
    edits.push(edit);
  }
  edits.push(...insertItems(text, call.arguments, added));
  const title = `Enable managed spot training (${[`${prefix}use_spot_instances=True`, ...added.filter((a) => !a.startsWith(`${prefix}use_spot`))].join(', ')})`;
  return withPlaceholders({ title, applicability: 'unsafe', edits: joinEdits(edits) }, checkpoint?.placeholders ?? []);
}

function boto3SpotFix({ text, call, bucket }: TrainingEnvironment, request: Boto3TrainingRequest): Fix | undefined {
  const quote = quoteOf(call);
  const item = (key: string, value: string): string => (request.style === 'dict' ? `${pythonString(key, quote)}: ${value}` : `${key}=${value}`);
  const spot = request.get('EnableManagedSpotTraining');
  const stopping = stoppingConditionOf(request.get);
  if (!stopping || !request.container) return undefined;
  const maxWait = maxWaitFor(text, stopping.maxRun);
  if (maxWait === undefined) return undefined;
  const location = request.get('CheckpointConfig') ? undefined : s3LocationUnder(text, boto3OutputPath(request.get), bucket, 'checkpoints', quote);
  const checkpoint = location && item('CheckpointConfig', `{${pythonString('S3Uri', quote)}: ${location.expression}}`);
  const edits: Edit[] = [];
  if (spot) {
    const edit = replaceLiteral(spot, 'True');
    if (!edit) return undefined;
    edits.push(edit);
  }
  edits.push(...insertItems(text, stopping.container, [`${pythonString('MaxWaitTimeInSeconds', quote)}: ${maxWait}`]));
  edits.push(...insertItems(text, request.container, [...(spot ? [] : [item('EnableManagedSpotTraining', 'True')]), ...(checkpoint ? [checkpoint] : [])]));
  const title = `Enable managed spot training (EnableManagedSpotTraining=True, MaxWaitTimeInSeconds ${maxWait}${location ? `, checkpoints in ${location.shown}` : ''})`;
  return withPlaceholders({ title, applicability: 'unsafe', edits: joinEdits(edits) }, location?.placeholders ?? []);
}

function checkpointFix({ text, call, imports, bucket, blocks }: TrainingEnvironment, setup: SpotSetup): Fix | undefined {
  const quote = quoteOf(call);
  const request = setup.request;
  const location = s3LocationUnder(text, request ? boto3OutputPath(request.get) : getKeyword(call, 'output_path'), bucket, 'checkpoints', quote);
  const checkpointConfig = `{${pythonString('S3Uri', quote)}: ${location.expression}}`;
  // ModelTrainer takes a CheckpointConfig object (imported if need be).
  const trainerFix = setup.api === 'modelTrainer' ? modelTrainerSpotFix(text, imports, call, { checkpoint: true, bucket, blocks }) : undefined;
  let edits: Edit[];
  if (trainerFix || setup.api === 'modelTrainer') edits = trainerFix?.edits ?? [];
  else if (request) edits = request.container ? insertItems(text, request.container, [request.style === 'dict' ? `${pythonString('CheckpointConfig', quote)}: ${checkpointConfig}` : `CheckpointConfig=${checkpointConfig}`]) : [];
  else edits = insertItems(text, call.arguments, [`checkpoint_s3_uri=${location.expression}`]);
  if (!edits.length) return undefined;
  const placeholders = trainerFix ? trainerFix.placeholders : location.placeholders;
  const title = trainerFix ? `Save checkpoints with ${trainerFix.settings.join(', ')}` : `Save checkpoints to ${location.shown}`;
  return withPlaceholders({ title, applicability: 'unsafe', edits: joinEdits(edits) }, placeholders);
}

function maxWaitFix({ text, call, imports, blocks }: TrainingEnvironment, setup: SpotSetup): Fix | undefined {
  let edits: Edit[] = [];
  let value: string | undefined;
  let applicability: 'safe' | 'unsafe' = 'safe';
  if (setup.request) {
    const stopping = stoppingConditionOf(setup.request.get);
    value = stopping && maxWaitFor(text, stopping.maxRun);
    if (stopping && value) edits = insertItems(text, stopping.container, [`${pythonString('MaxWaitTimeInSeconds', quoteOf(call))}: ${value}`]);
  } else if (setup.api === 'estimator') {
    value = maxWaitFor(text, getEstimatorArgument(call, 'max_run'));
    if (value) edits = insertItems(text, call.arguments, [`${argumentPrefix(call)}max_wait=${value}`]);
  } else {
    // SDK v3: a new object (and maybe its import) rather than a keyword: offered as unsafe.
    const fix = modelTrainerSpotFix(text, imports, call, { maxWait: true, blocks });
    if (fix) {
      edits = joinEdits(fix.edits);
      value = fix.settings.join(', ');
      applicability = 'unsafe';
    }
  }
  if (!edits.length) return undefined;
  const setting = maxWaitSettings[setup.api];
  return { title: applicability === 'safe' ? `Set ${setting} to ${value} (twice the maximum run time)` : `Set ${value} (twice the maximum run time)`, applicability, edits: joinEdits(edits) };
}

/** The maximum wait time's setting in each writing, for fix titles and messages. */
const maxWaitSettings = { boto3: 'StoppingCondition.MaxWaitTimeInSeconds', estimator: 'max_wait', modelTrainer: 'stopping_condition.max_wait_time_in_seconds' } as const;

const ruleItem = 'ProfilerRule.sagemaker(rule_configs.LowGPUUtilization())';

/** SDK v2 only: `rules=[...]` with the import; a boto3 request's rule configurations need an image URI per region, not offered. */
function utilizationRuleFix({ text, call, setup }: TrainingEnvironment): Fix | undefined {
  if (setup?.api !== 'estimator' || getKeyword(call, 'rules')) return undefined;
  const importEdit = addFromImport(text, 'sagemaker.debugger', ['ProfilerRule', 'rule_configs'], call.start);
  if (importEdit === undefined) return undefined;
  const edits = insertItems(text, call.arguments, [`rules=[${ruleItem}]`]);
  if (!edits.length) return undefined;
  return { title: 'Add the LowGPUUtilization profiler rule', applicability: 'unsafe', edits: joinEdits(importEdit ? [importEdit, ...edits] : edits) };
}
