import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { applyFixes } from '../core/applyFixes';
import { escapeControls } from '../core/escape';
import type { Linter } from '../core/engine';
import { fixUntilStable, isChosen } from '../core/fixLoop';
import { changedSpan } from '../core/lineDiff';
import { LineIndex } from '../core/lineIndex';
import { suppressionEdit } from '../core/suppressions';
import type { Edit, Finding, Fix } from '../core/types';
import { diagnosticSource, toLspRange } from './convert';
import type { LintState } from './state';
import { findingOf } from './state';

export const fixAllKind = 'source.fixAll.greenml';
/**
 * Opens a rule's page: `[ruleId]`, the arguments of the VS Code extension's `greenml.showRuleDocs`
 * (a client with its own viewer maps one command to the other). The server opens the page it knows
 * for that rule with `window/showDocument`; it never opens an address a client sends.
 */
export const showRuleDocsCommand = 'greenml.lsp.showRuleDocs';

/**
 * What a client can do beyond LSP 3.17, said in `initializationOptions.clientFeatures` (the VS Code
 * extension says both): `snippetEdits`, it turns the text of a fix that holds placeholders (the
 * action's `data.placeholders`) into a snippet whose placeholders are tab stops for the user to fill;
 * `notebookCellCommand`, it runs {@link applyNotebookFixCommand} with `[notebookUri, edits]` to
 * apply a fix that adds notebook cells (LSP has no notebook edits).
 */
export interface ClientFeatures {
  snippetEdits: boolean;
  notebookCellCommand: boolean;
  /** The client has `greenml.modelCardEnvironment` (`[uri, line]`): the Model Card action is offered on training calls. */
  modelCard: boolean;
  /** The client fetches live prices: the server asks for those its figures need (`greenml/wantPrices`) and the client sends them (`greenml/prices`). */
  livePrices: boolean;
}

export const noClientFeatures: ClientFeatures = { snippetEdits: false, notebookCellCommand: false, modelCard: false, livePrices: false };

/** Applies a notebook fix's cell edits on the client: `[notebookUri, edits]` (the engine's edits, cell positions in them). */
export const applyNotebookFixCommand = 'greenml.lsp.applyNotebookFix';

/** Where the actions apply: a text document or one cell of a linted notebook. */
export interface ActionScope {
  state: LintState;
  /** The document the request is about (the cell's URI for a notebook). */
  uri: string;
  /** For a cell: its index in the notebook. */
  cellIndex?: number;
  /** Version of the text document, to make edits that apply only to the version linted. */
  version?: number;
}

/**
 * The quick fixes for the diagnostics in a code-action request, in the order vscode-eslint taught
 * users to expect: the fix (and alternatives), fix all of the rule in the file, ignore on this
 * line, ignore in this file, show the rule's documentation.
 */
export function quickFixes(scope: ActionScope, diagnostics: readonly Diagnostic[], features: ClientFeatures = noClientFeatures): CodeAction[] {
  const actions: CodeAction[] = [];
  const offered = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== diagnosticSource) continue;
    const finding = findingOf(scope.state, diagnostic.data) ?? matchFinding(scope, diagnostic);
    if (!finding || finding.ruleId === 'parse-error') continue;
    for (const fix of [finding.fix, ...(finding.suggestions ?? [])]) {
      if (!fix) continue;
      const title = escapeControls(fix.title);
      if (fix.applicability === 'displayOnly') {
        // Advice the engine cannot apply (even when it carries edits): an action that opens the rule page, never an edit.
        actions.push({ title, kind: 'quickfix', diagnostics: [diagnostic], command: { title, command: showRuleDocsCommand, arguments: [finding.ruleId] } });
        continue;
      }
      if (fix.placeholders?.length && !features.snippetEdits) {
        // A value only the user can choose (an S3 bucket): a client with snippet edits writes it as a
        // tab stop to type over; LSP 3.17 has none, and a placeholder left in the code could start a
        // job as if it were real. As `--fix` without `--unsafe-fixes`: not written; the rule page says how.
        const advice = escapeControls(`${fix.title} (needs ${fix.placeholders.join(', ')}, which only you can choose: see the rule page)`);
        actions.push({ title: advice, kind: 'quickfix', diagnostics: [diagnostic], command: { title: advice, command: showRuleDocsCommand, arguments: [finding.ruleId] } });
        continue;
      }
      const shown = fix.applicability === 'unsafe' ? `${title} (may change behaviour)` : title;
      const isPreferred = fix === finding.fix && fix.applicability === 'safe';
      if (features.notebookCellCommand && scope.state.kind === 'notebook' && fix.edits.some((e) => e.cell?.kind === 'insertCell')) {
        // A new cell: the client applies the cell edits itself.
        actions.push({ title: shown, kind: 'quickfix', diagnostics: [diagnostic], isPreferred, command: { title: shown, command: applyNotebookFixCommand, arguments: [scope.state.uri, fix.edits] } });
        continue;
      }
      const edit = workspaceEdit(scope, fix.edits);
      if (!edit) continue;
      // With snippet edits, the client makes each placeholder a tab stop (the trust rule: never written as if real).
      actions.push({ title: shown, kind: 'quickfix', diagnostics: [diagnostic], isPreferred, edit, ...(fix.placeholders?.length ? { data: { placeholders: fix.placeholders } } : {}) });
    }
    if (offered.has(finding.ruleId)) continue;
    offered.add(finding.ruleId);
    const sameRule = scopeFindings(scope).filter((f) => f.ruleId === finding.ruleId);
    if (sameRule.filter((f) => f.fix && isChosen(f.fix, ['safe'])).length > 1) {
      const all = fixAllOf(scope, sameRule, `Fix all ${finding.ruleId} problems in this file`, 'quickfix');
      if (all) actions.push(all);
    }
    const suppress = scope.state.commentPrefix;
    if (suppress) {
      actions.push(suppressAction(scope, finding, suppress, false));
      actions.push(suppressAction(scope, finding, suppress, true));
    }
    const title = `Show documentation for ${finding.ruleId}`;
    actions.push({ title, kind: 'quickfix', command: { title, command: showRuleDocsCommand, arguments: [finding.ruleId] } });
  }
  return actions;
}

/**
 * `source.fixAll.greenml`: every safe fix, linted again and applied until nothing changes (as
 * `greenml lint --fix` does), as one edit of the changed span. Text documents only.
 */
export function fixAllSource(scope: ActionScope, relint: (text: string) => ReturnType<Linter['lint']>): CodeAction | undefined {
  const { state } = scope;
  if (state.kind !== 'text') return undefined;
  const outcome = fixUntilStable(state.text, state.result, relint, ['safe']);
  if (outcome.text === state.text) return undefined;
  return { title: 'Fix all safe Green ML problems', kind: fixAllKind, edit: textEdit(scope, [changedSpan(state.text, outcome.text)]) };
}

/** The findings shown on the scope's document: a cell shows only its own. */
function scopeFindings(scope: ActionScope): Finding[] {
  const all = scope.state.result.findings;
  return scope.cellIndex === undefined ? all : all.filter((f) => f.cell?.index === scope.cellIndex);
}

/** Clients that drop `data` still send the rule id and range back. */
function matchFinding(scope: ActionScope, diagnostic: Diagnostic): Finding | undefined {
  const same = (a: ReturnType<typeof toLspRange>, b: Diagnostic['range']): boolean =>
    a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
  return scopeFindings(scope).find((f) => f.ruleId === String(diagnostic.code) && same(toLspRange(scope.cellIndex !== undefined && f.cell ? f.cell : f), diagnostic.range));
}

function fixAllOf(scope: ActionScope, findings: readonly Finding[], title: string, kind: string): CodeAction | undefined {
  // Safe fixes only, and none that writes a placeholder (as `--fix` chooses them).
  const fixes = findings.flatMap((f) => (f.fix && isChosen(f.fix, ['safe']) ? [f.fix] : []));
  const { applied } = applyFixes(scope.state.text, fixes);
  const edit = applied.length ? workspaceEdit(scope, applied.flatMap((f: Fix) => f.edits)) : undefined;
  return edit ? { title, kind, edit } : undefined;
}

function suppressAction(scope: ActionScope, finding: Finding, prefix: string, fileLevel: boolean): CodeAction {
  const title = fileLevel ? `Ignore ${finding.ruleId} in this file` : `Ignore ${finding.ruleId} on this line`;
  const { state } = scope;
  if (state.kind === 'notebook' && scope.cellIndex !== undefined) {
    const cellText = state.cells[scope.cellIndex]?.text ?? '';
    const e = suppressionEdit(new LineIndex(cellText), prefix, finding.ruleId, (finding.cell?.line ?? 1) - 1, fileLevel);
    return { title, kind: 'quickfix', edit: { changes: { [scope.uri]: [toTextEdit(new LineIndex(cellText), e)] } } };
  }
  const e = suppressionEdit(new LineIndex(state.text), prefix, finding.ruleId, finding.line - 1, fileLevel);
  return { title, kind: 'quickfix', edit: textEdit(scope, [e]) };
}

/** The engine's edits as a workspace edit; undefined when one cannot be made here (a new notebook cell). */
export function workspaceEdit(scope: ActionScope, edits: readonly Omit<Edit, 'range'>[]): WorkspaceEdit | undefined {
  const { state } = scope;
  if (state.kind === 'text') return textEdit(scope, edits);
  const changes: Record<string, TextEdit[]> = {};
  for (const { cell } of edits) {
    if (!cell || cell.kind !== 'replace') return undefined;
    const target = state.cells[cell.index];
    if (!target) return undefined;
    (changes[target.uri] ??= []).push(toTextEdit(new LineIndex(target.text), cell));
  }
  return { changes };
}

/** Edits of the linted text, valid only for the version linted when the client says which it has. */
function textEdit(scope: ActionScope, edits: ReadonlyArray<{ start: number; end: number; text: string }>): WorkspaceEdit {
  const lines = new LineIndex(scope.state.text);
  const textEdits = edits.map((e) => toTextEdit(lines, e));
  if (scope.version === undefined) return { changes: { [scope.uri]: textEdits } };
  return { documentChanges: [{ textDocument: { uri: scope.uri, version: scope.version }, edits: textEdits }] };
}

/** One edit of `text` (offsets into it) as an LSP text edit. */
export function spanEdit(text: string, e: { start: number; end: number; text: string }): TextEdit {
  return toTextEdit(new LineIndex(text), e);
}

function toTextEdit(lines: LineIndex, e: { start: number; end: number; text: string }): TextEdit {
  return { range: { start: lines.positionAt(e.start), end: lines.positionAt(e.end) }, newText: e.text };
}
