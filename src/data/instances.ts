import { closestNames } from './closest';
import { instanceRows } from './generated/instances';
import type { AcceleratorKind, InstanceRow } from './types';

const byName = new Map(instanceRows.map((r) => [r.instanceType, r]));

/** `ml.m5.xlarge` from `ml.m5.xlarge`, `M5.XLarge` or `m5.xlarge`. */
export function normalizeInstanceType(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.startsWith('ml.') ? lower : `ml.${lower}`;
}

/** The `ml.*` type by name (the `ml.` prefix may be left out), or undefined when the SageMaker API does not know it. */
export function getInstanceType(name: string): InstanceRow | undefined {
  return byName.get(normalizeInstanceType(name));
}

/** Every `ml.*` type the SageMaker API accepts (401), sorted by name. */
export function listInstanceTypes(): readonly InstanceRow[] {
  return instanceRows;
}

/** Up to three known type names close to a misspelt one, nearest first. */
export function suggestInstanceTypes(name: string): string[] {
  return closestNames(normalizeInstanceType(name), instanceRows.map((r) => r.instanceType));
}

/** The family of `ml.p4d.24xlarge` is `p4d`; of `ml.p6e-gb200.36xlarge`, `p6e-gb200`. */
export function getFamily(instanceType: string): string {
  return normalizeInstanceType(instanceType).split('.')[1] ?? '';
}

/** The size of `ml.p4d.24xlarge` is `24xlarge`. */
export function getSize(instanceType: string): string {
  return normalizeInstanceType(instanceType).split('.').slice(2).join('.');
}

function row(type: InstanceRow | string): InstanceRow | undefined {
  return typeof type === 'string' ? getInstanceType(type) : type;
}

/** `none` for CPU-only types; undefined for an unknown type. */
export function getAcceleratorKind(type: InstanceRow | string): AcceleratorKind | undefined {
  return row(type)?.acceleratorKind;
}

/** `A10G`, `H100`, `Trainium2`…; null for CPU-only types or when unknown. */
export function getAcceleratorModel(type: InstanceRow | string): string | null {
  return row(type)?.acceleratorModel ?? null;
}

/** Accelerators (GPUs or Neuron chips) per instance; 0 for CPU-only types; null when unknown (e.g. ml.dl1.24xlarge). */
export function getAcceleratorCount(type: InstanceRow | string): number | null {
  const r = row(type);
  return r ? r.acceleratorCount : null;
}

export function isGpu(type: InstanceRow | string): boolean {
  return row(type)?.acceleratorKind === 'gpu';
}

export function isTrainium(type: InstanceRow | string): boolean {
  return row(type)?.acceleratorKind === 'trainium';
}

export function isInferentia(type: InstanceRow | string): boolean {
  return row(type)?.acceleratorKind === 'inferentia';
}

/** True when the host CPU is an AWS Graviton (Arm); the Grace CPU of ml.p6e-gb200 is Arm but not Graviton. */
export function isGraviton(type: InstanceRow | string): boolean {
  return /^Graviton/.test(row(type)?.cpuMicroarchitecture ?? '');
}
