import { defineRule } from '../core/defineRule';
import type { Edit, Fix } from '../core/types';
import type { PythonCall } from '../parsers/python/facts';
import { getKeyword } from '../parsers/python/facts';
import { boto3OutputPath, defaultBucketVariables, insertItems, joinEdits, maxWaitFor, pythonString, quoteOf, replaceLiteral, s3LocationUnder, stoppingConditionOf } from './utils/pythonEdits';
import type { ModelTrainerFixParts } from './utils/modelTrainerEdits';
import { modelTrainerSpotFix } from './utils/modelTrainerEdits';
import type { Boto3TrainingRequest, SpotSetup } from './utils/sagemaker';
import { argumentPrefix, getEstimatorArgument, mayBeLocalMode, spotSetupsOf } from './utils/sagemaker';

export const trainingNoSpot = defineRule({
  id: 'SML203',
  name: 'training-no-spot',
  meta: {
    category: 'training',
    defaultSeverity: 'warning',
    formats: ['py', 'nb'],
    description: 'Training job on on-demand capacity without managed spot training',
    messages: {
      noSpot:
        'This training job runs on on-demand capacity: AWS states managed spot training costs up to 90% less, and with checkpoints an interruption only resumes the job. Enable managed spot training.',
    },
    fixes: ['unsafe'],
    wellArchitected: ['MLSUS03-BP01'],
    options: {},
  },
  create(context) {
    let imports = new Set<string>();
    const buckets = defaultBucketVariables(context.text);
    return {
      pythonModule(module) {
        imports = new Set(module.imports);
      },
      pythonCall(call) {
        buckets.visit(call);
        for (const setup of spotSetupsOf(call)) {
          if (setup.spotValue === true) continue;
          // Unknown (a variable), or hidden in **kwargs: the job may well use spot.
          if (setup.spot ? setup.spotValue === undefined : setup.unknown) continue;
          if (setup.api === 'estimator' && mayBeLocalMode(call, imports)) continue;
          if (setup.api === 'modelTrainer' && runsLocally(context.text, call)) continue;
          const anchor = setup.request?.anchor ?? call.callee;
          const bucket = buckets.before(call.start);
          context.report({
            start: anchor.start,
            end: anchor.end,
            messageId: 'noSpot',
            fix: setup.request ? boto3Fix(context.text, call, setup.request, bucket) : setup.api === 'estimator' ? sdkFix(context.text, call, bucket) : trainerFix(context.text, imports, call, setup, bucket, context.blocks),
          });
        }
      },
    };
  },
});

/** `training_mode=Mode.LOCAL_CONTAINER`, or a mode the file cannot resolve (it may be local). */
function runsLocally(text: string, call: PythonCall): boolean {
  const mode = getKeyword(call, 'training_mode');
  return !!mode && !/SAGEMAKER_TRAINING_JOB/.test(text.slice(mode.value.start, mode.value.end));
}

/** SDK v3: spot in the `Compute`, a wait time in the `StoppingCondition`, a `CheckpointConfig`. */
function trainerFix(text: string, imports: ReadonlySet<string>, call: PythonCall, setup: SpotSetup, bucket: string | undefined, blocks: ModelTrainerFixParts['blocks']): Fix | undefined {
  const fix = modelTrainerSpotFix(text, [...imports], call, { spot: true, maxWait: !setup.hasMaxWait, checkpoint: !setup.hasCheckpoint, bucket, blocks });
  return fix && withPlaceholders({ title: `Enable managed spot training (${fix.settings.join(', ')})`, applicability: 'unsafe', edits: joinEdits(fix.edits) }, fix.placeholders);
}

function withPlaceholders(fix: Fix, placeholders: readonly string[]): Fix {
  return placeholders.length ? { ...fix, placeholders: [...placeholders] } : fix;
}

function sdkFix(text: string, call: PythonCall, bucket: string | undefined): Fix | undefined {
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

function boto3Fix(text: string, call: PythonCall, request: Boto3TrainingRequest, bucket: string | undefined): Fix | undefined {
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
