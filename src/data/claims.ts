import { claimRows } from './generated/claims';
import type { ClaimRow } from './types';

/** A seed claim by id (`managed-spot-90`), or undefined. */
export function getClaim(id: string): ClaimRow | undefined {
  return claimRows.find((c) => c.id === id);
}

/** True when the claim was seen in an AWS document (or a press report of an AWS statement), so it may be repeated with its source. */
export function isVerifiedClaim(claim: ClaimRow): boolean {
  return claim.verification.startsWith('confirmed');
}
