import type { PyContainer, PyValue, Span } from './facts';
import type { ParameterInfo } from './flow';
import type { PyNode as Node } from './mirror';

/** Python literals and small syntax readings the analysis needs, none of them resolving a name. */

export function containerOf(node: Node): PyContainer {
  return {
    open: node.startIndex,
    close: node.endIndex - 1,
    items: node.namedChildren.filter((c) => c.type !== 'comment').map((c) => ({ start: c.startIndex, end: c.endIndex })),
  };
}

/** A function's parameters as its call sites fill them: positional index, keyword-only, `*args`/`**kwargs`, default. */
export function parametersOf(parameters: Node): ParameterInfo[] {
  const list: ParameterInfo[] = [];
  let index: number | undefined = 0;
  const positional = (): number | undefined => (index === undefined ? undefined : index++);
  for (const p of parameters.namedChildren) {
    switch (p.type) {
      case 'identifier':
        list.push({ name: p.text, index: positional() });
        break;
      case 'default_parameter':
      case 'typed_default_parameter': {
        const name = p.childForFieldName('name');
        const value = p.childForFieldName('value');
        if (name) {
          const info: ParameterInfo = { name: name.text, index: positional() };
          if (value) info.default = value;
          list.push(info);
        }
        break;
      }
      case 'keyword_separator':
        index = undefined;
        break;
      case 'positional_separator':
      case 'comment':
        break;
      default: {
        // `*args`, `**kwargs`, `x: int` and `*args: str`.
        const inner = p.type === 'typed_parameter' ? (p.namedChildren[0] ?? p) : p;
        const collects = inner.type === 'list_splat_pattern' || inner.type === 'dictionary_splat_pattern';
        const name = inner.type === 'identifier' ? inner : inner.namedChildren.find((c) => c.type === 'identifier');
        if (inner.type === 'list_splat_pattern') index = undefined;
        if (name) list.push(collects ? { name: name.text, collects } : { name: name.text, index: positional() });
      }
    }
  }
  return list;
}

export function identifiersIn(node: Node, into: string[] = []): string[] {
  if (node.type === 'identifier') into.push(node.text);
  else if (node.type !== 'attribute' && node.type !== 'subscript') for (const child of node.namedChildren) identifiersIn(child, into);
  return into;
}

/** Dotted names may be written with spaces or line breaks around the dots. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

const stringLiteral = /^([rRbBuUfFtT]*)('''|"""|'|")/;

/** A string literal's value from its source text; unknown for bytes and for f-strings that interpolate. */
export function stringValue(literal: string, span: Span): PyValue {
  const match = stringLiteral.exec(literal);
  if (!match) return { kind: 'unknown', ...span };
  const prefix = match[1].toLowerCase();
  const quote = match[2];
  const bodyStart = match[0].length;
  const bodyEnd = literal.length - quote.length;
  if (prefix.includes('b') || bodyEnd < bodyStart || !literal.endsWith(quote)) return { kind: 'unknown', ...span };
  let value = literal.slice(bodyStart, bodyEnd);
  if (prefix.includes('f') || prefix.includes('t')) {
    if (/\{(?!\{)/.test(value.replace(/\{\{/g, ''))) return { kind: 'unknown', ...span };
    value = value.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
  }
  if (!prefix.includes('r') && value.includes('\\')) value = value.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|\r?\n|[\s\S])/g, unescape);
  return { kind: 'string', value, quote: quote[0], ...span };
}

const simpleEscapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };

function unescape(sequence: string, c: string): string {
  if (c in simpleEscapes) return simpleEscapes[c];
  if (/^(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})$/.test(c)) return String.fromCodePoint(parseInt(c.slice(1), 16));
  if (c === '\n' || c === '\r\n') return '';
  return sequence;
}

export function parseNumber(text: string): number | undefined {
  const clean = text.replace(/_/g, '').toLowerCase();
  if (/[jl]$/.test(clean)) return undefined;
  if (/^0[box]/.test(clean)) {
    const n = Number(clean);
    return Number.isFinite(n) ? n : undefined;
  }
  if (/^0\d+$/.test(clean)) return undefined;
  const n = Number(clean);
  return Number.isFinite(n) ? n : undefined;
}
