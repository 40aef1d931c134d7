import type { Edit } from '../../core/types';
import type { PyKeyword, PythonCall } from '../../parsers/python/facts';
import { getKeyword } from '../../parsers/python/facts';
import { insertItems, maxWaitFor, quoteOf, replaceLiteral, s3LocationUnder } from './pythonEdits';
import { addFromImport } from './pythonImports';

/**
 * Quick-fix edits for SDK v3 `ModelTrainer(...)` calls, whose training settings
 * are config objects (`compute=Compute(...)`, `stopping_condition=StoppingCondition(...)`,
 * `checkpoint_config=CheckpointConfig(...)`) rather than keywords of the call.
 */

/**
 * Where the config classes are imported from when the file imports none of
 * them: the module AWS's SDK v3 documentation and examples use (newer releases
 * also export them from `sagemaker.core.training.configs`).
 */
const defaultConfigsModule = 'sagemaker.train.configs';

/** SageMaker's default maximum run time (one day), written out when a new `StoppingCondition` is added. */
const defaultMaxRuntimeSeconds = 24 * 60 * 60;

type ConfigClass = 'Compute' | 'StoppingCondition' | 'CheckpointConfig';

/** The config-object argument of a `ModelTrainer` call, when it is a call of that class written in this file. */
function configCall(call: PythonCall, keyword: string, cls: string): { keyword: PyKeyword; call: PythonCall } | undefined {
  const found = getKeyword(call, keyword);
  if (!found || found.spread || found.value.kind !== 'call') return undefined;
  const inner = found.value.call;
  return inner.name.split('.').pop() === cls && inner.name.startsWith('sagemaker.') && !inner.open ? { keyword: found, call: inner } : undefined;
}

/**
 * The module the file's config classes come from (that of its `Compute`, or of
 * another config class it imports), so that an added import matches the file.
 */
function configsModule(imports: readonly string[]): string {
  for (const cls of ['Compute', 'StoppingCondition', 'CheckpointConfig', 'SourceCode', 'InputData', 'OutputDataConfig']) {
    const found = imports.find((name) => name.startsWith('sagemaker.') && name.endsWith(`.${cls}`) && /\.configs\.[A-Za-z]+$/.test(name));
    if (found) return found.slice(0, -cls.length - 1);
  }
  return defaultConfigsModule;
}

/**
 * The import line for config classes the new code names: null when the file
 * already imports them from the SageMaker SDK, undefined when it cannot be added
 * cleanly or the name is bound to something else.
 */
function importFor(text: string, imports: readonly string[], classes: readonly ConfigClass[], before: number, blocks: ModelTrainerFixParts['blocks']): Edit | null | undefined {
  const missing: ConfigClass[] = [];
  for (const cls of classes) {
    const bound = imports.filter((name) => name === cls || name.endsWith(`.${cls}`));
    if (bound.some((name) => !name.startsWith('sagemaker.'))) return undefined;
    if (!bound.length) missing.push(cls);
  }
  if (!missing.length) return null;
  return addFromImport(text, configsModule(imports), missing, before, blocks);
}

/** The quote character of the call's string literals, or of the config objects written in it. */
function quoteIn(call: PythonCall): string {
  const calls = [call, ...call.keywords.flatMap((k) => (k.value.kind === 'call' && !k.spread ? [k.value.call] : []))];
  for (const c of calls) if (c.keywords.some((k) => !k.spread && !k.value.indirect && k.value.kind === 'string' && k.value.quote)) return quoteOf(c);
  return quoteOf(call);
}

export interface ModelTrainerFixParts {
  /** Turn `enable_managed_spot_training` on in `Compute(...)`. */
  spot?: boolean;
  /** Add `max_wait_time_in_seconds` (in the `StoppingCondition`, or with a new one). */
  maxWait?: boolean;
  /** Add `checkpoint_config=CheckpointConfig(s3_uri=...)`. */
  checkpoint?: boolean;
  /** A variable holding the session's default bucket, for the checkpoint location when the trainer names no output path. */
  bucket?: string;
  /** The notebook's cells (`RuleContext.blocks`), for where an added import goes. */
  blocks?: ReadonlyArray<{ start: number; end: number }>;
}

export interface ModelTrainerFix {
  edits: Edit[];
  /** What the edits set, for the fix title. */
  settings: string[];
  /** Placeholders in the edits the user must replace (see `Fix.placeholders`). */
  placeholders: string[];
}

/**
 * Edits that set up managed spot training on a `ModelTrainer` call, in SDK v3
 * idiom, keeping the call's quotes, indentation and trailing commas, and adding
 * the config classes' import. Undefined when one of the asked parts cannot be
 * written (no `Compute(...)` literal to turn spot on in, a stopping condition
 * or checkpoint config that is not a literal call, an import in the way).
 */
export function modelTrainerSpotFix(text: string, imports: readonly string[], call: PythonCall, parts: ModelTrainerFixParts): ModelTrainerFix | undefined {
  const quote = quoteIn(call);
  const edits: Edit[] = [];
  const settings: string[] = [];
  const added: string[] = [];
  const classes: ConfigClass[] = [];
  const placeholders: string[] = [];

  if (parts.spot) {
    const compute = configCall(call, 'compute', 'Compute');
    if (!compute) return undefined;
    const flag = getKeyword(compute.call, 'enable_managed_spot_training');
    if (flag) {
      const edit = replaceLiteral(flag, 'True');
      if (!edit) return undefined;
      edits.push(edit);
    } else {
      const inserted = insertItems(text, compute.call.arguments, ['enable_managed_spot_training=True']);
      if (!inserted.length) return undefined;
      edits.push(...inserted);
    }
    settings.push('Compute(enable_managed_spot_training=True)');
  }

  if (parts.maxWait) {
    const stopping = getKeyword(call, 'stopping_condition');
    if (stopping) {
      const literal = configCall(call, 'stopping_condition', 'StoppingCondition');
      if (!literal) return undefined;
      const maxRun = getKeyword(literal.call, 'max_runtime_in_seconds');
      const wait = maxWaitFor(text, maxRun && { value: maxRun.value, spread: maxRun.spread });
      if (wait === undefined) return undefined;
      const inserted = insertItems(text, literal.call.arguments, [`max_wait_time_in_seconds=${wait}`]);
      if (!inserted.length) return undefined;
      edits.push(...inserted);
      settings.push(`max_wait_time_in_seconds=${wait}`);
    } else {
      const wait = 2 * defaultMaxRuntimeSeconds;
      added.push(`stopping_condition=StoppingCondition(max_runtime_in_seconds=${defaultMaxRuntimeSeconds}, max_wait_time_in_seconds=${wait})`);
      classes.push('StoppingCondition');
      settings.push(`StoppingCondition(max_runtime_in_seconds=${defaultMaxRuntimeSeconds}, max_wait_time_in_seconds=${wait})`);
    }
  }

  if (parts.checkpoint) {
    if (getKeyword(call, 'checkpoint_config')) return undefined;
    const output = configCall(call, 'output_data_config', 'OutputDataConfig');
    const location = s3LocationUnder(text, output && getKeyword(output.call, 's3_output_path'), parts.bucket, 'checkpoints', quote);
    added.push(`checkpoint_config=CheckpointConfig(s3_uri=${location.expression})`);
    classes.push('CheckpointConfig');
    settings.push(`CheckpointConfig(s3_uri=${location.expression})`);
    placeholders.push(...location.placeholders);
  }

  if (classes.length) {
    const importEdit = importFor(text, imports, classes, call.start, parts.blocks);
    if (importEdit === undefined) return undefined;
    if (importEdit) edits.push(importEdit);
  }
  const inserted = insertItems(text, call.arguments, added);
  if (added.length && !inserted.length) return undefined;
  return { edits: [...edits, ...inserted], settings, placeholders };
}
