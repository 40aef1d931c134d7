import { defineRule } from '../core/defineRule';
import type { Edit } from '../core/types';
import { modelTrainerSpotFix } from './utils/modelTrainerEdits';
import { insertItems, joinEdits, maxWaitFor, pythonString, quoteOf, stoppingConditionOf } from './utils/pythonEdits';
import { argumentPrefix, getEstimatorArgument, spotSetupsOf } from './utils/sagemaker';

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
    fixes: ['safe', 'unsafe'],
    wellArchitected: ['MLSUS03-BP01'],
    options: {},
  },
  create(context) {
    let imports: string[] = [];
    return {
      pythonModule(module) {
        imports = module.imports;
      },
      pythonCall(call) {
        for (const setup of spotSetupsOf(call)) {
          if (!setup.spot || setup.spotValue !== true || setup.hasMaxWait || setup.unknown) continue;
          let edits: Edit[] = [];
          let value: string | undefined;
          let applicability: 'safe' | 'unsafe' = 'safe';
          if (setup.request) {
            const stopping = stoppingConditionOf(setup.request.get);
            value = stopping && maxWaitFor(context.text, stopping.maxRun);
            if (stopping && value) edits = insertItems(context.text, stopping.container, [`${pythonString('MaxWaitTimeInSeconds', quoteOf(call))}: ${value}`]);
          } else if (setup.api === 'estimator') {
            value = maxWaitFor(context.text, getEstimatorArgument(call, 'max_run'));
            if (value) edits = insertItems(context.text, call.arguments, [`${argumentPrefix(call)}max_wait=${value}`]);
          } else {
            // SDK v3: a new object (and maybe its import) rather than a keyword: offered as unsafe.
            const fix = modelTrainerSpotFix(context.text, imports, call, { maxWait: true, blocks: context.blocks });
            if (fix) {
              edits = joinEdits(fix.edits);
              value = fix.settings.join(', ');
              applicability = 'unsafe';
            }
          }
          const setting = { boto3: 'StoppingCondition.MaxWaitTimeInSeconds', estimator: 'max_wait', modelTrainer: 'stopping_condition.max_wait_time_in_seconds' }[setup.api];
          context.report({
            start: setup.spot.start,
            end: setup.spot.end,
            messageId: 'noMaxWait',
            data: { setting },
            fix: edits.length ? { title: applicability === 'safe' ? `Set ${setting} to ${value} (twice the maximum run time)` : `Set ${value} (twice the maximum run time)`, applicability, edits: joinEdits(edits) } : undefined,
          });
        }
      },
    };
  },
});
