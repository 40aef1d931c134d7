import type { LineIndex } from '../../core/lineIndex';
import type { Edit } from '../../core/types';
import type { CfnMap, CfnResource } from '../../parsers/cloudformation';
import { getEntry } from '../../parsers/cloudformation';

/** A property to add, written once per syntax. */
export interface PropertyText {
  key: string;
  /** The value as YAML (a scalar such as `30`). */
  yaml: string;
  /** The value as JSON (`30`). */
  json: string;
}

/**
 * The edit that adds a property under the resource's `Properties`, creating
 * `Properties` when it is missing. Follows the file's own layout: indentation
 * unit, line breaks, block or flow style. Returns undefined when `Properties`
 * is something we cannot edit safely (an intrinsic such as `!If`).
 */
export function insertCfnProperty(text: string, lines: LineIndex, resource: CfnResource, property: PropertyText): Edit | undefined {
  const properties = getEntry(resource.node, 'Properties');
  return resource.template.syntax === 'yaml' ? insertYaml(text, lines, resource, properties, property) : insertJson(text, lines, resource, properties, property);
}

function insertYaml(text: string, lines: LineIndex, resource: CfnResource, properties: ReturnType<typeof getEntry>, property: PropertyText): Edit | undefined {
  const line = `${property.key}: ${property.yaml}`;
  const eol = lines.eol;
  const unit = indentUnit(lines, resource);
  if (!properties) {
    if (resource.node.flow) return insertIntoFlowMap(text, resource.node, `Properties: { ${line} }`);
    const last = resource.node.entries[resource.node.entries.length - 1];
    const entryIndent = columnIndent(lines, last.keyStart);
    const at = lines.lineEnd(endLineOf(lines, text, last.value.end));
    return { start: at, end: at, text: `${eol}${entryIndent}Properties:${eol}${entryIndent}${unit}${line}` };
  }
  const value = properties.value;
  if (value.kind === 'scalar' && value.value === null) {
    const at = lines.lineEnd(lines.positionAt(properties.keyEnd).line);
    const indent = columnIndent(lines, properties.keyStart) + unit;
    return { start: at, end: at, text: `${eol}${indent}${line}` };
  }
  if (value.kind !== 'map' || value.intrinsic) return undefined;
  if (value.flow) return insertIntoFlowMap(text, value, line);
  const first = value.entries[0];
  if (!first) return undefined;
  const firstLine = lines.positionAt(first.keyStart).line;
  const at = lines.lineStart(firstLine);
  return { start: at, end: at, text: `${columnIndent(lines, first.keyStart)}${line}${eol}` };
}

function insertJson(text: string, lines: LineIndex, resource: CfnResource, properties: ReturnType<typeof getEntry>, property: PropertyText): Edit | undefined {
  const pair = `"${property.key}": ${property.json}`;
  const eol = lines.eol;
  const unit = indentUnit(lines, resource);
  if (!properties) {
    const type = getEntry(resource.node, 'Type');
    const anchor = type ?? resource.node.entries[resource.node.entries.length - 1];
    if (!anchor) return insertIntoFlowMap(text, resource.node, `"Properties": { ${pair} }`);
    const indent = columnIndent(lines, anchor.keyStart);
    const at = anchor.value.end;
    return { start: at, end: at, text: `,${eol}${indent}"Properties": {${eol}${indent}${unit}${pair}${eol}${indent}}` };
  }
  const value = properties.value;
  if (value.kind !== 'map' || value.intrinsic) return undefined;
  const first = value.entries[0];
  if (!first) return { start: value.start, end: value.end, text: `{ ${pair} }` };
  const sameLine = lines.positionAt(first.keyStart).line === lines.positionAt(value.start).line;
  if (sameLine) return { start: first.keyStart, end: first.keyStart, text: `${pair}, ` };
  return { start: first.keyStart, end: first.keyStart, text: `${pair},${eol}${columnIndent(lines, first.keyStart)}` };
}

/** Inserts `entry` as the first item of a flow map: `{ entry, … }` or `{ entry }`. */
function insertIntoFlowMap(text: string, map: CfnMap, entry: string): Edit | undefined {
  const open = text.indexOf('{', map.start);
  if (open === -1 || open >= map.end) return undefined;
  const at = open + 1;
  return { start: at, end: at, text: map.entries.length ? ` ${entry},` : ` ${entry} ` };
}

/** Whitespace as wide as the column of an offset, reusing the line's own indentation characters. */
function columnIndent(lines: LineIndex, offset: number): string {
  const { line, character } = lines.positionAt(offset);
  const lead = lines.indentation(line);
  return lead.length >= character ? lead.slice(0, character) : lead + ' '.repeat(character - lead.length);
}

/** The file's indentation step, read from the resource (logical ID → its keys), 2 by default. */
function indentUnit(lines: LineIndex, resource: CfnResource): string {
  const first = resource.node.entries[0];
  if (first && lines.positionAt(first.keyStart).line !== lines.positionAt(resource.keyStart).line) {
    const outer = lines.positionAt(resource.keyStart).character;
    const inner = lines.positionAt(first.keyStart).character;
    if (inner > outer) return lines.indentation(lines.positionAt(first.keyStart).line).slice(outer, inner) || ' '.repeat(inner - outer);
  }
  return '  ';
}

/**
 * The 0-based line on which a value really ends. YAML block values end after
 * their trailing line break, so step back over trailing whitespace first.
 */
function endLineOf(lines: LineIndex, text: string, end: number): number {
  let at = end;
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  return lines.positionAt(at).line;
}
