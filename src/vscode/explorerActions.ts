import * as vscode from 'vscode';
import type { IdleAppType } from '../aws/actions';
import type { ActionReport, ActionRequest } from '../aws/runAction';
import type { SettleOptions } from '../aws/settle';
import type { ActionId, ResourceRef } from '../aws/types';
import type { ActionAccount, Confirmation, PlannedAction } from '../present/actions';
import { accountPhrase, actionKinds, actionPhrase, actionTitles, allItems, bulkConcurrency, bulkConfirmation, bulkSummary, burnSummary, confirmation, consoleUrl, deleteEndpointChoices, endpointsSharingConfig, idleAction, outcomeText, pendingText, readOnlyRefusal, resourceLabel } from '../present/actions';
import { AutoRefresh } from '../present/autoRefresh';
import type { ExplorerItem } from '../present/explorer';
import { formatBurn } from '../present/explorer';
import type { ExplorerView } from './explorer';
import { readAwsSettings } from './settings';

export const actionCommandIds = {
  stopNotebook: 'greenml.aws.stopNotebookInstance',
  deleteEndpoint: 'greenml.aws.deleteEndpoint',
  deleteApp: 'greenml.aws.deleteStudioApp',
  stopJob: 'greenml.aws.stopJob',
  setSpaceIdleTimeout: 'greenml.aws.setSpaceIdleTimeout',
  stopIdle: 'greenml.aws.stopIdleResources',
  openInConsole: 'greenml.aws.openInConsole',
  copyArn: 'greenml.aws.copyArn',
  showOnlyIdle: 'greenml.aws.showOnlyIdle',
  showAll: 'greenml.aws.showAllResources',
} as const;

/** The prompts an action shows; the host tests replace them (the modal dialog cannot be clicked there). */
export interface ActionPrompts {
  /** A modal warning with the confirmation's buttons; the chosen button, or undefined for Cancel. */
  confirm(confirmation: Confirmation): Promise<string | undefined>;
}

const modalPrompts: ActionPrompts = {
  confirm: (c) => Promise.resolve(vscode.window.showWarningMessage(c.message, { modal: true, detail: c.detail }, ...c.choices)),
};

let prompts: ActionPrompts = modalPrompts;
let settleOverrides: SettleOptions = {};

/**
 * Hooks for the host tests only: extension.ts exposes them in its API when the test runner's
 * environment variable is set, never otherwise.
 */
export const actionTestHooks = {
  /** Replaces the modal confirmation; undefined restores it. */
  setConfirm(confirm: ActionPrompts['confirm'] | undefined): void {
    prompts = confirm ? { confirm } : modalPrompts;
  },
  /** Shortens the settle polling (first poll delay, ms). */
  setSettleDelay(initialDelayMs: number | undefined): void {
    settleOverrides = initialDelayMs === undefined ? {} : { initialDelayMs };
  },
};

type StopOrDelete = Exclude<ActionId, 'setSpaceIdleTimeout'>;

const kindNames: Record<ResourceRef['kind'], string> = { endpoint: 'endpoints', notebook: 'running notebook instances', job: 'running jobs', app: 'Studio apps', space: 'Studio spaces' };

/** Items the action applies to: notebook instances only while InService, everything else as listed. */
function candidates(view: ExplorerView, action: ActionId): ExplorerItem[] {
  return allItems(view.allRoots).filter((i) => i.resource?.kind === actionKinds[action] && (action !== 'stopNotebook' || /\.(running|idle)$/.test(i.contextValue)));
}

export function registerExplorerActions(context: vscode.ExtensionContext, view: ExplorerView, tree: vscode.TreeView<ExplorerItem>, log: vscode.LogOutputChannel, version: string): void {
  const register = (id: string, handler: (...args: never[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  };

  const syncReadOnly = () => vscode.commands.executeCommand('setContext', 'greenml.aws.readOnly', readAwsSettings().readOnly);
  void syncReadOnly();
  void vscode.commands.executeCommand('setContext', 'greenml.aws.onlyIdle', false);

  /**
   * The gates every action passes before any prompt or AWS call; the account and profile the
   * action goes to when it may run. An action uses the profile the view was loaded with, and is
   * refused when the profile setting changed since (the resources shown may be another account's).
   */
  const mayAct = (): ActionAccount | undefined => {
    const connection = view.connection;
    if (!view.isConnected || !connection) {
      void vscode.window.showInformationMessage('Green ML: connect to AWS in the SageMaker resources view first.');
      return undefined;
    }
    const settings = readAwsSettings();
    const refusal = readOnlyRefusal(settings.readOnly);
    if (refusal) {
      void vscode.window.showWarningMessage(refusal);
      return undefined;
    }
    if (settings.profile !== connection.profile) {
      void vscode.window.showWarningMessage('Green ML: the AWS profile setting changed since the SageMaker resources view loaded; refresh the view first.');
      return undefined;
    }
    return connection;
  };

  const pick = async (action: ActionId, item: ExplorerItem | undefined): Promise<ExplorerItem | undefined> => {
    if (item?.resource) return item;
    const items = candidates(view, action);
    if (items.length === 0) {
      void vscode.window.showInformationMessage(`Green ML: no ${kindNames[actionKinds[action]]} in the SageMaker resources view.`);
      return undefined;
    }
    const chosen = await vscode.window.showQuickPick(
      items.map((i) => ({ label: i.label, description: `${i.resource?.region ?? ''} · ${i.description}`, detail: i.idle ? `idle: ${i.idle}` : undefined, item: i })),
      { title: `Green ML: ${actionTitles[action]}`, matchOnDescription: true },
    );
    return chosen?.item;
  };

  /** Runs the request, shows the item as pending while it settles, reloads the tree, and reports a failure once. */
  const execute = async (item: ExplorerItem, request: ActionRequest, account: ActionAccount): Promise<ActionReport> => {
    const { runAction } = await import('../aws/runAction');
    view.setPending(item.id, pendingText(request.action));
    let report: ActionReport;
    try {
      report = await runAction(request, { profile: account.profile, version }, { ...settleOverrides, onStatus: (state) => view.setPending(item.id, pendingText(request.action, state === 'gone' ? undefined : state.status)) });
    } finally {
      view.setPending(item.id, undefined);
    }
    const line = outcomeText(request.action, request.ref, report);
    if (report.result === 'failed') log.warn(line);
    else log.info(report.deletedConfig ? `${line} Deleted endpoint config '${report.deletedConfig}'.` : line);
    await view.refresh();
    return report;
  };

  const notify = (request: ActionRequest, report: ActionReport): void => {
    const line = `Green ML: ${outcomeText(request.action, request.ref, report)}`;
    if (report.result === 'failed') {
      void vscode.window.showErrorMessage(line, 'Show log').then((a) => a && log.show());
    } else {
      void vscode.window.showInformationMessage(line);
    }
  };

  const stopOrDelete = async (action: StopOrDelete, arg?: ExplorerItem): Promise<ActionReport | undefined> => {
    const account = mayAct();
    if (!account) return undefined;
    const item = await pick(action, arg);
    const ref = item?.resource;
    if (!item || !ref) return undefined;
    if (ref.kind !== actionKinds[action]) {
      void vscode.window.showErrorMessage(`Green ML: cannot ${actionPhrase(action, ref).toLowerCase()}: it is a ${ref.kind}.`);
      return undefined;
    }
    const answer = await prompts.confirm(confirmation(action, ref, item.burn, account, endpointsSharingConfig(ref, allItems(view.allRoots))));
    if (answer === undefined) return undefined;
    const request: ActionRequest = action === 'deleteEndpoint' ? { action, ref, deleteConfig: answer === deleteEndpointChoices.withConfig } : { action, ref };
    const report = await execute(item, request, account);
    notify(request, report);
    return report;
  };

  register(actionCommandIds.stopNotebook, (item?: ExplorerItem) => stopOrDelete('stopNotebook', item));
  register(actionCommandIds.deleteEndpoint, (item?: ExplorerItem) => stopOrDelete('deleteEndpoint', item));
  register(actionCommandIds.deleteApp, (item?: ExplorerItem) => stopOrDelete('deleteApp', item));
  register(actionCommandIds.stopJob, (item?: ExplorerItem) => stopOrDelete('stopJob', item));

  register(actionCommandIds.setSpaceIdleTimeout, async (arg?: ExplorerItem) => {
    const account = mayAct();
    if (!account) return undefined;
    const item = await pick('setSpaceIdleTimeout', arg);
    const ref = item?.resource;
    if (!item || !ref || ref.kind !== 'space') return undefined;
    const appType = (await vscode.window.showQuickPick(['JupyterLab', 'CodeEditor'], { title: `Idle shutdown of ${resourceLabel(ref)}: which app type?` })) as IdleAppType | undefined;
    if (!appType) return undefined;
    const { idleTimeoutRange } = await import('../aws/actions');
    const text = await vscode.window.showInputBox({
      title: `Idle timeout of ${appType} apps in ${resourceLabel(ref)} (${ref.region}, ${accountPhrase(account)})`,
      prompt: `Minutes without activity before SageMaker shuts the app down (${idleTimeoutRange.min}–${idleTimeoutRange.max}).`,
      value: '60',
      validateInput: (v) => {
        const n = Number(v);
        return Number.isInteger(n) && n >= idleTimeoutRange.min && n <= idleTimeoutRange.max ? undefined : `A whole number of minutes from ${idleTimeoutRange.min} to ${idleTimeoutRange.max}`;
      },
    });
    if (text === undefined) return undefined;
    const request: ActionRequest = { action: 'setSpaceIdleTimeout', ref, appType, minutes: Number(text) };
    const report = await execute(item, request, account);
    notify(request, report);
    return report;
  });

  register(actionCommandIds.stopIdle, async () => {
    const account = mayAct();
    if (!account) return undefined;
    const idle = allItems(view.allRoots).filter((i) => i.idle && i.resource && idleAction(i.resource));
    if (idle.length === 0) {
      void vscode.window.showInformationMessage('Green ML: no idle resources in the SageMaker resources view.');
      return [];
    }
    const picked = await vscode.window.showQuickPick(
      idle.map((i) => ({ label: i.label, description: [i.resource?.region, actionTitles[idleAction(i.resource as ResourceRef) as StopOrDelete].toLowerCase(), i.burn ? formatBurn(i.burn) : undefined].filter(Boolean).join(' · '), detail: `idle: ${i.idle}`, picked: true, item: i })),
      { title: 'Green ML: stop idle resources', canPickMany: true, placeHolder: 'Every idle resource is selected; untick the ones to keep.' },
    );
    if (!picked || picked.length === 0) return undefined;
    const plan: (PlannedAction & { item: ExplorerItem })[] = picked.map((p) => ({ item: p.item, ref: p.item.resource as ResourceRef, action: idleAction(p.item.resource as ResourceRef) as StopOrDelete, burn: p.item.burn }));
    if ((await prompts.confirm(bulkConfirmation(plan, account))) === undefined) return undefined;
    // Endpoint configs are free: the bulk action deletes endpoints only. A few at a time, the rest queued.
    for (const p of plan.slice(bulkConcurrency)) view.setPending(p.item.id, 'Queued…');
    const reports: ActionReport[] = new Array<ActionReport>(plan.length);
    let next = 0;
    const worker = async () => {
      while (next < plan.length) {
        const i = next++;
        const p = plan[i];
        reports[i] = await execute(p.item, p.action === 'deleteEndpoint' ? { action: p.action, ref: p.ref, deleteConfig: false } : { action: p.action, ref: p.ref }, account);
      }
    };
    await Promise.all(Array.from({ length: Math.min(bulkConcurrency, plan.length) }, worker));
    const summary = bulkSummary(reports);
    if (reports.some((r) => r.result === 'failed')) void vscode.window.showErrorMessage(summary, 'Show log').then((a) => a && log.show());
    else void vscode.window.showInformationMessage(summary);
    return reports;
  });

  const resourceOf = async (arg: ExplorerItem | undefined, title: string): Promise<ResourceRef | undefined> => {
    if (arg?.resource) return arg.resource;
    const items = allItems(view.allRoots).filter((i) => i.resource);
    if (items.length === 0) {
      void vscode.window.showInformationMessage('Green ML: no resources in the SageMaker resources view (connect first).');
      return undefined;
    }
    const chosen = await vscode.window.showQuickPick(items.map((i) => ({ label: i.label, description: `${i.resource?.region} · ${i.resource?.kind}`, item: i })), { title });
    return chosen?.item.resource;
  };

  register(actionCommandIds.openInConsole, async (arg?: ExplorerItem) => {
    const ref = await resourceOf(arg, 'Green ML: open in the AWS console');
    if (!ref) return false;
    // The URL round-trips through Uri.parse unchanged: names are [A-Za-z0-9-] and the fragment holds no `?` (microsoft/vscode#85930).
    return vscode.env.openExternal(vscode.Uri.parse(consoleUrl(ref)));
  });

  register(actionCommandIds.copyArn, async (arg?: ExplorerItem) => {
    const ref = await resourceOf(arg, 'Green ML: copy ARN');
    if (!ref?.arn) return undefined;
    await vscode.env.clipboard.writeText(ref.arn);
    void vscode.window.setStatusBarMessage(`Copied ${ref.arn}`, 3000);
    return ref.arn;
  });

  const setOnlyIdle = async (on: boolean) => {
    view.setOnlyIdle(on);
    await vscode.commands.executeCommand('setContext', 'greenml.aws.onlyIdle', on);
  };
  register(actionCommandIds.showOnlyIdle, () => setOnlyIdle(true));
  register(actionCommandIds.showAll, () => setOnlyIdle(false));

  // Status bar: the burn of every connected region; hidden until connected.
  const status = vscode.window.createStatusBarItem('greenml.aws.burn', vscode.StatusBarAlignment.Left, 10);
  status.name = 'Green ML: SageMaker burn';
  status.command = 'greenml.explorer.focus';
  const updateStatus = () => {
    const summary = view.isConnected ? burnSummary(view.allRoots) : undefined;
    if (!summary) {
      status.hide();
      return;
    }
    status.text = `$(flame) ${summary.text}`;
    status.tooltip = `${summary.tooltip}\nClick to show the SageMaker resources view.`;
    status.show();
  };

  const autoRefresh = new AutoRefresh(() => {
    if (tree.visible) void view.refresh();
  });
  const updateTimer = () =>
    autoRefresh.update({ minutes: vscode.workspace.getConfiguration('greenml').get<number>('explorer.autoRefreshMinutes', 0), visible: tree.visible, connected: view.isConnected });

  context.subscriptions.push(
    status,
    autoRefresh,
    view.onDidChangeTreeData(() => {
      updateStatus();
      updateTimer();
    }),
    tree.onDidChangeVisibility(updateTimer),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('greenml.aws.readOnly')) void syncReadOnly();
      if (e.affectsConfiguration('greenml.explorer.autoRefreshMinutes')) updateTimer();
    }),
  );
}
