import type { FileContext, Language, ParseOutcome, SourceFile } from '../../core/types';
import type { PythonCall, PythonModule, UnresolvedCall } from '../python/facts';
import type { NotebookModuleFact } from './facts';
import { NotebookReader } from './incremental';

/**
 * Jupyter notebooks: the code cells joined into one Python document
 * (see ipynb.ts), analysed by the Python language given, whose loading this
 * language shares. Findings come back with the cell and the raw-file position.
 * A file linted again after an edit inside a cell is read from its previous
 * read (see incremental.ts).
 *
 * A notebook is linted with the Python modules of its folder when the caller
 * reads them (`prepareContext`: the CLI, and the editor's workspace lint): the
 * modules its cells import are read by the Python language and handed to rules
 * with the notebook fact (a cleanup helper in `cleanup.py` that deletes the endpoint).
 */
export function createNotebookLanguage(python: Language, reader = new NotebookReader()): Language {
  const modules = new ModuleReads(python);
  return {
    format: 'notebook',
    contextFormat: 'python',
    commentPrefixes: python.commentPrefixes,
    get loadState() {
      return python.loadState;
    },
    load() {
      return python.load?.() ?? Promise.resolve();
    },
    prepareContext(files): NeighbourModules {
      const byName = new Map<string, SourceFile>();
      for (const file of files) {
        const name = /(?:^|[\\/])([A-Za-z_]\w*)\.py$/.exec(file.fileName)?.[1];
        if (name) byName.set(name, file);
      }
      return { format: 'notebook', textOf: (fileName) => files.find((f) => f.fileName === fileName)?.text, modules: byName };
    },
    parse(text, fileName, context): ParseOutcome {
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
      const neighbours = context && 'modules' in context && (context as NeighbourModules).modules.size ? (context as NeighbourModules).modules : undefined;
      return {
        ok: true,
        embedded: code,
        walk(emit) {
          let imports: readonly string[] = [];
          if (neighbours) {
            outcome.walk((kind, fact) => {
              if (kind === 'pythonModule') imports = (fact as PythonModule).imports;
              emit(kind, fact);
            });
          } else outcome.walk(emit);
          const imported = neighbours ? modules.imported(neighbours, imports) : [];
          // Last, so that rules can judge the notebook as a whole once every call is seen.
          emit('notebook', { cells: code.cellFacts(), appendAt: code.appendAt, magics: code.magics(), ...(imported.length ? { modules: imported } : {}) });
        },
      };
    },
  };
}

/** The context of a notebook: the Python modules of its folder, by module name. */
interface NeighbourModules extends FileContext {
  modules: ReadonlyMap<string, SourceFile>;
}

/** Module reads kept (a module is read again only when its text changed). */
const keptModules = 32;

/** The modules a notebook imports, read by the Python language once per text. */
class ModuleReads {
  private readonly kept = new Map<string, { text: string; fact: NotebookModuleFact | undefined }>();

  constructor(private readonly python: Language) {}

  /** The modules of `neighbours` that `imports` (qualified names: `cleanup.delete_all`, `utils`) name first. */
  imported(neighbours: ReadonlyMap<string, SourceFile>, imports: readonly string[]): NotebookModuleFact[] {
    const found: NotebookModuleFact[] = [];
    const seen = new Set<string>();
    for (const qualified of imports) {
      const dot = qualified.indexOf('.');
      const name = dot === -1 ? qualified : qualified.slice(0, dot);
      const file = seen.has(name) ? undefined : neighbours.get(name);
      seen.add(name);
      const fact = file && this.read(name, file);
      if (fact) found.push(fact);
    }
    return found;
  }

  private read(name: string, file: SourceFile): NotebookModuleFact | undefined {
    const known = this.kept.get(file.fileName);
    if (known?.text === file.text) return known.fact;
    const outcome = this.python.parse(file.text, file.fileName);
    let fact: NotebookModuleFact | undefined;
    if (outcome.ok) {
      const calls: PythonCall[] = [];
      let unresolvedCalls: readonly UnresolvedCall[] = [];
      outcome.walk((kind, value) => {
        if (kind === 'pythonCall') calls.push(value as PythonCall);
        else if (kind === 'pythonModule') unresolvedCalls = (value as PythonModule).unresolvedCalls;
      });
      fact = { name, fileName: file.fileName, text: file.text, calls, unresolvedCalls };
    }
    this.kept.delete(file.fileName);
    this.kept.set(file.fileName, { text: file.text, fact });
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= keptModules) break;
      this.kept.delete(oldest);
    }
    return fact;
  }
}
