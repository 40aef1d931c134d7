import { getInstanceType } from '../data/instances';
import type { Field, KnownField } from './field';
import { describeUnknown, known, onEveryBranch, onEveryValueNoted } from './field';
import type { EndpointVariantRecord } from './records';

/**
 * Facts derived from an endpoint variant's record, whatever wrote it: whether it can sleep, what
 * it runs on, whether serverless inference could serve it. Rules ask these instead of reading
 * instance pools, managed scaling and template branches themselves.
 */

/** SageMaker-managed instance scaling down to zero instances (`MinInstanceCount: 0`): the variant sleeps while idle, it is not always on. */
export function canSleep(variant: EndpointVariantRecord): boolean {
  return variant.managedScaling === 'enabled' && variant.managedMinInstances?.known === true && variant.managedMinInstances.value === 0;
}

/** Every instance type the variant may run on: each of its instance pools, else its instance type (none for a serverless variant). */
export function instanceTypesOf(variant: EndpointVariantRecord): Array<Field<string>> {
  if (variant.instancePools) return variant.instancePools.map((pool) => pool.instanceType);
  return variant.instanceType ? [variant.instanceType] : [];
}

/**
 * Whether a type may be a CPU one. A type the file does not resolve counts (the variant is judged,
 * not the type: a template parameter without default, a Terraform variable, a name the analysis
 * does not follow), except a Python value that is no variable; a type that resolves to a GPU,
 * Inferentia or Trainium does not.
 */
function onCpuType(variant: EndpointVariantRecord, type: Field<string>): boolean {
  if (type.known) return getInstanceType(type.value)?.acceleratorKind === 'none';
  if (type.alternatives?.length) return type.alternatives.every((t) => getInstanceType(t)?.acceleratorKind === 'none');
  // Some values shown, others not (`cfg.get("instance_type", "ml.g5.xlarge")`): each shown one must be a CPU type.
  if (type.partialAlternatives && !type.partialAlternatives.every((t) => getInstanceType(t)?.acceleratorKind === 'none')) return false;
  return variant.site === undefined || type.reason === 'variable';
}

/**
 * Whether serverless inference could serve the variant: real-time, on SageMaker-hosted CPU
 * instances only (serverless runs on CPU; with instance pools, every pool on CPU), complete, and
 * not able to sleep (managed scaling to zero already bills no instance while idle).
 */
function servableServerless(variant: EndpointVariantRecord): boolean {
  if (!variant.instanceType || variant.invocation !== 'real-time' || variant.incomplete || variant.hostedOn !== undefined || canSleep(variant)) return false;
  return instanceTypesOf(variant).every((type) => onCpuType(variant, type));
}

/**
 * The variant as serverless inference could serve it, on every branch of its template's
 * conditions: the variant itself, or its first branch when every branch could be; undefined when
 * one could not.
 */
export function serverlessCandidate(variant: EndpointVariantRecord): EndpointVariantRecord | undefined {
  return onEveryBranch(variant, (branch) => (servableServerless(branch) ? branch : undefined));
}

/** After the priority-1 type of instance pools: how many pools, and the last one's type (` (priority 1 of 3 instance pools, to ml.c5.xlarge)`). */
export function describePoolRange(variant: EndpointVariantRecord): string {
  const pools = variant.instancePools;
  const last = pools?.[pools.length - 1]?.instanceType;
  if (!pools || pools.length < 2 || !last) return '';
  return ` (priority 1 of ${pools.length} instance pools, to ${last.known ? last.value : describeUnknown(last, 'instance type')})`;
}

/**
 * A verdict on every instance type a type field may take: a known type is judged as it is (with
 * its edit source); a type bound to several values (a Python name assigned on several paths, a
 * Terraform `c ? a : b`) is judged value by value, each as a known type at the field's anchor with
 * no edit source (one edit would change one value). The first value's verdict, and how a message
 * names the others (` (first of the values it may take; others: ml.g5.48xlarge)`), when every
 * value has one; else undefined.
 */
export function onEveryType<V>(type: Field<string> | undefined, judge: (type: KnownField<string>) => V | undefined): { verdict: V; note: string } | undefined {
  if (!type) return undefined;
  if (type.known) {
    const verdict = judge(type);
    return verdict === undefined ? undefined : { verdict, note: '' };
  }
  return onEveryValueNoted(type, (value) => judge(known(value, type.anchor)));
}

/**
 * A rule's finding on a type field ({@link onEveryType}): the first value's finding, its
 * `instanceType` naming the other values; none unless every value fires.
 */
export function findingsOnEveryType<F extends { data?: Record<string, string | number> }>(type: Field<string> | undefined, judge: (type: KnownField<string>) => F | undefined): F[] {
  const found = onEveryType(type, judge);
  if (!found) return [];
  const finding = found.verdict;
  return [found.note && finding.data ? { ...finding, data: { ...finding.data, instanceType: `${finding.data.instanceType}${found.note}` } } : finding];
}
