import { Language as Grammar, Parser, Query } from 'web-tree-sitter';
import { errorMessage } from '../../core/engine';
import type { Language, LoadState, ParseOutcome } from '../../core/types';
import { analysePython, analysisQuery } from './analysis';

/** The WebAssembly files the Python language needs at run time. */
export type WasmFile = 'web-tree-sitter.wasm' | 'tree-sitter-python.wasm';

/**
 * Where each WebAssembly file is: an absolute path. The caller knows (the
 * bundle's folder for the CLI and the extension, node_modules for the tests);
 * the parser never guesses.
 */
export type LocateWasm = (file: WasmFile) => string;

/**
 * Share of the file's non-blank text that ERROR nodes may cover before the file
 * is reported as one parse error instead of analysed. tree-sitter recovers from
 * a half-typed line with a small ERROR node, and the rest of the file is still
 * worth linting (rules never see calls inside or containing errors). An
 * unclosed bracket early on, or a file that is not Python at all, turns most of
 * the text into ERROR: then nothing reliable is left.
 */
export const maxErrorShare = 0.5;

/**
 * The Python language: tree-sitter's Python grammar, loaded once, lazily. One
 * Parser serves every file; each tree is deleted as soon as the facts are out,
 * because WebAssembly memory never shrinks and a process that keeps trees
 * dies at 2 GB (see docs: parsers.md §6).
 */
export function createPythonLanguage(locateWasm: LocateWasm): Language {
  let parser: Parser | undefined;
  // Kept for the life of the process, like the parser: one compile, no per-file allocation.
  let query: Query | undefined;
  let state: LoadState = { state: 'unloaded' };
  let loading: Promise<void> | undefined;

  async function load(): Promise<void> {
    state = { state: 'loading' };
    try {
      // Parser.init is process-wide and memoized: a second language reuses the first runtime.
      await Parser.init({ locateFile: (file: string) => (file === 'web-tree-sitter.wasm' ? locateWasm('web-tree-sitter.wasm') : file) });
      const grammar = await Grammar.load(locateWasm('tree-sitter-python.wasm'));
      const created = new Parser();
      created.setLanguage(grammar);
      query = new Query(grammar, analysisQuery);
      parser = created;
      state = { state: 'loaded' };
    } catch (err) {
      state = { state: 'failed', message: errorMessage(err) };
    }
  }

  return {
    format: 'python',
    commentPrefixes: ['#'],
    get loadState() {
      return state;
    },
    load() {
      loading ??= load();
      return loading;
    },
    parse(text) {
      if (!parser || !query) throw new Error('the Python parser is not loaded');
      return parsePython(parser, query, text);
    },
  };
}

function parsePython(parser: Parser, query: Query, text: string): ParseOutcome {
  const tree = parser.parse(text);
  if (!tree) return { ok: false, error: { message: 'the Python parser returned no tree', start: 0, end: 0 } };
  try {
    const analysis = analysePython(tree, query, text);
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
    return {
      ok: true,
      walk(emit) {
        emit('pythonModule', { imports: analysis.imports });
        for (const call of analysis.calls) emit('pythonCall', call);
      },
    };
  } finally {
    tree.delete();
  }
}

function nonBlank(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 32) count++;
  return count;
}
