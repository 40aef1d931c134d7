import * as assert from 'node:assert/strict';
import { resolveRuleSettings } from '../../src/core/config';
import type { Effect, Finding } from '../../src/core/types';
import type { FootprintFileInput } from '../../src/present/footprint';
import type { Saving } from '../../src/present/footprintSaving';
import { formatFootprintMarkdown } from '../../src/cli/formatters/footprintMarkdown';
import { buildFootprint, footprintInputOf } from '../../src/present/footprint';
import { isPriced, regionMoveTarget, savingsForEffect } from '../../src/present/savings';
import { getRegion, listRegions } from '../../src/data/regions';
import { gridIntensity } from '../../src/estimate/estimate';
import { footprintHtmlBody } from '../../src/present/footprintHtml';
import { dedent } from '../kit/dedent';
import { createTestLinter } from '../kit/languages';
import { notebookJson } from '../kit/notebook';

// Hand-computed per instance-hour figures (docs/estimates.md, test/estimate/estimate.test.ts), us-east-1, 50%:
//   ml.g5.xlarge: 4 × (0.47 + 0.5 × 1.22) + 1 × (18 + 0.5 × 135) + 16 × 0.392 = 96.092 W → 0.10906442 kWh/h;
//     operational 0.10906442 × 379.069 / 1000; embodied 3434 × 4 / 192 / 35040; $1.4084/h (bundled hosting price).
//   ml.m5.xlarge: 0.008838 kgCO2e/h, $0.23/h (bundled hosting price).
const G5_KWH = (96.092 * 1.135) / 1000;
const G5_KG = (G5_KWH * 379.069) / 1000 + (3434 * 4) / 192 / 35040;
const G5_USD = 1.4084;
const M5_KG = 0.008838;
const M5_USD = 0.23;

function near(actual: number | null | undefined, expected: number, what: string, relative = 2e-3): void {
  assert.ok(actual !== null && actual !== undefined, `${what} is ${actual}`);
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${what}: ${actual} ≠ ${expected}`);
}

function finding(ruleId: string, ruleName: string, start: number, extra: Partial<Finding> = {}): Finding {
  return { ruleId, ruleName, severity: 'warning', message: `${ruleName} message`, start, end: start + 1, line: 1, column: start + 1, endLine: 1, endColumn: start + 2, ...extra };
}

const trainText = 'x'.repeat(200);
const endpointText = 'InstanceType: "ml.g5.xlarge"' + ' '.repeat(50);

/** Two files: a training job with the spot finding, and an endpoint whose finding's fix swaps g5 for m5. */
function fixture(): FootprintFileInput[] {
  const swapStart = endpointText.indexOf('"ml.g5.xlarge"');
  return [
    {
      path: 'train.py',
      text: trainText,
      findings: [finding('SML203', 'training-no-spot', 20, { effect: { kind: 'spot', usage: 'training', instanceType: 'ml.g5.xlarge', count: 2 } }), finding('SML401', 'log-group-no-retention', 150, { effect: { kind: 'retention' } })],
      targets: [{ kind: 'training', start: 10, end: 100, instanceType: 'ml.g5.xlarge', instanceCount: 2, maxRunSeconds: 3600, spot: false }],
      codeRegion: 'us-east-1',
    },
    {
      path: 'endpoint.yaml',
      text: endpointText,
      findings: [
        finding('SML304', 'endpoint-general-purpose-silicon', swapStart, {
          fix: { title: 'Serve on ml.m5.xlarge', applicability: 'displayOnly', edits: [{ start: swapStart, end: swapStart + '"ml.g5.xlarge"'.length, text: '"ml.m5.xlarge"' }] },
          effect: { kind: 'instance-swap', usage: 'hosting', from: 'ml.g5.xlarge', to: 'ml.m5.xlarge', silicon: 'smaller' },
        }),
      ],
      // The IaC target sits on the resource's key, before the finding.
      targets: [{ kind: 'endpoint', start: 0, end: 5, instanceType: 'ml.g5.xlarge', instanceCount: 1 }],
    },
  ];
}

describe('footprint model', () => {
  it('prices what a finding says its change does, whatever the rule: a spot effect is priced, a rule without one is not', () => {
    const job = { kind: 'training' as const, start: 10, end: 100, instanceType: 'ml.g5.xlarge', instanceCount: 2, maxRunSeconds: 3600, spot: false };
    const spotEffect: Finding['effect'] = { kind: 'spot', usage: 'training', instanceType: 'ml.g5.xlarge', count: 2 };
    const model = buildFootprint([
      {
        path: 'train.py',
        text: trainText,
        findings: [
          finding('SML299', 'another-spot-rule', 20, { effect: spotEffect }),
          finding('SML203', 'training-no-spot', 30, { effect: { kind: 'none', reason: 'the instance type is not a literal the catalogue knows' } }),
          finding('SML202', 'tuning-no-early-stopping', 40, { effect: { kind: 'none', reason: 'how many training jobs stop early depends on the search' } }),
          finding('SML301', 'endpoint-always-on', 50, { effect: { kind: 'serverless', instanceType: 'ml.m5.xlarge', count: 1 } }),
          finding('SML301', 'endpoint-always-on', 60),
        ],
        targets: [job],
        codeRegion: 'us-east-1',
      },
    ]);
    const [other, spotRule, tuning, serverless, silent] = model.findings;
    assert.equal(other.saving?.kind, 'spot', `the spot effect is priced: ${other.noFigure}`);
    near(other.saving?.bound?.costUsd, 2 * G5_USD * 0.9, 'spot $ over 1 h');
    assert.equal(spotRule.saving, undefined, 'the spot rule without a spot effect has no spot figure');
    assert.equal(spotRule.noFigure, 'the instance type is not a literal the catalogue knows');
    assert.equal(tuning.noFigure, 'how many training jobs stop early depends on the search');
    // Serverless stops paying for the endpoint's idle hours: up to its monthly burn, as the hover prices it per idle hour.
    assert.equal(serverless.saving?.description, '1 × ml.m5.xlarge: serve it serverless (billed per request), up to its whole monthly burn');
    near(serverless.saving?.month?.costUsd, M5_USD * 730, 'serverless month $');
    near(serverless.saving?.month?.kgCo2e, M5_KG * 730, 'serverless month kg');
    assert.equal(serverless.saving?.upTo, true);
    assert.match(silent.noFigure ?? '', /carries no change/);
  });

  it('the spot saving: up to 90% (the verified claim) of the job bound, no carbon change', () => {
    const model = buildFootprint(fixture());
    const spot = model.findings.find((f) => f.ruleId === 'SML203')?.saving;
    assert.equal(spot?.kind, 'spot');
    assert.equal(spot.upTo, true);
    // 2 instances × 1 h × $1.4084 × 0.9.
    near(spot.bound?.costUsd, 2 * 1 * G5_USD * 0.9, 'spot $');
    assert.equal(spot.bound?.kgCo2e, 0);
    assert.equal(spot.month, undefined);
    assert.ok(spot.sources.some((s) => s.includes('model-managed-spot-training.html')), spot.sources.join('\n'));
  });

  it('an instance-type swap from the effect: the monthly difference of the two types at the same count', () => {
    const model = buildFootprint(fixture());
    const swap = model.findings.find((f) => f.ruleId === 'SML304')?.saving;
    assert.equal(swap?.kind, 'instance-type');
    assert.equal(swap.description, 'ml.g5.xlarge → ml.m5.xlarge');
    near(swap.month?.costUsd, (G5_USD - M5_USD) * 730, 'month $');
    near(swap.month?.kgCo2e, (G5_KG - M5_KG) * 730, 'month kg');
    assert.equal(swap.bound, undefined);
  });

  it('a finding is priced from its effect, never from the text its fix writes', () => {
    const files = fixture();
    const withoutEffect = { ...files[1].findings[0] };
    delete withoutEffect.effect;
    files[1] = { ...files[1], findings: [withoutEffect] };
    const row = buildFootprint(files).findings.find((f) => f.ruleId === 'SML304');
    assert.equal(row?.saving, undefined, 'a fix writing another type is not an effect');
  });

  it('a finding the estimate has no figure for is counted, with the reason, and no figure', () => {
    const row = buildFootprint(fixture()).findings.find((f) => f.ruleId === 'SML401');
    assert.equal(row?.saving, undefined);
    assert.match(row?.noFigure ?? '', /GB of logs/);
  });

  it('totals per rule, per file and overall; job bounds and months kept apart', () => {
    const model = buildFootprint(fixture());
    assert.deepEqual(
      model.rules.map((r) => [r.ruleId, r.findings, r.withSaving]),
      [['SML203', 1, 1], ['SML304', 1, 1], ['SML401', 1, 0]],
    );
    assert.deepEqual(
      model.files.map((f) => [f.path, f.findings, f.withSaving, f.targets, f.region.code, f.region.origin]),
      [['train.py', 2, 1, 1, 'us-east-1', 'code'], ['endpoint.yaml', 1, 1, 1, 'us-east-1', 'default']],
    );
    const t = model.totals;
    assert.equal(t.findings, 3);
    assert.equal(t.withSaving, 2);
    assert.equal(t.files, 2);
    assert.equal(t.filesWithFindings, 2);
    near(t.savings.bound.costUsd, 2 * G5_USD * 0.9, 'saving bound $');
    assert.equal(t.savings.bound.kgCo2e, 0);
    assert.equal(t.savings.bound.upTo, true);
    near(t.savings.month.costUsd, (G5_USD - M5_USD) * 730, 'saving month $');
    assert.equal(t.savings.month.upTo, false);
    // The code's footprint: the job's 2 instance-hours, the endpoint's 730 h.
    near(t.footprint.bound.costUsd, 2 * G5_USD, 'bound $');
    near(t.footprint.bound.kgCo2e, 2 * G5_KG, 'bound kg');
    near(t.footprint.month.costUsd, G5_USD * 730, 'month $');
    near(t.footprint.month.kgCo2e, G5_KG * 730, 'month kg');
    assert.deepEqual(model.targets.map((x) => [x.path, x.kind, x.instanceType, x.region]), [['train.py', 'training', 'ml.g5.xlarge', 'us-east-1'], ['endpoint.yaml', 'endpoint', 'ml.g5.xlarge', 'us-east-1']]);
  });

  it('a saving a finding carries is taken as given, not recomputed', () => {
    const files = fixture();
    const given: Saving = { kind: 'reported', description: 'from the rule', bound: { costUsd: 12.5, kgCo2e: 0.5 }, upTo: false, estimated: true, sources: ['a rule'], notes: [] };
    files[0] = { ...files[0], findings: [{ ...files[0].findings[1], saving: given }] };
    const model = buildFootprint(files);
    assert.deepEqual(model.findings.find((f) => f.ruleId === 'SML401')?.saving, given);
    assert.equal(model.files[0].savings.bound.costUsd, 12.5);
    assert.equal(model.files[0].savings.bound.kgCo2e, 0.5);
  });

  it('mixed price kinds give no cost saving, only the carbon difference', () => {
    const files = fixture();
    const start = endpointText.indexOf('"ml.g5.xlarge"');
    // ml.c5.12xlarge has no bundled SageMaker price, only the EC2 lower bound.
    files[1] = { ...files[1], findings: [{ ...files[1].findings[0], fix: { title: 't', applicability: 'displayOnly', edits: [{ start, end: start + 14, text: '"ml.c5.12xlarge"' }] }, effect: { kind: 'instance-swap', usage: 'hosting', from: 'ml.g5.xlarge', to: 'ml.c5.12xlarge', silicon: 'smaller' } }] };
    const swap = buildFootprint(files).findings.find((f) => f.ruleId === 'SML304')?.saving;
    assert.equal(swap?.month?.costUsd, null);
    assert.equal(typeof swap?.month?.kgCo2e, 'number');
    assert.ok(swap?.notes.some((n) => /not of the same kind/.test(n)));
  });

  it('the --region setting applies to files whose code sets none; the code’s region wins', () => {
    const model = buildFootprint(fixture(), { region: 'eu-north-1' });
    assert.deepEqual(model.files.map((f) => [f.region.code, f.region.origin]), [['us-east-1', 'code'], ['eu-north-1', 'setting']]);
    // eu-north-1: CCF 8.8 g/kWh; embodied unchanged.
    near(model.totals.footprint.month.kgCo2e, ((G5_KWH * 8.8) / 1000 + (3434 * 4) / 192 / 35040) * 730, 'eu-north-1 month kg');
  });

  it("says where a price is us-east-1's while the figures are another region's (Markdown and HTML)", () => {
    const model = buildFootprint(fixture(), { region: 'eu-north-1' });
    const markdown = formatFootprintMarkdown(model);
    const html = footprintHtmlBody(model);
    // endpoint.yaml is in eu-north-1 (the setting): its dollar figure is the bundled us-east-1 price and says so.
    assert.match(markdown, /endpoint: 1 × ml\.g5\.xlarge in eu-north-1 \| \$1\.41\/h \(us-east-1 price\) · /);
    assert.match(html, /endpoint: 1 × ml\.g5\.xlarge in eu-north-1<\/td><td>\$1\.41\/h \(us-east-1 price\) · /);
    // train.py is in us-east-1 (the code): its price is the region's own, unmarked.
    assert.match(markdown, /training: 2 × ml\.g5\.xlarge in us-east-1 \| ≤ 2 instance-hours: \$2\.82 · /);
    assert.doesNotMatch(markdown, /in us-east-1 \| [^|]*us-east-1 price/);
  });

  it('the report has a figure for every effect the hover prices, and none for the others', () => {
    const effects: Effect[] = [
      { kind: 'instance-swap', usage: 'hosting', from: 'ml.m5.xlarge', to: 'ml.m6g.xlarge', silicon: 'graviton' },
      { kind: 'spot', usage: 'training', instanceType: 'ml.m5.xlarge' },
      { kind: 'region-move', from: 'ap-south-1' },
      { kind: 'serverless', instanceType: 'ml.m5.xlarge' },
      { kind: 'scale-to-zero', instanceType: 'ml.m5.xlarge' },
      { kind: 'teardown', usage: 'hosting', instanceType: 'ml.m5.xlarge' },
      { kind: 'stop-when-idle', usage: 'notebook', instanceType: 'ml.m5.xlarge' },
      { kind: 'warm-pool', instanceType: 'ml.m5.xlarge', count: 1, seconds: 600 },
      { kind: 'retention' },
      { kind: 'none', reason: 'the code does not say' },
    ];
    const targets: FootprintFileInput['targets'] = [
      { kind: 'endpoint', start: 0, end: 5, instanceType: 'ml.m5.xlarge', instanceCount: 1 },
      { kind: 'training', start: 5, end: 10, instanceType: 'ml.m5.xlarge', instanceCount: 1, maxRunSeconds: 3600, spot: false },
    ];
    for (const effect of effects) {
      const at = effect.kind === 'spot' ? 6 : 1;
      const row = buildFootprint([{ path: 'f.py', text: 'x'.repeat(20), codeRegion: 'ap-south-1', findings: [finding('SML999', 'some-rule', at, { effect })], targets }]).findings[0];
      assert.equal(row.saving !== undefined, isPriced({ ruleId: 'SML999', effect }), `${effect.kind}: ${row.saving?.description ?? row.noFigure}`);
    }
  });

  it('a Terraform training job is priced as the SDK one: the spot saving over its run limit', () => {
    const code = 'resource "aws_sagemaker_training_job" "train" {\n  training_job_name = "t"\n  role_arn          = "r"\n  resource_config {\n    instance_type     = "ml.g5.xlarge"\n    instance_count    = 2\n    volume_size_in_gb = 30\n  }\n  stopping_condition {\n    max_runtime_in_seconds = 3600\n  }\n}\n';
    const linter = createTestLinter();
    const result = linter.lint('main.tf', code, { settings: resolveRuleSettings(linter.rules), format: 'terraform' });
    const model = buildFootprint([{ ...footprintInputOf(linter, 'main.tf', code, result), codeRegion: 'us-east-1' }]);
    const row = model.findings.find((f) => f.ruleId === 'SML203');
    assert.equal(row?.saving?.kind, 'spot', `no figure: ${row?.noFigure}`);
    // 2 instances × 1 h × $1.4084 × 0.9, as for the same job written with the SDK.
    near(row?.saving?.bound?.costUsd, 2 * 1 * G5_USD * 0.9, 'spot $');
    assert.deepEqual(model.targets.map((t) => `${t.kind} ${t.instanceCount} × ${t.instanceType}`), ['training 2 × ml.g5.xlarge']);
  });

  it('a region move without a named region: the hover and the report move to the same region, in the same geography, or neither has a figure', () => {
    const names = (text: string) => /→ ([a-z0-9-]+)/.exec(text)?.[1];
    let withoutTarget = 0;
    for (const intensity of ['ccf', 'recent'] as const) {
      for (const region of listRegions()) {
        const effect = { kind: 'region-move', from: region.code, instanceType: 'ml.m5.large', usage: 'hosting' } as const;
        const hover = savingsForEffect(effect, { region: 'us-east-1', intensity })[0];
        const file: FootprintFileInput = { path: 'e.tf', text: 'x'.repeat(20), codeRegion: region.code, findings: [finding('SML404', 'high-carbon-region', 5, { effect })], targets: [{ kind: 'endpoint', start: 0, end: 20, instanceType: 'ml.m5.large', instanceCount: 1 }] };
        const row = buildFootprint([file], { intensity }).findings[0];
        const to = hover?.to;
        assert.equal(names(row.saving?.description ?? ''), to, `${intensity} ${region.code}: hover ${to}, report ${row.saving?.description ?? row.noFigure}`);
        if (to) assert.equal(getRegion(to)?.geography, region.geography, `${intensity} ${region.code} → ${to}`);
        else withoutTarget++;
      }
    }
    // Regions alone in their geography with the lowest figure (af-south-1 under CCF) have no move to price.
    assert.ok(withoutTarget > 0);
  });

  it('a high-carbon region: the operational difference to the lowest-carbon region of the geography with a CCF factor', () => {
    // ap-south-1: CCF 708.2 g/kWh; in APAC the lowest CCF factor is ap-southeast-1's 408 (regions without one are left out).
    const to = regionMoveTarget({ kind: 'region-move', from: 'ap-south-1' }, getRegion('ap-south-1')!, 'ccf');
    assert.deepEqual([to?.code, to && gridIntensity(to, 'ccf').value, gridIntensity(getRegion('ap-south-1')!, 'ccf').value], ['ap-southeast-1', 408, 708.2]);
    const files = fixture().slice(0, 1);
    files[0] = { ...files[0], codeRegion: 'ap-south-1', findings: [finding('SML404', 'high-carbon-region', 5, { effect: { kind: 'region-move', from: 'ap-south-1' } })] };
    const saving = buildFootprint(files).findings[0].saving;
    assert.equal(saving?.kind, 'region');
    near(saving.bound?.kgCo2e, (2 * G5_KWH * (708.2 - 408)) / 1000, 'region kg');
    assert.equal(saving.bound?.costUsd, null);
  });

  it('assumptions name the utilisation, regions, hours and prices; sources are listed', () => {
    const model = buildFootprint(fixture(), { utilization: 0.3 });
    const text = model.assumptions.join('\n');
    assert.match(text, /Utilisation 30%/);
    assert.match(text, /Region us-east-1 \(set in the code\): 1 file/);
    assert.match(text, /730 h/);
    assert.match(text, /hosting price/);
    assert.match(text, /Spot: .*up to/);
    assert.ok(model.sources.some((s) => s.includes('shared/data/embodied-emissions.csv')));
  });
});

describe('footprint input from the engine', () => {
  it('a Python file: the spot finding and the Trainium swap find their training job', () => {
    const linter = createTestLinter();
    const text = dedent`
      from sagemaker.pytorch import PyTorch
      estimator = PyTorch(entry_point="train.py", framework_version="2.1", instance_type="ml.g5.xlarge", instance_count=1, max_run=7200)
    `;
    const result = linter.lint('train.py', text, { settings: resolveRuleSettings(linter.rules) });
    const input = footprintInputOf(linter, 'train.py', text, result);
    assert.deepEqual(input.targets.map((t) => [t.kind, t.instanceType, t.instanceCount, t.kind === 'training' ? t.maxRunSeconds : undefined]), [['training', 'ml.g5.xlarge', 1, 7200]]);
    const model = buildFootprint([input]);
    const spot = model.findings.find((f) => f.ruleName === 'training-no-spot');
    near(spot?.saving?.bound?.costUsd, 2 * G5_USD * 0.9, 'spot $ over 2 h');
    const trainium = model.findings.find((f) => f.ruleName === 'training-gpu-instance');
    assert.match(trainium?.saving?.description ?? '', /^ml\.g5\.xlarge → ml\.trn1\./);
  });

  it('a notebook: targets are mapped to file offsets, so findings in the cells find them', () => {
    const linter = createTestLinter();
    const text = notebookJson(['from sagemaker.pytorch import PyTorch', 'est = PyTorch(entry_point="t.py", framework_version="2.1", instance_type="ml.g5.xlarge", instance_count=2, max_run=3600)']);
    const result = linter.lint('train.ipynb', text, { settings: resolveRuleSettings(linter.rules) });
    const input = footprintInputOf(linter, 'train.ipynb', text, result);
    assert.equal(input.targets.length, 1);
    assert.ok(text.slice(input.targets[0].start, input.targets[0].end).startsWith('PyTorch('), text.slice(input.targets[0].start, input.targets[0].end));
    const spot = buildFootprint([input]).findings.find((f) => f.ruleName === 'training-no-spot');
    near(spot?.saving?.bound?.costUsd, 2 * G5_USD * 0.9, 'notebook spot $');
  });

  it('a job whose only .fit() is commented out: listed once, priced in no total and in no saving, and the report says so', () => {
    const linter = createTestLinter();
    const text = dedent`
      from sagemaker.pytorch import PyTorch
      estimator = PyTorch(entry_point="train.py", framework_version="2.1", instance_type="ml.g5.xlarge", instance_count=1, max_run=7200)
      # estimator.fit("s3://bucket/train")
    `;
    const result = linter.lint('train.py', text, { settings: resolveRuleSettings(linter.rules) });
    const model = buildFootprint([footprintInputOf(linter, 'train.py', text, result)]);
    assert.deepEqual(model.targets.map((t) => [t.kind, t.instanceType, t.started]), [['training', 'ml.g5.xlarge', 'never']]);
    assert.equal(model.totals.footprint.bound.costUsd, null, 'a job that never runs costs nothing');
    assert.equal(model.totals.footprint.bound.kgCo2e, null);
    const spot = model.findings.find((f) => f.ruleName === 'training-no-spot');
    assert.ok(spot, 'the finding is still counted');
    assert.equal(spot.saving, undefined);
    assert.match(spot.noFigure ?? '', /never starts this job/);
    assert.equal(model.totals.withSaving, model.findings.filter((f) => f.saving).length);
    assert.ok(model.assumptions.some((a) => /1 training job or tuner the code makes but never starts/.test(a)), model.assumptions.join('\n'));
  });

  it('a job assigned with a type annotation (est: Estimator = …) whose only .fit() is commented out: never started; a history name (_) is not the job', () => {
    const linter = createTestLinter();
    const annotated = dedent`
      from sagemaker.estimator import Estimator
      from sagemaker.pytorch import PyTorch
      est: Estimator = PyTorch(entry_point="train.py", framework_version="2.1", instance_type="ml.g5.xlarge", instance_count=1, max_run=7200)
      # est.fit("s3://bucket/train")
    `;
    const started = (text: string, file: string) => buildFootprint([footprintInputOf(linter, file, text, linter.lint(file, text, { settings: resolveRuleSettings(linter.rules) }))]).targets.map((t) => t.started);
    assert.deepEqual(started(annotated, 'train.py'), ['never']);
    // `_` is IPython's last result, not a name the author chose: a commented `_.fit(` says nothing of this job.
    const history = notebookJson(['from sagemaker.pytorch import PyTorch', '_ = PyTorch(entry_point="t.py", framework_version="2.1", instance_type="ml.g5.xlarge", instance_count=2, max_run=3600)', '# _.fit("s3://bucket/train")']);
    assert.notDeepEqual(started(history, 'train.ipynb'), ['never']);
  });

  it('a notebook whose training cell has its .fit() commented out: never started', () => {
    const linter = createTestLinter();
    const text = notebookJson(['from sagemaker.pytorch import PyTorch', 'est = PyTorch(entry_point="t.py", framework_version="2.1", instance_type="ml.g5.xlarge", instance_count=2, max_run=3600)', '# est.fit("s3://bucket/train")']);
    const result = linter.lint('train.ipynb', text, { settings: resolveRuleSettings(linter.rules) });
    const model = buildFootprint([footprintInputOf(linter, 'train.ipynb', text, result)]);
    assert.deepEqual(model.targets.map((t) => t.started), ['never']);
    assert.equal(model.totals.footprint.bound.costUsd, null);
  });

  it('an estimator a tuner runs is counted once, as the tuner’s jobs', () => {
    const linter = createTestLinter();
    const text = dedent`
      from sagemaker.estimator import Estimator
      from sagemaker.tuner import HyperparameterTuner, ContinuousParameter
      est = Estimator(image_uri="img", role="r", instance_count=1, instance_type="ml.m5.xlarge", max_run=3600)
      tuner = HyperparameterTuner(est, "validation:auc", {"eta": ContinuousParameter(0.1, 0.5)}, max_jobs=4, max_parallel_jobs=2)
      tuner.fit("s3://bucket/train")
    `;
    const result = linter.lint('tune.py', text, { settings: resolveRuleSettings(linter.rules) });
    const model = buildFootprint([footprintInputOf(linter, 'tune.py', text, result)]);
    assert.deepEqual(model.targets.map((t) => [t.kind, t.line, t.started]), [['tuner', 4, undefined]]);
    near(model.totals.footprint.bound.costUsd, 4 * M5_USD, 'four one-hour jobs, not five');
    const spot = model.findings.find((f) => f.ruleName === 'training-no-spot');
    near(spot?.saving?.bound?.costUsd, 4 * M5_USD * 0.9, 'spot on the estimator saves on the tuner’s four jobs');
  });

  it('an estimator started alone and by a tuner runs twice; one handed to another call may be started there', () => {
    const linter = createTestLinter();
    const text = dedent`
      from sagemaker.estimator import Estimator
      from sagemaker.tuner import HyperparameterTuner, ContinuousParameter
      from sagemaker.workflow.steps import TrainingStep
      est = Estimator(image_uri="img", role="r", instance_count=1, instance_type="ml.m5.xlarge", max_run=3600)
      est.fit("s3://bucket/train")
      tuner = HyperparameterTuner(est, "validation:auc", {"eta": ContinuousParameter(0.1, 0.5)}, max_jobs=4, max_parallel_jobs=2)
      tuner.fit("s3://bucket/train")
      other = Estimator(image_uri="img", role="r", instance_count=1, instance_type="ml.m5.xlarge", max_run=3600)
      step = TrainingStep(name="train", estimator=other)
    `;
    const result = linter.lint('both.py', text, { settings: resolveRuleSettings(linter.rules) });
    const model = buildFootprint([footprintInputOf(linter, 'both.py', text, result)]);
    assert.deepEqual(model.targets.map((t) => [t.kind, t.line, t.started]), [['training', 4, undefined], ['tuner', 6, undefined], ['training', 8, undefined]]);
  });

  it('an idle notebook instance with no auto-stop: priced at its monthly burn, from the finding’s effect; an oversized one: the smaller type’s difference', () => {
    const linter = createTestLinter();
    const text = dedent`
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        Lab:
          Type: AWS::SageMaker::NotebookInstance
          Properties:
            InstanceType: ml.g4dn.xlarge
            RoleArn: arn:aws:iam::123456789012:role/lab
    `;
    const result = linter.lint('lab.yaml', text, { settings: resolveRuleSettings(linter.rules) });
    const model = buildFootprint([footprintInputOf(linter, 'lab.yaml', text, result)]);
    const target = model.targets.find((t) => t.kind === 'notebook');
    assert.ok(target?.alwaysOn, 'the notebook instance is a target');
    const idle = model.findings.find((f) => f.ruleId === 'SML402');
    assert.ok(idle?.saving, `SML402 has a figure: ${idle?.noFigure}`);
    assert.equal(idle.saving.month?.costUsd, target.alwaysOn.costUsdPerMonth);
    assert.equal(idle.saving.upTo, true);
    assert.match(idle.saving.description, /1 × ml\.g4dn\.xlarge: stop it when idle/);
    const oversized = model.findings.find((f) => f.ruleId === 'SML403');
    assert.match(oversized?.saving?.description ?? `no figure: ${oversized?.noFigure}`, /^ml\.g4dn\.xlarge → ml\.t3\.medium$/);
  });
});

describe('footprint: effects priced from the effect and the record', () => {
  it('an idle notebook instance the file’s targets do not place: priced at the monthly burn of the type and count its effect names', () => {
    const text = 'x'.repeat(40);
    const idle = finding('SML402', 'notebook-no-auto-stop', 3, { effect: { kind: 'stop-when-idle', usage: 'notebook', instanceType: 'ml.t3.medium', count: 1 } });
    const model = buildFootprint([{ path: 'lab.ts', text, findings: [idle], targets: [] }]);
    const saving = model.findings[0].saving;
    assert.ok(saving, `a figure: ${model.findings[0].noFigure}`);
    assert.match(saving.description, /^1 × ml\.t3\.medium: stop it when idle/);
    assert.ok((saving.month?.costUsd ?? 0) > 0, 'a monthly cost');
  });

  it('a region move names its own region: priced from there, not from the region of the file’s settings', () => {
    const files = fixture().slice(0, 1);
    files[0] = { ...files[0], codeRegion: undefined, findings: [finding('SML404', 'high-carbon-region', 5, { effect: { kind: 'region-move', from: 'ap-south-1' } })] };
    const saving = buildFootprint(files, { region: 'eu-north-1' }).findings[0].saving;
    assert.match(saving?.description ?? '', /^ap-south-1 \(708 gCO2e\/kWh\) → ap-southeast-1 /);
  });
});
