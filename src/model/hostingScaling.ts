import type { CdkApp, CdkConstruct } from '../parsers/cdk/model';
import { getProp } from '../parsers/cdk/model';
import type { CfnResource, CfnTemplate } from '../parsers/cloudformation';
import { getEntry, refTarget, resolveScalar } from '../parsers/cloudformation';
import type { PythonCall } from '../parsers/python/facts';
import { getKeyword } from '../parsers/python/facts';
import type { TfModule, TfModuleResource } from '../parsers/terraform';
import { getAttribute, listModuleResourcesOfType, resolveLiteral } from '../parsers/terraform';
import type { Field, Span } from './field';
import { known, unknown } from './field';
import { constructName, constructRange } from './edit/cdkEdits';
import { headerRange } from './edit/tfEdits';
import type { ScalableTargetRecord, ScalingPolicyRecord } from './hostingRecords';
import { getPropertiesFact } from './read/cfnFacts';
import { oncePerFact } from './read/memo';
import { isSageMakerScalableTarget } from './read/cdkEndpoints';

/**
 * The adapters that read Application Auto Scaling targets of SageMaker variants, and the policies
 * on them, into {@link ScalableTargetRecord}s: one per format, built once per template, module,
 * app or call. Endpoint records link each variant to the targets that scale it (`scaledBy`).
 */

const numeric = (value: unknown): number | undefined => (typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined);

function field<T>(anchor: Span | undefined, value: T | undefined): Field<T> | undefined {
  if (!anchor) return undefined;
  return value === undefined ? unknown('expression', anchor) : known(value, anchor);
}

/** A target record with the capacities the format's reader gives (a capacity not written stays absent). */
function target(base: Omit<ScalableTargetRecord, 'kind' | 'policies'>, capacity: (key: 'min' | 'max') => Field<number> | undefined): ScalableTargetRecord {
  const record: ScalableTargetRecord = { kind: 'scalableTarget', ...base, policies: [] };
  const min = capacity('min');
  const max = capacity('max');
  if (min) record.minCapacity = min;
  if (max) record.maxCapacity = max;
  return record;
}

// ---------------------------------------------------------------- CloudFormation

/** The template's scalable targets by resource, each with the scaling policies whose `ScalingTargetId` references it. */
export const cfnScalableTargets = oncePerFact((template: CfnTemplate): Map<CfnResource, ScalableTargetRecord> => {
  const records = new Map<CfnResource, ScalableTargetRecord>();
  const byId = new Map<string, ScalableTargetRecord>();
  for (const resource of template.resources) {
    if (resource.type !== 'AWS::ApplicationAutoScaling::ScalableTarget') continue;
    const props = getPropertiesFact(resource);
    const map = props.known ? props.map : undefined;
    const entry = (key: string) => (map ? getEntry(map, key) : undefined);
    const record = target({ format: 'cfn', name: resource.logicalId, anchor: { start: resource.keyStart, end: resource.keyEnd } }, (key) => {
      const e = entry(key === 'min' ? 'MinCapacity' : 'MaxCapacity');
      return field(e && { start: e.keyStart, end: e.keyEnd }, numeric(resolveScalar(template, e?.value)));
    });
    records.set(resource, record);
    byId.set(resource.logicalId, record);
  }
  for (const resource of template.resources) {
    if (resource.type !== 'AWS::ApplicationAutoScaling::ScalingPolicy') continue;
    const props = getPropertiesFact(resource);
    const map = props.known ? props.map : undefined;
    const targetId = map && getEntry(map, 'ScalingTargetId');
    const target = targetId && byId.get(refTarget(targetId.value) ?? '');
    if (!target) continue;
    const type = map && getEntry(map, 'PolicyType');
    const value = resolveScalar(template, type?.value);
    const policy: ScalingPolicyRecord = { kind: 'scalingPolicy', format: 'cfn', name: resource.logicalId, anchor: { start: resource.keyStart, end: resource.keyEnd } };
    const policyType = field(type && { start: type.keyStart, end: type.keyEnd }, typeof value === 'string' ? value : undefined);
    target.policies.push(policyType ? { ...policy, policyType } : policy);
  }
  return records;
});

// ---------------------------------------------------------------- Terraform

/** The module's `aws_appautoscaling_target`s, each with the `aws_appautoscaling_policy`s that reference it. */
export const tfScalableTargets = oncePerFact((module: TfModule): Map<TfModuleResource, ScalableTargetRecord> => {
  const records = new Map<TfModuleResource, ScalableTargetRecord>();
  const byName = new Map<string, ScalableTargetRecord>();
  for (const resource of listModuleResourcesOfType(module, 'aws_appautoscaling_target')) {
    const record = target({ format: 'tf', name: `aws_appautoscaling_target.${resource.name}`, anchor: { ...headerRange(resource.block), fileName: resource.source.fileName } }, (key) => {
      const attribute = getAttribute(resource.block, `${key}_capacity`);
      const value = resolveLiteral(resource.file, attribute?.value);
      return field(attribute && { start: attribute.nameStart, end: attribute.nameEnd }, typeof value === 'number' ? value : undefined);
    });
    records.set(resource, record);
    byName.set(resource.name, record);
  }
  for (const policy of listModuleResourcesOfType(module, 'aws_appautoscaling_policy')) {
    const id = getAttribute(policy.block, 'resource_id')?.value;
    const reference = id?.references.find((r) => r.path[0] === 'aws_appautoscaling_target' && r.path.length >= 2);
    const target = reference && byName.get(reference.path[1]);
    if (!target) continue;
    const type = getAttribute(policy.block, 'policy_type');
    const value = resolveLiteral(policy.file, type?.value);
    const record: ScalingPolicyRecord = { kind: 'scalingPolicy', format: 'tf', name: `aws_appautoscaling_policy.${policy.name}`, anchor: { ...headerRange(policy.block), fileName: policy.source.fileName } };
    const policyType = field(type && { start: type.nameStart, end: type.nameEnd }, typeof value === 'string' ? value : undefined);
    target.policies.push(policyType ? { ...record, policyType } : record);
  }
  return records;
});

// ---------------------------------------------------------------- CDK

/** CDK methods that add a scaling policy to a scalable target. */
const cdkPolicyMethods = new Set(['scaleOnMetric', 'scaleToTrackMetric', 'scaleOnSchedule', 'scaleOnUtilization']);

function cdkTarget(construct: CdkConstruct): ScalableTargetRecord {
  const record = target({ format: 'cdk', name: constructName(construct), anchor: constructRange(construct) }, (key) => {
    const prop = getProp(construct.props, `${key}Capacity`);
    return field(prop && { start: prop.keyStart, end: prop.keyEnd }, prop?.value.kind === 'number' ? prop.value.value : undefined);
  });
  record.policies = construct.methods.filter((m) => cdkPolicyMethods.has(m.method)).map((m) => ({ kind: 'scalingPolicy', format: 'cdk', name: m.method, anchor: { start: m.start, end: m.end } }));
  return record;
}

/**
 * The app's scalable targets that are, or may be, for SageMaker (`ScalableTarget`,
 * `CfnScalableTarget`), and one per `autoScaleInstanceCount` call (the SageMaker L2 endpoint's).
 * Which variant each scales is not followed in CDK: any of them counts for every variant.
 */
export const cdkScalableTargets = oncePerFact((app: CdkApp): { records: ScalableTargetRecord[] } => {
  const records: ScalableTargetRecord[] = [];
  for (const construct of app.constructs) {
    if (isSageMakerScalableTarget(construct)) records.push(cdkTarget(construct));
    for (const method of construct.methods) {
      if (method.method === 'autoScaleInstanceCount') records.push({ kind: 'scalableTarget', format: 'cdk', name: `${constructName(construct)}.autoScaleInstanceCount`, anchor: { start: method.start, end: method.end }, policies: [] });
    }
  }
  // Methods on what the analysis cannot resolve: a target may hide there.
  for (const method of app.unresolvedMethods) if (method === 'autoScaleInstanceCount') records.push({ kind: 'scalableTarget', format: 'cdk', anchor: { start: 0, end: 0 }, policies: [] });
  return { records };
});

// ---------------------------------------------------------------- Python (boto3)

/** The resource ID a boto3 call writes as a literal (`endpoint/<name>/variant/<variant>`). */
function resourceIdOf(call: PythonCall): string | undefined {
  const id = getKeyword(call, 'ResourceId')?.value;
  return id?.kind === 'string' ? id.value : undefined;
}

/** A boto3 `register_scalable_target` call as a record (its policies are added as `put_scaling_policy` calls are seen). */
export const pyScalableTarget = oncePerFact((call: PythonCall): ScalableTargetRecord => {
  const match = /^endpoint\/([^/]+)\/variant\/([^/]+)$/.exec(resourceIdOf(call) ?? '');
  return target({ format: 'py', anchor: { start: call.callee.start, end: call.callee.end }, ...(match ? { endpoint: match[1], variant: match[2] } : {}) }, (key) => {
    const keyword = getKeyword(call, key === 'min' ? 'MinCapacity' : 'MaxCapacity');
    return field(keyword && { start: keyword.start, end: keyword.end }, keyword?.value.kind === 'number' ? keyword.value.value : undefined);
  });
});

/** A boto3 `put_scaling_policy` call as a policy record, and the literal resource ID it acts on. */
export function pyScalingPolicy(call: PythonCall): { policy: ScalingPolicyRecord; resourceId: string | undefined } {
  const type = getKeyword(call, 'PolicyType');
  const name = getKeyword(call, 'PolicyName')?.value;
  const policy: ScalingPolicyRecord = { kind: 'scalingPolicy', format: 'py', anchor: { start: call.callee.start, end: call.callee.end }, ...(name?.kind === 'string' ? { name: name.value } : {}) };
  const policyType = field(type && { start: type.start, end: type.end }, type?.value.kind === 'string' ? type.value.value : undefined);
  return { policy: policyType ? { ...policy, policyType } : policy, resourceId: resourceIdOf(call) };
}

/** The record of a boto3 target, if `resourceId` names the same one (both literal and equal). */
export function pyTargetFor(targets: readonly ScalableTargetRecord[], resourceId: string | undefined): ScalableTargetRecord | undefined {
  if (resourceId === undefined) return targets.length === 1 ? targets[0] : undefined;
  return targets.find((t) => t.endpoint !== undefined && `endpoint/${t.endpoint}/variant/${t.variant}` === resourceId);
}
