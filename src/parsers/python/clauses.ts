import type { Frame } from './flow';

/** The kind of frame each compound statement opens (its first branch). */
export const opening: Record<string, Frame['kind']> = {
  if_statement: 'if',
  for_statement: 'loop',
  while_statement: 'loop',
  try_statement: 'try',
  match_statement: 'match',
  list_comprehension: 'comprehension',
  set_comprehension: 'comprehension',
  dictionary_comprehension: 'comprehension',
  generator_expression: 'comprehension',
};

/**
 * Whether a clause (`except E:` and its body) ends with a statement that leaves it: its last line of
 * code, at the indentation of its body's first, is a `raise`, `return`, `continue`, `break` or
 * `sys.exit(...)`. Reads the clause's first and last lines of code only.
 */
export function endsByLeaving(text: string, start: number, end: number): boolean {
  let first: string | undefined;
  for (let at = text.indexOf('\n', start); at !== -1 && at < end && first === undefined; at = text.indexOf('\n', at + 1)) {
    const line = text.slice(at + 1, Math.min(end, lineEnd(text, at + 1)));
    if (!/^[ \t]*(?:#|$)/.test(line)) first = line;
  }
  if (first === undefined) return false;
  let last: string | undefined;
  for (let to = end; to > start && last === undefined; ) {
    const from = text.lastIndexOf('\n', to - 1) + 1;
    const line = text.slice(from, to);
    if (from <= start) break;
    if (!/^[ \t]*(?:#|$)/.test(line)) last = line;
    to = from - 1;
  }
  const indent = (line: string): number => /^[ \t]*/.exec(line)?.[0].length ?? 0;
  return last !== undefined && indent(last) === indent(first) && /^[ \t]*(?:(?:raise|return|continue|break)\b|(?:sys\.)?exit\()/.test(last);
}

function lineEnd(text: string, from: number): number {
  const at = text.indexOf('\n', from);
  return at === -1 ? text.length : at;
}

