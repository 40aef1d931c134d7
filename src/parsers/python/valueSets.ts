import type { PyDict, PyDictEntry, PyValue, Span } from './facts';

/**
 * Sets of values the Python analysis reads through names: identical values are one value, several
 * different ones are the set of them, and the dicts one of which a spread unpacks are one dict.
 */

/**
 * The dicts one of which a spread unpacks, as one dict written at the spread: a key none of them
 * has is absent; a key every one has is the set of its values (one value when they agree); a key
 * only some have may be missing, so its value is unknown.
 */
export function mergedDicts(dicts: readonly PyDict[], span: Span): PyDict {
  const byName = new Map<string, PyValue[]>();
  for (const dict of dicts) {
    for (const entry of dict.entries) {
      const values = byName.get(entry.key);
      if (values) values.push(entry.value);
      else byName.set(entry.key, [entry.value]);
    }
  }
  const at = { start: span.start, end: span.end };
  const entries: PyDictEntry[] = [];
  for (const [key, values] of byName) {
    const value: PyValue = values.length === dicts.length ? oneOf(values, at) : { kind: 'unknown', ...at };
    entries.push({ key, ...at, keyStart: at.start, keyEnd: at.end, value });
  }
  return { kind: 'dict', entries, open: dicts.some((d) => d.open), ...at };
}

/** Identical values are one value: literals by kind and value, anything else by where it is written. */
function valueKey(value: PyValue): string {
  switch (value.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return `${value.kind}:${String(value.value)}`;
    case 'none':
      return 'none';
    default:
      return `${value.kind}@${value.start}:${value.end}`;
  }
}

/**
 * One value read through a name at `span`: the single value when every definition gives the same
 * (read through the name: `indirect`), else the set of them (`unknown` with `alternatives`).
 */
export function oneOf(values: readonly PyValue[], span: Span): PyValue {
  const distinct = new Map<string, PyValue>();
  for (const value of values) {
    const flat = value.kind === 'unknown' && value.alternatives && !value.path ? value.alternatives : [value];
    for (const v of flat) if (!distinct.has(valueKey(v))) distinct.set(valueKey(v), v);
  }
  const list = [...distinct.values()];
  if (list.length === 1) return { ...list[0], ...span, indirect: true };
  return { kind: 'unknown', ...span, alternatives: list };
}

/** The values a value stands for: each of a set's (`unknown` with `alternatives`), else the value itself. */
export function candidatesOf(value: PyValue): PyValue[] {
  return value.kind === 'unknown' && value.alternatives ? value.alternatives : [value];
}
