/**
 * Builds `.ipynb` text for tests the way Jupyter writes it (one-space indent,
 * keys sorted, `source` as a list of lines), or with single-string sources.
 */
export type TestCell = string | { markdown: string };

export function notebookJson(cells: readonly TestCell[], options: { form?: 'list' | 'string' } = {}): string {
  const form = options.form ?? 'list';
  const source = (text: string): string | string[] => (form === 'string' ? text : text.split(/(?<=\n)/).filter((l) => l !== ''));
  const notebook = {
    cells: cells.map((cell) =>
      typeof cell === 'string'
        ? { cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: source(cell) }
        : { cell_type: 'markdown', metadata: {}, source: source(cell.markdown) },
    ),
    metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' } },
    nbformat: 4,
    nbformat_minor: 4,
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}

/** Cells written as one text, separated by `# %%` lines (the percent format of Jupytext and VS Code). */
export function splitCells(text: string): string[] {
  return text.split(/^# %%[^\n]*\n/m).map((c) => c.replace(/\n+$/, '')).filter((c) => c.trim() !== '');
}

/** The code of every cell, from `.ipynb` text (for asserting fix output). */
export function cellSources(ipynb: string): string[] {
  const parsed = JSON.parse(ipynb) as { cells: Array<{ cell_type: string; source: string | string[] }> };
  return parsed.cells.map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source));
}
