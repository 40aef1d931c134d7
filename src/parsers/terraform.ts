import { extended } from '../core/objects';
import type { Parser } from 'web-tree-sitter';
import type { FileContext, Language, ParseOutcome, SourceFile } from '../core/types';
import type { LocateWasm } from './wasm';
import { readTerraform } from './terraformSyntax';
import type { ReadOutcome, TfAttribute, TfBlock, TfFile, TfReference, TfValue } from './terraformSyntax';
import { LazyGrammar } from './wasm';

/**
 * Terraform modules: their files' blocks (read in {@link ./terraformSyntax}), the resources they
 * declare, and the literal values variables' defaults and locals give; and the Terraform language.
 */

export type { TfAttribute, TfBlock, TfFile, TfLabel, TfObjectEntry, TfReference, TfValue } from './terraformSyntax';

/** A `resource "type" "name" { … }` block. */
export interface TfResource {
  type: string;
  name: string;
  block: TfBlock;
  file: TfFile;
}

/** One `.tf` file of a module: its name, the text it was read with, and its blocks (undefined when it does not parse). */
export interface TfModuleFile {
  fileName: string;
  text: string;
  file: TfFile | undefined;
}

/**
 * A Terraform module: every `.tf` file of one folder, read together (Terraform
 * itself merges them). Rules look here for partner resources declared in
 * another file (a lifecycle configuration in `lifecycle.tf` for a bucket of
 * `main.tf`). A file linted alone is a module of one file.
 */
export interface TfModule extends FileContext {
  readonly format: 'terraform';
  files: TfModuleFile[];
  /**
   * True when some file does not parse or has a block with a syntax error:
   * what the module declares is then not fully known, and checks for a missing
   * partner stay silent.
   */
  incomplete: boolean;
}

/** A resource of a module, with the module file it is declared in. */
export interface TfModuleResource extends TfResource {
  source: TfModuleFile;
}

declare module '../core/types' {
  interface VisitorFacts {
    /** The module the file belongs to; emitted before the file's other facts. */
    tfModule: TfModule;
    tfFile: TfFile;
    tfResource: TfResource;
  }
}

/** The module each file was last walked in, so `local.*` resolves across the module's files. */
const modules = new WeakMap<TfFile, TfModule>();

/** Builds a module from its files. */
export function createTfModule(files: TfModuleFile[]): TfModule {
  const byName = new Map(files.map((f) => [f.fileName, f]));
  return {
    format: 'terraform',
    files,
    incomplete: files.some((f) => !f.file || f.file.blocks.some((b) => b.hasError)),
    textOf: (fileName) => byName.get(fileName)?.text,
  };
}

interface ModuleIndex {
  files: TfModuleFile[];
  resources: TfModuleResource[];
  /** The resources of each type, in the module's order; filled on demand. */
  byType: Map<string, TfModuleResource[]>;
  /** The names taken by each type; filled on demand. */
  names: Map<string, Set<string>>;
}
const moduleIndexes = new WeakMap<TfModule, ModuleIndex>();

function moduleIndex(module: TfModule): ModuleIndex {
  const cached = moduleIndexes.get(module);
  if (cached && cached.files === module.files) return cached;
  const resources = module.files.flatMap((source) => (source.file ? listResources(source.file).map((r) => extended(r, { source })) : []));
  const index: ModuleIndex = { files: module.files, resources, byType: new Map(), names: new Map() };
  moduleIndexes.set(module, index);
  return index;
}

/**
 * Every `resource` block of the module, file by file in the module's order. Listed once per module
 * (rules ask for each resource of each file: a folder of 200 files took seconds without this).
 */
export function listModuleResources(module: TfModule): readonly TfModuleResource[] {
  return moduleIndex(module).resources;
}

/** The module's resources of one type, in the module's order; listed once per module and type (rules ask once per resource). */
export function listModuleResourcesOfType(module: TfModule, type: string): readonly TfModuleResource[] {
  const index = moduleIndex(module);
  let found = index.byType.get(type);
  if (!found) {
    found = index.resources.filter((r) => r.type === type);
    index.byType.set(type, found);
  }
  return found;
}

/** The names the module's resources of one type take; gathered once per module and type. */
export function moduleResourceNames(module: TfModule, type: string): ReadonlySet<string> {
  const index = moduleIndex(module);
  let names = index.names.get(type);
  if (!names) {
    names = new Set(listModuleResourcesOfType(module, type).map((r) => r.name));
    index.names.set(type, names);
  }
  return names;
}

export function getAttribute(block: TfBlock, name: string): TfAttribute | undefined {
  return block.attributes.find((a) => a.name === name);
}

/** Nested blocks of a type; `dynamic "type"` blocks count too (their content is unknown). */
export function getBlocks(block: TfBlock, type: string): TfBlock[] {
  return block.blocks.filter((b) => b.type === type || (b.type === 'dynamic' && b.labels[0]?.value === type));
}

/** The `resource` blocks of a file, with their type and name. */
export function listResources(file: TfFile): TfResource[] {
  return file.blocks.flatMap((block) => (block.type === 'resource' && block.labels.length === 2 ? [{ type: block.labels[0].value, name: block.labels[1].value, block, file }] : []));
}

/**
 * The literal a value stands for: the literal itself, or a `local.name` whose
 * local is a literal. Undefined for anything else (`var.*`, module inputs,
 * resource attributes, function calls): unknown.
 */
export function resolveLiteral(file: TfFile, value: TfValue | undefined): string | number | boolean | null | undefined {
  if (!value) return undefined;
  if (value.kind === 'literal') return value.value;
  if (value.kind === 'reference' && !value.reference.indexed && value.reference.path.length === 2 && value.reference.path[0] === 'local') {
    // Locals are shared by every file of a module.
    return literalLocals(file).get(value.reference.path[1]);
  }
  return undefined;
}

/**
 * The literal a value stands for, as {@link resolveLiteral} reads it, or, for a `var.name`, the
 * literal `default` of the module's `variable "name"` block, the value Terraform takes when no
 * input sets it (as a CloudFormation parameter's `Default`). Undefined for a variable without a
 * default, with `default = null`, or with a default that is not a literal (an object, a list).
 */
export function resolveLiteralOrDefault(file: TfFile, value: TfValue | undefined): string | number | boolean | null | undefined {
  const literal = resolveLiteral(file, value);
  if (literal !== undefined || value?.kind !== 'reference') return literal;
  const { path, indexed } = value.reference;
  if (indexed || path.length !== 2 || path[0] !== 'var') return undefined;
  return literalDefaults(file).get(path[1]) ?? undefined;
}

/**
 * The distinct values of a conditional `c ? a : b` (nested ones included) when every side
 * resolves (`resolve`, {@link resolveLiteral} unless given) to a value `accept` takes; undefined
 * for anything else. A set of values, as a Python name bound on several paths is.
 */
export function resolveSides<T>(file: TfFile, value: TfValue | undefined, accept: (value: unknown) => value is T, resolve: typeof resolveLiteral = resolveLiteral): T[] | undefined {
  if (value?.kind !== 'other' || !value.branches) return undefined;
  const values: T[] = [];
  for (const side of value.branches) {
    const literal = resolve(file, side);
    const found = accept(literal) ? [literal] : resolveSides(file, side, accept, resolve);
    if (!found) return undefined;
    for (const v of found) if (!values.includes(v)) values.push(v);
  }
  return values;
}

type Literal = string | number | boolean | null;

/**
 * A map of names to literals gathered from the files of a file's module (or from the file alone),
 * once per module and kept until the module's files change, not once per reference (a module of
 * many resources each naming a local was quadratic).
 */
function perModule(gather: (files: TfFile[]) => Map<string, Literal>): (file: TfFile) => Map<string, Literal> {
  const byModule = new WeakMap<TfModule, { files: TfModuleFile[]; literals: Map<string, Literal> }>();
  const byFile = new WeakMap<TfFile, Map<string, Literal>>();
  return (file) => {
    const module = modules.get(file);
    if (module) {
      const cached = byModule.get(module);
      if (cached && cached.files === module.files) return cached.literals;
      const literals = gather(module.files.flatMap((f) => (f.file ? [f.file] : [])));
      byModule.set(module, { files: module.files, literals });
      return literals;
    }
    let literals = byFile.get(file);
    if (!literals) {
      literals = gather([file]);
      byFile.set(file, literals);
    }
    return literals;
  };
}

/** Each variable of the file's module (or of the file alone) and its literal default. */
const literalDefaults = perModule(gatherLiteralDefaults);

/** The first `variable "name"` block of each name, in the module's order, and its `default` when a literal. */
function gatherLiteralDefaults(files: TfFile[]): Map<string, Literal> {
  const literals = new Map<string, Literal>();
  const seen = new Set<string>();
  for (const file of files) {
    for (const block of file.blocks) {
      const name = block.type === 'variable' && block.labels.length === 1 ? block.labels[0].value : undefined;
      if (name === undefined || seen.has(name)) continue;
      seen.add(name);
      const value = getAttribute(block, 'default')?.value;
      if (value?.kind === 'literal') literals.set(name, value.value);
    }
  }
  return literals;
}

/**
 * Each local of the file's module (or of the file alone) whose value is a literal: the first
 * `locals` block, in the module's order, that gives the name a literal value.
 */
const literalLocals = perModule(gatherLiteralLocals);

function gatherLiteralLocals(files: TfFile[]): Map<string, Literal> {
  const literals = new Map<string, Literal>();
  for (const file of files) {
    for (const block of file.blocks) {
      if (block.type !== 'locals') continue;
      // A name given twice in one block: its first attribute speaks for the block (as getAttribute reads it).
      const seen = new Set<string>();
      for (const attribute of block.attributes) {
        if (seen.has(attribute.name)) continue;
        seen.add(attribute.name);
        if (attribute.value.kind === 'literal' && !literals.has(attribute.name)) literals.set(attribute.name, attribute.value.value);
      }
    }
  }
  return literals;
}

/** True when a reference points at the resource `type.name` (any attribute, any instance). */
export function refersTo(reference: TfReference, type: string, name: string): boolean {
  return reference.path[0] === type && reference.path[1] === name;
}

/** How many files' blocks the language keeps, by file name, to skip parsing an unchanged text again. */
const maxRecentFiles = 256;

/**
 * The Terraform language: tree-sitter's HCL grammar (Terraform dialect) on the
 * shared web-tree-sitter runtime, loaded once, lazily. Each tree is deleted as
 * soon as the plain data is out: WebAssembly memory never shrinks (parsers.md §6).
 */
export function createTerraformLanguage(locateWasm: LocateWasm): Language {
  const grammar = new LazyGrammar(locateWasm, 'tree-sitter-terraform.wasm');
  // The last blocks read per file name: an editor re-indexes a module on every change of one of its files.
  const recent = new Map<string, { text: string; file: TfFile }>();
  const read = (text: string, fileName: string): ReadOutcome => {
    const hit = recent.get(fileName);
    if (hit?.text === text) return { ok: true, file: hit.file };
    const outcome = readTerraform(grammar.get('Terraform').parser, text);
    recent.delete(fileName);
    if (outcome.ok) {
      recent.set(fileName, { text, file: outcome.file });
      if (recent.size > maxRecentFiles) recent.delete(recent.keys().next().value as string);
    }
    return outcome;
  };
  return {
    format: 'terraform',
    commentPrefixes: ['#', '//'],
    get loadState() {
      return grammar.state;
    },
    load: () => grammar.load(),
    parse(text, fileName, context) {
      const module = context?.format === 'terraform' ? (context as TfModule) : undefined;
      // The module already read this text: its blocks are reused, not parsed again.
      const known = module?.files.find((f) => f.fileName === fileName);
      if (module && known?.file && known.text === text) return walkTerraform(known.file, module);
      const outcome = read(text, fileName);
      if (!outcome.ok) return outcome;
      const own: TfModuleFile = { fileName, text, file: outcome.file };
      const files = module ? [...module.files.filter((f) => f.fileName !== fileName), own] : [own];
      return walkTerraform(outcome.file, createTfModule(files));
    },
    prepareContext(files: readonly SourceFile[]): TfModule {
      return createTfModule(
        files.map(({ fileName, text }) => {
          let file: TfFile | undefined;
          try {
            const outcome = read(text, fileName);
            if (outcome.ok) file = outcome.file;
          } catch {
            // Nested too deeply, or a parser failure: the file is unreadable, and linting it reports why.
          }
          return { fileName, text, file };
        }),
      );
    },
  };
}

function walkTerraform(file: TfFile, module: TfModule): ParseOutcome {
  return {
    ok: true,
    walk(emit) {
      modules.set(file, module);
      emit('tfModule', module);
      emit('tfFile', file);
      for (const resource of listResources(file)) if (!resource.block.hasError) emit('tfResource', resource);
    },
  };
}

/** Parses a text with a loaded parser, as a module of one file; exported for tests and benchmarks. */
export function parseTerraform(parser: Parser, text: string, fileName = 'main.tf'): ParseOutcome {
  const outcome = readTerraform(parser, text);
  return outcome.ok ? walkTerraform(outcome.file, createTfModule([{ fileName, text, file: outcome.file }])) : outcome;
}
