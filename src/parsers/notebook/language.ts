import type { Language, ParseOutcome } from '../../core/types';
import { NotebookReader } from './incremental';

/**
 * Jupyter notebooks: the code cells joined into one Python document
 * (see ipynb.ts), analysed by the Python language given, whose loading this
 * language shares. Findings come back with the cell and the raw-file position.
 * A file linted again after an edit inside a cell is read from its previous
 * read (see incremental.ts).
 */
export function createNotebookLanguage(python: Language, reader = new NotebookReader()): Language {
  return {
    format: 'notebook',
    commentPrefixes: python.commentPrefixes,
    get loadState() {
      return python.loadState;
    },
    load() {
      return python.load?.() ?? Promise.resolve();
    },
    parse(text, fileName): ParseOutcome {
      const read = reader.read(fileName, text);
      if (!read.ok) return read;
      const code = read.code;
      const outcome = python.parse(code.text, `${fileName}#cells`);
      if (!outcome.ok) {
        const start = code.toFile(outcome.error.start);
        const cell = code.cellRange(outcome.error.start, outcome.error.end);
        const where = cell ? ` (cell ${cell.index + 1}, line ${cell.line})` : '';
        return { ok: false, error: { message: `${outcome.error.message}${where}`, start, end: Math.max(start, code.toFile(outcome.error.end)), ...(cell ? { cell } : {}) } };
      }
      return {
        ok: true,
        embedded: code,
        walk(emit) {
          outcome.walk(emit);
          // Last, so that rules can judge the notebook as a whole once every call is seen.
          emit('notebook', { cells: code.cellFacts(), appendAt: code.appendAt, magics: code.magics() });
        },
      };
    },
  };
}
