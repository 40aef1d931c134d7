import type { Severity } from '../core/types';

/**
 * Whether text output is coloured: `--color` / `--no-color` decide; else a terminal gets colour
 * unless `NO_COLOR` is set to something (no-color.org), and `FORCE_COLOR` (not `0`) forces it.
 */
export function useColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env['NO_COLOR']) return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '' && env['FORCE_COLOR'] !== '0') return true;
  return isTerminal && env['TERM'] !== 'dumb';
}

/** SGR wrappers; all identity when colour is off. */
export interface Paint {
  severity(severity: Severity, text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

const sgr = (code: string) => (text: string): string => `\u001b[${code}m${text}\u001b[0m`;
const severityCodes: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '2' };

export function paint(color: boolean): Paint {
  if (!color) return { severity: (_s, t) => t, bold: (t) => t, dim: (t) => t };
  return { severity: (s, t) => sgr(severityCodes[s])(t), bold: sgr('1'), dim: sgr('2') };
}
