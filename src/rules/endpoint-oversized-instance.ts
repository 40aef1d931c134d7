import { defineRule } from '../core/defineRule';
import { getAcceleratorCount, getFamily, getInstanceType } from '../data/instances';
import { endpointsOf, listVariants, targetCovers, targetKeys } from './utils/cfnEndpoints';
import { hasSageMakerScalableTarget, listTfVariants } from './utils/tfEndpoints';

/** Training-class families: multi-GPU hosts built for training, not for serving. */
const trainingClassFamilies = ['p3', 'p3dn', 'p4d', 'p4de', 'p5', 'p5e', 'p5en'];

export const endpointOversizedInstance = defineRule({
  id: 'SML302',
  name: 'endpoint-oversized-instance',
  meta: {
    category: 'deploy',
    defaultSeverity: 'warning',
    formats: ['cfn', 'tf'],
    description: 'Endpoint variant on a training-class or multi-GPU instance, or several instances with no auto scaling',
    messages: {
      oversized:
        'Endpoint config {{name}} serves {{variant}} from {{instanceType}} ({{accelerators}}), a training-class instance: inference rarely keeps that many accelerators busy, and every one is billed each hour. Serve from a single-accelerator instance (ml.g5, ml.g6, ml.inf2) unless the model needs the memory.',
      fixedFleet:
        'Endpoint config {{name}} starts {{variant}} with {{count}} instances and no auto scaling target in this template scales it down: all of them are billed every hour, busy or idle. Start with one instance and scale on traffic.',
    },
    fixes: [],
    wellArchitected: ['MLSUS05-BP01'],
    options: {},
  },
  create(context) {
    return {
      cfnResource(resource) {
        const variants = listVariants(resource);
        if (!variants) return;
        let keys: ReturnType<typeof targetKeys> | null = null;
        for (const variant of variants) {
          const data = { name: resource.logicalId, variant: variant.name ? `variant ${variant.name}` : 'a variant' };
          const type = variant.instanceTypeValue;
          const row = type ? getInstanceType(type) : undefined;
          if (variant.instanceType && type && row) {
            const accelerators = getAcceleratorCount(row) ?? 0;
            if (trainingClassFamilies.includes(getFamily(type)) || accelerators >= 4) {
              context.report({
                start: variant.instanceType.keyStart,
                end: variant.instanceType.keyEnd,
                messageId: 'oversized',
                data: { ...data, instanceType: type, accelerators: `${accelerators} × ${row.acceleratorModel ?? 'accelerator'}` },
              });
            }
          }
          if (!variant.count || variant.serverless || variant.countValue === undefined || variant.countValue <= 1) continue;
          keys ??= targetKeys(resource.template);
          if (!keys || variant.name === undefined) continue;
          const variantName = variant.name;
          const endpoints = endpointsOf(resource);
          const scaled = keys.some((key) =>
            endpoints.length ? endpoints.some((e) => targetCovers(resource.template, key, e, variantName)) : key.variant === undefined || key.variant === variantName,
          );
          if (scaled) continue;
          context.report({ start: variant.count.keyStart, end: variant.count.keyEnd, messageId: 'fixedFleet', data: { ...data, count: variant.countValue } });
        }
      },
      tfResource(resource) {
        const variants = listTfVariants(resource);
        if (!variants) return;
        for (const variant of variants) {
          const data = { name: `aws_sagemaker_endpoint_configuration.${resource.name}`, variant: variant.name ? `variant ${variant.name}` : 'a variant' };
          const row = variant.instanceTypeValue ? getInstanceType(variant.instanceTypeValue) : undefined;
          if (variant.instanceType && row) {
            const accelerators = getAcceleratorCount(row) ?? 0;
            if (trainingClassFamilies.includes(getFamily(row.instanceType)) || accelerators >= 4) {
              const accelerator = `${accelerators} × ${row.acceleratorModel ?? 'accelerator'}`;
              context.report({ start: variant.instanceType.nameStart, end: variant.instanceType.nameEnd, messageId: 'oversized', data: { ...data, instanceType: row.instanceType, accelerators: accelerator } });
            }
          }
          if (!variant.count || variant.serverless || variant.countValue === undefined || variant.countValue <= 1 || hasSageMakerScalableTarget(resource)) continue;
          context.report({ start: variant.count.nameStart, end: variant.count.nameEnd, messageId: 'fixedFleet', data: { ...data, count: variant.countValue } });
        }
      },
    };
  },
});
