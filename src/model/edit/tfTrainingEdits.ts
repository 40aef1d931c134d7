import type { LineIndex } from '../../core/lineIndex';
import type { Edit, Fix } from '../../core/types';
import type { TfBlock, TfResource } from '../../parsers/terraform';
import { getAttribute, getBlocks } from '../../parsers/terraform';
import { defaultMaxRunSeconds, joinEdits } from './pythonEdits';
import type { TrainingIntent } from './trainingEdits';
import { insertTfAttribute, tfIndentUnit } from './tfEdits';

/**
 * The fix intents of training and tuning records written in Terraform, rendered as HCL: an
 * attribute set or added, a nested block added (`checkpoint_config`, `stopping_condition`). Names
 * are the provider's (hashicorp/terraform-provider-aws, `website/docs/r/sagemaker_training_job.html.markdown`
 * and `sagemaker_hyper_parameter_tuning_job.html.markdown`).
 */

/** Where a record is written: its resource, and the block holding its settings (the resource's, or a tuning job's training job definition). */
export interface TfTrainingSite {
  resource: TfResource;
  block: TfBlock;
}

export interface TfEditDocument {
  text: string;
  lines: LineIndex;
}

/** The one plain nested block of a type; undefined when absent, several or `dynamic` (then nothing is written into it). */
function plainBlock(block: TfBlock, type: string): TfBlock | undefined {
  const found = getBlocks(block, type);
  return found.length === 1 && found[0].type === type ? found[0] : undefined;
}

/**
 * The edit that adds a nested block (given as lines, without indentation) as the last item of a
 * block's body; undefined when the closing brace does not sit on a line of its own.
 */
function insertTfBlock(doc: TfEditDocument, block: TfBlock, body: readonly string[]): Edit | undefined {
  const { lines } = doc;
  const closeLine = lines.positionAt(block.closeBrace).line;
  if (closeLine === lines.positionAt(block.openBrace).line) return undefined;
  const at = lines.lineStart(closeLine);
  if (doc.text.slice(at, block.closeBrace).trim()) return undefined;
  const outer = lines.indentation(lines.positionAt(block.start).line);
  const unit = tfIndentUnit(lines, block);
  const eol = lines.eol;
  const text = body.map((line) => `${outer}${unit}${line.replace(/^\t+/, (tabs) => unit.repeat(tabs.length))}${eol}`).join('');
  return { start: at, end: at, text };
}

/** The maximum wait a spot job needs: twice its maximum run time (the service default run time when none is written). */
function maxWaitOf(doc: TfEditDocument, stopping: TfBlock | undefined): string | undefined {
  const run = stopping && getAttribute(stopping, 'max_runtime_in_seconds');
  if (!run) return String(2 * defaultMaxRunSeconds);
  const v = run.value;
  if (v.kind === 'literal' && typeof v.value === 'number') return String(2 * v.value);
  const expression = doc.text.slice(v.start, v.end);
  return /^[\w.]+$/.test(expression) ? `2 * ${expression}` : undefined;
}

/** The checkpoint location under the job's output path: a quoted string gets `/checkpoints` appended, a reference goes through `trimsuffix`. */
function checkpointUri(doc: TfEditDocument, block: TfBlock): { expression: string; shown: string } | undefined {
  const output = plainBlock(block, 'output_data_config');
  const path = output && getAttribute(output, 's3_output_path');
  if (!path) return undefined;
  const written = doc.text.slice(path.value.start, path.value.end);
  const quoted = /^"([^"\n\\]*(?:\$\{[^}\n"]*\}[^"\n\\]*)*)"$/.exec(written);
  if (quoted && /^(s3:\/\/|\$\{)/.test(quoted[1])) {
    const uri = `${quoted[1].replace(/\/+$/, '')}/checkpoints`;
    return { expression: `"${uri}"`, shown: uri };
  }
  if (path.value.kind === 'reference') return { expression: `"\${trimsuffix(${written}, "/")}/checkpoints"`, shown: `${written} + /checkpoints` };
  return undefined;
}

const checkpointBlock = (uri: string): string[] => ['checkpoint_config {', `\ts3_uri = ${uri}`, '}'];

function maxWaitEdit(doc: TfEditDocument, block: TfBlock, value: string): Edit | undefined {
  const stopping = plainBlock(block, 'stopping_condition');
  if (stopping) return insertTfAttribute(doc.text, doc.lines, stopping, 'max_wait_time_in_seconds', value);
  // A dynamic or repeated stopping_condition: nothing written into it.
  if (getBlocks(block, 'stopping_condition').length) return undefined;
  return insertTfBlock(doc, block, ['stopping_condition {', `\tmax_wait_time_in_seconds = ${value}`, '}']);
}

/** The fix of an intent in HCL; undefined when no edit can make it here. */
export function renderTfTrainingIntent(intent: TrainingIntent, site: TfTrainingSite, doc: TfEditDocument): Fix | undefined {
  const block = site.block;
  switch (intent.kind) {
    case 'set-field': {
      const source = intent.field.source;
      if (source?.format !== 'literal') return undefined;
      const text = typeof intent.value === 'string' ? `${source.quote}${intent.value}${source.quote}` : String(intent.value);
      return { title: intent.title, applicability: intent.applicability, edits: [{ start: source.start, end: source.end, text }] };
    }
    case 'add-early-stopping': {
      const config = plainBlock(block, 'config');
      if (!config) return undefined;
      return { title: intent.title, applicability: intent.applicability, edits: [insertTfAttribute(doc.text, doc.lines, config, 'training_job_early_stopping_type', `"${intent.value}"`)] };
    }
    case 'enable-spot': {
      const spot = getAttribute(block, 'enable_managed_spot_training');
      if (spot && spot.value.kind !== 'literal') return undefined;
      const stopping = plainBlock(block, 'stopping_condition');
      const waitWritten = !!stopping && !!getAttribute(stopping, 'max_wait_time_in_seconds');
      const wait = waitWritten ? undefined : maxWaitOf(doc, stopping);
      const checkpointWritten = getBlocks(block, 'checkpoint_config').length > 0;
      const checkpoint = checkpointWritten ? undefined : checkpointUri(doc, block);
      const edits = [
        spot ? { start: spot.value.start, end: spot.value.end, text: 'true' } : insertTfAttribute(doc.text, doc.lines, block, 'enable_managed_spot_training', 'true'),
        ...(waitWritten ? [] : [wait && maxWaitEdit(doc, block, wait)]),
        ...(checkpointWritten ? [] : [checkpoint && insertTfBlock(doc, block, checkpointBlock(checkpoint.expression))]),
      ];
      if (!edits.every((e): e is Edit => !!e)) return undefined;
      const parts = ['enable_managed_spot_training = true', ...(wait ? [`max_wait_time_in_seconds ${wait}`] : []), ...(checkpoint ? [`checkpoints in ${checkpoint.shown}`] : [])];
      return { title: `Enable managed spot training (${parts.join(', ')})`, applicability: 'unsafe', edits: joinEdits(edits) };
    }
    case 'add-checkpoint': {
      const checkpoint = checkpointUri(doc, block);
      const edit = checkpoint && insertTfBlock(doc, block, checkpointBlock(checkpoint.expression));
      return edit && { title: `Save checkpoints to ${checkpoint.shown}`, applicability: 'unsafe', edits: [edit] };
    }
    case 'add-max-wait': {
      const value = maxWaitOf(doc, plainBlock(block, 'stopping_condition'));
      const edit = value ? maxWaitEdit(doc, block, value) : undefined;
      return edit && { title: `Set stopping_condition.max_wait_time_in_seconds to ${value} (twice the maximum run time)`, applicability: 'safe', edits: [edit] };
    }
    case 'add-utilization-rule':
      // A rule configuration needs the rule evaluator's image URI for the region: not written for the user.
      return undefined;
  }
}
