import { escapeControls } from '../../core/escape';
import type { Report } from '../report';
import { summarize } from '../report';

/**
 * One line per finding, `path:line:col  ID  severity  message`, the way ruff
 * and ESLint's compact output read, then a summary. Notebook findings name the
 * cell: `nb.ipynb:cell 3:2:5`. `[*]` marks findings `--fix` can fix. Paths, messages and fix titles
 * quote the files (names, resource ids): their control characters are escaped, so no file can
 * colour the terminal or forge a line of a CI log.
 */
export function formatText(report: Report): string {
  const lines: string[] = [];
  for (const result of report.results) {
    for (const f of result.findings) {
      const file = escapeControls(result.path);
      const where = f.cell ? `${file}:cell ${f.cell.index + 1}:${f.cell.line}:${f.cell.column}` : `${file}:${f.line}:${f.column}`;
      const fixable = f.fix?.applicability === 'safe' ? ' [*]' : f.fix?.applicability === 'unsafe' ? ' [*unsafe]' : '';
      lines.push(`${where}  ${f.ruleId}  ${f.severity}  ${escapeControls(f.message)}${fixable}`);
      // Advice that cannot be applied automatically still deserves to be read.
      if (f.fix?.applicability === 'displayOnly') lines.push(`    help: ${escapeControls(f.fix.title)}`);
      for (const s of f.suggestions ?? []) lines.push(`    also: ${escapeControls(s.title)}${s.applicability === 'displayOnly' ? '' : ` [*${s.applicability}, in the editor]`}`);
    }
  }
  const s = summarize(report);
  const parts = (['error', 'warning', 'info', 'hint'] as const).filter((k) => s.bySeverity[k]).map((k) => `${s.bySeverity[k]} ${k}${s.bySeverity[k] === 1 || k === 'info' ? '' : 's'}`);
  const fileWord = (n: number): string => `${n} file${n === 1 ? '' : 's'}`;
  if (s.findings === 0) {
    lines.push(`No problems found in ${fileWord(s.linted)}.`);
  } else {
    if (lines.length) lines.push('');
    lines.push(`Found ${s.findings} problem${s.findings === 1 ? '' : 's'} (${parts.join(', ')}) in ${fileWord(s.linted)}.`);
    if (s.fixable) lines.push(`${s.fixable} fixable with --fix${report.results.some((r) => r.findings.some((f) => f.fix?.applicability === 'unsafe')) ? ' (some need --unsafe-fixes)' : ''}.`);
  }
  if (report.fixed) lines.push(`Fixed ${report.fixed} problem${report.fixed === 1 ? '' : 's'}.`);
  if (s.suppressed) lines.push(`${s.suppressed} suppressed by greenml-ignore comments.`);
  if (report.skipped?.length) {
    lines.push(`Skipped ${fileWord(report.skipped.length).replace('file', 'path')}:`);
    for (const skip of report.skipped) lines.push(`  ${skip.path}: ${skip.reason}`);
  }
  return lines.join('\n') + '\n';
}
