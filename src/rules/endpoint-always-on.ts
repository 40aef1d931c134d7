import { defineRule } from '../core/defineRule';
import type { Effect, Fix } from '../core/types';
import { getInstanceType } from '../data/instances';
import { serverlessMemoryFor } from '../model/edit/invocationEdits';
import type { Field } from '../model/field';
import { describeUnknown, otherValuesNote } from '../model/field';
import { visitEndpointVariants } from '../model/endpointVariants';
import { renderIntentFix } from '../model/intent';
import type { EndpointVariantRecord } from '../model/records';
import { describePoolRange, serverlessCandidate } from '../model/variantFacts';

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

/** What serving the variant serverless would change: priced when its type is in the catalogue. */
function serverlessEffect(variant: EndpointVariantRecord, type: Field<string>): Effect {
  const first = firstType(type);
  const row = first !== undefined ? getInstanceType(first) : undefined;
  const count = variant.instanceCount?.known ? { count: variant.instanceCount.value } : {};
  return row ? { kind: 'serverless', instanceType: row.instanceType, ...count } : { kind: 'none', reason: !type.known && first === undefined ? describeUnknown(type, 'instance type') : 'the instance type is not in the catalogue' };
}

/** The type a finding is named and priced by: the known one, or the first of the values a type bound to several may take (each a CPU type here). */
const firstType = (type: Field<string>): string | undefined => (type.known ? type.value : type.alternatives?.[0]);

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
    const templateFinding = (variant: EndpointVariantRecord, type: Field<string>) => {
      const first = firstType(type);
      const others = type.known ? [] : (type.alternatives?.slice(1) ?? []);
      const data = { name: variant.config ?? '', variant: variant.variantName ? `variant ${variant.variantName}` : 'a variant', instanceType: first !== undefined ? `${first}${otherValuesNote(others)}${describePoolRange(variant)}` : '', dependsOn: !type.known && first === undefined ? describeUnknown(type, 'instance type') : '' };
      return {
        start: type.anchor.start,
        end: type.anchor.end,
        messageId: first !== undefined ? ('alwaysOn' as const) : ('alwaysOnUnresolved' as const),
        data,
        fix: { title: serverlessAdvice[variant.format], applicability: 'displayOnly' as const, edits: [] },
        suggestions: [inferenceComponent(variant.format)],
        effect: serverlessEffect(variant, type),
      };
    };
    return visitEndpointVariants(context.text, (record) => {
      // A variant under template conditions fires when every branch fires (the first branch's finding).
      const variant = serverlessCandidate(record);
      const type = variant?.instanceType;
      if (!variant || !type) return;
      const site = variant.site;
      if (!site) return context.report(templateFinding(variant, type));
      const row = type.known ? getInstanceType(type.value) : undefined;
      const effect = serverlessEffect(variant, type);
      if (judged.has(site.call.start)) return;
      judged.add(site.call.start);
      const memory = serverlessMemoryFor(row);
      const serverless = renderIntentFix({ kind: 'make-serverless', variant, memoryMb: memory }, context);
      const asynchronous = renderIntentFix({ kind: 'make-async', variant }, context);
      context.report({
        start: site.callee.start,
        end: site.callee.end,
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
