import type { Query, Tree } from 'web-tree-sitter';
import type { AssignedAttribute, PyContainer, PyDict, PyDictEntry, PyKeyword, PyValue, PythonCall, Span, UnresolvedCall } from './facts';
import type { LoweredStatement, PyNode as Node } from './mirror';
import { analysedTypes } from './mirror';
import { ByKey } from '../byKey';
import { nodesOfTypes } from '../wasm';

/**
 * Turns a tree-sitter Python tree into plain facts: every call whose callee
 * resolves to a qualified name, with its arguments evaluated by a small value
 * model. Names are resolved the way a reader would in the same file: imports,
 * and names assigned exactly once in their scope (module, class or function)
 * and never mutated. Anything else is unknown.
 *
 * Crossing into WebAssembly per node read is the cost that matters. A file's
 * first parse is analysed over the tree itself, the nodes found by one query
 * ({@link analysePython}); from its second parse on, over JavaScript mirrors
 * of its top-level statements (`mirror.ts`: lowered by one cursor walk, and
 * after an edit only the statements whose text changed), with no crossing at
 * all ({@link analyseStatements}). Both give the same facts (tested). Nothing
 * here keeps a tree-sitter Node after it returns: the caller deletes the tree.
 */

export interface PythonAnalysis {
  calls: PythonCall[];
  imports: string[];
  unresolvedCalls: UnresolvedCall[];
  assignedAttributes: AssignedAttribute[];
  /** The outermost ERROR nodes, in file order. */
  errors: Span[];
}

interface Binding {
  count: number;
  /** The right-hand side of the single plain assignment, if that is what bound it. */
  value?: Node;
  /** Every plain assignment's right-hand side, for names assigned in branches (`if local: x = "local" else: x = …`). */
  assigned: Node[];
  /** Also bound by something other than a plain assignment (a parameter, a loop, an import…). */
  opaque?: boolean;
  scope: Scope;
  /** Qualified name for an import binding. */
  imported?: string;
  /** Subscript-assigned, `del`-ed or changed through a mutating method. */
  mutated?: boolean;
  /** Memoized evaluations of `value`, so shared constants are evaluated once. */
  path?: string | null;
  evaluated?: PyValue;
}

interface Scope {
  kind: 'module' | 'class' | 'function';
  parent?: Scope;
  bindings: Map<string, Binding>;
  /** Names declared `global` or `nonlocal` here: they bind in an outer scope. */
  outer?: Set<string>;
}

/** The node types the analysis looks at, as one query; scopes and ERROR nodes included. */
export const analysisQuery = `[${analysedTypes.map((t) => `(${t})`).join(' ')}] @node`;
const analysedSet: ReadonlySet<string> = new Set(analysedTypes);

const mutatingMethods = new Set(['update', 'pop', 'popitem', 'setdefault', 'clear', 'append', 'extend', 'insert', 'remove']);

/** Qualified names that mean the same object, written the short way. */
const canonicalNames: Record<string, string> = {
  'boto3.session.Session': 'boto3.Session',
  'sagemaker.session.Session': 'sagemaker.Session',
};

/** Attributes of known instances whose type we know (`sagemaker.Session().sagemaker_client`). */
const knownAttributes: Record<string, string> = {
  'sagemaker.Session().sagemaker_client': 'boto3.client:sagemaker',
  'sagemaker.Session().boto_session': 'boto3.Session()',
};

const clientFactories = new Set(['boto3.client', 'boto3.Session().client']);

const maxDepth = 25;

/** `query` is {@link analysisQuery} compiled for the Python grammar; `text` the parsed source. Every node read crosses into WebAssembly. */
export function analysePython(tree: Tree, query: Query, text: string): PythonAnalysis {
  return new Analyser(text).run(tree.rootNode.hasError, nodesOfTypes(tree, query, analysedSet));
}

/** The same analysis over statements lowered to JavaScript mirrors ({@link lowerTree}): no crossing at all. */
export function analyseStatements(statements: readonly LoweredStatement[], text: string): PythonAnalysis {
  const nodes: Node[] = [];
  let hasError = false;
  for (const statement of statements) {
    if (statement.root.hasError) hasError = true;
    for (const node of statement.analysed) nodes.push(node);
  }
  return new Analyser(text).run(hasError, nodes);
}

class Analyser {
  private readonly module: Scope = { kind: 'module', bindings: new Map() };
  /** `self.client = …` and other attribute targets, keyed by their text, file-wide. */
  private readonly attributes = new Map<string, Binding>();
  private readonly callSites: Array<{ node: Node; scope: Scope }> = [];
  private readonly attributeTargets: Array<{ node: Node; scope: Scope }> = [];
  private readonly starImports: string[] = [];
  private readonly imports = new Set<string>();
  private readonly calls = new Map<number, PythonCall | null>();
  private readonly resolving = new Set<number>();
  private readonly errors: Span[] = [];
  /** No node of a tree without errors has one: then calls need not ask, one crossing each. */
  private treeHasError = true;

  /**
   * A node's field read through web-tree-sitter crosses into WebAssembly and builds a new Node
   * object: the analysis reads a call's callee and its parts when collecting, again when
   * resolving and again when listing unresolved calls, so fields are kept by node id for the
   * length of one analysis. (Types and ends are read directly: a map lookup per read cost as
   * much as the crossing it saved.)
   */
  private readonly fields = new Map<string, Map<number, Node | null>>();

  constructor(private readonly text: string) {}

  private typeOf(node: Node): string {
    return node.type;
  }

  private typeOfOpt(node: Node | null | undefined): string | undefined {
    return node ? this.typeOf(node) : undefined;
  }

  private isType(node: Node | null | undefined, type: string): node is Node {
    return !!node && this.typeOf(node) === type;
  }

  private endOf(node: Node): number {
    return node.endIndex;
  }

  /** The node's source text (the analysed text is the parsed text, so no crossing for the characters). */
  private textOf(node: Node): string {
    return this.text.slice(node.startIndex, this.endOf(node));
  }

  private textOfOpt(node: Node | null | undefined): string | undefined {
    return node ? this.textOf(node) : undefined;
  }

  private field(node: Node | null | undefined, name: string): Node | null {
    if (!node) return null;
    let byNode = this.fields.get(name);
    if (!byNode) this.fields.set(name, (byNode = new Map()));
    let child = byNode.get(node.id);
    if (child === undefined) byNode.set(node.id, (child = node.childForFieldName(name)));
    return child;
  }

  run(treeHasError: boolean, captured: readonly Node[]): PythonAnalysis {
    this.treeHasError = treeHasError;
    this.collect(captured);
    const calls: PythonCall[] = [];
    const unresolvedCalls: UnresolvedCall[] = [];
    for (const site of this.callSites) {
      const call = this.callOf(site.node, site.scope, 0);
      if (call) {
        calls.push(call);
        continue;
      }
      const method = this.field(site.node, 'function');
      const name = this.isType(method, 'attribute') ? this.textOfOpt(this.field(method, 'attribute')) : undefined;
      if (name) unresolvedCalls.push({ method: name, start: site.node.startIndex, end: this.endOf(site.node) });
    }
    const assignedAttributes: AssignedAttribute[] = [];
    for (const { node, scope } of this.attributeTargets) {
      const object = node.childForFieldName('object');
      const attribute = node.childForFieldName('attribute')?.text;
      const path = object && attribute ? this.pathOf(object, scope, 0) : undefined;
      if (path && attribute) assignedAttributes.push({ path, attribute, start: node.startIndex, end: node.endIndex });
    }
    return { calls, imports: [...this.imports], unresolvedCalls, assignedAttributes, errors: this.errors };
  }

  private collect(captured: readonly Node[]): void {
    const scopes: Array<{ scope: Scope; end: number }> = [{ scope: this.module, end: Infinity }];
    let errorEnd = -1;
    for (const node of captured) {
      const start = node.startIndex;
      // Nothing inside an ERROR node is trusted.
      if (start < errorEnd) continue;
      while (scopes.length > 1 && scopes[scopes.length - 1].end <= start) scopes.pop();
      const current = scopes[scopes.length - 1].scope;
      const type = this.typeOf(node);
      switch (type) {
        case 'ERROR':
          errorEnd = this.endOf(node);
          this.errors.push({ start, end: errorEnd });
          break;
        case 'function_definition':
        case 'lambda':
        case 'class_definition': {
          const name = this.field(node, 'name');
          if (name) this.bind(current, this.textOf(name), undefined);
          const scope: Scope = { kind: type === 'class_definition' ? 'class' : 'function', parent: current, bindings: new Map() };
          const parameters = this.field(node, 'parameters');
          if (parameters) for (const p of parameterNames(parameters)) this.bind(scope, p, undefined);
          scopes.push({ scope, end: this.endOf(node) });
          break;
        }
        default:
          this.visit(type, node, current);
      }
    }
  }

  private visit(type: string, node: Node, scope: Scope): void {
    switch (type) {
      case 'call': {
        this.callSites.push({ node, scope });
        const callee = this.field(node, 'function');
        if (this.isType(callee, 'attribute')) {
          const object = this.field(callee, 'object');
          const method = this.textOfOpt(this.field(callee, 'attribute'));
          if (this.isType(object, 'identifier') && method && mutatingMethods.has(method)) this.mutate(scope, this.textOf(object));
        }
        return;
      }
      case 'import_statement':
        for (const child of node.namedChildren) {
          if (this.typeOf(child) === 'dotted_name') {
            // `import a.b.c` binds `a`, through which `a.b.c` is reached.
            const first = this.textOf(child).split('.')[0];
            this.bindImport(scope, first, first);
          } else if (this.typeOf(child) === 'aliased_import') {
            const name = this.textOfOpt(this.field(child, 'name'));
            const alias = this.textOfOpt(this.field(child, 'alias'));
            if (name && alias) this.bindImport(scope, alias, name);
          }
        }
        return;
      case 'import_from_statement': {
        const moduleNode = this.field(node, 'module_name');
        if (!moduleNode || this.typeOf(moduleNode) !== 'dotted_name') return;
        const moduleName = compact(this.textOf(moduleNode));
        for (const child of node.namedChildren) {
          if (child.startIndex === moduleNode.startIndex) continue;
          if (this.typeOf(child) === 'dotted_name') this.bindImport(scope, compact(this.textOf(child)), `${moduleName}.${compact(this.textOf(child))}`);
          else if (this.typeOf(child) === 'aliased_import') {
            const name = this.textOfOpt(this.field(child, 'name'));
            const alias = this.textOfOpt(this.field(child, 'alias'));
            if (name && alias) this.bindImport(scope, alias, `${moduleName}.${compact(name)}`);
          } else if (this.typeOf(child) === 'wildcard_import') this.starImports.push(moduleName);
        }
        return;
      }
      case 'assignment': {
        const left = this.field(node, 'left');
        let right = this.field(node, 'right');
        // `a = b = value`: the innermost right-hand side is every target's value.
        while (this.isType(right, 'assignment')) right = this.field(right, 'right');
        if (!left || !right) return;
        this.bindTarget(scope, left, right);
        return;
      }
      case 'augmented_assignment': {
        const left = this.field(node, 'left');
        if (left) this.bindTarget(scope, left, undefined);
        return;
      }
      case 'for_statement':
      case 'for_in_clause': {
        const left = this.field(node, 'left');
        if (left) this.bindTarget(scope, left, undefined);
        return;
      }
      case 'as_pattern': {
        const alias = this.field(node, 'alias');
        if (alias) for (const name of identifiersIn(alias)) this.bind(scope, name, undefined);
        return;
      }
      case 'named_expression': {
        const name = this.field(node, 'name');
        if (name) this.bind(scope, this.textOf(name), undefined);
        return;
      }
      case 'delete_statement':
        for (const name of identifiersIn(node)) this.mutate(scope, name);
        return;
      case 'global_statement':
      case 'nonlocal_statement':
        scope.outer ??= new Set();
        for (const child of node.namedChildren) if (this.typeOf(child) === 'identifier') scope.outer.add(this.textOf(child));
        return;
      default:
        return;
    }
  }

  private bindTarget(scope: Scope, target: Node, value: Node | undefined): void {
    switch (this.typeOf(target)) {
      case 'identifier':
        this.bind(scope, this.textOf(target), value);
        return;
      case 'attribute': {
        this.attributeTargets.push({ node: target, scope });
        const key = compact(this.textOf(target));
        const existing = this.attributes.get(key);
        if (existing) existing.count++;
        else this.attributes.set(key, { count: 1, value, scope, assigned: [] });
        return;
      }
      case 'subscript': {
        const base = this.field(target, 'value');
        if (this.isType(base, 'identifier')) this.mutate(scope, this.textOf(base));
        return;
      }
      default:
        for (const name of identifiersIn(target)) this.bind(scope, name, undefined);
    }
  }

  private bind(scope: Scope, name: string, value: Node | undefined): void {
    const target = this.bindingScope(scope, name);
    const existing = target.bindings.get(name);
    const binding = existing ?? { count: 0, value, scope: target, assigned: [] };
    if (existing) {
      existing.count++;
      existing.value = undefined;
      existing.imported = undefined;
    } else {
      binding.count = 1;
      target.bindings.set(name, binding);
    }
    if (value) binding.assigned.push(value);
    else binding.opaque = true;
  }

  private bindImport(scope: Scope, name: string, qualified: string): void {
    this.imports.add(canonicalNames[qualified] ?? qualified);
    const target = this.bindingScope(scope, name);
    const existing = target.bindings.get(name);
    // The same import repeated (in a try/except ImportError, say) is still one meaning.
    if (existing?.imported === qualified) return;
    if (existing) {
      existing.count++;
      existing.value = undefined;
      existing.imported = undefined;
      existing.opaque = true;
    } else target.bindings.set(name, { count: 1, scope: target, imported: canonicalNames[qualified] ?? qualified, assigned: [], opaque: true });
  }

  private bindingScope(scope: Scope, name: string): Scope {
    if (!scope.outer?.has(name)) return scope;
    // `global x` binds at module level; `nonlocal x` in the nearest enclosing function.
    let outer = scope.parent;
    while (outer && outer.kind === 'class') outer = outer.parent;
    return outer ?? this.module;
  }

  private mutate(scope: Scope, name: string): void {
    const binding = this.lookup(scope, name);
    if (binding) binding.mutated = true;
  }

  private lookup(scope: Scope, name: string): Binding | undefined {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      // Class bodies are not visible from the methods defined in them.
      if (s.kind === 'class' && s !== scope) continue;
      if (s.outer?.has(name)) continue;
      const binding = s.bindings.get(name);
      if (binding) return binding;
    }
    return undefined;
  }

  /** The single value bound to a name, or undefined when it is not one known thing. */
  private settled(binding: Binding | undefined): Binding | undefined {
    return binding && binding.count === 1 && !binding.mutated ? binding : undefined;
  }

  // ---- qualified names -------------------------------------------------------

  /** The qualified name an expression denotes: a module, a class, or an instance (`X()`). */
  private pathOf(node: Node, scope: Scope, depth: number): string | undefined {
    if (depth > maxDepth) return undefined;
    switch (this.typeOf(node)) {
      case 'identifier': {
        const name = this.textOf(node);
        const binding = this.settled(this.lookup(scope, name));
        if (!binding) {
          if (this.lookup(scope, name) || this.starImports.length !== 1) return undefined;
          // A single `from module import *`: an otherwise unbound capitalised name may come from it.
          return /^[A-Z]/.test(name) ? `${this.starImports[0]}.${name}` : undefined;
        }
        if (binding.imported) return binding.imported;
        return this.pathOfBinding(binding, depth);
      }
      case 'attribute': {
        const object = this.field(node, 'object');
        const attribute = this.textOfOpt(this.field(node, 'attribute'));
        if (!object || !attribute) return undefined;
        const base = this.pathOf(object, scope, depth + 1);
        if (base) {
          const path = `${base}.${attribute}`;
          return knownAttributes[path] ?? canonicalNames[path] ?? path;
        }
        const assigned = this.settled(this.attributes.get(compact(this.textOf(node))));
        return assigned ? this.pathOfBinding(assigned, depth) : undefined;
      }
      case 'call': {
        const callee = this.field(node, 'function');
        const path = callee ? this.pathOf(callee, scope, depth + 1) : undefined;
        if (!path) return undefined;
        if (clientFactories.has(path)) {
          const service = this.serviceName(node, scope, depth);
          return service ? `boto3.client:${service}` : undefined;
        }
        return `${path}()`;
      }
      case 'parenthesized_expression': {
        const inner = node.namedChildren.find((c) => this.typeOf(c) !== 'comment');
        return inner ? this.pathOf(inner, scope, depth + 1) : undefined;
      }
      default:
        return undefined;
    }
  }

  private pathOfBinding(binding: Binding, depth: number): string | undefined {
    if (!binding.value) return undefined;
    if (binding.path === undefined) binding.path = this.pathOf(binding.value, binding.scope, depth + 1) ?? null;
    return binding.path ?? undefined;
  }

  private valueOfBinding(binding: Binding | undefined, span: Span, depth: number): PyValue {
    if (!binding?.value) return { kind: 'unknown', ...span };
    binding.evaluated ??= this.valueOf(binding.value, binding.scope, depth + 1);
    return { ...binding.evaluated, ...span, indirect: true };
  }

  private serviceName(call: Node, scope: Scope, depth: number): string | undefined {
    const args = this.field(call, 'arguments');
    if (!args || this.typeOf(args) !== 'argument_list') return undefined;
    for (const arg of args.namedChildren) {
      if (this.typeOf(arg) === 'comment') continue;
      const value = this.typeOf(arg) === 'keyword_argument' ? (this.textOfOpt(this.field(arg, 'name')) === 'service_name' ? this.field(arg, 'value') : null) : arg;
      if (!value) continue;
      const evaluated = this.valueOf(value, scope, depth + 1);
      return evaluated.kind === 'string' ? evaluated.value : undefined;
    }
    return undefined;
  }

  // ---- calls and values --------------------------------------------------------

  private callOf(node: Node, scope: Scope, depth: number): PythonCall | undefined {
    const cached = this.calls.get(node.id);
    if (cached !== undefined) return cached ?? undefined;
    if (this.resolving.has(node.id) || depth > maxDepth) return undefined;
    this.resolving.add(node.id);
    try {
      const call = this.buildCall(node, scope, depth);
      this.calls.set(node.id, call ?? null);
      return call;
    } finally {
      this.resolving.delete(node.id);
    }
  }

  private buildCall(node: Node, scope: Scope, depth: number): PythonCall | undefined {
    // A call with a syntax error inside is being typed: its arguments are not what they will be.
    if (this.treeHasError && node.hasError) return undefined;
    const callee = this.field(node, 'function');
    const args = this.field(node, 'arguments');
    if (!callee || !args || this.typeOf(args) !== 'argument_list') return undefined;
    const calleePath = this.pathOf(callee, scope, depth + 1);
    if (!calleePath) return undefined;
    const name = this.typeOf(callee) === 'call' ? undefined : calleePath;
    if (!name) return undefined;
    const items = args.namedChildren.filter((c) => this.typeOf(c) !== 'comment');
    const call: PythonCall = {
      name,
      start: node.startIndex,
      end: this.endOf(node),
      callee: { start: callee.startIndex, end: this.endOf(callee) },
      arguments: { open: args.startIndex, close: this.endOf(args) - 1, items: items.map((c) => ({ start: c.startIndex, end: this.endOf(c) })) },
      positional: [],
      keywords: [],
      open: false,
    };
    const receiver = callee.type === 'attribute' ? this.receiverOf(callee.childForFieldName('object'), scope, depth + 1) : undefined;
    if (receiver) call.receiver = receiver;
    const keywords = new ByKey(call.keywords, (k) => k.name);
    for (const arg of items) {
      switch (this.typeOf(arg)) {
        case 'keyword_argument': {
          // One crossing for both parts: `name=value` has exactly these two named children (comments aside).
          const parts = arg.namedChildren.filter((c) => this.typeOf(c) !== 'comment');
          const key = parts[0];
          const value = parts[parts.length - 1];
          if (parts.length !== 2 || this.typeOf(key) !== 'identifier') break;
          const keyword: PyKeyword = { name: this.textOf(key), start: arg.startIndex, end: this.endOf(arg), value: this.valueOf(value, scope, depth + 1) };
          keywords.set(keyword);
          break;
        }
        case 'dictionary_splat': {
          const inner = arg.namedChildren.find((c) => this.typeOf(c) !== 'comment');
          const spread = inner ? this.valueOf(inner, scope, depth + 1) : undefined;
          if (spread?.kind !== 'dict') {
            call.open = true;
            break;
          }
          if (spread.open) call.open = true;
          for (const entry of spread.entries) {
            // A keyword written at the call wins over the same key in a spread (Python would reject both).
            if (!keywords.has(entry.key)) keywords.set({ name: entry.key, start: entry.start, end: entry.end, value: entry.value, spread: true });
          }
          break;
        }
        case 'list_splat':
          call.open = true;
          break;
        default:
          call.positional.push(this.valueOf(arg, scope, depth + 1));
      }
    }
    return call;
  }

  /** The call an object comes from: written in place (`X().m()`), or assigned once to the name (`x = X()` … `x.m()`). */
  private receiverOf(node: Node | null, scope: Scope, depth: number): PythonCall | undefined {
    if (!node || depth > maxDepth) return undefined;
    if (node.type === 'call') return this.callOf(node, scope, depth);
    if (node.type !== 'identifier') return undefined;
    const binding = this.settled(this.lookup(scope, node.text));
    return binding?.value?.type === 'call' ? this.callOf(binding.value, binding.scope, depth) : undefined;
  }

  private valueOf(node: Node, scope: Scope, depth: number): PyValue {
    const span = { start: node.startIndex, end: this.endOf(node) };
    if (depth > maxDepth) return { kind: 'unknown', ...span };
    switch (this.typeOf(node)) {
      case 'string':
        return stringValue(this.text.slice(span.start, span.end), span);
      case 'concatenated_string': {
        let value = '';
        for (const part of node.namedChildren) {
          if (this.typeOf(part) === 'comment') continue;
          const v = this.typeOf(part) === 'string' ? stringValue(this.text.slice(part.startIndex, this.endOf(part)), span) : undefined;
          if (!v || v.kind !== 'string') return { kind: 'unknown', ...span };
          value += v.value;
        }
        return { kind: 'string', value, ...span };
      }
      case 'integer':
      case 'float': {
        const value = parseNumber(this.textOf(node));
        return value === undefined ? { kind: 'unknown', ...span } : { kind: 'number', value, ...span };
      }
      case 'true':
      case 'false':
        return { kind: 'bool', value: this.typeOf(node) === 'true', ...span };
      case 'none':
        return { kind: 'none', ...span };
      case 'parenthesized_expression': {
        const inner = node.namedChildren.find((c) => this.typeOf(c) !== 'comment');
        return inner ? { ...this.valueOf(inner, scope, depth + 1), ...span } : { kind: 'unknown', ...span };
      }
      case 'unary_operator': {
        const operand = this.field(node, 'argument');
        const operator = this.typeOfOpt(this.field(node, 'operator'));
        const value = operand ? this.valueOf(operand, scope, depth + 1) : undefined;
        if (value?.kind === 'number' && (operator === '-' || operator === '+')) return { kind: 'number', value: operator === '-' ? -value.value : value.value, ...span };
        return { kind: 'unknown', ...span };
      }
      case 'binary_operator':
        return this.binaryValue(node, scope, depth, span);
      case 'conditional_expression': {
        const branches = node.namedChildren.filter((c) => this.typeOf(c) !== 'comment');
        // `a if condition else b`: named children are a, condition, b.
        const alternatives = branches.length === 3 ? [branches[0], branches[2]].map((b) => this.valueOf(b, scope, depth + 1)) : undefined;
        return { kind: 'unknown', ...span, ...(alternatives ? { alternatives } : {}) };
      }
      case 'dictionary':
        return this.dictValue(node, scope, depth, span);
      case 'list':
      case 'tuple':
        return { kind: 'list', items: node.namedChildren.filter((c) => this.typeOf(c) !== 'comment').map((c) => this.valueOf(c, scope, depth + 1)), ...span };
      case 'identifier': {
        const binding = this.lookup(scope, this.textOf(node));
        if (binding && binding.count > 1 && !binding.opaque && !binding.mutated) {
          // Assigned in several places: one of these values, we cannot tell which.
          return { kind: 'unknown', ...span, alternatives: binding.assigned.map((v) => this.valueOf(v, binding.scope, depth + 1)) };
        }
        return this.valueOfBinding(this.settled(binding), span, depth);
      }
      case 'attribute': {
        const assigned = this.settled(this.attributes.get(compact(this.textOf(node))));
        if (assigned) return this.valueOfBinding(assigned, span, depth);
        // An enum member or a constant of an imported module: its name is all that is known.
        const path = this.pathOf(node, scope, depth + 1);
        return path ? { kind: 'unknown', ...span, path } : { kind: 'unknown', ...span };
      }
      case 'call': {
        const call = this.callOf(node, scope, depth + 1);
        if (call) return { kind: 'call', call, ...span };
        return this.builtinDict(node, scope, depth, span) ?? { kind: 'unknown', ...span };
      }
      default:
        return { kind: 'unknown', ...span };
    }
  }

  private binaryValue(node: Node, scope: Scope, depth: number, span: Span): PyValue {
    const left = this.field(node, 'left');
    const right = this.field(node, 'right');
    const operator = this.typeOfOpt(this.field(node, 'operator'));
    if (!left || !right || !operator) return { kind: 'unknown', ...span };
    const a = this.valueOf(left, scope, depth + 1);
    const b = this.valueOf(right, scope, depth + 1);
    if (a.kind === 'string' && b.kind === 'string' && operator === '+') return { kind: 'string', value: a.value + b.value, ...span };
    if (a.kind !== 'number' || b.kind !== 'number') return { kind: 'unknown', ...span };
    const x = a.value;
    const y = b.value;
    const folded: Record<string, () => number | undefined> = {
      '+': () => x + y,
      '-': () => x - y,
      '*': () => x * y,
      '/': () => (y === 0 ? undefined : x / y),
      '//': () => (y === 0 ? undefined : Math.floor(x / y)),
      '**': () => x ** y,
    };
    const value = folded[operator]?.();
    return value === undefined || !Number.isFinite(value) ? { kind: 'unknown', ...span } : { kind: 'number', value, ...span };
  }

  private dictValue(node: Node, scope: Scope, depth: number, span: Span): PyDict {
    const dict: PyDict = { kind: 'dict', entries: [], open: false, container: containerOf(node), ...span };
    const entries = byKey(dict.entries);
    for (const child of node.namedChildren) {
      if (this.typeOf(child) === 'pair') {
        const key = this.field(child, 'key');
        const value = this.field(child, 'value');
        const keyValue = key ? this.valueOf(key, scope, depth + 1) : undefined;
        if (!key || !value || keyValue?.kind !== 'string') {
          dict.open = true;
          continue;
        }
        entries.set({ key: keyValue.value, start: child.startIndex, end: this.endOf(child), keyStart: key.startIndex, keyEnd: this.endOf(key), value: this.valueOf(value, scope, depth + 1) });
      } else if (this.typeOf(child) === 'dictionary_splat') {
        const inner = child.namedChildren.find((c) => this.typeOf(c) !== 'comment');
        const spread = inner ? this.valueOf(inner, scope, depth + 1) : undefined;
        if (spread?.kind !== 'dict') {
          dict.open = true;
          continue;
        }
        if (spread.open) dict.open = true;
        for (const entry of spread.entries) entries.set(entry);
      } else if (this.typeOf(child) !== 'comment') dict.open = true;
    }
    return dict;
  }

  /** `dict(Key=value, …)` with the builtin `dict`. */
  private builtinDict(node: Node, scope: Scope, depth: number, span: Span): PyDict | undefined {
    const callee = this.field(node, 'function');
    const args = this.field(node, 'arguments');
    if (!this.isType(callee, 'identifier') || this.textOf(callee) !== 'dict' || this.lookup(scope, 'dict') || !this.isType(args, 'argument_list')) return undefined;
    const dict: PyDict = { kind: 'dict', entries: [], open: false, ...span };
    const entries = byKey(dict.entries);
    for (const arg of args.namedChildren) {
      if (this.typeOf(arg) === 'comment') continue;
      const key = this.typeOf(arg) === 'keyword_argument' ? this.field(arg, 'name') : null;
      const value = this.typeOf(arg) === 'keyword_argument' ? this.field(arg, 'value') : null;
      if (!key || !value) {
        dict.open = true;
        continue;
      }
      entries.set({ key: this.textOf(key), start: arg.startIndex, end: this.endOf(arg), keyStart: key.startIndex, keyEnd: this.endOf(key), value: this.valueOf(value, scope, depth + 1) });
    }
    return dict;
  }
}

function byKey(entries: PyDictEntry[]): ByKey<PyDictEntry> {
  return new ByKey(entries, (e) => e.key);
}

function containerOf(node: Node): PyContainer {
  return {
    open: node.startIndex,
    close: node.endIndex - 1,
    items: node.namedChildren.filter((c) => c.type !== 'comment').map((c) => ({ start: c.startIndex, end: c.endIndex })),
  };
}

function parameterNames(parameters: Node): string[] {
  const names: string[] = [];
  for (const p of parameters.namedChildren) {
    if (p.type === 'identifier') names.push(p.text);
    else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
      const name = p.childForFieldName('name');
      if (name) names.push(name.text);
    } else {
      const first = p.namedChildren.find((c) => c.type === 'identifier') ?? p.namedChildren[0]?.namedChildren.find((c) => c.type === 'identifier');
      if (first) names.push(first.text);
    }
  }
  return names;
}

function identifiersIn(node: Node): string[] {
  if (node.type === 'identifier') return [node.text];
  if (node.type === 'attribute' || node.type === 'subscript') return [];
  return node.namedChildren.flatMap(identifiersIn);
}

/** Dotted names may be written with spaces or line breaks around the dots. */
function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

const stringLiteral = /^([rRbBuUfFtT]*)('''|"""|'|")/;

/** A string literal's value from its source text; unknown for bytes and for f-strings that interpolate. */
function stringValue(literal: string, span: Span): PyValue {
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
  if (!prefix.includes('r')) value = value.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|\r?\n|[\s\S])/g, unescape);
  return { kind: 'string', value, quote: quote[0], ...span };
}

const simpleEscapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };

function unescape(sequence: string, c: string): string {
  if (c in simpleEscapes) return simpleEscapes[c];
  if (/^(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})$/.test(c)) return String.fromCodePoint(parseInt(c.slice(1), 16));
  if (c === '\n' || c === '\r\n') return '';
  return sequence;
}

function parseNumber(text: string): number | undefined {
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
