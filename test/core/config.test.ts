import * as assert from 'node:assert/strict';
import { checkOption, mergeConfigs, parseConfig, resolveRuleSettings, unknownSelectors } from '../../src/core/config';
import { allRules } from '../../src/rules';

describe('config', () => {
  it('accepts ids and names, severities, "off" and options', () => {
    const { config, issues } = parseConfig({ rules: { SML401: { severity: 'error', options: { retentionDays: 90 } } } }, allRules);
    assert.deepEqual(issues, []);
    const settings = resolveRuleSettings(allRules, config);
    assert.deepEqual(settings.get('SML401'), { severity: 'error', options: { retentionDays: 90, maxRetentionDays: 0 } });
    const off = parseConfig({ rules: { 'log-group-no-retention': 'off' } }, allRules);
    assert.equal(resolveRuleSettings(allRules, off.config).has('SML401'), false);
  });

  it('fills defaults for rules not configured', () => {
    assert.deepEqual(resolveRuleSettings(allRules).get('SML401'), { severity: 'warning', options: { retentionDays: 30, maxRetentionDays: 0 } });
  });

  it('reports every problem with its path, keeps what is valid', () => {
    const { config, issues } = parseConfig(
      {
        rule: {},
        rules: {
          SML999: 'warning',
          'log-group-retention': 'error',
          SML401: { severity: 'loud', options: { retentionDays: 31, colour: 'green' }, extra: 1 },
        },
      },
      allRules,
    );
    assert.deepEqual(
      issues.map((i) => `${i.path}: ${i.message}`),
      [
        'rule: unknown setting; expected one of: rules',
        'rules.SML999: unknown rule "SML999"',
        'rules.log-group-retention: unknown rule "log-group-retention"',
        'rules.SML401.extra: unknown key; expected "severity" or "options"',
        'rules.SML401.severity: unknown severity "loud"; expected one of: off, error, warning, info, hint',
        'rules.SML401.options.retentionDays: must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653; got 31',
        'rules.SML401.options.colour: unknown option; SML401 accepts: retentionDays, maxRetentionDays',
      ],
    );
    assert.deepEqual(config.rules['SML401'], { options: {} });
  });

  it('validates SML402 maxIdleTimeoutMinutes as a whole number of minutes SageMaker accepts', () => {
    const issues = (value: unknown) => parseConfig({ rules: { SML402: { options: { maxIdleTimeoutMinutes: value } } } }, allRules).issues.map((i) => i.path);
    assert.deepEqual(issues('240'), ['rules.SML402.options.maxIdleTimeoutMinutes']);
    assert.deepEqual(issues(90.5), ['rules.SML402.options.maxIdleTimeoutMinutes']);
    assert.deepEqual(issues(30), ['rules.SML402.options.maxIdleTimeoutMinutes']);
    assert.deepEqual(issues(600), []);
    assert.deepEqual(resolveRuleSettings(allRules).get('SML402')?.options, { idleTimeoutMinutes: 60, maxIdleTimeoutMinutes: 240 });
  });

  it('rejects wrong shapes without throwing', () => {
    for (const raw of [42, 'rules', [], { rules: [] }, { rules: { SML401: 3 } }, { rules: { SML401: { options: 'x' } } }]) {
      const { issues } = parseConfig(raw, allRules);
      assert.ok(issues.length > 0, JSON.stringify(raw));
    }
    assert.deepEqual(parseConfig(undefined, allRules).issues, []);
  });

  it('merges later configs over earlier ones, option by option', () => {
    const merged = mergeConfigs({ rules: { SML401: { severity: 'error', options: { retentionDays: 7 } } } }, { rules: { SML401: { options: { retentionDays: 14 } } } });
    assert.deepEqual(merged.rules['SML401'], { severity: 'error', options: { retentionDays: 14 } });
  });

  it('selects by id, prefix or name, and finds unknown selectors', () => {
    const withPrefix = (prefix: string) => allRules.filter((r) => r.id.startsWith(prefix)).length;
    assert.equal(resolveRuleSettings(allRules, undefined, { select: ['SML4'] }).size, withPrefix('SML4'));
    assert.equal(resolveRuleSettings(allRules, undefined, { select: ['SML40'] }).size, withPrefix('SML40'));
    assert.equal(resolveRuleSettings(allRules, undefined, { select: ['SML9'] }).size, 0);
    assert.equal(resolveRuleSettings(allRules, undefined, { ignore: ['log-group-no-retention'] }).size, allRules.length - 1);
    assert.deepEqual(unknownSelectors(allRules, ['SML401', 'sml4', 'ALL', 'nope']), ['nope']);
  });
});

describe('config: only what the rules declare gets through', () => {
  it('an own "__proto__" key (as JSON.parse makes) is refused, not followed', () => {
    const raw = JSON.parse('{ "rules": { "SML401": { "options": { "__proto__": { "retentionDays": "7\\n# forged" } } } } }') as unknown;
    const { config, issues } = parseConfig(raw, allRules);
    assert.deepEqual(
      issues.map((i) => `${i.path}: ${i.message}`),
      ['rules.SML401.options.__proto__: "__proto__" is not a setting and is not allowed as a key'],
    );
    assert.equal(resolveRuleSettings(allRules, config).get('SML401')?.options['retentionDays'], 30);
  });

  it('values inherited through a prototype are ignored (VS Code settings objects are plain objects)', () => {
    const rule = Object.create({ severity: 'off', options: { retentionDays: 7 } }) as object;
    const { config, issues } = parseConfig({ rules: { SML401: rule } }, allRules);
    assert.deepEqual(issues, []);
    assert.deepEqual(resolveRuleSettings(allRules, config).get('SML401'), { severity: 'warning', options: { retentionDays: 30, maxRetentionDays: 0 } });
    const top = Object.create({ rules: { SML401: 'off' } }) as object;
    assert.equal(resolveRuleSettings(allRules, parseConfig(top, allRules).config).has('SML401'), true);
  });

  it('issues carry their keys, so a key holding a dot is still found', () => {
    const { issues } = parseConfig({ rules: { 'a.b': 'off' } }, allRules);
    assert.deepEqual(issues.map((i) => i.keys), [['rules', 'a.b']]);
  });

  it('numbers that fixes write must print as plain digits; strings must hold no control characters', () => {
    const { issues } = parseConfig({ rules: { SML102: { options: { keepImages: 1e21 } }, SML303: { options: { maxCapacity: 2 ** 60 } } } }, allRules);
    assert.deepEqual(
      issues.map((i) => `${i.path}: ${i.message}`),
      [
        'rules.SML102.options.keepImages: must be between -9007199254740991 and 9007199254740991, got 1e+21',
        'rules.SML303.options.maxCapacity: must be between -9007199254740991 and 9007199254740991, got 1152921504606847000',
      ],
    );
    assert.match(checkOption({ type: 'string', default: '', description: '' }, 'a\u001b[2Jb') ?? '', /must not contain control or bidirectional formatting characters/);
    assert.match(checkOption({ type: 'string[]', default: [], description: '' }, ['ok', 'a\u202eb']) ?? '', /must not contain control/);
    assert.equal(checkOption({ type: 'string[]', default: [], description: '' }, ['ok', 'fine']), undefined);
  });
});
