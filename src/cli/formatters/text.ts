import { escapeControls } from '../../core/escape';
import type { Paint } from '../color';
import { paint } from '../color';
import type { Report } from '../report';
import { summarize } from '../report';

/**
 * One line per finding, `path:line:col  ID  severity  message`, the way ruff
 * and ESLint's compact output read, then a summary that ends with what --fix can fix and what
 * the baseline accepted. Notebook findings name the cell: `nb.ipynb:cell 3:2:5`. `[*]` marks
 *  findings `--fix` can fix. With `color`, severities and the summary are coloured. Paths, messages and
 * fix titles quote the files (names, resource ids): their control characters are escaped, so no
 * file can colour the terminal or forge a line of a CI log.
 */
export function formatText(report: Report, options: { color?: boolean } = {}): string {
  const p: Paint = paint(options.color ?? false);
  const lines: string[] = [];
  for (const result of report.results) {
    for (const f of result.findings) {
      const file = escapeControls(result.path);
      const where = f.cell ? `${file}:cell ${f.cell.index + 1}:${f.cell.line}:${f.cell.column}` : `${file}:${f.line}:${f.column}`;
      const fixable = f.fix?.applicability === 'safe' ? ' [*]' : f.fix?.applicability === 'unsafe' ? ' [*unsafe]' : '';
      lines.push(`${where}  ${p.bold(f.ruleId)}  ${p.severity(f.severity, f.severity)}  ${escapeControls(f.message)}${fixable}`);
      // Advice that cannot be applied automatically still deserves to be read.
      if (f.fix?.applicability === 'displayOnly') lines.push(`    help: ${escapeControls(f.fix.title)}`);
      for (const s of f.suggestions ?? []) lines.push(`    also: ${escapeControls(s.title)}${s.applicability === 'displayOnly' ? '' : ` [*${s.applicability}, in the editor]`}`);
    }
  }
  const s = summarize(report);
  const parts = (['error', 'warning', 'info', 'hint'] as const).filter((k) => s.bySeverity[k]).map((k) => p.severity(k, `${s.bySeverity[k]} ${k}${s.bySeverity[k] === 1 || k === 'info' ? '' : 's'}`));
  const fileWord = (n: number): string => `${n} file${n === 1 ? '' : 's'}`;
  if (s.findings === 0) {
    lines.push(p.bold(`No ${report.baseline ? 'new ' : ''}problems found in ${fileWord(s.linted)}.`));
  } else {
    if (lines.length) lines.push('');
    lines.push(p.bold(`Found ${s.findings} ${report.baseline ? 'new ' : ''}problem${s.findings === 1 ? '' : 's'} (${parts.join(', ')}) in ${fileWord(s.linted)}.`));
    if (s.fixable) lines.push(`${s.fixable} fixable with --fix${report.results.some((r) => r.findings.some((f) => f.fix?.applicability === 'unsafe')) ? ' (some need --unsafe-fixes)' : ''}.`);
    else lines.push('0 fixable (none has an automatic fix).');
  }
  if (report.fixed) lines.push(`Fixed ${report.fixed} problem${report.fixed === 1 ? '' : 's'}.`);
  if (s.suppressed) lines.push(`${s.suppressed} suppressed by greenml-ignore comments.`);
  if (report.skipped?.length) {
    lines.push(`Skipped ${fileWord(report.skipped.length).replace('file', 'path')}:`);
    for (const skip of report.skipped) lines.push(`  ${skip.path}: ${skip.reason}`);
  }
  if (report.baseline) lines.push(`${s.baselined} baselined in ${report.baseline.file} (not shown).`);
  return lines.join('\n') + '\n';
}
