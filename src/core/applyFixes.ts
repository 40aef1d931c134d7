import type { Edit, Fix } from './types';

export interface ApplyResult {
  text: string;
  /** Fixes applied. */
  applied: Fix[];
  /** Fixes left out because they overlap one applied before them. */
  conflicting: Fix[];
}

/**
 * Applies fixes whose edits do not overlap. Fixes are taken in order of their
 * first edit; one that touches a range an earlier fix changed is left for the
 * next pass (lint again, then apply again), as ESLint and vscode-eslint do.
 * An edit identical to one already taken (two fixes adding the same import
 * line) is shared: made once, and no conflict. Line breaks in the inserted text
 * are written as the file writes them ({@link withLineEnding}).
 *
 * Linear in the text and O(F log F) in the number of edits: the edits taken so
 * far are kept sorted, so a conflict is one binary search, not a scan of them all.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): ApplyResult {
  const ordered = fixes
    .filter((f) => f.edits.length > 0)
    .map((f) => ({ fix: f, edits: [...f.edits].sort((a, b) => a.start - b.start || a.end - b.end) }))
    .sort((a, b) => a.edits[0].start - b.edits[0].start);
  const taken = new TakenEdits();
  const applied: Fix[] = [];
  const conflicting: Fix[] = [];
  for (const { fix, edits } of ordered) {
    const fresh = edits.filter((e) => !taken.has(e));
    if (edits.some((e) => e.start < 0 || e.end > text.length || e.end < e.start) || overlapsItself(edits) || fresh.some((e) => taken.conflicts(e))) {
      conflicting.push(fix);
      continue;
    }
    for (const e of fresh) taken.add(e);
    applied.push(fix);
  }
  const eol = lineEndingOf(text);
  const parts: string[] = [];
  let at = 0;
  for (const edit of taken.sorted) {
    parts.push(text.slice(at, edit.start), withLineEnding(edit.text, eol));
    at = edit.end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), applied, conflicting };
}

/**
 * Edits taken, pairwise without conflict, sorted by start then end. Without conflicts their ends
 * are sorted too (a non-empty edit ends where the next begins at the latest; an empty one sits
 * at a boundary), which is what lets one binary search find the only edit that may conflict.
 */
class TakenEdits {
  readonly sorted: Edit[] = [];
  private readonly keys = new Set<string>();

  has(edit: Edit): boolean {
    return this.keys.has(keyOf(edit));
  }

  /** Two edits conflict when their ranges intersect, or both insert at one point. */
  conflicts(edit: Edit): boolean {
    const list = this.sorted;
    // The first edit ending after `edit` starts: the only one that can intersect it.
    const i = lowerBound(list, (t) => t.end > edit.start);
    if (i < list.length && list[i].start < edit.end && edit.start < list[i].end) return true;
    if (edit.start !== edit.end) return false;
    // An insertion: another insertion at the same point is the first edit starting there.
    const j = lowerBound(list, (t) => t.start >= edit.start);
    return j < list.length && list[j].start === edit.start && list[j].end === edit.start;
  }

  add(edit: Edit): void {
    this.keys.add(keyOf(edit));
    const list = this.sorted;
    const last = list[list.length - 1];
    if (!last || last.start < edit.start || (last.start === edit.start && last.end <= edit.end)) list.push(edit);
    else list.splice(lowerBound(list, (t) => t.start > edit.start || (t.start === edit.start && t.end > edit.end)), 0, edit);
  }
}

/** The first index whose element satisfies `after` (false then true along the list). */
function lowerBound<T>(list: readonly T[], after: (item: T) => boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (after(list[mid])) high = mid;
    else low = mid + 1;
  }
  return low;
}

function keyOf(edit: Edit): string {
  return `${edit.start}:${edit.end}:${edit.text}`;
}

function overlapsItself(edits: readonly Edit[]): boolean {
  return edits.some((e, i) => i > 0 && overlaps(edits[i - 1], e));
}

/** Two edits conflict when their ranges intersect, or both insert at one point. */
function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/**
 * The line break a text writes: its first one (`\r\n`, a lone `\r` or `\n`), as editors and
 * formatters settle a file's line ending; `\n` for a text without any.
 */
export function lineEndingOf(text: string): string {
  const first = text.search(/[\r\n]/);
  if (first === -1 || text[first] === '\n') return '\n';
  return text[first + 1] === '\n' ? '\r\n' : '\r';
}

/** `text` with every line break written as `eol`: an edit's text made in a file's own line ending. */
export function withLineEnding(text: string, eol: string): string {
  // The common case, a rule's `\n` into an LF file: nothing to rewrite (the engine asks once per edit).
  if (eol === '\n' && text.indexOf('\r') === -1) return text;
  return /[\r\n]/.test(text) ? text.replace(/\r\n|\r|\n/g, eol) : text;
}
