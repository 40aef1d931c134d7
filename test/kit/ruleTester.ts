import * as assert from 'node:assert/strict';
import { applyFixes } from '../../src/core/applyFixes';
import { resolveRuleSettings } from '../../src/core/config';
import { Linter } from '../../src/core/engine';
import type { LintResult } from '../../src/core/engine';
import type { AnyRule, Finding, Fix, Format } from '../../src/core/types';
import { testLanguages } from './languages';
import { estimateFigures } from '../../src/linter';

export interface ValidCase {
  name?: string;
  format: Format;
  code: string;
  options?: Record<string, unknown>;
  /**
   * Other files linted together with `code` (for Terraform: the other `.tf`
   * files of its module, `code` being `main.tf`). Findings are checked on
   * `code` only.
   */
  siblings?: Array<{ fileName: string; code: string }>;
}

/** An expected related location; `fileName` names a sibling file, absent for the linted file. */
export interface ExpectedRelated {
  fileName?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ExpectedError {
  messageId: string;
  data?: Record<string, string | number>;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** When given, the finding's related locations, in order (their messages are not compared). */
  related?: ExpectedRelated[];
  /**
   * The alternatives the finding offers besides its fix, in order: required when it offers any. Each
   * one's title must match, and its output (the case's code with only that suggestion applied)
   * must equal `output` and lint clean; `output: null` for advice that edits nothing.
   */
  suggestions?: Array<{ title: RegExp; output: string | null }>;
}

/**
 * The expected finding on a resource's logical ID (or a Terraform label) named
 * `name` at 1-based `line`/`column`; JSON keys are underlined with their quotes.
 */
export function onLogicalId(messageId: string, name: string, line: number, column: number, quoted = false): ExpectedError {
  return { messageId, data: { name }, line, column, endLine: line, endColumn: column + name.length + (quoted ? 2 : 0) };
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** The code after applying every offered fix; `null` when the rule offers none. */
  output: string | null;
}

const fileNames: Record<Format, string> = {
  python: 'case.py',
  notebook: 'case.ipynb',
  'cfn-yaml': 'template.yaml',
  'cfn-json': 'template.json',
  terraform: 'main.tf',
  'cdk-typescript': 'stack.ts',
  'cdk-python': 'stack.py',
};

/**
 * Table tests for one rule, in the manner of ESLint's RuleTester: exact ranges,
 * message ids, required fix output (and that the output no longer triggers the
 * rule and still parses), and no duplicate cases.
 */
export class RuleTester {
  run(rule: AnyRule, tests: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
    const seen = new Set<string>();
    for (const c of [...tests.valid, ...tests.invalid]) {
      const key = JSON.stringify([c.format, c.code, c.options ?? {}, c.siblings ?? []]);
      if (seen.has(key)) throw new Error(`${rule.id}: detected duplicate test case: ${c.name ?? c.code.slice(0, 60)}`);
      seen.add(key);
    }
    describe(`${rule.id} ${rule.name}`, () => {
      describe('valid', () => {
        for (const c of tests.valid) {
          it(c.name ?? firstLines(c.code), () => {
            const result = lintCase(rule, c);
            assert.deepEqual(result.findings.map(describeFinding), [], 'expected no findings');
          });
        }
      });
      describe('invalid', () => {
        for (const c of tests.invalid) {
          it(c.name ?? firstLines(c.code), () => checkInvalid(rule, c));
        }
      });
    });
  }
}

function checkInvalid(rule: AnyRule, c: InvalidCase): void {
  assert.ok(c.errors.length > 0, 'an invalid case needs at least one expected error');
  const result = lintCase(rule, c);
  const ours = result.findings.filter((f) => f.ruleId === rule.id);
  assert.deepEqual(result.findings.filter((f) => f.ruleId !== rule.id).map(describeFinding), [], 'unexpected findings of other kinds');
  assert.equal(ours.length, c.errors.length, `should have ${c.errors.length} error(s) but had ${ours.length}: ${ours.map(describeFinding).join('; ')}`);
  const messages = rule.meta.messages as Record<string, string>;
  c.errors.forEach((expected, i) => {
    const actual = ours[i];
    assert.ok(expected.messageId in messages, `unknown messageId "${expected.messageId}" for ${rule.id}`);
    assert.equal(actual.message, interpolate(messages[expected.messageId], expected.data), `error ${i}: message`);
    assert.deepEqual(
      { line: actual.line, column: actual.column, endLine: actual.endLine, endColumn: actual.endColumn },
      { line: expected.line, column: expected.column, endLine: expected.endLine, endColumn: expected.endColumn },
      `error ${i}: range`,
    );
    for (const fix of [actual.fix, ...(actual.suggestions ?? [])]) if (fix) checkPlaceholders(fix, `error ${i}: "${fix.title}"`);
    const offered = actual.suggestions ?? [];
    assert.equal(offered.length, expected.suggestions?.length ?? 0, `error ${i}: the rule offers ${offered.length} suggestion(s): ${offered.map((f) => f.title).join('; ')}`);
    offered.forEach((suggestion, j) => {
      const wanted = expected.suggestions![j];
      assert.match(suggestion.title, wanted.title, `error ${i}, suggestion ${j}: title`);
      if (suggestion.applicability === 'displayOnly') {
        assert.equal(suggestion.edits.length, 0, `error ${i}, suggestion ${j}: advice edits nothing`);
        assert.equal(wanted.output, null, `error ${i}, suggestion ${j}: advice has no output`);
        return;
      }
      const applied = applyFixes(c.code, [suggestion]);
      assert.equal(applied.text, wanted.output, `error ${i}, suggestion ${j}: output`);
      const after = lintCase(rule, { ...c, code: applied.text });
      assert.deepEqual(after.findings.map(describeFinding), [], `error ${i}, suggestion ${j}: the output must parse and no longer trigger the rule`);
    });
    if (expected.related) {
      assert.deepEqual(
        (actual.related ?? []).map((r) => ({ ...(r.fileName === undefined ? {} : { fileName: r.fileName }), line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn })),
        expected.related,
        `error ${i}: related locations`,
      );
    }
  });
  const fixes = ours.flatMap((f) => [f.fix].filter((x): x is Fix => !!x && x.applicability !== 'displayOnly'));
  if (!fixes.length) {
    assert.equal(c.output, null, 'expected fix output, but the rule offered no fix');
    return;
  }
  assert.notEqual(c.output, null, 'The rule fixed the code. Please add the expected output.');
  const fixed = applyFixes(c.code, fixes);
  assert.equal(fixed.conflicting.length, 0, 'fixes of one case overlap');
  assert.equal(fixed.text, c.output, 'fix output');
  const again = lintCase(rule, { ...c, code: fixed.text });
  assert.deepEqual(again.findings.map(describeFinding), [], 'the fixed code must parse and no longer trigger the rule');
}

/** Placeholder-looking text a fix writes (`<your-bucket>`): what a user must replace before the code runs. */
const placeholderLike = /<your-[\w-]+>/g;

/**
 * Every placeholder a fix writes is declared (so `--fix` holds it back and editors make it a tab stop), every
 * declared one is written, and such a fix is never safe.
 */
function checkPlaceholders(fix: Fix, where: string): void {
  const written = new Set(fix.edits.flatMap((e) => [...e.text.matchAll(placeholderLike)].map((m) => m[0])));
  assert.deepEqual([...written].sort(), [...new Set(fix.placeholders ?? [])].sort(), `${where}: the placeholders it writes must be declared`);
  if (written.size) assert.notEqual(fix.applicability, 'safe', `${where}: a fix writing a placeholder is not safe`);
}

export function lintCase(rule: AnyRule, c: ValidCase): LintResult {
  const linter = new Linter({ rules: [rule], languages: testLanguages, figures: estimateFigures });
  const settings = resolveRuleSettings([rule], { rules: { [rule.id]: { options: c.options ?? {} } } });
  const fileName = fileNames[c.format];
  const context = c.siblings ? linter.prepareContext(c.format, [{ fileName, text: c.code }, ...c.siblings.map((s) => ({ fileName: s.fileName, text: s.code }))]) : undefined;
  if (c.siblings) assert.ok(context, `the ${c.format} language reads no files together`);
  const result = linter.lint(fileName, c.code, { settings, context });
  assert.equal(result.format, c.format, `the code was not recognised as ${c.format}${result.skipped ? ` (${result.skipped})` : ''}`);
  assert.deepEqual(result.ruleErrors, [], 'the rule threw');
  return result;
}

function describeFinding(f: Finding): string {
  return `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.message}`;
}

function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (data && key in data ? String(data[key]) : whole));
}

function firstLines(code: string): string {
  return code.trim().split('\n').slice(0, 3).join(' ⏎ ').slice(0, 100);
}
