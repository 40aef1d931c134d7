import * as assert from 'assert';
import * as util from 'util';
import * as vscode from 'vscode';
import { startMoto, useFakeCredentials } from '../../kit/moto';
import type { MotoServer } from '../../kit/moto';

export const extensionId = 'greenml.greenml-sagemaker';
export const diagnosticSource = 'Green ML';

export interface GreenMlExports {
  activationMs: number;
}

/** console.log, tagged so that scripts/run-host-tests.mjs tells it from the workbench's log. */
export function log(...args: unknown[]): void {
  console.log((process.env.GREENML_HOST_LOG_TAG ?? '') + util.format(...args));
}

let activation: Promise<GreenMlExports> | undefined;

/** Activates the extension once for all suites and returns its exports. */
export function activateExtension(): Promise<GreenMlExports> {
  activation ??= (async () => {
    const ext = vscode.extensions.getExtension<GreenMlExports>(extensionId);
    assert.ok(ext, `extension ${extensionId} is not loaded`);
    return ext.activate();
  })();
  return activation;
}

export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

export async function openInEditor(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  return vscode.window.showTextDocument(document);
}

/** The rule id in a diagnostic's `code`, whichever shape it has. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function greenMlDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === diagnosticSource);
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (!diagnostics.length) return '(none)';
  return diagnostics.map((d) => `${d.source}/${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`).join(', ');
}

/**
 * Resolves with the document's Green ML diagnostics as soon as `predicate`
 * holds for them: at once, or on a later `onDidChangeDiagnostics` for `uri`.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = greenMlDiagnostics(uri);
      if (!predicate(diagnostics)) return false;
      done();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${uri.path}; Green ML diagnostics: ${describeDiagnostics(greenMlDiagnostics(uri))}`));
    }, timeoutMs);
    function done(): void {
      clearTimeout(timer);
      subscription.dispose();
    }
    // Subscribed first, so a change between the two cannot be missed.
    check();
  });
}

export const hasCode = (code: string) => (diagnostics: vscode.Diagnostic[]) => diagnostics.some((d) => codeOf(d) === code);

/** The 0-based line whose text starts (after indentation) with `key:` or `"key":`. */
export function lineOfKey(document: vscode.TextDocument, key: string): number {
  const pattern = new RegExp(`^\\s*"?${key}"?\\s*:`);
  for (let line = 0; line < document.lineCount; line++) {
    if (pattern.test(document.lineAt(line).text)) return line;
  }
  assert.fail(`no line with key ${key} in ${document.uri.path}`);
}

/** Reverts the active editor's document to what is on disk. */
export async function revertActiveEditor(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

/** Reverts every document with unsaved edits, so tests leave no edits behind (and closing never prompts). */
export async function revertDirtyDocuments(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty) continue;
    await vscode.window.showTextDocument(document);
    await revertActiveEditor();
  }
}

/** A moto server that the extension in this host process talks to (through the SDK's environment variables). */
export interface HostMoto {
  moto: MotoServer;
  /** Stops the server and restores the environment. */
  stop(): void;
}

/**
 * Starts moto with fake credentials and points the AWS SDK of the extension at it: the extension
 * shares this extension-host process, and the SDK honours `AWS_ENDPOINT_URL`.
 */
export async function startMotoForExtension(): Promise<HostMoto> {
  const restoreEnv = useFakeCredentials();
  const moto = await startMoto();
  process.env.AWS_ENDPOINT_URL = moto.endpoint;
  process.env.AWS_REGION = 'us-east-1';
  process.env.AWS_MAX_ATTEMPTS = '1';
  return {
    moto,
    stop() {
      moto.stop();
      delete process.env.AWS_ENDPOINT_URL;
      delete process.env.AWS_MAX_ATTEMPTS;
      restoreEnv();
    },
  };
}
