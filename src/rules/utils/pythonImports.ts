import type { Edit } from '../../core/types';

/**
 * An edit adding `from <module> import <names>` for the names the file does not
 * already import from that module, on a line of its own after the last
 * top-level import before `before`. Undefined when that cannot be done cleanly:
 * no top-level import to follow, a multi-line import (parenthesised or
 * continued) in the way, or a name already bound by another import.
 */
export function addFromImport(text: string, module: string, names: readonly string[], before: number): Edit | null | undefined {
  const lines = text.slice(0, before).split(/(?<=\n)/);
  let offset = 0;
  let insertAt: number | undefined;
  const have = new Set<string>();
  const escaped = module.replace(/\./g, '\\.');
  for (const line of lines) {
    const start = offset;
    offset += line.length;
    if (!/^(from|import)\s/.test(line)) continue;
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
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { start: insertAt, end: insertAt, text: `from ${module} import ${missing.join(', ')}${eol}` };
}
