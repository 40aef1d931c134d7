import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveRuleSettings } from '../src/core/config';
import { buildFolderContext } from '../src/node/folderContext';
import { createTestLinter } from './kit/languages';

/**
 * Every file under test/fixtures/ is linted with the whole rule set at default
 * settings. The lines that must carry a finding say so in a trailing comment,
 * `# expect: SML401` (several ids separated by commas); formats without comments
 * use a sidecar `<file>.expect` with one `line id` per row. The set of
 * (line, id) pairs must match exactly, so a stray finding fails as surely as a
 * missing one. Adding a fixture needs no test code.
 *
 * Files are linted one by one, except in a folder whose name ends in
 * `-module`: its `.tf` files are read together as one Terraform module, as the
 * CLI and the editor read a folder.
 */
export const fixturesRoot = path.resolve(__dirname, '..', '..', 'test', 'fixtures');

const inlineExpectation = /(?:#|\/\/)\s*expect:\s*([\w-]+(?:\s*,\s*[\w-]+)*)/;

export function listFixtureFiles(dir = fixturesRoot): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFixtureFiles(full);
    return entry.name.endsWith('.expect') ? [] : [full];
  });
}

export function expectedFindings(file: string, text: string): string[] {
  const sidecar = `${file}.expect`;
  if (fs.existsSync(sidecar)) {
    return fs
      .readFileSync(sidecar, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split(/\s+/).join(' '));
  }
  return text.split('\n').flatMap((line, i) => {
    const match = inlineExpectation.exec(line);
    return match ? match[1].split(',').map((id) => `${i + 1} ${id.trim()}`) : [];
  });
}

describe('fixtures', () => {
  const linter = createTestLinter();
  const settings = resolveRuleSettings(linter.rules);
  const files = listFixtureFiles();

  it('exist', () => assert.ok(files.length > 0, `no fixtures under ${fixturesRoot}`));

  for (const file of files) {
    it(path.relative(fixturesRoot, file), () => {
      const text = fs.readFileSync(file, 'utf8');
      const context = path.basename(path.dirname(file)).endsWith('-module') ? buildFolderContext(linter, file, (f) => fs.readFileSync(f, 'utf8')) : undefined;
      if (path.basename(path.dirname(file)).endsWith('-module') && file.endsWith('.tf')) assert.ok(context, 'the module was not indexed');
      const result = linter.lint(file, text, { settings, context });
      assert.deepEqual(result.ruleErrors, []);
      const actual = result.findings.map((f) => `${f.line} ${f.ruleId}`).sort();
      assert.deepEqual(actual, expectedFindings(file, text).sort());
    });
  }
});
