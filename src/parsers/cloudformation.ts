import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { CST, Document, Node as YamlNode, ScalarTag, CollectionTag } from 'yaml';
import { Composer, isAlias, isMap, isScalar, isSeq, Parser } from 'yaml';
import { tooDeep } from '../core/engine';
import type { Language, ParseOutcome, ParseProblem } from '../core/types';

/**
 * CloudFormation templates (SAM included), YAML and JSON, turned into one model
 * so that a rule has a single visitor for both syntaxes. Every value keeps its
 * offsets, so findings and fixes land on the right characters.
 */

/** A value in a template. Offsets are 0-based, `end` exclusive. */
export type CfnValue = CfnMap | CfnSeq | CfnScalar | CfnUnknown;

interface CfnNodeBase {
  start: number;
  end: number;
  /**
   * The intrinsic function this value is, if any: `Ref`, `Fn::Sub`, `Fn::If`…
   * Set for the YAML short form (`!Ref x`) and for the long form (`{"Ref": "x"}`).
   */
  intrinsic?: string;
}

export interface CfnEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: CfnValue;
  /** On a branch of a resource's conditions (see {@link conditionBranches}): the value as written, of which `value` is this branch's side. */
  written?: CfnValue;
}

export interface CfnMap extends CfnNodeBase {
  kind: 'map';
  entries: CfnEntry[];
  /** Written inline (`{ a: 1 }` in YAML). JSON objects are always flow. */
  flow: boolean;
}

export interface CfnSeq extends CfnNodeBase {
  kind: 'seq';
  items: CfnValue[];
  flow: boolean;
}

export interface CfnScalar extends CfnNodeBase {
  kind: 'scalar';
  value: string | number | boolean | null;
}

/** Something the analysis does not follow, such as a YAML alias. */
export interface CfnUnknown extends CfnNodeBase {
  kind: 'unknown';
}

export interface CfnResource {
  logicalId: string;
  /** The logical ID key: where resource-level findings sit. */
  keyStart: number;
  keyEnd: number;
  /** The `Type` string, when it is a plain string. */
  type?: string;
  node: CfnMap;
  template: CfnTemplate;
  /**
   * Set on the resource as one branch of its conditions reads it (see {@link conditionBranches}):
   * the resource it comes from and the value each condition takes in this branch.
   */
  branch?: { of: CfnResource; conditions: ReadonlyMap<string, boolean> };
}

export interface CfnTemplate {
  syntax: 'yaml' | 'json';
  root: CfnMap;
  resources: CfnResource[];
}

declare module '../core/types' {
  interface VisitorFacts {
    cfnTemplate: CfnTemplate;
    cfnResource: CfnResource;
  }
}

export function getEntry(map: CfnMap, key: string): CfnEntry | undefined {
  return map.entries.find((e) => e.key === key);
}

export function getMapValue(value: CfnValue | undefined): CfnMap | undefined {
  return value?.kind === 'map' && !value.intrinsic ? value : undefined;
}

/** The resource's `Properties` entry. */
export function getProperties(resource: CfnResource): CfnEntry | undefined {
  return getEntry(resource.node, 'Properties');
}

// Short-form intrinsic functions (AWS CloudFormation template reference, "Intrinsic function reference").
const shortFormIntrinsics = [
  'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub',
  'Transform', 'Ref', 'Condition', 'And', 'Equals', 'If', 'Not', 'Or', 'ToJsonString', 'Length',
];

function intrinsicName(tag: string): string {
  const name = tag.slice(1);
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

// Identity resolvers keep the YAML nodes (and so their positions) under each tag.
const intrinsicTags: Array<ScalarTag | CollectionTag> = shortFormIntrinsics.flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => value } as ScalarTag,
  { tag: `!${name}`, collection: 'seq', resolve: (value: unknown) => value } as unknown as CollectionTag,
  { tag: `!${name}`, collection: 'map', resolve: (value: unknown) => value } as unknown as CollectionTag,
]);

export const cloudFormationYaml: Language = {
  format: 'cfn-yaml',
  commentPrefixes: ['#'],
  parse: parseYamlTemplate,
};

export const cloudFormationJson: Language = {
  format: 'cfn-json',
  commentPrefixes: [],
  parse: parseJsonTemplate,
};

/**
 * Levels of nesting a YAML template may have. The composer recurses once per level, so where a
 * deeper text would overflow depends on the thread's stack (the CLI's worker threads have less):
 * refused before composing, the verdict is the same everywhere. Real templates nest a few dozen.
 */
export const maxYamlDepth = 512;

function parseYamlTemplate(text: string): ParseOutcome {
  // The parser's scanner is iterative: the nesting is measured on its tokens first.
  const tokens = Array.from(new Parser().parse(text));
  const deep = firstTooDeep(tokens, maxYamlDepth);
  if (deep !== undefined) return { ok: false, error: { message: tooDeep, start: deep, end: deep } };
  const composer = new Composer({
    version: '1.1',
    // CloudFormation reads `2010-09-09` as a string, not a timestamp.
    customTags: (tags) => [...tags.filter((t) => typeof t === 'string' ? t !== 'timestamp' : t.tag !== 'tag:yaml.org,2002:timestamp'), ...intrinsicTags],
    // The library's duplicate-key check is quadratic in a map's size; fromYaml checks in linear time.
    uniqueKeys: false,
  });
  const list: Document[] = Array.from(composer.compose(tokens, true, text.length));
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const [start, end] = error.pos;
      const message = error.message.includes('Maximum call stack size exceeded') ? tooDeep : `YAML syntax error: ${firstLine(error.message)}`;
      return { ok: false, error: { message, start, end } };
    }
  }
  const duplicates: CfnEntry[] = [];
  const roots = list.map((doc) => (doc.contents ? fromYaml(doc.contents as YamlNode, duplicates) : undefined));
  const templates = roots
    .filter((root): root is CfnMap => root?.kind === 'map' && root.entries.some((e) => e.key === 'Resources' || e.key === 'AWSTemplateFormatVersion'))
    .map((root) => buildTemplate('yaml', root));
  return { ok: true, walk: (emit) => templates.forEach((t) => emitTemplate(t, emit)), problems: duplicateProblems(duplicates) };
}

/** The offset of the first collection nested deeper than `limit`, walking the token tree without recursion; undefined when none is. */
function firstTooDeep(tokens: readonly CST.Token[], limit: number): number | undefined {
  const stack: Array<{ token: CST.Token | null | undefined; depth: number }> = tokens.map((token) => ({ token, depth: 0 })).reverse();
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { token, depth } = top;
    if (!token) continue;
    if (token.type === 'document') stack.push({ token: token.value, depth });
    else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > limit) return token.offset;
      for (let i = token.items.length - 1; i >= 0; i--) {
        stack.push({ token: token.items[i].value, depth: depth + 1 });
        stack.push({ token: token.items[i].key, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

function parseJsonTemplate(text: string): ParseOutcome {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const error = errors[0];
  if (error || !tree) {
    const start = error?.offset ?? 0;
    return { ok: false, error: { message: `JSON syntax error: ${error ? describeJsonError(printParseErrorCode(error.error)) : 'empty document'}`, start, end: start + (error?.length ?? 0) } };
  }
  const duplicates: CfnEntry[] = [];
  const root = fromJson(tree, duplicates);
  const templates = root.kind === 'map' ? [buildTemplate('json', root)] : [];
  return { ok: true, walk: (emit) => templates.forEach((t) => emitTemplate(t, emit)), problems: duplicateProblems(duplicates) };
}

function emitTemplate(template: CfnTemplate, emit: Parameters<Extract<ParseOutcome, { ok: true }>['walk']>[0]): void {
  emit('cfnTemplate', template);
  for (const resource of template.resources) emit('cfnResource', resource);
}

function buildTemplate(syntax: 'yaml' | 'json', root: CfnMap): CfnTemplate {
  const template: CfnTemplate = { syntax, root, resources: [] };
  const resources = getMapValue(getEntry(root, 'Resources')?.value);
  for (const entry of resources?.entries ?? []) {
    const node = getMapValue(entry.value);
    if (!node) continue;
    const typeValue = getEntry(node, 'Type')?.value;
    const type = typeValue?.kind === 'scalar' && typeof typeValue.value === 'string' && !typeValue.intrinsic ? typeValue.value : undefined;
    template.resources.push({ logicalId: entry.key, keyStart: entry.keyStart, keyEnd: entry.keyEnd, type, node, template });
  }
  return template;
}

function fromYaml(node: YamlNode | null | undefined, duplicates: CfnEntry[]): CfnValue {
  if (!node) return { kind: 'scalar', value: null, start: 0, end: 0 };
  const [start, valueEnd] = node.range ?? [0, 0, 0];
  const tag = node.tag && node.tag.startsWith('!') ? intrinsicName(node.tag) : undefined;
  const base = { start, end: valueEnd, ...(tag ? { intrinsic: tag } : {}) };
  if (isMap(node)) {
    const entries: CfnEntry[] = [];
    for (const pair of node.items) {
      const key = pair.key as YamlNode | null;
      if (!isScalar(key)) continue;
      const [keyStart, keyEnd] = key.range ?? [0, 0];
      entries.push({ key: String(key.value), keyStart, keyEnd, value: pair.value ? fromYaml(pair.value as YamlNode, duplicates) : { kind: 'scalar', value: null, start: keyEnd, end: keyEnd } });
    }
    const map: CfnMap = { kind: 'map', entries: laterWins(entries, duplicates), flow: Boolean(node.flow), ...base };
    return markLongForm(map);
  }
  if (isSeq(node)) return { kind: 'seq', items: node.items.map((item) => fromYaml(item as YamlNode, duplicates)), flow: Boolean(node.flow), ...base };
  if (isScalar(node)) {
    const value = node.value;
    return { kind: 'scalar', value: typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : value === null ? null : String(value), ...base };
  }
  if (isAlias(node)) return { kind: 'unknown', ...base };
  return { kind: 'unknown', ...base };
}

/**
 * A map's entries with each key once, the later value winning as CloudFormation reads it; every
 * later occurrence of a key goes to `duplicates`. Linear in the number of entries.
 */
function laterWins(entries: CfnEntry[], duplicates: CfnEntry[]): CfnEntry[] {
  const last = new Map<string, number>();
  entries.forEach((entry, i) => {
    if (last.has(entry.key)) duplicates.push(entry);
    last.set(entry.key, i);
  });
  return last.size === entries.length ? entries : entries.filter((entry, i) => last.get(entry.key) === i);
}

/** One problem for a text's duplicate keys: the first one, and how many more there are. */
function duplicateProblems(duplicates: CfnEntry[]): ParseProblem[] {
  if (duplicates.length === 0) return [];
  const first = duplicates.reduce((a, b) => (b.keyStart < a.keyStart ? b : a));
  const more = duplicates.length - 1;
  const others = more ? ` (and ${more} more duplicate key${more === 1 ? '' : 's'})` : '';
  return [{ message: `Duplicate key "${first.key}"${others}: CloudFormation keeps the later value and drops the earlier one, which was read the same way here; remove one of them`, start: first.keyStart, end: first.keyEnd }];
}

function fromJson(node: JsonNode, duplicates: CfnEntry[]): CfnValue {
  const base = { start: node.offset, end: node.offset + node.length };
  switch (node.type) {
    case 'object': {
      const entries: CfnEntry[] = [];
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || key.type !== 'string') continue;
        entries.push({ key: String(key.value), keyStart: key.offset, keyEnd: key.offset + key.length, value: value ? fromJson(value, duplicates) : { kind: 'scalar', value: null, start: key.offset + key.length, end: key.offset + key.length } });
      }
      return markLongForm({ kind: 'map', entries: laterWins(entries, duplicates), flow: true, ...base });
    }
    case 'array':
      return { kind: 'seq', items: (node.children ?? []).map((child) => fromJson(child, duplicates)), flow: true, ...base };
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return { kind: 'scalar', value: node.value as string | number | boolean | null, ...base };
    default:
      return { kind: 'unknown', ...base };
  }
}

/** `{"Ref": "X"}` and `{"Fn::If": [...]}` are intrinsic functions in long form. */
function markLongForm(map: CfnMap): CfnMap {
  if (map.entries.length === 1 && !map.intrinsic) {
    const key = map.entries[0].key;
    if (key === 'Ref' || key === 'Condition' || key.startsWith('Fn::')) map.intrinsic = key;
  }
  return map;
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

function describeJsonError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The entry at a path of keys, through plain maps only: an intrinsic on the way means unknown. */
export function getPath(map: CfnMap | undefined, keys: readonly string[]): CfnEntry | undefined {
  let entry: CfnEntry | undefined;
  let current = map;
  for (const key of keys) {
    if (!current) return undefined;
    entry = getEntry(current, key);
    if (!entry) return undefined;
    current = getMapValue(entry.value);
  }
  return entry;
}

/**
 * The argument of an intrinsic function, in either form: `!Ref X` and `{"Ref": "X"}` both give
 * the scalar `X`. Undefined for a plain value. For the short form this is the tagged value itself,
 * not a copy (references are read on every value of a template): read its `kind` and contents
 * only, its own `intrinsic` is the function's.
 */
export function intrinsicArgument(value: CfnValue): CfnValue | undefined {
  if (!value.intrinsic) return undefined;
  if (value.kind === 'map' && value.entries.length === 1 && value.entries[0].key === value.intrinsic) return value.entries[0].value;
  return value;
}

/** The name a `Ref` points at (a parameter, a resource or a pseudo parameter such as `AWS::Region`). */
export function refTarget(value: CfnValue): string | undefined {
  if (value.intrinsic !== 'Ref') return undefined;
  const argument = intrinsicArgument(value);
  return argument?.kind === 'scalar' && typeof argument.value === 'string' ? argument.value : undefined;
}

/** `!GetAtt Res.Attr`, `!GetAtt [Res, Attr]` or `{"Fn::GetAtt": ["Res", "Attr"]}`. */
export function getAttTarget(value: CfnValue): { resource: string; attribute: string } | undefined {
  if (value.intrinsic !== 'Fn::GetAtt') return undefined;
  const argument = intrinsicArgument(value);
  if (argument?.kind === 'scalar' && typeof argument.value === 'string') {
    const dot = argument.value.indexOf('.');
    return dot > 0 ? { resource: argument.value.slice(0, dot), attribute: argument.value.slice(dot + 1) } : undefined;
  }
  if (argument?.kind === 'seq' && argument.items.length === 2) {
    const [resource, attribute] = argument.items;
    if (resource.kind === 'scalar' && attribute.kind === 'scalar' && !resource.intrinsic && !attribute.intrinsic) return { resource: String(resource.value), attribute: String(attribute.value) };
  }
  return undefined;
}

/** The template's parameter of this name, when it is declared as a plain map. */
export function getParameter(template: CfnTemplate, name: string): CfnMap | undefined {
  const parameters = getMapValue(getEntry(template.root, 'Parameters')?.value);
  return parameters ? getMapValue(getEntry(parameters, name)?.value) : undefined;
}

/**
 * What a value stands for when the template alone tells: a plain value is
 * itself, and `Ref` to a parameter with a `Default` is that default (what a
 * deployment without overrides gets). Everything else is unknown and gives
 * undefined: `Fn::If`, `Fn::ImportValue`, `Fn::Sub`, a parameter without a
 * default, a `Ref` to a resource or a pseudo parameter, a YAML alias.
 */
export function resolveValue(template: CfnTemplate, value: CfnValue | undefined): CfnValue | undefined {
  if (!value || value.kind === 'unknown') return undefined;
  if (!value.intrinsic) return value;
  const name = refTarget(value);
  if (name === undefined) return undefined;
  const parameter = getParameter(template, name);
  const fallback = parameter ? getEntry(parameter, 'Default')?.value : undefined;
  if (!fallback || fallback.intrinsic || fallback.kind === 'unknown') return undefined;
  return fallback;
}

/** The scalar a value resolves to (see {@link resolveValue}), or undefined when unknown or not a scalar. */
export function resolveScalar(template: CfnTemplate, value: CfnValue | undefined): string | number | boolean | null | undefined {
  const resolved = resolveValue(template, value);
  return resolved?.kind === 'scalar' ? resolved.value : undefined;
}
