import { defineRule } from '../core/defineRule';
import { getFamily } from '../data/instances';
import type { InstanceRow } from '../data/types';
import { endpointVariantsOf, possibleInstanceTypes } from './utils/endpoints';
import { describeAccelerators } from './utils/training';

/** Training-class families: multi-GPU interconnect built for training, rarely needed to serve a model. */
const trainingClassFamilies = /^p[3-6]/;

/** Application Auto Scaling set up in code: a call written outside a comment. */
const registersScaling = /^[^#\n]*\bregister_scalable_target\s*\(/m;

function isOversized(row: InstanceRow): boolean {
  return trainingClassFamilies.test(getFamily(row.instanceType)) || (row.acceleratorKind === 'gpu' && (row.acceleratorCount ?? 0) >= 4);
}

export const endpointOversizedInstance = defineRule({
  id: 'SML302',
  name: 'endpoint-oversized-instance',
  meta: {
    category: 'deploy',
    defaultSeverity: 'warning',
    formats: ['py'],
    description: 'Real-time endpoint on a multi-GPU or training-class instance, or on several instances without auto scaling',
    messages: {
      oversizedInstance:
        '{{instanceType}} ({{accelerators}}) is a training-class instance: serving a model rarely needs it, and every hour of the endpoint is billed at its price. Serve from the smallest instance the model fits on (one GPU, or Inferentia ml.inf2).',
      multiGpu:
        '{{instanceType}} has {{accelerators}}: unless the model is sharded across them (tensor parallelism) or several copies serve from one instance, the other GPUs idle while every hour is billed. Serve from the smallest instance the model fits on (one GPU, or Inferentia ml.inf2).',
      fixedFleet:
        'This endpoint starts {{count}} instances and nothing in this file scales them: they all run, and are billed, at peak capacity around the clock. Register an auto scaling target for the variant, or start with one instance.',
    },
    fixes: [],
    wellArchitected: ['MLSUS05-BP01'],
    options: {},
  },
  create(context) {
    const scaled = registersScaling.test(context.text);
    return {
      pythonCall(call) {
        for (const variant of endpointVariantsOf(call)) {
          if (variant.notRealTime) continue;
          const rows = variant.instanceType && possibleInstanceTypes(variant.instanceType.value);
          const row = rows?.length === 1 ? rows[0] : undefined;
          if (row && variant.instanceType && isOversized(row)) {
            const trainingClass = trainingClassFamilies.test(getFamily(row.instanceType));
            context.report({ start: variant.instanceType.start, end: variant.instanceType.end, messageId: trainingClass ? 'oversizedInstance' : 'multiGpu', data: { instanceType: row.instanceType, accelerators: describeAccelerators(row) } });
          }
          const count = variant.instanceCount;
          if (!scaled && count?.value.kind === 'number' && count.value.value > 1) {
            context.report({ start: count.start, end: count.end, messageId: 'fixedFleet', data: { count: count.value.value } });
          }
        }
      },
    };
  },
});
