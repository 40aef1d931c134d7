import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { resolveRuleSettings } from '../src/core/config';
import { createTestLinter } from './kit/languages';

/**
 * Every snippet contributed in package.json, expanded with its default
 * placeholders (and, for CloudFormation, wrapped in a template; Python as a
 * `.py` file; CDK TypeScript inside a stack's constructor), must be a
 * file Green ML accepts without a single finding: the building blocks we offer
 * must not trip our own rules.
 */
const root = path.resolve(__dirname, '..', '..');

interface Snippet {
  prefix: string;
  body: string[];
}

/** Replaces VS Code snippet syntax by the defaults: `${1:x}` → x, `${1|a,b|}` → a, `$1` → '', `\$` → `$`. */
export function expandSnippet(body: string): string {
  let text = body.replace(/\\\$/g, '\u0001');
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/\$\{\d+:([^${}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1');
  }
  return text.replace(/\$\d+/g, '').replace(/\u0001/g, '$');
}

function wrap(language: string, body: string): { fileName: string; text: string } {
  if (language === 'terraform') return { fileName: 'main.tf', text: `${body}\n` };
  if (language === 'python') return { fileName: 'snippet.py', text: `${body}\n` };
  if (language === 'typescript') {
    // Inside the constructor of a stack as `cdk init app --language typescript` writes it.
    const indented = body.split('\n').map((l) => (l ? `    ${l}` : l)).join('\n');
    return {
      fileName: 'lib/snippet-stack.ts',
      text: `import * as cdk from 'aws-cdk-lib';\nimport { Construct } from 'constructs';\n\nexport class SnippetStack extends cdk.Stack {\n  constructor(scope: Construct, id: string, props?: cdk.StackProps) {\n    super(scope, id, props);\n${indented}\n  }\n}\n`,
    };
  }
  if (language === 'json') {
    const indented = body.split('\n').map((l) => `    ${l}`).join('\n');
    return { fileName: 'snippet.json', text: `{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n${indented}\n  }\n}\n` };
  }
  const indented = body.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n');
  return { fileName: 'snippet.yaml', text: `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${indented}\n` };
}

describe('snippets', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { snippets: Array<{ language: string; path: string }> } };
  const linter = createTestLinter();
  const settings = resolveRuleSettings(linter.rules);

  it('expands placeholders, choices and escapes', () => {
    assert.equal(expandSnippet('${1:a}-${2:/x/${3:y}}-${4|30,1|}-$0-\\${AWS::Region}'), 'a-/x/y-30--${AWS::Region}');
  });

  for (const contribution of manifest.contributes.snippets) {
    const snippets = JSON.parse(fs.readFileSync(path.join(root, contribution.path), 'utf8')) as Record<string, Snippet>;
    describe(contribution.path, () => {
      it('has unique prefixes starting with greenml-', () => {
        const prefixes = Object.values(snippets).map((s) => s.prefix);
        assert.equal(new Set(prefixes).size, prefixes.length);
        for (const prefix of prefixes) assert.match(prefix, /^greenml-/);
      });
      for (const [name, snippet] of Object.entries(snippets)) {
        it(`${name}: a valid template with no findings`, () => {
          const { fileName, text } = wrap(contribution.language, expandSnippet(snippet.body.join('\n')));
          const result = linter.lint(fileName, text, { settings });
          assert.ok(result.format, `not recognised (${result.skipped}):\n${text}`);
          assert.deepEqual(result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`), [], text);
          if (contribution.language === 'typescript') {
            // Clean because the rules read its constructs, not because the CDK analysis missed them.
            assert.equal(result.format, 'cdk-typescript');
            const syntax = ts.transpileModule(text, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } }).diagnostics ?? [];
            assert.deepEqual(syntax.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), [], text);
            const types: string[] = [];
            linter.collectFacts(fileName, text, { cdkConstruct: (c) => types.push(c.type) });
            assert.ok(types.length > 0 && types.every((t) => t.startsWith('aws_')), `constructs read: ${types.join(', ')}`);
          }
        });
      }
    });
  }
});
