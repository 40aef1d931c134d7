import type { FootprintFindingRow, FootprintModel, PeriodTotals, Totals } from './footprint';
import type { Amount, Saving } from './footprintSaving';
import { escapeControls } from '../core/escape';
import { formatFigure, formatUsd } from './figures';
import { otherRegionPrice } from './priceLabel';

/**
 * The footprint report as HTML: one self-contained page, no script, inline CSS and an inline SVG
 * chart drawn here. Every text from the code (file names, messages) is escaped.
 */

/** Escapes text for HTML element content and quoted attribute values; control characters as visible escapes. */
export function escapeHtml(text: string): string {
  return escapeControls(text).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface HtmlOptions {
  /** A link to the finding's place (the webview's command URI); none in the CLI's file. */
  linkFor?: (row: { path: string; line: number; column: number }) => string | undefined;
  /** A line shown under the title (e.g. that an untrusted workspace was only read). */
  note?: string;
}

const usd = (n: number | null, upTo = false): string => (n === null ? '—' : `${upTo ? 'up to ' : ''}${formatUsd(n)}`);
const kg = (n: number | null): string => (n === null ? '—' : `${formatFigure(n)} kgCO2e`);

function totalsCell(t: Totals): string {
  if (t.costUsd === null && t.kgCo2e === null && t.incomplete === 0) return '—';
  const partial = t.incomplete ? ` <span class="muted">(${t.incomplete} unknown left out)</span>` : '';
  return `${escapeHtml(usd(t.costUsd, t.upTo))} · ${escapeHtml(kg(t.kgCo2e))}${partial}`;
}

function amountText(a: Amount | undefined, upTo: boolean, period: string): string | undefined {
  if (!a) return undefined;
  return `${usd(a.costUsd, upTo)} · ${kg(a.kgCo2e)} ${period}`;
}

/** "$12.30 · 0.5 kgCO2e per job bound; …" for a saving. */
export function savingText(s: Saving): string {
  return [amountText(s.bound, s.upTo, 'over the job bound'), amountText(s.month, s.upTo, 'per month')].filter(Boolean).join('; ');
}

/** `SML401 log-group-no-retention`; `parse-error` once. */
export const ruleLabel = (r: { ruleId: string; ruleName: string }): string => (r.ruleId === r.ruleName ? r.ruleId : `${r.ruleId} ${r.ruleName}`);

const th = (cells: string[]): string => `<tr>${cells.map((c) => `<th>${c}</th>`).join('')}</tr>`;
const td = (cells: string[]): string => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;

/** A horizontal bar chart as inline SVG: one bar per label, lengths proportional to the values. */
export function barChart(title: string, bars: ReadonlyArray<{ label: string; value: number }>): string {
  if (!bars.length) return '';
  const max = Math.max(...bars.map((b) => b.value), 1);
  const rowHeight = 22;
  const labelWidth = 300;
  const barWidth = 360;
  const height = bars.length * rowHeight + 8;
  const rows = bars.map((b, i) => {
    const y = i * rowHeight + 4;
    const w = Math.max(1, Math.round((b.value / max) * barWidth));
    // Long labels (paths) keep their end, where the file name is.
    const label = b.label.length > 44 ? `…${b.label.slice(-43)}` : b.label;
    return (
      `<text x="${labelWidth - 6}" y="${y + 14}" text-anchor="end">${escapeHtml(label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 2}" width="${w}" height="${rowHeight - 6}" rx="2"></rect>` +
      `<text x="${labelWidth + w + 4}" y="${y + 14}">${escapeHtml(formatFigure(b.value))}</text>`
    );
  });
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg class="chart" role="img" aria-label="${escapeHtml(title)}" width="${labelWidth + barWidth + 60}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 60} ${height}" xmlns="http://www.w3.org/2000/svg">${rows.join('')}</svg></figure>`;
}

function periodsCells(p: PeriodTotals): string[] {
  return [totalsCell(p.bound), totalsCell(p.month)];
}

function location(row: FootprintFindingRow, options: HtmlOptions): string {
  const text = escapeHtml(`${row.path}:${row.line}:${row.column}`);
  const href = options.linkFor?.(row);
  return href ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
}

/** The report's body: totals, chart, tables per rule, per file, per finding and per target, assumptions and sources. */
export function footprintHtmlBody(model: FootprintModel, options: HtmlOptions = {}): string {
  const t = model.totals;
  const parts: string[] = [];
  parts.push('<h1>Green ML footprint report</h1>');
  if (options.note) parts.push(`<p class="note">${escapeHtml(options.note)}</p>`);
  parts.push(
    `<p class="summary">${t.findings} finding${t.findings === 1 ? '' : 's'} in ${t.filesWithFindings} of ${t.files} file${t.files === 1 ? '' : 's'}; ` +
      `${t.withSaving} with an estimated saving. Estimated savings: ${totalsCell(t.savings.bound)} over training job bounds, ${totalsCell(t.savings.month)} per month of endpoints and notebook instances. ` +
      `Estimated footprint of the code: ${totalsCell(t.footprint.bound)} (training job bounds), ${totalsCell(t.footprint.month)} per month (endpoints, notebook instances).</p>`,
  );
  parts.push(barChart('Findings per rule', model.rules.map((r) => ({ label: ruleLabel(r), value: r.findings }))));
  const kgBars = model.files.filter((f) => (f.footprint.bound.kgCo2e ?? 0) + (f.footprint.month.kgCo2e ?? 0) > 0);
  if (kgBars.length) parts.push(barChart('Estimated kgCO2e per file (job bounds + one month of endpoints)', kgBars.map((f) => ({ label: f.path, value: (f.footprint.bound.kgCo2e ?? 0) + (f.footprint.month.kgCo2e ?? 0) }))));

  parts.push('<h2>Per rule</h2>');
  if (model.rules.length) {
    parts.push(
      `<table>${th(['Rule', 'Findings', 'With a saving', 'Saving over job bounds', 'Saving per month'])}${model.rules
        .map((r) => td([escapeHtml(ruleLabel(r)), String(r.findings), String(r.withSaving), ...periodsCells(r.savings)]))
        .join('')}</table>`,
    );
  } else parts.push('<p>No findings.</p>');

  parts.push('<h2>Per file</h2>');
  parts.push(
    `<table>${th(['File', 'Region', 'Findings', 'With a saving', 'Saving over job bounds', 'Saving per month', 'Footprint: job bounds', 'Footprint: per month'])}${model.files
      .map((f) => td([escapeHtml(f.path), `${escapeHtml(f.region.code)} <span class="muted">(${f.region.origin})</span>`, String(f.findings), String(f.withSaving), ...periodsCells(f.savings), ...periodsCells(f.footprint)]))
      .join('')}</table>`,
  );

  if (model.findings.length) {
    parts.push('<h2>Findings</h2>');
    parts.push(
      `<table>${th(['Where', 'Rule', 'Message', 'Estimated saving'])}${model.findings
        .map((r) =>
          td([
            location(r, options),
            escapeHtml(ruleLabel(r)),
            escapeHtml(r.message),
            r.saving ? `${escapeHtml(r.saving.description)}: <strong>${escapeHtml(savingText(r.saving))}</strong>` : `<span class="muted">no figure: ${escapeHtml(r.noFigure ?? '')}</span>`,
          ]),
        )
        .join('')}</table>`,
    );
  }

  if (model.targets.length) {
    parts.push('<h2>Training jobs, tuners, endpoints and notebook instances</h2>');
    parts.push(
      `<table>${th(['Where', 'What', 'Estimate'])}${model.targets
        .map((x) => {
          const where = location({ ruleId: '', ruleName: '', severity: 'info', message: '', path: x.path, line: x.line, column: 1 }, options);
          const what = escapeHtml(`${x.kind}: ${x.instanceCount} × ${x.instanceType} in ${x.region}${x.started === 'never' ? '; never started by the code, not counted' : ''}`);
          const estimate = x.bound
            ? `≤ ${formatFigure(x.bound.instanceHours)} instance-hours: ${usd(x.bound.costUsd)}${otherRegionPrice(x.bound)} · ${formatFigure(x.bound.energyKwh)} kWh · ${kg(x.bound.totalKgCo2e)}${x.bound.jobs > 1 ? ` (${x.bound.jobs} jobs)` : ''}`
            : x.alwaysOn
              ? `${usd(x.alwaysOn.costUsdPerHour)}/h${otherRegionPrice(x.alwaysOn)} · ${kg(x.alwaysOn.totalKgCo2ePerHour)}/h; ${usd(x.alwaysOn.costUsdPerMonth)} · ${kg(x.alwaysOn.totalKgCo2ePerMonth)} per month`
              : '—';
          return td([where, what, escapeHtml(estimate)]);
        })
        .join('')}</table>`,
    );
  }

  parts.push('<h2>Assumptions</h2>');
  parts.push(`<ul>${model.assumptions.map((a) => `<li>${escapeHtml(a)}</li>`).join('')}</ul>`);
  parts.push('<h2>Sources</h2>');
  parts.push(model.sources.length ? `<ul>${model.sources.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>` : '<p>No estimate was made.</p>');
  return parts.join('\n');
}

/** Inline CSS; in the editor it follows the theme's colours. */
export const footprintCss = `
body { font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: var(--vscode-font-size, 14px); color: var(--vscode-foreground, #1f2328); background: var(--vscode-editor-background, #fff); margin: 1.5em; line-height: 1.45; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid var(--vscode-panel-border, #d0d7de); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--vscode-editorWidget-background, #f6f8fa); }
.muted { opacity: 0.7; }
.note { padding: 6px 10px; border-left: 3px solid var(--vscode-editorInfo-foreground, #0969da); }
figure { margin: 1em 0; }
figcaption { font-weight: 600; margin-bottom: 4px; }
svg.chart text { font-size: 12px; fill: var(--vscode-foreground, #1f2328); }
svg.chart rect { fill: var(--vscode-charts-green, #2da44e); }
a { color: var(--vscode-textLink-foreground, #0969da); }
`;

/** A complete page around the body, with a content security policy that allows no script and no network. */
export function footprintHtmlDocument(model: FootprintModel, options: HtmlOptions & { csp?: string } = {}): string {
  const csp = options.csp ?? "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Green ML footprint report</title>
<style>${footprintCss}</style>
</head>
<body>
${footprintHtmlBody(model, options)}
</body>
</html>
`;
}
