import * as assert from 'node:assert/strict';
import type { LineHunk } from '../../src/core/lineDiff';
import { commonAffixes, lineHunks, splitLines } from '../../src/core/lineDiff';

/** `before` with the hunks applied (from the end, so offsets stay valid). */
function apply(before: string, hunks: readonly LineHunk[]): string {
  let text = before;
  for (const h of [...hunks].reverse()) text = text.slice(0, h.startOffset) + h.text + text.slice(h.endOffset);
  return text;
}

describe('lineHunks', () => {
  it('splits lines as editors do, keeping each line break', () => {
    assert.deepEqual(splitLines('a\r\nb\rc\nd'), ['a\r\n', 'b\r', 'c\n', 'd']);
    assert.deepEqual(splitLines(''), []);
  });

  it('one hunk per changed region, the lines between kept out', () => {
    const before = 'import a\nx = 1\ny = 2\nz = 3\nw = 4\n';
    const after = 'import a\nimport b\nx = 1\ny = 2\nz = 30\nw = 4\n';
    const hunks = lineHunks(before, after);
    assert.deepEqual(hunks.map((h) => [h.start, h.end, h.text]), [
      [1, 1, 'import b\n'],
      [3, 4, 'z = 30\n'],
    ]);
    assert.equal(apply(before, hunks), after);
  });

  it('reproduces the text exactly for CRLF, lone CR, a last line without a break, deletions', () => {
    const cases: Array<[string, string]> = [
      ['a\r\nb\r\nc', 'a\r\nB\r\nc\r\nd'],
      ['a\rb\rc\r', 'a\rc\r'],
      ['', 'new\n'],
      ['gone\n', ''],
      ['x\ny\nz', 'z\ny\nx'],
    ];
    for (const [before, after] of cases) assert.equal(apply(before, lineHunks(before, after)), after, JSON.stringify([before, after]));
  });

  it('past the difference bound the middle is one hunk (linear time for any input)', () => {
    const before = Array.from({ length: 50 }, (_, i) => `a${i}\n`).join('');
    const after = Array.from({ length: 50 }, (_, i) => `b${i}\n`).join('');
    const hunks = lineHunks(`head\n${before}tail\n`, `head\n${after}tail\n`, 10);
    assert.deepEqual(hunks.map((h) => [h.start, h.end]), [[1, 51]]);
    assert.equal(apply(`head\n${before}tail\n`, hunks), `head\n${after}tail\n`);
  });
});

describe('commonAffixes', () => {
  /** The answer of a loop over every character: what the block comparison must match. */
  const byCharacter = (a: string, b: string): { start: number; tail: number } => {
    const shorter = Math.min(a.length, b.length);
    let start = 0;
    while (start < shorter && a.charCodeAt(start) === b.charCodeAt(start)) start++;
    let tail = 0;
    while (tail < shorter - start && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
    return { start, tail };
  };

  it('finds the common prefix and suffix of a character loop, at and around block boundaries, without overlap', () => {
    const base = Array.from({ length: 2000 }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join('');
    const cases: Array<[string, string]> = [['', ''], ['a', ''], ['aaa', 'aaaa'], ['abcabc', 'abc'], ['😀x', '😀y'], ['x😀', 'y😀']];
    for (const at of [0, 1, 255, 256, 257, 511, 512, 1000, 1743, 1744, 1999]) {
      cases.push([base, `${base.slice(0, at)}Z${base.slice(at + 1)}`]);
      cases.push([base, `${base.slice(0, at)}${base.slice(at + 1)}`]);
      cases.push([base, `${base.slice(0, at)}inserted${base.slice(at)}`]);
      cases.push([base.repeat(2), `${base.slice(0, at)}${base}${base.slice(at)}`]);
      cases.push([`${'a'.repeat(at)}`, `${'a'.repeat(at + 300)}`]);
    }
    for (const [a, b] of cases) {
      assert.deepEqual(commonAffixes(a, b), byCharacter(a, b), `${a.length} / ${b.length}`);
      assert.deepEqual(commonAffixes(b, a), byCharacter(b, a), `${b.length} / ${a.length}`);
    }
  });
});
