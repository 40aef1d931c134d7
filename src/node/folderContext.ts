import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Linter } from '../core/engine';
import { detectFormat } from '../core/formats';
import type { FileContext, Format } from '../core/types';
import type { ReadOutcome, TextFile } from './textFile';
import { readTextFile } from './textFile';

/**
 * Files of another format beside a file that reads its neighbours (a notebook's Python modules)
 * above which none is read: the neighbours of a file are read again at each of its lints.
 */
export const maxNeighbourFiles = 64;

/**
 * The files read together with `file`: for a format whose language reads a
 * folder as one unit (Terraform: every `.tf` file of a folder is one module),
 * the files of that format in the same folder, sorted; for a language that reads
 * its neighbours of another format (a notebook, the `.py` modules beside it), those
 * files, none when there are more than {@link maxNeighbourFiles}. Undefined for other formats.
 */
export function folderSiblings(linter: Linter, file: string): { format: Format; files: string[] } | undefined {
  const format = detectFormat(file, '');
  const of = format && linter.contextFormatOf(format);
  if (!format || !of) return undefined;
  const dir = path.dirname(file);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return { format, files: of === format ? [file] : [] };
  }
  const files = entries.filter((e) => e.isFile() && detectFormat(e.name, '') === of).map((e) => path.join(dir, e.name));
  if (of !== format) return { format, files: files.length > maxNeighbourFiles ? [] : files.sort() };
  if (!files.includes(file)) files.push(file);
  return { format, files: files.sort() };
}

/**
 * Builds the context of `file`'s folder from texts given by `read` (the CLI's
 * cache of files already read, or an editor's open documents before the disk);
 * files `read` cannot give are left out. Undefined for formats read file by file.
 */
export function buildFolderContext(linter: Linter, file: string, read: (file: string) => string | undefined): FileContext | undefined {
  const siblings = folderSiblings(linter, file);
  if (!siblings) return undefined;
  const sources = siblings.files.flatMap((fileName) => {
    const text = read(fileName);
    return text === undefined ? [] : [{ fileName, text }];
  });
  return linter.prepareContext(siblings.format, sources);
}

/**
 * Folder contexts built once per folder, from files read once: what the CLI
 * uses for one unit of work (a file, or a folder's files of a format read
 * together), then drops. Texts are kept only for files of formats read together.
 */
export class FolderContexts {
  private readonly files = new Map<string, ReadOutcome | null>();
  private readonly contexts = new Map<string, FileContext | undefined>();

  constructor(
    private readonly linter: Linter,
    /** Files over this many bytes are not read ({@link readTextFile}). */
    private readonly maxBytes: number,
  ) {}

  /** Reads a file (once, for formats read together); throws when it cannot be read. */
  read(file: string): ReadOutcome {
    const known = this.files.get(file);
    if (known) return known;
    const outcome = readTextFile(file, this.maxBytes);
    if (this.groups(file)) this.files.set(file, outcome);
    return outcome;
  }

  /** The context of `file`'s folder, built on first use; undefined for formats read file by file. */
  contextFor(file: string): FileContext | undefined {
    if (!this.groups(file)) return undefined;
    const key = contextKey(file);
    if (!this.contexts.has(key)) this.contexts.set(key, buildFolderContext(this.linter, file, (f) => this.siblingText(f)));
    return this.contexts.get(key);
  }

  /** Records a file as written (after a fix) and drops its folder's context. */
  update(file: string, written: TextFile): void {
    if (!this.groups(file)) return;
    this.files.set(file, { file: written });
    this.contexts.delete(contextKey(file));
  }

  private groups(file: string): boolean {
    const format = detectFormat(file, '');
    return format !== undefined && this.linter.contextFormatOf(format) !== undefined;
  }

  private siblingText(file: string): string | undefined {
    if (!this.files.has(file)) {
      try {
        this.files.set(file, readTextFile(file, this.maxBytes));
      } catch {
        // An unreadable sibling is left out of the module; reading it as a linted file reports why.
        this.files.set(file, null);
      }
    }
    const outcome = this.files.get(file);
    return outcome && 'file' in outcome ? outcome.file.text : undefined;
  }
}

/** A folder context's key: the folder and the format of the files it serves (a folder holds a Terraform module and a notebook's modules apart). */
function contextKey(file: string): string {
  return `${detectFormat(file, '')}\u0000${path.dirname(file)}`;
}
