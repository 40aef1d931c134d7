import type { AnyRule, OptionSpec, Severity } from './types';
import { severities } from './types';

/**
 * Configuration as users write it, in VS Code settings (`greenml.rules`) or in a
 * `greenml.json` / `.greenml.yaml` file:
 *
 * ```json
 * { "rules": { "SML401": { "severity": "error", "options": { "retentionDays": 90 } },
 *              "training-no-spot": "off" } }
 * ```
 *
 * Rules are keyed by id or name. Parsing never throws: each problem becomes a
 * {@link ConfigIssue} and the offending entry is dropped, the rest still applies.
 */
export interface RuleConfig {
  severity?: Severity | 'off';
  options?: Record<string, unknown>;
}

export interface Config {
  /** Keyed by rule id. */
  rules: Record<string, RuleConfig>;
}

export interface ConfigIssue {
  /** Where the problem is, as a dotted path (`rules.SML401.options.retentionDays`). */
  path: string;
  message: string;
}

export const emptyConfig: Config = { rules: {} };

const topLevelKeys = new Set(['$schema', 'rules']);

export function parseConfig(raw: unknown, rules: readonly AnyRule[]): { config: Config; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const config: Config = { rules: {} };
  if (raw === undefined || raw === null) return { config, issues };
  if (!isPlainObject(raw)) {
    issues.push({ path: '', message: `expected an object, got ${describe(raw)}` });
    return { config, issues };
  }
  for (const key of Object.keys(raw)) {
    if (!topLevelKeys.has(key)) issues.push({ path: key, message: `unknown setting; expected one of: rules` });
  }
  const rulesValue = raw['rules'];
  if (rulesValue === undefined) return { config, issues };
  if (!isPlainObject(rulesValue)) {
    issues.push({ path: 'rules', message: `expected an object keyed by rule id, got ${describe(rulesValue)}` });
    return { config, issues };
  }
  for (const [key, value] of Object.entries(rulesValue)) {
    const rule = findRule(rules, key);
    const path = `rules.${key}`;
    if (!rule) {
      issues.push({ path, message: `unknown rule "${key}"${suggestRule(rules, key)}` });
      continue;
    }
    const parsed = parseRuleConfig(value, rule, path, issues);
    if (parsed) config.rules[rule.id] = { ...config.rules[rule.id], ...parsed };
  }
  return { config, issues };
}

function parseRuleConfig(value: unknown, rule: AnyRule, path: string, issues: ConfigIssue[]): RuleConfig | undefined {
  if (typeof value === 'string') {
    const severity = parseSeverity(value, path, issues);
    return severity ? { severity } : undefined;
  }
  if (!isPlainObject(value)) {
    issues.push({ path, message: `expected "off", a severity or an object with "severity" and "options", got ${describe(value)}` });
    return undefined;
  }
  const result: RuleConfig = {};
  for (const key of Object.keys(value)) {
    if (key !== 'severity' && key !== 'options') issues.push({ path: `${path}.${key}`, message: 'unknown key; expected "severity" or "options"' });
  }
  if (value['severity'] !== undefined) {
    const severity = typeof value['severity'] === 'string' ? parseSeverity(value['severity'], `${path}.severity`, issues) : undefined;
    if (typeof value['severity'] !== 'string') issues.push({ path: `${path}.severity`, message: `expected a string, got ${describe(value['severity'])}` });
    if (severity) result.severity = severity;
  }
  if (value['options'] !== undefined) {
    const options = value['options'];
    if (!isPlainObject(options)) {
      issues.push({ path: `${path}.options`, message: `expected an object, got ${describe(options)}` });
    } else {
      const specs = rule.meta.options as Record<string, OptionSpec>;
      const accepted: Record<string, unknown> = {};
      for (const [name, optionValue] of Object.entries(options)) {
        const spec = specs[name];
        const optionPath = `${path}.options.${name}`;
        if (!spec) {
          const known = Object.keys(specs);
          issues.push({ path: optionPath, message: known.length ? `unknown option; ${rule.id} accepts: ${known.join(', ')}` : `unknown option; ${rule.id} has no options` });
          continue;
        }
        const problem = checkOption(spec, optionValue);
        if (problem) issues.push({ path: optionPath, message: problem });
        else accepted[name] = optionValue;
      }
      result.options = accepted;
    }
  }
  return result;
}

function parseSeverity(value: string, path: string, issues: ConfigIssue[]): Severity | 'off' | undefined {
  if (value === 'off' || (severities as readonly string[]).includes(value)) return value as Severity | 'off';
  issues.push({ path, message: `unknown severity "${value}"; expected one of: off, ${severities.join(', ')}` });
  return undefined;
}

/** Returns a problem description, or undefined when the value fits the spec. */
export function checkOption(spec: OptionSpec, value: unknown): string | undefined {
  switch (spec.type) {
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `expected a number, got ${describe(value)}`;
      if (spec.type === 'integer' && !Number.isInteger(value)) return `expected a whole number, got ${value}`;
      if (spec.minimum !== undefined && value < spec.minimum) return `must be at least ${spec.minimum}, got ${value}`;
      if (spec.maximum !== undefined && value > spec.maximum) return `must be at most ${spec.maximum}, got ${value}`;
      if (spec.oneOf && !spec.oneOf.includes(value)) return `must be one of ${spec.oneOf.join(', ')}; got ${value}`;
      return undefined;
    }
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `expected true or false, got ${describe(value)}`;
    case 'string':
      if (typeof value !== 'string') return `expected a string, got ${describe(value)}`;
      if (spec.enum && !spec.enum.includes(value)) return `must be one of ${spec.enum.join(', ')}; got "${value}"`;
      return undefined;
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : `expected a list of strings, got ${describe(value)}`;
  }
}

/** Later configs win, rule by rule and option by option. */
export function mergeConfigs(...configs: Config[]): Config {
  const rules: Record<string, RuleConfig> = {};
  for (const config of configs) {
    for (const [id, ruleConfig] of Object.entries(config.rules)) {
      const previous = rules[id] ?? {};
      rules[id] = {
        severity: ruleConfig.severity ?? previous.severity,
        options: { ...previous.options, ...ruleConfig.options },
      };
    }
  }
  return { rules };
}

/** The effective severity and options of each enabled rule. */
export type RuleSettings = Map<string, { severity: Severity; options: Record<string, unknown> }>;

export interface Selection {
  /** Only rules matching one of these (id, id prefix such as `SML4`, or name). */
  select?: readonly string[];
  /** Never rules matching one of these. */
  ignore?: readonly string[];
}

export function resolveRuleSettings(rules: readonly AnyRule[], config: Config = emptyConfig, selection: Selection = {}): RuleSettings {
  const settings: RuleSettings = new Map();
  for (const rule of rules) {
    if (selection.select?.length && !selection.select.some((s) => matchesSelector(rule, s))) continue;
    if (selection.ignore?.some((s) => matchesSelector(rule, s))) continue;
    const ruleConfig = config.rules[rule.id] ?? {};
    const severity = ruleConfig.severity ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    const options: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(rule.meta.options as Record<string, OptionSpec>)) {
      options[name] = ruleConfig.options?.[name] ?? spec.default;
    }
    settings.set(rule.id, { severity, options });
  }
  return settings;
}

/** True when a `--select`/`--ignore` entry names this rule: its id, an id prefix, or its name. */
export function matchesSelector(rule: AnyRule, selector: string): boolean {
  const s = selector.trim();
  if (!s) return false;
  if (s.toUpperCase() === 'ALL') return true;
  return rule.id.startsWith(s.toUpperCase()) || rule.name === s;
}

/** Selectors that match no rule, so the CLI can reject typos. */
export function unknownSelectors(rules: readonly AnyRule[], selectors: readonly string[]): string[] {
  return selectors.filter((s) => !rules.some((r) => matchesSelector(r, s)));
}

export function findRule(rules: readonly AnyRule[], key: string): AnyRule | undefined {
  return rules.find((r) => r.id === key.toUpperCase() || r.name === key);
}

function suggestRule(rules: readonly AnyRule[], key: string): string {
  const lower = key.toLowerCase();
  const close = rules.find((r) => r.name.includes(lower) || lower.includes(r.name) || r.id.toLowerCase() === lower.replace(/\s/g, ''));
  return close ? `; did you mean "${close.id}" (${close.name})?` : '';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}
