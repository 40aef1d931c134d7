import { defineRule } from '../core/defineRule';
import type { Edit } from '../core/types';
import { asDict, getDictEntry, getKeyword } from '../parsers/python/facts';
import { insertItems, pythonString, quoteOf, replaceString } from '../model/edit/pythonEdits';
import { isSageMakerClientCall, isTunerCall, stringOf } from '../model/read/sagemaker';

export const tuningNoEarlyStopping = defineRule({
  id: 'SML202',
  name: 'tuning-no-early-stopping',
  meta: {
    category: 'training',
    defaultSeverity: 'warning',
    formats: ['py', 'nb'],
    description: 'Hyperparameter tuning job without early stopping',
    messages: {
      noEarlyStopping:
        'This tuning job runs every training job to the end, even those already worse than the best one: early stopping ("Auto") stops them and saves their remaining instance-hours. Set early stopping to "Auto".',
    },
    fixes: ['safe'],
    wellArchitected: ['MLSUS04-BP01', 'MLSUS04-BP04'],
    options: {},
  },
  create(context) {
    const report = (start: number, end: number, edit: Edit | Edit[] | undefined) =>
      context.report({
        start,
        end,
        messageId: 'noEarlyStopping',
        fix: edit && (!Array.isArray(edit) || edit.length) ? { title: 'Turn on early stopping ("Auto")', applicability: 'safe', edits: Array.isArray(edit) ? edit : [edit] } : undefined,
      });
    return {
      pythonCall(call) {
        const quote = quoteOf(call);
        if (isTunerCall(call)) {
          const strategy = getKeyword(call, 'strategy');
          // Hyperband stops jobs itself and requires early stopping off; an unknown strategy may be Hyperband.
          if (strategy && (strategy.value.kind !== 'string' || strategy.value.value === 'Hyperband')) return;
          const early = getKeyword(call, 'early_stopping_type');
          if (!early) {
            if (!call.open) report(call.callee.start, call.callee.end, insertItems(context.text, call.arguments, [`early_stopping_type=${pythonString('Auto', quote)}`]));
            return;
          }
          if (stringOf(early.value) === 'Off') report(call.callee.start, call.callee.end, early.spread ? undefined : replaceString(early.value, 'Auto', quote));
          return;
        }
        if (!isSageMakerClientCall(call, 'create_hyper_parameter_tuning_job')) return;
        const configKeyword = getKeyword(call, 'HyperParameterTuningJobConfig');
        const config = asDict(configKeyword?.value);
        if (!configKeyword || !config) return;
        const strategy = getDictEntry(config, 'Strategy');
        if (!strategy || strategy.value.kind !== 'string' || strategy.value.value === 'Hyperband') return;
        const early = getDictEntry(config, 'TrainingJobEarlyStoppingType');
        if (!early) {
          if (config.open) return;
          const entry = `${pythonString('TrainingJobEarlyStoppingType', quote)}: ${pythonString('Auto', quote)}`;
          report(call.callee.start, call.callee.end, config.container ? insertItems(context.text, config.container, [entry]) : undefined);
          return;
        }
        if (stringOf(early.value) === 'Off') report(call.callee.start, call.callee.end, replaceString(early.value, 'Auto', quote));
      },
    };
  },
});
