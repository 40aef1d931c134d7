import type { LineIndex } from './lineIndex';

/**
 * Suppression comments, in the file's own comment syntax:
 *
 * - `# greenml-ignore SML401: reason` at the end of a line silences those rules
 *   on that line; on a line of its own it silences them on the next line.
 * - `# greenml-ignore-file SML401: reason` anywhere on a line of its own
 *   silences them in the whole file.
 *
 * Rules are named by id or name, separated by commas or spaces. Without any
 * rule named, the comment silences every rule. The reason is optional but kept,
 * so reports can show why a finding was accepted.
 */
export interface Suppression {
  /** 0-based line of the comment. */
  line: number;
  /** 0-based lines it applies to; empty for a file-level suppression. */
  appliesTo: number[];
  fileLevel: boolean;
  /** Rule ids or names; empty means all rules. */
  rules: string[];
  reason: string;
}

const directive = /greenml-ignore(-file)?(?![\w-])([^:\n]*)(?::(.*))?$/;

export function parseSuppressions(text: string, lines: LineIndex, commentPrefixes: readonly string[]): Suppression[] {
  if (commentPrefixes.length === 0 || !text.includes('greenml-ignore')) return [];
  const result: Suppression[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    if (!content.includes('greenml-ignore')) continue;
    const comment = findComment(content, commentPrefixes);
    if (!comment) continue;
    const match = directive.exec(comment.body);
    if (!match) continue;
    const ownLine = content.slice(0, comment.at).trim() === '';
    const fileLevel = match[1] !== undefined;
    if (fileLevel && !ownLine) continue;
    const rules = match[2].split(/[\s,]+/).filter(Boolean);
    const reason = (match[3] ?? '').trim();
    result.push({ line, appliesTo: fileLevel ? [] : ownLine ? [line, line + 1] : [line], fileLevel, rules, reason });
  }
  return result;
}

/** The first comment leader on the line that is followed by the directive. */
function findComment(content: string, prefixes: readonly string[]): { at: number; body: string } | undefined {
  for (const prefix of prefixes) {
    let at = content.indexOf(prefix);
    while (at !== -1) {
      const body = content.slice(at + prefix.length).trim();
      if (body.startsWith('greenml-ignore')) return { at, body };
      at = content.indexOf(prefix, at + prefix.length);
    }
  }
  return undefined;
}

export function isSuppressed(suppressions: readonly Suppression[], ruleId: string, ruleName: string, line: number): boolean {
  return suppressions.some(
    (s) =>
      (s.fileLevel || s.appliesTo.includes(line)) &&
      (s.rules.length === 0 || s.rules.some((r) => r.toUpperCase() === ruleId || r === ruleName)),
  );
}

/**
 * The edit that silences `ruleId` on a 0-based line (or in the whole file): it
 * extends a `greenml-ignore` comment already on the line above, or inserts a
 * new comment line with the line's indentation.
 */
export function suppressionEdit(lines: LineIndex, prefix: string, ruleId: string, line: number, fileLevel: boolean): { start: number; end: number; text: string } {
  const keyword = fileLevel ? 'greenml-ignore-file' : 'greenml-ignore';
  const candidates = fileLevel ? range(0, lines.lineCount) : line > 0 ? [line - 1] : [];
  for (const candidate of candidates) {
    const content = lines.lineText(candidate);
    const at = content.indexOf(`${prefix} ${keyword}`);
    if (at === -1 || content.slice(0, at).trim() !== '') continue;
    const afterKeyword = at + prefix.length + 1 + keyword.length;
    if (/^[\w-]/.test(content.slice(afterKeyword))) continue; // `greenml-ignore-file` when looking for `greenml-ignore`
    const colon = content.indexOf(':', afterKeyword);
    const listEnd = colon === -1 ? content.trimEnd().length : colon;
    const list = content.slice(afterKeyword, listEnd).trim();
    if (!list) continue; // an ignore-everything comment: nothing to extend
    const insertAt = lines.lineStart(candidate) + afterKeyword + content.slice(afterKeyword, listEnd).trimEnd().length;
    return { start: insertAt, end: insertAt, text: `, ${ruleId}` };
  }
  if (fileLevel) {
    const first = lines.lineCount > 0 && lines.lineText(0).startsWith('#!') ? 1 : 0;
    const at = lines.lineStart(first);
    return { start: at, end: at, text: `${prefix} ${keyword} ${ruleId}${lines.eol}` };
  }
  const at = lines.lineStart(line);
  return { start: at, end: at, text: `${lines.indentation(line)}${prefix} ${keyword} ${ruleId}${lines.eol}` };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
