import * as assert from 'node:assert/strict';
import { LineIndex } from '../../src/core/lineIndex';
import { isSuppressed, parseSuppressions, suppressionEdit } from '../../src/core/suppressions';

function parse(text: string) {
  return parseSuppressions(text, new LineIndex(text), ['#']);
}

describe('suppressions', () => {
  it('a trailing comment covers its line; an own-line comment covers the next line too', () => {
    const s = parse('a: 1  # greenml-ignore SML401: reason here\n# greenml-ignore SML401, SML402\nb: 2\nc: 3\n');
    assert.deepEqual(s.map((x) => [x.appliesTo, x.rules, x.reason]), [
      [[0], ['SML401'], 'reason here'],
      [[1, 2], ['SML401', 'SML402'], ''],
    ]);
    assert.ok(isSuppressed(s, 'SML401', 'log-group-no-retention', 0));
    assert.ok(isSuppressed(s, 'SML402', 'x', 2));
    assert.ok(!isSuppressed(s, 'SML401', 'log-group-no-retention', 3));
    assert.ok(!isSuppressed(s, 'SML403', 'y', 2));
  });

  it('names rules by id or name; no rule means every rule', () => {
    const s = parse('# greenml-ignore log-group-no-retention\nx: 1\n# greenml-ignore\ny: 2\n');
    assert.ok(isSuppressed(s, 'SML401', 'log-group-no-retention', 1));
    assert.ok(isSuppressed(s, 'SML999', 'anything', 3));
  });

  it('the file-level form works on its own line only', () => {
    assert.ok(isSuppressed(parse('x: 1\n# greenml-ignore-file SML401: generated\n'), 'SML401', 'n', 40));
    assert.deepEqual(parse('x: 1 # greenml-ignore-file SML401\n'), []);
  });

  it('needs the comment leader: text in a value is not a suppression', () => {
    assert.deepEqual(parse('Description: "see greenml-ignore SML401"\n'), []);
    assert.deepEqual(parseSuppressions('{"a": "# greenml-ignore"}', new LineIndex('{"a": "# greenml-ignore"}'), []), []);
  });

  describe('suppressionEdit', () => {
    const apply = (text: string, e: { start: number; end: number; text: string }) => text.slice(0, e.start) + e.text + text.slice(e.end);

    it('inserts a comment line above with the line’s indentation', () => {
      const text = 'Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n';
      assert.equal(apply(text, suppressionEdit(new LineIndex(text), '#', 'SML401', 1, false)), 'Resources:\n  # greenml-ignore SML401\n  Logs:\n    Type: AWS::Logs::LogGroup\n');
    });

    it('extends an existing comment on the line above, before its reason', () => {
      const text = 'Resources:\n  # greenml-ignore SML402: old reason\n  Logs:\n';
      assert.equal(apply(text, suppressionEdit(new LineIndex(text), '#', 'SML401', 2, false)), 'Resources:\n  # greenml-ignore SML402, SML401: old reason\n  Logs:\n');
    });

    it('adds a file-level comment at the top, after a shebang, or extends one', () => {
      const text = '#!/usr/bin/env python\nx = 1\n';
      assert.equal(apply(text, suppressionEdit(new LineIndex(text), '#', 'SML203', 1, true)), '#!/usr/bin/env python\n# greenml-ignore-file SML203\nx = 1\n');
      const existing = 'a: 1\n# greenml-ignore-file SML402\n';
      assert.equal(apply(existing, suppressionEdit(new LineIndex(existing), '#', 'SML401', 0, true)), 'a: 1\n# greenml-ignore-file SML402, SML401\n');
    });

    it('keeps CRLF', () => {
      const text = 'a:\r\n  b: 1\r\n';
      assert.equal(apply(text, suppressionEdit(new LineIndex(text), '#', 'SML401', 1, false)), 'a:\r\n  # greenml-ignore SML401\r\n  b: 1\r\n');
    });
  });
});
