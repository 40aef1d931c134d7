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

/** A YAML scalar: plain when that reads back as the same string, single-quoted otherwise. */
export function yamlString(text: string, flow: boolean): string {
  const plain = flow ? /^[A-Za-z][\w./-]*$/ : /^[A-Za-z][\w./-]*(?:::?[\w./-]+)*$/;
  if (plain.test(text) && !yamlReserved.test(text)) return text;
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

/** The lines of `key: value` in YAML block style, the key at `indent`. */
export function yamlBlockEntry(key: string, value: CfnSnippet, indent: string, layout: Layout): string[] {
  if (value instanceof CfnText) {
    return [`${indent}${key}: |`, ...value.block.split('\n').map((line) => (line ? `${indent}${layout.unit}${line}` : ''))];
  }
  if (isMap(value) && Object.keys(value).length) {
    return [`${indent}${key}:`, ...Object.entries(value).flatMap(([k, v]) => yamlBlockEntry(k, v, indent + layout.unit, layout))];
  }
  if (Array.isArray(value) && value.length) {
    return [`${indent}${key}:`, ...value.flatMap((item: CfnSnippet) => yamlBlockItem(item, indent + layout.unit, layout))];
  }
  return [`${indent}${key}: ${yamlInline(value, false)}`];
}

function yamlBlockItem(item: CfnSnippet, indent: string, layout: Layout): string[] {
  if (!isMap(item) || !Object.keys(item).length) return [`${indent}- ${yamlInline(item, false)}`];
  const inner = `${indent}  `;
  const lines = Object.entries(item).flatMap(([k, v]) => yamlBlockEntry(k, v, inner, layout));
  lines[0] = `${indent}- ${lines[0].slice(inner.length)}`;
  return lines;
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
