import { getClaim, isVerifiedClaim } from '../data/claims';
import { defineRule } from '../core/defineRule';
import { getInstanceType } from '../data/instances';
import { recommendPurposeBuilt } from '../model/recommend';
import { describeAccelerators } from '../model/read/training';
import { onEveryInstanceType, visitTraining } from '../model/trainingJobs';

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
    },
    fixes: ['displayOnly'],
    wellArchitected: ['MLSUS05-BP02'],
    options: {},
  },
  create(context) {
    return visitTraining(context, {
      trainingJob(job, fixes) {
        const type = job.instanceType;
        // A training plan reserved this capacity ahead: the type is paid for already.
        if (!job.framework || !neuronFrameworks.has(job.framework) || !type || job.trainingPlan) return;
        // A type bound to several values fires when every one of them does, named by the first.
        const found = onEveryInstanceType(job, (value) => {
          const row = getInstanceType(value);
          const trainium = row?.acceleratorKind === 'gpu' ? recommendPurposeBuilt(row, 'training')?.row : undefined;
          return row && trainium && { row, trainium };
        });
        if (!found) return;
        const { row, trainium } = found.verdict;
        context.report({
          ...type.anchor,
          messageId: 'gpuTraining',
          data: { instanceType: `${row.instanceType}${found.note}`, accelerators: describeAccelerators(row), trainium: trainium.instanceType, saving: costClaim && isVerifiedClaim(costClaim) && costClaim.figure ? costClaim.figure : 'a lower cost-to-train' },
          fix: type.known ? fixes.render({ kind: 'set-field', field: type, value: trainium.instanceType, title: `Train on ${trainium.instanceType} (needs the Neuron SDK in the training script)`, applicability: 'displayOnly' }) : undefined,
          effect: { kind: 'instance-swap', usage: 'training', from: row.instanceType, to: trainium.instanceType, silicon: 'trainium' },
        });
      },
    });
  },
});
