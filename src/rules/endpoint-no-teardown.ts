import { defineRule } from '../core/defineRule';
import { visitNotebookDeployments } from '../model/deployments';
import { renderIntent } from '../model/intent';

export const endpointNoTeardown = defineRule({
  id: 'SML307',
  name: 'endpoint-no-teardown',
  meta: {
    category: 'deploy',
    defaultSeverity: 'warning',
    formats: ['nb'],
    description: 'Notebook that deploys an endpoint and never deletes it',
    messages: {
      noTeardown:
        'This cell deploys a real-time endpoint that no later cell deletes: the endpoint bills for its instances every hour until it is deleted, used or not. Delete it when you are done (`{{teardown}}`).',
    },
    fixes: ['unsafe'],
    wellArchitected: ['MLSUS03-BP01'],
    options: {},
  },
  create(context) {
    return visitNotebookDeployments(context.text, (deployment) => {
      if (deployment.tornDown || deployment.handedOn) return;
      const edits = renderIntent({ kind: 'add-teardown', deployment });
      const type = deployment.instanceType?.known ? { instanceType: deployment.instanceType.value } : {};
      const count = deployment.instanceCount?.known ? { count: deployment.instanceCount.value } : {};
      context.report({
        start: deployment.anchor.start,
        end: deployment.anchor.end,
        messageId: 'noTeardown',
        data: { teardown: deployment.teardown?.split('\n').pop() ?? 'predictor.delete_endpoint()' },
        fix: edits && { title: `Append a cell that deletes the endpoint deployed in cell ${deployment.cell === undefined ? '?' : deployment.cell + 1}`, applicability: 'unsafe', edits },
        effect: { kind: 'teardown', usage: 'hosting', ...type, ...count },
      });
    });
  },
});
