import * as assert from 'node:assert/strict';
import { SameRangeReports, withInstancesOf } from '../../src/core/sameRange';
import type { Effect, ReportDescriptor } from '../../src/core/types';

const warmPool = (count?: number): Effect => ({ kind: 'warm-pool', instanceType: 'ml.g5.2xlarge', seconds: 1800, ...(count === undefined ? {} : { count }) });

describe('one finding per rule, range and message', () => {
  it('keeps the first report of a range and adds the instances of each repeat to its effect', () => {
    const reports = new SameRangeReports();
    const report = (effect: Effect, data = { x: 1 }): ReportDescriptor<string> => ({ start: 10, end: 20, messageId: 'm', data, effect });
    const first = reports.repeats(report(warmPool(2)), () => ({ effect: warmPool(2) }));
    assert.ok(first);
    assert.equal(reports.repeats(report(warmPool(3)), () => assert.fail('a repeat is not built')), undefined);
    assert.deepEqual(first.effect, warmPool(5));
    // Another message (different data) at the same range is another finding.
    assert.ok(reports.repeats(report(warmPool(1), { x: 2 }), () => ({ effect: warmPool(1) })));
  });

  it('adds instances only to the same change: an unknown count is one instance; another type or kind leaves the first', () => {
    assert.deepEqual(withInstancesOf(warmPool(), warmPool()), warmPool(2));
    assert.deepEqual(withInstancesOf(warmPool(1), { ...warmPool(1), instanceType: 'ml.p4d.24xlarge' } as Effect), warmPool(1));
    assert.deepEqual(withInstancesOf(warmPool(1), { kind: 'spot', usage: 'training', instanceType: 'ml.g5.2xlarge', count: 1 }), warmPool(1));
    assert.deepEqual(withInstancesOf({ kind: 'retention' }, { kind: 'retention' }), { kind: 'retention' });
  });
});
