import { lineStartAt } from '../core/lineIndex';
import type { Visitors } from '../core/types';
import { cellIndexAt } from '../parsers/notebook/facts';
import type { NotebookFact, NotebookModuleFact } from '../parsers/notebook/facts';
import type { PythonCall, UnresolvedCall } from '../parsers/python/facts';
import { getKeyword } from '../parsers/python/facts';
import { pyCount, pyInstanceType } from './endpointVariants';
import type { NotebookDeploymentRecord } from './hostingRecords';
import { createsEndpoint, endpointVariantsOf, isCodeAt, isV3EndpointCreate, sessionMethod, v3EndpointDelete } from './read/pythonEndpoints';
import type { ExitTeardown } from './read/contextManagers';
import { callArgument, exitTeardown, isWithItem, setsFlags, withStatementsOf } from './read/contextManagers';
import { PythonFunctions } from './read/pythonFunctions';
import { isLocalMode, isSageMakerClientCall, importsLocalSession } from './read/sagemaker';
import { handedOnBy, isIPythonHistoryName, plainReceiver, resultName, storedNames, unboundNames } from './read/notebookScope';

/**
 * The adapter that reads the endpoints a notebook deploys, and whether a later cell deletes each,
 * into {@link NotebookDeploymentRecord}s. A deploy is judged against every call after it, so the
 * records are handed over with the notebook fact, after the last call.
 */

/** Methods that delete an endpoint, whatever they are called on. */
const teardownMethods = new Set(['delete_endpoint', 'delete_predictor']);
/** The same, and an SDK v3 endpoint object's `delete()`. */
const deleteMethods = new Set([...teardownMethods, 'delete']);


/**
 * Local mode containers and serverless endpoints cost nothing while idle, and a
 * `ModelBuilder` deploy with a batch-transform config makes no endpoint.
 */
function isLocalOrServerless(text: string, call: PythonCall, imports: ReadonlySet<string>): boolean {
  if (getKeyword(call, 'serverless_inference_config')) return true;
  const config = getKeyword(call, 'inference_config')?.value;
  // A config the analysis cannot see (a variable) may be either: silent.
  if (config && (config.kind !== 'call' || /Serverless|BatchTransform/.test(config.call.name))) return true;
  if (call.name.includes('ModelBuilder') && /\bMode\.(?:IN_PROCESS|LOCAL_CONTAINER)\b/.test(text.slice(call.start, call.end))) return true;
  const instanceType = getKeyword(call, 'instance_type')?.value ?? call.positional[1];
  if (isLocalMode(instanceType)) return true;
  return importsLocalSession(imports) && (!instanceType || instanceType.kind === 'unknown');
}

function lastName(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/**
 * The deploys a teardown deletes: one on what a deploy returned (`predictor.delete_endpoint()`)
 * deletes a deploy of that kind only (`own`: the deploy's name and `()`); one on a session or a
 * client may delete any endpoint. Undefined: none (`delete()` on what is no SDK v3 endpoint).
 */
function deletedBy(teardown: PythonCall): { any: true } | { own: string } | undefined {
  const receiver = teardown.name.slice(0, teardown.name.lastIndexOf('.'));
  const v3 = v3EndpointDelete(teardown);
  // `Endpoint.get(name).delete()`: any endpoint, as a session's or a client's delete.
  if (v3 === 'got') return { any: true };
  if (v3 || receiver.endsWith('.deploy()')) return { own: receiver };
  return teardownMethods.has(lastName(teardown.name)) ? { any: true } : undefined;
}

/** Whether a call is a teardown: a delete method on anything, or `delete()` on an SDK v3 endpoint object. */
function isTeardown(call: PythonCall): boolean {
  return teardownMethods.has(lastName(call.name)) || v3EndpointDelete(call) !== undefined;
}

/** Methods that delete what a deploy returned when named on it: a predictor's, or an SDK v3 endpoint object's `delete`. */
const ownTeardownMethods = new Set([...teardownMethods, 'delete']);

/**
 * A delete method handed on without being called (`_try("endpoint", predictor.delete_endpoint)`,
 * `atexit.register(endpoint.delete)`): the name it is bound to and where, in code (not a comment or a string).
 */
function boundTeardowns(text: string): Array<{ name: string; at: number }> {
  const found: Array<{ name: string; at: number }> = [];
  for (const match of text.matchAll(/\b([A-Za-z_]\w*)[ \t]*\.[ \t]*(?:delete_endpoint|delete_predictor|delete)\b(?![ \t]*\()/g)) {
    const lineStart = lineStartAt(text, match.index);
    const lineEnd = text.indexOf('\n', match.index);
    if (isCodeAt(text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd), match.index - lineStart)) found.push({ name: match[1], at: match.index });
  }
  return found;
}

/**
 * sagemaker-core's teardown of everything: `obj.delete()` in a loop over the objects of `globals()`
 * (its examples' `delete_all_sagemaker_resources()`). Where the `delete` sits, its function or cell
 * reads `globals()`.
 */
function walksGlobals(text: string, functions: PythonFunctions, notebook: NotebookFact, call: { start: number }): boolean {
  const scope = functions.enclosingText(call.start) ?? (() => {
    const cell = notebook.cells.find((c) => c.start <= call.start && call.start <= c.end);
    return cell && text.slice(cell.start, cell.end);
  })();
  return !!scope && /\bglobals[ \t]*\([ \t]*\)/.test(scope);
}

/** The code that deletes this endpoint, when the notebook names what it needs. */
function teardownCode(text: string, deploy: PythonCall): string | undefined {
  const comment = '# Delete the endpoint when you are done with it: it bills for every hour it is up.';
  if (isSageMakerClientCall(deploy, 'create_endpoint')) {
    const name = getKeyword(deploy, 'EndpointName');
    const client = text.slice(deploy.callee.start, deploy.callee.end).replace(/\.create_endpoint$/, '');
    if (!name || name.spread || /[\n#]/.test(client)) return undefined;
    const expression = text.slice(name.value.start, name.value.end);
    if (/[\n#]/.test(expression)) return undefined;
    return `${comment}\n${client}.delete_endpoint(EndpointName=${expression})`;
  }
  const method = sessionMethod(deploy);
  if (method !== undefined) {
    // The endpoint's name: the session makes one up when the call gives none.
    const keyword = getKeyword(deploy, method === 'create_endpoint' ? 'endpoint_name' : 'name');
    const positional = method === 'create_endpoint' || method === 'endpoint_from_production_variants';
    const value = keyword ? (keyword.spread ? undefined : keyword.value) : positional ? deploy.positional[0] : undefined;
    const session = text.slice(deploy.callee.start, deploy.callee.end).replace(/\.\w+$/, '');
    if (!value || /[\n#]/.test(session)) return undefined;
    const expression = text.slice(value.start, value.end);
    if (/[\n#]/.test(expression)) return undefined;
    return `${comment}\n${session}.delete_endpoint(${expression})`;
  }
  // The SDK v3 ModelBuilder returns different objects across versions: no guess.
  if (deploy.name.includes('ModelBuilder')) return undefined;
  const target = resultName(text, deploy)?.name;
  // An SDK v3 endpoint object deletes itself; a predictor deletes its endpoint.
  if (target) return `${comment}\n${target}.${deploy.name.endsWith('.deploy') ? 'delete_endpoint' : 'delete'}()`;
  // No variable keeps the predictor: the endpoint's name, when the deploy gives it and the notebook imports the SDK by its name.
  const name = getKeyword(deploy, 'endpoint_name');
  if (!name || name.spread || !/^import[ \t]+sagemaker[ \t]*(?:#.*)?$/m.test(text)) return undefined;
  const expression = text.slice(name.value.start, name.value.end);
  if (/[\n#]/.test(expression) || isIPythonHistoryName(expression)) return undefined;
  return `${comment}\nsagemaker.Session().delete_endpoint(${expression})`;
}

/**
 * The functions of the notebook's own modules that delete an endpoint (`cleanup.delete_all`, by
 * qualified name): a top-level function whose body calls a delete method, on anything, as a call
 * the notebook makes itself would count. One level: a function that calls such a function is not one.
 * And their context-manager classes whose `__exit__` deletes one (`managed_endpoint.ManagedEndpoint`).
 */
function moduleTeardowns(modules: readonly NotebookModuleFact[]): { functions: Set<string>; classes: Map<string, ExitTeardown[]> } {
  const names = new Set<string>();
  const classes = new Map<string, ExitTeardown[]>();
  for (const module of modules) {
    const functions = new PythonFunctions(module.text);
    const add = (offset: number): void => {
      const fn = functions.topLevel(offset)?.name;
      if (fn) names.add(`${module.name}.${fn}`);
      else addExitTeardown(classes, functions, offset, `${module.name}.`);
    };
    for (const call of module.calls) if (isTeardown(call)) add(call.start);
    for (const call of module.unresolvedCalls) if (teardownMethods.has(call.method)) add(call.start);
  }
  return { functions: names, classes };
}

/** Keeps the class teardown a delete at `offset` makes (see {@link exitTeardown}), under the class's name after `prefix`. */
function addExitTeardown(classes: Map<string, ExitTeardown[]>, functions: PythonFunctions, offset: number, prefix = ''): void {
  const teardown = exitTeardown(functions, offset);
  if (!teardown) return;
  const key = `${prefix}${teardown.className}`;
  const kept = classes.get(key);
  if (kept) kept.push(teardown);
  else classes.set(key, [teardown]);
}

/** A call of a module's function by qualified name (`cleanup.delete_all`): what a function of the notebook's modules would be called as. */
const moduleFunctionName = /^[A-Za-z_]\w*\.[A-Za-z_]\w*$/;

/**
 * Visitors that hand every endpoint the notebook deploys to `visit`, once the whole notebook is read. `text` is the notebook's code.
 *
 * A deploy is torn down by a delete that runs after it (code in a function runs where the file calls
 * it, {@link PythonFunctions.lastRunAt}): a delete method on what the deploy returned or on a session or client; a
 * delete on a name the deploy was assigned to, called or handed on (`_try(label, ep.delete)`);
 * for sagemaker-core's `Endpoint.create(...)` kept in a top-level name, a loop that deletes the
 * objects of `globals()`; a call of a function of a module of the notebook's folder whose body deletes an endpoint;
 * a `with` block of a class (the notebook's or such a module's) whose `__exit__` deletes one, given the flags the delete needs.
 */
export function visitNotebookDeployments(text: string, visit: (record: NotebookDeploymentRecord) => void): Visitors {
  let imports = new Set<string>();
  let unresolved: UnresolvedCall[] = [];
  const deploys: PythonCall[] = [];
  const teardowns: PythonCall[] = [];
  const moduleCalls: PythonCall[] = [];
  const withCalls: PythonCall[] = [];
  return {
    pythonModule(module) {
      imports = new Set(module.imports);
      unresolved = module.unresolvedCalls;
    },
    pythonCall(call) {
      if (createsEndpoint(call)) {
        if (!isLocalOrServerless(text, call, imports)) deploys.push(call);
      } else if (isTeardown(call)) teardowns.push(call);
      else {
        if (moduleFunctionName.test(call.name)) moduleCalls.push(call);
        if (isWithItem(text, call)) withCalls.push(call);
      }
    },
    // Emitted after every call of the notebook: each deploy can now be judged against all that follows it.
    notebook(notebook) {
      // A method called on a name nothing in the notebook binds raises NameError: it deletes nothing.
      const unbound = unboundNames(text, notebook.magics ?? []);
      unresolved = unresolved.filter((u) => {
        const receiver = deleteMethods.has(u.method) ? plainReceiver(text, u) : undefined;
        return receiver === undefined || !unbound(receiver);
      });
      const stored = storedNames(notebook.magics ?? []);
      // Each delete is placed once, at the latest point where it runs (-1: never), and each deploy
      // compared with the latest of the deletes that apply to it: linear in the calls.
      const functions = new PythonFunctions(text);
      const latest = (offsets: Iterable<number>): number => {
        let last = -1;
        for (const offset of offsets) last = Math.max(last, functions.lastRunAt(offset));
        return last;
      };
      const laterOf = (latestByKey: Map<string, number>, key: string, offset: number): void => {
        latestByKey.set(key, Math.max(latestByKey.get(key) ?? -1, functions.lastRunAt(offset)));
      };
      let anyDelete = -1;
      const ownDelete = new Map<string, number>();
      for (const t of deploys.length ? teardowns : []) {
        const deleted = deletedBy(t);
        if (deleted && 'own' in deleted) laterOf(ownDelete, deleted.own, t.start);
        else if (deleted) anyDelete = Math.max(anyDelete, functions.lastRunAt(t.start));
      }
      const unresolvedDelete = deploys.length ? latest(unresolved.filter((u) => teardownMethods.has(u.method)).map((u) => u.start)) : -1;
      const named = deploys.some((d) => resultName(text, d));
      // Deletes on a plain name: called on an object the analysis cannot pick (`ep` bound to several endpoints), or handed on uncalled.
      const onName = new Map<string, number>();
      if (named) {
        for (const u of unresolved) {
          const receiver = ownTeardownMethods.has(u.method) ? plainReceiver(text, u) : undefined;
          if (receiver) laterOf(onName, receiver, u.start);
        }
        for (const t of boundTeardowns(text)) laterOf(onName, t.name, t.at);
      }
      const globalWalk = named ? latest(unresolved.filter((u) => u.method === 'delete' && walksGlobals(text, functions, notebook, u)).map((u) => u.start)) : -1;
      const helpers = notebook.modules ? moduleTeardowns(notebook.modules) : undefined;
      const helperCall = helpers?.functions.size ? latest(moduleCalls.filter((c) => helpers.functions.has(c.name)).map((c) => c.start)) : -1;
      // `with C(...):` of a class whose `__exit__` deletes an endpoint, the notebook's own or a module's, given the flags the delete needs.
      let exitingWith = -1;
      if (deploys.length) {
        const moduleClasses = helpers?.classes;
        if (moduleClasses?.size) exitingWith = latest(withCalls.filter((c) => moduleClasses.get(c.name)?.some((t) => setsFlags(t, callArgument(c)))).map((c) => c.start));
        // The notebook's own classes: the analysis reports no call of them, their with statements are read as written.
        const own = new Map<string, ExitTeardown[]>();
        for (const t of teardowns) addExitTeardown(own, functions, t.start);
        for (const u of unresolved) if (teardownMethods.has(u.method)) addExitTeardown(own, functions, u.start);
        for (const [name, exits] of own) {
          exitingWith = Math.max(exitingWith, latest(withStatementsOf(text, name).filter((w) => exits.some((t) => setsFlags(t, w.argument))).map((w) => w.start)));
        }
      }
      for (const deploy of deploys) {
        const target = resultName(text, deploy);
        const end = deploy.end;
        const tornDown =
          anyDelete > end ||
          (ownDelete.get(`${deploy.name}()`) ?? -1) > end ||
          unresolvedDelete > end ||
          helperCall > end ||
          exitingWith > end ||
          (!!target && (onName.get(target.name) ?? -1) > end) ||
          (!!target?.topLevel && isV3EndpointCreate(deploy) && globalWalk > end);
        const variant = endpointVariantsOf(deploy, text)[0];
        const instanceType = pyInstanceType(variant?.instanceType);
        const instanceCount = pyCount(variant?.instanceCount);
        const teardown = tornDown ? undefined : teardownCode(text, deploy);
        const handedOn = tornDown ? undefined : handedOnBy(text, deploy, stored);
        visit({
          kind: 'notebookDeployment',
          format: 'py',
          anchor: { start: deploy.callee.start, end: deploy.callee.end },
          tornDown,
          ...(instanceType ? { instanceType } : {}),
          ...(instanceCount ? { instanceCount } : {}),
          ...(teardown ? { teardown } : {}),
          ...(handedOn ? { handedOn } : {}),
          cell: cellIndexAt(notebook, deploy.start),
          appendAt: notebook.appendAt,
        });
      }
    },
  };
}
