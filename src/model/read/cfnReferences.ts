import type { CfnTemplate, CfnValue } from '../../parsers/cloudformation';
import { getAttTarget, getEntry, getMapValue, getParameter, intrinsicArgument, refTarget, resolveScalar } from '../../parsers/cloudformation';

/** A piece of a string built by intrinsics: literal text, or a reference to a resource of the template. */
export type StringPiece = string | { resource: string; attribute?: string };

/**
 * A string value as literal pieces and resource references, as far as the
 * template alone tells: plain strings, parameter defaults, `Ref`/`Fn::GetAtt`
 * to resources, `Fn::Sub` (with or without its variable map) and `Fn::Join`.
 * Undefined when any part is unknown (a parameter without a default, a pseudo
 * parameter, `Fn::If`, `Fn::ImportValue`…).
 */
export function stringPieces(template: CfnTemplate, value: CfnValue | undefined): StringPiece[] | undefined {
  if (!value) return undefined;
  const literal = resolveScalar(template, value);
  if (typeof literal === 'string' || typeof literal === 'number') return [String(literal)];
  const ref = refTarget(value);
  if (ref !== undefined) return isResource(template, ref) ? [{ resource: ref }] : undefined;
  const getAtt = getAttTarget(value);
  if (getAtt) return isResource(template, getAtt.resource) ? [getAtt] : undefined;
  const argument = intrinsicArgument(value);
  if (value.intrinsic === 'Fn::Sub' && argument) return subPieces(template, argument);
  if (value.intrinsic === 'Fn::Join' && argument?.kind === 'seq' && argument.items.length === 2) {
    const [delimiter, list] = argument.items;
    const separator = resolveScalar(template, delimiter);
    if (typeof separator !== 'string' || list.kind !== 'seq' || list.intrinsic) return undefined;
    const pieces: StringPiece[] = [];
    for (const [i, item] of list.items.entries()) {
      const part = stringPieces(template, item);
      if (!part) return undefined;
      if (i > 0) pieces.push(separator);
      pieces.push(...part);
    }
    return pieces;
  }
  return undefined;
}

function subPieces(template: CfnTemplate, argument: CfnValue): StringPiece[] | undefined {
  let text: unknown;
  let variables: ReturnType<typeof getMapValue>;
  if (argument.kind === 'scalar') text = argument.value;
  else if (argument.kind === 'seq' && argument.items.length === 2 && argument.items[0].kind === 'scalar') {
    text = argument.items[0].value;
    variables = getMapValue(argument.items[1]);
    if (!variables) return undefined;
  }
  if (typeof text !== 'string') return undefined;
  const pieces: StringPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$\{([^}]*)\}/g)) {
    pieces.push(text.slice(last, match.index));
    last = match.index + match[0].length;
    const name = match[1].trim();
    if (name.startsWith('!')) {
      pieces.push(`\${${name.slice(1)}}`);
      continue;
    }
    const variable = variables && getEntry(variables, name);
    if (variable) {
      const part = stringPieces(template, variable.value);
      if (!part) return undefined;
      pieces.push(...part);
      continue;
    }
    const dot = name.indexOf('.');
    if (dot > 0 && isResource(template, name.slice(0, dot))) {
      pieces.push({ resource: name.slice(0, dot), attribute: name.slice(dot + 1) });
      continue;
    }
    if (isResource(template, name)) {
      pieces.push({ resource: name });
      continue;
    }
    const parameter = getParameter(template, name);
    const fallback = parameter && resolveScalar(template, getEntry(parameter, 'Default')?.value);
    if (typeof fallback !== 'string' && typeof fallback !== 'number') return undefined;
    pieces.push(String(fallback));
  }
  pieces.push(text.slice(last));
  return pieces.filter((p) => p !== '');
}

function isResource(template: CfnTemplate, logicalId: string): boolean {
  return template.resources.some((r) => r.logicalId === logicalId);
}
