import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A real Neovim (Debian's `neovim`, 0.7+) runs the language server as `greenml lsp --stdio` from the
 * build (`dist/cli.js`), opens files, waits for the diagnostics and applies a quick fix.
 */
const repo = path.resolve(__dirname, '..', '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
const script = path.join(repo, 'test', 'editors', 'neovim.lua');

interface NeovimRun {
  diagnostics: Array<{ code: string; source: string; lnum: number; message: string }>;
  actions: string[];
  after?: string[];
  errors: string[];
}

function runNeovim(file: string): NeovimRun {
  const out = path.join(path.dirname(file), 'nvim-result.json');
  const run = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', 'NONE', '-c', `luafile ${script}`], {
    env: { ...process.env, GREENML_LSP_CMD: JSON.stringify([process.execPath, cli, 'lsp', '--stdio']), GREENML_FILE: file, GREENML_OUT: out, XDG_STATE_HOME: path.dirname(file), XDG_DATA_HOME: path.dirname(file) },
    timeout: 60_000,
    encoding: 'utf8',
  });
  assert.ok(fs.existsSync(out), `Neovim wrote no result (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(fs.readFileSync(out, 'utf8')) as NeovimRun;
}

describe('Neovim through the language server', function () {
  this.timeout(90_000);
  let dir: string;

  before(function () {
    const found = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.equal(found.status, 0, "Neovim is not installed: 'apt-get install neovim' (scripts/install-host.sh installs it)");
    assert.ok(fs.existsSync(cli), `${cli} is missing: run 'npm run bundle' first`);
    execFileSync(process.execPath, [cli, '--version']);
  });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-nvim-'));
    fs.mkdirSync(path.join(dir, '.git'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('shows a CloudFormation finding and applies its quick fix to the file', () => {
    const file = path.join(dir, 'template.yaml');
    fs.writeFileSync(file, "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: /aws/sagemaker/TrainingJobs\n");
    const run = runNeovim(file);
    assert.deepEqual(run.errors, []);
    assert.deepEqual(run.diagnostics.map((d) => [d.code, d.source, d.lnum]), [['SML401', 'Green ML', 2]]);
    assert.equal(run.actions[0], 'Set RetentionInDays to 30 days');
    assert.match(fs.readFileSync(file, 'utf8'), /^ {6}RetentionInDays: 30$/m);
    assert.deepEqual(run.after, []);
  });

  it('shows the findings of a Python training script', () => {
    const file = path.join(dir, 'train.py');
    fs.writeFileSync(file, 'from sagemaker.pytorch import PyTorch\nest = PyTorch(entry_point="train.py", role="r", instance_type="ml.p3.2xlarge", instance_count=1, framework_version="2.1", py_version="py310")\nest.fit("s3://b/d")\n');
    const run = runNeovim(file);
    assert.deepEqual(run.errors, []);
    const codes = run.diagnostics.map((d) => d.code).sort();
    assert.deepEqual(codes, ['SML203', 'SML207', 'SML208']);
    assert.ok(run.diagnostics.every((d) => d.lnum === 1));
  });
});
