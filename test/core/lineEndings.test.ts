import * as assert from 'node:assert/strict';
import { applyFixes, lineEndingOf, withLineEnding } from '../../src/core/applyFixes';
import { resolveRuleSettings } from '../../src/core/config';
import { LineIndex, lineEndAt, lineStartAt, nextLineStart } from '../../src/core/lineIndex';
import { createTestLinter } from '../kit/languages';
import { notebookJson } from '../kit/notebook';

const linter = createTestLinter();
const settings = resolveRuleSettings(linter.rules);

/** Lints a text and applies every fix of the first pass (whatever its applicability). */
function fixed(fileName: string, text: string): string {
  const fixes = linter.lint(fileName, text, { settings }).findings.flatMap((f) => (f.fix ? [f.fix] : []));
  assert.ok(fixes.length, `${fileName}: no fix to apply`);
  return applyFixes(text, fixes).text;
}

const crlf = (text: string) => text.replace(/\n/g, '\r\n');
const bareLf = (text: string) => /(^|[^\r])\n/.test(text);

/** One input per format, each with a fix that writes a line break, and the LF output it gets. */
const cases: Array<{ file: string; lf: string; output: string }> = [
  {
    file: 'train.py',
    lf: 'import sagemaker\nfrom sagemaker.pytorch import PyTorch\n\nest = PyTorch(entry_point="train.py", role="r", instance_type="ml.m5.xlarge", instance_count=1, framework_version="2.1", py_version="py310", use_spot_instances=True, max_wait=7200, checkpoint_s3_uri="s3://b/c")\npredictor = est.deploy(initial_instance_count=1, instance_type="ml.m5.xlarge")\n',
    output: 'from sagemaker.serverless import ServerlessInferenceConfig\n',
  },
  {
    file: 'template.yaml',
    lf: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: /aws/sagemaker/Endpoints/x\n",
    output: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 30\n      LogGroupName: /aws/sagemaker/Endpoints/x\n",
  },
  {
    file: 'template.json',
    lf: '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "Logs": {\n      "Type": "AWS::Logs::LogGroup",\n      "Properties": {\n        "LogGroupName": "/aws/sagemaker/Endpoints/x"\n      }\n    }\n  }\n}\n',
    output: '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "Logs": {\n      "Type": "AWS::Logs::LogGroup",\n      "Properties": {\n        "RetentionInDays": 30,\n        "LogGroupName": "/aws/sagemaker/Endpoints/x"\n      }\n    }\n  }\n}\n',
  },
  {
    file: 'main.tf',
    lf: 'resource "aws_cloudwatch_log_group" "l" {\n  name = "/aws/sagemaker/Endpoints/x"\n}\n',
    output: 'resource "aws_cloudwatch_log_group" "l" {\n  retention_in_days = 30\n  name = "/aws/sagemaker/Endpoints/x"\n}\n',
  },
  {
    file: 'stack.ts',
    lf: "import * as cdk from 'aws-cdk-lib';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\n\nconst app = new cdk.App();\nconst stack = new cdk.Stack(app, 'S');\nnew s3.Bucket(stack, 'Data', {\n  versioned: true,\n});\n",
    output: "new s3.Bucket(stack, 'Data', {\n  versioned: true,\n  lifecycleRules: [{ transitions: [{ storageClass: s3.StorageClass.INTELLIGENT_TIERING, transitionAfter: cdk.Duration.days(0) }], noncurrentVersionExpiration: cdk.Duration.days(30) }],\n});\n",
  },
  {
    file: 'app.py',
    lf: 'import aws_cdk as cdk\nfrom aws_cdk import aws_s3 as s3\n\napp = cdk.App()\nstack = cdk.Stack(app, "S")\ns3.Bucket(stack, "Data",\n    versioned=True,\n)\n',
    output: 's3.Bucket(stack, "Data",\n    versioned=True,\n    lifecycle_rules=[s3.LifecycleRule(transitions=[s3.Transition(storage_class=s3.StorageClass.INTELLIGENT_TIERING, transition_after=cdk.Duration.days(0))], noncurrent_version_expiration=cdk.Duration.days(30))],\n)\n',
  },
];

describe('line endings of fixes', () => {
  for (const { file, lf, output } of cases) {
    it(`${file}: a CRLF file gets the LF file's fixes with CRLF line breaks, byte for byte`, () => {
      const fromLf = fixed(file, lf);
      assert.ok(fromLf.includes(output), `${file}: the LF fix is ${JSON.stringify(fromLf)}`);
      const fromCrlf = fixed(file, crlf(lf));
      assert.equal(fromCrlf, crlf(fromLf));
      assert.ok(!bareLf(fromCrlf));
    });
  }

  it('a notebook saved with CRLF (the JSON and the cell texts) gets CRLF in both, and otherwise the LF notebook\'s fixes', () => {
    const cells = ['import sagemaker\nfrom sagemaker.pytorch import PyTorch\n', 'est = PyTorch(entry_point="train.py", role="r", instance_type="ml.m5.xlarge", instance_count=1, framework_version="2.1", py_version="py310", use_spot_instances=True, max_wait=7200, checkpoint_s3_uri="s3://b/c")\npredictor = est.deploy(initial_instance_count=1, instance_type="ml.m5.xlarge")'];
    const fromLf = fixed('explore.ipynb', notebookJson(cells));
    const out = fixed('explore.ipynb', crlf(notebookJson(cells.map(crlf))));
    // The same fixes (an import in the imports' cell, a serverless config, a teardown cell), every break CRLF.
    assert.equal(out, crlf(fromLf).replace(/\\n/g, '\\r\\n'));
    assert.ok(!bareLf(out), 'a bare LF in the raw JSON');
    const sources = (JSON.parse(out) as { cells: Array<{ source: string[] }> }).cells.map((c) => c.source.join(''));
    assert.ok(sources[0].includes('from sagemaker.pytorch import PyTorch\r\nfrom sagemaker.serverless import ServerlessInferenceConfig\r\n'), JSON.stringify(sources[0]));
    assert.ok(sources.every((s) => !bareLf(s)), `a bare LF in a cell: ${JSON.stringify(sources)}`);
  });

  it('a notebook whose JSON is CRLF but whose cells hold LF keeps LF in the cells', () => {
    const cells = ['import sagemaker\nfrom sagemaker.pytorch import PyTorch\n', 'est = PyTorch(entry_point="train.py", role="r", instance_type="ml.m5.xlarge", instance_count=1, framework_version="2.1", py_version="py310", use_spot_instances=True, max_wait=7200, checkpoint_s3_uri="s3://b/c")\npredictor = est.deploy(initial_instance_count=1, instance_type="ml.m5.xlarge")'];
    const out = fixed('explore.ipynb', crlf(notebookJson(cells)));
    assert.ok(!bareLf(out), 'a bare LF in the raw JSON');
    const sources = (JSON.parse(out) as { cells: Array<{ source: string[] }> }).cells.map((c) => c.source.join(''));
    assert.ok(sources[0].includes('import PyTorch\nfrom sagemaker.serverless import ServerlessInferenceConfig\n'), JSON.stringify(sources[0]));
    assert.ok(sources.every((s) => !s.includes('\r')));
  });

  it('a file of lone CR line breaks: findings on their own lines, fixes written with CR', () => {
    const lf = cases[0].lf;
    const cr = lf.replace(/\n/g, '\r');
    const lines = (text: string) => linter.lint('train.py', text, { settings }).findings.map((f) => `${f.ruleId}@${f.line}:${f.column}-${f.endLine}:${f.endColumn}`);
    assert.deepEqual(lines(cr), lines(lf));
    assert.ok(lines(cr).some((l) => !l.includes('@1:')));
    const out = fixed('train.py', cr);
    assert.ok(!out.includes('\n'), JSON.stringify(out));
    assert.equal(out, fixed('train.py', lf).replace(/\n/g, '\r'));
  });

  it('a file of lone CR line breaks: a fix lays out a call written one argument per line as in the LF file', () => {
    // The added keyword goes on its own line, indented like the others (it was joined to the
    // last argument's line when the line's start was searched for by a \n only).
    const lf = 'import sagemaker\nfrom sagemaker.pytorch import PyTorch\n\nif True:\n    estimator = PyTorch(\n        entry_point="train.py",\n        role="r",\n        instance_type="ml.p3.2xlarge",\n        instance_count=1,\n    )\n    estimator.fit("s3://b/t")\n';
    const out = fixed('train.py', lf.replace(/\n/g, '\r'));
    assert.ok(out.includes('\r        rules=['), JSON.stringify(out));
    assert.equal(out, fixed('train.py', lf).replace(/\n/g, '\r'));
  });

  it('lineStartAt, lineEndAt and nextLineStart stop at LF, CRLF and lone CR breaks', () => {
    const text = 'ab\rcd\r\nef\ngh';
    assert.deepEqual([0, 2, 3, 4, 5, 7, 9, 11, 12].map((o) => lineStartAt(text, o)), [0, 0, 3, 3, 3, 7, 7, 10, 10]);
    assert.deepEqual([0, 2, 3, 5, 7, 10].map((o) => lineEndAt(text, o)), [2, 2, 5, 5, 9, 12]);
    assert.deepEqual([0, 3, 7, 10].map((o) => nextLineStart(text, o)), [3, 7, 10, 12]);
  });

  it('LineIndex counts LF, CRLF and lone CR breaks as editors do', () => {
    const index = new LineIndex('a\rb\r\nc\nd\r');
    assert.equal(index.lineCount, 5);
    assert.deepEqual([0, 1, 2, 3, 4].map((l) => index.lineText(l)), ['a', 'b', 'c', 'd', '']);
    assert.deepEqual(index.positionAt(2), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(5), { line: 2, character: 0 });
    assert.equal(index.eol, '\r');
    assert.equal(new LineIndex('x\r\ny\n').eol, '\r\n');
    assert.equal(new LineIndex('x\ny\r\n').eol, '\n');
    assert.equal(new LineIndex('no break').eol, '\n');
  });

  it('withLineEnding writes every break of an edit as the file does', () => {
    assert.equal(withLineEnding('a\nb\r\nc\rd', '\r\n'), 'a\r\nb\r\nc\r\nd');
    assert.equal(withLineEnding('a\r\nb', '\n'), 'a\nb');
    assert.equal(lineEndingOf('x\r\n'), '\r\n');
    assert.equal(lineEndingOf('x\ry\n'), '\r');
    // applyFixes itself writes the file's break, whatever the edit says.
    assert.equal(applyFixes('a\r\nb\r\n', [{ title: 't', applicability: 'safe', edits: [{ start: 3, end: 3, text: 'x\n' }] }]).text, 'a\r\nx\r\nb\r\n');
  });
});
