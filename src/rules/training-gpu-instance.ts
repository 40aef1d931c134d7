import { getClaim, isVerifiedClaim } from '../data/claims';
import { defineRule } from '../core/defineRule';
import { recommendPurposeBuilt } from '../model/recommend';
import { replaceString } from '../model/edit/pythonEdits';
import { describeAccelerators, instanceRowOf, trainingJobOf } from '../model/read/training';

const neuronFrameworks = new Set(['pytorch', 'tensorflow', 'huggingface']);

const costClaim = getClaim('trainium-cost-to-train');

export const trainingGpuInstance = defineRule({
  id: 'SML207',
  name: 'training-gpu-instance',
  meta: {
    category: 'training',
    defaultSeverity: 'info',
    formats: ['py', 'nb'],
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
    return {
      pythonCall(call) {
        const job = trainingJobOf(call);
        if (!job?.framework || !neuronFrameworks.has(job.framework) || !job.instanceType) return;
        const row = instanceRowOf(job.instanceType);
        if (!row || row.acceleratorKind !== 'gpu') return;
        const trainium = recommendPurposeBuilt(row, 'training')?.row;
        if (!trainium) return;
        const edit = job.instanceType.editable ? replaceString(job.instanceType.value, trainium.instanceType, '"') : undefined;
        context.report({
          start: job.instanceType.start,
          end: job.instanceType.end,
          messageId: 'gpuTraining',
          data: { instanceType: row.instanceType, accelerators: describeAccelerators(row), trainium: trainium.instanceType, saving: costClaim && isVerifiedClaim(costClaim) && costClaim.figure ? costClaim.figure : 'a lower cost-to-train' },
          fix: edit ? { title: `Train on ${trainium.instanceType} (needs the Neuron SDK in the training script)`, applicability: 'displayOnly', edits: [edit] } : undefined,
          effect: { kind: 'instance-swap', usage: 'training', from: row.instanceType, to: trainium.instanceType, silicon: 'trainium' },
        });
      },
    };
  },
});
