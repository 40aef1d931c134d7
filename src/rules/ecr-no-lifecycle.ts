import { defineRule } from '../core/defineRule';
import type { Effect } from '../core/types';
import { renderResourceIntent } from '../model/edit/resourceEdits';
import { visitResources } from '../model/resources';

/** Stored images are billed by the GB-month: a policy that expires old ones bounds that; the code does not say how many GB. */
const retention: Effect = { kind: 'retention' };

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
    return visitResources({
      ecrRepository(repository) {
        if (repository.lifecyclePolicy && repository.lifecyclePolicy !== 'ineffective') return;
        const fix = renderResourceIntent({ kind: 'add-linked-record', link: 'repository-lifecycle-policy', record: repository, keepImages: context.options.keepImages }, context);
        context.report({ ...repository.anchor, messageId: 'noLifecycle', data: { name: repository.name }, fix, effect: retention });
      },
    });
  },
});
