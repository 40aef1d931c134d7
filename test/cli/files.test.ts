import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { createRequire } from 'node:module';
import type * as WorkerThreads from 'node:worker_threads';
import * as path from 'node:path';
import { workerCount } from '../../src/cli/lintPaths';
import { dedent } from '../kit/dedent';
import { notebookJson } from '../kit/notebook';
import { cli, project } from './cliKit';


const root = path.resolve(__dirname, '..', '..', '..');
// The modules themselves (not import-star copies of them), to count reads and started workers.
const realFs = createRequire(__filename)('node:fs') as typeof fs;
const workerThreads = createRequire(__filename)('node:worker_threads') as typeof WorkerThreads;

/** A sparse file: `size` bytes long, none of them on disk. */
function sparse(file: string, size: number): void {
  fs.closeSync(fs.openSync(file, 'w'));
  fs.truncateSync(file, size);
}

const logGroup = (name: string): string => dedent`
  AWSTemplateFormatVersion: "2010-09-09"
  Resources:
    ${name}:
      Type: AWS::Logs::LogGroup
      Properties:
        LogGroupName: /aws/sagemaker/TrainingJobs
`;

const trainingScript = 'from sagemaker.pytorch import PyTorch\nestimator = PyTorch(entry_point="train.py", instance_type="ml.m5.xlarge", max_run=3600)\n';

const notebook = JSON.stringify({
  cells: [{ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: trainingScript.split(/(?<=\n)/) }],
  metadata: { kernelspec: { language: 'python', name: 'python3' } },
  nbformat: 4,
  nbformat_minor: 5,
});

const endpointConfigJson = JSON.stringify({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: { Logs: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/aws/sagemaker/Endpoints' } } },
});

const bom = Buffer.from([0xef, 0xbb, 0xbf]);
const noStackTrace = (stderr: string): void => assert.doesNotMatch(stderr, /\n\s+at |internal error/, stderr);

describe('CLI files', () => {
  describe('encodings', () => {
    it('--fix in a latin-1 file keeps every byte outside the fixed range as it was', async () => {
      const before = Buffer.concat([
        Buffer.from('# -*- coding: latin-1 -*-\n# R', 'latin1'),
        Buffer.from([0xe9]), // é in latin-1: not UTF-8
        Buffer.from('sum', 'latin1'),
        Buffer.from([0xe9, 0x0a]),
        Buffer.from(trainingScript.trimEnd() + '  # caf', 'latin1'),
        Buffer.from([0xe9, 0x0a]),
        Buffer.from('x = "na', 'latin1'),
        Buffer.from([0xef, 0x76, 0x65, 0x22, 0x0a, 0xff, 0xfe, 0x0a]),
      ]);
      const dir = project({ 'train.py': before });
      const { stderr } = await cli(dir, 'lint', '--fix', '--unsafe-fixes', '--select', 'SML203');
      // Nothing but the placeholder the spot fix had to write (the script names no output location).
      assert.match(stderr, /^greenml: train\.py:\d+:\d+: a fix wrote the placeholder <your-bucket>: replace it before the code runs\n$/);
      const after = fs.readFileSync(path.join(dir, 'train.py'));
      // The spot fix inserts its arguments before the call's closing parenthesis: everything before and after is the same bytes.
      const cut = before.indexOf(Buffer.from('max_run=3600)')) + 'max_run=3600'.length;
      assert.ok(after.length > before.length, 'the fix was applied');
      assert.deepEqual(after.subarray(0, cut), before.subarray(0, cut));
      assert.deepEqual(after.subarray(after.length - (before.length - cut)), before.subarray(cut));
      assert.match(after.subarray(cut, after.length - (before.length - cut)).toString('latin1'), /^, use_spot_instances=True/);
    });

    it('a latin-1 file is linted with columns counted one per byte, as an editor opening it as latin-1 counts them', async () => {
      const dir = project({ 'train.py': Buffer.concat([Buffer.from('x = "'), Buffer.from([0xe9, 0xe9]), Buffer.from('"; ' + trainingScript)]) });
      const { stdout } = await cli(dir, 'lint', '--select', 'SML203');
      assert.match(stdout, /^train\.py:2:13 {2}SML203/m);
    });

    it('a UTF-8 byte order mark is no parse error in a notebook or a JSON template, and --fix keeps it', async () => {
      const dir = project({ 'nb.ipynb': Buffer.concat([bom, Buffer.from(notebook)]), 'stack.json': Buffer.concat([bom, Buffer.from(endpointConfigJson)]) });
      const { stdout } = await cli(dir, 'lint', '--format', 'json');
      const report = JSON.parse(stdout) as { files: Array<{ path: string; findings: Array<{ ruleId: string; line: number; column: number }> }> };
      assert.deepEqual(
        report.files.map((f) => [f.path, f.findings.some((x) => x.ruleId === 'parse-error')]),
        [['nb.ipynb', false], ['stack.json', false]],
      );
      assert.ok(report.files.every((f) => f.findings.length > 0), stdout);
      await cli(dir, 'lint', '--fix', '--unsafe-fixes');
      for (const name of ['nb.ipynb', 'stack.json']) {
        const bytes = fs.readFileSync(path.join(dir, name));
        assert.deepEqual(bytes.subarray(0, 3), bom, name);
        assert.notEqual(bytes[3], 0xef, `${name}: one byte order mark, not two`);
      }
      assert.match(fs.readFileSync(path.join(dir, 'nb.ipynb'), 'utf8'), /use_spot_instances=True/);
      assert.match(fs.readFileSync(path.join(dir, 'stack.json'), 'utf8'), /RetentionInDays/);
    });

    it('UTF-16 and UTF-32 files are listed as skipped for their encoding, in text and JSON', async () => {
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(logGroup('A'), 'utf16le')]);
      const utf32 = Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]);
      const dir = project({ 'a16.yaml': utf16, 'a32.yaml': utf32, 'ok.yaml': logGroup('B') });
      const text = await cli(dir, 'lint');
      assert.match(text.stdout, /^ {2}a16\.yaml: UTF-16 encoded; Green ML reads UTF-8 files$/m);
      assert.match(text.stdout, /^ {2}a32\.yaml: UTF-32 encoded; Green ML reads UTF-8 files$/m);
      const json = JSON.parse((await cli(dir, 'lint', '--format', 'json')).stdout) as { skipped: Array<{ path: string; reason: string }> };
      assert.deepEqual(json.skipped.map((s) => s.path), ['a16.yaml', 'a32.yaml']);
    });
  });

  describe('writing fixes and reports', () => {
    it('a read-only file is reported and left alone, the other files are fixed, and the run exits 2 without a stack trace', async () => {
      const dir = project({ 'a.yaml': logGroup('A'), 'b.yaml': logGroup('B'), 'c.yaml': logGroup('C') });
      fs.chmodSync(path.join(dir, 'b.yaml'), 0o444);
      const { code, stderr } = await cli(dir, 'lint', '--fix');
      assert.equal(code, 2);
      assert.equal(stderr, 'greenml: b.yaml: not written: the file is read-only\n');
      assert.equal(fs.readFileSync(path.join(dir, 'b.yaml'), 'utf8'), logGroup('B'));
      for (const name of ['a.yaml', 'c.yaml']) assert.match(fs.readFileSync(path.join(dir, name), 'utf8'), /RetentionInDays/, name);
    });

    it('--fix keeps the file its permission bits, replaces it by a rename and leaves no temporary file', async () => {
      const dir = project({ 'stack.yaml': logGroup('A') });
      const file = path.join(dir, 'stack.yaml');
      fs.chmodSync(file, 0o640);
      const inode = fs.statSync(file).ino;
      await cli(dir, 'lint', '--fix');
      assert.match(fs.readFileSync(file, 'utf8'), /RetentionInDays/);
      assert.equal(fs.statSync(file).mode & 0o777, 0o640);
      assert.notEqual(fs.statSync(file).ino, inode, 'a new file renamed over the old one');
      assert.deepEqual(fs.readdirSync(dir), ['stack.yaml']);
    });

    it('--output to a path that cannot be written is one line and exit 2, for lint and report', async () => {
      const dir = project({ 'stack.yaml': logGroup('A') });
      for (const command of ['lint', 'report']) {
        const { code, stdout, stderr } = await cli(dir, command, '--output', 'stack.yaml/out.txt');
        assert.equal(code, 2, command);
        assert.equal(stdout, '');
        assert.equal(stderr, 'greenml: cannot write stack.yaml/out.txt: a part of the path is not a folder\n', command);
        const folder = await cli(dir, command, '--output', '.');
        assert.equal(folder.code, 2);
        assert.match(folder.stderr, /^greenml: cannot write \.: is a folder\n$/);
      }
    });

    it('a file named for modelcard that cannot be read is one line, exit 2', async () => {
      const dir = project({});
      const { code, stderr } = await cli(dir, 'modelcard', 'nope.py');
      assert.equal(code, 2);
      assert.equal(stderr, 'greenml: cannot read nope.py: no such file or folder\n');
    });
  });

  describe('skipped files', () => {
    it('files over the size limit and symbolic links are listed with the reason, in the text summary and in JSON', async () => {
      const dir = project({ 'ok.yaml': logGroup('A'), 'real/stack.yaml': logGroup('B') });
      fs.symlinkSync(path.join(dir, 'ok.yaml'), path.join(dir, 'link.yaml'));
      fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'linked-folder'));
      // Sparse: 300 MB of size, no disk.
      sparse(path.join(dir, 'huge.yaml'), 300 * 1024 * 1024);
      const { stdout } = await cli(dir, 'lint');
      const tail = stdout.slice(stdout.indexOf('Skipped'));
      assert.equal(tail, 'Skipped 3 paths:\n  huge.yaml: larger than 4096 KB\n  link.yaml: symbolic link, not followed\n  linked-folder: symbolic link to a folder, not followed\n');
      const json = JSON.parse((await cli(dir, 'lint', '--format', 'json')).stdout) as { skipped: Array<{ path: string; reason: string }>; files: Array<{ path: string }> };
      assert.deepEqual(json.skipped, [
        { path: 'huge.yaml', reason: 'larger than 4096 KB' },
        { path: 'link.yaml', reason: 'symbolic link, not followed' },
        { path: 'linked-folder', reason: 'symbolic link to a folder, not followed' },
      ]);
      assert.deepEqual(json.files.map((f) => f.path), ['ok.yaml', 'real/stack.yaml']);
    });

    it('a file over the size limit is never read: its size is checked first', async () => {
      const dir = project({ 'ok.yaml': logGroup('A') });
      sparse(path.join(dir, 'huge.yaml'), 300 * 1024 * 1024);
      let bytesRead = 0;
      const { readFileSync, readSync } = fs;
      const patched = realFs as { readFileSync: typeof fs.readFileSync; readSync: typeof fs.readSync };
      patched.readFileSync = ((...args: Parameters<typeof fs.readFileSync>) => {
        const out = readFileSync(...args);
        bytesRead += out.length;
        return out;
      }) as typeof fs.readFileSync;
      patched.readSync = ((...args: Parameters<typeof fs.readSync>) => {
        const n = (readSync as (...a: unknown[]) => number)(...args);
        bytesRead += n;
        return n;
      }) as typeof fs.readSync;
      try {
        const { stdout } = await cli(dir, 'lint', '--jobs', '1');
        assert.match(stdout, /huge\.yaml: larger than 4096 KB/);
      } finally {
        patched.readFileSync = readFileSync;
        patched.readSync = readSync;
      }
      assert.ok(bytesRead < 1024 * 1024, `${bytesRead} bytes read`);
    });

    // A folder that cannot be read needs a user without root's override of permissions: the CLI runs as "nobody" when the tests run as root.
    it('an unreadable folder met in a walk is listed; one named on the command line is an error, exit 2', function () {
      const dir = project({ 'ok.yaml': logGroup('A'), 'locked/stack.yaml': logGroup('B') });
      fs.chmodSync(dir, 0o755);
      fs.chmodSync(path.join(dir, 'locked'), 0o000);
      try {
        const run = (...args: string[]) => {
          const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
          const script = `require(${JSON.stringify(path.join(root, 'out', 'src', 'cli', 'main.js'))}).runCli(${JSON.stringify(args)}, { cwd: ${JSON.stringify(dir)}, stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }).then((c) => { process.exitCode = c; })`;
          return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', ...asNobody });
        };
        const walked = run('lint', '--no-config');
        assert.equal(walked.status, 1, walked.stderr);
        assert.match(walked.stdout, /^Skipped 1 path:\n {2}locked: cannot read the folder: permission denied\n/m);
        const named = run('lint', '--no-config', 'locked');
        assert.equal(named.status, 2);
        assert.equal(named.stderr, 'greenml: locked: cannot read the folder: permission denied\n');
        assert.equal(named.stdout, '');
      } finally {
        fs.chmodSync(path.join(dir, 'locked'), 0o755);
      }
    });
  });

  describe('memory', () => {
    it('lint results keep no file text; report results keep it for the footprint', async () => {
      const { lintPaths } = await import('../../src/cli/lintPaths');
      const { createTestLinter } = await import('../kit/languages');
      const dir = project({ 'a.yaml': logGroup('A'), 'b.yaml': logGroup('B') });
      const io = { cwd: dir, stdout: () => undefined, stderr: () => undefined };
      const lint = await lintPaths(createTestLinter(), io, [], { select: [], ignore: [], jobs: 1 });
      assert.equal(lint.results.length, 2);
      assert.equal(lint.results.filter((r) => r.text !== undefined).length, 0);
      const report = await lintPaths(createTestLinter(), io, [], { select: [], ignore: [], jobs: 1, keepText: true });
      assert.deepEqual(report.results.map((r) => r.text), [logGroup('A'), logGroup('B')]);
    });

    it('peak memory does not grow with the number of files: 4 × as many 1 MB files cost about the same', function () {
      this.timeout(180_000);
      // Each file: a template with one finding, padded with comments to 1 MB.
      const padding = `${'# padding to make the template one megabyte long, as big generated templates are\n'.repeat(Math.ceil((1024 * 1024) / 82))}`;
      const peakRss = (count: number): number => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-rss-'));
        try {
          for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `stack-${String(i).padStart(3, '0')}.yaml`), logGroup(`Logs${i}`) + padding);
          const script = `require(${JSON.stringify(path.join(root, 'out', 'src', 'cli', 'main.js'))}).runCli(['lint', '--jobs', '1', '--no-config', '--fail-on', 'none'], { cwd: ${JSON.stringify(dir)}, stdout: () => {}, stderr: (t) => process.stderr.write(t) }).then((c) => { process.exitCode = c; console.log(process.resourceUsage().maxRSS); })`;
          const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
          assert.equal(child.status, 0, child.stderr);
          return Number(child.stdout.trim()) / 1024;
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      };
      // Measured: keeping the texts grew the peak by about 2.6 MB per file (150 MB from 20 files to 80); without them the
      // peak levels off after some 40 files (about 155 MB, wherever the engine's heap settles).
      const few = peakRss(20);
      const many = peakRss(80);
      assert.ok(many - few < 60, `peak RSS ${few.toFixed(0)} MB for 20 files, ${many.toFixed(0)} MB for 80`);
    });
  });

  describe('a notebook and the Python modules beside it', () => {
    const deployCells = ['import sagemaker\nfrom sagemaker.pytorch import PyTorchModel\nmodel = PyTorchModel(model_data="s3://b/m.tar.gz", role=role, entry_point="inference.py", framework_version="2.3", py_version="py311")\n', 'predictor = model.deploy(initial_instance_count=1, instance_type="ml.g5.xlarge")\n'];
    const cleanup = 'import boto3\nsm = boto3.client("sagemaker")\n\ndef cleanup_endpoint(name):\n    sm.delete_endpoint(EndpointName=name)\n';
    const teardowns = async (files: Record<string, string>): Promise<string[]> => {
      const { stdout } = await cli(project(files), 'lint', '--format', 'json', '--select', 'SML307');
      const report = JSON.parse(stdout) as { files: Array<{ path: string; findings: Array<{ ruleId: string }> }> };
      return report.files.flatMap((f) => f.findings.map((x) => `${f.path} ${x.ruleId}`));
    };

    it('a cleanup helper of cleanup.py that the notebook imports and calls deletes its endpoint; the same call with no such module beside it does not', async function () {
      this.timeout(30_000);
      const notebook = notebookJson([...deployCells, 'from cleanup import cleanup_endpoint\ncleanup_endpoint(predictor.endpoint_name)\n']);
      assert.deepEqual(await teardowns({ 'nb/serve.ipynb': notebook, 'nb/cleanup.py': cleanup }), []);
      assert.deepEqual(await teardowns({ 'nb/serve.ipynb': notebook, 'other/cleanup.py': cleanup }), ['nb/serve.ipynb SML307']);
    });
  });

  describe('worker threads', () => {
    const corpus = (): Record<string, string> => {
      const files: Record<string, string> = { 'jobs/train.py': trainingScript, 'nb/explore.ipynb': notebook };
      for (let i = 0; i < 60; i++) files[`stacks/s${String(i).padStart(2, '0')}.yaml`] = i % 3 ? logGroup(`Logs${i}`) : endpointConfigJson;
      // Nesting that overflows the composer's stack on one thread and not on another unless refused first.
      files['stacks/deep-block.yaml'] = `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n Deep:\n  Type: AWS::CloudFormation::WaitConditionHandle\n  Metadata:\n${Array.from({ length: 1000 }, (_, d) => `${' '.repeat(d + 3)}level${d}:`).join('\n')} bottom\n`;
      const module = path.join(root, 'test', 'fixtures', 'endpoint-no-autoscaling', 'split-module');
      for (const name of fs.readdirSync(module)) files[`infra/${name}`] = fs.readFileSync(path.join(module, name), 'utf8');
      return files;
    };
    const started = { count: 0 };
    const { Worker } = workerThreads;
    before(() => {
      (workerThreads as { Worker: typeof Worker }).Worker = class extends Worker {
        constructor(...args: ConstructorParameters<typeof Worker>) {
          super(...args);
          started.count++;
        }
      };
    });
    after(() => {
      (workerThreads as { Worker: typeof Worker }).Worker = Worker;
    });

    it('one thread per core by default, fewer for few files, and as --jobs says', () => {
      assert.equal(workerCount(1, 1000), 1);
      assert.equal(workerCount(4, 1000), 4);
      assert.equal(workerCount(4, 30), 1, 'a worker for a handful of files costs more than it saves');
      assert.equal(workerCount(undefined, 10_000), os.availableParallelism());
    });

    it('--jobs 2 prints what --jobs 1 prints, in the same order, in text and JSON, Terraform modules included', async function () {
      this.timeout(60_000);
      const dir = project(corpus());
      const one = await cli(dir, 'lint', '--jobs', '1', '--format', 'json');
      const before = started.count;
      const two = await cli(dir, 'lint', '--jobs', '2', '--format', 'json');
      assert.equal(started.count - before, 2, 'two workers ran');
      assert.equal(two.stderr, one.stderr);
      assert.equal(two.code, one.code);
      assert.equal(two.stdout, one.stdout);
      const report = JSON.parse(two.stdout) as { files: Array<{ path: string; findings: Array<{ ruleId: string }> }> };
      assert.ok(report.files.find((f) => f.path === 'infra/configs.tf')?.findings.some((f) => f.ruleId === 'SML303'), 'the module is read together');
      assert.deepEqual(report.files.find((f) => f.path === 'stacks/deep-block.yaml')?.findings.map((f) => f.ruleId), ['parse-error'], 'too deep on every thread');
      assert.equal((await cli(dir, 'lint', '--jobs', '2')).stdout, (await cli(dir, 'lint', '--jobs', '1')).stdout);
    });

    it('the workers start while the walk goes on: they are running before the config is read and the first unit is sent', async function () {
      this.timeout(60_000);
      const { lintPaths } = await import('../../src/cli/lintPaths');
      const { createTestLinter, locateTestWasm } = await import('../kit/languages');
      const dir = project(corpus());
      const io = { cwd: dir, stdout: () => undefined, stderr: () => undefined, locateWasm: locateTestWasm };
      const before = started.count;
      let atStart = -1;
      const result = await lintPaths(createTestLinter(), io, [], { select: [], ignore: [], jobs: 2, onProgress: (done) => void (done === 0 && (atStart = started.count - before)) });
      assert.equal(atStart, 2, 'both workers were started by the walk, before any unit was handed out');
      assert.equal(started.count - before, 2, 'and no other');
      const single = await lintPaths(createTestLinter(), io, [], { select: [], ignore: [], jobs: 1 });
      assert.deepEqual(result, single);
    });

    it('a worker is sent its next batch before it answers the last, and the outcomes still come in the units\' order', async function () {
      this.timeout(60_000);
      const { LintPool } = await import('../../src/cli/lintPool');
      const { locateTestWasm } = await import('../kit/languages');
      const { resolveRuleSettings } = await import('../../src/core/config');
      const { allRules } = await import('../../src/rules');
      const dir = project(corpus());
      const files = Object.keys(corpus()).sort().map((name) => path.join(dir, name));
      const tasks = files.map((file, index) => ({ id: index, files: [{ index, file, settingsId: 0, explicit: false }] }));
      const pool = new LintPool(locateTestWasm, { cwd: dir });
      pool.grow(2);
      const order: number[] = [];
      const stats = await pool.run(tasks, [resolveRuleSettings(allRules)], (outcome) => void order.push(outcome.id), { batchFiles: 3, batchBytes: 1 << 20, inFlight: 2 });
      assert.deepEqual(order, tasks.map((t) => t.id));
      assert.equal(stats.mostInFlight, 2);
      assert.equal(stats.batches.length, 2);
      assert.ok(stats.batches.every((b) => b > 1), `each worker had batches: ${stats.batches.join(', ')}`);
      assert.ok(stats.batches[0] + stats.batches[1] >= Math.ceil(tasks.length / 3), 'no batch holds more than 3 files');
      assert.equal(pool.size, 2);
    });

    it('--fix on worker threads writes the same files as on one thread', async function () {
      this.timeout(60_000);
      const files = corpus();
      const one = project(files);
      const two = project(files);
      const a = await cli(one, 'lint', '--jobs', '1', '--fix', '--unsafe-fixes');
      const before = started.count;
      const b = await cli(two, 'lint', '--jobs', '2', '--fix', '--unsafe-fixes');
      assert.ok(started.count > before);
      assert.equal(b.stdout, a.stdout);
      assert.match(a.stdout, /Fixed \d+ problems/);
      for (const name of Object.keys(files)) assert.equal(fs.readFileSync(path.join(two, name), 'utf8'), fs.readFileSync(path.join(one, name), 'utf8'), name);
      assert.notEqual(fs.readFileSync(path.join(two, 'jobs/train.py'), 'utf8'), trainingScript);
    });

    it('report on worker threads gives the report of one thread, cost targets included', async function () {
      this.timeout(60_000);
      const dir = project(corpus());
      const saved = process.env.GREENML_JOBS;
      try {
        process.env.GREENML_JOBS = '1';
        const one = await cli(dir, 'report', '--format', 'json');
        process.env.GREENML_JOBS = '2';
        const before = started.count;
        const two = await cli(dir, 'report', '--format', 'json');
        assert.equal(started.count - before, 2, 'two workers ran');
        assert.equal(two.stdout, one.stdout);
        assert.ok((JSON.parse(two.stdout) as { targets: unknown[] }).targets.length > 0, 'the training job is priced');
      } finally {
        if (saved === undefined) delete process.env.GREENML_JOBS;
        else process.env.GREENML_JOBS = saved;
      }
    });

    it('--jobs and GREENML_JOBS take a whole number from 1', async () => {
      const dir = project({ 'stack.yaml': logGroup('A') });
      for (const bad of ['0', 'two', '1.5', '-1']) {
        const { code, stderr } = await cli(dir, 'lint', `--jobs=${bad}`);
        assert.equal(code, 2, bad);
        assert.match(stderr, /--jobs must be a whole number from 1/);
      }
      const saved = process.env.GREENML_JOBS;
      process.env.GREENML_JOBS = 'many';
      try {
        const { code, stderr } = await cli(dir, 'lint');
        assert.equal(code, 2);
        assert.match(stderr, /GREENML_JOBS must be a whole number from 1 to 1024, got "many"/);
      } finally {
        if (saved === undefined) delete process.env.GREENML_JOBS;
        else process.env.GREENML_JOBS = saved;
      }
    });
  });

  it('no stack trace for a user-caused condition', async () => {
    const dir = project({ 'stack.yaml': logGroup('A') });
    for (const args of [['lint', '--config', 'missing.json'], ['lint', 'missing/'], ['report', '--output', 'stack.yaml/x'], ['modelcard', 'stack.yaml/x.py'], ['lint', '--jobs', 'x']]) {
      const { code, stderr } = await cli(dir, ...args);
      assert.equal(code, 2, args.join(' '));
      noStackTrace(stderr);
    }
  });
});
