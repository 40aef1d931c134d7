import type { Linter } from '../core/engine';
import { LineIndex } from '../core/lineIndex';
import type { Format } from '../core/types';
import { getRegion } from '../data/regions';
import { trainingBound } from '../estimate/bounds';
import type { IntensityChoice } from '../estimate/estimate';
import { estimateInstance, gridIntensity, scaleEstimate } from '../estimate/estimate';
import type { LensRegion } from './codeLens';
import type { CostTargets, TrainingTarget } from '../model/costTargets';
import { costTargetVisitors } from '../model/costTargets';
import { formatFigure } from './figures';

/**
 * The environmental-impact section of a SageMaker Model Card for one training call (estimator,
 * `ModelTrainer`, `create_training_job`, or a tuner's jobs), from the offline estimate.
 *
 * The model card content schema has no environmental field, so the figures go where it allows free
 * content: `additional_information.custom_details` (an object of strings: keys match
 * `[a-zA-Z_][a-zA-Z0-9_]*`, values at most 1,024 characters) and a one-paragraph summary in
 * `training_details.training_observations` (a string of at most 1,024 characters). See
 * docs/report.md.
 */

/** The schema's limit on a `custom_details` value and on `training_observations`. */
export const modelCardStringLimit = 1024;

export interface ModelCardEstimate {
  instanceType: string;
  instanceCount: number;
  /** 1 for a training job, `max_jobs` for a tuner. */
  jobs: number;
  hoursPerJob: number;
  /** True when the code gives no `max_run` and the API default (1 day) was used. */
  defaultMaxRun: boolean;
  instanceHours: number;
  energyKwh: number | null;
  operationalKgCo2e: number | null;
  embodiedKgCo2e: number | null;
  totalKgCo2e: number | null;
  region: string;
  regionOrigin: LensRegion['origin'];
  gridGco2ePerKwh: number;
  gridIntensitySource: string;
  utilization: number;
  method: string;
  estimated: boolean;
  sources: string[];
  notes: string[];
}

export interface ModelCardFragment {
  training_details: { training_observations: string };
  additional_information: { custom_details: Record<string, string> };
}

/** The estimate of a training target's upper bound, with every assumption. */
export function modelCardEstimate(target: TrainingTarget, region: LensRegion, settings: { utilization?: number; intensity?: IntensityChoice } = {}): ModelCardEstimate {
  const intensity = settings.intensity ?? 'ccf';
  const estimate = estimateInstance(target.instanceType, { region: region.code, utilization: settings.utilization, intensity });
  const bound = trainingBound(estimate, { instanceCount: target.instanceCount, maxRunSeconds: target.maxRunSeconds, jobs: target.maxJobs, spot: target.spot });
  const scaled = scaleEstimate(estimate, bound.instanceHours);
  const grid = gridIntensity(getRegion(region.code)!, intensity);
  return {
    instanceType: target.instanceType,
    instanceCount: target.instanceCount,
    jobs: bound.jobs,
    hoursPerJob: bound.hoursPerJob,
    defaultMaxRun: bound.defaultMaxRun,
    instanceHours: bound.instanceHours,
    energyKwh: scaled.energyKwh,
    operationalKgCo2e: scaled.operationalKgCo2e,
    embodiedKgCo2e: scaled.embodiedKgCo2e,
    totalKgCo2e: scaled.totalKgCo2e,
    region: region.code,
    regionOrigin: region.origin,
    gridGco2ePerKwh: estimate.gridGco2ePerKwh,
    gridIntensitySource: grid.source,
    utilization: estimate.utilization,
    method: "Cloud Carbon Footprint (CCF): vCPU, accelerator and memory power at the utilisation × PUE × grid intensity, plus embodied emissions per instance-hour",
    // An upper bound computed before the job ran is always an estimate.
    estimated: true,
    sources: bound.sources,
    notes: bound.notes,
  };
}

const clip = (text: string): string => (text.length <= modelCardStringLimit ? text : `${text.slice(0, modelCardStringLimit - 1)}…`);
const figure = (n: number | null): string => (n === null ? 'unknown' : formatFigure(n));

/** The JSON fragment to merge into a model card's content. */
export function modelCardFragment(e: ModelCardEstimate): ModelCardFragment {
  const runs = e.jobs > 1 ? `${e.jobs} tuning jobs × ` : '';
  const limit = e.defaultMaxRun ? 'the API default limit of 1 day (no max_run in the code)' : 'max_run';
  const observations =
    `Environmental impact (Green ML estimate, upper bound before training): ${runs}${e.instanceCount} × ${e.instanceType} for up to ${figure(e.hoursPerJob)} h (${limit}) = ${figure(e.instanceHours)} instance-hours in ${e.region}: ` +
    `${figure(e.energyKwh)} kWh, ${figure(e.totalKgCo2e)} kgCO2e (${figure(e.operationalKgCo2e)} operational at ${figure(e.gridGco2ePerKwh)} gCO2e/kWh + ${figure(e.embodiedKgCo2e)} embodied), ` +
    `at ${figure(e.utilization * 100)}% utilisation by Cloud Carbon Footprint's method. Replace with the job's billed time once it has run. Details in additional_information.custom_details (greenml_*).`;
  const details: Record<string, string> = {
    greenml_method: e.method,
    greenml_estimated: String(e.estimated),
    greenml_instance_type: e.instanceType,
    greenml_instance_count: String(e.instanceCount),
    greenml_training_jobs: String(e.jobs),
    greenml_hours_bound_per_job: String(e.hoursPerJob),
    greenml_hours_bound_source: e.defaultMaxRun ? 'SageMaker API default MaxRuntimeInSeconds (1 day): no max_run in the code' : 'max_run in the code',
    greenml_instance_hours_bound: String(e.instanceHours),
    greenml_energy_kwh: figure(e.energyKwh),
    greenml_kgco2e_operational: figure(e.operationalKgCo2e),
    greenml_kgco2e_embodied: figure(e.embodiedKgCo2e),
    greenml_kgco2e_total: figure(e.totalKgCo2e),
    greenml_region: e.region,
    greenml_region_origin: { code: 'set in the code', setting: 'the greenml.region setting or --region', profile: "the AWS profile's region (~/.aws/config)", default: 'default (no region in the code, the settings or the AWS profile)' }[e.regionOrigin],
    greenml_grid_gco2e_per_kwh: figure(e.gridGco2ePerKwh),
    greenml_grid_intensity_source: e.gridIntensitySource,
    greenml_utilization: String(e.utilization),
  };
  e.notes.forEach((note, i) => (details[`greenml_note_${i + 1}`] = clip(note)));
  e.sources.forEach((source, i) => (details[`greenml_source_${i + 1}`] = clip(source)));
  for (const key of Object.keys(details)) details[key] = clip(details[key]);
  return { training_details: { training_observations: clip(observations) }, additional_information: { custom_details: details } };
}

/** A training target with its 1-based line range in the file. */
export interface PlacedTrainingTarget {
  target: TrainingTarget;
  line: number;
  endLine: number;
  /** In a notebook: the 0-based cell index and the 1-based lines inside that cell. */
  cell?: { index: number; line: number; endLine: number };
}

/**
 * The training target at a 1-based line: the innermost one whose lines hold it (an estimator inside
 * a tuner's call is the estimator). Without a line: the only one of the file. An error text otherwise.
 */
export function trainingTargetAt(targets: readonly PlacedTrainingTarget[], line?: number): PlacedTrainingTarget | { error: string } {
  const where = (list: readonly PlacedTrainingTarget[]): string => list.map((t) => `${t.line}`).join(', ');
  if (!targets.length) return { error: 'no training call with a literal instance type and count (estimator, ModelTrainer, create_training_job or tuner) found' };
  if (line === undefined) {
    return targets.length === 1 ? targets[0] : { error: `${targets.length} training calls (lines ${where(targets)}): choose one with a line` };
  }
  const holding = targets.filter((t) => t.line <= line && line <= t.endLine).sort((a, b) => b.line - a.line || a.endLine - b.endLine);
  return holding[0] ?? { error: `no training call at line ${line}; training calls at lines ${where(targets)}` };
}

/** The training targets of a file with their lines (a notebook's mapped to the file), and the region its code sets. */
export function placedTrainingTargets(linter: Linter, fileName: string, text: string, format?: Format): { targets: PlacedTrainingTarget[]; codeRegion?: string } {
  const sink: CostTargets = { targets: [] };
  const collected = linter.collectFacts(fileName, text, costTargetVisitors(sink), format ? { format } : {});
  const lines = new LineIndex(text);
  const toFile = (offset: number): number => collected.embedded?.toFile(offset) ?? offset;
  const targets = sink.targets.flatMap((t): PlacedTrainingTarget[] => {
    if (t.kind !== 'training' && t.kind !== 'tuner') return [];
    const cell = collected.embedded?.cellRange(t.start, t.end);
    return [{ target: t, line: lines.positionAt(toFile(t.start)).line + 1, endLine: lines.positionAt(toFile(t.end)).line + 1, ...(cell ? { cell: { index: cell.index, line: cell.line, endLine: cell.endLine } } : {}) }];
  });
  return { targets, ...(sink.region ? { codeRegion: sink.region.code } : {}) };
}
