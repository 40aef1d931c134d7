import type { Language } from '../core/types';
import { cloudFormationJson, cloudFormationYaml } from './cloudformation';
import type { LocateWasm } from './wasm';
import { createPythonLanguage } from './python/language';
import { createNotebookLanguage } from './notebook/language';
import { createTerraformLanguage } from './terraform';
import { createCdkPythonLanguage } from './cdk/python';
import { createCdkTypeScriptLanguage } from './cdk/typescript';

export interface LanguageOptions {
  /** Where the WebAssembly files of the tree-sitter parsers are. */
  locateWasm: LocateWasm;
}

/** Every language the engine can lint, in detection order. */
export function createLanguages(options: LanguageOptions): Language[] {
  const python = createPythonLanguage(options.locateWasm);
  return [
    cloudFormationYaml,
    cloudFormationJson,
    python,
    createNotebookLanguage(python),
    createTerraformLanguage(options.locateWasm),
    createCdkTypeScriptLanguage(options.locateWasm),
    createCdkPythonLanguage(python),
  ];
}
