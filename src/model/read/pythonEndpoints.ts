import { getInstanceType } from '../../data/instances';
import type { InstanceRow } from '../../data/types';
import type { PyDict, PyValue, PythonCall } from '../../parsers/python/facts';
import { asDict, getDictEntry, getKeyword } from '../../parsers/python/facts';
import { sameSdkName } from '../../parsers/python/sdkReexports';
import { isSageMakerClientCall } from './sagemaker';
import type { TrainingSetting } from './training';

/** `<model, estimator, tuner or ModelBuilder().build()>.deploy(...)` of the SageMaker Python SDK. */
export function isDeployCall(call: PythonCall): boolean {
  return call.name.startsWith('sagemaker.') && call.name.endsWith(').deploy');
}

function setting(call: PythonCall, name: string, position: number): TrainingSetting | undefined {
  const keyword = getKeyword(call, name);
  if (keyword) return { start: keyword.start, end: keyword.end, value: keyword.value, editable: !keyword.spread && !keyword.value.indirect };
  const value = call.positional[position];
  return value && { start: value.start, end: value.end, value, editable: false };
}

/** A real-time endpoint as one shape: `deploy(initial_instance_count, instance_type, …)` or one boto3 production variant. */
export interface EndpointVariant {
  api: 'deploy' | 'boto3';
  instanceType?: TrainingSetting;
  instanceCount?: TrainingSetting;
  /** Serverless or asynchronous, or possibly so (a config the analysis cannot read). */
  notRealTime: boolean;
  /** Which of those: `unknown` for a configuration the analysis cannot read (SDK v3 `inference_config`). */
  invocation: 'real-time' | 'async' | 'serverless' | 'unknown';
  open: boolean;
  /** For boto3: the variant's dict. */
  variant?: PyDict;
}

const endpointVariants = new WeakMap<PythonCall, readonly EndpointVariant[]>();
const endpointVariantsWithoutText = new WeakMap<PythonCall, readonly EndpointVariant[]>();

/**
 * The endpoint variants a call creates: one for `deploy`, one per production variant for `create_endpoint_config`.
 * Worked out once per call for all the rules that ask (facts are never changed after the parse);
 * `text`, the file's source, lets a ModelBuilder's `mode=` be read (without it any mode counts as maybe local).
 */
export function endpointVariantsOf(call: PythonCall, text?: string): readonly EndpointVariant[] {
  const cache = text === undefined ? endpointVariantsWithoutText : endpointVariants;
  let variants = cache.get(call);
  if (!variants) cache.set(call, (variants = readEndpointVariants(call, text)));
  return variants;
}

function readEndpointVariants(call: PythonCall, text: string | undefined): EndpointVariant[] {
  if (isDeployCall(call)) {
    const serverless = getKeyword(call, 'serverless_inference_config');
    const asynchronous = getKeyword(call, 'async_inference_config');
    const v3Config = getKeyword(call, 'inference_config');
    const configured = (k: typeof serverless) => !!k && k.value.kind !== 'none';
    const builder = modelBuilderOf(call, text);
    if (builder && !builder.endpoint) return [];
    // `ModelBuilder.deploy(endpoint_name, initial_instance_count, instance_type, …)`; a built model's `deploy(initial_instance_count, instance_type, …)`.
    const direct = !!builder && builder.call === call.receiver;
    const instanceType = setting(call, 'instance_type', direct ? 2 : 1) ?? (builder && setting(builder.call, 'instance_type', -1));
    return [{
      api: 'deploy',
      instanceCount: setting(call, 'initial_instance_count', direct ? 1 : 0),
      instanceType,
      notRealTime: configured(serverless) || configured(asynchronous) || configured(v3Config),
      invocation: configured(serverless) ? 'serverless' : configured(asynchronous) ? 'async' : configured(v3Config) ? 'unknown' : 'real-time',
      open: call.open || (!!builder && !getKeyword(call, 'instance_type') && builder.call.open),
    }];
  }
  if (isSageMakerClientCall(call, 'create_endpoint_config')) {
    const variants = getKeyword(call, 'ProductionVariants')?.value;
    const asynchronous = !!getKeyword(call, 'AsyncInferenceConfig');
    if (variants?.kind !== 'list') return [];
    return variants.items.flatMap((item) => {
      const dict = asDict(item);
      if (!dict) return [];
      const entry = (key: string): TrainingSetting | undefined => {
        const e = getDictEntry(dict, key);
        return e && { start: e.start, end: e.end, value: e.value, editable: !dict.indirect && !e.value.indirect };
      };
      const serverless = !!getDictEntry(dict, 'ServerlessConfig');
      const invocation = serverless ? ('serverless' as const) : asynchronous ? ('async' as const) : ('real-time' as const);
      return [{ api: 'boto3' as const, instanceType: entry('InstanceType'), instanceCount: entry('InitialInstanceCount'), notRealTime: asynchronous || serverless, invocation, open: call.open || dict.open, variant: dict }];
    });
  }
  return [];
}

/** `ModelBuilder` under any of the SDK's export paths (v3 `sagemaker.serve.model_builder`, v2 `sagemaker.serve.builder.model_builder`, `sagemaker.serve`). */
const isModelBuilder = (name: string): boolean => sameSdkName(name, 'sagemaker.serve.model_builder.ModelBuilder');

/**
 * The SDK v3 (and late v2) `ModelBuilder(...)` a deploy call goes through —
 * `builder.deploy(...)` or `builder.build().deploy(...)` — when the file shows
 * it, and whether it deploys to a SageMaker endpoint: its `mode` (and that of
 * `build(mode=...)`) is absent or `Mode.SAGEMAKER_ENDPOINT`, not
 * `LOCAL_CONTAINER` / `IN_PROCESS` or a value the file cannot resolve.
 */
export function modelBuilderOf(deploy: PythonCall, text?: string): { call: PythonCall; endpoint: boolean } | undefined {
  let endpoint = true;
  for (let current = deploy.receiver, hops = 0; current && hops < 4; current = current.receiver, hops++) {
    if (current.name.endsWith('.build')) endpoint &&= deploysToEndpoint(current, text);
    if (isModelBuilder(current.name)) return { call: current, endpoint: endpoint && deploysToEndpoint(current, text) };
  }
  return undefined;
}

/** No `mode`, or `mode=Mode.SAGEMAKER_ENDPOINT` as written in `text` (without the text, any mode counts as maybe local). */
function deploysToEndpoint(call: PythonCall, text: string | undefined): boolean {
  const mode = getKeyword(call, 'mode');
  if (!mode) return true;
  if (text === undefined || mode.spread || mode.value.indirect) return false;
  return /^(?:[\w.]+\.)?Mode\.SAGEMAKER_ENDPOINT$/.test(text.slice(mode.value.start, mode.value.end));
}

/** The possible instance types of a value: one for a literal, each branch of a conditional; undefined when any is unknown. */
export function possibleInstanceTypes(value: PyValue): Array<InstanceRow | undefined> | undefined {
  if (value.kind === 'string') return [getInstanceType(value.value)];
  if (value.kind === 'unknown' && value.alternatives?.length) {
    const all = value.alternatives.map(possibleInstanceTypes);
    return all.every((a) => a) ? all.flatMap((a) => a ?? []) : undefined;
  }
  return undefined;
}
