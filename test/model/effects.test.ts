import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveRuleSettings } from '../../src/core/config';
import { parseErrorRuleId } from '../../src/core/types';
import { buildFolderContext } from '../../src/node/folderContext';
import { listFixtureFiles } from '../fixtures.test';
import { createTestLinter } from '../kit/languages';

const root = path.resolve(__dirname, '..', '..', '..');

/** Every file of the test fixtures and of the examples workspace, each folder's `-module` Terraform read as one module. */
function lintedFiles(): string[] {
  const dirs = fs.readdirSync(path.join(root, 'test'), { withFileTypes: true }).filter((e) => e.isDirectory() && e.name.startsWith('fixtures'));
  return [...dirs.flatMap((d) => listFixtureFiles(path.join(root, 'test', d.name))), ...listFixtureFiles(path.join(root, 'examples'))];
}

/**
 * The views (hover, CodeLens, savings, footprint report, Model Card) price a finding from its
 * effect and its record, never from its rule id: so every finding the rules produce says its
 * effect, `none` with the reason where the model cannot price the change.
 */
describe('every finding carries an effect', () => {
  const linter = createTestLinter();
  const settings = resolveRuleSettings(linter.rules);
  const files = lintedFiles();

  it('covers the fixtures and the examples', () => {
    assert.ok(files.some((f) => f.includes(`${path.sep}examples${path.sep}`)), 'no example file');
    assert.ok(files.length > 100, `${files.length} files`);
  });

  it('on every fixture and example, in every format', () => {
    const missing: string[] = [];
    const fired = new Set<string>();
    const formats = new Set<string>();
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const context = path.basename(path.dirname(file)).endsWith('-module') || (file.endsWith('.tf') && file.includes(`${path.sep}examples${path.sep}`)) ? buildFolderContext(linter, file, (f) => fs.readFileSync(f, 'utf8')) : undefined;
      const result = linter.lint(file, text, { settings, context });
      for (const finding of result.findings) {
        if (finding.ruleId === parseErrorRuleId) continue;
        fired.add(finding.ruleId);
        if (result.format) formats.add(result.format);
        const effect = finding.effect;
        if (!effect || (effect.kind === 'none' && !effect.reason.trim())) missing.push(`${path.relative(root, file)}:${finding.line} ${finding.ruleId}`);
      }
    }
    assert.deepEqual(missing, []);
    // The check saw the rules and formats it speaks for.
    const ruleIds = linter.rules.map((r) => r.id).filter((id) => settings.has(id));
    assert.deepEqual(ruleIds.filter((id) => !fired.has(id)), [], 'rules no fixture fires');
    for (const format of ['python', 'notebook', 'cfn-yaml', 'cfn-json', 'terraform', 'cdk-typescript', 'cdk-python']) assert.ok(formats.has(format), `${format}: ${[...formats].join(', ')}`);
  });
});
