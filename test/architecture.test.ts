import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The import boundaries, checked on the sources as well as by lint, so they hold
 * even where lint is skipped: only src/vscode/ imports `vscode`, only src/aws/
 * imports the AWS SDK, and src/core/ imports nothing outside itself.
 */
const src = path.resolve(__dirname, '..', '..', 'src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** The top-level folder of src/ a resolved import lands in. */
function folderOf(resolved: string): string {
  return path.relative(src, resolved).split(path.sep)[0];
}

/**
 * The rows of the import table (docs: architecture §4.1) enforced so far, by folder: the model of
 * SageMaker resources sits on the parsers and below the rules; the views never reach back into
 * the rules or the parsers.
 */
const mayImport: Record<string, readonly string[]> = {
  data: ['core', 'data'],
  model: ['core', 'data', 'parsers', 'model'],
  present: ['core', 'data', 'model', 'estimate', 'aws', 'present'],
};

describe('architecture', () => {
  const files = sources(src);

  it('finds the sources', () => assert.ok(files.length > 10));

  for (const file of files) {
    const relative = path.relative(src, file).split(path.sep).join('/');
    it(relative, () => {
      for (const spec of imports(file)) {
        if (spec === 'vscode') assert.ok(relative.startsWith('vscode/'), `${relative} imports vscode`);
        if (spec.startsWith('@aws-sdk/')) assert.ok(relative.startsWith('aws/'), `${relative} imports ${spec}`);
        if (relative.startsWith('core/')) assert.ok(spec.startsWith('./'), `${relative} (core) imports ${spec}`);
        const folder = spec.startsWith('.') ? folderOf(path.resolve(path.dirname(file), spec)) : undefined;
        if (folder === undefined) continue;
        // Rules sit below the estimate and the views: a figure in a message comes from the engine's MessageFigures.
        if (relative.startsWith('rules/')) assert.ok(!['estimate', 'present'].includes(folder), `${relative} imports ${spec}: rules/ never imports estimate or present`);
        const allowed = mayImport[relative.split('/')[0]];
        if (allowed) assert.ok(allowed.includes(folder), `${relative} imports ${spec}: ${relative.split('/')[0]}/ may import only ${allowed.join(', ')}`);
      }
    });
  }
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
