import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from '../../src/cli/main';
import { dedent } from '../kit/dedent';
import { cli, project } from './cliKit';

const root = path.resolve(__dirname, '..', '..', '..');

const failingTemplate = dedent`
  AWSTemplateFormatVersion: "2010-09-09"
  Resources:
    JobLogs:
      Type: AWS::Logs::LogGroup
      Properties:
        LogGroupName: /aws/sagemaker/TrainingJobs
`;

const passingTemplate = dedent`
  {
    "AWSTemplateFormatVersion": "2010-09-09",
    "Resources": { "Logs": { "Type": "AWS::Logs::LogGroup", "Properties": { "RetentionInDays": 7 } } }
  }
`;

const trainingScript = dedent`
  from sagemaker.pytorch import PyTorch
  estimator = PyTorch(entry_point="train.py", instance_type="ml.m5.xlarge", max_run=3600)
`;

describe('CLI', () => {
  it('lints Python scripts once the parser is loaded, and --fix --unsafe-fixes applies the spot fix', async () => {
    const dir = project({ 'jobs/train.py': trainingScript });
    const { code, stdout } = await cli(dir, 'lint');
    assert.equal(code, 1);
    assert.match(stdout, /^jobs\/train\.py:2:13 {2}SML203 {2}warning {2}This training job runs on on-demand capacity/m);
    assert.equal((await cli(dir, 'lint', '--fix')).code, 1, 'the spot fix is unsafe: --fix alone leaves it');
    const fixed = await cli(dir, 'lint', '--fix', '--unsafe-fixes');
    assert.match(fs.readFileSync(path.join(dir, 'jobs/train.py'), 'utf8'), /max_run=3600, use_spot_instances=True, max_wait=7200, checkpoint_s3_uri="s3:\/\/<your-bucket>\/checkpoints"\)/);
    // No bucket is named in the script: the placeholder written is listed, with where it went.
    assert.equal(fixed.stderr, 'greenml: jobs/train.py:2:153: a fix wrote the placeholder <your-bucket>: replace it before the code runs\n');
  });

  it('--fix --unsafe-fixes lists only the placeholders it wrote; a location derived from the code is not one', async () => {
    const dir = project({
      'a.py': dedent`
        from sagemaker.pytorch import PyTorch
        # checkpoints go to s3://<your-bucket>/... once chosen
        one = PyTorch(entry_point="a.py", instance_type="ml.m5.xlarge", use_spot_instances=True, max_wait=7200)
        two = PyTorch(entry_point="b.py", instance_type="ml.m5.xlarge", max_run=60)
      `,
      'b.py': dedent`
        from sagemaker.pytorch import PyTorch
        est = PyTorch(entry_point="a.py", instance_type="ml.m5.xlarge", output_path="s3://acme/out", use_spot_instances=True, max_wait=7200)
      `,
    });
    const { stderr } = await cli(dir, 'lint', '--fix', '--unsafe-fixes');
    assert.equal(
      stderr,
      [
        'greenml: a.py:3:129: a fix wrote the placeholder <your-bucket>: replace it before the code runs',
        'greenml: a.py:4:140: a fix wrote the placeholder <your-bucket>: replace it before the code runs',
        '',
      ].join('\n'),
    );
    assert.match(fs.readFileSync(path.join(dir, 'b.py'), 'utf8'), /checkpoint_s3_uri="s3:\/\/acme\/out\/checkpoints"\)$/m);
  });

  it('a Python parser that cannot load is reported once and exits 2', async () => {
    const dir = project({ 'train.py': trainingScript });
    let stderr = '';
    const code = await runCli(['lint'], { cwd: dir, stdout: () => undefined, stderr: (t) => (stderr += t), locateWasm: (file) => path.join(dir, 'missing', file) });
    assert.equal(code, 2);
    assert.match(stderr, /^greenml: cannot load the python parser: /);
  });

  it('prints findings as path:line:col  ID  severity  message, a summary, and exits 1', async () => {
    const dir = project({ 'infra/stack.yaml': failingTemplate, 'infra/ok.json': passingTemplate, 'README.md': '# not linted' });
    const { code, stdout, stderr } = await cli(dir, 'lint');
    assert.equal(stderr, '');
    assert.equal(code, 1);
    const lines = stdout.trimEnd().split('\n');
    assert.match(lines[0], /^infra\/stack\.yaml:3:3 {2}SML401 {2}warning {2}Log group JobLogs keeps its logs forever: .* \[\*\]$/);
    assert.ok(lines.includes('Found 1 problem (1 warning) in 2 files.'), stdout);
    assert.ok(lines.includes('1 fixable with --fix.'), stdout);
  });

  it('exits 0 on a clean project, and with --fail-on above the findings', async () => {
    assert.equal((await cli(project({ 'ok.json': passingTemplate }), 'lint')).code, 0);
    const dir = project({ 'stack.yaml': failingTemplate });
    assert.equal((await cli(dir, 'lint', '--fail-on', 'error')).code, 0);
    assert.equal((await cli(dir, 'lint', '--fail-on', 'none')).code, 0);
    assert.equal((await cli(dir, 'lint', '--fail-on', 'hint')).code, 1);
  });

  it('--fix writes the safe fix and reports what is left', async () => {
    const dir = project({ 'stack.yaml': failingTemplate });
    const { code, stdout } = await cli(dir, 'lint', '--fix');
    assert.equal(code, 0);
    assert.match(stdout, /Fixed 1 problem\./);
    assert.match(fs.readFileSync(path.join(dir, 'stack.yaml'), 'utf8'), /Properties:\n {6}RetentionInDays: 30\n {6}LogGroupName/);
  });

  it('--fix follows the retention option of the config file found upward', async () => {
    const dir = project({ 'greenml.json': JSON.stringify({ rules: { SML401: { options: { retentionDays: 365 } } } }), 'deep/er/stack.yaml': failingTemplate });
    await cli(dir, 'lint', '--fix');
    assert.match(fs.readFileSync(path.join(dir, 'deep/er/stack.yaml'), 'utf8'), /RetentionInDays: 365/);
  });

  it('a config file can turn a rule off, and --no-config ignores it', async () => {
    const dir = project({ '.greenml.yaml': 'rules:\n  log-group-no-retention: "off"\n', 'stack.yaml': failingTemplate });
    assert.equal((await cli(dir, 'lint')).code, 0);
    assert.equal((await cli(dir, 'lint', '--no-config')).code, 1);
  });

  it('an invalid config file stops with exit 2 and says where and why', async () => {
    const dir = project({ 'greenml.json': '{\n  "rules": {\n    "SML999": "warning",\n    "SML401": { "options": { "retentionDays": 31 } }\n  }\n}\n', 'stack.yaml': failingTemplate });
    const { code, stderr } = await cli(dir, 'lint');
    assert.equal(code, 2);
    assert.match(stderr, /greenml\.json:3:5: rules\.SML999: unknown rule "SML999"/);
    assert.match(stderr, /greenml\.json:4:\d+: rules\.SML401\.options\.retentionDays: must be one of 1, 3, 5, 7, 14, 30/);
  });

  it('--select and --ignore take ids, prefixes and names; unknown ones are usage errors', async () => {
    const dir = project({ 'stack.yaml': failingTemplate });
    assert.equal((await cli(dir, 'lint', '--ignore', 'SML401')).code, 0);
    assert.equal((await cli(dir, 'lint', '--ignore', 'log-group-no-retention')).code, 0);
    assert.equal((await cli(dir, 'lint', '--select', 'SML4')).code, 1);
    const bad = await cli(dir, 'lint', '--select', 'SML9');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /no rule matches "SML9"/);
  });

  it('usage errors exit 2: unknown option, unknown format, missing path, no command', async () => {
    const dir = project({ 'stack.yaml': failingTemplate });
    assert.equal((await cli(dir, 'lint', '--colour')).code, 2);
    assert.equal((await cli(dir, 'lint', '--format', 'xml')).code, 2);
    const missing = await cli(dir, 'lint', 'nope.yaml');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or folder: nope\.yaml/);
    assert.equal((await cli(dir)).code, 2);
    assert.equal((await cli(dir, '--help')).code, 0);
  });

  it('skips .git, node_modules, virtualenvs, build outputs and .gitignore matches', async () => {
    const dir = project({
      '.gitignore': 'generated/\n*.tmp.yaml\n',
      'stack.yaml': failingTemplate,
      'generated/stack.yaml': failingTemplate,
      'x.tmp.yaml': failingTemplate,
      'node_modules/pkg/stack.yaml': failingTemplate,
      '.git/stack.yaml': failingTemplate,
      'env/pyvenv.cfg': 'home = /usr/bin',
      'env/stack.yaml': failingTemplate,
      'cdk.out/Stack.template.json': passingTemplate,
      'sub/.gitignore': 'local.yaml\n',
      'sub/local.yaml': failingTemplate,
      'sub/kept.yaml': failingTemplate,
    });
    const { stdout } = await cli(dir, 'lint', '--format', 'json');
    const files = (JSON.parse(stdout) as { files: Array<{ path: string }> }).files.map((f) => f.path).sort();
    assert.deepEqual(files, ['stack.yaml', 'sub/kept.yaml']);
  });

  it('explicitly named files are linted even when ignored, and unlintable ones are reported', async () => {
    const dir = project({ '.gitignore': 'generated/\n', 'generated/stack.yaml': failingTemplate, 'notes.yaml': 'a: 1\n' });
    const { code, stderr } = await cli(dir, 'lint', 'generated/stack.yaml', 'notes.yaml');
    assert.equal(code, 1);
    assert.match(stderr, /skipped notes\.yaml: not a format Green ML lints/);
  });

  it('a broken template is one parse-error finding and exit 1, not a crash', async () => {
    const dir = project({ 'broken.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A: [\n', 'binary.yaml': 'AWSTemplateFormatVersion\u0000\u0001\u0002' });
    const { code, stdout } = await cli(dir, 'lint', '--format', 'json');
    assert.equal(code, 1);
    const report = JSON.parse(stdout) as { files: Array<{ path: string; findings: Array<{ ruleId: string }> }> };
    assert.deepEqual(report.files.map((f) => [f.path, f.findings.map((x) => x.ruleId)]), [['broken.yaml', ['parse-error']]]);
  });

  it('JSON output carries ranges, docs links, fixes and a summary', async () => {
    const dir = project({ 'stack.yaml': failingTemplate });
    const report = JSON.parse((await cli(dir, 'lint', '--format', 'json')).stdout);
    const finding = report.files[0].findings[0];
    assert.deepEqual([finding.ruleId, finding.line, finding.column, finding.endLine, finding.endColumn], ['SML401', 3, 3, 3, 10]);
    assert.match(finding.docsUrl, /docs\/rules\/log-group-no-retention\.md$/);
    assert.equal(finding.fix.applicability, 'safe');
    assert.deepEqual(finding.fix.edits[0].range, { line: 6, column: 1, endLine: 6, endColumn: 1 });
    assert.equal(report.summary.findings, 1);
  });

  it('--output writes the report to a file', async () => {
    const dir = project({ 'stack.yaml': failingTemplate });
    const { stdout } = await cli(dir, 'lint', '--format', 'sarif', '--output', 'out.sarif');
    assert.equal(stdout, '');
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'out.sarif'), 'utf8')).version, '2.1.0');
  });

  it('rules lists every rule, as text, JSON and Markdown', async () => {
    const dir = project({});
    assert.match((await cli(dir, 'rules')).stdout, /^SML401 +log-group-no-retention +warning +cfn,tf,cdk +safe, unsafe +CloudWatch log group/m);
    assert.equal(JSON.parse((await cli(dir, 'rules', '--format', 'json')).stdout).find((r: { id: string }) => r.id === 'SML401').options.retentionDays.default, 30);
    assert.match((await cli(dir, 'rules', '--format', 'markdown')).stdout, /^\| SML401 \| \[log-group-no-retention\]/m);
  });
});

describe('SARIF output', () => {
  // Made in before(), once the root hook has given the run its temporary folder.
  let dir: string;
  // The parsed report is untyped JSON, as in the tests above.
  let sarif: ReturnType<typeof JSON.parse>;
  before(async () => {
    dir = project({ 'infra/my stack.yaml': failingTemplate, 'ok.json': passingTemplate });
    sarif = JSON.parse((await cli(dir, 'lint', '--format', 'sarif')).stdout);
  });

  it('has rule metadata with help URIs and Well-Architected tags', async () => {
    const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'SML401');
    assert.equal(rule.name, 'log-group-no-retention');
    assert.match(rule.helpUri, /^https:\/\/.*log-group-no-retention\.md$/);
    assert.deepEqual(rule.properties.tags, ['ops', 'MLSUS04-BP03']);
  });

  it('uses artifact URIs relative to the working directory, percent-encoded', async () => {
    const result = sarif.runs[0].results[0];
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'infra/my%20stack.yaml');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 3, startColumn: 3, endLine: 3, endColumn: 10 });
    assert.equal(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(`${dir}/`).href);
    assert.equal(sarif.runs[0].tool.driver.rules[result.ruleIndex].id, 'SML401');
  });

  it("passes Microsoft's SARIF validator (sarif-multitool) without errors or warnings", function () {
    this.timeout(60000);
    const file = path.join(dir, 'out.sarif');
    const log = path.join(dir, 'validation.sarif');
    fs.writeFileSync(file, JSON.stringify(sarif));
    const bin = path.join(root, 'node_modules', '.bin', 'sarif-multitool');
    assert.ok(fs.existsSync(bin), 'npm ci installs @microsoft/sarif-multitool');
    execFileSync(bin, ['validate', file, '-o', log, '--log', 'ForceOverwrite'], { stdio: 'pipe' });
    const problems = JSON.parse(fs.readFileSync(log, 'utf8')).runs[0].results.map((r: { ruleId: string; level?: string; message: { arguments?: string[] } }) => `${r.level ?? 'warning'} ${r.ruleId} ${JSON.stringify(r.message.arguments ?? [])}`);
    assert.deepEqual(problems, []);
  });
});

describe('bundled CLI (dist/cli.js)', () => {
  it('runs as a separate process with the documented exit codes', function () {
    this.timeout(20000);
    const bundle = path.join(root, 'dist', 'cli.js');
    assert.ok(fs.existsSync(bundle), 'run `npm run bundle` before the unit tests');
    const dir = project({ 'stack.yaml': failingTemplate });
    const run = (...args: string[]) => spawnSync(process.execPath, [bundle, ...args], { cwd: dir, encoding: 'utf8' });
    const findings = run('lint');
    assert.equal(findings.status, 1, findings.stderr);
    assert.match(findings.stdout, /stack\.yaml:3:3 {2}SML401/);
    assert.equal(run('lint', '--fail-on', 'none').status, 0);
    assert.equal(run('lint', '--bogus').status, 2);
    assert.match(run('--version').stdout, /^\d+\.\d+\.\d+/);
  });

  it('loads the Python parser from the WebAssembly next to the bundle and lints a script', function () {
    this.timeout(20000);
    const bundle = path.join(root, 'dist', 'cli.js');
    const dir = project({ 'train.py': trainingScript });
    const result = spawnSync(process.execPath, [bundle, 'lint', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    assert.equal(result.status, 1, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(report.files[0].findings.map((f: { ruleId: string; line: number }) => `${f.line} ${f.ruleId}`), ['2 SML203']);
  });
});

describe('SARIF for notebooks', () => {
  it('gives the raw .ipynb line as region.startLine and the cell position as properties', async () => {
    const { formatSarif } = await import('../../src/cli/formatters/sarif');
    const finding = { ruleId: 'SML401', ruleName: 'log-group-no-retention', severity: 'warning' as const, message: 'm', start: 0, end: 1, line: 57, column: 9, endLine: 57, endColumn: 20, cell: { index: 3, line: 2, column: 5, endLine: 2, endColumn: 16 } };
    const log = JSON.parse(formatSarif({ results: [{ fileName: '/p/nb.ipynb', path: 'nb.ipynb', format: 'notebook', findings: [finding], ruleErrors: [], suppressed: 0 }], rules: [], fixed: 0, toolVersion: '1.0.0' }, '/p'));
    const result = log.runs[0].results[0];
    assert.equal(result.locations[0].physicalLocation.region.startLine, 57);
    assert.deepEqual(result.properties, { cell: 3, cellLine: 2 });
  });
});

describe('CLI and ignore files', () => {
  it('lints a folder named explicitly even when .gitignore excludes it, still honouring ignore files inside it', async () => {
    const dir = project({ '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': 'generated/\n', 'generated/stack.yaml': failingTemplate, 'generated/.gitignore': 'skip.yaml\n', 'generated/skip.yaml': failingTemplate });
    const report = JSON.parse((await cli(dir, 'lint', 'generated', '--format', 'json')).stdout);
    assert.deepEqual(report.files.map((f: { path: string }) => f.path), ['generated/stack.yaml']);
    assert.deepEqual(JSON.parse((await cli(dir, 'lint', '--format', 'json')).stdout).files, []);
  });
});

describe('SARIF tool notifications', () => {
  it('reports a rule that failed as a tool execution notification, not as a result', async () => {
    const { formatSarif } = await import('../../src/cli/formatters/sarif');
    const log = JSON.parse(formatSarif({ results: [{ fileName: '/p/t.yaml', path: 't.yaml', format: 'cfn-yaml', findings: [], ruleErrors: [{ ruleId: 'SML401', message: 'boom' }], suppressed: 0 }], rules: [], fixed: 0, toolVersion: '1.0.0' }, '/p'));
    const invocation = log.runs[0].invocations[0];
    assert.equal(invocation.executionSuccessful, false);
    assert.equal(invocation.toolExecutionNotifications[0].message.text, 'rule SML401 failed: boom');
    assert.equal(invocation.toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri, 't.yaml');
    assert.deepEqual(log.runs[0].results, []);
  });
});

describe('alternatives besides the fix', () => {
  it('are printed as "also" lines in text output, saying which can be applied in the editor', async () => {
    const dir = project({ 'serve.py': 'from sagemaker.model import Model\nModel(image_uri=img, model_data=data, role=role).deploy(initial_instance_count=1, instance_type="ml.m5.large")\n' });
    const { stdout } = await cli(dir, 'lint', '--select', 'SML301');
    const lines = stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('serve.py:2:1  SML301'));
    assert.ok(at >= 0, stdout);
    assert.match(lines[at + 1], /^ {4}also: Or deploy asynchronously \(AsyncInferenceConfig, .*\) \[\*unsafe, in the editor\]$/);
    assert.match(lines[at + 2], /^ {4}also: Or score the data offline with batch transform/);
  });
});

describe('advice-only fixes', () => {
  const notebook = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Notebook:\n    Type: AWS::SageMaker::NotebookInstance\n    Properties:\n      InstanceType: ml.t3.medium\n      RoleArn: arn:aws:iam::111122223333:role/r\n';

  it('are printed as a help line in text output and counted as not fixable', async () => {
    const dir = project({ 'nb.yaml': notebook });
    const { stdout } = await cli(dir, 'lint', '--select', 'SML402');
    const lines = stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('nb.yaml:3:3  SML402'));
    assert.ok(at >= 0, stdout);
    assert.match(lines[at + 1], /^ {4}help: Attach an AWS::SageMaker::NotebookInstanceLifecycleConfig/);
    assert.ok(!stdout.includes('fixable with --fix'), stdout);
  });

  it('travel in SARIF as properties.advice, not as fixes', async () => {
    const dir = project({ 'nb.yaml': notebook });
    const result = JSON.parse((await cli(dir, 'lint', '--select', 'SML402', '--format', 'sarif')).stdout).runs[0].results[0];
    assert.match(result.properties.advice, /^Attach an AWS::SageMaker::NotebookInstanceLifecycleConfig/);
    assert.equal(result.fixes, undefined);
  });

  it('the rule table says what kind of fix each rule offers', async () => {
    const table = (await cli(project({}), 'rules', '--format', 'markdown')).stdout;
    assert.match(table, /^\| SML306 \| \[elastic-inference-retired\]\S* \| error \| (?=[^|]*cfn)(?=[^|]*tf)(?=[^|]*py)[a-z, ]+ \| advice \|/m);
    assert.match(table, /^\| SML402 \| \[notebook-no-auto-stop\]\S* \| warning \| cfn, tf, cdk \| unsafe, advice \|/m);
    assert.match(table, /^\| SML401 \| \[log-group-no-retention\]\S* \| warning \| cfn, tf, cdk \| safe, unsafe \|/m);
  });
});

describe('CLI and Terraform modules', () => {
  const bucket = 'resource "aws_s3_bucket" "data" {\n  bucket = "churn-data"\n}\n';
  const lifecycle = 'resource "aws_s3_bucket_lifecycle_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    id     = "expire"\n    status = "Enabled"\n    filter {}\n    expiration {\n      days = 30\n    }\n  }\n}\n';
  const config = 'resource "aws_sagemaker_endpoint_configuration" "c" {\n  production_variants {\n    variant_name           = "AllTraffic"\n    instance_type          = "ml.m5.large"\n    initial_instance_count = 1\n  }\n}\n';
  const endpoint = 'resource "aws_sagemaker_endpoint" "e" {\n  endpoint_config_name = aws_sagemaker_endpoint_configuration.c.name\n}\n';
  type JsonReport = { files: Array<{ path: string; findings: Array<{ ruleId: string; line: number; related?: Array<{ fileName?: string; line: number }> }> }> };
  const findings = (report: JsonReport) => report.files.map((f) => [f.path.split(path.sep).join('/'), f.findings.map((x) => `${x.line} ${x.ruleId}`)]);

  it('reads the .tf files of a folder as one module: a partner in a sibling file counts, another folder is another module', async () => {
    const dir = project({ 'infra/main.tf': bucket, 'infra/lifecycle.tf': lifecycle, 'other/main.tf': bucket });
    const report = JSON.parse((await cli(dir, 'lint', '--format', 'json')).stdout) as JsonReport;
    assert.deepEqual(findings(report), [
      ['infra/lifecycle.tf', []],
      ['infra/main.tf', []],
      ['other/main.tf', ['1 SML101']],
    ]);
  });

  it('a file named alone is still read with the other .tf files of its folder', async () => {
    const dir = project({ 'infra/main.tf': bucket, 'infra/lifecycle.tf': lifecycle });
    const { code, stdout } = await cli(dir, 'lint', path.join('infra', 'main.tf'), '--format', 'json');
    assert.equal(code, 0, stdout);
    assert.deepEqual(findings(JSON.parse(stdout) as JsonReport), [['infra/main.tf', []]]);
  });

  it('a syntax error in a sibling file keeps the partner checks of the whole module silent', async () => {
    const dir = project({ 'infra/main.tf': bucket, 'infra/broken.tf': 'resource "aws_s3_bucket_lifecycle_configuration" "data" {\n  bucket = \n' });
    const report = JSON.parse((await cli(dir, 'lint', '--format', 'json')).stdout) as JsonReport;
    assert.deepEqual(findings(report), [
      ['infra/broken.tf', []],
      ['infra/main.tf', []],
    ]);
  });

  it('a related location in a sibling file is named relative to the working directory, in JSON and SARIF', async () => {
    const dir = project({ 'infra/config.tf': config, 'infra/endpoint.tf': endpoint });
    const report = JSON.parse((await cli(dir, 'lint', '--format', 'json', '--select', 'SML303')).stdout) as JsonReport;
    assert.deepEqual(findings(report), [
      ['infra/config.tf', ['2 SML303']],
      ['infra/endpoint.tf', []],
    ]);
    const related = report.files[0].findings[0].related ?? [];
    assert.deepEqual(related.map((r) => [r.fileName?.split(path.sep).join('/'), r.line]), [['infra/endpoint.tf', 1]]);
    const sarif = JSON.parse((await cli(dir, 'lint', '--format', 'sarif', '--select', 'SML303')).stdout);
    assert.equal(sarif.runs[0].results[0].relatedLocations[0].physicalLocation.artifactLocation.uri, 'infra/endpoint.tf');
    assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'infra/config.tf');
  });

  it('--fix --unsafe-fixes in a module: the added configuration is seen by the files linted after it', async () => {
    const dir = project({ 'infra/a.tf': bucket, 'infra/b.tf': 'resource "aws_s3_bucket_lifecycle_configuration" "data" {\n  bucket = "logs"\n}\n' });
    const { code, stdout } = await cli(dir, 'lint', '--fix', '--unsafe-fixes', '--format', 'json', '--select', 'SML101');
    assert.equal(code, 0, stdout);
    // The fix names its configuration data_2: "data" is taken in b.tf, a sibling file.
    assert.match(fs.readFileSync(path.join(dir, 'infra', 'a.tf'), 'utf8'), /resource "aws_s3_bucket_lifecycle_configuration" "data_2" \{\n  bucket = aws_s3_bucket\.data\.id/);
  });
});
