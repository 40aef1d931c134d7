import type { PyValue } from './facts';
import type { AttributeBinding } from './collect';
import { canonicalNames, Collector } from './collect';
import type { Binding, Definition, FunctionInfo, ParameterInfo, Site } from './flow';
import { maxCandidates, reachingDefinitions } from './flow';
import { compact } from './literals';
import type { PyNode as Node } from './mirror';
import { sameSdkName } from './sdkReexports';

/**
 * Qualified names, read through the definitions that reach each use: an import, an assignment, a
 * parameter of a function of the file (through the arguments its call sites pass). Several
 * definitions give one name only when they all give the same (an SDK class through two of its
 * export paths is one name). Values are read by the subclass (`resolve.ts`).
 */

/** Attributes of known instances whose type we know (`sagemaker.Session().sagemaker_client`). */
const knownAttributes: ReadonlyMap<string, string> = new Map([
  ['sagemaker.Session().sagemaker_client', 'boto3.client:sagemaker'],
  ['sagemaker.Session().boto_session', 'boto3.Session()'],
]);

/** The last part of every name in {@link knownAttributes} and `canonicalNames`. */
const renamingAttributes: ReadonlySet<string> = new Set([...knownAttributes.keys(), ...canonicalNames.keys()].map((name) => name.slice(name.lastIndexOf('.') + 1)));

const clientFactories = new Set(['boto3.client', 'boto3.Session().client']);

export const maxDepth = 25;

/** Expressions that have no qualified name whatever the file holds. */
const literalTypes: ReadonlySet<string> = new Set(['none', 'true', 'false', 'integer', 'float', 'string', 'concatenated_string', 'list', 'tuple', 'dictionary', 'set']);

/** An SDK class method that returns an instance of its class. */
const sdkFactory = /^(sagemaker\.[\w.]*\.[A-Z]\w*)\.attach$/;

/**
 * The SDK v2 classes with an `attach(job_name)` class method (estimators, the tuner), by the name a
 * notebook uses when its import is in a file it runs (`%run setup.py`): their defining paths.
 */
const attachable = new Map(
  ['estimator.Estimator', 'pytorch.estimator.PyTorch', 'tensorflow.estimator.TensorFlow', 'huggingface.estimator.HuggingFace', 'xgboost.estimator.XGBoost', 'sklearn.estimator.SKLearn', 'mxnet.estimator.MXNet', 'chainer.estimator.Chainer', 'tuner.HyperparameterTuner', 'amazon.kmeans.KMeans', 'amazon.pca.PCA', 'amazon.linear_learner.LinearLearner', 'amazon.factorization_machines.FactorizationMachines', 'amazon.randomcutforest.RandomCutForest', 'amazon.knn.KNN', 'amazon.lda.LDA', 'amazon.ntm.NTM', 'amazon.object2vec.Object2Vec', 'amazon.ipinsights.IPInsights'].map((p) => [p.slice(p.lastIndexOf('.') + 1), `sagemaker.${p}`]),
);

/** Where an argument of a call site is. */
export interface Argument {
  node: Node;
  site: Site;
}

export abstract class Names extends Collector {
  /** A method of a choice of SDK objects of different classes, by the attribute node: each side's name ({@link choiceMethodPath}). */
  protected readonly chosenNames = new Map<number, string[]>();
  /** The last choice whose sides' paths were read ({@link choicePaths}). */
  private lastChoice: { id: number; paths: string[] | undefined } | undefined;

  protected abstract evaluate(node: Node, site: Site, depth: number): PyValue;

  protected override release(): void {
    this.chosenNames.clear();
    this.lastChoice = undefined;
    super.release();
  }

  // ---- definitions ---------------------------------------------------------------

  /** The definitions of a name that reach its use at `node`; undefined when they cannot be followed. */
  protected reaching(node: Node, site: Site): { binding: Binding; definitions: Definition[] } | undefined {
    const binding = this.lookup(site.scope, this.textOf(node));
    if (!binding || binding.mutated) return undefined;
    const definitions = reachingDefinitions(binding, node.startIndex, site);
    return definitions?.length ? { binding, definitions } : undefined;
  }

  /** The call sites of a function of the file: calls by its name that its definition reaches. */
  private callSitesOf(fn: FunctionInfo): Array<{ node: Node; site: Site }> | undefined {
    const sites = this.callsNamed(fn.name);
    if (!sites?.length || sites.length > maxCandidates) return undefined;
    for (const site of sites) {
      const callee = this.field(site.node, 'function');
      const reached = callee ? this.reaching(callee, site.site) : undefined;
      if (!reached || reached.definitions.length !== 1 || reached.definitions[0].fn !== fn) return undefined;
    }
    return sites;
  }

  /** What a call site passes for a parameter: the argument, the default (`site` where the function is defined), or undefined when unknown. */
  private argumentFor(call: Node, site: Site, fn: FunctionInfo, info: ParameterInfo): Argument | undefined {
    const args = this.field(call, 'arguments');
    if (!this.isType(args, 'argument_list')) return undefined;
    let position = 0;
    let hidden = false;
    for (const arg of args.namedChildren) {
      const type = this.typeOf(arg);
      if (type === 'comment') continue;
      if (type === 'keyword_argument') {
        const name = this.field(arg, 'name');
        const value = this.field(arg, 'value');
        if (name && value && this.textOf(name) === info.name) return { node: value, site };
      } else if (type === 'list_splat' || type === 'dictionary_splat') hidden = true;
      else if (!hidden && position++ === info.index) return { node: arg, site };
    }
    if (hidden || !info.default) return undefined;
    return { node: info.default, site: fn.site };
  }

  /** Each call site's argument for a parameter; undefined when any is unknown. */
  protected argumentsOf(definition: Definition): Argument[] | undefined {
    const parameter = definition.parameter;
    if (!parameter || parameter.info.collects) return undefined;
    const sites = this.callSitesOf(parameter.fn);
    if (!sites) return undefined;
    const list: Argument[] = [];
    for (const { node, site } of sites) {
      const argument = this.argumentFor(node, site, parameter.fn, parameter.info);
      if (!argument) return undefined;
      list.push(argument);
    }
    return list;
  }

  /** Runs `read` with the parameter marked as being followed; undefined when it already is (a function calling itself). */
  protected following_<T>(definition: Definition, read: () => T | undefined): T | undefined {
    if (definition.following) return undefined;
    definition.following = true;
    try {
      return read();
    } finally {
      definition.following = false;
    }
  }

  /** Runs `read` with the function marked as having its `return`s read; undefined when it already is (a function calling itself). */
  protected returning_<T>(fn: FunctionInfo, read: () => T | undefined): T | undefined {
    if (fn.returning) return undefined;
    fn.returning = true;
    try {
      return read();
    } finally {
      fn.returning = false;
    }
  }

  // ---- qualified names -------------------------------------------------------

  /** The qualified name an expression denotes: a module, a class, or an instance (`X()`). */
  protected pathOf(node: Node, site: Site, depth: number): string | undefined {
    if (depth > maxDepth) return undefined;
    switch (this.typeOf(node)) {
      case 'identifier': {
        const name = this.textOf(node);
        const reached = this.reaching(node, site);
        if (!reached) {
          if (this.lookup(site.scope, name) || this.starImports.length !== 1) return undefined;
          // A single `from module import *`: an otherwise unbound capitalised name may come from it.
          return /^[A-Z]/.test(name) ? `${this.starImports[0]}.${name}` : undefined;
        }
        let path: string | undefined;
        for (const definition of reached.definitions) {
          const p = this.pathOfDefinition(definition, depth);
          if (!p || (path !== undefined && !sameSdkName(path, p))) return undefined;
          path ??= p;
        }
        return path;
      }
      case 'attribute': {
        const object = this.field(node, 'object');
        const attribute = this.textOfOpt(this.field(node, 'attribute'));
        if (!object || !attribute) return undefined;
        const base = this.pathOf(object, site, depth + 1);
        if (base) {
          const path = `${base}.${attribute}`;
          // Only these attributes end a known or canonical name: the others need no lookup of the new string.
          return renamingAttributes.has(attribute) ? (knownAttributes.get(path) ?? canonicalNames.get(path) ?? path) : path;
        }
        const chosen = this.typeOf(object) === 'parenthesized_expression' ? this.choiceMethodPath(node, object, attribute, site, depth) : undefined;
        if (chosen) return chosen;
        const assigned = this.settledAttribute(node);
        if (!assigned?.value) return undefined;
        if (assigned.path === undefined) assigned.path = this.pathOf(assigned.value, assigned.site, depth + 1) ?? null;
        return assigned.path ?? undefined;
      }
      case 'call': {
        const callee = this.field(node, 'function');
        const path = callee ? this.pathOf(callee, site, depth + 1) : undefined;
        if (!path) return callee ? (this.returnedPath(callee, site, depth) ?? this.unboundAttach(callee, site)) : undefined;
        if (clientFactories.has(path)) {
          const service = this.serviceName(node, site, depth);
          return service ? `boto3.client:${service}` : undefined;
        }
        // `PyTorch.attach(job_name)`: the SDK's factory of an estimator or tuner already trained is an instance of its class.
        const factory = path.endsWith('.attach') ? sdkFactory.exec(path) : null;
        return factory ? `${factory[1]}()` : `${path}()`;
      }
      case 'parenthesized_expression': {
        const inner = node.namedChildren.find((c) => this.typeOf(c) !== 'comment');
        return inner ? this.pathOf(inner, site, depth + 1) : undefined;
      }
      case 'conditional_expression':
      case 'boolean_operator':
        return this.choicePath(node, site, depth);
      default:
        return undefined;
    }
  }

  /**
   * The expressions a choice may give, through parentheses: `a if c else b` and `a or b` give `a`
   * and `b` (nested choices flattened); undefined for anything else.
   */
  protected choicesOf(node: Node): Node[] | undefined {
    const inner = this.unparenthesized(node);
    if (!inner) return undefined;
    let sides: Node[];
    if (this.typeOf(inner) === 'conditional_expression') {
      // `a if condition else b`: named children are a, condition, b.
      const parts = inner.namedChildren.filter((c) => this.typeOf(c) !== 'comment');
      if (parts.length !== 3) return undefined;
      sides = [parts[0], parts[2]];
    } else if (this.typeOf(inner) === 'boolean_operator' && this.typeOfOpt(this.field(inner, 'operator')) === 'or') {
      const left = this.field(inner, 'left');
      const right = this.field(inner, 'right');
      if (!left || !right) return undefined;
      sides = [left, right];
    } else return undefined;
    const flat: Node[] = [];
    for (const side of sides) {
      const more = this.choicesOf(side);
      for (const choice of more ?? [side]) flat.push(choice);
      if (flat.length > maxCandidates) return undefined;
    }
    return flat;
  }

  /** The expression inside any parentheses around `node` (`((a))` → `a`); undefined for empty ones. */
  private unparenthesized(node: Node): Node | undefined {
    let inner: Node | undefined = node;
    while (inner && this.typeOf(inner) === 'parenthesized_expression') inner = inner.namedChildren.find((c) => this.typeOf(c) !== 'comment');
    return inner;
  }

  /** A choice's qualified name: the one every side gives (an SDK class through two export paths is one). */
  private choicePath(node: Node, site: Site, depth: number): string | undefined {
    const paths = this.choicePaths(node, site, depth);
    return paths?.every((p) => sameSdkName(paths[0], p)) ? paths[0] : undefined;
  }

  /** Each side's qualified name, in written order; undefined when the node is no choice or a side has none. */
  protected choicePaths(node: Node, site: Site, depth: number): string[] | undefined {
    // `(a if c else b).m`: the attribute asks again right after the object's own path was asked.
    const inner = this.unparenthesized(node);
    if (!inner) return undefined;
    if (this.lastChoice?.id === inner.id) return this.lastChoice.paths;
    const choices = this.choicesOf(inner);
    if (!choices) return undefined;
    // `X(...) if c else None`: a literal side has no qualified name, so neither has the choice.
    const literal = choices.some((c) => literalTypes.has(this.typeOf(c)));
    const paths: string[] = [];
    for (const choice of literal ? [] : choices) {
      const path = this.pathOf(choice, site, depth + 1);
      if (!path) break;
      paths.push(path);
    }
    const found = !literal && paths.length === choices.length ? paths : undefined;
    this.lastChoice = { id: inner.id, paths: found };
    return found;
  }

  /**
   * `(tuner if use_amt else estimator).deploy`: a method of a choice of SDK objects of different
   * classes, named after the first side (`a` of `a if c else b`); the call lists each side's name
   * in `names`. Undefined unless every side is an instance the SDK made.
   */
  private choiceMethodPath(node: Node, object: Node, attribute: string, site: Site, depth: number): string | undefined {
    const paths = this.choicePaths(object, site, depth);
    if (!paths?.every((p) => p.startsWith('sagemaker.') && p.endsWith('()'))) return undefined;
    const names = [...new Set(paths.map((p) => `${p}.${attribute}`))];
    this.chosenNames.set(node.id, names);
    return names[0];
  }

  /** `TensorFlow.attach(job)` where nothing in the file binds or imports `TensorFlow`: the SDK class of that name, attached to a job already run. */
  private unboundAttach(callee: Node, site: Site): string | undefined {
    const object = this.isType(callee, 'attribute') && this.textOfOpt(this.field(callee, 'attribute')) === 'attach' ? this.field(callee, 'object') : undefined;
    if (!object || !this.isType(object, 'identifier') || this.starImports.length || this.lookup(site.scope, this.textOf(object))) return undefined;
    const path = attachable.get(this.textOf(object));
    return path && `${path}()`;
  }

  /** The function of the file a plain name calls (one definition reaching the call). */
  protected calledFunction(callee: Node, site: Site): FunctionInfo | undefined {
    if (!this.isType(callee, 'identifier')) return undefined;
    const reached = this.reaching(callee, site);
    return reached?.definitions.length === 1 ? reached.definitions[0].fn : undefined;
  }

  /** What a call of a function of the file returns, when every `return` gives the same qualified name (one level: `get_estimator()` returning `PyTorch(...)`). */
  private returnedPath(callee: Node, site: Site, depth: number): string | undefined {
    const fn = this.calledFunction(callee, site);
    if (!fn?.returns.length || fn.returns.length > maxCandidates) return undefined;
    return this.returning_(fn, () => {
      let common: string | undefined;
      for (const { node, site: at } of fn.returns) {
        const p = this.pathOf(node, at, depth + 1);
        if (!p || (common !== undefined && !sameSdkName(common, p))) return undefined;
        common ??= p;
      }
      return common;
    });
  }

  private pathOfDefinition(definition: Definition, depth: number): string | undefined {
    if (definition.imported) return definition.imported;
    if (definition.path !== undefined) return definition.path ?? undefined;
    let path: string | undefined;
    if (definition.value) path = this.pathOf(definition.value, definition.site, depth + 1);
    else if (definition.parameter) {
      path = this.following_(definition, () => {
        const args = this.argumentsOf(definition);
        let common: string | undefined;
        for (const arg of args ?? []) {
          const p = this.pathOf(arg.node, arg.site, depth + 1);
          if (!p || (common !== undefined && !sameSdkName(common, p))) return undefined;
          common ??= p;
        }
        return common;
      });
    }
    definition.path = path ?? null;
    return path;
  }

  protected settledAttribute(node: Node): AttributeBinding | undefined {
    const binding = this.attributes.get(compact(this.textOf(node)));
    return binding && binding.count === 1 ? binding : undefined;
  }

  private serviceName(call: Node, site: Site, depth: number): string | undefined {
    const args = this.field(call, 'arguments');
    if (!args || this.typeOf(args) !== 'argument_list') return undefined;
    for (const arg of args.namedChildren) {
      if (this.typeOf(arg) === 'comment') continue;
      const value = this.typeOf(arg) === 'keyword_argument' ? (this.textOfOpt(this.field(arg, 'name')) === 'service_name' ? this.field(arg, 'value') : null) : arg;
      if (!value) continue;
      const evaluated = this.evaluate(value, site, depth + 1);
      return evaluated.kind === 'string' ? evaluated.value : undefined;
    }
    return undefined;
  }
}
