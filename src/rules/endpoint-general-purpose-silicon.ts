import { defineRule } from '../core/defineRule';
import { getAcceleratorCount, getFamily, getInstanceType, getSize, isGpu, isGraviton, listInstanceTypes } from '../data/instances';
import type { InstanceRow } from '../data/types';
import type { InstanceEstimate } from '../estimate/estimate';
import { estimateInstance } from '../estimate/estimate';
import { hourlyFigures } from '../present/figures';
import { listVariants } from './utils/cfnEndpoints';
import { endpointVariantsOf, possibleInstanceTypes } from './utils/endpoints';
import { replaceString } from './utils/pythonEdits';
import { listTfVariants } from './utils/tfEndpoints';
import { getProp } from '../parsers/cdk/model';
import { listCdkVariants } from './utils/cdkEndpoints';
import { constructName } from './utils/cdkEdits';

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

/** Estimates with the default assumptions (us-east-1, 50%), by instance type: the same few types recur in a file. */
const defaultEstimates = new Map<string, InstanceEstimate>();

function defaultEstimate(instanceType: string): InstanceEstimate {
  let estimate = defaultEstimates.get(instanceType);
  if (!estimate) defaultEstimates.set(instanceType, (estimate = estimateInstance(instanceType)));
  return estimate;
}

function figures(from: InstanceRow, to: InstanceRow): string {
  const a = defaultEstimate(from.instanceType);
  const b = defaultEstimate(to.instanceType);
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
    formats: ['cfn', 'tf', 'py', 'nb', 'cdk'],
    description: 'Real-time endpoint on x86 CPU or GPU instances where Graviton or Inferentia could serve it',
    messages: {
      gpu: 'Endpoint config {{name}} serves {{variant}} from the GPU instance {{instanceType}}{{current}}. AWS Inferentia2 is built for inference: {{suggested}}{{figures}} may serve the same model for less energy and cost once it is compiled with the Neuron SDK.',
      x86: 'Endpoint config {{name}} serves {{variant}} from the x86 instance {{instanceType}}{{current}}. A Graviton (Arm) instance such as {{suggested}}{{figures}} usually serves CPU inference for less energy and cost, with an arm64 container image.',
      generalPurpose:
        '{{instanceType}} serves on {{silicon}}: {{alternative}} ({{target}}) is built for this work and uses less energy per request{{figures}}. Consider {{alternative}}.',
    },
    fixes: ['displayOnly'],
    wellArchitected: ['MLSUS05-BP02'],
    options: {},
  },
  create(context) {
    const reportedTypes = new Set<number>();
    return {
      cfnResource(resource) {
        for (const variant of listVariants(resource) ?? []) {
          if (variant.instanceType && !variant.serverless) check(resource.logicalId, variant.name, variant.instanceTypeValue, variant.instanceType.keyStart, variant.instanceType.keyEnd);
        }
      },
      cdkConstruct(construct) {
        for (const variant of listCdkVariants(construct) ?? []) {
          const name = getProp(variant.value, 'variantName')?.value;
          if (variant.instanceType && !variant.serverless) check(constructName(construct), name?.kind === 'string' ? name.value : undefined, variant.instanceTypeValue, variant.instanceType.keyStart, variant.instanceType.keyEnd);
        }
      },
      tfResource(resource) {
        for (const variant of listTfVariants(resource) ?? []) {
          const name = `aws_sagemaker_endpoint_configuration.${resource.name}`;
          if (variant.instanceType && !variant.serverless) check(name, variant.name, variant.instanceTypeValue, variant.instanceType.nameStart, variant.instanceType.nameEnd);
        }
      },
      pythonCall(call) {
        for (const variant of endpointVariantsOf(call, context.text)) {
          if (variant.notRealTime || !variant.instanceType) continue;
          // One ModelBuilder deployed twice: its instance type is reported once.
          if (reportedTypes.has(variant.instanceType.start)) continue;
          reportedTypes.add(variant.instanceType.start);
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

    function check(config: string, variantName: string | undefined, type: string | undefined, start: number, end: number): void {
      const row = type ? getInstanceType(type) : undefined;
      if (!row) return;
      const gpu = isGpu(row);
      if (!gpu && (row.acceleratorKind !== 'none' || row.cpuArch !== 'x86_64' || isGraviton(row))) return;
      const suggested = gpu ? inferentiaFor(row) : gravitonFor(row);
      context.report({
        start,
        end,
        messageId: gpu ? 'gpu' : 'x86',
        data: {
          name: config,
          variant: variantName ? `variant ${variantName}` : 'a variant',
          instanceType: row.instanceType,
          current: hourlyFigures(defaultEstimate(row.instanceType)),
          suggested: suggested ?? (gpu ? 'an ml.inf2 instance' : 'an ml.c7g, ml.m6g or ml.r6g instance'),
          figures: suggested ? hourlyFigures(defaultEstimate(suggested)) : '',
        },
      });
    }
  },
});

/** The Inferentia2 size with at least as many accelerators as the GPU instance. */
function inferentiaFor(row: InstanceRow): string | undefined {
  const gpus = getAcceleratorCount(row) ?? 1;
  const candidate = gpus <= 1 ? 'ml.inf2.xlarge' : gpus <= 6 ? 'ml.inf2.24xlarge' : 'ml.inf2.48xlarge';
  return getInstanceType(candidate) ? candidate : undefined;
}

/** Graviton families SageMaker hosting accepts, by x86 family letter (ml.m7g is not a hosting type). */
const gravitonFamilies: Record<string, readonly string[]> = { c: ['c7g', 'c6g'], r: ['r6g', 'r8g'], m: ['m6g', 'm8g'] };

/** The same size in the closest Graviton family that SageMaker hosting accepts. */
function gravitonFor(row: InstanceRow): string | undefined {
  const letter = getFamily(row.instanceType)[0];
  for (const family of gravitonFamilies[letter] ?? gravitonFamilies.m) {
    const candidate = `ml.${family}.${getSize(row.instanceType)}`;
    if (getInstanceType(candidate)?.uses.includes('hosting')) return candidate;
  }
  return undefined;
}
