import { commonAffixes } from '../../core/lineDiff';
import type { CodeCell, Literal, NotebookRead } from './ipynb';
import { NotebookCode, cellSeparator, neutralise, readNotebook } from './ipynb';

/**
 * A notebook read again after an edit, from its previous read: when the text changed only inside
 * one string literal of a code cell's `source` (what typing in a cell does), that literal is
 * decoded again and its cell rebuilt, and everything after it is the previous read shifted; the
 * JSON is not parsed again. Any other change (a quote, the JSON around the strings, metadata,
 * outputs, a markdown cell) is `undefined`: the caller reads the notebook in full.
 *
 * The previous read is not changed: an earlier lint's result may still use it.
 */
export function readNotebookAfterEdit(previous: NotebookCode, raw: string): NotebookCode | undefined {
  const old = previous.raw;
  if (raw === old) return previous;
  const { start, tail } = commonAffixes(old, raw);
  const oldEnd = old.length - tail;
  const delta = raw.length - old.length;
  const cells = previous.cells;
  const k = lastBefore(cells.length, (i) => cells[i].sourceOffset < start);
  const cell = cells[k];
  if (!cell) return undefined;
  const base = cell.sourceOffset;
  const n = lastBefore(cell.literals.length, (i) => base + cell.literals[i].sourceAt < start);
  const literal = cell.literals[n];
  // Strictly between the quotes: the opening quote is before the change, the closing one at or after its end.
  if (!literal || oldEnd > base + literal.sourceAt + literal.length - 1) return undefined;
  const length = literal.length + delta;
  const value = jsonString(raw.slice(base + literal.sourceAt, base + literal.sourceAt + length));
  if (value === undefined) return undefined;

  const text = cell.text.slice(0, literal.cellStart) + value + cell.text.slice(literal.cellStart + literal.decoded);
  const { text: neutral, neutralised } = neutralise(text);
  const before = previous.text.slice(cell.start, cell.end);
  const oldBlock = before.length + cellSeparator(before).length;
  const separator = cellSeparator(neutral);
  const shift = neutral.length + separator.length - oldBlock;
  const decodedShift = value.length - literal.decoded;

  // The cells before keep their reads; the literals of a later cell are where they were in it.
  const literals: Literal[] = cell.literals.slice(0, n);
  literals.push({ sourceAt: literal.sourceAt, length, cellStart: literal.cellStart, decoded: value.length, escapes: undefined });
  for (let i = n + 1; i < cell.literals.length; i++) {
    const l = cell.literals[i];
    literals.push({ sourceAt: l.sourceAt + delta, length: l.length, cellStart: l.cellStart + decodedShift, decoded: l.decoded, escapes: l.escapes });
  }
  const next: CodeCell[] = cells.slice(0, k);
  next.push(codeCell(cell, { text, literals, start: cell.start, end: cell.start + neutral.length, neutralised }));
  for (let i = k + 1; i < cells.length; i++) {
    const c = cells[i];
    next.push(codeCell(c, { sourceOffset: c.sourceOffset + delta, start: c.start + shift, end: c.end + shift }));
  }
  const document = previous.text.slice(0, cell.start) + neutral + separator + previous.text.slice(cell.start + oldBlock);
  // The JSON around the strings is unchanged: only what lies after the change moved.
  const moved = (offset: number): number => (offset >= oldEnd ? offset + delta : offset);
  const { last } = previous.layout;
  const layout = { ...previous.layout, last: last && { offset: moved(last.offset), end: moved(last.end), firstKey: last.firstKey === undefined ? undefined : moved(last.firstKey) } };
  return new NotebookCode(raw, document, next, layout);
}

/** A copy of a cell with some of its facts changed (written out: one object shape for every cell). */
function codeCell(cell: CodeCell, changed: Partial<CodeCell>): CodeCell {
  return {
    index: cell.index,
    text: changed.text ?? cell.text,
    literals: changed.literals ?? cell.literals,
    list: cell.list,
    sourceOffset: changed.sourceOffset ?? cell.sourceOffset,
    start: changed.start ?? cell.start,
    end: changed.end ?? cell.end,
    neutralised: changed.neutralised ?? cell.neutralised,
  };
}

/** The last index below `count` for which `before` holds (it holds for a prefix of the indices), or -1. */
function lastBefore(count: number, before: (i: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (before(mid)) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** The decoded value of a JSON string literal (quotes included), if it is exactly one. */
function jsonString(literal: string): string | undefined {
  if (literal.length < 2 || literal[0] !== '"' || literal[literal.length - 1] !== '"') return undefined;
  try {
    const value: unknown = JSON.parse(literal);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** What reading a notebook costs: full reads (the JSON parsed) and reads from the previous one. */
export interface NotebookReadStats {
  full: number;
  incremental: number;
}

/**
 * Reads notebooks, each from its previous read when only a cell's text changed (see
 * {@link readNotebookAfterEdit}). It keeps the last read of the few files most recently read,
 * within a budget of characters, so its memory does not grow with the number of files.
 */
export class NotebookReader {
  readonly stats: NotebookReadStats = { full: 0, incremental: 0 };
  private readonly last = new Map<string, NotebookCode>();
  private kept = 0;

  constructor(
    private readonly maxFiles = 16,
    /** Characters of JSON kept at most, over all files (a larger notebook is not kept). */
    private readonly maxChars = 16 * 1024 * 1024,
  ) {}

  read(fileName: string, raw: string): NotebookRead {
    const previous = this.last.get(fileName);
    const code = previous && readNotebookAfterEdit(previous, raw);
    if (code) {
      this.stats.incremental++;
      this.keep(fileName, code);
      return { ok: true, code };
    }
    this.stats.full++;
    const read = readNotebook(raw);
    // A file that does not read keeps its last good read: the next text is compared with that.
    if (read.ok) this.keep(fileName, read.code);
    return read;
  }

  private keep(fileName: string, code: NotebookCode): void {
    this.forget(fileName);
    if (code.raw.length > this.maxChars) return;
    this.last.set(fileName, code);
    this.kept += code.raw.length;
    for (const oldest of this.last.keys()) {
      if (this.last.size <= this.maxFiles && this.kept <= this.maxChars) break;
      this.forget(oldest);
    }
  }

  private forget(fileName: string): void {
    const code = this.last.get(fileName);
    if (!code) return;
    this.kept -= code.raw.length;
    this.last.delete(fileName);
  }

  /** How many files' reads are kept. */
  get size(): number {
    return this.last.size;
  }
}
