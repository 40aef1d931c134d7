import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigFileFinder, parseConfigText } from '../../src/node/configFile';
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
