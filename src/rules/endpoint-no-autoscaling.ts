import { defineRule } from '../core/defineRule';
import type { CfnResource, CfnTemplate, CfnValue } from '../parsers/cloudformation';
import { getEntry, getMapValue, resolveScalar } from '../parsers/cloudformation';
import { appendCfnResources } from './utils/cfnEdits';
import { freshLogicalId, getPropertiesFact } from './utils/cfnFacts';
import type { TargetKey } from './utils/cfnEndpoints';
import { configOf, targetKeys } from './utils/cfnEndpoints';
import type { CfnSnippet } from './utils/cfnSnippet';
import { ref, sub } from './utils/cfnSnippet';

interface UnscaledVariant {
  name: string;
  instanceType: string;
  count: number | undefined;
  node: CfnValue;
}

export const endpointNoAutoscaling = defineRule({
  id: 'SML303',
  name: 'endpoint-no-autoscaling',
  meta: {
    category: 'deploy',
    defaultSeverity: 'warning',
    formats: ['cfn'],
    description: 'Real-time endpoint variant on instances with no auto scaling target in the template',
    messages: {
      noAutoscaling:
        'Endpoint {{endpoint}} runs {{variants}} at a fixed instance count: no Application Auto Scaling target in this template scales it with traffic, so capacity sized for the peak is billed every hour, busy or idle. Add a scalable target with a target-tracking policy.',
    },
    fixes: ['unsafe'],
    wellArchitected: ['MLSUS03-BP01', 'MLREL05-BP01'],
    options: {
      maxCapacity: { type: 'integer', default: 4, minimum: 1, description: 'MaxCapacity of the scalable target the quick fix adds (raised to the variant’s initial count if that is larger).' },
      targetInvocationsPerInstance: { type: 'number', default: 70, minimum: 1, description: 'TargetValue of the SageMakerVariantInvocationsPerInstance target-tracking policy the quick fix adds (invocations per instance per minute).' },
    },
  },
  create(context) {
    return {
      cfnTemplate(template) {
        const keys = targetKeys(template);
        if (!keys) return;
        const byId = new Map(template.resources.map((r) => [r.logicalId, r]));
        for (const endpoint of template.resources.filter((r) => r.type === 'AWS::SageMaker::Endpoint')) {
          const endpointProps = getPropertiesFact(endpoint);
          if (!endpointProps.known || !endpointProps.map) continue;
          const config = configOf(template, byId, endpointProps.map);
          if (!config) continue;
          const configProps = getPropertiesFact(config);
          const variantsEntry = configProps.known ? configProps.map && getEntry(configProps.map, 'ProductionVariants') : undefined;
          if (!variantsEntry || variantsEntry.value.kind !== 'seq' || variantsEntry.value.intrinsic) continue;
          const endpointName = resolveScalar(template, getEntry(endpointProps.map, 'EndpointName')?.value);
          const covers = (key: TargetKey, variant: string) =>
            (key.variant === undefined || key.variant === variant) &&
            (key.endpoint === undefined || ('resource' in key.endpoint ? key.endpoint.resource === endpoint.logicalId : key.endpoint.name === endpointName));
          const unscaled = variantsEntry.value.items.flatMap((item) => {
            const variant = instanceVariant(template, item);
            return variant && !keys.some((key) => covers(key, variant.name)) ? [variant] : [];
          });
          if (!unscaled.length) continue;
          const describe = unscaled.map((v) => `variant ${v.name} (${v.instanceType}${v.count === undefined ? '' : ` × ${v.count}`})`).join(', ');
          const edit = appendCfnResources(context.text, context.lines, template, scalingResources(endpoint, unscaled, context.options));
          const resourcesKey = getEntry(template.root, 'Resources');
          context.report({
            start: variantsEntry.keyStart,
            end: variantsEntry.keyEnd,
            messageId: 'noAutoscaling',
            data: { endpoint: endpoint.logicalId, variants: describe },
            related: [
              { start: endpoint.keyStart, end: endpoint.keyEnd, message: `endpoint ${endpoint.logicalId} serves this configuration` },
              ...(resourcesKey ? [{ start: resourcesKey.keyStart, end: resourcesKey.keyEnd, message: 'an AWS::ApplicationAutoScaling::ScalableTarget and ScalingPolicy for the variant belong here' }] : []),
            ],
            fix: edit
              ? { title: `Add a scalable target and a target-tracking policy for ${unscaled.map((v) => v.name).join(', ')}`, applicability: 'unsafe', edits: [edit] }
              : undefined,
          });
        }
      },
    };
  },
});

/** A production variant running on instances, when its name and instance type are known. */
function instanceVariant(template: CfnTemplate, item: CfnValue): UnscaledVariant | undefined {
  const variant = getMapValue(item);
  if (!variant || getEntry(variant, 'ServerlessConfig')) return undefined;
  // SageMaker-managed instance scaling (inference components) scales the variant without a scalable target.
  const managed = getEntry(variant, 'ManagedInstanceScaling');
  if (managed) {
    const settings = getMapValue(managed.value);
    if (resolveScalar(template, settings && getEntry(settings, 'Status')?.value) !== 'DISABLED') return undefined;
  }
  const name = resolveScalar(template, getEntry(variant, 'VariantName')?.value);
  const instanceType = resolveScalar(template, getEntry(variant, 'InstanceType')?.value);
  if (typeof name !== 'string' || typeof instanceType !== 'string') return undefined;
  const count = resolveScalar(template, getEntry(variant, 'InitialInstanceCount')?.value);
  return { name, instanceType, count: typeof count === 'number' ? count : undefined, node: item };
}

function scalingResources(endpoint: CfnResource, variants: UnscaledVariant[], options: { maxCapacity: number; targetInvocationsPerInstance: number }): Array<{ logicalId: string; value: CfnSnippet }> {
  const taken = new Set<string>();
  return variants.flatMap((variant) => {
    const base = `${endpoint.logicalId}${variant.name}`;
    const targetId = freshLogicalId(endpoint, `${base}ScalableTarget`, taken);
    taken.add(targetId);
    const policyId = freshLogicalId(endpoint, `${base}ScalingPolicy`, taken);
    taken.add(policyId);
    const target: CfnSnippet = {
      Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
      Properties: {
        ServiceNamespace: 'sagemaker',
        ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
        ResourceId: sub(`endpoint/\${${endpoint.logicalId}.EndpointName}/variant/${variant.name}`),
        MinCapacity: 1,
        MaxCapacity: Math.max(options.maxCapacity, variant.count ?? 1),
      },
    };
    const policy: CfnSnippet = {
      Type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
      Properties: {
        PolicyName: sub(`\${${endpoint.logicalId}.EndpointName}-${variant.name}-invocations`),
        PolicyType: 'TargetTrackingScaling',
        ScalingTargetId: ref(targetId),
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: options.targetInvocationsPerInstance,
          PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' },
        },
      },
    };
    return [
      { logicalId: targetId, value: target },
      { logicalId: policyId, value: policy },
    ];
  });
}
