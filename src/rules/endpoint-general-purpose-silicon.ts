import { defineRule } from '../core/defineRule';
import { getAcceleratorCount, getFamily, getInstanceType, getSize, isGpu, isGraviton } from '../data/instances';
import type { InstanceRow } from '../data/types';
import { estimateInstance } from '../estimate/estimate';
import { hourlyFigures } from '../present/figures';
import { listVariants } from './utils/cfnEndpoints';
import { listTfVariants } from './utils/tfEndpoints';

export const endpointGeneralPurposeSilicon = defineRule({
  id: 'SML304',
  name: 'endpoint-general-purpose-silicon',
  meta: {
    category: 'deploy',
    defaultSeverity: 'info',
    formats: ['cfn', 'tf'],
    description: 'Endpoint variant on a GPU or x86 CPU instance where Inferentia or Graviton may serve for less',
    messages: {
      gpu: 'Endpoint config {{name}} serves {{variant}} from the GPU instance {{instanceType}}{{current}}. AWS Inferentia2 is built for inference: {{suggested}}{{figures}} may serve the same model for less energy and cost once it is compiled with the Neuron SDK.',
      x86: 'Endpoint config {{name}} serves {{variant}} from the x86 instance {{instanceType}}{{current}}. A Graviton (Arm) instance such as {{suggested}}{{figures}} usually serves CPU inference for less energy and cost, with an arm64 container image.',
    },
    fixes: [],
    wellArchitected: ['MLSUS05-BP02'],
    options: {},
  },
  create(context) {
    return {
      cfnResource(resource) {
        for (const variant of listVariants(resource) ?? []) {
          if (variant.instanceType && !variant.serverless) check(resource.logicalId, variant.name, variant.instanceTypeValue, variant.instanceType.keyStart, variant.instanceType.keyEnd);
        }
      },
      tfResource(resource) {
        for (const variant of listTfVariants(resource) ?? []) {
          const name = `aws_sagemaker_endpoint_configuration.${resource.name}`;
          if (variant.instanceType && !variant.serverless) check(name, variant.name, variant.instanceTypeValue, variant.instanceType.nameStart, variant.instanceType.nameEnd);
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
          current: hourlyFigures(estimateInstance(row.instanceType)),
          suggested: suggested ?? (gpu ? 'an ml.inf2 instance' : 'an ml.c7g, ml.m6g or ml.r6g instance'),
          figures: suggested ? hourlyFigures(estimateInstance(suggested)) : '',
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
