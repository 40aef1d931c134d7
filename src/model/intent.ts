import type { Edit } from '../core/types';
import { replaceString } from './edit/pythonEdits';
import type { KnownField } from './field';

/**
 * What a fix does, said of records rather than text: the edit module of the field's format
 * renders it. Rules build intents; they never write a format's syntax themselves.
 */
export type FixIntent = { kind: 'set-field'; field: KnownField<string>; value: string };

/** The edits of an intent in the file's syntax; undefined when that format cannot make it here (a value read through a name, a template). */
export function renderIntent(intent: FixIntent): Edit[] | undefined {
  const source = intent.field.source;
  if (!source) return undefined;
  switch (source.format) {
    case 'py': {
      const edit = replaceString(source.value, intent.value, '"');
      return edit && [edit];
    }
    case 'literal':
      return [{ start: source.start, end: source.end, text: `${source.quote}${intent.value}${source.quote}` }];
  }
}
