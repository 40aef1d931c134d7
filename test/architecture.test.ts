import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The import table of architecture §4.1, checked on the sources as well as by lint, so it holds
 * even where lint is skipped: only src/vscode/ imports `vscode`, only src/aws/ imports the AWS
 * SDK, each folder imports only the folders below it, and no two files import each other round.
 */
const src = path.resolve(__dirname, '..', '..', 'src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** The parser libraries: what src/parsers/ (and the config-file readers of src/node/) may import besides src/. */
const parserLibraries = ['web-tree-sitter', 'yaml', 'jsonc-parser'];

/**
 * The import table (docs: architecture §4.1), by top-level folder of src/: what each may import.
 * `types` lists folders a folder may read types from but never run code of; `packages`, where
 * given, the only packages outside src/ it may import (`node:*`: any Node built-in), so the pure
 * folders reach no file system and no network.
 */
const table: Record<string, { may: readonly string[]; types?: readonly string[]; packages?: readonly string[] }> = {
  core: { may: ['core'], packages: [] },
  data: { may: ['data'], types: ['core'], packages: [] },
  parsers: { may: ['core', 'parsers'], packages: parserLibraries },
  model: { may: ['core', 'data', 'parsers', 'model'], packages: [] },
  rules: { may: ['core', 'data', 'model', 'rules'], packages: [] },
  estimate: { may: ['core', 'data', 'estimate'], types: ['model'], packages: [] },
  aws: { may: ['core', 'data', 'estimate', 'aws'], types: ['model'] },
  present: { may: ['core', 'data', 'model', 'estimate', 'present'], types: ['aws'], packages: [] },
  node: { may: ['core', 'data', 'node'], packages: ['node:*', 'ignore', ...parserLibraries] },
  // The composition root: the engine with its languages, its rules and the figures their messages quote.
  'linter.ts': { may: ['core', 'parsers', 'rules', 'estimate'] },
  server: { may: ['core', 'data', 'parsers', 'model', 'rules', 'estimate', 'present', 'node', 'server', 'linter.ts'] },
  cli: { may: ['core', 'data', 'parsers', 'model', 'rules', 'estimate', 'present', 'node', 'server', 'cli', 'linter.ts'], types: ['aws'] },
  vscode: { may: ['core', 'data', 'parsers', 'model', 'rules', 'estimate', 'present', 'node', 'server', 'vscode', 'linter.ts', 'aws'] },
};

/** The CLI reaches the AWS SDK only from these commands, and only through a dynamic import (linting stays offline). */
const cliAwsCommands = ['cli/scanCommand.ts', 'cli/estimateCommand.ts'];

interface ImportLine {
  spec: string;
  typeOnly: boolean;
  dynamic: boolean;
}

function importLines(file: string): ImportLine[] {
  // Comment lines may quote an import (`// const s3 = require('aws-cdk-lib/aws-s3')`): they import nothing.
  const text = fs.readFileSync(file, 'utf8').replace(/^[ \t]*(?:\/\/|\/\*|\*).*$/gm, '');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s(type\s)?[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => ({
    spec: m[2] ?? m[3] ?? m[4],
    typeOnly: m[1] !== undefined,
    dynamic: m[4] !== undefined,
  }));
}

/** The top-level entry of src/ a resolved import lands in: a folder, or a file at the root (`linter.ts`). */
function entryOf(resolved: string): string {
  const relative = path.relative(src, resolved).split(path.sep);
  if (relative.length > 1 || fs.existsSync(path.join(src, relative[0]))) return relative[0];
  return `${relative[0].replace(/\.ts$/, '')}.ts`;
}

function resolveSource(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate));
}

describe('architecture', () => {
  const files = sources(src);

  it('finds the sources', () => assert.ok(files.length > 10));

  it('every top-level entry of src/ has a row in the import table', () => {
    for (const file of files) assert.ok(table[entryOf(file)], `${path.relative(src, file)} sits in ${entryOf(file)}, which has no row`);
  });

  for (const file of files) {
    const relative = path.relative(src, file).split(path.sep).join('/');
    const from = entryOf(file);
    it(relative, () => {
      for (const { spec, typeOnly, dynamic } of importLines(file)) {
        if (spec === 'vscode') assert.ok(relative.startsWith('vscode/'), `${relative} imports vscode`);
        if (spec.startsWith('@aws-sdk/')) assert.ok(relative.startsWith('aws/'), `${relative} imports ${spec}`);
        if (from === 'core') assert.ok(spec.startsWith('./'), `${relative} (core) imports ${spec}`);
        if (!spec.startsWith('.')) {
          const packages = table[from]?.packages;
          const allowed = !packages || packages.some((p) => (p.endsWith('*') ? spec.startsWith(p.slice(0, -1)) : spec === p || spec.startsWith(`${p}/`)));
          assert.ok(allowed, `${relative} imports ${spec}: ${from} may import ${packages?.length ? packages.join(', ') : 'no package'} outside src/`);
          continue;
        }
        const to = entryOf(path.resolve(path.dirname(file), spec));
        const row = table[from];
        if (!row) continue;
        if (from === 'cli' && to === 'aws') {
          assert.ok(typeOnly || (dynamic && cliAwsCommands.includes(relative)), `${relative} imports ${spec}: the CLI loads aws/ lazily, from ${cliAwsCommands.join(' and ')} only`);
          continue;
        }
        const allowed = row.may.includes(to) || (typeOnly && (row.types ?? []).includes(to));
        assert.ok(allowed, `${relative} imports ${spec}${typeOnly ? ' (types)' : ''}: ${from} may import ${row.may.join(', ')}${row.types ? `, and types of ${row.types.join(', ')}` : ''}`);
      }
    });
  }

  it('no cycles between files (value imports; type imports are erased)', () => {
    const graph = new Map<string, string[]>();
    for (const file of files) {
      graph.set(file, importLines(file).filter((i) => !i.typeOnly && !i.dynamic && i.spec.startsWith('.')).flatMap((i) => resolveSource(file, i.spec) ?? []));
    }
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]): void => {
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') cycles.push([...trail.slice(trail.indexOf(next)), next].map((f) => path.relative(src, f)).join(' → '));
        else if (!state.has(next)) visit(next, [...trail, next]);
      }
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file, [file]);
    assert.deepEqual(cycles, []);
  });
});

describe('AWS call timeouts', () => {
  it('every AWS client that calls out is built with the shared config (connect and request timeouts)', () => {
    const aws = sources(path.join(src, 'aws'));
    let clients = 0;
    for (const file of aws) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/new (\w+Client)\(([^)]*)\)/g)) {
        clients++;
        const where = `${path.relative(src, file)}: new ${m[1]}(${m[2]})`;
        // profileRegion's STS client only reads the region from the config files; it never sends a request.
        if (/\bprofile \? \{ profile \} : \{\}/.test(m[2])) {
          assert.match(text, /client\.config\.region\(\)/, where);
          continue;
        }
        assert.match(m[2], /^(config|clientConfig\(|\{ \.\.\.clientConfig\()/, `${where} is not built from clientConfig()`);
      }
    }
    assert.ok(clients >= 4, `${clients} clients found`);
  });
});

describe('workspace trust', () => {
  it("untrusted workspaces cannot steer the AWS connection through their own settings", () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations?: string[] } };
      contributes: { configuration: { properties: Record<string, unknown> } };
    };
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    const awsSettings = Object.keys(manifest.contributes.configuration.properties).filter((k) => k.startsWith('greenml.aws.'));
    assert.ok(awsSettings.length > 0);
    assert.deepEqual([...(untrusted.restrictedConfigurations ?? [])].sort(), awsSettings.sort());
  });

  it('no workspace, trusted or not, can set the AWS-steering settings: they are user-only (application scope)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      capabilities: { untrustedWorkspaces: { restrictedConfigurations?: string[] } };
      contributes: { configuration: { properties: Record<string, { scope?: string }> } };
    };
    const properties = manifest.contributes.configuration.properties;
    for (const key of ['greenml.aws.profile', 'greenml.aws.regions', 'greenml.aws.readOnly']) {
      assert.ok(['application', 'machine'].includes(properties[key]?.scope ?? 'window'), `${key} has scope ${properties[key]?.scope ?? 'window (the default)'}`);
      assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations?.includes(key), `${key} is also listed as restricted`);
    }
    // The code reads them from the user's value only (src/vscode/settings.ts), never with get().
    const settingsSource = fs.readFileSync(path.resolve(__dirname, '..', '..', 'src', 'vscode', 'settings.ts'), 'utf8');
    const body = settingsSource.slice(settingsSource.indexOf('export function readAwsSettings'));
    assert.doesNotMatch(body, /\.get<[^>]*>\('aws\./);
    assert.match(body, /userValue<unknown>\(section, 'aws\.readOnly'/);
    for (const file of fs.readdirSync(path.resolve(__dirname, '..', '..', 'src', 'vscode'))) {
      const text = fs.readFileSync(path.resolve(__dirname, '..', '..', 'src', 'vscode', file), 'utf8');
      assert.doesNotMatch(text, /\.get<[^>]*>\('aws\.(profile|regions|readOnly)'/, `${file} reads an AWS setting with get(), which takes a workspace's value`);
    }
  });
});
