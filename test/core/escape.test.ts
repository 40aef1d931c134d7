import * as assert from 'node:assert/strict';
import { escapeControls, escapeControlsPerLine, escapeJsonText } from '../../src/core/escape';

describe('escapeControls', () => {
  it('writes C0, DEL and C1 controls as visible escapes', () => {
    assert.equal(escapeControls('a\u001b[31mred\u0007\u0000'), 'a\\x1B[31mred\\x07\\x00');
    assert.equal(escapeControls('one\ntwo\r\tthree'), 'one\\ntwo\\r\\tthree');
    assert.equal(escapeControls('del\u007f c1\u009b2J \u0085'), 'del\\x7F c1\\x9B2J \\x85');
  });

  it('writes bidirectional formatting and line separators as \\u escapes', () => {
    assert.equal(escapeControls('admin\u202e\u2066 // \u2069\u202c'), 'admin\\u202E\\u2066 // \\u2069\\u202C');
    assert.equal(escapeControls('\u200e\u200f\u061c\u2028\u2029'), '\\u200E\\u200F\\u061C\\u2028\\u2029');
  });

  it('keeps everything else, backslashes and non-Latin text included, and returns the same string when clean', () => {
    const clean = 'C:\\Users\\ml\\ノートブック.ipynb: Log group “Logs” · 30 days → ok é';
    assert.equal(escapeControls(clean), clean);
  });
});

describe('escapeControlsPerLine', () => {
  it('keeps the text\'s own line breaks and escapes the rest', () => {
    assert.equal(escapeControlsPerLine('line 1\n\u001b]0;title\u0007\r\nline 3'), 'line 1\n\\x1B]0;title\\x07\\r\nline 3');
  });
});

describe('escapeJsonText', () => {
  it('escapes what JSON.stringify leaves raw, and reads back as the same data', () => {
    const data = { name: 'a\u001b[2J\u0085\u009b\u007f\u202e\u2028b', nested: ['ok', 'é'] };
    const json = JSON.stringify(data, null, 2);
    const escaped = escapeJsonText(json);
    assert.doesNotMatch(escaped, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2028\u2029]/);
    assert.match(escaped, /\\u0085\\u009B\\u007F\\u202E\\u2028/);
    assert.deepEqual(JSON.parse(escaped), data);
  });
});
