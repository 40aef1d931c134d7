import * as assert from 'node:assert/strict';
import { LazyGrammar } from '../../src/parsers/wasm';
import { locateTestWasm } from '../kit/languages';

describe('LazyGrammar', () => {
  it('shares one loaded grammar between loaders of the same file (each load would link another copy into the runtime)', async () => {
    const a = new LazyGrammar(locateTestWasm, 'tree-sitter-python.wasm');
    const b = new LazyGrammar(locateTestWasm, 'tree-sitter-python.wasm');
    await Promise.all([a.load(), b.load()]);
    assert.equal(a.state.state, 'loaded');
    assert.equal(b.state.state, 'loaded');
    const first = a.get('python').parser;
    const second = b.get('python').parser;
    assert.notEqual(first, second, 'each loader keeps its own parser');
    assert.equal(first.language, second.language);
  });

  it('reports a missing grammar file as a failed load, not a throw', async () => {
    const missing = new LazyGrammar(() => '/nonexistent/tree-sitter-python.wasm', 'tree-sitter-python.wasm');
    await missing.load();
    assert.equal(missing.state.state, 'failed');
  });
});
