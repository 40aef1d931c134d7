import * as assert from 'node:assert/strict';
import { runCliIn as cli, tempProject as project } from '../kit/cliRun';

/**
 * A template whose log group id carries a terminal escape, a bidi override and a newline followed by
 * a forged finding line, in a file whose name carries escapes too.
 */
const forged = 'stack.yaml:1:1  SML101  error  forged finding';
const template = [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Resources:',
  `  "Job\\e[31mLogs\\u202E\\x9B2J\\nstack.yaml:1:1  SML101  error  forged finding":`,
  '    Type: AWS::Logs::LogGroup',
  '    Properties:',
  '      LogGroupName: /aws/sagemaker/TrainingJobs',
  '',
].join('\n');
const fileName = 'evil\u001b]0;pwned\u0007\u202e.yaml';

/** Raw characters a terminal would act on or reorder; `\n` (the output's own lines) allowed. */
const rawControl = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

describe('CLI: control characters from files never reach the terminal raw', () => {
  it('text output: escaped path and message, one line per finding', async () => {
    const dir = project({ [fileName]: template });
    const { code, stdout } = await cli(dir, 'lint');
    assert.equal(code, 1);
    assert.doesNotMatch(stdout, rawControl);
    const findingLines = stdout.split('\n').filter((l) => /^\S.*:\d+:\d+ {2}SML/.test(l));
    assert.equal(findingLines.length, 1, stdout);
    assert.ok(findingLines[0].startsWith('evil\\x1B]0;pwned\\x07\\u202E.yaml:3:3  SML401  warning  Log group Job\\x1B[31mLogs\\u202E\\x9B2J\\nstack.yaml:1:1  SML101'), findingLines[0]);
    assert.ok(!stdout.split('\n').some((l) => l.startsWith(forged)), 'no forged line');
  });

  it('JSON and SARIF: the data intact for a reader, nothing raw for a terminal', async () => {
    const dir = project({ [fileName]: template });
    for (const format of ['json', 'sarif']) {
      const { stdout } = await cli(dir, 'lint', '--format', format);
      assert.doesNotMatch(stdout, rawControl, format);
      assert.ok(stdout.includes('\\u001b[31m') && stdout.includes('\\u202E') && stdout.includes('\\u009B'), format);
      const parsed = JSON.stringify(JSON.parse(stdout));
      assert.ok(parsed.includes('Job\\u001b[31mLogs\u202e\u009b2J\\nstack.yaml'), `${format}: the message reads back unchanged`);
    }
  });

  it('report: Markdown, HTML and JSON', async () => {
    const dir = project({ [fileName]: template });
    for (const format of ['md', 'html', 'json']) {
      const { code, stdout } = await cli(dir, 'report', '--format', format);
      assert.equal(code, 0, format);
      assert.doesNotMatch(stdout, rawControl, format);
      assert.ok(!stdout.split('\n').some((l) => l.startsWith(forged)), `${format}: no forged line`);
    }
    const { stdout: markdown } = await cli(dir, 'report');
    assert.match(markdown, /\| evil\\x1B\\\]0;pwned\\x07\\u202E\.yaml:3:3 \| SML401 log-group-no-retention \| Log group Job\\x1B\\\[31mLogs\\u202E\\x9B2J stack\.yaml/);
  });

  it('stderr: config problems quoting a key, and skipped files, are one escaped line each', async () => {
    const dir = project({ 'greenml.json': '{ "rules": { "SML\\u001b[2J\\nstack.yaml:1:1  SML101  error  forged": "off" } }', 'stack.yaml': template });
    const { code, stderr } = await cli(dir, 'lint');
    assert.equal(code, 2);
    assert.doesNotMatch(stderr, rawControl);
    assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
    assert.match(stderr, /rules\.SML\\x1B\[2J\\nstack\.yaml:1:1 {2}SML101 {2}error {2}forged: unknown rule/);

    const big = project({ [`big\u001b[2J.ipynb`]: `{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5, "pad": "${'x'.repeat(6 * 1024 * 1024)}"}` });
    const skipped = await cli(big, 'lint', `big\u001b[2J.ipynb`);
    assert.doesNotMatch(skipped.stderr, rawControl);
    assert.match(skipped.stderr, /^greenml: skipped big\\x1B\[2J\.ipynb: /m);
  });

  it('usage errors echoing a path', async () => {
    const dir = project({});
    const { code, stderr } = await cli(dir, 'lint', 'missing\u001b[2J\nforged.py');
    assert.equal(code, 2);
    assert.doesNotMatch(stderr, rawControl);
    assert.match(stderr, /no such file or folder: missing\\x1B\[2J\\nforged\.py\n/);
  });
});
