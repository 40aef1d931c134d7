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

export function unknown<T>(reason: UnknownReason, anchor: Span, alternatives?: T[]): UnknownField<T> {
  return alternatives ? { known: false, reason, anchor, alternatives } : { known: false, reason, anchor };
}

/** The value of a known field; undefined for an unknown or missing one. */
export function valueOf<T>(field: Field<T> | undefined): T | undefined {
  return field?.known ? field.value : undefined;
}
