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
 * line) is shared: made once, and no conflict.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): ApplyResult {
  const ordered = fixes
    .filter((f) => f.edits.length > 0)
    .map((f) => ({ fix: f, edits: [...f.edits].sort((a, b) => a.start - b.start || a.end - b.end) }))
    .sort((a, b) => a.edits[0].start - b.edits[0].start);
  const taken: Edit[] = [];
  const applied: Fix[] = [];
  const conflicting: Fix[] = [];
  for (const { fix, edits } of ordered) {
    const fresh = edits.filter((e) => !taken.some((t) => t.start === e.start && t.end === e.end && t.text === e.text));
    if (edits.some((e) => e.start < 0 || e.end > text.length || e.end < e.start) || overlapsItself(edits) || fresh.some((e) => taken.some((t) => overlaps(e, t)))) {
      conflicting.push(fix);
      continue;
    }
    taken.push(...fresh);
    applied.push(fix);
  }
  taken.sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of taken) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return { text: result, applied, conflicting };
}

function overlapsItself(edits: readonly Edit[]): boolean {
  return edits.some((e, i) => i > 0 && overlaps(edits[i - 1], e));
}

/** Two edits conflict when their ranges intersect, or both insert at one point. */
function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end || (a.start === a.end && a.start > b.start && a.start < b.end) || (b.start === b.end && b.start > a.start && b.start < a.end);
}
