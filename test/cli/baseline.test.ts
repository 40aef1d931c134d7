import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as Sarif from 'sarif';
import { runCli } from '../../src/cli/main';
import { Baseline, createBaseline, fingerprintOf, parseBaseline, snippetOf } from '../../src/core/baseline';
import { locateTestWasm } from '../kit/languages';

const template = (groups: string[], extra = ''): string =>
  ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:', ...extra.split('\n').filter(Boolean), ...groups.flatMap((g) => [`  ${g}:`, '    Type: AWS::Logs::LogGroup'])].join('\n') + '\n';

async function cli(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), locateWasm: locateTestWasm });
  return { code, stdout, stderr };
}

describe('baseline', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-baseline-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('round trip: --write-baseline, then --baseline reports only new findings, also after lines move', async () => {
    fs.mkdirSync(path.join(dir, 'infra'));
    fs.writeFileSync(path.join(dir, 'infra/stack.yaml'), template(['AppLogs', 'JobLogs']));
    const written = await cli(dir, 'lint', '--write-baseline', 'greenml-baseline.json');
    assert.equal(written.code, 0, written.stderr);
    assert.match(written.stdout, /^Wrote 2 findings in 1 file to greenml-baseline\.json/);
    const data = parseBaseline(fs.readFileSync(path.join(dir, 'greenml-baseline.json'), 'utf8'));
    assert.deepEqual(data.findings.map((f) => [f.file, f.rule, f.snippet, f.count]), [
      ['infra/stack.yaml', 'SML401', 'AppLogs', 1],
      ['infra/stack.yaml', 'SML401', 'JobLogs', 1],
    ]);

    const clean = await cli(dir, 'lint', '--baseline', 'greenml-baseline.json');
    assert.equal(clean.code, 0, clean.stdout);
    assert.match(clean.stdout, /^No new problems found in 1 file\.$/m);
    assert.match(clean.stdout, /^2 baselined in greenml-baseline\.json \(not shown\)\.$/m);

    // Ten lines above both groups, their order swapped, and one new log group.
    const comments = Array.from({ length: 10 }, (_, i) => `  # note ${i}`).join('\n');
    fs.writeFileSync(path.join(dir, 'infra/stack.yaml'), template(['JobLogs', 'NewLogs', 'AppLogs'], comments));
    const moved = await cli(dir, 'lint', '--baseline', 'greenml-baseline.json');
    assert.equal(moved.code, 1, moved.stdout);
    const findingLines = moved.stdout.split('\n').filter((l) => / SML401 /.test(l));
    assert.equal(findingLines.length, 1, moved.stdout);
    assert.match(findingLines[0], /^infra\/stack\.yaml:15:3 {2}SML401 .*NewLogs/);
    assert.match(moved.stdout, /^Found 1 new problem \(1 warning\) in 1 file\.$/m);
    assert.match(moved.stdout, /^2 baselined in greenml-baseline\.json \(not shown\)\.$/m);

    // From another working directory the baseline's paths still match (they are relative to it).
    const fromInfra = await cli(path.join(dir, 'infra'), 'lint', '.', '--baseline', '../greenml-baseline.json', '--format', 'sarif');
    const log = JSON.parse(fromInfra.stdout) as Sarif.Log;
    const states = log.runs[0].results!.map((r) => [r.message.text?.match(/Log group (\w+)/)?.[1], r.baselineState]);
    assert.deepEqual(states.sort(), [['AppLogs', 'unchanged'], ['JobLogs', 'unchanged'], ['NewLogs', 'new']]);
  });

  it('counts identical findings: a baseline of two accepts two, a third is new', () => {
    const text = 'x\nsame\nsame\nsame\n';
    const at = (start: number) => ({ ruleId: 'SML401', ruleName: 'r', severity: 'warning' as const, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 5, start, end: start + 4 });
    const baseline = new Baseline(createBaseline([{ file: 'a.yaml', text, findings: [at(2), at(7)] }]));
    assert.equal(baseline.size, 2);
    assert.deepEqual(baseline.statesOf('a.yaml', text, [at(2), at(7), at(12)]), ['unchanged', 'unchanged', 'new']);
    assert.deepEqual(baseline.statesOf('b.yaml', text, [at(2)]), ['new'], 'another file is another finding');
  });

  it('fingerprints the rule and the flagged code, not its line or indentation', () => {
    const f = (text: string, needle: string) => snippetOf({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length }, text);
    assert.equal(f('a\n    est = PyTorch(\n  x=1)', 'PyTorch(\n  x=1)'), 'PyTorch(');
    assert.equal(f('x  =   Estimator( a )', 'Estimator( a )'), 'Estimator( a )');
    assert.equal(fingerprintOf('SML401', 'Logs'), fingerprintOf('SML401', 'Logs'));
    assert.notEqual(fingerprintOf('SML401', 'Logs'), fingerprintOf('SML402', 'Logs'));
    assert.match(fingerprintOf('SML401', 'Logs'), /^[0-9a-f]{16}$/);
  });

  it('a missing or malformed baseline is one line and exit 2; --write-baseline excludes --baseline and --fix', async () => {
    fs.writeFileSync(path.join(dir, 'stack.yaml'), template(['Logs']));
    const missing = await cli(dir, 'lint', '--baseline', 'nope.json');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^greenml: cannot read baseline nope\.json: /);
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"tool": "eslint"}');
    const bad = await cli(dir, 'lint', '--baseline', 'bad.json');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^greenml: invalid baseline bad\.json: not a Green ML baseline/);
    assert.equal((await cli(dir, 'lint', '--write-baseline', 'b.json', '--fix')).code, 2);
    assert.equal((await cli(dir, 'lint', '--write-baseline', 'b.json', '--baseline', 'bad.json')).code, 2);
    assert.ok(!fs.existsSync(path.join(dir, 'b.json')));
    const unwritable = await cli(dir, 'lint', '--write-baseline', 'stack.yaml/b.json');
    assert.equal(unwritable.code, 2);
    assert.match(unwritable.stderr, /^greenml: cannot write baseline stack\.yaml\/b\.json: /);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['bad.json', 'stack.yaml'], 'no temp file left behind');
  });

  it('without --baseline, SARIF results carry no baselineState', async () => {
    fs.writeFileSync(path.join(dir, 'stack.yaml'), template(['Logs']));
    const log = JSON.parse((await cli(dir, 'lint', '--format', 'sarif')).stdout) as Sarif.Log;
    assert.equal(log.runs[0].results!.length, 1);
    assert.equal(log.runs[0].results![0].baselineState, undefined);
  });
});
