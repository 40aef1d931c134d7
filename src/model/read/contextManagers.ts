import { lineStartAt } from '../../core/lineIndex';
import type { PythonCall } from '../../parsers/python/facts';
import { getKeyword } from '../../parsers/python/facts';
import type { PythonFunctions } from './pythonFunctions';

/**
 * Context-manager classes that delete an endpoint when their `with` block ends: a top-level class
 * whose `__exit__` calls a delete (`with ManagedEndpoint(name, auto_delete=True) as ep:`). The
 * delete may be guarded by flags the constructor takes (`if self.in_service and self.auto_delete:`).
 */
export interface ExitTeardown {
  className: string;
  /**
   * The constructor's parameters the delete is guarded by, with the value each must have: a
   * conjunct `self.flag` (or `not self.flag`) of an `if` above the delete, `self.flag` bound from
   * the parameter. An attribute bound from no parameter (`self.in_service`) is the object's own state.
   */
  flags: ReadonlyArray<{ param: string; index: number; want: boolean; fallback: boolean | undefined }>;
}

/** Block headers above a delete inside `__exit__` that run it whenever their block runs, or may. */
const plainHeader = /^(?:try|finally|with\b.*|for\b.*)[ \t]*:[ \t]*(?:#.*)?$/;
const ifHeader = /^if[ \t]+(.+?)[ \t]*:[ \t]*(?:#.*)?$/;
const selfAttribute = /^(not[ \t]+)?self\.([A-Za-z_]\w*)$/;

/**
 * The teardown a delete at `offset` makes as part of a class's `__exit__`, or undefined: not in an
 * `__exit__` of a top-level class, or under a block that may skip it in a way the call cannot
 * settle (`else`, `except`, a condition mixing a constructor flag with `or`).
 */
export function exitTeardown(functions: PythonFunctions, offset: number): ExitTeardown | undefined {
  const fn = functions.enclosing(offset);
  if (fn?.name !== '__exit__') return undefined;
  const owner = functions.classOf(fn);
  if (!owner) return undefined;
  const params = initParameters(owner.text);
  const fromParam = attributesFromParameters(owner.text, params);
  const flags: Array<ExitTeardown['flags'][number]> = [];
  for (const header of functions.headersAbove(offset)) {
    if (plainHeader.test(header)) continue;
    const condition = ifHeader.exec(header)?.[1];
    if (condition === undefined) return undefined;
    const conjuncts = condition.split(/[ \t]+and[ \t]+/);
    for (const conjunct of conjuncts) {
      const attribute = selfAttribute.exec(conjunct.trim());
      const param = attribute && fromParam.get(attribute[2]);
      if (attribute && param) flags.push({ ...param, want: !attribute[1] });
      // A constructor flag read any other way (`or`, a comparison): the call cannot settle it.
      else if (!attribute && [...fromParam.keys()].some((a) => new RegExp(`\\bself\\.${a}\\b`).test(conjunct))) return undefined;
    }
  }
  return { className: owner.name, flags };
}

/** What a constructor call gives a parameter: a literal flag, something else, or nothing. */
export type FlagArgument = boolean | 'other' | undefined;

/**
 * Whether a constructor call gives the flags the delete needs: each a literal `True`/`False`
 * written (by keyword or position) or its parameter's default; a flag given by a variable, or
 * with no literal default, is not known to be set. `argument` reads the call's.
 */
export function setsFlags(teardown: ExitTeardown, argument: (param: string, index: number) => FlagArgument): boolean {
  return teardown.flags.every((flag) => {
    const value = argument(flag.param, flag.index);
    return (value === undefined ? flag.fallback : value) === flag.want;
  });
}

/** What a call of the analysis gives a parameter ({@link setsFlags}). */
export function callArgument(call: PythonCall): (param: string, index: number) => FlagArgument {
  return (param, index) => {
    const keyword = getKeyword(call, param);
    if (keyword?.spread) return 'other';
    const value = keyword ? keyword.value : call.positional[index];
    if (!value) return undefined;
    return value.kind === 'bool' ? value.value : 'other';
  };
}

/**
 * The `with NAME(...)` statements of a text (a class of the text itself, which the analysis does
 * not report calls of), each with what its call gives a parameter: arguments read as written,
 * a literal `True`/`False` a flag, any other value 'other'. A call whose arguments hold a
 * bracket, a string or a splat (`*args`, `**kwargs`) gives 'other' for every parameter.
 */
export function withStatementsOf(text: string, name: string): Array<{ start: number; argument: (param: string, index: number) => FlagArgument }> {
  const found: Array<{ start: number; argument: (param: string, index: number) => FlagArgument }> = [];
  // The statement's head up to the class's name, then `(`: one pattern for both readings below.
  const head = `^([ \\t]*(?:async[ \\t]+)?with[ \\t]+(?:\\([ \\t]*)?)${name}[ \\t]*\\(`;
  for (const match of text.matchAll(new RegExp(`${head}([^()\\[\\]{}'"\\n]*)\\)`, 'gm'))) {
    const args = match[2].split(',').map((a) => a.trim()).filter((a) => a !== '');
    const plain = !args.some((a) => a.startsWith('*'));
    const keywords = new Map<string, string>();
    const positional: string[] = [];
    for (const arg of args) {
      const keyword = /^([A-Za-z_]\w*)[ \t]*=[ \t]*(.+)$/.exec(arg);
      if (keyword) keywords.set(keyword[1], keyword[2]);
      else positional.push(arg);
    }
    const literal = (value: string): FlagArgument => (value === 'True' ? true : value === 'False' ? false : 'other');
    found.push({
      start: (match.index as number) + match[1].length,
      argument: (param, index) => {
        if (!plain) return 'other';
        const value = keywords.get(param) ?? positional[index];
        return value === undefined ? undefined : literal(value);
      },
    });
  }
  // Brackets or strings in the arguments: the statement is still a with block of the class, its flags unknown.
  for (const match of text.matchAll(new RegExp(`${head}(?![^()\\[\\]{}'"\\n]*\\))`, 'gm'))) {
    found.push({ start: (match.index as number) + match[1].length, argument: () => 'other' });
  }
  return found;
}

/** A `with` statement's head up to its first context expression, from a line's start. */
const withHead = /[ \t]*(?:async[ \t]+)?with[ \t]+(?:\([ \t]*)?/y;

/** The call is the first context expression of a `with` statement (`with C(...) as x:`). */
export function isWithItem(text: string, call: { start: number }): boolean {
  // The line's start as the engine counts lines (a lone `\r` ends one too), found within the line.
  const lineStart = lineStartAt(text, call.start);
  // Most calls are not one: a look at the line's first word before the pattern.
  let first = lineStart;
  while (first < call.start && (text[first] === ' ' || text[first] === '\t')) first++;
  if (!text.startsWith('with', first) && !text.startsWith('async', first)) return false;
  withHead.lastIndex = lineStart;
  return withHead.exec(text) !== null && withHead.lastIndex === call.start;
}

interface Parameter {
  param: string;
  /** Its position among the arguments a call writes (`self` not counted). */
  index: number;
  /** Its default when a literal `True` or `False`. */
  fallback: boolean | undefined;
}

/** The parameters of the class's `__init__` that a call may pass by position or keyword. */
function initParameters(classText: string): Map<string, Parameter> {
  const params = new Map<string, Parameter>();
  const list = /\bdef[ \t]+__init__[ \t]*\(([^)]*)\)/.exec(classText)?.[1];
  if (list === undefined) return params;
  let index = -1;
  for (const part of list.split(',')) {
    const match = /^\s*(\*{0,2})([A-Za-z_]\w*)\s*(?::[^=]*)?(?:=\s*(\S.*?))?\s*$/.exec(part);
    if (!match) continue;
    if (match[1]) break;
    if (index === -1) {
      // `self`
      index = 0;
      continue;
    }
    const fallback = match[3] === 'True' ? true : match[3] === 'False' ? false : undefined;
    params.set(match[2], { param: match[2], index: index++, fallback });
  }
  return params;
}

/** The attributes the class binds straight from a constructor parameter (`self.auto_delete = auto_delete`). */
function attributesFromParameters(classText: string, params: ReadonlyMap<string, Parameter>): Map<string, Parameter> {
  const bound = new Map<string, Parameter>();
  for (const match of classText.matchAll(/^[ \t]+self\.([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=[ \t]*([A-Za-z_]\w*)[ \t]*(?:#[^\r\n]*)?\r?$/gm)) {
    const param = params.get(match[2]);
    if (param) bound.set(match[1], param);
  }
  return bound;
}
