import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { escapeMarkdown, formatFootprintMarkdown } from '../../src/cli/formatters/footprintMarkdown';
import { runCli } from '../../src/cli/main';
import type { FootprintModel } from '../../src/present/footprint';
import { buildFootprint } from '../../src/present/footprint';
import { barChart, escapeHtml, footprintHtmlDocument } from '../../src/present/footprintHtml';
import { dedent } from '../kit/dedent';
import { locateTestWasm } from '../kit/languages';

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-report-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function cli(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), locateWasm: locateTestWasm });
  return { code, stdout, stderr };
}

// 2 × ml.g5.xlarge for max_run 1 h: 2 instance-hours × $1.4084 = $2.82; spot saves up to 90%: $2.54.
const trainPy = dedent`
  from sagemaker.pytorch import PyTorch
  estimator = PyTorch(entry_point="train.py", instance_type="ml.g5.xlarge", instance_count=2, max_run=3600)
`;

const logTemplate = dedent`
  AWSTemplateFormatVersion: "2010-09-09"
  Resources:
    JobLogs:
      Type: AWS::Logs::LogGroup
      Properties:
        LogGroupName: /aws/sagemaker/TrainingJobs
`;

const hostile = '<script>alert(1)</script>';

/** A model with a hostile file name and message, built from the pure model. */
function hostileModel(): FootprintModel {
  return buildFootprint([
    {
      path: `a"><img src=x onerror=alert(1)>|*x*.py`,
      text: 'x'.repeat(20),
      findings: [{ ruleId: 'SML401', ruleName: 'log-group-no-retention', severity: 'warning', message: `${hostile} | [link](javascript:alert(1)) \`code\`\nnext`, start: 0, end: 1, line: 1, column: 1, endLine: 1, endColumn: 2 }],
      targets: [],
    },
  ]);
}

describe('footprint report output', () => {
  it('HTML escapes file names and messages: no element or attribute comes from the code', () => {
    const html = footprintHtmlDocument(hostileModel(), { linkFor: (row) => `command:x?${encodeURIComponent(JSON.stringify([row.path]))}` });
    assert.ok(!html.includes('<script'), 'a <script> element');
    assert.ok(!html.includes('<img'), 'an <img> element');
    assert.ok(html.includes('&#60;script&#62;alert(1)&#60;/script&#62;'), 'the message, escaped');
    assert.ok(html.includes('a&#34;&#62;&#60;img src=x onerror=alert(1)&#62;|*x*.py:1:1'), 'the path, escaped');
    // The only attributes are ours: a CSP meta with no script source, and the link from linkFor, quoted.
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:">/);
    assert.ok(!/<script|src="http|href="http/.test(html), 'nothing loaded from the network');
  });

  it('escapeHtml covers the five HTML specials and the backquote', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&\`</a>`), '&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#96;&#60;/a&#62;');
  });

  it('the SVG chart: one bar per rule, lengths proportional to the counts, labels escaped', () => {
    const svg = barChart('Findings', [
      { label: 'SML203 training-no-spot', value: 4 },
      { label: hostile, value: 1 },
    ]);
    const widths = [...svg.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual(widths, [360, 90]);
    assert.ok(svg.includes('>&#60;script&#62;alert(1)&#60;/script&#62;</text>'), svg);
    assert.ok(!svg.includes('<script'));
    assert.equal(barChart('Empty', []), '');
  });

  it('Markdown escapes table breakers, markup and HTML in file names and messages', () => {
    assert.equal(escapeMarkdown('a|b <i>*c*</i> [d](e) `f`\ng'), 'a\\|b \\<i\\>\\*c\\*\\</i\\> \\[d\\](e) \\`f\\` g');
    const md = formatFootprintMarkdown(hostileModel());
    assert.ok(!md.includes('<script>'));
    const findingRow = md.split('\n').find((l) => l.includes('SML401 log-group-no-retention') && l.includes('script'));
    assert.ok(findingRow, md);
    // Every row of the findings table keeps its four cells: no unescaped pipe inside a cell.
    assert.equal(findingRow.split(/(?<!\\)\|/).length - 2, 4, findingRow);
  });
});

describe('greenml report', () => {
  it('Markdown by default: totals, per-rule and per-file tables, assumptions and sources; exit 0 despite findings', async () => {
    const dir = project({ 'jobs/train.py': trainPy, 'infra/logs.yaml': logTemplate });
    const { code, stdout, stderr } = await cli(dir, 'report');
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^# Green ML footprint report$/m);
    assert.match(stdout, /^\| SML203 training-no-spot \| 1 \| 1 \| up to \$2\.54 · 0 kgCO2e \| — \|$/m);
    assert.match(stdout, /^\| SML401 log-group-no-retention \| 1 \| 0 \| — \| — \|$/m);
    assert.match(stdout, /^\| jobs\/train\.py \| us-east-1 \(default\) \|/m);
    assert.match(stdout, /^\| infra\/logs\.yaml \| us-east-1 \(default\) \| 1 \| 0 \|/m);
    assert.match(stdout, /^\| jobs\/train\.py:2 \| training: 2 × ml\.g5\.xlarge in us-east-1 \| ≤ 2 instance-hours: \$2\.82 ·/m);
    assert.match(stdout, /^## Assumptions$/m);
    assert.match(stdout, /^## Sources$/m);
    assert.match(stdout, /model-managed-spot-training\.html/);
  });

  it('--format json is the model; --region applies where the code sets none', async () => {
    const dir = project({ 'train.py': trainPy });
    const { code, stdout } = await cli(dir, 'report', '--format', 'json', '--region', 'eu-north-1');
    assert.equal(code, 0);
    const model = JSON.parse(stdout) as FootprintModel;
    assert.deepEqual(model.files.map((f) => [f.path, f.region.code, f.region.origin]), [['train.py', 'eu-north-1', 'setting']]);
    assert.equal(model.totals.findings, model.findings.length);
    // 2 × 1 h × $1.4084 (us-east-1's price, the only one bundled).
    assert.ok(Math.abs((model.totals.footprint.bound.costUsd ?? 0) - 2.8168) < 1e-9, String(model.totals.footprint.bound.costUsd));
  });

  it('--format html --output writes one self-contained page', async () => {
    const dir = project({ 'train.py': trainPy });
    const { code, stdout } = await cli(dir, 'report', '--format', 'html', '--output', 'report.html');
    assert.equal(code, 0);
    assert.equal(stdout, '');
    const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<svg class="chart"/);
    assert.match(html, /<style>/);
    assert.ok(!/<script|<link|src="/.test(html), 'no script, stylesheet link or external source');
  });

  it('escapes a hostile file name read from disk', async () => {
    const dir = project({ [`${hostile.replace(/\//g, '_')}.py`]: trainPy });
    const { code, stdout } = await cli(dir, 'report', '--format', 'html');
    assert.equal(code, 0);
    assert.ok(!stdout.includes('<script>'), 'a script element from the file name');
    assert.ok(stdout.includes('&#60;script&#62;alert(1)&#60;_script&#62;.py'));
  });

  it('usage errors exit 2: unknown format, unknown region, bad utilisation, missing path', async () => {
    const dir = project({ 'train.py': trainPy });
    assert.equal((await cli(dir, 'report', '--format', 'sarif')).code, 2);
    const region = await cli(dir, 'report', '--region', 'us-east-9');
    assert.equal(region.code, 2);
    assert.match(region.stderr, /unknown region "us-east-9".*did you mean/);
    assert.equal((await cli(dir, 'report', '--utilization', '2')).code, 2);
    assert.equal((await cli(dir, 'report', 'missing.py')).code, 2);
    assert.equal((await cli(dir, 'report', '--select', 'SML999')).code, 2);
  });

  it('--help prints the report usage', async () => {
    const { code, stdout } = await cli(os.tmpdir(), 'report', '--help');
    assert.equal(code, 0);
    assert.match(stdout, /^Usage: greenml report/);
  });
});

describe('greenml modelcard', () => {
  const twoJobs = dedent`
    import boto3
    from sagemaker.pytorch import PyTorch
    session = boto3.Session(region_name="eu-north-1")
    small = PyTorch(entry_point="a.py", instance_type="ml.m5.xlarge", instance_count=1, max_run=7200)
    big = PyTorch(
        entry_point="b.py",
        instance_type="ml.g5.xlarge",
        instance_count=2,
    )
  `;

  it('prints the fragment for the training call at --line, in the region the code sets', async () => {
    const dir = project({ 'train.py': twoJobs });
    const { code, stdout, stderr } = await cli(dir, 'modelcard', 'train.py', '--line', '7');
    assert.equal(code, 0, stderr);
    const fragment = JSON.parse(stdout) as { training_details: { training_observations: string }; additional_information: { custom_details: Record<string, string> } };
    assert.deepEqual(Object.keys(fragment), ['training_details', 'additional_information']);
    const d = fragment.additional_information.custom_details;
    assert.equal(d.greenml_instance_type, 'ml.g5.xlarge');
    assert.equal(d.greenml_instance_count, '2');
    // No max_run: the API default of 24 h per instance, 48 instance-hours.
    assert.equal(d.greenml_hours_bound_per_job, '24');
    assert.equal(d.greenml_instance_hours_bound, '48');
    assert.match(d.greenml_hours_bound_source, /API default/);
    assert.equal(d.greenml_region, 'eu-north-1');
    assert.equal(d.greenml_region_origin, 'set in the code');
    assert.equal(d.greenml_grid_gco2e_per_kwh, '8.8');
    assert.equal(d.greenml_estimated, 'true');
    assert.equal(d.greenml_utilization, '0.5');
    assert.match(d.greenml_method, /Cloud Carbon Footprint/);
    // 48 h × 0.10906442 kWh/h = 5.235 kWh; operational 5.235 × 8.8 / 1000 = 0.0461 kgCO2e.
    assert.equal(d.greenml_energy_kwh, '5.24');
    assert.equal(d.greenml_kgco2e_operational, '0.0461');
    assert.ok(Object.keys(d).some((k) => k.startsWith('greenml_source_')));
    // The schema: keys [a-zA-Z_][a-zA-Z0-9_]*, string values of at most 1,024 characters.
    for (const [key, value] of Object.entries(d)) {
      assert.match(key, /^[a-zA-Z_][a-zA-Z0-9_]*$/);
      assert.equal(typeof value, 'string');
      assert.ok(value.length <= 1024, key);
    }
    assert.ok(fragment.training_details.training_observations.length <= 1024);
    assert.match(fragment.training_details.training_observations, /2 × ml\.g5\.xlarge for up to 24 h/);
  });

  it('--line on the first job, and --region only where the code sets none', async () => {
    const dir = project({ 'train.py': twoJobs, 'plain.py': 'from sagemaker.pytorch import PyTorch\nPyTorch(entry_point="a.py", instance_type="ml.m5.xlarge", instance_count=1, max_run=3600)\n' });
    const first = JSON.parse((await cli(dir, 'modelcard', 'train.py', '--line', '4', '--region', 'us-west-2')).stdout);
    assert.equal(first.additional_information.custom_details.greenml_instance_type, 'ml.m5.xlarge');
    assert.equal(first.additional_information.custom_details.greenml_region, 'eu-north-1');
    const plain = JSON.parse((await cli(dir, 'modelcard', 'plain.py', '--region', 'us-west-2')).stdout);
    assert.equal(plain.additional_information.custom_details.greenml_region, 'us-west-2');
    assert.equal(plain.additional_information.custom_details.greenml_hours_bound_per_job, '1');
  });

  it('exit 2 with the lines when several calls and no --line, no call at the line, or no file', async () => {
    const dir = project({ 'train.py': twoJobs, 'empty.py': 'print(1)\n' });
    const several = await cli(dir, 'modelcard', 'train.py');
    assert.equal(several.code, 2);
    assert.match(several.stderr, /2 training calls \(lines 4, 5\)/);
    const none = await cli(dir, 'modelcard', 'train.py', '--line', '1');
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no training call at line 1/);
    assert.equal((await cli(dir, 'modelcard', 'empty.py')).code, 2);
    assert.equal((await cli(dir, 'modelcard', 'missing.py')).code, 2);
    assert.equal((await cli(dir, 'modelcard')).code, 2);
    assert.equal((await cli(dir, 'modelcard', 'train.py', '--line', 'x')).code, 2);
  });
});
