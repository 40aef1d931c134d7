import { defineRule } from '../core/defineRule';
import type { Effect } from '../core/types';
import { renderResourceIntent } from '../model/edit/resourceEdits';
import { visitResources } from '../model/resources';

/** Stored objects are billed by the GB-month in their class: tiering or expiry bounds that; the code does not say how many GB. */
const retention: Effect = { kind: 'retention' };

export const s3NoLifecycle = defineRule({
  id: 'SML101',
  name: 's3-no-lifecycle',
  meta: {
    category: 'data',
    defaultSeverity: 'warning',
    formats: ['cfn', 'tf', 'cdk'],
    description: 'S3 bucket without lifecycle rules that tier or expire its objects',
    messages: {
      noLifecycle:
        'Bucket {{name}} has no lifecycle rules: every object and every old version stays in its storage class, billed each month for as long as it exists (S3 Standard ≈ $0.023/GB-month in us-east-1). Add a rule that tiers or expires data.',
      noStorageAction:
        'Bucket {{name}} has lifecycle rules, but no enabled rule expires or transitions objects: stored data is still kept and billed in its storage class indefinitely. Add an expiration or a transition.',
    },
    fixes: ['unsafe'],
    wellArchitected: ['MLSUS03-BP02', 'MLSUS04-BP03'],
    options: {
      transitionDays: { type: 'integer', default: 0, minimum: 0, description: 'Days after creation at which the quick fix moves objects to S3 Intelligent-Tiering.' },
      noncurrentDays: { type: 'integer', default: 30, minimum: 1, description: 'Days after which the quick fix expires noncurrent object versions.' },
    },
  },
  create(context) {
    const { transitionDays, noncurrentDays } = context.options;
    return visitResources({
      s3Bucket(bucket) {
        // Intelligent-Tiering archive configurations: the team already manages tiering for objects stored in that class.
        if (bucket.tiering && bucket.tiering !== 'ineffective') return;
        const data = { name: bucket.name };
        if (bucket.lifecycle === 'ineffective') context.report({ ...bucket.anchor, messageId: 'noStorageAction', data, effect: retention });
        if (bucket.lifecycle) return;
        const fix = renderResourceIntent({ kind: 'add-linked-record', link: 'bucket-lifecycle', record: bucket, transitionDays, noncurrentDays }, context);
        context.report({ ...bucket.anchor, messageId: 'noLifecycle', data, fix, effect: retention });
      },
    });
  },
});
