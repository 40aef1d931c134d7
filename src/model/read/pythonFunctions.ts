import { LineIndex } from '../../core/lineIndex';

/** A function of a Python text: its name and where its `def` line starts. */
export interface PythonFunction {
  name: string;
  lineStart: number;
}

/** A `def` line's head, from the line's first non-blank character. */
const defHead = /(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)[ \t]*\(/y;

/** How many levels of callers {@link PythonFunctions.lastRunAt} follows up. */
const maxCallerDepth = 3;

/**
 * The functions of one Python text, found by indentation as a reader sees them (not by the
 * parse: a module the analysis did not read, or code it could not), read in one pass on the
 * first question and then answered per offset by a binary search of the lines, so a file asks
 * about every call it has in time linear in the file.
 *
 * Lines end at `\r\n`, `\n` or a lone `\r` ({@link LineIndex}); a line that is blank or holds
 * only a comment belongs to no block. A line's block is the nearest line above it, of code,
 * indented less; the function holding an offset is the innermost `def` among those blocks.
 */
export class PythonFunctions {
  private read: Lines | undefined;
  private named: Map<string, number[]> | undefined;
  /** {@link lastRunAt} per function (its `def` line), for this text. */
  private readonly runs = new Map<number, number>();

  constructor(private readonly text: string) {}

  /** The innermost function whose body holds `offset`, or undefined at top level. */
  enclosing(offset: number): PythonFunction | undefined {
    const fn = this.functionLine(offset);
    return fn === -1 ? undefined : this.functionAt(this.lines(), fn);
  }

  /** The function at the module's top level (`def` at column 0) whose body holds `offset`, or undefined. */
  topLevel(offset: number): PythonFunction | undefined {
    const lines = this.lines();
    const line = lines.index.positionAt(offset).line;
    if (lines.indent[line] === 0) return undefined;
    const code = lines.isCode[line] ? line : lines.previousCode[line];
    const root = code === -1 ? -1 : lines.root[code];
    return root !== -1 && lines.names[root] !== undefined ? this.functionAt(lines, root) : undefined;
  }

  /**
   * The text of the function whose body holds `offset` (its `def` line to the last line
   * indented under it, with the blank and comment lines before the next code), or undefined at top level.
   */
  enclosingText(offset: number): string | undefined {
    const fn = this.functionLine(offset);
    if (fn === -1) return undefined;
    const lines = this.lines();
    const after = lines.blockEnd[fn];
    return this.text.slice(lines.index.lineStart(fn), after === -1 ? this.text.length : lines.index.lineStart(after) - 1);
  }

  /**
   * The latest offset of the file where the code at `offset` runs, or -1 when it never does:
   * `offset` itself outside any function; inside a function, the latest of the places the file
   * names that function outside its `def` line (a call, `atexit.register(fn)`, a method bound to
   * a name), followed up through the functions those names sit in (a few levels). Comments and
   * strings do not count. Each function is worked out once per text.
   */
  lastRunAt(offset: number, depth = 0): number {
    const fn = this.functionLine(offset);
    if (fn === -1) return offset;
    const lines = this.lines();
    const known = this.runs.get(fn);
    if (known !== undefined) return known;
    if (depth > maxCallerDepth) return -1;
    // A function that names itself (recursion) is not run from there.
    this.runs.set(fn, -1);
    const defStart = lines.index.lineStart(fn);
    const defEnd = lines.index.lineEnd(fn);
    let last = -1;
    for (const at of this.namings().get(lines.names[fn] as string) ?? []) {
      if (at >= defStart && at <= defEnd) continue;
      last = Math.max(last, this.lastRunAt(at, depth + 1));
    }
    this.runs.set(fn, last);
    return last;
  }

  /**
   * The `def` line of the innermost function holding `offset` (-1: none). The block holding it is
   * the nearest code line above indented less than `offset`'s line up to `offset` (none at column 0).
   */
  private functionLine(offset: number): number {
    // Code at column 0 (the common delete, at a notebook's top level) needs no scan of the text.
    if (this.atColumnZero(offset)) return -1;
    const block = this.blockLine(offset);
    return block === -1 ? -1 : this.lines().fnOf[block];
  }

  /**
   * Whether `offset` is at its line's start, or its line is not indented, found by looking back a
   * bounded way (false past it: the scan answers, so a long line of calls costs no more per call).
   */
  private atColumnZero(offset: number): boolean {
    let start = offset;
    const stop = Math.max(0, offset - 256);
    while (start > stop && this.text[start - 1] !== '\n' && this.text[start - 1] !== '\r') start--;
    if (start > 0 && this.text[start - 1] !== '\n' && this.text[start - 1] !== '\r') return false;
    return start === offset || (this.text[start] !== ' ' && this.text[start] !== '\t');
  }

  /** The code line whose block holds `offset` (-1: none, at top level). */
  private blockLine(offset: number): number {
    const lines = this.lines();
    const line = lines.index.positionAt(offset).line;
    const indent = Math.min(lines.indent[line], offset - lines.index.lineStart(line));
    if (indent === 0) return -1;
    if (lines.isCode[line] && indent === lines.indent[line]) return lines.parent[line];
    let block = lines.previousCode[line];
    // Each step goes out one block: a walk no longer than the nesting.
    while (block !== -1 && lines.indent[block] >= indent) block = lines.parent[block];
    return block;
  }

  /**
   * The class at the module's top level (`class Name...:` at column 0) whose body holds `fn` as a
   * method, with the class's text (its header to its last line), or undefined.
   */
  classOf(fn: PythonFunction): { name: string; text: string } | undefined {
    const lines = this.lines();
    const def = lines.index.positionAt(fn.lineStart).line;
    const header = lines.parent[def];
    if (header === -1 || lines.indent[header] !== 0) return undefined;
    const start = lines.index.lineStart(header);
    const name = /class[ \t]+([A-Za-z_]\w*)/y;
    const match = name.exec(this.text.slice(start, lines.index.lineEnd(header)));
    if (!match) return undefined;
    const end = lines.blockEnd[header];
    return { name: match[1], text: this.text.slice(start, end === -1 ? this.text.length : lines.index.lineStart(end) - 1) };
  }

  /**
   * The headers of the blocks between `offset` and the function holding it, innermost first
   * (`if self.auto_delete:`, `try:`), without their indentation.
   */
  headersAbove(offset: number): string[] {
    const lines = this.lines();
    const fn = this.functionLine(offset);
    const headers: string[] = [];
    for (let block = this.blockLine(offset); block !== -1 && block !== fn; block = lines.parent[block]) {
      headers.push(this.text.slice(lines.index.lineStart(block) + lines.indent[block], lines.index.lineEnd(block)));
    }
    return headers;
  }

  private functionAt(lines: Lines, line: number): PythonFunction {
    return { name: lines.names[line] as string, lineStart: lines.index.lineStart(line) };
  }

  private lines(): Lines {
    return (this.read ??= readLines(this.text));
  }

  /**
   * Where the text names each of its functions, in code: per line, the first place outside a
   * comment or a string (quotes paired on the line) where the name stands as a whole word.
   */
  private namings(): Map<string, number[]> {
    if (this.named) return this.named;
    const lines = this.lines();
    const named = new Map<string, number[]>();
    for (const name of lines.names) if (name !== undefined) named.set(name, []);
    const text = this.text;
    for (let line = 0; line < lines.index.lineCount; line++) {
      const start = lines.index.lineStart(line);
      const end = lines.index.lineEnd(line);
      let quote = '';
      for (let i = start; i < end; i++) {
        const c = text[i];
        if (quote) {
          if (c === '\\') i++;
          else if (c === quote) quote = '';
          continue;
        }
        if (c === '"' || c === "'") quote = c;
        else if (c === '#') break;
        else if (isWordChar(text.charCodeAt(i))) {
          let j = i + 1;
          while (j < end && isWordChar(text.charCodeAt(j))) j++;
          const at = named.get(text.slice(i, j));
          if (at && (at.length === 0 || at[at.length - 1] < start)) at.push(i);
          i = j - 1;
        }
      }
    }
    return (this.named = named);
  }
}

/** The lines of a text as blocks: per line, arrays indexed by line number. */
interface Lines {
  index: LineIndex;
  /** Spaces and tabs at the line's start. */
  indent: Int32Array;
  /** Whether the line holds code (not blank, not only a comment). */
  isCode: Uint8Array;
  /** The nearest code line above, at any indentation (-1: none). */
  previousCode: Int32Array;
  /** For a code line, the nearest code line above indented less (-1: none). */
  parent: Int32Array;
  /** For a code line, the innermost `def` line among itself and the lines its block sits in (-1: none). */
  fnOf: Int32Array;
  /** For a code line, the line at column 0 its block sits in (itself at column 0; -1: none). */
  root: Int32Array;
  /** For a code line, the first code line after it indented no more: where its block ends (-1: the text's end). */
  blockEnd: Int32Array;
  /** For a `def` line, the function's name. */
  names: Array<string | undefined>;
}

function readLines(text: string): Lines {
  const index = new LineIndex(text);
  const count = index.lineCount;
  const lines: Lines = {
    index,
    indent: new Int32Array(count),
    isCode: new Uint8Array(count),
    previousCode: new Int32Array(count),
    parent: new Int32Array(count).fill(-1),
    fnOf: new Int32Array(count).fill(-1),
    root: new Int32Array(count).fill(-1),
    blockEnd: new Int32Array(count).fill(-1),
    names: new Array<string | undefined>(count),
  };
  // The code lines whose blocks are still open, indented more and more.
  const open: number[] = [];
  let lastCode = -1;
  for (let line = 0; line < count; line++) {
    const start = index.lineStart(line);
    const end = index.lineEnd(line);
    let first = start;
    while (first < end && (text[first] === ' ' || text[first] === '\t')) first++;
    const indent = first - start;
    lines.indent[line] = indent;
    lines.previousCode[line] = lastCode;
    if (first === end || text[first] === '#') continue;
    lines.isCode[line] = 1;
    lastCode = line;
    while (open.length && lines.indent[open[open.length - 1]] >= indent) {
      const closed = open.pop() as number;
      lines.blockEnd[closed] = line;
    }
    const parent = open.length ? open[open.length - 1] : -1;
    lines.parent[line] = parent;
    defHead.lastIndex = first;
    const def = text[first] === 'd' || text[first] === 'a' ? defHead.exec(text) : null;
    if (def) lines.names[line] = def[1];
    lines.fnOf[line] = def ? line : parent === -1 ? -1 : lines.fnOf[parent];
    lines.root[line] = indent === 0 ? line : parent === -1 ? -1 : lines.root[parent];
    open.push(line);
  }
  return lines;
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}
