/**
 * The lines of `before` that `after` replaces, as hunks in the manner of
 * `diff`: each hunk replaces lines `[start, end)` of `before` (0-based) with
 * `text`. Lines keep their own line breaks (`\n`, `\r\n` or a lone `\r`), so
 * the hunks put back exactly the bytes of `after`.
 *
 * Lines common to both ends are trimmed first; the middle is compared with
 * Myers' O((N+M)·D) algorithm, D being the number of lines that differ. Past
 * `maxDifferences` lines the whole middle is one hunk, so time stays linear
 * for any input.
 */
export interface LineHunk {
  /** Replaced lines of `before`, end exclusive. */
  start: number;
  end: number;
  /** Offsets of those lines in `before`. */
  startOffset: number;
  endOffset: number;
  /** The lines of `after` that take their place. */
  text: string;
}

export const defaultMaxDifferences = 200;

export function lineHunks(before: string, after: string, maxDifferences = defaultMaxDifferences): LineHunk[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const offsets = lineOffsets(a);
  const pairs = middleDiff(a.slice(head, a.length - tail), b.slice(head, b.length - tail), maxDifferences);
  return pairs.map(([as, ae, bs, be]) => ({
    start: head + as,
    end: head + ae,
    startOffset: offsets[head + as],
    endOffset: offsets[head + ae],
    text: b.slice(head + bs, head + be).join(''),
  }));
}

/** Lines with their line breaks; the last may have none. An empty text has no lines. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      lines.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

function lineOffsets(lines: readonly string[]): number[] {
  const offsets = [0];
  for (const line of lines) offsets.push(offsets[offsets.length - 1] + line.length);
  return offsets;
}

/** Hunks `[aStart, aEnd, bStart, bEnd]` turning `a` into `b`, adjacent changes joined. */
function middleDiff(a: readonly string[], b: readonly string[], maxDifferences: number): Array<[number, number, number, number]> {
  const n = a.length;
  const m = b.length;
  if (!n || !m) return n || m ? [[0, n, 0, m]] : [];
  const max = Math.min(n + m, maxDifferences);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return [[0, n, 0, m]];
  // Walk back through the trace: each step is one inserted or deleted line.
  const edits: Array<{ x: number; y: number; insert: boolean }> = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && prev[offset + k - 1] < prev[offset + k + 1]);
    const prevK = down ? k + 1 : k - 1;
    const prevX = prev[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
    }
    edits.push({ x: prevX, y: prevY, insert: down });
    x = prevX;
    y = prevY;
  }
  edits.reverse();
  const hunks: Array<[number, number, number, number]> = [];
  for (const e of edits) {
    const [as, ae, bs, be] = e.insert ? [e.x, e.x, e.y, e.y + 1] : [e.x, e.x + 1, e.y, e.y];
    const last = hunks[hunks.length - 1];
    if (last && last[1] === as && last[3] === bs) {
      last[1] = ae;
      last[3] = be;
    } else hunks.push([as, ae, bs, be]);
  }
  return hunks;
}

/**
 * The one span that differs between two texts (common prefix and suffix kept), as an edit of the
 * first, so cursors outside it stay put. Never splits a CRLF line break or a surrogate pair.
 */
export function changedSpan(before: string, after: string): { start: number; end: number; text: string } {
  let { start, tail } = commonAffixes(before, after);
  // Editors place positions before or after a CRLF, not inside it, and never inside a surrogate pair.
  if (start > 0 && (before[start - 1] === '\r' || isLowSurrogate(before, start))) start--;
  if (tail > 0 && ((before[before.length - tail - 1] === '\r' && before[before.length - tail] === '\n') || isLowSurrogate(before, before.length - tail))) tail--;
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}

function isLowSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Code units compared at a time by {@link commonAffixes} before it compares them one by one. */
const affixBlock = 256;

/**
 * The length of the common prefix of two texts, and of their common suffix in what the prefix
 * leaves of the shorter one (they never overlap). Blocks are compared whole first (a native
 * comparison of two slices, about 5× faster than a loop over the characters of a long text: an
 * edit re-parsed in a 3,000-line file), then the characters of the block that differs.
 */
export function commonAffixes(a: string, b: string): { start: number; tail: number } {
  const shorter = Math.min(a.length, b.length);
  let start = 0;
  while (start + affixBlock <= shorter && a.slice(start, start + affixBlock) === b.slice(start, start + affixBlock)) start += affixBlock;
  while (start < shorter && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  const room = shorter - start;
  let tail = 0;
  while (tail + affixBlock <= room && a.slice(a.length - tail - affixBlock, a.length - tail) === b.slice(b.length - tail - affixBlock, b.length - tail)) tail += affixBlock;
  while (tail < room && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  return { start, tail };
}
