import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { escapeJsonText } from '../../core/escape';
import type { AnyRule, Finding, Fix, Range, Severity } from '../../core/types';
import { parseErrorRuleId } from '../../core/types';
import type { Report } from '../report';

const sarifSchema = 'https://json.schemastore.org/sarif-2.1.0.json';
const informationUri = 'https://github.com/greenml/greenml-sagemaker';

/**
 * SARIF 2.1.0 for code-scanning dashboards. Artifact URIs are relative to the
 * working directory (`%SRCROOT%`). For notebooks, the region is the position in
 * the raw `.ipynb` file and `properties.cell` (0-based) / `properties.cellLine`
 * (1-based) locate the finding inside the notebook.
 */
export function formatSarif(report: Report, cwd: string): string {
  const rules: Sarif.ReportingDescriptor[] = [
    ...report.rules.map((rule) => toDescriptor(rule)),
    { id: parseErrorRuleId, shortDescription: { text: 'The file could not be parsed; no rule ran on it.' }, defaultConfiguration: { level: 'error' } },
  ];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results: Sarif.Result[] = [];
  for (const file of report.results) {
    const uri = toRelativeUri(file.path);
    for (const finding of file.findings) results.push(toResult(finding, uri, ruleIndex.get(finding.ruleId), report.baseline ? 'new' : undefined));
  }
  // With --baseline the accepted findings travel too, marked unchanged, so a dashboard can tell them apart.
  for (const { path, finding } of report.baseline?.unchanged ?? []) results.push(toResult(finding, toRelativeUri(path), ruleIndex.get(finding.ruleId), 'unchanged'));
  const log: Sarif.Log = {
    $schema: sarifSchema,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'GreenML', fullName: 'Green ML for SageMaker', informationUri, version: report.toolVersion, semanticVersion: report.toolVersion, rules } },
        // A rule that failed is a problem of the tool, not of the code: SARIF reports it
        // as a tool execution notification.
        invocations: [toInvocation(report)],
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href } },
        artifacts: [...new Set([...report.results.filter((r) => r.findings.length).map((r) => r.path), ...(report.baseline?.unchanged ?? []).map((u) => u.path)])].map((p) => ({ location: { uri: toRelativeUri(p), uriBaseId: '%SRCROOT%' } })),
        results,
      },
    ],
  };
  return escapeJsonText(JSON.stringify(log, null, 2)) + '\n';
}

function toInvocation(report: Report): Sarif.Invocation {
  const notifications: Sarif.Notification[] = report.results.flatMap((r) =>
    r.ruleErrors.map((e) => ({
      level: 'error' as const,
      message: { text: `rule ${e.ruleId} failed: ${e.message}` },
      associatedRule: { id: e.ruleId },
      locations: [{ physicalLocation: { artifactLocation: { uri: toRelativeUri(r.path), uriBaseId: '%SRCROOT%' } } }],
    })),
  );
  return { executionSuccessful: notifications.length === 0, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) };
}

function toDescriptor(rule: AnyRule): Sarif.ReportingDescriptor {
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.meta.description },
    fullDescription: { text: `${rule.meta.description}. Formats: ${rule.meta.formats.join(', ')}.` },
    helpUri: rule.docsUrl,
    help: { text: `See ${rule.docsUrl}`, markdown: `[${rule.id} ${rule.name}](${rule.docsUrl})` },
    defaultConfiguration: { level: toLevel(rule.meta.defaultSeverity) },
    properties: { tags: [rule.meta.category, ...rule.meta.wellArchitected], fixes: [...rule.meta.fixes] },
  };
}

function toResult(finding: Finding, uri: string, ruleIndex: number | undefined, baselineState?: Sarif.Result.baselineState): Sarif.Result {
  const result: Sarif.Result = {
    ruleId: finding.ruleId,
    level: toLevel(finding.severity),
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: toRegion(finding) } }],
  };
  if (baselineState) result.baselineState = baselineState;
  if (ruleIndex !== undefined) result.ruleIndex = ruleIndex;
  if (finding.related?.length) {
    result.relatedLocations = finding.related.map((r, id) => ({ id, message: { text: r.message }, physicalLocation: { artifactLocation: { uri: r.fileName === undefined ? uri : toRelativeUri(r.fileName), uriBaseId: '%SRCROOT%' }, region: toRegion(r) } }));
  }
  const fixes = [finding.fix, ...(finding.suggestions ?? [])].filter((f): f is Fix => !!f && f.applicability !== 'displayOnly');
  if (fixes.length) result.fixes = fixes.map((fix) => toFix(fix, uri));
  const properties: Record<string, unknown> = {};
  if (finding.tags?.length) properties['tags'] = finding.tags;
  if (finding.fix?.applicability === 'displayOnly') properties['advice'] = finding.fix.title;
  if (finding.cell) {
    properties['cell'] = finding.cell.index;
    properties['cellLine'] = finding.cell.line;
  }
  if (Object.keys(properties).length) result.properties = properties;
  return result;
}

function toFix(fix: Fix, uri: string): Sarif.Fix {
  return {
    description: { text: `${fix.title} (${fix.applicability})` },
    artifactChanges: [
      {
        artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
        replacements: fix.edits.filter((e) => e.range).map((e) => ({ deletedRegion: toRegion(e.range as Range), insertedContent: { text: e.text } })),
      },
    ],
  };
}

function toRegion(range: Range): Sarif.Region {
  return { startLine: range.line, startColumn: range.column, endLine: range.endLine, endColumn: range.endColumn };
}

function toLevel(severity: Severity): Sarif.ReportingConfiguration.level {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
export function toRelativeUri(relativePath: string): string {
  return relativePath.split(/[\\/]/).map(encodeURIComponent).join('/');
}
