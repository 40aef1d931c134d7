import * as assert from 'node:assert/strict';
import { claimRows } from '../../src/data/generated/claims';
import { isVerifiedClaim } from '../../src/data/claims';
import { estimateInstance } from '../../src/estimate/estimate';
import type { Effect } from '../../src/core/types';
import { effectOf, findingSavingsMarkdown, formatSaving, isPriced, noEffectReason, savingsForFinding } from '../../src/present/savings';

describe('finding savings', () => {
  it('spot (SML203): the saving with AWS named as the source of "up to 90%"', () => {
    const md = findingSavingsMarkdown({ ruleId: 'SML203', effect: { kind: 'spot', usage: 'training', instanceType: 'ml.m5.xlarge' } }, { region: 'us-east-1' })!;
    // 0.9 × $0.23 = $0.207 → $0.21.
    assert.match(md, /\*\*Managed spot training \(ml\.m5\.xlarge\)\*\*: up to \$0\.21\/h less \(up to 90%\)\. AWS states "up to 90% cheaper" \(https:\/\/docs\.aws\.amazon\.com\/sagemaker\/latest\/dg\/model-managed-spot-training\.html\)/);
  });

  it("Inferentia (SML304): our estimate in the region, with AWS's verified perf/W figure", () => {
    const from = estimateInstance('ml.g5.xlarge');
    const to = estimateInstance('ml.inf2.xlarge');
    const md = findingSavingsMarkdown({ ruleId: 'SML304', effect: { kind: 'instance-swap', usage: 'hosting', from: 'ml.g5.xlarge', to: 'ml.inf2.xlarge', silicon: 'inferentia' } }, { region: 'us-east-1' })!;
    const saved = from.costUsdPerHour! - to.costUsdPerHour!;
    assert.ok(md.includes(`**AWS Inferentia2: ml.g5.xlarge → ml.inf2.xlarge**: $${saved.toFixed(2)}/h less (${Math.round((saved / from.costUsdPerHour!) * 100)}%)`), md);
    assert.match(md, /Green ML's estimate in us-east-1; AWS states "up to 50% better perf\/W"/);
  });

  it('never repeats an unverified claim', () => {
    const unverified = claimRows.filter((c) => !isVerifiedClaim(c) && c.figure).map((c) => c.figure!);
    assert.ok(unverified.length >= 3);
    const types = ['ml.g5.xlarge', 'ml.p3.8xlarge', 'ml.m5.xlarge', 'ml.g4dn.xlarge', 'ml.inf1.xlarge'];
    const effects = (t: string): Effect[] => [
      { kind: 'spot', usage: 'training', instanceType: t },
      { kind: 'serverless', instanceType: t },
      { kind: 'teardown', usage: 'hosting', instanceType: t },
      { kind: 'stop-when-idle', usage: 'notebook', instanceType: t },
      { kind: 'scale-to-zero', instanceType: t },
      { kind: 'region-move', from: 'ap-south-1', instanceType: t },
      ...(['graviton', 'inferentia', 'trainium', 'smaller'] as const).map((silicon): Effect => ({ kind: 'instance-swap', usage: 'hosting', from: t, to: 'ml.inf2.xlarge', silicon })),
    ];
    for (const instanceType of types) {
      for (const effect of effects(instanceType)) {
        const md = findingSavingsMarkdown({ ruleId: 'SML000', effect }, { region: 'ap-south-1' }) ?? '';
        for (const figure of unverified) assert.ok(!md.includes(figure), `${effect.kind} ${instanceType} repeats "${figure}"`);
      }
    }
  });

  it('a region finding (SML404) without a type gives the grid difference per kWh', () => {
    const md = findingSavingsMarkdown({ ruleId: 'SML404', effect: { kind: 'region-move', from: 'ap-south-1' } }, { region: 'us-east-1' })!;
    assert.match(md, /\*\*A lower-carbon region: ap-south-1 → [a-z0-9-]+\*\*: [\d.]+ kgCO2e\/kWh less \(\d+%\)\. Green ML's estimate from grid factors\./);
  });

  it('prices the effect, whatever the rule: a spot effect of any rule is priced, a rule whose effect is none is not', () => {
    const spot: Effect = { kind: 'spot', usage: 'training', instanceType: 'ml.m5.xlarge' };
    assert.match(findingSavingsMarkdown({ ruleId: 'SML299', effect: spot }, { region: 'us-east-1' }) ?? '', /^Green ML SML299: what the change saves\n\n- \*\*Managed spot training \(ml\.m5\.xlarge\)\*\*/);
    assert.equal(findingSavingsMarkdown({ ruleId: 'SML203', effect: { kind: 'none', reason: 'not a literal' } }, { instanceType: 'ml.m5.xlarge', region: 'us-east-1' }), undefined);
    assert.equal(findingSavingsMarkdown({ ruleId: 'SML101', effect: { kind: 'retention' } }, { instanceType: 'ml.m5.xlarge', region: 'us-east-1' }), undefined);
    const warmPool: Effect = { kind: 'warm-pool', instanceType: 'ml.g5.xlarge', count: 2, seconds: 3600 };
    assert.deepEqual([spot, warmPool, { kind: 'retention' } as Effect, { kind: 'none', reason: 'r' } as Effect].map((effect) => isPriced({ ruleId: 'SML203', effect })), [true, true, false, false]);
  });

  it('an effect that names no type is priced on the resource the finding sits on', () => {
    const markdown = findingSavingsMarkdown({ ruleId: 'SML402', effect: { kind: 'stop-when-idle', usage: 'notebook' } }, { instanceType: 'ml.m5.xlarge', region: 'us-east-1' }) ?? '';
    assert.match(markdown, /\*\*Stop it when idle \(ml\.m5\.xlarge\)\*\*: up to \$[\d.]+\/h less \(up to 100%\)/);
    assert.equal(findingSavingsMarkdown({ ruleId: 'SML402', effect: { kind: 'stop-when-idle', usage: 'notebook' } }, { region: 'us-east-1' }), undefined);
  });

  it('a finding without an effect (from outside the rules) reads as none, with the reason, and has no figure whatever its rule', () => {
    const none: Effect = { kind: 'none', reason: noEffectReason };
    const cases: Array<[string, string | undefined]> = [['SML302', 'ml.g5.12xlarge'], ['SML403', 'ml.m5.4xlarge'], ['SML302', 'ml.g5.xlarge'], ['SML101', 'ml.m5.xlarge'], ['SML203', undefined], ['SML207', 'ml.m5.xlarge'], ['SML404', 'ml.m5.xlarge'], ['parse-error', 'ml.m5.xlarge']];
    for (const [ruleId, instanceType] of cases) {
      const context = { ...(instanceType ? { instanceType } : {}), region: 'us-east-1' };
      assert.deepEqual(effectOf({ ruleId }), none, ruleId);
      assert.equal(isPriced({ ruleId }), false, ruleId);
      assert.deepEqual(savingsForFinding({ ruleId }, context), [], ruleId);
      assert.equal(findingSavingsMarkdown({ ruleId }, context), undefined, ruleId);
    }
    // The same findings with the effect their rules give are priced: the figure comes from the effect alone.
    assert.match(findingSavingsMarkdown({ ruleId: 'SML302', effect: { kind: 'instance-swap', usage: 'hosting', from: 'ml.g5.12xlarge', to: 'ml.g5.xlarge', silicon: 'smaller' } }, { region: 'us-east-1' }) ?? '', /A smaller instance: ml\.g5\.12xlarge → ml\.g5\.xlarge/);
    assert.match(findingSavingsMarkdown({ ruleId: 'SML403', effect: { kind: 'instance-swap', usage: 'notebook', from: 'ml.m5.4xlarge', to: 'ml.m5.2xlarge', silicon: 'smaller' } }, { region: 'us-east-1' }) ?? '', /ml\.m5\.4xlarge → ml\.m5\.2xlarge/);
  });

  it('uses a live price of the region when one is cached, for the usage of the finding', () => {
    const asked: string[] = [];
    const savings = savingsForFinding({ ruleId: 'SML203', effect: { kind: 'spot', usage: 'training', instanceType: 'ml.m5.xlarge' } }, {
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
