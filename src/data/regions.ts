import { closestNames } from './closest';
import { regionRows } from './generated/regions';
import type { RegionRow } from './types';

const byCode = new Map(regionRows.map((r) => [r.code, r]));

/** The region by code (`eu-north-1`), or undefined. */
export function getRegion(code: string): RegionRow | undefined {
  return byCode.get(code.trim().toLowerCase());
}

/** Every AWS region of the data (commercial, China, GovCloud, European Sovereign Cloud), sorted by code within partition. */
export function listRegions(): readonly RegionRow[] {
  return regionRows;
}

/** Up to three region codes close to a misspelt one, nearest first. */
export function suggestRegions(code: string): string[] {
  return closestNames(code.trim().toLowerCase(), regionRows.map((r) => r.code));
}
