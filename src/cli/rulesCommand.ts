import type { AnyRule, OptionSpec } from '../core/types';

/** `greenml rules`: every rule with its default severity, formats and fixability. */
export function formatRuleList(rules: readonly AnyRule[], format: 'text' | 'json' | 'markdown'): string {
  if (format === 'markdown') return ruleTableMarkdown(rules);
  if (format === 'json') {
    const list = rules.map((r) => ({
      id: r.id,
      name: r.name,
      description: r.meta.description,
      category: r.meta.category,
      defaultSeverity: r.meta.defaultSeverity,
      formats: r.meta.formats,
      fixes: r.meta.fixes,
      wellArchitected: r.meta.wellArchitected,
      options: Object.fromEntries(Object.entries(r.meta.options as Record<string, OptionSpec>).map(([k, v]) => [k, { type: v.type, default: v.default, description: v.description }])),
      docsUrl: r.docsUrl,
    }));
    return JSON.stringify(list, null, 2) + '\n';
  }
  const rows = rules.map((r) => [r.id, r.name, r.meta.defaultSeverity, r.meta.formats.join(','), fixColumn(r), r.meta.description]);
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) => row.map((cell, i) => (i < 5 ? cell.padEnd(widths[i]) : cell)).join('  ')).join('\n') + '\n';
}

/** The rule table of the README, generated from metadata so it cannot drift. */
export function ruleTableMarkdown(rules: readonly AnyRule[]): string {
  const lines = ['| ID | Name | Default severity | Formats | Fix | What it flags |', '| --- | --- | --- | --- | --- | --- |'];
  for (const r of rules) {
    lines.push(`| ${r.id} | [${r.name}](docs/rules/${r.name}.md) | ${r.meta.defaultSeverity} | ${r.meta.formats.join(', ')} | ${fixColumn(r) || 'no'} | ${r.meta.description} |`);
  }
  return lines.join('\n') + '\n';
}

/** What a rule can do about its findings: `safe`, `unsafe`, `advice` (shown, never applied), or nothing. */
export function fixColumn(rule: AnyRule): string {
  return rule.meta.fixes.map((a) => (a === 'displayOnly' ? 'advice' : a)).join(', ');
}
