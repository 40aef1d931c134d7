import { extended } from '../core/objects';
import type { PyValue } from '../parsers/python/facts';

/**
 * A field of a record, as far as the file tells. `known`: the value and where it is written.
 * `unknown`: written, but the file alone cannot say what it is, and why. A field the file does not
 * write at all is `undefined` on the record (the service default applies).
 */
export type Field<T> = KnownField<T> | UnknownField<T>;

/** Offsets into the linted code, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface KnownField<T> {
  known: true;
  value: T;
  /** Where a finding about the field sits: the key in a template, the value in Python. */
  anchor: Span;
  /** Where and how the value is written, for the edit renderers; absent when no edit can change it here. */
  source?: FieldSource;
}

export interface UnknownField<T> {
  known: false;
  reason: UnknownReason;
  anchor: Span;
  /** The values it may take (`a if c else b` with both branches known). */
  alternatives?: T[];
  /**
   * The values it may take that the file shows, when it may also take one the file does not
   * (`cfg.get("instance_type", "ml.g5.xlarge")` of a config read at run time): a rule that fires
   * when every value fires fires only if it fires on each of these, and on a value not known.
   */
  partialAlternatives?: T[];
  /** What the value depends on, as a reader names it (``parameter `InstanceType`, no default``, ``variable `var.instance_type` ``), when the file says. */
  dependsOn?: string;
}

/** Why a written field has no value the file can give. */
export type UnknownReason =
  /** A CloudFormation parameter with no `Default`. */
  | 'parameter-without-default'
  /** A Terraform `var.*`, a Python or CDK name the analysis does not follow. */
  | 'variable'
  /** A conditional whose branches differ. */
  | 'several-values'
  /** Any other expression: an intrinsic function, a call, a resource attribute, a module input. */
  | 'expression';

/**
 * The written form of a value, for rendering a fix intent in the file's own syntax. Only the
 * shapes the edit renderers handle today are listed; other formats get no edit.
 */
export type FieldSource =
  | { format: 'py'; value: PyValue }
  /**
   * A literal written at `[start, end)` in any format, replaced whole by a new value: `quote` wraps
   * it (`"` in JSON and Terraform strings); `retention-days-member` spells a number of days as the
   * CDK `RetentionDays` member; `inside` (a YAML scalar that may be quoted) replaces the old value's
   * text inside it instead.
   */
  | { format: 'literal'; start: number; end: number; quote?: string; spelling?: 'retention-days-member'; inside?: boolean };

export function known<T>(value: T, anchor: Span, source?: FieldSource): KnownField<T> {
  return source ? { known: true, value, anchor, source } : { known: true, value, anchor };
}

export function unknown<T>(reason: UnknownReason, anchor: Span, alternatives?: T[], dependsOn?: string): UnknownField<T> {
  const field: UnknownField<T> = alternatives ? { known: false, reason, anchor, alternatives } : { known: false, reason, anchor };
  return dependsOn === undefined ? field : extended(field, { dependsOn });
}

/** What an unknown field depends on, for a message or a figure that cannot show its value. */
export function describeUnknown(field: UnknownField<unknown>, what: string): string {
  if (field.dependsOn) return `${what} from ${field.dependsOn}`;
  // A value bound to several (a conditional, a name assigned on several paths): each of them.
  return field.alternatives?.length ? `${what} ${field.alternatives.join(' or ')}` : `${what} not known here`;
}

/**
 * What `judge` says of every value a field may take (its value, or each of its `alternatives`):
 * the first value's verdict and the other values when every value has one (a finding fires when
 * it fires on every value), else undefined. A field the file cannot list values for is undefined.
 */
export function onEveryValue<T, V>(field: Field<T> | undefined, judge: (value: T) => V | undefined): { verdict: V; others: T[] } | undefined {
  const values = field?.known ? [field.value] : field?.alternatives;
  if (!values?.length) return undefined;
  let verdict: V | undefined;
  for (const value of values) {
    const found = judge(value);
    if (found === undefined) return undefined;
    verdict ??= found;
  }
  return verdict === undefined ? undefined : { verdict, others: values.slice(1) };
}

/** {@link onEveryValue}, the other values as a finding named by the first writes them ({@link otherValuesNote}). */
export function onEveryValueNoted<T, V>(field: Field<T> | undefined, judge: (value: T) => V | undefined): { verdict: V; note: string } | undefined {
  const found = onEveryValue(field, judge);
  return found && { verdict: found.verdict, note: otherValuesNote(found.others) };
}

/** How a finding named by the first of several values names the others: ` (first of the values it may take; others: ml.g5.xlarge)`, or `''` for none. */
export function otherValuesNote(others: readonly unknown[]): string {
  return others.length ? ` (first of the values it may take; others: ${others.join(', ')})` : '';
}

/** The value of a known field; undefined for an unknown or missing one. */
export function valueOf<T>(field: Field<T> | undefined): T | undefined {
  return field?.known ? field.value : undefined;
}

/**
 * A record read under each branch of a template's conditions (CloudFormation `Fn::If` in its
 * properties). The record itself keeps what every branch shares (a value behind a condition reads
 * as unknown, as before: a rule that does not look at `branches` stays silent there); `branches`
 * holds the record as each branch reads it, with every condition decided.
 */
export interface Branched<R> {
  branches?: readonly R[];
}

/**
 * What `judge` says of the record, asked of every branch its conditions give it: the first
 * branch's verdict when every branch has one (a finding fires when it fires on every branch),
 * else undefined. A record without branches is judged itself.
 */
export function onEveryBranch<R extends Branched<R>, V>(record: R, judge: (record: R) => V | undefined): V | undefined {
  if (!record.branches) return judge(record);
  let first: V | undefined;
  for (const branch of record.branches) {
    const verdict = judge(branch);
    if (verdict === undefined) return undefined;
    first ??= verdict;
  }
  return first;
}
