import type { Format } from '../../src/core/types';

/**
 * What a consistency test compares: one entry per written form of a resource, with the rules it
 * asserts fire there (and give the same verdict as in the other forms). The consistency tests
 * export these, derived from their own tables, so `consistencyCoverage.test.ts` can check that
 * every multi-format rule is compared in every format family it covers.
 */
export interface ComparedForm {
  /** The consistency test's table. */
  table: string;
  resource: string;
  format: Format;
  /** The rules the test expects to fire on this form, and compares with the other forms. */
  ruleIds: readonly string[];
}

/** The forms of a table of rows, each with the rules its row expects. */
export function comparedForms<R>(table: string, rows: readonly R[], each: (row: R) => { resource: string; forms: ReadonlyArray<{ format: Format; ruleIds: readonly string[] }> }): ComparedForm[] {
  return rows.flatMap((row) => {
    const { resource, forms } = each(row);
    return forms.map(({ format, ruleIds }) => ({ table, resource, format, ruleIds }));
  });
}
