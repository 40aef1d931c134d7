import { defineRule } from '../core/defineRule';
import type { Edit } from '../core/types';
import { insertItems, maxWaitFor, pythonString, quoteOf, stoppingConditionOf } from './utils/pythonEdits';
import { argumentPrefix, getEstimatorArgument, spotSetupOf } from './utils/sagemaker';

export const spotNoMaxWait = defineRule({
  id: 'SML205',
  name: 'spot-no-max-wait',
  meta: {
    category: 'training',
    defaultSeverity: 'error',
    formats: ['py', 'nb'],
    description: 'Managed spot training without a maximum wait time',
    messages: {
      noMaxWait:
        'Managed spot training needs a maximum wait time ({{setting}}, at least the maximum run time): without it SageMaker rejects the training job. Set {{setting}}.',
    },
    fixes: ['safe'],
    wellArchitected: ['MLSUS03-BP01'],
    options: {},
  },
  create(context) {
    return {
      pythonCall(call) {
        const setup = spotSetupOf(call);
        if (!setup?.spot || setup.spotValue !== true || setup.hasMaxWait || setup.unknown) return;
        let edits: Edit[] = [];
        let value: string | undefined;
        if (setup.api === 'boto3') {
          const stopping = stoppingConditionOf(call);
          value = stopping && maxWaitFor(context.text, stopping.maxRun);
          if (stopping && value) edits = insertItems(context.text, stopping.container, [`${pythonString('MaxWaitTimeInSeconds', quoteOf(call))}: ${value}`]);
        } else if (setup.api === 'estimator') {
          value = maxWaitFor(context.text, getEstimatorArgument(call, 'max_run'));
          if (value) edits = insertItems(context.text, call.arguments, [`${argumentPrefix(call)}max_wait=${value}`]);
        }
        const setting = { boto3: 'StoppingCondition.MaxWaitTimeInSeconds', estimator: 'max_wait', modelTrainer: 'stopping_condition.max_wait_time_in_seconds' }[setup.api];
        context.report({
          start: setup.spot.start,
          end: setup.spot.end,
          messageId: 'noMaxWait',
          data: { setting },
          fix: edits.length ? { title: `Set ${setting} to ${value} (twice the maximum run time)`, applicability: 'safe', edits } : undefined,
        });
      },
    };
  },
});
