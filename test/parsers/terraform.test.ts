import * as assert from 'node:assert/strict';
import type { TfFile, TfResource, TfValue } from '../../src/parsers/terraform';
import { createTerraformLanguage, getAttribute, getBlocks, resolveLiteral } from '../../src/parsers/terraform';
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
