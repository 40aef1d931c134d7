import type { Config, ConfigIssue } from '../core/config';
import { parseConfig } from '../core/config';
import type { AnyRule } from '../core/types';
import type { IntensityChoice } from '../estimate/estimate';
import type { BaselineSettings } from './baseline';

/** The `greenml.*` settings the server reads through `workspace/configuration`. */
export interface ServerSettings {
  enable: boolean;
  lintDelayMs: number;
  /** A lint that runs longer than this is abandoned (its result dropped, a line logged). */
  lintTimeBudgetMs: number;
  maxFileSizeKb: number;
  config: Config;
  issues: ConfigIssue[];
  /** `greenml.baseline` and `greenml.baselineMode`: findings a baseline file accepts are greyed or hidden. */
  baseline: BaselineSettings;
  /** Figures of hovers and lenses. */
  estimates: {
    codeLens: boolean;
    /** `greenml.region`; undefined when unset (the figures then use us-east-1 unless the code names a region). */
    region?: string;
    utilization: number;
    intensity: IntensityChoice;
  };
}

export const defaultLintDelayMs = 300;
export const defaultLintTimeBudgetMs = 5000;
export const defaultMaxFileSizeKb = 2048;

/** Settings from the client's `greenml` section (any shape: unknown values fall back to defaults). */
export function parseServerSettings(section: unknown, rules: readonly AnyRule[]): ServerSettings {
  const raw = section !== null && typeof section === 'object' ? (section as Record<string, unknown>) : {};
  const { config, issues } = parseConfig({ rules: raw.rules ?? {} }, rules);
  const codeLens = raw.codeLens !== null && typeof raw.codeLens === 'object' ? (raw.codeLens as Record<string, unknown>).enable : raw['codeLens.enable'];
  const region = typeof raw.region === 'string' && raw.region.trim() !== '' ? raw.region.trim() : undefined;
  const utilization = numberOr(raw.utilization, 0.5, 0);
  return {
    enable: typeof raw.enable === 'boolean' ? raw.enable : true,
    lintDelayMs: numberOr(raw.lintDelay, defaultLintDelayMs, 0),
    lintTimeBudgetMs: numberOr(raw.lintTimeBudget, defaultLintTimeBudgetMs, 1),
    maxFileSizeKb: numberOr(raw.maxFileSizeKb, defaultMaxFileSizeKb, 1),
    config,
    issues: issues.map((i) => ({ ...i, path: `greenml.${i.path}` })),
    baseline: { ...(typeof raw.baseline === 'string' && raw.baseline.trim() ? { file: raw.baseline.trim() } : {}), mode: raw.baselineMode === 'hide' ? 'hide' : 'dim' },
    estimates: {
      codeLens: typeof codeLens === 'boolean' ? codeLens : true,
      ...(region ? { region } : {}),
      utilization: Math.min(1, utilization),
      intensity: raw.gridIntensity === 'recent' ? 'recent' : 'ccf',
    },
  };
}

function numberOr(value: unknown, fallback: number, minimum: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(minimum, value) : fallback;
}
