import * as path from 'node:path';
import type { RuleSettings } from '../core/config';
import type { Linter, LintResult } from '../core/engine';
import { fixUntilStable } from '../core/fixLoop';
import type { Applicability } from '../core/types';
import { FolderContexts } from '../node/folderContext';
import type { TextFile } from '../node/textFile';
import { WriteRefused, writeTextFile } from '../node/textFile';
import { systemMessage } from '../node/walk';

/**
 * One unit of the CLI's work: a file, or every file of a folder that its language reads together
 * (a Terraform module), so that the unit can run on any worker thread and its fixes see each
 * other. Everything in it is plain data (it crosses threads).
 */
export interface UnitTask {
  id: number;
  files: Array<{ index: number; file: string; settingsId: number; explicit: boolean }>;
}

/** What a run of units shares. */
export interface UnitOptions {
  cwd: string;
  /** Apply the fixes of these kinds and write the files. */
  fix?: Applicability[];
  /** Send each file's text back (`greenml report` reads it); `lint` drops it once the file is done. */
  keepText?: boolean;
}

/** One file's outcome, in the order of the task's files. */
export interface FileOutcome {
  index: number;
  /** Absent when the file was not linted at all (unreadable, or skipped before its text was read). */
  result?: LintResult;
  text?: string;
  /** A reason to list the file as skipped in the summary (size, encoding, binary, cannot be read). */
  listed?: string;
  /** Lines for standard error, in order (each a whole line without the trailing newline). */
  messages: string[];
  fixed: number;
  /** Errors that make the run exit 2: rule failures, a file that could not be read or written. */
  errors: number;
}

export interface UnitOutcome {
  id: number;
  files: FileOutcome[];
  /** The formats whose parser failed to load (each counted once per run). */
  loadFailures: string[];
  /** What the linter logged while on this unit (deduplicated by the caller). */
  logs: string[];
}

/** Lints (and fixes) one unit with `linter`, whose logger the caller reads into `logs`. */
export async function lintUnit(linter: Linter, task: UnitTask, settingsOf: (id: number) => RuleSettings, options: UnitOptions): Promise<Omit<UnitOutcome, 'logs'>> {
  const failures = await linter.prepare(task.files.map((f) => f.file));
  const folders = new FolderContexts(linter, linter.maxTextLength);
  const shown = (file: string): string => path.relative(options.cwd, file) || file;
  const files = task.files.map((entry): FileOutcome => {
    const { index, file } = entry;
    const out: FileOutcome = { index, messages: [], fixed: 0, errors: 0 };
    let read: TextFile;
    try {
      const outcome = folders.read(file);
      if ('skipped' in outcome) {
        out.listed = outcome.skipped;
        // A file the user named is also said at once, as any other file the linter cannot read as its format.
        if (entry.explicit) out.messages.push(`greenml: skipped ${shown(file)}: ${outcome.skipped}`);
        if (entry.explicit) out.result = { fileName: file, findings: [], ruleErrors: [], suppressed: 0, skipped: outcome.skipped };
        return out;
      }
      read = outcome.file;
    } catch (err) {
      out.messages.push(`greenml: cannot read ${shown(file)}: ${systemMessage(err)}`);
      out.listed = `cannot read: ${systemMessage(err)}`;
      out.errors++;
      return out;
    }
    const settings = settingsOf(entry.settingsId);
    const context = folders.contextFor(file);
    let result = linter.lint(file, read.text, { settings, context });
    let text = read.text;
    if (options.fix) {
      const fixed = fixUntilStable(text, result, (next) => linter.lint(file, next, { settings, context }), options.fix);
      if (fixed.stoppedOnParseError) out.messages.push(`greenml: ${shown(file)}: some fixes were not applied, the result would not parse`);
      if (fixed.text !== text) {
        try {
          writeTextFile(file, fixed.text, read);
          for (const p of fixed.placeholders) out.messages.push(`greenml: ${shown(file)}:${p.line}:${p.column}: a fix wrote the placeholder ${p.text}: replace it before the code runs`);
          // The files after this one in its folder see the fixed text.
          folders.update(file, { ...read, text: fixed.text });
          out.fixed = fixed.applied;
          text = fixed.text;
          result = fixed.result;
        } catch (err) {
          // The file is left as it was: its findings are the ones of the text on disk.
          out.messages.push(`greenml: ${shown(file)}: ${err instanceof WriteRefused ? err.message : `not written: ${systemMessage(err)}`}`);
          out.errors++;
        }
      }
    }
    out.errors += result.ruleErrors.length;
    if (result.skipped && entry.explicit) out.messages.push(`greenml: skipped ${shown(file)}: ${result.skipped}`);
    if (!result.skipped || entry.explicit) {
      out.result = result;
      if (options.keepText) out.text = text;
    }
    return out;
  });
  return { id: task.id, files, loadFailures: failures.map((f) => f.format) };
}
