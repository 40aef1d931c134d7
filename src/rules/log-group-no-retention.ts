import { extended } from '../core/objects';
import { defineRule } from '../core/defineRule';
import type { Effect } from '../core/types';
import { renderResourceIntent, retentionKey } from '../model/edit/resourceEdits';
import { onEveryBranch } from '../model/field';
import { cloudWatchRetentionDays, visitResources } from '../model/resources';

/** Stored log events are billed by the GB-month: a retention period bounds them; the code does not say how many GB. */
const retention: Effect = { kind: 'retention' };

export const logGroupNoRetention = defineRule({
  id: 'SML401',
  name: 'log-group-no-retention',
  meta: {
    category: 'ops',
    defaultSeverity: 'warning',
    formats: ['cfn', 'tf', 'cdk'],
    description: 'CloudWatch log group that keeps its logs forever',
    messages: {
      noRetention:
        'Log group {{name}} keeps its logs forever: without RetentionInDays every GB stays stored and billed each month (≈ $0.03/GB-month in us-east-1). Set a retention period.',
      noRetentionTf:
        'Log group {{name}} keeps its logs forever: without retention_in_days every GB stays stored and billed each month (≈ $0.03/GB-month in us-east-1). Set a retention period.',
      noRetentionCdk:
        'Log group {{name}} keeps its logs forever: without {{property}} every GB stays stored and billed each month (≈ $0.03/GB-month in us-east-1). Set a retention period.',
      infiniteRetention:
        'Log group {{name}} sets its retention to RetentionDays.INFINITE, which never expires: every GB stays stored and billed each month (≈ $0.03/GB-month in us-east-1). Set a retention period.',
      zeroRetention:
        'Log group {{name}} sets retention_in_days = 0, which means never expire: every GB stays stored and billed each month (≈ $0.03/GB-month in us-east-1). Set a retention period.',
      retentionAboveMaximum:
        'Log group {{name}} keeps its logs {{days}} days, longer than the {{max}} days accepted (maxRetentionDays): every GB stays stored and billed each month that long (≈ $0.03/GB-month in us-east-1). Shorten the retention period.',
    },
    fixes: ['safe', 'unsafe'],
    wellArchitected: ['MLSUS04-BP03'],
    options: {
      retentionDays: { type: 'integer', default: 30, oneOf: cloudWatchRetentionDays, description: 'Retention period, in days, that the quick fix inserts.' },
      maxRetentionDays: {
        type: 'integer',
        default: 0,
        oneOf: [0, ...cloudWatchRetentionDays],
        description: 'Longest retention period accepted, in days; a longer literal retention is flagged. 0 (the default) accepts any finite retention.',
      },
    },
  },
  create(context) {
    const max = context.options.maxRetentionDays;
    // What the fixes set: the configured retention, never above the maximum (or the fix would be flagged again).
    const days = max > 0 ? Math.min(context.options.retentionDays, max) : context.options.retentionDays;
    return visitResources({
      logGroup(record) {
        const finding = onEveryBranch(record, (group): Parameters<typeof context.report>[0] | undefined => {
          const written = group.retention;
          const data = { name: group.name };
          if (!written) {
            if (group.defaultRetention !== 'never') return undefined;
            const property = group.format === 'cdk' ? retentionKey(group) : undefined;
            const messageId = group.format === 'tf' ? 'noRetentionTf' : group.format === 'cdk' ? 'noRetentionCdk' : 'noRetention';
            const fix = renderResourceIntent({ kind: 'add-field', field: 'retention', record: group, days }, context);
            return { start: group.anchor.start, end: group.anchor.end, messageId, data: property ? extended(data, { property }) : data, fix, effect: retention };
          }
          if (!written.known) return undefined;
          if (written.value === 'never') {
            const fix = renderResourceIntent({ kind: 'set-field', field: 'retention', record: group, target: written, days, verb: 'Set', applicability: 'safe' }, context);
            return { ...written.anchor, messageId: group.format === 'tf' ? 'zeroRetention' : 'infiniteRetention', data, fix, effect: retention };
          }
          if (max > 0 && written.value > max) {
            // Unsafe: a shorter retention deletes the older log events when it is applied.
            const fix = renderResourceIntent({ kind: 'set-field', field: 'retention', record: group, target: written, days, verb: 'Lower', applicability: 'unsafe' }, context);
            return { ...written.anchor, messageId: 'retentionAboveMaximum', data: { ...data, days: String(written.value), max: String(max) }, fix, effect: retention };
          }
          return undefined;
        });
        if (finding) context.report(finding);
      },
    });
  },
});
