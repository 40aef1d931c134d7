import type { ActionId, JobKind, ResourceRef } from '../aws/types';
import type { Burn, ExplorerItem } from './explorer';
import { addBurn, formatBurn } from './explorer';
import { formatUsd } from './figures';

export type { ActionId };

/** What each action waits for after its call: the resource stopped, deleted or updated. */
export const actionGoals = { stopNotebook: 'stop', deleteEndpoint: 'delete', deleteApp: 'delete', stopJob: 'stop', setSpaceIdleTimeout: 'update' } as const satisfies Record<ActionId, 'stop' | 'delete' | 'update'>;

/** Which resource kind each action takes. */
export const actionKinds = { stopNotebook: 'notebook', deleteEndpoint: 'endpoint', deleteApp: 'app', stopJob: 'job', setSpaceIdleTimeout: 'space' } as const satisfies Record<ActionId, ResourceRef['kind']>;

/** Command and quick-pick titles. */
export const actionTitles: Record<ActionId, string> = {
  stopNotebook: 'Stop notebook instance',
  deleteEndpoint: 'Delete endpoint',
  deleteApp: 'Delete Studio app',
  stopJob: 'Stop job',
  setSpaceIdleTimeout: 'Set the idle timeout of a space',
};

const jobLabels: Record<JobKind, string> = { training: 'training job', processing: 'processing job', transform: 'transform job' };

/** `endpoint 'my-ep'`, `notebook instance 'nb'`, `training job 't'`, `Studio app 'default' (JupyterLab, space 'work')`. */
export function resourceLabel(ref: ResourceRef): string {
  switch (ref.kind) {
    case 'endpoint':
      return `endpoint '${ref.name}'`;
    case 'notebook':
      return `notebook instance '${ref.name}'`;
    case 'job':
      return `${jobLabels[ref.jobKind ?? 'training']} '${ref.name}'`;
    case 'space':
      return `space '${ref.name}'`;
    case 'app': {
      const owner = ref.spaceName ? `space '${ref.spaceName}'` : ref.userProfileName ? `user profile '${ref.userProfileName}'` : undefined;
      const extra = [ref.appType, owner].filter(Boolean).join(', ');
      return `Studio app '${ref.name}'${extra ? ` (${extra})` : ''}`;
    }
  }
}

/** ` ($1.41/h)`, ` ($1.41/h at us-east-1 prices)`, or empty when the burn is unknown or zero (e.g. a serverless endpoint). */
function burnSuffix(burn: Burn | undefined): string {
  if (!burn || burn.usdPerHour === null || burn.usdPerHour === 0) return '';
  return ` (${formatUsd(burn.usdPerHour)}/h${burn.priceRegion ? ` at ${burn.priceRegion} prices` : ''})`;
}

/** The AWS account an action would change and the profile its credentials come from (undefined: the default chain). */
export interface ActionAccount {
  account: string | undefined;
  profile: string | undefined;
}

/** `account 123456789012 (profile 'dev')`, `account 123456789012 (default credentials)`. */
export function accountPhrase(a: ActionAccount): string {
  return `account ${a.account ?? 'unknown'} (${a.profile ? `profile '${a.profile}'` : 'default credentials'})`;
}

export interface Confirmation {
  message: string;
  detail: string;
  /** The buttons besides Cancel; the first is the plain action. */
  choices: string[];
}

export const deleteEndpointChoices = { endpointOnly: 'Delete endpoint', withConfig: 'Delete endpoint and its config' } as const;

/** The verb phrase of an action on one resource: `Delete endpoint 'my-ep' in eu-west-1`. */
export function actionPhrase(action: ActionId, ref: ResourceRef): string {
  return `${actionVerb(action)} ${resourceLabel(ref)} in ${ref.region}`;
}

function actionVerb(action: ActionId): string {
  return action === 'setSpaceIdleTimeout' ? 'Set the idle timeout of' : action.startsWith('stop') ? 'Stop' : 'Delete';
}

/**
 * The modal confirmation of a stop or delete: it names the resource, its burn, its region, and the
 * account and profile the call goes to. `configSharedWith` lists the other endpoints of the region
 * on the same endpoint config: then the config is kept and deleting it is not offered.
 */
export function confirmation(action: Exclude<ActionId, 'setSpaceIdleTimeout'>, ref: ResourceRef, burn: Burn | undefined, account: ActionAccount, configSharedWith: readonly string[] = []): Confirmation {
  const what = `${actionVerb(action)} ${resourceLabel(ref)}${burnSuffix(burn)} in ${ref.region}, ${accountPhrase(account)}?`;
  switch (action) {
    case 'deleteEndpoint':
      if (configSharedWith.length > 0) {
        return {
          message: `${what} This cannot be undone.`,
          detail: `Its endpoint config '${ref.endpointConfigName ?? ''}' is kept: endpoint${configSharedWith.length === 1 ? '' : 's'} ${configSharedWith.map((n) => `'${n}'`).join(', ')} use${configSharedWith.length === 1 ? 's' : ''} it too.`,
          choices: [deleteEndpointChoices.endpointOnly],
        };
      }
      return {
        message: `${what} This cannot be undone.`,
        detail: `${ref.endpointConfigName ? `Its endpoint config '${ref.endpointConfigName}'` : 'Its endpoint config'} costs nothing and is kept, unless you choose "${deleteEndpointChoices.withConfig}".`,
        choices: [deleteEndpointChoices.endpointOnly, deleteEndpointChoices.withConfig],
      };
    case 'stopNotebook':
      return { message: what, detail: 'The instance stops billing for compute; its ML storage volume is kept (and billed) and it can be started again.', choices: ['Stop notebook instance'] };
    case 'deleteApp':
      return { message: `${what} This cannot be undone.`, detail: 'Running kernels and unsaved work in the app are lost; the files in its storage stay.', choices: ['Delete app'] };
    case 'stopJob':
      return { message: `${what} A stopped job cannot be resumed.`, detail: 'Training jobs keep the model artifacts saved so far; the job ends with status Stopped.', choices: [`Stop ${jobLabels[ref.jobKind ?? 'training']}`] };
  }
}

/** The action "Stop idle resources…" applies to an idle resource; undefined when there is none. */
export function idleAction(ref: ResourceRef): Exclude<ActionId, 'setSpaceIdleTimeout'> | undefined {
  switch (ref.kind) {
    case 'endpoint':
      return 'deleteEndpoint';
    case 'notebook':
      return 'stopNotebook';
    case 'app':
      return 'deleteApp';
    case 'job':
      return 'stopJob';
    case 'space':
      return undefined;
  }
}

export interface PlannedAction {
  action: Exclude<ActionId, 'setSpaceIdleTimeout'>;
  ref: ResourceRef;
  burn: Burn | undefined;
}

/** The one confirmation of "Stop idle resources…": the account and profile, every resource with its action, region and burn, and the total. */
export function bulkConfirmation(plan: readonly PlannedAction[], account: ActionAccount): Confirmation {
  const total = plan.reduce<number | null>((sum, p) => (sum === null || p.burn?.usdPerHour == null ? null : sum + p.burn.usdPerHour), 0);
  const priced = plan.filter((p) => p.burn?.usdPerHour);
  const otherPrices = [...new Set(priced.map((p) => p.burn?.priceRegion).filter((r): r is string => r !== undefined))];
  const share = priced.every((p) => p.burn?.priceRegion) ? 'at' : 'partly at';
  const n = plan.length;
  return {
    message: `Stop or delete ${n} idle resource${n === 1 ? '' : 's'} in ${accountPhrase(account)}${total === null || total === 0 ? '' : ` (${formatUsd(total)}/h in all${otherPrices.length ? `, ${share} ${otherPrices.join(', ')} prices` : ''})`}? Deleted resources cannot be restored.`,
    detail: plan.map((p) => `• ${actionVerb(p.action)} ${resourceLabel(p.ref)}${burnSuffix(p.burn)} in ${p.ref.region}`).join('\n'),
    choices: [`Stop or delete ${n} resource${n === 1 ? '' : 's'}`],
  };
}

/** At most this many actions of "Stop idle resources…" run (and poll) at once, to stay below SageMaker's API rates. */
export const bulkConcurrency = 4;

/** The one message after "Stop idle resources…": how many settled, how many failed or are still going. */
export function bulkSummary(results: readonly { result: 'done' | 'alreadyDone' | 'failed' | 'timeout' }[]): string {
  const count = (...kinds: string[]) => results.filter((r) => kinds.includes(r.result)).length;
  const done = count('done', 'alreadyDone');
  const failed = count('failed');
  const going = count('timeout');
  const parts = [`${done} of ${results.length} idle resource${results.length === 1 ? '' : 's'} stopped or deleted`, going ? `${going} still in progress` : undefined, failed ? `${failed} failed (see the log)` : undefined];
  return `Green ML: ${parts.filter(Boolean).join('; ')}.`;
}

/** Why an action may not run: undefined when it may. The commands check this even though menus hide them. */
export function readOnlyRefusal(readOnly: boolean): string | undefined {
  return readOnly
    ? 'Green ML is read-only for AWS: actions that stop, delete or change resources are off. Set "greenml.aws.readOnly" to false in your user settings to use them.'
    : undefined;
}

/** `Stopping…` / `Deleting…` / `Updating…`, or the status polled meanwhile when it says more (e.g. `Stopping`). */
export function pendingText(action: ActionId, status?: string): string {
  const verb = actionGoals[action] === 'stop' ? 'Stopping' : actionGoals[action] === 'delete' ? 'Deleting' : 'Updating';
  if (!status || status === 'InService' || status === 'InProgress') return `${verb}…`;
  return /ing$/.test(status) ? `${status}…` : status;
}

function consoleBase(region: string): string {
  if (region.startsWith('cn-')) return `https://${region}.console.amazonaws.cn`;
  if (region.startsWith('us-gov-')) return 'https://console.amazonaws-us-gov.com';
  return `https://${region}.console.aws.amazon.com`;
}

/** The SageMaker console page of a resource (the console's hash routes per resource type). */
export function consoleUrl(ref: ResourceRef): string {
  const home = `${consoleBase(ref.region)}/sagemaker/home?region=${encodeURIComponent(ref.region)}#`;
  const name = encodeURIComponent(ref.name);
  switch (ref.kind) {
    case 'endpoint':
      return `${home}/endpoints/${name}`;
    case 'notebook':
      return `${home}/notebook-instances/${name}`;
    case 'job':
      return ref.jobKind === 'processing' ? `${home}/processing-jobs/${name}` : ref.jobKind === 'transform' ? `${home}/transform-jobs/${name}` : `${home}/jobs/${name}`;
    case 'space':
    case 'app':
      // Spaces and apps have no page of their own: they are listed on their domain's page.
      return ref.domainId ? `${home}/studio/${encodeURIComponent(ref.domainId)}` : `${home}/studio`;
  }
}

/** The per-resource line of an action's report. */
export function outcomeText(action: ActionId, ref: ResourceRef, outcome: { result: 'done' | 'failed' | 'timeout' | 'alreadyDone'; message?: string }): string {
  const phrase = actionPhrase(action, ref);
  switch (outcome.result) {
    case 'done':
      return `${phrase}: done.`;
    case 'alreadyDone':
      return `${phrase}: ${outcome.message ?? 'already done.'}`;
    case 'timeout':
      return `${phrase}: still in progress; refresh later to see it settle.`;
    case 'failed':
      return `${phrase} failed: ${outcome.message ?? 'unknown reason'}`;
  }
}

/** The other endpoints of the region that run on the same endpoint config as `ref`, by name. */
export function endpointsSharingConfig(ref: ResourceRef, items: readonly ExplorerItem[]): string[] {
  if (ref.kind !== 'endpoint' || !ref.endpointConfigName) return [];
  return items
    .map((i) => i.resource)
    .filter((r): r is ResourceRef => r !== undefined && r.kind === 'endpoint' && r.region === ref.region && r.name !== ref.name && r.endpointConfigName === ref.endpointConfigName)
    .map((r) => r.name);
}

/** Every item of the tree (depth first). */
export function allItems(roots: readonly ExplorerItem[]): ExplorerItem[] {
  return roots.flatMap((r) => [r, ...allItems(r.children ?? [])]);
}

/**
 * The tree with only idle resources: regions and the account stay, groups keep their idle
 * children (or go), and a region without any idle resource shows one placeholder.
 */
export function onlyIdle(roots: readonly ExplorerItem[]): ExplorerItem[] {
  const keep = (item: ExplorerItem): ExplorerItem | undefined => {
    if (item.idle) return item;
    if (!item.children) return item.contextValue.startsWith('greenml.aws.error') ? item : undefined;
    const children = item.children.map(keep).filter((c): c is ExplorerItem => c !== undefined);
    return children.length > 0 ? { ...item, children } : undefined;
  };
  return roots.map((root) => {
    if (!root.children) return root;
    const children = root.children.map(keep).filter((c): c is ExplorerItem => c !== undefined);
    return {
      ...root,
      children: children.length > 0 ? children : [{ id: `${root.id}/no-idle`, label: 'No idle resources', description: '', tooltip: 'Nothing in this region looks idle.', contextValue: 'greenml.aws.placeholder', icon: 'pass' }],
    };
  });
}

/** The status-bar text and tooltip: the burn of every loaded region, summed; undefined before any region loaded. */
export function burnSummary(roots: readonly ExplorerItem[]): { text: string; tooltip: string } | undefined {
  const regions = roots.filter((r) => r.contextValue === 'greenml.aws.region' && r.burn);
  if (regions.length === 0) return undefined;
  const total = regions.reduce<Burn>((sum, r) => addBurn(sum, r.burn as Burn), { usdPerHour: 0, kgCo2ePerHour: 0 });
  const failed = roots.filter((r) => r.contextValue === 'greenml.aws.region.error').map((r) => r.label);
  const lines = [
    'SageMaker burn of running resources (list-price estimate)',
    ...regions.map((r) => `${r.label}: ${formatBurn(r.burn as Burn)}`),
    ...failed.map((region) => `${region}: not loaded`),
  ];
  return { text: formatBurn(total), tooltip: lines.join('\n') };
}
