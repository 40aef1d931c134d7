import { extended } from '../core/objects';
import type { Visitors } from '../core/types';
import type { CdkApp, CdkConstruct } from '../parsers/cdk/model';
import { getPath, getProp, propsKnown } from '../parsers/cdk/model';
import type { CfnResource, CfnTemplate } from '../parsers/cloudformation';
import { getEntry, getMapValue, resolveScalar, resolveValue } from '../parsers/cloudformation';
import { conditionBranches } from '../parsers/cloudformationConditions';
import type { PyValue, PythonCall } from '../parsers/python/facts';
import { asDict, getDictEntry, getKeyword } from '../parsers/python/facts';
import type { TfModule, TfResource } from '../parsers/terraform';
import { getAttribute, getBlocks, listModuleResourcesOfType, resolveLiteral } from '../parsers/terraform';
import type { Field } from './field';
import { known, unknown } from './field';
import { isSageMakerClientCall } from './read/sagemaker';
import { constructName, constructRange } from './edit/cdkEdits';
import { headerRange } from './edit/tfEdits';
import { cdkConfigRecords, cfnRecords, scalableTargetKeys, tfRecords } from './endpointVariants';
import type { AcceleratorAttachmentRecord, DataCaptureRecord, EndpointRecord, ScalableTargetRecord } from './hostingRecords';
import { cdkScalableTargets, cfnScalableTargets, tfScalableTargets } from './hostingScaling';
import { cdkConfigOf, listCdkVariants } from './read/cdkEndpoints';
import { configOf, listVariants } from './read/cfnEndpoints';
import { getPropertiesFact } from './read/cfnFacts';
import { oncePerFact } from './read/memo';
import { indexTfConfigs, indexTfTargetKeys, listTfTargetKeys, listTfVariants, tfConfigOf } from './read/tfEndpoints';
import type { EndpointVariantRecord } from './records';

/**
 * The adapters that read endpoints (with the configuration each serves and the scaling link of
 * each variant for that endpoint) from CloudFormation, Terraform and CDK. Built once per template,
 * module or app and shared by every rule that asks.
 */

/** A variant with its link to the targets that scale it; `scaling` says the same in one word. */
function linked(variant: Omit<EndpointVariantRecord, 'scaling'>, scaledBy: ScalableTargetRecord[] | undefined): EndpointVariantRecord {
  const scaling = scaledBy === undefined ? 'unknown' : scaledBy.length ? 'scaled' : 'unscaled';
  return extended(variant, scaledBy ? { scaling, scaledBy } : { scaling });
}

// ---------------------------------------------------------------- CloudFormation

const cfnEndpoints = oncePerFact((template: CfnTemplate): EndpointRecord[] => {
  const keys = scalableTargetKeys(template).keys;
  const byId = new Map(template.resources.map((r) => [r.logicalId, r]));
  const resourcesKey = getEntry(template.root, 'Resources');
  return template.resources.flatMap((endpoint): EndpointRecord[] => {
    if (endpoint.type !== 'AWS::SageMaker::Endpoint') return [];
    const props = getPropertiesFact(endpoint);
    const config = props.known && props.map ? configOf(template, byId, props.map) : undefined;
    if (!config || !props.known || !props.map) return [];
    const endpointName = resolveScalar(template, getEntry(props.map, 'EndpointName')?.value);
    const targets = cfnScalableTargets(template);
    const scaledBy = (variant: string | undefined): ScalableTargetRecord[] | undefined => {
      if (!keys || variant === undefined) return undefined;
      return keys
        .filter(
          (key) =>
            (key.variant === undefined || key.variant === variant) &&
            (key.endpoint === undefined || ('resource' in key.endpoint ? key.endpoint.resource === endpoint.logicalId : key.endpoint.name === endpointName)),
        )
        .flatMap((key) => {
          const record = key.target && targets.get(key.target);
          return record ? [record] : [];
        });
    };
    /** The endpoint serving the configuration as `served` reads it (the configuration itself, or one branch of its conditions). */
    const record = (served: CfnResource): EndpointRecord | undefined => {
      const configProps = getPropertiesFact(served);
      const variantsEntry = configProps.known ? configProps.map && getEntry(configProps.map, 'ProductionVariants') : undefined;
      if (!variantsEntry || variantsEntry.value.kind !== 'seq' || variantsEntry.value.intrinsic) return undefined;
      const variants = cfnRecords(served);
      return {
        kind: 'endpoint',
        format: 'cfn',
        name: endpoint.logicalId,
        anchor: { start: endpoint.keyStart, end: endpoint.keyEnd },
        config: { kind: 'endpointConfig', format: 'cfn', name: config.logicalId, variantsAnchor: { start: variantsEntry.keyStart, end: variantsEntry.keyEnd }, variants },
        variants: variants.map((v) => linked(v, scaledBy(v.variantName))),
        source: { format: 'cfn', resource: endpoint, resourcesKey: resourcesKey && { start: resourcesKey.keyStart, end: resourcesKey.keyEnd } },
      };
    };
    const own = record(config);
    // A conditional value inside the list (an InstanceType under Fn::If) leaves the variants readable: the endpoint is read whole, as before.
    if (own) return [own];
    // The list itself under conditions (the whole properties, or ProductionVariants): the endpoint as each branch reads it, when
    // every branch lists its variants; the endpoint itself has no variants a rule could judge without its branches.
    const branches = conditionBranches(config)?.map(record);
    if (!branches?.length || branches.some((b) => b === undefined)) return [];
    const each = branches as EndpointRecord[];
    return [{ ...each[0], config: { ...each[0].config, variants: undefined }, variants: [], branches: each }];
  });
});

// ---------------------------------------------------------------- Terraform

const tfEndpoints = oncePerFact((module: TfModule): EndpointRecord[] => {
  const keys = listTfTargetKeys(module);
  const covered = keys && indexTfTargetKeys(keys);
  const configs = indexTfConfigs(module);
  return listModuleResourcesOfType(module, 'aws_sagemaker_endpoint').flatMap((endpoint): EndpointRecord[] => {
    const config = tfConfigOf(configs, endpoint);
    const first = config && getBlocks(config.block, 'production_variants')[0];
    if (!config || !first) return [];
    // A dynamic block builds as many variants as its for_each has elements: the list cannot be read whole, but each record judges them all.
    const whole = !getBlocks(config.block, 'production_variants').some((b) => b.type === 'dynamic');
    const literal = resolveLiteral(endpoint.file, getAttribute(endpoint.block, 'name')?.value);
    const endpointName = typeof literal === 'string' ? literal : undefined;
    const targets = tfScalableTargets(module);
    const scaledBy = (variant: string | undefined): ScalableTargetRecord[] | undefined =>
      // A variant whose name the file does not give (a dynamic block's, a variable's) is matched only when the module scales no SageMaker variant at all.
      !covered || !keys ? undefined : variant === undefined ? (keys.length ? undefined : []) : covered(endpoint.name, endpointName, variant).flatMap((key) => {
        const record = key.target && targets.get(key.target);
        return record ? [record] : [];
      });
    const variants = tfRecords(config);
    return [
      {
        kind: 'endpoint',
        format: 'tf',
        name: `aws_sagemaker_endpoint.${endpoint.name}`,
        anchor: { ...headerRange(endpoint.block), fileName: endpoint.source.fileName },
        config: {
          kind: 'endpointConfig',
          format: 'tf',
          name: `aws_sagemaker_endpoint_configuration.${config.name}`,
          variantsAnchor: { start: first.typeStart, end: first.typeEnd },
          variants: whole ? variants.map((v) => ({ ...v, scaling: 'unknown' })) : undefined,
        },
        variants: variants.map((v) => linked(v, scaledBy(v.variantName))),
        source: { format: 'tf', module, endpoint, config },
      },
    ];
  });
});

// ---------------------------------------------------------------- CDK

const cdkEndpoints = oncePerFact((app: CdkApp): EndpointRecord[] => {
  const { records: targets } = cdkScalableTargets(app);
  return app.constructs.flatMap((endpoint): EndpointRecord[] => {
    if (endpoint.type !== 'aws_sagemaker.CfnEndpoint' || !propsKnown(endpoint)) return [];
    const config = cdkConfigOf(app, endpoint);
    const variantsProp = config && getProp(config.props, 'productionVariants');
    if (!config || !variantsProp) return [];
    const variants = cdkConfigRecords(config).map((v) => linked(v, targets));
    return [
      {
        kind: 'endpoint',
        format: 'cdk',
        name: constructName(endpoint),
        anchor: constructRange(endpoint),
        config: { kind: 'endpointConfig', format: 'cdk', name: constructName(config), variantsAnchor: { start: variantsProp.keyStart, end: variantsProp.keyEnd }, variants },
        variants,
        source: { format: 'cdk', app, endpoint },
      },
    ];
  });
});

// ---------------------------------------------------------------- one visitor set for every format

/**
 * Visitors that hand every endpoint of the file to `visit`, whatever its format. A Terraform
 * endpoint is handed over with the file of the configuration it serves (findings about its
 * variants sit there), wherever in the module the endpoint itself is.
 */
export function visitEndpoints(visit: (record: EndpointRecord) => void): Visitors {
  let tfModule: TfModule | undefined;
  return {
    cfnTemplate(template) {
      for (const record of cfnEndpoints(template)) visit(record);
    },
    tfModule(module) {
      tfModule = module;
    },
    tfFile(file) {
      for (const record of tfModule ? tfEndpoints(tfModule) : []) if (record.source.format === 'tf' && record.source.config.file === file) visit(record);
    },
    cdkApp(app) {
      for (const record of cdkEndpoints(app)) visit(record);
    },
  };
}

// ---------------------------------------------------------------- data capture

const capturedPercent = (value: unknown): number | undefined => (typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : undefined);

const cfnCapture = oncePerFact((resource: CfnResource): { record?: DataCaptureRecord } => {
  const properties = resource.type === 'AWS::SageMaker::EndpointConfig' ? getPropertiesFact(resource) : undefined;
  const capture = properties?.known && properties.map ? getMapValue(getEntry(properties.map, 'DataCaptureConfig')?.value) : undefined;
  if (!capture) return {};
  const template = resource.template;
  const enabled = getEntry(capture, 'EnableCapture');
  const on = enabled ? resolveScalar(template, enabled.value) : true;
  const sampling = getEntry(capture, 'InitialSamplingPercentage');
  const value = sampling && capturedPercent(resolveScalar(template, sampling.value));
  let samplingPercentage: Field<number> | undefined;
  if (sampling) {
    const anchor = { start: sampling.keyStart, end: sampling.keyEnd };
    const v = sampling.value;
    const literal = v.kind === 'scalar' && !v.intrinsic;
    samplingPercentage = value === undefined ? unknown('expression', anchor) : known(value, anchor, literal ? { format: 'literal', start: v.start, end: v.end, inside: true } : undefined);
  }
  return { record: { kind: 'dataCapture', format: 'cfn', config: resource.logicalId, enabled: on === true || on === 'true' ? 'yes' : on === false || on === 'false' ? 'no' : 'unknown', samplingPercentage, samplingKey: 'InitialSamplingPercentage: ' } };
});

const tfCaptures = oncePerFact((resource: TfResource): DataCaptureRecord[] => {
  if (resource.type !== 'aws_sagemaker_endpoint_configuration') return [];
  return resource.block.blocks
    .filter((b) => b.type === 'data_capture_config')
    .map((capture): DataCaptureRecord => {
      const enabled = getAttribute(capture, 'enable_capture');
      const on = enabled ? resolveLiteral(resource.file, enabled.value) : true;
      const sampling = getAttribute(capture, 'initial_sampling_percentage');
      const value = sampling && capturedPercent(resolveLiteral(resource.file, sampling.value));
      let samplingPercentage: Field<number> | undefined;
      if (sampling) {
        const anchor = { start: sampling.nameStart, end: sampling.nameEnd };
        // A dynamic block inside may set what the attribute says: the percentage is not known.
        const readable = value !== undefined && !getBlocks(capture, 'dynamic').length;
        samplingPercentage = readable ? known(value, anchor, sampling.value.kind === 'literal' ? { format: 'literal', start: sampling.value.start, end: sampling.value.end } : undefined) : unknown('expression', anchor);
      }
      return { kind: 'dataCapture', format: 'tf', config: `aws_sagemaker_endpoint_configuration.${resource.name}`, enabled: on === true ? 'yes' : on === false ? 'no' : 'unknown', samplingPercentage, samplingKey: 'initial_sampling_percentage = ' };
    });
});

const cdkCapture = oncePerFact((construct: CdkConstruct): { record?: DataCaptureRecord } => {
  const capture = construct.type === 'aws_sagemaker.CfnEndpointConfig' ? getProp(construct.props, 'dataCaptureConfig')?.value : undefined;
  if (capture?.kind !== 'object') return {};
  const enabled = getProp(capture, 'enableCapture')?.value;
  const sampling = getPath(capture, ['initialSamplingPercentage']);
  let samplingPercentage: Field<number> | undefined;
  if (sampling) {
    const anchor = { start: sampling.keyStart, end: sampling.keyEnd };
    const v = sampling.value;
    samplingPercentage = v.kind === 'number' ? known(v.value, anchor, v.indirect ? undefined : { format: 'literal', start: v.start, end: v.end }) : unknown('expression', anchor);
  }
  const python = construct.language === 'python';
  return {
    record: {
      kind: 'dataCapture',
      format: 'cdk',
      config: constructName(construct),
      enabled: !enabled || (enabled.kind === 'bool' && enabled.value) ? 'yes' : enabled.kind === 'bool' ? 'no' : 'unknown',
      samplingPercentage,
      samplingKey: python ? 'initial_sampling_percentage=' : 'initialSamplingPercentage: ',
    },
  };
});

function pyPercent(anchor: { start: number; end: number }, value: PyValue, editable: boolean): Field<number> {
  return value.kind === 'number' ? known(value.value, anchor, editable ? { format: 'literal', start: value.start, end: value.end } : undefined) : unknown('variable', anchor);
}

const pyCapture = oncePerFact((call: PythonCall): { record?: DataCaptureRecord } => {
  if (call.name.startsWith('sagemaker.') && call.name.endsWith('.DataCaptureConfig')) {
    const enabled = getKeyword(call, 'enable_capture')?.value ?? call.positional[0];
    const keyword = getKeyword(call, 'sampling_percentage');
    const value = keyword?.value ?? call.positional[1];
    const anchor = keyword ?? value;
    const editable = keyword ? !keyword.spread && !keyword.value.indirect : !value?.indirect;
    return {
      record: {
        kind: 'dataCapture',
        format: 'py',
        // The SDK requires the flag: missing or not a literal, the file does not say it captures.
        enabled: enabled?.kind === 'bool' ? (enabled.value ? 'yes' : 'no') : 'unknown',
        samplingPercentage: anchor && value && pyPercent({ start: anchor.start, end: anchor.end }, value, editable),
        samplingKey: 'sampling_percentage=',
      },
    };
  }
  if (!isSageMakerClientCall(call, 'create_endpoint_config')) return {};
  const capture = asDict(getKeyword(call, 'DataCaptureConfig')?.value);
  if (!capture) return {};
  const enabled = getDictEntry(capture, 'EnableCapture')?.value;
  const sampling = getDictEntry(capture, 'InitialSamplingPercentage');
  return {
    record: {
      kind: 'dataCapture',
      format: 'py',
      enabled: !enabled || (enabled.kind === 'bool' && enabled.value) ? 'yes' : enabled.kind === 'bool' ? 'no' : 'unknown',
      samplingPercentage: sampling && pyPercent({ start: sampling.start, end: sampling.end }, sampling.value, !capture.indirect && !sampling.value.indirect),
      samplingKey: '"InitialSamplingPercentage": ',
    },
  };
});

/** Visitors that hand every data capture configuration of the file to `visit`, whatever its format. */
export function visitDataCaptures(visit: (record: DataCaptureRecord) => void): Visitors {
  const one = (found: { record?: DataCaptureRecord }) => found.record && visit(found.record);
  return {
    cfnResource: (resource) => one(cfnCapture(resource)),
    tfResource: (resource) => tfCaptures(resource).forEach(visit),
    cdkConstruct: (construct) => one(cdkCapture(construct)),
    pythonCall: (call) => one(pyCapture(call)),
  };
}

// ---------------------------------------------------------------- accelerators attached (Elastic Inference)

type Attachment = AcceleratorAttachmentRecord;
const strings = (values: readonly unknown[]): string[] => values.filter((v): v is string => typeof v === 'string');

const cfnAttachments = oncePerFact((resource: CfnResource): Attachment[] => {
  const template = resource.template;
  if (resource.type === 'AWS::SageMaker::EndpointConfig') {
    return (listVariants(resource) ?? []).flatMap((variant): Attachment[] => {
      const entry = getEntry(variant.map, 'AcceleratorType');
      const type = entry && resolveScalar(template, entry.value);
      if (!entry || typeof type !== 'string') return [];
      return [{ kind: 'acceleratorAttachment', format: 'cfn', owner: { kind: 'endpointVariant', config: resource.logicalId, variant: variant.name }, accelerators: [type], anchor: { start: entry.keyStart, end: entry.keyEnd } }];
    });
  }
  const properties = resource.type === 'AWS::SageMaker::NotebookInstance' ? getPropertiesFact(resource) : undefined;
  const entry = properties?.known && properties.map ? getEntry(properties.map, 'AcceleratorTypes') : undefined;
  const list = entry && resolveValue(template, entry.value);
  if (!entry || list?.kind !== 'seq') return [];
  const accelerators = strings(list.items.map((item) => resolveScalar(template, item)));
  return [{ kind: 'acceleratorAttachment', format: 'cfn', owner: { kind: 'notebookInstance', name: resource.logicalId }, accelerators, anchor: { start: entry.keyStart, end: entry.keyEnd } }];
});

const tfAttachments = oncePerFact((resource: TfResource): Attachment[] => {
  if (resource.type === 'aws_sagemaker_endpoint_configuration') {
    return (listTfVariants(resource) ?? []).flatMap((variant): Attachment[] => {
      const attribute = getAttribute(variant.block, 'accelerator_type');
      const type = attribute && resolveLiteral(resource.file, attribute.value);
      if (!attribute || typeof type !== 'string') return [];
      const owner = { kind: 'endpointVariant' as const, config: `aws_sagemaker_endpoint_configuration.${resource.name}`, variant: variant.name };
      return [{ kind: 'acceleratorAttachment', format: 'tf', owner, accelerators: [type], anchor: { start: attribute.nameStart, end: attribute.nameEnd } }];
    });
  }
  const attribute = resource.type === 'aws_sagemaker_notebook_instance' ? getAttribute(resource.block, 'accelerator_types') : undefined;
  if (attribute?.value.kind !== 'tuple') return [];
  const accelerators = strings(attribute.value.items.map((item) => resolveLiteral(resource.file, item)));
  return [{ kind: 'acceleratorAttachment', format: 'tf', owner: { kind: 'notebookInstance', name: `aws_sagemaker_notebook_instance.${resource.name}` }, accelerators, anchor: { start: attribute.nameStart, end: attribute.nameEnd } }];
});

const cdkAttachments = oncePerFact((construct: CdkConstruct): Attachment[] => {
  const found = (listCdkVariants(construct) ?? []).flatMap((variant): Attachment[] => {
    const accelerator = getProp(variant.value, 'acceleratorType');
    if (accelerator?.value.kind !== 'string') return [];
    const name = getProp(variant.value, 'variantName')?.value;
    const owner = { kind: 'endpointVariant' as const, config: constructName(construct), variant: name?.kind === 'string' ? name.value : undefined };
    return [{ kind: 'acceleratorAttachment', format: 'cdk', owner, accelerators: [accelerator.value.value], anchor: { start: accelerator.keyStart, end: accelerator.keyEnd } }];
  });
  const accelerators = construct.type === 'aws_sagemaker.CfnNotebookInstance' ? getProp(construct.props, 'acceleratorTypes') : undefined;
  if (accelerators?.value.kind === 'array') {
    const names = accelerators.value.items.flatMap((item) => (item.kind === 'string' ? [item.value] : []));
    found.push({ kind: 'acceleratorAttachment', format: 'cdk', owner: { kind: 'notebookInstance', name: constructName(construct) }, accelerators: names, anchor: { start: accelerators.keyStart, end: accelerators.keyEnd } });
  }
  return found;
});

const pyString = (value: PyValue | undefined): string | undefined => (value?.kind === 'string' ? value.value : undefined);

const pyAttachments = oncePerFact((call: PythonCall): Attachment[] => {
  const attachment = (owner: Attachment['owner'], accelerators: string[], anchor: { start: number; end: number }): Attachment => ({ kind: 'acceleratorAttachment', format: 'py', owner, accelerators, anchor: { start: anchor.start, end: anchor.end } });
  // An image-URI lookup attaches nothing: the deploy that uses the image does.
  if (call.name.startsWith('sagemaker.') && !call.name.startsWith('sagemaker.image_uris.')) {
    const keyword = getKeyword(call, 'accelerator_type');
    const type = pyString(keyword?.value);
    if (!keyword || type === undefined) return [];
    return [attachment({ kind: call.name.endsWith(').deploy') ? 'deploy' : /Model$/.test(call.name) ? 'model' : 'call' }, [type], keyword)];
  }
  if (isSageMakerClientCall(call, 'create_endpoint_config')) {
    const variants = getKeyword(call, 'ProductionVariants')?.value;
    return (variants?.kind === 'list' ? variants.items : []).flatMap((item) => {
      const dict = asDict(item);
      const entry = dict && getDictEntry(dict, 'AcceleratorType');
      const type = pyString(entry?.value);
      return entry && type !== undefined ? [attachment({ kind: 'endpointVariant' }, [type], { start: entry.keyStart, end: entry.keyEnd })] : [];
    });
  }
  if (isSageMakerClientCall(call, 'create_notebook_instance')) {
    const keyword = getKeyword(call, 'AcceleratorTypes');
    const types = keyword?.value.kind === 'list' ? keyword.value.items.flatMap((item) => (item.kind === 'string' ? [item.value] : [])) : [];
    return keyword ? [attachment({ kind: 'notebookInstance' }, types, keyword)] : [];
  }
  return [];
});

/** Visitors that hand every accelerator attachment of the file to `visit`, whatever its format. */
export function visitAcceleratorAttachments(visit: (record: AcceleratorAttachmentRecord) => void): Visitors {
  return {
    cfnResource: (resource) => cfnAttachments(resource).forEach(visit),
    tfResource: (resource) => tfAttachments(resource).forEach(visit),
    cdkConstruct: (construct) => cdkAttachments(construct).forEach(visit),
    pythonCall: (call) => pyAttachments(call).forEach(visit),
  };
}
