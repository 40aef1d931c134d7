import type { LinterOptions } from './core/engine';
import { Linter } from './core/engine';
import { allLanguages } from './parsers';
import { allRules } from './rules';

/** The engine with every built-in rule and language: what the CLI and the extension run. */
export function createLinter(options: Partial<LinterOptions> = {}): Linter {
  return new Linter({ rules: allRules, languages: allLanguages, ...options });
}
