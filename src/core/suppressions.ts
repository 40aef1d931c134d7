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
