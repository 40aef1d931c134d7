import type { LineIndex } from '../../core/lineIndex';
import type { Edit } from '../../core/types';
import type { CfnEntry, CfnMap, CfnResource, CfnTemplate } from '../../parsers/cloudformation';
import { getEntry, getMapValue } from '../../parsers/cloudformation';
import type { CfnSnippet, Layout } from './cfnSnippet';
import { jsonValue, yamlBlockEntry, yamlFlowEntry } from './cfnSnippet';

/**
 * A property to add: either written once per syntax as one-line scalars
 * (`{ key, yaml: '30', json: '30' }`), or as a structured {@link CfnSnippet}
 * rendered in the file's own style (`{ key, value: { Rules: [...] } }`).
 */
export type PropertyText = { key: string; yaml: string; json: string } | { key: string; value: CfnSnippet };

/** How one property is written in each syntax, at a given place. */
interface Rendered {
  yamlBlock(indent: string): string[];
  yamlFlow(): string;
  json(indent: string, compact: boolean): string;
}

function render(property: PropertyText, layout: Layout): Rendered {
  if ('value' in property) {
    const { key, value } = property;
    return {
      yamlBlock: (indent) => yamlBlockEntry(key, value, indent, layout),
      yamlFlow: () => yamlFlowEntry(key, value),
      json: (indent, compact) => `${JSON.stringify(key)}: ${jsonValue(value, indent, layout, compact)}`,
    };
  }
  return {
    yamlBlock: (indent) => [`${indent}${property.key}: ${property.yaml}`],
    yamlFlow: () => `${property.key}: ${property.yaml}`,
    json: () => `"${property.key}": ${property.json}`,
  };
}

/**
 * The edit that adds a property under the resource's `Properties`, creating
 * `Properties` when it is missing. Follows the file's own layout: indentation
 * unit, line breaks, block or flow style. Returns undefined when `Properties`
 * is something we cannot edit safely (an intrinsic such as `!If`).
 */
export function insertCfnProperty(text: string, lines: LineIndex, resource: CfnResource, property: PropertyText): Edit | undefined {
  const properties = getEntry(resource.node, 'Properties');
  const layout = { eol: lines.eol, unit: indentUnit(lines, resource) };
  const rendered = render(property, layout);
  return resource.template.syntax === 'yaml' ? insertYaml(text, lines, resource, properties, rendered, layout) : insertJson(text, lines, resource, properties, rendered, layout);
}

/**
 * The edit that adds a property to a map nested anywhere in a resource (the
 * value of `entry`), or undefined when that value is not a plain map.
 */
export function insertCfnMapProperty(text: string, lines: LineIndex, resource: CfnResource, entry: CfnEntry, property: PropertyText): Edit | undefined {
  const layout = { eol: lines.eol, unit: indentUnit(lines, resource) };
  const rendered = render(property, layout);
  return resource.template.syntax === 'yaml' ? insertIntoYamlEntry(text, lines, entry, rendered, layout) : insertIntoJsonEntry(lines, entry, rendered, layout);
}

/**
 * The edit that appends resources at the end of the template's `Resources`,
 * keys aligned with the existing logical IDs. Undefined when `Resources` is
 * empty or written in YAML flow style.
 */
export function appendCfnResources(text: string, lines: LineIndex, template: CfnTemplate, resources: ReadonlyArray<{ logicalId: string; value: CfnSnippet }>): Edit | undefined {
  const section = getMapValue(getEntry(template.root, 'Resources')?.value);
  const last = section?.entries[section.entries.length - 1];
  const first = template.resources[0];
  if (!section || !last || !first) return undefined;
  const layout = { eol: lines.eol, unit: indentUnit(lines, first) };
  const indent = columnIndent(lines, last.keyStart);
  if (template.syntax === 'yaml') {
    if (section.flow) return undefined;
    const at = lines.lineEnd(endLineOf(lines, text, last.value.end));
    const body: string[] = [];
    for (const r of resources) yamlBlockEntry(r.logicalId, r.value, indent, layout, body);
    return { start: at, end: at, text: layout.eol + body.join(layout.eol) };
  }
  const at = last.value.end;
  const body = resources.map((r) => `,${layout.eol}${indent}${JSON.stringify(r.logicalId)}: ${jsonValue(r.value, indent, layout, false)}`);
  return { start: at, end: at, text: body.join('') };
}

function insertYaml(text: string, lines: LineIndex, resource: CfnResource, properties: CfnEntry | undefined, rendered: Rendered, layout: Layout): Edit | undefined {
  const eol = layout.eol;
  if (!properties) {
    if (resource.node.flow) return insertIntoFlowMap(text, resource.node, `Properties: { ${rendered.yamlFlow()} }`);
    const last = resource.node.entries[resource.node.entries.length - 1];
    const entryIndent = columnIndent(lines, last.keyStart);
    const at = lines.lineEnd(endLineOf(lines, text, last.value.end));
    return { start: at, end: at, text: `${eol}${entryIndent}Properties:${eol}${rendered.yamlBlock(entryIndent + layout.unit).join(eol)}` };
  }
  return insertIntoYamlEntry(text, lines, properties, rendered, layout);
}

function insertIntoYamlEntry(text: string, lines: LineIndex, entry: CfnEntry, rendered: Rendered, layout: Layout): Edit | undefined {
  const eol = layout.eol;
  const value = entry.value;
  if (value.kind === 'scalar' && value.value === null) {
    const at = lines.lineEnd(lines.positionAt(entry.keyEnd).line);
    const indent = columnIndent(lines, entry.keyStart) + layout.unit;
    return { start: at, end: at, text: `${eol}${rendered.yamlBlock(indent).join(eol)}` };
  }
  if (value.kind !== 'map' || value.intrinsic) return undefined;
  if (value.flow) return insertIntoFlowMap(text, value, rendered.yamlFlow());
  const first = value.entries[0];
  if (!first) return undefined;
  const at = lines.lineStart(lines.positionAt(first.keyStart).line);
  return { start: at, end: at, text: `${rendered.yamlBlock(columnIndent(lines, first.keyStart)).join(eol)}${eol}` };
}

function insertJson(text: string, lines: LineIndex, resource: CfnResource, properties: CfnEntry | undefined, rendered: Rendered, layout: Layout): Edit | undefined {
  const eol = layout.eol;
  if (!properties) {
    const type = getEntry(resource.node, 'Type');
    const anchor = type ?? resource.node.entries[resource.node.entries.length - 1];
    if (!anchor) return insertIntoFlowMap(text, resource.node, `"Properties": { ${rendered.json('', true)} }`);
    const indent = columnIndent(lines, anchor.keyStart);
    const at = anchor.value.end;
    return { start: at, end: at, text: `,${eol}${indent}"Properties": {${eol}${indent}${layout.unit}${rendered.json(indent + layout.unit, false)}${eol}${indent}}` };
  }
  return insertIntoJsonEntry(lines, properties, rendered, layout);
}

function insertIntoJsonEntry(lines: LineIndex, entry: CfnEntry, rendered: Rendered, layout: Layout): Edit | undefined {
  const value = entry.value;
  if (value.kind !== 'map' || value.intrinsic) return undefined;
  const first = value.entries[0];
  if (!first) return { start: value.start, end: value.end, text: `{ ${rendered.json('', true)} }` };
  const sameLine = lines.positionAt(first.keyStart).line === lines.positionAt(value.start).line;
  if (sameLine) return { start: first.keyStart, end: first.keyStart, text: `${rendered.json('', true)}, ` };
  const indent = columnIndent(lines, first.keyStart);
  return { start: first.keyStart, end: first.keyStart, text: `${rendered.json(indent, false)},${layout.eol}${indent}` };
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
