import * as vscode from 'vscode';
import { listInstanceTypes } from '../data/instances';
import type { IntensityChoice } from '../estimate/estimate';
import { comparePriceNote, compareRegions } from '../present/compareRegions';
import { findInstanceTypeAt } from '../present/instanceHover';

export const compareRegionsCommand = 'greenml.compareRegions';

/** The `ml.*` type under the cursor, else one picked from the catalogue. */
async function pickInstanceType(): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    const position = editor.selection.active;
    const match = findInstanceTypeAt(editor.document.lineAt(position.line).text, position.character);
    if (match) return match.name;
  }
  return vscode.window.showQuickPick(
    listInstanceTypes().map((r) => r.instanceType),
    { title: 'Green ML: Compare regions', placeHolder: 'Instance type (ml.*)' },
  );
}

/**
 * "Green ML: Compare regions": a quick pick of the regions sorted by carbon for an instance type,
 * with kgCO2e/h and $/h. Resolves to the region picked, if any.
 */
export function registerCompareRegions(): vscode.Disposable {
  return vscode.commands.registerCommand(compareRegionsCommand, async (instanceType?: string) => {
    const type = instanceType ?? (await pickInstanceType());
    if (!type) return undefined;
    const section = vscode.workspace.getConfiguration('greenml');
    const choices = compareRegions(type, {
      utilization: section.get<number>('utilization', 0.5),
      intensity: section.get<IntensityChoice>('gridIntensity', 'ccf') === 'recent' ? 'recent' : 'ccf',
    });
    if (!choices) {
      void vscode.window.showWarningMessage(`Green ML: "${type}" is not a SageMaker instance type.`);
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(choices, {
      title: `Green ML: regions for ${type}, lowest carbon first (per instance-hour, Cloud Carbon Footprint's method)`,
      placeHolder: comparePriceNote(type, choices),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    return picked?.region;
  });
}
