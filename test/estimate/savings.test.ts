import * as assert from 'node:assert/strict';
import { claimRows } from '../../src/data/generated/claims';
import { isVerifiedClaim } from '../../src/data/claims';
import { getRegion } from '../../src/data/regions';
import { estimateInstance } from '../../src/estimate/estimate';
import { claimsFor, lowerCarbonRegion, regionSaving, serverlessSaving, spotSaving, switchSaving, verifiedClaim } from '../../src/estimate/savings';

const close = (a: number | null, b: number, eps = 1e-9): void => assert.ok(a !== null && Math.abs(a - b) < eps, `${a} ≉ ${b}`);

describe('savings: claims', () => {
  it('quotes a claim only when the seed row is verified', () => {
    for (const row of claimRows) {
      const quoted = verifiedClaim(row.id);
      assert.equal(quoted !== undefined, isVerifiedClaim(row), row.id);
    }
    assert.equal(verifiedClaim('trainium-energy-52'), undefined);
    assert.equal(verifiedClaim('accelerators-energy-90'), undefined);
    assert.equal(verifiedClaim('managed-spot-90')?.source, 'https://docs.aws.amazon.com/sagemaker/latest/dg/model-managed-spot-training.html');
  });

  it("backs a Graviton change with AWS's Graviton3 figure only when the target is Graviton3", () => {
    assert.deepEqual(claimsFor('graviton', 'Graviton3').map((c) => c.id), ['graviton3-energy']);
    assert.deepEqual(claimsFor('graviton', 'Graviton4'), []);
    assert.deepEqual(claimsFor('trainium').map((c) => c.id), ['trainium-cost-to-train', 'trainium-energy-bert']);
    assert.deepEqual(claimsFor('region'), []);
  });
});

describe('savings: figures from the estimate model', () => {
  it('switching types saves the difference of the two estimates, in $ and kgCO2e per instance-hour', () => {
    const from = estimateInstance('ml.g5.12xlarge');
    const to = estimateInstance('ml.g5.xlarge');
    const s = switchSaving('smaller', from, to);
    // Both bundled hosting prices: $7.09/h and $1.4084/h.
    assert.equal(from.costSource, 'bundled');
    assert.equal(to.costSource, 'bundled');
    close(s.costUsd, from.costUsdPerHour! - 1.4084);
    close(s.costPercent, ((from.costUsdPerHour! - 1.4084) / from.costUsdPerHour!) * 100);
    close(s.kgCo2e, from.totalKgCo2ePerHour! - to.totalKgCo2ePerHour!);
    assert.equal(s.basis, 'estimate');
    assert.deepEqual(s.claims, []);
  });

  it('does not compare a bundled price with an EC2 lower bound', () => {
    const from = estimateInstance('ml.g5.xlarge');
    const to = estimateInstance('ml.trn1.2xlarge');
    assert.notEqual(from.costSource, to.costSource);
    const s = switchSaving('trainium', from, to);
    assert.equal(s.costUsd, null);
    assert.equal(s.costPercent, null);
    assert.ok(s.notes.some((n) => n.includes('different kinds')));
  });

  it('spot: up to the verified 90% of the on-demand price, emissions unchanged', () => {
    const s = spotSaving(estimateInstance('ml.m5.xlarge'))!;
    close(s.costUsd, 0.23 * 0.9);
    assert.equal(s.costPercent, 90);
    assert.equal(s.kgCo2e, 0);
    assert.equal(s.upTo, true);
    assert.equal(s.basis, 'claim');
    assert.deepEqual(s.claims.map((c) => c.id), ['managed-spot-90']);
  });

  it('serverless: each idle instance-hour saves the whole hourly figure', () => {
    const e = estimateInstance('ml.m5.xlarge');
    const s = serverlessSaving(e);
    assert.equal(s.costUsd, 0.23);
    assert.equal(s.kgCo2e, e.totalKgCo2ePerHour);
    assert.equal(s.costPercent, 100);
  });

  it('a region move: the grid difference per kWh without a type, per instance-hour with one', () => {
    const from = getRegion('ap-south-1')!;
    const to = lowerCarbonRegion(from, 'ccf')!;
    assert.equal(to.partition, from.partition);
    // A region without its own factor (CCF's unknown-region average) is never offered.
    assert.notEqual(to.ccfGco2ePerKwh, null);
    assert.ok(to.ccfGco2ePerKwh !== null && to.ccfGco2ePerKwh < from.ccfGco2ePerKwh!);
    const perKwh = regionSaving(from, to, 'ccf');
    close(perKwh.kgCo2e, (from.ccfGco2ePerKwh! - to.ccfGco2ePerKwh!) / 1000);
    close(perKwh.carbonPercent, ((from.ccfGco2ePerKwh! - to.ccfGco2ePerKwh!) / from.ccfGco2ePerKwh!) * 100);
    assert.equal(perKwh.per, 'kWh');
    const a = estimateInstance('ml.m5.xlarge', { region: from.code });
    const b = estimateInstance('ml.m5.xlarge', { region: to.code });
    const perHour = regionSaving(from, to, 'ccf', { from: a, to: b });
    close(perHour.kgCo2e, a.totalKgCo2ePerHour! - b.totalKgCo2ePerHour!);
    // Bundled prices are us-east-1's in both regions: no cost difference is claimed.
    assert.equal(perHour.costUsd, null);
    assert.equal(perHour.from, 'ap-south-1');
  });

  it('no lower-carbon region than the lowest one', () => {
    const lowest = [...['eu-north-1', 'ca-central-1', 'eu-west-3']].map((c) => getRegion(c)!).sort((x, y) => x.ccfGco2ePerKwh! - y.ccfGco2ePerKwh!)[0];
    const next = lowerCarbonRegion(lowest, 'ccf');
    if (next) assert.ok(next.ccfGco2ePerKwh! < lowest.ccfGco2ePerKwh!);
  });
});
