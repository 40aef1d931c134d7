import { defineRule } from '../core/defineRule';
import { getEntry, getMapValue, resolveScalar } from '../parsers/cloudformation';
import { getAttribute, getBlocks, resolveLiteral } from '../parsers/terraform';
import { getPropertiesFact } from './utils/cfnFacts';

export const dataCaptureFullSampling = defineRule({
  id: 'SML305',
  name: 'data-capture-full-sampling',
  meta: {
    category: 'deploy',
    defaultSeverity: 'hint',
    formats: ['cfn', 'tf'],
    description: 'Endpoint data capture that records every request (100% sampling)',
    messages: {
      fullSampling:
        'Endpoint config {{name}} captures every request and response (InitialSamplingPercentage: 100): every invocation writes its payloads to S3, stored and billed for as long as they are kept, while drift monitoring usually needs only a sample. Capture a fraction of the traffic.',
      fullSamplingTf:
        'Endpoint config {{name}} captures every request and response (initial_sampling_percentage = 100): every invocation writes its payloads to S3, stored and billed for as long as they are kept, while drift monitoring usually needs only a sample. Capture a fraction of the traffic.',
    },
    fixes: ['unsafe'],
    wellArchitected: ['MLSUS03-BP02'],
    options: {
      samplingPercentage: { type: 'integer', default: 20, minimum: 1, maximum: 99, description: 'Sampling percentage the quick fix sets.' },
    },
  },
  create(context) {
    return {
      cfnResource(resource) {
        if (resource.type !== 'AWS::SageMaker::EndpointConfig') return;
        const properties = getPropertiesFact(resource);
        if (!properties.known || !properties.map) return;
        const capture = getMapValue(getEntry(properties.map, 'DataCaptureConfig')?.value);
        if (!capture) return;
        const enabled = getEntry(capture, 'EnableCapture');
        if (enabled && resolveScalar(resource.template, enabled.value) !== true && resolveScalar(resource.template, enabled.value) !== 'true') return;
        const sampling = getEntry(capture, 'InitialSamplingPercentage');
        if (!sampling || Number(resolveScalar(resource.template, sampling.value)) !== 100) return;
        const value = sampling.value;
        const literal = value.kind === 'scalar' && !value.intrinsic;
        const percentage = context.options.samplingPercentage;
        context.report({
          start: sampling.keyStart,
          end: sampling.keyEnd,
          messageId: 'fullSampling',
          data: { name: resource.logicalId },
          fix: literal
            ? {
                title: `Capture ${percentage}% of requests instead of all of them`,
                applicability: 'unsafe',
                edits: [{ start: value.start, end: value.end, text: context.text.slice(value.start, value.end).replace('100', String(percentage)) }],
              }
            : undefined,
        });
      },
      tfResource(resource) {
        if (resource.type !== 'aws_sagemaker_endpoint_configuration') return;
        for (const capture of resource.block.blocks.filter((b) => b.type === 'data_capture_config')) {
          const enabled = getAttribute(capture, 'enable_capture');
          if (enabled && resolveLiteral(resource.file, enabled.value) !== true) continue;
          const sampling = getAttribute(capture, 'initial_sampling_percentage');
          if (!sampling || Number(resolveLiteral(resource.file, sampling.value)) !== 100 || getBlocks(capture, 'dynamic').length) continue;
          const percentage = context.options.samplingPercentage;
          context.report({
            start: sampling.nameStart,
            end: sampling.nameEnd,
            messageId: 'fullSamplingTf',
            data: { name: `aws_sagemaker_endpoint_configuration.${resource.name}` },
            fix:
              sampling.value.kind === 'literal'
                ? { title: `Capture ${percentage}% of requests instead of all of them`, applicability: 'unsafe', edits: [{ start: sampling.value.start, end: sampling.value.end, text: String(percentage) }] }
                : undefined,
          });
        }
      },
    };
  },
});
