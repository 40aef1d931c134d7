import type { Query, Tree } from 'web-tree-sitter';
import type { AssignedAttribute, PythonCall, Span, UnresolvedCall } from './facts';
import type { LoweredStatement, PyNode as Node } from './mirror';
import { analysedTypes } from './mirror';
import { Resolver } from './resolve';
import { nodesOfTypes } from '../wasm';

/**
 * Turns a tree-sitter Python tree into plain facts: every call whose callee
 * resolves to a qualified name, with its arguments evaluated by a small value
 * model. Names are resolved the way a reader would in the same file: through
 * imports and the assignments that reach each use, in file (and notebook cell)
 * order (`flow.ts`); where branches leave several, to the set of their values.
 * A parameter of a function of the file takes the values its call sites pass.
 * Anything else is unknown. `collect.ts` is the first pass (scopes, branches,
 * bindings), `resolve.ts` the second (names, values, calls).
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

/** The node types the analysis looks at, as one query; scopes and ERROR nodes included. */
export const analysisQuery = `[${analysedTypes.map((t) => `(${t})`).join(' ')}] @node`;
const analysedSet: ReadonlySet<string> = new Set(analysedTypes);

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
  return new Analyser(text, true).run(hasError, nodes);
}

export class Analyser extends Resolver {
  run(treeHasError: boolean, captured: readonly Node[]): PythonAnalysis {
    try {
      return this.analyse(treeHasError, captured);
    } finally {
      this.release();
    }
  }

  private analyse(treeHasError: boolean, captured: readonly Node[]): PythonAnalysis {
    this.treeHasError = treeHasError;
    this.collect(captured);
    const calls: PythonCall[] = [];
    const unresolvedCalls: UnresolvedCall[] = [];
    for (const { node, site } of this.callSites) {
      const call = this.callOf(node, site, 0);
      if (call) {
        calls.push(call);
        continue;
      }
      const method = this.field(node, 'function');
      const name = this.isType(method, 'attribute') ? this.textOfOpt(this.field(method, 'attribute')) : undefined;
      if (name) unresolvedCalls.push({ method: name, start: node.startIndex, end: this.endOf(node) });
    }
    const assignedAttributes: AssignedAttribute[] = [];
    for (const { node, site } of this.attributeTargets) {
      const object = node.childForFieldName('object');
      const attribute = node.childForFieldName('attribute')?.text;
      const path = object && attribute ? this.pathOf(object, site, 0) : undefined;
      if (path && attribute) assignedAttributes.push({ path, attribute, start: node.startIndex, end: node.endIndex });
    }
    return { calls, imports: [...this.imports], unresolvedCalls, assignedAttributes, errors: this.errors };
  }
}
