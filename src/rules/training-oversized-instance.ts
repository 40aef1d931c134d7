import { defineRule } from '../core/defineRule';
import type { InstanceRow } from '../data/types';
import type { Effect, Fix } from '../core/types';
import { cpuSize, singleAcceleratorSize } from '../model/recommend';
import { replaceString } from '../model/edit/pythonEdits';
import type { TrainingSetting } from '../model/read/training';
import { describeAccelerators, instanceRowOf, trainingJobOf } from '../model/read/training';

/** Frameworks whose estimators take `distribution=`: without it, the script runs as one process per instance. */
const distributableFrameworks = new Set(['pytorch', 'tensorflow', 'huggingface', 'mxnet']);

function swap(from: InstanceRow, to: InstanceRow | undefined): Effect {
  return to ? { kind: 'instance-swap', usage: 'training', from: from.instanceType, to: to.instanceType, silicon: 'smaller' } : { kind: 'none', reason: 'no smaller training type of the catalogue fits' };
}

function replaceType(setting: TrainingSetting, replacement: InstanceRow | undefined, title: string): Fix | undefined {
  const edit = replacement && setting.editable ? replaceString(setting.value, replacement.instanceType, '"') : undefined;
  return edit && replacement ? { title: `${title} ${replacement.instanceType}`, applicability: 'displayOnly', edits: [edit] } : undefined;
}

export const trainingOversizedInstance = defineRule({
  id: 'SML206',
  name: 'training-oversized-instance',
  meta: {
    category: 'training',
    defaultSeverity: 'warning',
    formats: ['py', 'nb'],
    description: 'Training job on more accelerators or instances than its configuration can use',
    messages: {
      multiAccelerator:
        '{{instanceType}} has {{accelerators}}, but the estimator sets no distribution=: unless the script spreads the work itself, one process trains on one of them while all are billed. Set distribution= or use a single-accelerator size such as {{smaller}}.',
      multiInstance:
        'instance_count={{count}} without distribution=: unless the script coordinates the instances itself, each one runs the same training on its own. Set distribution= or train on one instance.',
      gpuForCpuFramework:
        'scikit-learn does not use GPUs: {{instanceType}} ({{accelerators}}) bills accelerators the job leaves idle. Train on a CPU instance such as {{cpu}}.',
    },
    fixes: ['displayOnly'],
    wellArchitected: ['MLSUS04-BP01'],
    options: {},
  },
  create(context) {
    return {
      pythonCall(call) {
        const job = trainingJobOf(call);
        if (!job?.framework || job.api === 'boto3') return;
        const row = instanceRowOf(job.instanceType);
        if (job.framework === 'sklearn') {
          if (!row || !job.instanceType || row.acceleratorKind !== 'gpu') return;
          const cpu = cpuSize(row, 'training');
          context.report({
            start: job.instanceType.start,
            end: job.instanceType.end,
            messageId: 'gpuForCpuFramework',
            data: { instanceType: row.instanceType, accelerators: describeAccelerators(row), cpu: cpu?.instanceType ?? 'ml.m5.xlarge' },
            fix: replaceType(job.instanceType, cpu, 'Train on'),
            effect: swap(row, cpu),
          });
          return;
        }
        if (!distributableFrameworks.has(job.framework) || job.hasDistribution || job.open) return;
        if (row && job.instanceType && (row.acceleratorCount ?? 0) > 1) {
          const smaller = singleAcceleratorSize(row, 'training');
          context.report({
            start: job.instanceType.start,
            end: job.instanceType.end,
            messageId: 'multiAccelerator',
            data: { instanceType: row.instanceType, accelerators: describeAccelerators(row), smaller: smaller?.instanceType ?? 'a smaller instance' },
            fix: replaceType(job.instanceType, smaller, 'Train on'),
            effect: swap(row, smaller),
          });
        }
        const count = job.instanceCount;
        if (count?.value.kind === 'number' && count.value.value > 1) {
          const edit = count.editable ? { start: count.value.start, end: count.value.end, text: '1' } : undefined;
          context.report({
            start: count.start,
            end: count.end,
            messageId: 'multiInstance',
            data: { count: count.value.value },
            fix: edit && { title: 'Train on one instance', applicability: 'displayOnly', edits: [edit] },
            effect: { kind: 'none', reason: 'whether the extra instances do useful work depends on the training script' },
          });
        }
      },
    };
  },
});
