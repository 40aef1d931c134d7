import * as fs from 'node:fs';
import * as path from 'node:path';
import { findNodeAtLocation, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { parseDocument } from 'yaml';
import type { Config } from '../core/config';
import { parseConfig } from '../core/config';
import type { AnyRule } from '../core/types';

/** File names searched, in this order, in each folder from the linted file upward. */
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

/**
 * Finds the nearest config file above `fromPath` (a file or folder), reading each
 * folder once per `mtime`. Returns undefined when there is none up to the root.
 */
export class ConfigFileFinder {
  private readonly cache = new Map<string, { mtimeMs: number; loaded: LoadedConfig }>();

  constructor(private readonly rules: readonly AnyRule[]) {}

  find(fromPath: string): LoadedConfig | undefined {
    let dir = isDirectory(fromPath) ? fromPath : path.dirname(fromPath);
    for (;;) {
      for (const name of configFileNames) {
        const file = path.join(dir, name);
        const stat = statFile(file);
        if (stat) return this.load(file, stat.mtimeMs);
      }
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }

  /** Loads one named file (the CLI's `--config`). */
  loadFile(file: string): LoadedConfig {
    const stat = statFile(file);
    if (!stat) return { file, config: { rules: {} }, issues: [{ file, path: '', message: 'config file not found', line: 1, column: 1 }] };
    return this.load(file, stat.mtimeMs);
  }

  private load(file: string, mtimeMs: number): LoadedConfig {
    const cached = this.cache.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.loaded;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      const loaded = { file, config: { rules: {} }, issues: [{ file, path: '', message: `cannot read: ${(err as Error).message}`, line: 1, column: 1 }] };
      return loaded;
    }
    const loaded = parseConfigText(file, text, this.rules);
    this.cache.set(file, { mtimeMs, loaded });
    return loaded;
  }
}

/** Parses and validates the text of a config file; JSON for `.json`, YAML otherwise. */
export function parseConfigText(file: string, text: string, rules: readonly AnyRule[]): LoadedConfig {
  const lineCol = (offset: number): { line: number; column: number } => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
  };
  if (file.endsWith('.json')) {
    const errors: ParseError[] = [];
    const tree = parseTree(text, errors, { allowTrailingComma: true });
    if (errors.length || !tree) {
      const error = errors[0];
      return { file, config: { rules: {} }, issues: [{ file, path: '', message: `invalid JSON: ${error ? printParseErrorCode(error.error) : 'empty file'}`, ...lineCol(error?.offset ?? 0) }] };
    }
    const raw = JSON.parse(JSON.stringify(nodeValue(tree)));
    const { config, issues } = parseConfig(raw, rules);
    return {
      file,
      config,
      issues: issues.map((issue) => {
        const node = findNodeAtLocation(tree, issue.path ? issue.path.split('.') : []);
        const at = node?.parent?.type === 'property' ? node.parent.offset : (node?.offset ?? 0);
        return { file, path: issue.path, message: issue.message, ...lineCol(at) };
      }),
    };
  }
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) {
    const error = doc.errors[0];
    return { file, config: { rules: {} }, issues: [{ file, path: '', message: `invalid YAML: ${error.message.split('\n')[0]}`, ...lineCol(error.pos[0]) }] };
  }
  const { config, issues } = parseConfig(doc.toJS({ maxAliasCount: 100 }), rules);
  return {
    file,
    config,
    issues: issues.map((issue) => {
      const node = issue.path ? (doc.getIn(issue.path.split('.'), true) as { range?: [number, number, number] } | undefined) : undefined;
      return { file, path: issue.path, message: issue.message, ...lineCol(node?.range?.[0] ?? 0) };
    }),
  };
}

function nodeValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((p) => [p.children?.[0]?.value as string, p.children?.[1] ? nodeValue(p.children[1]) : null]));
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

export function formatConfigIssue(issue: ConfigFileIssue, relativeTo = process.cwd()): string {
  const where = `${path.relative(relativeTo, issue.file) || issue.file}:${issue.line}:${issue.column}`;
  return `${where}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`;
}

function statFile(file: string): fs.Stats | undefined {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat : undefined;
  } catch {
    return undefined;
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
