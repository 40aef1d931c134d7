import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { logGroupTemplate, runCliIn as cli, tempProject as project } from '../kit/cliRun';

const template = logGroupTemplate;

/** Each line of stderr is one message: nothing a file holds can add lines. */
function assertOneLine(stderr: string): void {
  assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
}

describe('CLI: config files a repository controls', () => {
  const injected = '7\n      Forged: true';
  const protoConfigs: Record<string, string> = {
    'greenml.json': `{ "rules": { "SML401": { "options": { "__proto__": { "retentionDays": ${JSON.stringify(injected)} } } } } }`,
    '.greenml.yaml': `rules:\n  SML401:\n    options:\n      __proto__:\n        retentionDays: ${JSON.stringify(injected)}\n`,
  };
  for (const [name, text] of Object.entries(protoConfigs)) {
    it(`options under "__proto__" in ${name} are refused, and --fix writes nothing`, async () => {
      const dir = project({ [name]: text, 'stack.yaml': template });
      const { code, stderr } = await cli(dir, 'lint', '--fix');
      assert.equal(code, 2);
      assert.match(stderr, new RegExp(`${name.replace('.', '\\.')}:\\d+:\\d+: rules\\.SML401\\.options\\.__proto__: "__proto__" is not a setting`));
      assertOneLine(stderr);
      assert.equal(fs.readFileSync(path.join(dir, 'stack.yaml'), 'utf8'), template, 'the template is untouched');
    });
  }

  it('"constructor" and "prototype" keys are refused at every level', async () => {
    const dir = project({ 'greenml.json': '{ "constructor": {}, "rules": { "prototype": "off", "SML401": { "constructor": 1, "options": { "constructor": 1 } } } }', 'stack.yaml': template });
    const { code, stderr } = await cli(dir, 'lint');
    assert.equal(code, 2);
    for (const key of ['constructor', 'rules.prototype', 'rules.SML401.constructor', 'rules.SML401.options.constructor']) {
      assert.match(stderr, new RegExp(`: ${key.replace(/\./g, '\\.')}: "(constructor|prototype)" is not a setting and is not allowed as a key\\n`), key);
    }
  });

  it('a retention that is not one of CloudWatch\'s values never reaches the template', async () => {
    for (const value of ['"30"', '30.5', '1e400', '-30', '[30]', '{"days": 30}', 'true', '4000']) {
      const dir = project({ 'greenml.json': `{ "rules": { "SML401": { "options": { "retentionDays": ${value} } } } }`, 'stack.yaml': template });
      const { code, stderr } = await cli(dir, 'lint', '--fix');
      assert.equal(code, 2, value);
      assert.match(stderr, /rules\.SML401\.options\.retentionDays: /, value);
      assert.equal(fs.readFileSync(path.join(dir, 'stack.yaml'), 'utf8'), template, value);
    }
  });

  it('a config in a folder above the repository root does not apply; one inside it does; --config still names any file', async () => {
    const shared = project({ 'greenml.json': '{ "rules": { "SML401": "off" } }', 'repo/stack.yaml': template });
    fs.mkdirSync(path.join(shared, 'repo', '.git'));
    const repo = path.join(shared, 'repo');
    assert.equal((await cli(repo, 'lint')).code, 1, 'the shared parent folder config is ignored');
    assert.equal((await cli(repo, 'lint', '--config', path.join(shared, 'greenml.json'))).code, 0, '--config names it explicitly');
    fs.writeFileSync(path.join(repo, '.greenml.yaml'), 'rules:\n  SML401: "off"\n');
    assert.equal((await cli(repo, 'lint')).code, 0, 'the repository root is searched');
  });

  it('deep, aliased or oversized configs stop with one line and exit 2', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['greenml.json', '['.repeat(10_000) + ']'.repeat(10_000), /greenml\.json:1:33: config nested more than 32 levels deep$/],
      ['.greenml.yaml', '- '.repeat(10_000) + 'x\n', /\.greenml\.yaml:1:\d+: config nested more than 32 levels deep$/],
      ['.greenml.yaml', 'rules: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n', /config nested more than 32 levels deep$/],
      ['.greenml.yaml', aliasBomb(), /\.greenml\.yaml:2:\d+: YAML aliases \(\*a\) are not supported in a config file; write the value out$/],
      ['greenml.json', `{ "rules": {}, "pad": "${'x'.repeat(1024 * 1024)}" }`, /greenml\.json:1:1: config file too large \(\d+ bytes; at most 1048576\)$/],
    ];
    for (const [name, text, expected] of cases) {
      const dir = project({ [name]: text, 'stack.yaml': template });
      const { code, stderr } = await cli(dir, 'lint');
      assert.equal(code, 2, name);
      assertOneLine(stderr);
      assert.match(stderr.trimEnd(), expected);
      assert.doesNotMatch(stderr, /internal error|\n\s+at /);
    }
  });

  it('50,000 unknown keys: the first 20 problems and a count, exit 2', async () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `"SML9${i}": "off"`).join(', ');
    const dir = project({ 'greenml.json': `{ "rules": { ${keys} } }`, 'stack.yaml': template });
    const { code, stderr } = await cli(dir, 'lint');
    assert.equal(code, 2);
    const lines = stderr.trimEnd().split('\n');
    assert.equal(lines.length, 21);
    assert.match(lines[20], /greenml\.json:1:1: 49980 more problems not listed$/);
  });
});

/** The "billion laughs" shape: nine aliases per level, nine levels. */
function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]`);
  return lines.join('\n') + '\n';
}
