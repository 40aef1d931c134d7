import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { detectFormat } from '../../src/core/formats';
import { familyOf } from '../../src/core/types';
import { expectedFindings } from '../fixtures.test';

const repo = path.resolve(__dirname, '..', '..', '..');
const script = path.join(repo, 'scripts', 'new-rule.mjs');

/** A copy of the rules folder to scaffold into, so the test never writes into the repository. */
function sandbox(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-new-rule-'));
  fs.mkdirSync(path.join(root, 'src', 'rules'), { recursive: true });
  for (const file of fs.readdirSync(path.join(repo, 'src', 'rules')).filter((f) => f.endsWith('.ts'))) fs.copyFileSync(path.join(repo, 'src', 'rules', file), path.join(root, 'src', 'rules', file));
  return root;
}

const run = (root: string, ...args: string[]) => spawnSync(process.execPath, [script, ...args, '--root', root], { encoding: 'utf8' });

describe('npm run new-rule', () => {
  it('scaffolds the rule, its table test, fixtures, doc page and registry line (in id order)', () => {
    const root = sandbox();
    const result = run(root, 'SML211', 'training-warm-pool-idle');
    assert.equal(result.status, 0, result.stderr);
    for (const rel of ['src/rules/training-warm-pool-idle.ts', 'test/rules/training-warm-pool-idle.test.ts', 'test/fixtures/training-warm-pool-idle/fail.py', 'test/fixtures/training-warm-pool-idle/pass.py', 'docs/rules/training-warm-pool-idle.md']) {
      assert.ok(fs.existsSync(path.join(root, rel)), rel);
    }
    const rule = fs.readFileSync(path.join(root, 'src/rules/training-warm-pool-idle.ts'), 'utf8');
    assert.match(rule, /export const trainingWarmPoolIdle = defineRule\(\{\n  id: 'SML211',\n  name: 'training-warm-pool-idle',[\s\S]*category: 'training'/);
    const doc = fs.readFileSync(path.join(root, 'docs/rules/training-warm-pool-idle.md'), 'utf8');
    assert.deepEqual([...doc.matchAll(/^## (.+)$/gm)].map((m) => m[1]), ['What it flags', 'Why it costs', 'Examples', 'Fix', 'Options', 'When not to use it', 'References']);
    const index = fs.readFileSync(path.join(root, 'src/rules/index.ts'), 'utf8');
    assert.match(index, /import \{ trainingOversizedInstance \} from '\.\/training-oversized-instance';\nimport \{ trainingWarmPoolIdle \} from '\.\/training-warm-pool-idle';\n/);
    assert.match(index, /  warmPoolKeepAlive,\n  trainingWarmPoolIdle,\n  endpointAlwaysOn,\n/);
  });

  it('writes a failing fixture in every format the rule supports, each expecting it, and a rule that reports nothing until its predicate is written', () => {
    const root = sandbox();
    for (const [id, slug] of [['SML211', 'training-warm-pool-idle'], ['SML311', 'endpoint-idle-thing'], ['SML405', 'notebook-idle-thing']]) {
      assert.equal(run(root, id, slug).status, 0, slug);
      const rule = fs.readFileSync(path.join(root, 'src/rules', `${slug}.ts`), 'utf8');
      const formats = /formats: \[([^\]]*)\]/.exec(rule)![1].split(', ').map((f) => f.replace(/'/g, ''));
      const dir = path.join(root, 'test/fixtures', slug);
      const failing = fs.readdirSync(dir).filter((f) => f.startsWith('fail') && !f.endsWith('.expect'));
      const families = failing.map((f) => {
        const file = path.join(dir, f);
        const text = fs.readFileSync(file, 'utf8');
        assert.deepEqual(expectedFindings(file, text).map((e) => e.split(' ')[1]), [id], `${slug}/${f} expects ${id}`);
        const format = detectFormat(file, text);
        assert.ok(format, `${slug}/${f} is no linted format`);
        return familyOf(format);
      });
      assert.deepEqual(families.sort(), [...formats].sort(), slug);
      assert.match(rule, /function flags\(_record: \w+Record\): boolean \{\n  return false;\n\}/, slug);
      assert.match(rule, /if \(!type\?\.known \|\| !flags\(\w+\)\) return;/, slug);
    }
  });

  it('refuses a taken id, a bad id or slug, and an existing rule, with exit 2 and no file written', () => {
    const root = sandbox();
    const index = fs.readFileSync(path.join(root, 'src/rules/index.ts'), 'utf8');
    for (const args of [['SML209', 'some-new-thing'], ['SML9', 'some-new-thing'], ['SML299', 'NotKebab'], ['SML299', 'training-no-spot'], ['SML299']]) {
      const result = run(root, ...args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /^new-rule: .+\n$/);
    }
    assert.equal(fs.readFileSync(path.join(root, 'src/rules/index.ts'), 'utf8'), index);
    assert.ok(!fs.existsSync(path.join(root, 'docs')));
  });
});
