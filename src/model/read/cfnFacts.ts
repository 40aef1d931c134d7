import type { CfnMap, CfnResource } from '../../parsers/cloudformation';
import { getEntry } from '../../parsers/cloudformation';

/** What a resource's `Properties` says, for rules that must stay silent on what they cannot read. */
export type PropertiesFact = { known: true; map: CfnMap | undefined } | { known: false };

/**
 * The resource's `Properties` as a plain map: `map` is undefined when there are
 * none (absent or empty), and `known` is false when they hide behind an
 * intrinsic (`Properties: !If [...]`) or an alias.
 */
export function getPropertiesFact(resource: CfnResource): PropertiesFact {
  const entry = getEntry(resource.node, 'Properties');
  if (!entry) return { known: true, map: undefined };
  const value = entry.value;
  if (value.kind === 'scalar' && value.value === null) return { known: true, map: undefined };
  if (value.kind !== 'map' || value.intrinsic) return { known: false };
  return { known: true, map: value };
}

/** A logical ID not yet used in the template, built from `base` (`base`, `base2`, …). */
export function freshLogicalId(resource: CfnResource | { template: CfnResource['template'] }, base: string, taken: ReadonlySet<string> = new Set()): string {
  const clean = base.replace(/[^A-Za-z0-9]/g, '') || 'Resource';
  const ids = logicalIdsOf(resource.template);
  const used = (id: string) => ids.has(id) || taken.has(id);
  if (!used(clean)) return clean;
  let n = 2;
  while (used(`${clean}${n}`)) n++;
  return `${clean}${n}`;
}

/** The logical IDs of a template, gathered once per template (not once per fix: a template of thousands of resources made that quadratic). */
const logicalIds = new WeakMap<CfnResource['template'], ReadonlySet<string>>();
function logicalIdsOf(template: CfnResource['template']): ReadonlySet<string> {
  let ids = logicalIds.get(template);
  if (!ids) logicalIds.set(template, (ids = new Set(template.resources.map((r) => r.logicalId))));
  return ids;
}
