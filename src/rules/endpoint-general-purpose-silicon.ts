import { defineRule } from '../core/defineRule';
import { getFamily, getInstanceType, getSize, isGraviton, listInstanceTypes } from '../data/instances';
import type { InstanceRow } from '../data/types';
import { estimateInstance } from '../estimate/estimate';
import { endpointVariantsOf, possibleInstanceTypes } from './utils/endpoints';
import { replaceString } from './utils/pythonEdits';

const inferentiaSizes = listInstanceTypes()
  .filter((r) => r.family === 'inf2' && r.acceleratorMemoryGib !== null && r.uses.includes('hosting'))
  .sort((a, b) => (a.acceleratorMemoryGib ?? 0) - (b.acceleratorMemoryGib ?? 0) || (a.vcpu ?? 0) - (b.vcpu ?? 0));

/** Graviton generations to offer, Graviton3 first (the one AWS's energy figure is about). */
const gravitonGenerations = ['7g', '8g', '6g'];

/**
 * The purpose-built counterpart of an endpoint instance: for a GPU, the smallest
 * ml.inf2 with at least its accelerator memory (fewest vCPUs first; else the largest); for an x86 CPU,
 * the Graviton type of the same class letter and size that SageMaker hosting accepts.
 */
export function getPurposeBuiltAlternative(row: InstanceRow): InstanceRow | undefined {
  if (row.acceleratorKind === 'gpu') {
    const memory = row.acceleratorMemoryGib;
    if (memory === null) return undefined;
    return inferentiaSizes.find((r) => (r.acceleratorMemoryGib ?? 0) >= memory) ?? inferentiaSizes[inferentiaSizes.length - 1];
  }
  if (row.acceleratorKind !== 'none' || isGraviton(row) || row.cpuArch !== 'x86_64') return undefined;
  const letter = /^[a-z]+/.exec(getFamily(row.instanceType))?.[0];
  for (const generation of gravitonGenerations) {
    const candidate = getInstanceType(`ml.${letter}${generation}.${getSize(row.instanceType)}`);
    if (candidate?.uses.includes('hosting')) return candidate;
  }
  return undefined;
}

function figures(from: InstanceRow, to: InstanceRow): string {
  const a = estimateInstance(from.instanceType);
  const b = estimateInstance(to.instanceType);
  const parts: string[] = [];
  if (a.costUsdPerHour !== null && b.costUsdPerHour !== null) parts.push(`$${a.costUsdPerHour.toFixed(3)} → $${b.costUsdPerHour.toFixed(3)} per hour`);
  if (a.complete && b.complete && a.energyKwhPerHour !== null && b.energyKwhPerHour !== null) parts.push(`${(a.energyKwhPerHour * 1000).toFixed(0)} → ${(b.energyKwhPerHour * 1000).toFixed(0)} Wh per hour`);
  return parts.length ? `; Green ML's estimate (us-east-1, 50% utilisation): ${parts.join(', ')}` : '';
}

export const endpointGeneralPurposeSilicon = defineRule({
  id: 'SML304',
  name: 'endpoint-general-purpose-silicon',
  meta: {
    category: 'deploy',
    defaultSeverity: 'info',
    formats: ['py'],
    description: 'Real-time endpoint on x86 CPU or GPU instances where Graviton or Inferentia could serve it',
    messages: {
      generalPurpose:
        '{{instanceType}} serves on {{silicon}}: {{alternative}} ({{target}}) is built for this work and uses less energy per request{{figures}}. Consider {{alternative}}.',
    },
    fixes: ['displayOnly'],
    wellArchitected: ['MLSUS05-BP02'],
    options: {},
  },
  create(context) {
    return {
      pythonCall(call) {
        for (const variant of endpointVariantsOf(call)) {
          if (variant.notRealTime || !variant.instanceType) continue;
          const rows = possibleInstanceTypes(variant.instanceType.value);
          const row = rows?.length === 1 ? rows[0] : undefined;
          const alternative = row && getPurposeBuiltAlternative(row);
          if (!row || !alternative) continue;
          const gpu = row.acceleratorKind === 'gpu';
          const edit = variant.instanceType.editable ? replaceString(variant.instanceType.value, alternative.instanceType, '"') : undefined;
          context.report({
            start: variant.instanceType.start,
            end: variant.instanceType.end,
            messageId: 'generalPurpose',
            data: {
              instanceType: row.instanceType,
              silicon: gpu ? `general-purpose GPUs (${row.acceleratorModel ?? 'GPU'})` : 'x86 CPUs',
              alternative: alternative.instanceType,
              target: gpu ? 'AWS Inferentia2' : `AWS ${alternative.cpuMicroarchitecture ?? 'Graviton'}`,
              figures: figures(row, alternative),
            },
            fix: edit && { title: `Serve on ${alternative.instanceType} (${gpu ? 'needs the model compiled with the Neuron SDK' : 'needs an Arm64 container image'})`, applicability: 'displayOnly', edits: [edit] },
          });
        }
      },
    };
  },
});
