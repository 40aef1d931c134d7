import { defineRule } from '../core/defineRule';
import { getInstanceType } from '../data/instances';
import { visitTraining } from '../model/trainingJobs';

export const trainingNoUtilizationRules = defineRule({
  id: 'SML208',
  name: 'training-no-utilization-rules',
  meta: {
    category: 'training',
    defaultSeverity: 'hint',
    formats: ['py', 'nb', 'tf'],
    description: 'GPU training job without a Debugger rule that watches GPU utilisation',
    messages: {
      noUtilizationRule:
        'This job trains on {{instanceType}} with no rule watching GPU utilisation: an idle or starved GPU is billed for the whole run unnoticed. Add the LowGPUUtilization profiler rule (with a StopTraining action to end such runs).',
    },
    fixes: ['unsafe'],
    wellArchitected: ['MLSUS04-BP01'],
    options: {},
  },
  create(context) {
    return visitTraining(context, {
      trainingJob(job, fixes) {
        // Rules the file cannot read, a watching rule, profiling turned off on purpose, or a writing with no Debugger rules (SDK v3).
        if (job.utilizationRule !== 'absent' && job.utilizationRule !== 'unwatched') return;
        const row = job.instanceType?.known ? getInstanceType(job.instanceType.value) : undefined;
        if (!row || row.acceleratorKind !== 'gpu') return;
        context.report({
          ...job.anchor,
          messageId: 'noUtilizationRule',
          data: { instanceType: row.instanceType },
          fix: job.utilizationRule === 'absent' ? fixes.render({ kind: 'add-utilization-rule' }) : undefined,
          effect: { kind: 'none', reason: 'the rule stops runs whose GPUs idle: how many, the code does not say' },
        });
      },
    });
  },
});
