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

/**
 * Lists the files under the given paths, sorted, without duplicates. Folders are
 * walked recursively, honouring `.gitignore` files from the repository root down;
 * symbolic links to folders are not followed. Files and folders named
 * explicitly are always linted, even where an ignore file excludes them.
 */
export function listFiles(paths: readonly string[], options: WalkOptions): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
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
      walk(absolute, isIgnored(above, absolute, true) ? [] : above, options, files);
    }
  }
  return { files: [...files].sort(), missing };
}

function walk(dir: string, layers: IgnoreLayer[], options: WalkOptions, out: Set<string>): void {
  const local = readGitignore(dir);
  const active = local ? [...layers, local] : layers;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // unreadable folder: nothing to lint in it
  }
  if (entries.some((e) => e.name === 'pyvenv.cfg' && e.isFile())) return; // a virtualenv under any name
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (skippedFolders.has(entry.name) || isIgnored(active, full, true)) continue;
      walk(full, active, options, out);
    } else if (entry.isFile() && options.accept(entry.name) && !isIgnored(active, full, false)) {
      out.add(full);
    }
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
