import type { Visitors } from '../core/types';
import type { CdkConstruct, CdkProp } from '../parsers/cdk/model';
import { getPath, getProp } from '../parsers/cdk/model';
import type { CfnEntry, CfnResource } from '../parsers/cloudformation';
import { getEntry, getMapValue, resolveScalar } from '../parsers/cloudformation';
import type { PyValue, PythonCall } from '../parsers/python/facts';
import { asDict, getDictEntry, getKeyword } from '../parsers/python/facts';
import type { TfResource } from '../parsers/terraform';
import type { Field, Span } from './field';
import { known, unknown } from './field';
import { constructName, constructRange } from './edit/cdkEdits';
import { headerRange } from './edit/tfEdits';
import { visitAcceleratorAttachments } from './hosting';
import type { AcceleratorAttachmentRecord, BatchTransformRecord, InferenceComponentRecord, ModelRecord } from './hostingRecords';
import { getPropertiesFact } from './read/cfnFacts';
import { oncePerFact } from './read/memo';
import { isSageMakerClientCall } from './read/sagemaker';

/**
 * The adapters that read inference components, batch transform jobs and models from every format
 * that writes them, built once per fact. Where a format has no such resource (Terraform's
 * inference components, any template's transform jobs), there is no adapter.
 */

const numeric = (value: unknown): number | undefined => (typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined);

function cfnField<T>(resource: CfnResource, entry: CfnEntry | undefined, read: (value: unknown) => T | undefined): Field<T> | undefined {
  if (!entry) return undefined;
  const value = read(resolveScalar(resource.template, entry.value));
  const anchor = { start: entry.keyStart, end: entry.keyEnd };
  return value === undefined ? unknown('expression', anchor) : known(value, anchor);
}

function cdkField<T>(prop: CdkProp | undefined, read: (value: unknown) => T | undefined): Field<T> | undefined {
  if (!prop) return undefined;
  const v = prop.value;
  const value = read(v.kind === 'string' || v.kind === 'number' ? v.value : undefined);
  const anchor = { start: prop.keyStart, end: prop.keyEnd };
  return value === undefined ? unknown(v.kind === 'name' ? 'variable' : 'expression', anchor) : known(value, anchor);
}

function pyField<T>(anchor: Span | undefined, value: PyValue | undefined, read: (value: unknown) => T | undefined): Field<T> | undefined {
  if (!anchor || !value) return undefined;
  const read_ = read(value.kind === 'string' || value.kind === 'number' ? value.value : undefined);
  return read_ === undefined ? unknown('variable', { start: anchor.start, end: anchor.end }) : known(read_, { start: anchor.start, end: anchor.end });
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

// ---------------------------------------------------------------- inference components

const cfnComponent = oncePerFact((resource: CfnResource): { record?: InferenceComponentRecord } => {
  if (resource.type !== 'AWS::SageMaker::InferenceComponent') return {};
  const props = getPropertiesFact(resource);
  const map = props.known ? props.map : undefined;
  const runtime = map && getMapValue(getEntry(map, 'RuntimeConfig')?.value);
  return {
    record: {
      kind: 'inferenceComponent',
      format: 'cfn',
      name: resource.logicalId,
      anchor: { start: resource.keyStart, end: resource.keyEnd },
      endpoint: cfnField(resource, map && getEntry(map, 'EndpointName'), text),
      variant: cfnField(resource, map && getEntry(map, 'VariantName'), text),
      copyCount: cfnField(resource, runtime && getEntry(runtime, 'CopyCount'), numeric),
    },
  };
});

const cdkComponent = oncePerFact((construct: CdkConstruct): { record?: InferenceComponentRecord } => {
  if (construct.type !== 'aws_sagemaker.CfnInferenceComponent') return {};
  return {
    record: {
      kind: 'inferenceComponent',
      format: 'cdk',
      name: constructName(construct),
      anchor: constructRange(construct),
      endpoint: cdkField(getProp(construct.props, 'endpointName'), text),
      variant: cdkField(getProp(construct.props, 'variantName'), text),
      copyCount: cdkField(getPath(construct.props, ['runtimeConfig', 'copyCount']), numeric),
    },
  };
});

const pyComponent = oncePerFact((call: PythonCall): { record?: InferenceComponentRecord } => {
  if (!isSageMakerClientCall(call, 'create_inference_component')) return {};
  const endpoint = getKeyword(call, 'EndpointName');
  const variant = getKeyword(call, 'VariantName');
  const runtime = asDict(getKeyword(call, 'RuntimeConfig')?.value);
  const copies = runtime && getDictEntry(runtime, 'CopyCount');
  return {
    record: {
      kind: 'inferenceComponent',
      format: 'py',
      anchor: { start: call.callee.start, end: call.callee.end },
      endpoint: pyField(endpoint, endpoint?.value, text),
      variant: pyField(variant, variant?.value, text),
      copyCount: pyField(copies, copies?.value, numeric),
    },
  };
});

// ---------------------------------------------------------------- batch transform

/** SDK transformers: `Transformer(model_name, instance_count, instance_type, …)` and `<model or estimator>.transformer(instance_count, instance_type, …)`. */
const pyTransform = oncePerFact((call: PythonCall): { record?: BatchTransformRecord } => {
  const anchor = { start: call.callee.start, end: call.callee.end };
  if (isSageMakerClientCall(call, 'create_transform_job')) {
    const resources = asDict(getKeyword(call, 'TransformResources')?.value);
    const type = resources && getDictEntry(resources, 'InstanceType');
    const count = resources && getDictEntry(resources, 'InstanceCount');
    return { record: { kind: 'batchTransform', format: 'py', anchor, instanceType: pyField(type, type?.value, text), instanceCount: pyField(count, count?.value, numeric) } };
  }
  const constructor = /^sagemaker(?:\.transformer)?\.Transformer$/.test(call.name);
  const method = call.name.startsWith('sagemaker.') && call.name.endsWith(').transformer');
  if (!constructor && !method) return {};
  const position = constructor ? 1 : 0;
  const argument = (name: string, at: number): { anchor: Span; value: PyValue } | undefined => {
    const keyword = getKeyword(call, name);
    if (keyword) return { anchor: keyword, value: keyword.value };
    const value = call.positional[at];
    return value && { anchor: value, value };
  };
  const type = argument('instance_type', position + 1);
  const count = argument('instance_count', position);
  return { record: { kind: 'batchTransform', format: 'py', anchor, instanceType: pyField(type?.anchor, type?.value, text), instanceCount: pyField(count?.anchor, count?.value, numeric) } };
});

// ---------------------------------------------------------------- models

const modelTypes: Record<string, true> = { 'AWS::SageMaker::Model': true, aws_sagemaker_model: true, 'aws_sagemaker.CfnModel': true };

/** SDK model classes: `sagemaker.model.Model`, `sagemaker.Model`, framework models (`sagemaker.pytorch.PyTorchModel`, `sagemaker.pytorch.model.PyTorchModel`, …). */
const sdkModel = /^sagemaker\.(?:[\w.]+\.)?\w*Model$/;

/** Visitors that hand every inference component, batch transform job and model of the file to the visitor given for its kind. */
export function visitHostingResources(visit: {
  inferenceComponent?: (record: InferenceComponentRecord) => void;
  batchTransform?: (record: BatchTransformRecord) => void;
  model?: (record: ModelRecord) => void;
}): Visitors {
  const one = <R>(found: { record?: R }, to?: (record: R) => void) => found.record && to?.(found.record);
  // An SDK model's Elastic Inference accelerator, read by the attachment adapter SML306 uses.
  const attachments = new Map<number, AcceleratorAttachmentRecord>();
  const attached = visitAcceleratorAttachments((a) => a.owner.kind === 'model' && attachments.set(a.anchor.start, a));
  return {
    cfnResource(resource) {
      if (resource.type === 'AWS::SageMaker::InferenceComponent') one(cfnComponent(resource), visit.inferenceComponent);
      if (resource.type !== undefined && modelTypes[resource.type]) visit.model?.({ kind: 'model', format: 'cfn', name: resource.logicalId, anchor: { start: resource.keyStart, end: resource.keyEnd } });
    },
    tfResource(resource: TfResource) {
      if (modelTypes[resource.type]) visit.model?.({ kind: 'model', format: 'tf', name: `aws_sagemaker_model.${resource.name}`, anchor: headerRange(resource.block) });
    },
    cdkConstruct(construct) {
      one(cdkComponent(construct), visit.inferenceComponent);
      if (modelTypes[construct.type]) visit.model?.({ kind: 'model', format: 'cdk', name: constructName(construct), anchor: constructRange(construct) });
    },
    pythonCall(call) {
      one(pyComponent(call), visit.inferenceComponent);
      one(pyTransform(call), visit.batchTransform);
      const model = sdkModel.test(call.name) || isSageMakerClientCall(call, 'create_model');
      if (!model || !visit.model) return;
      attached.pythonCall?.(call);
      const keyword = getKeyword(call, 'accelerator_type');
      const accelerator = keyword && attachments.get(keyword.start);
      visit.model({ kind: 'model', format: 'py', anchor: { start: call.callee.start, end: call.callee.end }, ...(accelerator ? { accelerator } : {}) });
    },
  };
}
