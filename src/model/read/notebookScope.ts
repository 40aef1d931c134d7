import { lineStartAt } from '../../core/lineIndex';
import type { NotebookMagic } from '../../parsers/notebook/facts';
import type { PythonCall, Span } from '../../parsers/python/facts';
import { getKeyword } from '../../parsers/python/facts';
import { sessionMethod } from './pythonEndpoints';

/**
 * What a notebook's names can hold, read from its code and its IPython magics: whether a name is
 * ever bound, and which names a `%store` keeps for another notebook.
 */

/** `name.method(` at the start of a call's text: the receiver when it is a plain name (not an attribute, a call or a subscript). */
export function plainReceiver(text: string, call: Span): string | undefined {
  if (call.start > 0 && /[\w.]/.test(text[call.start - 1])) return undefined;
  return /^([A-Za-z_]\w*)[ \t]*\.[ \t]*\w+[ \t]*\(/.exec(text.slice(call.start, Math.min(call.end, call.start + 200)))?.[1];
}

/** Code that may bind any name (`from m import *`, `exec(...)`, writes through `globals()`/`locals()`/`vars()`). */
const bindsAnyName = /\bimport[ \t]+\*|\bexec[ \t]*\(|\b(?:globals|locals|vars)[ \t]*\([ \t]*\)|__builtins__|\bbuiltins\b/;

/**
 * Magics that may bind names the code does not show: `%run` (another script's or notebook's
 * names), `%store -r` (stored names; without one, every stored name), `%%capture name`, `%load`,
 * a magic assigned to names, `%alias_magic`…: `all` when any name may be bound, else the names.
 */
function magicBindings(magics: readonly NotebookMagic[]): { all: boolean; names: Set<string> } {
  const names = new Set<string>();
  for (const magic of magics) {
    const [command = '', ...args] = magic.text.replace(/#.*/, '').trim().split(/\s+/);
    if (/^%(?:run|load|macro|alias_magic|recall|rerun|pycat)$/.test(command)) return { all: true, names };
    if (command === '%store') {
      const restore = args.some((a) => /^-\w*r/.test(a));
      if (restore) {
        const restored = args.filter((a) => !a.startsWith('-'));
        if (!restored.length) return { all: true, names };
        for (const name of restored) names.add(name);
      }
    } else if (command === '%%capture' || command === '%%timeit' || command === '%%time') {
      for (const arg of args) if (/^[A-Za-z_]\w*$/.test(arg)) names.add(arg);
    }
  }
  return { all: false, names };
}

/**
 * The names the code uses other than as `name.attr`, `name(…)` or `name[…]`: every place it may be
 * bound (an assignment, a parameter, a `for`/`with`/`except`/`import` target), and some plain
 * uses. Strings and comments are skipped. One pass over the text.
 */
function namesMaybeBound(text: string): Set<string> {
  const names = new Set<string>();
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text[i];
    if (c === '#') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? length : end;
    } else if (c === '"' || c === "'") {
      i = skipString(text, i);
    } else if (/[A-Za-z_]/.test(c)) {
      let end = i + 1;
      while (end < length && /\w/.test(text[end])) end++;
      // A string prefix (`f"…"`, `rb'…'`): the string, not a name.
      if (end < length && (text[end] === '"' || text[end] === "'") && /^[rbfuRBFU]{1,2}$/.test(text.slice(i, end))) {
        i = skipString(text, end);
        continue;
      }
      let before = i - 1;
      while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--;
      let after = end;
      while (after < length && (text[after] === ' ' || text[after] === '\t')) after++;
      const attribute = before >= 0 && text[before] === '.';
      const used = after < length && (text[after] === '.' || text[after] === '(' || text[after] === '[');
      if (!attribute && !used) names.add(text.slice(i, end));
      i = end;
    } else i++;
  }
  return names;
}

/** The offset after the string literal whose opening quote is at `at` (single or triple quoted, escapes honoured; an unclosed one ends its line). */
function skipString(text: string, at: number): number {
  const quote = text[at];
  const triple = text.startsWith(quote.repeat(3), at);
  const close = triple ? quote.repeat(3) : quote;
  let i = at + close.length;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (text.startsWith(close, i)) return i + close.length;
    else if (!triple && c === '\n') return i;
    else i++;
  }
  return text.length;
}

/**
 * Whether nothing in the notebook binds `name`: the code never assigns it, takes it as a parameter,
 * imports it or loops over it, and no magic may bind it. A method called on such a name raises
 * `NameError`: it does nothing. Built per lint: `unbound(name)`.
 */
export function unboundNames(text: string, magics: readonly NotebookMagic[]): (name: string) => boolean {
  let bound: Set<string> | undefined;
  let any: boolean | undefined;
  return (name) => {
    if (any === undefined) {
      const fromMagics = magicBindings(magics);
      any = fromMagics.all || bindsAnyName.test(text);
      bound = namesMaybeBound(text);
      for (const n of fromMagics.names) bound.add(n);
    }
    return !any && !bound?.has(name);
  };
}

/** A `%store` that keeps names for another notebook (`%store endpoint_name`, `%store a b`): the names and where; not `-r`, `-d`, `-z`, nor a write to a file (`>`). */
export function storedNames(magics: readonly NotebookMagic[]): Array<{ name: string; at: number }> {
  const stored: Array<{ name: string; at: number }> = [];
  for (const magic of magics) {
    const [command, ...args] = magic.text.replace(/#.*/, '').trim().split(/\s+/);
    if (command !== '%store' || !args.length || args.some((a) => a.startsWith('-') || a.includes('>'))) continue;
    for (const name of args) if (/^[A-Za-z_]\w*$/.test(name)) stored.push({ name, at: magic.start });
  }
  return stored;
}

/** Whether the code between `from` and `to` assigns `name` again (`name = …`, `name: T = …`, `for name in`, `name :=`). */
export function rebinds(text: string, name: string, from: number, to: number): boolean {
  const between = text.slice(from, to);
  return new RegExp(`(?:^|[\\n;])[ \\t]*${name}[ \\t]*(?::[^=\\n]*)?=(?!=)|\\bfor[ \\t]+${name}[ \\t]+in\\b|\\b${name}[ \\t]*:=`).test(between);
}

/**
 * Names IPython rebinds after every cell: `_`, `__`, `___` (the last outputs), `_<n>`
 * (output n), `_i`, `_ii`, `_iii`, `_i<n>` (inputs). A predictor kept in one is gone by the time a later cell runs.
 */
export function isIPythonHistoryName(name: string): boolean {
  return /^_(?:_{0,2}|\d+|i{1,3}|i\d+)$/.test(name);
}

/**
 * The name a call's result is assigned to on its line (`predictor = est.deploy(...)`,
 * `endpoint: Endpoint = Endpoint.create(...)`), and whether at top level; not an IPython history name.
 */
export function resultName(text: string, call: Span): { name: string; topLevel: boolean } | undefined {
  const found = /^([ \t]*)([A-Za-z_]\w*)[ \t]*(?::[^=\n]+)?=[ \t]*$/.exec(text.slice(lineStartAt(text, call.start), call.start));
  return found && !isIPythonHistoryName(found[2]) ? { name: found[2], topLevel: found[1] === '' } : undefined;
}

/** The endpoint's name as a plain name: `endpoint_name=` / `EndpointName=` (a session's `name=`, or the name `create_endpoint` takes first). */
function endpointNameVariable(text: string, deploy: PythonCall): string | undefined {
  const method = sessionMethod(deploy);
  const keyword = getKeyword(deploy, 'endpoint_name') ?? getKeyword(deploy, 'EndpointName') ?? (method !== undefined ? getKeyword(deploy, 'name') : undefined);
  const value = keyword && !keyword.spread ? keyword.value : method === 'create_endpoint' || method === 'endpoint_from_production_variants' ? deploy.positional[0] : undefined;
  const written = value && text.slice(value.start, value.end);
  return written && /^[A-Za-z_]\w*$/.test(written) ? written : undefined;
}

/**
 * The name under which a `%store` after the deploy keeps the endpoint for another notebook: the
 * variable holding what the deploy returned, or the one holding the endpoint's name, stored before
 * the code binds it again.
 */
export function handedOnBy(text: string, deploy: PythonCall, stored: ReadonlyArray<{ name: string; at: number }>): string | undefined {
  const names = [resultName(text, deploy)?.name, endpointNameVariable(text, deploy)].filter((n): n is string => n !== undefined);
  if (!names.length) return undefined;
  return stored.find((s) => s.at > deploy.end && names.includes(s.name) && !rebinds(text, s.name, deploy.end, s.at))?.name;
}
