import { defineRule } from '../core/defineRule';
import type { CfnEntry, CfnTemplate } from '../parsers/cloudformation';
import { getEntry, getMapValue, resolveScalar, resolveValue } from '../parsers/cloudformation';
import type { TfAttribute } from '../parsers/terraform';
import { getAttribute, resolveLiteral } from '../parsers/terraform';
import { getPropertiesFact } from './utils/cfnFacts';
import { listTfVariants } from './utils/tfEndpoints';

const advice = 'Remove the Elastic Inference accelerator and serve from an instance type that fits the model: CPU, GPU or AWS Inferentia (ml.inf2) (see the rule page)';

export const elasticInferenceRetired = defineRule({
  id: 'SML306',
  name: 'elastic-inference-retired',
  meta: {
    category: 'deploy',
    defaultSeverity: 'error',
    formats: ['cfn', 'tf'],
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
    };

    function reportTf(attribute: TfAttribute, accelerator: string, where: string): void {
      report({ keyStart: attribute.nameStart, keyEnd: attribute.nameEnd }, accelerator, where);
    }

    function report(entry: Pick<CfnEntry, 'keyStart' | 'keyEnd'>, accelerator: string, where: string): void {
      context.report({
        start: entry.keyStart,
        end: entry.keyEnd,
        messageId: 'retired',
        data: { resource: where, accelerator },
        fix: { title: advice, applicability: 'displayOnly', edits: [] },
      });
    }
  },
});

function isEi(name: string): boolean {
  return name.toLowerCase().startsWith('ml.eia');
}

function eiType(template: CfnTemplate, entry: CfnEntry): string | undefined {
  const value = resolveScalar(template, entry.value);
  return typeof value === 'string' && isEi(value) ? value : undefined;
}
