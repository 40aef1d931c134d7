import { defineRule } from '../core/defineRule';
import type { Effect, Fix } from '../core/types';
import { getInstanceType } from '../data/instances';
import { serverlessMemoryFor } from '../model/edit/invocationEdits';
import type { Field } from '../model/field';
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
 * instances (serverless runs on CPU only). A type passed by a name the file does not follow counts
 * when a call creates the variant (the call is judged, not the type) and no local session may run it.
 */
function onCpu(variant: EndpointVariantRecord, type: Field<string>): boolean {
  if (variant.invocation !== 'real-time' || variant.incomplete || variant.hostedOn === 'local') return false;
  if (type.known) return getInstanceType(type.value)?.acceleratorKind === 'none';
  if (type.alternatives?.length) return type.alternatives.every((t) => getInstanceType(t)?.acceleratorKind === 'none');
  return type.reason === 'variable' && variant.site !== undefined && variant.hostedOn === undefined;
}

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
    return visitEndpointVariants(context.text, (variant) => {
      const type = variant.instanceType;
      if (!type || !onCpu(variant, type)) return;
      const row = type.known ? getInstanceType(type.value) : undefined;
      const count = variant.instanceCount?.known ? { count: variant.instanceCount.value } : {};
      const effect: Effect = row ? { kind: 'serverless', instanceType: row.instanceType, ...count } : { kind: 'none', reason: 'the instance type is not known here' };
      const site = variant.site;
      if (!site) {
        const data = { name: variant.config ?? '', variant: variant.variantName ? `variant ${variant.variantName}` : 'a variant', instanceType: type.known ? type.value : '' };
        context.report({ ...type.anchor, messageId: 'alwaysOn', data, fix: { title: serverlessAdvice[variant.format], applicability: 'displayOnly', edits: [] }, effect });
        return;
      }
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
          batch,
        ],
        effect,
      });
    });
  },
});
