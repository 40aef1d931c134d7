import type { Effect, ReportDescriptor } from './types';

/**
 * One finding per rule, range and message. A rule that judges several records sharing one written
 * object (one `Compute(...)` or `**kwargs` dict given to two trainers) reports on the same span once
 * per record; the user sees one finding with one fix, and its effect counts the instances of every
 * record, since the fix to the shared object changes them all.
 */
export class SameRangeReports {
  private readonly kept = new Map<string, { effect?: Effect }>();

  /**
   * Whether `report` repeats one already kept; if so, its instances are added to the kept
   * finding's effect. Otherwise `make()` builds the finding, which is kept and returned.
   */
  repeats<F extends { effect?: Effect }>(report: ReportDescriptor<string>, make: () => F): F | undefined {
    const key = `${report.start}:${report.end}:${report.messageId}:${JSON.stringify(report.data ?? {})}`;
    const earlier = this.kept.get(key);
    if (earlier) {
      if (earlier.effect && report.effect) earlier.effect = withInstancesOf(earlier.effect, report.effect);
      return undefined;
    }
    const finding = make();
    this.kept.set(key, finding);
    return finding;
  }
}

/** Effects whose saving scales with the instances they name (`count`, one when the code does not say). */
const counted = new Set<Effect['kind']>(['instance-swap', 'spot', 'serverless', 'scale-to-zero', 'teardown', 'stop-when-idle', 'warm-pool']);

/** `a` with `b`'s instances added when both are the same change but for the count; else `a`. An unknown count is priced as one instance, and added as one. */
export function withInstancesOf(a: Effect, b: Effect): Effect {
  if (a.kind !== b.kind || !counted.has(a.kind)) return a;
  const { count: countA, ...restA } = a as Effect & { count?: number };
  const { count: countB, ...restB } = b as Effect & { count?: number };
  if (JSON.stringify(restA) !== JSON.stringify(restB)) return a;
  return { ...a, count: (countA ?? 1) + (countB ?? 1) } as Effect;
}
