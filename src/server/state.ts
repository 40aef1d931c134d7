import type { LintResult } from '../core/engine';
import type { Finding } from '../core/types';

/**
 * What one lint of a text document or a notebook left behind: the findings (code actions look
 * them up by the key each diagnostic carries) and the text their offsets index.
 */
export interface TextLint {
  kind: 'text';
  uri: string;
  version: number;
  /** The document's text as linted. */
  text: string;
  result: LintResult;
  /** The finding each published diagnostic's key stands for. */
  keys?: ReadonlyMap<number, Finding>;
  commentPrefix?: string;
  /** A notebook's code sent as one Python document (jupyterlab-lsp): linted as a notebook of one cell. */
  oneCell?: boolean;
}

export interface NotebookLint {
  kind: 'notebook';
  uri: string;
  version: number;
  /** The `.ipynb` JSON built from the cells, what the findings' offsets index. */
  text: string;
  result: LintResult;
  /** Cell document URIs in notebook order (every cell, code or not), and the text of each as linted. */
  cells: Array<{ uri: string; text: string; code: boolean }>;
  /** The finding each published diagnostic's key stands for. */
  keys?: ReadonlyMap<number, Finding>;
  commentPrefix?: string;
}

export type LintState = TextLint | NotebookLint;

/**
 * The finding a diagnostic of this lint stands for, by the key put in its `data` (the finding's
 * index when the lint has no {@link TextLint.keys}).
 */
export function findingOf(state: LintState, data: unknown): Finding | undefined {
  const key = data !== null && typeof data === 'object' ? (data as { key?: unknown }).key : undefined;
  if (typeof key !== 'number') return undefined;
  return state.keys ? state.keys.get(key) : state.result.findings[key];
}
