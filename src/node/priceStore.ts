import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PriceStore } from '../core/types';
import { writeFileAtomically } from './textFile';

/** The CLI's price cache file: `$XDG_CACHE_HOME/greenml/prices.json`, else `~/.cache/greenml/prices.json`. */
export function defaultPriceCacheFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME?.trim() || path.join(os.homedir(), '.cache');
  return path.join(base, 'greenml', 'prices.json');
}

/**
 * A price store in one JSON file; the folder is created on the first write, and a write replaces
 * the file whole, atomically. A cache that cannot be written (read-only home, full disk) costs only
 * a fetch next time: the write fails silently and the fetched price is still used.
 */
export function filePriceStore(file: string): PriceStore {
  return {
    read() {
      try {
        return fs.readFileSync(file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    write(text) {
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        writeFileAtomically(file, text);
      } catch {
        // Not cached: the next run fetches again.
      }
    },
  };
}
