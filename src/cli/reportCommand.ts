import type { Linter } from '../core/engine';
import { escapeJsonText } from '../core/escape';
import { getRegion, suggestRegions } from '../data/regions';
import type { IntensityChoice } from '../estimate/estimate';
import { buildFootprint, footprintInputOf } from '../present/footprint';
import type { FootprintModel } from '../present/footprint';
import { footprintHtmlDocument } from '../present/footprintHtml';
import { formatFootprintMarkdown } from './formatters/footprintMarkdown';
import { checkSelectors, jobsOption, lintPaths, splitList } from './lintPaths';
import type { CliIo } from './main';
import { writeOutputFile } from './output';
import { parseCommandLine, UsageError } from './usage';

export const reportUsage = `Usage: greenml report [paths...] [--format md|html|json] [--output FILE] [--region R] [options]

Totals the findings and the estimated savings per file and per rule, and the estimated cost and
carbon of the code's training jobs, tuners, endpoints and notebook instances. Lints like
'greenml lint' (same walk, same config files). Works offline.

Options:
  --format md|html|json    Markdown (default), one self-contained HTML page, or JSON
  -o, --output FILE        Write the report to FILE instead of standard output
  --summary                Only the totals and the table per rule (Markdown; a CI job summary)
  --region R               Region for files whose code sets none (default: us-east-1)
  --utilization U          Average utilisation, 0 to 1 (default: 0.5, CCF's)
  --intensity ccf|recent   Grid factor: the CCF app's (default) or the recent figure of the data
  --select IDS, --ignore IDS, -c, --config FILE, --no-config   As for 'greenml lint'
  -h, --help               Show this help

Exit codes: 0 report written (findings do not fail it), 2 usage or internal error.
`;

export interface ReportSettings {
  region?: string;
  utilization?: number;
  intensity?: IntensityChoice;
}

/** The `greenml report` options checked; throws a {@link UsageError}. */
export function reportSettings(values: { region?: string; utilization?: string; intensity?: string }): ReportSettings {
  if (values.region !== undefined && !getRegion(values.region)) {
    const close = suggestRegions(values.region);
    throw new UsageError(`unknown region "${values.region}" ('greenml regions' lists them)${close.length ? `; did you mean ${close.join(', ')}?` : ''}`);
  }
  let utilization: number | undefined;
  if (values.utilization !== undefined) {
    utilization = Number(values.utilization);
    if (values.utilization.trim() === '' || !(utilization >= 0 && utilization <= 1)) throw new UsageError(`--utilization must be a number from 0 to 1, got "${values.utilization}"`);
  }
  if (values.intensity !== undefined && values.intensity !== 'ccf' && values.intensity !== 'recent') throw new UsageError(`--intensity must be ccf or recent, got "${values.intensity}"`);
  return {
    ...(values.region !== undefined ? { region: getRegion(values.region)?.code } : {}),
    ...(utilization !== undefined ? { utilization } : {}),
    ...(values.intensity !== undefined ? { intensity: values.intensity as IntensityChoice } : {}),
  };
}

/** The options `greenml report` takes; its help lists each one. */
export const reportOptions = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  summary: { type: 'boolean' },
  region: { type: 'string' },
  utilization: { type: 'string' },
  intensity: { type: 'string' },
  select: { type: 'string', multiple: true },
  ignore: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `greenml report`: lints the paths and writes the footprint report; resolves with the exit code. */
export async function runReportCommand(argv: readonly string[], io: CliIo, createLinter: () => Linter): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, reportOptions, 'greenml report');
  if (values.help) {
    io.stdout(reportUsage);
    return 0;
  }
  const format = values.format ?? 'md';
  if (format !== 'md' && format !== 'html' && format !== 'json') throw new UsageError(`--format for 'report' must be md, html or json, got "${format}"`, 'greenml report');
  if (values.summary && format !== 'md') throw new UsageError('--summary goes with --format md', 'greenml report');
  if (values.config && values['no-config']) throw new UsageError('--config and --no-config exclude each other');
  const settings = reportSettings(values);
  const linter = createLinter();
  const select = splitList(values.select);
  const ignore = splitList(values.ignore);
  checkSelectors(linter.rules, [...select, ...ignore]);

  const linted = await lintPaths(linter, io, positionals, { select, ignore, config: values.config, noConfig: values['no-config'], keepText: true, jobs: jobsOption(undefined, process.env.GREENML_JOBS) });
  if (linted.invalidConfig) return 2;
  // The files were linted on worker threads, maybe: this thread's parsers read the code again for its cost targets.
  await linter.prepare(linted.results.map((r) => r.fileName));
  const model = buildFootprint(
    linted.results.map((r) => footprintInputOf(linter, r.path, r.text ?? '', r)),
    settings,
  );
  const output = values.summary ? formatFootprintMarkdown(model, { summary: true }) : renderReport(model, format);
  if (values.output) writeOutputFile(io.cwd, values.output, output);
  else io.stdout(output);
  return linted.internalErrors ? 2 : 0;
}

export function renderReport(model: FootprintModel, format: 'md' | 'html' | 'json'): string {
  if (format === 'html') return footprintHtmlDocument(model);
  if (format === 'json') return `${escapeJsonText(JSON.stringify(model, null, 2))}\n`;
  return formatFootprintMarkdown(model);
}
