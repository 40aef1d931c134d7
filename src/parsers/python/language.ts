import type { Point, Tree } from 'web-tree-sitter';
import type { Parser } from 'web-tree-sitter';
import { Edit, Query } from 'web-tree-sitter';
import type { LocateWasm } from '../wasm';
import { LazyGrammar } from '../wasm';
import { commonAffixes } from '../../core/lineDiff';
import type { Language, ParseOutcome } from '../../core/types';
import { analysePython, analyseStatements, analysisQuery } from './analysis';
import type { StatementCache } from './mirror';
import { lowerTree } from './mirror';

/**
 * Share of the file's non-blank text that ERROR nodes may cover before the file
 * is reported as one parse error instead of analysed. tree-sitter recovers from
 * a half-typed line with a small ERROR node, and the rest of the file is still
 * worth linting (rules never see calls inside or containing errors). An
 * unclosed bracket early on, or a file that is not Python at all, turns most of
 * the text into ERROR: then nothing reliable is left.
 */
export const maxErrorShare = 0.5;

/** How many files keep their last tree for an incremental re-parse after an edit. */
export const keptTrees = 4;

/**
 * The Python language: tree-sitter's Python grammar, loaded once, lazily. One
 * Parser serves every file. WebAssembly memory never shrinks and a process
 * that keeps trees dies at 2 GB (parsers.md §6), so only the last tree of the
 * few most recently parsed files is kept, to re-parse them incrementally when
 * they are linted again after an edit (the editor's case); every other tree is
 * deleted as soon as the facts are out, and a kept tree when it is evicted.
 */
export function createPythonLanguage(locateWasm: LocateWasm): Language {
  const kept = new Map<string, Kept>();
  // The query is compiled once, like the parser: no per-file allocation.
  const grammar = new LazyGrammar(locateWasm, 'tree-sitter-python.wasm', (language) => new Query(language, analysisQuery));
  return {
    format: 'python',
    commentPrefixes: ['#'],
    get loadState() {
      return grammar.state;
    },
    load: () => grammar.load(),
    parse(text, fileName) {
      const { parser, extra: query } = grammar.get('Python');
      return parsePython(parser, query, text, fileName, kept);
    },
  };
}

/**
 * What a file keeps between parses: its last tree, for tree-sitter's incremental re-parse, and
 * (from its second parse on) its top-level statements lowered to JavaScript mirrors, so that the
 * analysis after an edit copies only the statements whose text changed out of WebAssembly
 * (crossings are the analysis's cost). A file parsed once (the CLI's case) is analysed by the
 * query over the tree instead: lowering a whole tree costs more than the query (about 15% more
 * on a 3,000-line script), and pays off only when it is reused.
 */
interface Kept {
  text: string;
  tree: Tree;
  statements?: StatementCache;
}

function parsePython(parser: Parser, query: Query, text: string, fileName: string, kept: Map<string, Kept>): ParseOutcome {
  const previous = kept.get(fileName);
  kept.delete(fileName);
  let tree: Tree | null;
  try {
    if (previous) previous.tree.edit(editBetween(previous.text, text));
    tree = parser.parse(text, previous?.tree);
  } finally {
    previous?.tree.delete();
  }
  if (!tree) return { ok: false, error: { message: 'the Python parser returned no tree', start: 0, end: 0 } };
  let keep = false;
  let statements: StatementCache | undefined;
  try {
    let analysis;
    if (previous) {
      const lowered = lowerTree(tree, text, previous.statements);
      statements = lowered.cache;
      analysis = analyseStatements(lowered.statements, text);
    } else analysis = analysePython(tree, query, text);
    const broken = analysis.errors.reduce((sum, e) => sum + nonBlank(text.slice(e.start, e.end)), 0);
    if (analysis.errors.length && broken > maxErrorShare * nonBlank(text)) {
      const { start } = analysis.errors[0];
      const lineEnd = text.indexOf('\n', start);
      const end = Math.min(analysis.errors[0].end, lineEnd === -1 ? text.length : lineEnd);
      return {
        ok: false,
        error: { message: 'Python syntax error: most of the file cannot be parsed from here on (an unclosed bracket or string, or not Python)', start, end },
      };
    }
    keep = true;
    return {
      ok: true,
      walk(emit) {
        emit('pythonModule', { imports: analysis.imports, unresolvedCalls: analysis.unresolvedCalls, assignedAttributes: analysis.assignedAttributes });
        for (const call of analysis.calls) emit('pythonCall', call);
      },
    };
  } finally {
    if (keep) {
      kept.set(fileName, { text, tree, statements });
      for (const [name, entry] of kept) {
        if (kept.size <= keptTrees) break;
        entry.tree.delete();
        kept.delete(name);
      }
    } else tree.delete();
  }
}

/** The single replaced span between two versions of a text: common prefix and suffix kept. */
function editBetween(before: string, after: string): Edit {
  const { start, tail } = commonAffixes(before, after);
  const oldEnd = before.length - tail;
  const newEnd = after.length - tail;
  return new Edit({
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition: pointAt(before, start),
    oldEndPosition: pointAt(before, oldEnd),
    newEndPosition: pointAt(after, newEnd),
  });
}

/** Row and column (UTF-16 code units, like the indexes) of an offset. */
function pointAt(text: string, offset: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

function nonBlank(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 32) count++;
  return count;
}
