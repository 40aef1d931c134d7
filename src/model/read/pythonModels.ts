import type { PyDict, PyValue, PythonCall } from '../../parsers/python/facts';
import { asDict, getDictEntry, getKeyword } from '../../parsers/python/facts';
import type { ShardingDegree } from './gpuSharding';
import { callSharding } from './gpuSharding';
import { isModelIdKey } from './modelSize';
import { isSageMakerClientCall } from './sagemaker';

/**
 * boto3 `create_model(ModelName=…)` linked to the production variants of a
 * `create_endpoint_config` that name it (`"ModelName": …`), so a variant is judged with the
 * container environment of the model it serves, as a CloudFormation variant is.
 *
 * The two calls name the model with the same value: the same literal (or names the analysis
 * resolves to it), or the same expression as written — the same variable, or the same f-string
 * built from the same names (`f"{base}-model"` in both calls).
 */

/** The key a model name links by: `"s:<literal>"` or `"e:<expression as written>"`; undefined when there is none. */
export function modelNameKey(value: PyValue | undefined, text: string): string | undefined {
  if (!value || value.kind === 'none') return undefined;
  if (value.kind === 'string') return `s:${value.value}`;
  const written = text.slice(value.start, value.end).trim().replace(/\s+/g, ' ');
  return written ? `e:${written}` : undefined;
}

/** A boto3 model: the key of its name, the widest tensor-parallel degree of its containers' environment, whether that environment can be read. */
export interface Boto3Model {
  key: string;
  degree?: ShardingDegree;
  /** Every container, and its `Environment` when written, is a dict the file shows in full: a degree not found is not set. */
  readable: boolean;
  /** The model id the containers load (`HF_MODEL_ID`, `OPTION_MODEL_ID` in an `Environment`), the first container's that names one. */
  modelId?: string;
}

/** A container (`PrimaryContainer`, an item of `Containers`) whose environment the file shows: no `Environment`, or a closed dict. */
function containerReadable(value: PyValue): boolean {
  const container: PyDict | undefined = asDict(value);
  if (!container) return false;
  const env = getDictEntry(container, 'Environment');
  if (!env) return !container.open;
  const dict = asDict(env.value);
  return !!dict && !dict.open;
}

/** The model id a container's `Environment` names (a model-id key written as a string), if any. */
function containerModelId(value: PyValue): string | undefined {
  const container = asDict(value);
  const env = container && asDict(getDictEntry(container, 'Environment')?.value);
  const entry = env?.entries.find((e) => isModelIdKey(e.key) && e.value.kind === 'string');
  return entry?.value.kind === 'string' ? entry.value.value : undefined;
}

/** The model a boto3 `create_model` call makes, when its name is written; undefined for any other call. */
export function boto3Model(call: PythonCall, text: string): Boto3Model | undefined {
  if (!isSageMakerClientCall(call, 'create_model')) return undefined;
  const key = modelNameKey(getKeyword(call, 'ModelName')?.value, text);
  if (!key) return undefined;
  const primary = getKeyword(call, 'PrimaryContainer')?.value;
  const list = getKeyword(call, 'Containers')?.value;
  const containers = primary ? [primary] : list?.kind === 'list' ? list.items : undefined;
  const readable = !call.open && !!containers?.length && containers.every(containerReadable);
  const { degree } = callSharding(call);
  let modelId: string | undefined;
  for (const container of containers ?? []) if ((modelId = containerModelId(container)) !== undefined) break;
  return { key, ...(degree !== undefined ? { degree } : {}), readable, ...(modelId !== undefined ? { modelId } : {}) };
}

/** The key of the model a boto3 production variant's dict names. */
export function variantModelKey(variant: PyDict | undefined, text: string): string | undefined {
  return variant ? modelNameKey(getDictEntry(variant, 'ModelName')?.value, text) : undefined;
}
