import type { FootprintModel, PeriodTotals, Totals } from '../../present/footprint';
import { escapeControls } from '../../core/escape';
import { ruleLabel, savingText } from '../../present/footprintHtml';
import { formatFigure, formatUsd } from '../../present/figures';
import { otherRegionPrice } from '../../present/priceLabel';

/**
 * Escapes text from the code (file names, messages) for a Markdown table cell: no markup, no HTML,
 * no line break, no control character (escaped last, so `\x1B` reads the same raw and rendered).
 */
export function escapeMarkdown(text: string): string {
  return escapeControls(text.replace(/\r?\n|\r/g, ' ').replace(/[\\`*_[\]|<>&]/g, (c) => `\\${c}`));
}

function totals(t: Totals): string {
  if (t.costUsd === null && t.kgCo2e === null && t.incomplete === 0) return '—';
  const cost = t.costUsd === null ? '—' : `${t.upTo ? 'up to ' : ''}${formatUsd(t.costUsd)}`;
  return `${cost} · ${t.kgCo2e === null ? '—' : `${formatFigure(t.kgCo2e)} kgCO2e`}${t.incomplete ? ` (${t.incomplete} unknown left out)` : ''}`;
}

const periods = (p: PeriodTotals): string[] => [totals(p.bound), totals(p.month)];

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/**
 * The footprint report as Markdown: totals, tables per rule, per file, per finding and per target,
 * assumptions and sources; with `summary`, the totals and the table per rule only (a CI job summary).
 */
export function formatFootprintMarkdown(model: FootprintModel, options: { summary?: boolean } = {}): string {
  const t = model.totals;
  const out: string[] = ['# Green ML footprint report', ''];
  out.push(
    `${t.findings} finding${t.findings === 1 ? '' : 's'} in ${t.filesWithFindings} of ${t.files} file${t.files === 1 ? '' : 's'}; ${t.withSaving} with an estimated saving.`,
    '',
    table(
      ['Totals', 'Training job bounds', 'Per month (endpoints, notebook instances)'],
      [
        ['Estimated savings', ...periods(t.savings)],
        ['Estimated footprint of the code', ...periods(t.footprint)],
      ],
    ),
    '',
    '## Per rule',
    '',
  );
  out.push(
    model.rules.length
      ? table(['Rule', 'Findings', 'With a saving', 'Saving over job bounds', 'Saving per month'], model.rules.map((r) => [escapeMarkdown(ruleLabel(r)), String(r.findings), String(r.withSaving), ...periods(r.savings)]))
      : 'No findings.',
    '',
  );
  if (options.summary) return out.join('\n');
  out.push(
    '## Per file',
    '',
    table(
      ['File', 'Region', 'Findings', 'With a saving', 'Saving over job bounds', 'Saving per month', 'Footprint: job bounds', 'Footprint: per month'],
      model.files.map((f) => [escapeMarkdown(f.path), escapeMarkdown(`${f.region.code} (${f.region.origin})`), String(f.findings), String(f.withSaving), ...periods(f.savings), ...periods(f.footprint)]),
    ),
    '',
  );
  if (model.findings.length) {
    out.push(
      '## Findings',
      '',
      table(
        ['Where', 'Rule', 'Message', 'Estimated saving'],
        model.findings.map((r) => [
          escapeMarkdown(`${r.path}:${r.line}:${r.column}`),
          escapeMarkdown(ruleLabel(r)),
          escapeMarkdown(r.message),
          r.saving ? escapeMarkdown(`${r.saving.description}: ${savingText(r.saving)}`) : escapeMarkdown(`no figure: ${r.noFigure ?? ''}`),
        ]),
      ),
      '',
    );
  }
  if (model.targets.length) {
    out.push(
      '## Training jobs, tuners, endpoints and notebook instances',
      '',
      table(
        ['Where', 'What', 'Estimate'],
        model.targets.map((x) => [
          escapeMarkdown(`${x.path}:${x.line}`),
          escapeMarkdown(`${x.kind}: ${x.instanceCount} × ${x.instanceType} in ${x.region}${x.started === 'never' ? '; never started by the code, not counted' : ''}`),
          escapeMarkdown(
            x.bound
              ? `≤ ${formatFigure(x.bound.instanceHours)} instance-hours: ${formatUsd(x.bound.costUsd)}${otherRegionPrice(x.bound)} · ${formatFigure(x.bound.energyKwh)} kWh · ${formatFigure(x.bound.totalKgCo2e)} kgCO2e${x.bound.jobs > 1 ? ` (${x.bound.jobs} jobs)` : ''}`
              : x.alwaysOn
                ? `${formatUsd(x.alwaysOn.costUsdPerHour)}/h${otherRegionPrice(x.alwaysOn)} · ${formatFigure(x.alwaysOn.totalKgCo2ePerHour)} kgCO2e/h; ${formatUsd(x.alwaysOn.costUsdPerMonth)} · ${formatFigure(x.alwaysOn.totalKgCo2ePerMonth)} kgCO2e per month`
                : '—',
          ),
        ]),
      ),
      '',
    );
  }
  out.push('## Assumptions', '', ...model.assumptions.map((a) => `- ${escapeMarkdown(a)}`), '', '## Sources', '');
  out.push(...(model.sources.length ? model.sources.map((s) => `- ${escapeMarkdown(s)}`) : ['No estimate was made.']), '');
  return out.join('\n');
}
