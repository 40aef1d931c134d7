/**
 * `{ ...base, ...more }`: a copy of `base` with `more`'s properties set on it (keys in the same
 * order, `more`'s values winning). Spelt with `Object.assign` on the paths run for every record
 * and finding: on Node 20 (V8 11) an object literal that starts with a spread and goes on with
 * more properties costs one to three microseconds, twenty to fifty times the copy.
 */
export function extended<A extends object, const B extends object>(base: A, more: B): Omit<A, keyof B> & B {
  return Object.assign({}, base, more);
}
