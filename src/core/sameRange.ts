import type { Effect, ReportDescriptor } from './types';

/**
 * One finding per rule, range and message. A rule that judges several records sharing one written
 * object (one `Compute(...)` or `**kwargs` dict given to two trainers) reports on the same span once
 * per record; the user sees one finding with one fix, and its effect counts the instances of every
 * record, since the fix to the shared object changes them all.
 */
export class SameRangeReports {
  /** The reports kept, by range ({@link rangeKey}), one entry per message: few share a range, so a scan tells them apart. */
  private readonly kept = new Map<number | string, KeptMessage[]>();
  /** One more than the longest offset a range of the code can have: a range is then one number. */
  private readonly span: number;

  /** `codeLength`: the length of the code the reports' offsets index. */
  constructor(codeLength: number) {
    this.span = codeLength + 1;
  }

  /** `start * span + end`, one number per range (no string to build); written out when it would not be exact. */
  private rangeKey(start: number, end: number): number | string {
    const key = start * this.span + end;
    return Number.isSafeInteger(key) && start >= 0 && end >= 0 && end < this.span ? key : `${start}:${end}`;
  }

  /**
   * Whether `report` repeats one already kept; if so, its instances are added to the kept
   * finding's effect. Otherwise `make()` builds the finding, which is kept and returned.
   */
  repeats<F extends { effect?: Effect }>(report: ReportDescriptor<string>, make: () => F): F | undefined {
    const range = this.rangeKey(report.start, report.end);
    const inRange = this.kept.get(range);
    const earlier = inRange?.find((kept) => kept.messageId === report.messageId);
    if (!earlier) {
      const finding = make();
      const entry: KeptMessage = { messageId: report.messageId, first: { data: report.data, finding } };
      if (inRange) inRange.push(entry);
      else this.kept.set(range, [entry]);
      return finding;
    }
    // Range and message both repeat (rare): the data, written out, tell the findings apart.
    earlier.byData ??= new Map([[dataKeyOf(earlier.first.data), earlier.first.finding]]);
    const key = dataKeyOf(report.data);
    const same = earlier.byData.get(key);
    if (same) {
      if (same.effect && report.effect) same.effect = withInstancesOf(same.effect, report.effect);
      return undefined;
    }
    const finding = make();
    earlier.byData.set(key, finding);
    return finding;
  }
}

/** The findings kept for one range and message: the first, and once another comes, all of them by their data. */
interface KeptMessage {
  messageId: string;
  first: { data: ReportDescriptor<string>['data']; finding: { effect?: Effect } };
  byData?: Map<string, { effect?: Effect }>;
}

function dataKeyOf(data: ReportDescriptor<string>['data']): string {
  return JSON.stringify(data ?? {});
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
