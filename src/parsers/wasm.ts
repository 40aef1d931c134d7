import { Parser } from 'web-tree-sitter';

/** The WebAssembly files the tree-sitter languages need at run time. */
export type WasmFile = 'web-tree-sitter.wasm' | 'tree-sitter-python.wasm' | 'tree-sitter-terraform.wasm';

/**
 * Where each WebAssembly file is: an absolute path. The caller knows (the
 * bundle's folder for the CLI and the extension, node_modules for the tests);
 * the parsers never guess.
 */
export type LocateWasm = (file: WasmFile) => string;

/**
 * Starts the web-tree-sitter runtime. `Parser.init` is process-wide and
 * memoized (a second call ignores its options), so every tree-sitter language
 * shares the first runtime loaded.
 */
export function initTreeSitter(locateWasm: LocateWasm): Promise<void> {
  return Parser.init({ locateFile: (file: string) => (file === 'web-tree-sitter.wasm' ? locateWasm('web-tree-sitter.wasm') : file) });
}
