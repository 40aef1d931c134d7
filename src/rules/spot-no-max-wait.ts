import { defineRule } from '../core/defineRule';
import { visitTraining } from '../model/trainingJobs';

/** The maximum wait time's setting in each writing. */
const maxWaitSetting = { boto3: 'StoppingCondition.MaxWaitTimeInSeconds', estimator: 'max_wait', 'model-trainer': 'stopping_condition.max_wait_time_in_seconds', terraform: 'stopping_condition.max_wait_time_in_seconds', 'remote-function': 'max_wait_time_in_seconds' } as const;

export const spotNoMaxWait = defineRule({
  id: 'SML205',
  name: 'spot-no-max-wait',
  meta: {
    category: 'training',
    defaultSeverity: 'error',
    formats: ['py', 'nb', 'tf'],
    description: 'Managed spot training without a maximum wait time',
    messages: {
      noMaxWait:
        'Managed spot training needs a maximum wait time ({{setting}}, at least the maximum run time): without it SageMaker rejects the training job. Set {{setting}}.',
    },
    fixes: ['safe', 'unsafe'],
    wellArchitected: ['MLSUS03-BP01'],
    options: {},
  },
  create(context) {
    return visitTraining(context, {
      trainingJob(job, fixes) {
        const spot = job.spot;
        if (!spot?.known || !spot.value || job.maxWait !== 'absent') return;
        context.report({
          start: spot.anchor.start,
          end: spot.anchor.end,
          messageId: 'noMaxWait',
          data: { setting: maxWaitSetting[job.writing] },
          fix: fixes.render({ kind: 'add-max-wait' }),
          effect: { kind: 'none', reason: 'the job is rejected without it: a correction, not a saving' },
        });
      },
    });
  },
});
