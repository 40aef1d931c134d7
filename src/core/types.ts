import type { LineIndex } from './lineIndex';

/**
 * The engine's vocabulary. Everything here is plain data so that the CLI, the
 * editor layer and the tests can share it without importing each other.
 *
 * Positions: offsets are 0-based UTF-16 code-unit indexes into the source
 * text (the unit of JS strings and of VS Code positions). Lines and columns in
 * a {@link Finding} are 1-based; `endColumn` points just past the last
 * character, as in ESLint.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const severities: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** Higher is more severe. */
export function severityRank(severity: Severity): number {
  return 3 - severities.indexOf(severity);
}

/**
 * The kinds of file the engine understands. `cfn-yaml`/`cfn-json` are
 * recognised by content, not by file name, and so are the CDK formats: a `.ts`
 * file importing `aws-cdk-lib` is `cdk-typescript`, a `.py` file importing
 * `aws_cdk` is `cdk-python` (linted by the CDK rules, not the SageMaker SDK ones).
 */
export type Format = 'python' | 'notebook' | 'cfn-yaml' | 'cfn-json' | 'terraform' | 'cdk-typescript' | 'cdk-python';

/** The short format families a rule declares in its metadata (as in the rule catalogue). */
export type FormatFamily = 'py' | 'nb' | 'cfn' | 'tf' | 'cdk';

export function familyOf(format: Format): FormatFamily {
  switch (format) {
    case 'python':
      return 'py';
    case 'notebook':
      return 'nb';
    case 'cfn-yaml':
    case 'cfn-json':
      return 'cfn';
    case 'terraform':
      return 'tf';
    case 'cdk-typescript':
    case 'cdk-python':
      return 'cdk';
  }
}

/**
 * How sure we are that a fix does what the user wants (the vocabulary of ruff):
 * - `safe`: keeps the meaning the user intended; applied by `--fix` and "fix all".
 * - `unsafe`: may change runtime behaviour; offered, applied only on request.
 * - `displayOnly`: shown as advice, never applied automatically.
 */
export type Applicability = 'safe' | 'unsafe' | 'displayOnly';

/** Replace `[start, end)` of the source with `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
  /** The same range as 1-based lines and columns; filled in by the engine. */
  range?: Range;
  /** For a notebook: the same edit on its cells, for editors that edit cells rather than the file. */
  cell?: CellEdit;
}

/**
 * An edit of a notebook's cells. `replace` changes `[start, end)` of one cell's
 * text (offsets in that text); `insertCell` adds a code cell at `index`.
 */
export type CellEdit =
  | { kind: 'replace'; index: number; start: number; end: number; text: string }
  | { kind: 'insertCell'; index: number; source: string };

export interface Fix {
  title: string;
  applicability: Applicability;
  edits: Edit[];
  /**
   * Text the edits write that the user must replace before the code runs (an
   * S3 bucket to choose: `<your-bucket>`); each occurs in an edit's text. Such a
   * fix is never applied unasked: `--fix` takes it only with unsafe fixes on and
   * lists each placeholder it wrote; editors insert each as a snippet tab stop.
   */
  placeholders?: string[];
}

/** What an instance runs, as the price tables and the catalogue's `uses` name it. */
export type Usage = 'hosting' | 'training' | 'notebook' | 'processing';

/**
 * What the change a finding asks for does, as data: the savings, hover, CodeLens, footprint
 * report and Model Card price it from this and the resource, never from the rule id or the
 * fix's text. `count` is the number of instances when the code says it.
 */
export type Effect =
  | { kind: 'instance-swap'; usage: Usage; from: string; to: string; count?: number; silicon: 'graviton' | 'inferentia' | 'trainium' | 'smaller' }
  | { kind: 'spot'; usage: Usage; instanceType: string; count?: number }
  | { kind: 'region-move'; from: string; to?: string; instanceType?: string; usage?: Usage }
  | { kind: 'serverless'; instanceType: string; count?: number }
  | { kind: 'scale-to-zero'; instanceType: string; count?: number }
  | { kind: 'retention' }
  /** The resource runs until deleted or stopped: priced at its monthly burn (the type of the resource it sits on when the finding names none). */
  | { kind: 'teardown'; usage: Usage; instanceType?: string; count?: number }
  | { kind: 'stop-when-idle'; usage: Usage; instanceType?: string; count?: number }
  /** A training job's warm pool kept `seconds` shorter after each job: priced as the retained instance-hours per job. */
  | { kind: 'warm-pool'; instanceType: string; count?: number; seconds: number }
  | { kind: 'none'; reason: string };

/** 1-based range, end exclusive. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface RelatedLocation extends Range {
  message: string;
  /** Set when the location is in another file than the finding's (a sibling file of a Terraform module). */
  fileName?: string;
}

/**
 * Where a finding sits inside a notebook, for formats built from cells: the
 * cell, and the range inside that cell's text (1-based, end exclusive).
 */
export interface CellLocation extends Range {
  /** 0-based index over all cells of the notebook. */
  index: number;
}

/**
 * One problem found. Lines and columns are positions in the linted file as a
 * whole (for a notebook, in the raw `.ipynb` text); `cell` adds the position
 * inside the notebook cell.
 */
export interface Finding extends Range {
  ruleId: string;
  /** The rule's slug (`log-group-no-retention`), or `parse-error`. */
  ruleName: string;
  severity: Severity;
  message: string;
  docsUrl?: string;
  /** Offsets of the range in the linted text, for editors that map offsets themselves. */
  start: number;
  end: number;
  fix?: Fix;
  suggestions?: Fix[];
  related?: RelatedLocation[];
  cell?: CellLocation;
  /** Well-Architected or other tags carried into SARIF. */
  tags?: string[];
  /** What the suggested change does, for figures; absent when the rule does not say yet. */
  effect?: Effect;
}

export const parseErrorRuleId = 'parse-error';

/**
 * The facts a parser hands to rules, keyed by visitor name. Parser modules add
 * their own entries through declaration merging, so the core never imports a
 * parser while rules still get typed visitors.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface VisitorFacts {}

export type Visitors = { [K in keyof VisitorFacts]?: (fact: VisitorFacts[K]) => void } & {
  /**
   * Called once after every fact of the file has been visited (ESLint's `Program:exit`):
   * for rules whose verdict on one fact depends on facts that may come later in the file.
   */
  onEnd?: () => void;
};

export type EmitFact = <K extends keyof VisitorFacts>(kind: K, fact: VisitorFacts[K]) => void;

/** Declares one option of a rule: its type, default and bounds. */
export type OptionSpec =
  | { type: 'integer' | 'number'; default: number; minimum?: number; maximum?: number; oneOf?: readonly number[]; description: string }
  | { type: 'boolean'; default: boolean; description: string }
  | { type: 'string'; default: string; enum?: readonly string[]; description: string }
  | { type: 'string[]'; default: readonly string[]; description: string };

export type OptionValues<S extends Record<string, OptionSpec>> = {
  [K in keyof S]: S[K]['default'] extends readonly string[] ? string[] : S[K]['default'];
};

export type RuleCategory = 'data' | 'training' | 'deploy' | 'ops';

export interface RuleMeta<M extends string = string, S extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  category: RuleCategory;
  defaultSeverity: Severity;
  /** The format families this rule has visitors for. */
  formats: readonly FormatFamily[];
  /** One sentence naming the pattern flagged; equals the doc page's front matter. */
  description: string;
  /** Message templates by id; `{{name}}` is replaced with report data. */
  messages: Record<M, string>;
  /**
   * The kinds of fix this rule may offer; empty when it offers none. The engine
   * rejects a reported fix of another kind, so docs and tables can trust it.
   */
  fixes: readonly Applicability[];
  /** AWS Well-Architected Machine Learning Lens best practices, e.g. `MLSUS03-BP02`. */
  wellArchitected: readonly string[];
  options: S;
}

export interface ReportDescriptor<M extends string> {
  start: number;
  end: number;
  messageId: M;
  data?: Record<string, string | number>;
  fix?: Fix;
  suggestions?: Fix[];
  /** Offsets index the linted code, or the text of `fileName` when set (a file of the same {@link FileContext}). */
  related?: Array<{ start: number; end: number; message: string; fileName?: string }>;
  effect?: Effect;
}

/**
 * Figures a message may quote, given to the rules by whoever builds the engine: the estimate sits
 * above the rules, so they never compute a figure themselves. Each returns text ready to append
 * (empty when a figure is unknown).
 */
export interface MessageFigures {
  /** ` (≈ $x/h, y kgCO2e/h in us-east-1)` for one instance type, default assumptions. */
  perHour(instanceType: string): string;
  /** `; Green ML's estimate (…): $a → $b per hour, …` for a change of instance type. */
  change(from: string, to: string): string;
}

export interface RuleContext<M extends string, O> {
  readonly fileName: string;
  readonly format: Format;
  readonly text: string;
  /** Line lookups over `text`, built once per lint and shared by every rule. */
  readonly lines: LineIndex;
  readonly options: O;
  /**
   * For code made of blocks run one after another (a notebook's code cells):
   * where each is in `text`, in order. Absent for a plain file.
   */
  readonly blocks?: ReadonlyArray<{ start: number; end: number }>;
  /** Figures for messages, when the engine was given them ({@link MessageFigures}). */
  readonly figures?: MessageFigures;
  report(descriptor: ReportDescriptor<M>): void;
}

export interface Rule<M extends string = string, S extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  id: string;
  name: string;
  docsUrl: string;
  meta: RuleMeta<M, S>;
  create(context: RuleContext<M, OptionValues<S>>): Visitors;
}

// Rules are stored heterogeneously; their option and message types are erased here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any, any>;

/**
 * Code embedded in the file rather than being the file: a notebook's code cells
 * inside its JSON. Rules see `text` (the cells joined into one document); the
 * engine maps their offsets and edits back to the file with these functions.
 */
export interface EmbeddedCode {
  /** The code the facts' offsets index and the rules read. */
  text: string;
  /** The file offset of an offset of `text`. */
  toFile(offset: number): number;
  /** The cell and the range inside it of `[start, end)` of `text`; undefined outside every cell. */
  cellRange(start: number, end: number): CellLocation | undefined;
  /** An edit of `text` as an edit of the file, carrying its cell edit; undefined when it cannot be made there. */
  mapEdit(edit: Edit): Edit | undefined;
  /** The blocks `text` is made of (a notebook's code cells), in order: see {@link RuleContext.blocks}. */
  blocks?(): ReadonlyArray<{ start: number; end: number }>;
}

/**
 * Something wrong in a file that still parses, read the way its service reads it (a duplicate key
 * in a template: the later value wins): reported as a `parse-error` warning while the rules run on
 * the rest.
 */
export interface ParseProblem {
  message: string;
  start: number;
  end: number;
}

/** What a parser returns for one file. */
export type ParseOutcome =
  | { ok: true; walk(emit: EmitFact): void; embedded?: EmbeddedCode; problems?: readonly ParseProblem[] }
  | { ok: false; error: { message: string; start: number; end: number; cell?: CellLocation } };

/** A file given to {@link Language.prepareContext}: its name and current text. */
export interface SourceFile {
  fileName: string;
  text: string;
}

/**
 * What a language knows of the files linted together with one file (for
 * Terraform: every `.tf` file of its folder, one module). Built once by
 * {@link Language.prepareContext} and handed back to that language's `parse`
 * for each file; the engine only reads `format` and the texts, to place
 * related locations that point into the other files.
 */
export interface FileContext {
  readonly format: Format;
  /** The text a file of the context was read with, by file name. */
  textOf(fileName: string): string | undefined;
}

/** Where a language whose parser loads asynchronously stands. */
export type LoadState = { state: 'unloaded' | 'loading' | 'loaded' } | { state: 'failed'; message: string };

/**
 * A language plugs a parser into the engine for one format. Which format a file
 * is, is decided once for all languages by `detectFormat` (core/formats.ts).
 */
export interface Language {
  format: Format;
  /** `context`, when given, was built by this language's `prepareContext` from files that may include this one. */
  parse(text: string, fileName: string, context?: FileContext): ParseOutcome;
  /**
   * For formats whose files are read together (a Terraform module): indexes the
   * files once, for rules that look across them. Needs the parser loaded.
   */
  prepareContext?(files: readonly SourceFile[]): FileContext;
  /**
   * The format of the folder's files {@link prepareContext} reads when it is not this language's
   * own (a notebook reads the Python modules beside it, which its cells may import). Files of this
   * language's format are then still linted one by one, each with its folder's files of that format.
   */
  contextFormat?: Format;
  /** Comment leaders, for suppression comments. Empty when the format has no comments. */
  commentPrefixes: readonly string[];
  /**
   * For parsers that must be loaded before the first `parse` (WebAssembly).
   * Memoized and never rejects: a failure shows in `loadState`. Until the state
   * is `loaded` the engine skips files of this format instead of parsing them.
   */
  load?(): Promise<void>;
  readonly loadState?: LoadState;
}

/** Where a cache keeps its text (a file in the CLI, the extension's global state in the editor). */
export interface PriceStore {
  /** The stored text, or undefined when nothing is stored yet. */
  read(): string | undefined;
  write(text: string): void;
}
