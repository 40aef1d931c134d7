import * as assert from 'node:assert/strict';
import { extended } from '../../src/core/objects';

describe('extended: a spread spelt for Node 20', () => {
  it('gives what `{ ...base, ...more }` gives: the same keys in the same order, the later values winning, the base untouched', () => {
    const base = { start: 1, end: 2, fileName: 'main.tf', message: 'old' };
    const more = { message: 'new', effect: { kind: 'none' } };
    const copy = extended(base, more);
    assert.deepEqual(Object.entries(copy), Object.entries({ ...base, ...more }));
    assert.deepEqual(Object.keys(copy), ['start', 'end', 'fileName', 'message', 'effect']);
    assert.notEqual(copy, base);
    assert.equal(base.message, 'old');
    // Its own object: a change to the copy leaves the base as it was.
    copy.start = 5;
    assert.equal(base.start, 1);
  });

  it('copies own enumerable properties only, as a spread does', () => {
    const base = Object.create({ inherited: true }, { own: { value: 1, enumerable: true }, hidden: { value: 2, enumerable: false } }) as { own: number };
    assert.deepEqual(extended(base, { added: 3 }), { own: 1, added: 3 });
  });
});
