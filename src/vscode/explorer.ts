import * as vscode from 'vscode';
import type { DescribeCache } from '../aws/cache';
import type { ExplorerItem } from '../present/explorer';
import { explorerRoots } from '../present/explorer';
import { onlyIdle } from '../present/actions';
import { registerExplorerActions } from './explorerActions';

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
  private shown: ExplorerItem[] = [];
  private connected = false;
  private idleOnly = false;
  /** `Stopping…`, `Deleting…` per item id while an action settles. */
  private readonly pending = new Map<string, string>();
  private loading: Promise<void> | undefined;
  private again = false;
  /** Endpoint describes kept between refreshes of this view (see src/aws/cache.ts). */
  private cache: DescribeCache | undefined;

  constructor(private readonly log: vscode.LogOutputChannel, private readonly version: string) {}

  async connect(): Promise<void> {
    this.connected = true;
    await vscode.commands.executeCommand('setContext', 'greenml.aws.connected', true);
    await this.refresh();
  }

  get isConnected(): boolean {
    return this.connected;
  }

  /** Every root as loaded, whatever the filter. */
  get allRoots(): readonly ExplorerItem[] {
    return this.roots;
  }

  /** "Show only idle": hides active resources (the status bar still sums everything). */
  setOnlyIdle(on: boolean): void {
    this.idleOnly = on;
    this.shown = on ? onlyIdle(this.roots) : this.roots;
    this.changed.fire();
  }

  /** Shows `text` (e.g. `Deleting…`) on the item until cleared with undefined. */
  setPending(id: string, text: string | undefined): void {
    if (text === undefined) this.pending.delete(id);
    else this.pending.set(id, text);
    this.changed.fire();
  }

  /** Reloads every region; a refresh asked for while one runs runs once more after it. */
  async refresh(): Promise<void> {
    if (!this.connected) return;
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    this.loading = (async () => {
      do {
        this.again = false;
        await this.load();
      } while (this.again);
    })().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async load(): Promise<void> {
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
    this.shown = this.idleOnly ? onlyIdle(this.roots) : this.roots;
    this.changed.fire();
  }

  getChildren(element?: ExplorerItem): ExplorerItem[] {
    return element ? (element.children ?? []) : this.shown;
  }

  getTreeItem(model: ExplorerItem): vscode.TreeItem {
    const item = new vscode.TreeItem(model.label, model.children ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    if (model.contextValue === 'greenml.aws.region' || model.contextValue === 'greenml.aws.region.error') item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
    item.id = model.id;
    const pending = this.pending.get(model.id);
    item.description = pending ? [pending, model.description].filter(Boolean).join(' · ') : model.description;
    item.tooltip = model.tooltip;
    item.contextValue = model.contextValue;
    item.iconPath = new vscode.ThemeIcon(model.icon, model.idle ? new vscode.ThemeColor('list.warningForeground') : undefined);
    if (model.contextValue.startsWith('greenml.aws.error')) item.command = { title: 'Show log', command: 'greenml.showLog' };
    return item;
  }
}

export function registerExplorer(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, version: string): ExplorerView {
  const view = new ExplorerView(log, version);
  const tree = vscode.window.createTreeView('greenml.explorer', { treeDataProvider: view });
  context.subscriptions.push(
    tree,
    vscode.commands.registerCommand(explorerCommandIds.connect, () => view.connect()),
    vscode.commands.registerCommand(explorerCommandIds.refresh, () => view.refresh()),
  );
  registerExplorerActions(context, view, tree, log, version);
  return view;
}
