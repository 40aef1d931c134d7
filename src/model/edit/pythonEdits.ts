import type { Edit } from '../../core/types';
import { lineEndAt, lineStartAt } from '../../core/lineIndex';
import type { PyContainer, PyKeyword, PyValue, PythonCall } from '../../parsers/python/facts';
import { asDict, getDictEntry } from '../../parsers/python/facts';

/**
 * Edits that add items to an argument list or a dict display the way the code
 * already writes them: one item per line with the same indentation and the
 * same trailing-comma habit, or inline after the last item. Comments after the
 * last item stay on their line (`comment` is the language's line-comment leader;
 * TypeScript object literals and argument lists use this too).
 */
export function insertItems(text: string, container: PyContainer, items: readonly string[], comment = '#'): Edit[] {
  if (!items.length) return [];
  const last = container.items[container.items.length - 1];
  if (!last) {
    const inside = text.slice(container.open + 1, container.close);
    if (inside.trim()) return [];
    return [{ start: container.open + 1, end: container.close, text: items.join(', ') }];
  }
  const afterLast = skipSpaces(text, last.end);
  const trailingComma = text[afterLast] === ',';
  if (lineStartAt(text, last.start) === lineStartAt(text, container.open)) {
    return trailingComma
      ? [{ start: afterLast + 1, end: afterLast + 1, text: ` ${items.join(', ')},` }]
      : [{ start: last.end, end: last.end, text: `, ${items.join(', ')}` }];
  }
  // The line break of the item's own line (the engine writes every edit in the file's own line ending).
  const lastLineEnd = lineEndAt(text, last.start);
  const eol = text.charCodeAt(lastLineEnd) === 13 && text.charCodeAt(lastLineEnd + 1) === 10 ? '\r\n' : '\n';
  const indent = indentAt(text, last.start);
  const lines = items.map((item) => `${eol}${indent}${item}`);
  const restStart = trailingComma ? afterLast + 1 : last.end;
  const end = lineEndAt(text, restStart);
  const rest = text.slice(restStart, end).trim();
  if (rest === '' || rest.startsWith(comment)) {
    // The item ends its line (maybe with a comment): the new items go on lines of their own below.
    if (trailingComma) return [{ start: end, end, text: lines.map((l) => `${l},`).join('') }];
    return [
      { start: last.end, end: last.end, text: ',' },
      { start: end, end, text: lines.join(',') },
    ];
  }
  // The closing bracket follows on the same line: `…last)`.
  return [{ start: restStart, end: restStart, text: trailingComma ? lines.map((l) => `${l},`).join('') : `,${lines.join(',')}` }];
}

/** The quote character the call's own string literals use; double quotes when it has none. */
export function quoteOf(call: PythonCall): string {
  const values: PyValue[] = [...call.positional, ...call.keywords.filter((k) => !k.spread && !k.value.indirect).map((k) => k.value)];
  for (const value of values) if (value.kind === 'string' && value.quote) return value.quote;
  return '"';
}

export function pythonString(value: string, quote: string): string {
  return `${quote}${value.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`)}${quote}`;
}

/** Replaces a literal written at the call (not one read through a name or a `**spread`). */
export function replaceLiteral(keyword: PyKeyword | undefined, text: string): Edit | undefined {
  if (!keyword || keyword.spread || keyword.value.indirect) return undefined;
  return { start: keyword.value.start, end: keyword.value.end, text };
}

/** Replaces a string literal with another, keeping its quote character. */
export function replaceString(value: PyValue, replacement: string, fallbackQuote: string): Edit | undefined {
  if (value.kind !== 'string' || value.indirect) return undefined;
  return { start: value.start, end: value.end, text: pythonString(replacement, value.quote ?? fallbackQuote) };
}

export const defaultMaxRunSeconds = 24 * 60 * 60;

/**
 * A `max_wait` of at least `max_run` (the API rejects less): twice the run
 * time, so an interrupted job may wait as long as it trains. `maxRun` is the
 * run-time setting as found (absent: the SDK default of one day). Undefined
 * when the run time is an expression the new text could not refer to.
 */
export function maxWaitFor(text: string, maxRun: { value: PyValue; spread?: boolean } | undefined): string | undefined {
  if (!maxRun) return String(2 * defaultMaxRunSeconds);
  if (maxRun.value.kind === 'number') return String(2 * maxRun.value.value);
  if (maxRun.spread) return undefined;
  const expression = text.slice(maxRun.value.start, maxRun.value.end);
  if (/^[\w.]+$/.test(expression)) return `2 * ${expression}`;
  return /[\n#]/.test(expression) ? undefined : `2 * (${expression})`;
}

/** Where an S3 location the code does not name is written: not a valid bucket name, so the job fails fast if it is left in. */
export const bucketPlaceholder = '<your-bucket>';

/** A Python expression for an S3 location a fix writes, with the placeholders in it the user must replace. */
export interface S3Expression {
  expression: string;
  /** The location as the fix title shows it. */
  shown: string;
  placeholders: string[];
}

/**
 * An S3 location under `folder` for a new setting (checkpoints, asynchronous
 * results), derived from what the code already names, in this order: the job's
 * output location (`output`: a literal `s3://` path, or a name or attribute
 * holding one, read at run time), a variable holding the session's default
 * bucket (`bucket`), else a placeholder bucket the user must choose.
 */
export function s3LocationUnder(text: string, output: { value: PyValue; spread?: boolean } | undefined, bucket: string | undefined, folder: string, quote: string): S3Expression {
  const value = output && !output.spread ? output.value : undefined;
  if (value?.kind === 'string' && value.value.startsWith('s3://')) {
    const uri = `${value.value.replace(/\/+$/, '')}/${folder}`;
    return { expression: pythonString(uri, quote), shown: uri, placeholders: [] };
  }
  const inner = quote === '"' ? "'" : '"';
  const written = value && value.kind !== 'string' ? text.slice(value.start, value.end) : '';
  if (/^[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*$/.test(written)) {
    return { expression: `f${quote}{${written}.rstrip(${inner}/${inner})}/${folder}${quote}`, shown: `${written} + /${folder}`, placeholders: [] };
  }
  if (bucket) return { expression: `f${quote}s3://{${bucket}}/${folder}${quote}`, shown: `s3://{${bucket}}/${folder}`, placeholders: [] };
  const uri = `s3://${bucketPlaceholder}/${folder}`;
  return { expression: pythonString(uri, quote), shown: uri, placeholders: [bucketPlaceholder] };
}

/** A boto3 request's `OutputDataConfig.S3OutputPath`, when written as a dict display. */
export function boto3OutputPath(get: (key: string) => PyKeyword | undefined): { value: PyValue } | undefined {
  const output = get('OutputDataConfig');
  const dict = output && !output.spread ? asDict(output.value) : undefined;
  return dict ? getDictEntry(dict, 'S3OutputPath') : undefined;
}

/**
 * The module-level variables holding the SageMaker session's default bucket
 * (`bucket = sagemaker.Session().default_bucket()`), fed every call of the file
 * in order; `before(offset)` names the last one assigned before that offset.
 */
export function defaultBucketVariables(text: string): { visit(call: PythonCall): void; before(offset: number): string | undefined } {
  const found: Array<{ name: string; end: number }> = [];
  return {
    visit(call) {
      if (!/^sagemaker\..*\(\)\.default_bucket$/.test(call.name) || call.positional.length || call.keywords.length) return;
      const lineStart = lineStartAt(text, call.start);
      const target = /^([A-Za-z_]\w*)[ \t]*=[ \t]*$/.exec(text.slice(lineStart, call.callee.start));
      if (!target) return;
      // Kept in source order (calls arrive in order; a nested one may come first): one binary search per question.
      let at = found.length;
      while (at > 0 && found[at - 1].end > call.end) at--;
      found.splice(at, 0, { name: target[1], end: call.end });
    },
    before(offset) {
      let low = 0;
      let high = found.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (found[mid].end <= offset) low = mid + 1;
        else high = mid;
      }
      return low ? found[low - 1].name : undefined;
    },
  };
}

/**
 * The boto3 `StoppingCondition` dict written at the call (or in a tuning job's
 * training job definition: `get` reads the request's keys), for inserting `MaxWaitTimeInSeconds`.
 */
export function stoppingConditionOf(get: (key: string) => PyKeyword | undefined): { container: PyContainer; maxRun?: { value: PyValue } } | undefined {
  const stopping = get('StoppingCondition');
  const dict = asDict(stopping?.value);
  if (!stopping || stopping.spread || !dict?.container || dict.open || dict.indirect) return undefined;
  return { container: dict.container, maxRun: getDictEntry(dict, 'MaxRuntimeInSeconds') };
}

function skipSpaces(text: string, at: number): number {
  let i = at;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}


/** Whitespace as wide as the column of `at`, reusing the line's own indentation characters. */
function indentAt(text: string, at: number): string {
  const start = lineStartAt(text, at);
  const before = text.slice(start, at);
  const lead = /^[ \t]*/.exec(before)?.[0] ?? '';
  return lead.length === before.length ? before : lead + ' '.repeat(before.length - lead.length);
}

/** One fix's edits in order, with edits that touch joined, so the fix applies as one piece. */
export function joinEdits(edits: readonly Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const joined: Edit[] = [];
  for (const edit of sorted) {
    const previous = joined[joined.length - 1];
    if (previous && previous.end === edit.start) joined[joined.length - 1] = { start: previous.start, end: edit.end, text: previous.text + edit.text };
    else joined.push({ ...edit });
  }
  return joined;
}
