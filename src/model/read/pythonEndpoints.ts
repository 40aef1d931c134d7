import { getInstanceType } from '../../data/instances';
import type { InstanceRow } from '../../data/types';
import type { PyDict, PyValue, PythonCall } from '../../parsers/python/facts';
import { asDict, getDictEntry, getKeyword } from '../../parsers/python/facts';
import { sameSdkName } from '../../parsers/python/sdkReexports';
import { isSageMakerClientCall } from './sagemaker';
import type { TrainingSetting } from './training';
import { answerFor } from './memo';

/**
 * `<model, estimator, tuner or ModelBuilder().build()>.deploy(...)` of the SageMaker Python SDK. The
 * SDK's `BedrockModelBuilder(...).deploy(...)` is not one: it imports the model into Amazon Bedrock
 * (a custom model), and makes no SageMaker endpoint.
 */
export function isDeployCall(call: PythonCall): boolean {
  // `(tuner if use_amt else estimator).deploy(...)`: a deploy when every side's is.
  return call.names ? call.names.every(isDeployName) : isDeployName(call.name);
}

function isDeployName(name: string): boolean {
  return name.startsWith('sagemaker.') && name.endsWith(').deploy') && !/\.BedrockModelBuilder\(/.test(name);
}

function setting(call: PythonCall, name: string, position: number): TrainingSetting | undefined {
  const keyword = getKeyword(call, name);
  if (keyword) return { start: keyword.start, end: keyword.end, value: keyword.value, editable: !keyword.spread && !keyword.value.indirect };
  const value = call.positional[position];
  return value && { start: value.start, end: value.end, value, editable: false };
}

/**
 * `sagemaker.Session()` methods that create an endpoint configuration of one variant (and, but
 * for `create_endpoint_config`, the endpoint): the 0-based positions of `initial_instance_count`
 * and `instance_type` in SDK v2's signatures.
 */
const sessionVariantMethods: Record<string, { count: number; type: number }> = {
  create_endpoint_config: { count: 2, type: 3 },
  endpoint_from_model_data: { count: 2, type: 3 },
  endpoint_from_job: { count: 1, type: 2 },
};

/** `sagemaker.Session()` methods that create an endpoint. */
const sessionEndpointMethods = new Set(['create_endpoint', 'endpoint_from_model_data', 'endpoint_from_job', 'endpoint_from_production_variants']);

const sessionCall = /^sagemaker(?:\.session)?\.Session\(\)\.(\w+)$/;

/** The method of a `sagemaker.Session()` (also `sagemaker.session.Session()`) this call is, if it is one. */
export function sessionMethod(call: PythonCall): string | undefined {
  // A method of a choice of a session and another object (`names`) is a session's only when every side is one.
  if (call.names?.some((name) => !sessionCall.test(name))) return undefined;
  return sessionCall.exec(call.name)?.[1];
}

/** SDK v3 endpoint resources (`sagemaker.core.resources.Endpoint`, and sagemaker-core's before it was folded into the SDK). */
const v3EndpointClass = /^(?:sagemaker\.core|sagemaker_core(?:\.main)?)\.resources\.Endpoint$/;

/**
 * Whether a call creates a SageMaker endpoint (one that bills until deleted): an SDK `deploy`, a
 * boto3 `create_endpoint`, a `sagemaker.Session()` method that makes one, an SDK v3
 * `Endpoint.create(...)`.
 */
export function createsEndpoint(call: PythonCall): boolean {
  if (isDeployCall(call) || isSageMakerClientCall(call, 'create_endpoint')) return true;
  const method = sessionMethod(call);
  if (method !== undefined) return sessionEndpointMethods.has(method);
  return isV3EndpointCreate(call);
}

/** SDK v3 (and sagemaker-core's) `Endpoint.create(...)`. */
export function isV3EndpointCreate(call: PythonCall): boolean {
  return call.name.endsWith('.create') && v3EndpointClass.test(call.name.slice(0, -'.create'.length));
}

/**
 * A call that deletes an SDK v3 endpoint object: `endpoint.delete()` on what `Endpoint.create(...)`
 * or `Endpoint.get(...)` returned (`which` says which), or on what a v3 `ModelBuilder.deploy` returned.
 */
export function v3EndpointDelete(call: PythonCall): 'created' | 'got' | 'deployed' | undefined {
  if (!call.name.endsWith('().delete')) return undefined;
  const receiver = call.name.slice(0, -'().delete'.length);
  if (receiver.endsWith('.deploy')) return 'deployed';
  const dot = receiver.lastIndexOf('.');
  if (!v3EndpointClass.test(receiver.slice(0, dot))) return undefined;
  const method = receiver.slice(dot + 1);
  return method === 'create' ? 'created' : method === 'get' ? 'got' : undefined;
}

/** A real-time endpoint as one shape: `deploy(initial_instance_count, instance_type, …)`, a `Session()` method's variant, or one boto3 production variant. */
export interface EndpointVariant {
  api: 'deploy' | 'boto3' | 'session';
  instanceType?: TrainingSetting;
  instanceCount?: TrainingSetting;
  /** Serverless or asynchronous, or possibly so (a config the analysis cannot read). */
  notRealTime: boolean;
  /** Which of those: `unknown` for a configuration the analysis cannot read (SDK v3 `inference_config`). */
  invocation: 'real-time' | 'async' | 'serverless' | 'unknown';
  open: boolean;
  /** For boto3: the variant's dict. */
  variant?: PyDict;
  /** For boto3: `ManagedInstanceScaling`'s `Status` (`unknown` when not a literal) and `MinInstanceCount`. */
  managedScaling?: 'enabled' | 'disabled' | 'unknown';
  managedMin?: TrainingSetting;
  /** For boto3: `InstancePools`, each pool's `InstanceType` and literal `Priority`. */
  pools?: Array<{ instanceType: TrainingSetting | undefined; priority: number | undefined }>;
}

/** The managed instance scaling and instance pools of a boto3 production variant's dict. */
function boto3VariantExtras(dict: PyDict, editable: boolean): Pick<EndpointVariant, 'managedScaling' | 'managedMin' | 'pools'> {
  const extras: Pick<EndpointVariant, 'managedScaling' | 'managedMin' | 'pools'> = {};
  const managed = getDictEntry(dict, 'ManagedInstanceScaling');
  if (managed) {
    const settings = asDict(managed.value);
    const status = settings && getDictEntry(settings, 'Status')?.value;
    extras.managedScaling = status?.kind === 'string' ? (status.value === 'ENABLED' ? 'enabled' : status.value === 'DISABLED' ? 'disabled' : 'unknown') : 'unknown';
    const min = settings && getDictEntry(settings, 'MinInstanceCount');
    if (min) extras.managedMin = { start: min.start, end: min.end, value: min.value, editable: false };
  }
  const pools = getDictEntry(dict, 'InstancePools')?.value;
  if (pools?.kind === 'list') {
    extras.pools = pools.items.map((item) => {
      const pool = asDict(item);
      const type = pool && getDictEntry(pool, 'InstanceType');
      const priority = pool && getDictEntry(pool, 'Priority')?.value;
      return {
        instanceType: type && { start: type.start, end: type.end, value: type.value, editable: editable && !pool.indirect && !type.value.indirect },
        priority: priority?.kind === 'number' ? priority.value : undefined,
      };
    });
  }
  return extras;
}

/** Keys of the variants read with and without the file's text, in a call's answers ({@link answerFor}). */
const withText = {};
const withoutText = {};

/**
 * The endpoint variants a call creates: one for `deploy`, one per production variant for `create_endpoint_config`.
 * Worked out once per call for all the rules that ask (facts are never changed after the parse);
 * `text`, the file's source, lets a ModelBuilder's `mode=` be read (without it any mode counts as maybe local).
 */
export function endpointVariantsOf(call: PythonCall, text?: string): readonly EndpointVariant[] {
  return answerFor(call, text === undefined ? withoutText : withText, () => readEndpointVariants(call, text));
}

function readEndpointVariants(call: PythonCall, text: string | undefined): EndpointVariant[] {
  if (isDeployCall(call)) {
    const serverless = getKeyword(call, 'serverless_inference_config');
    const asynchronous = getKeyword(call, 'async_inference_config');
    const v3Config = getKeyword(call, 'inference_config');
    const v3Kind = v3Config && v3Config.value.kind !== 'none' ? v3InferenceConfig(v3Config.value) : undefined;
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
      notRealTime: configured(serverless) || configured(asynchronous) || (v3Kind !== undefined && v3Kind !== 'real-time'),
      invocation: configured(serverless) ? 'serverless' : configured(asynchronous) ? 'async' : v3Kind ?? 'real-time',
      open: call.open || (!!builder && !getKeyword(call, 'instance_type') && builder.call.open),
      ...sdkManagedScaling(call),
    }];
  }
  const positions = sessionVariantMethods[sessionMethod(call) ?? ''];
  if (positions) {
    const asynchronous = getKeyword(call, 'async_inference_config_dict');
    const configured = !!asynchronous && asynchronous.value.kind !== 'none';
    return [{
      api: 'session',
      instanceCount: setting(call, 'initial_instance_count', positions.count),
      instanceType: setting(call, 'instance_type', positions.type),
      notRealTime: configured,
      invocation: configured ? 'async' : 'real-time',
      open: call.open,
    }];
  }
  if (sessionMethod(call) === 'endpoint_from_production_variants') return productionVariantsOf(call);
  if (isSageMakerClientCall(call, 'create_endpoint_config')) {
    const variants = getKeyword(call, 'ProductionVariants')?.value;
    const asynchronous = !!getKeyword(call, 'AsyncInferenceConfig');
    if (variants?.kind !== 'list') return [];
    return variants.items.flatMap((item) => {
      const dict = asDict(item);
      return dict ? [boto3Variant(dict, call, asynchronous)] : [];
    });
  }
  return [];
}

/** One boto3 production variant's dict (`InstanceType`, `InitialInstanceCount`, `ServerlessConfig`…) of `call`'s endpoint config. */
function boto3Variant(dict: PyDict, call: PythonCall, asynchronous: boolean): EndpointVariant {
  const entry = (key: string): TrainingSetting | undefined => {
    const e = getDictEntry(dict, key);
    return e && { start: e.start, end: e.end, value: e.value, editable: !dict.indirect && !e.value.indirect };
  };
  const serverless = !!getDictEntry(dict, 'ServerlessConfig');
  const invocation = serverless ? 'serverless' : asynchronous ? 'async' : 'real-time';
  return { api: 'boto3', instanceType: entry('InstanceType'), instanceCount: entry('InitialInstanceCount'), notRealTime: asynchronous || serverless, invocation, open: call.open || dict.open, variant: dict, ...boto3VariantExtras(dict, !dict.indirect) };
}

/** `sagemaker.session.production_variant(...)` (also exported as `sagemaker.production_variant`): a production variant's dict. */
const productionVariantHelper = /^sagemaker(?:\.session)?\.production_variant$/;

/**
 * The variants of `Session().endpoint_from_production_variants(name, production_variants, …)`: each
 * item a `production_variant(model_name, instance_type, initial_instance_count, …)` call (SDK v2's
 * positions) or a boto3-style dict (`InstanceType`, `InitialInstanceCount`); `async_inference_config_dict`
 * makes them asynchronous. An item the file does not show is skipped.
 */
function productionVariantsOf(call: PythonCall): EndpointVariant[] {
  const list = getKeyword(call, 'production_variants')?.value ?? call.positional[1];
  if (list?.kind !== 'list') return [];
  const asynchronous = getKeyword(call, 'async_inference_config_dict');
  const isAsync = !!asynchronous && asynchronous.value.kind !== 'none';
  return list.items.flatMap((item): EndpointVariant[] => {
    if (item.kind === 'call' && productionVariantHelper.test(item.call.name)) {
      const helper = item.call;
      const serverless = getKeyword(helper, 'serverless_inference_config');
      const isServerless = !!serverless && serverless.value.kind !== 'none';
      const invocation = isServerless ? 'serverless' : isAsync ? 'async' : 'real-time';
      return [{ api: 'session', instanceType: setting(helper, 'instance_type', 1), instanceCount: setting(helper, 'initial_instance_count', 2), notRealTime: invocation !== 'real-time', invocation, open: call.open || helper.open }];
    }
    const dict = asDict(item);
    return dict ? [boto3Variant(dict, call, isAsync)] : [];
  });
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

/**
 * What an SDK v3 `ModelBuilder.deploy(inference_config=...)` makes, by the config's class (the SDK
 * dispatches on it with `isinstance`): `ResourceRequirements` a real-time endpoint holding the model
 * as an inference component, `ServerlessInferenceConfig` a serverless endpoint,
 * `AsyncInferenceConfig` an asynchronous one; `BatchTransformInferenceConfig` (a transform job, no
 * endpoint) and a config the file does not show are `unknown`.
 */
function v3InferenceConfig(value: PyValue): EndpointVariant['invocation'] {
  const name = value.kind === 'call' ? value.call.name.slice(value.call.name.lastIndexOf('.') + 1) : '';
  return name === 'ResourceRequirements' ? 'real-time' : name === 'ServerlessInferenceConfig' ? 'serverless' : name === 'AsyncInferenceConfig' ? 'async' : 'unknown';
}

/**
 * An SDK deploy's `managed_instance_scaling={...}` (SDK v2 `Model.deploy`, passed on by v3
 * `ModelBuilder.deploy`): any dict turns SageMaker-managed instance scaling on (the SDK writes
 * `Status: ENABLED` itself), with its `MinInstanceCount` (the SDK's default is the initial count).
 */
function sdkManagedScaling(call: PythonCall): Pick<EndpointVariant, 'managedScaling' | 'managedMin'> {
  const keyword = getKeyword(call, 'managed_instance_scaling');
  if (!keyword || keyword.value.kind === 'none') return {};
  const settings = asDict(keyword.value);
  if (!settings) return { managedScaling: 'unknown' };
  if (!settings.entries.length && !settings.open) return {};
  const min = getDictEntry(settings, 'MinInstanceCount');
  return { managedScaling: 'enabled', ...(min ? { managedMin: { start: min.start, end: min.end, value: min.value, editable: false } } : {}) };
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

/** Whether `column` of `line` is code: before any comment and outside the line's strings (quotes are paired on the line only). */
export function isCodeAt(line: string, column: number): boolean {
  let quote = '';
  for (let i = 0; i < column; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return false;
  }
  return !quote;
}
