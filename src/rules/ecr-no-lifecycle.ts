import { defineRule } from '../core/defineRule';
import { getEntry, getMapValue } from '../parsers/cloudformation';
import { insertCfnMapProperty, insertCfnProperty } from './utils/cfnEdits';
import { getPropertiesFact } from './utils/cfnFacts';
import { CfnText } from './utils/cfnSnippet';

export const ecrNoLifecycle = defineRule({
  id: 'SML102',
  name: 'ecr-no-lifecycle',
  meta: {
    category: 'data',
    defaultSeverity: 'warning',
    formats: ['cfn'],
    description: 'ECR repository without a lifecycle policy, so old images are kept forever',
    messages: {
      noLifecycle:
        'Repository {{name}} has no lifecycle policy: every image pushed stays stored and billed (≈ $0.10/GB-month for private repositories) until someone deletes it by hand. Add a policy that expires old images.',
    },
    fixes: ['unsafe'],
    wellArchitected: ['MLSUS04-BP03'],
    options: {
      keepImages: { type: 'integer', default: 10, minimum: 1, description: 'How many of the most recent images the quick fix keeps.' },
    },
  },
  create(context) {
    return {
      cfnResource(resource) {
        if (resource.type !== 'AWS::ECR::Repository') return;
        const properties = getPropertiesFact(resource);
        if (!properties.known) return;
        const policy = properties.map && getEntry(properties.map, 'LifecyclePolicy');
        const policyMap = policy && getMapValue(policy.value);
        if (policy && (!policyMap || getEntry(policyMap, 'LifecyclePolicyText'))) return;
        const keep = context.options.keepImages;
        const text = policyText(keep);
        const edit = policy
          ? insertCfnMapProperty(context.text, context.lines, resource, policy, { key: 'LifecyclePolicyText', value: text })
          : insertCfnProperty(context.text, context.lines, resource, { key: 'LifecyclePolicy', value: { LifecyclePolicyText: text } });
        context.report({
          start: resource.keyStart,
          end: resource.keyEnd,
          messageId: 'noLifecycle',
          data: { name: resource.logicalId },
          fix: edit ? { title: `Add a lifecycle policy keeping the last ${keep} images`, applicability: 'unsafe', edits: [edit] } : undefined,
        });
      },
    };
  },
});

function policyText(keep: number): CfnText {
  const description = `Keep the last ${keep} images`;
  const selection = { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: keep };
  const action = { type: 'expire' };
  const rule = { rulePriority: 1, description, selection, action };
  const block = [
    '{',
    '  "rules": [',
    '    {',
    '      "rulePriority": 1,',
    `      "description": ${JSON.stringify(description)},`,
    `      "selection": { "tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": ${keep} },`,
    '      "action": { "type": "expire" }',
    '    }',
    '  ]',
    '}',
  ].join('\n');
  return new CfnText(block, JSON.stringify({ rules: [rule] }));
}
