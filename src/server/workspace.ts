import * as path from 'node:path';
import type { Diagnostic, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { LintResult } from '../core/engine';
import type { FootprintFileInput, FootprintTargetInput } from '../present/footprint';
import { footprintInputOf } from '../present/footprint';
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
  /** An open text document by URI, whatever its scheme (an untitled buffer): its version, text and language. */
  openDocument(uri: string): { uri: string; version: number; text: string; languageId: string } | undefined;
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

export const planFixesCommand = 'greenml.lsp.planFixes';

/** `greenml.lsp.planFixes` arguments: which files, which of them the client shows (their live text is fixed). */
export interface PlanFixesArgs {
  /** These files (`file:` URIs) and open documents that are no file (untitled buffers) only; else the walk of `folder` or of every workspace folder. */
  uris?: string[];
  folder?: string;
  /** Open text documents and notebooks the user has in front of them: fixed in their live text; any other file from disk. */
  open?: string[];
  /** Work out the unsafe fixes too, after the safe ones. */
  includeUnsafe?: boolean;
}

/** One pass of the fix loop as the client needs it. */
export interface PlannedOutcome {
  text: string;
  applied: number;
  /** Rules whose fixes were applied. */
  rules: string[];
  placeholders: WrittenPlaceholder[];
  stoppedOnParseError: boolean;
}

/** A file with fixes: the text read and the texts after the safe fixes and after all of them. */
export interface PlannedFile {
  uri: string;
  kind: 'text' | 'notebook';
  /** Of the open document read; absent when read from disk (or for a notebook). */
  version?: number;
  text: string;
  safe: PlannedOutcome;
  /** With `includeUnsafe`: the unsafe fixes too, applied after the safe ones. */
  all?: PlannedOutcome;
  /** Titles of the unsafe fixes of the first lint, for the client's question. */
  unsafeTitles: string[];
}

export interface FixPlan {
  /** Files linted. */
  files: number;
  /** Files whose fixes would change them. */
  planned: PlannedFile[];
}

/** What planning needs beyond the workspace host: the live `.ipynb` text of a notebook the server has open. */
export interface PlanHost extends WorkspaceHost {
  notebookText(file: string): { uri: string; text: string } | undefined;
}

/**
 * The fixes of some files worked out as `greenml lint --fix` makes them (lint again between passes
 * until nothing changes; a pass whose output would not parse is dropped), without applying them:
 * the client (the VS Code extension) turns them into its own edit, with its refactor preview,
 * its notebook cells and its snippet tab stops. Nothing here writes a file.
 */
export async function planFixes(host: PlanHost, args: PlanFixesArgs): Promise<FixPlan> {
  const linter = host.service.linter;
  const files = args.uris ? args.uris.flatMap((u) => uriToPath(u) ?? []) : listFiles(foldersOf(host, args), { accept: (name) => linter.mayHandle(name) }).files;
  await linter.prepare(files);
  const open = new Set((args.open ?? []).flatMap((u) => uriToPath(u) ?? []));
  const plan: FixPlan = { files: 0, planned: [] };
  const add = (source: { uri: string; kind: 'text' | 'notebook'; version?: number; text: string }, lint: (text: string) => LintResult): void => {
    const first = lint(source.text);
    if (first.skipped) return;
    plan.files++;
    const outcome = (o: ReturnType<typeof fixUntilStable>): PlannedOutcome => ({ text: o.text, applied: o.applied, rules: [...o.appliedByRule.keys()].sort(), placeholders: o.placeholders, stoppedOnParseError: o.stoppedOnParseError });
    const safe = fixUntilStable(source.text, first, lint, ['safe']);
    const all = args.includeUnsafe ? fixUntilStable(safe.text, safe.result, lint, ['safe', 'unsafe']) : undefined;
    if ((all ?? safe).text === source.text && !safe.stoppedOnParseError && !all?.stoppedOnParseError) return;
    const unsafeTitles = first.findings.flatMap((f) => (f.fix?.applicability === 'unsafe' ? [f.fix.title] : []));
    plan.planned.push({ ...source, safe: outcome(safe), ...(all ? { all: outcome(all) } : {}), unsafeTitles });
  };
  // Documents that are no file (an untitled buffer): their open text, linted as the server lints them.
  for (const uri of args.uris ?? []) {
    if (uriToPath(uri) !== undefined) continue;
    await host.yieldNow();
    const document = host.openDocument(uri);
    const target = document && host.service.targetOf(document.uri, document.languageId, document.text);
    if (!document || !target) continue;
    await linter.prepare([target.nameForDetection], document.text);
    add({ uri: document.uri, kind: 'text', version: document.version, text: document.text }, (next) => host.service.lintTarget(target, next));
  }
  for (const file of files) {
    await host.yieldNow();
    const notebook = open.has(file) ? host.notebookText(file) : undefined;
    let text: string;
    let version: number | undefined;
    let uri = fileUri(file);
    if (notebook) {
      ({ text, uri } = notebook);
    } else {
      const live = open.has(file) ? host.openText(file) : undefined;
      if (live) ({ text, version, uri } = live);
      else {
        const read = readTextFile(file, host.maxBytes());
        if ('skipped' in read) {
          host.log(`fix: ${file} left alone: ${read.skipped}`);
          continue;
        }
        if (read.file.notUtf8) {
          host.log(`fix: ${file} left alone: some bytes are not UTF-8`);
          continue;
        }
        text = read.file.text;
      }
    }
    add({ uri, kind: notebook ? 'notebook' : 'text', ...(version === undefined ? {} : { version }), text }, (next) => (notebook ? host.service.lintWithContext(file, next, { format: 'notebook' }) : host.service.lintWithContext(file, next)));
  }
  return plan;
}

export const footprintInputsCommand = 'greenml.lsp.footprintInputs';

/**
 * A file of the footprint report as it travels over the connection: the report's input, and the
 * tuner that bills each target as an index into `targets` (a reference does not survive JSON).
 */
export interface FootprintInputMessage {
  uri: string;
  input: Omit<FootprintFileInput, 'targets'> & { targets: Array<Omit<FootprintTargetInput, 'tunedBy'> & { tunedBy?: number }> };
}

/**
 * The inputs of the footprint report for every file of the workspace folders (or `folder`): open
 * documents and notebooks with their live text, the others from disk; the server publishes nothing.
 */
export async function footprintInputs(host: PlanHost, args?: WorkspaceArgs): Promise<FootprintInputMessage[]> {
  const linter = host.service.linter;
  const { files } = listFiles(foldersOf(host, args), { accept: (name) => linter.mayHandle(name) });
  await linter.prepare(files);
  const inputs: FootprintInputMessage[] = [];
  for (const file of files) {
    await host.yieldNow();
    const notebook = host.isOpenNotebook(file) ? host.notebookText(file) : undefined;
    const source = notebook ? { file, text: notebook.text } : sourceOf(host, file);
    if ('skip' in source) continue;
    const result = host.service.lintWithContext(file, source.text, notebook ? { format: 'notebook' } : {});
    if (result.skipped) continue;
    const input = footprintInputOf(linter, file, source.text, result);
    const index = new Map(input.targets.map((t, i) => [t, i]));
    const targets = input.targets.map(({ tunedBy, ...t }) => ({ ...t, ...(tunedBy && index.has(tunedBy) ? { tunedBy: index.get(tunedBy) } : {}) }));
    inputs.push({ uri: fileUri(file), input: { ...input, targets } });
  }
  return inputs;
}

/** The report's input again from its message: each `tunedBy` the target it names. */
export function footprintInputFrom(message: FootprintInputMessage, path: string): FootprintFileInput {
  const targets = message.input.targets.map(({ tunedBy: _tunedBy, ...t }) => ({ ...t }) as FootprintTargetInput);
  message.input.targets.forEach((t, i) => {
    if (t.tunedBy !== undefined && targets[t.tunedBy]) targets[i].tunedBy = targets[t.tunedBy];
  });
  return { ...message.input, path, targets };
}
