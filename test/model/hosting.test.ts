import * as assert from 'node:assert/strict';
import { resolveRuleSettings } from '../../src/core/config';
import { buildFootprint, footprintInputOf } from '../../src/present/footprint';
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
});
