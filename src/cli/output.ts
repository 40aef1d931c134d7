import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomically } from '../node/textFile';
import { systemMessage } from '../node/walk';

/** A file or folder the user named that cannot be read or written: one line on stderr, exit 2 (no usage hint, no stack trace). */
export class FileError extends Error {}

/**
 * Writes a report to `--output FILE` (or a baseline): missing folders are made (as ESLint's
 * --output-file does), the text goes to a temporary file renamed over FILE, and a failure is a
 * one-line {@link FileError}.
 */
export function writeOutputFile(cwd: string, file: string, text: string, what = ''): void {
  const absolute = path.resolve(cwd, file);
  try {
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
  } catch (err) {
    // mkdir meets a file where a folder of the path should be.
    throw new FileError(`cannot write ${what}${file}: ${(err as NodeJS.ErrnoException).code === 'EEXIST' ? 'a part of the path is not a folder' : systemMessage(err)}`);
  }
  try {
    writeFileAtomically(absolute, text);
  } catch (err) {
    throw new FileError(`cannot write ${what}${file}: ${systemMessage(err)}`);
  }
}
