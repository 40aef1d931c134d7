import type { PyNode as Node } from './mirror';

/**
 * How the Python analysis reads nodes: types, ends and text directly, fields through a memo by
 * node id when the nodes are web-tree-sitter's (every read a crossing into WebAssembly), directly
 * when they are JavaScript mirrors.
 */
export class NodeReader {
  /**
   * A node's field read through web-tree-sitter crosses into WebAssembly and builds a new Node
   * object: the analysis reads a call's callee and its parts when collecting, again when
   * resolving and again when listing unresolved calls, so fields are kept by node id for the
   * length of one analysis. (Types and ends are read directly: a map lookup per read cost as
   * much as the crossing it saved.)
   */
  private readonly fields = new Map<string, Map<number, Node | null>>();

  /** `mirrored`: the nodes are JavaScript mirrors, whose fields cost no crossing and need no memo. */
  constructor(
    protected readonly text: string,
    private readonly mirrored = false,
  ) {}

  protected typeOf(node: Node): string {
    return node.type;
  }

  protected typeOfOpt(node: Node | null | undefined): string | undefined {
    return node ? this.typeOf(node) : undefined;
  }

  protected isType(node: Node | null | undefined, type: string): node is Node {
    return !!node && this.typeOf(node) === type;
  }

  protected endOf(node: Node): number {
    return node.endIndex;
  }

  /** The node's source text (the analysed text is the parsed text, so no crossing for the characters). */
  protected textOf(node: Node): string {
    return this.text.slice(node.startIndex, this.endOf(node));
  }

  protected textOfOpt(node: Node | null | undefined): string | undefined {
    return node ? this.textOf(node) : undefined;
  }

  protected field(node: Node | null | undefined, name: string): Node | null {
    if (!node) return null;
    if (this.mirrored) return node.childForFieldName(name);
    let byNode = this.fields.get(name);
    if (!byNode) this.fields.set(name, (byNode = new Map()));
    let child = byNode.get(node.id);
    if (child === undefined) byNode.set(node.id, (child = node.childForFieldName(name)));
    return child;
  }

  /** Lets go of the memo once the analysis is over. */
  protected release(): void {
    this.fields.clear();
  }
}
