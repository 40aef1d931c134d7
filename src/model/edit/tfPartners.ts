import type { TfModule, TfResource } from '../../parsers/terraform';
import { getAttribute, listModuleResourcesOfType, moduleResourceNames, resolveLiteral } from '../../parsers/terraform';

/**
 * Which resources of type `target` have a partner resource of type `partner`
 * pointing at them through `attribute` (a lifecycle configuration's `bucket`,
 * a lifecycle policy's `repository`), anywhere in the module: by reference
 * (`aws_s3_bucket.x.id`, `.bucket`, any instance) or by a literal equal to the
 * target's `nameAttribute`. Undefined when some partner cannot be read (a
 * variable, a module output, a syntax error in any file of the module): then
 * no target can be said to lack one.
 */
export function partnerCoverage(module: TfModule, target: string, partner: string, attribute: string, nameAttribute: string): ((resource: TfResource) => boolean) | undefined {
  // Error recovery can swallow the blocks after a half-typed one: a partner may be hiding there.
  if (module.incomplete) return undefined;
  const byReference = new Set<string>();
  const byName = new Set<string>();
  for (const resource of listModuleResourcesOfType(module, partner)) {
    const value = getAttribute(resource.block, attribute)?.value;
    if (!value) return undefined;
    const reference = value.references.find((r) => r.path[0] === target && r.path.length >= 2);
    if (reference) {
      byReference.add(reference.path[1]);
      continue;
    }
    const name = resolveLiteral(resource.file, value);
    if (typeof name !== 'string') return undefined;
    byName.add(name);
  }
  return (resource) => {
    if (byReference.has(resource.name)) return true;
    if (!byName.size) return false;
    const value = getAttribute(resource.block, nameAttribute)?.value;
    const name = resolveLiteral(resource.file, value);
    if (typeof name === 'string') return byName.has(name);
    // A literal partner may be for a target whose name we cannot read, unless the name's known start rules it out.
    const prefix = value?.kind === 'other' ? value.literalPrefix : undefined;
    return prefix === undefined || [...byName].some((n) => n.startsWith(prefix));
  };
}

/** A resource name of `type` not yet used in the module: `base`, else `base_2`, `base_3`… */
export function freshResourceName(module: TfModule, type: string, base: string): string {
  const used = moduleResourceNames(module, type);
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

/** True when the resource is created several times or conditionally (`count`, `for_each`). */
export function isRepeated(resource: TfResource): boolean {
  return getAttribute(resource.block, 'count') !== undefined || getAttribute(resource.block, 'for_each') !== undefined;
}
