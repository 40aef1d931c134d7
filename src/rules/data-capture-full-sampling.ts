import { defineRule } from '../core/defineRule';
import { visitDataCaptures } from '../model/hosting';
import { renderIntent } from '../model/intent';

/** The message of each format: templates name the configuration, Python the call's setting. */
const messageIds = { cfn: 'fullSampling', tf: 'fullSamplingTf', cdk: 'fullSamplingCdk', py: 'fullSamplingPython' } as const;

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
    const percentage = context.options.samplingPercentage;
    return visitDataCaptures((capture) => {
      const sampling = capture.samplingPercentage;
      if (capture.enabled !== 'yes' || !sampling?.known || sampling.value !== 100) return;
      const edits = renderIntent({ kind: 'set-number', field: sampling, value: percentage }, context);
      context.report({
        start: sampling.anchor.start,
        end: sampling.anchor.end,
        messageId: messageIds[capture.format],
        data: { name: capture.config ?? '', setting: `${capture.samplingKey}100` },
        fix: edits && { title: `Capture ${percentage}% of requests instead of all of them`, applicability: 'unsafe', edits },
        effect: { kind: 'none', reason: 'the capture volume depends on the traffic and the payloads, which the code does not say' },
      });
    });
  },
});
