import * as vscode from 'vscode';
import { detectFormat } from '../core/formats';
import type { IntensityChoice } from '../estimate/estimate';
import { findInstanceTypeAt, instanceHoverMarkdown } from '../present/instanceHover';

/** Hover on an `ml.*` instance-type string in a file Green ML recognises: its cost and footprint. */
export class InstanceTypeHover implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const match = findInstanceTypeAt(document.lineAt(position.line).text, position.character);
    if (!match || !detectFormat(document.fileName, document.getText())) return undefined;
    const section = vscode.workspace.getConfiguration('greenml', document.uri);
    const markdown = instanceHoverMarkdown(match.name, {
      region: section.get<string>('region', 'us-east-1'),
      utilization: section.get<number>('utilization', 0.5),
      intensity: section.get<IntensityChoice>('gridIntensity', 'ccf') === 'recent' ? 'recent' : 'ccf',
    });
    if (!markdown) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(markdown), new vscode.Range(position.line, match.start, position.line, match.end));
  }
}
