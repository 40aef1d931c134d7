import * as assert from 'node:assert/strict';
import { applyFixes } from '../../src/core/applyFixes';
import { resolveRuleSettings } from '../../src/core/config';
import type { Finding, Fix } from '../../src/core/types';
import { neutralise, readNotebook } from '../../src/parsers/notebook/ipynb';
import { createTestLinter } from '../kit/languages';
import { cellSources, notebookJson } from '../kit/notebook';

const linter = createTestLinter();
const settings = resolveRuleSettings(linter.rules);

function lint(text: string): Finding[] {
  const result = linter.lint('nb.ipynb', text, { settings });
  assert.equal(result.format, 'notebook', result.skipped);
  assert.deepEqual(result.ruleErrors, []);
  return result.findings;
}

function fixAll(text: string, findings: readonly Finding[]): string {
  const { text: fixed, conflicting } = applyFixes(text, findings.flatMap((f) => (f.fix ? [f.fix] : [])));
  assert.deepEqual(conflicting, []);
  JSON.parse(fixed);
  return fixed;
}

const imports = 'from sagemaker.pytorch import PyTorch\nINSTANCE = "ml.c5.2xlarge"\n';
const estimator = 'est = PyTorch(entry_point="train.py", instance_type=INSTANCE, instance_count=1)\nest.fit()\n';

describe('notebooks', () => {
  for (const form of ['list', 'string'] as const) {
    describe(`source as ${form === 'list' ? 'a list of lines' : 'one string'}`, () => {
      const text = notebookJson([{ markdown: '# Trainé "fraud"\n' }, `%pip install -q sagemaker\n!aws s3 ls\n${imports}`, `# "quoted" \\ é\n${estimator}`], { form });

      it('finds a call in a later cell, with a constant from an earlier one, at its cell, cell line and raw position', () => {
        const [finding, ...rest] = lint(text);
        assert.deepEqual(rest, []);
        assert.equal(finding.ruleId, 'SML203');
        assert.deepEqual(finding.cell, { index: 2, line: 2, column: 7, endLine: 2, endColumn: 14 });
        assert.equal(text.slice(finding.start, finding.end), 'PyTorch');
        const rawLine = text.split('\n')[finding.line - 1];
        assert.equal(rawLine.slice(finding.column - 1, finding.endColumn - 1), 'PyTorch');
      });

      it('fixes the raw JSON: valid notebook, the same cells with the fix applied, and the finding gone', () => {
        const fixed = fixAll(text, lint(text));
        const cells = cellSources(fixed);
        assert.equal(cells.length, 3);
        assert.equal(cells[2], `# "quoted" \\ é\nest = PyTorch(entry_point="train.py", instance_type=INSTANCE, instance_count=1, use_spot_instances=True, max_wait=172800, checkpoint_s3_uri="s3://<your-bucket>/checkpoints")\nest.fit()\n`);
        assert.deepEqual(lint(fixed), []);
      });

      it('carries the same edit on the cell text for editors', () => {
        const [finding] = lint(text);
        const [edit] = (finding.fix as Fix).edits;
        assert.ok(edit.cell?.kind === 'replace');
        const cellText = cellSources(text)[2];
        const patched = cellText.slice(0, edit.cell.start) + edit.cell.text + cellText.slice(edit.cell.end);
        assert.equal(patched, cellSources(fixAll(text, [finding]))[2]);
      });
    });
  }

  it('a fix adding lines inside a list-form cell adds list elements, one line each', () => {
    const text = notebookJson([imports, 'est = PyTorch(\n    entry_point="train.py",\n    instance_type=INSTANCE,\n)\n']);
    const fixed = fixAll(text, lint(text));
    const source = (JSON.parse(fixed) as { cells: Array<{ source: string[] }> }).cells[1].source;
    assert.deepEqual(source, [
      'est = PyTorch(\n',
      '    entry_point="train.py",\n',
      '    instance_type=INSTANCE,\n',
      '    use_spot_instances=True,\n',
      '    max_wait=172800,\n',
      '    checkpoint_s3_uri="s3://<your-bucket>/checkpoints",\n',
      ')\n',
    ]);
    assert.match(fixed, /^ {4}"    max_wait=172800,\\n",$/m, 'new elements are indented like their neighbours');
  });

  it('a fix adding lines inside a single-string cell writes them as \\n escapes', () => {
    const text = notebookJson([imports, 'est = PyTorch(\n    entry_point="train.py",\n    instance_type=INSTANCE,\n)\n'], { form: 'string' });
    const fixed = fixAll(text, lint(text));
    assert.match(fixed, /"source": "est = PyTorch\(\\n {4}entry_point=\\"train.py\\",\\n {4}instance_type=INSTANCE,\\n {4}use_spot_instances=True,\\n/);
    assert.deepEqual(lint(fixed), []);
  });

  it('a new cell in an nbformat 4.5 notebook gets a cell id, unique in the notebook', () => {
    const text = notebookJson([imports, 'm = PyTorch(entry_point="t.py", instance_type=INSTANCE, use_spot_instances=True, max_wait=7200, checkpoint_s3_uri="s3://b/c")\np = m.deploy(initial_instance_count=1, instance_type="ml.m5.large")\n'])
      .replace('"nbformat_minor": 4', '"nbformat_minor": 5')
      .replace('"cell_type": "code",', '"cell_type": "code",\n   "id": "greenml-teardown",');
    const fixed = applyFixes(text, lint(text).flatMap((f) => (f.fix ? [f.fix] : []))).text;
    const cells = (JSON.parse(fixed) as { cells: Array<{ id?: string; source: string[] }> }).cells;
    assert.equal(cells.length, 3);
    assert.equal(cells[2].id, 'greenml-teardown-2');
    assert.deepEqual(cells[2].source, ['# Delete the endpoint when you are done with it: it bills for every hour it is up.\n', 'p.delete_endpoint()']);
  });

  for (const form of ['list', 'string'] as const) {
    it(`an import added after the last line of a cell saved without a final line break goes into that cell (source as ${form})`, () => {
      const importsCell = 'import sagemaker\nfrom sagemaker.pytorch import PyTorch';
      const text = notebookJson([importsCell, 'est = PyTorch(entry_point="t.py", instance_type="ml.g5.2xlarge", use_spot_instances=True, max_wait=7200, checkpoint_s3_uri="s3://b/c")\n'], { form });
      const finding = lint(text).find((f) => f.ruleId === 'SML208');
      assert.ok(finding?.fix, 'SML208 offers its fix');
      const cells = cellSources(fixAll(text, [finding]));
      assert.equal(cells[0], `${importsCell}\nfrom sagemaker.debugger import ProfilerRule, rule_configs`);
      const importEdit = (finding.fix as Fix).edits.find((e) => e.cell?.kind === 'replace' && e.cell.index === 0);
      assert.ok(importEdit?.cell?.kind === 'replace');
      assert.equal(importsCell.slice(0, importEdit.cell.start) + importEdit.cell.text + importsCell.slice(importEdit.cell.end), cells[0]);
    });
  }

  it('a suppression comment in a cell silences the finding', () => {
    const text = notebookJson([imports, `# greenml-ignore SML203: demo\n${estimator}`]);
    assert.deepEqual(lint(text), []);
  });

  it('broken notebook JSON is one parse error', () => {
    const text = notebookJson([imports]).replace('"cells": [', '"cells": [,');
    const findings = lint(text);
    assert.deepEqual(findings.map((f) => f.ruleId), ['parse-error']);
    assert.match(findings[0].message, /^Notebook JSON: /);
  });

  it('a notebook of another kernel language, and markdown-only or empty notebooks, give nothing', () => {
    const r = notebookJson([`${imports}${estimator}`]).replace('"language": "python"', '"language": "R"');
    assert.deepEqual(lint(r), []);
    assert.deepEqual(lint(notebookJson([{ markdown: 'PyTorch(' }])), []);
    assert.deepEqual(lint('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}'), []);
  });

  it('a non-Python cell magic (%%bash) is not analysed; %%time is', () => {
    const bash = notebookJson([imports, `%%bash\nest = PyTorch(entry_point="x.py", instance_type=INSTANCE)\n`]);
    assert.deepEqual(lint(bash), []);
    const time = notebookJson([imports, `%%time\n${estimator}`]);
    assert.deepEqual(lint(time).map((f) => `${f.ruleId} ${f.cell?.index}:${f.cell?.line}`), ['SML203 1:2']);
  });

  it('an unclosed bracket reports a parse error on its cell', () => {
    const [finding] = lint(notebookJson(['a = 1\n', 'x = (foo(\n', imports, estimator]));
    assert.equal(finding.ruleId, 'parse-error');
    assert.match(finding.message, /\(cell 2, line 1\)$/);
  });

  describe('neutralise', () => {
    it('replaces magics, shell lines and shell assignments with a statement of the same length', () => {
      const cell = '%pip install x\n  !ls -l\nfiles = !ls\nx = a % b\ny != z';
      const { text, neutralised } = neutralise(cell);
      assert.equal(text, '0             \n  0     \nfiles = 0  \nx = a % b\ny != z');
      assert.equal(text.length, cell.length);
      assert.equal(neutralised.length, 3);
    });
  });

  describe('magics', () => {
    it('lists line magics and a Python cell magic\'s first line as written, where they are in the document; not shell lines nor a non-Python cell magic\'s body', () => {
      const text = notebookJson(['x = 1\n%store x  # for 99_cleanup\n!ls\nif ok:\n    %store -r y\n', '%%bash\n%store z\necho hi\n', '%%capture out\nprint(x)\n']);
      const read = readNotebook(text);
      assert.ok(read.ok);
      const magics = read.code.magics();
      assert.deepEqual(magics.map((m) => m.text), ['%store x  # for 99_cleanup', '%store -r y', '%%bash', '%%capture out']);
      for (const magic of magics) assert.equal(read.code.text.slice(magic.start, magic.end).trim()[0], '0');
      assert.equal(read.code.text.slice(magics[1].start - 4, magics[1].start), '    ');
    });
  });

  describe('raw mapping', () => {
    it('maps every character of the cells to its place in the file, escapes included', () => {
      const text = notebookJson(['a = "é\\t\\"x\\""\nb = 1\n', 'c = "\\u00e9"\n'], { form: 'list' });
      const read = readNotebook(text);
      assert.ok(read.ok);
      const code = read.code;
      for (let i = 0; i < code.text.length; i++) {
        const ch = code.text[i];
        if (ch === '\n') continue;
        const raw = code.toFile(i);
        const expected = JSON.stringify(ch).slice(1, -1);
        assert.equal(text.slice(raw, raw + expected.length), expected, `offset ${i} (${ch})`);
      }
    });
  });
});
