import type { Node, Parser, Query, Tree } from 'web-tree-sitter';
import { Query as QueryClass } from 'web-tree-sitter';
import type { Language, ParseOutcome } from '../../core/types';
import type { LocateWasm } from '../wasm';
import { ByKey } from '../byKey';
import { LazyGrammar, nodesOfTypes } from '../wasm';
import type { CdkApp, CdkConstruct, CdkContainer, CdkProp, CdkStack, CdkValue } from './model';
import { addAssignedProp, cdkModuleOf, getProp, learnSpelling, stackClasses, unknownValue, writtenId, writtenPath } from './model';

/**
 * CDK TypeScript: tree-sitter's TypeScript grammar on the shared
 * web-tree-sitter runtime, loaded once and only when a CDK file is linted
 * (detectFormat recognises one by its `aws-cdk-lib` import, so other
 * TypeScript never loads it). One query finds the nodes that matter; the tree
 * is deleted as soon as the construct model is out.
 */
export function createCdkTypeScriptLanguage(locateWasm: LocateWasm): Language {
  const grammar = new LazyGrammar(locateWasm, 'tree-sitter-typescript.wasm', (language) => new QueryClass(language, cdkQuery));
  return {
    format: 'cdk-typescript',
    commentPrefixes: ['//'],
    get loadState() {
      return grammar.state;
    },
    load: () => grammar.load(),
    parse(text) {
      const { parser, extra } = grammar.get('TypeScript');
      return parseCdkTypeScript(parser, extra, text);
    },
  };
}

const cdkTypes: ReadonlySet<string> = new Set(['import_statement', 'variable_declarator', 'assignment_expression', 'new_expression', 'call_expression', 'ERROR']);
export const cdkQuery = `[${[...cdkTypes].map((t) => `(${t})`).join(' ')}] @node`;

/** Share of the non-blank text that ERROR nodes may cover before the file is one parse error. */
const maxErrorShare = 0.5;
const maxDepth = 25;

/** Parses a text with a loaded parser and the compiled {@link cdkQuery}; exported for tests and benchmarks. */
export function parseCdkTypeScript(parser: Parser, query: Query, text: string): ParseOutcome {
  const tree = parser.parse(text);
  if (!tree) return { ok: false, error: { message: 'the TypeScript parser returned no tree', start: 0, end: 0 } };
  try {
    const analysis = new Analyser();
    const errors = analysis.collect(tree, query);
    const broken = errors.reduce((sum, e) => sum + nonBlank(text.slice(e.start, e.end)), 0);
    if (errors.length && broken > maxErrorShare * nonBlank(text)) {
      const first = errors[0];
      const lineEnd = text.indexOf('\n', first.start);
      return {
        ok: false,
        error: { message: 'TypeScript syntax error: most of the file cannot be parsed from here on (an unclosed brace or string, or not TypeScript)', start: first.start, end: lineEnd === -1 ? first.end : Math.min(first.end, lineEnd) },
      };
    }
    const app = analysis.build();
    return {
      ok: true,
      walk(emit) {
        emit('cdkApp', app);
        for (const construct of app.constructs) emit('cdkConstruct', construct);
      },
    };
  } finally {
    tree.delete();
  }
}

interface Binding {
  count: number;
  /** The initialiser of a single `const`. */
  value?: Node;
  /** The qualified name of an import. */
  imported?: string;
}

class Analyser {
  private readonly bindings = new Map<string, Binding>();
  /** `this.bucket = …` and other member targets, by their text. */
  private readonly members = new Map<string, Binding>();
  private readonly news: Node[] = [];
  private readonly calls: Node[] = [];
  /** `x.prop = …`: props that may be set after the construct was made. */
  private readonly memberAssignments: Node[] = [];
  private readonly spellings: Record<string, string> = {};

  collect(tree: Tree, query: Query): Array<{ start: number; end: number }> {
    const errors: Array<{ start: number; end: number }> = [];
    let errorEnd = -1;
    for (const node of nodesOfTypes(tree, query, cdkTypes)) {
      if (node.startIndex < errorEnd) continue;
      switch (node.type) {
        case 'ERROR':
          errorEnd = node.endIndex;
          errors.push({ start: node.startIndex, end: node.endIndex });
          break;
        case 'import_statement':
          this.readImport(node);
          break;
        case 'variable_declarator':
          this.readDeclarator(node);
          break;
        case 'assignment_expression': {
          const left = node.childForFieldName('left');
          const right = node.childForFieldName('right');
          if (left?.type === 'identifier') this.bind(this.bindings, left.text, undefined);
          else if (left?.type === 'member_expression') {
            this.bind(this.members, compact(left.text), right ?? undefined);
            this.memberAssignments.push(left);
          }
          break;
        }
        case 'new_expression':
          if (!node.hasError) this.news.push(node);
          break;
        case 'call_expression':
          if (!node.hasError) this.calls.push(node);
          break;
      }
    }
    return errors;
  }

  build(): CdkApp {
    const constructs = new Map<number, CdkConstruct>();
    const stacks: CdkStack[] = [];
    for (const node of this.news) {
      const construct = this.constructOf(node);
      if (construct) constructs.set(node.id, construct);
      else {
        const stack = this.stackOf(node);
        if (stack) stacks.push(stack);
      }
    }
    for (const left of this.memberAssignments) {
      const object = left.childForFieldName('object');
      const property = left.childForFieldName('property');
      const target = object && this.constructBehind(object);
      const construct = target && constructs.get(target.id);
      if (construct && property) addAssignedProp(construct, property.text, { start: left.startIndex, end: left.endIndex });
    }
    const unresolved = new Set<string>();
    for (const call of this.calls) {
      const callee = call.childForFieldName('function');
      if (callee?.type !== 'member_expression') continue;
      const method = callee.childForFieldName('property')?.text;
      const receiver = callee.childForFieldName('object');
      if (!method || !receiver) continue;
      const target = this.constructBehind(receiver);
      const construct = target && constructs.get(target.id);
      if (construct) construct.methods.push({ method, start: call.startIndex, end: call.endIndex });
      else if (!this.qualifiedOf(receiver, 0)) unresolved.add(method);
    }
    return { language: 'typescript', constructs: [...constructs.values()], unresolvedMethods: [...unresolved], spellings: this.spellings, stacks };
  }

  /** `new Stack(app, 'X', { env: { region } })` or a stack class of the app given such an env (see {@link CdkStack}). */
  private stackOf(node: Node): CdkStack | undefined {
    const constructor = node.childForFieldName('constructor');
    const args = node.childForFieldName('arguments');
    if (!constructor || args?.type !== 'arguments') return undefined;
    const items = args.namedChildren.filter((c) => c.type !== 'comment');
    const propsNode = items[2];
    if (!propsNode) return undefined;
    const type = this.qualifiedOf(constructor, 0);
    if (type !== undefined ? !stackClasses.has(type) : !/^[A-Z]\w*$/.test(constructor.text.split('.').pop() ?? '')) return undefined;
    const env = getProp(this.valueOf(propsNode, 0), 'env');
    const region = env && getProp(env.value, 'region');
    if (!region) return undefined;
    const id = this.valueOf(items[1], 0);
    return {
      start: node.startIndex,
      end: node.endIndex,
      callee: { start: constructor.startIndex, end: constructor.endIndex },
      name: id.kind === 'string' ? id.value : writtenId(items[1].text),
      region,
    };
  }

  private bind(map: Map<string, Binding>, name: string, value: Node | undefined, imported?: string): void {
    const existing = map.get(name);
    if (existing) {
      existing.count++;
      existing.value = undefined;
      existing.imported = undefined;
    } else map.set(name, { count: 1, value, imported });
  }

  private readImport(node: Node): void {
    // `import s3 = require('aws-cdk-lib/aws-s3')` (TypeScript import-equals, as `tsc` emits for CommonJS).
    const required = node.namedChildren.find((c) => c.type === 'import_require_clause');
    if (required) {
      const name = required.namedChildren.find((c) => c.type === 'identifier');
      const from = required.childForFieldName('source');
      const module = from ? cdkModuleOf(from.text.slice(1, -1)) : undefined;
      if (name && module !== undefined) this.importName(name.text, module);
      else if (name) this.bind(this.bindings, name.text, undefined);
      return;
    }
    const source = node.childForFieldName('source');
    const module = source ? cdkModuleOf(source.text.slice(1, -1)) : undefined;
    const clause = node.namedChildren.find((c) => c.type === 'import_clause');
    if (module === undefined || !clause) {
      // Names imported from elsewhere are not ours, but they do shadow.
      for (const name of clause?.descendantsOfType('identifier') ?? []) this.bind(this.bindings, name.text, undefined);
      return;
    }
    for (const part of clause.namedChildren) {
      if (part.type === 'namespace_import') {
        const name = part.namedChildren.find((c) => c.type === 'identifier');
        if (name) this.importName(name.text, module);
      } else if (part.type === 'named_imports') {
        for (const specifier of part.namedChildren.filter((c) => c.type === 'import_specifier')) {
          const name = specifier.childForFieldName('name')?.text;
          const alias = specifier.childForFieldName('alias')?.text ?? name;
          if (name && alias) this.importName(alias, join(module, name));
        }
      }
    }
  }

  private importName(local: string, qualified: string): void {
    this.bind(this.bindings, local, undefined, qualified);
    if (this.bindings.get(local)?.imported === qualified) learnSpelling(this.spellings, local, qualified);
  }

  private readDeclarator(node: Node): void {
    const name = node.childForFieldName('name');
    const value = node.childForFieldName('value');
    if (name?.type !== 'identifier') {
      // `const { Bucket, CfnBucket: Cfn } = require('aws-cdk-lib/aws-s3')`: each name is imported.
      const module = name?.type === 'object_pattern' ? requiredModule(value) : undefined;
      for (const part of module !== undefined ? name!.namedChildren : []) {
        if (part.type === 'shorthand_property_identifier_pattern') this.importName(part.text, join(module!, part.text));
        else if (part.type === 'pair_pattern' && part.childForFieldName('value')?.type === 'identifier') this.importName(part.childForFieldName('value')!.text, join(module!, part.childForFieldName('key')?.text ?? ''));
        else for (const id of part.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern'])) this.bind(this.bindings, id.text, undefined);
      }
      if (module !== undefined) return;
      for (const id of name?.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern']) ?? []) this.bind(this.bindings, id.text, undefined);
      return;
    }
    // `const s3 = require('aws-cdk-lib/aws-s3')`
    const module = requiredModule(value);
    if (module !== undefined) {
      this.importName(name.text, module);
      return;
    }
    const isConst = node.parent?.type === 'lexical_declaration' && node.parent.child(0)?.text === 'const';
    this.bind(this.bindings, name.text, isConst ? (value ?? undefined) : undefined);
    if (!isConst) this.bind(this.bindings, name.text, undefined);
  }

  private settled(binding: Binding | undefined): Binding | undefined {
    return binding?.count === 1 ? binding : undefined;
  }

  /** The qualified CDK name an expression denotes (`aws_s3.Bucket`), or undefined. */
  private qualifiedOf(node: Node, depth: number): string | undefined {
    if (depth > maxDepth) return undefined;
    if (node.type === 'identifier') {
      const binding = this.settled(this.bindings.get(node.text));
      if (binding?.imported !== undefined) return binding.imported;
      return binding?.value ? this.qualifiedOf(binding.value, depth + 1) : undefined;
    }
    if (node.type === 'member_expression') {
      const object = node.childForFieldName('object');
      const property = node.childForFieldName('property');
      if (!object || !property || property.type !== 'property_identifier') return undefined;
      const base = this.qualifiedOf(object, depth + 1);
      return base === undefined ? undefined : join(base, property.text);
    }
    if (node.type === 'parenthesized_expression' || node.type === 'non_null_expression') {
      const inner = node.namedChildren.find((c) => c.type !== 'comment');
      return inner ? this.qualifiedOf(inner, depth + 1) : undefined;
    }
    return undefined;
  }

  /** The object literal a member was assigned once (`this.productionVariant = { … }`), read where the class uses it. */
  private memberObject(node: Node): Node | undefined {
    if (node.childForFieldName('object')?.type !== 'this') return undefined;
    let value = this.settled(this.members.get(compact(node.text)))?.value;
    while (value && (value.type === 'parenthesized_expression' || value.type === 'as_expression' || value.type === 'satisfies_expression')) value = value.namedChildren[0];
    return value?.type === 'object' ? value : undefined;
  }

  /** The `new …` expression a receiver was assigned once from (`bucket`, `this.bucket`), if any. */
  private constructBehind(receiver: Node): Node | undefined {
    let value: Node | undefined;
    if (receiver.type === 'identifier') value = this.settled(this.bindings.get(receiver.text))?.value;
    else if (receiver.type === 'member_expression' && receiver.childForFieldName('object')?.type === 'this') value = this.settled(this.members.get(compact(receiver.text)))?.value;
    while (value && (value.type === 'parenthesized_expression' || value.type === 'as_expression' || value.type === 'non_null_expression')) value = value.namedChildren[0];
    return value?.type === 'new_expression' ? value : undefined;
  }

  private constructOf(node: Node): CdkConstruct | undefined {
    const constructor = node.childForFieldName('constructor');
    const args = node.childForFieldName('arguments');
    if (!constructor || args?.type !== 'arguments') return undefined;
    const type = this.qualifiedOf(constructor, 0);
    if (!type || !/^aws_[a-z0-9_]+\.[A-Z]\w*$/.test(type)) return undefined;
    const items = args.namedChildren.filter((c) => c.type !== 'comment');
    if (items.length < 2) return undefined;
    learnSpelling(this.spellings, constructor.text, type);
    const id = this.valueOf(items[1], 0);
    const propsNode = items[2];
    return {
      language: 'typescript',
      type,
      start: node.startIndex,
      end: node.endIndex,
      callee: { start: constructor.startIndex, end: constructor.endIndex },
      ...(id.kind === 'string' ? { id: id.value } : { idText: writtenId(items[1].text) }),
      idSpan: { start: id.start, end: id.end },
      props: propsNode ? this.valueOf(propsNode, 0) : undefined,
      arguments: containerOf(args, items),
      methods: [],
    };
  }

  private valueOf(node: Node, depth: number): CdkValue {
    const span = { start: node.startIndex, end: node.endIndex };
    if (depth > maxDepth) return { kind: 'unknown', ...span };
    switch (node.type) {
      case 'string': {
        const value = stringValue(node);
        return value === undefined ? { kind: 'unknown', ...span } : { kind: 'string', value, ...span };
      }
      case 'template_string':
        return node.namedChildren.some((c) => c.type === 'template_substitution') ? { kind: 'unknown', ...span } : { kind: 'string', value: stringValue(node) ?? '', ...span };
      case 'number': {
        const value = Number(node.text.replace(/_/g, ''));
        return Number.isFinite(value) ? { kind: 'number', value, ...span } : { kind: 'unknown', ...span };
      }
      case 'true':
      case 'false':
        return { kind: 'bool', value: node.type === 'true', ...span };
      case 'unary_expression': {
        const operator = node.childForFieldName('operator')?.text;
        const argument = node.childForFieldName('argument');
        const value = argument ? this.valueOf(argument, depth + 1) : undefined;
        if (value?.kind === 'number' && (operator === '-' || operator === '+')) return { kind: 'number', value: operator === '-' ? -value.value : value.value, ...span };
        return { kind: 'unknown', ...span };
      }
      case 'parenthesized_expression':
      case 'as_expression':
      case 'satisfies_expression':
      case 'non_null_expression': {
        const inner = node.namedChildren.find((c) => c.type !== 'comment');
        return inner ? { ...this.valueOf(inner, depth + 1), ...span } : { kind: 'unknown', ...span };
      }
      case 'object':
        return this.objectValue(node, depth, span);
      case 'array': {
        const parts = node.namedChildren.filter((c) => c.type !== 'comment');
        return { kind: 'array', items: parts.filter((c) => c.type !== 'spread_element').map((c) => this.valueOf(c, depth + 1)), open: parts.some((c) => c.type === 'spread_element'), ...span };
      }
      case 'identifier':
      case 'shorthand_property_identifier': {
        const binding = this.settled(this.bindings.get(node.text));
        if (binding?.imported !== undefined) return { kind: 'name', name: binding.imported, ...span };
        if (!binding?.value) return unknownValue(span, node.text);
        return { ...this.valueOf(binding.value, depth + 1), ...span, indirect: true };
      }
      case 'member_expression': {
        const name = this.qualifiedOf(node, depth + 1);
        if (name !== undefined) return { kind: 'name', name, ...span };
        const literal = this.memberObject(node);
        if (literal) return { ...this.valueOf(literal, depth + 1), ...span, indirect: true };
        const object = node.childForFieldName('object');
        const property = node.childForFieldName('property');
        const target = object ? this.constructBehind(object) : undefined;
        return target && property ? { kind: 'ref', target: target.startIndex, attribute: property.text, ...span } : unknownValue(span, node.text);
      }
      case 'call_expression': {
        const callee = node.childForFieldName('function');
        const mapped = callee ? this.mappedArray(node, callee, depth, span) : undefined;
        if (mapped) return mapped;
        const name = callee ? this.qualifiedOf(callee, depth + 1) : undefined;
        const args = node.childForFieldName('arguments');
        if (name === undefined || !callee || args?.type !== 'arguments') return { kind: 'unknown', ...span };
        learnSpelling(this.spellings, callee.text, name);
        return { kind: 'call', name, args: args.namedChildren.filter((c) => c.type !== 'comment').map((c) => this.valueOf(c, depth + 1)), ...span };
      }
      default:
        return { kind: 'unknown', ...span };
    }
  }

  /**
   * `items.map((item, i) => ({ ... }))`: an array of what the arrow's object literal gives for each
   * element, read once with the arrow's parameters unknown (`mapped` names what is mapped). Any
   * other callback (a block body, a named function) is not read.
   */
  private mappedArray(node: Node, callee: Node, depth: number, span: { start: number; end: number }): CdkValue | undefined {
    if (callee.type !== 'member_expression' || callee.childForFieldName('property')?.text !== 'map') return undefined;
    const args = node.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment');
    const callback = args?.length === 1 ? args[0] : undefined;
    if (callback?.type !== 'arrow_function') return undefined;
    let body = callback.childForFieldName('body');
    while (body?.type === 'parenthesized_expression') body = body.namedChildren.find((c) => c.type !== 'comment') ?? null;
    if (body?.type !== 'object') return undefined;
    // The parameters hide any binding of the same name outside the arrow.
    const parameters = (callback.childForFieldName('parameter') ?? callback.childForFieldName('parameters'))?.descendantsOfType('identifier') ?? [];
    const hidden = parameters.map((p) => [p.text, this.bindings.get(p.text)] as const);
    for (const [name] of hidden) this.bindings.delete(name);
    const item = this.valueOf(body, depth + 1);
    for (const [name, binding] of hidden) if (binding) this.bindings.set(name, binding);
    const source = callee.childForFieldName('object');
    return { kind: 'array', items: [item], open: false, mapped: (source && writtenPath(source.text)) ?? 'an expression', ...span };
  }

  private objectValue(node: Node, depth: number, span: { start: number; end: number }): CdkValue {
    const parts = node.namedChildren.filter((c) => c.type !== 'comment');
    const props: CdkProp[] = [];
    const byKey = new ByKey(props, (p) => p.key);
    let open = false;
    for (const part of parts) {
      if (part.type === 'pair') {
        const key = part.childForFieldName('key');
        const value = part.childForFieldName('value');
        const name = key?.type === 'property_identifier' || key?.type === 'number' ? key.text : key?.type === 'string' ? stringValue(key) : undefined;
        if (!key || !value || name === undefined) {
          open = true;
          continue;
        }
        byKey.set({ key: name, start: part.startIndex, end: part.endIndex, keyStart: key.startIndex, keyEnd: key.endIndex, value: this.valueOf(value, depth + 1) });
      } else if (part.type === 'shorthand_property_identifier') {
        const value = this.valueOf(part, depth + 1);
        byKey.set({ key: part.text, start: part.startIndex, end: part.endIndex, keyStart: part.startIndex, keyEnd: part.endIndex, value: value.kind === 'unknown' ? value : { ...value, indirect: true } });
      } else open = true;
    }
    return { kind: 'object', props, open, container: containerOf(node, parts), ...span };
  }
}

function containerOf(node: Node, items: Node[]): CdkContainer {
  return { open: node.startIndex, close: node.endIndex - 1, items: items.map((c) => ({ start: c.startIndex, end: c.endIndex })) };
}

function join(base: string, name: string): string {
  return base ? `${base}.${name}` : name;
}

/** The value of a string or template literal without substitutions; undefined when it has escapes other than the simple ones. */
function stringValue(node: Node): string | undefined {
  let value = '';
  for (const part of node.namedChildren) {
    if (part.type === 'string_fragment') value += part.text;
    else if (part.type === 'escape_sequence') {
      const simple: Record<string, string> = { '\\n': '\n', '\\t': '\t', '\\r': '\r', "\\'": "'", '\\"': '"', '\\\\': '\\', '\\`': '`', '\\$': '$' };
      const c = simple[part.text];
      if (c === undefined) return undefined;
      value += c;
    } else if (part.type !== 'comment') return undefined;
  }
  return value;
}

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

function nonBlank(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 32) count++;
  return count;
}

/** The CDK module a `require('aws-cdk-lib/aws-s3')` call loads; undefined for anything else. */
function requiredModule(value: Node | null | undefined): string | undefined {
  if (value?.type !== 'call_expression' || value.childForFieldName('function')?.text !== 'require') return undefined;
  const argument = value.childForFieldName('arguments')?.namedChildren[0];
  return argument?.type === 'string' ? cdkModuleOf(argument.text.slice(1, -1)) : undefined;
}
