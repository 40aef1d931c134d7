import { defineRule } from '../core/defineRule';
import type { Effect } from '../core/types';
import { getInstanceType } from '../data/instances';
import type { InstanceRow } from '../data/types';
import { cpuSize, singleAcceleratorSize } from '../model/recommend';
import { describeAccelerators } from '../model/read/training';
import type { TrainingJobRecord } from '../model/records';
import type { TrainingFixes } from '../model/trainingJobs';
import { onEveryValueNoted } from '../model/field';
import { visitTraining } from '../model/trainingJobs';
import { withWorkRegion } from '../model/workRegion';

/** Frameworks whose estimators take `distribution=`: without it, the script runs as one process per instance. */
const distributableFrameworks = new Set(['pytorch', 'tensorflow', 'huggingface', 'mxnet']);

function swap(from: InstanceRow, to: InstanceRow | undefined): Effect {
  return to ? { kind: 'instance-swap', usage: 'training', from: from.instanceType, to: to.instanceType, silicon: 'smaller' } : { kind: 'none', reason: 'no smaller training type of the catalogue fits' };
}

export const trainingOversizedInstance = defineRule({
  id: 'SML206',
  name: 'training-oversized-instance',
  meta: {
    category: 'training',
    defaultSeverity: 'warning',
    formats: ['py', 'nb', 'tf'],
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
    return withWorkRegion((work) =>
      visitTraining(context, {
        // Judged once every region setter of the file is read: the smaller type depends on the region.
        trainingJob: (job, fixes) => work.settle(() => judge(job, fixes, work.code())),
      }),
    );

    function judge(job: TrainingJobRecord, fixes: TrainingFixes, region: string | undefined): void {
      // A training plan reserved this capacity ahead: it is paid for whatever the job uses of it.
      if (job.trainingPlan) return;
      const type = job.instanceType;
      // A type bound to several values fires when every one of them does, named by the first, with no edit.
      const single = type?.known ? type : undefined;
      const trainOn = (to: InstanceRow | undefined) => single && to && fixes.render({ kind: 'set-field', field: single, value: to.instanceType, title: `Train on ${to.instanceType}`, applicability: 'displayOnly' });
      const onEvery = (accept: (row: InstanceRow) => boolean) => onEveryValueNoted(type, (value) => {
        const row = getInstanceType(value);
        return row && accept(row) ? row : undefined;
      });
      if (job.framework === 'sklearn') {
        const found = type && onEvery((row) => row.acceleratorKind === 'gpu');
        if (!type || !found) return;
        const row = found.verdict;
        const cpu = cpuSize(row, 'training', region);
        context.report({
          start: type.anchor.start,
          end: type.anchor.end,
          messageId: 'gpuForCpuFramework',
          data: { instanceType: `${row.instanceType}${found.note}`, accelerators: describeAccelerators(row), cpu: cpu?.instanceType ?? 'ml.m5.xlarge' },
          fix: trainOn(cpu),
          effect: swap(row, cpu),
        });
        return;
      }
      // Only a distribution the file shows absent: boto3 leaves it to the image's entry point.
      if (!job.framework || !distributableFrameworks.has(job.framework) || job.distribution !== 'absent') return;
      const found = type && onEvery((row) => (row.acceleratorCount ?? 0) > 1);
      if (type && found) {
        const row = found.verdict;
        const smaller = singleAcceleratorSize(row, 'training', region);
        context.report({
          start: type.anchor.start,
          end: type.anchor.end,
          messageId: 'multiAccelerator',
          data: { instanceType: `${row.instanceType}${found.note}`, accelerators: describeAccelerators(row), smaller: smaller?.instanceType ?? 'a smaller instance' },
          fix: trainOn(smaller),
          effect: swap(row, smaller),
        });
      }
      const count = job.instanceCount;
      if (!count?.known || count.value <= 1) return;
      context.report({
        start: count.anchor.start,
        end: count.anchor.end,
        messageId: 'multiInstance',
        data: { count: count.value },
        fix: fixes.render({ kind: 'set-field', field: count, value: 1, title: 'Train on one instance', applicability: 'displayOnly' }),
        effect: { kind: 'none', reason: 'whether the extra instances do useful work depends on the training script' },
      });
    }
  },
});
