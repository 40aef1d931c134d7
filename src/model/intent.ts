import type { LineIndex } from '../core/lineIndex';
import type { Edit } from '../core/types';
import { replaceString } from './edit/pythonEdits';
import type { ScalingSettings } from './edit/scalingEdits';
import { scalingTargetEdits } from './edit/scalingEdits';
import type { KnownField } from './field';
import type { EndpointRecord } from './hostingRecords';

/**
 * What a fix does, said of records rather than text: the edit module of the field's format
 * renders it. Rules build intents; they never write a format's syntax themselves.
 */
export type FixIntent =
  | { kind: 'set-field'; field: KnownField<string>; value: string }
  /** Add a record linked to another: an Application Auto Scaling target and policy for each named variant of an endpoint. */
  | { kind: 'add-linked-record'; link: 'scaling-policy'; to: EndpointRecord; variants: ReadonlyArray<{ name: string; count: number | undefined }>; settings: ScalingSettings };

/** The linted code, for intents whose edits depend on the text around them. */
export interface EditDocument {
  text: string;
  lines: LineIndex;
}

/** The edits of an intent in the file's syntax; undefined when that format cannot make it here (a value read through a name, a template). */
export function renderIntent(intent: FixIntent, document?: EditDocument): Edit[] | undefined {
  if (intent.kind === 'add-linked-record') return document && scalingTargetEdits(document, intent.to, intent.variants, intent.settings);
  const source = intent.field.source;
  if (!source) return undefined;
  switch (source.format) {
    case 'py': {
      const edit = replaceString(source.value, intent.value, '"');
      return edit && [edit];
    }
  }
}
