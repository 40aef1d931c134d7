/**
 * CloudFormation conditions: a resource whose properties hold `Fn::If` read once per choice of its
 * conditions (see src/model/README.md, "CloudFormation conditions and duplicate keys").
 */
import { extended } from '../core/objects';
import type { CfnValue, CfnEntry, CfnResource, CfnTemplate } from './cloudformation';
import { intrinsicArgument, refTarget, resolveScalar } from './cloudformation';

/** The most branches {@link conditionBranches} reads for one resource; a resource with more stays unread (as any intrinsic). */
export const maxConditionBranches = 16;

/** `!Ref AWS::NoValue`: the key (or list item) is not written in this branch. */
const noValue = Symbol('AWS::NoValue');
type Chosen = CfnValue | typeof noValue;

/** The condition name and the two values of an `Fn::If`, either form; undefined for anything else. */
function ifParts(value: CfnValue): { condition: string; then: CfnValue; otherwise: CfnValue } | undefined {
  if (value.intrinsic !== 'Fn::If') return undefined;
  const argument = intrinsicArgument(value);
  if (argument?.kind !== 'seq' || argument.items.length !== 3) return undefined;
  const [condition, then, otherwise] = argument.items;
  return condition.kind === 'scalar' && typeof condition.value === 'string' && !condition.intrinsic ? { condition: condition.value, then, otherwise } : undefined;
}

/**
 * The names of the conditions the value's `Fn::If`s test, in one walk without recursion (templates
 * may nest deeply); it stops past `limit` names.
 */
function conditionsIn(root: CfnValue, limit: number): Set<string> {
  const names = new Set<string>();
  const stack: CfnValue[] = [root];
  for (let value = stack.pop(); value && names.size <= limit; value = stack.pop()) {
    const parts = ifParts(value);
    if (parts) names.add(parts.condition);
    if (value.kind === 'map') for (const entry of value.entries) stack.push(entry.value);
    else if (value.kind === 'seq') for (const item of value.items) stack.push(item);
  }
  return names;
}

/** Stops a reading at the first `Fn::If` whose condition the branch has not chosen yet. */
class Undecided {
  constructor(readonly condition: string) {}
}

/**
 * The value with every `Fn::If` replaced by the value its condition takes in `conditions`;
 * a map or list that holds none comes back as itself (the branches share what they do not change).
 * Throws {@link Undecided} at a condition not in `conditions`.
 */
function choose(value: CfnValue, conditions: ReadonlyMap<string, boolean>): Chosen {
  const parts = ifParts(value);
  if (parts) {
    const taken = conditions.get(parts.condition);
    if (taken === undefined) throw new Undecided(parts.condition);
    return choose(taken ? parts.then : parts.otherwise, conditions);
  }
  if (refTarget(value) === 'AWS::NoValue') return noValue;
  // A list is copied from its first change only: most of a resource holds no condition.
  if (value.kind === 'map') {
    let entries: CfnEntry[] | undefined;
    for (let i = 0; i < value.entries.length; i++) {
      const entry = value.entries[i];
      const chosen = choose(entry.value, conditions);
      if (chosen === entry.value) {
        entries?.push(entry);
        continue;
      }
      entries ??= value.entries.slice(0, i);
      if (chosen !== noValue) entries.push(extended(entry, { value: chosen, written: entry.written ?? entry.value }));
    }
    return entries ? extended(value, { entries }) : value;
  }
  if (value.kind === 'seq') {
    let items: CfnValue[] | undefined;
    for (let i = 0; i < value.items.length; i++) {
      const item = value.items[i];
      const chosen = choose(item, conditions);
      if (chosen === item) {
        items?.push(item);
        continue;
      }
      items ??= value.items.slice(0, i);
      if (chosen !== noValue) items.push(chosen);
    }
    return items ? extended(value, { items }) : value;
  }
  return value;
}

const branchesOf = new WeakMap<CfnResource, readonly CfnResource[] | undefined>();

/**
 * The resource as each branch of its conditions reads it: every `Fn::If` in its `Properties` (the
 * whole properties, or a value nested anywhere in them) replaced by the value its condition picks,
 * the same condition picking the same side everywhere in the resource, and `!Ref AWS::NoValue`
 * leaving its key or list item out. Only the branches that differ are listed (a condition nested
 * in the side another one leaves out is not split on). Undefined when the properties hold no
 * `Fn::If`, or when they give more than {@link maxConditionBranches} branches (then the resource
 * reads as unknown, as any intrinsic). Read once per resource; each branch costs one walk of the
 * properties, so a template's branches cost at most that many times its size.
 */
export function conditionBranches(resource: CfnResource): readonly CfnResource[] | undefined {
  if (branchesOf.has(resource)) return branchesOf.get(resource);
  const branches = readBranches(resource);
  branchesOf.set(resource, branches);
  return branches;
}

function readBranches(resource: CfnResource): CfnResource[] | undefined {
  const at = resource.node.entries.findIndex((e) => e.key === 'Properties');
  const properties = resource.node.entries[at];
  if (!properties) return undefined;
  // Each condition a branch meets splits it: more conditions than branches allowed give too many branches.
  const conditions = conditionsIn(properties.value, maxConditionBranches);
  if (conditions.size === 0 || conditions.size >= maxConditionBranches) return undefined;
  const branches: CfnResource[] = [];
  // Each partial choice is read until a condition it has not chosen yet, which splits it in two.
  const pending: Array<ReadonlyMap<string, boolean>> = [new Map()];
  for (let conditions = pending.pop(); conditions; conditions = pending.pop()) {
    let chosen: Chosen;
    try {
      chosen = choose(properties.value, conditions);
    } catch (err) {
      if (!(err instanceof Undecided)) throw err;
      if (branches.length + pending.length + 2 > maxConditionBranches) return undefined;
      pending.push(new Map([...conditions, [err.condition, false]]), new Map([...conditions, [err.condition, true]]));
      continue;
    }
    const entries = resource.node.entries.slice();
    if (chosen === noValue) entries.splice(at, 1);
    else entries[at] = extended(properties, { value: chosen });
    branches.push(extended(resource, { node: extended(resource.node, { entries }), branch: { of: resource, conditions } }));
  }
  return branches;
}

/**
 * The scalars a value may stand for, one per distinct value: a plain or resolvable value is itself
 * (see {@link resolveScalar}), an `Fn::If` each value of its two sides. Undefined when a side is
 * unknown or not a scalar (`AWS::NoValue` included), or when there are more than
 * {@link maxConditionBranches}.
 */
export function resolveCandidates(template: CfnTemplate, value: CfnValue | undefined): Array<string | number | boolean | null> | undefined {
  if (!value) return undefined;
  const found = new Set<string | number | boolean | null>();
  const stack: CfnValue[] = [value];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const parts = ifParts(next);
    if (parts) {
      stack.push(parts.otherwise, parts.then);
      continue;
    }
    const scalar = resolveScalar(template, next);
    if (scalar === undefined) return undefined;
    found.add(scalar);
    if (found.size > maxConditionBranches) return undefined;
  }
  return [...found];
}
