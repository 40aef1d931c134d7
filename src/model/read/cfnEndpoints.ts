import type { CfnEntry, CfnMap, CfnResource, CfnTemplate } from '../../parsers/cloudformation';
import { getAttTarget, getEntry, getMapValue, refTarget, resolveScalar } from '../../parsers/cloudformation';
import { getPropertiesFact } from './cfnFacts';
import { oncePerFact } from './memo';
import type { StringPiece } from './cfnReferences';
import { stringPieces } from './cfnReferences';

/** The endpoint and variant a SageMaker scalable target is for; `undefined` parts match anything (unresolved). */
export interface TargetKey {
  endpoint: { resource: string } | { name: string } | undefined;
  variant: string | undefined;
  /** The `AWS::ApplicationAutoScaling::ScalableTarget` it was read from. */
  target?: CfnResource;
}

/** A production variant of an endpoint configuration, with what the template resolves of it. */
export interface CfnVariant {
  map: CfnMap;
  /** Undefined when not a literal (or a parameter default). */
  name: string | undefined;
  instanceType: CfnEntry | undefined;
  /** The resolved `ml.*` type, when `InstanceType` resolves to a string. */
  instanceTypeValue: string | undefined;
  count: CfnEntry | undefined;
  countValue: number | undefined;
  serverless: boolean;
  /** `ManagedInstanceScaling`: its `Status`, `unknown` when it does not resolve; undefined when not written. */
  managedScaling: 'enabled' | 'disabled' | 'unknown' | undefined;
  /** `ManagedInstanceScaling.MinInstanceCount` and what it resolves to. */
  managedMin?: { entry: CfnEntry; value: number | undefined };
  /** `InstancePools` (instead of `InstanceType`): each pool's `InstanceType` entry, resolved type and `Priority`; undefined when not written or not a list. */
  pools?: Array<{ entry: CfnEntry | undefined; value: string | undefined; priority: number | undefined }>;
}

const numberOf = (value: unknown): number | undefined => (typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined);

/**
 * The production variants of an `AWS::SageMaker::EndpointConfig`, or undefined
 * when the list is not readable (an intrinsic, Properties behind `!If`).
 * Variants that are not plain maps are left out.
 */
export function listVariants(resource: CfnResource): CfnVariant[] | undefined {
  return resource.type === 'AWS::SageMaker::EndpointConfig' ? configVariants(resource) : undefined;
}

/** Read once per configuration (or branch of one) for every rule and view that asks (an unreadable list's `undefined` included). */
const configVariants = oncePerFact(readVariants);

function readVariants(resource: CfnResource): CfnVariant[] | undefined {
  const properties = getPropertiesFact(resource);
  if (!properties.known || !properties.map) return undefined;
  const entry = getEntry(properties.map, 'ProductionVariants');
  if (!entry || entry.value.kind !== 'seq' || entry.value.intrinsic) return undefined;
  const template = resource.template;
  return entry.value.items.flatMap((item) => {
    const map = getMapValue(item);
    if (!map) return [];
    const name = resolveScalar(template, getEntry(map, 'VariantName')?.value);
    const instanceType = getEntry(map, 'InstanceType');
    const type = resolveScalar(template, instanceType?.value);
    const count = getEntry(map, 'InitialInstanceCount');
    const countValue = resolveScalar(template, count?.value);
    return [
      {
        map,
        name: typeof name === 'string' ? name : undefined,
        instanceType,
        instanceTypeValue: typeof type === 'string' ? type : undefined,
        count,
        countValue: typeof countValue === 'number' ? countValue : typeof countValue === 'string' && /^\d+$/.test(countValue) ? Number(countValue) : undefined,
        serverless: getEntry(map, 'ServerlessConfig') !== undefined,
        managedScaling: managedScalingOf(template, getEntry(map, 'ManagedInstanceScaling')),
        ...managedMinOf(template, getEntry(map, 'ManagedInstanceScaling')),
        ...poolsOf(template, getEntry(map, 'InstancePools')),
      },
    ];
  });
}

function managedMinOf(template: CfnTemplate, entry: CfnEntry | undefined): Pick<CfnVariant, 'managedMin'> {
  const settings = entry && getMapValue(entry.value);
  const min = settings && getEntry(settings, 'MinInstanceCount');
  return min ? { managedMin: { entry: min, value: numberOf(resolveScalar(template, min.value)) } } : {};
}

function poolsOf(template: CfnTemplate, entry: CfnEntry | undefined): Pick<CfnVariant, 'pools'> {
  if (!entry || entry.value.kind !== 'seq' || entry.value.intrinsic) return {};
  const pools = entry.value.items.map((item) => {
    const pool = getMapValue(item);
    const type = pool && getEntry(pool, 'InstanceType');
    const value = resolveScalar(template, type?.value);
    return { entry: type, value: typeof value === 'string' ? value : undefined, priority: numberOf(resolveScalar(template, pool && getEntry(pool, 'Priority')?.value)) };
  });
  return { pools };
}

function managedScalingOf(template: CfnTemplate, entry: CfnEntry | undefined): CfnVariant['managedScaling'] {
  if (!entry) return undefined;
  const settings = getMapValue(entry.value);
  const status = resolveScalar(template, settings && getEntry(settings, 'Status')?.value);
  return status === 'ENABLED' ? 'enabled' : status === 'DISABLED' ? 'disabled' : 'unknown';
}

/** True when the endpoint configuration's invocations are asynchronous (`AsyncInferenceConfig`). */
export function isAsyncConfig(resource: CfnResource): boolean {
  const properties = getPropertiesFact(resource);
  return properties.known && properties.map !== undefined && getEntry(properties.map, 'AsyncInferenceConfig') !== undefined;
}

/** The endpoints of the template by the endpoint configuration they serve, worked out once per template. */
const endpointsByConfig = oncePerFact((template: CfnTemplate): Map<CfnResource, CfnResource[]> => {
  const byId = new Map(template.resources.map((r) => [r.logicalId, r]));
  const index = new Map<CfnResource, CfnResource[]>();
  for (const endpoint of template.resources) {
    if (endpoint.type !== 'AWS::SageMaker::Endpoint') continue;
    const props = getPropertiesFact(endpoint);
    const config = props.known && props.map !== undefined ? configOf(template, byId, props.map) : undefined;
    if (!config) continue;
    const endpoints = index.get(config);
    if (endpoints) endpoints.push(endpoint);
    else index.set(config, [endpoint]);
  }
  return index;
});

/** The endpoints of the template that serve this endpoint configuration, in template order. */
export function endpointsOf(config: CfnResource): CfnResource[] {
  return endpointsByConfig(config.template).get(config) ?? [];
}

/** The endpoint configurations of the template by their literal `EndpointConfigName` (the first one of a name). */
const configsByName = oncePerFact((template: CfnTemplate): Map<string, CfnResource> => {
  const byName = new Map<string, CfnResource>();
  for (const config of template.resources) {
    if (config.type !== 'AWS::SageMaker::EndpointConfig') continue;
    const props = getPropertiesFact(config);
    const name = props.known && props.map !== undefined ? resolveScalar(template, getEntry(props.map, 'EndpointConfigName')?.value) : undefined;
    if (typeof name === 'string' && !byName.has(name)) byName.set(name, config);
  }
  return byName;
});

/** True when a scalable target key is for this variant of this endpoint (unresolved parts match). */
export function targetCovers(template: CfnTemplate, key: TargetKey, endpoint: CfnResource, variant: string): boolean {
  if (key.variant !== undefined && key.variant !== variant) return false;
  if (key.endpoint === undefined) return true;
  if ('resource' in key.endpoint) return key.endpoint.resource === endpoint.logicalId;
  const props = getPropertiesFact(endpoint);
  const name = props.known && props.map ? resolveScalar(template, getEntry(props.map, 'EndpointName')?.value) : undefined;
  return key.endpoint.name === name;
}

/** The endpoint config an endpoint uses: by `!GetAtt C.EndpointConfigName`, `!Ref C` or a matching literal name. */
export function configOf(template: CfnTemplate, byId: Map<string, CfnResource>, endpoint: CfnMap): CfnResource | undefined {
  const value = getEntry(endpoint, 'EndpointConfigName')?.value;
  if (!value) return undefined;
  const id = refTarget(value) ?? getAttTarget(value)?.resource;
  const byReference = id !== undefined ? byId.get(id) : undefined;
  if (byReference) return byReference.type === 'AWS::SageMaker::EndpointConfig' ? byReference : undefined;
  const name = resolveScalar(template, value);
  if (typeof name !== 'string') return undefined;
  return configsByName(template).get(name);
}

/**
 * The endpoint/variant of every SageMaker scalable target in the template.
 * Undefined when a target might be one (namespace or resource ID unresolved):
 * then no variant can be said to lack one.
 */
export function targetKeys(template: CfnTemplate): TargetKey[] | undefined {
  const keys: TargetKey[] = [];
  for (const target of template.resources.filter((r) => r.type === 'AWS::ApplicationAutoScaling::ScalableTarget')) {
    const props = getPropertiesFact(target);
    if (!props.known) return undefined;
    const namespace = resolveScalar(template, props.map && getEntry(props.map, 'ServiceNamespace')?.value);
    if (namespace === undefined) return undefined;
    if (namespace !== 'sagemaker') continue;
    const pieces = stringPieces(template, props.map && getEntry(props.map, 'ResourceId')?.value);
    if (!pieces) return undefined;
    const key = parseResourceId(pieces);
    if (!key) return undefined;
    if (key !== 'other') keys.push({ ...key, target });
  }
  return keys;
}

/** `endpoint/<name>/variant/<variant>` with references in place of names; `other` for a literal ID of another shape. */
function parseResourceId(pieces: StringPiece[]): TargetKey | 'other' | undefined {
  const refs: Array<{ resource: string; attribute?: string }> = [];
  const text = pieces.map((p) => (typeof p === 'string' ? p : `\u0000${refs.push(p) - 1}\u0000`)).join('');
  const match = /^endpoint\/([^/]+)\/variant\/([^/]+)$/.exec(text);
  if (!match) return refs.length ? undefined : 'other';
  const [, endpointPart, variantPart] = match;
  const placeholder = /^\u0000(\d+)\u0000$/.exec(endpointPart);
  const endpoint = placeholder ? { resource: refs[Number(placeholder[1])].resource } : endpointPart.includes('\u0000') ? undefined : { name: endpointPart };
  const variant = variantPart.includes('\u0000') ? undefined : variantPart;
  return { endpoint, variant };
}
