import * as fs from 'node:fs';
import * as path from 'node:path';
import { createScanner, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { Composer, isMap, isNode, isScalar, isSeq, Parser } from 'yaml';
import type { CST } from 'yaml';
import type { Config } from '../core/config';
import { parseConfig } from '../core/config';
import { escapeControls } from '../core/escape';
import type { AnyRule } from '../core/types';

/** File names searched, in this order, in each folder from the linted file up to the repository root. */
export const configFileNames = ['greenml.json', '.greenml.json', '.greenml.yaml', '.greenml.yml', 'greenml.yaml'] as const;

export interface ConfigFileIssue {
  file: string;
  /** Dotted path of the offending setting; empty for syntax errors. */
  path: string;
  message: string;
  /** 1-based position of the offending key or value, when it could be located. */
  line: number;
  column: number;
}

export interface LoadedConfig {
  file: string;
  config: Config;
  issues: ConfigFileIssue[];
}

/** What a config file may be; past these it is refused with one issue, before any deeper work. */
export const configLimits = {
  /** Bytes; a real config is a few hundred. */
  maxBytes: 1024 * 1024,
  /** Nested objects and lists; a valid config needs five (file, rules, rule, options, a list value). */
  maxDepth: 32,
  /** Problems listed per file; the rest are counted in one last issue. */
  maxIssues: 20,
} as const;

/**
 * Finds the config file that applies to a file: the nearest one in the file's folder or above it,
 * stopping at the repository root (the nearest folder holding `.git`, a folder or, in worktrees and
 * submodules, a file), so a config in a folder shared by several repositories applies to none of
 * them. Outside any repository the search goes up to the filesystem root. Each file is read once
 * per `mtime`.
 */
export class ConfigFileFinder {
  private readonly cache = new Map<string, { mtimeMs: number; size: number; loaded: LoadedConfig }>();

  constructor(private readonly rules: readonly AnyRule[]) {}

  find(fromPath: string): LoadedConfig | undefined {
    let dir = isDirectory(fromPath) ? fromPath : path.dirname(fromPath);
    for (;;) {
      for (const name of configFileNames) {
        const file = path.join(dir, name);
        const stat = statFile(file);
        if (stat) return this.load(file, stat);
      }
      if (exists(path.join(dir, '.git'))) return undefined;
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }

  /** Loads one named file (the CLI's `--config`); the repository boundary does not apply. */
  loadFile(file: string): LoadedConfig {
    const stat = statFile(file);
    if (!stat) return failed(file, 'config file not found');
    return this.load(file, stat);
  }

  private load(file: string, stat: fs.Stats): LoadedConfig {
    const cached = this.cache.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.loaded;
    let loaded: LoadedConfig;
    if (stat.size > configLimits.maxBytes) {
      loaded = failed(file, tooLarge(stat.size));
    } else {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (err) {
        return failed(file, `cannot read: ${(err as Error).message}`);
      }
      loaded = parseConfigText(file, text, this.rules);
    }
    this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, loaded });
    return loaded;
  }
}

/** Counts the steps of the work done on a config's text, so tests can check that it grows linearly. */
export interface ConfigWork {
  steps: number;
}

/**
 * Parses and validates the text of a config file; JSON (with comments) for `.json`, YAML otherwise.
 * Never throws. Refused with one issue: text over {@link configLimits.maxBytes}, nesting deeper than
 * {@link configLimits.maxDepth}, YAML aliases (never expanded, so no alias bomb). Objects are built
 * without a prototype, duplicate keys are reported, at most {@link configLimits.maxIssues} problems
 * are listed, and every step is linear in the size of the text.
 */
export function parseConfigText(file: string, text: string, rules: readonly AnyRule[], work: ConfigWork = { steps: 0 }): LoadedConfig {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length > configLimits.maxBytes) return failed(file, tooLarge(Buffer.byteLength(text)));
  const positions = new LineIndex(text, work);
  const issue = (keys: readonly string[], message: string, offset: number): ConfigFileIssue => ({ file, path: keys.join('.'), message, ...positions.at(offset) });
  const syntax = file.endsWith('.json') ? readJson(text, work) : readYaml(text, work);
  if ('error' in syntax) return { file, config: { rules: {} }, issues: [issue([], syntax.error, syntax.offset)] };
  const { config, issues } = parseConfig(syntax.value, rules);
  const found = [...syntax.problems.map((p) => ({ keys: p.keys, message: p.message, offset: p.offset })), ...issues.map((i) => ({ keys: i.keys, message: i.message, offset: -1 }))];
  const shown = found.slice(0, configLimits.maxIssues).map((p) => issue(p.keys, p.message, p.offset >= 0 ? p.offset : syntax.locate(p.keys)));
  if (found.length > shown.length) shown.push(issue([], `${found.length - shown.length} more problems not listed`, 0));
  return { file, config, issues: shown };
}

interface Problem {
  keys: string[];
  message: string;
  offset: number;
}

/** A config's text read into plain data: objects without a prototype, problems met on the way, and a way to find a key's offset. */
type Syntax = { value: unknown; problems: Problem[]; locate(keys: readonly string[]): number } | { error: string; offset: number };

// jsonc-parser's SyntaxKind values (a const enum, so spelled out here).
const openBrace = 1;
const closeBrace = 2;
const openBracket = 3;
const closeBracket = 4;
const endOfFile = 17;

function readJson(text: string, work: ConfigWork): Syntax {
  // The parser recurses once per level: measure the nesting with its (iterative) scanner first.
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== endOfFile; token = scanner.scan()) {
    work.steps++;
    if (token === openBrace || token === openBracket) {
      if (++depth > configLimits.maxDepth) return { error: tooDeep(), offset: scanner.getTokenOffset() };
    } else if (token === closeBrace || token === closeBracket) {
      depth--;
    }
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true });
  if (errors.length || !tree) {
    const error = errors[0];
    return { error: `invalid JSON: ${error ? printParseErrorCode(error.error) : 'empty file'}`, offset: error?.offset ?? 0 };
  }
  const problems: Problem[] = [];
  const value = jsonValue(tree, [], problems, work);
  return {
    value,
    problems,
    locate: (keys) => {
      // The property holding the last key (its start, where the key is), found key by key.
      let node: JsonNode | undefined = tree;
      let at = tree.offset;
      for (const key of keys) {
        const property: JsonNode | undefined = node?.type === 'object' ? node.children?.find((p) => (work.steps++, p.children?.[0]?.value === key)) : undefined;
        if (!property) break;
        at = property.offset;
        node = property.children?.[1];
      }
      return at;
    },
  };
}

function jsonValue(node: JsonNode, keys: string[], problems: Problem[], work: ConfigWork): unknown {
  work.steps++;
  switch (node.type) {
    case 'object': {
      const object: Record<string, unknown> = Object.create(null);
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        const key = String(keyNode?.value);
        if (Object.hasOwn(object, key)) problems.push({ keys: [...keys, key], message: duplicateKey(key), offset: property.offset });
        object[key] = valueNode ? jsonValue(valueNode, [...keys, key], problems, work) : null;
      }
      return object;
    }
    case 'array':
      return (node.children ?? []).map((child) => jsonValue(child, keys, problems, work));
    default:
      return node.value;
  }
}

function readYaml(text: string, work: ConfigWork): Syntax {
  const tokens = Array.from(new Parser().parse(text));
  // The composer recurses once per level, and aliases can multiply a small text into a huge
  // value: check both on the parser's token tree, iteratively, before composing.
  const refused = checkYamlTokens(tokens, work);
  if (refused) return refused;
  // Composed without yaml's own duplicate-key check, which compares every pair of keys of a map.
  const documents = Array.from(new Composer({ uniqueKeys: false }).compose(tokens, true, text.length));
  if (documents.length > 1) return { error: 'invalid YAML: a config file holds one document', offset: documents[1].range[0] };
  const doc = documents[0];
  if (!doc) return { value: undefined, problems: [], locate: () => 0 };
  const error = doc.errors[0];
  if (error) return { error: `invalid YAML: ${error.message.split('\n')[0]}`, offset: error.pos[0] };
  const problems: Problem[] = [];
  const value = yamlValue(doc.contents, [], problems, work);
  return {
    value,
    problems,
    locate: (keys) => {
      // The value at the last key (where a wrong value is), found key by key.
      let node: unknown = doc.contents;
      let at = 0;
      for (const key of keys) {
        const pair = isMap(node) ? node.items.find((p) => (work.steps++, isScalar(p.key) && String(p.key.value) === key)) : undefined;
        if (!pair) break;
        const value = isScalar(pair.value) ? pair.value : pair.key;
        at = isNode(value) ? (value.range?.[0] ?? at) : at;
        node = pair.value;
      }
      return at;
    },
  };
}

function checkYamlTokens(tokens: readonly CST.Token[], work: ConfigWork): { error: string; offset: number } | undefined {
  // Depth first, in document order (the stack pops the last pushed), so the first offence is reported.
  const stack: Array<{ token: CST.Token | null | undefined; depth: number }> = tokens.map((token) => ({ token, depth: 0 })).reverse();
  for (let top = stack.pop(); top; top = stack.pop()) {
    work.steps++;
    const { token, depth } = top;
    if (!token) continue;
    switch (token.type) {
      case 'document':
        stack.push({ token: token.value, depth });
        break;
      case 'alias':
        return { error: `YAML aliases (${token.source}) are not supported in a config file; write the value out`, offset: token.offset };
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        if (depth + 1 > configLimits.maxDepth) return { error: tooDeep(), offset: token.offset };
        for (let i = token.items.length - 1; i >= 0; i--) {
          stack.push({ token: token.items[i].value, depth: depth + 1 });
          stack.push({ token: token.items[i].key, depth: depth + 1 });
        }
        break;
      default:
        break;
    }
  }
  return undefined;
}

function yamlValue(node: unknown, keys: string[], problems: Problem[], work: ConfigWork): unknown {
  work.steps++;
  if (isMap(node)) {
    const object: Record<string, unknown> = Object.create(null);
    for (const pair of node.items) {
      const offset = isNode(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
      if (!isScalar(pair.key) || (pair.key.value !== null && typeof pair.key.value === 'object')) {
        problems.push({ keys, message: 'keys must be plain names, not lists or maps', offset });
        continue;
      }
      const key = String(pair.key.value);
      if (Object.hasOwn(object, key)) problems.push({ keys: [...keys, key], message: duplicateKey(key), offset });
      object[key] = yamlValue(pair.value, [...keys, key], problems, work);
    }
    return object;
  }
  if (isSeq(node)) return node.items.map((item) => yamlValue(item, keys, problems, work));
  if (isScalar(node)) return node.value;
  return node ?? null;
}

/** Line and column (1-based) of an offset; line breaks counted as editors do (`\r\n`, `\r`, `\n`). */
class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string, private readonly work: ConfigWork) {}

  at(offset: number): { line: number; column: number } {
    const starts = (this.starts ??= this.lineStarts());
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low] + 1 };
  }

  private lineStarts(): number[] {
    const starts = [0];
    const text = this.text;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) continue;
      if (code === 0x0a || code === 0x0d) starts.push(i + 1);
    }
    this.work.steps += text.length;
    return starts;
  }
}

function failed(file: string, message: string): LoadedConfig {
  return { file, config: { rules: {} }, issues: [{ file, path: '', message, line: 1, column: 1 }] };
}

function tooLarge(bytes: number): string {
  return `config file too large (${bytes} bytes; at most ${configLimits.maxBytes})`;
}

function tooDeep(): string {
  return `config nested more than ${configLimits.maxDepth} levels deep`;
}

function duplicateKey(key: string): string {
  return `duplicate key "${key}"; only the last one would apply`;
}

/** One line, control characters from the file (in keys and quoted values) escaped. */
export function formatConfigIssue(issue: ConfigFileIssue, relativeTo = process.cwd()): string {
  const where = `${path.relative(relativeTo, issue.file) || issue.file}:${issue.line}:${issue.column}`;
  return escapeControls(`${where}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`);
}

function statFile(file: string): fs.Stats | undefined {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat : undefined;
  } catch {
    return undefined;
  }
}

/** True for a file, folder or symlink (even a dangling one): `.git` is a folder, or a file in worktrees and submodules. */
function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
