import * as assert from 'node:assert/strict';
import { resolveRuleSettings } from '../../src/core/config';
import { defineRule } from '../../src/core/defineRule';
import { Linter } from '../../src/core/engine';
import type { AnyRule, Language, LoadState } from '../../src/core/types';
import { createTestLinter, testLanguages } from '../kit/languages';
import { allRules } from '../../src/rules';
import { dedent } from '../kit/dedent';
import type { TfModule } from '../../src/parsers/terraform';
import { listModuleResources } from '../../src/parsers/terraform';

const template = dedent`
  AWSTemplateFormatVersion: "2010-09-09"
  Resources:
    A:
      Type: AWS::Logs::LogGroup
    B:
      Type: AWS::S3::Bucket
`;

const throwing = defineRule({
  id: 'SML499',
  name: 'always-throws',
  meta: { category: 'ops', defaultSeverity: 'warning', formats: ['cfn'], description: 'test', messages: { m: 'm' }, fixes: [], wellArchitected: [], options: {} },
  create: () => ({
    cfnResource() {
      throw new Error('boom');
    },
  }),
});

const sloppy = defineRule({
  id: 'SML498',
  name: 'undeclared-fix',
  meta: { category: 'ops', defaultSeverity: 'warning', formats: ['cfn'], description: 'test', messages: { m: 'm' }, fixes: [], wellArchitected: [], options: {} },
  create: (context) => ({
    cfnResource(resource) {
      context.report({ start: resource.keyStart, end: resource.keyEnd, messageId: 'm', fix: { title: 't', applicability: 'safe', edits: [] } });
    },
  }),
});

function linterWith(rules: readonly AnyRule[], errors: string[] = []) {
  const linter = new Linter({ rules, languages: testLanguages, logger: { error: (m) => errors.push(m), warn: () => undefined, info: () => undefined, debug: () => undefined } });
  return { linter, settings: resolveRuleSettings(rules) };
}

describe('engine', () => {
  it('isolates a throwing rule: the others still report, and it is logged once per file', () => {
    const errors: string[] = [];
    const { linter, settings } = linterWith([throwing, ...allRules], errors);
    const first = linter.lint('t.yaml', template, { settings });
    const second = linter.lint('t.yaml', template, { settings });
    assert.deepEqual(first.findings.map((f) => f.ruleId), ['SML401', 'SML101']);
    assert.deepEqual(first.ruleErrors, [{ ruleId: 'SML499', message: 'boom' }]);
    assert.equal(second.ruleErrors.length, 1);
    assert.deepEqual(errors, ['rule SML499 (always-throws) failed on t.yaml: boom']);
  });

  it('a rule that reports a kind of fix its meta.fixes does not declare is a rule error, as in ESLint', () => {
    const { linter, settings } = linterWith([sloppy]);
    const result = linter.lint('t.yaml', template, { settings });
    assert.deepEqual(result.findings, []);
    assert.match(result.ruleErrors[0].message, /reported a safe fix but meta\.fixes is \[\]/);
  });

  it('a broken template gives exactly one parse-error and runs no rule', () => {
    const { linter, settings } = linterWith(allRules);
    const result = linter.lint('t.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A:\n    Type: AWS::Logs::LogGroup\n  B: [\n', { settings });
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.severity]), [['parse-error', 'error']]);
    assert.match(result.findings[0].message, /^YAML syntax error: /);
  });

  it('skips binary content, oversized files and files of no known format without findings', () => {
    const linter = new Linter({ rules: allRules, languages: testLanguages, maxTextLength: 1000 });
    const settings = resolveRuleSettings(allRules);
    assert.equal(linter.lint('t.yaml', 'AWSTemplateFormatVersion: x\u0000', { settings }).skipped, 'binary content');
    assert.match(linter.lint('t.yaml', 'AWSTemplateFormatVersion: x\n' + '#'.repeat(2000), { settings }).skipped ?? '', /larger than/);
    assert.equal(linter.lint('deploy.yaml', 'kind: Deployment\n', { settings }).skipped, 'not a format Green ML lints');
    assert.equal(linter.lint('notes.txt', 'AWSTemplateFormatVersion: x', { settings }).skipped, 'not a format Green ML lints');
  });

  it('counts suppressed findings', () => {
    const { linter, settings } = linterWith(allRules);
    const result = linter.lint('t.yaml', template.replace('  A:\n', '  A:  # greenml-ignore SML401: kept on purpose\n'), { settings });
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['SML101'], 'only the bucket, not the suppressed log group');
    assert.equal(result.suppressed, 1);
  });

  it('only runs rules for the file’s format family and enabled settings', () => {
    const { linter } = linterWith(allRules);
    assert.deepEqual(linter.lint('t.yaml', template, { settings: new Map() }).findings, []);
  });

  it('never throws and gives at most one parse error on hostile input', () => {
    const { linter, settings } = linterWith(allRules);
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pieces = ['AWSTemplateFormatVersion: x\n', 'Resources:\n', '  A:\n', '    Type: AWS::Logs::LogGroup\n', '!Ref', '{', '}', '[', ']', ':', '"', "'", '&a', '*a', '<<: *a', '\t', '- ', '\n', '|\n', '%YAML 1.1\n', '---\n', '...\n', '\uFEFF', '😀', '\r\n'];
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 40) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      for (const name of ['f.yaml', 'f.json', 'f.template']) {
        const result = linter.lint(name, name.endsWith('.json') ? `{"AWSTemplateFormatVersion": ${text}` : text, { settings });
        assert.ok(result.findings.filter((f) => f.ruleId === 'parse-error').length <= 1);
        assert.deepEqual(result.ruleErrors, [], text);
      }
    }
  });

  it('stays fast on deeply nested and alias-heavy YAML (no exponential blow-up)', () => {
    const { linter, settings } = linterWith(allRules);
    const nested = 'AWSTemplateFormatVersion: x\nResources:\n  A:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      X: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n';
    const aliases = 'AWSTemplateFormatVersion: x\na: &a ["x","x","x","x","x","x","x","x","x"]\n' + Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n') + '\nResources: {}\n';
    for (const text of [nested, aliases]) {
      const result = linter.lint('t.yaml', text, { settings });
      assert.ok(result.findings.length <= 1);
    }
  });
});

describe('engine: onEnd visitors', () => {
  const lastWord = defineRule({
    id: 'SML497',
    name: 'reports-at-end',
    meta: { category: 'ops', defaultSeverity: 'warning', formats: ['cfn'], description: 'test', messages: { m: '{{count}} resources' }, fixes: [], wellArchitected: [], options: {} },
    create: (context) => {
      const seen: Array<{ start: number; end: number }> = [];
      return {
        cfnResource: (resource) => void seen.push({ start: resource.keyStart, end: resource.keyEnd }),
        // Reports on the first resource what only the whole file tells: how many there are.
        onEnd: () => context.report({ ...seen[0], messageId: 'm', data: { count: seen.length } }),
      };
    },
  });
  const throwsAtEnd = defineRule({
    id: 'SML496',
    name: 'throws-at-end',
    meta: { category: 'ops', defaultSeverity: 'warning', formats: ['cfn'], description: 'test', messages: { m: 'm' }, fixes: [], wellArchitected: [], options: {} },
    create: (context) => ({
      cfnResource: (resource) => context.report({ start: resource.keyStart, end: resource.keyEnd, messageId: 'm' }),
      onEnd: () => {
        throw new Error('late boom');
      },
    }),
  });

  it('runs after every fact of the file, once, and its reports are findings like any other', () => {
    const { linter, settings } = linterWith([lastWord]);
    const result = linter.lint('t.yaml', template, { settings });
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.message, f.line]), [['SML497', '2 resources', 3]]);
  });

  it('a rule that throws in onEnd is isolated like one that throws in a visitor: its findings are dropped, the others kept', () => {
    const { linter, settings } = linterWith([throwsAtEnd, lastWord]);
    const result = linter.lint('t.yaml', template, { settings });
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['SML497']);
    assert.deepEqual(result.ruleErrors, [{ ruleId: 'SML496', message: 'late boom' }]);
  });

  it('collectFacts calls onEnd after the facts too', () => {
    const { linter } = linterWith([]);
    const order: string[] = [];
    linter.collectFacts('t.yaml', template, { cfnResource: (r) => void order.push(r.logicalId), onEnd: () => void order.push('end') });
    assert.deepEqual(order, ['A', 'B', 'end']);
  });
});

describe('engine formats', () => {
  it('says when a file is of a known format that has no parser yet', () => {
    // A linter built without the CDK TypeScript language.
    const linter = new Linter({ rules: allRules, languages: testLanguages.filter((l) => l.format !== 'cdk-typescript') });
    const stack = "import * as cdk from 'aws-cdk-lib';\n";
    assert.equal(linter.lint('stack.ts', stack, { settings: resolveRuleSettings(allRules) }).skipped, 'no cdk-typescript support yet');
    assert.equal(linter.mayHandle('stack.ts'), false, 'the walker does not read files no language parses');
    assert.equal(linter.mayHandle('main.tf'), true);
    assert.equal(linter.mayHandle('train.py'), true);
    assert.equal(linter.mayHandle('stack.template'), true);
  });
});

describe('engine: languages loaded asynchronously', () => {
  /** A language whose load the test resolves or fails by hand. */
  function deferredLanguage(): { language: Language; finish: (error?: string) => void } {
    let state: LoadState = { state: 'unloaded' };
    let finish: (error?: string) => void = () => undefined;
    const loaded = new Promise<void>((resolve) => {
      finish = (error) => {
        state = error ? { state: 'failed', message: error } : { state: 'loaded' };
        resolve();
      };
    });
    let loading: Promise<void> | undefined;
    const language: Language = {
      format: 'python',
      commentPrefixes: ['#'],
      get loadState() {
        return state;
      },
      load() {
        if (state.state === 'unloaded') state = { state: 'loading' };
        loading ??= loaded;
        return loading;
      },
      parse: () => ({ ok: true, walk: () => undefined }),
    };
    return { language, finish };
  }
  const settings = resolveRuleSettings(allRules);

  it('skips a file whose parser is not loaded yet, then lints it once prepared', async () => {
    const { language, finish } = deferredLanguage();
    const linter = new Linter({ rules: allRules, languages: [language] });
    assert.equal(linter.needsPrepare('train.py'), true);
    assert.equal(linter.needsPrepare('stack.yaml'), false, 'no language of this linter handles YAML');
    assert.equal(linter.lint('train.py', 'x = 1\n', { settings }).skipped, 'the python parser is not loaded yet');
    const prepared = linter.prepare(['train.py']);
    assert.equal(linter.needsPrepare('train.py'), true, 'still loading');
    finish();
    assert.deepEqual(await prepared, []);
    assert.equal(linter.needsPrepare('train.py'), false);
    const result = linter.lint('train.py', 'x = 1\n', { settings });
    assert.equal(result.skipped, undefined);
    assert.equal(result.format, 'python');
  });

  it('prepare loads nothing for files that do not need it', async () => {
    const { language } = deferredLanguage();
    const linter = new Linter({ rules: allRules, languages: [language] });
    assert.deepEqual(await linter.prepare(['stack.yaml']), []);
    assert.equal(language.loadState?.state, 'unloaded');
  });

  it('a parser that fails to load is reported once; its files are skipped with the reason, never crash', async () => {
    const { language, finish } = deferredLanguage();
    const errors: string[] = [];
    const linter = new Linter({ rules: allRules, languages: [language], logger: { error: (m) => errors.push(m), warn: () => undefined, info: () => undefined, debug: () => undefined } });
    const prepared = linter.prepare();
    finish('ENOENT: tree-sitter-python.wasm');
    assert.deepEqual(await prepared, [{ format: 'python', message: 'ENOENT: tree-sitter-python.wasm' }]);
    await linter.prepare();
    assert.deepEqual(errors, ['cannot load the python parser: ENOENT: tree-sitter-python.wasm']);
    assert.equal(linter.needsPrepare('train.py'), false, 'a failed load is not retried');
    assert.equal(linter.lint('train.py', 'x = 1\n', { settings }).skipped, 'the python parser failed to load: ENOENT: tree-sitter-python.wasm');
  });
});

describe('engine limits', () => {
  it('reports absurd nesting as too deep, not as a crash or a stack overflow', () => {
    const linter = new Linter({ rules: allRules, languages: testLanguages });
    const settings = resolveRuleSettings(allRules);
    const yaml = 'AWSTemplateFormatVersion: x\nResources:\n  A:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      X: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n';
    const json = '{"AWSTemplateFormatVersion": "x", "Resources": {"A": {"Type": "AWS::Logs::LogGroup", "Properties": {"X": ' + '['.repeat(20000) + ']'.repeat(20000) + '}}}}';
    // Block nesting past the limit is refused before composing, whatever stack the thread has; below it, read.
    const block = (levels: number): string => `AWSTemplateFormatVersion: x\nResources:\n A:\n  Type: AWS::Logs::LogGroup\n  Metadata:\n${Array.from({ length: levels }, (_, d) => `${' '.repeat(d + 3)}l${d}:`).join('\n')} end\n`;
    assert.ok(!linter.lint('ok.yaml', block(400), { settings }).findings.some((f) => f.ruleId === 'parse-error'), '400 levels are read');
    for (const [name, text] of [['t.yaml', yaml], ['t.json', json], ['block.yaml', block(1000)]]) {
      const result = linter.lint(name, text, { settings });
      assert.deepEqual(result.findings.map((f) => [f.ruleId, f.message]), [['parse-error', 'nested too deeply to analyse (thousands of levels)']], name);
    }
  });
});

describe('Linter.collectFacts', () => {
  it('walks the facts of a file through visitors without running rules', () => {
    const linter = createTestLinter({ rules: [] });
    const types: string[] = [];
    const result = linter.collectFacts('t.yaml', 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n', { cfnResource: (r) => types.push(r.type ?? '?') });
    assert.equal(result.format, 'cfn-yaml');
    assert.deepEqual(types, ['AWS::S3::Bucket']);
  });

  it('walks nothing for a file that does not parse or is not a known format', () => {
    const linter = createTestLinter({ rules: [] });
    let walked = 0;
    const broken = linter.collectFacts('t.json', '{"Resources": {', { cfnResource: () => walked++ });
    assert.ok(broken.skipped);
    assert.equal(linter.collectFacts('notes.txt', 'hello', { cfnResource: () => walked++ }).skipped, 'not a format Green ML lints');
    assert.equal(walked, 0);
  });
});

describe('engine: files read together (folder contexts)', () => {
  /** A rule that reports every Terraform resource, with a related location on every resource of the module. */
  const pointing = defineRule({
    id: 'SML497',
    name: 'points-across-files',
    meta: { category: 'ops', defaultSeverity: 'warning', formats: ['tf'], description: 'test', messages: { m: 'm' }, fixes: [], wellArchitected: [], options: {} },
    create: (context) => {
      let module: TfModule | undefined;
      return {
        tfModule(m) {
          module = m;
        },
        tfResource(resource) {
          const related = listModuleResources(module as TfModule).map((r) => ({ start: r.block.start, end: r.block.openBrace + 1, message: r.name, fileName: r.source.fileName }));
          related.push({ start: 0, end: 1, message: 'outside the context', fileName: '/elsewhere/x.tf' });
          context.report({ start: resource.block.start, end: resource.block.start + 8, messageId: 'm', related });
        },
      };
    },
  });
  const files = [
    { fileName: '/m/a.tf', text: 'resource "x" "a" {}\n' },
    { fileName: '/m/b.tf', text: '# b\n\nresource "x" "b" {}\n' },
  ];

  it('only languages with prepareContext read folders together', () => {
    const { linter } = linterWith([pointing]);
    assert.equal(linter.readsFoldersTogether('terraform'), true);
    assert.equal(linter.readsFoldersTogether('cfn-yaml'), false);
    assert.equal(linter.prepareContext('cfn-yaml', files), undefined);
  });

  it('a language that reads its neighbours of another format (a notebook, the .py modules beside it) is still linted file by file', () => {
    const linter = new Linter({ rules: [], languages: testLanguages });
    assert.equal(linter.contextFormatOf('notebook'), 'python');
    assert.equal(linter.readsFoldersTogether('notebook'), false);
    assert.equal(linter.contextFormatOf('terraform'), 'terraform');
    assert.equal(linter.contextFormatOf('python'), undefined);
  });

  it('places related locations in sibling files with their own lines, and drops those outside the context', () => {
    const { linter, settings } = linterWith([pointing]);
    const context = linter.prepareContext('terraform', files);
    assert.ok(context);
    const result = linter.lint('/m/a.tf', files[0].text, { settings, context });
    assert.deepEqual(result.ruleErrors, []);
    assert.equal(result.findings.length, 1);
    assert.deepEqual(
      result.findings[0].related?.map((r) => [r.message, r.fileName, r.line, r.column, r.endColumn]),
      [
        ['a', undefined, 1, 1, 19],
        ['b', '/m/b.tf', 3, 1, 19],
      ],
    );
  });

  it('a context of another format is ignored', () => {
    const { linter, settings } = linterWith([pointing]);
    const context = linter.prepareContext('terraform', files);
    const result = linter.lint('stack.yaml', template, { settings, context });
    assert.equal(result.format, 'cfn-yaml');
    assert.deepEqual(result.ruleErrors, []);
  });
});

describe('Linter.lint keepFacts', () => {
  const train = dedent`
    from sagemaker.pytorch import PyTorch
    INSTANCE = "ml.g5.xlarge"
    PyTorch(entry_point="train.py", role=role, instance_type=INSTANCE, instance_count=2, framework_version="2.1", py_version="py310").fit()
  `;

  it('keeps the facts the rules walked: replaying them gives what collectFacts gives from a fresh parse', () => {
    const linter = createTestLinter();
    const settings = resolveRuleSettings(linter.rules);
    const result = linter.lint('train.py', train, { settings, keepFacts: true });
    assert.ok(result.findings.length > 0, 'the rules ran on the same walk');
    const replayed: unknown[] = [];
    const parsed: unknown[] = [];
    const order: string[] = [];
    result.facts?.walk({ pythonCall: (c) => void replayed.push(c), pythonModule: (m) => void order.push(`module ${m.imports.length}`), onEnd: () => void order.push('end') });
    linter.collectFacts('train.py', train, { pythonCall: (c) => void parsed.push(c) });
    assert.equal(result.facts?.format, 'python');
    assert.equal(result.facts?.code, train);
    assert.deepEqual(replayed, parsed);
    assert.equal(replayed.length, 2, 'the PyTorch call and its fit()');
    assert.deepEqual(order, ['module 1', 'end']);
  });

  it('keeps nothing unless asked, and an empty walk for a file that does not parse', () => {
    const linter = createTestLinter();
    const settings = resolveRuleSettings(linter.rules);
    assert.equal(linter.lint('train.py', train, { settings }).facts, undefined);
    const broken = linter.lint('t.json', '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {', { settings, keepFacts: true });
    assert.equal(broken.findings[0]?.ruleId, 'parse-error');
    let walked = 0;
    broken.facts?.walk({ cfnResource: () => walked++, onEnd: () => walked++ });
    assert.equal(walked, 1, 'only onEnd');
  });

  it('keeps a notebook’s facts with the mapping from its cells to the file', () => {
    const linter = createTestLinter();
    const settings = resolveRuleSettings(linter.rules);
    const notebook = JSON.stringify({ cells: [{ cell_type: 'code', metadata: {}, source: train }], metadata: {}, nbformat: 4, nbformat_minor: 5 });
    const facts = linter.lint('explore.ipynb', notebook, { settings, keepFacts: true }).facts;
    const collected = linter.collectFacts('explore.ipynb', notebook, {});
    assert.equal(facts?.format, 'notebook');
    assert.equal(facts?.code, collected.code);
    assert.equal(facts?.embedded?.toFile(0), collected.embedded?.toFile(0));
  });
});

describe('engine: messages', () => {
  const worded = defineRule({
    id: 'SML495',
    name: 'worded',
    meta: {
      category: 'ops',
      defaultSeverity: 'warning',
      formats: ['cfn'],
      description: 'test',
      messages: { m: '{{ name }} costs {{cost}} ($/h {{cost}}); {{missing}} stays, {{ also missing }} too, {{name}}.', plain: 'No placeholder: $& $1' },
      fixes: [],
      wellArchitected: [],
      options: {},
    },
    create: (context) => ({
      cfnResource: (resource) => {
        context.report({ start: resource.keyStart, end: resource.keyEnd, messageId: 'm', data: { name: '$&x$1', cost: 0 } });
        context.report({ start: resource.keyStart, end: resource.keyEnd, messageId: 'plain' });
      },
    }),
  });

  it('fills every placeholder with its data as written, leaves unknown ones as they are, and reads nothing else as a placeholder', () => {
    const { linter, settings } = linterWith([worded]);
    const messages = linter.lint('t.yaml', template, { settings }).findings.map((f) => f.message);
    assert.deepEqual([...new Set(messages)].sort(), ['$&x$1 costs 0 ($/h 0); {{missing}} stays, {{ also missing }} too, $&x$1.', 'No placeholder: $& $1']);
  });
});
