import type { LinterOptions } from './core/engine';
import { Linter } from './core/engine';
import type { LanguageOptions } from './parsers';
import { createLanguages } from './parsers';
import { allRules } from './rules';

/** The engine with every built-in rule and language: what the CLI and the extension run. */
export function createLinter(options: LanguageOptions & Partial<LinterOptions>): Linter {
  const { locateWasm, ...rest } = options;
  return new Linter({ rules: allRules, languages: createLanguages({ locateWasm }), ...rest });
}
