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
