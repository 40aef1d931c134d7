import { defineRule } from '../core/defineRule';
import type { Effect, Fix } from '../core/types';
import { getInstanceType } from '../data/instances';
import { serverlessMemoryFor } from '../model/edit/invocationEdits';
import type { Field } from '../model/field';
import { describeUnknown, onEveryBranch } from '../model/field';
import { visitEndpointVariants } from '../model/endpointVariants';
import { renderIntentFix } from '../model/intent';
import type { EndpointVariantRecord } from '../model/records';

/** The advice of a template's finding, in its format's vocabulary. */
const serverlessAdvice = {
  cfn: 'Replace InstanceType and InitialInstanceCount with a ServerlessConfig (MemorySizeInMB, MaxConcurrency) if the traffic is intermittent (see the rule page)',
  cdk: 'Replace instanceType and initialInstanceCount with a serverlessConfig (memorySizeInMb, maxConcurrency) if the traffic is intermittent (see the rule page)',
  tf: 'Replace instance_type and initial_instance_count with a serverless_config block (memory_size_in_mb, max_concurrency) if the traffic is intermittent (see the rule page)',
  py: 'Replace instance_type and initial_instance_count with serverless_inference_config if the traffic is intermittent (see the rule page)',
};

const batch: Fix = {
  title: 'Or score the data offline with batch transform (model.transformer(...).transform(...) or create_transform_job): no endpoint stays up (snippet greenml-batch-transform)',
  applicability: 'displayOnly',
  edits: [],
};

/**
 * Whether serverless inference could serve it: a real-time variant on SageMaker-hosted CPU
 * instances (serverless runs on CPU only). A type the file does not resolve counts (the variant is
 * judged, not the type: a template parameter without default, a Terraform variable, a name the
 * analysis does not follow), unless a local session may run it; a type that resolves to a GPU,
 * Inferentia or Trainium does not.
 */
function onCpu(variant: EndpointVariantRecord, type: Field<string>): boolean {
  if (variant.invocation !== 'real-time' || variant.incomplete || variant.hostedOn !== undefined || canSleep(variant)) return false;
  // Instance pools: serverless could replace the variant only if every pool is on CPU.
  if (variant.instancePools) return variant.instancePools.every((pool) => onCpuType(variant, pool.instanceType));
  return onCpuType(variant, type);
}

function onCpuType(variant: EndpointVariantRecord, type: Field<string>): boolean {
  if (type.known) return getInstanceType(type.value)?.acceleratorKind === 'none';
  if (type.alternatives?.length) return type.alternatives.every((t) => getInstanceType(t)?.acceleratorKind === 'none');
  return variant.site === undefined || type.reason === 'variable';
}

/** What serving the variant serverless would change: priced when its type is in the catalogue. */
function serverlessEffect(variant: EndpointVariantRecord, type: Field<string>): Effect {
  const row = type.known ? getInstanceType(type.value) : undefined;
  const count = variant.instanceCount?.known ? { count: variant.instanceCount.value } : {};
  return row ? { kind: 'serverless', instanceType: row.instanceType, ...count } : { kind: 'none', reason: type.known ? 'the instance type is not in the catalogue' : describeUnknown(type, 'instance type') };
}

/** After the priority-1 type of instance pools: how many pools, and the last one's type. */
function poolRange(variant: EndpointVariantRecord): string {
  const pools = variant.instancePools;
  const last = pools?.[pools.length - 1]?.instanceType;
  if (!pools || pools.length < 2 || !last) return '';
  return ` (priority 1 of ${pools.length} instance pools, to ${last.known ? last.value : describeUnknown(last, 'instance type')})`;
}

/** SageMaker-managed instance scaling down to zero instances: the variant sleeps while idle, it is not always on. */
function canSleep(variant: EndpointVariantRecord): boolean {
  return variant.managedScaling === 'enabled' && variant.managedMinInstances?.known === true && variant.managedMinInstances.value === 0;
}

/** How each format spells managed instance scaling down to zero. */
const scaleToZeroSetting = {
  cfn: 'ManagedInstanceScaling (Status: ENABLED, MinInstanceCount: 0)',
  cdk: 'managedInstanceScaling (status: ENABLED, minInstanceCount: 0)',
  tf: 'a managed_instance_scaling block (status = "ENABLED", min_instance_count = 0)',
  py: 'ManagedInstanceScaling {"Status": "ENABLED", "MinInstanceCount": 0}',
};

/** The third alternative: an inference component on an endpoint that scales to zero instances. */
const inferenceComponent = (format: EndpointVariantRecord['format']): Fix => ({
  title: `Or host the model as an inference component on an endpoint whose variant has ${scaleToZeroSetting[format]}: no instance runs while idle, but the first request after idle waits for an instance to start (a cold start of minutes) (see the rule page)`,
  applicability: 'displayOnly',
  edits: [],
});

export const endpointAlwaysOn = defineRule({
  id: 'SML301',
  name: 'endpoint-always-on',
  meta: {
    category: 'deploy',
    defaultSeverity: 'info',
    formats: ['cfn', 'tf', 'py', 'nb', 'cdk'],
    description: 'Real-time endpoint on CPU instances that could be a serverless endpoint',
    messages: {
      alwaysOn:
        'Endpoint config {{name}} keeps {{variant}} on {{instanceType}} instances running and billed every hour, with or without traffic. For intermittent or low traffic a serverless variant (ServerlessConfig) bills only while requests run.',
      alwaysOnUnresolved:
        'Endpoint config {{name}} keeps {{variant}} on instances running and billed every hour, with or without traffic ({{dependsOn}}). If that type is a CPU one and the traffic is intermittent or low, a serverless variant (ServerlessConfig) bills only while requests run.',
      alwaysOnPython:
        'This real-time endpoint keeps its instances running (and billed) around the clock, with or without traffic. For intermittent or low traffic, a serverless endpoint bills per request and scales to zero. Consider serverless_inference_config.',
    },
    fixes: ['displayOnly', 'unsafe'],
    wellArchitected: ['MLSUS05-BP01'],
    options: {},
  },
  create(context) {
    // One report per call (a boto3 config of two CPU variants is one endpoint to reconsider).
    const judged = new Set<number>();
    /** The finding on a template variant (CloudFormation, Terraform, CDK): advice only, no edit. */
    const templateFinding = (variant: EndpointVariantRecord) => {
      const type = variant.instanceType;
      if (!type || !onCpu(variant, type)) return undefined;
      const data = { name: variant.config ?? '', variant: variant.variantName ? `variant ${variant.variantName}` : 'a variant', instanceType: type.known ? `${type.value}${poolRange(variant)}` : '', dependsOn: type.known ? '' : describeUnknown(type, 'instance type') };
      return {
        ...type.anchor,
        messageId: type.known ? ('alwaysOn' as const) : ('alwaysOnUnresolved' as const),
        data,
        fix: { title: serverlessAdvice[variant.format], applicability: 'displayOnly' as const, edits: [] },
        suggestions: [inferenceComponent(variant.format)],
        effect: serverlessEffect(variant, type),
      };
    };
    return visitEndpointVariants(context.text, (variant) => {
      const site = variant.site;
      if (!site) {
        // A variant under template conditions fires when every branch fires (the first branch's finding).
        const finding = onEveryBranch(variant, templateFinding);
        if (finding) context.report(finding);
        return;
      }
      const type = variant.instanceType;
      if (!type || !onCpu(variant, type)) return;
      const row = type.known ? getInstanceType(type.value) : undefined;
      const effect = serverlessEffect(variant, type);
      if (judged.has(site.call.start)) return;
      judged.add(site.call.start);
      const memory = serverlessMemoryFor(row);
      const serverless = renderIntentFix({ kind: 'make-serverless', variant, memoryMb: memory }, context);
      const asynchronous = renderIntentFix({ kind: 'make-async', variant }, context);
      context.report({
        ...site.callee,
        messageId: 'alwaysOnPython',
        fix: serverless && { title: `Deploy serverless (ServerlessInferenceConfig, ${memory} MB, up to 5 concurrent requests)`, applicability: 'unsafe', edits: serverless.edits },
        suggestions: [
          ...(asynchronous
            ? [{ title: `Or deploy asynchronously (AsyncInferenceConfig, results in ${asynchronous.detail})`, applicability: 'unsafe' as const, edits: asynchronous.edits, ...(asynchronous.placeholders?.length ? { placeholders: asynchronous.placeholders } : {}) }]
            : []),
          inferenceComponent(variant.format),
          batch,
        ],
        effect,
      });
    });
  },
});
