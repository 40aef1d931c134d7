import { defineRule } from '../core/defineRule';
import type { EndpointRecord } from '../model/hostingRecords';
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
        { ...endpoint.anchor, message: serves },
        ...(source.resourcesKey ? [{ ...source.resourcesKey, message: 'an AWS::ApplicationAutoScaling::ScalableTarget and ScalingPolicy for the variant belong here' }] : []),
      ];
    case 'tf':
      return [{ ...endpoint.anchor, message: `${serves}; an aws_appautoscaling_target and aws_appautoscaling_policy for the variant belong ${source.endpoint.file === source.config.file ? 'after it' : 'in the module'}` }];
    case 'cdk':
      return [{ ...endpoint.anchor, message: `${serves}; an appscaling.ScalableTarget and a target-tracking policy for the variant belong next to it` }];
  }
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
    return visitEndpoints((endpoint) => {
      // A variant on instances that nothing scales: no scalable target covers it, and SageMaker-managed instance scaling is not on.
      const unscaled = endpoint.variants.filter(
        (v) => v.invocation !== 'serverless' && v.instanceType?.known && v.scaling === 'unscaled' && (v.managedScaling === undefined || v.managedScaling === 'disabled'),
      );
      if (!unscaled.length) return;
      const describe = unscaled.map((v) => `variant ${v.variantName ?? '(unnamed)'} (${v.instanceType?.known ? v.instanceType.value : ''}${v.instanceCount?.known ? ` × ${v.instanceCount.value}` : ''})`);
      const named = unscaled.flatMap((v) => (v.variantName === undefined ? [] : [{ name: v.variantName, count: v.instanceCount?.known ? v.instanceCount.value : undefined }]));
      const edits =
        named.length === unscaled.length
          ? renderIntent({ kind: 'add-linked-record', link: 'scaling-policy', to: endpoint, variants: named, settings: { maxCapacity, targetInvocationsPerInstance } }, context)
          : undefined;
      context.report({
        ...endpoint.config.variantsAnchor,
        messageId: endpoint.format === 'tf' ? 'noAutoscalingTerraform' : 'noAutoscaling',
        data: { endpoint: endpoint.name, variants: describe.join(', ') },
        related: related(endpoint),
        fix: edits && { title: `Add ${added[endpoint.format]} for ${named.map((v) => v.name).join(', ')}`, applicability: 'unsafe', edits },
        effect: { kind: 'none', reason: 'auto scaling saves what the traffic lets it: the code does not say the traffic' },
      });
    });
  },
});
