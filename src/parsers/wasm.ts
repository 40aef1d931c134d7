import type { Language as Grammar, Node, Query, Tree } from 'web-tree-sitter';
import { Language as GrammarLoader, Parser } from 'web-tree-sitter';
import { errorMessage } from '../core/engine';
import type { LoadState } from '../core/types';

/** The WebAssembly files the tree-sitter languages need at run time. */
export type WasmFile = 'web-tree-sitter.wasm' | 'tree-sitter-python.wasm' | 'tree-sitter-terraform.wasm' | 'tree-sitter-typescript.wasm';

/**
 * Where each WebAssembly file is: an absolute path. The caller knows (the
 * bundle's folder for the CLI and the extension, node_modules for the tests);
 * the parsers never guess.
 */
export type LocateWasm = (file: WasmFile) => string;

/** The runtime being started or started, shared by every caller of {@link initTreeSitter}. */
let runtime: Promise<void> | undefined;

/**
 * Starts the web-tree-sitter runtime, once per thread: every caller gets the same promise.
 * `Parser.init` is not safe to call again while a first call is pending: each pending call
 * instantiates a runtime of its own, and the last to finish replaces the one a grammar may be
 * loading into, so that grammar then fails ("Incompatible language version 0"). The languages
 * load at once (`Linter.prepare`), so without this one promise they race. A failed start is
 * forgotten, so a later call tries again.
 */
export function initTreeSitter(locateWasm: LocateWasm): Promise<void> {
  if (!runtime) {
    const started = Parser.init({ locateFile: (file: string) => (file === 'web-tree-sitter.wasm' ? locateWasm('web-tree-sitter.wasm') : file) });
    runtime = started;
    started.catch(() => {
      if (runtime === started) runtime = undefined;
    });
  }
  return runtime;
}

/**
 * Grammars loaded into the process-wide runtime, by path. Each `Language.load` links another copy
 * of the grammar's module into the one runtime, so linters created later (the tests make many)
 * share the first copy instead of growing the runtime's memory and function table.
 */
const grammars = new Map<string, Promise<Grammar>>();

/**
 * Grammar loads run one after another. Concurrent `Language.load` calls are a known race of
 * web-tree-sitter on Node 19+: grammars with external scanners (Python, HCL and TypeScript all have
 * one) can resolve each other's symbols while they link into the one runtime (tree-sitter issue
 * #2338, tree-sitter-typescript #244). We saw it as rare load failures under load ("Incompatible
 * language version 0", "null function or function signature mismatch") when the languages were
 * prepared together with `Promise.all`.
 */
let lastLoad: Promise<unknown> = Promise.resolve();

function loadGrammar(path: string): Promise<Grammar> {
  let grammar = grammars.get(path);
  if (!grammar) {
    grammar = lastLoad.then(
      () => GrammarLoader.load(path),
      () => GrammarLoader.load(path),
    );
    lastLoad = grammar;
    grammars.set(path, grammar);
    // A failed load may succeed later (a file restored): do not keep the failure.
    grammar.catch(() => grammars.delete(path));
  }
  return grammar;
}

/**
 * One grammar loaded once, lazily, for a tree-sitter language: the runtime,
 * the grammar's WebAssembly and a parser set to it. `load` is memoized and
 * never rejects; a failure shows in `state`. `prepare` builds what else the
 * language keeps for the life of the process (a compiled query).
 */
export class LazyGrammar<Extra = undefined> {
  private current: LoadState = { state: 'unloaded' };
  private loading: Promise<void> | undefined;
  private loaded: { parser: Parser; extra: Extra } | undefined;

  constructor(
    private readonly locateWasm: LocateWasm,
    private readonly file: WasmFile,
    private readonly prepare: (grammar: Grammar) => Extra = () => undefined as Extra,
  ) {}

  get state(): LoadState {
    return this.current;
  }

  load(): Promise<void> {
    this.loading ??= this.start();
    return this.loading;
  }

  /** The parser and the prepared extra; throws when called before a successful load. */
  get(name: string): { parser: Parser; extra: Extra } {
    if (!this.loaded) throw new Error(`the ${name} parser is not loaded`);
    return this.loaded;
  }

  private async start(): Promise<void> {
    this.current = { state: 'loading' };
    try {
      await initTreeSitter(this.locateWasm);
      const grammar = await loadGrammar(this.locateWasm(this.file));
      const parser = new Parser();
      parser.setLanguage(grammar);
      this.loaded = { parser, extra: this.prepare(grammar) };
      this.current = { state: 'loaded' };
    } catch (err) {
      this.current = { state: 'failed', message: errorMessage(err) };
    }
  }
}

/**
 * The named nodes of `types` in a tree, in document order (outer before inner): what `query`, an
 * alternation of exactly those types with one capture (`[(call) (ERROR)] @node`), captures.
 *
 * The query answers in one crossing into WebAssembly, about three times faster than a cursor
 * walk, but tree-sitter's query cursor has two super-linear cases: an ERROR node with very many
 * children (a run of 30,000 unclosed brackets: 64 KB took 13 s), and nesting deeper than 32,768
 * levels (where it also stops capturing). So a tree with errors is walked with a cursor, without
 * entering ERROR nodes (their contents are never analysed: the analyses skip what lies inside an
 * ERROR); and the query of any other tree is cancelled once it has done more work than any
 * ordinary file asks (it reports its progress every so many steps: under 5 times per KB on
 * real code, 1,500 on such nesting), and the tree walked instead. The answer is the same
 * either way; only the time differs, and it stays linear in the text.
 */
export function nodesOfTypes(tree: Tree, query: Query, types: ReadonlySet<string>): Node[] {
  const root = tree.rootNode;
  if (!root.hasError) {
    const budget = queryBudget(root.endIndex);
    let steps = 0;
    const captures = query.captures(root, { progressCallback: () => ++steps > budget });
    if (steps <= budget) return captures.map((c) => c.node);
  }
  const nodes: Node[] = [];
  const cursor = tree.walk();
  try {
    for (;;) {
      const type = cursor.nodeType;
      const named = cursor.nodeIsNamed;
      if (named && types.has(type)) nodes.push(cursor.currentNode);
      if ((type !== 'ERROR' || !named) && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return nodes;
    }
  } finally {
    cursor.delete();
  }
}

/** Progress reports a query may make over a text of this length before it is given up for a walk: 32 per KB. */
export function queryBudget(length: number): number {
  return 64 + Math.ceil(length / 32);
}
