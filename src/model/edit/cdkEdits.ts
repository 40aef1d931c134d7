import type { Edit } from '../../core/types';
import { lineEndAt, lineStartAt } from '../../core/lineIndex';
import type { CdkApp, CdkConstruct } from '../../parsers/cdk/model';
import { spell } from '../../parsers/cdk/model';
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

/**
 * How the file writes a CDK module (`aws_applicationautoscaling`): from the
 * names it already uses (`appscaling`, `cdk.aws_applicationautoscaling`), or
 * from a namespace import of it that no call uses yet. Undefined when the file
 * has neither.
 */
export function cdkModulePrefix(text: string, app: CdkApp, module: string): string | undefined {
  const spelled = spell(app, module);
  if (spelled) return spelled;
  const dashed = module.replace(/_/g, '-');
  const imported =
    app.language === 'typescript'
      ? new RegExp(`^import\\s+\\*\\s+as\\s+([A-Za-z_$][\\w$]*)\\s+from\\s+['"]aws-cdk-lib/${dashed}['"]`, 'm').exec(text)
      : new RegExp(`^(?:from\\s+aws_cdk\\s+import\\s+${module}\\s+as\\s+(\\w+)\\s*(?:#.*)?$|import\\s+aws_cdk\\.${module}\\s+as\\s+(\\w+)\\s*(?:#.*)?$)`, 'm').exec(text);
  return imported ? (imported[1] ?? imported[2]) : undefined;
}

/**
 * An edit adding a namespace import of a CDK module under `alias` on its own
 * line after the file's last top-level import (`import * as appscaling from
 * 'aws-cdk-lib/aws-applicationautoscaling';`, `from aws_cdk import
 * aws_applicationautoscaling as appscaling`). Undefined when it cannot be done
 * cleanly: the alias is already a name in the file, or there is no import to follow.
 */
export function addCdkModuleImport(text: string, language: CdkApp['language'], module: string, alias: string): Edit | undefined {
  if (new RegExp(`(?<![\\w$.])${alias.replace(/\$/g, '\\$')}(?![\\w$])`).test(text)) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // Statements that start a line: multi-line TypeScript imports end at their `from '…'`; Python ones must be single lines.
  const imports =
    language === 'typescript'
      ? /^import\b[^;'"]*?['"][^'"\n]*['"][ \t]*;?[ \t]*(?:\/\/[^\n]*?)?\r?$/gm
      : /^(?:from[ \t]+[\w.]+[ \t]+import[ \t]+[^\n(\\]+|import[ \t]+[^\n\\]+)$/gm;
  let end: number | undefined;
  for (const match of text.matchAll(imports)) end = match.index + match[0].replace(/\r$/, '').length;
  if (end === undefined) return undefined;
  const line =
    language === 'typescript' ? `import * as ${alias} from 'aws-cdk-lib/${module.replace(/_/g, '-')}';` : `from aws_cdk import ${module} as ${alias}`;
  return { start: end, end, text: `${eol}${line}` };
}

/**
 * Where code can follow the statement a construct is made in, and how it is
 * indented: the end of the construct's last line, when the construct is
 * assigned to a name at the start of its statement (`const endpoint = new …;`,
 * `this.endpoint = new …`, Python `endpoint = sagemaker.CfnEndpoint(…)`) and
 * nothing but `;` or a comment follows it on that line. Undefined otherwise.
 */
export function constructStatement(text: string, construct: CdkConstruct): { name: string; indent: string; end: number } | undefined {
  const lineStart = lineStartAt(text, construct.start);
  const head = text.slice(lineStart, construct.start);
  const assigned =
    construct.language === 'typescript'
      ? /^([ \t]*)(?:(?:const|let|var)[ \t]+([A-Za-z_$][\w$]*)(?:[ \t]*:[ \t]*[\w$.]+)?|(this\.[A-Za-z_$][\w$]*))[ \t]*=[ \t]*$/.exec(head)
      : /^([ \t]*)(?:([A-Za-z_]\w*)|(self\.[A-Za-z_]\w*))(?:[ \t]*:[ \t]*[\w.]+)?[ \t]*=[ \t]*$/.exec(head);
  if (!assigned) return undefined;
  const end = lineEndAt(text, construct.end);
  const rest = text.slice(construct.end, end);
  if (!(construct.language === 'typescript' ? /^[ \t]*;?[ \t]*(?:\/\/.*)?$/ : /^[ \t]*(?:#.*)?$/).test(rest)) return undefined;
  return { name: assigned[2] ?? assigned[3], indent: assigned[1], end };
}
