import { defineRule } from '../core/defineRule';
import type { Effect } from '../core/types';
import { getInstanceType } from '../data/instances';
import { visitTraining } from '../model/trainingJobs';

/** The keep-alive setting in each writing, for messages and fix titles. */
const keepAliveSetting = {
  estimator: 'keep_alive_period_in_seconds',
  'model-trainer': 'Compute(keep_alive_period_in_seconds=…)',
  'remote-function': 'keep_alive_period_in_seconds',
  boto3: 'ResourceConfig.KeepAlivePeriodInSeconds',
  terraform: 'resource_config.keep_alive_period_in_seconds',
} as const;

/**
 * The longest keep-alive the CreateTrainingJob API accepts (`ResourceConfig.KeepAlivePeriodInSeconds`,
 * valid range 0–21600 in the SageMaker API reference; the Terraform provider still validates 0–3600).
 */
const apiMaximumSeconds = 21600;

export const warmPoolKeepAlive = defineRule({
  id: 'SML210',
  name: 'warm-pool-keep-alive',
  meta: {
    category: 'training',
    defaultSeverity: 'warning',
    formats: ['py', 'nb', 'tf'],
    description: 'Training job whose warm pool is kept alive longer than the accepted ceiling',
    messages: {
      keepAlive:
        'The warm pool keeps {{instances}} alive {{seconds}} s after each job ({{setting}}), longer than the {{max}} s accepted (maxKeepAliveSeconds): SageMaker bills the retained instances for the whole keep-alive period while no job runs on them. Lower it to {{max}} s or less.',
    },
    fixes: ['unsafe'],
    wellArchitected: ['MLSUS04-BP01'],
    options: {
      maxKeepAliveSeconds: {
        type: 'integer',
        default: 1800,
        minimum: 0,
        maximum: apiMaximumSeconds,
        description: 'Longest warm-pool keep-alive accepted, in seconds; a longer literal keep-alive is flagged and the fix lowers it to this value.',
      },
    },
  },
  create(context) {
    const max = context.options.maxKeepAliveSeconds;
    return visitTraining(context, {
      trainingJob(job, fixes) {
        const keepAlive = job.keepAliveSeconds;
        // Unknown or within the ceiling; local mode keeps nothing; a training plan's capacity is paid for anyway.
        if (!keepAlive?.known || keepAlive.value <= max || job.runsLocally || job.trainingPlan) return;
        const row = job.instanceType?.known ? getInstanceType(job.instanceType.value) : undefined;
        const count = job.instanceCount?.known ? job.instanceCount.value : undefined;
        const seconds = keepAlive.value - max;
        const effect: Effect = row
          ? { kind: 'warm-pool', instanceType: row.instanceType, ...(count !== undefined ? { count } : {}), seconds }
          : { kind: 'none', reason: 'the instance type is not a literal the catalogue knows' };
        const type = row?.instanceType ?? 'its instances';
        context.report({
          start: keepAlive.anchor.start,
          end: keepAlive.anchor.end,
          messageId: 'keepAlive',
          data: { instances: count !== undefined && count > 1 && row ? `${count} × ${type}` : type, seconds: keepAlive.value, setting: keepAliveSetting[job.writing], max },
          fix: fixes.render({ kind: 'set-field', field: keepAlive, value: max, title: `Keep the warm pool alive ${max} s at most`, applicability: 'unsafe' }),
          effect,
        });
      },
    });
  },
});
