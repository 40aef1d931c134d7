import { getClaim, isVerifiedClaim } from '../data/claims';
import { defineRule } from '../core/defineRule';
import { getInstanceType } from '../data/instances';
import type { TrainingJobRecord } from '../model/records';
import { inRegion, recommendPurposeBuilt } from '../model/recommend';
import { describeAccelerators } from '../model/read/training';
import type { TrainingFixes } from '../model/trainingJobs';
import { onEveryValueNoted } from '../model/field';
import { visitTraining } from '../model/trainingJobs';
import { withWorkRegion } from '../model/workRegion';

const neuronFrameworks = new Set(['pytorch', 'tensorflow', 'huggingface']);

const costClaim = getClaim('trainium-cost-to-train');

export const trainingGpuInstance = defineRule({
  id: 'SML207',
  name: 'training-gpu-instance',
  meta: {
    category: 'training',
    defaultSeverity: 'info',
    formats: ['py', 'nb', 'tf'],
    description: 'PyTorch, TensorFlow or Hugging Face training on a GPU instance where a Trainium instance could do the job',
    messages: {
      gpuTraining:
        '{{instanceType}} ({{accelerators}}) trains on general-purpose GPUs: AWS cites {{saving}} on Trainium instances than on comparable EC2 instances. Consider {{trainium}} with the AWS Neuron SDK.',
      notInRegion:
        '{{instanceType}} ({{accelerators}}) trains on general-purpose GPUs. AWS Trainium is built for training, but {{region}} does not offer {{family}} instances: no alternative is suggested there.',
    },
    fixes: ['displayOnly'],
    wellArchitected: ['MLSUS05-BP02'],
    options: {},
  },
  create(context) {
    return withWorkRegion((work) =>
      visitTraining(context, {
        // Judged once every region setter of the file is read: the Trainium type depends on the region.
        trainingJob: (job, fixes) => work.settle(() => judge(job, fixes, work.code())),
      }),
    );

    function judge(job: TrainingJobRecord, fixes: TrainingFixes, region: string | undefined): void {
      const type = job.instanceType;
      // A training plan reserved this capacity ahead: the type is paid for already.
      if (!job.framework || !neuronFrameworks.has(job.framework) || !type || job.trainingPlan) return;
      // A type bound to several values fires when every one of them does, named by the first, with its
      // figures and no edit (one edit would change one of them).
      const found = onEveryValueNoted(type, (value) => {
        const row = getInstanceType(value);
        if (row?.acceleratorKind !== 'gpu') return undefined;
        const answer = inRegion(region, (r) => recommendPurposeBuilt(row, 'training', r)?.row);
        return answer.found || answer.notInRegion ? { row, answer } : undefined;
      });
      if (!found) return;
      const { row, answer } = found.verdict;
      const instanceType = `${row.instanceType}${found.note}`;
      if (answer.notInRegion) {
        const family = `ml.${answer.notInRegion.family}`;
        context.report({
          start: type.anchor.start,
          end: type.anchor.end,
          messageId: 'notInRegion',
          data: { instanceType, accelerators: describeAccelerators(row), region: region ?? '', family },
          effect: { kind: 'none', reason: `${region} does not offer AWS Trainium (${family}) instances` },
        });
        return;
      }
      const trainium = answer.found;
      if (!trainium) return;
      context.report({
        start: type.anchor.start,
        end: type.anchor.end,
        messageId: 'gpuTraining',
        data: { instanceType, accelerators: describeAccelerators(row), trainium: trainium.instanceType, saving: costClaim && isVerifiedClaim(costClaim) && costClaim.figure ? costClaim.figure : 'a lower cost-to-train' },
        fix: type.known ? fixes.render({ kind: 'set-field', field: type, value: trainium.instanceType, title: `Train on ${trainium.instanceType} (needs the Neuron SDK in the training script)`, applicability: 'displayOnly' }) : undefined,
        effect: { kind: 'instance-swap', usage: 'training', from: row.instanceType, to: trainium.instanceType, silicon: 'trainium' },
      });
    }
  },
});
