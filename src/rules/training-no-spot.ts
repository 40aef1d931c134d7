import { defineRule } from '../core/defineRule';
import type { Effect } from '../core/types';
import { getInstanceType } from '../data/instances';
import { visitTraining } from '../model/trainingJobs';

export const trainingNoSpot = defineRule({
  id: 'SML203',
  name: 'training-no-spot',
  meta: {
    category: 'training',
    defaultSeverity: 'warning',
    formats: ['py', 'nb', 'tf'],
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
    return visitTraining(context, {
      trainingJob(job, fixes) {
        // Spot from a variable, or a flag a `**kwargs` may hold: the job may well use spot.
        if (job.spot ? !job.spot.known || job.spot.value : job.settingsHidden) return;
        // Local mode bills nothing; a training plan's capacity is paid for whatever the job runs on.
        if (job.runsLocally || job.trainingPlan) return;
        const row = job.instanceType?.known ? getInstanceType(job.instanceType.value) : undefined;
        const count = job.instanceCount?.known ? { count: job.instanceCount.value } : {};
        const effect: Effect = row ? { kind: 'spot', usage: 'training', instanceType: row.instanceType, ...count } : { kind: 'none', reason: 'the instance type is not a literal the catalogue knows' };
        context.report({ start: job.anchor.start, end: job.anchor.end, messageId: 'noSpot', fix: fixes.render({ kind: 'enable-spot' }), effect });
      },
    });
  },
});
