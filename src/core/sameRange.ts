import type { Effect, ReportDescriptor } from './types';

/**
 * One finding per rule, range and message. A rule that judges several records sharing one written
 * object (one `Compute(...)` or `**kwargs` dict given to two trainers) reports on the same span once
 * per record; the user sees one finding with one fix, and its effect counts the instances of every
 * record, since the fix to the shared object changes them all.
 */
export class SameRangeReports {
  /** The findings kept, by range and message; the data is compared only between reports that share both (rare). */
  private readonly kept = new Map<string, Array<{ data: ReportDescriptor<string>['data']; dataKey?: string; finding: { effect?: Effect } }>>();

  /**
   * Whether `report` repeats one already kept; if so, its instances are added to the kept
   * finding's effect. Otherwise `make()` builds the finding, which is kept and returned.
   */
  repeats<F extends { effect?: Effect }>(report: ReportDescriptor<string>, make: () => F): F | undefined {
    const key = `${report.start}:${report.end}:${report.messageId}`;
    const same = this.kept.get(key);
    if (same) {
      const dataKey = JSON.stringify(report.data ?? {});
      for (const entry of same) {
        entry.dataKey ??= JSON.stringify(entry.data ?? {});
        if (entry.dataKey !== dataKey) continue;
        if (entry.finding.effect && report.effect) entry.finding.effect = withInstancesOf(entry.finding.effect, report.effect);
        return undefined;
      }
    }
    const finding = make();
    const entry = { data: report.data, finding };
    if (same) same.push(entry);
    else this.kept.set(key, [entry]);
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
