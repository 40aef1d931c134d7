import { listRegions } from '../data/regions';
import type { IntensityChoice } from '../estimate/estimate';
import { gridIntensity } from '../estimate/estimate';
import { formatFigure } from '../present/figures';
import type { CliIo } from './main';
import { parseCommandLine, reportUsageError } from './usage';

export const regionsUsage = `Usage: greenml regions [--sort carbon|name] [--intensity ccf|recent] [--json]

Every AWS region with its grid carbon intensity (gCO2e/kWh): the CCF app's factor and a recent
figure with its year. Works offline.

Options:
  --sort carbon|name       Order by the --intensity figure, lowest first, or by region code (default)
  --intensity ccf|recent   Grid factor: the CCF app's (default) or the recent figure of the data
  --json                   One JSON array
  -h, --help               Show this help
`;

/** The options `greenml regions` takes. */
export const regionsOptions = { sort: { type: 'string' }, intensity: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

/** `greenml regions`: returns the exit code (0, or 2 for a usage error). */
export function runRegionsCommand(argv: readonly string[], io: CliIo): number {
  const fail = (message: string): number => reportUsageError(io, message, 'greenml regions');
  const { values, positionals } = parseCommandLine(argv, regionsOptions, 'greenml regions');
  if (values.help) {
    io.stdout(regionsUsage);
    return 0;
  }
  if (positionals.length) return fail(`'regions' takes no arguments, got ${positionals.join(' ')}`);
  const sort = values.sort ?? 'name';
  if (sort !== 'carbon' && sort !== 'name') return fail(`--sort must be carbon or name, got "${sort}"`);
  const intensity = values.intensity ?? 'ccf';
  if (intensity !== 'ccf' && intensity !== 'recent') return fail(`--intensity must be ccf or recent, got "${intensity}"`);

  const rows = listRegions().map((r) => {
    const used = gridIntensity(r, intensity as IntensityChoice);
    return {
      code: r.code,
      name: r.name,
      partition: r.partition,
      geography: r.geography,
      gco2ePerKwh: used.value,
      estimated: used.estimated,
      ccfGco2ePerKwh: r.ccfGco2ePerKwh,
      ccfSource: r.ccfSource,
      recentGco2ePerKwh: r.recentGco2ePerKwh,
      recentYear: r.recentYear,
      recentSource: r.recentSource,
      notes: r.notes,
    };
  });
  rows.sort((a, b) => (sort === 'carbon' ? a.gco2ePerKwh - b.gco2ePerKwh : 0) || a.code.localeCompare(b.code));
  if (values.json) {
    io.stdout(JSON.stringify(rows.map((r) => ({ ...r, intensity })), null, 2) + '\n');
    return 0;
  }
  const table = [
    ['REGION', 'NAME', `USED (${intensity})`, 'CCF', 'RECENT'],
    ...rows.map((r) => [r.code, r.name, `${formatFigure(r.gco2ePerKwh, 6)}${r.estimated ? '*' : ''}`, formatFigure(r.ccfGco2ePerKwh, 6), r.recentGco2ePerKwh === null ? '—' : `${formatFigure(r.recentGco2ePerKwh, 6)} (${r.recentYear ?? '?'})`]),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  const lines = table.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '));
  lines.push('', 'gCO2e/kWh. * no such figure for the region: CCF\'s unknown-region average (392.78) or, with --intensity recent, CCF\'s factor.');
  lines.push('CCF: the Cloud Carbon Footprint app (eGRID2020 for US regions, carbonfootprint.com 2022 or the EEA elsewhere). RECENT: eGRID2022 for us-east-1/us-east-2/us-west-1/us-west-2, OWID/Ember national figures elsewhere (docs/data-sources.md).');
  io.stdout(lines.join('\n') + '\n');
  return 0;
}
