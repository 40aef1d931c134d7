import * as assert from 'node:assert/strict';
import { claimRows } from '../../src/data/generated/claims';
import { isVerifiedClaim } from '../../src/data/claims';
import { estimateInstance } from '../../src/estimate/estimate';
import { findingSavingsMarkdown, formatSaving, savingRuleIds, savingsForFinding, smallerAlternative } from '../../src/present/savings';
import { getInstanceType } from '../../src/data/instances';

describe('finding savings', () => {
  it('spot (SML203): the saving with AWS named as the source of "up to 90%"', () => {
    const md = findingSavingsMarkdown('SML203', { instanceType: 'ml.m5.xlarge', region: 'us-east-1' })!;
    // 0.9 × $0.23 = $0.207 → $0.21.
    assert.match(md, /\*\*Managed spot training \(ml\.m5\.xlarge\)\*\*: up to \$0\.21\/h less \(up to 90%\)\. AWS states "up to 90% cheaper" \(https:\/\/docs\.aws\.amazon\.com\/sagemaker\/latest\/dg\/model-managed-spot-training\.html\)/);
  });

  it("Inferentia (SML304): our estimate in the region, with AWS's verified perf/W figure", () => {
    const from = estimateInstance('ml.g5.xlarge');
    const to = estimateInstance('ml.inf2.xlarge');
    const md = findingSavingsMarkdown('SML304', { instanceType: 'ml.g5.xlarge', region: 'us-east-1' })!;
    const saved = from.costUsdPerHour! - to.costUsdPerHour!;
    assert.ok(md.includes(`**AWS Inferentia2: ml.g5.xlarge → ml.inf2.xlarge**: $${saved.toFixed(2)}/h less (${Math.round((saved / from.costUsdPerHour!) * 100)}%)`), md);
    assert.match(md, /Green ML's estimate in us-east-1; AWS states "up to 50% better perf\/W"/);
  });

  it('never repeats an unverified claim', () => {
    const unverified = claimRows.filter((c) => !isVerifiedClaim(c) && c.figure).map((c) => c.figure!);
    assert.ok(unverified.length >= 3);
    const types = ['ml.g5.xlarge', 'ml.p3.8xlarge', 'ml.m5.xlarge', 'ml.g4dn.xlarge', 'ml.inf1.xlarge'];
    for (const ruleId of savingRuleIds) {
      for (const instanceType of types) {
        const md = findingSavingsMarkdown(ruleId, { instanceType, region: 'ap-south-1' }) ?? '';
        for (const figure of unverified) assert.ok(!md.includes(figure), `${ruleId} ${instanceType} repeats "${figure}"`);
      }
    }
  });

  it('a region finding (SML404) without a type gives the grid difference per kWh', () => {
    const md = findingSavingsMarkdown('SML404', { region: 'ap-south-1' })!;
    assert.match(md, /\*\*A lower-carbon region: ap-south-1 → [a-z0-9-]+\*\*: [\d.]+ kgCO2e\/kWh less \(\d+%\)\. Green ML's estimate from grid factors\./);
  });

  it('smaller sizes: one accelerator for a multi-GPU endpoint, half the vCPUs for a CPU notebook', () => {
    assert.equal(smallerAlternative('SML302', getInstanceType('ml.g5.12xlarge')!)?.instanceType, 'ml.g5.xlarge');
    assert.equal(smallerAlternative('SML403', getInstanceType('ml.m5.4xlarge')!)?.instanceType, 'ml.m5.2xlarge');
    assert.equal(smallerAlternative('SML403', getInstanceType('ml.g4dn.xlarge')!)?.instanceType, 'ml.t3.medium');
    assert.equal(smallerAlternative('SML302', getInstanceType('ml.g5.xlarge')!), undefined);
  });

  it('nothing for a rule without a change to price, or without the type the change needs', () => {
    assert.equal(findingSavingsMarkdown('SML101', { instanceType: 'ml.m5.xlarge', region: 'us-east-1' }), undefined);
    assert.equal(findingSavingsMarkdown('SML203', { region: 'us-east-1' }), undefined);
    assert.deepEqual(savingsForFinding('SML207', { instanceType: 'ml.m5.xlarge', region: 'us-east-1' }), []);
  });

  it('uses a live price of the region when one is cached, for the usage of the finding', () => {
    const asked: string[] = [];
    const savings = savingsForFinding('SML203', {
      instanceType: 'ml.m5.xlarge',
      region: 'eu-west-1',
      livePrice: (k) => {
        asked.push(`${k.usage} ${k.instanceType} ${k.region}`);
        return { usdPerHour: 0.3, source: 'test', fetchedAt: 0 };
      },
    });
    assert.deepEqual(asked, ['training ml.m5.xlarge eu-west-1']);
    assert.ok(Math.abs((savings[0].costUsd ?? 0) - 0.27) < 1e-12);
  });

  it('says "more" when the alternative costs more', () => {
    const from = estimateInstance('ml.g5.xlarge');
    const line = formatSaving({ kind: 'smaller', from: 'a', to: 'b', basis: 'estimate', per: 'instance-hour', costUsd: -0.5, costPercent: -10, kgCo2e: null, carbonPercent: null, upTo: false, claims: [], notes: [], sources: from.sources }, 'us-east-1');
    assert.equal(line, "**A smaller instance: a → b**: $0.50/h more (10%). Green ML's estimate in us-east-1.");
  });
});
