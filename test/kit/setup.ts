import { testLanguages } from './languages';

/**
 * Mocha root hook (loaded through .mocharc.json): loads the tree-sitter parsers
 * once before any test, as the CLI does before linting.
 */
export const mochaHooks = {
  async beforeAll(): Promise<void> {
    await Promise.all(testLanguages.map((l) => l.load?.()));
    for (const language of testLanguages) {
      const state = language.loadState;
      if (state?.state === 'failed') throw new Error(`cannot load the ${language.format} parser: ${state.message}`);
    }
  },
};
