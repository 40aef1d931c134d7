import { lineStartAt } from '../../core/lineIndex';
import type { Edit } from '../../core/types';
import type { InstanceRow } from '../../data/types';
import type { PythonCall } from '../../parsers/python/facts';
import { getKeyword } from '../../parsers/python/facts';
import type { PythonVariantSite } from '../hostingRecords';
import { joinEdits, quoteOf, s3LocationUnder } from './pythonEdits';
import { addFromImport } from './pythonImports';

/**
 * Edits that change how a SageMaker SDK `deploy(...)` is invoked: serverless in place of the
 * instance arguments, or asynchronous with results under the training output or the session's
 * default bucket. Undefined when the call cannot be changed cleanly (positional or spread
 * arguments, an import that cannot be added, another API).
 */

/** Serverless memory comes in 1 GB steps from 1024 to 6144 MB; the SDK's default is 2048. */
export function serverlessMemoryFor(row: InstanceRow | undefined): number {
  if (!row?.memoryGib) return 2048;
  return Math.min(6144, Math.max(1024, Math.floor(row.memoryGib) * 1024));
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

export interface InvocationDocument {
  text: string;
  blocks?: ReadonlyArray<{ start: number; end: number }>;
}

/** `instance_type` and `initial_instance_count` replaced by a `ServerlessInferenceConfig` of `memory` MB and 5 concurrent requests. */
export function serverlessDeployEdits(document: InvocationDocument, site: PythonVariantSite, memory: number): Edit[] | undefined {
  const { call, variant } = site;
  const type = getKeyword(call, 'instance_type');
  const count = getKeyword(call, 'initial_instance_count');
  if (variant.api !== 'deploy' || !type || !count || type.spread || count.spread || getKeyword(call, 'accelerator_type')) return undefined;
  const importEdit = addFromImport(document.text, 'sagemaker.serverless', ['ServerlessInferenceConfig'], call.start, document.blocks);
  if (importEdit === undefined) return undefined;
  const [first, second] = type.start < count.start ? [type, count] : [count, type];
  const removal = deleteArgument(document.text, call, second.start);
  if (!removal) return undefined;
  const config = `serverless_inference_config=ServerlessInferenceConfig(memory_size_in_mb=${memory}, max_concurrency=5)`;
  return joinEdits([...(importEdit ? [importEdit] : []), { start: first.start, end: first.end, text: config }, removal]);
}

/** An `AsyncInferenceConfig` added after `instance_type`, results under the deployed estimator's output path or the default bucket. */
export function asyncDeployEdits(document: InvocationDocument, site: PythonVariantSite): { edits: Edit[]; shown: string; placeholders: string[] } | undefined {
  const { call, variant } = site;
  const type = getKeyword(call, 'instance_type');
  if (variant.api !== 'deploy' || !type || type.spread || getKeyword(call, 'async_inference_config')) return undefined;
  const importEdit = addFromImport(document.text, 'sagemaker.async_inference', ['AsyncInferenceConfig'], call.start, document.blocks);
  if (importEdit === undefined) return undefined;
  // One argument per line stays so: the new argument goes on its own line, indented like instance_type.
  const lineStart = lineStartAt(document.text, type.start);
  const before = document.text.slice(lineStart, type.start);
  const separator = /^[ \t]*$/.test(before) ? `,\n${before}` : ', ';
  // Results go next to the training output of the estimator deployed, when the file shows it.
  const trained = call.receiver && !call.receiver.open ? getKeyword(call.receiver, 'output_path') : undefined;
  const location = s3LocationUnder(document.text, trained, site.defaultBucket, 'async-output', quoteOf(call));
  const config = `${separator}async_inference_config=AsyncInferenceConfig(output_path=${location.expression})`;
  return { edits: joinEdits([...(importEdit ? [importEdit] : []), { start: type.end, end: type.end, text: config }]), shown: location.shown, placeholders: location.placeholders };
}
