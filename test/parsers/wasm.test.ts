import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
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

  it('starts one tree-sitter runtime per thread however many languages load at once (a second runtime started while a grammar loads breaks it: "Incompatible language version 0")', async function () {
    this.timeout(30_000);
    // A fresh thread, whose runtime is not started yet; it counts the WebAssembly instances made
    // while three languages start the runtime at once, as Linter.prepare has them do.
    const script = `
      const { parentPort, workerData } = require('node:worker_threads');
      let instances = 0;
      const instantiate = WebAssembly.instantiate;
      WebAssembly.instantiate = function (...args) { instances++; return instantiate.apply(this, args); };
      const { initTreeSitter } = require(workerData.wasm);
      const { locateTestWasm } = require(workerData.kit);
      Promise.all([initTreeSitter(locateTestWasm), initTreeSitter(locateTestWasm), initTreeSitter(locateTestWasm)])
        .then(() => parentPort.postMessage(instances), (err) => parentPort.postMessage(String(err)));
    `;
    const worker = new Worker(script, { eval: true, workerData: { wasm: path.join(__dirname, '..', '..', 'src', 'parsers', 'wasm.js'), kit: path.join(__dirname, '..', 'kit', 'languages.js') } });
    try {
      const instances = await new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      assert.equal(instances, 1);
    } finally {
      await worker.terminate();
    }
  });
});
