import type { PythonCall, UnresolvedCall } from '../python/facts';

/**
 * What the notebook language hands to rules after the Python facts of its
 * cells (so a rule can judge the notebook as a whole there): where each code
 * cell is in the document the rules read.
 */

export interface NotebookCellFact {
  /** 0-based index over all cells of the notebook (markdown cells count). */
  index: number;
  /** Offsets of the cell's text in the document, `end` exclusive. */
  start: number;
  end: number;
}

export interface NotebookFact {
  /** The code cells, in order. */
  cells: NotebookCellFact[];
  /**
   * Text inserted at this offset (the end of the document, `start` = `end`)
   * becomes a new code cell at the end of the notebook.
   */
  appendAt: number;
  /** The IPython magics of the code cells (`%store name`, `%%capture out`), which the document the rules read holds as blanks. */
  magics?: NotebookMagic[];
  /** The Python modules of the notebook's folder that its cells import, when the folder was read with it. */
  modules?: NotebookModuleFact[];
}

/**
 * A Python module of the notebook's folder that its cells import (`from cleanup import delete_all`,
 * `import utils`), as the Python language reads it: its calls, offsets into its own text.
 */
export interface NotebookModuleFact {
  /** The module's name: `cleanup` for `cleanup.py`. */
  name: string;
  fileName: string;
  text: string;
  calls: readonly PythonCall[];
  unresolvedCalls: readonly UnresolvedCall[];
}

/** An IPython magic (a line magic, or a cell magic's first line) as written, and where it is in the document. */
export interface NotebookMagic {
  start: number;
  end: number;
  /** From its `%` to the end of its line. */
  text: string;
}

declare module '../../core/types' {
  interface VisitorFacts {
    notebook: NotebookFact;
  }
}

/** The cell holding an offset of the document, if any. */
export function cellIndexAt(notebook: NotebookFact, offset: number): number | undefined {
  return notebook.cells.find((c) => c.start <= offset && offset <= c.end)?.index;
}
