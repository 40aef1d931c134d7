import * as vscode from 'vscode';
import type { CollectResult, KeptFacts, Linter } from '../core/engine';
import type { Visitors } from '../core/types';
import type { IntensityChoice } from '../estimate/estimate';
import type { LensModel, LensSettings } from '../present/codeLens';
import { lensesFor } from '../present/codeLens';
import type { CostTargets } from '../present/costTargets';
import { costTargetVisitors } from '../present/costTargets';
import { cellScheme, notebookText } from './diagnostics';
import type { EditorPricing } from './pricing';

function toCodeLens(lens: LensModel, at: vscode.Position): vscode.CodeLens {
  return new vscode.CodeLens(new vscode.Range(at, at), { title: lens.title, tooltip: lens.tooltip, command: showLensDetailsCommand, arguments: [lens.title, lens.tooltip] });
}

/** Clicking a lens shows its assumptions, region and sources. */
export const showLensDetailsCommand = 'greenml.showEstimateDetails';

export function registerLensDetailsCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(showLensDetailsCommand, (title: string, details: string) => vscode.window.showInformationMessage(title, { modal: true, detail: details }));
}

/**
 * The `greenml.*` settings of the figures (lenses and hovers); `region` only when the user set it,
 * so that the AWS profile's region comes next. Live prices and the profile's region come from `pricing`.
 */
export function lensSettings(scope: vscode.Uri, pricing?: EditorPricing): { enabled: boolean; settings: LensSettings } {
  const section = vscode.workspace.getConfiguration('greenml', scope);
  const region = section.inspect<string>('region');
  const set = region?.workspaceFolderValue ?? region?.workspaceValue ?? region?.globalValue;
  return {
    enabled: section.get<boolean>('codeLens.enable', true),
    settings: {
      region: set?.trim() ? set.trim() : undefined,
      profileRegion: pricing?.profileRegion,
      utilization: section.get<number>('utilization', 0.5),
      intensity: section.get<IntensityChoice>('gridIntensity', 'ccf') === 'recent' ? 'recent' : 'ccf',
      ...(pricing?.liveEnabled ? { livePrice: pricing.livePrice } : {}),
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

  constructor(
    private readonly linter: Linter,
    /** The notebook a cell document belongs to (DocumentLinter.notebookOf). */
    private readonly notebookOf: (cell: vscode.TextDocument) => vscode.NotebookDocument | undefined,
    private readonly pricing?: EditorPricing,
    /** The facts the diagnostics lint kept for the document's current version (DocumentLinter.factsOf), if any. */
    private readonly lintedFacts: (document: vscode.TextDocument) => KeptFacts | undefined = () => undefined,
  ) {}

  /** The lint's facts of this version when there are some; else the code is parsed here. */
  private walk(document: vscode.TextDocument, visitors: Visitors, parse: () => CollectResult): Pick<CollectResult, 'embedded'> {
    const facts = this.lintedFacts(document);
    if (!facts) return parse();
    facts.walk(visitors);
    return facts;
  }

  /**
   * The cost targets and code region of a document, with a way to map their offsets to positions
   * in it; undefined for a file Green ML does not read (or a cell of no open notebook). Reads the
   * lint's facts of this version when there are some.
   */
  async targetsOf(document: vscode.TextDocument): Promise<{ targets: CostTargets; positionOf(offset: number): vscode.Position | undefined } | undefined> {
    if (document.uri.scheme === cellScheme) {
      const notebook = this.notebookOf(document);
      const index = notebook ? notebook.getCells().findIndex((c) => c.document === document) : -1;
      if (!notebook || index === -1) return undefined;
      const fileName = `${notebook.uri.path}.ipynb`;
      if (this.linter.needsPrepare(fileName)) await this.linter.prepare([fileName]);
      const targets: CostTargets = { targets: [] };
      const visitors = costTargetVisitors(targets);
      const collected = this.walk(document, visitors, () => this.linter.collectFacts(fileName, notebookText(notebook.getCells()), visitors, { format: 'notebook' }));
      return {
        targets,
        positionOf: (offset) => {
          const where = collected.embedded?.cellRange(offset, offset);
          return where?.index === index ? new vscode.Position(where.line - 1, where.column - 1) : undefined;
        },
      };
    }
    const fileName = document.fileName;
    if (!this.linter.mayHandle(fileName)) return undefined;
    const text = document.getText();
    if (this.linter.needsPrepare(fileName, text)) await this.linter.prepare([fileName], text);
    const targets: CostTargets = { targets: [] };
    const visitors = costTargetVisitors(targets);
    const collected = this.walk(document, visitors, () => this.linter.collectFacts(fileName, text, visitors));
    return { targets, positionOf: (offset) => document.positionAt(collected.embedded?.toFile(offset) ?? offset) };
  }

  /** Asks the editor for fresh lenses (after a settings change). */
  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const { enabled, settings } = lensSettings(document.uri, this.pricing);
    if (!enabled) return [];
    if (document.uri.scheme === cellScheme) {
      const notebook = this.notebookOf(document);
      const index = notebook ? notebook.getCells().findIndex((c) => c.document === document) : -1;
      return notebook && index !== -1 ? this.cellLenses(document, notebook, index, settings) : [];
    }
    const fileName = document.fileName;
    if (!this.linter.mayHandle(fileName)) return [];
    const text = document.getText();
    if (this.linter.needsPrepare(fileName, text)) await this.linter.prepare([fileName], text);
    const sink: CostTargets = { targets: [] };
    const visitors = costTargetVisitors(sink);
    const collected = this.walk(document, visitors, () => this.linter.collectFacts(fileName, text, visitors));
    const toFile = (offset: number): number => collected.embedded?.toFile(offset) ?? offset;
    return lensesFor(sink, settings).map((lens) => toCodeLens(lens, document.positionAt(toFile(lens.start))));
  }

  /**
   * A cell of a notebook open in the notebook editor: the whole notebook is read from its live
   * cells (imports and constants of earlier cells count), and the lenses of this cell are kept.
   */
  private async cellLenses(cell: vscode.TextDocument, notebook: vscode.NotebookDocument, index: number, settings: LensSettings): Promise<vscode.CodeLens[]> {
    const fileName = `${notebook.uri.path}.ipynb`;
    if (this.linter.needsPrepare(fileName)) await this.linter.prepare([fileName]);
    const sink: CostTargets = { targets: [] };
    const visitors = costTargetVisitors(sink);
    const collected = this.walk(cell, visitors, () => this.linter.collectFacts(fileName, notebookText(notebook.getCells()), visitors, { format: 'notebook' }));
    return lensesFor(sink, settings).flatMap((lens) => {
      const where = collected.embedded?.cellRange(lens.start, lens.end);
      return where?.index === index ? [toCodeLens(lens, new vscode.Position(where.line - 1, where.column - 1))] : [];
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
