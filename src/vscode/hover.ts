import * as vscode from 'vscode';
import { escapeControlsPerLine } from '../core/escape';
import { detectFormat } from '../core/formats';
import { resolveRegion } from '../present/codeLens';
import { findInstanceTypeAt, instanceHoverMarkdown } from '../present/instanceHover';
import { findingSavingsMarkdown, isPriced } from '../present/savings';
import type { CostCodeLens } from './codeLens';
import { lensSettings } from './codeLens';
import { ruleIdOf } from './convert';
import { cellScheme } from './diagnostics';
import type { EditorPricing } from './pricing';

const instanceTypeInText = /(?<![\w.-])ml\.[a-z0-9][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)+/i;

/**
 * Hover on an `ml.*` instance-type string in a file Green ML recognises: its cost and footprint;
 * and on a Green ML finding that suggests a change: what the change saves. The region is the
 * code's, else `greenml.region`, else the AWS profile's, else us-east-1. Never waits on the network.
 */
export class InstanceTypeHover implements vscode.HoverProvider {
  constructor(
    private readonly lenses: CostCodeLens,
    private readonly pricing: EditorPricing,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const isCell = document.uri.scheme === cellScheme;
    if (!isCell && !detectFormat(document.fileName, document.getText())) return undefined;
    const match = findInstanceTypeAt(document.lineAt(position.line).text, position.character);
    const findings = vscode.languages.getDiagnostics(document.uri).filter((d) => d.range.contains(position) && isPriced({ ruleId: ruleIdOf(d) ?? '' }));
    if (!match && !findings.length) return undefined;

    const { settings } = lensSettings(document.uri, this.pricing);
    const facts = await this.lenses.targetsOf(document);
    const codeRegion = facts?.targets.region?.code;
    const sections: string[] = [];
    let range: vscode.Range | undefined;
    if (match) {
      const markdown = instanceHoverMarkdown(match.name, { ...settings, codeRegion });
      if (markdown) {
        sections.push(markdown);
        range = new vscode.Range(position.line, match.start, position.line, match.end);
      }
    }
    const region = resolveRegion(codeRegion, settings).code;
    for (const finding of findings) {
      const ruleId = ruleIdOf(finding) ?? '';
      const markdown = findingSavingsMarkdown({ ruleId }, { instanceType: this.instanceTypeOf(document, finding.range, facts), region, utilization: settings.utilization, intensity: settings.intensity, livePrice: settings.livePrice });
      if (markdown && !sections.includes(markdown)) sections.push(markdown);
    }
    if (!sections.length) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(escapeControlsPerLine(sections.join('\n\n---\n\n'))), range);
  }

  /** The type a finding is about: one named in its range, else that of the cost target it sits in (or the file's only one). */
  private instanceTypeOf(document: vscode.TextDocument, range: vscode.Range, facts: Awaited<ReturnType<CostCodeLens['targetsOf']>>): string | undefined {
    const named = instanceTypeInText.exec(document.getText(range))?.[0];
    if (named) return named;
    if (!facts) return undefined;
    const placed = facts.targets.targets.map((t) => ({ t, start: facts.positionOf(t.start), end: facts.positionOf(t.end) }));
    const around = placed.find((p) => p.start && p.end && new vscode.Range(p.start, p.end).intersection(range));
    if (around) return around.t.instanceType;
    const types = new Set(facts.targets.targets.map((t) => t.instanceType));
    return types.size === 1 ? [...types][0] : undefined;
  }
}
