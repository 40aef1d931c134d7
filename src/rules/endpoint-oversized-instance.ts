import { extended } from '../core/objects';
import { defineRule } from '../core/defineRule';
import type { Effect, ReportDescriptor } from '../core/types';
import { getInstanceType } from '../data/instances';
import { findingsOnEveryBranch, otherBranches, visitEndpointVariants } from '../model/endpointVariants';
import type { EndpointVariantRecord } from '../model/records';
import { findingsOnEveryType, instanceTypesOf } from '../model/variantFacts';
import type { KnownField } from '../model/field';
import { shardsAcrossGpus } from '../model/read/gpuSharding';
import { describeParameters, fitOnOneAccelerator, weightsGib } from '../model/read/modelSize';
import { describeAccelerators } from '../model/read/training';
import { hostingOversize, inRegion, recommendPurposeBuilt, recommendSmaller } from '../model/recommend';
import { withWorkRegion } from '../model/workRegion';

/** What is said of an oversized type, the same in every format (a template's finding names its configuration and variant first). */
const trainingClassIs = '{{instanceType}} ({{accelerators}}) is a training-class instance: serving a model rarely needs it, and every hour of the endpoint is billed at its price.';
const multiGpuHas =
  '{{instanceType}} has {{accelerators}}: unless the model is sharded across them (tensor parallelism) or several copies serve from one instance, the other GPUs idle while every hour is billed.';
const serveOn = 'Serve from the smallest instance the model fits on (one GPU, or Inferentia ml.inf2).';
/** Where the region of the work offers no Inferentia2, the advice does not name it. */
const serveOnHere = 'Serve from the smallest instance the model fits on: one GPU ({{region}} offers no Inferentia ml.inf2).';
const trainingClass = `${trainingClassIs} ${serveOn}`;
const multiGpu = `${multiGpuHas} ${serveOn}`;

const smallModelSharded =
  '{{instanceType}} has {{accelerators}}, and {{model}} ({{parameters}} parameters, about {{weights}} GiB of weights) fits on one of them: sharding it {{across}} bills every GPU for work one can do. Serve from the smallest instance the model fits on (one GPU, or Inferentia ml.inf2).';

export const endpointOversizedInstance = defineRule({
  id: 'SML302',
  name: 'endpoint-oversized-instance',
  meta: {
    category: 'deploy',
    defaultSeverity: 'warning',
    formats: ['cfn', 'tf', 'py', 'nb', 'cdk'],
    description: 'Real-time endpoint on a multi-GPU or training-class instance, or on several instances without auto scaling',
    messages: {
      oversized: `Endpoint config {{name}}, {{variant}}: ${trainingClass}`,
      multiGpuConfig: `Endpoint config {{name}}, {{variant}}: ${multiGpu}`,
      fixedFleet:
        'Endpoint config {{name}} starts {{variant}} with {{count}} instances and no auto scaling target in this template scales it down: all of them are billed every hour, busy or idle. Start with one instance and scale on traffic.',
      smallModelShardedConfig: `Endpoint config {{name}}, {{variant}}: ${smallModelSharded}`,
      oversizedInstance: trainingClass,
      multiGpu,
      smallModelSharded,
      oversizedNoInf2: `Endpoint config {{name}}, {{variant}}: ${trainingClassIs} ${serveOnHere}`,
      multiGpuConfigNoInf2: `Endpoint config {{name}}, {{variant}}: ${multiGpuHas} ${serveOnHere}`,
      oversizedInstanceNoInf2: `${trainingClassIs} ${serveOnHere}`,
      multiGpuNoInf2: `${multiGpuHas} ${serveOnHere}`,
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
    // One ModelBuilder deployed twice: its instance type is judged once.
    const judged = new Set<number>();
    return withWorkRegion((work) =>
      visitEndpointVariants(context.text, (variant) => {
        // Python variants come at the end of the walk, the others after their module's or app's regions.
        const region = work.code();
        // A template variant under conditions: each concept fires when it fires on every branch (the first branch's findings, no edit).
        const note = otherBranches(variant);
        for (const finding of [...findingsOnEveryBranch(variant, (v) => oversized(v, region)), ...findingsOnEveryBranch(variant, fixedFleet)]) {
          if (judged.has(finding.start)) continue;
          judged.add(finding.start);
          context.report(note && finding.data ? extended(finding, { data: extended(finding.data, { variant: `${finding.data.variant}${note}` }) }) : finding);
        }
      }),
    );
  },
});

type MessageId = keyof typeof endpointOversizedInstance.meta.messages;

const dataOf = (variant: EndpointVariantRecord) => ({ name: variant.config ?? '', variant: variant.variantName ? `variant ${variant.variantName}` : 'a variant' });

/** An oversized instance type (one finding per pool type of a variant of instance pools). */
function oversized(variant: EndpointVariantRecord, region: string | undefined): Array<ReportDescriptor<MessageId>> {
  if (variant.invocation === 'serverless' || variant.invocation === 'unknown') return [];
  const named = variant.config !== undefined;
  // A model sharded across the GPUs (tensor parallelism) uses them: only a training-class type is still judged.
  const degree = variant.gpuSharding?.degree;
  const sharded = shardsAcrossGpus(degree);
  const model = variant.model;
  // A type bound to several values fires when every one of them does, named by the first, with no edit.
  return instanceTypesOf(variant).flatMap((field) => findingsOnEveryType(field, oversizedType));

  function oversizedType(type: KnownField<string>): ReportDescriptor<MessageId> | undefined {
    const row = getInstanceType(type.value);
    const oversize = row && hostingOversize(row);
    // Where the model's id tells its size, the size decides when it is clear: a model larger than one of the GPUs needs
    // several (no finding); one that fits on one with room to serve is oversized here, sharded or not.
    const fit = model && row?.acceleratorKind === 'gpu' ? fitOnOneAccelerator(model, row) : undefined;
    if (!row || !oversize || fit === 'exceeds' || (oversize === 'multi-gpu' && sharded && fit !== 'fits')) return undefined;
    const { found: smaller, notInRegion } = inRegion(region, (r) => recommendSmaller(row, 'hosting', r)?.row);
    const effect: Effect = smaller
      ? { kind: 'instance-swap', usage: 'hosting', from: row.instanceType, to: smaller.instanceType, silicon: 'smaller' }
      : { kind: 'none', reason: notInRegion ? `${region} does not offer a single-accelerator size of this family` : 'no single-accelerator size of this family serves' };
    const data = extended(dataOf(variant), { instanceType: row.instanceType, accelerators: describeAccelerators(row) });
    if (oversize === 'multi-gpu' && sharded && model) {
      const across = degree === 'all' ? 'across all of them' : typeof degree === 'number' ? `across ${degree} of them` : 'across them';
      return { start: type.anchor.start, end: type.anchor.end, messageId: named ? 'smallModelShardedConfig' : 'smallModelSharded', data: extended(data, { model: model.id, parameters: describeParameters(model.parameters), weights: +weightsGib(model).toFixed(1), across }), effect };
    }
    const messageId = oversize === 'training-class' ? (named ? 'oversized' : 'oversizedInstance') : named ? 'multiGpuConfig' : 'multiGpu';
    const noInferentia = inRegion(region, (r) => recommendPurposeBuilt(row, 'hosting', r)).notInRegion?.kind === 'inferentia';
    return { start: type.anchor.start, end: type.anchor.end, messageId: noInferentia ? `${messageId}NoInf2` : messageId, data: noInferentia ? extended(data, { region: region ?? '' }) : data, effect };
  }
}

/** Several instances that nothing scales. */
function fixedFleet(variant: EndpointVariantRecord): Array<ReportDescriptor<MessageId>> {
  if (variant.invocation === 'serverless' || variant.invocation === 'unknown') return [];
  const count = variant.instanceCount;
  // SageMaker-managed instance scaling scales the fleet without a scalable target.
  const managed = variant.managedScaling !== undefined && variant.managedScaling !== 'disabled';
  if (!count?.known || count.value <= 1 || variant.scaling !== 'unscaled' || managed) return [];
  return [
    {
      start: count.anchor.start,
      end: count.anchor.end,
      messageId: variant.config === undefined ? 'fixedFleetPython' : variant.format === 'tf' ? 'fixedFleetTerraform' : 'fixedFleet',
      data: extended(dataOf(variant), { count: count.value }),
      effect: { kind: 'none', reason: 'auto scaling saves what the traffic lets it: the code does not say the traffic' },
    },
  ];
}
