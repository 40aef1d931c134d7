import * as assert from 'node:assert/strict';
import { resolveRuleSettings } from '../../src/core/config';
import { getInstanceType } from '../../src/data/instances';
import type { JobKind } from '../../src/model/recommend';
import { cpuSize, inRegion, recommendPurposeBuilt, recommendSmaller, singleAcceleratorSize } from '../../src/model/recommend';
import { createTestLinter } from '../kit/languages';

const row = (type: string) => {
  const found = getInstanceType(type);
  assert.ok(found, type);
  return found;
};

describe('the recommender in a region', () => {
  // [from, job, region, the type suggested (undefined: none), the type another region would get]
  const purposeBuilt: Array<[string, JobKind, string | undefined, string | undefined, string?]> = [
    ['ml.g5.xlarge', 'hosting', undefined, 'ml.inf2.xlarge'],
    ['ml.g5.xlarge', 'hosting', 'eu-west-1', 'ml.inf2.xlarge'],
    // EC2 has no inf2 in ca-central-1: SageMaker cannot run ml.inf2 there.
    ['ml.g5.xlarge', 'hosting', 'ca-central-1', undefined, 'ml.inf2.xlarge'],
    // ap-northeast-2 offers only inf2.xlarge (32 GiB): four A10G (96 GiB) need inf2.24xlarge, which it lacks.
    ['ml.g5.12xlarge', 'hosting', undefined, 'ml.inf2.24xlarge'],
    ['ml.g5.12xlarge', 'hosting', 'ap-northeast-2', undefined, 'ml.inf2.24xlarge'],
    ['ml.g5.xlarge', 'hosting', 'ap-northeast-2', 'ml.inf2.xlarge'],
    // Trainium: us-east-1, us-east-2, us-west-2 only.
    ['ml.p3.2xlarge', 'training', 'us-east-2', 'ml.trn1.2xlarge'],
    ['ml.p3.2xlarge', 'training', 'eu-west-1', undefined, 'ml.trn1.2xlarge'],
    // A region the table does not cover, or a code it does not know: as without a region.
    ['ml.g5.xlarge', 'hosting', 'ap-southeast-4', 'ml.inf2.xlarge'],
    ['ml.p3.2xlarge', 'training', 'xx-nowhere-9', 'ml.trn1.2xlarge'],
    // The table has no Graviton row: the x86 → Graviton answer does not depend on the region.
    ['ml.m5.xlarge', 'hosting', 'ca-central-1', 'ml.m8g.xlarge'],
  ];
  for (const [from, job, region, expected, elsewhere] of purposeBuilt) {
    it(`purpose-built for ${from} (${job}) in ${region ?? 'no region'}: ${expected ?? `none (${elsewhere} elsewhere)`}`, () => {
      const answer = inRegion(region, (r) => recommendPurposeBuilt(row(from), job, r)?.row.instanceType);
      assert.equal(answer.found, expected);
      assert.equal(answer.notInRegion, elsewhere);
    });
  }

  it('smaller sizes: a single-GPU size of the family only where the region offers it', () => {
    // EC2 lists no g5 in ap-southeast-1.
    assert.equal(singleAcceleratorSize(row('ml.g5.12xlarge'), 'hosting')?.instanceType, 'ml.g5.xlarge');
    assert.equal(singleAcceleratorSize(row('ml.g5.12xlarge'), 'hosting', 'eu-west-1')?.instanceType, 'ml.g5.xlarge');
    assert.equal(singleAcceleratorSize(row('ml.g5.12xlarge'), 'hosting', 'ap-southeast-1'), undefined);
    assert.equal(recommendSmaller(row('ml.g5.12xlarge'), 'hosting', 'ap-southeast-1'), undefined);
    assert.deepEqual(
      inRegion('ap-southeast-1', (r) => recommendSmaller(row('ml.g5.12xlarge'), 'hosting', r)?.row.instanceType),
      { found: undefined, notInRegion: 'ml.g5.xlarge' },
    );
    // CPU types have no row in the table: the answer stays.
    assert.equal(cpuSize(row('ml.g5.12xlarge'), 'training', 'ap-southeast-1')?.instanceType, cpuSize(row('ml.g5.12xlarge'), 'training')?.instanceType);
    assert.equal(recommendSmaller(row('ml.g4dn.xlarge'), 'notebook', 'ca-central-1')?.row.instanceType, 'ml.t3.medium');
  });

  it('inRegion: no region asks once and never says "not in region"', () => {
    let asked = 0;
    assert.deepEqual(inRegion(undefined, () => (asked++, undefined)), { found: undefined });
    assert.equal(asked, 1);
    assert.deepEqual(inRegion('eu-west-1', (r) => (r ? undefined : 'x')), { found: undefined, notInRegion: 'x' });
    assert.deepEqual(inRegion('eu-west-1', () => undefined), { found: undefined });
  });
});

describe('a rule asks the recommender with the region of the file', () => {
  const linter = createTestLinter();
  const settings = resolveRuleSettings(linter.rules);
  const config = (provider: string) =>
    `${provider}resource "aws_sagemaker_endpoint_configuration" "c" {\n  production_variants {\n    variant_name           = "AllTraffic"\n    instance_type          = "ml.g5.12xlarge"\n    initial_instance_count = 1\n  }\n}\n`;
  const effectOf = (text: string) => linter.lint('main.tf', text, { settings }).findings.find((f) => f.ruleId === 'SML302')?.effect;

  it('SML302 (Terraform): a single-GPU size anywhere; none, with the region as the reason, where the region offers none', () => {
    assert.deepEqual(effectOf(config('')), { kind: 'instance-swap', usage: 'hosting', from: 'ml.g5.12xlarge', to: 'ml.g5.xlarge', silicon: 'smaller' });
    assert.deepEqual(effectOf(config('provider "aws" {\n  region = "ap-southeast-1"\n}\n')), { kind: 'none', reason: 'ap-southeast-1 does not offer a single-accelerator size of this family' });
  });
});
