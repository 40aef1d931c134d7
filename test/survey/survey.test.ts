import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runNodeScript } from '../kit/nodeScript';

const root = path.resolve(__dirname, '..', '..', '..');
const script = path.join(root, 'scripts', 'survey.mjs');
const fixtures = path.join(root, 'test', 'survey', 'fixtures');

const run = (args: string[]): ReturnType<typeof runNodeScript> => runNodeScript(script, ...args);

describe('scripts/survey.mjs', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-survey-test-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('compares two records: per-rule counts, and NEW, GONE and CHANGED findings with their source', () => {
    const md = path.join(tmp, 'cmp.md');
    const r = run(['--in', path.join(fixtures, 'after.json'), '--compare', path.join(fixtures, 'before.json'), '--corpus', path.join(fixtures, 'corpus'), '--md', md]);
    assert.equal(r.status, 0, r.stderr);
    const rows = r.stdout.split('\n').map((l) => l.trim().split(/\s+/));
    const row = (rule: string) => rows.find((cells) => cells[0] === rule)?.slice(1).map(Number);
    // rule: before, after, new, gone, changed
    assert.deepEqual(row('SML101'), [1, 0, 0, 1, 0]);
    assert.deepEqual(row('SML203'), [1, 1, 0, 0, 1]);
    assert.deepEqual(row('SML301'), [1, 1, 0, 0, 0]);
    assert.deepEqual(row('SML303'), [0, 2, 2, 0, 0]);
    assert.deepEqual(row('SML304'), [0, 1, 1, 0, 0]);
    assert.deepEqual(row('total'), [3, 5, 3, 1, 1]);
    assert.match(r.stdout, /3 new, 1 gone, 1 changed -> /);

    const text = fs.readFileSync(md, 'utf8');
    assert.match(text, /\| SML303 \| 0 \| 2 \| 2 \| 0 \| 0 \|/);
    assert.match(text, /\| repo-b \| 1 \| 2 \| 2 \| 1 \|/);
    assert.match(text, /## NEW \(3\)/);
    assert.match(text, /## GONE \(1\)/);
    assert.match(text, /## CHANGED message \(1\)/);
    // the source around a Python finding, its line marked
    assert.match(text, /#### N\d+ SML304 repo-a\/deploy\.py:6:19\n\ninfo: ml\.m5\.xlarge serves on x86 CPUs\.\n\n```\n {2}3 \| model = PyTorchModel\(/);
    assert.match(text, /> 6 \| {5}instance_type="ml\.m5\.xlarge",/);
    // a notebook finding: the lines of its cell, not of the .ipynb file
    assert.match(text, /#### C1 SML203 repo-a\/nb\/train\.ipynb:20 \(cell 1, line 2\)/);
    assert.match(text, /> 2 \| est = Estimator\(image_uri="x", instance_type="ml\.p3\.2xlarge", instance_count=1\)/);
    assert.match(text, /was: On-demand training \(old wording\)\./);
    assert.match(text, /#### G1 SML101 repo-b\/main\.tf:1:1/);
    // two identical findings at one place are two new findings, not one
    assert.equal(text.match(/SML303 repo-b\/main\.tf:3:3/g)?.length, 2);
  });

  it('runs the CLI over each repository of a corpus, offline, with paths relative to the corpus', () => {
    const corpus = path.join(tmp, 'corpus');
    fs.cpSync(path.join(fixtures, 'corpus'), corpus, { recursive: true });
    fs.writeFileSync(path.join(corpus, 'repo-b', 'net'), '');
    fs.mkdirSync(path.join(corpus, '.hidden'));
    const out = path.join(tmp, 'after.json');
    const r = run(['--cli', path.join(fixtures, 'fake-cli.mjs'), '--corpus', corpus, '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    const result = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.deepEqual(Object.keys(result.repos), ['repo-a', 'repo-b']);
    assert.equal(result.repos['repo-a'].commit, 'commit-a');
    assert.equal(result.repos['repo-b'].commit, null);
    assert.deepEqual(result.repos['repo-a'].byFormat, { python: 1 });
    assert.deepEqual(result.byRule, { SML999: 2 });
    assert.deepEqual(result.findings.map((f: { file: string }) => f.file), ['repo-a/deploy.py', 'repo-b/main.tf']);
    // the CLI's attempt to open a socket failed at once
    const net = result.findings.find((f: { repo: string }) => f.repo === 'repo-b');
    assert.match(net.message, /network: survey: network access blocked/);
    assert.match(result.findings[0].message, /network: not tried/);
    assert.match(r.stdout, /2 findings in 2 repositories \(0 failed runs, 0 rule errors\)/);
  });

  it('records a CLI that fails as a failed run, and goes on', () => {
    const corpus = path.join(tmp, 'corpus');
    fs.cpSync(path.join(fixtures, 'corpus'), corpus, { recursive: true });
    const cli = path.join(tmp, 'broken.mjs');
    fs.writeFileSync(cli, "process.stderr.write('boom\\u001b[31m\\n'); process.exit(2);\n");
    const r = run(['--cli', cli, '--corpus', corpus, '--out', path.join(tmp, 'o.json')]);
    assert.equal(r.status, 0, r.stderr);
    const result = JSON.parse(fs.readFileSync(path.join(tmp, 'o.json'), 'utf8'));
    assert.match(result.repos['repo-a'].error, /^exit 2: boom\?\[31m$/);
    assert.match(r.stdout, /0 findings in 2 repositories \(2 failed runs/);
  });

  it('draws a seeded sample of the NEW findings, stratified by rule in proportion, with at least one per rule', () => {
    // 16 new findings: 10 SML304, 5 SML301, 1 SML101; nothing before.
    const finding = (rule: string, line: number) => ({ repo: 'repo-a', file: 'repo-a/deploy.py', format: 'python', rule, severity: 'info', line, column: 1, endLine: line, message: `${rule} at ${line}` });
    const rules = [...Array(10).fill('SML304'), ...Array(5).fill('SML301'), 'SML101'];
    const after = { cli: 'x', corpus: 'x', createdAt: 'x', repos: { 'repo-a': {} }, byRule: { SML304: 10, SML301: 5, SML101: 1 }, findings: rules.map((rule, i) => finding(rule, i + 1)) };
    const before = { cli: 'x', corpus: 'x', createdAt: 'x', repos: { 'repo-a': {} }, byRule: {}, findings: [] };
    fs.writeFileSync(path.join(tmp, 'after.json'), JSON.stringify(after));
    fs.writeFileSync(path.join(tmp, 'before.json'), JSON.stringify(before));
    const draw = (seed: string, out: string) => run(['--in', path.join(tmp, 'after.json'), '--compare', path.join(tmp, 'before.json'), '--md', path.join(tmp, 'cmp.md'), '--sample', '6', '--seed', seed, '--sample-md', path.join(tmp, out)]);

    const r = draw('7', 's1.md');
    assert.equal(r.status, 0, r.stderr);
    // 6 in proportion is 3.75 / 1.875 / 0.375: floors 3 + 1 + 0, the two left go to the largest remainders
    // (SML301, then SML304), and SML101 still gets its one: 7 in all.
    assert.match(r.stdout, /sample of 7 new findings \(seed 7; SML101 1\/1, SML301 2\/5, SML304 4\/10\) -> /);
    const text = fs.readFileSync(path.join(tmp, 's1.md'), 'utf8');
    assert.match(text, /\| SML304 \| 10 \| 4 \|/);
    const labels = [...text.matchAll(/^#### S(\d+)\/N(\d+) (SML\d+) /gm)].map((m) => ({ s: Number(m[1]), n: Number(m[2]), rule: m[3] }));
    assert.deepEqual(labels.map((l) => l.s), [1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(labels.map((l) => l.rule).sort(), ['SML101', 'SML301', 'SML301', 'SML304', 'SML304', 'SML304', 'SML304']);
    // N numbers point into the comparison's NEW list (ordered by rule), in that order, without repeats
    const ns = labels.map((l) => l.n);
    assert.deepEqual(ns, [...ns].sort((a, b) => a - b));
    assert.equal(new Set(ns).size, 7);
    const cmp = fs.readFileSync(path.join(tmp, 'cmp.md'), 'utf8');
    for (const l of labels) assert.match(cmp, new RegExp(`#### N${l.n} ${l.rule} `));

    // the same seed draws the same sample; over a few seeds the draw of SML304 changes
    assert.equal(draw('7', 's2.md').status, 0);
    assert.equal(fs.readFileSync(path.join(tmp, 's2.md'), 'utf8'), text);
    const picks = new Set<string>();
    for (const seed of ['1', '2', '3', '4', '5']) {
      assert.equal(draw(seed, 's3.md').status, 0);
      picks.add([...fs.readFileSync(path.join(tmp, 's3.md'), 'utf8').matchAll(/^#### S\d+\/N(\d+) SML304 /gm)].map((m) => m[1]).join(','));
    }
    assert.ok(picks.size > 1, 'the seed changes the draw');

    // asking for more than there is draws everything once
    const all = run(['--in', path.join(tmp, 'after.json'), '--compare', path.join(tmp, 'before.json'), '--md', path.join(tmp, 'cmp.md'), '--sample', '100', '--sample-md', path.join(tmp, 's4.md')]);
    assert.equal(all.status, 0, all.stderr);
    assert.match(all.stdout, /sample of 16 new findings \(seed 1; SML101 1\/1, SML301 5\/5, SML304 10\/10\)/);
  });

  it('answers a usage mistake with one line and exit 2', () => {
    for (const args of [[], ['--in', path.join(fixtures, 'after.json')], ['--cli', path.join(tmp, 'none.js'), '--corpus', tmp, '--out', path.join(tmp, 'o.json')], ['--in', path.join(fixtures, 'corpus', 'repo-a', 'deploy.py'), '--compare', path.join(fixtures, 'before.json')], ['--bogus'],
      ['--in', path.join(fixtures, 'after.json'), '--compare', path.join(fixtures, 'before.json'), '--sample', '0'],
      ['--in', path.join(fixtures, 'after.json'), '--compare', path.join(fixtures, 'before.json'), '--sample', 'ten'],
      ['--in', path.join(fixtures, 'after.json'), '--compare', path.join(fixtures, 'before.json'), '--seed', '3'],
      ['--in', path.join(fixtures, 'after.json'), '--compare', path.join(fixtures, 'before.json'), '--sample', '2', '--seed', '-1'],
      ['--cli', path.join(tmp, 'none.js'), '--corpus', tmp, '--out', path.join(tmp, 'o.json'), '--sample', '2']]) {
      const r = run(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr.split('\n')[0], /^survey: /);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
  });
});
