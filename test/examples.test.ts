import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../src/cli/main';
import { allRules } from '../src/rules';
import { locateTestWasm } from './kit/languages';

const root = path.resolve(__dirname, '..', '..');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd: root, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), locateWasm: locateTestWasm });
  return { code, stdout, stderr };
}

/** The demo of `npm start`: the examples workspace shows the product. */
describe('examples (npm start)', () => {
  it('npm start lints the examples and prints the footprint summary', () => {
    const start = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['start'];
    assert.match(start, /node dist\/cli\.js lint examples --fail-on none && node dist\/cli\.js report examples --summary$/);
  });

  it('holds a training script, a notebook, a CloudFormation template, a Terraform module and a CDK stack', () => {
    for (const file of ['training/train_churn.py', 'notebooks/deploy-churn.ipynb', 'cloudformation-endpoint.yaml', 'terraform/main.tf', 'cdk/lib/analytics-stack.ts']) {
      assert.ok(fs.existsSync(path.join(root, 'examples', file)), file);
    }
  });

  it('fires at least 20 of the rules, in every format, with no error of the tool', async () => {
    const { code, stdout, stderr } = await cli('lint', 'examples', '--fail-on', 'none', '--format', 'json');
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    const files = (JSON.parse(stdout) as { files: Array<{ path: string; format: string | null; ruleErrors: unknown[]; findings: Array<{ ruleId: string }> }> }).files;
    const fired = new Set(files.flatMap((f) => f.findings.map((x) => x.ruleId)));
    assert.ok(fired.size >= 20, `only ${[...fired].sort().join(', ')} of ${allRules.length} rules fire`);
    const formats = new Set(files.filter((f) => f.findings.length).map((f) => f.format));
    for (const format of ['python', 'notebook', 'cfn-yaml', 'terraform', 'cdk-typescript']) assert.ok(formats.has(format), `${format}: ${[...formats].join(', ')}`);
    assert.deepEqual(files.flatMap((f) => f.ruleErrors), []);
  });

  it('the footprint summary gives the estimated cost and carbon per month of what the examples deploy', async () => {
    const { code, stdout } = await cli('report', 'examples', '--summary');
    assert.equal(code, 0);
    assert.match(stdout, /^\| Estimated footprint of the code \| \$[\d.]+ · [\d.]+ kgCO2e \| \$[\d.]+ · [\d.]+ kgCO2e \|$/m);
    assert.match(stdout, /^## Per rule$/m);
    assert.doesNotMatch(stdout, /^## Per file$/m);
  });
});

describe('README', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

  it("its sample output is the CLI's real output", async () => {
    const block = /<!-- sample:start -->\n```\n\$ greenml (.+)\n([\s\S]*?)```\n<!-- sample:end -->/.exec(readme);
    assert.ok(block, 'the README has a sample block');
    const { stdout } = await cli(...block[1].split(' '));
    assert.equal(block[2], stdout);
  });

  it('shows the two commands: npm ci && npm start runs the product, npm test runs every test', () => {
    assert.match(readme, /^npm ci && npm start {2,}# run the product/m);
    assert.match(readme, /^npm test {2,}# run every test/m);
  });

  it('is for users: about 150 lines, development material in CONTRIBUTING.md', () => {
    const lines = readme.trimEnd().split('\n').length;
    assert.ok(lines <= 150, `${lines} lines`);
    assert.match(readme, /\[CONTRIBUTING\.md\]\(CONTRIBUTING\.md\)/);
    for (const link of readme.matchAll(/\]\(((?:docs|media)\/[^)#]+|[A-Z_]+\.md|LICENSE)\)/g)) assert.ok(fs.existsSync(path.join(root, link[1])), `${link[1]} is linked but missing`);
  });

  it('says how to install each channel: the .vsix, the npm package, the pre-commit hook and the Action at this version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const hookIds = [...fs.readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8').matchAll(/^- id: (\S+)$/gm)].map((m) => m[1]);
    assert.match(readme, /`code --install-extension\s+greenml-sagemaker\.vsix`/);
    assert.match(readme, /`npm install -g greenml`/);
    assert.match(readme, new RegExp(`npm install -g \\./greenml-${version.replace(/\./g, '\\.')}\\.tgz`));
    const hook = /^ {2}- repo: https:\/\/github\.com\/greenml\/greenml-sagemaker\n {4}rev: v(\S+)\n {4}hooks:\n {6}- id: (\S+)/m.exec(readme);
    assert.ok(hook, 'the README has a .pre-commit-config.yaml snippet');
    assert.equal(hook[1], version);
    assert.ok(hookIds.includes(hook[2]), `${hook[2]} is a hook of .pre-commit-hooks.yaml`);
    assert.match(readme, new RegExp(`uses: greenml/greenml-sagemaker@v${version.replace(/\./g, '\\.')}\n`));
  });

  it('the .vsix ships the rule pages the README and the editor link to, and the CHANGELOG', () => {
    const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
    for (const line of ['!docs/rules/**', '!CHANGELOG.md', '!README.md']) assert.ok(ignore.includes(line), line);
    assert.ok(fs.existsSync(path.join(root, 'CHANGELOG.md')));
  });
});
