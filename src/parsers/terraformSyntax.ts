import type { Node, Parser } from 'web-tree-sitter';
import type { ParseOutcome } from '../core/types';

/**
 * Terraform (HCL) files as plain data with offsets: blocks, labels, attributes,
 * nested and `dynamic` blocks, and for every expression its literal value when
 * it has one and the references it contains. Offsets are 0-based UTF-16 code
 * units into the text, `end` exclusive.
 */

/** A traversal such as `aws_s3_bucket.data.id` or `var.region`, as its names. */
export interface TfReference {
  path: string[];
  /** True when the traversal goes through an index or splat (`x[0].id`, `x[*].id`, `x[count.index]`). */
  indexed: boolean;
}

interface TfValueBase {
  start: number;
  end: number;
  /** Every traversal inside the expression, in source order. */
  references: TfReference[];
}

/**
 * What an expression is, as far as the file alone says: a literal, a single
 * traversal, an object or tuple of values, or `other` (function calls,
 * templates with interpolations, conditionals, `for`…), whose value is unknown.
 */
export type TfValue =
  | (TfValueBase & { kind: 'literal'; value: string | number | boolean | null })
  | (TfValueBase & { kind: 'reference'; reference: TfReference })
  | (TfValueBase & { kind: 'object'; entries: TfObjectEntry[] })
  | (TfValueBase & { kind: 'tuple'; items: TfValue[] })
  /** `branches`: the two sides of a conditional `c ? a : b`. */
  | (TfValueBase & { kind: 'other'; literalPrefix?: string; branches?: [TfValue, TfValue] });

export interface TfObjectEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: TfValue;
}

export interface TfAttribute {
  name: string;
  nameStart: number;
  nameEnd: number;
  /** The whole `name = value`. */
  start: number;
  end: number;
  value: TfValue;
}

export interface TfLabel {
  value: string;
  start: number;
  end: number;
}

export interface TfBlock {
  /** `resource`, `provider`, `rule`, `dynamic`… */
  type: string;
  typeStart: number;
  typeEnd: number;
  labels: TfLabel[];
  start: number;
  end: number;
  /** Offset of the `{` and of the `}`. */
  openBrace: number;
  closeBrace: number;
  attributes: TfAttribute[];
  blocks: TfBlock[];
  /** True when the block contains a syntax error: what it says may be incomplete. */
  hasError: boolean;
}

export interface TfFile {
  blocks: TfBlock[];
}

/** Share of the non-blank text that ERROR nodes may cover before the file is one parse error. */
const maxErrorShare = 0.5;

export type ReadOutcome = { ok: true; file: TfFile } | Extract<ParseOutcome, { ok: false }>;

/** The blocks of a text, or the parse error that makes the file unreadable. */
export function readTerraform(parser: Parser, text: string): ReadOutcome {
  const tree = parser.parse(text);
  if (!tree) return { ok: false, error: { message: 'the Terraform parser returned no tree', start: 0, end: 0 } };
  try {
    const root = tree.rootNode;
    if (root.hasError) {
      const errors = root.descendantsOfType('ERROR');
      const broken = errors.reduce((sum, e) => sum + nonBlank(text.slice(e.startIndex, e.endIndex)), 0);
      if (errors.length && broken > maxErrorShare * nonBlank(text)) {
        const first = errors[0];
        const lineEnd = text.indexOf('\n', first.startIndex);
        return {
          ok: false,
          error: { message: 'Terraform syntax error: most of the file cannot be parsed from here on (an unclosed brace or string, or not HCL)', start: first.startIndex, end: lineEnd === -1 ? first.endIndex : Math.min(first.endIndex, lineEnd) },
        };
      }
    }
    const body = root.namedChildren.find((n) => n.type === 'body');
    return { ok: true, file: { blocks: body ? readBody(body, new Map()).blocks : [] } };
  } finally {
    tree.delete();
  }
}

/** References already collected, by expression node id: nested expressions are read once. */
type ReferenceCache = Map<number, TfReference[]>;

function readBody(body: Node, cache: ReferenceCache): { attributes: TfAttribute[]; blocks: TfBlock[] } {
  const attributes: TfAttribute[] = [];
  const blocks: TfBlock[] = [];
  for (const child of body.namedChildren) {
    if (child.type === 'attribute') {
      const name = child.namedChildren[0];
      const expression = child.namedChildren[1];
      if (!name || !expression) continue;
      attributes.push({ name: name.text, nameStart: name.startIndex, nameEnd: name.endIndex, start: child.startIndex, end: child.endIndex, value: readExpression(expression, cache) });
    } else if (child.type === 'block') {
      const block = readBlock(child, cache);
      if (block) blocks.push(block);
    }
  }
  return { attributes, blocks };
}

function readBlock(node: Node, cache: ReferenceCache): TfBlock | undefined {
  const children = node.namedChildren;
  const type = children[0];
  const open = children.find((c) => c.type === 'block_start');
  const close = children.find((c) => c.type === 'block_end');
  if (!type || type.type !== 'identifier' || !open) return undefined;
  const labels = children
    .slice(1)
    .filter((c) => c.type === 'string_lit' || c.type === 'identifier')
    .map((c) => ({ value: c.type === 'string_lit' ? stringContent(c) : c.text, start: c.startIndex, end: c.endIndex }));
  const body = children.find((c) => c.type === 'body');
  const content = body ? readBody(body, cache) : { attributes: [], blocks: [] };
  return {
    type: type.text,
    typeStart: type.startIndex,
    typeEnd: type.endIndex,
    labels,
    start: node.startIndex,
    end: node.endIndex,
    openBrace: open.startIndex,
    closeBrace: close ? close.startIndex : node.endIndex,
    ...content,
    hasError: node.hasError || !close,
  };
}

function readExpression(expression: Node, cache: ReferenceCache): TfValue {
  const references = collectReferences(expression, cache);
  const base = { start: expression.startIndex, end: expression.endIndex, references };
  const parts = expression.namedChildren.filter((c) => c.type !== 'comment');
  const first = parts[0];
  if (!first) return { ...base, kind: 'other' };
  if (first.type === 'variable_expr') {
    const reference = traversal(parts);
    return reference ? { ...base, kind: 'reference', reference } : { ...base, kind: 'other' };
  }
  if (parts.length !== 1) return { ...base, kind: 'other' };
  if (first.type === 'literal_value') {
    const literal = first.namedChildren[0];
    switch (literal?.type) {
      case 'string_lit':
        return { ...base, kind: 'literal', value: stringContent(literal) };
      case 'numeric_lit':
        return { ...base, kind: 'literal', value: Number(literal.text) };
      case 'bool_lit':
        return { ...base, kind: 'literal', value: literal.text === 'true' };
      case 'null_lit':
        return { ...base, kind: 'literal', value: null };
      default:
        return { ...base, kind: 'other' };
    }
  }
  if (first.type === 'template_expr') {
    const template = first.namedChildren[0];
    // A quoted string with no interpolation or directive is a plain string.
    if (template?.type === 'quoted_template' && template.namedChildren.every((c) => c.type !== 'template_interpolation' && c.type !== 'template_directive')) {
      return { ...base, kind: 'literal', value: unescapeHcl(template.text.slice(1, -1)) };
    }
    // "churn-${var.env}": the text before the first interpolation is known.
    const lead = template?.type === 'quoted_template' ? template.namedChildren[1] : undefined;
    return lead?.type === 'template_literal' ? { ...base, kind: 'other', literalPrefix: unescapeHcl(lead.text) } : { ...base, kind: 'other' };
  }
  if (first.type === 'conditional') {
    const [, yes, no] = first.namedChildren.filter((c) => c.type === 'expression');
    // A side in parentheses is the expression inside them.
    const inner = (side: Node): Node => (side.namedChildren.length === 1 && side.namedChildren[0]?.type === 'expression' ? inner(side.namedChildren[0]) : side);
    if (yes && no) return { ...base, kind: 'other', branches: [readExpression(inner(yes), cache), readExpression(inner(no), cache)] };
  }
  if (first.type === 'collection_value') {
    const collection = first.namedChildren[0];
    if (collection?.type === 'tuple') return { ...base, kind: 'tuple', items: collection.namedChildren.filter((c) => c.type === 'expression').map((c) => readExpression(c, cache)) };
    if (collection?.type === 'object') {
      const entries: TfObjectEntry[] = [];
      for (const element of collection.namedChildren.filter((c) => c.type === 'object_elem')) {
        const [key, value] = element.namedChildren.filter((c) => c.type === 'expression');
        if (!key || !value) continue;
        const keyValue = readExpression(key, cache);
        const name = keyValue.kind === 'literal' ? String(keyValue.value) : keyValue.kind === 'reference' && keyValue.reference.path.length === 1 ? keyValue.reference.path[0] : undefined;
        if (name !== undefined) entries.push({ key: name, keyStart: key.startIndex, keyEnd: key.endIndex, value: readExpression(value, cache) });
      }
      return { ...base, kind: 'object', entries };
    }
  }
  return { ...base, kind: 'other' };
}

/** `a.b.c` from `variable_expr` followed by `get_attr` / `index` / splat nodes; undefined for anything else. */
function traversal(parts: Node[]): TfReference | undefined {
  const head = parts[0].namedChildren[0];
  if (!head) return undefined;
  const path = [head.text];
  let indexed = false;
  for (const part of parts.slice(1)) {
    if (part.type === 'get_attr') {
      const name = part.namedChildren.find((c) => c.type === 'identifier');
      if (!name) return undefined;
      if (!indexed) path.push(name.text);
    } else if (part.type === 'index' || part.type === 'splat' || part.type === 'legacy_index' || part.type.endsWith('splat')) {
      indexed = true;
    } else return undefined;
  }
  return { path, indexed };
}

/** Every traversal in an expression's subtree, including inside templates and function arguments. */
function collectReferences(expression: Node, cache: ReferenceCache): TfReference[] {
  const cached = cache.get(expression.id);
  if (cached) return cached;
  const found: TfReference[] = [];
  const parts = expression.namedChildren.filter((c) => c.type !== 'comment');
  if (parts[0]?.type === 'variable_expr') {
    const reference = traversal(parts);
    if (reference) found.push(reference);
  }
  const visit = (node: Node): void => {
    for (const child of node.namedChildren) {
      if (child.type === 'expression') found.push(...collectReferences(child, cache));
      else visit(child);
    }
  };
  visit(expression);
  cache.set(expression.id, found);
  return found;
}

/** The text of a `"…"` string literal without its quotes, escapes resolved. */
function stringContent(node: Node): string {
  return unescapeHcl(node.text.slice(1, -1));
}

function unescapeHcl(text: string): string {
  return text.replace(/\\(["\\nrt])|\$\$\{|%%\{/g, (whole, c: string | undefined) => {
    if (whole === '$${') return '${';
    if (whole === '%%{') return '%{';
    return c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : (c ?? whole);
  });
}

function nonBlank(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 32) count++;
  return count;
}
