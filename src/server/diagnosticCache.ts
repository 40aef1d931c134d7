import type { Diagnostic } from 'vscode-languageserver/node';
import type { Finding, Range as FindingRange } from '../core/types';
import { toLspDiagnostic } from './convert';

/**
 * The diagnostics of one document's (or notebook's) last lint, kept by what they show. A finding
 * whose rule, severity, range, message, page and related locations are the same as in the previous
 * lint gets the same Diagnostic object back, frozen, with the same key: the conversion is not made
 * again, the stdio encoder reuses its JSON ({@link MessageEncoder}), and a notebook cell whose
 * diagnostics are the same objects is not published again. Only the last lint's entries are kept.
 *
 * Findings come in the same order from one lint to the next, so each is compared with the previous
 * lint's next unmatched entries (a few ahead, for findings added or removed before it): no key is
 * built, and each previous entry is used at most once.
 *
 * Keys (`data.key`) are numbers given out by this cache, stable while a finding stays the same;
 * each lint records which finding each key stands for ({@link DiagnosticLint.findings}).
 */
export class DiagnosticCache {
  private previous: Entry[] = [];
  private nextKey = 0;

  /** Starts the conversion of one lint's findings; entries the lint does not use are dropped at its end. */
  begin(): DiagnosticLint {
    const previous = this.previous;
    const current: Entry[] = [];
    const findings = new Map<number, Finding>();
    /** The first entry of the previous lint not matched yet. */
    let next = 0;
    let misses = 0;
    const convert = (finding: Finding, uri: string, range: FindingRange = finding, withRelated = true): Diagnostic => {
      const entry: Entry = { finding, uri, range, withRelated, diagnostic: undefined as unknown as Diagnostic };
      const last = Math.min(previous.length, next + lookAhead);
      for (let j = next; j < last; j++) {
        const candidate = previous[j] as Entry;
        if (!sameShown(candidate, entry)) continue;
        entry.diagnostic = candidate.diagnostic;
        next = j + 1;
        break;
      }
      if (!entry.diagnostic) {
        entry.diagnostic = deepFreeze(toLspDiagnostic(finding, this.nextKey++, uri, range, withRelated));
        misses++;
      }
      current.push(entry);
      findings.set((entry.diagnostic.data as { key: number }).key, finding);
      return entry.diagnostic;
    };
    return {
      convert,
      findings,
      end: () => {
        this.previous = current;
        return misses;
      },
    };
  }
}

/** How many of the previous lint's entries a finding is compared with, from the first unmatched one. */
const lookAhead = 32;

interface Entry {
  finding: Finding;
  uri: string;
  range: FindingRange;
  withRelated: boolean;
  diagnostic: Diagnostic;
}

/** One lint's use of a {@link DiagnosticCache}. */
export interface DiagnosticLint {
  /** The diagnostic of a finding (on `range`, for a notebook cell's), the cached one when it shows the same. */
  convert(finding: Finding, uri: string, range?: FindingRange, withRelated?: boolean): Diagnostic;
  /** Key → finding, for the diagnostics converted so far. */
  readonly findings: ReadonlyMap<number, Finding>;
  /** Ends the lint: returns how many diagnostics had to be converted (not found in the cache). */
  end(): number;
}

/** Whether two entries make the same diagnostic: everything {@link toLspDiagnostic} reads. */
function sameShown(a: Entry, b: Entry): boolean {
  const [x, y] = [a.finding, b.finding];
  if (a.uri !== b.uri || a.withRelated !== b.withRelated || !sameRange(a.range, b.range)) return false;
  if (x.ruleId !== y.ruleId || x.severity !== y.severity || x.message !== y.message || x.docsUrl !== y.docsUrl) return false;
  if (!a.withRelated) return true;
  const [p, q] = [x.related ?? [], y.related ?? []];
  return p.length === q.length && p.every((r, i) => {
    const o = q[i] as (typeof q)[number];
    return r.fileName === o.fileName && r.message === o.message && sameRange(r, o);
  });
}

function sameRange(a: FindingRange, b: FindingRange): boolean {
  return a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
