import { defineRule } from '../core/defineRule';
import { getEntry, getMapValue } from '../parsers/cloudformation';
import type { TfModule } from '../parsers/terraform';
import { listResources } from '../parsers/terraform';
import { insertCfnMapProperty, insertCfnProperty } from './utils/cfnEdits';
import { getPropertiesFact } from './utils/cfnFacts';
import { CfnText } from './utils/cfnSnippet';
import { appendTfBlocks, headerRange, tfIndentUnit } from './utils/tfEdits';
import { freshResourceName, isRepeated, partnerCoverage } from './utils/tfPartners';

export const ecrNoLifecycle = defineRule({
  id: 'SML102',
  name: 'ecr-no-lifecycle',
  meta: {
    category: 'data',
    defaultSeverity: 'warning',
    formats: ['cfn', 'tf'],
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
    let tfModule: TfModule | undefined;
    return {
      tfModule(m) {
        tfModule = m;
      },
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
      tfFile(file) {
        if (!tfModule) return;
        const covered = partnerCoverage(tfModule, 'aws_ecr_repository', 'aws_ecr_lifecycle_policy', 'repository', 'name');
        if (!covered) return;
        const keep = context.options.keepImages;
        for (const repository of listResources(file).filter((r) => r.type === 'aws_ecr_repository' && !r.block.hasError)) {
          if (covered(repository)) continue;
          const name = freshResourceName(tfModule, 'aws_ecr_lifecycle_policy', repository.name);
          const body = [
            `resource "aws_ecr_lifecycle_policy" "${name}" {`,
            `\trepository = aws_ecr_repository.${repository.name}.name`,
            '',
            '\tpolicy = jsonencode({',
            '\t\trules = [{',
            '\t\t\trulePriority = 1',
            `\t\t\tdescription  = "Keep the last ${keep} images"`,
            '\t\t\tselection = {',
            '\t\t\t\ttagStatus   = "any"',
            '\t\t\t\tcountType   = "imageCountMoreThan"',
            `\t\t\t\tcountNumber = ${keep}`,
            '\t\t\t}',
            '\t\t\taction = { type = "expire" }',
            '\t\t}]',
            '\t})',
            '}',
          ];
          context.report({
            ...headerRange(repository.block),
            messageId: 'noLifecycle',
            data: { name: `aws_ecr_repository.${repository.name}` },
            fix: isRepeated(repository)
              ? undefined
              : { title: `Add an aws_ecr_lifecycle_policy keeping the last ${keep} images`, applicability: 'unsafe', edits: [appendTfBlocks(context.lines, repository.block, body, tfIndentUnit(context.lines, repository.block))] },
          });
        }
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
