import type { Diagnostic, DiagnosticSeverity, Range as LspRange } from 'vscode-languageserver/node';
import { escapeControls } from '../core/escape';
import type { CellLocation, Finding, Range as FindingRange, Severity } from '../core/types';

export const diagnosticSource = 'Green ML';

const severities: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, info: 3, hint: 4 };

/** 1-based, end-exclusive finding range → 0-based LSP range (UTF-16 columns, as the engine counts). */
export function toLspRange(range: FindingRange): LspRange {
  return {
    start: { line: Math.max(0, range.line - 1), character: Math.max(0, range.column - 1) },
    end: { line: Math.max(0, range.endLine - 1), character: Math.max(0, range.endColumn - 1) },
  };
}

/** A finding's range inside its notebook cell. */
export function cellRange(cell: CellLocation): FindingRange {
  return { line: cell.line, column: cell.column, endLine: cell.endLine, endColumn: cell.endColumn };
}

/**
 * A finding as an LSP diagnostic. `data.key` identifies the finding within its lint so that code
 * actions find it again without comparing ranges.
 */
export function toLspDiagnostic(finding: Finding, key: number, uri: string, range: FindingRange = finding, withRelated = true): Diagnostic {
  return {
    range: toLspRange(range),
    severity: severities[finding.severity],
    source: diagnosticSource,
    code: finding.ruleId,
    ...(finding.docsUrl ? { codeDescription: { href: finding.docsUrl } } : {}),
    // A message quotes names from the file: control characters and bidi overrides escaped, as in VS Code.
    message: escapeControls(finding.message),
    ...(withRelated && finding.related?.length
      ? { relatedInformation: finding.related.map((r) => ({ location: { uri: r.fileName === undefined ? uri : fileUri(r.fileName), range: toLspRange(r) }, message: escapeControls(r.message) })) }
      : {}),
    data: { key },
  };
}

/** `file:` URI of an absolute path (percent-encoding what URIs reserve). */
export function fileUri(file: string): string {
  const normalized = file.replace(/\\/g, '/');
  const withRoot = normalized.startsWith('/') ? normalized : `/${normalized}`;
  return `file://${withRoot.split('/').map((part) => encodeURIComponent(part).replace(/%3A/g, ':')).join('/')}`;
}

/** The path of a `file:` URI, or undefined for other schemes. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file://')) return undefined;
  const rest = uri.slice('file://'.length);
  const pathPart = rest.slice(rest.indexOf('/'));
  const decoded = decodeURIComponent(pathPart);
  // file:///c:/x on Windows
  return /^\/[a-zA-Z]:\//.test(decoded) ? decoded.slice(1) : decoded;
}
