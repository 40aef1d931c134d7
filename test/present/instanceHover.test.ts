import * as assert from 'node:assert/strict';
import { formatFigure, formatUsd } from '../../src/present/figures';
import { findInstanceTypeAt, instanceHoverMarkdown } from '../../src/present/instanceHover';

describe('instance-type hover', () => {
  it('finds the ml.* token under the cursor, quoted or not', () => {
    const line = "      InstanceType: 'ml.g5.xlarge'  # or ml.m5.large";
    const start = line.indexOf('ml.g5');
    assert.deepEqual(findInstanceTypeAt(line, start + 3), { name: 'ml.g5.xlarge', start, end: start + 'ml.g5.xlarge'.length });
    assert.equal(findInstanceTypeAt(line, line.indexOf('ml.m5') + 1)?.name, 'ml.m5.large');
    assert.equal(findInstanceTypeAt(line, 2), undefined);
    assert.equal(findInstanceTypeAt('"html.g5.xlarge"', 4), undefined, 'not inside another word');
    assert.equal(findInstanceTypeAt('instance_type="ml.p6e-gb200.36xlarge"', 20)?.name, 'ml.p6e-gb200.36xlarge');
  });

  it('shows specs, $/h, kWh/h and kgCO2e/h in the configured region, and the sources', () => {
    const md = instanceHoverMarkdown('ml.g5.xlarge', { region: 'us-east-1' })!;
    const lines = md.split('\n');
    assert.equal(lines[0], '**ml.g5.xlarge** · 4 vCPU (AMD EPYC 2nd Gen) · 16 GiB · 1 × A10G (24 GiB)');
    assert.ok(lines.includes('| Per hour in us-east-1 | |'), md);
    assert.ok(lines.includes('| Cost | $1.41 (bundled SageMaker hosting price, us-east-1) |'), md);
    // (4 × (0.47 + 0.5 × 1.22) + (18 + 0.5 × 135) + 16 × 0.392) × 1.135 / 1000 = 0.10906 kWh.
    assert.ok(lines.includes('| Energy | 0.109 kWh |'), md);
    assert.ok(lines.includes('| Carbon | 0.0434 kgCO2e (0.0413 operational at 379.069 gCO2e/kWh + 0.00204 embodied) |'), md);
    assert.match(md, /Figures at 50% utilisation by Cloud Carbon Footprint's method \(ccf grid factor\)\./);
    assert.match(md, /^Sources: .*cloud-carbon-footprint/m);
  });

  it('follows the region, utilisation and intensity settings, and flags estimates', () => {
    const md = instanceHoverMarkdown('ml.m5.xlarge', { region: 'eu-north-1', utilization: 1, intensity: 'recent' })!;
    assert.match(md, /\| Per hour in eu-north-1 \| \|/);
    assert.match(md, /at 40\.7 gCO2e\/kWh/);
    assert.match(md, /Estimate at 100% utilisation/);
    assert.match(md, /eu-north-1 prices usually differ/);
  });

  it('an unknown region setting falls back to us-east-1 and says so', () => {
    const md = instanceHoverMarkdown('ml.m5.xlarge', { region: 'moon-1' })!;
    assert.match(md, /greenml\.region` is "moon-1", not a known region: us-east-1 used/);
    assert.match(md, /Per hour in us-east-1/);
  });

  it('unknown figures read "unknown", never 0', () => {
    const md = instanceHoverMarkdown('ml.geospatial.interactive', { region: 'us-east-1' })!;
    assert.match(md, /\| Energy \| unknown \|/);
    assert.match(md, /\| Carbon \| unknown \|/);
    assert.match(md, /\| Cost \| unknown \(no price bundled\) \|/);
  });

  it('a misspelt type suggests close names; an unrelated ml.* string gives no hover', () => {
    assert.match(instanceHoverMarkdown('ml.g5.xlarg', { region: 'us-east-1' })!, /is not a SageMaker instance type\. Did you mean `ml\.g5\.xlarge`/);
    assert.equal(instanceHoverMarkdown('ml.something.completely.different.here', { region: 'us-east-1' }), undefined);
  });

  it('formats figures to three significant digits and dollars to cents', () => {
    assert.equal(formatFigure(0.10906442), '0.109');
    assert.equal(formatFigure(2.82032064), '2.82');
    // No exponent and no trailing zeros, at either end of the range.
    assert.equal(formatFigure(0.000000123456), '0.000000123');
    assert.equal(formatFigure(1234567), '1234567');
    assert.equal(formatFigure(2.5), '2.5');
    assert.equal(formatFigure(100), '100');
    assert.equal(formatFigure(-0.0413), '-0.0413');
    assert.equal(formatFigure(1069.09), '1069');
    assert.equal(formatFigure(null), '—');
    assert.equal(formatUsd(1.4084), '$1.41');
    assert.equal(formatUsd(0.0123), '$0.012');
  });
});

describe('instance-type hover: region, live prices and the alternative', () => {
  it("takes the code's region, else the setting's, else the AWS profile's, and says which", () => {
    assert.match(instanceHoverMarkdown('ml.m5.xlarge', { profileRegion: 'eu-north-1' })!, /Per hour in eu-north-1[\s\S]*Region from the AWS profile's region/);
    assert.match(instanceHoverMarkdown('ml.m5.xlarge', { region: 'eu-west-1', profileRegion: 'eu-north-1' })!, /Per hour in eu-west-1/);
    assert.match(instanceHoverMarkdown('ml.m5.xlarge', { codeRegion: 'ap-south-1', region: 'eu-west-1', profileRegion: 'eu-north-1' })!, /Per hour in ap-south-1[\s\S]*Region from the region the code sets/);
    assert.match(instanceHoverMarkdown('ml.m5.xlarge', {})!, /Per hour in us-east-1/);
    assert.match(instanceHoverMarkdown('ml.m5.xlarge', { region: 'moon-1', profileRegion: 'eu-north-1' })!, /"moon-1", not a known region: eu-north-1 used/);
  });

  it("says the price is us-east-1's when the figures are for another region", () => {
    const md = instanceHoverMarkdown('ml.g5.xlarge', { region: 'eu-west-1' })!;
    assert.ok(md.split('\n').includes('| Per hour in eu-west-1 | |'), md);
    assert.ok(md.split('\n').includes('| Cost | $1.41 (us-east-1 SageMaker hosting price; no eu-west-1 price bundled) |'), md);
    const ec2 = instanceHoverMarkdown('ml.t3.medium', { region: 'eu-west-1' })!;
    assert.ok(ec2.includes('| Cost | $0.042 (EC2 price in us-east-1: a lower bound; no eu-west-1 price bundled) |'), ec2);
  });

  it('shows a cached live hosting price as the region\'s own', () => {
    const keys: string[] = [];
    const md = instanceHoverMarkdown('ml.m5.xlarge', {
      region: 'eu-west-1',
      livePrice: (k) => {
        keys.push(`${k.usage} ${k.instanceType} ${k.region}`);
        return k.instanceType === 'ml.m5.xlarge' ? { usdPerHour: 0.258, source: 'AWS Price List API (test)', fetchedAt: Date.UTC(2026, 10, 24) } : undefined;
      },
    })!;
    assert.ok(md.includes('| Cost | $0.26 (SageMaker hosting price, live, eu-west-1) |'), md);
    assert.ok(md.includes('eu-west-1, fetched 2026-11-24'), md);
    assert.equal(keys[0], 'hosting ml.m5.xlarge eu-west-1');
  });

  it('names the purpose-built alternative and its saving', () => {
    const md = instanceHoverMarkdown('ml.g5.xlarge', {})!;
    assert.match(md, /Greener alternative for serving: \*\*AWS Inferentia2: ml\.g5\.xlarge → ml\.inf2\.xlarge\*\*: \$[\d.]+\/h less \(\d+%\)/);
    assert.equal(/Greener alternative/.test(instanceHoverMarkdown('ml.inf2.xlarge', {})!), false);
  });

  it('suggests no type the region of the figures does not offer, and says so', () => {
    const inCanada = instanceHoverMarkdown('ml.g5.xlarge', { codeRegion: 'ca-central-1' })!;
    assert.equal(/Greener alternative for serving:/.test(inCanada), false, inCanada);
    assert.ok(inCanada.split('\n').includes('No greener alternative for serving in ca-central-1: it does not offer AWS Inferentia2 (ml.inf2) instances.'), inCanada);
    // The setting's region counts too; a region that offers ml.inf2 keeps the suggestion.
    assert.match(instanceHoverMarkdown('ml.g5.xlarge', { region: 'ca-central-1' })!, /No greener alternative for serving in ca-central-1/);
    assert.match(instanceHoverMarkdown('ml.g5.xlarge', { codeRegion: 'eu-west-1' })!, /Greener alternative for serving: \*\*AWS Inferentia2: ml\.g5\.xlarge → ml\.inf2\.xlarge\*\*/);
  });
});
