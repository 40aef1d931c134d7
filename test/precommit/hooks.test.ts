import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { formatExtensions } from '../../src/core/formats';

// The hook itself runs under the real pre-commit in test/precommit/precommit.sh (npm test's
// "pre-commit hook" step); these checks keep its manifest in step with the linter and with how
// npm installs this repository from git.
const root = path.resolve(__dirname, '..', '..', '..');

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  require_serial?: boolean;
}

const hooks = parse(fs.readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string>; dependencies: Record<string, string> };

describe('pre-commit hook manifest', () => {
  it('has one node hook, greenml, that runs `greenml lint` on all the files at once', () => {
    assert.deepEqual(hooks.map((h) => h.id), ['greenml']);
    const [hook] = hooks;
    assert.equal(hook.language, 'node');
    assert.equal(hook.entry, 'greenml lint');
    assert.ok(manifest.bin[hook.entry.split(' ')[0]], 'the entry is a bin of package.json');
    // A Terraform folder is one module: its files must reach one run.
    assert.equal(hook.require_serial, true);
  });

  it('matches exactly the file extensions the linter reads', () => {
    const pattern = new RegExp(hooks[0].files);
    const linted = new Set(Object.values(formatExtensions).flat());
    const others = ['.md', '.js', '.tfvars', '.hcl', '.pyi', '.tsx', '.txt', '.yaml.bak', '.jsonl', '.d.tsx'];
    for (const ext of [...linted, ...others]) assert.equal(pattern.test(`dir/name${ext}`), linted.has(ext), ext);
  });

  it('gives npm no lifecycle script that makes a git install run a dev install first', () => {
    // npm prepares a git dependency (installs all its dev dependencies in the clone) when its
    // package.json has one of these scripts; the hook needs none of them (bin/greenml.cjs bundles).
    for (const name of ['build', 'prepare', 'prepack', 'preinstall', 'install', 'postinstall']) assert.equal(manifest.scripts[name], undefined, name);
    assert.ok(manifest.dependencies.esbuild, 'esbuild is a dependency: a git install bundles the CLI with it');
  });

  it('packs what a git install needs to bundle and run the CLI, and no build output', () => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } })) as Array<{ files: Array<{ path: string }> }>;
    const files = new Set(packed.files.map((f) => f.path));
    for (const file of [manifest.bin.greenml, 'esbuild.js', 'tsconfig.json', 'package.json', 'LICENSE', 'src/cli/main.ts', 'src/cli/lintWorker.ts']) assert.ok(files.has(file), file);
    assert.deepEqual([...files].filter((f) => /^(dist|out|test|node_modules|packages)\//.test(f)), []);
  });
});
