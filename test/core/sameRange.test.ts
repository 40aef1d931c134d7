import * as assert from 'node:assert/strict';
import { SameRangeReports, withInstancesOf } from '../../src/core/sameRange';
import type { Effect, ReportDescriptor } from '../../src/core/types';

const warmPool = (count?: number): Effect => ({ kind: 'warm-pool', instanceType: 'ml.g5.2xlarge', seconds: 1800, ...(count === undefined ? {} : { count }) });

describe('one finding per rule, range and message', () => {
  it('keeps the first report of a range and adds the instances of each repeat to its effect', () => {
    const reports = new SameRangeReports(100);
    const report = (effect: Effect, data = { x: 1 }): ReportDescriptor<string> => ({ start: 10, end: 20, messageId: 'm', data, effect });
    const first = reports.repeats(report(warmPool(2)), () => ({ effect: warmPool(2) }));
    assert.ok(first);
    assert.equal(reports.repeats(report(warmPool(3)), () => assert.fail('a repeat is not built')), undefined);
    assert.deepEqual(first.effect, warmPool(5));
    // Another message (different data) at the same range is another finding.
    const second = reports.repeats(report(warmPool(1), { x: 2 }), () => ({ effect: warmPool(1) }));
    assert.ok(second);
    // A repeat of either is added to its own.
    assert.equal(reports.repeats(report(warmPool(4), { x: 2 }), () => assert.fail('a repeat is not built')), undefined);
    assert.equal(reports.repeats(report(warmPool(1)), () => assert.fail('a repeat is not built')), undefined);
    assert.deepEqual(second.effect, warmPool(5));
    assert.deepEqual(first.effect, warmPool(6));
    // Another message id, or another range, is another finding, whatever the data.
    assert.ok(reports.repeats({ ...report(warmPool(1)), messageId: 'other' }, () => ({ effect: warmPool(1) })));
    assert.ok(reports.repeats({ ...report(warmPool(1)), end: 21 }, () => ({ effect: warmPool(1) })));
    assert.ok(reports.repeats({ ...report(warmPool(1)), start: 9 }, () => ({ effect: warmPool(1) })));
  });

  it('keeps ranges apart however their offsets compare with the code\'s length', () => {
    const reports = new SameRangeReports(10);
    // 0:12 and 1:1 would be one number (0 * 11 + 12 = 1 * 11 + 1) were offsets past the code not told apart.
    for (const [start, end] of [[1, 1], [0, 12], [0, 11], [1, 0], [-1, 12]]) assert.ok(reports.repeats({ start, end, messageId: 'm' }, () => ({})), `${start}:${end}`);
    for (const [start, end] of [[1, 1], [0, 12], [0, 11], [1, 0], [-1, 12]]) assert.equal(reports.repeats({ start, end, messageId: 'm' }, () => ({})), undefined, `${start}:${end}`);
  });

  it('writes out no data for a report whose range and message no other report shares', () => {
    const reports = new SameRangeReports(100);
    let reads = 0;
    const data = { get x(): number {
      reads++;
      return 1;
    } };
    for (let i = 0; i < 1000; i++) assert.ok(reports.repeats({ start: 0, end: i + 1, messageId: 'm', data }, () => ({})));
    assert.equal(reads, 0);
    assert.equal(reports.repeats({ start: 0, end: 1, messageId: 'm', data }, () => ({})), undefined);
    assert.equal(reads, 2, 'the first and its repeat, once each');
  });

  it('adds instances only to the same change: an unknown count is one instance; another type or kind leaves the first', () => {
    assert.deepEqual(withInstancesOf(warmPool(), warmPool()), warmPool(2));
    assert.deepEqual(withInstancesOf(warmPool(1), { ...warmPool(1), instanceType: 'ml.p4d.24xlarge' } as Effect), warmPool(1));
    assert.deepEqual(withInstancesOf(warmPool(1), { kind: 'spot', usage: 'training', instanceType: 'ml.g5.2xlarge', count: 1 }), warmPool(1));
    assert.deepEqual(withInstancesOf({ kind: 'retention' }, { kind: 'retention' }), { kind: 'retention' });
  });
});
