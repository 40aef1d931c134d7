import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { resolveRuleSettings } from '../src/core/config';
import { Linter } from '../src/core/engine';
import { detectFormat } from '../src/core/formats';
import type { AnyRule, FormatFamily } from '../src/core/types';
import { familyOf } from '../src/core/types';
import { ruleTableMarkdown } from '../src/cli/rulesCommand';
import { testLanguages } from './kit/languages';
import { notebookJson, splitCells } from './kit/notebook';
import { allRules } from '../src/rules';
import { expectedFindings, fixturesRoot, listFixtureFiles } from './fixtures.test';

/**
 * Parity: every rule in the registry has its rule file, a doc page whose front
 * matter matches its metadata and whose examples behave as labelled, a table
 * test and fixtures; ids are well-formed, unique and in order. Forgetting any of
 * the places a rule lives fails here.
 */
const root = path.resolve(__dirname, '..', '..');
const headings = ['What it flags', 'Why it costs', 'Examples', 'Fix', 'Options', 'When not to use it', 'References'];
const categoryHundreds: Record<string, string> = { data: '1', training: '2', deploy: '3', ops: '4' };
const exampleFormats: Record<string, { file: string; family: FormatFamily }> = {
  yaml: { file: 'example.yaml', family: 'cfn' },
  json: { file: 'example.json', family: 'cfn' },
  python: { file: 'example.py', family: 'py' },
  hcl: { file: 'main.tf', family: 'tf' },
  terraform: { file: 'main.tf', family: 'tf' },
  typescript: { file: 'stack.ts', family: 'cdk' },
  // CDK Python examples: recognised as CDK by their aws_cdk import.
  'python cdk': { file: 'stack.py', family: 'cdk' },
  // Notebook examples are Python cells separated by `# %%` lines, linted as an .ipynb built from them.
  'python notebook': { file: 'example.ipynb', family: 'nb' },
};

function camelCase(slug: string): string {
  return slug.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}

function readDoc(rule: AnyRule): { front: Record<string, unknown>; body: string } {
  const text = fs.readFileSync(path.join(root, 'docs', 'rules', `${rule.name}.md`), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  assert.ok(match, 'the doc page starts with YAML front matter between --- lines');
  return { front: parseYaml(match[1]) as Record<string, unknown>, body: match[2] };
}

describe('rule files (parity)', () => {
  it('ids are well-formed, unique, and the registry is in id order', () => {
    const ids = allRules.map((r) => r.id);
    for (const id of ids) assert.match(id, /^SML[1-4]\d\d$/);
    assert.equal(new Set(ids).size, ids.length, 'duplicate rule ids');
    assert.equal(new Set(allRules.map((r) => r.name)).size, ids.length, 'duplicate rule names');
    assert.deepEqual(ids, [...ids].sort(), 'src/rules/index.ts lists rules in id order');
  });

  it('every doc page belongs to a rule', () => {
    const pages = fs.readdirSync(path.join(root, 'docs', 'rules')).filter((f) => f.endsWith('.md'));
    assert.deepEqual(pages.sort(), allRules.map((r) => `${r.name}.md`).sort());
  });

  it('the README rule table is generated from metadata and up to date (npm run docs:rules)', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const table = /<!-- rules:start -->\n([\s\S]*?)<!-- rules:end -->/.exec(readme);
    assert.ok(table, 'README.md has <!-- rules:start --> … <!-- rules:end --> markers');
    assert.equal(table[1], ruleTableMarkdown(allRules));
  });

  for (const rule of allRules) {
    describe(`${rule.id} ${rule.name}`, () => {
      it('has a rule file exporting the camelCased slug', () => {
        const file = path.join(root, 'src', 'rules', `${rule.name}.ts`);
        assert.ok(fs.existsSync(file), `missing ${path.relative(root, file)}`);
        assert.match(fs.readFileSync(file, 'utf8'), new RegExp(`export const ${camelCase(rule.name)} = defineRule\\(`));
      });

      it('its category matches its id', () => {
        assert.equal(rule.id[3], categoryHundreds[rule.meta.category], `${rule.id} is in category ${rule.meta.category}`);
      });

      it('its docs URL is derived from its name', () => {
        assert.ok(rule.docsUrl.endsWith(`/docs/rules/${rule.name}.md`));
      });

      it('has a doc page whose front matter matches the metadata', () => {
        const { front } = readDoc(rule);
        assert.deepEqual(
          { id: front.id, name: front.name, description: front.description, formats: front.formats, severity: front.severity, wellArchitected: front.wellArchitected },
          { id: rule.id, name: rule.name, description: rule.meta.description, formats: [...rule.meta.formats], severity: rule.meta.defaultSeverity, wellArchitected: [...rule.meta.wellArchitected] },
        );
      });

      it('its doc page has the fixed sections in order', () => {
        const { body } = readDoc(rule);
        const found = [...body.matchAll(/^## (.+)$/gm)].map((m) => m[1].trim());
        assert.deepEqual(found, headings);
        assert.match(body, /\*\*Fix safety:\*\*/, 'the Fix section has a "Fix safety" paragraph');
      });

      it('its doc examples behave as labelled, with a failing example per format', () => {
        const { body } = readDoc(rule);
        const linter = new Linter({ rules: allRules, languages: testLanguages });
        const settings = resolveRuleSettings(allRules);
        const failFamilies = new Set<FormatFamily>();
        let examples = 0;
        for (const m of body.matchAll(/```(\w+(?: notebook| cdk)?) (fail|pass)\n([\s\S]*?)```/g)) {
          const [, lang, kind, code] = m;
          const format = exampleFormats[lang];
          assert.ok(format, `unknown example language "${lang}"`);
          examples++;
          const result = linter.lint(format.file, format.family === 'nb' ? notebookJson(splitCells(code)) : code, { settings });
          assert.ok(result.format, `a ${kind} example in ${lang} was not recognised: ${result.skipped}`);
          const ids = result.findings.map((f) => f.ruleId);
          if (kind === 'fail') {
            assert.ok(ids.length > 0 && ids.every((id) => id === rule.id), `a fail example should produce only ${rule.id}, got [${ids.join(', ')}]:\n${code}`);
            failFamilies.add(format.family);
          } else {
            assert.deepEqual(ids, [], `a pass example should produce nothing:\n${code}`);
          }
        }
        assert.ok(examples >= 2, 'at least one fail and one pass example');
        assert.deepEqual([...failFamilies].sort(), [...rule.meta.formats].sort(), 'a fail example for every format the rule supports');
      });

      it('has a table test', () => {
        const file = path.join(root, 'test', 'rules', `${rule.name}.test.ts`);
        assert.ok(fs.existsSync(file), `missing ${path.relative(root, file)}`);
        assert.match(fs.readFileSync(file, 'utf8'), new RegExp(`RuleTester\\(\\)\\.run\\(${camelCase(rule.name)},`));
      });

      it('has fixtures that expect it, one in every format it supports, and a passing fixture', () => {
        const dir = path.join(fixturesRoot, rule.name);
        assert.ok(fs.existsSync(dir), `missing test/fixtures/${rule.name}/`);
        const files = listFixtureFiles(dir);
        const expecting = files.filter((f) => expectedFindings(f, fs.readFileSync(f, 'utf8')).some((e) => e.endsWith(` ${rule.id}`)));
        assert.ok(expecting.length > 0, 'no fixture expects this rule');
        const families = new Set(expecting.flatMap((f) => {
          const format = detectFormat(f, fs.readFileSync(f, 'utf8'));
          return format ? [familyOf(format)] : [];
        }));
        assert.deepEqual(rule.meta.formats.filter((family) => !families.has(family)), [], `formats without a fixture expecting ${rule.id}`);
        assert.ok(files.some((f) => path.basename(f).startsWith('pass')), 'no pass fixture');
      });
    });
  }
});
