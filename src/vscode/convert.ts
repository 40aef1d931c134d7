import * as vscode from 'vscode';
import { escapeControls } from '../core/escape';
import type { Finding, Range as FindingRange, Severity } from '../core/types';

export const diagnosticSource = 'Green ML';

export function toSeverity(severity: Severity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'info':
      return vscode.DiagnosticSeverity.Information;
    case 'hint':
      return vscode.DiagnosticSeverity.Hint;
  }
}

/** 1-based, end-exclusive finding range → 0-based VS Code range. */
export function toRange(range: FindingRange): vscode.Range {
  return new vscode.Range(Math.max(0, range.line - 1), Math.max(0, range.column - 1), Math.max(0, range.endLine - 1), Math.max(0, range.endColumn - 1));
}

/** The bundled rule pages (`docs/rules/` of the extension), which the rule id of a diagnostic opens offline. */
let bundledRulePages: vscode.Uri | undefined;

export function useBundledRulePages(extensionUri: vscode.Uri): void {
  bundledRulePages = vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
}

function ruleLink(finding: Finding): vscode.Uri | undefined {
  if (bundledRulePages && finding.ruleName !== 'parse-error') return vscode.Uri.joinPath(bundledRulePages, `${finding.ruleName}.md`);
  return finding.docsUrl ? vscode.Uri.parse(finding.docsUrl) : undefined;
}

export function toDiagnostic(finding: Finding, uri: vscode.Uri): vscode.Diagnostic {
  // Messages quote the file (names, ids): no control or bidirectional formatting character shown raw.
  const diagnostic = new vscode.Diagnostic(toRange(finding), escapeControls(finding.message), toSeverity(finding.severity));
  diagnostic.source = diagnosticSource;
  const link = finding.docsUrl ? ruleLink(finding) : undefined;
  diagnostic.code = link ? { value: finding.ruleId, target: link } : finding.ruleId;
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(r.fileName === undefined ? uri : vscode.Uri.file(r.fileName), toRange(r)), escapeControls(r.message)));
  }
  return diagnostic;
}

/** The rule id of one of our diagnostics, or undefined for other sources. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== diagnosticSource) return undefined;
  const code = diagnostic.code;
  if (typeof code === 'string' || typeof code === 'number') return String(code);
  return code ? String(code.value) : undefined;
}
