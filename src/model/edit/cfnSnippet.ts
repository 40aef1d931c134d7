/**
 * CloudFormation values to insert, written once and rendered in the syntax of
 * the file being fixed: YAML block, YAML flow or JSON, with the file's own
 * indentation unit and line breaks.
 */

/** An intrinsic function call in a snippet: `Ref`, `Fn::Sub` or `Fn::GetAtt`. */
export class CfnIntrinsic {
  constructor(
    readonly name: 'Ref' | 'Fn::Sub' | 'Fn::GetAtt',
    readonly argument: string,
  ) {}
}

/**
 * A string written as a YAML literal block (`|`) in block style, and as the
 * one-line `compact` form in YAML flow style and JSON: an embedded JSON document
 * such as an ECR lifecycle policy.
 */
export class CfnText {
  constructor(
    readonly block: string,
    readonly compact: string,
  ) {}
}

export type CfnSnippet = string | number | boolean | CfnIntrinsic | CfnText | readonly CfnSnippet[] | { readonly [key: string]: CfnSnippet };

export const ref = (name: string): CfnIntrinsic => new CfnIntrinsic('Ref', name);
export const sub = (text: string): CfnIntrinsic => new CfnIntrinsic('Fn::Sub', text);
/** `!GetAtt Resource.Attribute`. */
export const getAtt = (resource: string, attribute: string): CfnIntrinsic => new CfnIntrinsic('Fn::GetAtt', `${resource}.${attribute}`);

export interface Layout {
  eol: string;
  /** One indentation step, e.g. two spaces. */
  unit: string;
}

type SnippetMap = { readonly [key: string]: CfnSnippet };

function isMap(value: CfnSnippet): value is SnippetMap {
  return typeof value === 'object' && !(value instanceof CfnIntrinsic) && !(value instanceof CfnText) && !Array.isArray(value);
}

const yamlReserved = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;

const plainInFlow = /^[A-Za-z][\w./-]*$/;
const plainInBlock = /^[A-Za-z][\w./-]*(?:::?[\w./-]+)*$/;

/** A YAML scalar: plain when that reads back as the same string, single-quoted otherwise. */
export function yamlString(text: string, flow: boolean): string {
  if ((flow ? plainInFlow : plainInBlock).test(text) && !yamlReserved.test(text)) return text;
  return `'${text.replace(/'/g, "''")}'`;
}

function yamlInline(value: CfnSnippet, flow: boolean): string {
  if (typeof value === 'string') return yamlString(value, flow);
  if (value instanceof CfnText) return yamlString(value.compact, flow);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof CfnIntrinsic) {
    if (value.name === 'Ref') return `!Ref ${value.argument}`;
    if (value.name === 'Fn::GetAtt') return `!GetAtt ${value.argument}`;
    return `!Sub ${yamlString(value.argument, flow)}`;
  }
  if (Array.isArray(value)) return `[${value.map((v) => yamlInline(v, true)).join(', ')}]`;
  const entries = Object.entries(value as SnippetMap);
  return entries.length ? `{ ${entries.map(([k, v]) => `${k}: ${yamlInline(v, true)}`).join(', ')} }` : '{}';
}

/** `key: value` for a YAML flow map. */
export function yamlFlowEntry(key: string, value: CfnSnippet): string {
  return `${key}: ${yamlInline(value, true)}`;
}

/** The lines of `key: value` in YAML block style, the key at `indent` (added to `into` when given). */
export function yamlBlockEntry(key: string, value: CfnSnippet, indent: string, layout: Layout, into: string[] = []): string[] {
  if (value instanceof CfnText) {
    into.push(`${indent}${key}: |`);
    for (const line of value.block.split('\n')) into.push(line ? `${indent}${layout.unit}${line}` : '');
  } else if (isMap(value) && Object.keys(value).length) {
    into.push(`${indent}${key}:`);
    for (const [k, v] of Object.entries(value)) yamlBlockEntry(k, v, indent + layout.unit, layout, into);
  } else if (Array.isArray(value) && value.length) {
    into.push(`${indent}${key}:`);
    for (const item of value as readonly CfnSnippet[]) yamlBlockItem(item, indent + layout.unit, layout, into);
  } else into.push(`${indent}${key}: ${yamlInline(value, false)}`);
  return into;
}

function yamlBlockItem(item: CfnSnippet, indent: string, layout: Layout, into: string[]): void {
  if (!isMap(item) || !Object.keys(item).length) {
    into.push(`${indent}- ${yamlInline(item, false)}`);
    return;
  }
  const inner = `${indent}  `;
  const first = into.length;
  for (const [k, v] of Object.entries(item)) yamlBlockEntry(k, v, inner, layout, into);
  into[first] = `${indent}- ${into[first].slice(inner.length)}`;
}

/** A JSON value; maps and lists of maps span lines (continuation lines start at `indent`) unless `compact`. */
export function jsonValue(value: CfnSnippet, indent: string, layout: Layout, compact: boolean): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (value instanceof CfnText) return JSON.stringify(value.compact);
  if (value instanceof CfnIntrinsic) {
    const dot = value.argument.indexOf('.');
    const argument = value.name === 'Fn::GetAtt' ? `[${JSON.stringify(value.argument.slice(0, dot))}, ${JSON.stringify(value.argument.slice(dot + 1))}]` : JSON.stringify(value.argument);
    return `{ "${value.name}": ${argument} }`;
  }
  const inner = indent + layout.unit;
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    if (compact || !value.some((v: CfnSnippet) => isMap(v) || Array.isArray(v))) return `[${value.map((v: CfnSnippet) => jsonValue(v, inner, layout, true)).join(', ')}]`;
    return `[${layout.eol}${value.map((v: CfnSnippet) => inner + jsonValue(v, inner, layout, false)).join(`,${layout.eol}`)}${layout.eol}${indent}]`;
  }
  const entries = Object.entries(value as SnippetMap);
  if (!entries.length) return '{}';
  if (compact) return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${jsonValue(v, inner, layout, true)}`).join(', ')} }`;
  return `{${layout.eol}${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${jsonValue(v, inner, layout, false)}`).join(`,${layout.eol}`)}${layout.eol}${indent}}`;
}
