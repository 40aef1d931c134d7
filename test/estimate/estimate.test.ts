import * as assert from 'node:assert/strict';
import { EstimateError, estimateInstance, scaleEstimate } from '../../src/estimate/estimate';

// Expected values are computed by hand from shared/data/power-coefficients.csv, with the
// constants written out here, not taken from the code under test:
//   watts  = vCPU × (min + u × (max − min)) + GPUs × (min + u × (max − min)) + GiB × 0.392
//   kWh/h  = watts × 1.135 / 1000;  kgCO2e/h = kWh/h × gCO2e/kWh / 1000
const PUE = 1.135;
const MEMORY_W_PER_GB = 0.392;
const closeTo = (actual: number | null, expected: number, what: string): void => {
  assert.ok(actual !== null, `${what} is null`);
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual} ≠ ${expected}`);
};

describe('estimateInstance (CCF method)', () => {
  it('Cascade Lake CPU type: ml.c5.12xlarge in us-east-1 at 50%', () => {
    // Cascade Lake: CCF app 0.64 / 3.97 W per vCPU; 48 vCPU, 96 GiB; us-east-1 CCF factor 379.069 g/kWh (eGRID2020 SERC).
    const watts = 48 * (0.64 + 0.5 * (3.97 - 0.64)) + 96 * MEMORY_W_PER_GB; // 110.64 + 37.632 = 148.272 W
    const kwh = (watts * PUE) / 1000; // 0.16828872
    const e = estimateInstance('ml.c5.12xlarge');
    closeTo(e.power.cpuWatts, 110.64, 'cpu W');
    closeTo(e.power.memoryWatts, 37.632, 'memory W');
    assert.equal(e.power.acceleratorWatts, 0);
    closeTo(e.energyKwhPerHour, kwh, 'kWh/h');
    closeTo(e.energyKwhPerHour, 0.16828872, 'kWh/h written out');
    closeTo(e.operationalKgCo2ePerHour, (kwh * 379.069) / 1000, 'operational');
    // CCF app embodied: 1344.09 kg platform × 48/96 vCPU / 35,040 h = 0.019179 kg/h (rounded in the data).
    closeTo(e.embodiedKgCo2ePerHour, 0.019179, 'embodied');
    closeTo(e.totalKgCo2ePerHour, (kwh * 379.069) / 1000 + 0.019179, 'total');
    assert.equal(e.gridGco2ePerKwh, 379.069);
    // No SageMaker price bundled: the EC2 price (2.04 USD/h) as a lower bound.
    assert.equal(e.costUsdPerHour, 2.04);
    assert.equal(e.costSource, 'ec2-lower-bound');
    assert.equal(e.estimated, true, 'a lower-bound price is an estimate');
    assert.equal(e.complete, true);
  });

  it('utilisation moves only the CPU and GPU parts: ml.c5.12xlarge at 20%', () => {
    const watts = 48 * (0.64 + 0.2 * (3.97 - 0.64)) + 96 * MEMORY_W_PER_GB;
    closeTo(estimateInstance('ml.c5.12xlarge', { utilization: 0.2 }).energyKwhPerHour, (watts * PUE) / 1000, 'kWh/h');
    const idle = 48 * 0.64 + 96 * MEMORY_W_PER_GB;
    closeTo(estimateInstance('ml.c5.12xlarge', { utilization: 0 }).energyKwhPerHour, (idle * PUE) / 1000, 'kWh/h at 0%');
  });

  it('GPU type: ml.g4dn.xlarge (1 T4, Cascade Lake) in eu-north-1', () => {
    // T4: CCF app 8 / 71 W per GPU. 4 vCPU, 16 GiB. eu-north-1: CCF 8.8 g/kWh (EEA).
    const watts = 4 * (0.64 + 0.5 * (3.97 - 0.64)) + 1 * (8 + 0.5 * (71 - 8)) + 16 * MEMORY_W_PER_GB; // 9.22 + 39.5 + 6.272 = 54.992
    const e = estimateInstance('ml.g4dn.xlarge', { region: 'eu-north-1' });
    closeTo(e.power.acceleratorWatts, 39.5, 'gpu W');
    closeTo(e.energyKwhPerHour, (watts * PUE) / 1000, 'kWh/h');
    closeTo(e.energyKwhPerHour, 0.06241592, 'kWh/h written out');
    closeTo(e.operationalKgCo2ePerHour, (((watts * PUE) / 1000) * 8.8) / 1000, 'operational');
    closeTo(e.embodiedKgCo2ePerHour, 0.00358, 'embodied');
    assert.equal(e.costUsdPerHour, 0.7364);
    assert.equal(e.costSource, 'bundled');
    assert.equal(e.costRegion, 'us-east-1');
    assert.ok(e.notes.some((n) => /eu-north-1 prices usually differ/.test(n)), e.notes.join('\n'));
  });

  it('GPU type: ml.p4d.24xlarge (8 A100, Cascade Lake) in us-east-1', () => {
    // A100: CCF app 46 / 407 W per GPU. 96 vCPU, 1152 GiB.
    const watts = 96 * (0.64 + 0.5 * (3.97 - 0.64)) + 8 * (46 + 0.5 * (407 - 46)) + 1152 * MEMORY_W_PER_GB; // 221.28 + 1812 + 451.584
    const e = estimateInstance('ml.p4d.24xlarge');
    closeTo(e.energyKwhPerHour, (watts * PUE) / 1000, 'kWh/h');
    closeTo(e.energyKwhPerHour, 2.82032064, 'kWh/h written out');
    assert.equal(e.costSource, 'bundled');
    assert.ok(e.notes.some((n) => /price cut/.test(n)), 'the stale P4 price is flagged');
  });

  it('GPU without a CCF coefficient: ml.p5.48xlarge (8 H100) uses the 700 W measured limit, flagged', () => {
    // H100: no CCF pair; max = 700 W (nvidia-smi power.limit), min = 700 × 46/407 (CCF's A100 idle ratio).
    // CPU AMD EPYC 3rd Gen: 2026 ccf-coefficients 0.4556 / 1.9573 W per vCPU. 192 vCPU, 2048 GiB.
    const gpuMin = (700 * 46) / 407;
    const watts = 192 * (0.4556 + 0.5 * (1.9573 - 0.4556)) + 8 * (gpuMin + 0.5 * (700 - gpuMin)) + 2048 * MEMORY_W_PER_GB;
    const e = estimateInstance('ml.p5.48xlarge');
    closeTo(e.energyKwhPerHour, (watts * PUE) / 1000, 'kWh/h');
    assert.equal(e.estimated, true);
    assert.ok(e.notes.some((n) => /700 W measured power limit/.test(n)));
    assert.ok(e.sources.some((s) => s.includes('manually_fetched_data.json')));
  });

  it('Graviton2 type: ml.c6g.xlarge uses CCF’s Graviton2 (= EPYC 2nd Gen) coefficients', () => {
    // AWS Graviton2: CCF app 0.47 / 1.69 W per vCPU. 4 vCPU, 8 GiB.
    const watts = 4 * (0.47 + 0.5 * (1.69 - 0.47)) + 8 * MEMORY_W_PER_GB; // 4.32 + 3.136 = 7.456
    const e = estimateInstance('ml.c6g.xlarge');
    closeTo(e.energyKwhPerHour, (watts * PUE) / 1000, 'kWh/h');
    closeTo(e.energyKwhPerHour, 0.00846256, 'kWh/h written out');
    closeTo(e.operationalKgCo2ePerHour, (0.00846256 * 379.069) / 1000, 'operational');
    closeTo(e.embodiedKgCo2ePerHour, 0.002061, 'embodied');
    assert.equal(e.costSource, 'ec2-lower-bound');
  });

  it('Graviton3 type: ml.c7g.xlarge uses the 2026 coefficient repo, flagged as an estimate', () => {
    // Graviton3: ccf-coefficients 2026 0.4743 / 1.693 W per vCPU. 4 vCPU, 8 GiB. Embodied from the 2026 set: 0.001124.
    const watts = 4 * (0.4743 + 0.5 * (1.693 - 0.4743)) + 8 * MEMORY_W_PER_GB;
    const e = estimateInstance('ml.c7g.xlarge');
    closeTo(e.energyKwhPerHour, (watts * PUE) / 1000, 'kWh/h');
    closeTo(e.embodiedKgCo2ePerHour, 0.001124, 'embodied');
    assert.equal(e.estimated, true);
    assert.ok(e.notes.some((n) => /Graviton3/.test(n)));
  });

  it('region without a CCF factor: ap-east-2 falls back to CCF’s unknown-region 392.78188 g/kWh, flagged', () => {
    // 0.00039278188 t/kWh × 1e6 = 392.78188 g/kWh. ml.c6g.xlarge energy as above: 0.00846256 kWh/h.
    const e = estimateInstance('ml.c6g.xlarge', { region: 'ap-east-2' });
    assert.equal(e.gridGco2ePerKwh, 392.78188);
    closeTo(e.operationalKgCo2ePerHour, (0.00846256 * 392.78188) / 1000, 'operational');
    assert.equal(e.estimated, true);
    assert.ok(e.notes.some((n) => /no CCF factor for ap-east-2/.test(n)));
  });

  it('--intensity recent uses the recent grid figure with its year', () => {
    // eu-north-1 recent: 40.7 g/kWh (OWID/Ember, 2023). ml.c6g.xlarge: 0.00846256 kWh/h.
    const e = estimateInstance('ml.c6g.xlarge', { region: 'eu-north-1', intensity: 'recent' });
    assert.equal(e.gridGco2ePerKwh, 40.7);
    closeTo(e.operationalKgCo2ePerHour, (0.00846256 * 40.7) / 1000, 'operational');
    assert.ok(e.sources.some((s) => s.includes('(2023)')));
  });

  it('Trainium without a power figure: energy leaves the chip out and says so (lower bound)', () => {
    // Ice Lake: 2026 repo 0.7668 / 3.7582 W per vCPU; 8 vCPU, 32 GiB; Trainium power unknown.
    const watts = 8 * (0.7668 + 0.5 * (3.7582 - 0.7668)) + 32 * MEMORY_W_PER_GB;
    const e = estimateInstance('ml.trn1.2xlarge');
    assert.equal(e.power.acceleratorWatts, null);
    closeTo(e.energyKwhPerHour, (watts * PUE) / 1000, 'kWh/h');
    assert.equal(e.complete, false);
    assert.equal(e.estimated, true);
    assert.ok(e.notes.some((n) => /lower bounds/.test(n)));
  });

  it('Trainium2 uses the third-party 500 W estimate, flagged; unknown embodied and price stay null', () => {
    const e = estimateInstance('ml.trn2.3xlarge');
    const chipMin = (500 * 46) / 407;
    closeTo(e.power.acceleratorWatts, 1 * (chipMin + 0.5 * (500 - chipMin)), 'chip W');
    assert.equal(e.embodiedKgCo2ePerHour, null);
    assert.equal(e.costUsdPerHour, null);
    assert.equal(e.costSource, null);
    assert.equal(e.complete, false);
    assert.ok(e.notes.some((n) => /ESTIMATE/.test(n)));
  });

  it('a type without specs gives null figures, not zeros', () => {
    const e = estimateInstance('ml.geospatial.interactive');
    assert.equal(e.energyKwhPerHour, null);
    assert.equal(e.totalKgCo2ePerHour, null);
    assert.equal(e.estimated, true);
  });

  it('a bundled us-east-1 price in us-east-1 is not an estimate: ml.m5.xlarge', () => {
    const e = estimateInstance('m5.xlarge');
    assert.equal(e.instanceType, 'ml.m5.xlarge');
    assert.equal(e.costUsdPerHour, 0.23);
    assert.equal(e.costSource, 'bundled');
    assert.equal(e.estimated, false);
    assert.ok(e.sources.length >= 4);
  });

  it('scales to N hours', () => {
    const e = estimateInstance('ml.c6g.xlarge');
    const s = scaleEstimate(e, 10);
    closeTo(s.energyKwh, 0.0846256, 'kWh');
    closeTo(s.costUsd, 1.36, 'USD');
  });

  it('rejects an unknown type, an unknown region and a utilisation outside [0, 1]', () => {
    assert.throws(() => estimateInstance('ml.m5.huge'), (e: unknown) => e instanceof EstimateError && e.kind === 'unknownInstanceType');
    assert.throws(() => estimateInstance('ml.m5.xlarge', { region: 'mars-1' }), (e: unknown) => e instanceof EstimateError && e.kind === 'unknownRegion');
    assert.throws(() => estimateInstance('ml.m5.xlarge', { utilization: 1.5 }), (e: unknown) => e instanceof EstimateError && e.kind === 'invalidUtilization');
    assert.throws(() => estimateInstance('ml.m5.xlarge', { utilization: Number.NaN }), EstimateError);
  });
});
