import type { LinterOptions } from './core/engine';
import { Linter } from './core/engine';
import type { MessageFigures } from './core/types';
import { perHourFigures, switchFigures } from './estimate/savings';
import type { LanguageOptions } from './parsers';
import { createLanguages } from './parsers';
import { allRules } from './rules';

/** The estimate's figures for rule messages (default assumptions: us-east-1, 50% utilisation). */
export const estimateFigures: MessageFigures = { perHour: perHourFigures, change: switchFigures };

/** The engine with every built-in rule and language: what the CLI and the extension run. */
export function createLinter(options: LanguageOptions & Partial<LinterOptions>): Linter {
  const { locateWasm, ...rest } = options;
  return new Linter({ rules: allRules, languages: createLanguages({ locateWasm }), figures: estimateFigures, ...rest });
}
