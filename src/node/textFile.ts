import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Reading and writing the user's files so that a fix never hurts them: the size is checked before
 * the text is read, a UTF-8 byte order mark is kept, bytes that are not UTF-8 (latin-1 comments in
 * older scripts) come back byte for byte, and a write goes through a temporary file renamed over
 * the original, only when the file is still what was read.
 */

/** A file as read: its text for the engine and what is needed to write it back the same way. */
export interface TextFile {
  /** The text, without a byte order mark; bytes that are not UTF-8 appear as U+DC80–U+DCFF (one per byte). */
  text: string;
  /** The file started with the UTF-8 byte order mark; it is written back with it. */
  bom: boolean;
  /** Some bytes were not UTF-8: they are kept as they are when the file is written. */
  notUtf8: boolean;
  /** SHA-256 of the bytes read: a write checks the file still has them. */
  digest: string;
  /** The bytes' count. */
  size: number;
}

/** Why a file was not read as text (it is listed as skipped with this reason). */
export type ReadOutcome = { file: TextFile } | { skipped: string };

const utf8Bom = [0xef, 0xbb, 0xbf];

/** The size limit's wording, shared with the engine's own check ("larger than 4096 KB"). */
export function tooLarge(maxBytes: number): string {
  return `larger than ${Math.round(maxBytes / 1024)} KB`;
}

/**
 * Reads a file as text for linting. The size is read from the open file before its content, so a
 * file over `maxBytes` is never loaded. UTF-16 and UTF-32 files (by their byte order mark) and
 * binary files are skipped with the reason. Throws (ENOENT, EACCES…) when the file cannot be read.
 */
export function readTextFile(file: string, maxBytes: number): ReadOutcome {
  const fd = fs.openSync(file, 'r');
  let bytes: Buffer;
  try {
    const { size } = fs.fstatSync(fd);
    if (size > maxBytes) return { skipped: tooLarge(maxBytes) };
    bytes = readAll(fd, size, maxBytes);
  } finally {
    fs.closeSync(fd);
  }
  if (bytes.length > maxBytes) return { skipped: tooLarge(maxBytes) };
  return decodeFile(bytes);
}

/** Reads an open file to its end, or to just past `limit` (it may have grown since its size was read). */
function readAll(fd: number, expected: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let chunk = Buffer.allocUnsafe(expected + 1);
  while (total <= limit) {
    if (!chunk.length) chunk = Buffer.allocUnsafe(64 * 1024);
    const n = fs.readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    chunk = chunk.subarray(n);
    total += n;
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

/** The text of a file's bytes, or why it is not read as text. */
export function decodeFile(bytes: Uint8Array): ReadOutcome {
  const encoding = otherEncoding(bytes);
  if (encoding) return { skipped: `${encoding} encoded; Green ML reads UTF-8 files` };
  if (bytes.includes(0)) return { skipped: 'binary content' };
  const bom = utf8Bom.every((b, i) => bytes[i] === b);
  const body = bom ? bytes.subarray(3) : bytes;
  let text: string;
  let notUtf8 = false;
  try {
    text = strictDecoder.decode(body);
  } catch {
    text = decodeKeepingBytes(body);
    notUtf8 = true;
  }
  return { file: { text, bom, notUtf8, digest: digestOf(bytes), size: bytes.length } };
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-32 or UTF-16, told by the byte order mark. */
function otherEncoding(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff)) return 'UTF-32';
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return 'UTF-16';
  return undefined;
}

function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Decodes UTF-8, turning each byte that is not part of a valid sequence into the lone surrogate
 * U+DC00 + byte (as Python's `surrogateescape` does): valid UTF-8 never decodes to a lone
 * surrogate, so {@link encodeText} gives back every byte outside the edited ranges exactly.
 * An editor reading a latin-1 file shows one character per such byte: columns agree.
 */
export function decodeKeepingBytes(bytes: Uint8Array): string {
  const units: number[] = [];
  let out = '';
  const flush = (): void => {
    out += String.fromCharCode(...units);
    units.length = 0;
  };
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    let cp = -1;
    let len = 1;
    if (b < 0x80) cp = b;
    else if (b >= 0xc2 && b <= 0xdf && isTail(bytes[i + 1])) {
      cp = ((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
      len = 2;
    } else if (b >= 0xe0 && b <= 0xef && isTail(bytes[i + 1]) && isTail(bytes[i + 2])) {
      const c = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
      // No overlong forms, no surrogates.
      if (c >= 0x800 && (c < 0xd800 || c > 0xdfff)) {
        cp = c;
        len = 3;
      }
    } else if (b >= 0xf0 && b <= 0xf4 && isTail(bytes[i + 1]) && isTail(bytes[i + 2]) && isTail(bytes[i + 3])) {
      const c = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f);
      if (c >= 0x10000 && c <= 0x10ffff) {
        cp = c;
        len = 4;
      }
    }
    if (cp < 0) units.push(0xdc00 + b);
    else if (cp < 0x10000) units.push(cp);
    else units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    i += len;
    if (units.length >= 8192) flush();
  }
  flush();
  return out;
}

function isTail(b: number | undefined): boolean {
  return b !== undefined && (b & 0xc0) === 0x80;
}

/** The bytes of a text read by {@link readTextFile}, with its byte order mark and its kept bytes. */
export function encodeText(text: string, like: Pick<TextFile, 'bom' | 'notUtf8'>): Buffer {
  const body = like.notUtf8 ? encodeKeepingBytes(text) : Buffer.from(text, 'utf8');
  return like.bom ? Buffer.concat([Buffer.from(utf8Bom), body]) : body;
}

function encodeKeepingBytes(text: string): Buffer {
  const out = Buffer.allocUnsafe(text.length * 3);
  let n = 0;
  let run = 0;
  const flushRun = (end: number): void => {
    if (end > run) n += out.write(text.slice(run, end), n, 'utf8');
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    if (c >= 0xdc80 && c <= 0xdcff) {
      flushRun(i);
      out[n++] = c - 0xdc00;
      run = i + 1;
    }
  }
  flushRun(text.length);
  return out.subarray(0, n);
}

/** Non-ASCII characters that are not kept bytes: what a fix could add to a file that is not UTF-8. */
function decodedNonAscii(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && !(c >= 0xdc80 && c <= 0xdcff)) count++;
  }
  return count;
}

/** Why a fixed text was not written; the file is left as it was. */
export class WriteRefused extends Error {}

/**
 * Writes `text` over a file read as `read`, atomically: a temporary file in the same folder (same
 * permission bits, same owner where allowed) renamed over it. Refuses, with a {@link WriteRefused}
 * whose message says why, when the file changed since it was read, is read-only, or is not UTF-8
 * and the new text adds characters its encoding cannot be known to hold. Other failures
 * (permission denied on the folder, disk full) throw the system error; the file is then unchanged.
 */
export function writeTextFile(file: string, text: string, read: TextFile): void {
  if (read.notUtf8 && decodedNonAscii(text) > decodedNonAscii(read.text)) {
    throw new WriteRefused('not written: the file is not UTF-8 and the fix would add non-ASCII text to it');
  }
  const target = fs.realpathSync(file);
  const stat = fs.statSync(target);
  if ((stat.mode & 0o222) === 0) throw new WriteRefused('not written: the file is read-only');
  fs.accessSync(target, fs.constants.W_OK);
  if (stat.size !== read.size || digestOf(fs.readFileSync(target)) !== read.digest) {
    throw new WriteRefused('not written: the file changed since it was read');
  }
  replaceFile(target, encodeText(text, read), stat);
}

/**
 * Writes a whole file (a report, `--output`) through a temporary file renamed over it: a reader
 * never sees half of it, and a failure leaves the old file. An existing file keeps its mode.
 */
export function writeFileAtomically(file: string, data: string | Uint8Array): void {
  let target = file;
  let stat: fs.Stats | undefined;
  try {
    target = fs.realpathSync(file);
    stat = fs.statSync(target);
  } catch {
    // A new file: created with the default mode (the umask applies).
  }
  if (stat?.isDirectory()) throw Object.assign(new Error(`${file} is a folder`), { code: 'EISDIR' });
  replaceFile(target, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, stat);
}

/** Writes `bytes` to a temporary file next to `target` and renames it over `target`; removes the temporary file on failure. */
function replaceFile(target: string, bytes: Uint8Array, like: fs.Stats | undefined): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.greenml-${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', like ? like.mode & 0o7777 : 0o666);
  let renamed = false;
  try {
    try {
      fs.writeSync(fd, bytes);
      if (like) {
        // The creation mode went through the umask: give the file its exact bits back, and its owner where allowed.
        fs.fchmodSync(fd, like.mode & 0o7777);
        if (typeof process.getuid === 'function' && process.getuid() === 0 && (like.uid !== 0 || like.gid !== 0)) fs.fchownSync(fd, like.uid, like.gid);
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
    renamed = true;
  } finally {
    if (!renamed) fs.rmSync(temp, { force: true });
  }
}
