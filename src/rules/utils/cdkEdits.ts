import type { Edit } from '../../core/types';
import type { CdkConstruct } from '../../parsers/cdk/model';
import { insertItems as insertItemsApart, joinEdits } from './pythonEdits';

const insertItems: typeof insertItemsApart = (...args) => joinEdits(insertItemsApart(...args));

/**
 * A prop to add to a construct, written once per language: `retentionInDays: 30`
 * for TypeScript, `retention_in_days=30` for Python.
 */
export interface CdkPropText {
  typescript: string;
  python: string;
}

/**
 * The edits that add a prop to a construct in the file's own style: into the
 * TypeScript props object (one prop per line with the same indentation and
 * trailing-comma habit, or inline), as a new `{ … }` props argument when there
 * is none, or as a keyword argument of the Python call. Undefined when the
 * props are not an object literal written at the call (a variable, a spread).
 */
export function insertCdkProp(text: string, construct: CdkConstruct, prop: CdkPropText): Edit[] | undefined {
  if (construct.language === 'python') {
    const edits = insertItems(text, construct.arguments, [prop.python], '#');
    return edits.length ? edits : undefined;
  }
  const props = construct.props;
  if (!props) {
    const edits = insertItems(text, construct.arguments, [`{ ${prop.typescript} }`], '//');
    return edits.length ? edits : undefined;
  }
  if (props.kind !== 'object' || props.open || props.indirect || !props.container) return undefined;
  const container = props.container;
  if (!container.items.length) {
    if (text.slice(container.open + 1, container.close).trim()) return undefined;
    return [{ start: container.open + 1, end: container.close, text: ` ${prop.typescript} ` }];
  }
  const edits = insertItems(text, container, [prop.typescript], '//');
  return edits.length ? edits : undefined;
}

/** Where a finding on a construct sits: its id string, else its class as written. */
export function constructRange(construct: CdkConstruct): { start: number; end: number } {
  return construct.idSpan ?? construct.callee;
}

/** The name a message gives a construct: its id, else the id as written, else its class. */
export function constructName(construct: CdkConstruct): string {
  return construct.id ?? construct.idText ?? construct.type.split('.').pop() ?? construct.type;
}
