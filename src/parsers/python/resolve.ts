import type { PyDict, PyDictEntry, PyKeyword, PyValue, PythonCall, Span } from './facts';
import type { Binding, Definition, Site } from './flow';
import { maxCandidates, reachingChanges } from './flow';
import { containerOf, parseNumber, stringValue } from './literals';
import type { PyNode as Node } from './mirror';
import { maxDepth, Names } from './names';
import { ByKey } from '../byKey';
import { candidatesOf, mergedDicts, oneOf } from './valueSets';

/**
 * The second pass of the Python analysis: qualified names, values and calls, read through the
 * definitions that reach each use (`flow.ts`). A name several definitions reach has the set of
 * their values (identical values once); a parameter of a function of the file has the values its
 * call sites pass; a dict changed by constant key after it was made has those keys changed.
 */

export class Resolver extends Names {
  /** Each call built so far by node id: the call, null when it resolves to none, {@link resolving} while being built. */
  private readonly calls = new Map<number, PythonCall | null | typeof resolving>();
  protected override release(): void {
    // Each value overwritten where it is (a cleared map drops its table, slots and all).
    for (const id of this.calls.keys()) this.calls.set(id, null);
    this.calls.clear();
    super.release();
  }

  // ---- calls ---------------------------------------------------------------------

  protected callOf(node: Node, site: Site, depth: number): PythonCall | undefined {
    const cached = this.calls.get(node.id);
    if (cached === resolving) return undefined;
    if (cached !== undefined) return cached ?? undefined;
    if (depth > maxDepth) return undefined;
    // Marked in the same map rather than a set of its own: a set's add and delete per call reallocated its table each time.
    this.calls.set(node.id, resolving);
    let call: PythonCall | undefined;
    try {
      call = this.buildCall(node, site, depth);
    } finally {
      this.calls.set(node.id, call ?? null);
    }
    return call;
  }

  private buildCall(node: Node, site: Site, depth: number): PythonCall | undefined {
    // A call with a syntax error inside is being typed: its arguments are not what they will be.
    if (this.treeHasError && node.hasError) return undefined;
    const callee = this.field(node, 'function');
    const args = this.field(node, 'arguments');
    if (!callee || !args || this.typeOf(args) !== 'argument_list') return undefined;
    const calleePath = this.pathOf(callee, site, depth + 1);
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
    const receivers = callee.type === 'attribute' ? this.receiversOf(callee.childForFieldName('object'), site, depth + 1) : undefined;
    if (receivers?.length === 1) call.receiver = receivers[0];
    else if (receivers && receivers.length > 1) call.receivers = receivers;
    const names = this.chosenNames.size ? this.chosenNames.get(callee.id) : undefined;
    if (names) call.names = names;
    const keywords = new ByKey(call.keywords, keywordName);
    for (const arg of items) {
      switch (this.typeOf(arg)) {
        case 'keyword_argument': {
          // One crossing for both parts: `name=value` has exactly these two named children (comments aside).
          let key: Node | undefined;
          let value: Node | undefined;
          let parts = 0;
          for (const c of arg.namedChildren) {
            if (this.typeOf(c) === 'comment') continue;
            if (parts++ === 0) key = c;
            value = c;
          }
          if (parts !== 2 || !key || !value || this.typeOf(key) !== 'identifier') break;
          const keyword: PyKeyword = { name: this.textOf(key), start: arg.startIndex, end: this.endOf(arg), value: this.evaluate(value, site, depth + 1) };
          keywords.set(keyword);
          break;
        }
        case 'dictionary_splat': {
          const spread = this.spreadOf(arg, site, depth);
          if (!spread) {
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
          call.positional.push(this.evaluate(arg, site, depth + 1));
      }
    }
    return call;
  }

  /**
   * The calls an object may come from: written in place (`X().m()`), or assigned to the name
   * (`x = X()` … `x.m()`), each definition that reaches the use; undefined when any is not a call.
   */
  private receiversOf(node: Node | null, site: Site, depth: number): PythonCall[] | undefined {
    if (!node || depth > maxDepth) return undefined;
    if (node.type === 'parenthesized_expression') return this.receiversOfChoices(node, site, depth);
    if (node.type === 'call') {
      const call = this.callOf(node, site, depth);
      if (call) return [call];
      // A function of the file: the calls its `return`s give.
      const callee = this.field(node, 'function');
      const fn = callee ? this.calledFunction(callee, site) : undefined;
      if (!fn?.returns.length) return undefined;
      return this.returning_(fn, () => {
        const calls: PythonCall[] = [];
        for (const returned of fn.returns) {
          const more = this.receiversOf(returned.node, returned.site, depth + 1);
          if (!more) return undefined;
          for (const made of more) if (!calls.includes(made)) calls.push(made);
        }
        return calls.length <= maxCandidates ? calls : undefined;
      });
    }
    if (node.type !== 'identifier') return undefined;
    const reached = this.reaching(node, site);
    if (!reached) return undefined;
    const calls: PythonCall[] = [];
    for (const definition of reached.definitions) {
      const found = this.receiversOfDefinition(definition, depth);
      if (!found) return undefined;
      for (const call of found) if (!calls.includes(call)) calls.push(call);
    }
    return calls;
  }

  /** `(tuner if use_amt else estimator)`, `(a or b)`: the calls each side may come from; undefined unless every side shows them. */
  private receiversOfChoices(node: Node, site: Site, depth: number): PythonCall[] | undefined {
    const choices = this.choicesOf(node);
    if (!choices) {
      const inner = node.namedChildren.find((c) => this.typeOf(c) !== 'comment');
      return inner ? this.receiversOf(inner, site, depth + 1) : undefined;
    }
    const calls: PythonCall[] = [];
    for (const choice of choices) {
      const more = this.receiversOf(choice, site, depth + 1);
      if (!more) return undefined;
      for (const made of more) if (!calls.includes(made)) calls.push(made);
    }
    return calls.length <= maxCandidates ? calls : undefined;
  }

  private receiversOfDefinition(definition: Definition, depth: number): PythonCall[] | undefined {
    if (definition.receivers !== undefined) return definition.receivers ?? undefined;
    let found: PythonCall[] | undefined;
    if (definition.value) found = this.isType(definition.value, 'call') ? this.receiversOf(definition.value, definition.site, depth + 1) : undefined;
    else if (definition.parameter) {
      found = this.following_(definition, () => {
        const calls: PythonCall[] = [];
        for (const arg of this.argumentsOf(definition) ?? []) {
          const more = this.receiversOf(arg.node, arg.site, depth + 1);
          if (!more) return undefined;
          for (const call of more) if (!calls.includes(call)) calls.push(call);
        }
        return calls.length ? calls : undefined;
      });
    }
    definition.receivers = found ?? null;
    return found;
  }

  // ---- values ----------------------------------------------------------------------

  protected evaluate(node: Node, site: Site, depth: number): PyValue {
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
        return inner ? { ...this.evaluate(inner, site, depth + 1), ...span } : { kind: 'unknown', ...span };
      }
      case 'unary_operator': {
        const operand = this.field(node, 'argument');
        const operator = this.typeOfOpt(this.field(node, 'operator'));
        const value = operand ? this.evaluate(operand, site, depth + 1) : undefined;
        if (value?.kind === 'number' && (operator === '-' || operator === '+')) return { kind: 'number', value: operator === '-' ? -value.value : value.value, ...span };
        return { kind: 'unknown', ...span };
      }
      case 'binary_operator':
        return this.binaryValue(node, site, depth, span);
      case 'conditional_expression': {
        const branches = node.namedChildren.filter((c) => this.typeOf(c) !== 'comment');
        // `a if condition else b`: named children are a, condition, b.
        const alternatives = branches.length === 3 ? [branches[0], branches[2]].map((b) => this.evaluate(b, site, depth + 1)) : undefined;
        return { kind: 'unknown', ...span, ...(alternatives ? { alternatives } : {}) };
      }
      case 'dictionary':
        return this.dictValue(node, site, depth, span);
      case 'list_comprehension': {
        // `[e for x in xs]`: unknown, with its element read inside it (where `x` is the loop's, not an outer `x`).
        const inner = this.comprehensionSites?.get(node.id);
        const body = inner ? this.field(node, 'body') : null;
        return inner && body ? { kind: 'unknown', ...span, element: this.evaluate(body, inner, depth + 1) } : { kind: 'unknown', ...span };
      }
      case 'list':
      case 'tuple':
        return { kind: 'list', items: node.namedChildren.filter((c) => this.typeOf(c) !== 'comment').map((c) => this.evaluate(c, site, depth + 1)), ...span };
      case 'identifier':
        return this.nameValue(node, site, depth, span);
      case 'attribute': {
        const assigned = this.settledAttribute(node);
        if (assigned?.value) {
          assigned.evaluated ??= this.evaluate(assigned.value, assigned.site, depth + 1);
          return { ...assigned.evaluated, ...span, indirect: true };
        }
        if (assigned) return { kind: 'unknown', ...span };
        // An enum member or a constant of an imported module: its name is all that is known.
        const path = this.pathOf(node, site, depth + 1);
        return path ? { kind: 'unknown', ...span, path } : { kind: 'unknown', ...span };
      }
      case 'subscript': {
        // `d["key"]` of a dict the file shows (with its key changes): that entry's value, read through the name.
        const base = this.field(node, 'value');
        const key = this.field(node, 'subscript');
        const name = key && this.isType(key, 'string') ? stringValue(this.textOf(key), span) : undefined;
        const dict = base && name?.kind === 'string' ? this.evaluate(base, site, depth + 1) : undefined;
        const entry = dict?.kind === 'dict' && !dict.open && name?.kind === 'string' ? dict.entries.find((e) => e.key === name.value) : undefined;
        if (!entry && base && key && !name) {
          const element = this.elementValue(base, key, site, depth, span);
          if (element) return element;
        }
        return entry ? { ...entry.value, ...span, indirect: true } : { kind: 'unknown', ...span };
      }
      case 'call': {
        const call = this.callOf(node, site, depth + 1);
        // `cfg.get("key", default)`: a resolved call is asked only when its name says `get`.
        const got = call && !call.name.endsWith('.get') ? undefined : this.mappingGet(node, site, depth, span);
        if (got) return got;
        if (call) return { kind: 'call', call, ...span };
        return this.builtinDict(node, site, depth, span) ?? { kind: 'unknown', ...span };
      }
      default:
        return { kind: 'unknown', ...span };
    }
  }

  /** A name's value: that of each definition reaching the use, with the dict keys changed since; one value, or the set. */
  private nameValue(node: Node, site: Site, depth: number, span: Span): PyValue {
    const reached = this.reaching(node, site);
    if (!reached) return { kind: 'unknown', ...span };
    const values: PyValue[] = [];
    for (const definition of reached.definitions) {
      const found = this.valuesOfDefinition(definition, depth);
      if (!found) return { kind: 'unknown', ...span };
      for (const value of found) {
        const changed = value.kind === 'dict' ? this.withChanges(value, reached.binding, definition, node, site, depth) : value;
        if (!changed) return { kind: 'unknown', ...span };
        values.push(changed);
      }
    }
    return oneOf(values, span);
  }

  /** The values a definition gives: its right-hand side, or each call site's argument for a parameter; undefined when unknown. */
  private valuesOfDefinition(definition: Definition, depth: number): PyValue[] | undefined {
    if (definition.value) {
      definition.evaluated ??= this.evaluate(definition.value, definition.site, depth + 1);
      return [definition.evaluated];
    }
    if (definition.iterates) return this.loopValues(definition, definition.iterates, depth);
    if (!definition.parameter) return undefined;
    if (definition.evaluated) return candidatesOf(definition.evaluated);
    const values = this.following_(definition, () => {
      const args = this.argumentsOf(definition);
      return args?.map((arg) => this.evaluate(arg.node, arg.site, depth + 1));
    });
    if (!values) return undefined;
    const value = oneOf(values, { start: 0, end: 0 });
    definition.evaluated = value;
    return candidatesOf(value);
  }

  /**
   * A loop variable's values: each element of the list or tuple the loop iterates, or each key of a
   * dict (its iteration order); undefined for anything else, or an empty one.
   */
  private loopValues(definition: Definition, iterates: Node, depth: number): PyValue[] | undefined {
    if (!definition.evaluated) {
      const iterable = this.evaluate(iterates, definition.site, depth + 1);
      const at = { start: iterates.startIndex, end: this.endOf(iterates) };
      let elements: PyValue[] | undefined;
      if (iterable.kind === 'list') elements = iterable.items;
      else if (iterable.kind === 'dict' && !iterable.open) elements = iterable.entries.map((e): PyValue => ({ kind: 'string', value: e.key, start: e.keyStart, end: e.keyEnd }));
      definition.evaluated = elements?.length && elements.length <= maxCandidates ? oneOf(elements, at) : { kind: 'unknown', ...at };
    }
    const value = definition.evaluated;
    if (value.kind === 'unknown' && !value.alternatives) return undefined;
    return candidatesOf(value);
  }

  /**
   * `types[0]`, `types[-1]` of a list the file shows; `configs[name]` of a dict it shows, with `name`
   * a constant or a loop variable over its keys (each key's entry, as a set). Undefined otherwise.
   */
  private elementValue(base: Node, key: Node, site: Site, depth: number, span: Span): PyValue | undefined {
    // Only a number or a name can be such a key (not a slice, a tuple, a type in `dict[str, int]`).
    const keyType = this.typeOf(key);
    if (keyType !== 'integer' && keyType !== 'unary_operator' && keyType !== 'identifier') return undefined;
    const index = this.evaluate(key, site, depth + 1);
    const keys = index.kind === 'unknown' ? index.alternatives : [index];
    if (!keys?.length || !keys.every((k) => k.kind === 'number' || k.kind === 'string')) return undefined;
    const container = this.evaluate(base, site, depth + 1);
    const values: PyValue[] = [];
    for (const k of keys) {
      let value: PyValue | undefined;
      if (container.kind === 'list' && k.kind === 'number' && Number.isInteger(k.value) && k.value >= -container.items.length && k.value < container.items.length) {
        value = container.items[k.value < 0 ? container.items.length + k.value : k.value];
      } else if (container.kind === 'dict' && !container.open && k.kind === 'string') value = container.entries.find((e) => e.key === k.value)?.value;
      if (!value) return undefined;
      values.push(value);
    }
    return oneOf(values, span);
  }

  /** The dict with the constant-key changes that reach the use applied: a change that may not have happened leaves its key unknown. */
  private withChanges(dict: PyDict, binding: Binding, definition: Definition, node: Node, site: Site, depth: number): PyDict | undefined {
    const changes = reachingChanges(binding, definition, node.startIndex, site);
    if (!changes) return undefined;
    if (!changes.length) return dict;
    const entries = new Map<string, PyDictEntry>(dict.entries.map((e) => [e.key, e]));
    for (const { change, sure } of changes) {
      const place = { start: change.start, end: change.end, keyStart: change.keyStart, keyEnd: change.keyEnd };
      const span = change.value ? { start: change.value.startIndex, end: this.endOf(change.value) } : { start: change.start, end: change.end };
      if (!sure) entries.set(change.key, { key: change.key, ...place, value: { kind: 'unknown', ...span } });
      else if (!change.value) entries.delete(change.key);
      else entries.set(change.key, { key: change.key, ...place, value: this.evaluate(change.value, change.site, depth + 1) });
    }
    return { ...dict, entries: [...entries.values()] };
  }

  private binaryValue(node: Node, site: Site, depth: number, span: Span): PyValue {
    const left = this.field(node, 'left');
    const right = this.field(node, 'right');
    const operator = this.typeOfOpt(this.field(node, 'operator'));
    if (!left || !right || !operator) return { kind: 'unknown', ...span };
    const a = this.evaluate(left, site, depth + 1);
    const b = this.evaluate(right, site, depth + 1);
    if (a.kind === 'string' && b.kind === 'string' && operator === '+') return { kind: 'string', value: a.value + b.value, ...span };
    // `common | specific` of two dicts: the keys of both, the right one's winning.
    if (a.kind === 'dict' && b.kind === 'dict' && operator === '|') {
      const merged = new Map<string, PyDictEntry>([...a.entries, ...b.entries].map((e) => [e.key, e]));
      return { kind: 'dict', entries: [...merged.values()], open: a.open || b.open, ...span };
    }
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

  /**
   * The dict a `**spread` unpacks; undefined when the file does not show one. A name bound to a
   * different dict on each path (`if fsx: kwargs = {...} else: kwargs = {}`) unpacks their merge.
   */
  private spreadOf(splat: Node, site: Site, depth: number): PyDict | undefined {
    const inner = splat.namedChildren.find((c) => this.typeOf(c) !== 'comment');
    const spread = inner ? this.evaluate(inner, site, depth + 1) : undefined;
    if (spread?.kind === 'dict') return spread;
    const dicts = spread?.kind === 'unknown' && !spread.path ? spread.alternatives : undefined;
    return dicts?.length && dicts.every((d) => d.kind === 'dict') ? mergedDicts(dicts as PyDict[], spread!) : undefined;
  }

  private dictValue(node: Node, site: Site, depth: number, span: Span): PyDict {
    const dict: PyDict = { kind: 'dict', entries: [], open: false, container: containerOf(node), ...span };
    const entries = byKey(dict.entries);
    for (const child of node.namedChildren) {
      if (this.typeOf(child) === 'pair') {
        const key = this.field(child, 'key');
        const value = this.field(child, 'value');
        const keyValue = key ? this.evaluate(key, site, depth + 1) : undefined;
        if (!key || !value || keyValue?.kind !== 'string') {
          dict.open = true;
          continue;
        }
        entries.set({ key: keyValue.value, start: child.startIndex, end: this.endOf(child), keyStart: key.startIndex, keyEnd: this.endOf(key), value: this.evaluate(value, site, depth + 1) });
      } else if (this.typeOf(child) === 'dictionary_splat') {
        const spread = this.spreadOf(child, site, depth);
        if (!spread) {
          dict.open = true;
          continue;
        }
        if (spread.open) dict.open = true;
        for (const entry of spread.entries) entries.set(entry);
      } else if (this.typeOf(child) !== 'comment') dict.open = true;
    }
    return dict;
  }

  /**
   * `cfg.get("key", default)` on a mapping: of a dict the file shows, the entry, or the default when
   * it has no such key; of a mapping it does not show (`json.load(f)`, `os.environ`, a parameter),
   * the default or a value the file does not show. Undefined when the call is no such `get`: a
   * module's or a class's (`requests.get(url)`, `Endpoint.get(name)`), or an SDK or boto3 object's.
   */
  private mappingGet(node: Node, site: Site, depth: number, span: Span): PyValue | undefined {
    const callee = this.field(node, 'function');
    // The callee's text ends in `.get` (no string made for the calls that do not).
    if (!callee || !this.text.startsWith('get', this.endOf(callee) - 3) || !this.isType(callee, 'attribute')) return undefined;
    const args = this.field(node, 'arguments');
    const items = this.isType(args, 'argument_list') ? args.namedChildren.filter((c) => this.typeOf(c) !== 'comment') : [];
    if (items.length < 1 || items.length > 2 || items.some((c) => /^(keyword_argument|list_splat|dictionary_splat)$/.test(this.typeOf(c)))) return undefined;
    const object = this.field(callee, 'object');
    const path = object ? this.pathOf(object, site, depth + 1) : undefined;
    if (!object || (path !== undefined && path !== 'os.environ' && (!path.endsWith('()') || /^(sagemaker|boto3)\b/.test(path)))) return undefined;
    const key = this.evaluate(items[0], site, depth + 1);
    if (key.kind !== 'string') return undefined;
    const fallback: PyValue = items.length === 2 ? this.evaluate(items[1], site, depth + 1) : { kind: 'none', ...span };
    const mapping = path === undefined ? this.evaluate(object, site, depth + 1) : undefined;
    if (mapping?.kind === 'dict') {
      const entry = mapping.entries.find((e) => e.key === key.value);
      if (entry) return { ...entry.value, ...span, indirect: true };
      if (!mapping.open) return { ...fallback, ...span, indirect: true };
    }
    return oneOf([fallback, { kind: 'unknown', ...span }], span);
  }

  /** `dict(Key=value, …)` with the builtin `dict`. */
  private builtinDict(node: Node, site: Site, depth: number, span: Span): PyDict | undefined {
    const callee = this.field(node, 'function');
    const args = this.field(node, 'arguments');
    if (!this.isType(callee, 'identifier') || this.textOf(callee) !== 'dict' || this.lookup(site.scope, 'dict') || !this.isType(args, 'argument_list')) return undefined;
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
      entries.set({ key: this.textOf(key), start: arg.startIndex, end: this.endOf(arg), keyStart: key.startIndex, keyEnd: this.endOf(key), value: this.evaluate(value, site, depth + 1) });
    }
    return dict;
  }
}

/** A call being built: one that reaches itself (`x = f(x)`) resolves to none there. */
const resolving = Symbol('resolving');

const keywordName = (k: PyKeyword): string => k.name;
const entryKey = (e: PyDictEntry): string => e.key;

function byKey(entries: PyDictEntry[]): ByKey<PyDictEntry> {
  return new ByKey(entries, entryKey);
}
