import * as fs from 'node:fs';
import * as path from 'node:path';
import { errorMessage } from '../core/engine';
import { UsageError } from './usage';

/**
 * Writes a report to `--output FILE`: missing folders are made (as ESLint's --output-file does),
 * the text goes to a temp file renamed over FILE, and a failure is a one-line {@link UsageError}.
 */
export function writeOutputFile(cwd: string, file: string, text: string, what = ''): void {
  const absolute = path.resolve(cwd, file);
  const temp = path.join(path.dirname(absolute), `.${path.basename(absolute)}.${process.pid}.tmp`);
  try {
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, absolute);
  } catch (err) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // No temp file was made.
    }
    throw new UsageError(`cannot write ${what}${file}: ${errorMessage(err)}`);
  }
}
