import * as vscode from 'vscode';
import type { DescribeCache, EndpointConfigCache } from '../aws/cache';
import type { AccountSnapshot } from '../aws/explorer';
import type { ExplorerItem } from '../present/explorer';
import { explorerRoots } from '../present/explorer';
import { onlyIdle } from '../present/actions';
import { registerExplorerActions } from './explorerActions';
import { readAwsSettings } from './settings';

export const explorerCommandIds = {
  connect: 'greenml.aws.connect',
  refresh: 'greenml.aws.refresh',
} as const;

export type { AwsSettings } from './settings';
export { readAwsSettings };

/** The "SageMaker resources" view; it calls AWS only after "Connect to AWS", never at activation. */
export class ExplorerView implements vscode.TreeDataProvider<ExplorerItem> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: ExplorerItem[] = [];
  private shown: ExplorerItem[] = [];
  private connected = false;
  /** The profile and account of the last load: the ones every action confirms and uses. */
  private loadedWith: { profile: string | undefined; account: string | undefined } | undefined;
  private idleOnly = false;
  /** `Stopping…`, `Deleting…` per item id while an action settles. */
  private readonly pending = new Map<string, string>();
  private loading: Promise<void> | undefined;
  private again = false;
  /** Endpoint describes kept between refreshes of this view (see src/aws/cache.ts). */
  private cache: DescribeCache | undefined;
  /** Endpoint config facts (instance types) by account, region and name, restored from and saved to `configFile`. */
  private configs: EndpointConfigCache | undefined;
  /** `configs.version` when last read or written: the file is rewritten only after new entries. */
  private savedConfigsVersion = 0;
  /** While endpoint configs land, the tree is redrawn at most this often. */
  private static readonly redrawMs = 200;

  /** `configFile`: where endpoint config facts are kept between sessions (none: for this session only). */
  constructor(private readonly log: vscode.LogOutputChannel, private readonly version: string, readonly configFile?: vscode.Uri) {}

  async connect(): Promise<void> {
    this.connected = true;
    await vscode.commands.executeCommand('setContext', 'greenml.aws.connected', true);
    await this.refresh();
  }

  get isConnected(): boolean {
    return this.connected;
  }

  /** The profile (undefined: the default chain) and account id the shown resources were loaded with; undefined before a load. */
  get connection(): { profile: string | undefined; account: string | undefined } | undefined {
    return this.loadedWith;
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
    const { DescribeCache, EndpointConfigCache } = await import('../aws/cache');
    this.cache ??= new DescribeCache();
    if (!this.configs) {
      this.configs = EndpointConfigCache.from(await this.readConfigFile());
      this.savedConfigsVersion = this.configs.version;
    }
    const settings = readAwsSettings();
    const regions = settings.regions.length > 0 ? settings.regions : [(await profileRegion(settings.profile)) ?? 'us-east-1'];
    const now = new Date();
    const started = performance.now();
    const show = (snapshot: AccountSnapshot) => {
      this.loadedWith = { profile: settings.profile, account: 'reason' in snapshot.identity ? undefined : snapshot.identity.account };
      this.roots = explorerRoots(snapshot.identity, snapshot.regions, { idleHours: settings.idleHours, now, profile: settings.profile });
      this.shown = this.idleOnly ? onlyIdle(this.roots) : this.roots;
      this.changed.fire();
    };
    // The listing with idle status shows at once; endpoint details (instance types, burn) fill in as they land.
    let latest: AccountSnapshot | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onProgress = (snapshot: AccountSnapshot, phase: 'listed' | 'details') => {
      latest = snapshot;
      if (phase === 'listed') {
        this.log.info(`explorer listed ${regions.join(', ')} in ${Math.round(performance.now() - started)} ms`);
        show(snapshot);
      } else {
        timer ??= setTimeout(() => {
          timer = undefined;
          if (latest) show(latest);
        }, ExplorerView.redrawMs);
      }
    };
    let snapshot: AccountSnapshot;
    try {
      snapshot = await vscode.window.withProgress({ location: { viewId: 'greenml.explorer' } }, () =>
        loadAccount({ profile: settings.profile, version: this.version }, regions, settings.idleHours, now, { cache: this.cache, configs: this.configs, onProgress }),
      );
    } finally {
      if (timer) clearTimeout(timer);
      timer = undefined;
    }
    if ('reason' in snapshot.identity) this.log.warn(snapshot.identity.message);
    for (const r of snapshot.regions) if ('error' in r) this.log.warn(r.error.message);
    this.log.info(`explorer loaded ${regions.join(', ')} in ${Math.round(performance.now() - started)} ms`);
    show(snapshot);
    await this.writeConfigFile();
  }

  private async readConfigFile(): Promise<unknown> {
    if (!this.configFile) return undefined;
    try {
      return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(this.configFile))) as unknown;
    } catch {
      return undefined; // none yet, or unreadable: start empty
    }
  }

  private async writeConfigFile(): Promise<void> {
    if (!this.configFile || !this.configs || this.configs.version === this.savedConfigsVersion) return;
    const version = this.configs.version;
    try {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.configFile, '..'));
      await vscode.workspace.fs.writeFile(this.configFile, new TextEncoder().encode(JSON.stringify(this.configs)));
      this.savedConfigsVersion = version;
    } catch (err) {
      this.log.warn(`could not save the endpoint config cache: ${err instanceof Error ? err.message : String(err)}`);
    }
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
  const view = new ExplorerView(log, version, vscode.Uri.joinPath(context.globalStorageUri, 'endpoint-configs.json'));
  const tree = vscode.window.createTreeView('greenml.explorer', { treeDataProvider: view });
  context.subscriptions.push(
    tree,
    vscode.commands.registerCommand(explorerCommandIds.connect, () => view.connect()),
    vscode.commands.registerCommand(explorerCommandIds.refresh, () => view.refresh()),
  );
  registerExplorerActions(context, view, tree, log, version);
  return view;
}
