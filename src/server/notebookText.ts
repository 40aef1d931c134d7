/** A notebook cell as the server sees it: code cells in Python are linted, the rest only keep their place. */
export interface CellInput {
  code: boolean;
  text: string;
}

/** The `.ipynb` JSON of the live cells: what the notebook language parses (cell indexes stay those of the notebook). */
export function notebookText(cells: readonly CellInput[]): string {
  return JSON.stringify({
    cells: cells.map((c) => ({ cell_type: c.code ? 'code' : 'markdown', metadata: {}, source: c.code ? c.text : '' })),
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  });
}
