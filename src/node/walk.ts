import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import type { Ignore } from 'ignore';

/**
 * Folders never walked into: version control, dependencies, virtual
 * environments, caches, and build outputs that hold copies of sources
 * (`cdk.out`, `.aws-sam`, notebook checkpoints).
 */
export const skippedFolders = new Set([
  '.git', '.hg', '.svn', 'node_modules', '__pycache__', '.venv', 'venv', '.tox', '.nox', '.mypy_cache',
  '.pytest_cache', '.ruff_cache', '.terraform', 'cdk.out', '.aws-sam', '.ipynb_checkpoints', 'site-packages',
]);

interface IgnoreLayer {
  base: string;
  rules: Ignore;
}

export interface WalkOptions {
  /** Whether a file name is worth reading at all (by extension). */
  accept(fileName: string): boolean;
}

/** A file or folder the walk left out for a reason the user should see (not ignore rules). */
export interface SkippedPath {
  path: string;
  reason: string;
}

export interface WalkResult {
  /** The files to lint, sorted, without duplicates. */
  files: string[];
  /** Paths given that do not exist. */
  missing: string[];
  /** Folders named explicitly that cannot be read: an error, not an empty result. */
  unreadable: SkippedPath[];
  /** What the walk left out: unreadable folders, symbolic links (not followed). */
  skipped: SkippedPath[];
}

/**
 * Lists the files under the given paths, sorted, without duplicates. Folders are
 * walked recursively, honouring `.gitignore` files from the repository root down;
 * symbolic links met in a walk are not followed (they are listed as skipped, as
 * are folders that cannot be read). Files and folders named explicitly are
 * always linted, even where an ignore file excludes them.
 */
export function listFiles(paths: readonly string[], options: WalkOptions): WalkResult {
  const files = new Set<string>();
  const missing: string[] = [];
  const unreadable: SkippedPath[] = [];
  const skipped: SkippedPath[] = [];
  for (const given of paths) {
    const absolute = path.resolve(given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      missing.push(given);
      continue;
    }
    if (stat.isFile()) files.add(absolute);
    else if (stat.isDirectory()) {
      // A folder named explicitly is linted even when an ignore file above it
      // excludes it (`greenml lint generated/`); ignore files inside it still apply.
      const above = ancestorIgnores(absolute);
      const layers = isIgnored(above, absolute, true) ? [] : above;
      const entries = readFolder(absolute);
      if ('error' in entries) unreadable.push({ path: given, reason: entries.error });
      else walk(absolute, entries.entries, layers, options, { files, skipped });
    }
  }
  const byPath = (a: SkippedPath, b: SkippedPath): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { files: [...files].sort(), missing, unreadable, skipped: skipped.sort(byPath) };
}

function readFolder(dir: string): { entries: fs.Dirent[] } | { error: string } {
  try {
    return { entries: fs.readdirSync(dir, { withFileTypes: true }) };
  } catch (err) {
    return { error: `cannot read the folder: ${systemMessage(err)}` };
  }
}

/** A system error in a few words ("permission denied"), without the call and the path Node adds. */
export function systemMessage(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const known: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such file or folder',
    ENOTDIR: 'a part of the path is not a folder',
    EISDIR: 'is a folder',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EMFILE: 'too many open files',
    ELOOP: 'too many symbolic links',
    ENAMETOOLONG: 'name too long',
    EBUSY: 'busy',
  };
  if (code && known[code]) return known[code];
  return err instanceof Error ? err.message : String(err);
}

function walk(dir: string, entries: fs.Dirent[], layers: IgnoreLayer[], options: WalkOptions, out: { files: Set<string>; skipped: SkippedPath[] }): void {
  const local = readGitignore(dir);
  const active = local ? [...layers, local] : layers;
  if (entries.some((e) => e.name === 'pyvenv.cfg' && e.isFile())) return; // a virtualenv under any name
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (skippedFolders.has(entry.name) || isIgnored(active, full, true)) continue;
      const inner = readFolder(full);
      if ('error' in inner) out.skipped.push({ path: full, reason: inner.error });
      else walk(full, inner.entries, active, options, out);
    } else if (entry.isFile()) {
      if (options.accept(entry.name) && !isIgnored(active, full, false)) out.files.add(full);
    } else if (entry.isSymbolicLink() && !skippedFolders.has(entry.name) && !isIgnored(active, full, false)) {
      // Links are not followed (a link to a parent folder would loop, a link out of the repository
      // would lint someone else's files); the ones that would have been linted are listed.
      const kind = linkKind(full);
      if (kind === 'folder' && !isIgnored(active, full, true)) out.skipped.push({ path: full, reason: 'symbolic link to a folder, not followed' });
      else if (kind === 'file' && options.accept(entry.name)) out.skipped.push({ path: full, reason: 'symbolic link, not followed' });
    }
  }
}

function linkKind(link: string): 'file' | 'folder' | undefined {
  try {
    const stat = fs.statSync(link);
    return stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : undefined;
  } catch {
    return undefined; // a dangling link: nothing there to lint
  }
}

function isIgnored(layers: readonly IgnoreLayer[], full: string, isDir: boolean): boolean {
  for (const layer of layers) {
    const relative = path.relative(layer.base, full).split(path.sep).join('/');
    if (!relative || relative.startsWith('..')) continue;
    if (layer.rules.ignores(isDir ? `${relative}/` : relative)) return true;
  }
  return false;
}

/** `.gitignore` files above the walked folder, up to the repository root. */
function ancestorIgnores(dir: string): IgnoreLayer[] {
  const layers: IgnoreLayer[] = [];
  let current = path.dirname(dir);
  if (fs.existsSync(path.join(dir, '.git'))) return layers;
  for (;;) {
    const layer = readGitignore(current);
    if (layer) layers.unshift(layer);
    if (fs.existsSync(path.join(current, '.git'))) return layers;
    const parent = path.dirname(current);
    if (parent === current) return [];
    current = parent;
  }
}

function readGitignore(dir: string): IgnoreLayer | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { base: dir, rules: ignore().add(text) };
}
