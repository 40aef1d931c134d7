import { defineRule } from '../core/defineRule';
import { visitTraining } from '../model/trainingJobs';

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
    return visitTraining(context, {
      trainingJob(job) {
        if (!job.trainingCompiler) return;
        context.report({ ...job.trainingCompiler, messageId: 'retired', effect: { kind: 'none', reason: 'a maintenance change: what torch.compile or Trainium saves depends on the model' } });
      },
    });
  },
});
