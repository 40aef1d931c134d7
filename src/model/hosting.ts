import type { Visitors } from '../core/types';
import type { CdkApp } from '../parsers/cdk/model';
import { getProp, propsKnown } from '../parsers/cdk/model';
import type { CfnTemplate } from '../parsers/cloudformation';
import { getEntry, resolveScalar } from '../parsers/cloudformation';
import type { TfModule } from '../parsers/terraform';
import { getAttribute, getBlocks, listModuleResourcesOfType, resolveLiteral } from '../parsers/terraform';
import { constructName, constructRange } from './edit/cdkEdits';
import { headerRange } from './edit/tfEdits';
import { cdkConfigRecords, cdkScaling, cfnRecords, scalableTargetKeys, tfRecords } from './endpointVariants';
import type { EndpointRecord } from './hostingRecords';
import { cdkConfigOf } from './read/cdkEndpoints';
import { configOf } from './read/cfnEndpoints';
import { getPropertiesFact } from './read/cfnFacts';
import { oncePerFact } from './read/memo';
import { indexTfConfigs, indexTfTargetKeys, listTfTargetKeys, tfConfigOf } from './read/tfEndpoints';
import type { EndpointVariantRecord } from './records';

/**
 * The adapters that read endpoints (with the configuration each serves and the scaling link of
 * each variant for that endpoint) from CloudFormation, Terraform and CDK. Built once per template,
 * module or app and shared by every rule that asks.
 */

type Scaling = EndpointVariantRecord['scaling'];

// ---------------------------------------------------------------- CloudFormation

const cfnEndpoints = oncePerFact((template: CfnTemplate): EndpointRecord[] => {
  const keys = scalableTargetKeys(template).keys;
  const byId = new Map(template.resources.map((r) => [r.logicalId, r]));
  const resourcesKey = getEntry(template.root, 'Resources');
  return template.resources.flatMap((endpoint): EndpointRecord[] => {
    if (endpoint.type !== 'AWS::SageMaker::Endpoint') return [];
    const props = getPropertiesFact(endpoint);
    const config = props.known && props.map ? configOf(template, byId, props.map) : undefined;
    const configProps = config && getPropertiesFact(config);
    const variantsEntry = configProps?.known ? configProps.map && getEntry(configProps.map, 'ProductionVariants') : undefined;
    if (!config || !props.known || !props.map || !variantsEntry || variantsEntry.value.kind !== 'seq' || variantsEntry.value.intrinsic) return [];
    const endpointName = resolveScalar(template, getEntry(props.map, 'EndpointName')?.value);
    const scaling = (variant: string | undefined): Scaling => {
      if (!keys || variant === undefined) return 'unknown';
      const covered = keys.some(
        (key) =>
          (key.variant === undefined || key.variant === variant) &&
          (key.endpoint === undefined || ('resource' in key.endpoint ? key.endpoint.resource === endpoint.logicalId : key.endpoint.name === endpointName)),
      );
      return covered ? 'scaled' : 'unscaled';
    };
    const variants = cfnRecords(config);
    return [
      {
        kind: 'endpoint',
        format: 'cfn',
        name: endpoint.logicalId,
        anchor: { start: endpoint.keyStart, end: endpoint.keyEnd },
        config: { kind: 'endpointConfig', format: 'cfn', name: config.logicalId, variantsAnchor: { start: variantsEntry.keyStart, end: variantsEntry.keyEnd }, variants },
        variants: variants.map((v) => ({ ...v, scaling: scaling(v.variantName) })),
        source: { format: 'cfn', resource: endpoint, resourcesKey: resourcesKey && { start: resourcesKey.keyStart, end: resourcesKey.keyEnd } },
      },
    ];
  });
});

// ---------------------------------------------------------------- Terraform

const tfEndpoints = oncePerFact((module: TfModule): EndpointRecord[] => {
  const keys = listTfTargetKeys(module);
  const covered = keys && indexTfTargetKeys(keys);
  const configs = indexTfConfigs(module);
  return listModuleResourcesOfType(module, 'aws_sagemaker_endpoint').flatMap((endpoint): EndpointRecord[] => {
    const config = tfConfigOf(configs, endpoint);
    const first = config?.block.blocks.find((b) => b.type === 'production_variants');
    if (!config || !first) return [];
    // Variants built by dynamic blocks are unknown: the list cannot be read whole.
    const whole = !getBlocks(config.block, 'production_variants').some((b) => b.type === 'dynamic');
    const literal = resolveLiteral(endpoint.file, getAttribute(endpoint.block, 'name')?.value);
    const endpointName = typeof literal === 'string' ? literal : undefined;
    const scaling = (variant: string | undefined): Scaling => (!covered || variant === undefined ? 'unknown' : covered(endpoint.name, endpointName, variant) ? 'scaled' : 'unscaled');
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
        variants: whole ? variants.map((v) => ({ ...v, scaling: scaling(v.variantName) })) : [],
        source: { format: 'tf', module, endpoint, config },
      },
    ];
  });
});

// ---------------------------------------------------------------- CDK

const cdkEndpoints = oncePerFact((app: CdkApp): EndpointRecord[] => {
  const { scaling } = cdkScaling(app);
  return app.constructs.flatMap((endpoint): EndpointRecord[] => {
    if (endpoint.type !== 'aws_sagemaker.CfnEndpoint' || !propsKnown(endpoint)) return [];
    const config = cdkConfigOf(app, endpoint);
    const variantsProp = config && getProp(config.props, 'productionVariants');
    if (!config || !variantsProp) return [];
    const variants = cdkConfigRecords(config).map((v) => ({ ...v, scaling }));
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
