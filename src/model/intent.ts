import type { LineIndex } from '../core/lineIndex';
import type { Edit } from '../core/types';
import { replaceString } from './edit/pythonEdits';
import type { ScalingSettings } from './edit/scalingEdits';
import { scalingTargetEdits } from './edit/scalingEdits';
import type { KnownField } from './field';
import { asyncDeployEdits, serverlessDeployEdits } from './edit/invocationEdits';
import { appendTeardownCell } from './edit/notebookEdits';
import type { EndpointRecord, NotebookDeploymentRecord } from './hostingRecords';
import type { EndpointVariantRecord } from './records';

/**
 * What a fix does, said of records rather than text: the edit module of the field's format
 * renders it. Rules build intents; they never write a format's syntax themselves.
 */
export type FixIntent =
  | { kind: 'set-field'; field: KnownField<string>; value: string }
  | { kind: 'set-number'; field: KnownField<number>; value: number }
  /** Add a record linked to another: an Application Auto Scaling target and policy for each named variant of an endpoint. */
  | { kind: 'add-linked-record'; link: 'scaling-policy'; to: EndpointRecord; variants: ReadonlyArray<{ name: string; count: number | undefined }>; settings: ScalingSettings }
  /** Serve the variant serverless (`memoryMb` of memory) in place of its instances. */
  | { kind: 'make-serverless'; variant: EndpointVariantRecord; memoryMb: number }
  /** Invoke the variant asynchronously (requests queue, results land in S3). */
  | { kind: 'make-async'; variant: EndpointVariantRecord }
  /** Delete an endpoint the notebook deploys, in a cell after every other. */
  | { kind: 'add-teardown'; deployment: NotebookDeploymentRecord };

/** The linted code, for intents whose edits depend on the text around them. */
export interface EditDocument {
  text: string;
  lines: LineIndex;
  /** A notebook's code cells (imports go into the right one). */
  blocks?: ReadonlyArray<{ start: number; end: number }>;
}

/** An intent's edits with what the renderer chose: text the user must replace, and a short account of the choice (where results go). */
export interface RenderedIntent {
  edits: Edit[];
  placeholders?: string[];
  detail?: string;
}

/** {@link renderIntent} with the renderer's choices, for fixes whose title or placeholders depend on them. */
export function renderIntentFix(intent: FixIntent, document?: EditDocument): RenderedIntent | undefined {
  if (intent.kind === 'make-serverless' || intent.kind === 'make-async') {
    const site = intent.variant.site;
    if (!document || !site || intent.variant.incomplete) return undefined;
    if (intent.kind === 'make-serverless') {
      const edits = serverlessDeployEdits(document, site, intent.memoryMb);
      return edits && { edits };
    }
    const rendered = asyncDeployEdits(document, site);
    return rendered && { edits: rendered.edits, placeholders: rendered.placeholders, detail: rendered.shown };
  }
  const edits = renderIntent(intent, document);
  return edits && { edits };
}

/** The edits of an intent in the file's syntax; undefined when that format cannot make it here (a value read through a name, a template). */
export function renderIntent(intent: FixIntent, document?: EditDocument): Edit[] | undefined {
  if (intent.kind === 'add-linked-record') return document && scalingTargetEdits(document, intent.to, intent.variants, intent.settings);
  if (intent.kind === 'add-teardown') return appendTeardownCell(intent.deployment);
  if (intent.kind === 'set-number') {
    const source = intent.field.source;
    if (source?.format !== 'literal') return undefined;
    if (!source.inside) return [{ start: source.start, end: source.end, text: String(intent.value) }];
    return document && [{ start: source.start, end: source.end, text: document.text.slice(source.start, source.end).replace(String(intent.field.value), String(intent.value)) }];
  }
  if (intent.kind !== 'set-field') return renderIntentFix(intent, document)?.edits;
  const source = intent.field.source;
  if (!source) return undefined;
  switch (source.format) {
    case 'py': {
      const edit = replaceString(source.value, intent.value, '"');
      return edit && [edit];
    }
    case 'literal':
      return [{ start: source.start, end: source.end, text: `${source.quote ?? ''}${intent.value}${source.quote ?? ''}` }];
  }
}
