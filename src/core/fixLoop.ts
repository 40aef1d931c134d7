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
}

/**
 * Applies the fixes of the chosen kinds, lints the output again and repeats until
 * no fix is left or applies (fixes left out for overlapping an earlier one get
 * their turn in the next pass), as `eslint --fix` does. Output that no longer
 * parses is never kept. `lint` lints a text of the same file.
 */
export function fixUntilStable(text: string, first: LintResult, lint: (text: string) => LintResult, include: readonly Applicability[], maxPasses = maxFixPasses): FixLoopResult {
  const appliedByRule = new Map<string, number>();
  let applied = 0;
  let result = first;
  let current = text;
  let stoppedOnParseError = false;
  for (let pass = 0; pass < maxPasses; pass++) {
    const ruleOf = new Map<Fix, Finding>();
    for (const finding of result.findings) if (finding.fix && include.includes(finding.fix.applicability)) ruleOf.set(finding.fix, finding);
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
    }
    applied += outcome.applied.length;
    current = outcome.text;
    result = next;
  }
  return { text: current, result, appliedByRule, applied, stoppedOnParseError };
}

function hasParseError(result: LintResult): boolean {
  return result.findings.some((f) => f.ruleId === parseErrorRuleId);
}
