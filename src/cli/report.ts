import type { LintResult } from '../core/engine';
import type { AnyRule, Finding, Severity } from '../core/types';
import { severityRank } from '../core/types';

/** What the formatters receive: results with paths already relative to the working directory. */
export interface Report {
  results: Array<LintResult & { path: string }>;
  rules: readonly AnyRule[];
  /** Fixes applied by `--fix`, counted over all files. */
  fixed: number;
  toolVersion: string;
  /** Files and folders left out, with the reason (over the size limit, not UTF-8 text, unreadable, symbolic links). */
  skipped?: ReadonlyArray<{ path: string; reason: string }>;
  /** Set with `--baseline`: `results` then hold only the new findings, and these are the ones the baseline accepted. */
  baseline?: { file: string; unchanged: Array<{ path: string; finding: Finding }> };
}

export interface Summary {
  files: number;
  linted: number;
  findings: number;
  bySeverity: Record<Severity, number>;
  fixable: number;
  suppressed: number;
  /** Findings the baseline accepted (not in `results`). */
  baselined: number;
}

export function summarize(report: Report): Summary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let findings = 0;
  let fixable = 0;
  let suppressed = 0;
  for (const result of report.results) {
    suppressed += result.suppressed;
    for (const finding of result.findings) {
      findings++;
      bySeverity[finding.severity]++;
      if (finding.fix && finding.fix.applicability !== 'displayOnly') fixable++;
    }
  }
  return { files: report.results.length, linted: report.results.filter((r) => !r.skipped).length, findings, bySeverity, fixable, suppressed, baselined: report.baseline?.unchanged.length ?? 0 };
}

/** True when some finding is at or above the threshold. */
export function failsAt(findings: Iterable<Finding>, threshold: Severity | 'none'): boolean {
  if (threshold === 'none') return false;
  for (const f of findings) if (severityRank(f.severity) >= severityRank(threshold)) return true;
  return false;
}
