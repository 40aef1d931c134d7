import { lineEndingOf } from '../../core/applyFixes';
import { nextLineStart } from '../../core/lineIndex';
import type { Edit } from '../../core/types';

/** One line of a text that starts with `from ` or `import `: its offset and its text, line break included. */
interface ImportLine {
  start: number;
  line: string;
}

/**
 * What the import lines up to each one say about adding `from <module> import <names>` (one
 * module and name list): computed in one pass, so that each finding's question ("what is true
 * of the import lines before this call?") is a binary search instead of a scan of every line
 * before it (a file of 10,000 imports interleaved with calls made the scans quadratic).
 */
interface ImportPlan {
  /** Index of the first whole line after which no edit can be made (a multi-line import, a name bound elsewhere…). */
  blockedAt: number;
  /** For each of the names: index of the first line of the module's own imports that imports it. */
  importedAt: Map<string, number>;
}

/** The import lines of a text, and the plans asked of it so far; one text at a time. */
interface ImportIndex {
  text: string;
  lines: ImportLine[];
  eol: string;
  plans: Map<string, ImportPlan>;
}

const importLine = /^(from|import)\s/;
const importLineStart = /^(?:from|import)\s/gm;

/**
 * The last text indexed: rules call {@link addFromImport} once per finding on the
 * same text, so the file is scanned once per lint instead of once per finding.
 */
let indexed: ImportIndex | undefined;

function importIndexOf(text: string): ImportIndex {
  if (indexed?.text === text) return indexed;
  const lines: ImportLine[] = [];
  // The regular expression finds the candidates natively; a candidate counts where a line starts
  // as the engine counts lines (after `\r\n`, `\n` or a lone `\r`, not after U+2028/U+2029).
  for (const match of text.matchAll(importLineStart)) {
    const start = match.index;
    const before = start > 0 ? text.charCodeAt(start - 1) : 10;
    if (before === 10 || before === 13) lines.push({ start, line: text.slice(start, nextLineStart(text, start)) });
  }
  indexed = { text, lines, eol: lineEndingOf(text), plans: new Map() };
  return indexed;
}

/** What one import line (whole, or the part of it before the call) means for the edit. */
type LineVerdict = { blocked: true } | { blocked: false; imports: string[] };

function readLine(line: string, own: RegExp, names: readonly string[]): LineVerdict {
  const content = line.replace(/(\r\n|\r|\n)$/, '');
  if (/[(\\]\s*(#.*)?$/.test(content)) return { blocked: true };
  if (content === line) return { blocked: true };
  const match = own.exec(content.replace(/#.*$/, ''));
  if (match) return { blocked: false, imports: match[1].split(',').map((item) => item.trim()) };
  if (names.some((n) => new RegExp(`\\b(import|as)\\s+${n}\\b|,\\s*${n}\\b`).test(line))) return { blocked: true };
  return { blocked: false, imports: [] };
}

function ownImport(module: string): RegExp {
  return new RegExp(`^from\\s+${module.replace(/\./g, '\\.')}\\s+import\\s+(.*)$`);
}

function planOf(index: ImportIndex, module: string, names: readonly string[]): ImportPlan {
  const key = `${module}\u0000${names.join(',')}`;
  let plan = index.plans.get(key);
  if (plan) return plan;
  const own = ownImport(module);
  const importedAt = new Map<string, number>();
  let blockedAt = index.lines.length;
  for (let i = 0; i < index.lines.length; i++) {
    const verdict = readLine(index.lines[i].line, own, names);
    if (verdict.blocked) {
      blockedAt = i;
      break;
    }
    for (const name of verdict.imports) if (!importedAt.has(name)) importedAt.set(name, i);
  }
  plan = { blockedAt, importedAt };
  index.plans.set(key, plan);
  return plan;
}

/**
 * An edit adding `from <module> import <names>` for the names the file does not
 * already import from that module, on a line of its own after the last
 * top-level import before `before`. Undefined when that cannot be done cleanly:
 * no top-level import to follow, a multi-line import (parenthesised or
 * continued) in the way, or a name already bound by another import.
 *
 * `blocks`, for code run block by block (a notebook's cells, from
 * `RuleContext.blocks`, in order): the import goes after the last import of the
 * block holding the file's first import (the notebook's imports cell), so that
 * every fix adding it writes the same line once; with no import before `before`,
 * at the top of the first block.
 */
export function addFromImport(text: string, module: string, names: readonly string[], before: number, blocks?: ReadonlyArray<{ start: number; end: number }>): Edit | null | undefined {
  const index = importIndexOf(text);
  const { lines } = index;
  // The import lines that start before `before`: [0, count).
  const count = firstAtOrAfter(lines, before);
  // The last of them may hold `before`: it is read up to `before` only (a prefix of an import line may not be one).
  const partial = count > 0 && lines[count - 1].start + lines[count - 1].line.length > before ? lines[count - 1] : undefined;
  const whole = partial ? count - 1 : count;
  const plan = planOf(index, module, names);
  if (plan.blockedAt < whole) return undefined;
  // With blocks, only the import lines of the block holding the first one count as places to insert.
  const target = blocks && count > 0 ? blockAt(blocks, lines[0].start) : undefined;
  const placeable = target ? Math.min(whole, firstAtOrAfter(lines, target.end)) : whole;
  let insertAt = placeable > 0 ? lines[placeable - 1].start + lines[placeable - 1].line.length : undefined;
  const have = new Set(names.filter((n) => (plan.importedAt.get(n) ?? Infinity) < whole));
  if (partial) {
    const line = partial.line.slice(0, before - partial.start);
    if (importLine.test(line)) {
      const verdict = readLine(line, ownImport(module), names);
      if (verdict.blocked) return undefined;
      if (!target || partial.start < target.end) insertAt = partial.start + line.length;
      for (const name of verdict.imports) have.add(name);
    }
  }
  const missing = names.filter((n) => !have.has(n));
  if (!missing.length) return null;
  if (insertAt === undefined && blocks?.length && blocks[0].start <= before && !startsWithMagic(text, blocks[0].start)) insertAt = blocks[0].start;
  if (insertAt === undefined) return undefined;
  return { start: insertAt, end: insertAt, text: `from ${module} import ${missing.join(', ')}${index.eol}` };
}

/** Index of the first import line starting at or after `offset` (binary search). */
function firstAtOrAfter(lines: readonly ImportLine[], offset: number): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lines[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The block holding `offset` (blocks in order; binary search), if any. */
function blockAt(blocks: ReadonlyArray<{ start: number; end: number }>, offset: number): { start: number; end: number } | undefined {
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (blocks[mid].end <= offset) low = mid + 1;
    else high = mid;
  }
  const block = blocks[low];
  return block && block.start <= offset && offset < block.end ? block : undefined;
}

/** A block whose first line is an IPython line (neutralised to `0` and spaces in the code rules read): nothing goes above it. */
function startsWithMagic(text: string, start: number): boolean {
  return /^0 *(?:\r?\n|$)/.test(text.slice(start, start + 200));
}
