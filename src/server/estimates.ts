import type { CodeLens, Hover, Position, Range } from 'vscode-languageserver/node';
import { escapeControlsPerLine } from '../core/escape';
import type { Effect } from '../core/types';
import { LineIndex } from '../core/lineIndex';
import type { LensSettings } from '../present/codeLens';
import { lensesFor, resolveRegion } from '../present/codeLens';
import type { CostTarget, CostTargets } from '../present/costTargets';
import { costTargetVisitors } from '../present/costTargets';
import { findInstanceTypeAt, instanceHoverMarkdown } from '../present/instanceHover';
import { findingSavingsMarkdown, isPriced } from '../present/savings';
import { cellRange, toLspRange } from './convert';
import type { ServerSettings } from './settings';
import type { LintState } from './state';

/** Clicking a lens shows its assumptions, region and sources (`[title, details]`). */
export const showEstimateDetailsCommand = 'greenml.lsp.showEstimateDetails';

/** A linted document as hovers and lenses read it: a text document, or one cell of a notebook. */
export interface EstimateScope {
  state: LintState;
  cellIndex?: number;
}

/** The cost targets of a lint, each placed in the scope's document (targets elsewhere, in other cells, have no range). */
export interface PlacedTargets {
  targets: CostTargets;
  placed: Array<{ target: CostTarget; range: Range | undefined }>;
  positionOf(offset: number): Position | undefined;
}

const instanceTypeInText = /(?<![\w.-])ml\.[a-z0-9][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)+/i;

/**
 * The figures' settings, all from the client's `greenml.*`: the region is the code's, else
 * `greenml.region`, else us-east-1. The server reads no AWS profile (it imports nothing of the AWS
 * layer); a client that knows the profile's region sends it as `greenml.region`.
 */
export function lensSettingsOf(settings: ServerSettings): LensSettings {
  const { region, utilization, intensity } = settings.estimates;
  return { ...(region ? { region } : {}), utilization, intensity };
}

/**
 * The cost targets the lint walked (it keeps its facts), with a way to place their offsets in the
 * scope's document; undefined when the lint kept none (a file that did not parse).
 */
export function targetsOf(scope: EstimateScope): PlacedTargets | undefined {
  const { state } = scope;
  const facts = state.result.facts;
  if (!facts) return undefined;
  const targets: CostTargets = { targets: [] };
  facts.walk(costTargetVisitors(targets));
  const cellIndex = state.kind === 'notebook' ? scope.cellIndex : state.oneCell ? 0 : undefined;
  const lines = cellIndex === undefined ? new LineIndex(state.text) : undefined;
  const positionOf = (offset: number): Position | undefined => {
    if (lines) return lines.positionAt(facts.embedded?.toFile(offset) ?? offset);
    const where = facts.embedded?.cellRange(offset, offset);
    return where && where.index === cellIndex ? { line: where.line - 1, character: where.column - 1 } : undefined;
  };
  const placed = targets.targets.map((target) => {
    const start = positionOf(target.start);
    const end = positionOf(target.end);
    return { target, range: start && end ? { start, end } : undefined };
  });
  return { targets, placed, positionOf };
}

/** Cost and carbon above training jobs, tuners, `deploy()` calls and IaC endpoints, as the VS Code lenses show them. */
export function codeLenses(scope: EstimateScope, settings: LensSettings): CodeLens[] {
  const found = targetsOf(scope);
  if (!found) return [];
  return lensesFor(found.targets, settings).flatMap((lens) => {
    const at = found.positionOf(lens.start);
    return at ? [{ range: { start: at, end: at }, command: { title: lens.title, tooltip: lens.tooltip, command: showEstimateDetailsCommand, arguments: [lens.title, lens.tooltip] } } as CodeLens] : [];
  });
}

/**
 * The hover at a position: the figures of an `ml.*` instance type under it, and what each finding
 * there that suggests a change would save. `lineText` is the document's live line; findings count
 * only when the scope's lint is of the document's current text (`scope` undefined otherwise).
 */
export function hoverAt(lineText: string, position: Position, scope: EstimateScope | undefined, settings: LensSettings): Hover | undefined {
  const match = findInstanceTypeAt(lineText, position.character);
  const findings = scope ? findingsAt(scope, position).filter(isPriced) : [];
  if (!match && !findings.length) return undefined;
  const found = scope ? targetsOf(scope) : undefined;
  const codeRegion = found?.targets.region?.code;
  const sections: string[] = [];
  let range: Range | undefined;
  if (match) {
    const markdown = instanceHoverMarkdown(match.name, { ...settings, codeRegion });
    if (markdown) {
      sections.push(markdown);
      range = { start: { line: position.line, character: match.start }, end: { line: position.line, character: match.end } };
    }
  }
  const region = resolveRegion(codeRegion, settings).code;
  for (const finding of findings) {
    const instanceType = instanceTypeOf(finding.range, finding.text, found);
    const markdown = findingSavingsMarkdown(finding, { instanceType, region, utilization: settings.utilization, intensity: settings.intensity, livePrice: settings.livePrice });
    if (markdown && !sections.includes(markdown)) sections.push(markdown);
  }
  if (!sections.length) return undefined;
  return { contents: { kind: 'markdown', value: escapeControlsPerLine(sections.join('\n\n---\n\n')) }, ...(range ? { range } : {}) };
}

/** The findings of the scope's document whose range holds the position, with the text of their range. */
function findingsAt(scope: EstimateScope, position: Position): Array<{ ruleId: string; effect?: Effect; range: Range; text: string }> {
  const { state, cellIndex } = scope;
  const inCell = state.kind === 'notebook';
  const text = inCell ? (state.cells[cellIndex ?? -1]?.text ?? '') : state.text;
  const lines = new LineIndex(text);
  return state.result.findings.flatMap((f) => {
    if (inCell && (!f.cell || f.cell.index !== cellIndex)) return [];
    const range = toLspRange(inCell && f.cell ? cellRange(f.cell) : f);
    if (!contains(range, position)) return [];
    return [{ ruleId: f.ruleId, effect: f.effect, range, text: text.slice(lines.offsetAt(range.start.line, range.start.character), lines.offsetAt(range.end.line, range.end.character)) }];
  });
}

/** The type a finding is about: one named in its range, else that of the cost target it sits in (or the file's only one). */
function instanceTypeOf(range: Range, text: string, found: PlacedTargets | undefined): string | undefined {
  const named = instanceTypeInText.exec(text)?.[0];
  if (named) return named;
  if (!found) return undefined;
  const around = found.placed.find((p) => p.range && intersects(p.range, range));
  if (around) return around.target.instanceType;
  const types = new Set(found.targets.targets.map((t) => t.instanceType));
  return types.size === 1 ? [...types][0] : undefined;
}

const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);

function contains(range: Range, position: Position): boolean {
  return !before(position, range.start) && !before(range.end, position);
}

/** Ranges that share a position (touching ends count, as VS Code's Range.intersection does). */
function intersects(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}
