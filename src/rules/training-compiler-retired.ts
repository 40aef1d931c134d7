import { defineRule } from '../core/defineRule';
import { getKeyword } from '../parsers/python/facts';
import { boolOf, isEstimatorCall } from '../model/read/sagemaker';

export const trainingCompilerRetired = defineRule({
  id: 'SML209',
  name: 'training-compiler-retired',
  meta: {
    category: 'training',
    defaultSeverity: 'warning',
    formats: ['py', 'nb'],
    description: 'Estimator using SageMaker Training Compiler, which gets no new releases',
    messages: {
      retired:
        'SageMaker Training Compiler gets no new releases (its containers get no patches) and SageMaker Python SDK v3 removed TrainingCompilerConfig. Compile with torch.compile, or train on Trainium with the Neuron compiler.',
    },
    fixes: [],
    wellArchitected: ['MLSUS05-BP02'],
    options: {},
  },
  create(context) {
    return {
      pythonCall(call) {
        if (!isEstimatorCall(call)) return;
        const config = getKeyword(call, 'compiler_config');
        if (config?.value.kind !== 'call') return;
        const parts = config.value.call.name.split('.');
        if (parts[0] !== 'sagemaker' || parts[parts.length - 1] !== 'TrainingCompilerConfig') return;
        if (boolOf(getKeyword(config.value.call, 'enabled')?.value ?? config.value.call.positional[0]) === false) return;
        context.report({ start: config.start, end: config.end, messageId: 'retired' });
      },
    };
  },
});
