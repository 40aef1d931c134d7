import { defineRule } from '../core/defineRule';
import type { AcceleratorAttachmentRecord } from '../model/hostingRecords';
import { visitAcceleratorAttachments } from '../model/hosting';

const advice = 'Remove the Elastic Inference accelerator and serve from an instance type that fits the model: CPU, GPU or AWS Inferentia (ml.inf2) (see the rule page)';

/** Amazon Elastic Inference accelerator types are `ml.eia1.*` and `ml.eia2.*`. */
const isElasticInference = (type: string) => type.toLowerCase().startsWith('ml.eia');

/** What carries the accelerator, as the message names it. */
function ownerOf({ owner }: AcceleratorAttachmentRecord): string {
  switch (owner.kind) {
    case 'endpointVariant':
      return owner.config === undefined ? 'This endpoint config variant' : `Endpoint config ${owner.config}${owner.variant === undefined ? '' : ` (variant ${owner.variant})`}`;
    case 'notebookInstance':
      return owner.name === undefined ? 'This notebook instance' : `Notebook instance ${owner.name}`;
    case 'deploy':
      return 'This deploy()';
    case 'model':
      return 'This model';
    case 'call':
      return 'This call';
  }
}

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
    return visitAcceleratorAttachments((attachment) => {
      const retired = attachment.accelerators.filter(isElasticInference);
      if (!retired.length) return;
      context.report({
        start: attachment.anchor.start,
        end: attachment.anchor.end,
        messageId: 'retired',
        data: { resource: ownerOf(attachment), accelerator: retired.join(', ') },
        fix: { title: advice, applicability: 'displayOnly', edits: [] },
        effect: { kind: 'none', reason: 'the accelerator no longer runs: removing it changes no bill, it makes the deployment work' },
      });
    });
  },
});
