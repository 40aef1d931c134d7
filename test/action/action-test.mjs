#!/usr/bin/env node
// Runs the composite GitHub Action (action.yml) the way the runner does, on this machine: each
// `run:` step with `bash --noprofile --norc -eo pipefail`, `${{ inputs.x }}` substituted from the
// inputs (or their defaults), GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_ENV pointed at temp
// files and RUNNER_TEMP at a temp folder; then checks what it wrote.
//   node test/action/action-test.mjs --cli greenml-<version>.tgz
// Prints "ok - …" / "not ok - …" per check and "action: N passed, M failed" last.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({ options: { cli: { type: 'string' } } });
if (!values.cli) throw new Error('--cli <tarball> is required');
const cli = path.resolve(values.cli);
const action = parse(readFileSync(path.join(repo, 'action.yml'), 'utf8'));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'greenml-action-'));
let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}${ok || !detail ? '' : `\n    ${String(detail).split('\n').join('\n    ')}`}`);
}

/** `${{ inputs.x }}` replaced by the input or its default; any other expression is an error of the action. */
function substitute(text, inputs) {
  return String(text).replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr) => {
    const m = /^inputs\.([\w-]+)$/.exec(expr);
    if (!m || !(m[1] in action.inputs)) throw new Error(`unexpected expression \${{ ${expr} }}`);
    return inputs[m[1]] ?? action.inputs[m[1]].default ?? '';
  });
}

const readKeyValues = (file) => Object.fromEntries(existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]) : []);

/** Runs the action in `workspace` with `inputs`; returns the exit code, the action's outputs, its summary and log. */
function runAction(workspace, inputs, name) {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const files = { GITHUB_OUTPUT: path.join(dir, 'output'), GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'), GITHUB_ENV: path.join(dir, 'env') };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const stepOutputs = {};
  let log = '';
  let code = 0;
  for (const step of action.runs.steps) {
    const env = { ...process.env, ...files, RUNNER_TEMP: path.join(dir, 'runner-temp'), GITHUB_WORKSPACE: workspace, GITHUB_ACTION_PATH: repo, ...readKeyValues(files.GITHUB_ENV) };
    mkdirSync(env.RUNNER_TEMP, { recursive: true });
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = substitute(v, inputs);
    writeFileSync(files.GITHUB_OUTPUT, '');
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd: workspace, env, encoding: 'utf8' });
    log += run.stdout + run.stderr;
    if (step.id) stepOutputs[step.id] = readKeyValues(files.GITHUB_OUTPUT);
    code = run.status ?? 1;
    if (code !== 0) break;
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, o]) => {
    const m = /^\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}$/.exec(o.value);
    return [k, m ? stepOutputs[m[1]]?.[m[2]] : undefined];
  }));
  return { code, outputs, summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'), log };
}

try {
  check('action.yml is a composite action whose steps run in bash', action.runs?.using === 'composite' && action.runs.steps.every((s) => s.shell === 'bash' && typeof s.run === 'string'));
  check('every input and output is described', [...Object.values(action.inputs), ...Object.values(action.outputs)].every((i) => typeof i.description === 'string' && i.description.length > 10));
  check('inputs reach the scripts through env, never spliced into the script text', action.runs.steps.every((s) => !/\$\{\{/.test(s.run)));
  const expected = ['paths', 'fail-on', 'select', 'ignore', 'baseline', 'sarif-file'];
  check(`inputs ${expected.join(', ')}`, expected.every((i) => i in action.inputs));
  const version = JSON.parse(readFileSync(path.join(repo, 'packages/cli/package.json'), 'utf8')).version;
  check(`the default CLI is the package of this version (greenml@${version})`, action.inputs.cli.default === `greenml@${version}`);

  const workspace = path.join(tmp, 'workspace');
  cpSync(path.join(repo, 'examples'), path.join(workspace, 'examples'), { recursive: true });
  const lintJson = spawnSync(process.execPath, [path.join(repo, 'dist/cli.js'), 'lint', 'examples', '--format', 'json', '--fail-on', 'none'], { cwd: workspace, encoding: 'utf8' });
  const total = JSON.parse(lintJson.stdout).summary.findings;

  const first = runAction(workspace, { paths: 'examples', cli }, 'default');
  check('fail-on warning: the step fails on the examples (exit 1)', first.code === 1, first.log);
  check(`outputs.findings is the number of findings (${total})`, first.outputs.findings === String(total), JSON.stringify(first.outputs));
  check('outputs.sarif-file names the SARIF log, which is SARIF 2.1.0 with every finding', first.outputs['sarif-file'] === 'greenml.sarif' && (() => {
    const log = JSON.parse(readFileSync(path.join(workspace, 'greenml.sarif'), 'utf8'));
    return log.version === '2.1.0' && log.runs[0].results.length === total;
  })());
  check('the job summary gives the count, the findings per rule and the monthly cost and carbon', first.summary.startsWith(`## Green ML: ${total} new findings\n`) && /^\| SML401 log-group-no-retention \| \d+ \|/m.test(first.summary) && /^\| Estimated footprint of the code \| .* \| \$[\d.]+ · [\d.]+ kgCO2e \|$/m.test(first.summary), first.summary);
  check('the log shows the findings as text', /examples\/terraform\/main\.tf:\d+:\d+ {2}SML\d+/.test(first.log));

  const lenient = runAction(workspace, { paths: 'examples/terraform\nexamples/training', 'fail-on': 'none', select: 'SML4', 'sarif-file': 'out/g.sarif', cli }, 'lenient');
  check('fail-on none passes; several paths, select and a sarif-file in a folder', lenient.code === 0 && lenient.outputs.findings === '2' && existsSync(path.join(workspace, 'out/g.sarif')), lenient.log + JSON.stringify(lenient.outputs));

  // Adoption: today's findings in a baseline, then one new log group.
  const installed = path.join(tmp, 'default', 'runner-temp', 'greenml-cli', 'bin', 'greenml');
  spawnSync(installed, ['lint', 'examples', '--write-baseline', '.greenml-baseline.json'], { cwd: workspace });
  appendFileSync(path.join(workspace, 'examples/terraform/main.tf'), '\nresource "aws_cloudwatch_log_group" "audit" {\n  name = "/acme/audit"\n}\n');
  const baselined = runAction(workspace, { paths: 'examples', baseline: '.greenml-baseline.json', cli }, 'baseline');
  check('with a baseline only the new finding counts, and fails the step', baselined.code === 1 && baselined.outputs.findings === '1' && baselined.outputs.baselined === String(total), baselined.log + JSON.stringify(baselined.outputs));
  check('the baselined SARIF marks results new and unchanged', (() => {
    const results = JSON.parse(readFileSync(path.join(workspace, 'greenml.sarif'), 'utf8')).runs[0].results;
    return results.filter((r) => r.baselineState === 'new').length === 1 && results.filter((r) => r.baselineState === 'unchanged').length === total;
  })());
  check('the summary says how many were baselined', baselined.summary.startsWith(`## Green ML: 1 new finding, ${total} baselined\n`), baselined.summary.split('\n')[0]);
  const onlyErrors = runAction(workspace, { paths: 'examples', baseline: '.greenml-baseline.json', 'fail-on': 'error', cli }, 'errors');
  check('fail-on error with a baseline: a new warning does not fail the step', onlyErrors.code === 0, onlyErrors.log);

  const bad = runAction(workspace, { paths: 'examples', 'fail-on': 'sometimes', cli }, 'bad');
  check('a bad input fails the step with the CLI\'s one-line message (exit 2)', bad.code === 2 && /greenml: --fail-on must be one of/.test(bad.log), bad.log);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`action: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
