import { defineRule } from '../core/defineRule';
import type { Fix } from '../core/types';
import type { PythonCall } from '../parsers/python/facts';
import { getKeyword } from '../parsers/python/facts';
import { insertItems, joinEdits } from '../model/edit/pythonEdits';
import { addFromImport } from '../model/edit/pythonImports';
import { boolOf } from '../model/read/sagemaker';
import { instanceRowOf, trainingJobOf } from '../model/read/training';

/** Rules that watch GPU utilisation: the rule itself, or the profiler report that runs it. */
const utilizationRule = /\b(LowGPUUtilization|ProfilerReport)\b/;
const ruleItem = 'ProfilerRule.sagemaker(rule_configs.LowGPUUtilization())';

export const trainingNoUtilizationRules = defineRule({
  id: 'SML208',
  name: 'training-no-utilization-rules',
  meta: {
    category: 'training',
    defaultSeverity: 'hint',
    formats: ['py', 'nb'],
    description: 'GPU training job without a Debugger rule that watches GPU utilisation',
    messages: {
      noUtilizationRule:
        'This job trains on {{instanceType}} with no rule watching GPU utilisation: an idle or starved GPU is billed for the whole run unnoticed. Add the LowGPUUtilization profiler rule (with a StopTraining action to end such runs).',
    },
    fixes: ['unsafe'],
    wellArchitected: ['MLSUS04-BP01'],
    options: {},
  },
  create(context) {
    const fixFor = (call: PythonCall): Fix | undefined => {
      const importEdit = addFromImport(context.text, 'sagemaker.debugger', ['ProfilerRule', 'rule_configs'], call.start);
      if (importEdit === undefined) return undefined;
      const edits = insertItems(context.text, call.arguments, [`rules=[${ruleItem}]`]);
      if (!edits.length) return undefined;
      return { title: 'Add the LowGPUUtilization profiler rule', applicability: 'unsafe', edits: joinEdits(importEdit ? [importEdit, ...edits] : edits) };
    };
    return {
      pythonCall(call) {
        const job = trainingJobOf(call);
        if (!job || job.api === 'modelTrainer' || job.open) return;
        const row = instanceRowOf(job.instanceType);
        if (!row || row.acceleratorKind !== 'gpu') return;
        if (job.api === 'boto3') {
          if (getKeyword(call, 'ProfilerRuleConfigurations') || getKeyword(call, 'DebugRuleConfigurations')) return;
        } else {
          const rules = getKeyword(call, 'rules');
          if (rules && (rules.value.kind !== 'list' || rules.value.indirect || utilizationRule.test(context.text.slice(rules.value.start, rules.value.end)))) return;
          // Profiling turned off on purpose: the profiler rules cannot run.
          if (boolOf(getKeyword(call, 'disable_profiler')?.value) === true) return;
          if (rules) {
            context.report({ start: call.callee.start, end: call.callee.end, messageId: 'noUtilizationRule', data: { instanceType: row.instanceType } });
            return;
          }
        }
        context.report({
          start: call.callee.start,
          end: call.callee.end,
          messageId: 'noUtilizationRule',
          data: { instanceType: row.instanceType },
          fix: job.api === 'estimator' ? fixFor(call) : undefined,
        });
      },
    };
  },
});
