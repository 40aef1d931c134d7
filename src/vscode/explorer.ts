import * as vscode from 'vscode';
import type { DescribeCache } from '../aws/cache';
import type { ExplorerItem } from '../present/explorer';
import { explorerRoots } from '../present/explorer';

export const explorerCommandIds = {
  connect: 'greenml.aws.connect',
  refresh: 'greenml.aws.refresh',
} as const;

export interface AwsSettings {
  profile: string | undefined;
  regions: string[];
  idleHours: number;
  readOnly: boolean;
}

export function readAwsSettings(): AwsSettings {
  const section = vscode.workspace.getConfiguration('greenml');
  const profile = section.get<string>('aws.profile', '').trim();
  return {
    profile: profile === '' ? undefined : profile,
    regions: section.get<string[]>('aws.regions', []).filter((r) => typeof r === 'string' && r.trim() !== ''),
    idleHours: Math.max(1, section.get<number>('idle.hours', 24)),
    readOnly: section.get<boolean>('aws.readOnly', true),
  };
}

/** The "SageMaker resources" view; it calls AWS only after "Connect to AWS", never at activation. */
export class ExplorerView implements vscode.TreeDataProvider<ExplorerItem> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: ExplorerItem[] = [];
  private connected = false;
  /** Endpoint describes kept between refreshes of this view (see src/aws/cache.ts). */
  private cache: DescribeCache | undefined;

  constructor(private readonly log: vscode.LogOutputChannel, private readonly version: string) {}

  async connect(): Promise<void> {
    this.connected = true;
    await vscode.commands.executeCommand('setContext', 'greenml.aws.connected', true);
    await this.refresh();
  }

  async refresh(): Promise<void> {
    if (!this.connected) return;
    // The AWS SDK is loaded on first connect, not at activation (the bundle keeps the module lazy).
    const { loadAccount, profileRegion } = await import('../aws/explorer');
    this.cache ??= new (await import('../aws/cache')).DescribeCache();
    const settings = readAwsSettings();
    const regions = settings.regions.length > 0 ? settings.regions : [(await profileRegion(settings.profile)) ?? 'us-east-1'];
    const now = new Date();
    const started = performance.now();
    const snapshot = await vscode.window.withProgress({ location: { viewId: 'greenml.explorer' } }, () => loadAccount({ profile: settings.profile, version: this.version }, regions, settings.idleHours, now, { cache: this.cache }));
    if ('reason' in snapshot.identity) this.log.warn(snapshot.identity.message);
    for (const r of snapshot.regions) if ('error' in r) this.log.warn(r.error.message);
    this.log.info(`explorer loaded ${regions.join(', ')} in ${Math.round(performance.now() - started)} ms`);
    this.roots = explorerRoots(snapshot.identity, snapshot.regions, { idleHours: settings.idleHours, now, profile: settings.profile });
    this.changed.fire();
  }

  getChildren(element?: ExplorerItem): ExplorerItem[] {
    return element ? (element.children ?? []) : this.roots;
  }

  getTreeItem(model: ExplorerItem): vscode.TreeItem {
    const item = new vscode.TreeItem(model.label, model.children ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    if (model.contextValue === 'greenml.aws.region' || model.contextValue === 'greenml.aws.region.error') item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
    item.id = model.id;
    item.description = model.description;
    item.tooltip = model.tooltip;
    item.contextValue = model.contextValue;
    item.iconPath = new vscode.ThemeIcon(model.icon, model.idle ? new vscode.ThemeColor('list.warningForeground') : undefined);
    if (model.contextValue.startsWith('greenml.aws.error')) item.command = { title: 'Show log', command: 'greenml.showLog' };
    return item;
  }
}

export function registerExplorer(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, version: string): ExplorerView {
  const view = new ExplorerView(log, version);
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider('greenml.explorer', view),
    vscode.commands.registerCommand(explorerCommandIds.connect, () => view.connect()),
    vscode.commands.registerCommand(explorerCommandIds.refresh, () => view.refresh()),
  );
  return view;
}
