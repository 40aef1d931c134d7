import type { Visitors } from '../core/types';
import type { CdkApp, CdkConstruct, CdkProp } from '../parsers/cdk/model';
import { getProp } from '../parsers/cdk/model';
import type { CfnEntry, CfnResource, CfnTemplate } from '../parsers/cloudformation';
import { getParameter, refTarget } from '../parsers/cloudformation';
import type { PythonCall } from '../parsers/python/facts';
import type { TfAttribute, TfModule, TfResource } from '../parsers/terraform';
import type { Field, Span } from './field';
import { known, unknown } from './field';
import { constructName } from './edit/cdkEdits';
import { defaultBucketVariables } from './edit/pythonEdits';
import { isLocalMode } from './read/sagemaker';
import { listCdkVariants, cdkScalesSageMaker } from './read/cdkEndpoints';
import type { TargetKey } from './read/cfnEndpoints';
import { endpointsOf, isAsyncConfig, listVariants, targetCovers, targetKeys } from './read/cfnEndpoints';
import { oncePerFact } from './read/memo';
import type { EndpointVariant } from './read/pythonEndpoints';
import { endpointVariantsOf } from './read/pythonEndpoints';
import { hasSageMakerScalableTarget, isAsyncTfConfig, listTfVariants } from './read/tfEndpoints';
import type { TrainingSetting } from './read/training';
import type { EndpointVariantRecord } from './records';

/**
 * The adapters that read endpoint variants from each format into {@link EndpointVariantRecord}s.
 * Records are built once per fact and shared by every rule that asks (facts never change after
 * the parse); only Python's scaling link waits for the end of the file, where a scalable target
 * registered after the deploy is known.
 */

// ---------------------------------------------------------------- CloudFormation

/** The SageMaker scalable targets of a template, read once. */
export const scalableTargetKeys = oncePerFact((template: CfnTemplate) => ({ keys: targetKeys(template) }));

function cfnField<T>(template: CfnTemplate, entry: CfnEntry | undefined, value: T | undefined): Field<T> | undefined {
  if (!entry) return undefined;
  const anchor = { start: entry.keyStart, end: entry.keyEnd };
  if (value !== undefined) return known(value, anchor);
  const parameter = refTarget(entry.value);
  return unknown(parameter !== undefined && getParameter(template, parameter) ? 'parameter-without-default' : 'expression', anchor);
}

/** The variants of an `AWS::SageMaker::EndpointConfig`, scaling judged for any endpoint of the template that serves it. */
export const cfnRecords = oncePerFact((resource: CfnResource): EndpointVariantRecord[] => {
  const variants = listVariants(resource);
  if (!variants) return [];
  const template = resource.template;
  const asynchronous = isAsyncConfig(resource);
  return variants.map((variant) => {
    let cached: EndpointVariantRecord['scaling'] | undefined;
    const scaling = (): EndpointVariantRecord['scaling'] => {
      if (cached) return cached;
      const keys = scalableTargetKeys(template).keys;
      if (!keys || variant.name === undefined) return (cached = 'unknown');
      const name = variant.name;
      const endpoints = endpointsOf(resource);
      const covers = (key: TargetKey) => (endpoints.length ? endpoints.some((e) => targetCovers(template, key, e, name)) : key.variant === undefined || key.variant === name);
      return (cached = keys.some(covers) ? 'scaled' : 'unscaled');
    };
    return {
      kind: 'endpointVariant',
      format: 'cfn',
      config: resource.logicalId,
      variantName: variant.name,
      instanceType: cfnField(template, variant.instanceType, variant.instanceTypeValue),
      instanceCount: cfnField(template, variant.count, variant.countValue),
      invocation: variant.serverless ? 'serverless' : asynchronous ? 'async' : 'real-time',
      ...(variant.managedScaling ? { managedScaling: variant.managedScaling } : {}),
      get scaling() {
        return scaling();
      },
    };
  });
});

// ---------------------------------------------------------------- Terraform

function tfField<T>(attribute: TfAttribute | undefined, value: T | undefined): Field<T> | undefined {
  if (!attribute) return undefined;
  const anchor = { start: attribute.nameStart, end: attribute.nameEnd };
  if (value !== undefined) return known(value, anchor);
  const v = attribute.value;
  return unknown(v.kind === 'reference' && v.reference.path[0] === 'var' ? 'variable' : 'expression', anchor);
}

/** The plain `production_variants` of an `aws_sagemaker_endpoint_configuration`; scaling is the module's. */
export const tfRecords = oncePerFact((resource: TfResource): Array<Omit<EndpointVariantRecord, 'scaling'>> => {
  const variants = listTfVariants(resource);
  if (!variants) return [];
  const asynchronous = isAsyncTfConfig(resource);
  return variants.map((variant) => ({
    kind: 'endpointVariant',
    format: 'tf',
    config: `aws_sagemaker_endpoint_configuration.${resource.name}`,
    variantName: variant.name,
    instanceType: tfField(variant.instanceType, variant.instanceTypeValue),
    instanceCount: tfField(variant.count, variant.countValue),
    invocation: variant.serverless ? 'serverless' : asynchronous ? 'async' : 'real-time',
    ...(variant.managedScaling ? { managedScaling: variant.managedScaling } : {}),
  }));
});

/** Terraform scalable targets are matched per module, not per variant: their resource IDs are rarely literal. */
export function tfScaling(module: TfModule | undefined): EndpointVariantRecord['scaling'] {
  return !module ? 'unknown' : hasSageMakerScalableTarget(module) ? 'scaled' : 'unscaled';
}

// ---------------------------------------------------------------- CDK

function cdkField<T>(prop: CdkProp | undefined, value: T | undefined): Field<T> | undefined {
  if (!prop) return undefined;
  const anchor = { start: prop.keyStart, end: prop.keyEnd };
  return value !== undefined ? known(value, anchor) : unknown(prop.value.kind === 'unknown' ? 'expression' : 'variable', anchor);
}

/** The variants of a `sagemaker.CfnEndpointConfig`, without their scaling (the app's). */
export const cdkConfigRecords = oncePerFact((construct: CdkConstruct): Array<Omit<EndpointVariantRecord, 'scaling'>> => {
  const asynchronous = getProp(construct.props, 'asyncInferenceConfig') !== undefined;
  return (listCdkVariants(construct) ?? []).map((variant) => {
    const name = getProp(variant.value, 'variantName')?.value;
    return {
      kind: 'endpointVariant',
      format: 'cdk',
      config: constructName(construct),
      variantName: name?.kind === 'string' ? name.value : undefined,
      instanceType: cdkField(variant.instanceType, variant.instanceTypeValue),
      instanceCount: cdkField(variant.count, variant.countValue),
      invocation: variant.serverless ? 'serverless' : asynchronous ? 'async' : 'real-time',
      ...(variant.managedScaling ? { managedScaling: variant.managedScaling } : {}),
    };
  });
});

/** Scalable target resource IDs are rarely literal in CDK: anything that may scale SageMaker counts for every variant. */
export const cdkScaling = oncePerFact((app: CdkApp): { scaling: EndpointVariantRecord['scaling'] } => ({ scaling: cdkScalesSageMaker(app) ? 'scaled' : 'unscaled' }));

const cdkRecords = oncePerFact((app: CdkApp): EndpointVariantRecord[] => {
  const { scaling } = cdkScaling(app);
  return app.constructs.flatMap((construct) => cdkConfigRecords(construct).map((record) => ({ ...record, scaling })));
});

// ---------------------------------------------------------------- Python (SDK v2, v3, boto3)

/** The Application Auto Scaling method that registers a scalable target (an endpoint variant's instance count). */
const registerScalableTarget = 'register_scalable_target';

export function pyInstanceType(setting: TrainingSetting | undefined): Field<string> | undefined {
  if (!setting) return undefined;
  const anchor: Span = { start: setting.start, end: setting.end };
  const value = setting.value;
  if (value.kind === 'string') return known(value.value, anchor, setting.editable ? { format: 'py', value } : undefined);
  const alternatives = value.kind === 'unknown' ? value.alternatives : undefined;
  if (alternatives?.length && alternatives.every((a) => a.kind === 'string')) {
    const values = alternatives.map((a) => (a.kind === 'string' ? a.value : ''));
    return values.length === 1 ? known(values[0], anchor) : unknown('several-values', anchor, values);
  }
  return unknown('variable', anchor);
}

export function pyCount(setting: TrainingSetting | undefined): Field<number> | undefined {
  if (!setting) return undefined;
  const anchor = { start: setting.start, end: setting.end };
  return setting.value.kind === 'number' ? known(setting.value.value, anchor) : unknown('variable', anchor);
}

const pyRecord = oncePerFact((variant: EndpointVariant): Omit<EndpointVariantRecord, 'scaling'> => ({
  kind: 'endpointVariant',
  format: 'py',
  instanceType: pyInstanceType(variant.instanceType),
  instanceCount: pyCount(variant.instanceCount),
  invocation: variant.invocation,
  ...(variant.open ? { incomplete: true } : {}),
  ...(isLocalMode(variant.instanceType?.value) ? { hostedOn: 'local' as const } : {}),
}));

/** SageMaker SDK local sessions: an endpoint deployed through one runs on this machine. */
const localSessions = ['sagemaker.local.LocalSession', 'sagemaker.local.local_session.LocalSession', 'sagemaker.LocalSession'];

// ---------------------------------------------------------------- one visitor set for every format

/**
 * Visitors that hand every endpoint variant of the file to `visit`, whatever its format.
 * `text` is the linted code (Python reads a `ModelBuilder`'s `mode=` from it).
 */
export function visitEndpointVariants(text: string, visit: (record: EndpointVariantRecord) => void): Visitors {
  let tfModule: TfModule | undefined;
  let pythonScaled = false;
  let mayBeLocal = false;
  const buckets = defaultBucketVariables(text);
  const python: Array<Omit<EndpointVariantRecord, 'scaling'>> = [];
  return {
    cfnResource(resource) {
      for (const record of cfnRecords(resource)) visit(record);
    },
    tfModule(module) {
      tfModule = module;
    },
    tfResource(resource) {
      const records = tfRecords(resource);
      if (!records.length) return;
      const scaling = tfScaling(tfModule);
      for (const record of records) visit({ ...record, scaling });
    },
    cdkApp(app) {
      for (const record of cdkRecords(app)) visit(record);
    },
    pythonModule(module) {
      // On a client the analysis cannot resolve (a parameter, a helper's return value): still a registration.
      if (module.unresolvedCalls.some((u) => u.method === registerScalableTarget)) pythonScaled = true;
      mayBeLocal = localSessions.some((name) => module.imports.includes(name));
    },
    pythonCall(call: PythonCall) {
      buckets.visit(call);
      if (call.name.endsWith(`.${registerScalableTarget}`)) pythonScaled = true;
      const variants = endpointVariantsOf(call, text);
      if (!variants.length) return;
      const callee = { start: call.callee.start, end: call.callee.end };
      const defaultBucket = buckets.before(call.start);
      for (const variant of variants) {
        const record = pyRecord(variant);
        const maybeLocal = mayBeLocal && !record.hostedOn && !record.instanceType?.known;
        python.push({ ...record, ...(maybeLocal ? { hostedOn: 'maybe-local' as const } : {}), site: { format: 'py', call, variant, callee, ...(defaultBucket ? { defaultBucket } : {}) } });
      }
    },
    onEnd() {
      const scaling = pythonScaled ? 'scaled' : 'unscaled';
      for (const record of python) visit({ ...record, scaling });
    },
  };
}
