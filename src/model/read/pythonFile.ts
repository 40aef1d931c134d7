import type { PythonCall, PythonModule } from '../../parsers/python/facts';
import { defaultBucketVariables } from '../edit/pythonEdits';
import { answersOf } from '../../core/factAnswers';
import { answerFor, answerIn } from './memo';

/**
 * What every Python adapter of one lint reads besides the call in hand, worked out once for the
 * lint and shared by every rule that asks (ruff's one analysis, computed once): the file's
 * imports, the session default-bucket variables assigned so far, whether anything registers an
 * Application Auto Scaling target, and per call what an adapter read from it.
 *
 * Keyed by the lint's `pythonModule` fact: the walk emits a new one first, then the calls in
 * source order, each to every rule before the next, so the first rule to see a call feeds it to
 * the trackers and the others find it done. A walk replayed over the same facts (kept facts)
 * finds every call done already and reads the same answers.
 */
export interface PythonFile {
  readonly text: string;
  /** Qualified names of the file's imports, as a set and in the order the analysis gave them. */
  readonly imports: ReadonlySet<string>;
  readonly importList: readonly string[];
  /** Feeds `call` to the file's trackers, once per lint whichever rule calls first. */
  see(call: PythonCall): void;
  /** The variable holding the session's default bucket assigned last before `offset`. */
  bucketBefore(offset: number): string | undefined;
  /** A `register_scalable_target` call in the file (resolved, or on a client the analysis cannot follow): complete at the end of the walk. */
  readonly registersScalableTarget: boolean;
  /**
   * What `read` answers for `call`, read once per lint for every rule that asks with the same
   * `read` (module-level functions, one per kind of record; a reader may also note the answer in
   * its own per-file state, since it runs once per call).
   */
  once<T>(read: (call: PythonCall, file: PythonFile) => T, call: PythonCall): T;
}

/** The Application Auto Scaling method that registers a scalable target (an endpoint variant's instance count). */
export const registerScalableTarget = 'register_scalable_target';

type Reader<T> = (call: PythonCall, file: PythonFile) => T;

/** The key, in a call's answers, of its having been fed to the file's trackers. */
const seenMark = {};

/** The file state's key in the module fact's answers (kept on the fact, so it dies with the lint: {@link answersOf}). */
const fileKey = {};

/** The file state of the lint that emitted `module` (built on the first ask; `text` is the linted code). */
export function pythonFile(module: PythonModule, text: string): PythonFile {
  return answerFor(module, fileKey, () => readFile(module, text));
}

/** A file state for visitors that never saw a module fact (a walk that starts with a call): one per visitor set. */
export function detachedPythonFile(text: string): PythonFile {
  return readFile({ imports: [], unresolvedCalls: [], assignedAttributes: [] }, text);
}

function readFile(module: PythonModule, text: string): PythonFile {
  const buckets = defaultBucketVariables(text);
  // Per call, the answers read for it: reader, answer, reader, answer… (a handful of readers ask
  // about a call, so a scan beats a map per reader), kept on the call ({@link answersOf}); among
  // them whether the trackers have seen it (a mark on the call, not a set of the file's calls: a
  // set that outlived a collection during the lint, dead once it ends, kept every call alive
  // through the collections after it, `core/release.ts`).
  // The call every rule is visiting now and its answers: each rule after the first finds them by
  // identity, without a lookup per rule and call.
  let current: PythonCall | undefined;
  let currentAnswers: unknown[] = [];
  // On a client the analysis cannot resolve (a parameter, a helper's return value): still a registration.
  let scaled = module.unresolvedCalls.some((u) => u.method === registerScalableTarget);
  const track = (call: PythonCall): true => {
    // Only `….default_bucket()` calls name a bucket: the others skip the pattern.
    if (call.name.endsWith('.default_bucket')) buckets.visit(call);
    if (call.name.endsWith(`.${registerScalableTarget}`)) scaled = true;
    return true;
  };
  const file: PythonFile = {
    text,
    imports: new Set(module.imports),
    importList: module.imports,
    see(call) {
      if (call === current) return;
      currentAnswers = answersOf(call);
      current = call;
      answerIn(currentAnswers, seenMark, track, call, undefined);
    },
    bucketBefore: (offset) => buckets.before(offset),
    get registersScalableTarget() {
      return scaled;
    },
    once<T>(read: Reader<T>, call: PythonCall): T {
      return answerIn(call === current ? currentAnswers : answersOf(call), read, read, call, file);
    },
  };
  return file;
}
