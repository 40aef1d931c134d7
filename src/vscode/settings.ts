import * as vscode from 'vscode';
import type { Config, ConfigIssue } from '../core/config';
import { parseConfig } from '../core/config';
import type { AnyRule } from '../core/types';

export interface EditorSettings {
  enable: boolean;
  lintDelayMs: number;
  maxFileSizeKb: number;
  config: Config;
  issues: ConfigIssue[];
}

/** Reads the `greenml.*` settings; invalid rule entries are reported and dropped. */
export function readSettings(rules: readonly AnyRule[], scope?: vscode.Uri): EditorSettings {
  const section = vscode.workspace.getConfiguration('greenml', scope);
  const { config, issues } = parseConfig({ rules: section.get<unknown>('rules', {}) }, rules);
  return {
    enable: section.get<boolean>('enable', true),
    lintDelayMs: Math.max(0, section.get<number>('lintDelay', 300)),
    maxFileSizeKb: Math.max(1, section.get<number>('maxFileSizeKb', 2048)),
    config,
    issues: issues.map((i) => ({ ...i, path: `greenml.${i.path}` })),
  };
}

/** The settings that steer the AWS connection: which account, which regions, and whether stop and delete are allowed. */
export interface AwsSettings {
  profile: string | undefined;
  regions: string[];
  idleHours: number;
  readOnly: boolean;
}

/** The AWS-steering settings: user-only (package.json scopes them `application`) and read here from the user's value only. */
export const userOnlyAwsSettings = ['aws.profile', 'aws.regions', 'aws.readOnly'] as const;

/**
 * The user's own value of a setting (user settings, else the default), never a workspace's or
 * folder's: a repository's `.vscode/settings.json` must not pick the AWS account or turn the
 * destructive actions on. package.json scopes these settings `application`, so VS Code already
 * drops workspace values; this is the second lock.
 */
function userValue<T>(section: vscode.WorkspaceConfiguration, key: (typeof userOnlyAwsSettings)[number], fallback: T): T {
  const inspected = section.inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue ?? fallback;
}

export function readAwsSettings(): AwsSettings {
  const section = vscode.workspace.getConfiguration('greenml');
  const profile = userValue<unknown>(section, 'aws.profile', '');
  const regions = userValue<unknown>(section, 'aws.regions', []);
  const idleHours = section.get<number>('idle.hours', 24);
  return {
    profile: typeof profile === 'string' && profile.trim() !== '' ? profile.trim() : undefined,
    regions: Array.isArray(regions) ? regions.filter((r): r is string => typeof r === 'string' && r.trim() !== '').map((r) => r.trim()) : [],
    idleHours: typeof idleHours === 'number' && Number.isFinite(idleHours) ? Math.max(1, idleHours) : 24,
    // Anything but an explicit `false` of the user's keeps the explorer read-only.
    readOnly: userValue<unknown>(section, 'aws.readOnly', true) !== false,
  };
}
