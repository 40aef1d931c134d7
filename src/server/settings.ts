import type { Config, ConfigIssue } from '../core/config';
import { parseConfig } from '../core/config';
import type { AnyRule } from '../core/types';

/** The `greenml.*` settings the server reads through `workspace/configuration`. */
export interface ServerSettings {
  enable: boolean;
  lintDelayMs: number;
  maxFileSizeKb: number;
  config: Config;
  issues: ConfigIssue[];
}

export const defaultLintDelayMs = 300;
export const defaultMaxFileSizeKb = 2048;

/** Settings from the client's `greenml` section (any shape: unknown values fall back to defaults). */
export function parseServerSettings(section: unknown, rules: readonly AnyRule[]): ServerSettings {
  const raw = section !== null && typeof section === 'object' ? (section as Record<string, unknown>) : {};
  const { config, issues } = parseConfig({ rules: raw.rules ?? {} }, rules);
  return {
    enable: typeof raw.enable === 'boolean' ? raw.enable : true,
    lintDelayMs: numberOr(raw.lintDelay, defaultLintDelayMs, 0),
    maxFileSizeKb: numberOr(raw.maxFileSizeKb, defaultMaxFileSizeKb, 1),
    config,
    issues: issues.map((i) => ({ ...i, path: `greenml.${i.path}` })),
  };
}

function numberOr(value: unknown, fallback: number, minimum: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(minimum, value) : fallback;
}
