/**
 * The construct model shared by CDK TypeScript and CDK Python: every construct
 * a stack creates (`new s3.Bucket(this, 'Data', {…})` / `s3.Bucket(self, "Data", …)`),
 * its class resolved through the file's imports to a name independent of the
 * language (`aws_s3.Bucket`), and its props as a value tree with positions.
 * Python keyword names are turned into the camelCase of the TypeScript props
 * (`retention_in_days` → `retentionInDays`), so rules read one shape.
 *
 * Offsets are 0-based UTF-16 indexes into the file, `end` exclusive.
 */

export interface CdkSpan {
  start: number;
  end: number;
}

/** A bracketed list as written (an object literal, an argument list): fixes insert into it. */
export interface CdkContainer {
  open: number;
  close: number;
  items: CdkSpan[];
}

interface CdkValueBase extends CdkSpan {
  /** Read through a name (`const DAYS = 30`): nested offsets point into the definition. */
  indirect?: boolean;
}

export interface CdkProp extends CdkSpan {
  /** camelCase, as TypeScript writes it. */
  key: string;
  keyStart: number;
  keyEnd: number;
  value: CdkValue;
}

/**
 * What an expression is, as far as the file says: a literal, a qualified name
 * (an enum member such as `aws_logs.RetentionDays.INFINITE`), an object (a
 * TypeScript object literal or a Python `XxxProperty(...)` struct call), an
 * array, a call of a known function (`Duration.days(30)`), an attribute of a
 * construct of the same file, or unknown.
 */
export type CdkValue =
  | (CdkValueBase & { kind: 'string'; value: string })
  | (CdkValueBase & { kind: 'number'; value: number })
  | (CdkValueBase & { kind: 'bool'; value: boolean })
  | (CdkValueBase & { kind: 'name'; name: string })
  | (CdkValueBase & { kind: 'object'; props: CdkProp[]; open: boolean; container?: CdkContainer })
  /** `mapped`: built by `.map()` over what it names (`props.modelVariants`); its one item is the template every element gives. */
  | (CdkValueBase & { kind: 'array'; items: CdkValue[]; open: boolean; mapped?: string })
  | (CdkValueBase & { kind: 'call'; name: string; args: CdkValue[] })
  /** An attribute of a construct the file made (`config.attrEndpointConfigName`): `target` is that construct's `start`. */
  | (CdkValueBase & { kind: 'ref'; target: number; attribute: string })
  /** `written`: the expression as written when it is a plain name or attribute path (`props.instanceType`), for messages. */
  | (CdkValueBase & { kind: 'unknown'; written?: string });

/** An expression's text when it is a plain name or attribute path (`this.props.instanceType`, `variant_config.instance_type`) a message can quote. */
export function writtenPath(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed.length <= 60 && /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(trimmed) ? trimmed : undefined;
}

/** An unknown value, with its text when a message can quote it. */
export function unknownValue(span: CdkSpan, text: string): CdkValue {
  const written = writtenPath(text);
  return written ? { kind: 'unknown', start: span.start, end: span.end, written } : { kind: 'unknown', start: span.start, end: span.end };
}

export type CdkObject = Extract<CdkValue, { kind: 'object' }>;

/** A method call on a construct the file created (`bucket.addLifecycleRule(...)`). */
export interface CdkMethodCall extends CdkSpan {
  /** camelCase (`add_lifecycle_rule` → `addLifecycleRule`). */
  method: string;
}

export interface CdkConstruct extends CdkSpan {
  language: 'typescript' | 'python';
  /** `aws_s3.Bucket`, `aws_sagemaker.CfnEndpointConfig`: the module under `aws-cdk-lib` (`aws_cdk`) and the class. */
  type: string;
  /** The class as written (`s3.Bucket`). */
  callee: CdkSpan;
  /** The construct id when it is a literal. */
  id?: string;
  /** The construct id as written when it is not a literal (`` `${prefix}-data` ``). */
  idText?: string;
  /** Where the id argument is. */
  idSpan?: CdkSpan;
  /**
   * The props: an object, or undefined when none are passed. `open` (or a
   * props value that is not an object) means some props cannot be known.
   */
  props: CdkValue | undefined;
  /** The argument list as written, for fixes that add the props argument (TS) or a keyword (Python). */
  arguments: CdkContainer;
  /** Methods called on this construct through the name it was assigned to. */
  methods: CdkMethodCall[];
}

export interface CdkApp {
  language: 'typescript' | 'python';
  constructs: CdkConstruct[];
  /** Method names (camelCase) called on something the analysis could not tie to one construct. */
  unresolvedMethods: string[];
  /** How the file writes qualified names it uses: `aws_s3` → `s3`, `Duration` → `cdk.Duration`. */
  spellings: Record<string, string>;
  /** Stacks the file instantiates with a region in their `env` (see {@link CdkStack}). */
  stacks: CdkStack[];
}

/**
 * A stack the file instantiates with an environment that names a region:
 * `new Stack(app, 'X', { env: { region: 'ap-south-1' } })`, a subclass
 * `new MyStack(app, 'X', { env })`, Python `MyStack(app, "X", env=cdk.Environment(region=…))`.
 * A class counts when it is the CDK `Stack` or `Stage`, or a class that is not a
 * CDK library class (declared in the app or imported from it) given an `env` with a `region`.
 */
export interface CdkStack extends CdkSpan {
  /** The class as written. */
  callee: CdkSpan;
  /** The stack id when it is a literal, else the id as written. */
  name: string;
  /** The `region` prop inside `env`; its value may be unknown (`process.env.CDK_DEFAULT_REGION`). */
  region: CdkProp;
}

/** Root classes of the CDK library that take an `env` naming where their stacks deploy. */
export const stackClasses: ReadonlySet<string> = new Set(['Stack', 'Stage']);

declare module '../../core/types' {
  interface VisitorFacts {
    cdkApp: CdkApp;
    cdkConstruct: CdkConstruct;
  }
}

/** `lifecycle_rules` → `lifecycleRules`; camelCase input is returned as is. */
/** The id argument as written, shortened for messages. */
export function writtenId(text: string): string {
  const compact = text.replace(/\s+/g, ' ');
  return compact.length > 40 ? `${compact.slice(0, 39)}…` : compact;
}

export function camelCase(name: string): string {
  return name.replace(/_+([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** `aws-cdk-lib/aws-s3` or `@aws-cdk/aws-s3` → `aws_s3`; `aws-cdk-lib` → `` (the root); undefined for other modules. */
export function cdkModuleOf(specifier: string): string | undefined {
  if (specifier === 'aws-cdk-lib' || specifier === '@aws-cdk/core') return '';
  const match = /^(?:aws-cdk-lib\/|@aws-cdk\/)(aws-[a-z0-9-]+)$/.exec(specifier);
  return match ? match[1].replace(/-/g, '_') : undefined;
}

/** A Python qualified name under `aws_cdk` without that prefix (`aws_cdk.aws_s3.Bucket` → `aws_s3.Bucket`); undefined outside the CDK. */
export function fromPythonName(name: string): string | undefined {
  if (name === 'aws_cdk') return '';
  if (name.startsWith('aws_cdk.')) return name.slice('aws_cdk.'.length);
  return undefined;
}

export function getProp(value: CdkValue | undefined, key: string): CdkProp | undefined {
  return value?.kind === 'object' ? value.props.find((p) => p.key === key) : undefined;
}

/** The value at a path of props, or undefined when any step is missing or not an object. */
export function getPath(value: CdkValue | undefined, path: readonly string[]): CdkProp | undefined {
  let current = value;
  let found: CdkProp | undefined;
  for (const key of path) {
    found = getProp(current, key);
    if (!found) return undefined;
    current = found.value;
  }
  return found;
}

/**
 * Records a prop set after the construct was made (`logGroup.retentionInDays = 30`,
 * `config.data_capture_config = …`): it counts as given, with an unknown value.
 */
export function addAssignedProp(construct: CdkConstruct, key: string, span: CdkSpan): void {
  const prop: CdkProp = { key, start: span.start, end: span.end, keyStart: span.start, keyEnd: span.end, value: { kind: 'unknown', ...span } };
  if (!construct.props) construct.props = { kind: 'object', props: [prop], open: false, start: span.start, end: span.end };
  else if (construct.props.kind === 'object') {
    const i = construct.props.props.findIndex((p) => p.key === key);
    if (i >= 0) construct.props.props[i] = prop;
    else construct.props.props.push(prop);
  }
}

/** True when the props are readable: absent, or an object with no spread or computed key. */
export function propsKnown(construct: CdkConstruct): boolean {
  return construct.props === undefined || (construct.props.kind === 'object' && !construct.props.open);
}

/**
 * How the file can write a qualified name, from the spellings it already uses:
 * the name itself, or its longest spelled prefix followed by the rest
 * (`aws_logs.RetentionDays` with `aws_logs` → `logs` gives `logs.RetentionDays`).
 * Undefined when nothing in the file spells any prefix of it.
 */
export function spell(app: CdkApp, qualified: string): string | undefined {
  const parts = qualified.split('.');
  for (let n = parts.length; n >= 0; n--) {
    const prefix = parts.slice(0, n).join('.');
    const written = app.spellings[prefix];
    if (!written) continue;
    const rest = parts.slice(n).join('.');
    return rest ? `${written}.${rest}` : written;
  }
  return undefined;
}

/**
 * Learns spellings from a name written in the file and the qualified name it
 * resolved to: their common trailing parts are dropped one at a time
 * (`s3.Bucket` / `aws_s3.Bucket` teaches `aws_s3` → `s3`).
 */
export function learnSpelling(spellings: Record<string, string>, written: string, qualified: string): void {
  const w = written.replace(/\s+/g, '').split('.');
  const q = qualified.split('.');
  for (;;) {
    // A bare name says nothing about how its module is written.
    if (!w.length) return;
    const key = q.join('.');
    if (!(key in spellings)) spellings[key] = w.join('.');
    if (!q.length || w[w.length - 1] !== q[q.length - 1]) return;
    w.pop();
    q.pop();
  }
}
