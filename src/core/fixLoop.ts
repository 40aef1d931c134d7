import { applyFixes } from './applyFixes';
import type { LintResult } from './engine';
import type { Applicability, Finding, Fix } from './types';
import { parseErrorRuleId } from './types';

/** Passes of lint-then-fix before giving up on a file whose fixes keep producing new ones. */
export const maxFixPasses = 10;

export interface FixLoopResult {
  /** The text after every pass that was kept. */
  text: string;
  /** The lint result of `text`. */
  result: LintResult;
  /** Fixes applied over all passes, by rule id. */
  appliedByRule: Map<string, number>;
  /** Total of `appliedByRule`. */
  applied: number;
  /**
   * True when a pass would have left the file with a parse error it did not
   * have before: that pass (and any after it) was dropped.
   */
  stoppedOnParseError: boolean;
  /**
   * Where `text` holds a placeholder (see `Fix.placeholders`) that an applied
   * fix wrote: for the user to fill in before the code runs. Lines and columns
   * are 1-based.
   */
  placeholders: WrittenPlaceholder[];
}

export interface WrittenPlaceholder {
  line: number;
  column: number;
  text: string;
}

/**
 * Applies the fixes of the chosen kinds, lints the output again and repeats until
 * no fix is left or applies (fixes left out for overlapping an earlier one get
 * their turn in the next pass), as `eslint --fix` does. Output that no longer
 * parses is never kept. `lint` lints a text of the same file. A fix that writes
 * a placeholder is applied only when unsafe fixes are included: nobody is
 * there to fill it in, and the output lists where it went.
 */
export function fixUntilStable(text: string, first: LintResult, lint: (text: string) => LintResult, include: readonly Applicability[], maxPasses = maxFixPasses): FixLoopResult {
  const appliedByRule = new Map<string, number>();
  let applied = 0;
  let result = first;
  let current = text;
  let stoppedOnParseError = false;
  const written = new Set<string>();
  for (let pass = 0; pass < maxPasses; pass++) {
    const ruleOf = new Map<Fix, Finding>();
    for (const finding of result.findings) if (finding.fix && isChosen(finding.fix, include)) ruleOf.set(finding.fix, finding);
    if (!ruleOf.size) break;
    const outcome = applyFixes(current, [...ruleOf.keys()]);
    if (!outcome.applied.length) break;
    const next = lint(outcome.text);
    if (hasParseError(next) && !hasParseError(result)) {
      stoppedOnParseError = true;
      break;
    }
    for (const fix of outcome.applied) {
      const ruleId = ruleOf.get(fix)?.ruleId ?? '';
      appliedByRule.set(ruleId, (appliedByRule.get(ruleId) ?? 0) + 1);
      for (const placeholder of fix.placeholders ?? []) written.add(placeholder);
    }
    applied += outcome.applied.length;
    current = outcome.text;
    result = next;
  }
  return { text: current, result, appliedByRule, applied, stoppedOnParseError, placeholders: placeholdersWritten(text, current, written) };
}

/** Whether a fix is among the kinds asked for; one writing a placeholder counts as unsafe whatever its rule says. */
export function isChosen(fix: Fix, include: readonly Applicability[]): boolean {
  return include.includes(fix.applicability) && (!fix.placeholders?.length || include.includes('unsafe'));
}

/** The placeholders in lines of `after` that `before` does not have (a line already there before the fixes is the user's). */
function placeholdersWritten(before: string, after: string, placeholders: ReadonlySet<string>): WrittenPlaceholder[] {
  if (!placeholders.size) return [];
  const holds = (line: string): boolean => [...placeholders].some((p) => line.includes(p));
  const existing = new Map<string, number>();
  for (const line of before.split(/\r\n|\r|\n/)) if (holds(line)) existing.set(line, (existing.get(line) ?? 0) + 1);
  const found: WrittenPlaceholder[] = [];
  after.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (!holds(line)) return;
    const left = existing.get(line) ?? 0;
    if (left) {
      existing.set(line, left - 1);
      return;
    }
    for (const placeholder of placeholders) {
      for (let at = line.indexOf(placeholder); at !== -1; at = line.indexOf(placeholder, at + placeholder.length)) found.push({ line: index + 1, column: at + 1, text: placeholder });
    }
  });
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

function hasParseError(result: LintResult): boolean {
  return result.findings.some((f) => f.ruleId === parseErrorRuleId);
}
