import { priceTableSource } from '../data/prices';
import type { Linter, LintResult } from '../core/engine';
import { LineIndex, lineStartAt } from '../core/lineIndex';
import type { Effect, Finding, Format, Severity } from '../core/types';
import { getInstanceType } from '../data/instances';
import { getRegion } from '../data/regions';
import type { AlwaysOnCost, JobBound } from '../estimate/bounds';
import { alwaysOnCost, defaultMaxRunSeconds, hoursPerMonth, spotDiscount, trainingBound } from '../estimate/bounds';
import type { InstanceEstimate, IntensityChoice } from '../estimate/estimate';
import { estimateInstance, gridIntensity } from '../estimate/estimate';
import { lowerCarbonRegion as lowestCarbonRegion } from '../estimate/savings';
import type { LensRegion } from './codeLens';
import { lensRegion } from './codeLens';
import type { CostTarget, CostTargets } from '../model/costTargets';
import { costTargetVisitors } from '../model/costTargets';

/**
 * The footprint report's model: findings and estimated savings per file and per rule, and the
 * estimated cost and carbon of the code's training jobs, tuners, endpoints and notebook instances.
 * Pure: the CLI (`greenml report`) and the editor (the "Footprint report" webview) render it.
 *
 * Two periods are never added together: a training job's or tuner's figures are for its upper
 * bound (every job running to `max_run`, 1 day by default), an endpoint's or notebook instance's
 * for a month of 730 h while it is up.
 */

/** Cost and carbon over one period; null where the model has no figure. */
export interface Amount {
  costUsd: number | null;
  kgCo2e: number | null;
}

/**
 * What acting on a finding would save, by the offline estimate. `bound`: over the training job's
 * or tuner's upper bound; `month`: per 730-hour month of an endpoint or notebook instance.
 */
export interface Saving {
  kind: 'spot' | 'instance-type' | 'region' | 'idle' | 'reported';
  /** One sentence: what changes (e.g. "ml.g5.xlarge → ml.inf2.xlarge"). */
  description: string;
  bound?: Amount;
  month?: Amount;
  /** True when the cost figure is a maximum ("up to"), as the spot discount is. */
  upTo: boolean;
  estimated: boolean;
  sources: string[];
  notes: string[];
}

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

/** Why a retention change has no figure: what is stored is billed by the GB-month, and the code does not say how many GB. */
const retentionNoFigure = 'the saving depends on how many GB the resource keeps (GB of logs, objects in a bucket, images in a repository) and how they are read, which the code does not say';

/** Why an effect of these kinds has no figure: the estimate model has none for the change (it depends on the traffic). */
const noFigureReasons: Partial<Record<Effect['kind'], string>> = {
  serverless: 'a serverless endpoint is billed per request and compute-second: the saving depends on the traffic',
  'scale-to-zero': 'the saving of scaling in (to zero) depends on the traffic',
};

/** Why a finding that says nothing of its change has no figure. */
const noEffectReason = 'the finding carries no change (instance type, spot, region) the estimate can price';

/** The region whose grid carbon is lowest in the same partition and geography (among those with a figure of the chosen kind), if lower than `code`'s. */
export function lowerCarbonRegion(code: string, intensity: IntensityChoice): { code: string; gco2ePerKwh: number; currentGco2ePerKwh: number } | undefined {
  const region = getRegion(code);
  const best = region && lowestCarbonRegion(region, intensity, { sameGeography: true });
  return best && { code: best.code, gco2ePerKwh: gridIntensity(best, intensity).value, currentGco2ePerKwh: gridIntensity(region, intensity).value };
}

interface Estimated {
  target: CostTarget;
  estimate: InstanceEstimate;
  bound?: JobBound;
  alwaysOn?: AlwaysOnCost;
}

function estimateTarget(target: CostTarget, instanceType: string, region: string, settings: FootprintSettings): Estimated {
  const estimate = estimateInstance(instanceType, { region, utilization: settings.utilization, intensity: settings.intensity });
  if (target.kind === 'training' || target.kind === 'tuner') {
    return { target, estimate, bound: trainingBound(estimate, { instanceCount: target.instanceCount, maxRunSeconds: target.maxRunSeconds, jobs: target.maxJobs, spot: target.spot }) };
  }
  return { target, estimate, alwaysOn: alwaysOnCost(estimate, target.instanceCount) };
}

/** The figures of an estimated target in its period. */
function periodAmount(e: Estimated): { bound?: Amount; month?: Amount } {
  if (e.bound) return { bound: { costUsd: e.bound.costUsd, kgCo2e: e.bound.totalKgCo2e } };
  if (e.alwaysOn) return { month: { costUsd: e.alwaysOn.costUsdPerMonth, kgCo2e: e.alwaysOn.totalKgCo2ePerMonth } };
  return {};
}

const unquote = (text: string): string => text.replace(/^[\\"'`]+|[\\"'`]+$/g, '');

/** The instance type a fix or suggestion of the finding writes in place of another one: [from, to]. */
function instanceTypeSwap(finding: Finding, text: string): { from: string; to: string } | undefined {
  for (const fix of [finding.fix, ...(finding.suggestions ?? [])]) {
    for (const edit of fix?.edits ?? []) {
      const to = getInstanceType(unquote(edit.text))?.instanceType;
      const from = getInstanceType(unquote(text.slice(edit.start, edit.end)))?.instanceType;
      if (to && from && to !== from) return { from, to };
    }
  }
  return undefined;
}

/**
 * The target a finding is about: the innermost one whose range holds the finding's start; else
 * (IaC endpoint configurations, whose target is the resource's key) the nearest one before it
 * with the given instance type.
 */
function targetOf(finding: Finding, targets: readonly FootprintTargetInput[], instanceType?: string): FootprintTargetInput | undefined {
  const containing = targets.filter((t) => t.start <= finding.start && finding.start <= t.end).sort((a, b) => b.start - a.start);
  const inner = containing.find((t) => !instanceType || t.instanceType === instanceType);
  if (inner) return billedAs(inner);
  if (!instanceType) return undefined;
  const before = targets.filter((t) => t.start <= finding.start && t.instanceType === instanceType).sort((a, b) => b.start - a.start)[0];
  return before && billedAs(before);
}

function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

const neverStarted = (target: FootprintTargetInput): boolean => target.started === 'never';

/** The target that bills a target's jobs: the tuner that runs an estimator, else itself. */
const billedAs = (target: FootprintTargetInput): FootprintTargetInput => target.tunedBy ?? target;

/** Why a finding on a job the code never starts has no figure. */
export const neverStartedNote = 'the code never starts this job (no live .fit(), .train() or .tune() call on it): nothing runs, nothing to save';

/** The saving a finding implies, computed from the estimate; or why there is no figure. */
function savingOf(finding: Finding, file: FootprintFileInput, region: LensRegion, settings: FootprintSettings): { saving: Saving } | { noFigure: string } {
  const effect = finding.effect;
  if (effect?.kind === 'spot') {
    const target = targetOf(finding, file.targets.filter((t) => t.kind === 'training' || t.kind === 'tuner'));
    if (!target) return { noFigure: 'the job’s instance type, count or run limit is not a literal' };
    if (neverStarted(target)) return { noFigure: neverStartedNote };
    const discount = spotDiscount();
    if (!discount) return { noFigure: 'no verified figure for the spot discount' };
    const e = estimateTarget(target, target.instanceType, region.code, settings);
    const bound = e.bound as JobBound;
    return {
      saving: {
        kind: 'spot',
        description: `managed spot on ${target.instanceCount} × ${target.instanceType}: up to ${Math.round(discount.maxDiscount * 100)}% of the on-demand cost; the same instance-hours emit the same carbon`,
        bound: { costUsd: bound.costUsd === null ? null : bound.costUsd * discount.maxDiscount, kgCo2e: 0 },
        upTo: true,
        estimated: true,
        sources: [discount.claim, ...bound.sources],
        notes: bound.notes,
      },
    };
  }

  if (effect?.kind === 'stop-when-idle' || effect?.kind === 'teardown') {
    const kind: 'notebook' | 'endpoint' = effect.usage === 'notebook' ? 'notebook' : 'endpoint';
    // The resource the finding sits on; else the type and count the effect names (a notebook instance the file's targets do not place).
    const placed = targetOf(finding, file.targets.filter((t) => t.kind === kind), effect.instanceType);
    const named = effect.instanceType && getInstanceType(effect.instanceType) ? { kind, start: finding.start, end: finding.end, instanceType: effect.instanceType, instanceCount: effect.count ?? 1 } : undefined;
    const target: FootprintTargetInput | undefined = placed ?? named;
    if (!target) return { noFigure: `no ${kind === 'notebook' ? 'notebook instance' : 'endpoint'} with a literal instance type and count in this file for the finding` };
    const e = estimateTarget(target, target.instanceType, region.code, settings);
    const month = periodAmount(e).month;
    const what = effect.kind === 'teardown' ? 'tear it down when done' : 'stop it when idle';
    return {
      saving: {
        kind: 'idle',
        description: `${target.instanceCount} × ${target.instanceType}: ${what}, up to its whole monthly burn`,
        ...(month ? { month } : {}),
        upTo: true,
        estimated: true,
        sources: [...(e.alwaysOn?.sources ?? [])],
        notes: ['the saving is every hour the resource would otherwise run idle: up to its monthly cost, less the hours it is used'],
      },
    };
  }

  // An instance swap: the finding's effect names both types (rules not yet saying their effect: the types their fix writes).
  const swap = effect?.kind === 'instance-swap' ? { from: effect.from, to: effect.to } : effect ? undefined : instanceTypeSwap(finding, file.text);
  if (swap) {
    const target = targetOf(finding, file.targets, swap.from);
    if (!target) return { noFigure: 'the instance count or run limit is not a literal' };
    if (neverStarted(target)) return { noFigure: neverStartedNote };
    const now = estimateTarget(target, swap.from, region.code, settings);
    const next = estimateTarget(target, swap.to, region.code, settings);
    const a = periodAmount(now);
    const b = periodAmount(next);
    const samePrices = now.estimate.costSource !== null && now.estimate.costSource === next.estimate.costSource;
    const diff = (x?: Amount, y?: Amount): Amount | undefined => x && y && { costUsd: samePrices ? difference(x.costUsd, y.costUsd) : null, kgCo2e: difference(x.kgCo2e, y.kgCo2e) };
    const notes = ['the same instance-hours on both types: a faster or slower type changes the saving'];
    if (!samePrices) notes.push('the two prices are not of the same kind (SageMaker price, EC2 lower bound or none): no cost saving is computed');
    return {
      saving: {
        kind: 'instance-type',
        description: `${swap.from} → ${swap.to}`,
        ...(a.bound ? { bound: diff(a.bound, b.bound) } : { month: diff(a.month, b.month) }),
        upTo: false,
        estimated: true,
        sources: [...new Set([...now.estimate.sources, ...next.estimate.sources, ...(now.bound?.defaultMaxRun ? [defaultMaxRunSeconds.source] : []), ...(now.alwaysOn ? [hoursPerMonth.source] : [])])],
        notes: [...new Set([...notes, ...now.estimate.notes, ...next.estimate.notes])],
      },
    };
  }

  if (effect?.kind === 'region-move') {
    const billed = file.targets.filter((t) => !neverStarted(t) && billedAs(t) === t);
    if (!billed.length) return { noFigure: 'no training job, endpoint or notebook instance with literal figures in this file' };
    const intensity = settings.intensity ?? 'ccf';
    // The region the finding names, priced in the region it moves to (the lowest-carbon one of its geography when it names none).
    const from = getRegion(effect.from) ? effect.from : region.code;
    const named = effect.to && getRegion(effect.to) ? effect.to : undefined;
    const best = lowerCarbonRegion(from, intensity);
    const to = named ?? best?.code;
    const toRegion = to ? getRegion(to) : undefined;
    const fromRegion = getRegion(from);
    if (!to || !toRegion || !fromRegion) return { noFigure: `no region of the same geography as ${from} has a lower ${intensity === 'ccf' ? 'CCF' : 'recent'} grid figure` };
    let bound: Amount | undefined;
    let month: Amount | undefined;
    const addDifference = (acc: Amount | undefined, now: Amount, next: Amount | undefined): Amount => {
      const d = difference(now.kgCo2e, next?.kgCo2e ?? null);
      const sum = acc === undefined ? d : acc.kgCo2e === null || d === null ? null : acc.kgCo2e + d;
      return { costUsd: null, kgCo2e: sum };
    };
    const sources = new Set<string>();
    for (const target of billed) {
      const now = periodAmount(estimateTarget(target, target.instanceType, from, settings));
      const there = estimateTarget(target, target.instanceType, to, settings);
      for (const s of there.estimate.sources) sources.add(s);
      const next = periodAmount(there);
      if (now.bound) bound = addDifference(bound, now.bound, next.bound);
      if (now.month) month = addDifference(month, now.month, next.month);
    }
    const grid = (r: NonNullable<ReturnType<typeof getRegion>>) => Math.round(gridIntensity(r, intensity).value);
    return {
      saving: {
        kind: 'region',
        description: `${from} (${grid(fromRegion)} gCO2e/kWh) → ${to} (${grid(toRegion)} gCO2e/kWh), ${named ? 'the lower-carbon region the finding names' : 'the lowest-carbon region of the same geography'} with a ${intensity === 'ccf' ? 'CCF' : 'recent'} grid figure`,
        ...(bound ? { bound } : {}),
        ...(month ? { month } : {}),
        upTo: false,
        estimated: true,
        sources: [...sources],
        notes: ['only the operational emissions change; the bundled prices are us-east-1’s for every region, so no cost saving is computed'],
      },
    };
  }
  if (effect?.kind === 'retention') return { noFigure: retentionNoFigure };
  if (effect?.kind === 'none') return { noFigure: effect.reason };
  return { noFigure: (effect && noFigureReasons[effect.kind]) ?? noEffectReason };
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
      const computed = finding.saving ? { saving: finding.saving } : savingOf(finding, file, region, settings);
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

/** The name a call's result is assigned to on its line (`est = PyTorch(`), if any. */
function assignedName(code: string, start: number): string | undefined {
  const lineStart = lineStartAt(code, start);
  return /^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*$/.exec(code.slice(lineStart, start))?.[1];
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
    const name = code === undefined ? undefined : assignedName(code, target.start);
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
