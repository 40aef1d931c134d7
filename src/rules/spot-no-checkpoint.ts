import { defineRule } from '../core/defineRule';
import type { Edit } from '../core/types';
import { getKeyword } from '../parsers/python/facts';
import { modelTrainerSpotFix } from './utils/modelTrainerEdits';
import { boto3OutputPath, defaultBucketVariables, insertItems, joinEdits, pythonString, quoteOf, s3LocationUnder } from './utils/pythonEdits';
import { spotSetupsOf } from './utils/sagemaker';

export const spotNoCheckpoint = defineRule({
  id: 'SML204',
  name: 'spot-no-checkpoint',
  meta: {
    category: 'training',
    defaultSeverity: 'warning',
    formats: ['py', 'nb'],
    description: 'Managed spot training without a checkpoint location',
    messages: {
      noCheckpoint:
        'Spot training without checkpoints restarts from zero after each interruption, paying again for every hour already trained. Set a checkpoint S3 location ({{setting}}) and save checkpoints in /opt/ml/checkpoints.',
    },
    fixes: ['unsafe'],
    wellArchitected: ['MLSUS03-BP01'],
    options: {},
  },
  create(context) {
    let imports: string[] = [];
    const buckets = defaultBucketVariables(context.text);
    return {
      pythonModule(module) {
        imports = module.imports;
      },
      pythonCall(call) {
        buckets.visit(call);
        for (const setup of spotSetupsOf(call)) {
          if (!setup.spot || setup.spotValue !== true || setup.hasCheckpoint || call.open || setup.request?.open) continue;
          const quote = quoteOf(call);
          const request = setup.request;
          const bucket = buckets.before(call.start);
          const location = s3LocationUnder(context.text, request ? boto3OutputPath(request.get) : getKeyword(call, 'output_path'), bucket, 'checkpoints', quote);
          const checkpointConfig = `{${pythonString('S3Uri', quote)}: ${location.expression}}`;
          // ModelTrainer takes a CheckpointConfig object (imported if need be).
          const trainerFix = setup.api === 'modelTrainer' ? modelTrainerSpotFix(context.text, imports, call, { checkpoint: true, bucket, blocks: context.blocks }) : undefined;
          let edits: Edit[];
          if (trainerFix || setup.api === 'modelTrainer') edits = trainerFix?.edits ?? [];
          else if (request) edits = request.container ? insertItems(context.text, request.container, [request.style === 'dict' ? `${pythonString('CheckpointConfig', quote)}: ${checkpointConfig}` : `CheckpointConfig=${checkpointConfig}`]) : [];
          else edits = insertItems(context.text, call.arguments, [`checkpoint_s3_uri=${location.expression}`]);
          const placeholders = trainerFix ? trainerFix.placeholders : location.placeholders;
          context.report({
            start: setup.spot.start,
            end: setup.spot.end,
            messageId: 'noCheckpoint',
            data: { setting: { boto3: 'CheckpointConfig.S3Uri', estimator: 'checkpoint_s3_uri', modelTrainer: 'checkpoint_config' }[setup.api] },
            fix: edits.length
              ? { title: trainerFix ? `Save checkpoints with ${trainerFix.settings.join(', ')}` : `Save checkpoints to ${location.shown}`, applicability: 'unsafe', edits: joinEdits(edits), ...(placeholders.length ? { placeholders } : {}) }
              : undefined,
          });
        }
      },
    };
  },
});
