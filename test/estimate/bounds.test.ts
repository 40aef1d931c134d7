import * as assert from 'node:assert/strict';
import { alwaysOnCost, defaultMaxRunSeconds, hoursPerMonth, spotDiscount, trainingBound } from '../../src/estimate/bounds';
import { estimateInstance } from '../../src/estimate/estimate';

// Hand-computed from docs/estimates.md (CCF method, 50%, CCF grid factors):
//   ml.g5.xlarge, us-east-1: $1.4084/h (bundled hosting price); kWh/h = 96.092 × 1.135 / 1000 = 0.10906442;
//     kgCO2e/h = 0.10906442 × 379.069 / 1000 + 0.002042 (embodied, rounded in the data).
//   ml.m5.xlarge, us-east-1: $0.23/h.
const G5_USD = 1.4084;
const G5_KWH = (96.092 * 1.135) / 1000;
const G5_KG = (G5_KWH * 379.069) / 1000 + 0.002042;
const close = (actual: number | null, expected: number, what: string, tolerance = 1e-4): void => {
  assert.ok(actual !== null, `${what} is null`);
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${what}: ${actual} ≠ ${expected}`);
};

describe('per-job bounds', () => {
  it('uses the API default of one day (86,400 s) for max_run and says so in the sources', () => {
    assert.equal(defaultMaxRunSeconds.value, 86_400);
    const b = trainingBound(estimateInstance('ml.g5.xlarge'), { instanceCount: 2 });
    assert.equal(b.hoursPerJob, 24);
    assert.equal(b.defaultMaxRun, true);
    assert.equal(b.instanceHours, 48);
    close(b.costUsd, 48 * G5_USD, 'cost'); // 67.6032
    close(b.costUsd, 67.6032, 'cost written out');
    close(b.energyKwh, 48 * G5_KWH, 'kWh'); // 5.2351
    close(b.totalKgCo2e, 48 * G5_KG, 'kgCO2e'); // ≈ 2.082
    assert.ok(b.sources.includes(defaultMaxRunSeconds.source));
    assert.ok(b.notes.some((n) => n.includes('hosting price')));
    assert.equal(b.spot, undefined);
    assert.equal(b.estimated, true);
  });

  it('scales by max_run when given', () => {
    const b = trainingBound(estimateInstance('ml.g5.xlarge'), { instanceCount: 1, maxRunSeconds: 7200 });
    assert.equal(b.hoursPerJob, 2);
    assert.equal(b.defaultMaxRun, false);
    close(b.costUsd, 2.8168, 'cost');
  });

  it('shows spot as a range from the verified managed-spot claim (up to 90%)', () => {
    const discount = spotDiscount();
    assert.ok(discount);
    assert.equal(discount.maxDiscount, 0.9);
    assert.ok(discount.claim.includes('https://docs.aws.amazon.com/sagemaker/latest/dg/model-managed-spot-training.html'));
    const b = trainingBound(estimateInstance('ml.g5.xlarge'), { instanceCount: 2, spot: true });
    assert.ok(b.spot);
    close(b.spot.minCostUsd, 6.76032, 'spot low end'); // 67.6032 × (1 − 0.9)
    close(b.costUsd, 67.6032, 'on-demand high end');
    close(b.totalKgCo2e, 48 * G5_KG, 'emissions unchanged by spot');
  });

  it("a tuner's bound is max_jobs × the per-job bound", () => {
    const b = trainingBound(estimateInstance('ml.g5.xlarge'), { instanceCount: 1, maxRunSeconds: 3600, jobs: 10 });
    assert.equal(b.instanceHours, 10);
    close(b.costUsd, 14.084, 'cost');
    close(b.totalKgCo2e, 10 * G5_KG, 'kgCO2e');
  });
});

describe('always-on endpoint cost', () => {
  it('is the instance count × 730 h per month', () => {
    assert.equal(hoursPerMonth.value, 730);
    const m5 = estimateInstance('ml.m5.xlarge');
    const c = alwaysOnCost(m5, 2);
    close(c.costUsdPerHour, 0.46, '$/h');
    close(c.costUsdPerMonth, 335.8, '$/month'); // 0.23 × 2 × 730
    close(c.totalKgCo2ePerMonth, (m5.totalKgCo2ePerHour ?? NaN) * 1460, 'kg/month');
    close(c.totalKgCo2ePerMonth, 0.008838 * 1460, 'kg/month from docs/estimates.md', 1e-3); // ≈ 12.90
    assert.ok(c.sources.includes(hoursPerMonth.source));
  });
});
