/**
 * What the Python analysis hands to rules: calls whose callee it could resolve
 * through the file's imports and assignments, with their arguments as a small
 * value model. Everything is plain data; no tree-sitter node survives the parse.
 *
 * Offsets are 0-based UTF-16 indexes into the file, `end` exclusive.
 */

export interface Span {
  start: number;
  end: number;
}

/**
 * A bracketed, comma-separated list as written: an argument list or a dict
 * display. `open` is the offset of `(` or `{`, `close` that of `)` or `}`.
 * Fixes insert into it.
 */
export interface PyContainer {
  open: number;
  close: number;
  items: Span[];
}

interface ValueBase extends Span {
  /**
   * True when the value was read through a name (`STRATEGY = "Grid"` …
   * `strategy=STRATEGY`): `start`/`end` are still the expression at the place
   * of use, while nested offsets (dict entries) point into the definition.
   */
  indirect?: boolean;
}

export interface PyString extends ValueBase {
  kind: 'string';
  value: string;
  /** The quote character of the literal as written (`'` or `"`); undefined for joined strings. */
  quote?: string;
}

export interface PyNumber extends ValueBase {
  kind: 'number';
  value: number;
}

export interface PyBool extends ValueBase {
  kind: 'bool';
  value: boolean;
}

export interface PyNone extends ValueBase {
  kind: 'none';
}

export interface PyDictEntry {
  key: string;
  /** The whole `"Key": value` pair, or the `**spread` it came from. */
  start: number;
  end: number;
  keyStart: number;
  keyEnd: number;
  value: PyValue;
}

export interface PyDict extends ValueBase {
  kind: 'dict';
  entries: PyDictEntry[];
  /** Some keys cannot be known (a computed key, an unresolved `**spread`): a missing key proves nothing. */
  open: boolean;
  /** The `{…}` as written, when the dict is a display (not `dict(...)`). */
  container?: PyContainer;
}

export interface PyList extends ValueBase {
  kind: 'list';
  items: PyValue[];
}

export interface PyCallValue extends ValueBase {
  kind: 'call';
  call: PythonCall;
}

/** Anything the analysis does not follow: a parameter, an f-string, arithmetic on names… */
export interface PyUnknown extends ValueBase {
  kind: 'unknown';
  /** For `a if cond else b`: what each branch is, when the branches are themselves known. */
  alternatives?: PyValue[];
  /** The qualified name an attribute denotes through the imports (`aws_cdk.aws_logs.RetentionDays.INFINITE`). */
  path?: string;
  /** For a list comprehension `[e for x in xs]`: the value of `e`, read once where it is written (its loop names unknown). */
  element?: PyValue;
}

export type PyValue = PyString | PyNumber | PyBool | PyNone | PyDict | PyList | PyCallValue | PyUnknown;

export interface PyKeyword {
  name: string;
  /** The whole `name=value` (or the dict entry a `**spread` supplied). */
  start: number;
  end: number;
  value: PyValue;
  /** Supplied by a `**dict` rather than written at the call. */
  spread?: boolean;
}

export interface PythonCall extends Span {
  /**
   * The callee's qualified name, resolved through imports and assignments:
   * `sagemaker.pytorch.PyTorch`, `sagemaker.tuner.HyperparameterTuner.create`,
   * `boto3.client:sagemaker.create_training_job` (a method of a boto3 client of
   * that service), `sagemaker.pytorch.PyTorch().fit` (a method of an instance).
   */
  name: string;
  /** The callee as written (`sm.estimator.Estimator`). */
  callee: Span;
  arguments: PyContainer;
  positional: PyValue[];
  keywords: PyKeyword[];
  /** A `*args` or `**kwargs` that could not be resolved: any keyword may be hidden in it. */
  open: boolean;
  /**
   * For a method call, the call that made the object it is called on, when the
   * file shows it: `ModelBuilder(...)` for `builder.deploy()` after
   * `builder = ModelBuilder(...)`, `builder.build()` for `builder.build().deploy()`.
   */
  receiver?: PythonCall;
  /**
   * When the object may come from several calls (`est` assigned in both branches of an `if`, a
   * helper's parameter with several call sites): each of them, and `receiver` is undefined.
   * `name` is then what every one of them gives.
   */
  receivers?: PythonCall[];
  /**
   * A method of a choice of objects of different classes (`(tuner if use_amt else estimator).deploy`):
   * the name through each side, in written order; `name` is the first. A reader that judges the
   * call by its name judges every one of them.
   */
  names?: string[];
}

/** File-level facts, emitted once per file before its calls. */
export interface PythonModule {
  /** Qualified names of everything imported anywhere in the file (`sagemaker.local.LocalSession`). */
  imports: string[];
  /**
   * Method calls whose receiver the analysis could not resolve (`predictor.delete_endpoint()`
   * on a parameter, say): only the method's name, for rules that must stay silent
   * when such a call may do what they look for.
   */
  unresolvedCalls: UnresolvedCall[];
  /**
   * Attributes set on resolved instances after they were made
   * (`config.data_capture_config = …` on a `CfnEndpointConfig()`): a prop
   * given later, whose value is not followed.
   */
  assignedAttributes: AssignedAttribute[];
}

export interface AssignedAttribute extends Span {
  /** The qualified name of the object (`aws_cdk.aws_sagemaker.CfnEndpointConfig()`). */
  path: string;
  attribute: string;
}

export interface UnresolvedCall extends Span {
  /** The method name (`delete_endpoint`). */
  method: string;
}

declare module '../../core/types' {
  interface VisitorFacts {
    pythonModule: PythonModule;
    pythonCall: PythonCall;
  }
}

/** The names a call may have: each side's for a method of a choice of objects of different classes, else its one name. */
export function namesOf(call: PythonCall): readonly string[] {
  return call.names ?? [call.name];
}

export function getKeyword(call: PythonCall, name: string): PyKeyword | undefined {
  return call.keywords.find((k) => k.name === name);
}

export function getDictEntry(dict: PyDict, key: string): PyDictEntry | undefined {
  return dict.entries.find((e) => e.key === key);
}

/** The value as a dict, looking through nothing else; undefined for every other kind. */
export function asDict(value: PyValue | undefined): PyDict | undefined {
  return value?.kind === 'dict' ? value : undefined;
}
