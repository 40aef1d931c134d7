import type { TfAttribute, TfBlock, TfModule, TfModuleResource, TfResource, TfValue } from '../../parsers/terraform';
import { getAttribute, getBlocks, listModuleResources, listModuleResourcesOfType, listResources, resolveLiteral, resolveLiteralOrDefault, resolveSides } from '../../parsers/terraform';
import type { ShardingDegree } from './gpuSharding';
import { isShardingKey, literalDegree, widerDegree } from './gpuSharding';
import { isModelIdKey } from './modelSize';
import { oncePerFact } from './memo';

/** A `production_variants` block of an `aws_sagemaker_endpoint_configuration`, with what the file resolves of it. */
export interface TfVariant {
  /** The variant's attributes: the block itself, or the `content` of a `dynamic "production_variants"`. */
  block: TfBlock;
  name: string | undefined;
  instanceType: TfAttribute | undefined;
  instanceTypeValue: string | undefined;
  /** `c ? "ml.g5.xlarge" : "ml.m5.large"` (nested conditionals included) whose sides all resolve: each type it may take. */
  instanceTypeValues?: string[];
  count: TfAttribute | undefined;
  countValue: number | undefined;
  serverless: boolean;
  /** A `managed_instance_scaling` block: its `status`, `unknown` when not a literal; undefined when not written. */
  managedScaling: 'enabled' | 'disabled' | 'unknown' | undefined;
  /** `managed_instance_scaling.min_instance_count` and its literal value. */
  managedMin?: { attribute: TfAttribute; value: number | undefined };
  /**
   * Written as a `dynamic "production_variants"` block: it builds one variant per element of its
   * `for_each` (none, one or several), each from its `content`; `iterator` is the name the content
   * reads the element through (the block's label unless `iterator = x` renames it).
   */
  dynamic?: { iterator: string };
}

/**
 * The `production_variants` blocks of an endpoint configuration, in the written order, or
 * undefined for another resource type. A `dynamic "production_variants"` block is one variant
 * read from its `content` (what it reads from the `for_each` element is unknown; a literal in it
 * is every built variant's).
 */
export function listTfVariants(resource: TfResource): TfVariant[] | undefined {
  return resource.type === 'aws_sagemaker_endpoint_configuration' ? readTfVariants(resource) : undefined;
}

/** Read once per resource for every rule and view that asks. */
const readTfVariants = oncePerFact((resource: TfResource): TfVariant[] => {
  return getBlocks(resource.block, 'production_variants').flatMap((written): TfVariant[] => {
    const dynamic = written.type === 'dynamic' ? { iterator: iteratorOf(written) } : undefined;
    const block = dynamic ? getBlocks(written, 'content')[0] : written;
    if (!block) return [];
    const name = resolveLiteral(resource.file, getAttribute(block, 'variant_name')?.value);
    const instanceType = getAttribute(block, 'instance_type');
    const type = resolveLiteralOrDefault(resource.file, instanceType?.value);
    const count = getAttribute(block, 'initial_instance_count');
    const countValue = resolveLiteralOrDefault(resource.file, count?.value);
    const types = typeof type === 'string' ? undefined : resolveSides(resource.file, instanceType?.value, isString, resolveLiteralOrDefault);
    return [
      {
        block,
        name: typeof name === 'string' ? name : undefined,
        instanceType,
        instanceTypeValue: typeof type === 'string' ? type : types?.length === 1 ? types[0] : undefined,
        ...(types && types.length > 1 ? { instanceTypeValues: types } : {}),
        count,
        countValue: typeof countValue === 'number' ? countValue : undefined,
        serverless: getBlocks(block, 'serverless_config').length > 0,
        managedScaling: tfManagedScaling(resource, block),
        ...tfManagedMin(resource, block),
        ...(dynamic ? { dynamic } : {}),
      },
    ];
  });
});

const isString = (value: unknown): value is string => typeof value === 'string';

/** The name a `dynamic` block's content reads its element through: `iterator = x`, else the block's label. */
function iteratorOf(dynamic: TfBlock): string {
  const renamed = getAttribute(dynamic, 'iterator')?.value;
  return renamed?.kind === 'reference' && renamed.reference.path.length === 1 ? renamed.reference.path[0] : (dynamic.labels[0]?.value ?? 'production_variants');
}

function tfManagedScaling(resource: TfResource, variant: TfBlock): TfVariant['managedScaling'] {
  const block = getBlocks(variant, 'managed_instance_scaling')[0];
  if (!block) return undefined;
  if (block.type === 'dynamic') return 'unknown';
  const status = resolveLiteral(resource.file, getAttribute(block, 'status')?.value);
  return status === 'ENABLED' ? 'enabled' : status === 'DISABLED' ? 'disabled' : 'unknown';
}

function tfManagedMin(resource: TfResource, variant: TfBlock): Pick<TfVariant, 'managedMin'> {
  const block = getBlocks(variant, 'managed_instance_scaling')[0];
  const attribute = block && block.type !== 'dynamic' ? getAttribute(block, 'min_instance_count') : undefined;
  if (!attribute) return {};
  const value = resolveLiteralOrDefault(resource.file, attribute.value);
  return { managedMin: { attribute, value: typeof value === 'number' ? value : undefined } };
}

/** True when the endpoint configuration serves asynchronous invocations (`async_inference_config`). */
export function isAsyncTfConfig(resource: TfResource): boolean {
  return getBlocks(resource.block, 'async_inference_config').length > 0;
}

/**
 * True when the module has an Application Auto Scaling target that is, or may
 * be, for SageMaker (namespace `sagemaker` or not a literal), or may hide one
 * (a file that does not parse). Variants are not matched one by one: a
 * resource ID built from other resources' names is rarely resolvable in
 * Terraform, so any such target silences the fleet check.
 */
const scaledModules = new WeakMap<TfModule, boolean>();

export function hasSageMakerScalableTarget(module: TfModule): boolean {
  if (module.incomplete) return true;
  let scaled = scaledModules.get(module);
  if (scaled === undefined) {
    scaled = listModuleResources(module).some((r) => {
      if (r.type !== 'aws_appautoscaling_target') return false;
      const namespace = resolveLiteral(r.file, getAttribute(r.block, 'service_namespace')?.value);
      return namespace === undefined || namespace === 'sagemaker';
    });
    scaledModules.set(module, scaled);
  }
  return scaled;
}

/** The endpoint and variant an `aws_appautoscaling_target` is for; `undefined` parts match anything. */
export interface TfTargetKey {
  endpoint: { resource: string } | { name: string } | undefined;
  variant: string | undefined;
  /** The `aws_appautoscaling_target` it was read from. */
  target?: TfModuleResource;
}

/**
 * The endpoint/variant of every SageMaker scalable target of the module, read
 * from `resource_id` (`"endpoint/${aws_sagemaker_endpoint.e.name}/variant/AllTraffic"`
 * or a literal). Undefined when a target might be one but cannot be read (a
 * variable namespace or resource ID, a file of the module that does not
 * parse): then no variant can be said to lack one.
 */
export function listTfTargetKeys(module: TfModule): TfTargetKey[] | undefined {
  if (module.incomplete) return undefined;
  const keys: TfTargetKey[] = [];
  for (const target of listModuleResourcesOfType(module, 'aws_appautoscaling_target')) {
    const file = target.file;
    const namespace = resolveLiteral(file, getAttribute(target.block, 'service_namespace')?.value);
    if (namespace === undefined || target.block.hasError) return undefined;
    if (namespace !== 'sagemaker') continue;
    const id = getAttribute(target.block, 'resource_id')?.value;
    if (!id) return undefined;
    const literal = resolveLiteral(file, id);
    if (typeof literal === 'string') {
      const match = /^endpoint\/([^/]+)\/variant\/([^/]+)$/.exec(literal);
      if (match) keys.push({ endpoint: { name: match[1] }, variant: match[2], target });
      continue;
    }
    const match = /^"endpoint\/\$\{aws_sagemaker_endpoint\.([\w-]+)(?:\[[^\]]*\])?\.name\}\/variant\/([^"/]+)"$/.exec(target.source.text.slice(id.start, id.end));
    if (!match) return undefined;
    keys.push({ endpoint: { resource: match[1] }, variant: match[2].includes('${') ? undefined : match[2], target });
  }
  return keys;
}

/** The module's endpoint configurations by resource name and by literal `name` (the first of each, in the module's order). */
export interface TfConfigIndex {
  byResource: Map<string, TfModuleResource>;
  byName: Map<string, TfModuleResource>;
}

/** Indexed once per file, not searched once per endpoint (a module of many endpoints was quadratic). */
export function indexTfConfigs(module: TfModule): TfConfigIndex {
  const index: TfConfigIndex = { byResource: new Map(), byName: new Map() };
  for (const config of listModuleResourcesOfType(module, 'aws_sagemaker_endpoint_configuration')) {
    if (!index.byResource.has(config.name)) index.byResource.set(config.name, config);
    const name = resolveLiteral(config.file, getAttribute(config.block, 'name')?.value);
    if (typeof name === 'string' && !index.byName.has(name)) index.byName.set(name, config);
  }
  return index;
}

/** The endpoint configuration of the module an endpoint uses: by reference, or by a literal equal to the configuration's `name`. */
export function tfConfigOf(configs: TfConfigIndex, endpoint: TfModuleResource): TfModuleResource | undefined {
  const value = getAttribute(endpoint.block, 'endpoint_config_name')?.value;
  if (!value) return undefined;
  const reference = value.references.find((r) => r.path[0] === 'aws_sagemaker_endpoint_configuration' && r.path.length >= 2);
  if (reference) return configs.byResource.get(reference.path[1]);
  const name = resolveLiteral(endpoint.file, value);
  return typeof name === 'string' ? configs.byName.get(name) : undefined;
}

/**
 * The scalable targets that cover a variant of an endpoint (named by its resource, and by its
 * literal `name` when known); a key's undefined endpoint or variant matches any. Looked up in a
 * map instead of scanning every target for every variant.
 */
export function indexTfTargetKeys(keys: readonly TfTargetKey[]): (resource: string, name: string | undefined, variant: string) => TfTargetKey[] {
  const held = new Map<string, TfTargetKey[]>();
  for (const key of keys) {
    const endpoint = key.endpoint === undefined ? '*' : 'resource' in key.endpoint ? `r:${key.endpoint.resource}` : `n:${key.endpoint.name}`;
    const id = `${endpoint}\0${key.variant === undefined ? '*' : `v:${key.variant}`}`;
    const list = held.get(id);
    if (list) list.push(key);
    else held.set(id, [key]);
  }
  return (resource, name, variant) => {
    const endpoints = ['*', `r:${resource}`, ...(name === undefined ? [] : [`n:${name}`])];
    return endpoints.flatMap((e) => [...(held.get(`${e}\0*`) ?? []), ...(held.get(`${e}\0v:${variant}`) ?? [])]);
  };
}

// ---------------------------------------------------------------- the model a variant serves

/**
 * The `aws_sagemaker_model` a variant's `model_name` names: `aws_sagemaker_model.m.name` (or `.id`,
 * `aws_sagemaker_model.m[k].name` under `for_each`), or a literal equal to a model's literal `name`.
 * Looked up in the module (the model may be declared in another file), or in the file alone.
 */
function tfModelOf(resource: TfResource, module: TfModule | undefined, variant: TfBlock): { model: TfResource; text?: string } | undefined {
  const value = getAttribute(variant, 'model_name')?.value;
  if (!value) return undefined;
  const models: ReadonlyArray<TfResource & { source?: { text: string } }> = module ? listModuleResourcesOfType(module, 'aws_sagemaker_model') : listResources(resource.file).filter((r) => r.type === 'aws_sagemaker_model');
  const reference = value.references.find((r) => r.path[0] === 'aws_sagemaker_model' && r.path.length >= 2);
  const name = reference ? undefined : resolveLiteralOrDefault(resource.file, value);
  const model = reference
    ? models.find((m) => m.name === reference.path[1])
    : typeof name === 'string'
      ? models.find((m) => resolveLiteralOrDefault(m.file, getAttribute(m.block, 'name')?.value) === name)
      : undefined;
  return model && { model, text: model.source?.text };
}

/** A degree as Terraform writes it: a literal, a variable with a literal default, `tostring(var.n)`; anything else was set by the author through an expression (`unknown`). */
function tfDegree(model: TfResource, text: string | undefined, value: TfValue): ShardingDegree {
  let read: TfValue = value;
  // `tostring(var.num_gpu)`: the degree is the variable's.
  if (value.kind === 'other' && value.references.length === 1 && text !== undefined && /^tostring\(\s*[\w.-]+\s*\)$/.test(text.slice(value.start, value.end))) read = { kind: 'reference', reference: value.references[0], start: value.start, end: value.end, references: value.references };
  const literal = resolveLiteralOrDefault(model.file, read);
  return typeof literal === 'string' || typeof literal === 'number' ? literalDegree(literal) : 'unknown';
}

/**
 * The tensor-parallel degree the model of a Terraform variant configures in its containers'
 * `environment` (`primary_container`, `container`, their `dynamic` content), as
 * CloudFormation's `Environment` is read; undefined when the variant names no model of the module
 * or the model sets no such key.
 */
export function tfVariantSharding(resource: TfResource, module: TfModule | undefined, variant: TfBlock): ShardingDegree | undefined {
  let degree: ShardingDegree | undefined;
  tfModelEnvironment(resource, module, variant, (key, value, model, text) => {
    if (isShardingKey(key)) degree = widerDegree(degree, tfDegree(model, text, value));
  });
  return degree;
}

/** The model id the model of a Terraform variant loads (`HF_MODEL_ID`, `OPTION_MODEL_ID` in its containers' `environment`, a literal or a variable's default). */
export function tfVariantModelId(resource: TfResource, module: TfModule | undefined, variant: TfBlock): string | undefined {
  let id: string | undefined;
  tfModelEnvironment(resource, module, variant, (key, value, model) => {
    const literal = isModelIdKey(key) ? resolveLiteralOrDefault(model.file, value) : undefined;
    if (typeof literal === 'string') id ??= literal;
  });
  return id;
}

/** Each entry of the containers' `environment` of the model a Terraform variant names. */
function tfModelEnvironment(resource: TfResource, module: TfModule | undefined, variant: TfBlock, visit: (key: string, value: TfValue, model: TfResource, text: string | undefined) => void): void {
  const found = tfModelOf(resource, module, variant);
  if (!found) return;
  const { model, text } = found;
  const containers = [...getBlocks(model.block, 'primary_container'), ...getBlocks(model.block, 'container')].map((block) => (block.type === 'dynamic' ? getBlocks(block, 'content')[0] : block));
  for (const container of containers) {
    const environment = container && getAttribute(container, 'environment')?.value;
    if (environment?.kind !== 'object') continue;
    for (const entry of environment.entries) visit(entry.key, entry.value, model, text);
  }
}
