import { statSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver/node';
import { escapeControls } from '../core/escape';
import type { ConfigFileFinder, LoadedConfig } from '../node/configFile';
import { configFileNames } from '../node/configFile';
import { diagnosticSource, fileUri } from './convert';

/** The code of a config file's problems, as the VS Code extension shows them. */
export const invalidConfigCode = 'invalid-config';

/**
 * The problems of the config files the lints read (`greenml.json`, `.greenml.yaml`…), published as
 * diagnostics on the config file itself, as the VS Code extension shows them: an error at each
 * problem's key or value, the message escaped. The files under a broken or invalid config still
 * lint, with what is valid in it (nothing, when it does not parse: the defaults). A file fixed or
 * deleted on disk has its diagnostics cleared.
 */
export class ConfigDiagnostics {
  /** Config files with diagnostics published, and how many. */
  private readonly published = new Map<string, number>();

  constructor(
    private readonly finder: ConfigFileFinder,
    private readonly publish: (uri: string, diagnostics: Diagnostic[]) => void,
    private readonly log: (message: string) => void,
  ) {}

  /** The config a lint read: its problems shown (or cleared once there are none). */
  report(loaded: LoadedConfig): void {
    const previous = this.published.get(loaded.file) ?? 0;
    if (previous === 0 && loaded.issues.length === 0) return;
    const diagnostics = loaded.issues.map((issue): Diagnostic => {
      const start = { line: issue.line - 1, character: issue.column - 1 };
      return {
        range: { start, end: { line: start.line, character: start.character + 1 } },
        severity: 1,
        source: diagnosticSource,
        code: invalidConfigCode,
        message: escapeControls(`${issue.path ? `${issue.path}: ` : ''}${issue.message}`),
      };
    });
    if (diagnostics.length) this.published.set(loaded.file, diagnostics.length);
    else this.published.delete(loaded.file);
    this.publish(fileUri(loaded.file), diagnostics);
    if (previous === 0) this.log(`invalid settings in ${loaded.file}: ${diagnostics.map((d) => d.message).join('; ')}`);
  }

  /** A watched file changed, was created or deleted: a config file with diagnostics is read again (or cleared). */
  changed(file: string, deleted: boolean): void {
    if (!this.published.has(file) || !isConfigFileName(file)) return;
    if (deleted || !isFile(file)) {
      this.published.delete(file);
      this.publish(fileUri(file), []);
      return;
    }
    this.report(this.finder.loadFile(file));
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function isConfigFileName(file: string): boolean {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  return (configFileNames as readonly string[]).includes(name);
}
