import type { CodeAction } from 'vscode-languageserver/node';
import type { Linter } from '../core/engine';
import type { IntensityChoice } from '../estimate/estimate';
import { lensRegion } from '../present/codeLens';
import type { ModelCardFragment } from '../present/modelCard';
import { modelCardEstimate, modelCardFragment, placedTrainingTargets, trainingTargetAt } from '../present/modelCard';
import type { EstimateScope } from './estimates';
import { targetsOf } from './estimates';

/** The Model Card section of a training call: `[uri, line (1-based), { region?, utilization?, intensity? }]`, answered with the fragment or `{ error }`. */
export const modelCardCommand = 'greenml.lsp.modelCard';
export const modelCardKind = 'greenml.modelCard';
export const modelCardTitle = 'Green ML: Model Card environmental impact';
/** The client's own command that shows the section (`[uri, line]`): VS Code's. */
export const clientModelCardCommand = 'greenml.modelCardEnvironment';

/**
 * "Green ML: Model Card environmental impact", offered on a line of a training call or tuner (the
 * lint's own facts: no parse) of a Python file or notebook cell, for a client that has the command.
 */
export function modelCardAction(scope: EstimateScope, uri: string, line: number): CodeAction | undefined {
  const format = scope.state.result.format;
  if (format !== 'python' && format !== 'notebook') return undefined;
  const found = targetsOf(scope);
  const at = found?.placed.some(({ target, range }) => (target.kind === 'training' || target.kind === 'tuner') && range && range.start.line <= line && line <= range.end.line);
  if (!at) return undefined;
  return { title: modelCardTitle, kind: modelCardKind, command: { title: modelCardTitle, command: clientModelCardCommand, arguments: [uri, line + 1] } };
}

/** The figures' settings a client sends with the command (its own `greenml.*`). */
export interface ModelCardSettings {
  region?: string;
  utilization?: number;
  intensity?: IntensityChoice;
}

export function modelCardSettingsOf(value: unknown): ModelCardSettings {
  if (value === null || typeof value !== 'object') return {};
  const { region, utilization, intensity } = value as Record<string, unknown>;
  return {
    ...(typeof region === 'string' && region.trim() ? { region: region.trim() } : {}),
    ...(typeof utilization === 'number' && utilization >= 0 && utilization <= 1 ? { utilization } : {}),
    ...(intensity === 'recent' || intensity === 'ccf' ? { intensity } : {}),
  };
}

/**
 * The Model Card fragment of the training call at `line` (1-based) of a text, or of one cell
 * (`cellIndex`, the line inside it) of a notebook's `.ipynb` text.
 */
export function modelCardAt(linter: Linter, fileName: string, text: string, line: number, settings: ModelCardSettings, cellIndex?: number): ModelCardFragment | { error: string } {
  let placed;
  if (cellIndex !== undefined) {
    placed = placedTrainingTargets(linter, fileName, text, 'notebook');
    // The targets of this cell, with their lines inside it.
    placed = { ...placed, targets: placed.targets.flatMap((t) => (t.cell?.index === cellIndex ? [{ ...t, line: t.cell.line, endLine: t.cell.endLine }] : [])) };
  } else {
    if (!linter.mayHandle(fileName)) return { error: 'the Model Card section is made from a Python file or notebook.' };
    placed = placedTrainingTargets(linter, fileName, text);
  }
  const chosen = trainingTargetAt(placed.targets, line);
  if ('error' in chosen) return { error: chosen.error.replace('; training calls at lines', ' (put the cursor on one); training calls at lines') };
  const region = lensRegion({ targets: [], ...(placed.codeRegion ? { region: { code: placed.codeRegion, start: 0 } } : {}) }, settings);
  return modelCardFragment(modelCardEstimate(chosen.target, region, settings));
}
