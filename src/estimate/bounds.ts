import { getClaim, isVerifiedClaim } from '../data/claims';
import type { Sourced } from './coefficients';
import type { InstanceEstimate } from './estimate';

/**
 * SageMaker's default `StoppingCondition.MaxRuntimeInSeconds`: one day (86,400 s). The SageMaker
 * Python SDK's `max_run` defaults to the same 24 × 60 × 60.
 */
export const defaultMaxRunSeconds: Sourced<number> = {
  value: 86_400,
  source:
    'SageMaker StoppingCondition.MaxRuntimeInSeconds: "The default value is 1 day" (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-sagemaker-processingjob-stoppingcondition.html)',
  estimated: false,
};

/** Hours in a month by the AWS pricing convention: 365 days × 24 h ÷ 12 = 730. */
export const hoursPerMonth: Sourced<number> = { value: 730, source: 'convention: 365 × 24 ÷ 12 = 730 h per month, as the AWS Pricing Calculator uses', estimated: false };

/** The managed-spot saving as a range `[0, max]` of the on-demand cost, from a verified seed claim only. */
export interface SpotRange {
  /** The largest discount claimed, as a fraction (0.9 for "up to 90%"). */
  maxDiscount: number;
  /** Cost of the bound with the full discount; the on-demand figure is the other end. */
  minCostUsd: number | null;
  claim: string;
}

/** The upper bound of a training job or tuner: everything it may run if each job runs to its limit. */
export interface JobBound {
  instanceType: string;
  region: string;
  /** The region whose price the cost uses (us-east-1 for the fallback prices); null without a price. */
  costRegion: string | null;
  instanceCount: number;
  /** Training jobs counted: 1 for a job, `max_jobs` for a tuner. */
  jobs: number;
  hoursPerJob: number;
  /** True when no `max_run` was given and the API default (24 h) was used. */
  defaultMaxRun: boolean;
  instanceHours: number;
  costUsd: number | null;
  energyKwh: number | null;
  totalKgCo2e: number | null;
  /** Present when the call turns managed spot on and a verified claim gives the discount. */
  spot?: SpotRange;
  estimated: boolean;
  sources: string[];
  notes: string[];
}

export interface JobBoundInput {
  instanceCount: number;
  /** `max_run` in seconds; the API default (1 day) when absent. */
  maxRunSeconds?: number;
  /** For a tuner: `max_jobs`. */
  jobs?: number;
  spot?: boolean;
}

/** The verified claim behind the spot range, parsed to a fraction; undefined when unverified or unreadable. */
export function spotDiscount(): { maxDiscount: number; claim: string } | undefined {
  const claim = getClaim('managed-spot-90');
  if (!claim || !isVerifiedClaim(claim)) return undefined;
  const percent = /(\d+(?:\.\d+)?)\s*%/.exec(claim.figure ?? claim.summary);
  if (!percent) return undefined;
  return { maxDiscount: Number(percent[1]) / 100, claim: `${claim.summary} (${claim.source ?? 'seed-claims.csv'})` };
}

/**
 * A training job's bound = instance count × hours (`max_run`, else the API's 1-day default) × the
 * per-instance-hour estimate; a tuner's = `max_jobs` × that. Spot lowers only the cost, as a range
 * from 0 to the verified "up to" figure: emissions are the same instance-hours.
 */
export function trainingBound(estimate: InstanceEstimate, input: JobBoundInput): JobBound {
  const jobs = input.jobs ?? 1;
  const defaultMaxRun = input.maxRunSeconds === undefined;
  const hoursPerJob = (input.maxRunSeconds ?? defaultMaxRunSeconds.value) / 3600;
  const instanceHours = jobs * input.instanceCount * hoursPerJob;
  const times = (v: number | null): number | null => (v === null ? null : v * instanceHours);
  const notes = [...estimate.notes];
  const sources = [...estimate.sources];
  if (defaultMaxRun) sources.push(defaultMaxRunSeconds.source);
  if (estimate.costSource === 'bundled' && estimate.costUsage !== 'training') notes.push('no SageMaker training price is bundled: the hosting price of the type is used');
  const costUsd = times(estimate.costUsdPerHour);
  let spot: SpotRange | undefined;
  const discount = input.spot ? spotDiscount() : undefined;
  if (discount) {
    spot = { maxDiscount: discount.maxDiscount, minCostUsd: costUsd === null ? null : costUsd * (1 - discount.maxDiscount), claim: discount.claim };
    sources.push(discount.claim);
  }
  return {
    instanceType: estimate.instanceType,
    region: estimate.region,
    costRegion: estimate.costRegion,
    instanceCount: input.instanceCount,
    jobs,
    hoursPerJob,
    defaultMaxRun,
    instanceHours,
    costUsd,
    energyKwh: times(estimate.energyKwhPerHour),
    totalKgCo2e: times(estimate.totalKgCo2ePerHour),
    ...(spot ? { spot } : {}),
    estimated: true,
    sources: [...new Set(sources)],
    notes: [...new Set(notes)],
  };
}

/** An endpoint (or notebook instance) that stays up: per hour and per 730-hour month at its instance count. */
export interface AlwaysOnCost {
  instanceType: string;
  region: string;
  /** The region whose price the cost uses (us-east-1 for the fallback prices); null without a price. */
  costRegion: string | null;
  instanceCount: number;
  costUsdPerHour: number | null;
  totalKgCo2ePerHour: number | null;
  costUsdPerMonth: number | null;
  totalKgCo2ePerMonth: number | null;
  estimated: boolean;
  sources: string[];
  notes: string[];
}

export function alwaysOnCost(estimate: InstanceEstimate, instanceCount: number): AlwaysOnCost {
  const times = (v: number | null, k: number): number | null => (v === null ? null : v * k);
  return {
    instanceType: estimate.instanceType,
    region: estimate.region,
    costRegion: estimate.costRegion,
    instanceCount,
    costUsdPerHour: times(estimate.costUsdPerHour, instanceCount),
    totalKgCo2ePerHour: times(estimate.totalKgCo2ePerHour, instanceCount),
    costUsdPerMonth: times(estimate.costUsdPerHour, instanceCount * hoursPerMonth.value),
    totalKgCo2ePerMonth: times(estimate.totalKgCo2ePerHour, instanceCount * hoursPerMonth.value),
    estimated: estimate.estimated,
    sources: [...new Set([...estimate.sources, hoursPerMonth.source])],
    notes: estimate.notes,
  };
}
