import type { TfAttribute, TfBlock, TfResource } from '../parsers/terraform';
import { getAttribute, getBlocks, resolveLiteral, resolveSides } from '../parsers/terraform';
import type { TfTrainingSite } from './edit/tfTrainingEdits';
import { headerRange } from './edit/tfEdits';
import type { Field, Span } from './field';
import { known, unknown } from './field';
import { frameworkOfImageUri } from './read/training';
import { answerFor } from './read/memo';
import type { Presence, TrainingJobRecord, TuningJobRecord } from './trainingRecords';

/**
 * The Terraform adapter of training and tuning jobs: `aws_sagemaker_training_job` and
 * `aws_sagemaker_hyper_parameter_tuning_job` (whose `training_job_definition` and
 * `training_job_definitions` blocks are training jobs linked to their tuner).
 *
 * Attribute and block names are the provider's own: hashicorp/terraform-provider-aws,
 * `website/docs/r/sagemaker_training_job.html.markdown` and
 * `internal/service/sagemaker/training_job.go` (`resource_config.instance_type`,
 * `resource_config.instance_count`, `enable_managed_spot_training`,
 * `resource_config.keep_alive_period_in_seconds` (validated 0–3600 by the provider),
 * `resource_config.training_plan_arn`,
 * `stopping_condition.max_runtime_in_seconds`, `stopping_condition.max_wait_time_in_seconds`,
 * `checkpoint_config`, `profiler_config.disable_profiler`, `profiler_rule_configurations`,
 * `debug_rule_configurations`, `algorithm_specification.training_image`, `serverless_job_config`),
 * and `website/docs/r/sagemaker_hyper_parameter_tuning_job.html.markdown` (`config.strategy`,
 * `config.training_job_early_stopping_type`, `config.resource_limits.max_number_of_training_jobs`,
 * `training_job_definition(s)` with `resource_config` or `hyper_parameter_tuning_resource_config`;
 * a definition takes no Debugger or profiler rules). A Terraform training job has no Training
 * Compiler setting.
 */

/** A record with where its fixes are written. */
export interface TfWritten<R> {
  record: R;
  site: TfTrainingSite;
}

export interface TfTrainingRecords {
  jobs: Array<TfWritten<TrainingJobRecord>>;
  tuning?: TfWritten<TuningJobRecord>;
}

const span = (start: number, end: number): Span => ({ start, end });
const nameSpan = (a: TfAttribute): Span => span(a.nameStart, a.nameEnd);

/** A field read from an attribute: known when a literal (or a literal local), else unknown with the reason. */
function tfField<T>(resource: TfResource, attribute: TfAttribute | undefined, accept: (value: unknown) => value is T): Field<T> | undefined {
  if (!attribute) return undefined;
  const value = resolveLiteral(resource.file, attribute.value);
  if (accept(value)) {
    const v = attribute.value;
    const source = v.kind === 'literal' ? { format: 'literal' as const, start: v.start, end: v.end, quote: typeof value === 'string' ? '"' : '' } : undefined;
    return known(value, nameSpan(attribute), source);
  }
  const v = attribute.value;
  // A conditional whose sides all resolve: the set of its values, as Python's names bound on several paths.
  const values = resolveSides(resource.file, v, accept);
  if (values) return values.length === 1 ? known(values[0], nameSpan(attribute)) : unknown('several-values', nameSpan(attribute), values);
  // A variable or a module input; anything else (a resource attribute, a function) is an expression.
  return unknown(v.kind === 'reference' && v.reference.path[0] === 'var' ? 'variable' : 'expression', nameSpan(attribute));
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';

/** The one plain nested block of a type; `dynamic` when built from a `dynamic` block or several are written (unreadable here). */
function single(block: TfBlock, type: string): TfBlock | 'dynamic' | undefined {
  const found = getBlocks(block, type);
  if (found.length === 0) return undefined;
  return found.length > 1 || found[0].type === 'dynamic' ? 'dynamic' : found[0];
}

const plain = (b: TfBlock | 'dynamic' | undefined): TfBlock | undefined => (b === 'dynamic' ? undefined : b);

function presenceOf(block: TfBlock | 'dynamic' | undefined, attribute?: string): Presence {
  if (block === 'dynamic') return 'unknown';
  if (!block) return 'absent';
  return attribute === undefined || getAttribute(block, attribute) ? 'set' : 'absent';
}

/** A training job: a whole `aws_sagemaker_training_job`, or one training job definition of a tuning job. */
function jobRecord(resource: TfResource, block: TfBlock, definition: boolean): TrainingJobRecord {
  const resources = single(block, 'resource_config') ?? (definition ? single(block, 'hyper_parameter_tuning_resource_config') : undefined);
  const stopping = single(block, 'stopping_condition');
  const image = plain(single(block, 'algorithm_specification'));
  const uri = image && resolveLiteral(resource.file, getAttribute(image, 'training_image')?.value);
  const framework = typeof uri === 'string' ? frameworkOfImageUri(uri) : undefined;
  const maxRun = tfField(resource, plain(stopping) && getAttribute(plain(stopping)!, 'max_runtime_in_seconds'), isNumber);
  return {
    kind: 'trainingJob',
    format: 'tf',
    writing: 'terraform',
    anchor: definition ? span(block.start, block.openBrace + 1) : headerRange(block),
    ...(framework ? { framework } : {}),
    instanceType: tfField(resource, plain(resources) && getAttribute(plain(resources)!, 'instance_type'), isString),
    instanceCount: tfField(resource, plain(resources) && getAttribute(plain(resources)!, 'instance_count'), isNumber),
    maxRunSeconds: maxRun?.known && maxRun.value <= 0 ? unknown('expression', maxRun.anchor) : maxRun,
    keepAliveSeconds: tfField(resource, plain(resources) && getAttribute(plain(resources)!, 'keep_alive_period_in_seconds'), isNumber),
    trainingPlan: namesPlan(resource, plain(resources)),
    spot: tfField(resource, getAttribute(block, 'enable_managed_spot_training'), isBool),
    maxWait: presenceOf(stopping, 'max_wait_time_in_seconds'),
    checkpoint: presenceOf(single(block, 'checkpoint_config')),
    // The image's entry point decides, as for a boto3 request.
    distribution: 'unknown',
    // A tuning job's training job definition takes no Debugger or profiler rules.
    utilizationRule: definition ? undefined : utilizationOf(resource, block),
    runsLocally: false,
    settingsHidden: block.hasError || resources === 'dynamic',
  };
}

/** `resource_config.training_plan_arn` written, other than `null` or an empty string. */
function namesPlan(resource: TfResource, resources: TfBlock | undefined): boolean {
  const plan = resources && getAttribute(resources, 'training_plan_arn');
  if (!plan) return false;
  const value = resolveLiteral(resource.file, plan.value);
  return value !== null && value !== '';
}

function utilizationOf(resource: TfResource, block: TfBlock): TrainingJobRecord['utilizationRule'] {
  const rules = [...getBlocks(block, 'profiler_rule_configurations'), ...getBlocks(block, 'debug_rule_configurations')];
  if (rules.some((r) => r.type === 'dynamic')) return 'unknown';
  // As for a boto3 request: any rule configuration counts as watching (its evaluator image names the rule).
  if (rules.length) return 'watched';
  const profiler = single(block, 'profiler_config');
  if (profiler === 'dynamic') return 'unknown';
  const disabled = profiler && getAttribute(profiler, 'disable_profiler');
  if (disabled) {
    const value = resolveLiteral(resource.file, disabled.value);
    if (value === true) return 'profiler-off';
    if (value !== false) return 'unknown';
  }
  return 'absent';
}

function tuningRecord(resource: TfResource): TuningJobRecord {
  const config = single(resource.block, 'config');
  const block = plain(config);
  const limits = block && single(block, 'resource_limits');
  const maxJobs = plain(limits) && getAttribute(plain(limits)!, 'max_number_of_training_jobs');
  const anchor = headerRange(resource.block);
  return {
    kind: 'tuningJob',
    format: 'tf',
    writing: 'terraform',
    anchor,
    // `strategy` is required: a config the file cannot read says nothing of it.
    strategy: block ? (tfField(resource, getAttribute(block, 'strategy'), isString) ?? unknown('expression', anchor)) : unknown('expression', anchor),
    earlyStopping: block && tfField(resource, getAttribute(block, 'training_job_early_stopping_type'), isString),
    jobLimit: limits === 'dynamic' ? 'unknown' : maxJobs ? 'set' : 'absent',
    maxJobs: tfField(resource, maxJobs, isNumber),
    settingsHidden: !block || resource.block.hasError,
    jobs: [],
  };
}

/** Its own token for the answers kept on a resource's block. */
const trainingReader = {};

/** The training and tuning jobs a Terraform resource writes, built once per parsed resource (its block) and shared by every rule. */
export function tfTrainingRecords(resource: TfResource): TfTrainingRecords | undefined {
  if (resource.type !== 'aws_sagemaker_training_job' && resource.type !== 'aws_sagemaker_hyper_parameter_tuning_job') return undefined;
  return answerFor(resource.block, trainingReader, () => read(resource));
}

function read(resource: TfResource): TfTrainingRecords | undefined {
  if (resource.type === 'aws_sagemaker_training_job') {
    // A serverless training job (`serverless_job_config`) runs on capacity SageMaker chooses: no instances to judge.
    if (getBlocks(resource.block, 'serverless_job_config').length) return undefined;
    return { jobs: [{ record: jobRecord(resource, resource.block, false), site: { resource, block: resource.block } }] };
  }
  if (resource.type !== 'aws_sagemaker_hyper_parameter_tuning_job') return undefined;
  const tuning: TfWritten<TuningJobRecord> = { record: tuningRecord(resource), site: { resource, block: resource.block } };
  const definitions = [...resource.block.blocks.filter((b) => b.type === 'training_job_definition' || b.type === 'training_job_definitions')];
  const jobs = definitions.map((block): TfWritten<TrainingJobRecord> => {
    const record = jobRecord(resource, block, true);
    record.tunedBy = tuning.record;
    tuning.record.jobs.push(record);
    return { record, site: { resource, block } };
  });
  return { jobs, tuning };
}
