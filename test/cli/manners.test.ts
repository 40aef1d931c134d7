import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { estimateOptions, estimateUsage } from '../../src/cli/estimateCommand';
import { lintOptions, lintUsage, rulesOptions, rulesUsage, runCli, usage } from '../../src/cli/main';
import { modelCardOptions, modelCardUsage } from '../../src/cli/modelCardCommand';
import { regionsOptions, regionsUsage } from '../../src/cli/regionsCommand';
import { reportOptions, reportUsage } from '../../src/cli/reportCommand';
import { locateTestWasm } from '../kit/languages';

type Io = { stdout: string; stderr: string; code: number };

async function cli(cwd: string, args: string[], extra: { stdoutIsTerminal?: boolean; stderrIsTerminal?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<Io> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), locateWasm: locateTestWasm, ...extra });
  return { code, stdout, stderr };
}

const logGroup = (name: string): string => `  ${name}:\n    Type: AWS::Logs::LogGroup\n`;

describe('CLI manners', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-manners-'));
    fs.writeFileSync(path.join(dir, 'stack.yaml'), `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${logGroup('Logs')}`);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const commands = [
    { name: 'lint', help: lintUsage, options: lintOptions },
    { name: 'rules', help: rulesUsage, options: rulesOptions },
    { name: 'estimate', help: estimateUsage, options: estimateOptions },
    { name: 'regions', help: regionsUsage, options: regionsOptions },
    { name: 'report', help: reportUsage, options: reportOptions },
    { name: 'modelcard', help: modelCardUsage, options: modelCardOptions },
  ];
  for (const { name, help, options } of commands) {
    it(`greenml ${name} --help prints ${name}'s help, which lists every flag it takes`, async () => {
      const out = await cli(dir, [name, '--help']);
      assert.equal(out.code, 0);
      assert.equal(out.stdout, help);
      assert.match(help, new RegExp(`^Usage: greenml ${name}\\b`));
      for (const [flag, spec] of Object.entries(options) as Array<[string, { short?: string }]>) {
        assert.match(help, new RegExp(`(^|[\\s\\[,])--${flag}\\b`, 'm'), `--${flag} missing from ${name}'s help`);
        if (spec.short) assert.match(help, new RegExp(`-${spec.short}, --${flag}\\b`), `-${spec.short} missing from ${name}'s help`);
      }
    });
  }

  it('estimate --help names --live', () => assert.match(estimateUsage, /^ {2}--live /m));

  it('greenml --help lists every command; --version prints the version', async () => {
    const help = await cli(dir, ['--help']);
    assert.equal(help.stdout, usage);
    for (const { name } of commands) assert.match(usage, new RegExp(`^ {2}${name}\\b`, 'm'));
    const version = await cli(dir, ['--version']);
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+(-[\w.]+)?\n$/);
  });

  const malformed: Array<[string[], RegExp]> = [
    [['--bogus'], /^greenml: unknown option --bogus\nRun 'greenml --help' for usage\.\n$/],
    [['lint', '--bogus'], /^greenml: unknown option --bogus\nRun 'greenml lint --help' for usage\.\n$/],
    [['lint', '--fail-on'], /^greenml: --fail-on needs a value\n/],
    [['lint', '--format', '--fix'], /^greenml: --format needs a value\n/],
    [['lint', '--fix=yes'], /^greenml: --fix takes no value\n/],
    [['lint', '--slect', 'SML4'], /^greenml: unknown option --slect; did you mean --select\?\n/],
    [['lint', '-q'], /^greenml: unknown option -q\n/],
    [['estimate', 'ml.m5.xlarge', '--hours', '-3'], /^greenml: --hours must be a number of hours, got "-3"\nRun 'greenml estimate --help' for usage\.\n$/],
    [['estimate', 'ml.m5.xlarge', '--utilization', '-0.5'], /^greenml: --utilization must be a number from 0 to 1, got "-0\.5"\n/],
    [['regions', '--sort'], /^greenml: --sort needs a value\nRun 'greenml regions --help' for usage\.\n$/],
    [['regions', '--bogus'], /^greenml: unknown option --bogus\nRun 'greenml regions --help' for usage\.\n$/],
    [['report', '--format'], /^greenml: --format needs a value\n/],
    [['modelcard', 'x.py', '--line', '-2'], /^greenml: --line must be a line number from 1, got "-2"\n/],
    [['frobnicate'], /^greenml: unknown command "frobnicate"; expected lint, report, rules, estimate, regions, modelcard, scan, lsp\n/],
  ];
  for (const [args, expected] of malformed) {
    it(`greenml ${args.join(' ')}: one clear line and exit 2`, async () => {
      const out = await cli(dir, args);
      assert.equal(out.code, 2, out.stderr);
      assert.match(out.stderr, expected);
      assert.equal(out.stderr.trimEnd().split('\n').length, 2, 'the message and the usage hint only');
      assert.doesNotMatch(out.stderr, /ERR_PARSE_ARGS|To specify|    at /);
      assert.equal(out.stdout, '');
    });
  }

  it('--output makes missing folders, and an unwritable output is one line and exit 2', async () => {
    assert.equal((await cli(dir, ['lint', '--output', 'reports/lint.txt', '--fail-on', 'none'])).code, 0);
    assert.match(fs.readFileSync(path.join(dir, 'reports/lint.txt'), 'utf8'), /SML401/);
    assert.equal((await cli(dir, ['report', '--output', 'reports/deep/footprint.md'])).code, 0);
    assert.ok(fs.existsSync(path.join(dir, 'reports/deep/footprint.md')));
    const bad = await cli(dir, ['lint', '--output', 'stack.yaml/out.txt']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^greenml: cannot write stack\.yaml\/out\.txt: a part of the path is not a folder\n$/);
    assert.doesNotMatch(bad.stderr, /    at /);
  });

  it('colours text output on a terminal, not with NO_COLOR, always with --color, never with --no-color', async () => {
    const ansi = /\u001b\[/;
    assert.match((await cli(dir, ['lint'], { stdoutIsTerminal: true, env: {} })).stdout, ansi);
    assert.doesNotMatch((await cli(dir, ['lint'], { stdoutIsTerminal: true, env: { NO_COLOR: '1' } })).stdout, ansi);
    assert.doesNotMatch((await cli(dir, ['lint'], { stdoutIsTerminal: false, env: {} })).stdout, ansi);
    assert.match((await cli(dir, ['lint', '--color'], { stdoutIsTerminal: false, env: { NO_COLOR: '1' } })).stdout, ansi);
    assert.doesNotMatch((await cli(dir, ['lint', '--no-color'], { stdoutIsTerminal: true, env: { FORCE_COLOR: '1' } })).stdout, ansi);
    assert.doesNotMatch((await cli(dir, ['lint', '--format', 'json', '--color'], { stdoutIsTerminal: true, env: {} })).stdout, ansi);
    assert.equal((await cli(dir, ['lint', '--color', '--no-color'])).code, 2);
  });

  it('text output ends with a summary naming the fixable and baselined counts', async () => {
    const plain = (await cli(dir, ['lint'])).stdout.trimEnd().split('\n');
    assert.deepEqual(plain.slice(-2), ['Found 1 problem (1 warning) in 1 file.', '1 fixable with --fix.']);
    assert.equal((await cli(dir, ['lint', '--write-baseline', 'b.json'])).code, 0);
    fs.appendFileSync(path.join(dir, 'stack.yaml'), logGroup('More'));
    const withBaseline = (await cli(dir, ['lint', '--baseline', 'b.json'])).stdout.trimEnd().split('\n');
    assert.deepEqual(withBaseline.slice(-3), ['Found 1 new problem (1 warning) in 1 file.', '1 fixable with --fix.', '1 baselined in b.json (not shown).']);
  });

  it('shows progress on a terminal\'s stderr for a lint of more than 300 files, and not otherwise', async () => {
    for (let i = 0; i < 320; i++) fs.writeFileSync(path.join(dir, `t${i}.yaml`), 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n');
    const terminal = await cli(dir, ['lint'], { stderrIsTerminal: true });
    assert.match(terminal.stderr, /\rgreenml: linting \d+\/321 files/);
    assert.match(terminal.stderr, /greenml: linting 321\/321 files\r\u001b\[K$/, 'the line is cleared at the end');
    assert.ok(terminal.stderr.split('\r').length <= 53, 'at most about fifty updates');
    assert.equal((await cli(dir, ['lint'], { stderrIsTerminal: false })).stderr, '');
    fs.rmSync(path.join(dir, 't0.yaml'));
    for (let i = 300; i < 320; i++) fs.rmSync(path.join(dir, `t${i}.yaml`));
    assert.equal((await cli(dir, ['lint'], { stderrIsTerminal: true })).stderr, '', '300 files: no progress');
  });
});
