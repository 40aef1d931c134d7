import { defineRule } from '../core/defineRule';
import { getInstanceType } from '../data/instances';
import { visitTraining } from '../model/trainingJobs';

/** The setting that turns the profiler off in each writing. */
const disableSetting = {
  estimator: 'disable_profiler=True',
  boto3: 'ProfilerConfig.DisableProfiler',
  terraform: 'profiler_config.disable_profiler = true',
  'model-trainer': '',
  'remote-function': '',
} as const;

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
      profilerOff:
        'This job trains on {{instanceType}} with profiling turned off ({{setting}}): no rule can watch GPU utilisation, so an idle or starved GPU is billed for the whole run unnoticed. Turn profiling back on and add the LowGPUUtilization profiler rule (with a StopTraining action to end such runs).',
    },
    fixes: ['unsafe'],
    wellArchitected: ['MLSUS04-BP01'],
    options: {},
  },
  create(context) {
    return visitTraining(context, {
      trainingJob(job, fixes) {
        // Rules the file cannot read, a watching rule, or a writing with no Debugger rules (SDK v3). Profiling
        // turned off does not silence it: the GPU still runs unwatched.
        const watch = job.utilizationRule;
        if (watch !== 'absent' && watch !== 'unwatched' && watch !== 'profiler-off') return;
        const row = job.instanceType?.known ? getInstanceType(job.instanceType.value) : undefined;
        if (!row || row.acceleratorKind !== 'gpu') return;
        const profilerOff = watch === 'profiler-off';
        context.report({
          start: job.anchor.start,
          end: job.anchor.end,
          messageId: profilerOff ? 'profilerOff' : 'noUtilizationRule',
          data: { instanceType: row.instanceType, setting: disableSetting[job.writing] },
          fix: watch === 'unwatched' ? undefined : fixes.render({ kind: 'add-utilization-rule', enableProfiler: profilerOff }),
          effect: { kind: 'none', reason: 'the rule stops runs whose GPUs idle: how many, the code does not say' },
        });
      },
    });
  },
});
