import * as assert from 'node:assert/strict';
import type { TfFile, TfModule, TfResource, TfValue } from '../../src/parsers/terraform';
import { createTerraformLanguage, getAttribute, getBlocks, listModuleResources, resolveLiteral, resolveLiteralOrDefault } from '../../src/parsers/terraform';
import { dedent } from '../kit/dedent';
import { locateTestWasm, testLanguages } from '../kit/languages';

const terraform = testLanguages.find((l) => l.format === 'terraform');

function parse(code: string): { file: TfFile; resources: TfResource[] } {
  assert.ok(terraform, 'the test languages include Terraform');
  const outcome = terraform.parse(code, 'main.tf');
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.error.message);
  let file: TfFile | undefined;
  const resources: TfResource[] = [];
  outcome.walk((kind, fact) => {
    if (kind === 'tfFile') file = fact as TfFile;
    if (kind === 'tfResource') resources.push(fact as TfResource);
  });
  assert.ok(file);
  return { file, resources };
}

function plain(value: TfValue | undefined): unknown {
  if (!value) return undefined;
  switch (value.kind) {
    case 'literal':
      return value.value;
    case 'reference':
      return `ref:${value.reference.path.join('.')}${value.reference.indexed ? '[]' : ''}`;
    case 'object':
      return Object.fromEntries(value.entries.map((e) => [e.key, plain(e.value)]));
    case 'tuple':
      return value.items.map(plain);
    case 'other':
      return `other(${value.references.map((r) => r.path.join('.')).join(',')})`;
  }
}

const sample = dedent`
  terraform {
    backend "s3" {
      region = "us-east-1"
    }
  }

  locals {
    instance = "ml.g5.2xlarge" # the default
  }

  resource "aws_sagemaker_endpoint_configuration" "churn" {
    name = "churn-\${var.env}"

    production_variants {
      variant_name           = "AllTraffic"
      instance_type          = local.instance
      initial_instance_count = 2
    }

    dynamic "production_variants" {
      for_each = var.extra
      content {
        serverless_config {
          memory_size_in_mb = 4096
          max_concurrency   = 2
        }
      }
    }

    tags = { Team = "ml", "cost-centre" = 42, on = true, none = null, list = ["a", 1] }
  }

  resource "aws_iam_role_policy" "p" {
    role   = aws_iam_role.r.id
    policy = <<-POLICY
      { "Statement": [] }
    POLICY
  }

  resource "aws_sagemaker_endpoint" "e" {
    count                = 2
    endpoint_config_name = aws_sagemaker_endpoint_configuration.churn.name
    name                 = "e-\${aws_s3_bucket.logs[count.index].bucket}"
  }
`;

describe('Terraform parser', () => {
  it('reads blocks, labels, attributes and nested and dynamic blocks with positions', () => {
    const { file, resources } = parse(sample);
    assert.deepEqual(
      file.blocks.map((b) => [b.type, ...b.labels.map((l) => l.value)]),
      [['terraform'], ['locals'], ['resource', 'aws_sagemaker_endpoint_configuration', 'churn'], ['resource', 'aws_iam_role_policy', 'p'], ['resource', 'aws_sagemaker_endpoint', 'e']],
    );
    assert.deepEqual(
      resources.map((r) => `${r.type}.${r.name}`),
      ['aws_sagemaker_endpoint_configuration.churn', 'aws_iam_role_policy.p', 'aws_sagemaker_endpoint.e'],
    );
    const config = resources[0].block;
    assert.equal(sample.slice(config.start, config.openBrace + 1), 'resource "aws_sagemaker_endpoint_configuration" "churn" {');
    assert.equal(sample[config.closeBrace], '}');
    const variants = getBlocks(config, 'production_variants');
    assert.equal(variants.length, 2, 'the plain block and the dynamic one');
    assert.equal(variants[1].type, 'dynamic');
    assert.equal(variants[1].blocks[0].blocks[0].type, 'serverless_config');
    const count = getAttribute(variants[0], 'initial_instance_count');
    assert.ok(count);
    assert.equal(sample.slice(count.start, count.end), 'initial_instance_count = 2');
    assert.equal(sample.slice(count.nameStart, count.nameEnd), 'initial_instance_count');
    assert.equal(plain(count.value), 2);
  });

  it('turns expressions into literals, references, objects, tuples or unknowns', () => {
    const { file, resources } = parse(sample);
    const config = resources[0].block;
    assert.equal(plain(getAttribute(config, 'name')?.value), 'other(var.env)');
    assert.deepEqual(plain(getAttribute(config, 'tags')?.value), { Team: 'ml', 'cost-centre': 42, on: true, none: null, list: ['a', 1] });
    const instance = getAttribute(getBlocks(config, 'production_variants')[0], 'instance_type')?.value;
    assert.equal(plain(instance), 'ref:local.instance');
    assert.equal(resolveLiteral(file, instance), 'ml.g5.2xlarge', 'a local that is a literal resolves');
    assert.equal(resolveLiteral(file, getAttribute(config, 'name')?.value), undefined, 'var.* stays unknown');
    const endpoint = resources[2].block;
    assert.equal(plain(getAttribute(endpoint, 'endpoint_config_name')?.value), 'ref:aws_sagemaker_endpoint_configuration.churn.name');
    const name = getAttribute(endpoint, 'name')?.value;
    assert.deepEqual(name?.references, [
      { path: ['aws_s3_bucket', 'logs'], indexed: true },
      { path: ['count', 'index'], indexed: false },
    ]);
    assert.equal(name?.kind === 'other' ? name.literalPrefix : undefined, 'e-');
  });

  it('keeps heredocs as one value with their positions', () => {
    const { resources } = parse(sample);
    const policy = getAttribute(resources[1].block, 'policy');
    assert.ok(policy);
    assert.equal(policy.value.kind, 'other');
    assert.match(sample.slice(policy.value.start, policy.value.end), /^<<-POLICY\n[\s\S]*POLICY$/);
  });

  it('reads escapes in strings', () => {
    const { file } = parse('locals {\n  a = "say \\"hi\\"\\n"\n  b = "$${literal}"\n}\n');
    assert.equal(resolveLiteral(file, getAttribute(file.blocks[0], 'a')?.value), 'say "hi"\n');
    assert.equal(resolveLiteral(file, getAttribute(file.blocks[0], 'b')?.value), '${literal}');
  });

  it('a half-typed block is kept but marked, and not emitted as a resource (recovery may swallow what follows)', () => {
    const { file, resources } = parse('resource "aws_s3_bucket" "ok" {}\nresource "aws_cloudwatch_log_group" "typing" {\n  name = \n}\nresource "aws_s3_bucket" "after" {}\n');
    assert.ok(file.blocks.some((b) => b.hasError));
    assert.deepEqual(
      resources.map((r) => r.name),
      ['ok'],
    );
  });

  it('a file that is mostly not HCL is one parse error', () => {
    assert.ok(terraform);
    const outcome = terraform.parse('{{{{ this is : not [ terraform\n at all ))))\n', 'main.tf');
    assert.equal(outcome.ok, false);
  });

  it('a missing grammar fails to load instead of throwing', async () => {
    const language = createTerraformLanguage((file) => (file === 'web-tree-sitter.wasm' ? locateTestWasm(file) : '/nonexistent/tree-sitter-terraform.wasm'));
    await language.load?.();
    assert.equal(language.loadState?.state, 'failed');
  });
});

describe('Terraform modules', () => {
  const files = [
    { fileName: '/infra/main.tf', text: 'resource "aws_s3_bucket" "data" {\n  bucket = local.bucket\n}\n' },
    { fileName: '/infra/locals.tf', text: 'locals {\n  bucket = "churn-data"\n}\n' },
    { fileName: '/infra/lifecycle.tf', text: 'resource "aws_s3_bucket_lifecycle_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n}\n' },
  ];

  function prepare(sources: Array<{ fileName: string; text: string }>): TfModule {
    assert.ok(terraform?.prepareContext);
    return terraform.prepareContext(sources) as TfModule;
  }

  /** The module and file facts a parse with `context` emits, in order. */
  function walk(fileName: string, text: string, context?: TfModule): { kinds: string[]; module?: TfModule; file?: TfFile } {
    assert.ok(terraform);
    const outcome = terraform.parse(text, fileName, context);
    assert.ok(outcome.ok, outcome.ok ? '' : outcome.error.message);
    const seen: { kinds: string[]; module?: TfModule; file?: TfFile } = { kinds: [] };
    outcome.walk((kind, fact) => {
      seen.kinds.push(kind);
      if (kind === 'tfModule') seen.module = fact as TfModule;
      if (kind === 'tfFile') seen.file = fact as TfFile;
    });
    return seen;
  }

  it('indexes every file: resources by file, texts by name, complete when all parse', () => {
    const module = prepare(files);
    assert.equal(module.format, 'terraform');
    assert.equal(module.incomplete, false);
    assert.deepEqual(
      listModuleResources(module).map((r) => [r.source.fileName, `${r.type}.${r.name}`]),
      [
        ['/infra/main.tf', 'aws_s3_bucket.data'],
        ['/infra/lifecycle.tf', 'aws_s3_bucket_lifecycle_configuration.data'],
      ],
    );
    assert.equal(module.textOf('/infra/locals.tf'), files[1].text);
    assert.equal(module.textOf('/elsewhere/main.tf'), undefined);
  });

  it('the module is emitted before the file; a file of the module with the same text is not parsed again', () => {
    const module = prepare(files);
    const seen = walk('/infra/main.tf', files[0].text, module);
    assert.deepEqual(seen.kinds, ['tfModule', 'tfFile', 'tfResource']);
    assert.equal(seen.module, module);
    assert.equal(seen.file, module.files[0].file);
  });

  it('a changed text replaces its file in the module; the other files stay', () => {
    const module = prepare(files);
    const seen = walk('/infra/lifecycle.tf', '# emptied\n', module);
    assert.notEqual(seen.module, module);
    assert.deepEqual(seen.module?.files.map((f) => f.fileName).sort(), ['/infra/lifecycle.tf', '/infra/locals.tf', '/infra/main.tf']);
    assert.deepEqual(listModuleResources(seen.module as TfModule).map((r) => r.type), ['aws_s3_bucket']);
  });

  it('an unchanged file is not parsed again when its module is indexed again (an editor re-indexes on each change)', () => {
    const first = prepare(files);
    const again = prepare([files[0], files[1], { fileName: '/infra/lifecycle.tf', text: '# changed\n' }]);
    assert.equal(again.files[0].file, first.files[0].file);
    assert.notEqual(again.files[2].file, first.files[2].file);
  });

  it('without a context a file is a module of its own', () => {
    const seen = walk('/infra/main.tf', files[0].text);
    assert.deepEqual(seen.module?.files.map((f) => f.fileName), ['/infra/main.tf']);
  });

  it('locals resolve across the files of the module, and only there', () => {
    const module = prepare(files);
    const inModule = walk('/infra/main.tf', files[0].text, module).file as TfFile;
    const bucket = inModule.blocks[0];
    assert.equal(resolveLiteral(inModule, getAttribute(bucket, 'bucket')?.value), 'churn-data');
    const alone = walk('/infra/main.tf', files[0].text).file as TfFile;
    assert.equal(resolveLiteral(alone, getAttribute(alone.blocks[0], 'bucket')?.value), undefined);
  });

  it('a variable reads as its literal default, declared in any file of the module (the first declaration); no default, null, or not a literal: unknown', () => {
    const sources = [
      { fileName: '/serve/main.tf', text: 'resource "aws_sagemaker_endpoint_configuration" "c" {\n  a = var.type\n  b = var.none\n  c = var.nothing\n  d = var.list\n  e = var.type.x\n  f = local.x\n}\n' },
      { fileName: '/serve/variables.tf', text: 'variable "type" {\n  default = "ml.g5.4xlarge"\n}\nvariable "type" {\n  default = "ml.c5.large"\n}\nvariable "none" {\n  type = string\n}\nvariable "nothing" {\n  default = null\n}\nvariable "list" {\n  default = ["ml.g5.xlarge"]\n}\n' },
    ];
    const module = prepare(sources);
    const file = walk(sources[0].fileName, sources[0].text, module).file as TfFile;
    const value = (name: string) => resolveLiteralOrDefault(file, getAttribute(file.blocks[0], name)?.value);
    assert.deepEqual(['a', 'b', 'c', 'd', 'e', 'f'].map(value), ['ml.g5.4xlarge', undefined, undefined, undefined, undefined, undefined]);
    assert.equal(resolveLiteral(file, getAttribute(file.blocks[0], 'a')?.value), undefined, 'resolveLiteral itself still leaves var.* unknown');
    const alone = walk(sources[0].fileName, sources[0].text).file as TfFile;
    assert.equal(resolveLiteralOrDefault(alone, getAttribute(alone.blocks[0], 'a')?.value), undefined, 'a variable of another module is not read');
  });

  it('a file that does not parse, or has a block with a syntax error, makes the module incomplete', () => {
    assert.equal(prepare([...files, { fileName: '/infra/broken.tf', text: '{{{{ this is : not [ terraform\n at all ))))\n' }]).incomplete, true);
    const halfTyped = prepare([...files, { fileName: '/infra/half.tf', text: 'resource "aws_ecr_repository" "r" {\n  name = \n' }]);
    assert.equal(halfTyped.incomplete, true);
    assert.ok(halfTyped.files.every((f) => f.file), 'the half-typed file is still read');
  });
});
