import { withLineEnding } from './applyFixes';
import type { RuleSettings } from './config';
import { detectFormat, formatExtensions } from './formats';
import { LineIndex } from './lineIndex';
import { extended } from './objects';
import type { Logger } from './logger';
import { silentLogger } from './logger';
import type { PreparedRule } from './preparedRules';
import { interpolate, PreparedRules } from './preparedRules';
import { SameRangeReports } from './sameRange';
import { answersMark, settleAnswers } from './factAnswers';
import { isSuppressed, parseSuppressions } from './suppressions';
import type { AnyRule, Edit, EmbeddedCode, FileContext, Finding, Fix, Format, Language, MessageFigures, ParseOutcome, RelatedLocation, ReportDescriptor, Severity, SourceFile, VisitorFacts, Visitors } from './types';
import { familyOf, parseErrorRuleId } from './types';

export interface LintResult {
  fileName: string;
  /** Undefined when no language claimed the file; such a file has no findings. */
  format?: Format;
  findings: Finding[];
  /** Why the file was not linted at all (binary, too large, not a format we know). */
  skipped?: string;
  /** Rules that threw on this file; their other findings on it are dropped. */
  ruleErrors: Array<{ ruleId: string; message: string }>;
  /** Findings silenced by suppression comments. */
  suppressed: number;
  /** With {@link LintOptions.keepFacts}: the facts the rules visited, for features that read the code too. */
  facts?: KeptFacts;
}

/**
 * The facts one lint walked, kept so that features reading the same version of
 * the code (CodeLens, estimates) need not parse it again: `walk` replays them.
 */
export interface KeptFacts {
  format: Format;
  /** The text the facts' offsets index: the file, or a notebook's cells joined. */
  code: string;
  embedded?: EmbeddedCode;
  /** Walks the kept facts through `visitors`, in the order the rules saw them, then calls `onEnd`. */
  walk(visitors: Visitors): void;
}

/** What {@link Linter.collectFacts} walked: the format and the code the facts' offsets index. */
export interface CollectResult {
  format?: Format;
  /** The text the facts' offsets index: the file, or a notebook's cells joined. Absent when nothing was walked. */
  code?: string;
  embedded?: EmbeddedCode;
  /** Why no facts were walked (not a known format, a parse error…). */
  skipped?: string;
}

export interface LinterOptions {
  rules: readonly AnyRule[];
  languages: readonly Language[];
  logger?: Logger;
  /** Files over this many UTF-16 code units are skipped. */
  maxTextLength?: number;
  /** Figures the rules may quote in messages (the estimate's); without them messages carry none. */
  figures?: MessageFigures;
}

export interface LintOptions {
  settings: RuleSettings;
  /** Force a format instead of detecting one (for editors that know the language). */
  format?: Format;
  /**
   * The files linted together with this one (from {@link Linter.prepareContext}):
   * used when it is of the file's format, ignored otherwise.
   */
  context?: FileContext;
  /** Keep the facts walked in {@link LintResult.facts} (an editor that also shows lenses on the same version). */
  keepFacts?: boolean;
}

const defaultMaxTextLength = 4 * 1024 * 1024;

/** The parse-error message for input nested deeper than the parsers can follow. */
export const tooDeep = 'nested too deeply to analyse (thousands of levels)';

/**
 * Lints one text at a time. Never throws for bad input: a broken file becomes one
 * `parse-error` finding, a rule that throws is isolated, logged once per rule and
 * file, and the other rules still run.
 */
export class Linter {
  readonly rules: readonly AnyRule[];
  readonly languages: readonly Language[];
  private readonly logger: Logger;
  /** Files over this many UTF-16 code units are skipped (the CLI checks the same figure in bytes before reading). */
  readonly maxTextLength: number;
  private readonly figures: MessageFigures | undefined;
  private readonly reportedFailures = new Set<string>();
  private readonly prepared: PreparedRules;

  constructor(options: LinterOptions) {
    this.rules = options.rules;
    this.languages = options.languages;
    this.logger = options.logger ?? silentLogger;
    this.maxTextLength = options.maxTextLength ?? defaultMaxTextLength;
    this.figures = options.figures;
    this.prepared = new PreparedRules(this.rules);
  }

  /** True when a file of this name may be of a format the engine can parse (before reading it). */
  mayHandle(fileName: string): boolean {
    return this.languagesFor(fileName).length > 0;
  }

  /**
   * True while a language this file may need is not loaded and not failed:
   * `prepare` it before linting, or the file is skipped. With the text, only
   * the language of the format it has counts (a `.ts` file that is not CDK
   * needs no grammar).
   */
  needsPrepare(fileName: string, text?: string): boolean {
    return this.languagesFor(fileName, text).some((l) => l.loadState && (l.loadState.state === 'unloaded' || l.loadState.state === 'loading'));
  }

  /**
   * Loads the parsers that files of these names need (every loadable parser when
   * no names are given). Resolves once they are loaded or have failed; the
   * failures are returned and logged once, and their files are then skipped.
   * `text`, for a single file, narrows it to the language of its format.
   */
  async prepare(fileNames?: readonly string[], text?: string): Promise<Array<{ format: Format; message: string }>> {
    const wanted = this.languages.filter((l) => l.load && (!fileNames || fileNames.some((f) => this.languagesFor(f, text).includes(l))));
    await Promise.all(wanted.map((l) => l.load?.()));
    const failures: Array<{ format: Format; message: string }> = [];
    for (const language of wanted) {
      const state = language.loadState;
      if (state?.state !== 'failed') continue;
      failures.push({ format: language.format, message: state.message });
      this.logOnce(`load:${language.format}`, `cannot load the ${language.format} parser: ${state.message}`);
    }
    return failures;
  }

  /** True when the language of `format` reads a folder's files together (Terraform modules): see {@link prepareContext}. */
  readsFoldersTogether(format: Format): boolean {
    return this.contextFormatOf(format) === format;
  }

  /**
   * The format of the folder's files that make the context of a file of `format`: its own for a
   * Terraform module, another for a language that reads its neighbours ({@link Language.contextFormat});
   * undefined when such a file is read alone.
   */
  contextFormatOf(format: Format): Format | undefined {
    const language = this.languages.find((l) => l.format === format && l.prepareContext !== undefined);
    return language ? (language.contextFormat ?? format) : undefined;
  }

  /**
   * Indexes files that are read together (every `.tf` file of a folder: one
   * Terraform module) for the language of `format`, so rules can look across
   * them. Undefined when that language reads each file alone, is not loaded, or
   * fails: the files are then linted one by one.
   */
  prepareContext(format: Format, files: readonly SourceFile[]): FileContext | undefined {
    const language = this.languages.find((l) => l.format === format);
    if (!language?.prepareContext || (language.loadState && language.loadState.state !== 'loaded')) return undefined;
    try {
      return language.prepareContext(files.filter((f) => f.text.length <= this.maxTextLength && !f.text.includes('\u0000')));
    } catch (err) {
      this.logOnce(`context:${format}:${files.map((f) => f.fileName).join(',')}`, `cannot index the ${format} files together: ${errorMessage(err)}`);
      return undefined;
    }
  }

  lint(fileName: string, text: string, options: LintOptions): LintResult {
    const result: LintResult = { fileName, findings: [], ruleErrors: [], suppressed: 0 };
    if (text.length > this.maxTextLength) {
      result.skipped = `larger than ${Math.round(this.maxTextLength / 1024)} KB`;
      return result;
    }
    if (text.includes('\u0000')) {
      result.skipped = 'binary content';
      return result;
    }
    const parsed = this.parse(fileName, text, options.format, options.context);
    const lines = new LineIndex(text);
    if ('skipped' in parsed) {
      result.skipped = parsed.skipped;
      return result;
    }
    const { language, outcome } = parsed;
    result.format = language.format;
    if (!outcome.ok) {
      // Errors at the very end (an unterminated string) point at the last character written.
      const start = Math.min(outcome.error.start, text.trimEnd().length === 0 ? 0 : text.trimEnd().length - 1);
      const end = Math.max(start, Math.min(outcome.error.end, text.length));
      result.findings.push({
        ruleId: parseErrorRuleId,
        ruleName: parseErrorRuleId,
        severity: 'error',
        message: outcome.error.message,
        start,
        end,
        ...lines.rangeOf(start, end),
        ...(outcome.error.cell ? { cell: outcome.error.cell } : {}),
      });
      // Nothing to read in this version: a feature reading it need not parse it again to find that out.
      if (options.keepFacts) result.facts = { format: language.format, code: text, walk: (visitors) => replay([], visitors) };
      return result;
    }

    for (const problem of outcome.problems ?? []) {
      const end = Math.max(problem.start, Math.min(problem.end, text.length));
      result.findings.push({ ruleId: parseErrorRuleId, ruleName: parseErrorRuleId, severity: 'warning', message: problem.message, start: problem.start, end, ...lines.rangeOf(problem.start, end) });
    }

    // Rules read the code: the file itself, or the code embedded in it (a notebook's cells).
    const embedded = outcome.embedded;
    const code = embedded?.text ?? text;
    const codeLines = embedded ? new LineIndex(code) : lines;
    const blocks = embedded?.blocks?.();
    const context = options.context?.format === language.format ? options.context : undefined;
    const siblingLines = new Map<string, LineIndex | undefined>();
    const linesOf = (other: string): LineIndex | undefined => {
      if (!siblingLines.has(other)) {
        const otherText = context?.textOf(other);
        siblingLines.set(other, otherText === undefined ? undefined : new LineIndex(otherText));
      }
      return siblingLines.get(other);
    };
    const toFinding = (rule: PreparedRule, severity: Severity, d: ReportDescriptor<string>): Finding =>
      embedded ? this.toEmbeddedFinding(rule, severity, d, embedded, codeLines, lines, text.length) : this.toFinding(rule, severity, d, lines, text, fileName, linesOf);

    const active: ActiveRule[] = [];
    for (const prepared of this.prepared.of(familyOf(language.format))) {
      const setting = options.settings.get(prepared.id);
      if (!setting) continue;
      const rule = prepared.rule;
      const findings: Array<{ finding: Finding; codeLine: number }> = [];
      const sameRange = new SameRangeReports(code.length);
      try {
        const visitors = rule.create({
          fileName,
          format: language.format,
          text: code,
          lines: codeLines,
          options: setting.options,
          ...(blocks ? { blocks } : {}),
          ...(this.figures ? { figures: this.figures } : {}),
          report: (descriptor: ReportDescriptor<string>) => {
            const finding = sameRange.repeats(descriptor, () => toFinding(prepared, setting.severity, descriptor));
            if (finding) findings.push({ finding, codeLine: codeLines.positionAt(descriptor.start).line });
          },
        });
        active.push({ rule, severity: setting.severity, visitors, findings, failed: false });
      } catch (err) {
        this.recordRuleError(result, rule, fileName, err);
      }
    }

    // A rule that throws is stopped for the rest of the file: its error is recorded once and its findings dropped.
    const fail = (entry: ActiveRule, err: unknown): void => {
      entry.failed = true;
      this.recordRuleError(result, entry.rule, fileName, err);
    };
    // The rules' visitors of each kind of fact, listed once per kind rather than looked up per fact and rule.
    const byKind = new Map<string, Array<{ entry: ActiveRule; visit: (fact: unknown) => void }>>();
    const kept: Array<[keyof VisitorFacts, VisitorFacts[keyof VisitorFacts]]> | undefined = options.keepFacts ? [] : undefined;
    // The answers the rules work out from here on: let go of at the end when nothing replays the facts.
    const mark = answersMark();
    outcome.walk((kind, fact) => {
      kept?.push([kind, fact]);
      let entries = byKind.get(kind);
      if (!entries) {
        entries = [];
        for (const entry of active) {
          const visit = entry.visitors[kind] as ((f: unknown) => void) | undefined;
          if (visit) entries.push({ entry, visit });
        }
        byKind.set(kind, entries);
      }
      // A plain loop, no closure per rule and fact: a file's calls reach every rule that visits calls.
      for (const { entry, visit } of entries) {
        if (entry.failed) continue;
        try {
          visit.call(entry.visitors, fact);
        } catch (err) {
          fail(entry, err);
        }
      }
    });
    for (const entry of active) {
      if (entry.failed || !entry.visitors.onEnd) continue;
      try {
        entry.visitors.onEnd();
      } catch (err) {
        fail(entry, err);
      }
    }

    // Suppression comments are written in the code, so they are read there (when there is a finding to silence).
    const suppressions = active.some((entry) => entry.findings.length) ? parseSuppressions(code, codeLines, language.commentPrefixes) : [];
    for (const entry of active) {
      if (entry.failed) continue;
      for (const { finding, codeLine } of entry.findings) {
        if (isSuppressed(suppressions, finding.ruleId, finding.ruleName, codeLine)) result.suppressed++;
        else result.findings.push(finding);
      }
    }
    result.findings.sort(compareFindings);
    if (kept) result.facts = { format: language.format, code, ...(embedded ? { embedded } : {}), walk: (visitors) => replay(kept, visitors) };
    active.length = 0;
    byKind.clear();
    settleAnswers(mark, !kept);
    return result;
  }

  /**
   * Walks the facts of one file through `visitors`, without rules: for features
   * that read the code (CodeLens, estimates) rather than report on it. Offsets in
   * the facts index `code` (for a notebook, its cells joined; `embedded` maps them
   * back to the file). A file that is skipped or does not parse yields no facts.
   */
  collectFacts(fileName: string, text: string, visitors: Visitors, options: { format?: Format; context?: FileContext } = {}): CollectResult {
    const parsed = text.length > this.maxTextLength || text.includes('\u0000') ? { skipped: 'too large or binary' } : this.parse(fileName, text, options.format, options.context);
    if ('skipped' in parsed) return { skipped: parsed.skipped };
    const { language, outcome } = parsed;
    if (!outcome.ok) return { format: language.format, skipped: outcome.error.message };
    outcome.walk((kind, fact) => {
      const visit = visitors[kind] as ((f: typeof fact) => void) | undefined;
      visit?.(fact);
    });
    visitors.onEnd?.();
    return { format: language.format, code: outcome.embedded?.text ?? text, ...(outcome.embedded ? { embedded: outcome.embedded } : {}) };
  }

  /** Detects the format and parses; a parser that throws becomes a parse failure. */
  private parse(fileName: string, text: string, forced: Format | undefined, context: FileContext | undefined): { skipped: string } | { language: Language; outcome: ParseOutcome } {
    const format = forced ?? detectFormat(fileName, text);
    if (!format) return { skipped: 'not a format Green ML lints' };
    const language = this.languages.find((l) => l.format === format);
    if (!language) return { skipped: `no ${format} support yet` };
    const state = language.loadState;
    if (state && state.state !== 'loaded') return { skipped: state.state === 'failed' ? `the ${format} parser failed to load: ${state.message}` : `the ${format} parser is not loaded yet` };
    try {
      return { language, outcome: language.parse(text, fileName, context?.format === format ? context : undefined) };
    } catch (err) {
      if (err instanceof RangeError) {
        // Parsers recurse; thousands of nesting levels exhaust the stack. Not a bug, just too deep.
        return { language, outcome: { ok: false, error: { message: tooDeep, start: 0, end: 0 } } };
      }
      // A parser bug must not take the editor down; report it like a parse failure.
      this.logOnce(`parser:${language.format}:${fileName}`, `parser for ${language.format} failed on ${fileName}: ${errorMessage(err)}`);
      return { language, outcome: { ok: false, error: { message: `internal parser error: ${errorMessage(err)}`, start: 0, end: 0 } } };
    }
  }

  private languagesFor(fileName: string, text?: string): Language[] {
    const lower = fileName.toLowerCase();
    const format = text === undefined ? undefined : detectFormat(fileName, text);
    if (text !== undefined) return this.languages.filter((l) => l.format === format);
    return this.languages.filter((l) => formatExtensions[l.format].some((ext) => lower.endsWith(ext)));
  }

  private toFinding(
    rule: PreparedRule,
    severity: Severity,
    d: ReportDescriptor<string>,
    lines: LineIndex,
    text: string,
    fileName?: string,
    linesOf?: (fileName: string) => LineIndex | undefined,
    placeFixes = true,
  ): Finding {
    const template = rule.messages.get(d.messageId);
    if (template === undefined) throw new Error(`unknown messageId "${d.messageId}"`);
    if (d.fix) checkReportedFix(rule, d.fix, text.length);
    if (d.suggestions) for (const fix of d.suggestions) checkReportedFix(rule, fix, text.length);
    const range = lines.rangeOf(d.start, d.end);
    const finding: Finding = {
      ruleId: rule.id,
      ruleName: rule.name,
      severity,
      message: interpolate(template, d.data),
      docsUrl: rule.docsUrl,
      start: d.start,
      end: d.end,
      line: range.line,
      column: range.column,
      endLine: range.endLine,
      endColumn: range.endColumn,
    };
    // Every edit writes line breaks as the text does (a rule writes `\n`; a CRLF file gets `\r\n`).
    const withRanges = (fix: Fix): Fix => extended(fix, { edits: fix.edits.map((e) => extended(e, { text: withLineEnding(e.text, lines.eol), range: lines.rangeOf(e.start, e.end) })) });
    if (placeFixes) {
      if (d.fix) finding.fix = withRanges(d.fix);
      if (d.suggestions?.length) finding.suggestions = d.suggestions.map(withRanges);
    }
    if (placeFixes && d.related?.length) {
      finding.related = d.related.flatMap((r): RelatedLocation[] => {
        if (r.fileName === undefined || r.fileName === fileName) return [{ message: r.message, ...lines.rangeOf(r.start, r.end) }];
        // A location in another file of the context: placed with that file's lines, dropped if the context lacks it.
        const other = linesOf?.(r.fileName);
        return other ? [{ message: r.message, fileName: r.fileName, ...other.rangeOf(r.start, r.end) }] : [];
      });
      if (!finding.related.length) delete finding.related;
    }
    if (rule.tags.length) finding.tags = rule.tags.slice();
    if (d.effect) finding.effect = d.effect;
    return finding;
  }

  /**
   * A finding on embedded code: the rule's offsets index the code, so its range,
   * related locations and fix edits are mapped to the file, and the finding
   * gets its cell. A fix with an edit that cannot be made in the file is dropped.
   */
  private toEmbeddedFinding(rule: PreparedRule, severity: Severity, d: ReportDescriptor<string>, embedded: EmbeddedCode, codeLines: LineIndex, lines: LineIndex, fileLength: number): Finding {
    // The code's own placing of fixes and related locations is not needed: they are placed in the file below.
    const inCode = this.toFinding(rule, severity, d, codeLines, embedded.text, undefined, undefined, false);
    const start = embedded.toFile(d.start);
    const end = Math.max(start, embedded.toFile(d.end));
    const finding: Finding = extended(inCode, { start, end, ...lines.rangeOf(start, end) });
    const cell = embedded.cellRange(d.start, d.end);
    if (cell) finding.cell = cell;
    const mapFix = (fix: Fix): Fix | undefined => {
      const edits = fix.edits.map((e) => embedded.mapEdit({ start: e.start, end: e.end, text: e.text }));
      if (edits.some((e) => !e)) return undefined;
      // The notebook wrote the cell's own line breaks inside the JSON strings; the file's are for the JSON around them.
      const mapped = extended(fix, { edits: (edits as Edit[]).map((e) => extended(e, { text: withLineEnding(e.text, lines.eol), range: lines.rangeOf(e.start, e.end) })) });
      checkFix(mapped, fileLength);
      return mapped;
    };
    const fix = d.fix && mapFix(d.fix);
    if (fix) finding.fix = fix;
    const suggestions = (d.suggestions ?? []).flatMap((s) => mapFix(s) ?? []);
    if (suggestions.length) finding.suggestions = suggestions;
    if (d.related?.length) finding.related = d.related.map((r) => ({ message: r.message, ...lines.rangeOf(embedded.toFile(r.start), embedded.toFile(r.end)) }));
    return finding;
  }

  private recordRuleError(result: LintResult, rule: AnyRule, fileName: string, err: unknown): void {
    const message = errorMessage(err);
    result.ruleErrors.push({ ruleId: rule.id, message });
    this.logOnce(`${rule.id}:${fileName}`, `rule ${rule.id} (${rule.name}) failed on ${fileName}: ${message}`);
  }

  private logOnce(key: string, message: string): void {
    if (this.reportedFailures.has(key)) return;
    this.reportedFailures.add(key);
    this.logger.error(message);
  }
}

/** A rule at work on one file: its visitors, its findings so far, and whether it has thrown. */
interface ActiveRule {
  rule: AnyRule;
  severity: Severity;
  visitors: Visitors;
  findings: Array<{ finding: Finding; codeLine: number }>;
  failed: boolean;
}

function replay(facts: ReadonlyArray<[keyof VisitorFacts, VisitorFacts[keyof VisitorFacts]]>, visitors: Visitors): void {
  for (const [kind, fact] of facts) (visitors[kind] as ((f: typeof fact) => void) | undefined)?.(fact);
  visitors.onEnd?.();
}

/** A fix a rule reported: of an applicability its metadata declares, with every edit inside the text. */
function checkReportedFix(rule: PreparedRule, fix: Fix, length: number): void {
  if (!rule.fixes.has(fix.applicability)) throw new Error(`reported a ${fix.applicability} fix but meta.fixes is [${rule.rule.meta.fixes.join(', ')}]`);
  checkFix(fix, length);
}

function checkFix(fix: Fix, length: number): void {
  for (const edit of fix.edits) {
    if (!(edit.start >= 0 && edit.end >= edit.start && edit.end <= length)) throw new Error(`fix "${fix.title}" has an edit outside the text`);
  }
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
