import * as assert from 'node:assert/strict';
import type { CfnResource, CfnTemplate, CfnValue } from '../../src/parsers/cloudformation';
import { cloudFormationJson, cloudFormationYaml, getAttTarget, getEntry, getMapValue, getPath, refTarget, resolveScalar, resolveValue } from '../../src/parsers/cloudformation';
import { conditionBranches, maxConditionBranches, resolveCandidates } from '../../src/parsers/cloudformationConditions';
import { dedent } from '../kit/dedent';

function facts(language: typeof cloudFormationYaml, text: string): { templates: CfnTemplate[]; resources: CfnResource[] } {
  const outcome = language.parse(text, 'x');
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.error.message);
  const templates: CfnTemplate[] = [];
  const resources: CfnResource[] = [];
  outcome.walk((kind, fact) => (kind === 'cfnTemplate' ? templates.push(fact as CfnTemplate) : resources.push(fact as CfnResource)));
  return { templates, resources };
}

describe('CloudFormation parser', () => {
  it('keeps short-form intrinsics as tagged nodes with positions', () => {
    const text = dedent`
      AWSTemplateFormatVersion: 2010-09-09
      Resources:
        Fn:
          Type: AWS::Lambda::Function
          Properties:
            Role: !GetAtt Role.Arn
            Name: !Sub "\${AWS::StackName}-fn"
            Key: !If [IsProd, !Ref Key, !Ref AWS::NoValue]
            Code: !Join ["", [a, b]]
            Env: !FindInMap { Map: x }
    `;
    const { templates, resources } = facts(cloudFormationYaml, text);
    const version = getEntry(templates[0].root, 'AWSTemplateFormatVersion')?.value;
    assert.deepEqual(version?.kind === 'scalar' && version.value, '2010-09-09', 'the version stays a string (no YAML 1.1 timestamp)');
    const props = getMapValue(getEntry(resources[0].node, 'Properties')?.value);
    assert.ok(props);
    const role = getEntry(props, 'Role')?.value;
    assert.equal(role?.intrinsic, 'Fn::GetAtt');
    assert.equal(text.slice(role!.start, role!.end), 'Role.Arn');
    const key = getEntry(props, 'Key')?.value;
    assert.equal(key?.kind, 'seq');
    assert.equal(key?.intrinsic, 'Fn::If');
    assert.deepEqual(key?.kind === 'seq' && key.items.map((i) => i.intrinsic), [undefined, 'Ref', 'Ref']);
    assert.equal(getEntry(props, 'Env')?.value.intrinsic, 'Fn::FindInMap');
    assert.equal(getEntry(props, 'Env')?.value.kind, 'map');
  });

  it('marks long-form intrinsics in YAML and JSON alike', () => {
    const json = '{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::Sub": "x"}, "Tags": {"Ref": "T"}}}}}';
    const { resources } = facts(cloudFormationJson, json);
    const props = getMapValue(getEntry(resources[0].node, 'Properties')?.value)!;
    assert.equal(getEntry(props, 'BucketName')?.value.intrinsic, 'Fn::Sub');
    assert.equal(getEntry(props, 'Tags')?.value.intrinsic, 'Ref');
    assert.equal(resources[0].type, 'AWS::S3::Bucket');
    assert.equal(json.slice(resources[0].keyStart, resources[0].keyEnd), '"B"');
  });

  it('survives several documents and junk before Resources', () => {
    const text = '# header\n---\nfoo: bar\n---\nAWSTemplateFormatVersion: x\nResources:\n  L:\n    Type: AWS::Logs::LogGroup\n';
    const { templates, resources } = facts(cloudFormationYaml, text);
    assert.equal(templates.length, 1);
    assert.equal(resources[0].logicalId, 'L');
    const junk = 'AWSTemplateFormatVersion: x\nsome junk: [1, 2]\nResources:\n  L:\n    Type: AWS::Logs::LogGroup\n';
    assert.equal(facts(cloudFormationYaml, junk).resources.length, 1);
  });

  it('treats aliases as unknown instead of expanding them', () => {
    const text = 'AWSTemplateFormatVersion: x\nResources:\n  L:\n    Type: AWS::Logs::LogGroup\n    Properties: &p\n      RetentionInDays: 1\n  M:\n    Type: AWS::Logs::LogGroup\n    Properties: *p\n';
    const { resources } = facts(cloudFormationYaml, text);
    assert.equal(getEntry(resources[1].node, 'Properties')?.value.kind, 'unknown');
  });

  it('reports YAML and JSON syntax errors with a position', () => {
    const yaml = cloudFormationYaml.parse('AWSTemplateFormatVersion: x\nResources:\n  A: {\n', 'x');
    assert.ok(!yaml.ok && /^YAML syntax error: /.test(yaml.error.message));
    const json = cloudFormationJson.parse('{"AWSTemplateFormatVersion": "x",, }', 'x');
    assert.ok(!json.ok);
    assert.equal(json.ok ? '' : json.error.message, 'JSON syntax error: property name expected');
    assert.equal(json.ok ? -1 : json.error.start, 33);
  });
});

describe('CloudFormation parser limits', () => {
  it('reports duplicate keys as one problem, at the first repeated key, and reads the later value', () => {
    const text = 'AWSTemplateFormatVersion: x\nResources:\n  A:\n    Type: AWS::S3::Bucket\n  A:\n    Type: AWS::Logs::LogGroup\n  B:\n    Type: AWS::S3::Bucket\n    Type: AWS::ECR::Repository\n';
    const outcome = cloudFormationYaml.parse(text, 'x');
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.problems?.map((p) => [p.message, p.start, p.end]), [
      ['Duplicate key "A" (and 1 more duplicate key): CloudFormation keeps the later value and drops the earlier one, which was read the same way here; remove one of them', text.lastIndexOf('  A:') + 2, text.lastIndexOf('  A:') + 3],
    ]);
    assert.deepEqual(facts(cloudFormationYaml, text).resources.map((r) => [r.logicalId, r.type]), [['A', 'AWS::Logs::LogGroup'], ['B', 'AWS::ECR::Repository']]);
  });

  it('reads JSON duplicate keys the same way', () => {
    const text = '{"Resources": {"A": {"Type": "AWS::S3::Bucket"}, "A": {"Type": "AWS::Logs::LogGroup"}}}';
    const outcome = cloudFormationJson.parse(text, 'x');
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.problems?.map((p) => [p.message, p.start]), [['Duplicate key "A": CloudFormation keeps the later value and drops the earlier one, which was read the same way here; remove one of them', text.lastIndexOf('"A"')]]);
    assert.deepEqual(facts(cloudFormationJson, text).resources.map((r) => r.type), ['AWS::Logs::LogGroup']);
  });
});

describe('CloudFormation value resolver', () => {
  const yaml = dedent`
    AWSTemplateFormatVersion: "2010-09-09"
    Parameters:
      Type: { Type: String, Default: ml.m5.xlarge }
      Count: { Type: Number, Default: 2 }
      NoDefault: { Type: String }
      Computed: { Type: String, Default: !Ref AWS::Region }
    Resources:
      Config:
        Type: AWS::SageMaker::EndpointConfig
        Properties:
          A: !Ref Type
          B: !Ref Count
          C: !Ref NoDefault
          D: !If [IsProd, ml.g5.xlarge, ml.m5.large]
          E: !ImportValue shared-type
          F: !Ref Config
          G: !Ref AWS::Region
          H: ml.c5.large
          I: !Ref Computed
          J: !GetAtt Endpoint.EndpointName
          K: !GetAtt [Endpoint, EndpointName]
  `;

  function props(language: typeof cloudFormationYaml, text: string): { template: CfnTemplate; get: (key: string) => CfnValue | undefined } {
    const { templates, resources } = facts(language, text);
    const map = getMapValue(getEntry(resources[0].node, 'Properties')?.value)!;
    return { template: templates[0], get: (key) => getEntry(map, key)?.value };
  }

  it('resolves Ref to a parameter with a Default to the default, and nothing else', () => {
    const { template, get } = props(cloudFormationYaml, yaml);
    assert.equal(resolveScalar(template, get('A')), 'ml.m5.xlarge');
    assert.equal(resolveScalar(template, get('B')), 2);
    assert.equal(resolveScalar(template, get('H')), 'ml.c5.large');
    for (const key of ['C', 'D', 'E', 'F', 'G', 'I']) assert.equal(resolveValue(template, get(key)), undefined, `${key} stays unknown`);
    assert.equal(resolveValue(template, undefined), undefined);
  });

  it('reads Ref and GetAtt targets in short and long form', () => {
    const { get } = props(cloudFormationYaml, yaml);
    assert.equal(refTarget(get('F')!), 'Config');
    assert.deepEqual(getAttTarget(get('J')!), { resource: 'Endpoint', attribute: 'EndpointName' });
    assert.deepEqual(getAttTarget(get('K')!), { resource: 'Endpoint', attribute: 'EndpointName' });
    const json = '{"Parameters": {"T": {"Type": "String", "Default": "ml.t3.medium"}}, "Resources": {"N": {"Type": "AWS::SageMaker::NotebookInstance", "Properties": {"InstanceType": {"Ref": "T"}, "Role": {"Fn::GetAtt": ["R", "Arn"]}}}}}';
    const long = props(cloudFormationJson, json);
    assert.equal(resolveScalar(long.template, long.get('InstanceType')), 'ml.t3.medium');
    assert.deepEqual(getAttTarget(long.get('Role')!), { resource: 'R', attribute: 'Arn' });
  });

  it('follows a path of keys through plain maps only', () => {
    const text = 'AWSTemplateFormatVersion: x\nResources:\n  D:\n    Type: AWS::SageMaker::Domain\n    Properties:\n      DefaultUserSettings:\n        JupyterLabAppSettings: !If [C, {}, {}]\n        SharingSettings: { NotebookOutputOption: Disabled }\n';
    const { get } = props(cloudFormationYaml, text);
    const settings = getMapValue(get('DefaultUserSettings'));
    assert.equal(getPath(settings, ['SharingSettings', 'NotebookOutputOption'])?.value.kind, 'scalar');
    assert.equal(getPath(settings, ['JupyterLabAppSettings', 'AppLifecycleManagement']), undefined);
  });
});

describe('CloudFormation conditions', () => {
  const resourceOf = (properties: string): CfnResource => facts(cloudFormationYaml, `Resources:\n  R:\n    Type: AWS::Logs::LogGroup\n    Properties: ${properties}\n`).resources[0];
  const read = (properties: string) =>
    conditionBranches(resourceOf(properties))?.map((b) => {
      const props = getEntry(b.node, 'Properties')?.value;
      return props?.kind === 'map' ? props.entries.map((e) => `${e.key}=${e.value.kind === 'scalar' ? String(e.value.value) : e.value.kind}`).join(',') : 'none';
    });

  it('reads each side, the same condition the same way everywhere, AWS::NoValue as no key', () => {
    assert.deepEqual(read('{ A: !If [C, 1, !Ref AWS::NoValue], B: !If [C, x, z] }'), ['A=1,B=x', 'B=z']);
  });

  it('splits only on the conditions a branch meets', () => {
    assert.deepEqual(read('!If [C, { A: 1 }, !If [D, { A: 2 }, !Ref AWS::NoValue]]'), ['A=1', 'A=2', 'none']);
  });

  it('has no branches without Fn::If, and none (unknown) past the limit', () => {
    assert.equal(read('{ A: 1 }'), undefined);
    const deep = Array.from({ length: maxConditionBranches }, (_, i) => `!If [C${i}, { A: ${i} }, `).join('') + '{}' + ']'.repeat(maxConditionBranches);
    assert.equal(read(deep), undefined);
    const under = Array.from({ length: maxConditionBranches - 1 }, (_, i) => `!If [C${i}, { A: ${i} }, `).join('') + '{}' + ']'.repeat(maxConditionBranches - 1);
    assert.equal(read(under)?.length, maxConditionBranches);
  });

  it('gives the values a conditional scalar may take, once each', () => {
    const template = facts(cloudFormationYaml, 'Parameters:\n  P: { Type: String, Default: a }\nResources:\n  R:\n    Type: AWS::Logs::LogGroup\n    Properties: { A: !If [C, !Ref P, !If [D, b, a]], B: !If [C, !Ref Q, a] }\n').templates[0];
    const props = getMapValue(getEntry(template.resources[0].node, 'Properties')?.value);
    assert.deepEqual(resolveCandidates(template, getEntry(props!, 'A')?.value), ['a', 'b']);
    assert.equal(resolveCandidates(template, getEntry(props!, 'B')?.value), undefined);
  });
});
