import type { LineIndex } from '../../core/lineIndex';
import type { Applicability, Edit, Fix } from '../../core/types';
import { spell } from '../../parsers/cdk/model';
import type { CfnEntry, CfnMap } from '../../parsers/cloudformation';
import { getEntry, getMapValue } from '../../parsers/cloudformation';
import type { KnownField } from '../field';
import type { EcrRepositoryRecord, LogGroupRecord, NotebookInstanceRecord, S3BucketRecord, StudioDomainRecord } from '../resourceRecords';
import { insertCdkProp } from './cdkEdits';
import type { PropertyText } from './cfnEdits';
import { insertCfnMapProperty, insertCfnProperty } from './cfnEdits';
import type { CfnSnippet } from './cfnSnippet';
import { CfnText } from './cfnSnippet';
import { appendTfBlocks, insertTfAttribute, tfIndentUnit } from './tfEdits';
import { freshResourceName, isRepeated } from './tfPartners';

/**
 * The fix intents of resource records (add a linked record, add a field, set a field), rendered
 * in the record's format: CloudFormation YAML or JSON in the file's layout, Terraform blocks,
 * CDK props in TypeScript or Python. A format that cannot make the change here renders a fix
 * with no edits (the title says what to do) or none.
 */

export interface EditDocument {
  text: string;
  lines: LineIndex;
}

export type ResourceIntent =
  /** A lifecycle configuration that tiers to Intelligent-Tiering and expires noncurrent versions. */
  | { kind: 'add-linked-record'; link: 'bucket-lifecycle'; record: S3BucketRecord; transitionDays: number; noncurrentDays: number }
  /** A lifecycle policy that keeps the most recent images. */
  | { kind: 'add-linked-record'; link: 'repository-lifecycle-policy'; record: EcrRepositoryRecord; keepImages: number }
  /** A lifecycle configuration that stops the notebook instance when idle (its script is the user's: described, not written). */
  | { kind: 'add-linked-record'; link: 'notebook-lifecycle-config'; record: NotebookInstanceRecord }
  | { kind: 'add-field'; field: 'retention'; record: LogGroupRecord; days: number }
  | { kind: 'add-field'; field: 'idle-settings'; record: StudioDomainRecord; idleTimeoutMinutes: number }
  /** `verb` words the title: `Set` a value, `Lower` a limit. */
  | { kind: 'set-field'; field: 'retention'; record: LogGroupRecord; target: KnownField<number | 'never'>; days: number; verb: 'Set' | 'Lower'; applicability: Applicability }
  | { kind: 'set-field'; field: 'lifecycle-management'; record: StudioDomainRecord; target: KnownField<string>; value: string };

/** The CDK `logs.RetentionDays` member for each retention period CloudWatch Logs accepts. */
export const retentionMembers: Readonly<Record<number, string>> = {
  1: 'ONE_DAY', 3: 'THREE_DAYS', 5: 'FIVE_DAYS', 7: 'ONE_WEEK', 14: 'TWO_WEEKS', 30: 'ONE_MONTH', 60: 'TWO_MONTHS', 90: 'THREE_MONTHS',
  120: 'FOUR_MONTHS', 150: 'FIVE_MONTHS', 180: 'SIX_MONTHS', 365: 'ONE_YEAR', 400: 'THIRTEEN_MONTHS', 545: 'EIGHTEEN_MONTHS', 731: 'TWO_YEARS',
  1096: 'THREE_YEARS', 1827: 'FIVE_YEARS', 2192: 'SIX_YEARS', 2557: 'SEVEN_YEARS', 2922: 'EIGHT_YEARS', 3288: 'NINE_YEARS', 3653: 'TEN_YEARS',
};

/** The CDK `RetentionDays` member of a number of days; undefined for a period CloudWatch does not accept. */
export function retentionDaysMember(days: number): string | undefined {
  return retentionMembers[days];
}

/** The edit that writes `value` over a literal field; undefined when the field has no literal source. */
export function replaceLiteral(field: KnownField<unknown>, value: string, text: string): Edit | undefined {
  const source = field.source;
  if (source?.format !== 'literal') return undefined;
  let written = value;
  if (source.spelling === 'retention-days-member') {
    // The member's name right after the enum's dot, as the adapter found it.
    if (text[source.start - 1] !== '.' || !/^[A-Z_]+$/.test(text.slice(source.start, source.end))) return undefined;
    const member = retentionDaysMember(Number(value));
    if (!member) return undefined;
    written = member;
  }
  return { start: source.start, end: source.end, text: `${source.quote}${written}${source.quote}` };
}

const fix = (title: string, applicability: Applicability, edits: Edit[] | undefined): Fix | undefined => (edits && edits.length ? { title, applicability, edits } : undefined);
const described = (title: string): Fix => ({ title, applicability: 'displayOnly', edits: [] });

/** How the record's format spells the retention field, for messages and fix titles; undefined for the CDK `LogGroup`, which takes a `RetentionDays` member. */
export function retentionKey(record: LogGroupRecord): string | undefined {
  const source = record.source;
  if (source.format === 'cfn') return 'RetentionInDays';
  if (source.format === 'tf') return 'retention_in_days';
  if (source.construct.type !== 'aws_logs.CfnLogGroup') return undefined;
  return source.construct.language === 'python' ? 'retention_in_days' : 'retentionInDays';
}

/** The Studio idle-shutdown path as the record's format writes it, for messages and titles. */
export function idleSettingsPath(record: StudioDomainRecord): string {
  const source = record.source;
  if (source.format === 'tf') return 'default_user_settings > jupyter_lab_app_settings > app_lifecycle_management > idle_settings';
  const path = ['defaultUserSettings', 'jupyterLabAppSettings', 'appLifecycleManagement', 'idleSettings'];
  if (source.format === 'cfn') return path.map((k) => k[0].toUpperCase() + k.slice(1)).join('.');
  return path.map((k) => (source.construct.language === 'python' ? k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) : k)).join(' > ');
}

/** The fix of an intent in the record's format; undefined when the format cannot make it here. */
export function renderResourceIntent(intent: ResourceIntent, doc: EditDocument): Fix | undefined {
  switch (intent.kind) {
    case 'add-linked-record':
      if (intent.link === 'bucket-lifecycle') return bucketLifecycle(intent.record, intent.transitionDays, intent.noncurrentDays, doc);
      if (intent.link === 'repository-lifecycle-policy') return repositoryPolicy(intent.record, intent.keepImages, doc);
      return notebookLifecycleConfig(intent.record);
    case 'add-field':
      return intent.field === 'retention' ? addRetention(intent.record, intent.days, doc) : addIdleSettings(intent.record, intent.idleTimeoutMinutes, doc);
    case 'set-field': {
      if (intent.field === 'lifecycle-management') {
        const key = intent.record.format === 'cfn' ? 'LifecycleManagement' : intent.record.format === 'tf' ? 'lifecycle_management' : 'lifecycleManagement';
        const edit = replaceLiteral(intent.target, intent.value, doc.text);
        return fix(`Set ${key} to ${intent.value}`, 'unsafe', edit && [edit]);
      }
      const edit = replaceLiteral(intent.target, String(intent.days), doc.text);
      const key = retentionKey(intent.record);
      const title = key ? `${intent.verb} ${key} to ${intent.days} days` : `${intent.verb} the retention to RetentionDays.${retentionDaysMember(intent.days)}`;
      return fix(title, intent.applicability, edit && [edit]);
    }
  }
}

function addRetention(record: LogGroupRecord, days: number, doc: EditDocument): Fix | undefined {
  const source = record.source;
  const title = `Set ${retentionKey(record) ?? 'the retention'} to ${days} days`;
  if (source.format === 'cfn') {
    const edit = insertCfnProperty(doc.text, doc.lines, source.resource, { key: 'RetentionInDays', yaml: String(days), json: String(days) });
    return fix(title, 'safe', edit && [edit]);
  }
  if (source.format === 'tf') return fix(title, 'safe', [insertTfAttribute(doc.text, doc.lines, source.resource.block, 'retention_in_days', String(days))]);
  return fix(title, 'safe', insertCdkProp(doc.text, source.construct, { typescript: `retentionInDays: ${days}`, python: `retention_in_days=${days}` }));
}

/** `a: { b: { c: leaf } }` for the keys `[a, b, c]`. */
function nested(keys: readonly string[], leaf: CfnSnippet): PropertyText {
  let value = leaf;
  for (let i = keys.length - 1; i > 0; i--) value = { [keys[i]]: value };
  return { key: keys[0], value };
}

function addIdleSettings(record: StudioDomainRecord, minutes: number, doc: EditDocument): Fix | undefined {
  const source = record.source;
  if (source.format === 'tf') return described(`Add ${idleSettingsPath(record)} with lifecycle_management = "ENABLED" (see the rule page)`);
  if (source.format === 'cdk') return described(`Set ${idleSettingsPath(record)} with lifecycleManagement ENABLED (see the rule page)`);
  const path = ['DefaultUserSettings', 'JupyterLabAppSettings', 'AppLifecycleManagement', 'IdleSettings'];
  const properties = getEntry(source.resource.node, 'Properties');
  // Down the path as far as it is written; the rest is inserted below the last level found.
  let map: CfnMap | undefined = properties ? getMapValue(properties.value) : undefined;
  let parent: CfnEntry | undefined;
  let depth = 0;
  for (; map && depth < path.length; depth++) {
    const entry = getEntry(map, path[depth]);
    if (!entry) break;
    parent = entry;
    map = getMapValue(entry.value);
  }
  const property = nested(path.slice(depth), { LifecycleManagement: 'ENABLED', IdleTimeoutInMinutes: minutes });
  const edit = parent ? insertCfnMapProperty(doc.text, doc.lines, source.resource, parent, property) : insertCfnProperty(doc.text, doc.lines, source.resource, property);
  return fix(`Turn on idle shutdown for Studio JupyterLab apps after ${minutes} minutes`, 'unsafe', edit && [edit]);
}

function notebookLifecycleConfig(record: NotebookInstanceRecord): Fix {
  const what = { cfn: 'an AWS::SageMaker::NotebookInstanceLifecycleConfig whose OnStart', tf: 'an aws_sagemaker_notebook_instance_lifecycle_configuration whose on_start', cdk: 'a sagemaker.CfnNotebookInstanceLifecycleConfig whose onStart', py: 'a notebook instance lifecycle configuration whose OnStart' }[record.format];
  return described(`Attach ${what} script stops the instance when idle (see the rule page)`);
}

function bucketLifecycle(record: S3BucketRecord, transitionDays: number, noncurrentDays: number, doc: EditDocument): Fix | undefined {
  const source = record.source;
  const what = `Intelligent-Tiering after ${transitionDays} days, expire noncurrent versions after ${noncurrentDays} days`;
  const title = `Add a lifecycle rule: ${what}`;
  const id = 'IntelligentTieringAndNoncurrentExpiry';
  if (source.format === 'cfn') {
    const edit = insertCfnProperty(doc.text, doc.lines, source.resource, {
      key: 'LifecycleConfiguration',
      value: { Rules: [{ Id: id, Status: 'Enabled', Transitions: [{ StorageClass: 'INTELLIGENT_TIERING', TransitionInDays: transitionDays }], NoncurrentVersionExpiration: { NoncurrentDays: noncurrentDays } }] },
    });
    return fix(title, 'unsafe', edit && [edit]);
  }
  if (source.format === 'tf') {
    const bucket = source.resource;
    // A bucket created with count/for_each needs a configuration per instance: left to the author.
    if (isRepeated(bucket)) return undefined;
    const name = freshResourceName(source.module, 'aws_s3_bucket_lifecycle_configuration', bucket.name);
    const body = [
      `resource "aws_s3_bucket_lifecycle_configuration" "${name}" {`,
      `\tbucket = aws_s3_bucket.${bucket.name}.id`,
      '',
      '\trule {',
      '\t\tid     = "intelligent-tiering-and-noncurrent-expiry"',
      '\t\tstatus = "Enabled"',
      '',
      '\t\tfilter {}',
      '',
      '\t\ttransition {',
      `\t\t\tdays          = ${transitionDays}`,
      '\t\t\tstorage_class = "INTELLIGENT_TIERING"',
      '\t\t}',
      '',
      '\t\tnoncurrent_version_expiration {',
      `\t\t\tnoncurrent_days = ${noncurrentDays}`,
      '\t\t}',
      '\t}',
      '}',
    ];
    return fix(`Add an aws_s3_bucket_lifecycle_configuration: ${what}`, 'unsafe', [appendTfBlocks(doc.lines, bucket.block, body, tfIndentUnit(doc.lines, bucket.block))]);
  }
  const { construct, app } = source;
  if (construct.type === 'aws_s3.Bucket') {
    const duration = spell(app, 'Duration');
    const s3 = (name: string) => spell(app, `aws_s3.${name}`);
    const storageClass = s3('StorageClass.INTELLIGENT_TIERING');
    const [rule, transition] = [s3('LifecycleRule'), s3('Transition')];
    // The rule needs Duration and the S3 module under names the file already has.
    if (!duration || !storageClass || !rule || !transition) return undefined;
    return fix(
      title,
      'unsafe',
      insertCdkProp(doc.text, construct, {
        typescript: `lifecycleRules: [{ transitions: [{ storageClass: ${storageClass}, transitionAfter: ${duration}.days(${transitionDays}) }], noncurrentVersionExpiration: ${duration}.days(${noncurrentDays}) }]`,
        python: `lifecycle_rules=[${rule}(transitions=[${transition}(storage_class=${storageClass}, transition_after=${duration}.days(${transitionDays}))], noncurrent_version_expiration=${duration}.days(${noncurrentDays}))]`,
      }),
    );
  }
  const cfnBucket = spell(app, 'aws_s3.CfnBucket');
  if (construct.language === 'python' && !cfnBucket) return undefined;
  return fix(
    title,
    'unsafe',
    insertCdkProp(doc.text, construct, {
      typescript: `lifecycleConfiguration: { rules: [{ id: '${id}', status: 'Enabled', transitions: [{ storageClass: 'INTELLIGENT_TIERING', transitionInDays: ${transitionDays} }], noncurrentVersionExpiration: { noncurrentDays: ${noncurrentDays} } }] }`,
      python: `lifecycle_configuration=${cfnBucket}.LifecycleConfigurationProperty(rules=[${cfnBucket}.RuleProperty(id="${id}", status="Enabled", transitions=[${cfnBucket}.TransitionProperty(storage_class="INTELLIGENT_TIERING", transition_in_days=${transitionDays})], noncurrent_version_expiration=${cfnBucket}.NoncurrentVersionExpirationProperty(noncurrent_days=${noncurrentDays}))])`,
    }),
  );
}

function policyText(keep: number): CfnText {
  const description = `Keep the last ${keep} images`;
  const rule = { rulePriority: 1, description, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: keep }, action: { type: 'expire' } };
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
const quoteTs = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function repositoryPolicy(record: EcrRepositoryRecord, keep: number, doc: EditDocument): Fix | undefined {
  const source = record.source;
  const title = `Add a lifecycle policy keeping the last ${keep} images`;
  if (source.format === 'cfn') {
    const { resource } = source;
    const properties = getEntry(resource.node, 'Properties');
    const map = properties && getMapValue(properties.value);
    const policy = map && getEntry(map, 'LifecyclePolicy');
    const text = policyText(keep);
    const edit = policy
      ? insertCfnMapProperty(doc.text, doc.lines, resource, policy, { key: 'LifecyclePolicyText', value: text })
      : insertCfnProperty(doc.text, doc.lines, resource, { key: 'LifecyclePolicy', value: { LifecyclePolicyText: text } });
    return fix(title, 'unsafe', edit && [edit]);
  }
  if (source.format === 'tf') {
    const repository = source.resource;
    if (isRepeated(repository)) return undefined;
    const name = freshResourceName(source.module, 'aws_ecr_lifecycle_policy', repository.name);
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
    return fix(`Add an aws_ecr_lifecycle_policy keeping the last ${keep} images`, 'unsafe', [appendTfBlocks(doc.lines, repository.block, body, tfIndentUnit(doc.lines, repository.block))]);
  }
  const { construct, app } = source;
  if (construct.type === 'aws_ecr.Repository') {
    // Rules written but empty: the author's list to fill.
    if (record.lifecyclePolicy === 'ineffective') return undefined;
    const rule = spell(app, 'aws_ecr.LifecycleRule');
    if (construct.language === 'python' && !rule) return undefined;
    return fix(title, 'unsafe', insertCdkProp(doc.text, construct, { typescript: `lifecycleRules: [{ maxImageCount: ${keep} }]`, python: `lifecycle_rules=[${rule}(max_image_count=${keep})]` }));
  }
  const compact = policyText(keep).compact;
  const property = spell(app, 'aws_ecr.CfnRepository.LifecyclePolicyProperty');
  if (construct.language === 'python' && !property) return undefined;
  return fix(
    title,
    'unsafe',
    insertCdkProp(doc.text, construct, { typescript: `lifecyclePolicy: { lifecyclePolicyText: ${quoteTs(compact)} }`, python: `lifecycle_policy=${property}(lifecycle_policy_text=${JSON.stringify(compact)})` }),
  );
}

