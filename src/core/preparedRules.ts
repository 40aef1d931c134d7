import type { AnyRule, FormatFamily } from './types';

/**
 * What the engine reads of a rule on every file and every finding, read once from its metadata:
 * each rule's metadata has a shape of its own, so reading it per file and per finding makes every
 * property lookup a slow, shape-by-shape one.
 */
export interface PreparedRule {
  readonly rule: AnyRule;
  readonly id: string;
  readonly name: string;
  readonly docsUrl: string;
  /** Message templates by id, each split at its placeholders ({@link interpolate}). */
  readonly messages: ReadonlyMap<string, MessageTemplate>;
  /** The fix applicabilities the rule declares. */
  readonly fixes: ReadonlySet<string>;
  /** The Well-Architected best practices each finding is tagged with (copied onto each: findings are the caller's). */
  readonly tags: readonly string[];
}

/** The rules, prepared, that lint each format family: listed on the first file of the family. */
export class PreparedRules {
  private readonly prepared: readonly PreparedRule[];
  private readonly byFamily = new Map<FormatFamily, readonly PreparedRule[]>();

  constructor(rules: readonly AnyRule[]) {
    this.prepared = rules.map((rule) => ({
      rule,
      id: rule.id,
      name: rule.name,
      docsUrl: rule.docsUrl,
      messages: new Map(Object.entries(rule.meta.messages as Record<string, string>).map(([id, template]) => [id, splitTemplate(template)])),
      fixes: new Set(rule.meta.fixes),
      tags: [...rule.meta.wellArchitected],
    }));
  }

  /** The rules whose formats include `family`, in the linter's order. */
  of(family: FormatFamily): readonly PreparedRule[] {
    let rules = this.byFamily.get(family);
    if (!rules) this.byFamily.set(family, (rules = this.prepared.filter((p) => p.rule.meta.formats.includes(family))));
    return rules;
  }
}

/** A message template split at its placeholders: the first literal, then key, placeholder as written, literal, key… */
export type MessageTemplate = readonly string[];

function splitTemplate(template: string): MessageTemplate {
  const parts: string[] = [];
  let at = 0;
  for (const match of template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
    parts.push(template.slice(at, match.index), match[1], match[0]);
    at = match.index + match[0].length;
  }
  parts.push(template.slice(at));
  return parts;
}

/** The message: each placeholder replaced by its value in `data`, left as written when `data` has none. */
export function interpolate(parts: MessageTemplate, data: Record<string, string | number> | undefined): string {
  let message = parts[0];
  for (let i = 1; i < parts.length; i += 3) {
    const key = parts[i];
    message += (data && key in data ? String(data[key]) : parts[i + 1]) + parts[i + 2];
  }
  return message;
}
