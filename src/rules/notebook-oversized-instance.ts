import { defineRule } from '../core/defineRule';
import type { Effect } from '../core/types';
import type { InstanceRow } from '../data/types';
import { recommendSmaller } from '../model/recommend';
import { getInstanceType, isGpu } from '../data/instances';
import { visitResources } from '../model/resources';

export const notebookOversizedInstance = defineRule({
  id: 'SML403',
  name: 'notebook-oversized-instance',
  meta: {
    category: 'ops',
    defaultSeverity: 'warning',
    formats: ['cfn', 'tf', 'cdk'],
    description: 'Notebook instance on a GPU or a large CPU instance',
    messages: {
      gpu: 'Notebook instance {{name}} runs on the GPU instance {{instanceType}} ({{accelerators}}): a notebook is idle most of the time it is open, and the GPU is billed every hour. Develop on a small CPU instance and run GPU work as training or processing jobs.',
      largeCpu:
        'Notebook instance {{name}} runs on {{instanceType}} ({{vcpu}} vCPUs, above the {{maxVcpu}} allowed): a notebook is idle most of the time it is open, and every vCPU is billed every hour. Use a smaller instance and run heavy work as processing jobs.',
    },
    fixes: [],
    wellArchitected: ['MLSUS03-BP01'],
    options: {
      maxVcpu: { type: 'integer', default: 8, minimum: 1, description: 'Largest vCPU count a CPU notebook instance may have without a finding.' },
    },
  },
  create(context) {
    return visitResources({
      notebookInstance(notebook) {
        const type = notebook.instanceType;
        const row = type?.known ? getInstanceType(type.value) : undefined;
        if (!type || !row) return;
        const data = { name: notebook.name, instanceType: row.instanceType };
        if (isGpu(row)) {
          context.report({ ...type.anchor, messageId: 'gpu', data: { ...data, accelerators: `${row.acceleratorCount ?? '?'} × ${row.acceleratorModel ?? 'GPU'}` }, effect: smaller(row) });
        } else if (row.vcpu !== null && row.vcpu > context.options.maxVcpu) {
          context.report({ ...type.anchor, messageId: 'largeCpu', data: { ...data, vcpu: row.vcpu, maxVcpu: context.options.maxVcpu }, effect: smaller(row) });
        }
      },
    });
  },
});

/** The change the finding asks for: the recommender's smaller notebook type. */
function smaller(row: InstanceRow): Effect {
  const to = recommendSmaller(row, 'notebook')?.row;
  return to ? { kind: 'instance-swap', usage: 'notebook', from: row.instanceType, to: to.instanceType, silicon: 'smaller' } : { kind: 'none', reason: 'no smaller notebook type of the same family' };
}
