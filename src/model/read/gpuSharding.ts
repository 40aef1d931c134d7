import type { CfnMap, CfnResource, CfnTemplate } from '../../parsers/cloudformation';
import { getAttTarget, getEntry, getMapValue, refTarget, resolveScalar } from '../../parsers/cloudformation';
import type { PyDict, PythonCall, PyValue } from '../../parsers/python/facts';
import { answerFor } from './memo';
import { isModelIdKey } from './modelSize';

/**
 * How a model is sharded across the GPUs of its instance, read from Python: the environment
 * serving containers read for tensor parallelism, and the accelerators an SDK
 * `ResourceRequirements(requests={"num_accelerators": n})` gives one copy of the model.
 *
 * Keys: `TENSOR_PARALLEL_DEGREE` / `OPTION_TENSOR_PARALLEL_DEGREE` (Large Model Inference
 * containers, "max" for every GPU), `SM_NUM_GPUS` / `NUM_SHARD` (Hugging Face Text Generation
 * Inference), `OPTION_NUM_GPUS` / `OPTION_TENSOR_PARALLEL_SIZE` (the same spelt for other LMI
 * back ends), `SM_VLLM_TENSOR_PARALLEL_SIZE` / `SM_SGLANG_TENSOR_PARALLEL_SIZE` (the SageMaker vLLM
 * and SGLang containers turn each `SM_VLLM_*` / `SM_SGLANG_*` variable into the server's
 * `--tensor-parallel-size`: vllm-project/vllm `examples/online_serving/sagemaker-entrypoint.sh`,
 * aws/model-hosting-container-standards `docs/sagemaker/01_quickstart.md`).
 */
const shardingKeys = /^(?:OPTION_|SM_VLLM_|SM_SGLANG_)?(?:TENSOR_PARALLEL_(?:DEGREE|SIZE)|NUM_GPUS)$|^SM_NUM_GPUS$|^NUM_SHARD$/;

/** The degree: a number of GPUs, `all` ("max"), or `unknown` (written through a name the file does not resolve). */
export type ShardingDegree = number | 'all' | 'unknown';

/** Keywords that carry a model's container environment (`Model`, `ModelBuilder`) or its accelerators. */
const envKeywords = new Set(['env', 'env_vars', 'environment', 'Environment']);
const resourceKeywords = new Set(['resources', 'resource_requirements']);

/** Whether an environment variable of a serving container carries its tensor-parallel degree (the keys above). */
export function isShardingKey(key: string): boolean {
  return shardingKeys.test(key);
}

/** A degree written as a number or a string: `4`, `"4"`, `"max"`. */
export function literalDegree(value: unknown): ShardingDegree {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return 'unknown';
  const text = value.trim();
  if (/^max$/i.test(text)) return 'all';
  return /^\d+$/.test(text) ? Number(text) : 'unknown';
}

function degreeOf(value: PyValue): ShardingDegree {
  if (value.kind === 'number' || value.kind === 'string') return literalDegree(value.value);
  // `json.dumps(4)`, `str(4)`: the one argument is the degree.
  if (value.kind === 'call' && value.call.positional.length === 1 && /(^|\.)(dumps|str)$/.test(value.call.name)) return degreeOf(value.call.positional[0]);
  return 'unknown';
}

/** The larger of two degrees: a model sharded by either is sharded. */
export function widerDegree(a: ShardingDegree | undefined, b: ShardingDegree | undefined): ShardingDegree | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a === 'all' || b === 'all') return 'all';
  if (typeof a === 'number' && typeof b === 'number') return Math.max(a, b);
  // One known degree over 1 decides; otherwise the unknown one may.
  if (typeof a === 'number' && a > 1) return a;
  if (typeof b === 'number' && b > 1) return b;
  return 'unknown';
}

/** The sharding keys of an environment dict. */
function envDegree(env: PyDict): ShardingDegree | undefined {
  let found: ShardingDegree | undefined;
  for (const entry of env.entries) if (shardingKeys.test(entry.key)) found = widerDegree(found, degreeOf(entry.value));
  return found;
}

/** `ResourceRequirements(requests={"num_accelerators": n})`. */
function acceleratorDegree(value: PyValue): ShardingDegree | undefined {
  if (value.kind !== 'call' || !/(^|\.)ResourceRequirements$/.test(value.call.name)) return undefined;
  const requests = value.call.keywords.find((k) => k.name === 'requests')?.value;
  const accelerators = requests?.kind === 'dict' ? requests.entries.find((e) => e.key === 'num_accelerators') : undefined;
  return accelerators && degreeOf(accelerators.value);
}

/** What one call says about sharding: its environment keywords (a dict, or a boto3 `PrimaryContainer`/`Containers` item holding one), its resources, a boto3 inference component's accelerators. */
export function callSharding(call: PythonCall): { degree?: ShardingDegree; envReadable: boolean } {
  let degree: ShardingDegree | undefined;
  let envReadable = false;
  const visitEnv = (value: PyValue, depth: number): void => {
    if (depth > 3) return;
    if (value.kind === 'list') for (const item of value.items) visitEnv(item, depth + 1);
    if (value.kind !== 'dict') return;
    for (const entry of value.entries) {
      if (envKeywords.has(entry.key) && entry.value.kind === 'dict') degree = widerDegree(degree, envDegree(entry.value));
      // boto3 `create_inference_component(Specification={"ComputeResourceRequirements": {...}})`: the GPUs one copy of the model gets.
      else if (entry.key === 'NumberOfAcceleratorDevicesRequired') degree = widerDegree(degree, degreeOf(entry.value));
      else if (entry.value.kind === 'dict' || entry.value.kind === 'list') visitEnv(entry.value, depth + 1);
    }
  };
  for (const keyword of call.keywords) {
    if (envKeywords.has(keyword.name)) {
      if (keyword.value.kind === 'dict') {
        degree = widerDegree(degree, envDegree(keyword.value));
        envReadable = !keyword.value.open;
      }
    } else if (resourceKeywords.has(keyword.name) || keyword.name === 'inference_config') degree = widerDegree(degree, acceleratorDegree(keyword.value));
    else if (keyword.value.kind === 'dict' || keyword.value.kind === 'list') visitEnv(keyword.value, 0);
  }
  return { ...(degree !== undefined ? { degree } : {}), envReadable };
}

/**
 * What the model a deploy serves says: the deploy call and the calls that made its object
 * (`Model(...)`, `ModelBuilder(...)`, `builder.build()`). `followed` is false when the model's
 * environment cannot be read there (no model call, several, an environment the file does not show).
 */
export function deploySharding(deploy: PythonCall): { degree?: ShardingDegree; followed: boolean } {
  let degree = callSharding(deploy).degree;
  let followed = false;
  for (let current = deploy.receiver, hops = 0; current && hops < 4; current = current.receiver, hops++) {
    const found = callSharding(current);
    degree = widerDegree(degree, found.degree);
    followed ||= found.envReadable;
  }
  return { ...(degree !== undefined ? { degree } : {}), followed: followed || degree !== undefined };
}

/** The model id one call names: `model_id=` (JumpStart), `model=` written as a string (`ModelBuilder`), or a model-id key of its environment dict. */
function callModelId(call: PythonCall): string | undefined {
  for (const keyword of call.keywords) {
    if ((keyword.name === 'model_id' || keyword.name === 'model') && keyword.value.kind === 'string') return keyword.value.value;
    if (envKeywords.has(keyword.name) && keyword.value.kind === 'dict') {
      const entry = keyword.value.entries.find((e) => isModelIdKey(e.key) && e.value.kind === 'string');
      if (entry?.value.kind === 'string') return entry.value.value;
    }
  }
  return undefined;
}

/** The model id a deploy serves, read from the deploy and the calls that made its object (as {@link deploySharding} reads their environment). */
export function deployModelId(deploy: PythonCall): string | undefined {
  let id = callModelId(deploy);
  for (let current = deploy.receiver, hops = 0; !id && current && hops < 4; current = current.receiver, hops++) id = callModelId(current);
  return id;
}

/** Whether a degree shards the model over more than one GPU (a key written through a name counts: the author set it). */
export function shardsAcrossGpus(degree: ShardingDegree | undefined): boolean {
  return degree !== undefined && (degree === 'all' || degree === 'unknown' || degree > 1);
}

// ---------------------------------------------------------------- CloudFormation

/** The `AWS::SageMaker::Model` a variant's `ModelName` names: `!GetAtt M.ModelName`, `!Ref M`, or the model's literal `ModelName`. */
function cfnModelOf(template: CfnTemplate, variant: CfnMap): CfnMap | undefined {
  const value = getEntry(variant, 'ModelName')?.value;
  if (!value) return undefined;
  const logicalId = getAttTarget(value)?.resource ?? refTarget(value);
  const models = answerFor(template, templateModels, () => modelsOf(template));
  let model: CfnResource | undefined;
  if (logicalId !== undefined) model = models.byId.get(logicalId);
  else {
    const name = resolveScalar(template, value);
    if (typeof name === 'string') model = (models.byName ??= modelsByName(template, models.all)).get(name);
  }
  return model && getMapValue(getEntry(model.node, 'Properties')?.value);
}

/** A template's models, read once per template (each variant asks: a scan per variant made templates of many endpoints quadratic). */
interface TemplateModels {
  all: CfnResource[];
  /** The first model of each logical id. */
  byId: Map<string, CfnResource>;
  /** The first model of each literal `ModelName`, made on the first ask by name. */
  byName?: Map<string, CfnResource>;
}

const templateModels = {};

function modelsOf(template: CfnTemplate): TemplateModels {
  const all = template.resources.filter((r) => r.type === 'AWS::SageMaker::Model');
  const byId = new Map<string, CfnResource>();
  for (const model of all) if (!byId.has(model.logicalId)) byId.set(model.logicalId, model);
  return { all, byId };
}

function modelsByName(template: CfnTemplate, models: readonly CfnResource[]): Map<string, CfnResource> {
  const byName = new Map<string, CfnResource>();
  for (const model of models) {
    const properties = getMapValue(getEntry(model.node, 'Properties')?.value);
    const name = properties && resolveScalar(template, getEntry(properties, 'ModelName')?.value);
    if (typeof name === 'string' && !byName.has(name)) byName.set(name, model);
  }
  return byName;
}

/** Each entry of the containers' `Environment` of the model a CloudFormation variant names, with its scalar value. */
function cfnModelEnvironment(template: CfnTemplate, variant: CfnMap, visit: (key: string, value: unknown) => void): boolean {
  const model = cfnModelOf(template, variant);
  if (!model) return false;
  const containers = [getMapValue(getEntry(model, 'PrimaryContainer')?.value)];
  const list = getEntry(model, 'Containers')?.value;
  if (list?.kind === 'seq') containers.push(...list.items.map(getMapValue));
  for (const container of containers) {
    const env = container && getMapValue(getEntry(container, 'Environment')?.value);
    for (const entry of env?.entries ?? []) visit(entry.key, resolveScalar(template, entry.value));
  }
  return true;
}

/**
 * What the model of a CloudFormation variant configures in its containers' `Environment`, read in
 * one walk: the sharding degree, and the model id it loads (`HF_MODEL_ID`, `OPTION_MODEL_ID`);
 * each undefined when the model is not linked or does not say.
 */
export function cfnVariantModel(template: CfnTemplate, variant: CfnMap): { sharding?: ShardingDegree; modelId?: string } {
  let sharding: ShardingDegree | undefined;
  let modelId: string | undefined;
  cfnModelEnvironment(template, variant, (key, value) => {
    if (shardingKeys.test(key)) sharding = widerDegree(sharding, literalDegree(value));
    if (isModelIdKey(key) && typeof value === 'string') modelId ??= value;
  });
  return { sharding, modelId };
}
