import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The language server's row of the import table (docs: architecture §4.1): everything but `vscode`
 * and the AWS layer (`src/aws`, `@aws-sdk/*`), static or dynamic imports alike. Linting and the
 * figures never touch AWS from the server: the client sends the region it knows as `greenml.region`.
 */
describe('language server imports', () => {
  const root = path.resolve(__dirname, '..', '..', '..', 'src', 'server');
  const files = fs.readdirSync(root).filter((f) => f.endsWith('.ts'));

  it('finds the sources', () => assert.ok(files.length >= 5, files.join(', ')));

  for (const file of files) {
    it(`src/server/${file} imports neither vscode nor the AWS layer`, () => {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      const specs = [...text.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
      for (const spec of specs) {
        assert.notEqual(spec, 'vscode', `${file} imports vscode`);
        assert.ok(!spec.startsWith('@aws-sdk/'), `${file} imports ${spec}`);
        if (spec.startsWith('.')) assert.notEqual(path.relative(path.resolve(root, '..'), path.resolve(root, spec)).split(path.sep)[0], 'aws', `${file} imports ${spec}`);
      }
    });
  }
});
