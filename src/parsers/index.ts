import type { Language } from '../core/types';
import { cloudFormationJson, cloudFormationYaml } from './cloudformation';

/** Every language the engine can lint, in detection order. */
export const allLanguages: readonly Language[] = [cloudFormationYaml, cloudFormationJson];
