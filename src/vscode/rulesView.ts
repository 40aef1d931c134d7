import * as vscode from 'vscode';
import { resolveRuleSettings } from '../core/config';
import type { AnyRule } from '../core/types';
import type { EditorSettings } from './settings';

/** The "Rules" view: every rule with its effective severity; a click opens its page. */
export class RulesView implements vscode.TreeDataProvider<AnyRule> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly rules: readonly AnyRule[], private settings: EditorSettings) {}

  update(settings: EditorSettings): void {
    this.settings = settings;
    this.changed.fire();
  }

  getChildren(element?: AnyRule): AnyRule[] {
    return element ? [] : [...this.rules];
  }

  getTreeItem(rule: AnyRule): vscode.TreeItem {
    const effective = resolveRuleSettings([rule], this.settings.config).get(rule.id);
    const item = new vscode.TreeItem(`${rule.id} ${rule.name}`);
    item.description = effective ? effective.severity : 'off';
    item.tooltip = new vscode.MarkdownString(`**${rule.id} ${rule.name}**\n\n${rule.meta.description}.\n\nFormats: ${rule.meta.formats.join(', ')} · Well-Architected: ${rule.meta.wellArchitected.join(', ') || '–'}`);
    item.iconPath = new vscode.ThemeIcon(effective ? 'pass' : 'circle-slash');
    item.contextValue = 'greenml.rule';
    item.command = { title: 'Show documentation', command: 'greenml.showRuleDocs', arguments: [rule.id] };
    return item;
  }
}
