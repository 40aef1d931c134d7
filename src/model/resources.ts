import type { Visitors } from '../core/types';
import type { CdkApp, CdkConstruct, CdkProp, CdkValue } from '../parsers/cdk/model';
import { getProp, propsKnown } from '../parsers/cdk/model';
import type { CfnEntry, CfnMap, CfnResource, CfnTemplate, CfnValue } from '../parsers/cloudformation';
import { getEntry, getMapValue, getParameter, refTarget, resolveScalar } from '../parsers/cloudformation';
import type { TfAttribute, TfBlock, TfModule, TfResource } from '../parsers/terraform';
import { getAttribute, getBlocks, resolveLiteral } from '../parsers/terraform';
import { constructName, constructRange } from './edit/cdkEdits';
import { retentionMembers } from './edit/resourceEdits';
import { headerRange } from './edit/tfEdits';
import { partnerCoverage } from './edit/tfPartners';
import type { Field, FieldSource, Span } from './field';
import { known, unknown } from './field';
import { listVerdict } from './read/cdkFacts';
import { getPropertiesFact } from './read/cfnFacts';
import { oncePerFact } from './read/memo';
import { awsProviderRegions, regionArgument } from './read/regions';
import type { EcrRepositoryRecord, IdleSettings, LinkState, LogGroupRecord, NotebookInstanceRecord, RegionRecord, ResourceRecord, S3BucketRecord, StudioDomainRecord } from './resourceRecords';

/**
 * The adapters that read S3 buckets, ECR repositories, log groups, notebook instances and Studio
 * domains from CloudFormation (YAML, JSON), Terraform (the whole module) and CDK (TypeScript,
 * Python) into resource records. Each record is built once per parser fact and shared by every
 * rule that asks in the same lint.
 */

/** The retention periods CloudWatch Logs accepts, in days (PutRetentionPolicy, `retentionInDays`). */
export const cloudWatchRetentionDays = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

const membersDays: ReadonlyMap<string, number> = new Map(Object.entries(retentionMembers).map(([days, member]) => [member, Number(days)]));

/** The default retention of the CDK `logs.LogGroup` construct when `retention` is not given: two years. */
const cdkLogGroupDefaultDays = 731;

/** A retention written as a number or a numeric string (`3653`, `"3653"`), else undefined. */
function asDays(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

/** A literal span the edit renderers may replace, in the format's spelling. */
const literal = (start: number, end: number, quote = '', spelling?: 'retention-days-member'): FieldSource => ({ format: 'literal', start, end, quote, ...(spelling ? { spelling } : {}) });

// ---------------------------------------------------------------- CloudFormation

function cfnField<T>(template: CfnTemplate, entry: CfnEntry, value: T | undefined, anchor: Span, source?: FieldSource): Field<T> {
  if (value !== undefined) return known(value, anchor, source);
  const parameter = refTarget(entry.value);
  return unknown(parameter !== undefined && getParameter(template, parameter) ? 'parameter-without-default' : 'expression', anchor);
}

const isPlainScalar = (value: CfnValue): boolean => value.kind === 'scalar' && !value.intrinsic;

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

type CfnBase = Pick<ResourceRecord, 'format' | 'name' | 'anchor' | 'source'>;
const cfnBase = (resource: CfnResource): CfnBase => ({ format: 'cfn', name: resource.logicalId, anchor: { start: resource.keyStart, end: resource.keyEnd }, source: { format: 'cfn', resource } });

/** Where a Studio domain turns on idle shutdown for JupyterLab, below `Properties`. */
export const cfnIdlePath = ['DefaultUserSettings', 'JupyterLabAppSettings', 'AppLifecycleManagement', 'IdleSettings'] as const;

const cfnRecord = oncePerFact((resource: CfnResource): ResourceRecord | undefined => {
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
      if (!properties.known) return { ...base, retention: unknown('expression', base.anchor) };
      const retention = entry('RetentionInDays');
      if (!retention) return base;
      const anchor = { start: retention.keyStart, end: retention.value.end };
      const source = isPlainScalar(retention.value) ? literal(retention.value.start, retention.value.end) : undefined;
      return { ...base, retention: cfnField(template, retention, asDays(resolveScalar(template, retention.value)), anchor, source) };
    }
    case 'AWS::SageMaker::NotebookInstance': {
      const type = entry('InstanceType');
      const value = type && resolveScalar(template, type.value);
      return {
        kind: 'notebookInstance',
        ...cfnBase(resource),
        ...(type ? { instanceType: cfnField(template, type, typeof value === 'string' ? value : undefined, { start: type.keyStart, end: type.keyEnd }) } : {}),
        lifecycleConfig: !properties.known ? 'unknown' : entry('LifecycleConfigName') ? 'attached' : 'none',
      };
    }
    case 'AWS::SageMaker::Domain': {
      const base = { kind: 'studioDomain', ...cfnBase(resource) } as const;
      if (!properties.known) return { ...base, idleSettings: 'unknown' };
      let level: CfnMap | undefined = map;
      for (const key of cfnIdlePath) {
        const next: CfnEntry | undefined = level && getEntry(level, key);
        if (!next) return base;
        level = getMapValue(next.value);
        if (!level) return { ...base, idleSettings: 'unknown' };
      }
      const management = level && getEntry(level, 'LifecycleManagement');
      if (!management) return { ...base, idleSettings: {} };
      const value = resolveScalar(template, management.value);
      const source = isPlainScalar(management.value) ? literal(management.value.start, management.value.end, template.syntax === 'json' ? '"' : '') : undefined;
      return { ...base, idleSettings: { lifecycleManagement: cfnField(template, management, typeof value === 'string' ? value : undefined, base.anchor, source) } };
    }
  }
  return undefined;
});

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

/** Where a Studio domain turns on idle shutdown for JupyterLab, as nested Terraform blocks. */
const tfIdlePath = ['default_user_settings', 'jupyter_lab_app_settings', 'app_lifecycle_management', 'idle_settings'] as const;

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
      const days = value === 0 || value === '0' ? 'never' : asDays(value);
      const source = retention.value.kind === 'literal' ? literal(retention.value.start, retention.value.end) : undefined;
      return { ...record, retention: tfField<number | 'never'>(retention, days, { start: retention.start, end: retention.end }, source) };
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
    case 'aws_sagemaker_domain': {
      const record: StudioDomainRecord = { kind: 'studioDomain', ...base };
      let level: TfBlock = block;
      for (const type of tfIdlePath) {
        const found = getBlocks(level, type);
        if (found.length === 0) return record;
        // A dynamic block or several: built from variables.
        if (found.length > 1 || found[0].type === 'dynamic') return { ...record, idleSettings: 'unknown' };
        level = found[0];
      }
      const management = getAttribute(level, 'lifecycle_management');
      if (!management) return { ...record, idleSettings: {} };
      const value = resolveLiteral(resource.file, management.value);
      const source = management.value.kind === 'literal' ? literal(management.value.start, management.value.end, '"') : undefined;
      return { ...record, idleSettings: { lifecycleManagement: tfField(management, typeof value === 'string' ? value : undefined, base.anchor, source) } };
    }
  }
  return undefined;
}

/** The records of a module's resources, built once per resource for every rule that asks. */
const tfRecords = oncePerFact((_module: TfModule) => new WeakMap<TfResource, ResourceRecord | undefined>());

// ---------------------------------------------------------------- CDK

function cdkField<T>(prop: CdkProp, value: T | undefined, anchor: Span, source?: FieldSource): Field<T> {
  return value !== undefined ? known(value, anchor, source) : unknown(prop.value.kind === 'unknown' ? 'expression' : 'variable', anchor);
}

/** The same actions as props of a CDK `s3.LifecycleRule`. */
const cdkStorageActions = ['expiration', 'expirationDate', 'noncurrentVersionExpiration', 'noncurrentVersionTransitions', 'transitions'];

/** The Studio idle-shutdown path as CDK props of `sagemaker.CfnDomain` (camelCase; Python writes them in snake_case). */
export const cdkIdlePath = ['defaultUserSettings', 'jupyterLabAppSettings', 'appLifecycleManagement', 'idleSettings'] as const;

const stringOf = (value: CdkValue | undefined): string | undefined => (value?.kind === 'string' ? value.value : undefined);

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
    case 'aws_sagemaker.CfnDomain': {
      const record: StudioDomainRecord = { kind: 'studioDomain', ...base };
      if (!readable) return { ...record, idleSettings: 'unknown' };
      let level: CdkValue | undefined = construct.props;
      for (const key of cdkIdlePath) {
        const next = getProp(level, key);
        if (!next) return record;
        // A struct from a variable or with a spread.
        if (next.value.kind !== 'object' || next.value.open) return { ...record, idleSettings: 'unknown' };
        level = next.value;
      }
      const management = getProp(level, 'lifecycleManagement');
      if (!management) return { ...record, idleSettings: {} };
      const v = management.value;
      // The string's inside: its quotes stay as written.
      const source = v.kind === 'string' && !v.indirect ? literal(v.start + 1, v.end - 1) : undefined;
      const settings: IdleSettings = { lifecycleManagement: cdkField(management, stringOf(v), base.anchor, source) };
      return { ...record, idleSettings: settings };
    }
  }
  return undefined;
}

const cdkRecords = oncePerFact((app: CdkApp): ResourceRecord[] => app.constructs.flatMap((c) => cdkRecord(app, c) ?? []));

// ---------------------------------------------------------------- one visitor set for every format

export interface ResourceVisitors {
  s3Bucket?: (record: S3BucketRecord) => void;
  ecrRepository?: (record: EcrRepositoryRecord) => void;
  logGroup?: (record: LogGroupRecord) => void;
  notebookInstance?: (record: NotebookInstanceRecord) => void;
  studioDomain?: (record: StudioDomainRecord) => void;
}

function dispatch(record: ResourceRecord | undefined, visit: ResourceVisitors): void {
  if (!record) return;
  const handler = visit[record.kind] as ((r: ResourceRecord) => void) | undefined;
  handler?.(record);
}

/** Visitors that hand every bucket, repository, log group, notebook instance and Studio domain of the file to `visit`, whatever its format. */
export function visitResources(visit: ResourceVisitors): Visitors {
  let tfModule: TfModule | undefined;
  return {
    cfnResource(resource) {
      dispatch(cfnRecord(resource), visit);
    },
    tfModule(module) {
      tfModule = module;
    },
    tfResource(resource) {
      if (!tfModule) return;
      const records = tfRecords(tfModule);
      if (!records.has(resource)) records.set(resource, tfRecord(resource, tfModule));
      dispatch(records.get(resource), visit);
    },
    cdkApp(app) {
      for (const record of cdkRecords(app)) dispatch(record, visit);
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
