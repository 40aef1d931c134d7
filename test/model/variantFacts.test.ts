import * as assert from 'node:assert/strict';
import { resolveRuleSettings } from '../../src/core/config';
import { defineRule } from '../../src/core/defineRule';
import type { Format } from '../../src/core/types';
import { visitEndpointVariants } from '../../src/model/endpointVariants';
import type { EndpointVariantRecord } from '../../src/model/records';
import { canSleep, describePoolRange, instanceTypesOf, serverlessCandidate } from '../../src/model/variantFacts';
import { createTestLinter } from '../kit/languages';

/** The variant records the model hands a rule for a file. */
function variantsOf(fileName: string, format: Format, code: string): EndpointVariantRecord[] {
  const seen: EndpointVariantRecord[] = [];
  const probe = defineRule({
    id: 'PROBE',
    name: 'probe',
    meta: { category: 'deploy', defaultSeverity: 'info', formats: ['cfn', 'tf', 'cdk', 'py', 'nb'], description: 'collects records', messages: {}, fixes: [], wellArchitected: [], options: {} },
    create: (context) => visitEndpointVariants(context.text, (v) => seen.push(v)),
  });
  createTestLinter({ rules: [probe] }).lint(fileName, code, { settings: resolveRuleSettings([probe]), format });
  return seen;
}

const cfn = (variant: string) => `Resources:\n  Config:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - { VariantName: AllTraffic, ModelName: m, InitialInstanceCount: 1, ${variant} }\n`;
const boto3 = (variant: string) => `import boto3\nboto3.client("sagemaker").create_endpoint_config(EndpointConfigName="c", ProductionVariants=[{"VariantName": "v", "ModelName": "m", "InitialInstanceCount": 1, ${variant}}])\n`;
const types = (v: EndpointVariantRecord) => instanceTypesOf(v).map((t) => (t.known ? t.value : `? ${t.reason}`));

describe('facts derived from an endpoint variant', () => {
  it('instance pools: every pool is a type it may run on, and serverless could serve it only when every pool is on CPU (CloudFormation, boto3)', () => {
    for (const [fileName, format, write] of [['t.yaml', 'cfn-yaml', (p: [string, string]) => cfn(`InstancePools: [{ InstanceType: ${p[0]}, Priority: 1 }, { InstanceType: ${p[1]}, Priority: 2 }]`)], ['s.py', 'python', (p: [string, string]) => boto3(`"InstancePools": [{"InstanceType": "${p[0]}", "Priority": 1}, {"InstanceType": "${p[1]}", "Priority": 2}]`)]] as const) {
      const [gpuBehind] = variantsOf(fileName, format, write(['ml.c5.xlarge', 'ml.g5.xlarge']));
      assert.deepEqual(types(gpuBehind), ['ml.c5.xlarge', 'ml.g5.xlarge'], format);
      assert.equal(serverlessCandidate(gpuBehind), undefined, `${format}: a GPU pool behind a CPU priority 1`);
      const [cpu] = variantsOf(fileName, format, write(['ml.c5.xlarge', 'ml.m5.xlarge']));
      assert.equal(serverlessCandidate(cpu), cpu, format);
      assert.equal(describePoolRange(cpu), ' (priority 1 of 2 instance pools, to ml.m5.xlarge)', format);
    }
    const [single] = variantsOf('t.yaml', 'cfn-yaml', cfn('InstanceType: ml.c5.large'));
    assert.deepEqual(types(single), ['ml.c5.large']);
    assert.equal(describePoolRange(single), '');
  });

  it('managed instance scaling to zero can sleep, and is no serverless candidate; a minimum of one cannot (CloudFormation, boto3)', () => {
    const yaml = (min: number) => cfn(`InstanceType: ml.c5.large, ManagedInstanceScaling: { Status: ENABLED, MinInstanceCount: ${min}, MaxInstanceCount: 2 }`);
    const py = (min: number) => boto3(`"InstanceType": "ml.c5.large", "ManagedInstanceScaling": {"Status": "ENABLED", "MinInstanceCount": ${min}, "MaxInstanceCount": 2}`);
    for (const [fileName, format, write] of [['t.yaml', 'cfn-yaml', yaml], ['s.py', 'python', py]] as const) {
      const [zero] = variantsOf(fileName, format, write(0));
      const [one] = variantsOf(fileName, format, write(1));
      assert.deepEqual([canSleep(zero), canSleep(one)], [true, false], format);
      assert.equal(serverlessCandidate(zero), undefined, format);
      assert.equal(serverlessCandidate(one), one, format);
    }
  });

  it('template branches: the first branch when every branch could be served serverless, none when one is on a GPU', () => {
    const template = (a: string, b: string) =>
      `Conditions:\n  Prod: !Equals [!Ref Stage, prod]\nParameters:\n  Stage: { Type: String, Default: dev }\n${cfn(`InstanceType: !If [Prod, ${a}, ${b}]`)}`;
    const [both] = variantsOf('t.yaml', 'cfn-yaml', template('ml.m5.large', 'ml.c5.large'));
    assert.equal(both.branches?.length, 2);
    const candidate = serverlessCandidate(both);
    assert.equal(candidate, both.branches?.[0]);
    assert.equal(candidate?.instanceType?.known && candidate.instanceType.value, 'ml.m5.large');
    const [gpu] = variantsOf('t.yaml', 'cfn-yaml', template('ml.g5.xlarge', 'ml.c5.large'));
    assert.equal(serverlessCandidate(gpu), undefined);
  });

  it('serverless, no candidate; an unresolved type is one (a parameter without default, a Python call), several values when every one is a CPU type', () => {
    const [serverless] = variantsOf('t.yaml', 'cfn-yaml', cfn('ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 }'));
    assert.equal(serverlessCandidate(serverless), undefined);
    const [parameter] = variantsOf('t.yaml', 'cfn-yaml', `Parameters:\n  Type: { Type: String }\n${cfn('InstanceType: !Ref Type')}`);
    assert.equal(parameter.instanceType?.known, false);
    assert.equal(serverlessCandidate(parameter), parameter);
    const [call] = variantsOf('s.py', 'python', boto3('"InstanceType": pick_type()'));
    assert.equal(call.instanceType?.known, false);
    assert.equal(serverlessCandidate(call), call);
    const several = (a: string, b: string) => `import sys\nt = "${a}" if sys.argv else "${b}"\n${boto3('"InstanceType": t')}`;
    const [cpu] = variantsOf('s.py', 'python', several('ml.m5.large', 'ml.c5.large'));
    assert.deepEqual(cpu.instanceType?.known === false && cpu.instanceType.alternatives, ['ml.m5.large', 'ml.c5.large']);
    assert.equal(serverlessCandidate(cpu), cpu);
    const [gpu] = variantsOf('s.py', 'python', several('ml.g5.xlarge', 'ml.c5.large'));
    assert.equal(serverlessCandidate(gpu), undefined);
  });
});
