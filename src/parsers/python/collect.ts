import type { PyValue, Span } from './facts';
import type { Frame, FunctionInfo, KeyChange, Site } from './flow';
import { addDefinition, Binding, Definition, maxFrameDepth, maxTryHandlers, Scope } from './flow';
import { emptyInPlace } from '../../core/release';
import { compact, identifiersIn, parametersOf, stringValue } from './literals';
import type { PyNode as Node } from './mirror';
import { NodeReader } from './nodeReader';
import { endsByLeaving, opening } from './clauses';

/**
 * The first pass of the Python analysis: over the captured nodes in document order, it builds the
 * scopes and branches, records every binding of every name where it takes effect
 * (`flow.ts`), the constant-key changes of dicts, the call sites and the functions whose
 * parameters their call sites fill. The second pass (`resolve.ts`) reads values through them.
 */

/** Attributes set on something (`self.client = …`), keyed by their text, file-wide. */
export interface AttributeBinding {
  count: number;
  value: Node | undefined;
  site: Site;
  evaluated: PyValue | undefined;
  path: string | null | undefined;
}

/** A call, with where it is written. */
export interface CallSite {
  node: Node;
  site: Site;
}

/** Qualified names that mean the same object, written the short way. */
export const canonicalNames: ReadonlyMap<string, string> = new Map([
  ['boto3.session.Session', 'boto3.Session'],
  ['sagemaker.session.Session', 'sagemaker.Session'],
]);

const listMethods = new Set(['append', 'extend', 'insert', 'remove', 'popitem', 'setdefault', 'clear', 'sort', 'reverse']);

/** Changes one dict may take by constant key before it counts as changed beyond following. */
const maxChanges = 256;

/** One level of the walk: a scope, or a branch inside one. */
interface Level {
  site: Site;
  end: number;
  /** A branch level (its frame may be replaced by the next clause of the same statement). */
  branch: boolean;
  /** Below the deepest frame kept. */
  deep: boolean;
}

/** A key change with every field set (one shape; `deep` is set when it is recorded). */
function keyChangeOf(key: string, value: Node | undefined, start: number, end: number, keyStart: number, keyEnd: number, at: number, site: Site): KeyChange {
  return { key, value, start, end, keyStart, keyEnd, at, site, deep: false };
}

/** The definition of a binding in effect before `offset` (the last one taking effect before it, in file order). */
function lastDefinitionBefore(binding: Binding | undefined, offset: number): Definition | undefined {
  const list = binding?.definitions ?? [];
  for (let i = list.length - 1; i >= 0; i--) if (list[i].at <= offset) return list[i];
  return undefined;
}


export class Collector extends NodeReader {
  protected readonly module = new Scope('module', undefined);
  /** Every scope opened, the module's first: {@link release} empties them. */
  private readonly scopes: Scope[] = [this.module];
  protected readonly attributes = new Map<string, AttributeBinding>();
  protected readonly callSites: CallSite[] = [];
  /** Calls whose callee is a plain name, by that name: the call sites of the file's own functions (indexed on the first ask). */
  private callsByName: Map<string, CallSite[]> | undefined;
  protected readonly attributeTargets: CallSite[] = [];
  protected readonly starImports: string[] = [];
  protected readonly imports = new Set<string>();
  protected readonly errors: Span[] = [];
  /** The site inside each list comprehension, by node id, where its element is read (made on the first one). */
  protected comprehensionSites: Map<number, Site> | undefined = undefined;
  /** No node of a tree without errors has one: then calls need not ask, one crossing each. */
  protected treeHasError = true;
  /** Whether the statement being collected is below the deepest frame kept. */
  private deepNow = false;

  /** Empties in place what the analysis built, once its facts are out (`core/release.ts` says why). */
  protected override release(): void {
    for (const scope of this.scopes) scope.release();
    for (const list of [this.scopes, this.callSites, this.attributeTargets]) emptyInPlace(list);
    this.callsByName = undefined;
    this.comprehensionSites = undefined;
    this.attributes.clear();
    super.release();
  }

  protected collect(captured: readonly Node[]): void {
    const levels: Level[] = [{ site: { scope: this.module, frame: undefined }, end: Infinity, branch: false, deep: false }];
    let errorEnd = -1;
    for (const node of captured) {
      const start = node.startIndex;
      // Nothing inside an ERROR node is trusted.
      if (start < errorEnd) continue;
      while (levels.length > 1 && levels[levels.length - 1].end <= start) levels.pop();
      const top = levels[levels.length - 1];
      this.deepNow = top.deep;
      const type = this.typeOf(node);
      switch (type) {
        case 'ERROR':
          errorEnd = this.endOf(node);
          this.errors.push({ start, end: errorEnd });
          break;
        case 'function_definition':
        case 'lambda':
        case 'class_definition':
          levels.push({ site: this.openScope(type, node, top.site), end: this.endOf(node), branch: false, deep: false });
          break;
        case 'elif_clause':
        case 'else_clause':
        case 'except_clause':
        case 'finally_clause':
          this.nextBranch(type, top, start);
          break;
        case 'case_clause':
          levels.push(this.openFrame('case', node, top));
          break;
        default: {
          const kind = opening[type];
          if (!kind) {
            this.visit(type, node, top.site);
            break;
          }
          const level = this.openFrame(kind, node, top);
          levels.push(level);
          if (type === 'list_comprehension' && !level.deep) (this.comprehensionSites ??= new Map()).set(node.id, level.site);
          // The loop variable is bound inside the loop.
          if (type === 'for_statement') {
            this.deepNow = level.deep;
            this.visit(type, node, level.site);
          }
        }
      }
    }
  }

  private openScope(type: string, node: Node, outer: Site): Site {
    const scope = new Scope(type === 'class_definition' ? 'class' : 'function', outer.scope);
    this.scopes.push(scope);
    const inner: Site = { scope, frame: undefined };
    const name = this.field(node, 'name');
    const parameters = this.field(node, 'parameters');
    const list = parameters ? parametersOf(parameters) : [];
    const at = node.startIndex;
    if (type === 'function_definition' && name) {
      const fn: FunctionInfo = { name: this.textOf(name), site: outer, parameters: list, returns: [], returning: false };
      scope.fn = fn;
      this.define(outer, fn.name, at).fn = fn;
      for (const info of list) this.define(inner, info.name, at).parameter = { fn, info };
    } else {
      if (name) this.define(outer, this.textOf(name), at);
      for (const info of list) this.define(inner, info.name, at);
    }
    return inner;
  }

  private openFrame(kind: Frame['kind'], node: Node, top: Level): Level {
    const parent = top.site.frame;
    if (top.deep || (parent?.depth ?? 0) >= maxFrameDepth) return { site: top.site, end: this.endOf(node), branch: false, deep: true };
    const start = node.startIndex;
    // A `case` is a branch of the `match` around it.
    const match = kind === 'case' && top.branch && parent?.kind === 'match' ? parent : undefined;
    if (kind === 'case' && !match) return { site: top.site, end: this.endOf(node), branch: false, deep: true };
    const frame: Frame = {
      parent,
      construct: match ? match.construct : start,
      kind,
      branch: match ? match.branches++ : 0,
      branches: 0,
      start,
      end: this.endOf(node),
      depth: (parent?.depth ?? 0) + 1,
      chain: undefined,
      leaving: undefined,
    };
    return { site: { scope: top.site.scope, frame }, end: frame.end, branch: true, deep: false };
  }

  /** `elif`, `else`, `except`, `finally`: the next branch of the statement whose branch is on top. */
  private nextBranch(type: string, top: Level, start: number): void {
    const frame = top.site.frame;
    if (!top.branch || !frame) return;
    let kind: Frame['kind'] | undefined;
    const tryFamily = frame.kind === 'try' || frame.kind === 'handler';
    if (type === 'elif_clause') kind = frame.kind === 'if' ? 'if' : undefined;
    else if (type === 'else_clause') kind = frame.kind === 'if' ? 'if' : tryFamily ? 'try-else' : frame.kind === 'loop' ? 'loop-else' : undefined;
    else if (type === 'except_clause') kind = tryFamily ? 'handler' : undefined;
    else kind = tryFamily || frame.kind === 'try-else' ? 'finally' : undefined;
    if (!kind) return;
    // A handler that ends by leaving (`raise`, `return`) is not a way past the try statement: the branches after it carry it.
    const leaving = frame.kind === 'handler' && kind !== 'finally' && frame.branch <= maxTryHandlers && endsByLeaving(this.text, frame.start, start) ? [...(frame.leaving ?? []), frame.branch] : frame.leaving;
    top.site = { scope: top.site.scope, frame: { ...frame, kind, branch: frame.branch + 1, start, chain: undefined, leaving } };
  }

  private visit(type: string, node: Node, site: Site): void {
    switch (type) {
      case 'call': {
        const entry = { node, site };
        this.callSites.push(entry);
        const callee = this.field(node, 'function');
        if (this.isType(callee, 'attribute')) {
          const object = this.field(callee, 'object');
          const method = this.isType(object, 'identifier') ? this.textOfOpt(this.field(callee, 'attribute')) : undefined;
          if (object && method) this.methodCall(node, this.textOf(object), method, site);
        }
        return;
      }
      case 'import_statement':
        for (const child of node.namedChildren) {
          if (this.typeOf(child) === 'dotted_name') {
            // `import a.b.c` binds `a`, through which `a.b.c` is reached.
            const first = this.textOf(child).split('.')[0];
            this.bindImport(site, first, first, node);
          } else if (this.typeOf(child) === 'aliased_import') {
            const name = this.textOfOpt(this.field(child, 'name'));
            const alias = this.textOfOpt(this.field(child, 'alias'));
            if (name && alias) this.bindImport(site, alias, name, node);
          }
        }
        return;
      case 'import_from_statement': {
        const moduleNode = this.field(node, 'module_name');
        if (!moduleNode || this.typeOf(moduleNode) !== 'dotted_name') return;
        const moduleName = compact(this.textOf(moduleNode));
        for (const child of node.namedChildren) {
          if (child.startIndex === moduleNode.startIndex) continue;
          if (this.typeOf(child) === 'dotted_name') this.bindImport(site, compact(this.textOf(child)), `${moduleName}.${compact(this.textOf(child))}`, node);
          else if (this.typeOf(child) === 'aliased_import') {
            const name = this.textOfOpt(this.field(child, 'name'));
            const alias = this.textOfOpt(this.field(child, 'alias'));
            if (name && alias) this.bindImport(site, alias, `${moduleName}.${compact(name)}`, node);
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
        this.bindTarget(site, left, right, node);
        return;
      }
      case 'augmented_assignment': {
        const left = this.field(node, 'left');
        if (left) this.bindTarget(site, left, undefined, node);
        return;
      }
      case 'for_statement': {
        const left = this.field(node, 'left');
        const header = this.field(node, 'right') ?? left;
        // `for t in types`: the variable takes each element of what the loop iterates.
        if (this.isType(left, 'identifier') && header && header !== left) {
          this.define(site, this.textOf(left), this.endOf(header)).iterates = header;
          return;
        }
        if (left && header) this.bindTarget(site, left, undefined, header);
        return;
      }
      case 'for_in_clause': {
        // A comprehension's variable is bound from its start, and seen only inside it.
        const left = this.field(node, 'left');
        const frame = site.frame;
        if (left) for (const name of identifiersIn(left)) this.define(site, name, frame?.kind === 'comprehension' ? frame.start : node.startIndex);
        return;
      }
      case 'as_pattern': {
        const alias = this.field(node, 'alias');
        if (alias) for (const name of identifiersIn(alias)) this.define(site, name, this.endOf(node));
        return;
      }
      case 'named_expression': {
        const name = this.field(node, 'name');
        if (name) this.define(site, this.textOf(name), this.endOf(node));
        return;
      }
      case 'delete_statement':
        for (const target of node.namedChildren.flatMap((c) => (this.typeOf(c) === 'expression_list' ? c.namedChildren : [c]))) {
          if (this.isType(target, 'subscript') && this.keyChange(site, target, undefined, node)) continue;
          for (const name of identifiersIn(target)) this.mutate(site, name);
        }
        return;
      case 'return_statement': {
        const value = node.namedChildren.find((c) => this.typeOf(c) !== 'comment');
        if (value && site.scope.fn) site.scope.fn.returns.push({ node: value, site });
        return;
      }
      case 'global_statement':
      case 'nonlocal_statement':
        site.scope.outer ??= new Set();
        for (const child of node.namedChildren) if (this.typeOf(child) === 'identifier') site.scope.outer.add(this.textOf(child));
        return;
      default:
        return;
    }
  }

  /** `d.update({...})` / `d.update(k=v)` and `d.pop("k")` change keys; other mutating methods change the object beyond following. */
  private methodCall(call: Node, object: string, method: string, site: Site): void {
    if (method === 'update' || method === 'pop') {
      const args = this.field(call, 'arguments');
      const items = args ? args.namedChildren.filter((c) => this.typeOf(c) !== 'comment') : [];
      if (method === 'pop' && items.length >= 1 && this.isType(items[0], 'string')) {
        const key = stringValue(this.textOf(items[0]), { start: 0, end: 0 });
        if (key.kind === 'string' && this.addChange(site, object, keyChangeOf(key.value, undefined, call.startIndex, this.endOf(call), items[0].startIndex, this.endOf(items[0]), this.endOf(call), site))) return;
      }
      if (method === 'update' && this.updates(call, object, items, site)) return;
    } else if (!listMethods.has(method)) return;
    this.mutate(site, object);
  }

  /** Records the keys an `update` sets; false when one of them cannot be known. */
  private updates(call: Node, object: string, items: readonly Node[], site: Site): boolean {
    const changes: KeyChange[] = [];
    const at = this.endOf(call);
    for (const item of items) {
      if (this.typeOf(item) === 'keyword_argument') {
        const name = this.field(item, 'name');
        const value = this.field(item, 'value');
        if (!name || !value) return false;
        changes.push(keyChangeOf(this.textOf(name), value, item.startIndex, this.endOf(item), name.startIndex, this.endOf(name), at, site));
      } else if (this.typeOf(item) === 'dictionary' && items.length === 1) {
        for (const pair of item.namedChildren) {
          if (this.typeOf(pair) === 'comment') continue;
          const key = this.isType(pair, 'pair') ? this.field(pair, 'key') : null;
          const value = this.isType(pair, 'pair') ? this.field(pair, 'value') : null;
          const keyValue = key && this.isType(key, 'string') ? stringValue(this.textOf(key), { start: 0, end: 0 }) : undefined;
          if (!key || !value || keyValue?.kind !== 'string') return false;
          changes.push(keyChangeOf(keyValue.value, value, pair.startIndex, this.endOf(pair), key.startIndex, this.endOf(key), at, site));
        }
      } else return false;
    }
    for (const change of changes) if (!this.addChange(site, object, change)) return false;
    return true;
  }

  private bindTarget(site: Site, target: Node, value: Node | undefined, statement: Node): void {
    switch (this.typeOf(target)) {
      case 'identifier':
        this.define(site, this.textOf(target), this.endOf(statement)).value = value;
        return;
      case 'attribute': {
        this.attributeTargets.push({ node: target, site });
        const key = compact(this.textOf(target));
        const existing = this.attributes.get(key);
        if (existing) existing.count++;
        else this.attributes.set(key, { count: 1, value, site, evaluated: undefined, path: undefined });
        return;
      }
      case 'subscript':
        if (!value || !this.keyChange(site, target, value, statement)) {
          const base = this.field(target, 'value');
          if (this.isType(base, 'identifier')) this.mutate(site, this.textOf(base));
        }
        return;
      default:
        for (const name of identifiersIn(target)) this.define(site, name, this.endOf(statement));
    }
  }

  /** `d["key"] = value` (or `del d["key"]`, `value` undefined) on a name: false when the key is not a constant. */
  private keyChange(site: Site, target: Node, value: Node | undefined, statement: Node): boolean {
    const base = this.field(target, 'value');
    const subscript = this.field(target, 'subscript');
    if (this.isType(base, 'identifier') && this.isType(subscript, 'identifier') && value) return this.loopKeyChanges(site, this.textOf(base), subscript, value, statement);
    if (!this.isType(base, 'identifier') || !this.isType(subscript, 'string')) return false;
    const key = stringValue(this.textOf(subscript), { start: 0, end: 0 });
    if (key.kind !== 'string') return false;
    return this.addChange(site, this.textOf(base), keyChangeOf(key.value, value, statement.startIndex, this.endOf(statement), subscript.startIndex, this.endOf(subscript), this.endOf(statement), site));
  }

  /**
   * `for k in ["a", "b"]: d[k] = value`: a change of each key the loop's literal list names. Written
   * straight in the loop's body, with nothing in it that leaves an iteration early, and a value that
   * does not read `k`, each happens by the loop's end (a change at the loop's end, where the loop
   * statement is); otherwise each may happen (its value unknown). False for any other key.
   */
  private loopKeyChanges(site: Site, name: string, key: Node, value: Node, statement: Node): boolean {
    const variable = this.textOf(key);
    const loop = lastDefinitionBefore(this.lookup(site.scope, variable), statement.startIndex);
    const list = loop?.iterates;
    const frame = loop?.site.frame;
    if (!list || !frame || frame.kind !== 'loop' || frame.end < statement.startIndex || (!this.isType(list, 'list') && !this.isType(list, 'tuple'))) return false;
    const keys: string[] = [];
    for (const item of list.namedChildren) {
      if (this.typeOf(item) === 'comment') continue;
      const literal = this.isType(item, 'string') ? stringValue(this.textOf(item), { start: 0, end: 0 }) : undefined;
      if (literal?.kind !== 'string') return false;
      keys.push(literal.value);
    }
    // A dict made again inside the loop keeps the last key only: each key may have been written.
    const made = lastDefinitionBefore(this.lookup(site.scope, name), statement.startIndex);
    // A value that reads the loop variable differs by key: each key's value is then unknown (a change that may happen).
    const readsKey = new RegExp(`\\b${variable}\\b`).test(this.textOf(value));
    const whole = !readsKey && site.frame === frame && keys.length > 0 && (made?.at ?? 0) < frame.start && !/\b(?:break|continue)\b/.test(this.text.slice(frame.start, frame.end));
    const at = whole ? frame.end : this.endOf(statement);
    const where: Site = whole ? { scope: site.scope, frame: frame.parent } : site;
    for (const k of keys) this.addChange(where, name, keyChangeOf(k, value, statement.startIndex, this.endOf(statement), key.startIndex, this.endOf(key), at, where));
    return true;
  }

  /** Records a key change on the name's binding; a change from another scope, or one too many, changes it beyond following. */
  private addChange(site: Site, name: string, change: KeyChange): boolean {
    const binding = this.lookup(site.scope, name);
    if (!binding) return true;
    if (binding.scope !== site.scope || (binding.changes?.length ?? 0) >= maxChanges) {
      binding.mutated = true;
      return true;
    }
    if (this.deepNow) change.deep = true;
    (binding.changes ??= []).push(change);
    return true;
  }

  /** Binds `name` in `site` from offset `at`: the new definition, for the caller to say what it binds. */
  protected define(site: Site, name: string, at: number): Definition {
    const scope = this.bindingScope(site.scope, name);
    const definition = new Definition(at, site);
    if (scope !== site.scope) definition.foreign = true;
    if (this.deepNow) definition.deep = true;
    const binding = scope.bindings.get(name);
    if (binding) addDefinition(binding, definition);
    else scope.bindings.set(name, new Binding(scope, definition));
    return definition;
  }

  private bindImport(site: Site, name: string, qualified: string, statement: Node): void {
    const canonical = canonicalNames.get(qualified) ?? qualified;
    this.imports.add(canonical);
    this.define(site, name, this.endOf(statement)).imported = canonical;
  }

  private bindingScope(scope: Scope, name: string): Scope {
    if (!scope.outer?.has(name)) return scope;
    // `global x` binds at module level; `nonlocal x` in the nearest enclosing function.
    let outer = scope.parent;
    while (outer && outer.kind === 'class') outer = outer.parent;
    return outer ?? this.module;
  }

  private mutate(site: Site, name: string): void {
    const binding = this.lookup(site.scope, name);
    if (binding) binding.mutated = true;
  }

  /** The calls whose callee is the plain name `name`, in file order. */
  protected callsNamed(name: string): CallSite[] | undefined {
    if (!this.callsByName) {
      // Only a parameter of a function of the file asks: most files never build the index.
      const index = new Map<string, CallSite[]>();
      for (const entry of this.callSites) {
        const callee = this.field(entry.node, 'function');
        if (!this.isType(callee, 'identifier')) continue;
        const calleeName = this.textOf(callee);
        const list = index.get(calleeName);
        if (list) list.push(entry);
        else index.set(calleeName, [entry]);
      }
      this.callsByName = index;
    }
    return this.callsByName.get(name);
  }

  protected lookup(scope: Scope, name: string): Binding | undefined {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      // Class bodies are not visible from the methods defined in them.
      if (s.kind === 'class' && s !== scope) continue;
      if (s.outer?.has(name)) continue;
      const binding = s.bindings.get(name);
      if (binding) return binding;
    }
    return undefined;
  }
}
