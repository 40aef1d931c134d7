import { priceTableSource } from '../data/prices';
import type { Linter, LintResult } from '../core/engine';
import { LineIndex } from '../core/lineIndex';
import type { Finding, Format, Severity } from '../core/types';
import type { AlwaysOnCost, JobBound } from '../estimate/bounds';
import { defaultMaxRunSeconds, hoursPerMonth } from '../estimate/bounds';
import type { IntensityChoice } from '../estimate/estimate';
import type { LensRegion } from './codeLens';
import { lensRegion } from './codeLens';
import type { CostTarget, CostTargets } from '../model/costTargets';
import { costTargetVisitors } from '../model/costTargets';
import { resultName } from '../model/read/notebookScope';
import type { Amount, Saving } from './footprintSaving';
import { billedAs, estimateTarget, findingSaving, neverStarted, periodAmount } from './footprintSaving';

/**
 * The footprint report's model: findings and estimated savings per file and per rule, and the
 * estimated cost and carbon of the code's training jobs, tuners, endpoints and notebook instances.
 * Pure: the CLI (`greenml report`) and the editor (the "Footprint report" webview) render it.
 *
 * Two periods are never added together: a training job's or tuner's figures are for its upper
 * bound (every job running to `max_run`, 1 day by default), an endpoint's or notebook instance's
 * for a month of 730 h while it is up.
 */

/** A finding as the report takes it: a rule may one day give its own `saving`; otherwise the model computes one. */
export type FootprintFinding = Finding & { saving?: Saving };

/**
 * A cost target as the report takes it: `tunedBy`, the tuner whose jobs it is (billed there,
 * once); `started: 'never'`, a job whose only start is commented out (shown, added to no total).
 */
export type FootprintTargetInput = CostTarget & { tunedBy?: CostTarget; started?: 'never' };

/** One file as the model takes it: its lint result, the linted text and its cost targets (offsets of the file). */
export interface FootprintFileInput {
  /** As shown (relative to the workspace or working directory). */
  path: string;
  text: string;
  format?: Format;
  findings: readonly FootprintFinding[];
  targets: readonly FootprintTargetInput[];
  /** The region the code sets, if any. */
  codeRegion?: string;
}

export interface FootprintSettings {
  /** `--region` or the `greenml.region` setting; the code's own region wins. */
  region?: string;
  utilization?: number;
  intensity?: IntensityChoice;
}

export interface FootprintFindingRow {
  path: string;
  ruleId: string;
  ruleName: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  saving?: Saving;
  /** Why the finding has no saving figure. */
  noFigure?: string;
}

/** A training job, tuner, endpoint or notebook instance of the code, with its estimate. */
export interface FootprintTarget {
  path: string;
  line: number;
  kind: CostTarget['kind'];
  instanceType: string;
  instanceCount: number;
  region: string;
  /** Training job or tuner: the upper bound. */
  bound?: JobBound;
  /** Endpoint or notebook instance: per hour and per month. */
  alwaysOn?: AlwaysOnCost;
  /** `never`: the code makes the job but never starts it; its figures are shown, not added to any total. */
  started?: 'never';
}

/** Sums over known figures; `incomplete` counts the items whose figure was unknown and left out. */
export interface Totals {
  /** Null when no item added had a known cost. */
  costUsd: number | null;
  kgCo2e: number | null;
  /** Items added whose cost or carbon was unknown (left out of the sums). */
  incomplete: number;
  /** True when a figure added is a maximum ("up to"): the cost total is then one too. */
  upTo: boolean;
}

export interface PeriodTotals {
  bound: Totals;
  month: Totals;
}

export interface FootprintGroup {
  findings: number;
  /** Findings with a saving figure. */
  withSaving: number;
  savings: PeriodTotals;
}

export interface FootprintFile extends FootprintGroup {
  path: string;
  region: LensRegion;
  /** The estimated cost and carbon of the file's targets. */
  footprint: PeriodTotals;
  targets: number;
}

export interface FootprintRule extends FootprintGroup {
  ruleId: string;
  ruleName: string;
}

export interface FootprintModel {
  files: FootprintFile[];
  rules: FootprintRule[];
  findings: FootprintFindingRow[];
  targets: FootprintTarget[];
  totals: FootprintGroup & { files: number; filesWithFindings: number; footprint: PeriodTotals };
  assumptions: string[];
  sources: string[];
}

const emptyTotals = (): Totals => ({ costUsd: null, kgCo2e: null, incomplete: 0, upTo: false });
const emptyPeriods = (): PeriodTotals => ({ bound: emptyTotals(), month: emptyTotals() });

function add(totals: Totals, amount: Amount | undefined, upTo: boolean): void {
  if (!amount) return;
  if (upTo) totals.upTo = true;
  if (amount.costUsd === null || amount.kgCo2e === null) totals.incomplete++;
  if (amount.costUsd !== null) totals.costUsd = (totals.costUsd ?? 0) + amount.costUsd;
  if (amount.kgCo2e !== null) totals.kgCo2e = (totals.kgCo2e ?? 0) + amount.kgCo2e;
}

function addPeriods(totals: PeriodTotals, periods: { bound?: Amount; month?: Amount; upTo?: boolean }): void {
  add(totals.bound, periods.bound, periods.upTo ?? false);
  add(totals.month, periods.month, periods.upTo ?? false);
}

/** The first 1-based line of an offset. */
function lineOf(lines: LineIndex, offset: number): number {
  return lines.positionAt(offset).line + 1;
}

/** Builds the report's model from the files' lint results and cost targets. */
export function buildFootprint(files: readonly FootprintFileInput[], settings: FootprintSettings = {}): FootprintModel {
  const rows: FootprintFindingRow[] = [];
  const targetRows: FootprintTarget[] = [];
  const fileRows: FootprintFile[] = [];
  const byRule = new Map<string, FootprintRule>();
  const totals = { findings: 0, withSaving: 0, savings: emptyPeriods(), files: files.length, filesWithFindings: 0, footprint: emptyPeriods() };
  const sources = new Set<string>();
  const regions = new Map<string, string[]>();
  let defaultMaxRun = false;
  let spotUsed = false;
  let neverStartedJobs = 0;

  for (const file of files) {
    const region = lensRegion({ targets: [...file.targets], ...(file.codeRegion ? { region: { code: file.codeRegion, start: 0 } } : {}) }, { region: settings.region });
    const lines = new LineIndex(file.text);
    const row: FootprintFile = { path: file.path, region, findings: 0, withSaving: 0, savings: emptyPeriods(), footprint: emptyPeriods(), targets: file.targets.length };
    // An estimator a tuner runs is billed as the tuner's jobs: counted there, once.
    for (const target of file.targets.filter((t) => billedAs(t) === t)) {
      const e = estimateTarget(target, target.instanceType, region.code, settings);
      for (const s of e.bound?.sources ?? e.alwaysOn?.sources ?? []) sources.add(s);
      if (e.bound?.defaultMaxRun) defaultMaxRun = true;
      const never = neverStarted(target);
      if (never) neverStartedJobs++;
      else {
        addPeriods(row.footprint, periodAmount(e));
        addPeriods(totals.footprint, periodAmount(e));
      }
      targetRows.push({ path: file.path, line: lineOf(lines, target.start), kind: target.kind, instanceType: target.instanceType, instanceCount: target.instanceCount, region: region.code, ...(e.bound ? { bound: e.bound } : {}), ...(e.alwaysOn ? { alwaysOn: e.alwaysOn } : {}), ...(never ? { started: 'never' as const } : {}) });
    }
    if (file.targets.length || file.findings.length) regions.set(`${region.code}|${region.origin}`, [...(regions.get(`${region.code}|${region.origin}`) ?? []), file.path]);
    for (const finding of file.findings) {
      const computed = finding.saving ? { saving: finding.saving } : findingSaving(finding, file, region, settings);
      const saving = 'saving' in computed ? computed.saving : undefined;
      rows.push({
        path: file.path,
        ruleId: finding.ruleId,
        ruleName: finding.ruleName,
        severity: finding.severity,
        message: finding.message,
        line: finding.line,
        column: finding.column,
        ...(saving ? { saving } : { noFigure: (computed as { noFigure: string }).noFigure }),
      });
      let rule = byRule.get(finding.ruleId);
      if (!rule) byRule.set(finding.ruleId, (rule = { ruleId: finding.ruleId, ruleName: finding.ruleName, findings: 0, withSaving: 0, savings: emptyPeriods() }));
      for (const group of [row, rule, totals]) {
        group.findings++;
        if (saving) {
          group.withSaving++;
          addPeriods(group.savings, saving);
        }
      }
      if (saving) for (const s of saving.sources) sources.add(s);
      if (saving?.kind === 'spot') spotUsed = true;
    }
    if (row.findings) totals.filesWithFindings++;
    fileRows.push(row);
  }

  const utilization = settings.utilization ?? 0.5;
  const originText: Record<LensRegion['origin'], string> = { code: 'set in the code', setting: settings.region ? 'from --region / greenml.region' : 'from the settings', profile: "the AWS profile's region", default: 'the default: no region in the code, the settings or the AWS profile' };
  const assumptions = [
    `Utilisation ${Math.round(utilization * 1000) / 10}% (Cloud Carbon Footprint's default is 50%); energy by CCF's method (vCPU, accelerators and memory power × PUE).`,
    `Grid carbon intensity: ${settings.intensity === 'recent' ? 'the recent figure of the bundled data (eGRID2022 for US regions, OWID/Ember elsewhere)' : "the Cloud Carbon Footprint app's factor"} of each file's region.`,
    ...[...regions.entries()].map(([key, paths]) => {
      const [code, origin] = key.split('|') as [string, LensRegion['origin']];
      return `Region ${code} (${originText[origin]}): ${paths.length} file${paths.length === 1 ? '' : 's'}.`;
    }),
    `Training jobs and tuners: the upper bound, every job running to max_run${defaultMaxRun ? ` (the API default of ${defaultMaxRunSeconds.value / 3600} h where the code gives none)` : ''}; a tuner counts max_jobs jobs.`,
    `Endpoints and notebook instances: per month of ${hoursPerMonth.value} h while they are up, at their instance count.`,
    `Prices: ${priceTableSource() ? `the region's own SageMaker price of the bundled regional table (${priceTableSource()}) where it has one; otherwise ` : ''}the bundled SageMaker hosting price (us-east-1, about January 2025), else the EC2 on-demand price in us-east-1 as a lower bound, marked "(us-east-1 price)" wherever the figures are for another region; without a training price, training uses the hosting price of the type. Other regions usually cost more.`,
    ...(neverStartedJobs ? [`${neverStartedJobs} training job${neverStartedJobs === 1 ? '' : 's'} or tuner${neverStartedJobs === 1 ? '' : 's'} the code makes but never starts (no live .fit(), .train() or .tune() call; a commented-out one does not run): listed with their figures, added to no total.`] : []),
    ...(spotUsed ? ['Spot: the saving is the most the verified AWS figure allows ("up to"), a range from 0, not a promise; spot does not change the emissions.'] : []),
    'Savings are given only where the estimate model has a figure for the change a finding suggests; other findings are counted without one. Job-bound and monthly figures are never added together.',
  ];
  return {
    files: fileRows,
    rules: [...byRule.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId)),
    findings: rows,
    targets: targetRows,
    totals,
    assumptions,
    sources: [...sources].sort(),
  };
}

/** True when the code holds a commented-out start of `name` (`# est.fit(...)`). */
function hasCommentedStart(code: string, name: string): boolean {
  return new RegExp(`^[ \\t]*#+[ \\t]*${name}\\.(?:fit|train|tune)\\(`, 'm').test(code);
}

/**
 * The report's input for one linted file: its findings, and its cost targets with offsets of the
 * file (a notebook's are mapped from its cells), each job once (an estimator a tuner runs is the
 * tuner's) and a job whose only start is commented out marked as never started. Reads the code's
 * facts through the engine.
 */
export function footprintInputOf(linter: Linter, path: string, text: string, result: LintResult): FootprintFileInput {
  const sink: CostTargets = { targets: [] };
  const collected = result.format ? linter.collectFacts(result.fileName, text, costTargetVisitors(sink), { format: result.format }) : undefined;
  const toFile = (offset: number): number => collected?.embedded?.toFile(offset) ?? offset;
  const placed = new Map<CostTarget, FootprintTargetInput>(sink.targets.map((t) => [t, { ...t, start: toFile(t.start), end: Math.max(toFile(t.start), toFile(t.end)) }]));
  for (const [target, tuner] of sink.runs?.tunedBy ?? []) {
    const input = placed.get(target);
    if (input) input.tunedBy = placed.get(tuner);
  }
  const code = collected?.code;
  for (const target of sink.runs?.unstarted ?? []) {
    const name = code === undefined ? undefined : resultName(code, target)?.name;
    const input = placed.get(target);
    if (input && name && code !== undefined && hasCommentedStart(code, name)) input.started = 'never';
  }
  return {
    path,
    text,
    ...(result.format ? { format: result.format } : {}),
    findings: result.findings,
    targets: [...placed.values()],
    ...(sink.region ? { codeRegion: sink.region.code } : {}),
  };
}
