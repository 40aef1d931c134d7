import { defineRule } from '../core/defineRule';
import { lineStartAt } from '../core/lineIndex';
import type { Edit, Fix } from '../core/types';
import { getAcceleratorKind } from '../data/instances';
import type { InstanceRow } from '../data/types';
import type { PythonCall } from '../parsers/python/facts';
import { getKeyword } from '../parsers/python/facts';
import { isAsyncConfig, listVariants } from './utils/cfnEndpoints';
import type { EndpointVariant } from './utils/endpoints';
import { endpointVariantsOf, possibleInstanceTypes } from './utils/endpoints';
import { defaultBucketVariables, joinEdits, quoteOf, s3LocationUnder } from './utils/pythonEdits';
import { addFromImport } from './utils/pythonImports';
import { isLocalMode } from './utils/sagemaker';
import { isAsyncTfConfig, listTfVariants } from './utils/tfEndpoints';
import { getProp } from '../parsers/cdk/model';
import { listCdkVariants } from './utils/cdkEndpoints';
import { constructName } from './utils/cdkEdits';

const localSessions = ['sagemaker.local.LocalSession', 'sagemaker.local.local_session.LocalSession', 'sagemaker.LocalSession'];

/** Serverless memory comes in 1 GB steps from 1024 to 6144 MB; the SDK's default is 2048. */
export function serverlessMemoryFor(row: InstanceRow | undefined): number {
  if (!row?.memoryGib) return 2048;
  return Math.min(6144, Math.max(1024, Math.floor(row.memoryGib) * 1024));
}

/** Whether a real-time variant runs on CPU instances or ones the file cannot resolve (and that are not local mode). */
function isCpuOrUnresolved(variant: EndpointVariant, mayBeLocal: boolean): boolean {
  const value = variant.instanceType?.value;
  if (!value || isLocalMode(value)) return false;
  const rows = possibleInstanceTypes(value);
  if (!rows) return !mayBeLocal;
  return rows.every((r) => r?.acceleratorKind === 'none');
}

/** Deletes one argument with the comma that separates it, when only spaces and that comma lie between the arguments. */
function deleteArgument(text: string, call: PythonCall, start: number): Edit | undefined {
  const items = call.arguments.items;
  const i = items.findIndex((item) => item.start === start);
  if (i < 0) return undefined;
  if (i > 0) {
    const gap = text.slice(items[i - 1].end, items[i].start);
    return /^\s*,\s*$/.test(gap) ? { start: items[i - 1].end, end: items[i].end, text: '' } : undefined;
  }
  const next = items[i + 1];
  if (!next) return undefined;
  return /^\s*,\s*$/.test(text.slice(items[i].end, next.start)) ? { start: items[i].start, end: next.start, text: '' } : undefined;
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
    let mayBeLocal = false;
    const buckets = defaultBucketVariables(context.text);
    const fixFor = (call: PythonCall, variant: EndpointVariant): Fix | undefined => {
      const type = getKeyword(call, 'instance_type');
      const count = getKeyword(call, 'initial_instance_count');
      if (variant.api !== 'deploy' || !type || !count || type.spread || count.spread || getKeyword(call, 'accelerator_type')) return undefined;
      const importEdit = addFromImport(context.text, 'sagemaker.serverless', ['ServerlessInferenceConfig'], call.start, context.blocks);
      if (importEdit === undefined) return undefined;
      const rows = possibleInstanceTypes(type.value);
      const memory = serverlessMemoryFor(rows?.length === 1 ? rows[0] : undefined);
      const [first, second] = type.start < count.start ? [type, count] : [count, type];
      const removal = deleteArgument(context.text, call, second.start);
      if (!removal) return undefined;
      const config = `serverless_inference_config=ServerlessInferenceConfig(memory_size_in_mb=${memory}, max_concurrency=5)`;
      const edits = [...(importEdit ? [importEdit] : []), { start: first.start, end: first.end, text: config }, removal];
      return { title: `Deploy serverless (ServerlessInferenceConfig, ${memory} MB, up to 5 concurrent requests)`, applicability: 'unsafe', edits: joinEdits(edits) };
    };
    /**
     * The other ways off an always-on endpoint, offered beside the serverless fix: an asynchronous
     * endpoint (requests queue in S3; the instances can scale to zero), and batch transform advice.
     */
    const alternativesFor = (call: PythonCall, variant: EndpointVariant): Fix[] => {
      const type = getKeyword(call, 'instance_type');
      const batch: Fix = {
        title: 'Or score the data offline with batch transform (model.transformer(...).transform(...) or create_transform_job): no endpoint stays up (snippet greenml-batch-transform)',
        applicability: 'displayOnly',
        edits: [],
      };
      if (variant.api !== 'deploy' || !type || type.spread || getKeyword(call, 'async_inference_config')) return [batch];
      const importEdit = addFromImport(context.text, 'sagemaker.async_inference', ['AsyncInferenceConfig'], call.start, context.blocks);
      if (importEdit === undefined) return [batch];
      // One argument per line stays so: the new argument goes on its own line, indented like instance_type.
      const lineStart = lineStartAt(context.text, type.start);
      const before = context.text.slice(lineStart, type.start);
      const separator = /^[ \t]*$/.test(before) ? `,\n${before}` : ', ';
      // Results go next to the training output of the estimator deployed, when the file shows it.
      const trained = call.receiver && !call.receiver.open ? getKeyword(call.receiver, 'output_path') : undefined;
      const location = s3LocationUnder(context.text, trained, buckets.before(call.start), 'async-output', quoteOf(call));
      const config = `${separator}async_inference_config=AsyncInferenceConfig(output_path=${location.expression})`;
      const asynchronous: Fix = {
        title: `Or deploy asynchronously (AsyncInferenceConfig, results in ${location.shown})`,
        applicability: 'unsafe',
        edits: joinEdits([...(importEdit ? [importEdit] : []), { start: type.end, end: type.end, text: config }]),
        ...(location.placeholders.length ? { placeholders: location.placeholders } : {}),
      };
      return [asynchronous, batch];
    };
    return {
      cfnResource(resource) {
        const variants = listVariants(resource);
        if (!variants || isAsyncConfig(resource)) return;
        for (const variant of variants) {
          const type = variant.instanceTypeValue;
          // Serverless inference runs on CPU only: GPU and Inferentia variants have no serverless alternative.
          if (!variant.instanceType || variant.serverless || !type || getAcceleratorKind(type) !== 'none') continue;
          context.report({
            start: variant.instanceType.keyStart,
            end: variant.instanceType.keyEnd,
            messageId: 'alwaysOn',
            data: { name: resource.logicalId, variant: variant.name ? `variant ${variant.name}` : 'a variant', instanceType: type },
            fix: {
              title: 'Replace InstanceType and InitialInstanceCount with a ServerlessConfig (MemorySizeInMB, MaxConcurrency) if the traffic is intermittent (see the rule page)',
              applicability: 'displayOnly',
              edits: [],
            },
          });
        }
      },
      cdkConstruct(construct) {
        const variants = listCdkVariants(construct);
        if (!variants || getProp(construct.props, 'asyncInferenceConfig')) return;
        for (const variant of variants) {
          const type = variant.instanceTypeValue;
          if (!variant.instanceType || variant.serverless || !type || getAcceleratorKind(type) !== 'none') continue;
          const name = getProp(variant.value, 'variantName')?.value;
          context.report({
            start: variant.instanceType.keyStart,
            end: variant.instanceType.keyEnd,
            messageId: 'alwaysOn',
            data: { name: constructName(construct), variant: name?.kind === 'string' ? `variant ${name.value}` : 'a variant', instanceType: type },
            fix: {
              title: 'Replace instanceType and initialInstanceCount with a serverlessConfig (memorySizeInMb, maxConcurrency) if the traffic is intermittent (see the rule page)',
              applicability: 'displayOnly',
              edits: [],
            },
          });
        }
      },
      tfResource(resource) {
        const variants = listTfVariants(resource);
        if (!variants || isAsyncTfConfig(resource)) return;
        for (const variant of variants) {
          const type = variant.instanceTypeValue;
          if (!variant.instanceType || variant.serverless || !type || getAcceleratorKind(type) !== 'none') continue;
          context.report({
            start: variant.instanceType.nameStart,
            end: variant.instanceType.nameEnd,
            messageId: 'alwaysOn',
            data: { name: `aws_sagemaker_endpoint_configuration.${resource.name}`, variant: variant.name ? `variant ${variant.name}` : 'a variant', instanceType: type },
            fix: {
              title: 'Replace instance_type and initial_instance_count with a serverless_config block (memory_size_in_mb, max_concurrency) if the traffic is intermittent (see the rule page)',
              applicability: 'displayOnly',
              edits: [],
            },
          });
        }
      },
      pythonModule(module) {
        mayBeLocal = localSessions.some((name) => module.imports.includes(name));
      },
      pythonCall(call) {
        buckets.visit(call);
        const variants = endpointVariantsOf(call, context.text).filter((v) => !v.notRealTime && !v.open && isCpuOrUnresolved(v, mayBeLocal));
        if (!variants.length) return;
        context.report({ start: call.callee.start, end: call.callee.end, messageId: 'alwaysOnPython', fix: fixFor(call, variants[0]), suggestions: alternativesFor(call, variants[0]) });
      },
    };
  },
});
