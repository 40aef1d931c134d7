import { extended } from '../core/objects';
import type { Visitors } from '../core/types';
import type { CdkApp, CdkConstruct, CdkProp } from '../parsers/cdk/model';
import { getProp } from '../parsers/cdk/model';
import type { CfnEntry, CfnResource, CfnTemplate } from '../parsers/cloudformation';
import { getParameter, refTarget } from '../parsers/cloudformation';
import { conditionBranches } from '../parsers/cloudformationConditions';
import type { PythonCall } from '../parsers/python/facts';
import type { TfAttribute, TfModule, TfResource } from '../parsers/terraform';
import type { Field, Span } from './field';
import { known, onEveryBranch, unknown } from './field';
import { constructName } from './edit/cdkEdits';
import { isLocalMode, importsLocalSession } from './read/sagemaker';
import { listCdkVariants, cdkScalesSageMaker, cdkVariantModelId, cdkVariantSharding } from './read/cdkEndpoints';
import type { TargetKey } from './read/cfnEndpoints';
import { endpointsOf, isAsyncConfig, listVariants, targetCovers, targetKeys } from './read/cfnEndpoints';
import { oncePerFact, oncePerFactIn } from './read/memo';
import type { PythonFile } from './read/pythonFile';
import { detachedPythonFile, pythonFile, registerScalableTarget } from './read/pythonFile';
import type { EndpointVariant } from './read/pythonEndpoints';
import { endpointVariantsOf } from './read/pythonEndpoints';
import type { Boto3Model } from './read/pythonModels';
import { boto3Model, variantModelKey } from './read/pythonModels';
import type { ShardingDegree } from './read/gpuSharding';
import { callSharding, cfnVariantModel, deployModelId, deploySharding, widerDegree } from './read/gpuSharding';
import type { ModelSize } from './read/modelSize';
import { modelSizeOf } from './read/modelSize';
import type { TfVariant } from './read/tfEndpoints';
import { hasSageMakerScalableTarget, isAsyncTfConfig, listTfVariants, tfVariantModelId, tfVariantSharding } from './read/tfEndpoints';
import type { TrainingSetting } from './read/training';
import type { EndpointVariantRecord } from './records';
import type { ScalableTargetRecord } from './hostingRecords';
import { pyScalableTarget, pyScalingPolicy, pyTargetFor } from './hostingScaling';

/**
 * The adapters that read endpoint variants from each format into {@link EndpointVariantRecord}s.
 * Records are built once per fact and shared by every rule that asks (facts never change after
 * the parse); only Python's scaling link waits for the end of the file, where a scalable target
 * registered after the deploy is known.
 */

// ---------------------------------------------------------------- instance pools, whatever the format

type Pools = NonNullable<EndpointVariantRecord['instancePools']>;

/**
 * The record fields of a variant's instance pools: the pools by priority (a pool with no readable
 * priority last) and, as the variant's `instanceType`, the priority-1 pool's type. Spread after
 * `instanceType`: a variant that writes both keeps the pools' (the API takes one or the other).
 */
export function withPools(pools: Pools | undefined): Partial<Pick<EndpointVariantRecord, 'instanceType' | 'instancePools'>> {
  if (!pools?.length) return {};
  const sorted = [...pools].sort((a, b) => (a.priority ?? Infinity) - (b.priority ?? Infinity));
  return { instanceType: sorted[0].instanceType, instancePools: sorted };
}

// ---------------------------------------------------------------- CloudFormation

/** The SageMaker scalable targets of a template, read once. */
export const scalableTargetKeys = oncePerFact((template: CfnTemplate) => ({ keys: targetKeys(template) }));

function cfnField<T>(template: CfnTemplate, entry: CfnEntry | undefined, value: T | undefined): Field<T> | undefined {
  if (!entry) return undefined;
  const anchor = { start: entry.keyStart, end: entry.keyEnd };
  if (value !== undefined) return known(value, anchor);
  const parameter = refTarget(entry.value);
  if (parameter !== undefined && getParameter(template, parameter)) return unknown('parameter-without-default', anchor, undefined, `parameter \`${parameter}\`, no default`);
  return unknown('expression', anchor, undefined, parameter !== undefined ? `\`${parameter}\`` : 'an intrinsic function');
}

/**
 * The variants of an `AWS::SageMaker::EndpointConfig`, scaling judged for any endpoint of the
 * template that serves it. When conditions pick its properties (`conditionBranches`), each variant
 * carries `branches`: the variant at the same position as each branch reads it, when every branch
 * lists as many. A configuration whose whole properties are conditional gives variants that read
 * as unknown themselves (`invocation: 'unknown'`, no type): only a rule that asks every branch
 * judges them.
 */
export function cfnRecords(resource: CfnResource): readonly EndpointVariantRecord[] {
  // Any other resource has no variants: answered without a memo or a walk of its conditions.
  return resource.type === 'AWS::SageMaker::EndpointConfig' ? configRecords(resource) : noVariants;
}

const noVariants: readonly EndpointVariantRecord[] = Object.freeze([]);

const configRecords = oncePerFact((resource: CfnResource): EndpointVariantRecord[] => {
  const own = cfnVariantRecords(resource);
  const branches = conditionBranches(resource);
  if (!branches) return own;
  const each = branches.map((branch) => cfnVariantRecords(branch));
  const count = each[0].length;
  if (!count || each.some((records) => records.length !== count) || (own.length && own.length !== count)) return own;
  const at = (index: number) => each.map((records) => records[index]);
  if (own.length) return cfnVariantRecords(resource, at);
  return each[0].map((_, index): EndpointVariantRecord => {
    const names = new Set(at(index).map((record) => record.variantName));
    const [name] = names;
    return { kind: 'endpointVariant', format: 'cfn', config: resource.logicalId, ...(names.size === 1 && name !== undefined ? { variantName: name } : {}), invocation: 'unknown', scaling: 'unknown', branches: at(index) };
  });
});

/** Whether a scalable target of the template covers the named variant of `config` (for any endpoint serving it). */
function cfnVariantScaling(config: CfnResource, keys: TargetKey[] | undefined, name: string | undefined): EndpointVariantRecord['scaling'] {
  if (!keys || name === undefined) return 'unknown';
  const endpoints = endpointsOf(config);
  const covers = (key: TargetKey) => (endpoints.length ? endpoints.some((e) => targetCovers(config.template, key, e, name)) : key.variant === undefined || key.variant === name);
  return keys.some(covers) ? 'scaled' : 'unscaled';
}

function cfnVariantRecords(resource: CfnResource, branchesAt?: (index: number) => EndpointVariantRecord[]): EndpointVariantRecord[] {
  const variants = listVariants(resource);
  if (!variants) return [];
  const template = resource.template;
  const asynchronous = isAsyncConfig(resource);
  const keys = scalableTargetKeys(template).keys;
  return variants.map((variant, index) => {
    // A plain value, not a getter: a getter made per record gave each record a hidden class of its own.
    const scaling = cfnVariantScaling(resource, keys, variant.name);
    const pools = variant.pools?.flatMap((pool) => {
      const field = cfnField(template, pool.entry, pool.value);
      return field ? [{ instanceType: field, priority: pool.priority }] : [];
    });
    const { sharding, modelId } = cfnVariantModel(template, variant.map);
    const model = sizeOf(modelId);
    return {
      kind: 'endpointVariant',
      format: 'cfn',
      config: resource.logicalId,
      variantName: variant.name,
      instanceType: cfnField(template, variant.instanceType, variant.instanceTypeValue),
      instanceCount: cfnField(template, variant.count, variant.countValue),
      invocation: variant.serverless ? 'serverless' : asynchronous ? 'async' : 'real-time',
      ...(variant.managedScaling ? { managedScaling: variant.managedScaling } : {}),
      ...(variant.managedMin ? { managedMinInstances: cfnField(template, variant.managedMin.entry, variant.managedMin.value) } : {}),
      ...withPools(pools),
      ...(sharding !== undefined ? { gpuSharding: { degree: sharding, scope: 'model' as const } } : {}),
      ...(model ? { model } : {}),
      ...(branchesAt ? { branches: branchesAt(index) } : {}),
      scaling,
    };
  });
}

/**
 * The findings `judge` gives a template variant under conditions, asked of every branch: the
 * first branch's when every branch has some (a finding fires when it fires on every branch, as
 * {@link onEveryBranch} decides for one verdict), else none. A variant without branches is judged
 * itself. `judge` returns the findings of one concept (a rule with two concepts asks twice).
 */
export function findingsOnEveryBranch<T>(variant: EndpointVariantRecord, judge: (record: EndpointVariantRecord) => T[]): T[] {
  return onEveryBranch(variant, (record) => {
    const found = judge(record);
    return found.length ? found : undefined;
  }) ?? [];
}

/**
 * How a finding on the first branch of a variant says that other branches of its conditions serve
 * other types (` (first branch of its conditions; others: ml.m5.large)`), or `''` when every branch
 * serves the same. Such a finding carries the first branch's figures and no edit: one edit would
 * change one branch.
 */
export function otherBranches(variant: EndpointVariantRecord): string {
  const typeOf = (record: EndpointVariantRecord) => (record.instancePools ?? [{ instanceType: record.instanceType }]).map((p) => (p.instanceType?.known ? p.instanceType.value : '?')).join('+');
  const types = [...new Set((variant.branches ?? []).map(typeOf))];
  return types.length > 1 ? ` (first branch of its conditions; others: ${types.slice(1).join(', ')})` : '';
}

/** The size of the model an id names, when the id tells it. */
const sizeOf = (id: string | undefined) => (id === undefined ? undefined : modelSizeOf(id));

// ---------------------------------------------------------------- Terraform

function tfField<T>(attribute: TfAttribute | undefined, value: T | undefined, dynamic?: TfVariant['dynamic'], values?: T[]): Field<T> | undefined {
  if (!attribute) return undefined;
  const anchor = { start: attribute.nameStart, end: attribute.nameEnd };
  if (value !== undefined) return known(value, anchor);
  // A conditional whose sides all resolve: the set of its values (a rule fires when every value fires).
  if (values) return unknown('several-values', anchor, values);
  const v = attribute.value;
  // A `dynamic` block's content reading its `for_each` element: each built variant takes the element's value.
  if (dynamic && v.references.some((r) => r.path[0] === dynamic.iterator)) return unknown('variable', anchor, undefined, 'the `for_each` of `dynamic "production_variants"`');
  if (v.kind === 'reference' && v.reference.path[0] === 'var') return unknown('variable', anchor, undefined, `variable \`${v.reference.path.slice(0, 2).join('.')}\``);
  return unknown('expression', anchor, undefined, v.kind === 'reference' ? `\`${v.reference.path.join('.')}\`` : 'an expression');
}

/** The `production_variants` of an `aws_sagemaker_endpoint_configuration` (a `dynamic` block is one record, `repeated`); scaling is the module's. */
export const tfRecords = oncePerFact((resource: TfResource): Array<Omit<EndpointVariantRecord, 'scaling'>> => {
  const variants = listTfVariants(resource);
  if (!variants) return [];
  const asynchronous = isAsyncTfConfig(resource);
  return variants.map((variant) => ({
    kind: 'endpointVariant',
    format: 'tf',
    config: `aws_sagemaker_endpoint_configuration.${resource.name}`,
    variantName: variant.name,
    instanceType: tfField(variant.instanceType, variant.instanceTypeValue, variant.dynamic, variant.instanceTypeValues),
    instanceCount: tfField(variant.count, variant.countValue, variant.dynamic),
    invocation: variant.serverless ? 'serverless' : asynchronous ? 'async' : 'real-time',
    ...(variant.managedScaling ? { managedScaling: variant.managedScaling } : {}),
    ...(variant.managedMin ? { managedMinInstances: tfField(variant.managedMin.attribute, variant.managedMin.value, variant.dynamic) } : {}),
    ...(variant.dynamic ? { repeated: 'dynamic' as const } : {}),
  }));
});

/**
 * The variants of a configuration linked to the model each serves (`model_name`): its GPU
 * sharding, read from the model's containers in the module. Built once per resource.
 */
const tfRecordsWithModels = oncePerFactIn((resource: TfResource, module: TfModule | undefined): Array<Omit<EndpointVariantRecord, 'scaling'>> => {
  const variants = listTfVariants(resource) ?? [];
  return tfRecords(resource).map((record, i) => {
    const sharding = variants[i] && tfVariantSharding(resource, module, variants[i].block);
    const model = variants[i] && sizeOf(tfVariantModelId(resource, module, variants[i].block));
    return sharding !== undefined || model ? { ...record, ...(sharding !== undefined ? { gpuSharding: { degree: sharding, scope: 'model' as const } } : {}), ...(model ? { model } : {}) } : record;
  });
});

/** The variants of a configuration with their module's scaling: built once per resource for every rule that asks. */
const tfScaledRecords = oncePerFactIn((resource: TfResource, module: TfModule | undefined): EndpointVariantRecord[] => {
  const records = tfRecordsWithModels(resource, module);
  if (!records.length) return [];
  const scaling = tfScaling(module);
  return records.map((record) => extended(record, { scaling }));
});

/** Terraform scalable targets are matched per module, not per variant: their resource IDs are rarely literal. */
export function tfScaling(module: TfModule | undefined): EndpointVariantRecord['scaling'] {
  return !module ? 'unknown' : hasSageMakerScalableTarget(module) ? 'scaled' : 'unscaled';
}

// ---------------------------------------------------------------- CDK

function cdkField<T>(prop: CdkProp | undefined, value: T | undefined): Field<T> | undefined {
  if (!prop) return undefined;
  const anchor = { start: prop.keyStart, end: prop.keyEnd };
  if (value !== undefined) return known(value, anchor);
  const v = prop.value;
  // What the value depends on, as Terraform names a reference: the expression as written when it is a name or attribute path (`props.instanceType`).
  if (v.kind === 'unknown') return unknown('expression', anchor, undefined, v.written ? `\`${v.written}\`` : 'an expression');
  return unknown('variable', anchor, undefined, v.kind === 'name' ? `\`${v.name}\`` : undefined);
}

/** The variants of a `sagemaker.CfnEndpointConfig`, without their scaling (the app's). */
export const cdkConfigRecords = oncePerFact((construct: CdkConstruct): Array<Omit<EndpointVariantRecord, 'scaling'>> => {
  const asynchronous = getProp(construct.props, 'asyncInferenceConfig') !== undefined;
  return (listCdkVariants(construct) ?? []).map((variant) => {
    const name = getProp(variant.value, 'variantName')?.value;
    return {
      kind: 'endpointVariant',
      format: 'cdk',
      config: constructName(construct),
      variantName: name?.kind === 'string' ? name.value : undefined,
      ...(variant.mapped !== undefined ? { repeated: 'map' as const } : {}),
      instanceType: cdkField(variant.instanceType, variant.instanceTypeValue),
      instanceCount: cdkField(variant.count, variant.countValue),
      invocation: variant.serverless ? 'serverless' : asynchronous ? 'async' : 'real-time',
      ...(variant.managedScaling ? { managedScaling: variant.managedScaling } : {}),
      ...(variant.managedMin ? { managedMinInstances: cdkField(variant.managedMin.prop, variant.managedMin.value) } : {}),
      ...withPools(variant.pools?.flatMap((pool) => {
        const field = cdkField(pool.prop, pool.value);
        return field ? [{ instanceType: field, priority: pool.priority }] : [];
      })),
    };
  });
});

/** Scalable target resource IDs are rarely literal in CDK: anything that may scale SageMaker counts for every variant. */
export const cdkScaling = oncePerFact((app: CdkApp): { scaling: EndpointVariantRecord['scaling'] } => ({ scaling: cdkScalesSageMaker(app) ? 'scaled' : 'unscaled' }));

const cdkRecords = oncePerFact((app: CdkApp): EndpointVariantRecord[] => {
  const { scaling } = cdkScaling(app);
  return app.constructs.flatMap((construct) => {
    const variants = listCdkVariants(construct) ?? [];
    return cdkConfigRecords(construct).map((record, i) => {
      // The model the variant serves (`modelName`): its GPU sharding.
      const sharding = variants[i] && cdkVariantSharding(app, variants[i].value);
      const model = variants[i] && sizeOf(cdkVariantModelId(app, variants[i].value));
      return extended(record, { scaling, ...(sharding !== undefined ? { gpuSharding: { degree: sharding, scope: 'model' as const } } : {}), ...(model ? { model } : {}) });
    });
  });
});

// ---------------------------------------------------------------- Python (SDK v2, v3, boto3)

export function pyInstanceType(setting: TrainingSetting | undefined): Field<string> | undefined {
  if (!setting) return undefined;
  const anchor: Span = { start: setting.start, end: setting.end };
  const value = setting.value;
  if (value.kind === 'string') return known(value.value, anchor, setting.editable ? { format: 'py', value } : undefined);
  const alternatives = value.kind === 'unknown' ? value.alternatives : undefined;
  if (alternatives?.length && alternatives.every((a) => a.kind === 'string')) {
    const values = alternatives.map((a) => (a.kind === 'string' ? a.value : ''));
    return values.length === 1 ? known(values[0], anchor) : unknown('several-values', anchor, values);
  }
  const shown = alternatives?.flatMap((a) => (a.kind === 'string' ? [a.value] : []));
  if (shown?.length) return { ...unknown<string>('variable', anchor), partialAlternatives: shown };
  return unknown('variable', anchor);
}

export function pyCount(setting: TrainingSetting | undefined): Field<number> | undefined {
  if (!setting) return undefined;
  const anchor = { start: setting.start, end: setting.end };
  return setting.value.kind === 'number' ? known(setting.value.value, anchor) : unknown('variable', anchor);
}

const pyRecord = oncePerFact((variant: EndpointVariant): Omit<EndpointVariantRecord, 'scaling'> => ({
  kind: 'endpointVariant',
  format: 'py',
  instanceType: pyInstanceType(variant.instanceType),
  instanceCount: pyCount(variant.instanceCount),
  invocation: variant.invocation,
  ...(variant.managedScaling ? { managedScaling: variant.managedScaling } : {}),
  ...(variant.managedMin ? { managedMinInstances: pyCount(variant.managedMin) } : {}),
  ...withPools(variant.pools?.flatMap((pool) => {
    const field = pyInstanceType(pool.instanceType);
    return field ? [{ instanceType: field, priority: pool.priority }] : [];
  })),
  ...(variant.open ? { incomplete: true } : {}),
  ...(isLocalMode(variant.instanceType?.value) ? { hostedOn: 'local' as const } : {}),
}));

/** The boto3 targets of a file with their policies (a policy goes to the target of its resource ID); each target record is copied, never changed. */
function linkPolicies(targets: readonly ScalableTargetRecord[], policies: ReadonlyArray<ReturnType<typeof pyScalingPolicy>>): ScalableTargetRecord[] {
  const linked = targets.map((t) => ({ ...t, policies: [...t.policies] }));
  for (const { policy, resourceId } of policies) pyTargetFor(linked, resourceId)?.policies.push(policy);
  return linked;
}



/** The Python variants of one lint, in call order: read once per call for every rule, given their scaling once at the end. */
interface PythonVariants {
  records: Array<Omit<EndpointVariantRecord, 'scaling'>>;
  /** The boto3 scalable targets and scaling policies of the file, in call order. */
  targets: ScalableTargetRecord[];
  policies: Array<ReturnType<typeof pyScalingPolicy>>;
  /** The widest tensor-parallel degree any call of the file configures (the fallback of a deploy whose model cannot be followed). */
  sharding?: ShardingDegree;
  /** Per record (same index): its model's degree, or `followed: false` when the model's environment cannot be read. */
  models: Array<{ degree?: ShardingDegree; followed: boolean }>;
  /** Per record (same index): the key of the boto3 model its production variant names. */
  modelKeys?: Array<string | undefined>;
  /** The boto3 models of the file by the key of their name (several with one key: their widest degree). */
  boto3Models?: Map<string, Boto3Model>;
  withScaling?: EndpointVariantRecord[];
}
/** A file's variants, kept with its file state (it dies with the lint). */
const variantsOfFile = oncePerFact((_file: PythonFile): PythonVariants => ({ records: [], targets: [], policies: [], models: [] }));

/** Reads the variants `call` deploys or configures into the file's list (once per call: {@link PythonFile.once}). */
function readPythonVariants(call: PythonCall, file: PythonFile): void {
  if (call.name.endsWith(`.${registerScalableTarget}`)) variantsOfFile(file).targets.push(pyScalableTarget(call));
  else if (call.name.endsWith('.put_scaling_policy')) variantsOfFile(file).policies.push(pyScalingPolicy(call));
  const { degree } = callSharding(call);
  if (degree !== undefined) {
    const state = variantsOfFile(file);
    state.sharding = widerDegree(state.sharding, degree);
  }
  const made = boto3Model(call, file.text);
  if (made) addBoto3Model(variantsOfFile(file), made);
  const variants = endpointVariantsOf(call, file.text);
  if (!variants.length) return;
  const callee = { start: call.callee.start, end: call.callee.end };
  const defaultBucket = file.bucketBefore(call.start);
  const mayBeLocal = importsLocalSession(file.imports);
  const { records, models } = variantsOfFile(file);
  const model = deploySharding(call);
  const size = sizeOf(deployModelId(call));
  for (const variant of variants) {
    models.push(model);
    (variantsOfFile(file).modelKeys ??= [])[models.length - 1] = variantModelKey(variant.variant, file.text);
    const record = pyRecord(variant);
    const maybeLocal = mayBeLocal && !record.hostedOn && !record.instanceType?.known;
    // Object.assign with optional sources, not a literal that starts with a spread: see extended.
    records.push(Object.assign({}, record, maybeLocal ? { hostedOn: 'maybe-local' as const } : undefined, size ? { model: size } : undefined, { site: { format: 'py' as const, call, variant, callee, ...(defaultBucket ? { defaultBucket } : {}) } }));
  }
}

function addBoto3Model(state: PythonVariants, model: Boto3Model): void {
  const models = (state.boto3Models ??= new Map());
  const seen = models.get(model.key);
  // One name made twice: a model id both agree on is the model's; different ones (or one unnamed) tell no size.
  const modelId = seen?.modelId === model.modelId ? model.modelId : undefined;
  models.set(model.key, seen ? { key: model.key, degree: widerDegree(seen.degree, model.degree), readable: seen.readable && model.readable, ...(modelId !== undefined ? { modelId } : {}) } : model);
}

/** The size of the boto3 model record `i`'s production variant names, when the file makes that model and its environment names the model it loads. */
function linkedModelSize(state: PythonVariants, i: number): ModelSize | undefined {
  const key = state.modelKeys?.[i];
  const id = key === undefined ? undefined : state.boto3Models?.get(key)?.modelId;
  return sizeOf(id);
}

/** The sharding of the boto3 model record `i`'s production variant names, when the file makes that model and shows its environment. */
function linkedModel(state: PythonVariants, i: number): { degree?: ShardingDegree; followed: boolean } | undefined {
  const key = state.modelKeys?.[i];
  const model = key === undefined ? undefined : state.boto3Models?.get(key);
  if (!model || (!model.readable && model.degree === undefined)) return undefined;
  return { ...(model.degree !== undefined ? { degree: model.degree } : {}), followed: true };
}

/** Every Python variant of the file with its scaling (a scalable target registered after the deploy counts): built once, at the end of the walk. */
function pythonVariantsWithScaling(file: PythonFile): EndpointVariantRecord[] {
  const found = variantsOfFile(file);
  if (!found.withScaling) {
    const scaling = file.registersScalableTarget ? 'scaled' : 'unscaled';
    // Scalable targets are linked file-wide: a resource ID rarely names the endpoint literally.
    const scaledBy = linkPolicies(found.targets, found.policies);
    // A registration on a client the analysis cannot resolve scales something the file does not show: no link.
    const link = scaling === 'unscaled' || found.targets.length ? { scaledBy } : {};
    found.withScaling = found.records.map((record, i) => {
      const model = linkedModel(found, i) ?? found.models[i];
      const sharding = model.degree !== undefined ? { degree: model.degree, scope: 'model' as const } : !model.followed && found.sharding !== undefined ? { degree: found.sharding, scope: 'file' as const } : undefined;
      // A boto3 variant's model is made by another call: its size comes from that model's environment.
      const size = record.model ? undefined : linkedModelSize(found, i);
      return extended(record, { scaling, ...link, ...(sharding ? { gpuSharding: sharding } : {}), ...(size ? { model: size } : {}) });
    });
  }
  return found.withScaling;
}

// ---------------------------------------------------------------- one visitor set for every format

/**
 * Visitors that hand every endpoint variant of the file to `visit`, whatever its format.
 * `text` is the linted code (Python reads a `ModelBuilder`'s `mode=` from it).
 */
export function visitEndpointVariants(text: string, visit: (record: EndpointVariantRecord) => void): Visitors {
  let tfModule: TfModule | undefined;
  let file: PythonFile | undefined;
  return {
    cfnResource(resource) {
      for (const record of cfnRecords(resource)) visit(record);
    },
    tfModule(module) {
      tfModule = module;
    },
    tfResource(resource) {
      // Only a configuration has variants: any other resource is passed over without a memo.
      if (resource.type !== 'aws_sagemaker_endpoint_configuration') return;
      for (const record of tfScaledRecords(resource, tfModule)) visit(record);
    },
    cdkApp(app) {
      for (const record of cdkRecords(app)) visit(record);
    },
    pythonModule(module) {
      file = pythonFile(module, text);
    },
    pythonCall(call: PythonCall) {
      file ??= detachedPythonFile(text);
      file.see(call);
      file.once(readPythonVariants, call);
    },
    onEnd() {
      if (file) for (const record of pythonVariantsWithScaling(file)) visit(record);
    },
  };
}
