import type { PyValue, PythonCall } from './facts';
import type { PyNode as Node } from './mirror';
import { emptyInPlace } from '../../core/release';

/**
 * Which assignment of a name reaches a use: the names, scopes and branches of a Python file, and
 * reaching definitions over them. Python's control flow is structured (no goto), so a definition's
 * place is its offset and the chain of branches it sits in ({@link Frame}); a use is reached by the
 * definitions before it that no definition dominating it replaced, and (in a loop) by those later
 * in the loop. Branches that exclude each other (`if`/`else`, two `except` handlers, two `case`s)
 * do not reach each other. Uses in a nested function see every definition of an outer name (it
 * depends on when the function is called). Every scan is bounded, so a name assigned ten thousand
 * times costs a constant per use.
 */

/**
 * A module, class or function scope. Scopes, bindings and definitions are classes with every field
 * made in the constructor: each has one shape however it is filled in, so the reads of the second
 * pass stay monomorphic, and a memo written later takes no extra property storage.
 */
export class Scope {
  /** For a `def` of the file: the function, whose `return`s are recorded on it. */
  fn: FunctionInfo | undefined = undefined;
  bindings = new Map<string, Binding>();
  /** Names declared `global` or `nonlocal` here: they bind in an outer scope. */
  outer: Set<string> | undefined = undefined;

  constructor(
    readonly kind: 'module' | 'class' | 'function',
    readonly parent: Scope | undefined,
  ) {}

  /** Empties it in place once the analysis is over (`Collector.release`). */
  release(): void {
    for (const binding of this.bindings.values()) binding.release();
    this.bindings.clear();
    this.fn = undefined;
    this.outer = undefined;
  }
}

/** A branch of a compound statement, or a loop body, or a comprehension, with the branch it sits in. */
export interface Frame {
  parent: Frame | undefined;
  /** The compound statement (its start offset): branches of one statement share it. */
  construct: number;
  kind: 'if' | 'case' | 'match' | 'try' | 'handler' | 'try-else' | 'finally' | 'loop' | 'loop-else' | 'comprehension';
  branch: number;
  /** Branches opened so far in this construct (a `match` counts its cases). */
  branches: number;
  start: number;
  /** The end of the whole compound statement. */
  end: number;
  depth: number;
  /** This frame and those around it, made on the first use read inside it ({@link chainOf}). */
  chain?: ReadonlySet<Frame>;
  /** In a `try` statement: the branches of the handlers before this branch that end by leaving (`raise`, `return`). */
  leaving?: readonly number[];
}

/** Where a statement is: its scope and the innermost branch around it (undefined at the top of the scope). */
export interface Site {
  scope: Scope;
  frame: Frame | undefined;
}

/** A function defined in the file, whose parameters take their values from its call sites. */
export interface FunctionInfo {
  name: string;
  /** The scope the name is bound in, and where. */
  site: Site;
  parameters: ParameterInfo[];
  /** The values its `return` statements give, where they are written. */
  returns: Array<{ node: Node; site: Site }>;
  /** Its `return`s are being read: a function calling itself does not loop. */
  returning: boolean;
}

export interface ParameterInfo {
  name: string;
  /** Positional index, undefined for keyword-only parameters. */
  index?: number;
  /** `*args` or `**kwargs`: never one argument. */
  collects?: boolean;
  /** The default value, evaluated where the function is defined. */
  default?: Node;
}

/** One binding of a name. */
export class Definition {
  /** The right-hand side of a plain assignment. */
  value: Node | undefined = undefined;
  /** The qualified name an import binds. */
  imported: string | undefined = undefined;
  /** A parameter of a function defined in the file. */
  parameter: { fn: FunctionInfo; info: ParameterInfo } | undefined = undefined;
  /** The function a `def` binds. */
  fn: FunctionInfo | undefined = undefined;
  /** What a `for` loop's variable iterates (`for t in types`): it takes each element. */
  iterates: Node | undefined = undefined;
  /** Bound from a nested scope (`global`, `nonlocal`): it may happen at any time. */
  foreign = false;
  /** Nested deeper than the frames kept: it is never taken to replace another. */
  deep = false;
  /** Memoized evaluations: the value, the qualified name, the calls an object may come from. */
  evaluated: PyValue | undefined = undefined;
  path: string | null | undefined = undefined;
  receivers: PythonCall[] | null | undefined = undefined;
  /** A parameter whose call sites are being read: a function calling itself does not loop. */
  following = false;

  constructor(
    /** Where the binding takes effect (after its right-hand side is evaluated). */
    readonly at: number,
    readonly site: Site,
  ) {}

  /** Drops what it points to beyond its own place ({@link Binding.release}). */
  release(): void {
    this.evaluated = undefined;
    this.path = undefined;
    this.receivers = undefined;
    this.parameter = undefined;
    this.fn = undefined;
  }
}

/** A constant key of a dict name set, replaced or deleted after the dict was made: `d["k"] = v`, `d.update({...})`, `del d["k"]`. */
export interface KeyChange {
  key: string;
  /** The new value; undefined when the key is deleted. */
  value?: Node;
  /** The statement (or the `"k": v` pair of an `update`), and the key's own span. */
  start: number;
  end: number;
  keyStart: number;
  keyEnd: number;
  at: number;
  site: Site;
  deep?: boolean;
}

export class Binding {
  /** In the order they take effect. */
  readonly definitions: Definition[];
  /** Made on the first change (most names are never changed by key). */
  changes: KeyChange[] | undefined = undefined;
  /** Its definitions made from a nested scope (`global`, `nonlocal`): they reach every use. */
  foreign: Definition[] | undefined = undefined;
  /** Changed in a way not followed (a computed key, a mutating method, `del x`, a change from a nested scope). */
  mutated = false;

  /** A binding made by its first definition (an array literal of one: an empty one grown by a push reserves room for 17). */
  constructor(
    readonly scope: Scope,
    first: Definition,
  ) {
    this.definitions = [first];
    if (first.foreign) this.foreign = [first];
  }

  /** Empties the binding in place once the analysis is over (`Collector.release`): its definitions' memos, then its lists. */
  release(): void {
    for (const definition of this.definitions) definition.release();
    emptyInPlace(this.definitions);
    if (this.changes) emptyInPlace(this.changes);
    if (this.foreign) emptyInPlace(this.foreign);
  }
}

/** Frames deeper than this are not kept: definitions below are marked `deep`. */
export const maxFrameDepth = 48;
/** Handlers of one `try` statement read for its `else` replacing what came before ({@link replacedByTry}): past them, nothing is replaced. */
export const maxTryHandlers = 32;
/** Definitions a use looks back over before giving up. */
const maxScan = 64;
/** Values a use may take before it counts as unknown. */
export const maxCandidates = 16;

const noFrames: ReadonlySet<Frame> = new Set();

/** The frames around a use, innermost first, as a set for ancestor tests (made once per frame: frames do not change after the first pass). */
function chainOf(frame: Frame | undefined): ReadonlySet<Frame> {
  if (!frame) return noFrames;
  if (frame.chain) return frame.chain;
  const chain = new Set<Frame>();
  for (let f: Frame | undefined = frame; f; f = f.parent) chain.add(f);
  frame.chain = chain;
  return chain;
}

/** The definition's frame encloses the use (or both are at the top of the scope): it runs on every path to the use. */
function encloses(definition: Definition | KeyChange, useChain: ReadonlySet<Frame>): boolean {
  if (definition.deep) return false;
  const frame = definition.site.frame;
  return !frame || useChain.has(frame);
}

/**
 * Whether a definition can reach a use at all: not hidden in a comprehension the use is outside of,
 * and not in a branch that excludes the use's (unless a loop around both carries it round).
 */
function mayReach(definition: Definition | KeyChange, useChain: ReadonlySet<Frame>): boolean {
  if (definition.deep) return true;
  let below: Frame | undefined;
  let f = definition.site.frame;
  for (; f && !useChain.has(f); f = f.parent) {
    if (f.kind === 'comprehension') return false;
    below = f;
  }
  if (!below) return true;
  // `f` is the innermost frame around both (undefined: the scope itself).
  for (let g = f; g; g = g.parent) if (g.kind === 'loop') return true;
  let useBelow: Frame | undefined;
  for (const u of useChain) {
    if (u.parent === f && u.construct === below.construct) useBelow = u;
  }
  if (!useBelow || useBelow.branch === below.branch) return true;
  return !excludes(below.kind, useBelow.kind);
}

function excludes(from: Frame['kind'], to: Frame['kind']): boolean {
  if (from === 'if' && to === 'if') return true;
  if (from === 'case' && to === 'case') return true;
  return from === 'handler' && (to === 'handler' || to === 'try-else');
}

/**
 * Whether `d`, found before (in file order) the definitions `found` of a use after a try statement
 * whose `else` binds the name at its top (`tryElse`), is replaced by that statement: `d` is in the
 * try's body or before the statement, and every way past it binds the name again (the `else`, run
 * once the body completed, and each handler at its top) or leaves (a handler ending in `raise`).
 */
function replacedByTry(tryElse: Definition, d: Definition, found: readonly Definition[]): boolean {
  const frame = tryElse.site.frame;
  // The else is the branch after the handlers: a statement with more than the handlers read replaces nothing.
  if (!frame || frame.branch > maxTryHandlers + 1) return false;
  // In a handler of the statement (or below one): not replaced, it is one of the ways past it.
  for (let f = d.site.frame; f; f = f.parent) if (f.construct === frame.construct && f.kind === 'handler') return false;
  // The handlers are the branches between the body (0) and the `else`.
  for (let branch = 1; branch < frame.branch; branch++) {
    if (frame.leaving?.includes(branch)) continue;
    const bound = found.some((h) => !h.deep && h.site.frame?.construct === frame.construct && h.site.frame.kind === 'handler' && h.site.frame.branch === branch);
    if (!bound) return false;
  }
  return true;
}

/**
 * The definitions of `binding` that reach a use at offset `at` in `site`; undefined when there are
 * too many to follow. A use in another scope than the binding's sees every definition.
 */
export function reachingDefinitions(binding: Binding, at: number, site: Site): Definition[] | undefined {
  const all = binding.definitions;
  // One definition is what every use reads, wherever it is (reached, excluded or before it).
  if (all.length === 1) return all;
  if (binding.scope !== site.scope) return all.length <= maxCandidates ? all : undefined;
  const chain = chainOf(site.frame);
  const found: Definition[] = [];
  let dominator: Definition | undefined;
  let i = lastBefore(all, at);
  const last = i;
  // The `else` of a try statement around which the use is, when it binds the name at its top ({@link replacedByTry}).
  let tryElse: Definition | undefined;
  for (let scanned = 0; i >= 0; i--, scanned++) {
    if (scanned >= maxScan || found.length > maxCandidates) return undefined;
    const d = all[i];
    if (d.foreign || !mayReach(d, chain)) continue;
    if (tryElse && replacedByTry(tryElse, d, found)) {
      dominator = tryElse;
      break;
    }
    if (!tryElse && d.site.frame?.kind === 'try-else' && !d.deep && !chain.has(d.site.frame) && (!d.site.frame.parent || chain.has(d.site.frame.parent))) tryElse = d;
    found.push(d);
    if (encloses(d, chain)) {
      dominator = d;
      break;
    }
  }
  // Round a loop: definitions later in a loop around the use reach it, unless one that dominates it is inside that loop.
  let loopEnd = -1;
  for (const f of chain) if (f.kind === 'loop' && (!dominator || dominator.at < f.start)) loopEnd = Math.max(loopEnd, f.end);
  for (let j = last + 1, scanned = 0; j < all.length && all[j].at <= loopEnd; j++, scanned++) {
    if (scanned >= maxScan || found.length > maxCandidates) return undefined;
    if (!all[j].foreign && mayReach(all[j], chain)) found.push(all[j]);
  }
  if ((binding.foreign?.length ?? 0) > maxCandidates) return undefined;
  for (const d of binding.foreign ?? []) found.push(d);
  // A use no definition reaches (before any, in file order): any of them may be meant.
  if (!found.length) return all.length <= maxCandidates ? all : undefined;
  return found.length <= maxCandidates ? found.sort((a, b) => a.at - b.at) : undefined;
}

/**
 * The constant-key changes that may reach a use from `definition`: each with whether it surely
 * happened (it dominates the use) or only may have. Undefined when there are too many to follow.
 */
export function reachingChanges(binding: Binding, definition: Definition, at: number, site: Site): Array<{ change: KeyChange; sure: boolean }> | undefined {
  if (!binding.changes?.length) return [];
  if (binding.scope !== site.scope) return undefined;
  const chain = chainOf(site.frame);
  // A loop around the use that the definition is outside of: changes later in it come round.
  let loopEnd = -1;
  for (const f of chain) if (f.kind === 'loop' && f.start > definition.at) loopEnd = Math.max(loopEnd, f.end);
  const reaching: Array<{ change: KeyChange; sure: boolean }> = [];
  for (const change of binding.changes) {
    if (change.at <= definition.at || (change.at >= at && change.at > loopEnd) || !mayReach(change, chain)) continue;
    if (reaching.length >= maxScan) return undefined;
    reaching.push({ change, sure: change.at < at && encloses(change, chain) });
  }
  return reaching;
}

/** Index of the last definition taking effect before `at` (definitions are in order). */
function lastBefore(definitions: readonly Definition[], at: number): number {
  let lo = 0;
  let hi = definitions.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (definitions[mid].at < at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Adds a definition in effect order (nearly always at the end). */
export function addDefinition(binding: Binding, definition: Definition): void {
  if (definition.foreign) (binding.foreign ??= []).push(definition);
  const list = binding.definitions;
  let i = list.length;
  while (i > 0 && list[i - 1].at > definition.at) i--;
  // Definitions mostly come in order: appending allocates nothing (a splice returns an array).
  if (i === list.length) list.push(definition);
  else list.splice(i, 0, definition);
}
