import { getClaim, isVerifiedClaim } from '../data/claims';
import { listInstanceTypes } from '../data/instances';
import type { InstanceRow } from '../data/types';
import { defineRule } from '../core/defineRule';
import { replaceString } from '../model/edit/pythonEdits';
import { describeAccelerators, instanceRowOf, trainingJobOf } from '../model/read/training';

const neuronFrameworks = new Set(['pytorch', 'tensorflow', 'huggingface']);

/** trn1 sizes by accelerator memory (trn1n has the same chips with more network bandwidth, for large clusters). */
const trainiumSizes = listInstanceTypes()
  .filter((r) => r.family === 'trn1' && r.acceleratorMemoryGib !== null)
  .sort((a, b) => (a.acceleratorMemoryGib ?? 0) - (b.acceleratorMemoryGib ?? 0));

/** The smallest trn1 size with at least the GPU instance's accelerator memory, else the largest. */
export function getComparableTrainium(gpu: InstanceRow): InstanceRow | undefined {
  const memory = gpu.acceleratorMemoryGib;
  if (memory === null) return undefined;
  return trainiumSizes.find((r) => (r.acceleratorMemoryGib ?? 0) >= memory) ?? trainiumSizes[trainiumSizes.length - 1];
}

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
        const trainium = getComparableTrainium(row);
        if (!trainium) return;
        const edit = job.instanceType.editable ? replaceString(job.instanceType.value, trainium.instanceType, '"') : undefined;
        context.report({
          start: job.instanceType.start,
          end: job.instanceType.end,
          messageId: 'gpuTraining',
          data: { instanceType: row.instanceType, accelerators: describeAccelerators(row), trainium: trainium.instanceType, saving: costClaim && isVerifiedClaim(costClaim) && costClaim.figure ? costClaim.figure : 'a lower cost-to-train' },
          fix: edit ? { title: `Train on ${trainium.instanceType} (needs the Neuron SDK in the training script)`, applicability: 'displayOnly', edits: [edit] } : undefined,
        });
      },
    };
  },
});
