import type { CdkApp, CdkConstruct, CdkObject, CdkProp, CdkValue } from '../../parsers/cdk/model';
import { getProp, propsKnown } from '../../parsers/cdk/model';
import type { ShardingDegree } from './gpuSharding';
import { isShardingKey, literalDegree, widerDegree } from './gpuSharding';
import { answerFor } from './memo';
import { isModelIdKey } from './modelSize';

/** A production variant of a CDK `sagemaker.CfnEndpointConfig`, with what the file resolves of it. */
export interface CdkVariant {
  value: CdkObject;
  instanceType: CdkProp | undefined;
  /** The `ml.*` type when `instanceType` is a literal or a same-file constant. */
  instanceTypeValue: string | undefined;
  count: CdkProp | undefined;
  countValue: number | undefined;
  serverless: boolean;
  /** `managedInstanceScaling`: its `status`, `unknown` when not a literal; undefined when not written. */
  managedScaling: 'enabled' | 'disabled' | 'unknown' | undefined;
  /** `managedInstanceScaling.minInstanceCount` and its literal value. */
  managedMin?: { prop: CdkProp; value: number | undefined };
  /** `instancePools` (instead of `instanceType`): each pool's `instanceType` prop, literal type and `priority`. */
  pools?: Array<{ prop: CdkProp | undefined; value: string | undefined; priority: number | undefined }>;
  /** Built by `.map()` over what it names: one variant per element, none to many, each from this template. */
  mapped?: string;
}

/**
 * The production variants of a `sagemaker.CfnEndpointConfig` (the same shape as
 * the CloudFormation resource's `ProductionVariants`), or undefined when the list
 * cannot be read. Variants that are not object literals (or Python structs) are left out.
 */
export function listCdkVariants(construct: CdkConstruct): CdkVariant[] | undefined {
  if (construct.type !== 'aws_sagemaker.CfnEndpointConfig') return undefined;
  const variants = getProp(construct.props, 'productionVariants')?.value;
  if (variants?.kind !== 'array' || variants.open) return undefined;
  return variants.items.flatMap((item) => {
    if (item.kind !== 'object') return [];
    const instanceType = getProp(item, 'instanceType');
    const count = getProp(item, 'initialInstanceCount');
    return [
      {
        value: item,
        instanceType,
        instanceTypeValue: instanceType?.value.kind === 'string' ? instanceType.value.value : undefined,
        count,
        countValue: count?.value.kind === 'number' ? count.value.value : undefined,
        serverless: !!getProp(item, 'serverlessConfig'),
        managedScaling: cdkManagedScaling(getProp(item, 'managedInstanceScaling')),
        ...cdkManagedMin(getProp(item, 'managedInstanceScaling')),
        ...cdkPools(getProp(item, 'instancePools')),
        ...(variants.mapped !== undefined ? { mapped: variants.mapped } : {}),
      },
    ];
  });
}

function cdkManagedMin(prop: CdkProp | undefined): Pick<CdkVariant, 'managedMin'> {
  const min = prop?.value.kind === 'object' ? getProp(prop.value, 'minInstanceCount') : undefined;
  return min ? { managedMin: { prop: min, value: min.value.kind === 'number' ? min.value.value : undefined } } : {};
}

function cdkPools(prop: CdkProp | undefined): Pick<CdkVariant, 'pools'> {
  if (prop?.value.kind !== 'array' || prop.value.open) return {};
  const pools = prop.value.items.map((item) => {
    const type = item.kind === 'object' ? getProp(item, 'instanceType') : undefined;
    const priority = item.kind === 'object' ? getProp(item, 'priority')?.value : undefined;
    return { prop: type, value: type?.value.kind === 'string' ? type.value.value : undefined, priority: priority?.kind === 'number' ? priority.value : undefined };
  });
  return { pools };
}

function cdkManagedScaling(prop: CdkProp | undefined): CdkVariant['managedScaling'] {
  if (!prop) return undefined;
  const status = prop.value.kind === 'object' ? getProp(prop.value, 'status')?.value : undefined;
  const value = status?.kind === 'string' ? status.value : undefined;
  return value === 'ENABLED' ? 'enabled' : value === 'DISABLED' ? 'disabled' : 'unknown';
}

const scalableTargets = ['aws_applicationautoscaling.ScalableTarget', 'aws_applicationautoscaling.CfnScalableTarget'];

/**
 * True when something in the file may scale a SageMaker endpoint variant: an
 * Application Auto Scaling scalable target whose service namespace is SageMaker
 * or cannot be read, or an `autoScaleInstanceCount` call (the SageMaker L2
 * endpoint's). Which variant it scales is not followed: any counts.
 */
export function cdkScalesSageMaker(app: CdkApp): boolean {
  const methods = [...app.unresolvedMethods, ...app.constructs.flatMap((c) => c.methods.map((m) => m.method))];
  if (methods.includes('autoScaleInstanceCount')) return true;
  return app.constructs.some(isSageMakerScalableTarget);
}

/** An Application Auto Scaling scalable target whose service namespace is SageMaker or cannot be read. */
export function isSageMakerScalableTarget(c: CdkConstruct): boolean {
  if (!scalableTargets.includes(c.type)) return false;
  if (!propsKnown(c)) return true;
  const namespace = getProp(c.props, 'serviceNamespace')?.value;
  if (namespace?.kind === 'string') return namespace.value === 'sagemaker';
  if (namespace?.kind === 'name') return namespace.name === 'aws_applicationautoscaling.ServiceNamespace.SAGEMAKER';
  return true;
}

/**
 * The `sagemaker.CfnEndpointConfig` a CDK endpoint serves: the construct its
 * `endpointConfigName` is an attribute of, or the one whose literal
 * `endpointConfigName` it names. Undefined when it cannot be told.
 */
export function cdkConfigOf(app: CdkApp, endpoint: CdkConstruct): CdkConstruct | undefined {
  const value = getProp(endpoint.props, 'endpointConfigName')?.value;
  const target = targetOf(app, value);
  if (target) return target.type === 'aws_sagemaker.CfnEndpointConfig' && propsKnown(target) ? target : undefined;
  if (value?.kind !== 'string') return undefined;
  const named = indexOf(app).configsByName.get(value.value);
  return named?.length === 1 && propsKnown(named[0]) ? named[0] : undefined;
}

// ---------------------------------------------------------------- the model a variant serves

/** The `sagemaker.CfnModel` a CDK variant's `modelName` names: an attribute of it (`model.attrModelName`), or its literal `modelName` (directly or through a same-file constant). */
function cdkModelOf(app: CdkApp, variant: CdkObject): CdkConstruct | undefined {
  const value = getProp(variant, 'modelName')?.value;
  const target = targetOf(app, value);
  if (target) return target.type === 'aws_sagemaker.CfnModel' ? target : undefined;
  if (value?.kind !== 'string') return undefined;
  const named = indexOf(app).modelsByName.get(value.value);
  return named?.length === 1 ? named[0] : undefined;
}

/**
 * A file's constructs by where they start, and its endpoint configs and models by the literal
 * name they give themselves: made once per file (each endpoint and variant asks, and a search of
 * every construct per variant made a file of thousands of endpoints quadratic).
 */
interface AppIndex {
  byStart: Map<number, CdkConstruct>;
  configsByName: Map<string, CdkConstruct[]>;
  modelsByName: Map<string, CdkConstruct[]>;
}

const appIndex = {};

function indexOf(app: CdkApp): AppIndex {
  return answerFor(app, appIndex, () => {
    const index: AppIndex = { byStart: new Map(), configsByName: new Map(), modelsByName: new Map() };
    for (const c of app.constructs) {
      if (!index.byStart.has(c.start)) index.byStart.set(c.start, c);
      const [byName, key] = c.type === 'aws_sagemaker.CfnEndpointConfig' ? [index.configsByName, 'endpointConfigName'] : c.type === 'aws_sagemaker.CfnModel' ? [index.modelsByName, 'modelName'] : [];
      const name = byName && key ? getProp(c.props, key)?.value : undefined;
      if (!byName || name?.kind !== 'string') continue;
      const list = byName.get(name.value);
      if (list) list.push(c);
      else byName.set(name.value, [c]);
    }
    return index;
  });
}

/** The construct a `ref` value points at: the one that starts where it says. */
function targetOf(app: CdkApp, value: CdkValue | undefined): CdkConstruct | undefined {
  return value?.kind === 'ref' ? indexOf(app).byStart.get(value.target) : undefined;
}

/**
 * The tensor-parallel degree the model of a CDK variant configures in its containers'
 * `environment` (`primaryContainer`, `containers`), as CloudFormation's `Environment` is read;
 * undefined when the variant names no model of the file or the model sets no such key. A value
 * the file does not resolve was still set by the author (`unknown`).
 */
export function cdkVariantSharding(app: CdkApp, variant: CdkObject): ShardingDegree | undefined {
  let degree: ShardingDegree | undefined;
  cdkModelEnvironment(app, variant, (key, value) => {
    if (isShardingKey(key)) degree = widerDegree(degree, value.kind === 'string' || value.kind === 'number' ? literalDegree(value.value) : 'unknown');
  });
  return degree;
}

/** The model id the `CfnModel` of a CDK variant loads (`HF_MODEL_ID`, `OPTION_MODEL_ID` in its containers' `environment`). */
export function cdkVariantModelId(app: CdkApp, variant: CdkObject): string | undefined {
  let id: string | undefined;
  cdkModelEnvironment(app, variant, (key, value) => {
    if (isModelIdKey(key) && value.kind === 'string') id ??= value.value;
  });
  return id;
}

/** Each property of the containers' `environment` of the `CfnModel` a CDK variant names. */
function cdkModelEnvironment(app: CdkApp, variant: CdkObject, visit: (key: string, value: CdkValue) => void): void {
  const model = cdkModelOf(app, variant);
  if (!model) return;
  const list = getProp(model.props, 'containers')?.value;
  const containers = [getProp(model.props, 'primaryContainer')?.value, ...(list?.kind === 'array' ? list.items : [])];
  for (const container of containers) {
    const environment = container?.kind === 'object' ? getProp(container, 'environment')?.value : undefined;
    if (environment?.kind !== 'object') continue;
    for (const prop of environment.props) visit(prop.key, prop.value);
  }
}
