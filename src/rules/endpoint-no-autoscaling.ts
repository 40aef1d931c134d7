import { extended } from '../core/objects';
import { defineRule } from '../core/defineRule';
import type { Field } from '../model/field';
import { describeUnknown, onEveryBranch } from '../model/field';
import type { EndpointRecord } from '../model/hostingRecords';
import type { EndpointVariantRecord } from '../model/records';
import { visitEndpoints } from '../model/hosting';
import { renderIntent } from '../model/intent';

/** What the fix adds, in the vocabulary of the endpoint's format. */
const added = {
  cfn: 'a scalable target and a target-tracking policy',
  tf: 'an aws_appautoscaling_target and a target-tracking aws_appautoscaling_policy',
  cdk: 'an appscaling.ScalableTarget and a target-tracking policy',
  py: 'a scalable target and a target-tracking policy',
};

/** Where the endpoint is, and where the scaling records belong, in the format's vocabulary. */
function related(endpoint: EndpointRecord): Array<{ start: number; end: number; message: string; fileName?: string }> {
  const serves = `endpoint ${endpoint.name} serves this configuration`;
  const source = endpoint.source;
  switch (source.format) {
    case 'cfn':
      return [
        extended(endpoint.anchor, { message: serves }),
        ...(source.resourcesKey ? [extended(source.resourcesKey, { message: 'an AWS::ApplicationAutoScaling::ScalableTarget and ScalingPolicy for the variant belong here' })] : []),
      ];
    case 'tf':
      return [extended(endpoint.anchor, { message: `${serves}; an aws_appautoscaling_target and aws_appautoscaling_policy for the variant belong ${source.endpoint.file === source.config.file ? 'after it' : 'in the module'}` })];
    case 'cdk':
      return [extended(endpoint.anchor, { message: `${serves}; an appscaling.ScalableTarget and a target-tracking policy for the variant belong next to it` })];
  }
}

/** `ml.m5.xlarge × 2`, or, when the type is not known here, what it depends on. */
function describeVariant(type: Field<string> | undefined, count: Field<number> | undefined): string {
  const n = count?.known ? count.value : undefined;
  if (!type || type.known) return `${type?.value ?? ''}${n === undefined ? '' : ` × ${n}`}`;
  return `${n === undefined ? '' : `${n} instance${n === 1 ? '' : 's'}; `}${describeUnknown(type, 'instance type')}`;
}

/** A variant of instance pools: the priority-1 type and the range (`ml.m5.xlarge, then ml.c5.xlarge, ml.m6i.xlarge × 2`). */
function describePools(variant: EndpointVariantRecord): string | undefined {
  const pools = variant.instancePools;
  if (!pools) return undefined;
  const name = (type: Field<string>) => (type.known ? type.value : describeUnknown(type, 'instance type'));
  const [first, ...rest] = pools.map((p) => name(p.instanceType));
  const count = variant.instanceCount?.known ? ` × ${variant.instanceCount.value}` : '';
  return `instance pools: ${first}${rest.length ? `, then ${rest.join(', ')}` : ''}${count}`;
}

export const endpointNoAutoscaling = defineRule({
  id: 'SML303',
  name: 'endpoint-no-autoscaling',
  meta: {
    category: 'deploy',
    defaultSeverity: 'warning',
    formats: ['cfn', 'tf', 'cdk'],
    description: 'Real-time endpoint variant on instances with no auto scaling target in the template',
    messages: {
      noAutoscaling:
        'Endpoint {{endpoint}} runs {{variants}} at a fixed instance count: no Application Auto Scaling target in this template scales it with traffic, so capacity sized for the peak is billed every hour, busy or idle. Add a scalable target with a target-tracking policy.',
      noAutoscalingTerraform:
        'Endpoint {{endpoint}} runs {{variants}} at a fixed instance count: no aws_appautoscaling_target in this module scales it with traffic, so capacity sized for the peak is billed every hour, busy or idle. Add a scalable target with a target-tracking policy.',
    },
    fixes: ['unsafe'],
    wellArchitected: ['MLSUS03-BP01', 'MLREL05-BP01'],
    options: {
      maxCapacity: { type: 'integer', default: 4, minimum: 1, description: 'MaxCapacity of the scalable target the quick fix adds (raised to the variant’s initial count if that is larger).' },
      targetInvocationsPerInstance: { type: 'number', default: 70, minimum: 1, description: 'TargetValue of the SageMakerVariantInvocationsPerInstance target-tracking policy the quick fix adds (invocations per instance per minute).' },
    },
  },
  create(context) {
    const { maxCapacity, targetInvocationsPerInstance } = context.options;
    return visitEndpoints((record) => {
      // Under template conditions: a finding when every branch has one (the first branch's), without an edit (it would fix one branch only).
      const branched = record.branches !== undefined;
      const finding = onEveryBranch(record, (endpoint) => {
        // A variant on instances that nothing scales: the file links no scalable target to it, and SageMaker-managed instance scaling is not on.
        // The instance type is not needed: a parameter without default or a variable still runs instances.
        const unscaled = endpoint.variants.filter(
          (v) => v.invocation !== 'serverless' && v.instanceType !== undefined && v.scaledBy?.length === 0 && (v.managedScaling === undefined || v.managedScaling === 'disabled'),
        );
        if (!unscaled.length) return undefined;
        const describe = unscaled.map((v) => `${v.repeated === 'dynamic' ? 'the variants of dynamic "production_variants"' : v.repeated === 'map' ? 'the variants `productionVariants` maps from a list' : `variant ${v.variantName ?? '(unnamed)'}`} (${describePools(v) ?? describeVariant(v.instanceType, v.instanceCount)})`);
        const named = unscaled.flatMap((v) => (v.variantName === undefined ? [] : [{ name: v.variantName, count: v.instanceCount?.known ? v.instanceCount.value : undefined }]));
        const edits =
          named.length === unscaled.length && !branched
            ? renderIntent({ kind: 'add-linked-record', link: 'scaling-policy', to: endpoint, variants: named, settings: { maxCapacity, targetInvocationsPerInstance } }, context)
            : undefined;
        return {
          start: endpoint.config.variantsAnchor.start,
          end: endpoint.config.variantsAnchor.end,
          messageId: endpoint.format === 'tf' ? ('noAutoscalingTerraform' as const) : ('noAutoscaling' as const),
          data: { endpoint: endpoint.name, variants: describe.join(', ') },
          related: related(endpoint),
          fix: edits && { title: `Add ${added[endpoint.format]} for ${named.map((v) => v.name).join(', ')}`, applicability: 'unsafe' as const, edits },
          effect: { kind: 'none' as const, reason: 'auto scaling saves what the traffic lets it: the code does not say the traffic' },
        };
      });
      if (finding) context.report(finding);
    });
  },
});
