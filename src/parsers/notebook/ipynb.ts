import type { Node as JsonNode } from 'jsonc-parser';
import { findNodeAtLocation, parseTree, printParseErrorCode } from 'jsonc-parser';
import { lineEndingOf, withLineEnding } from '../../core/applyFixes';
import { LineIndex } from '../../core/lineIndex';
import type { CellLocation, Edit, EmbeddedCode } from '../../core/types';
import type { NotebookCellFact, NotebookMagic } from './facts';

/**
 * A Jupyter notebook (nbformat 4) read from its raw JSON, as one Python
 * document the Python analysis can run on (parsers.md §3.2):
 *
 * - the code cells in order, each followed by a blank separator line, so names
 *   bound in an earlier cell resolve in a later one;
 * - IPython magics (`%pip …`), shell lines (`!aws …`, `files = !ls`) and the
 *   bodies of non-Python cell magics (`%%bash`) replaced by a statement of the
 *   same length (`0` and spaces), so lines and columns stay those of the cell;
 * - every offset of that document maps back to its cell and to the exact spot
 *   in the raw file, by walking the JSON string literal and its escapes.
 *
 * Text inserted at {@link NotebookCode.appendAt} (the very end of the document)
 * becomes a new code cell at the end of the notebook.
 */

/** A string literal of a cell's `source`: where its content is in the file and in the cell text. */
export interface Literal {
  /** Where its opening quote is, from the start of the cell's `source` value (so a cell moved in the file keeps its literals). */
  readonly sourceAt: number;
  /** Length in the file, quotes included. */
  readonly length: number;
  /** Offset of its first character in the cell text. */
  readonly cellStart: number;
  /** Decoded length (UTF-16 code units). */
  readonly decoded: number;
  /**
   * Its escapes, read on first use (see `NotebookCode.rawAt`): relative to the literal, so they
   * hold wherever its cell is in the file.
   */
  escapes: { readonly at: readonly number[]; readonly extra: readonly number[] } | undefined;
}

export interface CodeCell {
  /** 0-based over all cells. */
  readonly index: number;
  readonly text: string;
  readonly literals: readonly Literal[];
  /** `source` is a list of lines (nbformat's usual form) rather than one string. */
  readonly list: boolean;
  /** File offset of the `source` value. */
  readonly sourceOffset: number;
  /** Where the cell starts and ends in the document. */
  readonly start: number;
  readonly end: number;
  /** Spans of the cell text replaced because they are not Python. */
  readonly neutralised: ReadonlyArray<{ start: number; end: number }>;
}

/** What a new last cell needs to know of the notebook's JSON, read once from its tree. */
export interface NotebookLayout {
  /** File offset of the `cells` array's `[`, if the notebook has one. */
  readonly cellsOffset: number | undefined;
  /** Number of cells, of any type. */
  readonly cellCount: number;
  /** The last cell's file offset and end, and the offset of its first key (or element). */
  readonly last: { readonly offset: number; readonly end: number; readonly firstKey: number | undefined } | undefined;
  /** The `id` a new cell gets, if the notebook's cells carry ids (nbformat 4.5). */
  readonly newCellId: string | undefined;
}

export type NotebookRead =
  | { ok: true; code: NotebookCode }
  | { ok: false; error: { message: string; start: number; end: number } };

/**
 * Cell magics whose body is Python run in the kernel (sparkmagic's `%%local`: the notebook's own
 * Python, beside cells sent to Spark); every other cell magic's body (`%%bash`, `%%sql`, `%%spark`,
 * `%%configure`) is not linted.
 */
const pythonCellMagics = new Set(['time', 'timeit', 'capture', 'prun', 'debug', 'python', 'python3', 'pypy', 'ipython', 'local']);

export function readNotebook(raw: string): NotebookRead {
  const errors: Array<{ error: number; offset: number; length: number }> = [];
  const root = parseTree(raw, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length || !root) {
    const first = errors[0] ?? { error: 0, offset: 0, length: 0 };
    return { ok: false, error: { message: `Notebook JSON: ${errors.length ? printParseErrorCode(first.error as never) : 'empty file'}`, start: first.offset, end: first.offset + first.length } };
  }
  if (root.type !== 'object') return { ok: false, error: { message: 'not a Jupyter notebook: the file is not a JSON object', start: root.offset, end: root.offset + 1 } };
  return { ok: true, code: notebookFromTree(raw, root) };
}

/** The notebook's code from its JSON tree: the tree is not kept. */
function notebookFromTree(raw: string, root: JsonNode): NotebookCode {
  const cellsNode = findNodeAtLocation(root, ['cells']);
  const all = cellsNode?.type === 'array' ? (cellsNode.children ?? []) : [];
  const cells: CodeCell[] = [];
  let text = '';
  if (isPythonNotebook(root)) {
    all.forEach((node, index) => {
      if (node.type !== 'object' || findNodeAtLocation(node, ['cell_type'])?.value !== 'code') return;
      const source = findNodeAtLocation(node, ['source']);
      const read = source && readSource(source);
      if (!source || !read) return;
      const { text: neutral, neutralised } = neutralise(read.text);
      const start = text.length;
      text += neutral;
      cells.push({ index, text: read.text, literals: read.literals, list: source.type === 'array', sourceOffset: source.offset, start, end: text.length, neutralised });
      text += cellSeparator(neutral);
    });
  }
  const last = all[all.length - 1];
  const minor = findNodeAtLocation(root, ['nbformat_minor'])?.value;
  const ids = all.map((c) => findNodeAtLocation(c, ['id']));
  const needsIds = (typeof minor === 'number' && minor >= 5) || ids.some((id) => id);
  const layout: NotebookLayout = {
    cellsOffset: cellsNode?.type === 'array' ? cellsNode.offset : undefined,
    cellCount: all.length,
    last: last && { offset: last.offset, end: last.offset + last.length, firstKey: last.children?.[0]?.offset },
    newCellId: needsIds ? freshId(new Set(ids.map((id) => id?.value as unknown))) : undefined,
  };
  return new NotebookCode(raw, text, cells, layout);
}

/** What follows a cell's text in the document: a blank line. */
export function cellSeparator(neutral: string): string {
  return neutral.endsWith('\n') ? '\n' : '\n\n';
}

function freshId(taken: ReadonlySet<unknown>): string {
  let id = 'greenml-teardown';
  for (let n = 2; taken.has(id); n++) id = `greenml-teardown-${n}`;
  return id;
}

export class NotebookCode implements EmbeddedCode {
  /** Offset at which inserted text becomes a new last cell. */
  readonly appendAt: number;
  private lines?: LineIndex;

  constructor(
    /** The notebook's JSON as read. */
    readonly raw: string,
    readonly text: string,
    readonly cells: readonly CodeCell[],
    readonly layout: NotebookLayout,
  ) {
    this.appendAt = text.length;
  }

  blocks(): Array<{ start: number; end: number }> {
    return this.cells.map((c) => ({ start: c.start, end: c.end }));
  }

  /** Cell boundaries in the document, for rules that reason about cell order. */
  cellFacts(): NotebookCellFact[] {
    return this.cells.map((c) => ({ index: c.index, start: c.start, end: c.end }));
  }

  /**
   * The IPython magics of the code cells as written (`%store endpoint_name`, `%%capture out`),
   * where each is in the document: line magics, and a cell magic's first line; not the lines of a
   * non-Python cell magic's body, nor shell lines.
   */
  magics(): NotebookMagic[] {
    const magics: NotebookMagic[] = [];
    for (const cell of this.cells) {
      const cellMagic = /^[ \t]*%%(\w+)/.exec(cell.text);
      const body = !!cellMagic && !pythonCellMagics.has(cellMagic[1]);
      for (const span of body ? cell.neutralised.slice(0, 1) : cell.neutralised) {
        const text = cell.text.slice(span.start, span.end);
        if (text.startsWith('%')) magics.push({ start: cell.start + span.start, end: cell.start + span.end, text });
      }
    }
    return magics;
  }

  toFile(offset: number): number {
    const cell = this.cellAt(offset) ?? this.cellBefore(offset);
    if (!cell) return this.layout.cellsOffset !== undefined ? this.layout.cellsOffset + 1 : 0;
    return this.rawAt(cell, Math.min(offset, cell.end) - cell.start);
  }

  cellRange(start: number, end: number): CellLocation | undefined {
    const cell = this.cellAt(start);
    if (!cell) return undefined;
    this.lines ??= new LineIndex(this.text);
    const first = this.lines.positionAt(cell.start).line;
    const s = this.lines.positionAt(start);
    const e = this.lines.positionAt(Math.max(start, Math.min(end, cell.end)));
    return { index: cell.index, line: s.line - first + 1, column: s.character + 1, endLine: e.line - first + 1, endColumn: e.character + 1 };
  }

  mapEdit(edit: Edit): Edit | undefined {
    // Worked out with `\n` breaks; written in the cell's own line ending (a cell of a notebook
    // saved on Windows may hold `\r\n`), and the JSON around it in the file's (by the engine).
    return this.mapLfEdit({ ...edit, text: withLineEnding(edit.text, '\n') });
  }

  private mapLfEdit(edit: Edit): Edit | undefined {
    if (edit.start === this.appendAt && edit.end === this.appendAt) return this.appendCell(edit.text);
    const lineAfter = this.lineAfterCell(edit);
    if (lineAfter) return this.mapLfEdit(lineAfter);
    const cell = this.cellAt(edit.start);
    if (!cell || edit.end > cell.end || edit.end < edit.start) return undefined;
    const from = edit.start - cell.start;
    const to = edit.end - cell.start;
    // Magic and shell lines are not what the rules saw: never edit them.
    if (cell.neutralised.some((n) => from < n.end && to > n.start)) return undefined;
    const start = this.rawAt(cell, from);
    const end = this.rawAt(cell, to);
    const eol = lineEndingOf(cell.text.search(/[\r\n]/) === -1 ? this.firstCellBreak() : cell.text);
    const cellEdit = { kind: 'replace' as const, index: cell.index, start: from, end: to, text: withLineEnding(edit.text, eol) };
    if (!cell.list) return { start, end, text: jsonContent(withLineEnding(edit.text, eol)), cell: cellEdit };
    if (!cell.literals.length) return { start, end, text: `"${this.listContent(cell, edit.text, true, eol)}"`, cell: cellEdit };
    return { start, end, text: this.listContent(cell, edit.text, to === cell.text.length, eol), cell: cellEdit };
  }

  /** The text of the first cell with a line break (whose break the notebook is taken to write), else empty. */
  private firstCellBreak(): string {
    return this.cells.find((c) => /[\r\n]/.test(c.text))?.text ?? '';
  }

  /**
   * A line inserted just after a cell whose last line has no line break (as Jupyter saves it),
   * such as an import after the last import of a cell: the document's separator line break is
   * not in the file, so the same line is added at the end of that cell instead.
   */
  private lineAfterCell(edit: Edit): Edit | undefined {
    if (edit.start !== edit.end || !edit.text.endsWith('\n')) return undefined;
    const cell = this.cellBefore(edit.start);
    if (!cell || edit.start !== cell.end + 1 || /[\r\n]$/.test(this.text.slice(cell.start, cell.end))) return undefined;
    return { start: cell.end, end: cell.end, text: `\n${edit.text.slice(0, -1)}` };
  }

  /** Text (with `\n` breaks) for a list-form source: each line break, written as `eol`, ends a list element and opens the next. */
  private listContent(cell: CodeCell, text: string, atEnd: boolean, eol: string): string {
    const parts = text.split('\n').map(jsonContent);
    const boundary = `${jsonContent(eol)}"${this.elementGap(cell)}"`;
    // At the end of the cell, a final line break stays in the last element (no empty element after it).
    if (atEnd && parts.length > 1 && parts[parts.length - 1] === '') return `${parts.slice(0, -1).join(boundary)}${jsonContent(eol)}`;
    return parts.join(boundary);
  }

  /** What separates two elements of the cell's source list as the file writes it (`,\n    `). */
  private elementGap(cell: CodeCell): string {
    const [a, b] = cell.literals;
    const base = cell.sourceOffset;
    if (a && b) return this.raw.slice(base + a.sourceAt + a.length, base + b.sourceAt);
    const anchor = base + (a?.sourceAt ?? 1);
    const lineStart = this.raw.lastIndexOf('\n', anchor - 1) + 1;
    const before = this.raw.slice(lineStart, anchor);
    return /^[ \t]*$/.test(before) && a ? `,\n${before}` : ', ';
  }

  /** A new code cell after the last cell, in the file's own layout. */
  private appendCell(text: string): Edit | undefined {
    const { cellsOffset, cellCount, last, newCellId: id } = this.layout;
    if (cellsOffset === undefined) return undefined;
    const source = text.replace(/^\n+/, '').replace(/\n+$/, '');
    const lines = source.split('\n');
    const cellEdit = { kind: 'insertCell' as const, index: cellCount, source };
    const entries: Array<[string, string]> = [['cell_type', '"code"'], ['execution_count', 'null'], ...(id ? [['id', `"${id}"`] as [string, string]] : []), ['metadata', '{}'], ['outputs', '[]']];
    const lineStart = last ? this.raw.lastIndexOf('\n', last.offset - 1) + 1 : -1;
    const cellIndent = last ? this.raw.slice(lineStart, last.offset) : '';
    const firstKey = last?.firstKey;
    const keyLineStart = firstKey !== undefined ? this.raw.lastIndexOf('\n', firstKey - 1) + 1 : -1;
    const keyIndent = firstKey !== undefined ? this.raw.slice(keyLineStart, firstKey) : '';
    const pretty = !!last && /^[ \t]*$/.test(cellIndent) && /^[ \t]*$/.test(keyIndent) && keyIndent.length > cellIndent.length && keyLineStart > last.offset;
    const eol = jsonContent(lineEndingOf(this.firstCellBreak()));
    const quoted = lines.map((line, i) => `"${jsonContent(line)}${i < lines.length - 1 ? eol : ''}"`);
    let json: string;
    if (pretty) {
      const unit = keyIndent.slice(cellIndent.length);
      const inner = keyIndent + unit;
      const body = [...entries.map(([k, v]) => `${keyIndent}"${k}": ${v}`), `${keyIndent}"source": [\n${quoted.map((q) => inner + q).join(',\n')}\n${keyIndent}]`];
      json = `{\n${body.join(',\n')}\n${cellIndent}}`;
    } else {
      json = `{${[...entries.map(([k, v]) => `"${k}": ${v}`), `"source": [${quoted.join(', ')}]`].join(', ')}}`;
    }
    if (!last) return { start: cellsOffset + 1, end: cellsOffset + 1, text: json, cell: cellEdit };
    const at = last.end;
    return { start: at, end: at, text: pretty ? `,\n${cellIndent}${json}` : `, ${json}`, cell: cellEdit };
  }

  /** The cell whose text (or its end) holds this document offset. */
  private cellAt(offset: number): CodeCell | undefined {
    let low = 0;
    let high = this.cells.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const cell = this.cells[mid];
      if (offset < cell.start) high = mid - 1;
      else if (offset > cell.end) low = mid + 1;
      else return cell;
    }
    return undefined;
  }

  /** For an offset in a separator: the cell before it (the last that ends at or before it). */
  private cellBefore(offset: number): CodeCell | undefined {
    let low = 0;
    let high = this.cells.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.cells[mid].end <= offset) low = mid + 1;
      else high = mid;
    }
    return low > 0 ? this.cells[low - 1] : undefined;
  }

  /**
   * File offset of the character at `at` in the cell text (its end: just before the closing
   * quote). The literal is found by a binary search and the place in it from its escapes, each
   * read once: a notebook whose cell is one long string literal, with a finding every few lines,
   * would otherwise be walked from the literal's start for every offset.
   */
  private rawAt(cell: CodeCell, at: number): number {
    const literals = cell.literals;
    if (!literals.length) return cell.sourceOffset + 1;
    let low = 0;
    let high = literals.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (literals[mid].cellStart <= at) low = mid + 1;
      else high = mid;
    }
    const literal = low > 0 ? literals[low - 1] : undefined;
    if (literal && at < literal.cellStart + literal.decoded) {
      const n = at - literal.cellStart;
      const { at: escapes, extra } = this.escapesOf(literal, cell.sourceOffset + literal.sourceAt);
      let k = 0;
      let top = escapes.length;
      while (k < top) {
        const mid = (k + top) >> 1;
        if (escapes[mid] < n) k = mid + 1;
        else top = mid;
      }
      return cell.sourceOffset + literal.sourceAt + 1 + n + (k > 0 ? extra[k - 1] : 0);
    }
    const last = literals[literals.length - 1];
    return cell.sourceOffset + last.sourceAt + last.length - 1;
  }

  /**
   * Where a literal's escapes are (its opening quote at `offset` in the file): the decoded offset
   * of each, and the raw characters they add up to and including it.
   */
  private escapesOf(literal: Literal, offset: number): NonNullable<Literal['escapes']> {
    if (literal.escapes) return literal.escapes;
    const at: number[] = [];
    const extra: number[] = [];
    const end = offset + literal.length - 1;
    let raw = offset + 1;
    let decoded = 0;
    let added = 0;
    for (let i = this.raw.indexOf('\\', raw); i !== -1 && i < end; i = this.raw.indexOf('\\', raw)) {
      decoded += i - raw;
      const length = this.raw[i + 1] === 'u' ? 6 : 2;
      at.push(decoded);
      added += length - 1;
      extra.push(added);
      raw = i + length;
      decoded++;
    }
    literal.escapes = { at, extra };
    return literal.escapes;
  }
}

/** Unless the notebook says its kernel is another language, its code cells are Python. */
function isPythonNotebook(root: JsonNode): boolean {
  const language = findNodeAtLocation(root, ['metadata', 'kernelspec', 'language'])?.value ?? findNodeAtLocation(root, ['metadata', 'language_info', 'name'])?.value;
  return typeof language !== 'string' || language.toLowerCase() === 'python';
}

function readSource(source: JsonNode): { text: string; literals: Literal[] } | undefined {
  const nodes = source.type === 'string' ? [source] : source.type === 'array' ? (source.children ?? []) : [];
  if (source.type !== 'string' && source.type !== 'array') return undefined;
  let text = '';
  const literals: Literal[] = [];
  for (const node of nodes) {
    if (node.type !== 'string' || typeof node.value !== 'string') return undefined;
    literals.push({ sourceAt: node.offset - source.offset, length: node.length, cellStart: text.length, decoded: node.value.length, escapes: undefined });
    text += node.value;
  }
  return { text, literals };
}

/** Text as the content of a JSON string literal. */
function jsonContent(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

const shellOrMagic = /^([ \t]*)([!%][^\r\n]*)/;
const assignedShell = /^([ \t]*[A-Za-z_][\w.]*(?:[ \t]*,[ \t]*[A-Za-z_][\w.]*)*[ \t]*=[ \t]*)([!%][^\r\n]*)/;

/** The cell with IPython-only lines replaced by `0` and spaces of the same length. */
export function neutralise(text: string): { text: string; neutralised: Array<{ start: number; end: number }> } {
  if (!text.includes('%') && !text.includes('!')) return { text, neutralised: [] };
  const neutralised: Array<{ start: number; end: number }> = [];
  const cellMagic = /^[ \t]*%%(\w+)/.exec(text);
  const wholeCell = !!cellMagic && !pythonCellMagics.has(cellMagic[1]);
  let out = '';
  let offset = 0;
  for (const line of text.split('\n')) {
    const match = wholeCell ? /^()([^\r\n]*)/.exec(line) : (assignedShell.exec(line) ?? shellOrMagic.exec(line));
    if (match && match[2].length) {
      const start = offset + match[1].length;
      neutralised.push({ start, end: start + match[2].length });
      out += match[1] + statement(match[2].length) + line.slice(match[0].length) + '\n';
    } else out += `${line}\n`;
    offset += line.length + 1;
  }
  return { text: out.slice(0, -1), neutralised };
}

function statement(length: number): string {
  return `0${' '.repeat(length - 1)}`;
}
