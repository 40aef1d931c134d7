import * as assert from 'node:assert/strict';
import type { FormatFamily } from '../../src/core/types';
import { familyOf } from '../../src/core/types';
import { allRules } from '../../src/rules';
import { compared as resourceForms } from './consistency-resources.test';
import { compared as trainingForms } from './consistency-training.test';
import { compared as endpointForms } from './consistency.test';
import type { ComparedForm } from './consistencyRows';

/**
 * The consistency tests cover every rule that exists in more than one format family: each such
 * rule is compared (expected to fire, with one verdict) in at least one row written in every
 * family it declares. The tables come from the consistency tests themselves, so a row added there
 * counts here, and a rule added to the registry without a row fails here.
 */

/**
 * Multi-format rules no consistency test compares yet, with the families they lack. Remove an
 * entry when its rows land; the test fails while an entry is covered, so the list cannot go stale.
 */
const pending: ReadonlyMap<string, string> = new Map<string, string>([]);

const forms: readonly ComparedForm[] = [...endpointForms, ...resourceForms, ...trainingForms];

/** The families each rule is compared in. */
function comparedFamilies(): Map<string, Set<FormatFamily>> {
  const families = new Map<string, Set<FormatFamily>>();
  for (const form of forms) {
    for (const id of form.ruleIds) {
      const seen = families.get(id) ?? new Set<FormatFamily>();
      seen.add(familyOf(form.format));
      families.set(id, seen);
    }
  }
  return families;
}

/** The families a rule declares but no consistency row compares it in. */
function uncovered(ruleId: string, families: ReadonlyMap<string, ReadonlySet<FormatFamily>>): FormatFamily[] {
  const rule = allRules.find((r) => r.id === ruleId);
  return (rule?.meta.formats ?? []).filter((f) => !families.get(ruleId)?.has(f));
}

const multiFormat = allRules.filter((r) => new Set(r.meta.formats).size > 1);

describe('the consistency tests cover every multi-format rule in every format family it covers', () => {
  const families = comparedFamilies();

  it('the tables name real rules, on formats the rule declares', () => {
    assert.ok(forms.length > 0, 'the consistency tests export what they compare');
    for (const form of forms) {
      for (const id of form.ruleIds) {
        const rule = allRules.find((r) => r.id === id);
        assert.ok(rule, `${form.table}: ${form.resource} expects ${id}, which is no rule`);
        assert.ok(rule.meta.formats.includes(familyOf(form.format)), `${form.table}: ${form.resource} expects ${id} on ${form.format}, which it does not declare`);
      }
    }
  });

  it('every multi-format rule is compared in each of its families', () => {
    const missing = multiFormat.filter((r) => !pending.has(r.id)).flatMap((r) => {
      const lacking = uncovered(r.id, families);
      return lacking.length ? [`${r.id} (${r.name}): ${lacking.join(', ')}`] : [];
    });
    assert.deepEqual(missing, [], 'add rows to a consistency test (or, for a rule being converted, a commented entry to `pending`)');
  });

  it('a pending rule is a multi-format rule still missing somewhere (remove it once its rows land)', () => {
    for (const [id, name] of pending) {
      const rule = multiFormat.find((r) => r.id === id);
      assert.ok(rule, `${id} is not a multi-format rule`);
      assert.equal(rule.name, name, `${id} is ${rule.name}`);
      assert.notDeepEqual(uncovered(id, families), [], `${id} is compared in every family it covers: remove it from pending`);
    }
  });
});
