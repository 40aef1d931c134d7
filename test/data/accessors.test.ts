import * as assert from 'node:assert/strict';
import { getClaim, isVerifiedClaim } from '../../src/data/claims';
import { claimRows } from '../../src/data/generated/claims';
import { embodiedRows } from '../../src/data/generated/embodied';
import {
  getAcceleratorCount,
  getAcceleratorKind,
  getAcceleratorModel,
  getFamily,
  getInstanceType,
  getSize,
  isGpu,
  isGraviton,
  isInferentia,
  isTrainium,
  listInstanceTypes,
  suggestInstanceTypes,
} from '../../src/data/instances';
import { getRegion, listRegions, suggestRegions } from '../../src/data/regions';

describe('data accessors', () => {
  it('lists every ml.* type of the API once (401)', () => {
    const names = listInstanceTypes().map((r) => r.instanceType);
    assert.equal(names.length, 401);
    assert.equal(new Set(names).size, 401);
    assert.ok(names.every((n) => n.startsWith('ml.')));
  });

  it('finds a type with or without the ml. prefix, in any case', () => {
    assert.equal(getInstanceType('ml.m5.xlarge')?.vcpu, 4);
    assert.equal(getInstanceType('M5.XLARGE')?.memoryGib, 16);
    assert.equal(getInstanceType('ml.m5.huge'), undefined);
  });

  it('keeps blanks as null rather than inventing numbers', () => {
    const geo = getInstanceType('ml.geospatial.interactive');
    assert.equal(geo?.vcpu, null);
    assert.equal(geo?.memoryGib, null);
    assert.equal(getAcceleratorCount('ml.dl1.24xlarge'), null);
    assert.ok(listInstanceTypes().every((r) => r.hostingUsdPerHour === null || r.hostingPriceSource !== null), 'every bundled price has its source');
    assert.ok(listInstanceTypes().every((r) => r.ec2UsdPerHourUsEast1 === null || r.ec2PriceSource !== null), 'every EC2 price has its source');
    assert.equal(getRegion('ap-east-2')?.ccfGco2ePerKwh, null);
  });

  it('family, size and accelerator helpers', () => {
    assert.equal(getFamily('ml.p4d.24xlarge'), 'p4d');
    assert.equal(getSize('ml.p4d.24xlarge'), '24xlarge');
    assert.equal(getFamily('ml.p6e-gb200.36xlarge'), 'p6e-gb200');
    assert.equal(getAcceleratorKind('ml.g5.xlarge'), 'gpu');
    assert.equal(getAcceleratorModel('ml.g5.xlarge'), 'A10G');
    assert.equal(getAcceleratorCount('ml.p4d.24xlarge'), 8);
    assert.equal(getAcceleratorCount('ml.m5.xlarge'), 0);
    assert.equal(getAcceleratorModel('ml.m5.xlarge'), null);
    assert.ok(isGpu('ml.g5.xlarge') && !isGpu('ml.m5.xlarge') && !isGpu('ml.trn1.2xlarge'));
    assert.ok(isTrainium('ml.trn2.48xlarge') && !isTrainium('ml.inf2.xlarge'));
    assert.ok(isInferentia('ml.inf2.xlarge') && isInferentia('ml.inf1.xlarge'));
    assert.ok(isGraviton('ml.c6g.xlarge') && isGraviton('ml.m8g.xlarge') && !isGraviton('ml.m5.xlarge'));
    assert.ok(!isGraviton('ml.p6e-gb200.36xlarge'), 'Grace is Arm but not Graviton');
    assert.ok(!isGpu('ml.no.such'));
  });

  it('suggests close names for a misspelt type or region', () => {
    assert.ok(suggestInstanceTypes('ml.m5.xlarg').includes('ml.m5.xlarge'));
    assert.ok(suggestInstanceTypes('g5.xlarge').includes('ml.g5.xlarge'));
    assert.deepEqual(suggestRegions('us-est-1')[0], 'us-east-1');
    assert.deepEqual(suggestInstanceTypes('completely-different-thing'), []);
  });

  it('regions: every region has a recent figure with its year and source; CCF figures carry theirs', () => {
    assert.equal(listRegions().length, 41);
    for (const r of listRegions()) {
      assert.ok(r.recentGco2ePerKwh !== null && r.recentYear !== null && r.recentSource, r.code);
      if (r.ccfGco2ePerKwh !== null) assert.ok(r.ccfSource, r.code);
    }
    assert.equal(getRegion('EU-NORTH-1')?.ccfGco2ePerKwh, 8.8);
    assert.equal(getRegion('mars-1'), undefined);
  });

  it('embodied rows map to known ml.* types', () => {
    assert.equal(embodiedRows.length, 401);
    assert.ok(embodiedRows.every((r) => getInstanceType(r.instanceType)));
  });

  it('claims keep their verification status', () => {
    assert.equal(claimRows.length, 17);
    assert.ok(isVerifiedClaim(getClaim('managed-spot-90')!));
    assert.ok(!isVerifiedClaim(getClaim('trainium-energy-52')!));
    assert.ok(!isVerifiedClaim(getClaim('mme-90')!));
  });
});
