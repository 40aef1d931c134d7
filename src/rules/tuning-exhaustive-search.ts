import { defineRule } from '../core/defineRule';
import type { Fix } from '../core/types';
import type { PyDict, PythonCall } from '../parsers/python/facts';
import { asDict, getDictEntry, getKeyword } from '../parsers/python/facts';
import { quoteOf, replaceString } from '../model/edit/pythonEdits';
import { isSageMakerClientCall, isTunerCall } from '../model/read/sagemaker';

const exhaustive = new Set(['Grid', 'Random']);

export const tuningExhaustiveSearch = defineRule({
  id: 'SML201',
  name: 'tuning-exhaustive-search',
  meta: {
    category: 'training',
    defaultSeverity: 'warning',
    formats: ['py', 'nb'],
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
    const fixFor = (call: PythonCall, value: Parameters<typeof replaceString>[0], gridWithoutLimit: boolean): Fix | undefined => {
      // Grid needs no job limit; Bayesian without one runs a single job (SDK default), so that switch is not offered.
      if (gridWithoutLimit) return undefined;
      const edit = replaceString(value, 'Bayesian', quoteOf(call));
      return edit ? { title: 'Use Bayesian search', applicability: 'unsafe', edits: [edit] } : undefined;
    };
    return {
      pythonCall(call) {
        if (isTunerCall(call)) {
          const strategy = getKeyword(call, 'strategy');
          if (strategy?.value.kind !== 'string' || !exhaustive.has(strategy.value.value)) return;
          const gridWithoutLimit = strategy.value.value === 'Grid' && !getKeyword(call, 'max_jobs');
          context.report({
            start: strategy.start,
            end: strategy.end,
            messageId: 'exhaustive',
            data: { strategy: strategy.value.value },
            fix: fixFor(call, strategy.value, gridWithoutLimit),
          });
          return;
        }
        if (!isSageMakerClientCall(call, 'create_hyper_parameter_tuning_job')) return;
        const config = asDict(getKeyword(call, 'HyperParameterTuningJobConfig')?.value);
        const entry = config && getDictEntry(config, 'Strategy');
        if (!config || entry?.value.kind !== 'string' || !exhaustive.has(entry.value.value)) return;
        context.report({
          start: entry.start,
          end: entry.end,
          messageId: 'exhaustive',
          data: { strategy: entry.value.value },
          fix: fixFor(call, entry.value, entry.value.value === 'Grid' && !hasJobLimit(config)),
        });
      },
    };
  },
});

function hasJobLimit(config: PyDict): boolean {
  const limits = asDict(getDictEntry(config, 'ResourceLimits')?.value);
  return !!limits && !!getDictEntry(limits, 'MaxNumberOfTrainingJobs');
}
