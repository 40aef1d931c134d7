import { defineRule } from '../core/defineRule';
import { getEntry, getMapValue } from '../parsers/cloudformation';
import type { TfModule } from '../parsers/terraform';
import { listResources } from '../parsers/terraform';
import { insertCfnMapProperty, insertCfnProperty } from '../model/edit/cfnEdits';
import { getPropertiesFact } from '../model/read/cfnFacts';
import { CfnText } from '../model/edit/cfnSnippet';
import { appendTfBlocks, headerRange, tfIndentUnit } from '../model/edit/tfEdits';
import { freshResourceName, isRepeated, partnerCoverage } from '../model/edit/tfPartners';
import { getProp, spell } from '../parsers/cdk/model';
import { constructName, constructRange, insertCdkProp } from '../model/edit/cdkEdits';
import { constructsWithout } from '../model/read/cdkFacts';

export const ecrNoLifecycle = defineRule({
  id: 'SML102',
  name: 'ecr-no-lifecycle',
  meta: {
    category: 'data',
    defaultSeverity: 'warning',
    formats: ['cfn', 'tf', 'cdk'],
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
      cdkApp(app) {
        const keep = context.options.keepImages;
        const title = `Add a lifecycle policy keeping the last ${keep} images`;
        for (const repository of constructsWithout(app, 'aws_ecr.Repository', 'addLifecycleRule')) {
          const rules = getProp(repository.props, 'lifecycleRules');
          // Rules given (even as a variable): the repository manages its images.
          if (rules && !(rules.value.kind === 'array' && !rules.value.open && rules.value.items.length === 0)) continue;
          const rule = spell(app, 'aws_ecr.LifecycleRule');
          const edits = rules
            ? undefined
            : insertCdkProp(context.text, repository, { typescript: `lifecycleRules: [{ maxImageCount: ${keep} }]`, python: rule ? `lifecycle_rules=[${rule}(max_image_count=${keep})]` : '' });
          const usable = edits && (repository.language === 'typescript' || rule);
          context.report({ ...constructRange(repository), messageId: 'noLifecycle', data: { name: constructName(repository) }, fix: usable ? { title, applicability: 'unsafe', edits } : undefined });
        }
        for (const repository of constructsWithout(app, 'aws_ecr.CfnRepository', 'addLifecycleRule')) {
          if (getProp(repository.props, 'lifecyclePolicy')) continue;
          const compact = policyText(keep).compact;
          const policy = JSON.stringify(compact);
          const property = spell(app, 'aws_ecr.CfnRepository.LifecyclePolicyProperty');
          const edits = insertCdkProp(context.text, repository, {
            typescript: `lifecyclePolicy: { lifecyclePolicyText: ${quoteTs(compact)} }`,
            python: property ? `lifecycle_policy=${property}(lifecycle_policy_text=${policy})` : '',
          });
          const usable = edits && (repository.language === 'typescript' || property);
          context.report({ ...constructRange(repository), messageId: 'noLifecycle', data: { name: constructName(repository) }, fix: usable ? { title, applicability: 'unsafe', edits } : undefined });
        }
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

/** A TypeScript single-quoted string literal. */
function quoteTs(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
