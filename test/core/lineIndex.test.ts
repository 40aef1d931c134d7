import * as assert from 'node:assert/strict';
import { LineIndex } from '../../src/core/lineIndex';

describe('LineIndex', () => {
  it('counts columns in UTF-16 code units, as JS strings and VS Code do', () => {
    const text = 'a: "é😀"\nb: 1\n';
    const lines = new LineIndex(text);
    const b = text.indexOf('b');
    assert.deepEqual(lines.positionAt(b), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(text.indexOf('"', 4)), { line: 0, character: 7 }); // 😀 is two code units
    assert.deepEqual(lines.rangeOf(b, b + 1), { line: 2, column: 1, endLine: 2, endColumn: 2 });
  });

  it('treats CRLF like LF for lines and columns, and reports the file’s line break', () => {
    const lines = new LineIndex('x: 1\r\ny: 2\r\n');
    assert.equal(lines.lineCount, 3);
    assert.equal(lines.lineText(0), 'x: 1');
    assert.equal(lines.lineEnd(0), 4);
    assert.equal(lines.lineStart(1), 6);
    assert.equal(lines.eol, '\r\n');
    assert.equal(new LineIndex('x\ny').eol, '\n');
  });

  it('round-trips offsets and clamps out-of-range input', () => {
    const text = 'one\ntwo\n\nfour';
    const lines = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      const { line, character } = lines.positionAt(offset);
      assert.equal(lines.offsetAt(line, character), offset);
    }
    assert.deepEqual(lines.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(1000), { line: 3, character: 4 });
    assert.equal(lines.offsetAt(1, 99), 7);
  });

  it('reads indentation', () => {
    const lines = new LineIndex('a:\n    b: 1\n\t- c\n');
    assert.equal(lines.indentation(1), '    ');
    assert.equal(lines.indentation(2), '\t');
  });
});
