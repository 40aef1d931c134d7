import type { LineIndex } from '../../core/lineIndex';
import type { Edit } from '../../core/types';
import type { TfBlock } from '../../parsers/terraform';

/** The range a resource-level finding sits on: the `resource "type" "name" {` header. */
export function headerRange(block: TfBlock): { start: number; end: number } {
  return { start: block.start, end: block.openBrace + 1 };
}

/** The file's indentation step, read from the block's first nested line, two spaces by default. */
export function tfIndentUnit(lines: LineIndex, block: TfBlock): string {
  const first = [...block.attributes.map((a) => a.start), ...block.blocks.map((b) => b.start)].sort((a, b) => a - b)[0];
  const outer = lines.indentation(lines.positionAt(block.start).line);
  if (first !== undefined) {
    const inner = lines.indentation(lines.positionAt(first).line);
    if (inner.length > outer.length && inner.startsWith(outer)) return inner.slice(outer.length);
  }
  return '  ';
}

/**
 * The edit that adds `name = value` as the first line of a block's body, with
 * the indentation of the block's own lines (a block written on one line is
 * opened onto several).
 */
export function insertTfAttribute(text: string, lines: LineIndex, block: TfBlock, name: string, value: string): Edit {
  const eol = lines.eol;
  const outer = lines.indentation(lines.positionAt(block.start).line);
  const inner = outer + tfIndentUnit(lines, block);
  const openLine = lines.positionAt(block.openBrace).line;
  if (openLine === lines.positionAt(block.closeBrace).line) {
    const body = text.slice(block.openBrace + 1, block.closeBrace).trim();
    return {
      start: block.openBrace + 1,
      end: block.closeBrace,
      text: `${eol}${inner}${name} = ${value}${eol}${body ? `${inner}${body}${eol}` : ''}${outer}`,
    };
  }
  const at = lines.lineStart(openLine + 1);
  return { start: at, end: at, text: `${inner}${name} = ${value}${eol}` };
}

/** The edit that adds blocks (given as lines, without indentation) after a top-level block, separated by a blank line. */
export function appendTfBlocks(lines: LineIndex, after: TfBlock, body: readonly string[], unit: string): Edit {
  const eol = lines.eol;
  const text = body.map((line) => line.replace(/^\t+/, (tabs) => unit.repeat(tabs.length))).join(eol);
  return { start: after.end, end: after.end, text: `${eol}${eol}${text}` };
}
