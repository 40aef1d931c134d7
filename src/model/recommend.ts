import { offeredIn } from '../data/availability';
import { getFamily, getInstanceType, getSize, isGraviton, listInstanceTypes } from '../data/instances';
import type { InstanceRow } from '../data/types';

/**
 * The one place that suggests another instance type. Rules, hovers, CodeLens, savings and
 * reports ask it, so one type gets one answer whatever the file format. Every answer is a row of
 * the bundled catalogue (`src/data`) that lists the job kind among its uses. Given the region the work runs in, it skips a type the
 * region does not offer (`src/data/availability.ts`: accelerated types only) and answers the next
 * one; without a region, or for a region or type the table does not cover, it answers as anywhere.
 */

/** What the instance runs: the API enum of the catalogue's `uses` column. */
export type JobKind = 'hosting' | 'training' | 'notebook' | 'processing';

/** Why the alternative is suggested; the savings engine quotes the claims of each kind. */
export type AlternativeKind = 'graviton' | 'inferentia' | 'trainium' | 'smaller';

export interface Alternative {
  kind: AlternativeKind;
  row: InstanceRow;
}

const usable = (row: InstanceRow | undefined, job: JobKind): row is InstanceRow => !!row && row.uses.includes(job);

/** Whether the type can run in `region`: not known to be missing there (an unknown region or type is launchable). */
const launchable = (row: InstanceRow, region: string | undefined): boolean => region === undefined || offeredIn(row.instanceType, region) !== false;

/**
 * The recommender's answer in `region` (`found`), and when the region offers none but another
 * region would, that other answer (`notInRegion`): the finding then says the region does not
 * offer it rather than suggesting a type the user cannot launch there.
 */
export function inRegion<T>(region: string | undefined, find: (region: string | undefined) => T | undefined): { found: T | undefined; notInRegion?: T } {
  const found = find(region);
  if (found !== undefined || region === undefined) return { found };
  const elsewhere = find(undefined);
  return elsewhere === undefined ? { found } : { found, notInRegion: elsewhere };
}

/**
 * The Graviton families SageMaker hosting accepts (there is no ml.m7g or ml.r7g hosting type),
 * by preference within one class letter: Graviton3 (the generation AWS's energy figure is about),
 * then Graviton4, then Graviton2. Hosting only: no Graviton type trains or runs notebooks.
 */
const gravitonHostingFamilies = ['c7g', 'c8g', 'c6g', 'm8g', 'm6g', 'r8g', 'r6g', 'c6gd', 'c6gn', 'm6gd', 'r7gd', 'r6gd'];
const gravitonPreference = new Map(gravitonHostingFamilies.map((f, i) => [f, i]));

const gravitonHostingRows = listInstanceTypes().filter((r) => gravitonPreference.has(r.family) && usable(r, 'hosting'));

/** Inferentia2 hosting sizes by accelerator memory, fewest vCPUs first. */
const inferentiaSizes = listInstanceTypes()
  .filter((r) => r.family === 'inf2' && r.acceleratorMemoryGib !== null && usable(r, 'hosting'))
  .sort((a, b) => (a.acceleratorMemoryGib ?? 0) - (b.acceleratorMemoryGib ?? 0) || (a.vcpu ?? 0) - (b.vcpu ?? 0));

/** trn1 training sizes by accelerator memory (trn1n has the same chips with more network bandwidth, for large clusters). */
const trainiumSizes = listInstanceTypes()
  .filter((r) => r.family === 'trn1' && r.acceleratorMemoryGib !== null && usable(r, 'training'))
  .sort((a, b) => (a.acceleratorMemoryGib ?? 0) - (b.acceleratorMemoryGib ?? 0));

/**
 * The smallest size with at least `memory` GiB of accelerator memory, else (no size has that much)
 * the largest. In `region`, only the sizes it offers: none when the one that fits is not offered.
 */
function byAcceleratorMemory(all: readonly InstanceRow[], memory: number | null, region: string | undefined): InstanceRow | undefined {
  if (memory === null) return undefined;
  const fits = (r: InstanceRow) => (r.acceleratorMemoryGib ?? 0) >= memory;
  const sizes = region === undefined ? all : all.filter((r) => launchable(r, region));
  return all.some(fits) ? sizes.find(fits) : sizes[sizes.length - 1];
}

/** Distance in vCPU and memory on a log scale: 2 → 4 vCPUs is as far as 4 → 8. */
function distance(a: InstanceRow, b: InstanceRow): number {
  const ratio = (x: number | null, y: number | null) => (x && y ? Math.abs(Math.log2(x / y)) : Infinity);
  return ratio(a.vcpu, b.vcpu) + ratio(a.memoryGib, b.memoryGib);
}

/**
 * The Graviton hosting type for an x86 CPU type: the same class letter and size in the preferred
 * family; else (ml.t2/t3, or a size the Graviton families lack) the nearest allowed type by vCPU
 * and memory, the same class letter first on a tie.
 */
function gravitonFor(row: InstanceRow, region: string | undefined): InstanceRow | undefined {
  const letter = /^[a-z]+/.exec(getFamily(row.instanceType))?.[0] ?? '';
  for (const family of gravitonHostingFamilies) {
    if (family[0] !== letter || family.length !== 3) continue;
    const candidate = getInstanceType(`ml.${family}.${getSize(row.instanceType)}`);
    if (usable(candidate, 'hosting') && launchable(candidate, region)) return candidate;
  }
  let best: InstanceRow | undefined;
  let bestScore = Infinity;
  for (const candidate of gravitonHostingRows) {
    if (!launchable(candidate, region)) continue;
    const score = distance(row, candidate) + (candidate.family[0] === letter ? 0 : 0.001) + (gravitonPreference.get(candidate.family) ?? 0) * 1e-6;
    if (score < bestScore) [best, bestScore] = [candidate, score];
  }
  return bestScore < Infinity ? best : undefined;
}

/**
 * The purpose-built counterpart of an instance for this kind of job: for hosting, Inferentia2
 * for a GPU (the smallest ml.inf2 with at least its accelerator memory) and Graviton for an x86
 * CPU; for training, Trainium for a GPU. Undefined when there is none (already purpose-built, no
 * such silicon for the job or in `region`, or the catalogue lacks a figure to match on).
 */
export function recommendPurposeBuilt(row: InstanceRow, job: JobKind, region?: string): Alternative | undefined {
  if (job === 'hosting') {
    if (row.acceleratorKind === 'gpu') {
      const to = byAcceleratorMemory(inferentiaSizes, row.acceleratorMemoryGib, region);
      return to && { kind: 'inferentia', row: to };
    }
    if (row.acceleratorKind !== 'none' || isGraviton(row) || row.cpuArch !== 'x86_64') return undefined;
    const to = gravitonFor(row, region);
    return to && { kind: 'graviton', row: to };
  }
  if (job === 'training' && row.acceleratorKind === 'gpu') {
    const to = byAcceleratorMemory(trainiumSizes, row.acceleratorMemoryGib, region);
    return to && { kind: 'trainium', row: to };
  }
  return undefined;
}

/**
 * A single-accelerator size of the same family for the job: for training, the one with the
 * GPU's share of vCPUs (data loading needs them); for other jobs, the smallest. Only sizes
 * `region` offers.
 */
export function singleAcceleratorSize(row: InstanceRow, job: JobKind, region?: string): InstanceRow | undefined {
  const singles = listInstanceTypes()
    .filter((r) => r.family === row.family && r.acceleratorCount === 1 && usable(r, job) && launchable(r, region))
    .sort((a, b) => (a.vcpu ?? 0) - (b.vcpu ?? 0));
  if (job !== 'training') return singles[0];
  const share = (row.vcpu ?? 0) / (row.acceleratorCount ?? 1);
  return [...singles].reverse().find((r) => (r.vcpu ?? 0) <= share) ?? singles[0];
}

/** A general-purpose CPU type (`ml.m5`) with at most the vCPUs of the instance, for a job that may not need its GPU. */
export function cpuSize(row: InstanceRow, job: JobKind, region?: string): InstanceRow | undefined {
  const sizes = listInstanceTypes()
    .filter((r) => r.family === 'm5' && usable(r, job) && launchable(r, region))
    .sort((a, b) => (a.vcpu ?? 0) - (b.vcpu ?? 0));
  return [...sizes].reverse().find((r) => (r.vcpu ?? 0) <= (row.vcpu ?? 0)) ?? sizes[0];
}

/**
 * A smaller instance for the job: for a multi-accelerator host, one accelerator of the same
 * family; for a notebook, the SageMaker default type for a GPU one, else the same family at half
 * the vCPUs. Undefined when no smaller type applies (in `region`, when given).
 */
export function recommendSmaller(row: InstanceRow, job: JobKind, region?: string): Alternative | undefined {
  const accelerators = row.acceleratorCount ?? 0;
  let to: InstanceRow | undefined;
  if (job === 'notebook') {
    if (row.acceleratorKind !== 'none') {
      const t3 = getInstanceType('ml.t3.medium');
      to = t3 && launchable(t3, region) ? t3 : undefined;
    }
    else {
      const half = (row.vcpu ?? 0) / 2;
      to = listInstanceTypes()
        .filter((r) => r.family === row.family && usable(r, 'notebook') && (r.vcpu ?? Infinity) <= half && launchable(r, region))
        .sort((a, b) => (b.vcpu ?? 0) - (a.vcpu ?? 0))[0];
    }
  } else if (accelerators > 1) to = singleAcceleratorSize(row, job, region);
  return to && { kind: 'smaller', row: to };
}

/** Training-class families: multi-GPU interconnect built for training, rarely needed to serve a model. */
const trainingClassFamilies = /^p[3-6]/;

/** How an instance is too big to serve a model: a training-class host, or four or more GPUs. */
export function hostingOversize(row: InstanceRow): 'training-class' | 'multi-gpu' | undefined {
  if (trainingClassFamilies.test(getFamily(row.instanceType))) return 'training-class';
  return row.acceleratorKind === 'gpu' && (row.acceleratorCount ?? 0) >= 4 ? 'multi-gpu' : undefined;
}
