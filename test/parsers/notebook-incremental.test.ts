import * as assert from 'node:assert/strict';
import { resolveRuleSettings } from '../../src/core/config';
import { Linter } from '../../src/core/engine';
import type { Edit, Language } from '../../src/core/types';
import { estimateFigures } from '../../src/linter';
import { NotebookReader, readNotebookAfterEdit } from '../../src/parsers/notebook/incremental';
import type { NotebookCode, NotebookRead } from '../../src/parsers/notebook/ipynb';
import { readNotebook } from '../../src/parsers/notebook/ipynb';
import { createNotebookLanguage } from '../../src/parsers/notebook/language';
import { allRules } from '../../src/rules';
import { testLanguages } from '../kit/languages';
import { notebookJson } from '../kit/notebook';

/** A small seeded generator (mulberry32), so a failing case can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const int = (rnd: Random, n: number): number => Math.floor(rnd() * n);
const pick = <T>(rnd: Random, items: readonly T[]): T => items[int(rnd, items.length)];

const codeLines = [
  'x = 1',
  'est = PyTorch(entry_point="train.py", instance_type="ml.p3.2xlarge", instance_count=1)',
  'est.fit()',
  '%pip install -q sagemaker',
  '!aws s3 ls',
  'files = !ls',
  'print("é \\t \\"q\\" \\\\ ")',
  '    %store x',
  'if ok:',
  '    y = 2',
  '',
  '# comment with % and !',
  'predictor = est.deploy(initial_instance_count=1, instance_type="ml.m5.xlarge")',
];

function randomCell(rnd: Random): string {
  const choice = rnd();
  if (choice < 0.08) return '';
  const lines: string[] = [];
  if (choice < 0.25) lines.push(pick(rnd, ['%%bash', '%%capture out', '%%time', '%%sql']));
  for (let n = 1 + int(rnd, 5); n > 0; n--) lines.push(pick(rnd, codeLines));
  return lines.join('\n') + (rnd() < 0.5 ? '\n' : '');
}

/** A notebook of a random shape: cell kinds, source forms, line endings, indentation, escapes, ids, kernel. */
function randomNotebook(rnd: Random): string {
  const cellEol = rnd() < 0.3 ? '\r\n' : '\n';
  const minor = rnd() < 0.5 ? 5 : 4;
  const form = pick(rnd, ['list', 'string', 'mixed']);
  const cells = [];
  for (let n = int(rnd, 7); n >= 0; n--) {
    const text = randomCell(rnd).replace(/\n/g, cellEol);
    const asList = form === 'list' || (form === 'mixed' && rnd() < 0.5);
    const source = asList ? text.split(/(?<=\n)/).filter((l) => l !== '') : text;
    const id = minor === 5 ? { id: rnd() < 0.2 ? 'greenml-teardown' : `c${n}` } : {};
    const kind = rnd();
    if (kind < 0.7) cells.push({ cell_type: 'code', execution_count: null, ...id, metadata: {}, outputs: [], source });
    else cells.push({ cell_type: kind < 0.9 ? 'markdown' : 'raw', ...id, metadata: {}, source });
  }
  const language = rnd() < 0.9 ? 'python' : 'R';
  const notebook = { cells, metadata: { kernelspec: { display_name: 'Kernel', language, name: 'k' } }, nbformat: 4, nbformat_minor: minor };
  let raw = JSON.stringify(notebook, null, pick(rnd, [0, 1, 1, 2])) + '\n';
  if (rnd() < 0.3) raw = raw.replace(/é/g, '\\u00e9');
  if (rnd() < 0.2) raw = raw.replace(/\//g, '\\/');
  return rnd() < 0.3 ? raw.replace(/\n/g, '\r\n') : raw;
}

interface RawEdit {
  start: number;
  end: number;
  text: string;
}

/** Pieces of raw JSON text an edit inserts: valid escapes, and text that breaks a string or the structure. */
const validPieces = ['a', 'x = 2', ' ', '\\n', '\\"', '\\u00e9', 'é', '%%bash\\n', '!ls', '%store y', '\\\\', '\\t', '\\r\\n', '\u2028', '\\/', 'est.fit()\\n'];
const breakingPieces = ['"', '\\', '\n', '\u0001', '\\x', '\\u00g1', '", "', '],', '{'];

function literalsOf(code: NotebookCode | undefined): Array<{ offset: number; length: number }> {
  return code ? code.cells.flatMap((c) => c.literals.map((l) => ({ offset: c.sourceOffset + l.sourceAt, length: l.length }))) : [];
}

/** Offsets in a literal's content where an escape does not start or end inside (where an insertion keeps it valid). */
function boundaries(raw: string, literal: { offset: number; length: number }): number[] {
  const out: number[] = [];
  const close = literal.offset + literal.length - 1;
  for (let i = literal.offset + 1; i <= close; ) {
    out.push(i);
    i += raw[i] !== '\\' ? 1 : raw[i + 1] === 'u' ? 6 : 2;
  }
  return out;
}

function randomText(rnd: Random, pieces: readonly string[]): string {
  let text = '';
  for (let n = int(rnd, 4); n > 0; n--) text += pick(rnd, pieces);
  return text;
}

type EditKind = 'valid' | 'literal' | 'boundary' | 'acrossQuote' | 'deleteQuote' | 'metadata' | 'anywhere';

function randomEdit(rnd: Random, raw: string, code: NotebookCode | undefined): { kind: EditKind; edit: RawEdit } {
  const literals = literalsOf(code);
  const kinds: EditKind[] = literals.length ? ['valid', 'valid', 'valid', 'literal', 'literal', 'boundary', 'acrossQuote', 'deleteQuote', 'metadata', 'anywhere'] : ['metadata', 'anywhere'];
  const kind = pick(rnd, kinds);
  const literal = literals.length ? pick(rnd, literals) : { offset: 0, length: 0 };
  const close = literal.offset + literal.length - 1;
  switch (kind) {
    case 'valid': {
      // Between two characters of the content, a valid piece, or a deletion of whole characters.
      const spots = boundaries(raw, literal);
      const a = int(rnd, spots.length);
      const b = rnd() < 0.5 ? a : Math.min(spots.length - 1, a + int(rnd, 4));
      return { kind, edit: { start: spots[a], end: spots[b], text: rnd() < 0.2 && a !== b ? '' : randomText(rnd, validPieces) } };
    }
    case 'literal': {
      const start = literal.offset + 1 + int(rnd, literal.length - 1);
      const end = Math.min(close, start + int(rnd, 4));
      return { kind, edit: { start, end, text: randomText(rnd, rnd() < 0.5 ? validPieces : [...validPieces, ...breakingPieces]) } };
    }
    case 'boundary': {
      const at = pick(rnd, [literal.offset, literal.offset + 1, close, close + 1]);
      return { kind, edit: { start: at, end: Math.min(raw.length, at + int(rnd, 2)), text: pick(rnd, ['', 'a', '"', '\\n', ' ', ',']) } };
    }
    case 'acrossQuote': {
      const start = rnd() < 0.5 ? literal.offset - int(rnd, 3) : literal.offset + 1 + int(rnd, literal.length - 1);
      return { kind, edit: { start: Math.max(0, start), end: Math.min(raw.length, close + 1 + int(rnd, 3)), text: randomText(rnd, validPieces) } };
    }
    case 'deleteQuote': {
      const at = rnd() < 0.5 ? literal.offset : close;
      return { kind, edit: { start: at, end: at + 1, text: '' } };
    }
    case 'metadata': {
      const targets: Array<[RegExp, string]> = [
        [/"language": "python"/, '"language": "R"'],
        [/"language": "R"/, '"language": "python"'],
        [/"nbformat_minor": 4/, '"nbformat_minor": 5'],
        [/"cell_type": "code"/, '"cell_type": "markdown"'],
        [/"cell_type": "markdown"/, '"cell_type": "code"'],
        [/"id": "c\d+"/, '"id": "greenml-teardown"'],
        [/"display_name": "Kernel"/, '"display_name": "Python 3 (\\"x\\")"'],
      ];
      const found = targets.map(([re, to]) => ({ match: re.exec(raw), to })).filter((t) => t.match);
      if (!found.length) return { kind, edit: { start: raw.length, end: raw.length, text: ' ' } };
      const { match, to } = pick(rnd, found);
      return { kind, edit: { start: match!.index, end: match!.index + match![0].length, text: to } };
    }
    case 'anywhere': {
      const start = int(rnd, raw.length + 1);
      return { kind, edit: { start, end: Math.min(raw.length, start + int(rnd, 3)), text: randomText(rnd, ['{', '}', '"', ',', 'a', ' ', '\n', '[', ']', ':', '1', '\\n']) } };
    }
  }
}

const apply = (raw: string, e: RawEdit): string => raw.slice(0, e.start) + e.text + raw.slice(e.end);

/** The cells without the escape tables each literal reads on first use (whether read yet is not observable). */
function plainCells(code: NotebookCode): unknown {
  return code.cells.map((c) => ({ ...c, literals: c.literals.map(({ escapes: _, ...l }) => l) }));
}

/** Edits of the document to map into the file: in and around each cell, at the end (a new cell), after a cell. */
function sampleEdits(rnd: Random, code: NotebookCode): Edit[] {
  const texts = ['', 'x', 'a\nb', 'use_spot_instances=True', '\n', 'z\n', 'p\r\nq'];
  const edits: Edit[] = [
    { start: code.appendAt, end: code.appendAt, text: '\npredictor.delete_endpoint()\n' },
    { start: code.appendAt, end: code.appendAt, text: 'a\nb' },
  ];
  for (const cell of code.cells) {
    const from = cell.start + int(rnd, cell.end - cell.start + 1);
    edits.push({ start: from, end: from + int(rnd, cell.end - from + 1), text: pick(rnd, texts) });
    edits.push({ start: cell.end + 1, end: cell.end + 1, text: 'import os\n' });
    edits.push({ start: cell.end, end: cell.end, text: pick(rnd, texts) });
  }
  for (let n = 0; n < 4; n++) {
    const start = int(rnd, code.text.length + 2);
    edits.push({ start, end: start + int(rnd, 5), text: pick(rnd, texts) });
  }
  return edits;
}

/** Everything a caller can observe of a read, compared between a read from the previous one and a full read. */
function assertSameRead(actual: NotebookRead, expected: NotebookRead, rnd: Random, where: string): void {
  if (!expected.ok || !actual.ok) {
    assert.deepEqual(actual, expected, where);
    return;
  }
  const [a, e] = [actual.code, expected.code];
  assert.equal(a.raw, e.raw, where);
  assert.equal(a.text, e.text, where);
  assert.equal(a.appendAt, e.appendAt, where);
  assert.deepEqual(a.layout, e.layout, where);
  assert.deepEqual(plainCells(a), plainCells(e), where);
  assert.deepEqual(a.blocks(), e.blocks(), where);
  assert.deepEqual(a.cellFacts(), e.cellFacts(), where);
  assert.deepEqual(a.magics(), e.magics(), where);
  for (let offset = 0; offset <= e.text.length + 1; offset++) {
    assert.equal(a.toFile(offset), e.toFile(offset), `${where}: toFile(${offset})`);
  }
  for (let n = 0; n < 12; n++) {
    const start = int(rnd, e.text.length + 2);
    const end = start + int(rnd, 40) - 5;
    assert.deepEqual(a.cellRange(start, end), e.cellRange(start, end), `${where}: cellRange(${start}, ${end})`);
  }
  for (const edit of sampleEdits(rnd, e)) {
    assert.deepEqual(a.mapEdit(edit), e.mapEdit(edit), `${where}: mapEdit(${JSON.stringify(edit)})`);
  }
}

/** A digest of a read, to see that reading from it later leaves it as it was. */
function digest(code: NotebookCode): string {
  const offsets = Array.from({ length: code.text.length + 1 }, (_, i) => code.toFile(i));
  return JSON.stringify([code.raw, code.text, plainCells(code), code.layout, code.magics(), offsets]);
}

describe('notebooks read again after an edit', () => {
  it('equal a full read in everything observable, for seeded random edits (chains of them, in every notebook shape)', function () {
    this.timeout(120_000);
    const taken: Record<EditKind, { edits: number; incremental: number }> = {
      valid: { edits: 0, incremental: 0 },
      literal: { edits: 0, incremental: 0 },
      boundary: { edits: 0, incremental: 0 },
      acrossQuote: { edits: 0, incremental: 0 },
      deleteQuote: { edits: 0, incremental: 0 },
      metadata: { edits: 0, incremental: 0 },
      anywhere: { edits: 0, incremental: 0 },
    };
    let errors = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const rnd = prng(seed);
      let raw = randomNotebook(rnd);
      let previous = readNotebook(raw);
      for (let step = 0; step < 8; step++) {
        const code = previous.ok ? previous.code : undefined;
        const { kind, edit } = randomEdit(rnd, raw, code);
        const before = code && digest(code);
        raw = apply(raw, edit);
        const where = `seed ${seed} step ${step} (${kind} ${JSON.stringify(edit)})`;
        const full = readNotebook(raw);
        const incremental = code && readNotebookAfterEdit(code, raw);
        taken[kind].edits++;
        if (incremental) {
          taken[kind].incremental++;
          assert.ok(full.ok, `${where}: read from the previous one although the file does not read`);
          assertSameRead({ ok: true, code: incremental }, full, rnd, where);
          assert.equal(digest(code), before, `${where}: the previous read changed`);
        } else if (kind === 'valid' && code?.cells.length) {
          assert.fail(`${where}: an edit inside a cell's string was read in full`);
        }
        if (!full.ok) errors++;
        // The next edit starts from what the reader would keep: the read from the previous one when there is one.
        if (incremental) previous = { ok: true, code: incremental };
        else if (full.ok || !previous.ok) previous = full;
        else raw = previous.code.raw;
      }
    }
    // The generator reaches every path: reads from the previous one, full reads, and files that do not read.
    assert.ok(taken.valid.incremental > 400, JSON.stringify(taken));
    assert.ok(taken.literal.incremental > 100 && taken.literal.incremental < taken.literal.edits, JSON.stringify(taken));
    for (const kind of ['acrossQuote', 'deleteQuote', 'metadata', 'anywhere'] as const) assert.ok(taken[kind].incremental < taken[kind].edits, `${kind}: ${JSON.stringify(taken)}`);
    assert.equal(taken.deleteQuote.incremental, 0);
    assert.ok(errors > 50, `files that do not read: ${errors}`);
  });

  it('a single-string cell: an escape typed in the middle, the cell magic changed, a line break added', () => {
    const first = notebookJson(['x = 1\n', '%%capture out\nest = 1\n', 'y = 2'], { form: 'string' });
    let code = readOk(first);
    for (const [from, to] of [['est = 1', 'est = \\"é\\u00e9\\"'], ['%%capture', '%%bash'], ['y = 2', 'y = 2\\n%pip install x\\n'], ['\\"é', '\\"']]) {
      const raw = code.raw.replace(from, to);
      const next = readNotebookAfterEdit(code, raw);
      assert.ok(next, `${from} → ${to}`);
      assertSameRead({ ok: true, code: next }, readNotebook(raw), prng(1), `${from} → ${to}`);
      code = next;
    }
  });

  it('reads in full what changes more than a cell string: a quote, a cell type, the kernel, an output', () => {
    const raw = notebookJson(['x = "a"\n', { markdown: '# title\n' }]);
    const code = readOk(raw);
    assert.equal(readNotebookAfterEdit(code, raw.replace('x = \\"a\\"', 'x = "a"')), undefined);
    assert.equal(readNotebookAfterEdit(code, raw.replace('"cell_type": "code"', '"cell_type": "raw"')), undefined);
    assert.equal(readNotebookAfterEdit(code, raw.replace('"language": "python"', '"language": "R"')), undefined);
    assert.equal(readNotebookAfterEdit(code, raw.replace('"outputs": []', '"outputs": [1]')), undefined);
    assert.equal(readNotebookAfterEdit(code, raw.replace('# title', '# titles')), undefined, 'a markdown cell');
    assert.equal(readNotebookAfterEdit(code, raw.replace('x = ', 'x =\\q ')), undefined, 'an invalid escape');
    assert.equal(readNotebookAfterEdit(code, raw), code, 'the same text is the same read');
  });
});

function readOk(raw: string): NotebookCode {
  const read = readNotebook(raw);
  assert.ok(read.ok);
  return read.code;
}

describe('NotebookReader', () => {
  const base = notebookJson(['est = PyTorch(entry_point="train.py")\n', 'x = 1\n']);
  const edited = (i: number): string => base.replace('train.py', `train_${i}.py`);

  it('reads a file edited inside a cell from its previous read, and two files edited in turn each from its own', () => {
    const reader = new NotebookReader();
    reader.read('a.ipynb', edited(0));
    reader.read('b.ipynb', edited(0));
    assert.deepEqual(reader.stats, { full: 2, incremental: 0 });
    for (let i = 1; i <= 10; i++) {
      for (const file of ['a.ipynb', 'b.ipynb']) assertSameRead(reader.read(file, edited(i * 2 + file.length)), readNotebook(edited(i * 2 + file.length)), prng(i), file);
    }
    assert.deepEqual(reader.stats, { full: 2, incremental: 20 });
    reader.read('a.ipynb', edited(1).replace('"x = 1\\n"', '"x = 1\\n", "y = 2"'));
    assert.deepEqual(reader.stats, { full: 3, incremental: 20 });
  });

  it('keeps the reads of the 16 files last read: a 17th in turn evicts the oldest, and memory does not grow with the files', () => {
    const reader = new NotebookReader();
    for (let round = 0; round < 3; round++) {
      for (let file = 0; file < 17; file++) reader.read(`${file}.ipynb`, edited(round));
      assert.equal(reader.size, 16);
    }
    assert.deepEqual(reader.stats, { full: 51, incremental: 0 }, 'round robin over 17 files: each was evicted before its turn');
    for (let file = 1; file < 17; file++) reader.read(`${file}.ipynb`, edited(7));
    assert.deepEqual(reader.stats, { full: 51, incremental: 16 });
  });

  it('keeps no more characters than its budget: a notebook larger than it is not kept', () => {
    const reader = new NotebookReader(16, base.length * 2 + 20);
    reader.read('a.ipynb', edited(0));
    reader.read('b.ipynb', edited(0));
    reader.read('c.ipynb', edited(0));
    assert.equal(reader.size, 2, 'the oldest went to keep within the budget');
    reader.read('big.ipynb', base + ' '.repeat(base.length * 2));
    assert.equal(reader.size, 2);
    reader.read('b.ipynb', edited(1));
    reader.read('big.ipynb', base + ' '.repeat(base.length * 2));
    assert.deepEqual(reader.stats, { full: 5, incremental: 1 });
  });

  it('a file that stops reading keeps its last good read, and the next good text is read from it', () => {
    const reader = new NotebookReader();
    reader.read('a.ipynb', edited(0));
    const broken = reader.read('a.ipynb', edited(1).replace('"cells": [', '"cells": ['.slice(0, -1)));
    assert.equal(broken.ok, false);
    assertSameRead(reader.read('a.ipynb', edited(2)), readNotebook(edited(2)), prng(2), 'after the broken text');
    assert.deepEqual(reader.stats, { full: 2, incremental: 1 });
  });
});

describe('the notebook language reading an edited file from its previous read', () => {
  const python = testLanguages.find((l) => l.format === 'python') as Language;
  const linterWith = (reader: NotebookReader): Linter => new Linter({ rules: allRules, languages: [python, createNotebookLanguage(python, reader)], figures: estimateFigures });

  it('finds and fixes what a fresh read does, edit after edit, and takes the incremental path', () => {
    const incremental = new NotebookReader();
    const fresh = new NotebookReader(0);
    const [a, b] = [linterWith(incremental), linterWith(fresh)];
    const settings = resolveRuleSettings(a.rules);
    const rnd = prng(7);
    let raw = notebookJson([
      '%pip install -q sagemaker\nfrom sagemaker.pytorch import PyTorch\nINSTANCE = "ml.p3.2xlarge"\n',
      { markdown: '# Train\n' },
      'est = PyTorch(entry_point="train.py", instance_type=INSTANCE, instance_count=1)\nest.fit()\n',
      'predictor = est.deploy(initial_instance_count=1, instance_type="ml.m5.xlarge")\n',
    ]);
    for (let step = 0; step < 12; step++) {
      const read = readOk(raw);
      const literal = pick(rnd, literalsOf(read));
      const spots = boundaries(raw, literal);
      const at = pick(rnd, spots);
      raw = apply(raw, { start: at, end: at, text: pick(rnd, ['x', ' ', '\\n', '\\"', '\\u00e9', '# é\\n']) });
      const [got, want] = [a.lint('a/nb.ipynb', raw, { settings }), b.lint('b/nb.ipynb', raw, { settings })];
      assert.deepEqual(got.findings, want.findings, `step ${step}`);
      assert.equal(got.format, 'notebook');
    }
    assert.deepEqual(incremental.stats, { full: 1, incremental: 11 });
    assert.deepEqual(fresh.stats, { full: 12, incremental: 0 });
  });
});
