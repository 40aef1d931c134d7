import type { LinterOptions } from '../../src/core/engine';
import { Linter } from '../../src/core/engine';
import { estimateFigures } from '../../src/linter';
import type { WasmFile } from '../../src/parsers/wasm';
import { createLanguages } from '../../src/parsers';
import { allRules } from '../../src/rules';

/** The tests read the WebAssembly files straight from node_modules, where the build copies them from. */
export function locateTestWasm(file: WasmFile): string {
  switch (file) {
    case 'web-tree-sitter.wasm':
      return require.resolve('web-tree-sitter/web-tree-sitter.wasm');
    case 'tree-sitter-python.wasm':
      return require.resolve('tree-sitter-python/tree-sitter-python.wasm');
    case 'tree-sitter-terraform.wasm':
      return require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm');
    case 'tree-sitter-typescript.wasm':
      return require.resolve('tree-sitter-typescript/tree-sitter-typescript.wasm');
  }
}

/** One set of languages for every unit test, loaded once by the root hook (test/kit/setup.ts). */
export const testLanguages = createLanguages({ locateWasm: locateTestWasm });

/** A linter over the shared test languages, with every rule unless told otherwise. */
export function createTestLinter(options: Partial<LinterOptions> = {}): Linter {
  return new Linter({ rules: allRules, languages: testLanguages, figures: estimateFigures, ...options });
}
