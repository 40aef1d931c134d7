import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TextFile } from '../../src/node/textFile';
import { decodeFile, encodeText, readTextFile, writeFileAtomically, writeTextFile, WriteRefused } from '../../src/node/textFile';

function tempFile(name: string, bytes: Uint8Array | string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-textfile-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

function read(file: string): TextFile {
  const outcome = readTextFile(file, 4 * 1024 * 1024);
  assert.ok('file' in outcome, JSON.stringify(outcome));
  return outcome.file;
}

/** A small seeded generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('textFile', () => {
  it('gives back every byte of text that is not valid UTF-8, whatever the bytes (seeded fuzz)', () => {
    const r = random(7);
    const pieces = [[0xe9], [0xc3, 0xa9], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xff], [0xe2, 0x82], [0x41], [0x0a], [0xdc, 0x80]];
    for (let round = 0; round < 500; round++) {
      const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(r() * 40) }, () => pieces[Math.floor(r() * pieces.length)]).flat());
      const outcome = decodeFile(bytes);
      assert.ok('file' in outcome);
      assert.deepEqual(encodeText(outcome.file.text, outcome.file), bytes, bytes.toString('hex'));
    }
  });

  it('reads valid UTF-8 as it is, and a byte that is not UTF-8 as one character', () => {
    const utf8 = decodeFile(Buffer.from('é€😀\n'));
    assert.ok('file' in utf8);
    assert.equal(utf8.file.text, 'é€😀\n');
    assert.equal(utf8.file.notUtf8, false);
    const latin1 = decodeFile(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    assert.ok('file' in latin1);
    assert.equal(latin1.file.text.length, 4);
    assert.equal(latin1.file.notUtf8, true);
  });

  it('drops the UTF-8 byte order mark from the text and puts it back on write', () => {
    const file = tempFile('a.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a": 1}')]));
    const text = read(file);
    assert.equal(text.text, '{"a": 1}');
    writeTextFile(file, '{"a": 2}', text);
    assert.deepEqual(fs.readFileSync(file), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a": 2}')]));
  });

  it('does not write over a file that changed since it was read, even to the same size', () => {
    const file = tempFile('a.py', 'x = 1\n');
    const text = read(file);
    fs.writeFileSync(file, 'y = 1\n');
    assert.throws(() => writeTextFile(file, 'x = 2\n', text), (err: unknown) => err instanceof WriteRefused && /changed since it was read/.test(err.message));
    assert.equal(fs.readFileSync(file, 'utf8'), 'y = 1\n');
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['a.py'], 'no temporary file left');
  });

  it('does not add non-ASCII text to a file that is not UTF-8 (its encoding is unknown)', () => {
    const file = tempFile('a.py', Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
    const text = read(file);
    assert.throws(() => writeTextFile(file, `${text.text}x = "→"\n`, text), WriteRefused);
    writeTextFile(file, `${text.text}x = 1\n`, text);
    assert.deepEqual(fs.readFileSync(file), Buffer.from([0x23, 0x20, 0xe9, 0x0a, ...Buffer.from('x = 1\n')]));
  });

  it('writes through a symbolic link to the file it points at, keeping the link', () => {
    const file = tempFile('real.py', 'x = 1\n');
    const link = path.join(path.dirname(file), 'link.py');
    fs.symlinkSync(file, link);
    writeTextFile(link, 'x = 2\n', read(link));
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.equal(fs.readFileSync(file, 'utf8'), 'x = 2\n');
  });

  it('skips a file over the limit before reading it, and UTF-16 files for their encoding', () => {
    const big = tempFile('big.yaml', 'a'.repeat(2048));
    assert.deepEqual(readTextFile(big, 1024), { skipped: 'larger than 1 KB' });
    const utf16 = tempFile('a.yaml', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('a: 1', 'utf16le').swap16()]));
    assert.deepEqual(readTextFile(utf16, 1024), { skipped: 'UTF-16 encoded; Green ML reads UTF-8 files' });
  });

  it('writes a report atomically: a folder in the way is an error, an existing file keeps its mode', () => {
    const file = tempFile('report.md', 'old');
    fs.chmodSync(file, 0o600);
    writeFileAtomically(file, 'new');
    assert.equal(fs.readFileSync(file, 'utf8'), 'new');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.throws(() => writeFileAtomically(path.dirname(file), 'x'), { code: 'EISDIR' });
  });
});
