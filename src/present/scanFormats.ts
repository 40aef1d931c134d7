import { formatFigure, formatUsd } from './figures';
import type { ScanAccountReport, ScanFinding, ScanRegionReport, ScanReport, ScanTotals } from './scan';
import { formatUtc } from './scan';

/** The fleet scan's outputs: text table, Markdown, CSV, JSON and the remediation plan (pure). */

/** Control characters (C0, DEL, C1) from AWS names or messages never reach a terminal or a file raw. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD');
}

function accountTitle(a: ScanAccountReport): string {
  const id = a.accountId ? `account ${a.accountId}` : 'account unknown';
  const via = a.source === 'profile' ? `profile ${a.profile}` : a.source === 'role' ? `role ${a.roleArn}` : 'current credentials';
  return printable(a.label === a.accountId || a.label === 'default credentials' ? `${id} (${via})` : `${a.label} · ${id} (${via})`);
}

function idleSummary(t: ScanTotals): string {
  const unknown = t.idleWithoutFigures > 0 ? ` (+${t.idleWithoutFigures} without figures)` : '';
  return `${t.findings} finding${t.findings === 1 ? '' : 's'}, ${t.idle} idle · idle burn ${formatUsd(t.idleUsdPerHour)}/h, ${formatUsd(t.idleUsdPerMonth)}/month, ${formatFigure(t.idleKgCo2ePerHour)} kgCO2e/h${unknown}`;
}

function header(report: ScanReport): string {
  return `Green ML scan · ${formatUtc(new Date(report.generatedAt))} · idle = no use in ${report.idleHours} h · long-running = over ${report.longRunningHours} h · list-price estimates, read only`;
}

function failedRegions(report: ScanReport): number {
  return report.accounts.reduce((n, a) => n + a.regions.filter((r) => r.error).length, 0);
}

function grandTotal(report: ScanReport): string {
  const accounts = report.accounts.length;
  const failed = report.accounts.filter((a) => a.error).length;
  const regions = report.accounts.reduce((n, a) => n + a.regions.length, 0);
  const regionFailures = failedRegions(report);
  return `Total: ${accounts} account${accounts === 1 ? '' : 's'}${failed > 0 ? ` (${failed} failed)` : ''}, ${regions} account-region${regions === 1 ? '' : 's'}${regionFailures > 0 ? ` (${regionFailures} failed)` : ''}, ${idleSummary(report.totals)}`;
}

const cells = (f: ScanFinding) => [
  f.kind,
  printable(f.name),
  f.idle ? 'idle' : 'review',
  f.usdPerHour === null ? '—' : formatUsd(f.usdPerHour),
  f.usdPerMonth === null ? '—' : formatUsd(f.usdPerMonth),
  formatFigure(f.kgCo2ePerHour),
  printable(f.capacity),
  printable(f.reasons.join('; ')),
];
const columns = ['KIND', 'NAME', 'STATE', '$/H', '$/MONTH', 'KGCO2E/H', 'CAPACITY', 'REASON'];
const mdColumns = ['Kind', 'Name', 'State', '$/h', '$/month', 'kgCO2e/h', 'Capacity', 'Reason'];
/** Right-aligned columns (the figures). */
const numeric = new Set([3, 4, 5]);

function table(rows: string[][], indent: string): string[] {
  const all = [columns, ...rows];
  const widths = columns.map((_, c) => Math.max(...all.map((r) => [...r[c]].length)));
  return all.map((r) =>
    (indent + r.map((cell, c) => (c === r.length - 1 ? cell : numeric.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ')).trimEnd(),
  );
}

function regionLine(r: ScanRegionReport): string {
  return r.error ? `${r.region} · FAILED: ${printable(r.error.message)}` : `${r.region} · ${idleSummary(r.totals)}`;
}

/** The default output: one block per account, one table per region, totals per region, account and overall. */
export function formatScanText(report: ScanReport): string {
  const out = [header(report), ''];
  for (const a of report.accounts) {
    out.push(accountTitle(a));
    if (a.error) {
      out.push(`  FAILED: ${printable(a.error.message)}`, '');
      continue;
    }
    for (const r of a.regions) {
      out.push(`  ${regionLine(r)}`);
      for (const w of r.warnings) out.push(`    warning: ${printable(w)}`);
      if (r.findings.length > 0) out.push(...table(r.findings.map(cells), '    '));
    }
    out.push(`  account total: ${idleSummary(a.totals)}`, '');
  }
  out.push(grandTotal(report));
  return `${out.join('\n')}\n`;
}

/** Markdown cell: no pipes or line breaks, control characters replaced. */
function md(text: string): string {
  return printable(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}

/** For an issue or a chat post: a summary, then a table per account with its regions' findings. */
export function formatScanMarkdown(report: ScanReport): string {
  const out = [`## Green ML scan: ${md(formatUsd(report.totals.idleUsdPerMonth))}/month idle`, '', `_${md(header(report))}_`, '', `**${md(grandTotal(report))}**`, ''];
  for (const a of report.accounts) {
    out.push(`### ${md(accountTitle(a))}`, '');
    if (a.error) {
      out.push(`> **Failed:** ${md(a.error.message)}`, '');
      continue;
    }
    const rows = a.regions.flatMap((r) => r.findings.map((f) => [r.region, ...cells(f)]));
    for (const r of a.regions) {
      if (r.error) out.push(`- **${r.region}: failed:** ${md(r.error.message)}`);
      for (const w of r.warnings) out.push(`- ${r.region}: warning: ${md(w)}`);
    }
    if (a.regions.some((r) => r.error || r.warnings.length > 0)) out.push('');
    if (rows.length > 0) {
      out.push(`| Region | ${mdColumns.join(' | ')} |`, `|---|${columns.map((_, c) => (numeric.has(c) ? '---:' : '---')).join('|')}|`);
      for (const row of rows) out.push(`| ${row.map(md).join(' | ')} |`);
      out.push('');
    } else {
      out.push('No findings.', '');
    }
    out.push(`Account total: ${md(idleSummary(a.totals))}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function csvCell(text: string): string {
  const t = printable(text);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(t) ? `'${t}` : t;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvColumns = ['account_id', 'account', 'region', 'kind', 'name', 'idle', 'usd_per_hour', 'usd_per_month', 'kgco2e_per_hour', 'capacity', 'reason', 'arn', 'error'];

/** One row per finding, plus one row per failed account or region (with `error` set). */
export function formatScanCsv(report: ScanReport): string {
  const num = (n: number | null) => (n === null ? '' : String(n));
  const rows = [csvColumns];
  for (const a of report.accounts) {
    if (a.error) rows.push([a.accountId ?? '', a.label, '', '', '', '', '', '', '', '', '', '', a.error.message]);
    for (const r of a.regions) {
      if (r.error) rows.push([a.accountId ?? '', a.label, r.region, '', '', '', '', '', '', '', '', '', r.error.message]);
      for (const f of r.findings) rows.push([a.accountId ?? '', a.label, r.region, f.kind, f.name, String(f.idle), num(f.usdPerHour), num(f.usdPerMonth), num(f.kgCo2ePerHour), f.capacity, f.reasons.join('; '), f.arn, '']);
    }
  }
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The report as JSON (schema `greenml.scan/v1`, documented in docs/scan.md). */
export function formatScanJson(report: ScanReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

// ---- Remediation plan ----------------------------------------------------------------------------

/** A word for a POSIX shell: as is when plainly safe, else single-quoted. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The AWS CLI words that stop or delete an idle finding; undefined for kinds that cannot be stopped. */
export function remediation(f: ScanFinding): string[] | undefined {
  const d = f.details;
  const appTarget = () => (typeof d.spaceName === 'string' ? ['--space-name', d.spaceName] : typeof d.userProfileName === 'string' ? ['--user-profile-name', d.userProfileName] : []);
  switch (f.kind) {
    case 'endpoint':
      return ['sagemaker', 'delete-endpoint', '--endpoint-name', f.name];
    case 'notebook-instance':
      return ['sagemaker', 'stop-notebook-instance', '--notebook-instance-name', f.name];
    case 'studio-app':
    case 'canvas-app':
      return ['sagemaker', 'delete-app', '--domain-id', String(d.domainId), ...appTarget(), '--app-type', String(d.appType), '--app-name', String(d.appName)];
    case 'warm-pool':
      // Ending the keep-alive releases the pool's instances.
      return ['sagemaker', 'update-training-job', '--training-job-name', f.name, '--resource-config', 'KeepAlivePeriodInSeconds=0'];
    default:
      return undefined;
  }
}

const planNotes: Partial<Record<ScanFinding['kind'], string>> = {
  endpoint: 'deletes the endpoint (its endpoint config and model stay, so it can be created again)',
  'notebook-instance': 'stops the instance (its storage volume is kept)',
  'studio-app': 'deletes the app (the space and its storage are kept)',
  'canvas-app': 'logs out of Canvas by deleting its app',
  'warm-pool': 'ends the warm pool’s keep-alive',
};

/**
 * The commands a person would run to stop or delete each idle finding, as a shell script that does
 * nothing by itself: every command is commented out, under a comment with account, region, reason
 * and burn. Green ML never runs them.
 */
export function formatScanPlan(report: ScanReport): string {
  const out = [
    '#!/bin/sh',
    '# Green ML scan: remediation plan. Review, then uncomment the commands you want and run them yourself.',
    `# ${header(report)}`,
    `# ${idleSummary(report.totals)}`,
    '# Green ML never runs these commands.',
    '',
  ];
  let commands = 0;
  for (const a of report.accounts) {
    for (const r of a.regions) {
      for (const f of r.findings) {
        const words = f.idle ? remediation(f) : undefined;
        if (!words) continue;
        commands++;
        const creds = a.source === 'profile' && a.profile ? ['--profile', a.profile] : [];
        const burn = `${f.usdPerHour === null ? '—' : formatUsd(f.usdPerHour)}/h, ${f.usdPerMonth === null ? '—' : formatUsd(f.usdPerMonth)}/month, ${formatFigure(f.kgCo2ePerHour)} kgCO2e/h`;
        out.push(`# ${printable(`${f.kind} ${f.name} · account ${a.accountId ?? 'unknown'} (${a.label}) · ${r.region} · ${burn}`)}`);
        out.push(`# ${printable(`why: ${f.reasons.join('; ')}`)}`);
        if (a.source === 'role') out.push(`# ${printable(`with credentials of ${a.roleArn}`)}`);
        const note = planNotes[f.kind];
        if (note) out.push(`# effect: ${note}`);
        out.push(`# ${['aws', ...words, '--region', r.region, ...creds].map((w) => shellWord(printable(w))).join(' ')}`, '');
      }
    }
  }
  if (commands === 0) out.push('# No idle resource: nothing to do.');
  return `${out.join('\n').trimEnd()}\n`;
}
