import { defineRule } from '../core/defineRule';
import { visitTraining } from '../model/trainingJobs';

/** The checkpoint location's setting in each writing (a remote function has none: its record never asks). */
const checkpointSetting = { boto3: 'CheckpointConfig.S3Uri', estimator: 'checkpoint_s3_uri', 'model-trainer': 'checkpoint_config', terraform: 'checkpoint_config.s3_uri', 'remote-function': '' } as const;

export const spotNoCheckpoint = defineRule({
  id: 'SML204',
  name: 'spot-no-checkpoint',
  meta: {
    category: 'training',
    defaultSeverity: 'warning',
    formats: ['py', 'nb', 'tf'],
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
    return visitTraining(context, {
      trainingJob(job, fixes) {
        const spot = job.spot;
        if (!spot?.known || !spot.value || job.checkpoint !== 'absent') return;
        context.report({
          start: spot.anchor.start,
          end: spot.anchor.end,
          messageId: 'noCheckpoint',
          data: { setting: checkpointSetting[job.writing] },
          fix: fixes.render({ kind: 'add-checkpoint' }),
          effect: { kind: 'none', reason: 'checkpoints save the hours an interruption would repeat: how often spot capacity is reclaimed, the code does not say' },
        });
      },
    });
  },
});
