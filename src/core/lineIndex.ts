import { lineEndingOf } from './applyFixes';

/**
 * Converts between offsets and line/column positions of one text.
 * Offsets and columns count UTF-16 code units. Lines are counted as editors
 * count them: a line ends at `\r\n`, `\n` or a lone `\r` (classic Mac files),
 * and the break is not part of the line, so CRLF files get the same columns
 * as LF files.
 */
export class LineIndex {
  private readonly starts: number[];
  private firstBreak: string | undefined;

  constructor(private readonly text: string) {
    const starts = [0];
    if (text.indexOf('\r') === -1) {
      // The common case, LF only: the native search is several times faster than the pattern.
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      const breaks = /\r\n?|\n/g;
      for (let match = breaks.exec(text); match; match = breaks.exec(text)) starts.push(match.index + match[0].length);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line and character of an offset (clamped to the text). */
  positionAt(offset: number): { line: number; character: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  /** Offset of a 0-based line and character (clamped to the line's content). */
  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[line] + Math.max(0, character), this.lineEnd(line));
  }

  /** Offset of the first character of a 0-based line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset just past the content of a 0-based line, before its `\r\n`, `\n` or `\r`. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    const next = this.starts[line + 1];
    return this.text[next - 1] === '\n' && next - 2 >= this.starts[line] && this.text[next - 2] === '\r' ? next - 2 : next - 1;
  }

  /** The content of a 0-based line, without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The leading spaces and tabs of a 0-based line. */
  indentation(line: number): string {
    return /^[ \t]*/.exec(this.lineText(line))?.[0] ?? '';
  }

  /** The line break the text writes: its first one (`\r\n`, `\n` or a lone `\r`); `\n` when it has none. */
  get eol(): string {
    // Kept: the search runs to the end of a text without any break, and the engine asks once per fix.
    this.firstBreak ??= lineEndingOf(this.text);
    return this.firstBreak;
  }

  /** 1-based range of `[start, end)`, as findings carry it. */
  rangeOf(start: number, end: number): { line: number; column: number; endLine: number; endColumn: number } {
    const s = this.positionAt(start);
    const e = this.positionAt(Math.max(start, end));
    return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  }
}

/**
 * Offset of the first character of the line that holds `offset`: just past the nearest `\n` or
 * `\r` before it. Scans that line only (a search for `\n` alone runs to the start of a file whose
 * lines end in a lone `\r`, once per call).
 */
export function lineStartAt(text: string, offset: number): number {
  let i = Math.max(0, Math.min(offset, text.length));
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

/** Offset of the line break (`\r\n`, `\n` or a lone `\r`) that ends the line holding `offset`, or the text's length. */
export function lineEndAt(text: string, offset: number): number {
  let i = Math.max(0, offset);
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/** Offset of the line after the one that holds `offset` (the text's length on its last line). */
export function nextLineStart(text: string, offset: number): number {
  const end = lineEndAt(text, offset);
  if (end >= text.length) return text.length;
  return end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
}
