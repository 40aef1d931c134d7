import * as assert from 'node:assert/strict';
import type { LintResult } from '../../src/core/engine';
import { fixUntilStable } from '../../src/core/fixLoop';
import type { Applicability, Finding } from '../../src/core/types';

const finding = (ruleId: string, applicability: Applicability, ...edits: Array<[number, number, string]>): Finding => ({
  ruleId,
  ruleName: ruleId,
  severity: 'warning',
  message: ruleId,
  start: 0,
  end: 0,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 1,
  fix: { title: ruleId, applicability, edits: edits.map(([start, end, text]) => ({ start, end, text })) },
});

const result = (findings: Finding[]): LintResult => ({ fileName: 'f', format: 'python', findings, ruleErrors: [], suppressed: 0 });

/**
 * A stand-in linter over tiny texts: each lower-case letter without its upper
 * case anywhere is a finding whose fix inserts the upper case at the start, so
 * every fix edits the same point and only one applies per pass.
 */
function lintLetters(text: string, applicability: Applicability = 'safe'): LintResult {
  const letters = [...new Set(text.replace(/[^a-z]/g, ''))].filter((c) => !text.includes(c.toUpperCase()));
  return result(letters.map((c) => finding(`R-${c}`, applicability, [0, 0, c.toUpperCase()])));
}

describe('fixUntilStable', () => {
  it('applies fixes that overlapped in later passes until none is left', () => {
    const outcome = fixUntilStable('abc', lintLetters('abc'), (t) => lintLetters(t), ['safe']);
    assert.equal(outcome.text, 'CBAabc');
    assert.equal(outcome.applied, 3);
    assert.deepEqual([...outcome.appliedByRule].sort(), [['R-a', 1], ['R-b', 1], ['R-c', 1]]);
    assert.deepEqual(outcome.result.findings, []);
    assert.equal(outcome.stoppedOnParseError, false);
  });

  it('applies only the kinds asked for', () => {
    const lint = (t: string): LintResult => lintLetters(t, 'unsafe');
    assert.equal(fixUntilStable('ab', lint('ab'), lint, ['safe']).text, 'ab');
    assert.equal(fixUntilStable('ab', lint('ab'), lint, ['safe', 'unsafe']).text, 'BAab');
  });

  it('stops after the passes allowed when fixes keep producing new ones', () => {
    const lint = (t: string): LintResult => result([finding('grow', 'safe', [t.length, t.length, '+'])]);
    const outcome = fixUntilStable('', lint(''), lint, ['safe'], 4);
    assert.equal(outcome.text, '++++');
    assert.equal(outcome.applied, 4);
  });

  it('drops a pass whose output would not parse, keeping the passes before it', () => {
    // The first pass inserts "x"; the second would insert "!", which this stand-in cannot parse.
    const lint = (t: string): LintResult => {
      if (t.includes('!')) return result([{ ...finding('parse-error', 'displayOnly'), fix: undefined }]);
      return result([finding('next', 'safe', [0, 0, t.includes('x') ? '!' : 'x'])]);
    };
    const outcome = fixUntilStable('a', lint('a'), lint, ['safe']);
    assert.equal(outcome.text, 'xa');
    assert.equal(outcome.applied, 1);
    assert.equal(outcome.stoppedOnParseError, true);
  });

  it('applies a fix writing a placeholder only with unsafe fixes, and lists where each placeholder went', () => {
    // One line already holds the placeholder (the user's): only the lines the fix wrote are listed.
    const before = 'keep <your-bucket>\nb\n';
    const lint = (t: string): LintResult => {
      if (t.includes('uri')) return result([]);
      const fix = finding('R', 'safe', [t.length, t.length, 'uri = "s3://<your-bucket>/x"\nalso <your-bucket> <your-bucket>\n']);
      return result([{ ...fix, fix: { ...fix.fix!, placeholders: ['<your-bucket>'] } }]);
    };
    const safeOnly = fixUntilStable(before, lint(before), lint, ['safe']);
    assert.equal(safeOnly.text, before, 'marked safe by its rule, but a placeholder needs a user to fill it in');
    assert.deepEqual(safeOnly.placeholders, []);
    const withUnsafe = fixUntilStable(before, lint(before), lint, ['safe', 'unsafe']);
    assert.equal(withUnsafe.applied, 1);
    assert.deepEqual(withUnsafe.placeholders, [
      { line: 3, column: 13, text: '<your-bucket>' },
      { line: 4, column: 6, text: '<your-bucket>' },
      { line: 4, column: 20, text: '<your-bucket>' },
    ]);
  });
});
