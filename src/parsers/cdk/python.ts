import type { Language, ParseOutcome } from '../../core/types';
import type { PyUnknown, PyValue, PythonCall, PythonModule } from '../python/facts';
import type { CdkApp, CdkConstruct, CdkProp, CdkStack, CdkValue } from './model';
import { addAssignedProp, camelCase, fromPythonName, getProp, learnSpelling, stackClasses, unknownValue, writtenId, writtenPath } from './model';

/**
 * CDK Python: a `.py` file that imports `aws_cdk` (detectFormat decides). It is
 * parsed by the Python language (the same grammar, incremental trees and name
 * resolution as SageMaker scripts), and its resolved calls are turned into the
 * construct model CDK TypeScript produces: `s3.Bucket(self, "Data", versioned=True)`
 * becomes an `aws_s3.Bucket` with props `{ versioned: true }`.
 */
export function createCdkPythonLanguage(python: Language): Language {
  return {
    format: 'cdk-python',
    commentPrefixes: ['#'],
    get loadState() {
      return python.loadState;
    },
    load: () => python.load?.() ?? Promise.resolve(),
    parse(text, fileName): ParseOutcome {
      const outcome = python.parse(text, fileName);
      if (!outcome.ok) return outcome;
      let app: CdkApp | undefined;
      return {
        ok: true,
        walk(emit) {
          if (!app) {
            const calls: PythonCall[] = [];
            let module: PythonModule | undefined;
            outcome.walk((kind, fact) => {
              if (kind === 'pythonCall') calls.push(fact as PythonCall);
              else if (kind === 'pythonModule') module = fact as PythonModule;
            });
            app = cdkAppFromPython(text, calls, module);
          }
          emit('cdkApp', app);
          for (const construct of app.constructs) emit('cdkConstruct', construct);
        },
      };
    },
  };
}

const constructType = /^aws_[a-z0-9_]+\.[A-Z]\w*$/;

export function cdkAppFromPython(text: string, calls: readonly PythonCall[], module: PythonModule | undefined): CdkApp {
  const spellings: Record<string, string> = {};
  const constructs: CdkConstruct[] = [];
  const methodCalls: Array<{ type: string; method: string; call: PythonCall }> = [];
  const unresolved = new Set<string>((module?.unresolvedCalls ?? []).map((c) => camelCase(c.method)));
  const stacks: CdkStack[] = [];
  for (const call of calls) {
    const name = fromPythonName(call.name);
    const stack = stackOf(text, call, name);
    if (stack) stacks.push(stack);
    if (name === undefined) continue;
    const instanceMethod = /^(.*)\(\)\.(\w+)$/.exec(name);
    if (instanceMethod) {
      methodCalls.push({ type: instanceMethod[1], method: camelCase(instanceMethod[2]), call });
      continue;
    }
    learnSpelling(spellings, text.slice(call.callee.start, call.callee.end), name);
    if (!constructType.test(name) || call.positional.length < 2) continue;
    const id = call.positional[1];
    constructs.push({
      language: 'python',
      type: name,
      start: call.start,
      end: call.end,
      callee: call.callee,
      ...(id.kind === 'string' ? { id: id.value } : { idText: writtenId(text.slice(id.start, id.end)) }),
      idSpan: { start: id.start, end: id.end },
      props: keywordsObject(call, text),
      arguments: { open: call.arguments.open, close: call.arguments.close, items: call.arguments.items },
      methods: [],
    });
  }
  // The constructs of each class, in file order: every question below is about one class.
  const byType = new Map<string, CdkConstruct[]>();
  for (const construct of constructs) {
    const list = byType.get(construct.type);
    if (list) list.push(construct);
    else byType.set(construct.type, [construct]);
  }
  const ofType = (type: string): readonly CdkConstruct[] => byType.get(type) ?? [];
  for (const { type, method, call } of methodCalls) {
    const candidates = ofType(type);
    // Only one construct of the class: the method is called on it. Several: we cannot tell which.
    if (candidates.length === 1) candidates[0].methods.push({ method, start: call.start, end: call.end });
    else unresolved.add(method);
  }
  // `config.attr_endpoint_config_name`: an attribute of the only construct of its class.
  const resolveRefs = (value: CdkValue): void => {
    if (value.kind === 'object') for (const p of value.props) p.value = refOf(p.value);
    else if (value.kind === 'array') value.items = value.items.map(refOf);
  };
  const refOf = (value: CdkValue): CdkValue => {
    resolveRefs(value);
    const match = value.kind === 'name' ? /^(aws_\w+\.[A-Z]\w*)\(\)\.(\w+)$/.exec(value.name) : null;
    const candidates = match ? ofType(match[1]) : [];
    return match && candidates.length === 1 ? { kind: 'ref', target: candidates[0].start, attribute: camelCase(match[2]), start: value.start, end: value.end } : value;
  };
  for (const construct of constructs) if (construct.props) resolveRefs(construct.props);
  for (const assigned of module?.assignedAttributes ?? []) {
    const instance = /^(.*)\(\)$/.exec(fromPythonName(assigned.path) ?? '');
    // Several constructs of the class: any of them may be the one; each counts the prop as given.
    for (const construct of instance ? ofType(instance[1]) : []) addAssignedProp(construct, camelCase(assigned.attribute), assigned);
  }
  return { language: 'python', constructs, unresolvedMethods: [...unresolved], spellings, stacks };
}

/** `Stack(app, "X", env=…)` or a stack class of the app given such an env (see {@link CdkStack}). */
function stackOf(text: string, call: PythonCall, name: string | undefined): CdkStack | undefined {
  const env = call.keywords.find((k) => k.name === 'env');
  if (!env || call.positional.length < 2) return undefined;
  if (name !== undefined ? !stackClasses.has(name) : !/(^|\.)[A-Z]\w*$/.test(call.name)) return undefined;
  // `env=cdk.Environment(region=…)` is a struct whose keywords are its props; `env={"region": …}` a dict.
  const value = env.value.kind === 'call' && fromPythonName(env.value.call.name) === 'Environment' ? keywordsObject(env.value.call, text) : toCdkValue(env.value, text);
  const region = getProp(value, 'region');
  if (!region) return undefined;
  const id = call.positional[1];
  return { start: call.start, end: call.end, callee: call.callee, name: id.kind === 'string' ? id.value : writtenId(text.slice(id.start, id.end)), region };
}

/** A call's keywords as an object value; `open` when a `**kwargs` hides some. */
function keywordsObject(call: PythonCall, text: string): CdkValue {
  const props: CdkProp[] = call.keywords.map((k) => ({
    key: camelCase(k.name),
    start: k.start,
    end: k.end,
    keyStart: k.start,
    keyEnd: k.spread ? k.end : k.start + k.name.length,
    value: toCdkValue(k.value, text),
  }));
  return { kind: 'object', props, open: call.open, container: call.arguments, start: call.arguments.open, end: call.arguments.close + 1 };
}

function toCdkValue(value: PyValue, text: string): CdkValue {
  const base = { start: value.start, end: value.end, ...(value.indirect ? { indirect: true } : {}) };
  switch (value.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return { kind: value.kind, value: value.value, ...base } as CdkValue;
    case 'dict':
      return {
        kind: 'object',
        props: value.entries.map((e) => ({ key: camelCase(e.key), start: e.start, end: e.end, keyStart: e.keyStart, keyEnd: e.keyEnd, value: toCdkValue(e.value, text) })),
        open: value.open,
        ...(value.container ? { container: value.container } : {}),
        ...base,
      };
    case 'list':
      return { kind: 'array', items: value.items.map((item) => toCdkValue(item, text)), open: false, ...base };
    case 'call': {
      const name = fromPythonName(value.call.name);
      if (name === undefined) return { kind: 'unknown', ...base };
      // A struct such as `CfnEndpointConfig.ProductionVariantProperty(...)` or `s3.LifecycleRule(...)`: its keywords are its props.
      if (isStruct(value.call, name)) return { ...keywordsObject(value.call, text), ...base };
      return { kind: 'call', name, args: value.call.positional.map((arg) => toCdkValue(arg, text)), ...base };
    }
    case 'unknown': {
      const name = value.path ? fromPythonName(value.path) : undefined;
      if (name) return { kind: 'name', name, ...base };
      return comprehension(value, text) ?? { ...unknownValue(base, text.slice(value.start, value.end)), ...base };
    }
    default:
      return { kind: 'unknown', ...base };
  }
}

/** A struct such as `CfnEndpointConfig.ProductionVariantProperty(...)` or `s3.LifecycleRule(...)`: its keywords are its props. */
function isStruct(call: PythonCall, name: string): boolean {
  return /\.[A-Z]\w*$/.test(name) && call.positional.length === 0;
}

/** Characters after a comprehension's element searched for its `for … in …` clause (bounds the search). */
const clauseWindow = 400;

/**
 * `[sagemaker.CfnEndpointConfig.ProductionVariantProperty(...) for m in models]` or
 * `[{"variant_name": m.name, "instance_type": m.instance_type, ...} for m in models]`: an array of
 * the struct or dict each element gives, read once with what it reads from the loop unknown
 * (`mapped` names what is iterated), as TypeScript's `models.map((m) => ({...}))` is. Any other
 * element (a call of a function of the app) is not read.
 */
function comprehension(value: PyUnknown, text: string): CdkValue | undefined {
  const element = value.element;
  let item: CdkValue | undefined;
  if (element?.kind === 'dict') item = toCdkValue(element, text);
  else if (element?.kind === 'call') {
    const name = fromPythonName(element.call.name);
    if (name !== undefined && isStruct(element.call, name)) item = keywordsObject(element.call, text);
  }
  if (!element || !item) return undefined;
  // What is iterated follows the element where it is written (in the assignment, when the list is read through a name); a clause past the window is "an expression".
  const clause = /^\s*for\s+[\w\s,()]+?\s+in\s+([^\]]+?)(?:\s+if\s[^\]]*)?\s*\]/.exec(text.slice(element.end, element.end + clauseWindow));
  return { kind: 'array', items: [item], open: false, mapped: (clause && writtenPath(clause[1])) ?? 'an expression', start: value.start, end: value.end };
}
