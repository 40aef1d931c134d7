import { defineRule } from '../core/defineRule';
import { visitTraining } from '../model/trainingJobs';

export const tuningNoEarlyStopping = defineRule({
  id: 'SML202',
  name: 'tuning-no-early-stopping',
  meta: {
    category: 'training',
    defaultSeverity: 'warning',
    formats: ['py', 'nb', 'tf'],
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
    const title = 'Turn on early stopping ("Auto")';
    return visitTraining(context, {
      tuningJob(tuning, fixes) {
        // Hyperband stops jobs itself and requires early stopping off; a strategy the file cannot read may be Hyperband.
        const strategy = tuning.strategy;
        if (strategy && (!strategy.known || strategy.value === 'Hyperband')) return;
        const early = tuning.earlyStopping;
        if (early ? !early.known || early.value !== 'Off' : tuning.settingsHidden) return;
        context.report({
          start: tuning.anchor.start,
          end: tuning.anchor.end,
          messageId: 'noEarlyStopping',
          fix: fixes.render(early?.known ? { kind: 'set-field', field: early, value: 'Auto', title, applicability: 'safe' } : { kind: 'add-early-stopping', value: 'Auto', title, applicability: 'safe' }),
          effect: { kind: 'none', reason: 'how many training jobs stop early depends on the search' },
        });
      },
    });
  },
});
