import { defineRule } from '../core/defineRule';
import type { Edit, Fix } from '../core/types';
import type { CfnTemplate, CfnValue } from '../parsers/cloudformation';
import { getEntry, getMapValue, resolveScalar } from '../parsers/cloudformation';
import type { TfModule } from '../parsers/terraform';
import { getBlocks, listResources } from '../parsers/terraform';
import { insertCfnProperty } from '../model/edit/cfnEdits';
import { getPropertiesFact } from '../model/read/cfnFacts';
import { appendTfBlocks, headerRange, tfIndentUnit } from '../model/edit/tfEdits';
import { freshResourceName, isRepeated, partnerCoverage } from '../model/edit/tfPartners';
import type { CdkApp, CdkConstruct } from '../parsers/cdk/model';
import { getProp, spell } from '../parsers/cdk/model';
import { constructName, constructRange, insertCdkProp } from '../model/edit/cdkEdits';
import { constructsWithout, listVerdict } from '../model/read/cdkFacts';

/** Lifecycle actions that move or remove stored objects (AbortIncompleteMultipartUpload and delete-marker cleanup do not). */
const storageActions = [
  'ExpirationDate',
  'ExpirationInDays',
  'NoncurrentVersionExpiration',
  'NoncurrentVersionExpirationInDays',
  'NoncurrentVersionTransition',
  'NoncurrentVersionTransitions',
  'Transition',
  'Transitions',
];

type Verdict = 'effective' | 'ineffective' | 'unknown';

/** The same actions as props of a CDK `s3.LifecycleRule`. */
const cdkStorageActions = ['expiration', 'expirationDate', 'noncurrentVersionExpiration', 'noncurrentVersionTransitions', 'transitions'];

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
    let tfModule: TfModule | undefined;
    return {
      tfModule(m) {
        tfModule = m;
      },
      cfnResource(resource) {
        if (resource.type !== 'AWS::S3::Bucket') return;
        const properties = getPropertiesFact(resource);
        if (!properties.known) return;
        const tiering = properties.map && getEntry(properties.map, 'IntelligentTieringConfigurations');
        if (tiering && tieringVerdict(resource.template, tiering.value) !== 'ineffective') return;
        const lifecycle = properties.map && getEntry(properties.map, 'LifecycleConfiguration');
        const data = { name: resource.logicalId };
        if (lifecycle) {
          if (lifecycleVerdict(resource.template, lifecycle.value) !== 'ineffective') return;
          context.report({ start: resource.keyStart, end: resource.keyEnd, messageId: 'noStorageAction', data });
          return;
        }
        const { transitionDays, noncurrentDays } = context.options;
        const edit = insertCfnProperty(context.text, context.lines, resource, {
          key: 'LifecycleConfiguration',
          value: {
            Rules: [
              {
                Id: 'IntelligentTieringAndNoncurrentExpiry',
                Status: 'Enabled',
                Transitions: [{ StorageClass: 'INTELLIGENT_TIERING', TransitionInDays: transitionDays }],
                NoncurrentVersionExpiration: { NoncurrentDays: noncurrentDays },
              },
            ],
          },
        });
        context.report({
          start: resource.keyStart,
          end: resource.keyEnd,
          messageId: 'noLifecycle',
          data,
          fix: edit
            ? { title: `Add a lifecycle rule: Intelligent-Tiering after ${transitionDays} days, expire noncurrent versions after ${noncurrentDays} days`, applicability: 'unsafe', edits: [edit] }
            : undefined,
        });
      },
      cdkApp(app) {
        for (const bucket of constructsWithout(app, 'aws_s3.Bucket', 'addLifecycleRule')) checkL2(app, bucket);
        for (const bucket of constructsWithout(app, 'aws_s3.CfnBucket', 'addLifecycleRule')) checkL1(app, bucket);
      },
      tfFile(file) {
        if (!tfModule) return;
        const covered = partnerCoverage(tfModule, 'aws_s3_bucket', 'aws_s3_bucket_lifecycle_configuration', 'bucket', 'bucket');
        if (!covered) return;
        const { transitionDays, noncurrentDays } = context.options;
        for (const bucket of listResources(file).filter((r) => r.type === 'aws_s3_bucket' && !r.block.hasError)) {
          if (getBlocks(bucket.block, 'lifecycle_rule').length || covered(bucket)) continue;
          const name = freshResourceName(tfModule, 'aws_s3_bucket_lifecycle_configuration', bucket.name);
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
          context.report({
            ...headerRange(bucket.block),
            messageId: 'noLifecycle',
            data: { name: `aws_s3_bucket.${bucket.name}` },
            // A bucket created with count/for_each needs a configuration per instance: left to the author.
            fix: isRepeated(bucket)
              ? undefined
              : {
                  title: `Add an aws_s3_bucket_lifecycle_configuration: Intelligent-Tiering after ${transitionDays} days, expire noncurrent versions after ${noncurrentDays} days`,
                  applicability: 'unsafe',
                  edits: [appendTfBlocks(context.lines, bucket.block, body, tfIndentUnit(context.lines, bucket.block))],
                },
          });
        }
      },
    };

    function checkL2(app: CdkApp, bucket: CdkConstruct): void {
      if (getProp(bucket.props, 'intelligentTieringConfigurations')) return;
      const rules = getProp(bucket.props, 'lifecycleRules');
      const data = { name: constructName(bucket) };
      if (rules) {
        if (listVerdict(rules.value, cdkStorageActions) === 'ineffective') context.report({ ...constructRange(bucket), messageId: 'noStorageAction', data });
        return;
      }
      const { transitionDays, noncurrentDays } = context.options;
      const duration = spell(app, 'Duration');
      const s3 = (name: string) => spell(app, `aws_s3.${name}`);
      const storageClass = s3('StorageClass.INTELLIGENT_TIERING');
      const [rule, transition] = [s3('LifecycleRule'), s3('Transition')];
      // The rule needs Duration and the S3 module under names the file already has.
      const edits =
        duration && storageClass && rule && transition
          ? insertCdkProp(context.text, bucket, {
              typescript: `lifecycleRules: [{ transitions: [{ storageClass: ${storageClass}, transitionAfter: ${duration}.days(${transitionDays}) }], noncurrentVersionExpiration: ${duration}.days(${noncurrentDays}) }]`,
              python: `lifecycle_rules=[${rule}(transitions=[${transition}(storage_class=${storageClass}, transition_after=${duration}.days(${transitionDays}))], noncurrent_version_expiration=${duration}.days(${noncurrentDays}))]`,
            })
          : undefined;
      context.report({ ...constructRange(bucket), messageId: 'noLifecycle', data, fix: edits ? fixOf(edits) : undefined });
    }

    function checkL1(app: CdkApp, bucket: CdkConstruct): void {
      if (getProp(bucket.props, 'lifecycleConfiguration') || getProp(bucket.props, 'intelligentTieringConfigurations')) return;
      const { transitionDays, noncurrentDays } = context.options;
      const cfnBucket = spell(app, 'aws_s3.CfnBucket');
      const id = 'IntelligentTieringAndNoncurrentExpiry';
      const edits = insertCdkProp(context.text, bucket, {
        typescript: `lifecycleConfiguration: { rules: [{ id: '${id}', status: 'Enabled', transitions: [{ storageClass: 'INTELLIGENT_TIERING', transitionInDays: ${transitionDays} }], noncurrentVersionExpiration: { noncurrentDays: ${noncurrentDays} } }] }`,
        python: cfnBucket
          ? `lifecycle_configuration=${cfnBucket}.LifecycleConfigurationProperty(rules=[${cfnBucket}.RuleProperty(id="${id}", status="Enabled", transitions=[${cfnBucket}.TransitionProperty(storage_class="INTELLIGENT_TIERING", transition_in_days=${transitionDays})], noncurrent_version_expiration=${cfnBucket}.NoncurrentVersionExpirationProperty(noncurrent_days=${noncurrentDays}))])`
          : '',
      });
      const usable = edits && !(bucket.language === 'python' && !cfnBucket);
      context.report({ ...constructRange(bucket), messageId: 'noLifecycle', data: { name: constructName(bucket) }, fix: usable ? fixOf(edits) : undefined });
    }

    function fixOf(edits: Edit[]): Fix {
      const { transitionDays, noncurrentDays } = context.options;
      return { title: `Add a lifecycle rule: Intelligent-Tiering after ${transitionDays} days, expire noncurrent versions after ${noncurrentDays} days`, applicability: 'unsafe', edits };
    }
  },
});

function lifecycleVerdict(template: CfnTemplate, value: CfnValue): Verdict {
  const configuration = getMapValue(value);
  if (!configuration) return 'unknown';
  const rules = getEntry(configuration, 'Rules')?.value;
  if (!rules) return 'ineffective';
  if (rules.kind !== 'seq' || rules.intrinsic) return 'unknown';
  let verdict: Verdict = 'ineffective';
  for (const item of rules.items) {
    const rule = getMapValue(item);
    if (!rule) return 'unknown';
    if (!rule.entries.some((e) => storageActions.includes(e.key))) continue;
    const status = resolveScalar(template, getEntry(rule, 'Status')?.value);
    if (status === 'Enabled') return 'effective';
    if (status === undefined) verdict = 'unknown';
  }
  return verdict;
}

/** Intelligent-Tiering archive configurations: the team already manages tiering for objects stored in that class. */
function tieringVerdict(template: CfnTemplate, value: CfnValue): Verdict {
  if (value.kind !== 'seq' || value.intrinsic) return 'unknown';
  let verdict: Verdict = 'ineffective';
  for (const item of value.items) {
    const configuration = getMapValue(item);
    if (!configuration) return 'unknown';
    const status = resolveScalar(template, getEntry(configuration, 'Status')?.value);
    if (status === 'Enabled') return 'effective';
    if (status === undefined) verdict = 'unknown';
  }
  return verdict;
}
