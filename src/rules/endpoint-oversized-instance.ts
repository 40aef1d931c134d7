import { defineRule } from '../core/defineRule';
import { getAcceleratorCount, getFamily, getInstanceType } from '../data/instances';
import type { InstanceRow } from '../data/types';
import { endpointsOf, listVariants, targetCovers, targetKeys } from './utils/cfnEndpoints';
import { endpointVariantsOf, possibleInstanceTypes } from './utils/endpoints';
import type { TfModule } from '../parsers/terraform';
import { hasSageMakerScalableTarget, listTfVariants } from './utils/tfEndpoints';
import { describeAccelerators } from './utils/training';

import { getProp } from '../parsers/cdk/model';
import { cdkScalesSageMaker, listCdkVariants } from './utils/cdkEndpoints';
import { constructName } from './utils/cdkEdits';

/** Training-class families: multi-GPU interconnect built for training, rarely needed to serve a model. */
const trainingClassFamilies = /^p[3-6]/;

/** Training-class families for CloudFormation and Terraform variants: multi-GPU hosts built for training, not for serving. */
const iacTrainingClassFamilies = ['p3', 'p3dn', 'p4d', 'p4de', 'p5', 'p5e', 'p5en'];

/** The Application Auto Scaling method that registers a scalable target (an endpoint variant's instance count). */
const registerScalableTarget = 'register_scalable_target';

function isOversized(row: InstanceRow): boolean {
  return trainingClassFamilies.test(getFamily(row.instanceType)) || (row.acceleratorKind === 'gpu' && (row.acceleratorCount ?? 0) >= 4);
}

export const endpointOversizedInstance = defineRule({
  id: 'SML302',
  name: 'endpoint-oversized-instance',
  meta: {
    category: 'deploy',
    defaultSeverity: 'warning',
    formats: ['cfn', 'tf', 'py', 'nb', 'cdk'],
    description: 'Real-time endpoint on a multi-GPU or training-class instance, or on several instances without auto scaling',
    messages: {
      oversized:
        'Endpoint config {{name}} serves {{variant}} from {{instanceType}} ({{accelerators}}), a training-class instance: inference rarely keeps that many accelerators busy, and every one is billed each hour. Serve from a single-accelerator instance (ml.g5, ml.g6, ml.inf2) unless the model needs the memory.',
      fixedFleet:
        'Endpoint config {{name}} starts {{variant}} with {{count}} instances and no auto scaling target in this template scales it down: all of them are billed every hour, busy or idle. Start with one instance and scale on traffic.',
      oversizedInstance:
        '{{instanceType}} ({{accelerators}}) is a training-class instance: serving a model rarely needs it, and every hour of the endpoint is billed at its price. Serve from the smallest instance the model fits on (one GPU, or Inferentia ml.inf2).',
      multiGpu:
        '{{instanceType}} has {{accelerators}}: unless the model is sharded across them (tensor parallelism) or several copies serve from one instance, the other GPUs idle while every hour is billed. Serve from the smallest instance the model fits on (one GPU, or Inferentia ml.inf2).',
      fixedFleetTerraform:
        'Endpoint config {{name}} starts {{variant}} with {{count}} instances and no aws_appautoscaling_target in this module scales it down: all of them are billed every hour, busy or idle. Start with one instance and scale on traffic.',
      fixedFleetPython:
        'This endpoint starts {{count}} instances and nothing in this file scales them: they all run, and are billed, at peak capacity around the clock. Register an auto scaling target for the variant, or start with one instance.',
    },
    fixes: [],
    wellArchitected: ['MLSUS05-BP01'],
    options: {},
  },
  create(context) {
    // A fixed fleet is judged at the end of the file: a scaling target may be registered after the deploy.
    let scaled = false;
    const fixedFleets: Array<{ start: number; end: number; count: number }> = [];
    let tfModule: TfModule | undefined;
    const reportedTypes = new Set<number>();
    return {
      tfModule(m) {
        tfModule = m;
      },
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
            if (iacTrainingClassFamilies.includes(getFamily(type)) || accelerators >= 4) {
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
      cdkApp(app) {
        const scaledHere = cdkScalesSageMaker(app);
        for (const construct of app.constructs) {
          for (const variant of listCdkVariants(construct) ?? []) {
            const name = getProp(variant.value, 'variantName')?.value;
            const data = { name: constructName(construct), variant: name?.kind === 'string' ? `variant ${name.value}` : 'a variant' };
            const row = variant.instanceTypeValue ? getInstanceType(variant.instanceTypeValue) : undefined;
            if (variant.instanceType && row) {
              const accelerators = getAcceleratorCount(row) ?? 0;
              if (iacTrainingClassFamilies.includes(getFamily(row.instanceType)) || accelerators >= 4) {
                context.report({ start: variant.instanceType.keyStart, end: variant.instanceType.keyEnd, messageId: 'oversized', data: { ...data, instanceType: row.instanceType, accelerators: `${accelerators} × ${row.acceleratorModel ?? 'accelerator'}` } });
              }
            }
            if (!variant.count || variant.serverless || variant.countValue === undefined || variant.countValue <= 1 || scaledHere) continue;
            context.report({ start: variant.count.keyStart, end: variant.count.keyEnd, messageId: 'fixedFleet', data: { ...data, count: variant.countValue } });
          }
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
            if (iacTrainingClassFamilies.includes(getFamily(row.instanceType)) || accelerators >= 4) {
              const accelerator = `${accelerators} × ${row.acceleratorModel ?? 'accelerator'}`;
              context.report({ start: variant.instanceType.nameStart, end: variant.instanceType.nameEnd, messageId: 'oversized', data: { ...data, instanceType: row.instanceType, accelerators: accelerator } });
            }
          }
          if (!variant.count || variant.serverless || variant.countValue === undefined || variant.countValue <= 1 || !tfModule || hasSageMakerScalableTarget(tfModule)) continue;
          context.report({ start: variant.count.nameStart, end: variant.count.nameEnd, messageId: 'fixedFleetTerraform', data: { ...data, count: variant.countValue } });
        }
      },
      pythonModule(module) {
        // On a client the analysis cannot resolve (a parameter, a helper's return value): still a registration.
        if (module.unresolvedCalls.some((u) => u.method === registerScalableTarget)) scaled = true;
      },
      pythonCall(call) {
        if (call.name.endsWith(`.${registerScalableTarget}`)) scaled = true;
        for (const variant of endpointVariantsOf(call, context.text)) {
          if (variant.notRealTime) continue;
          const rows = variant.instanceType && possibleInstanceTypes(variant.instanceType.value);
          const row = rows?.length === 1 ? rows[0] : undefined;
          // One ModelBuilder deployed twice: its instance type is reported once.
          if (row && variant.instanceType && isOversized(row) && !reportedTypes.has(variant.instanceType.start)) {
            reportedTypes.add(variant.instanceType.start);
            const trainingClass = trainingClassFamilies.test(getFamily(row.instanceType));
            context.report({ start: variant.instanceType.start, end: variant.instanceType.end, messageId: trainingClass ? 'oversizedInstance' : 'multiGpu', data: { instanceType: row.instanceType, accelerators: describeAccelerators(row) } });
          }
          const count = variant.instanceCount;
          if (count?.value.kind === 'number' && count.value.value > 1) fixedFleets.push({ start: count.start, end: count.end, count: count.value.value });
        }
      },
      onEnd() {
        if (scaled) return;
        for (const fleet of fixedFleets) context.report({ start: fleet.start, end: fleet.end, messageId: 'fixedFleetPython', data: { count: fleet.count } });
      },
    };
  },
});
