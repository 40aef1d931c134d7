import * as assert from 'node:assert/strict';
import { detectFormat } from '../../src/core/formats';

describe('detectFormat', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['train.py', 'import sagemaker\n', 'python'],
    ['stacks/ml_stack.py', 'import aws_cdk as cdk\n', 'cdk-python'],
    ['app.py', 'from aws_cdk import App\n', 'cdk-python'],
    ['stack.py', '    from aws_cdk.aws_s3 import Bucket\n', 'cdk-python'],
    ['notes.py', '# we used to import aws_cdk here\nimport aws_cdkish\n', 'python'],
    ['explore.ipynb', '{"cells": []}', 'notebook'],
    ['main.tf', 'provider "aws" {}', 'terraform'],
    ['lib/stack.ts', "import * as cdk from 'aws-cdk-lib';\n", 'cdk-typescript'],
    ['lib/stack.ts', "import { App } from '@aws-cdk/core';\n", 'cdk-typescript'],
    ['src/util.ts', "import x from 'lodash';\n", undefined],
    ['types.d.ts', "import * as cdk from 'aws-cdk-lib';\n", undefined],
    ['anything.yml', 'AWSTemplateFormatVersion: "2010-09-09"\n', 'cfn-yaml'],
    ['x.yaml', 'Transform: AWS::Serverless-2016-10-31\nResources: {}\n', 'cfn-yaml'],
    ['x.yaml', 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n', 'cfn-yaml'],
    ['stack.template', 'Resources:\n  A:\n    Type: "AWS::S3::Bucket"\n', 'cfn-yaml'],
    ['stack.template', '{"AWSTemplateFormatVersion": "2010-09-09"}', 'cfn-json'],
    ['Stack.template.json', '{\n  "Resources": {"A": {"Type": "AWS::S3::Bucket"}}\n}', 'cfn-json'],
    ['template.yaml', 'apiVersion: v1\nkind: Pod\n', undefined],
    ['ci.yaml', 'jobs:\n  build:\n    Type: AWS::S3::Bucket\n', undefined],
    ['x.yaml', '{"AWSTemplateFormatVersion": "2010-09-09"}', undefined],
    ['package.json', '{"name": "x", "scripts": {"Type": "AWS::S3::Bucket"}}', undefined],
    ['notes.txt', 'AWSTemplateFormatVersion: x', undefined],
    ['Makefile', '', undefined],
  ];
  for (const [name, text, expected] of cases) {
    it(`${name}: ${JSON.stringify(text.slice(0, 40))} → ${expected ?? 'not linted'}`, () => assert.equal(detectFormat(name, text), expected));
  }
});
