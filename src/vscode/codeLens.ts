import * as vscode from 'vscode';
import type { Linter } from '../core/engine';
import type { IntensityChoice } from '../estimate/estimate';
import type { LensSettings } from '../present/codeLens';
import { lensesFor } from '../present/codeLens';
import type { CostTargets } from '../present/costTargets';
import { costTargetVisitors } from '../present/costTargets';
import { cellScheme } from './diagnostics';

/** Clicking a lens shows its assumptions, region and sources. */
export const showLensDetailsCommand = 'greenml.showEstimateDetails';

export function registerLensDetailsCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(showLensDetailsCommand, (title: string, details: string) => vscode.window.showInformationMessage(title, { modal: true, detail: details }));
}

/** The `greenml.*` settings the lenses use; `region` only when the user set it (its default is reported as the default). */
function lensSettings(scope: vscode.Uri): { enabled: boolean; settings: LensSettings } {
  const section = vscode.workspace.getConfiguration('greenml', scope);
  const region = section.inspect<string>('region');
  return {
    enabled: section.get<boolean>('codeLens.enable', true),
    settings: {
      region: region?.workspaceFolderValue ?? region?.workspaceValue ?? region?.globalValue,
      utilization: section.get<number>('utilization', 0.5),
      intensity: section.get<IntensityChoice>('gridIntensity', 'ccf') === 'recent' ? 'recent' : 'ccf',
    },
  };
}

/**
 * Cost and carbon above training jobs, tuners, `deploy()` calls and IaC endpoint configurations
 * and notebook instances. Reads the code's facts through the engine without running rules.
 */
export class CostCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly linter: Linter) {}

  /** Asks the editor for fresh lenses (after a settings change). */
  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const { enabled, settings } = lensSettings(document.uri);
    if (!enabled) return [];
    // A notebook cell is Python on its own: its fact offsets are offsets of the cell.
    const isCell = document.uri.scheme === cellScheme;
    const fileName = isCell ? `${document.uri.path}.py` : document.fileName;
    if (!this.linter.mayHandle(fileName)) return [];
    if (this.linter.needsPrepare(fileName)) await this.linter.prepare([fileName]);
    const sink: CostTargets = { targets: [] };
    const collected = this.linter.collectFacts(fileName, document.getText(), costTargetVisitors(sink), isCell ? { format: 'python' } : {});
    const toFile = (offset: number): number => collected.embedded?.toFile(offset) ?? offset;
    return lensesFor(sink, settings).map((lens) => {
      const start = document.positionAt(toFile(lens.start));
      return new vscode.CodeLens(new vscode.Range(start, start), { title: lens.title, tooltip: lens.tooltip, command: showLensDetailsCommand, arguments: [lens.title, lens.tooltip] });
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
