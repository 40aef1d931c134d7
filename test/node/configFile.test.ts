import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigFileFinder, configLimits, parseConfigText } from '../../src/node/configFile';
import { allRules } from '../../src/rules';

describe('config files', () => {
  it('finds the nearest file upward, preferring greenml.json in a folder', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-config-'));
    fs.mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
    fs.writeFileSync(path.join(root, '.greenml.yaml'), 'rules:\n  SML401: error\n');
    fs.writeFileSync(path.join(root, 'a', 'greenml.json'), '{"rules": {"SML401": "info"}}');
    fs.writeFileSync(path.join(root, 'a', '.greenml.yaml'), 'rules:\n  SML401: hint\n');
    const finder = new ConfigFileFinder(allRules);
    assert.equal(finder.find(path.join(root, 'a', 'b', 'stack.yaml'))?.config.rules['SML401']?.severity, 'info');
    assert.equal(finder.find(path.join(root, 'x.yaml'))?.config.rules['SML401']?.severity, 'error');
  });

  it('locates YAML problems at their key', () => {
    const loaded = parseConfigText('/p/.greenml.yaml', 'rules:\n  SML401:\n    severity: loud\n', allRules);
    assert.deepEqual(loaded.issues.map((i) => [i.line, i.column, i.path]), [[3, 15, 'rules.SML401.severity']]);
  });

  it('reports syntax errors as one issue with a position', () => {
    const json = parseConfigText('/p/greenml.json', '{\n  "rules": {,\n}', allRules);
    assert.equal(json.issues.length, 1);
    assert.match(json.issues[0].message, /^invalid JSON: /);
    assert.equal(json.issues[0].line, 2);
    const yaml = parseConfigText('/p/.greenml.yaml', 'rules: [\n', allRules);
    assert.match(yaml.issues[0].message, /^invalid YAML: /);
  });
});

describe('config files: discovery stops at the repository root', () => {
  function tree(): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-config-'));
    fs.mkdirSync(path.join(root, 'repo', 'src'), { recursive: true });
    fs.writeFileSync(path.join(root, 'greenml.json'), '{"rules": {"SML401": "info"}}');
    return root;
  }

  it('a .git folder ends the search', () => {
    const root = tree();
    fs.mkdirSync(path.join(root, 'repo', '.git'));
    assert.equal(new ConfigFileFinder(allRules).find(path.join(root, 'repo', 'src', 'stack.yaml')), undefined);
  });

  it('a .git file (a worktree or submodule) ends it too, after its own folder is searched', () => {
    const root = tree();
    fs.writeFileSync(path.join(root, 'repo', '.git'), 'gitdir: /elsewhere/.git/worktrees/repo\n');
    const finder = new ConfigFileFinder(allRules);
    assert.equal(finder.find(path.join(root, 'repo', 'src', 'stack.yaml')), undefined);
    fs.writeFileSync(path.join(root, 'repo', '.greenml.yaml'), 'rules:\n  SML401: hint\n');
    assert.equal(finder.find(path.join(root, 'repo', 'src', 'stack.yaml'))?.config.rules['SML401']?.severity, 'hint');
  });

  it('outside any repository the search goes on up', () => {
    const root = tree();
    assert.equal(new ConfigFileFinder(allRules).find(path.join(root, 'repo', 'src', 'stack.yaml'))?.config.rules['SML401']?.severity, 'info');
  });

  it('--config (loadFile) reads a file outside the repository', () => {
    const root = tree();
    fs.mkdirSync(path.join(root, 'repo', '.git'));
    assert.equal(new ConfigFileFinder(allRules).loadFile(path.join(root, 'greenml.json')).config.rules['SML401']?.severity, 'info');
  });
});

describe('config files: bounded work', () => {
  const json = (n: number): string => `{ "rules": { ${Array.from({ length: n }, (_, i) => `"SML9${i}": "off"`).join(', ')} } }`;
  const yaml = (n: number): string => `rules:\n${Array.from({ length: n }, (_, i) => `  SML9${i}: "off"`).join('\n')}\n`;

  for (const [kind, file, make] of [['JSON', '/p/greenml.json', json], ['YAML', '/p/.greenml.yaml', yaml]] as const) {
    it(`${kind}: 50,000 keys take steps in proportion to the text, not to keys × problems`, () => {
      const steps = (n: number): number => {
        const work = { steps: 0 };
        const loaded = parseConfigText(file, make(n), allRules, work);
        assert.equal(loaded.issues.length, 21);
        return work.steps;
      };
      const half = steps(25_000);
      const full = steps(50_000);
      assert.ok(full / half < 2.3, `${half} steps for 25,000 keys, ${full} for 50,000`);
      assert.ok(full < 50 * make(50_000).length, `${full} steps for ${make(50_000).length} characters`);
    });
  }

  it('duplicate keys are reported by our own linear check (yaml\'s pairwise one is off)', () => {
    const yamlLoaded = parseConfigText('/p/.greenml.yaml', 'rules:\n  SML401: error\n  SML401: "off"\n', allRules);
    assert.deepEqual(yamlLoaded.issues.map((i) => [i.line, i.column, i.path, i.message]), [[3, 3, 'rules.SML401', 'duplicate key "SML401"; only the last one would apply']]);
    const jsonLoaded = parseConfigText('/p/greenml.json', '{"rules": {"SML401": "error",\n "SML401": "off"}}', allRules);
    assert.deepEqual(jsonLoaded.issues.map((i) => [i.line, i.column, i.path]), [[2, 2, 'rules.SML401']]);
  });

  it('objects are built without a prototype', () => {
    const work = { steps: 0 };
    const loaded = parseConfigText('/p/greenml.json', '{"rules": {"toString": "off"}}', allRules, work);
    assert.deepEqual(loaded.issues.map((i) => i.message), ['unknown rule "toString"']);
  });

  it('a UTF-8 BOM is not a syntax error; a lone CR counts as a line break, as in editors', () => {
    assert.deepEqual(parseConfigText('/p/greenml.json', '\ufeff{"rules": {"SML401": "off"}}', allRules).issues, []);
    const loaded = parseConfigText('/p/greenml.json', '{"rules":\r {"SML401":\r\n  {"severity": "loud"}}}', allRules);
    assert.deepEqual(loaded.issues.map((i) => [i.line, i.column]), [[3, 4]]);
  });

  it('a YAML anchor without an alias is fine; a second document is refused', () => {
    assert.deepEqual(parseConfigText('/p/.greenml.yaml', 'rules: &r\n  SML401: "off"\n', allRules).issues, []);
    assert.match(parseConfigText('/p/.greenml.yaml', 'rules: {}\n---\nrules: {}\n', allRules).issues[0].message, /one document/);
  });

  it('a file over the size limit is refused before it is read', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-config-'));
    const file = path.join(root, 'greenml.json');
    fs.writeFileSync(file, ' '.repeat(configLimits.maxBytes + 1));
    assert.deepEqual(new ConfigFileFinder(allRules).loadFile(file).issues.map((i) => i.message), [`config file too large (${configLimits.maxBytes + 1} bytes; at most ${configLimits.maxBytes})`]);
  });
});
