import { powerRows } from '../data/generated/power';
import type { PowerRow } from '../data/types';

/** A figure with where it comes from and whether it is an estimate (a fallback, a newer unadopted set, a third-party figure). */
export interface Sourced<T> {
  value: T;
  source: string;
  estimated: boolean;
  /** Why it is an estimate, for the user; absent when it is CCF's published figure. */
  note?: string;
}

export interface MinMaxWatts {
  minWatts: number;
  maxWatts: number;
}

const published = 'published';
const coefficientRepo2026 = 'coefficient-repo-2026';
const awsAverage = 'AWS average (fallback for unknown microarchitecture)';

function find(parameter: string, subject: string, status?: string): PowerRow | undefined {
  return powerRows.find((r) => r.parameter === parameter && r.subject === subject && (status === undefined || r.status.startsWith(status)) && r.value !== null);
}

function required(parameter: string, subject: string, unit?: string): PowerRow & { value: number } {
  const row = powerRows.find((r) => r.parameter === parameter && r.subject === subject && (unit === undefined || r.unit === unit) && r.value !== null);
  if (!row) throw new Error(`power-coefficients.csv has no ${parameter} for ${subject}`);
  return row as PowerRow & { value: number };
}

const pueRow = required('pue', 'AWS');
const memoryRow = required('memory_coefficient', 'DRAM', 'W per GB');
const utilizationRow = required('avg_cpu_utilization', 'hyperscale data centre (CCF default)');
const unknownRegionRow = required('unknown_region_emission_factor', 'AWS Unknown region');

/** CCF's power usage effectiveness for AWS (1.135). */
export const pue: Sourced<number> = { value: pueRow.value, source: pueRow.source, estimated: false };
/** CCF's memory coefficient, W per GB of instance memory (0.392). */
export const memoryWattsPerGb: Sourced<number> = { value: memoryRow.value, source: memoryRow.source, estimated: false };
/** CCF's default utilisation, as a fraction (0.5). */
export const defaultUtilization: Sourced<number> = { value: utilizationRow.value / 100, source: utilizationRow.source, estimated: false };
/** The factor CCF uses for a region it does not cover, gCO2e per kWh (392.78). */
export const unknownRegionGco2ePerKwh: Sourced<number> = {
  value: Math.round(unknownRegionRow.value * 1e6 * 1e6) / 1e6,
  source: unknownRegionRow.source,
  estimated: true,
  note: "no CCF factor for this region: CCF's unknown-region average used",
};

// The instance table names microarchitectures its own way; the two coefficient sets name them theirs.
const appSubject: Record<string, string> = { Graviton2: 'AWS Graviton2' };
const repo2026Subject = (name: string): string => name.replace(/^AMD /, '');

/**
 * Watts per vCPU at 0% and 100% utilisation for a CPU microarchitecture: the CCF app's published
 * coefficient; else the 2026 ccf-coefficients repo (same method, not yet adopted by the app); else
 * the CCF app's AWS average, as the app does for an unknown microarchitecture.
 */
export function cpuCoefficients(microarchitecture: string | null): Sourced<MinMaxWatts> {
  if (microarchitecture) {
    const subject = appSubject[microarchitecture] ?? microarchitecture;
    const min = find('cpu_min_watts', subject, published);
    const max = find('cpu_max_watts', subject, published);
    if (min && max) return { value: { minWatts: min.value!, maxWatts: max.value! }, source: min.source, estimated: false };
    const min26 = find('cpu_min_watts', repo2026Subject(microarchitecture), coefficientRepo2026);
    const max26 = find('cpu_max_watts', repo2026Subject(microarchitecture), coefficientRepo2026);
    if (min26 && max26 && !/suspect/.test(min26.notes ?? '')) {
      return {
        value: { minWatts: min26.value!, maxWatts: max26.value! },
        source: min26.source,
        estimated: true,
        note: `no CCF app coefficient for ${microarchitecture}: the 2026 ccf-coefficients repo's used`,
      };
    }
  }
  const min = required('cpu_min_watts', awsAverage);
  const max = required('cpu_max_watts', awsAverage);
  return {
    value: { minWatts: min.value, maxWatts: max.value },
    source: min.source,
    estimated: true,
    note: `no coefficient for ${microarchitecture ?? 'an unknown microarchitecture'}: CCF's AWS average used`,
  };
}

// Accelerator model names of the instance table → subjects of the coefficient table.
const gpuCcfSubject: Record<string, string> = {
  A10G: 'NVIDIA A10G',
  T4: 'NVIDIA T4',
  V100: 'NVIDIA Tesla V100',
  K80: 'NVIDIA Tesla K80',
  'A100-40GB': 'NVIDIA Tesla A100',
  'A100-80GB': 'NVIDIA Tesla A100',
};
const gpuMeasuredSubject: Record<string, string> = {
  'A100-40GB': 'NVIDIA A100-SXM4-40GB',
  'A100-80GB': 'NVIDIA A100-SXM4-80GB',
  A10G: 'NVIDIA A10G',
  B200: 'NVIDIA B200',
  H100: 'NVIDIA H100 80GB HBM3',
  H200: 'NVIDIA H200',
  L4: 'NVIDIA L4',
  L40S: 'NVIDIA L40S',
  'RTX PRO 6000 Blackwell': 'NVIDIA RTX PRO 6000 Blackwell Server Edition',
  T4: 'Tesla T4',
};
const neuronSubject: Record<string, string> = {
  Trainium: 'AWS Trainium (Trn1)',
  Trainium2: 'AWS Trainium2 (Trn2)',
  Inferentia: 'AWS Inferentia (Inf1)',
  Inferentia2: 'AWS Inferentia2 (Inf2)',
};

const a100Min = required('gpu_min_watts', 'NVIDIA Tesla A100');
const a100Max = required('gpu_max_watts', 'NVIDIA Tesla A100');
/**
 * Idle draw as a fraction of full draw for an accelerator known only by one wattage (a measured
 * power limit or a TDP estimate): CCF's own A100 pair, 46 W / 407 W. CCF derives every GPU pair
 * as TDP × the Teads idle and 100% ratios, and all ten of its pairs have min/max ≈ 0.11–0.12.
 */
export const singleFigureIdleFraction = a100Min.value / a100Max.value;

/**
 * Watts per accelerator at 0% and 100% utilisation, or null when no figure exists (Trainium,
 * Inferentia, Inferentia2, Habana Gaudi, B300, RTX PRO 4500, GB200). GPUs use CCF's published
 * pair; else the measured power limit as the maximum and {@link singleFigureIdleFraction} of it as
 * the minimum; Trainium2 uses the third-party 500 W estimate the same way.
 */
export function acceleratorCoefficients(model: string | null): Sourced<MinMaxWatts> | Sourced<null> {
  const unknown: Sourced<null> = { value: null, source: 'shared/data/power-coefficients.csv (no figure)', estimated: true, note: `no power figure for ${model ?? 'this accelerator'}` };
  if (!model) return unknown;
  const ccf = gpuCcfSubject[model];
  if (ccf) {
    const min = find('gpu_min_watts', ccf, published);
    const max = find('gpu_max_watts', ccf, published);
    if (min && max) return { value: { minWatts: min.value!, maxWatts: max.value! }, source: min.source, estimated: false };
  }
  const single = (gpuMeasuredSubject[model] && find('gpu_power_limit_watts_measured', gpuMeasuredSubject[model])) || (neuronSubject[model] && find('accelerator_tdp_watts', neuronSubject[model]));
  if (single) {
    const kind = single.parameter === 'gpu_power_limit_watts_measured' ? 'measured power limit' : `${single.status} TDP`;
    return {
      value: { minWatts: single.value! * singleFigureIdleFraction, maxWatts: single.value! },
      source: single.source,
      estimated: true,
      note: `no CCF coefficient for ${model}: ${single.value} W ${kind} as the maximum, CCF's A100 idle ratio for the minimum`,
    };
  }
  const blank = neuronSubject[model] ? powerRows.find((r) => r.parameter === 'accelerator_tdp_watts' && r.subject === neuronSubject[model]) : undefined;
  return blank ? { ...unknown, source: blank.source, note: `AWS publishes no power figure for ${model}` } : unknown;
}
