import { defineRule } from '../core/defineRule';
import type { Edit } from '../core/types';
import { getEntry, resolveScalar } from '../parsers/cloudformation';
import { getAttribute, resolveLiteral } from '../parsers/terraform';
import { insertCfnProperty } from '../model/edit/cfnEdits';
import { headerRange, insertTfAttribute } from '../model/edit/tfEdits';
import { getProp, propsKnown } from '../parsers/cdk/model';
import { constructName, constructRange, insertCdkProp } from '../model/edit/cdkEdits';

/** The values CloudWatch Logs accepts for a retention period, in days. */
export const cloudWatchRetentionDays = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

/** The CDK `logs.RetentionDays` member for each accepted retention period. */
export const retentionDaysMembers: Record<(typeof cloudWatchRetentionDays)[number], string> = {
  1: 'ONE_DAY',
  3: 'THREE_DAYS',
  5: 'FIVE_DAYS',
  7: 'ONE_WEEK',
  14: 'TWO_WEEKS',
  30: 'ONE_MONTH',
  60: 'TWO_MONTHS',
  90: 'THREE_MONTHS',
  120: 'FOUR_MONTHS',
  150: 'FIVE_MONTHS',
  180: 'SIX_MONTHS',
  365: 'ONE_YEAR',
  400: 'THIRTEEN_MONTHS',
  545: 'EIGHTEEN_MONTHS',
  731: 'TWO_YEARS',
  1096: 'THREE_YEARS',
  1827: 'FIVE_YEARS',
  2192: 'SIX_YEARS',
  2557: 'SEVEN_YEARS',
  2922: 'EIGHT_YEARS',
  3288: 'NINE_YEARS',
  3653: 'TEN_YEARS',
};

/** The days of each CDK `logs.RetentionDays` member (`TEN_YEARS` → 3653); `INFINITE` is not in it. */
const membersDays: ReadonlyMap<string, number> = new Map(Object.entries(retentionDaysMembers).map(([days, member]) => [member, Number(days)]));

/** A retention written as a number or a numeric string (`3653`, `"3653"`), else undefined. */
function asDays(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

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
      retentionDays: {
        type: 'integer',
        default: 30,
        oneOf: cloudWatchRetentionDays,
        description: 'Retention period, in days, that the quick fix inserts.',
      },
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
    const fixDays = max > 0 ? Math.min(context.options.retentionDays, max) : context.options.retentionDays;
    const tooLong = (days: number | undefined): days is number => days !== undefined && max > 0 && days > max;
    const aboveMaximum = (name: string, range: { start: number; end: number }, days: number, title: string, edits: Edit[] | undefined) =>
      context.report({
        ...range,
        messageId: 'retentionAboveMaximum',
        data: { name, days: String(days), max: String(max) },
        // Unsafe: a shorter retention deletes the older log events when it is applied.
        fix: edits ? { title, applicability: 'unsafe', edits } : undefined,
      });
    return {
      cfnResource(resource) {
        if (resource.type !== 'AWS::Logs::LogGroup') return;
        const properties = getEntry(resource.node, 'Properties');
        if (properties) {
          const value = properties.value;
          // `Properties: !If [...]` and the like: we cannot tell, so we stay silent.
          if (value.kind !== 'map' && !(value.kind === 'scalar' && value.value === null)) return;
          if (value.kind === 'map' && value.intrinsic) return;
          const retention = value.kind === 'map' ? getEntry(value, 'RetentionInDays') : undefined;
          if (retention) {
            const written = asDays(resolveScalar(resource.template, retention.value));
            if (!tooLong(written)) return;
            const literal = retention.value.kind === 'scalar' && !retention.value.intrinsic;
            aboveMaximum(
              resource.logicalId,
              { start: retention.keyStart, end: retention.value.end },
              written,
              `Lower RetentionInDays to ${fixDays} days`,
              literal ? [{ start: retention.value.start, end: retention.value.end, text: String(fixDays) }] : undefined,
            );
            return;
          }
        }
        const days = fixDays;
        const edit = insertCfnProperty(context.text, context.lines, resource, { key: 'RetentionInDays', yaml: String(days), json: String(days) });
        context.report({
          start: resource.keyStart,
          end: resource.keyEnd,
          messageId: 'noRetention',
          data: { name: resource.logicalId },
          fix: edit ? { title: `Set RetentionInDays to ${days} days`, applicability: 'safe', edits: [edit] } : undefined,
        });
      },
      cdkConstruct(construct) {
        const days = fixDays;
        if (construct.type === 'aws_logs.CfnLogGroup') {
          // L1: the CloudFormation resource, whose default is never expire.
          const python = construct.language === 'python';
          const given = getProp(construct.props, 'retentionInDays');
          if (given) {
            const written = given.value.kind === 'number' ? given.value.value : undefined;
            if (!tooLong(written)) return;
            const key = python ? 'retention_in_days' : 'retentionInDays';
            aboveMaximum(
              constructName(construct),
              { start: given.start, end: given.end },
              written,
              `Lower ${key} to ${fixDays} days`,
              given.value.indirect ? undefined : [{ start: given.value.start, end: given.value.end, text: String(fixDays) }],
            );
            return;
          }
          if (!propsKnown(construct)) return;
          const edits = insertCdkProp(context.text, construct, { typescript: `retentionInDays: ${days}`, python: `retention_in_days=${days}` });
          context.report({
            ...constructRange(construct),
            messageId: 'noRetentionCdk',
            data: { name: constructName(construct), property: python ? 'retention_in_days' : 'retentionInDays' },
            fix: edits ? { title: `Set ${python ? 'retention_in_days' : 'retentionInDays'} to ${days} days`, applicability: 'safe', edits } : undefined,
          });
        } else if (construct.type === 'aws_logs.LogGroup') {
          // L2: without `retention` the construct keeps logs two years, which is a retention: silent.
          const retention = getProp(construct.props, 'retention');
          if (retention?.value.kind !== 'name' || !retention.value.name.startsWith('aws_logs.RetentionDays.')) return;
          const written = context.text.slice(retention.value.start, retention.value.end);
          const member = retentionDaysMembers[days as keyof typeof retentionDaysMembers];
          if (retention.value.name !== 'aws_logs.RetentionDays.INFINITE') {
            const current = retention.value.name.slice('aws_logs.RetentionDays.'.length);
            const writtenDays = membersDays.get(current);
            if (!tooLong(writtenDays)) return;
            const lowered = written.endsWith(current) ? `${written.slice(0, -current.length)}${member}` : written;
            aboveMaximum(
              constructName(construct),
              { start: retention.start, end: retention.end },
              writtenDays,
              `Lower the retention to RetentionDays.${member}`,
              !retention.value.indirect && member && lowered !== written ? [{ start: retention.value.start, end: retention.value.end, text: lowered }] : undefined,
            );
            return;
          }
          const replacement = written.replace(/INFINITE$/, member);
          context.report({
            start: retention.start,
            end: retention.end,
            messageId: 'infiniteRetention',
            data: { name: constructName(construct) },
            fix:
              !retention.value.indirect && member && replacement !== written
                ? { title: `Set the retention to RetentionDays.${member}`, applicability: 'safe', edits: [{ start: retention.value.start, end: retention.value.end, text: replacement }] }
                : undefined,
          });
        }
      },
      tfResource(resource) {
        if (resource.type !== 'aws_cloudwatch_log_group') return;
        const days = fixDays;
        const name = `aws_cloudwatch_log_group.${resource.name}`;
        const retention = getAttribute(resource.block, 'retention_in_days');
        if (retention) {
          const value = resolveLiteral(resource.file, retention.value);
          if (value !== 0 && value !== '0') {
            const written = asDays(value);
            if (!tooLong(written)) return;
            aboveMaximum(
              name,
              { start: retention.start, end: retention.end },
              written,
              `Lower retention_in_days to ${fixDays} days`,
              retention.value.kind === 'literal' ? [{ start: retention.value.start, end: retention.value.end, text: String(fixDays) }] : undefined,
            );
            return;
          }
          const edit = { start: retention.value.start, end: retention.value.end, text: String(days) };
          context.report({
            start: retention.start,
            end: retention.end,
            messageId: 'zeroRetention',
            data: { name },
            fix: retention.value.kind === 'literal' ? { title: `Set retention_in_days to ${days} days`, applicability: 'safe', edits: [edit] } : undefined,
          });
          return;
        }
        context.report({
          ...headerRange(resource.block),
          messageId: 'noRetentionTf',
          data: { name },
          fix: { title: `Set retention_in_days to ${days} days`, applicability: 'safe', edits: [insertTfAttribute(context.text, context.lines, resource.block, 'retention_in_days', String(days))] },
        });
      },
    };
  },
});
