import type { AnyRule, OptionSpec, Severity } from './types';
import { escapeControls } from './escape';
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
  /** The same path as keys, for locating it in the file (a key may itself hold a dot). */
  keys: string[];
  message: string;
}

export const emptyConfig: Config = { rules: {} };

const topLevelKeys = new Set(['$schema', 'rules']);

/**
 * Validates raw settings (a parsed config file or VS Code's `greenml.rules`). Only own properties
 * are read, so an object whose prototype was set through a `__proto__` key supplies nothing it does
 * not hold itself; keys JavaScript gives a meaning (`__proto__`, `constructor`, `prototype`) are
 * rejected wherever they appear; the result holds only rule ids and option names the rules declare,
 * each value checked against its spec. Linear in the size of `raw`.
 */
export function parseConfig(raw: unknown, rules: readonly AnyRule[]): { config: Config; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const report = (keys: string[], message: string): void => {
    issues.push({ path: keys.join('.'), keys, message });
  };
  const config: Config = { rules: {} };
  if (raw === undefined || raw === null) return { config, issues };
  if (!isPlainObject(raw)) {
    report([], `expected an object, got ${describe(raw)}`);
    return { config, issues };
  }
  for (const key of Object.keys(raw)) {
    if (!topLevelKeys.has(key)) report([key], reservedKeys.has(key) ? reservedMessage(key) : `unknown setting; expected one of: rules`);
  }
  const rulesValue = own(raw, 'rules');
  if (rulesValue === undefined) return { config, issues };
  if (!isPlainObject(rulesValue)) {
    report(['rules'], `expected an object keyed by rule id, got ${describe(rulesValue)}`);
    return { config, issues };
  }
  for (const key of Object.keys(rulesValue)) {
    const keys = ['rules', key];
    const rule = reservedKeys.has(key) ? undefined : findRule(rules, key);
    if (!rule) {
      report(keys, reservedKeys.has(key) ? reservedMessage(key) : `unknown rule "${key}"${suggestRule(rules, key)}`);
      continue;
    }
    const parsed = parseRuleConfig(rulesValue[key], rule, keys, report);
    if (parsed) config.rules[rule.id] = { ...config.rules[rule.id], ...parsed };
  }
  return { config, issues };
}

type Report = (keys: string[], message: string) => void;

/** Keys with a meaning to JavaScript objects: never settings, whatever the level. */
const reservedKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function reservedMessage(key: string): string {
  return `"${key}" is not a setting and is not allowed as a key`;
}

function parseRuleConfig(value: unknown, rule: AnyRule, keys: string[], report: Report): RuleConfig | undefined {
  if (typeof value === 'string') {
    const severity = parseSeverity(value, keys, report);
    return severity ? { severity } : undefined;
  }
  if (!isPlainObject(value)) {
    report(keys, `expected "off", a severity or an object with "severity" and "options", got ${describe(value)}`);
    return undefined;
  }
  const result: RuleConfig = {};
  for (const key of Object.keys(value)) {
    if (key !== 'severity' && key !== 'options') report([...keys, key], reservedKeys.has(key) ? reservedMessage(key) : 'unknown key; expected "severity" or "options"');
  }
  const severityValue = own(value, 'severity');
  if (severityValue !== undefined) {
    if (typeof severityValue !== 'string') report([...keys, 'severity'], `expected a string, got ${describe(severityValue)}`);
    const severity = typeof severityValue === 'string' ? parseSeverity(severityValue, [...keys, 'severity'], report) : undefined;
    if (severity) result.severity = severity;
  }
  const options = own(value, 'options');
  if (options !== undefined) {
    if (!isPlainObject(options)) {
      report([...keys, 'options'], `expected an object, got ${describe(options)}`);
    } else {
      const specs = rule.meta.options as Record<string, OptionSpec>;
      const accepted: Record<string, unknown> = {};
      for (const name of Object.keys(options)) {
        const optionKeys = [...keys, 'options', name];
        const spec = reservedKeys.has(name) ? undefined : own(specs, name);
        if (!spec) {
          const known = Object.keys(specs);
          report(optionKeys, reservedKeys.has(name) ? reservedMessage(name) : known.length ? `unknown option; ${rule.id} accepts: ${known.join(', ')}` : `unknown option; ${rule.id} has no options`);
          continue;
        }
        const optionValue = options[name];
        const problem = checkOption(spec, optionValue);
        if (problem) report(optionKeys, problem);
        else accepted[name] = optionValue;
      }
      result.options = accepted;
    }
  }
  return result;
}

function parseSeverity(value: string, keys: string[], report: Report): Severity | 'off' | undefined {
  if (value === 'off' || (severities as readonly string[]).includes(value)) return value as Severity | 'off';
  report(keys, `unknown severity "${value}"; expected one of: off, ${severities.join(', ')}`);
  return undefined;
}

/** An own property's value; never one inherited through the prototype chain. */
function own<T>(object: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Returns a problem description, or undefined when the value fits the spec. */
export function checkOption(spec: OptionSpec, value: unknown): string | undefined {
  switch (spec.type) {
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `expected a number, got ${describe(value)}`;
      if (spec.type === 'integer' && !Number.isInteger(value)) return `expected a whole number, got ${value}`;
      // Fixes write option values into files: keep them to numbers that print as plain digits.
      if (Math.abs(value) > Number.MAX_SAFE_INTEGER) return `must be between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}, got ${value}`;
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
      return controlCharacterProblem(value);
    case 'string[]':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return `expected a list of strings, got ${describe(value)}`;
      for (const item of value as string[]) {
        const problem = controlCharacterProblem(item);
        if (problem) return problem;
      }
      return undefined;
  }
}

function controlCharacterProblem(value: string): string | undefined {
  return escapeControls(value) === value ? undefined : `must not contain control or bidirectional formatting characters, got "${value}"`;
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
    const ruleConfig = own(config.rules, rule.id) ?? {};
    const severity = ruleConfig.severity ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    const options: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(rule.meta.options as Record<string, OptionSpec>)) {
      options[name] = (ruleConfig.options && own(ruleConfig.options, name)) ?? spec.default;
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
