import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const script = path.join(root, 'scripts', 'survey.mjs');
const fixtures = path.join(root, 'test', 'survey', 'fixtures');

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

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

  it('answers a usage mistake with one line and exit 2', () => {
    for (const args of [[], ['--in', path.join(fixtures, 'after.json')], ['--cli', path.join(tmp, 'none.js'), '--corpus', tmp, '--out', path.join(tmp, 'o.json')], ['--in', path.join(fixtures, 'corpus', 'repo-a', 'deploy.py'), '--compare', path.join(fixtures, 'before.json')], ['--bogus']]) {
      const r = run(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr.split('\n')[0], /^survey: /);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
  });
});
