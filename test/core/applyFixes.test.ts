import * as assert from 'node:assert/strict';
import { applyFixes } from '../../src/core/applyFixes';
import type { Fix } from '../../src/core/types';

const fix = (title: string, ...edits: Array<[number, number, string]>): Fix => ({ title, applicability: 'safe', edits: edits.map(([start, end, text]) => ({ start, end, text })) });

describe('applyFixes', () => {
  it('applies non-overlapping fixes whatever their order', () => {
    const result = applyFixes('abcdef', [fix('b', [4, 5, 'E']), fix('a', [0, 1, 'A'], [2, 2, '+'])]);
    assert.equal(result.text, 'Ab+cdEf');
    assert.equal(result.applied.length, 2);
  });

  it('leaves a fix overlapping an earlier one for the next pass', () => {
    const result = applyFixes('abcdef', [fix('first', [1, 4, 'X']), fix('second', [3, 5, 'Y'])]);
    assert.equal(result.text, 'aXef');
    assert.deepEqual(result.conflicting.map((f) => f.title), ['second']);
  });

  it('two insertions at one point conflict; an insertion at a replacement boundary does not', () => {
    assert.equal(applyFixes('ab', [fix('1', [1, 1, 'X']), fix('2', [1, 1, 'Y'])]).conflicting.length, 1);
    assert.equal(applyFixes('abc', [fix('1', [1, 2, 'B']), fix('2', [2, 2, '!'])]).text, 'aB!c');
  });

  it('an edit identical to one already taken (the same import line) is made once, without a conflict', () => {
    const importLine: [number, number, string] = [0, 0, 'import x\n'];
    const result = applyFixes('a(1)\nb(2)\n', [fix('a', importLine, [3, 3, ', k=1']), fix('b', importLine, [8, 8, ', k=1'])]);
    assert.equal(result.text, 'import x\na(1, k=1)\nb(2, k=1)\n');
    assert.equal(result.applied.length, 2);
    assert.equal(result.conflicting.length, 0);
  });

  it('two different insertions at one point still conflict when one of them is shared', () => {
    const result = applyFixes('ab', [fix('1', [0, 0, 'S'], [1, 1, 'X']), fix('2', [0, 0, 'S'], [1, 1, 'Y'])]);
    assert.equal(result.text, 'SaXb');
    assert.deepEqual(result.conflicting.map((f) => f.title), ['2']);
  });

  it('rejects edits outside the text', () => {
    const result = applyFixes('abc', [fix('bad', [2, 9, 'x'])]);
    assert.equal(result.text, 'abc');
    assert.equal(result.conflicting.length, 1);
  });
});
