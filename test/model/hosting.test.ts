import * as assert from 'node:assert/strict';
import { resolveRuleSettings } from '../../src/core/config';
import { alwaysOnCost } from '../../src/estimate/bounds';
import { estimateInstance } from '../../src/estimate/estimate';
import { buildFootprint, footprintInputOf } from '../../src/present/footprint';
import { findingSavingsMarkdown, savingsForEffect } from '../../src/present/savings';
import { createTestLinter } from '../kit/languages';
import { notebookJson } from '../kit/notebook';

describe('hosting records: effects the views price', () => {
  it('a notebook that never deletes its endpoint: SML307 says teardown, and the footprint report prices the monthly burn', () => {
    const linter = createTestLinter();
    const text = notebookJson(['from sagemaker.model import Model\nmodel = Model(image_uri=image, model_data="s3://b/m.tar.gz", role=role)', 'predictor = model.deploy(initial_instance_count=2, instance_type="ml.g5.xlarge")']);
    const result = linter.lint('serve.ipynb', text, { settings: resolveRuleSettings(linter.rules) });
    const finding = result.findings.find((f) => f.ruleId === 'SML307');
    assert.deepEqual(finding?.effect, { kind: 'teardown', usage: 'hosting', instanceType: 'ml.g5.xlarge', count: 2 });
    const row = buildFootprint([footprintInputOf(linter, 'serve.ipynb', text, result)]).findings.find((f) => f.ruleId === 'SML307');
    assert.equal(row?.noFigure, undefined, `no figure: ${row?.noFigure}`);
    assert.ok((row?.saving?.month?.costUsd ?? 0) > 0, 'a monthly cost');
    assert.match(row?.saving?.description ?? '', /2 × ml\.g5\.xlarge: tear it down when done/);
  });

  it('the savings price a teardown at the burn of every instance, and say the monthly figure', () => {
    const [saving] = savingsForEffect({ kind: 'teardown', usage: 'hosting', instanceType: 'ml.g5.xlarge', count: 2 }, { region: 'us-east-1' });
    const burn = alwaysOnCost(estimateInstance('ml.g5.xlarge', { usage: 'hosting' }), 2);
    assert.equal(saving?.kind, 'teardown');
    assert.ok(burn.costUsdPerHour !== null && burn.costUsdPerMonth !== null);
    assert.equal(saving.costUsd, burn.costUsdPerHour);
    assert.equal(saving.costPercent, 100);
    assert.match(saving.notes.join(' '), new RegExp(`monthly burn of \\$${Math.round(burn.costUsdPerMonth)}`));
  });

  it('scale to zero is priced like a teardown of the idle hours; an effect with no type has no figure', () => {
    assert.equal(savingsForEffect({ kind: 'scale-to-zero', instanceType: 'ml.inf2.xlarge', count: 1 }, { region: 'us-east-1' })[0]?.kind, 'scale-to-zero');
    assert.deepEqual(savingsForEffect({ kind: 'teardown', usage: 'hosting' }, { region: 'us-east-1' }), []);
  });

  it('the hover of an SML307 finding says what deleting the endpoint saves', () => {
    const markdown = findingSavingsMarkdown('SML307', { instanceType: 'ml.m5.large', region: 'us-east-1' }) ?? '';
    assert.match(markdown, /\*\*Delete it when done \(ml\.m5\.large\)\*\*: up to \$[\d.]+\/h less \(up to 100%\)/);
  });
});
