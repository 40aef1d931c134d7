import type { Edit } from '../../core/types';

/** The lines of a text that start with `from ` or `import `, with their offsets; and the text's line break. */
interface ImportLines {
  text: string;
  lines: Array<{ start: number; line: string }>;
  eol: string;
}

const importLine = /^(from|import)\s/;

/**
 * The last text indexed: rules call {@link addFromImport} once per finding on the
 * same text, so the file is scanned once per lint instead of once per finding.
 */
let indexed: ImportLines | undefined;

function importLinesOf(text: string): ImportLines {
  if (indexed?.text === text) return indexed;
  const lines: ImportLines['lines'] = [];
  for (let start = 0; start < text.length; ) {
    const next = text.indexOf('\n', start);
    const end = next === -1 ? text.length : next + 1;
    const first = text.charCodeAt(start);
    if (first === 0x66 /* f */ || first === 0x69 /* i */) {
      const line = text.slice(start, end);
      if (importLine.test(line)) lines.push({ start, line });
    }
    start = end;
  }
  indexed = { text, lines, eol: text.includes('\r\n') ? '\r\n' : '\n' };
  return indexed;
}

/**
 * An edit adding `from <module> import <names>` for the names the file does not
 * already import from that module, on a line of its own after the last
 * top-level import before `before`. Undefined when that cannot be done cleanly:
 * no top-level import to follow, a multi-line import (parenthesised or
 * continued) in the way, or a name already bound by another import.
 */
export function addFromImport(text: string, module: string, names: readonly string[], before: number): Edit | null | undefined {
  const index = importLinesOf(text);
  let insertAt: number | undefined;
  const have = new Set<string>();
  const escaped = module.replace(/\./g, '\\.');
  for (const { start, line: whole } of index.lines) {
    if (start >= before) break;
    // The line `before` falls in is read up to `before` only (a prefix of an import line may not be one).
    const line = start + whole.length > before ? whole.slice(0, before - start) : whole;
    if (line !== whole && !importLine.test(line)) continue;
    if (/[(\\]\s*(#.*)?$/.test(line.replace(/\r?\n$/, ''))) return undefined;
    if (!line.endsWith('\n')) return undefined;
    insertAt = start + line.length;
    const own = new RegExp(`^from\\s+${escaped}\\s+import\\s+(.*)$`).exec(line.replace(/\r?\n$/, '').replace(/#.*$/, ''));
    if (own) for (const item of own[1].split(',')) have.add(item.trim());
    else if (names.some((n) => new RegExp(`\\b(import|as)\\s+${n}\\b|,\\s*${n}\\b`).test(line))) return undefined;
  }
  const missing = names.filter((n) => !have.has(n));
  if (!missing.length) return null;
  if (insertAt === undefined) return undefined;
  return { start: insertAt, end: insertAt, text: `from ${module} import ${missing.join(', ')}${index.eol}` };
}
