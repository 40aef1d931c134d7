// The cost targets are read from the code's facts, so they live in the model; this name stays for the editor's CodeLens provider.
export type { AlwaysOnTarget, CodeRegion, CostTarget, CostTargets, JobRuns, TrainingTarget } from '../model/costTargets';
export { costTargetVisitors } from '../model/costTargets';
