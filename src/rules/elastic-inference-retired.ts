import { defineRule } from '../core/defineRule';
import type { CfnEntry, CfnTemplate } from '../parsers/cloudformation';
import { getEntry, getMapValue, resolveScalar, resolveValue } from '../parsers/cloudformation';
import type { PyValue } from '../parsers/python/facts';
import { asDict, getDictEntry, getKeyword } from '../parsers/python/facts';
import type { TfAttribute } from '../parsers/terraform';
import { getAttribute, resolveLiteral } from '../parsers/terraform';
import { getPropertiesFact } from '../model/read/cfnFacts';
import { isSageMakerClientCall } from '../model/read/sagemaker';
import { listTfVariants } from '../model/read/tfEndpoints';
import { getProp } from '../parsers/cdk/model';
import { listCdkVariants } from '../model/read/cdkEndpoints';
import { constructName } from '../model/edit/cdkEdits';

const advice = 'Remove the Elastic Inference accelerator and serve from an instance type that fits the model: CPU, GPU or AWS Inferentia (ml.inf2) (see the rule page)';

export const elasticInferenceRetired = defineRule({
  id: 'SML306',
  name: 'elastic-inference-retired',
  meta: {
    category: 'deploy',
    defaultSeverity: 'error',
    formats: ['cfn', 'tf', 'py', 'nb', 'cdk'],
    description: 'Elastic Inference accelerator on an endpoint variant or notebook instance (the service is retired)',
    messages: {
      retired:
        '{{resource}} attaches the Elastic Inference accelerator {{accelerator}}: Amazon Elastic Inference stopped onboarding customers on 2023-04-15 and is documented as no longer available. Serve the model from a CPU, GPU or Inferentia (ml.inf2) instance instead.',
    },
    fixes: ['displayOnly'],
    wellArchitected: ['MLSUS05-BP02'],
    options: {},
  },
  create(context) {
    return {
      cfnResource(resource) {
        const properties = getPropertiesFact(resource);
        if (!properties.known || !properties.map) return;
        if (resource.type === 'AWS::SageMaker::EndpointConfig') {
          const variants = getEntry(properties.map, 'ProductionVariants')?.value;
          if (variants?.kind !== 'seq' || variants.intrinsic) return;
          for (const item of variants.items) {
            const variant = getMapValue(item);
            const accelerator = variant && getEntry(variant, 'AcceleratorType');
            const name = accelerator && eiType(resource.template, accelerator);
            if (!name || !variant) continue;
            const variantName = resolveScalar(resource.template, getEntry(variant, 'VariantName')?.value);
            report(accelerator, name, `Endpoint config ${resource.logicalId}${typeof variantName === 'string' ? ` (variant ${variantName})` : ''}`);
          }
        } else if (resource.type === 'AWS::SageMaker::NotebookInstance') {
          const accelerators = getEntry(properties.map, 'AcceleratorTypes');
          const list = accelerators && resolveValue(resource.template, accelerators.value);
          if (!accelerators || list?.kind !== 'seq') return;
          const names = list.items.map((item) => resolveScalar(resource.template, item)).filter((n): n is string => typeof n === 'string' && isEi(n));
          if (names.length) report(accelerators, names.join(', '), `Notebook instance ${resource.logicalId}`);
        }
      },
      tfResource(resource) {
        if (resource.type === 'aws_sagemaker_endpoint_configuration') {
          for (const variant of listTfVariants(resource) ?? []) {
            const attribute = getAttribute(variant.block, 'accelerator_type');
            const name = attribute && resolveLiteral(resource.file, attribute.value);
            if (!attribute || typeof name !== 'string' || !isEi(name)) continue;
            reportTf(attribute, name, `Endpoint config aws_sagemaker_endpoint_configuration.${resource.name}${variant.name ? ` (variant ${variant.name})` : ''}`);
          }
        } else if (resource.type === 'aws_sagemaker_notebook_instance') {
          const attribute = getAttribute(resource.block, 'accelerator_types');
          if (attribute?.value.kind !== 'tuple') return;
          const names = attribute.value.items.map((item) => resolveLiteral(resource.file, item)).filter((n): n is string => typeof n === 'string' && isEi(n));
          if (names.length) reportTf(attribute, names.join(', '), `Notebook instance aws_sagemaker_notebook_instance.${resource.name}`);
        }
      },
      cdkConstruct(construct) {
        for (const variant of listCdkVariants(construct) ?? []) {
          const accelerator = getProp(variant.value, 'acceleratorType');
          if (accelerator?.value.kind !== 'string' || !isEi(accelerator.value.value)) continue;
          const name = getProp(variant.value, 'variantName')?.value;
          report({ start: accelerator.keyStart, end: accelerator.keyEnd }, accelerator.value.value, `Endpoint config ${constructName(construct)}${name?.kind === 'string' ? ` (variant ${name.value})` : ''}`);
        }
        if (construct.type === 'aws_sagemaker.CfnNotebookInstance') {
          const accelerators = getProp(construct.props, 'acceleratorTypes');
          if (accelerators?.value.kind !== 'array') return;
          const names = accelerators.value.items.flatMap((item) => (item.kind === 'string' && isEi(item.value) ? [item.value] : []));
          if (names.length) report({ start: accelerators.keyStart, end: accelerators.keyEnd }, names.join(', '), `Notebook instance ${constructName(construct)}`);
        }
      },
      pythonCall(call) {
        // An image-URI lookup attaches nothing: the deploy that uses the image does.
        if (call.name.startsWith('sagemaker.') && !call.name.startsWith('sagemaker.image_uris.')) {
          const keyword = getKeyword(call, 'accelerator_type');
          const name = eiString(keyword?.value);
          if (keyword && name) report(keyword, name, call.name.endsWith(').deploy') ? 'This deploy()' : /Model$/.test(call.name) ? 'This model' : 'This call');
        } else if (isSageMakerClientCall(call, 'create_endpoint_config')) {
          const variants = getKeyword(call, 'ProductionVariants')?.value;
          for (const item of variants?.kind === 'list' ? variants.items : []) {
            const dict = asDict(item);
            const entry = dict && getDictEntry(dict, 'AcceleratorType');
            const name = eiString(entry?.value);
            if (entry && name) report(entry, name, 'This endpoint config variant');
          }
        } else if (isSageMakerClientCall(call, 'create_notebook_instance')) {
          const keyword = getKeyword(call, 'AcceleratorTypes');
          const names = keyword?.value.kind === 'list' ? keyword.value.items.map(eiString).filter((n): n is string => !!n) : [];
          if (keyword && names.length) report(keyword, names.join(', '), 'This notebook instance');
        }
      },
    };

    function reportTf(attribute: TfAttribute, accelerator: string, where: string): void {
      report({ keyStart: attribute.nameStart, keyEnd: attribute.nameEnd }, accelerator, where);
    }

    function report(span: { start: number; end: number } | Pick<CfnEntry, 'keyStart' | 'keyEnd'>, accelerator: string, where: string): void {
      const [start, end] = 'keyStart' in span ? [span.keyStart, span.keyEnd] : [span.start, span.end];
      context.report({
        start,
        end,
        messageId: 'retired',
        data: { resource: where, accelerator },
        fix: { title: advice, applicability: 'displayOnly', edits: [] },
      });
    }
  },
});

function eiString(value: PyValue | undefined): string | undefined {
  return value?.kind === 'string' && isEi(value.value) ? value.value : undefined;
}

function isEi(name: string): boolean {
  return name.toLowerCase().startsWith('ml.eia');
}

function eiType(template: CfnTemplate, entry: CfnEntry): string | undefined {
  const value = resolveScalar(template, entry.value);
  return typeof value === 'string' && isEi(value) ? value : undefined;
}
