import { defineRule } from '../core/defineRule';
import { getKeyword } from '../parsers/python/facts';
import { modelTrainerSpotFix } from './utils/modelTrainerEdits';
import { checkpointUriFor, insertItems, joinEdits, pythonString, quoteOf } from './utils/pythonEdits';
import { spotSetupOf } from './utils/sagemaker';

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
    return {
      pythonModule(module) {
        imports = module.imports;
      },
      pythonCall(call) {
        const setup = spotSetupOf(call);
        if (!setup?.spot || setup.spotValue !== true || setup.hasCheckpoint || call.open) return;
        const quote = quoteOf(call);
        const boto3 = setup.api === 'boto3';
        const uri = checkpointUriFor(boto3 ? undefined : getKeyword(call, 'output_path')?.value);
        const item = boto3 ? `CheckpointConfig={${pythonString('S3Uri', quote)}: ${pythonString(uri, quote)}}` : `checkpoint_s3_uri=${pythonString(uri, quote)}`;
        // ModelTrainer takes a CheckpointConfig object (imported if need be).
        const trainerFix = setup.api === 'modelTrainer' ? modelTrainerSpotFix(context.text, imports, call, { checkpoint: true }) : undefined;
        const edits = setup.api === 'modelTrainer' ? joinEdits(trainerFix?.edits ?? []) : insertItems(context.text, call.arguments, [item]);
        context.report({
          start: setup.spot.start,
          end: setup.spot.end,
          messageId: 'noCheckpoint',
          data: { setting: { boto3: 'CheckpointConfig.S3Uri', estimator: 'checkpoint_s3_uri', modelTrainer: 'checkpoint_config' }[setup.api] },
          fix: edits.length ? { title: trainerFix ? `Save checkpoints with ${trainerFix.settings.join(', ')}` : `Save checkpoints to ${uri}`, applicability: 'unsafe', edits } : undefined,
        });
      },
    };
  },
});
