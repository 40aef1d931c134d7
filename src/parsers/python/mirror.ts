import type { Tree, TreeCursor } from 'web-tree-sitter';
import { lineStartAt } from '../../core/lineIndex';

/**
 * The part of a syntax node the Python analysis reads. A web-tree-sitter `Node` has it (every
 * read crossing into WebAssembly); so has a {@link MirrorNode}, a plain JavaScript copy.
 */
export interface PyNode {
  readonly id: number;
  readonly type: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly hasError: boolean;
  readonly text: string;
  readonly namedChildren: readonly PyNode[];
  childForFieldName(name: string): PyNode | null;
}

/** The node types the analysis looks at (scopes and ERROR nodes included), in the order it needs them. */
export const analysedTypes = [
  'call', 'import_statement', 'import_from_statement', 'assignment', 'augmented_assignment', 'for_statement', 'for_in_clause',
  'as_pattern', 'named_expression', 'delete_statement', 'global_statement', 'nonlocal_statement',
  'function_definition', 'lambda', 'class_definition', 'ERROR',
  'if_statement', 'elif_clause', 'else_clause', 'while_statement', 'try_statement', 'except_clause', 'finally_clause',
  'match_statement', 'case_clause', 'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression', 'return_statement',
];
const analysed = new Set(analysedTypes);

/** Where a lowered statement sits in the current text: its nodes keep offsets relative to `base`. */
interface Placement {
  base: number;
  /** The statement's own source text. */
  text: string;
}

let nextId = 1;

const interned = new Map<string, string>();

/**
 * The grammar's name for a node type or field as an internalized string, like the literals the
 * analysis compares it with: equal strings are then one object, and every `type === 'call'` of
 * the analysis is a pointer comparison instead of a character one (web-tree-sitter decodes its
 * names from WebAssembly memory once, as ordinary heap strings).
 */
function intern(name: string): string {
  let known = interned.get(name);
  if (known === undefined) {
    // A property key is internalized; the key read back is that string.
    known = Object.keys({ [name]: 0 })[0];
    interned.set(name, known);
  }
  return known;
}

/** A syntax node copied out of WebAssembly once: reading it afterwards costs no crossing. */
export class MirrorNode implements PyNode {
  readonly id = nextId++;
  namedChildren: MirrorNode[] = [];
  // The first child of the fields the analysis reads most, each in a slot of its own: a read is
  // one load from the node, where a scan of a list of pairs cost a load of the list and of its
  // names (most reads then missed the processor's caches: the mirrors of a file are old objects).
  function: MirrorNode | null = null;
  arguments: MirrorNode | null = null;
  object: MirrorNode | null = null;
  attribute: MirrorNode | null = null;
  left: MirrorNode | null = null;
  right: MirrorNode | null = null;
  operator: MirrorNode | null = null;
  name: MirrorNode | null = null;
  value: MirrorNode | null = null;
  key: MirrorNode | null = null;
  parameters: MirrorNode | null = null;
  /** The first child of each other field: name, child, name, child… */
  fields: Array<string | MirrorNode> | undefined;
  hasError = false;

  constructor(
    readonly type: string,
    private readonly from: number,
    private readonly to: number,
    private readonly placement: Placement,
  ) {}

  get startIndex(): number {
    return this.placement.base + this.from;
  }

  get endIndex(): number {
    return this.placement.base + this.to;
  }

  get text(): string {
    return this.placement.text.slice(this.from, this.to);
  }

  childForFieldName(name: string): MirrorNode | null {
    switch (name) {
      case 'function':
        return this.function;
      case 'arguments':
        return this.arguments;
      case 'object':
        return this.object;
      case 'attribute':
        return this.attribute;
      case 'left':
        return this.left;
      case 'right':
        return this.right;
      case 'operator':
        return this.operator;
      case 'name':
        return this.name;
      case 'value':
        return this.value;
      case 'key':
        return this.key;
      case 'parameters':
        return this.parameters;
    }
    const fields = this.fields;
    if (fields) for (let i = 0; i < fields.length; i += 2) if (fields[i] === name) return fields[i + 1] as MirrorNode;
    return null;
  }

  /** Sets the field's child unless the field already has one (the first child of a field is its child). */
  setField(name: string, child: MirrorNode): void {
    switch (name) {
      case 'function':
        this.function ??= child;
        return;
      case 'arguments':
        this.arguments ??= child;
        return;
      case 'object':
        this.object ??= child;
        return;
      case 'attribute':
        this.attribute ??= child;
        return;
      case 'left':
        this.left ??= child;
        return;
      case 'right':
        this.right ??= child;
        return;
      case 'operator':
        this.operator ??= child;
        return;
      case 'name':
        this.name ??= child;
        return;
      case 'value':
        this.value ??= child;
        return;
      case 'key':
        this.key ??= child;
        return;
      case 'parameters':
        this.parameters ??= child;
        return;
    }
    const fields = (this.fields ??= []);
    for (let i = 0; i < fields.length; i += 2) if (fields[i] === name) return;
    fields.push(name, child);
  }
}

/** One top-level statement (or comment, or ERROR) lowered to mirrors. */
export interface LoweredStatement {
  placement: Placement;
  root: MirrorNode;
  /** The nodes of {@link analysedTypes} in it, in document order, outer before inner. */
  analysed: MirrorNode[];
}

/**
 * Lowered statements of one file, by column and text, each text's occurrences in file order
 * (a statement written twice, `df.head()` say, has two copies placed apart): what an edit
 * leaves unchanged is not lowered again.
 */
export type StatementCache = Map<string, LoweredStatement[]>;

/**
 * The tree's top-level statements as mirrors, reusing from `cache` those whose text (and column)
 * are unchanged; returns the statements in order and the cache for the next parse (only the
 * statements of this parse, so it stays the size of the file). A statement with a syntax error
 * in it is lowered every time and never cached: how the parser recovered may depend on more
 * than its own text.
 */
export function lowerTree(tree: Tree, text: string, cache: StatementCache | undefined): { statements: LoweredStatement[]; cache: StatementCache } {
  const next: StatementCache = new Map();
  const statements: LoweredStatement[] = [];
  const cursor = tree.walk();
  try {
    if (cursor.nodeType !== 'module') {
      // Text that is no Python at all comes back as one ERROR root: lowered whole.
      statements.push(lowerStatement(cursor, 0, text));
      return { statements, cache: next };
    }
    if (!cursor.gotoFirstChild()) return { statements, cache: next };
    do {
      const start = cursor.startIndex;
      const own = text.slice(start, cursor.endIndex);
      const key = `${start - lineStartAt(text, start)}:${own}`;
      const seen = next.get(key);
      let statement = cache?.get(key)?.[seen?.length ?? 0];
      if (statement) statement.placement.base = start;
      else {
        statement = lowerStatement(cursor, start, own);
        if (statement.root.hasError) {
          statements.push(statement);
          continue;
        }
      }
      if (seen) seen.push(statement);
      else next.set(key, [statement]);
      statements.push(statement);
    } while (cursor.gotoNextSibling());
  } finally {
    cursor.delete();
  }
  return { statements, cache: next };
}

function lowerStatement(cursor: TreeCursor, start: number, text: string): LoweredStatement {
  // An own copy of the text: a slice would keep this whole version of the file alive for as
  // long as the statement stays cached, one old version per statement after many edits.
  const placement: Placement = { base: start, text: JSON.parse(JSON.stringify(text)) as string };
  const analysedNodes: MirrorNode[] = [];
  return { placement, root: lower(cursor, placement, start, analysedNodes), analysed: analysedNodes };
}

/**
 * Copies the cursor's node and its descendants; the cursor ends where it started. Iterative, with
 * a stack of its own: nesting thousands of levels deep (`f(f(f(…)))`) is as linear as any other
 * tree, where a recursive copy would run out of call stack.
 */
function lower(cursor: TreeCursor, placement: Placement, base: number, analysedNodes: MirrorNode[]): MirrorNode {
  const root = open(cursor, placement, base, analysedNodes);
  // The nodes whose children the cursor is among, innermost last.
  const parents: MirrorNode[] = [root];
  if (!cursor.gotoFirstChild()) return root;
  for (;;) {
    const parent = parents[parents.length - 1];
    const fieldName = cursor.currentFieldName;
    const field = fieldName && intern(fieldName);
    if (cursor.nodeIsNamed) {
      const child = open(cursor, placement, base, analysedNodes);
      parent.namedChildren.push(child);
      if (field) parent.setField(field, child);
      if (cursor.gotoFirstChild()) {
        parents.push(child);
        continue;
      }
      if (child.hasError) parent.hasError = true;
    } else {
      // Anonymous nodes are tokens: kept only when a field names them (an operator, say).
      if (cursor.nodeIsMissing || cursor.nodeType === 'ERROR') parent.hasError = true;
      if (field && !parent.childForFieldName(field)) parent.setField(field, new MirrorNode(intern(cursor.nodeType), cursor.startIndex - base, cursor.endIndex - base, placement));
    }
    // On to the next sibling; after a last child, back up (each finished node telling its parent of an error).
    while (!cursor.gotoNextSibling()) {
      const done = parents.pop() as MirrorNode;
      cursor.gotoParent();
      if (!parents.length) return root;
      if (done.hasError) parents[parents.length - 1].hasError = true;
    }
  }
}

/** A mirror of the cursor's node, without its children yet. */
function open(cursor: TreeCursor, placement: Placement, base: number, analysedNodes: MirrorNode[]): MirrorNode {
  const type = intern(cursor.nodeType);
  const node = new MirrorNode(type, cursor.startIndex - base, cursor.endIndex - base, placement);
  if (analysed.has(type)) analysedNodes.push(node);
  node.hasError = type === 'ERROR' || cursor.nodeIsMissing;
  return node;
}
