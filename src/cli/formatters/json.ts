import { escapeJsonText } from '../../core/escape';
import type { Report } from '../report';
import { summarize } from '../report';

/** Machine-readable results: every finding with its range, fix and docs link, and a summary. Terminal-safe: see {@link escapeJsonText}. */
export function formatJson(report: Report): string {
  return escapeJsonText(
    JSON.stringify(
      {
        version: report.toolVersion,
        files: report.results.map((r) => ({
          path: r.path,
          format: r.format ?? null,
          skipped: r.skipped ?? null,
          suppressed: r.suppressed,
          ruleErrors: r.ruleErrors,
          findings: r.findings,
        })),
        skipped: report.skipped ?? [],
        summary: { ...summarize(report), fixed: report.fixed },
      },
      null,
      2,
    ) + '\n'
  );
}
