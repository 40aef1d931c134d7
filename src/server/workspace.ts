import * as path from 'node:path';
import type { Diagnostic, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { LintResult } from '../core/engine';
import type { WrittenPlaceholder } from '../core/fixLoop';
import { fixUntilStable } from '../core/fixLoop';
import { changedSpan } from '../core/lineDiff';
import type { Applicability } from '../core/types';
import { readTextFile } from '../node/textFile';
import { listFiles } from '../node/walk';
import { spanEdit } from './codeActions';
import { fileUri, uriToPath } from './convert';
import type { LintService } from './linting';

export const lintWorkspaceCommand = 'greenml.lsp.lintWorkspace';
export const fixWorkspaceCommand = 'greenml.lsp.fixWorkspace';

/** What the workspace commands need of the server: its lints, its open documents, the client. */
export interface WorkspaceHost {
  service: LintService;
  /** Workspace folders as paths. */
  folders(): string[];
  /** An open text document by path: its URI, version and text. */
  openText(file: string): { uri: string; version: number; text: string } | undefined;
  /** True when the file is open in a notebook editor (its cells are what the editor shows). */
  isOpenNotebook(file: string): boolean;
  maxBytes(): number;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  log(message: string): void;
  /** Lets the connection read its messages between files. */
  yieldNow(): Promise<void>;
}

/** `greenml.lsp.lintWorkspace` / `greenml.lsp.fixWorkspace` arguments: one folder (a `file:` URI) instead of all. */
export interface WorkspaceArgs {
  folder?: string;
  /** fix-workspace: apply the fixes that may change behaviour too (never by default). */
  includeUnsafe?: boolean;
}

export interface LintWorkspaceSummary {
  files: number;
  findings: number;
  filesWithFindings: number;
}

export interface FixWorkspacePlan {
  /** The edit to send with `workspace/applyEdit`; undefined when there is nothing to fix. */
  edit: WorkspaceEdit | undefined;
  files: number;
  fixes: number;
  filesFixed: number;
  /** Files left alone: their bytes are not UTF-8, or they are open in a notebook editor. */
  leftAlone: number;
  placeholders: Array<WrittenPlaceholder & { file: string }>;
}

function foldersOf(host: WorkspaceHost, args: WorkspaceArgs | undefined): string[] {
  const folder = typeof args?.folder === 'string' ? uriToPath(args.folder) : undefined;
  return folder ? [folder] : host.folders();
}

/** One file of the walk with the text to lint: an open document's buffer, else the file on disk. */
type Source = { file: string; text: string; open?: { uri: string; version: number } } | { file: string; skip: string };

function sourceOf(host: WorkspaceHost, file: string): Source {
  const open = host.openText(file);
  if (open) return { file, text: open.text, open: { uri: open.uri, version: open.version } };
  const read = readTextFile(file, host.maxBytes());
  if ('skipped' in read) return { file, skip: read.skipped };
  if (read.file.notUtf8) return { file, skip: 'some bytes are not UTF-8' };
  return { file, text: read.file.text };
}

/**
 * Lints every file of the workspace folders Green ML reads (the walk of `greenml lint`: ignore
 * files honoured, links not followed) and publishes the findings of the files that are not open;
 * open documents and notebooks keep their live lint. One file at a time, letting the connection
 * read its messages in between.
 */
export async function lintWorkspace(host: WorkspaceHost, args?: WorkspaceArgs): Promise<LintWorkspaceSummary> {
  const linter = host.service.linter;
  const { files } = listFiles(foldersOf(host, args), { accept: (name) => linter.mayHandle(name) });
  await linter.prepare(files);
  const summary: LintWorkspaceSummary = { files: 0, findings: 0, filesWithFindings: 0 };
  for (const file of files) {
    await host.yieldNow();
    const uri = fileUri(file);
    let count: number;
    const live = host.service.stateOf(host.openText(file)?.uri ?? uri);
    if (host.isOpenNotebook(file) || host.openText(file)) {
      count = live?.result.findings.length ?? 0;
    } else {
      const source = sourceOf(host, file);
      if ('skip' in source) {
        host.log(`lint workspace: ${file} not linted: ${source.skip}`);
        continue;
      }
      const result = host.service.lintWithContext(file, source.text);
      if (result.skipped) continue;
      const diagnostics = host.service.diagnosticsOf(file, uri, source.text, result.findings);
      host.publish(uri, diagnostics);
      // Counted as shown: findings the baseline hides are not.
      count = diagnostics.length;
    }
    summary.files++;
    summary.findings += count;
    if (count) summary.filesWithFindings++;
  }
  return summary;
}

/**
 * Every fix of the workspace's files as one workspace edit, as `greenml lint --fix` makes them
 * (lint again between passes until nothing changes; a pass whose output would not parse is
 * dropped): safe fixes, and the unsafe ones only when asked. Open documents are fixed in their
 * buffer (the edit names the version read, so a client never applies it to a newer text); the
 * client writes the other files. Files open in a notebook editor and files whose bytes are not
 * UTF-8 are left alone.
 */
export async function planWorkspaceFixes(host: WorkspaceHost, args?: WorkspaceArgs): Promise<FixWorkspacePlan> {
  const linter = host.service.linter;
  const include: Applicability[] = args?.includeUnsafe === true ? ['safe', 'unsafe'] : ['safe'];
  const { files } = listFiles(foldersOf(host, args), { accept: (name) => linter.mayHandle(name) });
  await linter.prepare(files);
  const plan: FixWorkspacePlan = { edit: undefined, files: 0, fixes: 0, filesFixed: 0, leftAlone: 0, placeholders: [] };
  const changes: TextDocumentEdit[] = [];
  for (const file of files) {
    await host.yieldNow();
    if (host.isOpenNotebook(file)) {
      plan.leftAlone++;
      host.log(`fix workspace: ${file} left alone: it is open in a notebook editor (fix it there)`);
      continue;
    }
    const source = sourceOf(host, file);
    if ('skip' in source) {
      plan.leftAlone++;
      host.log(`fix workspace: ${file} left alone: ${source.skip}`);
      continue;
    }
    const lint = (text: string): LintResult => host.service.lintWithContext(file, text);
    const first = lint(source.text);
    if (first.skipped) continue;
    plan.files++;
    const outcome = fixUntilStable(source.text, first, lint, include);
    if (outcome.stoppedOnParseError) host.log(`fix workspace: ${file}: some fixes were held back, the result would not parse`);
    if (outcome.text === source.text) continue;
    const uri = source.open?.uri ?? fileUri(file);
    changes.push({ textDocument: { uri, version: source.open?.version ?? null }, edits: [spanEdit(source.text, changedSpan(source.text, outcome.text))] });
    plan.fixes += outcome.applied;
    plan.filesFixed++;
    for (const p of outcome.placeholders) {
      plan.placeholders.push({ ...p, file });
      host.log(`fix workspace: ${path.basename(file)}:${p.line}:${p.column}: a fix wrote the placeholder ${p.text}: replace it before the code runs`);
    }
  }
  if (changes.length) plan.edit = { documentChanges: changes };
  return plan;
}
