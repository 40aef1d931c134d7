import { defineRule } from '../core/defineRule';
import { visitTraining } from '../model/trainingJobs';

const exhaustive = new Set(['Grid', 'Random']);

export const tuningExhaustiveSearch = defineRule({
  id: 'SML201',
  name: 'tuning-exhaustive-search',
  meta: {
    category: 'training',
    defaultSeverity: 'warning',
    formats: ['py', 'nb', 'tf'],
    description: 'Hyperparameter tuning with the Grid or Random search strategy',
    messages: {
      exhaustive:
        '{{strategy}} search trains configurations without learning from earlier results: Bayesian search (or Hyperband) usually reaches the same objective with fewer training jobs, and each job saved is its instance-hours and energy. Use strategy "Bayesian".',
    },
    fixes: ['unsafe'],
    wellArchitected: ['MLSUS04-BP04'],
    options: {},
  },
  create(context) {
    return visitTraining(context, {
      tuningJob(tuning, fixes) {
        const strategy = tuning.strategy;
        if (!strategy?.known || !exhaustive.has(strategy.value)) return;
        // Grid needs no job limit; Bayesian without one runs a single job (SDK default), so that switch is not offered.
        const gridWithoutLimit = strategy.value === 'Grid' && tuning.jobLimit === 'absent';
        context.report({
          start: strategy.anchor.start,
          end: strategy.anchor.end,
          messageId: 'exhaustive',
          data: { strategy: strategy.value },
          fix: gridWithoutLimit ? undefined : fixes.render({ kind: 'set-field', field: strategy, value: 'Bayesian', title: 'Use Bayesian search', applicability: 'unsafe' }),
          effect: { kind: 'none', reason: 'how many training jobs Bayesian search saves depends on the search space' },
        });
      },
    });
  },
});
