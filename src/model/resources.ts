import { extended } from '../core/objects';
import type { Visitors } from '../core/types';
import type { CdkApp, CdkConstruct, CdkObject, CdkProp, CdkValue } from '../parsers/cdk/model';
import { getProp, propsKnown } from '../parsers/cdk/model';
import type { CfnEntry, CfnMap, CfnResource, CfnTemplate, CfnValue } from '../parsers/cloudformation';
import { getEntry, getMapValue, getParameter, refTarget, resolveScalar } from '../parsers/cloudformation';
import { conditionBranches, resolveCandidates } from '../parsers/cloudformationConditions';
import type { TfAttribute, TfBlock, TfFile, TfModule, TfResource } from '../parsers/terraform';
import { getAttribute, getBlocks, resolveLiteral } from '../parsers/terraform';
import { constructName, constructRange } from './edit/cdkEdits';
import { retentionMembers } from './edit/resourceEdits';
import { headerRange } from './edit/tfEdits';
import { partnerCoverage } from './edit/tfPartners';
import type { Field, FieldSource, Span } from './field';
import { known, unknown } from './field';
import { listVerdict } from './read/cdkFacts';
import { getPropertiesFact } from './read/cfnFacts';
import { oncePerFact, oncePerFactIn } from './read/memo';
import { awsProviderRegions, regionArgument } from './read/regions';
import type {
  EcrRepositoryRecord,
  HyperPodClusterRecord,
  LinkState,
  LogGroupRecord,
  NotebookInstanceRecord,
  RegionRecord,
  ResourceRecord,
  S3BucketRecord,
  StudioAppRecord,
  StudioDomainRecord,
  StudioSpaceRecord,
  StudioUserProfileRecord,
} from './resourceRecords';
import type { RecordBase, Settings } from './resourceSettings';
import { literal, studioOrCluster } from './resourceSettings';
import { pyResourceRecord } from './pythonResources';

/**
 * The adapters that read S3 buckets, ECR repositories, log groups, notebook instances, Studio
 * domains, user profiles, spaces and apps, and HyperPod clusters from CloudFormation (YAML, JSON), Terraform (the whole module) and CDK (TypeScript,
 * Python) into resource records. Each record is built once per parser fact and shared by every
 * rule that asks in the same lint.
 */

/** The retention periods CloudWatch Logs accepts, in days (PutRetentionPolicy, `retentionInDays`). */
export const cloudWatchRetentionDays = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

const membersDays: ReadonlyMap<string, number> = new Map(Object.entries(retentionMembers).map(([days, member]) => [member, Number(days)]));

/** The default retention of the CDK `logs.LogGroup` construct when `retention` is not given: two years. */
const cdkLogGroupDefaultDays = 731;

/** A whole number written as a number or a numeric string (`3653`, `"3653"`), else undefined. */
function asWhole(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
  return undefined;
}


// ---------------------------------------------------------------- CloudFormation

function cfnField<T>(template: CfnTemplate, entry: CfnEntry, value: T | undefined, anchor: Span, source?: FieldSource, pick?: (value: unknown) => T | undefined): Field<T> {
  if (value !== undefined) return known(value, anchor, source);
  // `!If [c, a, b]`: the values it may take, when each side reads as one.
  const candidates = pick && resolveCandidates(template, entry.value)?.map(pick);
  if (candidates && candidates.length > 1 && candidates.every((c) => c !== undefined)) return unknown('several-values', anchor, [...new Set(candidates as T[])]);
  const parameter = refTarget(entry.value);
  return unknown(parameter !== undefined && getParameter(template, parameter) ? 'parameter-without-default' : 'expression', anchor);
}

const isPlainScalar = (value: CfnValue): boolean => value.kind === 'scalar' && !value.intrinsic;

function cfnSettings(template: CfnTemplate, map: CfnMap | undefined, anchor: Span): Settings {
  const entry = (key: string) => (map ? getEntry(map, key) : undefined);
  function scalar<T>(key: string, pick: (value: unknown) => T | undefined): Field<T> | undefined {
    const found = entry(key);
    if (!found) return undefined;
    const value = pick(resolveScalar(template, found.value));
    const quote = template.syntax === 'json' && typeof value === 'string' ? '"' : '';
    return cfnField(template, found, value, { start: found.keyStart, end: found.keyEnd }, isPlainScalar(found.value) ? literal(found.value.start, found.value.end, quote) : undefined, pick);
  }
  return {
    anchor,
    child(key) {
      const found = entry(key);
      const next = found && getMapValue(found.value);
      return !found ? undefined : next ? cfnSettings(template, next, { start: found.keyStart, end: found.keyEnd }) : 'unknown';
    },
    items(key) {
      const found = entry(key);
      if (!found) return undefined;
      if (found.value.kind !== 'seq' || found.value.intrinsic) return 'unknown';
      const maps = found.value.items.map((item) => getMapValue(item));
      return maps.every((m) => m !== undefined) ? maps.map((m) => cfnSettings(template, m, { start: m.start, end: m.end })) : 'unknown';
    },
    string: (key) => scalar(key, (v) => (typeof v === 'string' ? v : undefined)),
    number: (key) => scalar(key, asWhole),
  };
}

/** Lifecycle actions that move or remove stored objects (AbortIncompleteMultipartUpload and delete-marker cleanup do not). */
const storageActions = ['ExpirationDate', 'ExpirationInDays', 'NoncurrentVersionExpiration', 'NoncurrentVersionExpirationInDays', 'NoncurrentVersionTransition', 'NoncurrentVersionTransitions', 'Transition', 'Transitions'];

/** Effective when an item that passes `counts` has `Status: Enabled`; unknown when an item or a status cannot be read. */
function enabledVerdict(template: CfnTemplate, items: CfnValue, counts: (item: CfnMap) => boolean): LinkState {
  if (items.kind !== 'seq' || items.intrinsic) return 'unknown';
  let verdict: LinkState = 'ineffective';
  for (const item of items.items) {
    const map = getMapValue(item);
    if (!map) return 'unknown';
    if (!counts(map)) continue;
    const status = resolveScalar(template, getEntry(map, 'Status')?.value);
    if (status === 'Enabled') return 'effective';
    if (status === undefined) verdict = 'unknown';
  }
  return verdict;
}

function cfnLifecycle(template: CfnTemplate, value: CfnValue): LinkState {
  const configuration = getMapValue(value);
  if (!configuration) return 'unknown';
  const rules = getEntry(configuration, 'Rules')?.value;
  if (!rules) return 'ineffective';
  return enabledVerdict(template, rules, (rule) => rule.entries.some((e) => storageActions.includes(e.key)));
}

const cfnBase = (resource: CfnResource): RecordBase => ({ format: 'cfn', name: resource.logicalId, anchor: { start: resource.keyStart, end: resource.keyEnd }, source: { format: 'cfn', resource } });

const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The record of a resource and, when conditions pick its properties, of each branch (`conditionBranches`). */
const cfnRecord = oncePerFact((resource: CfnResource): ResourceRecord | undefined => {
  const record = cfnRecordOf(resource);
  const branches = record && conditionBranches(resource);
  if (!record || !branches) return record;
  // A branch reads the same resource type, so the same kind of record.
  return { ...record, branches: branches.map((branch) => cfnRecordOf(branch)) } as ResourceRecord;
});

/** The resource types {@link cfnRecordOf} reads: any other gives no record, asked without a memo. */
const cfnRecordTypes: ReadonlySet<string> = new Set([
  'AWS::S3::Bucket', 'AWS::ECR::Repository', 'AWS::Logs::LogGroup', 'AWS::SageMaker::NotebookInstance',
  'AWS::SageMaker::Domain', 'AWS::SageMaker::UserProfile', 'AWS::SageMaker::Space', 'AWS::SageMaker::App', 'AWS::SageMaker::Cluster',
]);

/** A type this reads is listed in {@link cfnRecordTypes}, or its resources are never asked. */
function cfnRecordOf(resource: CfnResource): ResourceRecord | undefined {
  const properties = getPropertiesFact(resource);
  const map = properties.known ? properties.map : undefined;
  const entry = (key: string) => (map ? getEntry(map, key) : undefined);
  const template = resource.template;
  switch (resource.type) {
    case 'AWS::S3::Bucket': {
      if (!properties.known) return { kind: 's3Bucket', ...cfnBase(resource), lifecycle: 'unknown' };
      const tiering = entry('IntelligentTieringConfigurations');
      const lifecycle = entry('LifecycleConfiguration');
      return {
        kind: 's3Bucket',
        ...cfnBase(resource),
        ...(lifecycle ? { lifecycle: cfnLifecycle(template, lifecycle.value) } : {}),
        ...(tiering ? { tiering: enabledVerdict(template, tiering.value, () => true) } : {}),
      };
    }
    case 'AWS::ECR::Repository': {
      if (!properties.known) return { kind: 'ecrRepository', ...cfnBase(resource), lifecyclePolicy: 'unknown' };
      const policy = entry('LifecyclePolicy');
      const policyMap = policy && getMapValue(policy.value);
      const state: LinkState | undefined = !policy ? undefined : !policyMap || getEntry(policyMap, 'LifecyclePolicyText') ? 'effective' : 'ineffective';
      return { kind: 'ecrRepository', ...cfnBase(resource), ...(state ? { lifecyclePolicy: state } : {}) };
    }
    case 'AWS::Logs::LogGroup': {
      const base = { kind: 'logGroup', ...cfnBase(resource), defaultRetention: 'never' } as const;
      if (!properties.known) return extended(base, { retention: unknown<number | 'never'>('expression', base.anchor) });
      const retention = entry('RetentionInDays');
      if (!retention) return base;
      const anchor = { start: retention.keyStart, end: (retention.written ?? retention.value).end };
      const source = isPlainScalar(retention.value) ? literal(retention.value.start, retention.value.end) : undefined;
      return extended(base, { retention: cfnField<number>(template, retention, asWhole(resolveScalar(template, retention.value)), anchor, source, asWhole) });
    }
    case 'AWS::SageMaker::NotebookInstance': {
      const type = entry('InstanceType');
      const value = type && resolveScalar(template, type.value);
      return {
        kind: 'notebookInstance',
        ...cfnBase(resource),
        ...(type ? { instanceType: cfnField(template, type, typeof value === 'string' ? value : undefined, { start: type.keyStart, end: type.keyEnd }, undefined, asString) } : {}),
        lifecycleConfig: !properties.known ? 'unknown' : entry('LifecycleConfigName') ? 'attached' : 'none',
      };
    }
    case 'AWS::SageMaker::Domain':
    case 'AWS::SageMaker::UserProfile':
    case 'AWS::SageMaker::Space':
    case 'AWS::SageMaker::App':
    case 'AWS::SageMaker::Cluster': {
      const base = cfnBase(resource);
      return studioOrCluster(resource.type, base, properties.known ? cfnSettings(template, map, base.anchor) : 'unknown');
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- Terraform

/** Which buckets and repositories a partner resource covers, once per module. */
const tfCoverage = oncePerFact((module: TfModule) => ({
  bucket: partnerCoverage(module, 'aws_s3_bucket', 'aws_s3_bucket_lifecycle_configuration', 'bucket', 'bucket'),
  repository: partnerCoverage(module, 'aws_ecr_repository', 'aws_ecr_lifecycle_policy', 'repository', 'name'),
}));

function tfField<T>(attribute: TfAttribute, value: T | undefined, anchor: Span, source?: FieldSource): Field<T> {
  if (value !== undefined) return known(value, anchor, source);
  const v = attribute.value;
  return unknown(v.kind === 'reference' && v.reference.path[0] === 'var' ? 'variable' : 'expression', anchor);
}

/** A CloudFormation key in Terraform's spelling: `DefaultResourceSpec` → `default_resource_spec`. */
const snakeCase = (key: string): string => key.replace(/(?<=[a-z0-9])([A-Z])/g, '_$1').toLowerCase();

function tfSettings(file: TfFile, block: TfBlock, anchor: Span): Settings {
  function scalar<T>(key: string, pick: (value: unknown) => T | undefined): Field<T> | undefined {
    const attribute = getAttribute(block, snakeCase(key));
    if (!attribute) return undefined;
    const value = pick(resolveLiteral(file, attribute.value));
    const v = attribute.value;
    const source = v.kind === 'literal' ? literal(v.start, v.end, typeof v.value === 'string' ? '"' : '') : undefined;
    return tfField(attribute, value, { start: attribute.nameStart, end: attribute.nameEnd }, source);
  }
  return {
    anchor,
    child(key) {
      const found = getBlocks(block, snakeCase(key));
      if (found.length === 0) return undefined;
      // A dynamic block or several: built from variables.
      if (found.length > 1 || found[0].type === 'dynamic') return 'unknown';
      return tfSettings(file, found[0], { start: found[0].typeStart, end: found[0].typeEnd });
    },
    items: () => undefined,
    string: (key) => scalar(key, (v) => (typeof v === 'string' ? v : undefined)),
    number: (key) => scalar(key, asWhole),
  };
}

/** The Studio and HyperPod resources of the Terraform AWS provider, by the CloudFormation type they share records with (it has no HyperPod cluster). */
const tfStudioTypes: Readonly<Record<string, string>> = {
  aws_sagemaker_domain: 'AWS::SageMaker::Domain',
  aws_sagemaker_user_profile: 'AWS::SageMaker::UserProfile',
  aws_sagemaker_space: 'AWS::SageMaker::Space',
  aws_sagemaker_app: 'AWS::SageMaker::App',
};

/** A type this reads is listed in {@link tfRecordTypes}, or its resources are never asked. */
function tfRecord(resource: TfResource, module: TfModule): ResourceRecord | undefined {
  const base = { format: 'tf', name: `${resource.type}.${resource.name}`, anchor: headerRange(resource.block), source: { format: 'tf', resource, module } } as const;
  const block = resource.block;
  switch (resource.type) {
    case 'aws_s3_bucket': {
      const covered = tfCoverage(module).bucket;
      const lifecycle: LinkState | undefined = !covered || getBlocks(block, 'lifecycle_rule').length ? 'unknown' : covered(resource) ? 'effective' : undefined;
      return { kind: 's3Bucket', ...base, ...(lifecycle ? { lifecycle } : {}) };
    }
    case 'aws_ecr_repository': {
      const covered = tfCoverage(module).repository;
      const state: LinkState | undefined = !covered ? 'unknown' : covered(resource) ? 'effective' : undefined;
      return { kind: 'ecrRepository', ...base, ...(state ? { lifecyclePolicy: state } : {}) };
    }
    case 'aws_cloudwatch_log_group': {
      const retention = getAttribute(block, 'retention_in_days');
      const record: LogGroupRecord = { kind: 'logGroup', ...base, defaultRetention: 'never' };
      if (!retention) return record;
      const value = resolveLiteral(resource.file, retention.value);
      // 0 means never expire.
      const days = value === 0 || value === '0' ? 'never' : asWhole(value);
      const source = retention.value.kind === 'literal' ? literal(retention.value.start, retention.value.end) : undefined;
      return extended(record, { retention: tfField<number | 'never'>(retention, days, { start: retention.start, end: retention.end }, source) });
    }
    case 'aws_sagemaker_notebook_instance': {
      const type = getAttribute(block, 'instance_type');
      const value = type && resolveLiteral(resource.file, type.value);
      return {
        kind: 'notebookInstance',
        ...base,
        ...(type ? { instanceType: tfField(type, typeof value === 'string' ? value : undefined, { start: type.nameStart, end: type.nameEnd }) } : {}),
        lifecycleConfig: getAttribute(block, 'lifecycle_config_name') ? 'attached' : 'none',
      };
    }
  }
  const studioType = tfStudioTypes[resource.type];
  return studioType ? studioOrCluster(studioType, base, tfSettings(resource.file, block, base.anchor)) : undefined;
}

/** The records of a module's resources, built once per resource for every rule that asks. */
const tfRecordOnce = oncePerFactIn(tfRecord);

/** The resource types {@link tfRecord} reads: any other gives no record, asked without a memo. */
const tfRecordTypes: ReadonlySet<string> = new Set(['aws_s3_bucket', 'aws_ecr_repository', 'aws_cloudwatch_log_group', 'aws_sagemaker_notebook_instance', ...Object.keys(tfStudioTypes)]);

// ---------------------------------------------------------------- CDK

function cdkField<T>(prop: CdkProp, value: T | undefined, anchor: Span, source?: FieldSource): Field<T> {
  return value !== undefined ? known(value, anchor, source) : unknown(prop.value.kind === 'unknown' ? 'expression' : 'variable', anchor);
}

/** The same actions as props of a CDK `s3.LifecycleRule`. */
const cdkStorageActions = ['expiration', 'expirationDate', 'noncurrentVersionExpiration', 'noncurrentVersionTransitions', 'transitions'];

const stringOf = (value: CdkValue | undefined): string | undefined => (value?.kind === 'string' ? value.value : undefined);

/** A CloudFormation key in CDK's spelling (the parser reads Python's snake_case props as camelCase): `DefaultResourceSpec` → `defaultResourceSpec`. */
const cdkKey = (key: string): string => key[0].toLowerCase() + key.slice(1);

function cdkSettings(object: CdkObject | undefined, anchor: Span): Settings {
  function scalar<T>(key: string, kind: 'string' | 'number'): Field<T> | undefined {
    const prop = getProp(object, cdkKey(key));
    if (!prop) return undefined;
    const v = prop.value;
    const value = v.kind === kind && (v.kind === 'string' || v.kind === 'number') ? (v.value as T) : undefined;
    // A string's inside: its quotes stay as written.
    const source = v.indirect || value === undefined ? undefined : kind === 'string' ? literal(v.start + 1, v.end - 1) : literal(v.start, v.end);
    return cdkField(prop, value, { start: prop.keyStart, end: prop.keyEnd }, source);
  }
  const readable = (value: CdkValue): value is CdkObject => value.kind === 'object' && !value.open;
  return {
    anchor,
    child(key) {
      const prop = getProp(object, cdkKey(key));
      if (!prop) return undefined;
      // A struct from a variable or with a spread.
      return readable(prop.value) ? cdkSettings(prop.value, { start: prop.keyStart, end: prop.keyEnd }) : 'unknown';
    },
    items(key) {
      const prop = getProp(object, cdkKey(key));
      if (!prop) return undefined;
      const list = prop.value;
      if (list.kind !== 'array' || list.open || !list.items.every(readable)) return 'unknown';
      return list.items.map((item) => cdkSettings(item as CdkObject, { start: item.start, end: item.end }));
    },
    string: (key) => scalar(key, 'string'),
    number: (key) => scalar(key, 'number'),
  };
}

/** The L1 constructs of the Studio and HyperPod resources, by their CloudFormation type. */
const cdkStudioTypes: Readonly<Record<string, string>> = {
  'aws_sagemaker.CfnDomain': 'AWS::SageMaker::Domain',
  'aws_sagemaker.CfnUserProfile': 'AWS::SageMaker::UserProfile',
  'aws_sagemaker.CfnSpace': 'AWS::SageMaker::Space',
  'aws_sagemaker.CfnApp': 'AWS::SageMaker::App',
  'aws_sagemaker.CfnCluster': 'AWS::SageMaker::Cluster',
};

/** Methods that link a lifecycle rule to a bucket or repository after it is made. */
const addLifecycleRule = 'addLifecycleRule';

function cdkRecord(app: CdkApp, construct: CdkConstruct): ResourceRecord | undefined {
  const base = { format: 'cdk', name: constructName(construct), anchor: constructRange(construct), source: { format: 'cdk', construct, app } } as const;
  const readable = propsKnown(construct);
  // A rule added later (`bucket.addLifecycleRule(...)`), or on something the analysis could not tie to one construct.
  const linkedLater = app.unresolvedMethods.includes(addLifecycleRule) || construct.methods.some((m) => m.method === addLifecycleRule);
  const prop = (key: string) => getProp(construct.props, key);
  switch (construct.type) {
    case 'aws_s3.Bucket':
    case 'aws_s3.CfnBucket': {
      if (!readable || linkedLater) return { kind: 's3Bucket', ...base, lifecycle: 'unknown' };
      const rules = construct.type === 'aws_s3.Bucket' ? prop('lifecycleRules') : prop('lifecycleConfiguration');
      const lifecycle: LinkState | undefined = rules && (construct.type === 'aws_s3.Bucket' ? listVerdict(rules.value, cdkStorageActions) : 'unknown');
      return { kind: 's3Bucket', ...base, ...(lifecycle ? { lifecycle } : {}), ...(prop('intelligentTieringConfigurations') ? { tiering: 'unknown' } : {}) };
    }
    case 'aws_ecr.Repository':
    case 'aws_ecr.CfnRepository': {
      if (!readable || linkedLater) return { kind: 'ecrRepository', ...base, lifecyclePolicy: 'unknown' };
      if (construct.type === 'aws_ecr.CfnRepository') return { kind: 'ecrRepository', ...base, ...(prop('lifecyclePolicy') ? { lifecyclePolicy: 'effective' } : {}) };
      const rules = prop('lifecycleRules');
      if (!rules) return { kind: 'ecrRepository', ...base };
      // Rules given (even as a variable): the repository manages its images; an empty list does nothing.
      const empty = rules.value.kind === 'array' && !rules.value.open && rules.value.items.length === 0;
      return { kind: 'ecrRepository', ...base, lifecyclePolicy: empty ? 'ineffective' : 'effective' };
    }
    case 'aws_logs.CfnLogGroup': {
      const record: LogGroupRecord = { kind: 'logGroup', ...base, defaultRetention: 'never' };
      const given = prop('retentionInDays');
      if (!given) return readable ? record : { ...record, retention: unknown('expression', base.anchor) };
      const source = given.value.indirect ? undefined : literal(given.value.start, given.value.end);
      return { ...record, retention: cdkField(given, given.value.kind === 'number' ? given.value.value : undefined, { start: given.start, end: given.end }, source) };
    }
    case 'aws_logs.LogGroup': {
      const record: LogGroupRecord = { kind: 'logGroup', ...base, defaultRetention: cdkLogGroupDefaultDays };
      const retention = prop('retention');
      if (!retention) return record;
      const anchor = { start: retention.start, end: retention.end };
      const value = retention.value;
      const prefix = 'aws_logs.RetentionDays.';
      if (value.kind !== 'name' || !value.name.startsWith(prefix)) return { ...record, retention: cdkField<number>(retention, undefined, anchor) };
      const member = value.name.slice(prefix.length);
      const days = member === 'INFINITE' ? 'never' : membersDays.get(member);
      // The member's name as written at the end of the value (`logs.RetentionDays.INFINITE`): the renderer writes another member there.
      const source = value.indirect ? undefined : literal(value.end - member.length, value.end, '', 'retention-days-member');
      return { ...record, retention: cdkField<number | 'never'>(retention, days, anchor, source) };
    }
    case 'aws_sagemaker.CfnNotebookInstance': {
      const type = prop('instanceType');
      return {
        kind: 'notebookInstance',
        ...base,
        ...(type ? { instanceType: cdkField(type, stringOf(type.value), { start: type.keyStart, end: type.keyEnd }) } : {}),
        lifecycleConfig: prop('lifecycleConfigName') ? 'attached' : readable ? 'none' : 'unknown',
      };
    }
  }
  const studioType = cdkStudioTypes[construct.type];
  if (!studioType) return undefined;
  const props = construct.props;
  const root = !readable ? 'unknown' : cdkSettings(props?.kind === 'object' ? props : undefined, base.anchor);
  return studioOrCluster(studioType, base, root);
}

const cdkRecords = oncePerFact((app: CdkApp): ResourceRecord[] => app.constructs.flatMap((c) => cdkRecord(app, c) ?? []));

// ---------------------------------------------------------------- one visitor set for every format

export interface ResourceVisitors {
  s3Bucket?: (record: S3BucketRecord) => void;
  ecrRepository?: (record: EcrRepositoryRecord) => void;
  logGroup?: (record: LogGroupRecord) => void;
  notebookInstance?: (record: NotebookInstanceRecord) => void;
  studioDomain?: (record: StudioDomainRecord) => void;
  studioUserProfile?: (record: StudioUserProfileRecord) => void;
  studioSpace?: (record: StudioSpaceRecord) => void;
  studioApp?: (record: StudioAppRecord) => void;
  hyperPodCluster?: (record: HyperPodClusterRecord) => void;
}

function dispatch(record: ResourceRecord | undefined, visit: ResourceVisitors): void {
  if (!record) return;
  const handler = visit[record.kind] as ((r: ResourceRecord) => void) | undefined;
  handler?.(record);
}

/** Visitors that hand every bucket, repository, log group, notebook instance, Studio resource and HyperPod cluster of the file to `visit`, whatever its format. */
export function visitResources(visit: ResourceVisitors): Visitors {
  let tfModule: TfModule | undefined;
  return {
    cfnResource(resource) {
      if (resource.type !== undefined && cfnRecordTypes.has(resource.type)) dispatch(cfnRecord(resource), visit);
    },
    tfModule(module) {
      tfModule = module;
    },
    tfResource(resource) {
      if (tfModule && tfRecordTypes.has(resource.type)) dispatch(tfRecordOnce(resource, tfModule), visit);
    },
    cdkApp(app) {
      for (const record of cdkRecords(app)) dispatch(record, visit);
    },
    pythonCall(call) {
      dispatch(pyResourceRecord(call), visit);
    },
  };
}

// ---------------------------------------------------------------- regions

/** A region written as a string is known; anything else (a variable, `process.env.CDK_DEFAULT_REGION`) is not. */
function regionField(value: { kind: string; value?: unknown }, anchor: Span): Field<string> {
  return value.kind === 'string' && typeof value.value === 'string' ? known(value.value, anchor) : unknown(value.kind === 'name' ? 'variable' : 'expression', anchor);
}

/**
 * Visitors that hand `visit` every region the file sets for its work: a Terraform `provider "aws"`
 * region (a backend's region says where the state lives, not the workloads), a CDK stack's
 * `env.region`, a boto3 session or client `region_name`.
 */
export function visitRegions(visit: (record: RegionRecord) => void): Visitors {
  return {
    tfFile(file) {
      for (const { attribute, code } of awsProviderRegions(file)) {
        const anchor = { start: attribute.start, end: attribute.end };
        visit({ kind: 'region', format: 'tf', setter: 'provider', region: code !== undefined ? known(code, anchor) : tfField<string>(attribute, undefined, anchor) });
      }
    },
    cdkApp(app) {
      for (const stack of app.stacks) visit({ kind: 'region', format: 'cdk', setter: 'stack', name: stack.name, region: regionField(stack.region.value, { start: stack.region.start, end: stack.region.end }) });
    },
    pythonCall(call) {
      const argument = regionArgument(call);
      if (argument) visit({ kind: 'region', format: 'py', setter: 'session', region: regionField(argument.value, { start: argument.start, end: argument.end }) });
    },
  };
}
