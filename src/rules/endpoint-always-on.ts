import { defineRule } from '../core/defineRule';
import { getAcceleratorKind } from '../data/instances';
import { isAsyncConfig, listVariants } from './utils/cfnEndpoints';
import { isAsyncTfConfig, listTfVariants } from './utils/tfEndpoints';

export const endpointAlwaysOn = defineRule({
  id: 'SML301',
  name: 'endpoint-always-on',
  meta: {
    category: 'deploy',
    defaultSeverity: 'info',
    formats: ['cfn', 'tf'],
    description: 'Real-time endpoint variant on always-on CPU instances that could be serverless',
    messages: {
      alwaysOn:
        'Endpoint config {{name}} keeps {{variant}} on {{instanceType}} instances running and billed every hour, with or without traffic. For intermittent or low traffic a serverless variant (ServerlessConfig) bills only while requests run.',
    },
    fixes: ['displayOnly'],
    wellArchitected: ['MLSUS05-BP01'],
    options: {},
  },
  create(context) {
    return {
      cfnResource(resource) {
        const variants = listVariants(resource);
        if (!variants || isAsyncConfig(resource)) return;
        for (const variant of variants) {
          const type = variant.instanceTypeValue;
          // Serverless inference runs on CPU only: GPU and Inferentia variants have no serverless alternative.
          if (!variant.instanceType || variant.serverless || !type || getAcceleratorKind(type) !== 'none') continue;
          context.report({
            start: variant.instanceType.keyStart,
            end: variant.instanceType.keyEnd,
            messageId: 'alwaysOn',
            data: { name: resource.logicalId, variant: variant.name ? `variant ${variant.name}` : 'a variant', instanceType: type },
            fix: {
              title: 'Replace InstanceType and InitialInstanceCount with a ServerlessConfig (MemorySizeInMB, MaxConcurrency) if the traffic is intermittent (see the rule page)',
              applicability: 'displayOnly',
              edits: [],
            },
          });
        }
      },
      tfResource(resource) {
        const variants = listTfVariants(resource);
        if (!variants || isAsyncTfConfig(resource)) return;
        for (const variant of variants) {
          const type = variant.instanceTypeValue;
          if (!variant.instanceType || variant.serverless || !type || getAcceleratorKind(type) !== 'none') continue;
          context.report({
            start: variant.instanceType.nameStart,
            end: variant.instanceType.nameEnd,
            messageId: 'alwaysOn',
            data: { name: `aws_sagemaker_endpoint_configuration.${resource.name}`, variant: variant.name ? `variant ${variant.name}` : 'a variant', instanceType: type },
            fix: {
              title: 'Replace instance_type and initial_instance_count with a serverless_config block (memory_size_in_mb, max_concurrency) if the traffic is intermittent (see the rule page)',
              applicability: 'displayOnly',
              edits: [],
            },
          });
        }
      },
    };
  },
});
