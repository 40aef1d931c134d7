import * as assert from 'node:assert/strict';
import type { CfnTemplate } from '../../../src/parsers/cloudformation';
import { cloudFormationYaml, getEntry, getMapValue } from '../../../src/parsers/cloudformation';
import { stringPieces } from '../../../src/model/read/cfnReferences';
import { CfnText, jsonValue, ref, sub, yamlBlockEntry, yamlFlowEntry, yamlString } from '../../../src/model/edit/cfnSnippet';
import { dedent } from '../../kit/dedent';

function template(text: string): CfnTemplate {
  const outcome = cloudFormationYaml.parse(text, 't.yaml');
  assert.ok(outcome.ok);
  let found: CfnTemplate | undefined;
  outcome.walk((kind, fact) => {
    if (kind === 'cfnTemplate') found = fact as CfnTemplate;
  });
  assert.ok(found);
  return found;
}

describe('stringPieces (strings built by intrinsics)', () => {
  const t = template(dedent`
    AWSTemplateFormatVersion: "2010-09-09"
    Parameters:
      Name: { Type: String, Default: churn }
      Free: { Type: String }
    Resources:
      Endpoint:
        Type: AWS::SageMaker::Endpoint
      Target:
        Type: AWS::ApplicationAutoScaling::ScalableTarget
        Properties:
          A: !Sub endpoint/\${Endpoint.EndpointName}/variant/AllTraffic
          B: !Sub endpoint/\${Name}/variant/\${!Literal}
          C: !Sub endpoint/\${AWS::Region}/x
          D: !Join ["/", [endpoint, !Ref Endpoint, variant, !Ref Name]]
          E: !Sub ["endpoint/\${E}/variant/V", { E: !GetAtt Endpoint.EndpointName }]
          F: !Join ["/", [endpoint, !Ref Free]]
          G: !If [C, a, b]
  `);
  const props = getMapValue(getEntry(t.resources[1].node, 'Properties')?.value)!;
  const pieces = (key: string) => stringPieces(t, getEntry(props, key)?.value);

  it('keeps resource references and resolves parameter defaults', () => {
    assert.deepEqual(pieces('A'), ['endpoint/', { resource: 'Endpoint', attribute: 'EndpointName' }, '/variant/AllTraffic']);
    assert.deepEqual(pieces('B'), ['endpoint/', 'churn', '/variant/', '${Literal}']);
    assert.deepEqual(pieces('D'), ['endpoint', '/', { resource: 'Endpoint' }, '/', 'variant', '/', 'churn']);
    assert.deepEqual(pieces('E'), ['endpoint/', { resource: 'Endpoint', attribute: 'EndpointName' }, '/variant/V']);
  });

  it('is unknown when any part is', () => {
    for (const key of ['C', 'F', 'G']) assert.equal(pieces(key), undefined, key);
  });
});

describe('snippet rendering', () => {
  const layout = { eol: '\n', unit: '  ' };

  it('quotes YAML strings only when a plain scalar would read differently', () => {
    assert.equal(yamlString('INTELLIGENT_TIERING', false), 'INTELLIGENT_TIERING');
    assert.equal(yamlString('sagemaker:variant:DesiredInstanceCount', false), 'sagemaker:variant:DesiredInstanceCount');
    assert.equal(yamlString('sagemaker:variant:DesiredInstanceCount', true), "'sagemaker:variant:DesiredInstanceCount'");
    assert.equal(yamlString('Yes', false), "'Yes'");
    assert.equal(yamlString("it's ${X}", false), "'it''s ${X}'");
  });

  it('writes the same value as YAML block, YAML flow and JSON', () => {
    const value = { Id: 'x', Target: ref('T'), Name: sub('${E.EndpointName}-x'), Items: [{ A: 1 }], Text: new CfnText('{\n  "a": 1\n}', '{"a":1}') };
    assert.deepEqual(yamlBlockEntry('Key', value, '', layout), [
      'Key:',
      '  Id: x',
      '  Target: !Ref T',
      "  Name: !Sub '${E.EndpointName}-x'",
      '  Items:',
      '    - A: 1',
      '  Text: |',
      '    {',
      '      "a": 1',
      '    }',
    ]);
    assert.equal(yamlFlowEntry('Key', value), `Key: { Id: x, Target: !Ref T, Name: !Sub '\${E.EndpointName}-x', Items: [{ A: 1 }], Text: '{"a":1}' }`);
    assert.equal(jsonValue(value, '', layout, true), `{ "Id": "x", "Target": { "Ref": "T" }, "Name": { "Fn::Sub": "\${E.EndpointName}-x" }, "Items": [{ "A": 1 }], "Text": "{\\"a\\":1}" }`);
  });
});
