import type { IdleAppType, ResourceState } from './actions';
import { SageMakerActions } from './actions';
import type { ClientOptions } from './clients';
import { createClients, destroyClients } from './clients';
import type { AwsErrorReason } from './errors';
import { AwsError } from './errors';
import type { ActionGoal, SettleOptions } from './settle';
import { verdict, waitUntilSettled } from './settle';
import type { ActionId, ResourceRef } from './types';

export type ActionRequest =
  | { action: 'stopNotebook' | 'deleteApp' | 'stopJob'; ref: ResourceRef }
  | { action: 'deleteEndpoint'; ref: ResourceRef; deleteConfig: boolean }
  | { action: 'setSpaceIdleTimeout'; ref: ResourceRef; appType: IdleAppType; minutes: number };

/** How one action ended: settled (`done`), already settled before the call, failed with a reason, or still going at the timeout. */
export interface ActionReport {
  result: 'done' | 'alreadyDone' | 'failed' | 'timeout';
  message?: string;
  reason?: AwsErrorReason;
  /** The last state polled. */
  state?: ResourceState;
  /** deleteEndpoint with its config: the config deleted. */
  deletedConfig?: string | null;
}

const goals: Record<ActionId, ActionGoal> = { stopNotebook: 'stop', deleteEndpoint: 'delete', deleteApp: 'delete', stopJob: 'stop', setSpaceIdleTimeout: 'update' };

/**
 * Runs one action with a client of the resource's region, then polls its describe until the
 * resource settles. Every AWS failure becomes a `failed` report with its reason, never a throw.
 */
export async function runAction(request: ActionRequest, options: Omit<ClientOptions, 'region'>, settle: SettleOptions = {}): Promise<ActionReport> {
  const clients = createClients({ ...options, region: request.ref.region });
  try {
    return await runWith(new SageMakerActions(clients.sageMaker), request, settle);
  } finally {
    destroyClients(clients);
  }
}

/** runAction over given wrappers (the tests pass mocked or moto-backed clients). */
export async function runWith(actions: SageMakerActions, request: ActionRequest, settle: SettleOptions = {}): Promise<ActionReport> {
  const { ref } = request;
  let deletedConfig: string | null | undefined;
  try {
    let outcome;
    switch (request.action) {
      case 'stopNotebook':
        outcome = await actions.stopNotebookInstance(ref);
        break;
      case 'deleteEndpoint': {
        const out = await actions.deleteEndpoint(ref, { deleteConfig: request.deleteConfig });
        deletedConfig = out.deletedConfig;
        outcome = out;
        break;
      }
      case 'deleteApp':
        outcome = await actions.deleteApp(ref);
        break;
      case 'stopJob':
        outcome = await actions.stopJob(ref);
        break;
      case 'setSpaceIdleTimeout':
        outcome = await actions.setSpaceIdleTimeout(ref, request.appType, request.minutes);
        break;
    }
    const extra = deletedConfig === undefined ? {} : { deletedConfig };
    if (outcome.outcome === 'alreadyDone') return { result: 'alreadyDone', message: outcome.message, ...extra };
    const goal = goals[request.action];
    const settled = await waitUntilSettled(() => actions.describe(ref), (state) => verdict(ref.kind, goal, state), settle);
    const status = settled.state === undefined || settled.state === 'gone' ? 'gone' : settled.state.status;
    if (settled.result === 'failed') return { result: 'failed', message: `it ended in status ${status}`, state: settled.state, ...extra };
    return { result: settled.result, state: settled.state, ...extra };
  } catch (err) {
    const e = AwsError.from(err, request.action);
    return { result: 'failed', message: e.message, reason: e.reason, ...(deletedConfig === undefined ? {} : { deletedConfig }) };
  }
}
