import { defineRule } from '../core/defineRule';
import { getEntry, getMapValue, resolveScalar } from '../parsers/cloudformation';
import type { PyKeyword } from '../parsers/python/facts';
import { asDict, getDictEntry, getKeyword } from '../parsers/python/facts';
import { getAttribute, getBlocks, resolveLiteral } from '../parsers/terraform';
import { getPropertiesFact } from '../model/read/cfnFacts';
import { isSageMakerClientCall } from '../model/read/sagemaker';

import { getPath, getProp } from '../parsers/cdk/model';
import { constructName } from '../model/edit/cdkEdits';

export const dataCaptureFullSampling = defineRule({
  id: 'SML305',
  name: 'data-capture-full-sampling',
  meta: {
    category: 'deploy',
    defaultSeverity: 'hint',
    formats: ['cfn', 'tf', 'py', 'nb', 'cdk'],
    description: 'Endpoint data capture that records every request (100% sampling)',
    messages: {
      fullSampling:
        'Endpoint config {{name}} captures every request and response (InitialSamplingPercentage: 100): every invocation writes its payloads to S3, stored and billed for as long as they are kept, while drift monitoring usually needs only a sample. Capture a fraction of the traffic.',
      fullSamplingTf:
        'Endpoint config {{name}} captures every request and response (initial_sampling_percentage = 100): every invocation writes its payloads to S3, stored and billed for as long as they are kept, while drift monitoring usually needs only a sample. Capture a fraction of the traffic.',
      fullSamplingCdk:
        'Endpoint config {{name}} captures every request and response ({{setting}}): every invocation writes its payloads to S3, stored and billed for as long as they are kept, while drift monitoring usually needs only a sample. Capture a fraction of the traffic.',
      fullSamplingPython:
        'This data capture records every request and response ({{setting}}): every invocation writes its payloads to S3, stored and billed for as long as they are kept, while drift monitoring usually needs only a sample. Capture a fraction of the traffic.',
    },
    fixes: ['unsafe'],
    wellArchitected: ['MLSUS03-BP02'],
    options: {
      samplingPercentage: { type: 'integer', default: 20, minimum: 1, maximum: 99, description: 'Sampling percentage the quick fix sets.' },
    },
  },
  create(context) {
    const reportPython = (sampling: { start: number; end: number; value: PyKeyword['value'] }, setting: string, editable: boolean) => {
      const percentage = context.options.samplingPercentage;
      context.report({
        start: sampling.start,
        end: sampling.end,
        messageId: 'fullSamplingPython',
        data: { setting },
        fix: editable ? { title: `Capture ${percentage}% of requests instead of all of them`, applicability: 'unsafe', edits: [{ start: sampling.value.start, end: sampling.value.end, text: String(percentage) }] } : undefined,
      });
    };
    return {
      pythonCall(call) {
        const parts = call.name.split('.');
        if (parts[0] === 'sagemaker' && parts[parts.length - 1] === 'DataCaptureConfig') {
          const enabled = getKeyword(call, 'enable_capture')?.value ?? call.positional[0];
          if (enabled?.kind !== 'bool' || !enabled.value) return;
          const sampling = getKeyword(call, 'sampling_percentage') ?? (call.positional[1] && { name: '', start: call.positional[1].start, end: call.positional[1].end, value: call.positional[1] });
          if (sampling?.value.kind !== 'number' || sampling.value.value !== 100) return;
          reportPython(sampling, 'sampling_percentage=100', !sampling.spread && !sampling.value.indirect);
        } else if (isSageMakerClientCall(call, 'create_endpoint_config')) {
          const capture = asDict(getKeyword(call, 'DataCaptureConfig')?.value);
          const enabled = capture && getDictEntry(capture, 'EnableCapture')?.value;
          const sampling = capture && getDictEntry(capture, 'InitialSamplingPercentage');
          if (!capture || (enabled && (enabled.kind !== 'bool' || !enabled.value))) return;
          if (sampling?.value.kind !== 'number' || sampling.value.value !== 100) return;
          reportPython(sampling, '"InitialSamplingPercentage": 100', !capture.indirect && !sampling.value.indirect);
        }
      },
      cdkConstruct(construct) {
        if (construct.type !== 'aws_sagemaker.CfnEndpointConfig') return;
        const capture = getProp(construct.props, 'dataCaptureConfig')?.value;
        if (capture?.kind !== 'object') return;
        const enabled = getProp(capture, 'enableCapture')?.value;
        if (enabled && !(enabled.kind === 'bool' && enabled.value)) return;
        const sampling = getPath(capture, ['initialSamplingPercentage']);
        if (sampling?.value.kind !== 'number' || sampling.value.value !== 100) return;
        const percentage = context.options.samplingPercentage;
        const python = construct.language === 'python';
        context.report({
          start: sampling.keyStart,
          end: sampling.keyEnd,
          messageId: 'fullSamplingCdk',
          data: { name: constructName(construct), setting: python ? 'initial_sampling_percentage=100' : 'initialSamplingPercentage: 100' },
          fix: sampling.value.indirect
            ? undefined
            : { title: `Capture ${percentage}% of requests instead of all of them`, applicability: 'unsafe', edits: [{ start: sampling.value.start, end: sampling.value.end, text: String(percentage) }] },
        });
      },
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
