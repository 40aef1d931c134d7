import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createBaseline } from '../../src/core/baseline';
import { findingSavingsMarkdown } from '../../src/present/savings';
import { LspClient } from './lspClient';

interface Position { line: number; character: number }
interface Range { start: Position; end: Position }
interface Diagnostic { range: Range; code?: string; source?: string; message: string; codeDescription?: { href: string }; data?: unknown }
interface Published { uri: string; version?: number; diagnostics: Diagnostic[] }
interface TextEdit { range: Range; newText: string }
interface Hover { contents: { kind: string; value: string }; range?: Range }
interface CodeLens { range: Range; command?: { title: string; command: string; arguments?: unknown[] } }
interface LogMessage { type: number; message: string }
interface ApplyEdit { label?: string; edit: { documentChanges?: Array<{ textDocument: { uri: string; version: number | null }; edits: TextEdit[] }> } }
interface CodeAction { title: string; kind?: string; edit?: { changes?: Record<string, TextEdit[]>; documentChanges?: Array<{ textDocument: { uri: string; version: number | null }; edits: TextEdit[] }> }; command?: { command: string; arguments?: unknown[] } }

const serverMain = path.resolve(__dirname, 'serverMain.js');

const template = ["AWSTemplateFormatVersion: '2010-09-09'", 'Resources:', '  Logs:', '    Type: AWS::Logs::LogGroup', '    Properties:', '      LogGroupName: /aws/sagemaker/TrainingJobs', ''].join('\n');
const script = [
  'from sagemaker.pytorch import PyTorch',
  'est = PyTorch(entry_point="train.py", role="r", instance_type="ml.p3.2xlarge", instance_count=1, framework_version="2.1", py_version="py310")',
  'est.fit("s3://b/d")',
  '',
].join('\n');

/** Applies LSP text edits to a text (edits do not overlap; applied from the end). */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const offsetOf = (p: Position): number => {
    const lines = text.split('\n');
    let offset = 0;
    for (let i = 0; i < p.line; i++) offset += lines[i].length + 1;
    return offset + p.character;
  };
  const sorted = [...edits].sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offsetOf(e.range.start)) + e.newText + out.slice(offsetOf(e.range.end));
  return out;
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  return action.edit?.changes?.[uri] ?? action.edit?.documentChanges?.find((c) => c.textDocument.uri === uri)?.edits ?? [];
}

describe('language server (LSP over stdio)', function () {
  this.timeout(60_000);
  let client: LspClient;
  let dir: string;
  let settings: Record<string, unknown>;
  let registrations: unknown[];

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-lsp-'));
    // A repository root: config files above it are not read.
    fs.mkdirSync(path.join(dir, '.git'));
    settings = { lintDelay: 0 };
    // An AWS config of the test's own (the server must not read it: the figures' region is the code's, the settings' or us-east-1).
    const env: NodeJS.ProcessEnv = { ...process.env, AWS_CONFIG_FILE: path.join(dir, 'no-aws-config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'no-aws-credentials') };
    delete env.AWS_PROFILE;
    client = new LspClient(process.execPath, [serverMain], env);
    client.onRequest('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => settings));
    registrations = [];
    client.onRequest('client/registerCapability', (params) => {
      registrations.push(params);
      return null;
    });
    const init = await client.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: `file://${dir}`,
      workspaceFolders: [{ uri: `file://${dir}`, name: 'workspace' }],
      capabilities: { workspace: { configuration: true, applyEdit: true, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } }, window: { showDocument: { support: true } } },
    });
    assert.ok(init.capabilities.notebookDocumentSync, 'notebook sync is served');
    assert.ok(init.capabilities.codeActionProvider, 'code actions are served');
    client.notify('initialized', {});
  });

  afterEach(async () => {
    await client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const uriOf = (name: string): string => `file://${path.join(dir, name)}`;

  it('publishes the findings of a CloudFormation template with the rule id and its page', async () => {
    const uri = uriOf('template.yaml');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: template } });
    const published = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['SML401']);
    const [diagnostic] = published.diagnostics;
    assert.equal(diagnostic.source, 'Green ML');
    assert.match(diagnostic.codeDescription?.href ?? '', /log-group-no-retention\.md$/);
    assert.deepEqual(diagnostic.range.start, { line: 2, character: 2 });
    assert.equal(published.version, 1);
  });

  it('escapes control characters and bidi overrides a message quotes from the file, as the VS Code extension does', async () => {
    const uri = uriOf('forged.yaml');
    const text = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:', '  "Job\\e[31mLogs\\u202E\\nforged.yaml:1:1  SML101  error  forged finding":', '    Type: AWS::Logs::LogGroup', '    Properties:', '      LogGroupName: /aws/sagemaker/TrainingJobs', ''].join('\n');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const published = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    const sml401 = published.diagnostics.filter((d) => d.code === 'SML401');
    assert.equal(sml401.length, 1, JSON.stringify(published.diagnostics));
    const { message } = sml401[0];
    assert.doesNotMatch(message, /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u);
    assert.ok(message.startsWith('Log group Job\\x1B[31mLogs\\u202E\\nforged.yaml:1:1  SML101'), message);
  });

  it('lints the open files of a Terraform module again when one of them changes, unsaved', async () => {
    fs.mkdirSync(path.join(dir, 'module'));
    const main = 'resource "aws_s3_bucket" "data" {\n  bucket = "churn-data"\n}\n\nresource "aws_s3_bucket" "scratch" {\n  bucket = "churn-scratch"\n}\n';
    const lifecycle = 'resource "aws_s3_bucket_lifecycle_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n\n  rule {\n    id     = "expire"\n    status = "Enabled"\n    filter {}\n    expiration {\n      days = 30\n    }\n  }\n}\n';
    fs.writeFileSync(path.join(dir, 'module', 'main.tf'), main);
    fs.writeFileSync(path.join(dir, 'module', 'lifecycle.tf'), lifecycle);
    const mainUri = uriOf('module/main.tf');
    const lifecycleUri = uriOf('module/lifecycle.tf');
    const sml101Lines = (p: Published): number[] => p.diagnostics.filter((d) => d.code === 'SML101').map((d) => d.range.start.line);
    client.notify('textDocument/didOpen', { textDocument: { uri: mainUri, languageId: 'terraform', version: 1, text: main } });
    // lifecycle.tf, read from disk, covers the data bucket: only the scratch bucket is reported.
    assert.deepEqual(sml101Lines(await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === mainUri)), [4]);
    client.notify('textDocument/didOpen', { textDocument: { uri: lifecycleUri, languageId: 'terraform', version: 1, text: lifecycle } });
    await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === lifecycleUri);
    client.clearNotifications();
    // Unsaved: the configuration now covers the scratch bucket, so the finding moves to the data bucket.
    client.notify('textDocument/didChange', { textDocument: { uri: lifecycleUri, version: 2 }, contentChanges: [{ text: lifecycle.replace('aws_s3_bucket.data.id', 'aws_s3_bucket.scratch.id') }] });
    // (Lints of main.tf queued before the change may publish first: the one after it is awaited.)
    const moved = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === mainUri && sml101Lines(p).includes(0));
    assert.deepEqual(sml101Lines(moved), [0]);
    // Closed without saving: main.tf reads lifecycle.tf from disk again.
    client.clearNotifications();
    client.notify('textDocument/didClose', { textDocument: { uri: lifecycleUri } });
    assert.deepEqual(sml101Lines(await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === mainUri && sml101Lines(p).includes(4))), [4]);
  });

  it('lints an open file of a Terraform module again when a sibling changes on disk (workspace/didChangeWatchedFiles)', async () => {
    fs.mkdirSync(path.join(dir, 'watched'));
    const main = 'resource "aws_s3_bucket" "data" {\n  bucket = "churn-data"\n}\n\nresource "aws_s3_bucket" "scratch" {\n  bucket = "churn-scratch"\n}\n';
    const lifecycle = (bucket: string): string => `resource "aws_s3_bucket_lifecycle_configuration" "l" {\n  bucket = aws_s3_bucket.${bucket}.id\n\n  rule {\n    id     = "expire"\n    status = "Enabled"\n    filter {}\n    expiration {\n      days = 30\n    }\n  }\n}\n`;
    fs.writeFileSync(path.join(dir, 'watched', 'main.tf'), main);
    fs.writeFileSync(path.join(dir, 'watched', 'lifecycle.tf'), lifecycle('data'));
    const mainUri = uriOf('watched/main.tf');
    const sml101Lines = (p: Published): number[] => p.diagnostics.filter((d) => d.code === 'SML101').map((d) => d.range.start.line);
    client.notify('textDocument/didOpen', { textDocument: { uri: mainUri, languageId: 'terraform', version: 1, text: main } });
    assert.deepEqual(sml101Lines(await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === mainUri)), [4]);
    // lifecycle.tf (not open) now covers the scratch bucket: saved by another program, the editor's watcher says so.
    fs.writeFileSync(path.join(dir, 'watched', 'lifecycle.tf'), lifecycle('scratch'));
    client.clearNotifications();
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('watched/lifecycle.tf'), type: 2 }] });
    assert.deepEqual(sml101Lines(await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === mainUri && sml101Lines(p).includes(0))), [0]);
  });

  describe('a notebook and the Python modules beside it', () => {
    const deletes = 'def cleanup(predictor):\n    predictor.delete_endpoint()\n';
    const keeps = 'def cleanup(predictor):\n    print("keeping", predictor.endpoint_name)\n';
    const cells = [
      'import helpers\nfrom sagemaker.pytorch import PyTorchModel\nmodel = PyTorchModel(model_data="s3://b/model.tar.gz", role="r", framework_version="2.1", py_version="py310", entry_point="inference.py")',
      'predictor = model.deploy(initial_instance_count=1, instance_type="ml.m5.large")',
      'helpers.cleanup(predictor)',
    ];
    const codes = (p: Published): Array<string | undefined> => p.diagnostics.map((d) => d.code);
    /** Opens `folder/deploy.ipynb` (the cells above) and returns the URI of its deploy cell. */
    const openNotebook = (folder: string): string => {
      const file = path.join(dir, folder, 'deploy.ipynb');
      const cell = (i: number): string => `vscode-notebook-cell:${file}#cell${i}`;
      client.notify('notebookDocument/didOpen', {
        notebookDocument: { uri: `file://${file}`, notebookType: 'jupyter-notebook', version: 1, cells: cells.map((_, i) => ({ kind: 2, document: cell(i) })) },
        cellTextDocuments: cells.map((text, i) => ({ uri: cell(i), languageId: 'python', version: 1, text })),
      });
      return cell(1);
    };
    const deployCell = (uri: string, teardown: boolean) =>
      client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && codes(p).includes('SML307') === !teardown);

    it('lints an open notebook with the modules beside it: a cleanup helper on disk that deletes the endpoint is its teardown', async () => {
      fs.mkdirSync(path.join(dir, 'ondisk'));
      fs.writeFileSync(path.join(dir, 'ondisk', 'helpers.py'), deletes);
      const cell = openNotebook('ondisk');
      // SML301 (serverless) and SML304 (a Graviton type) stay on the cell: only the teardown finding goes.
      assert.deepEqual(codes(await deployCell(cell, true)), ['SML301', 'SML304']);
    });

    it('lints the notebooks beside a module again when the module changes, unsaved', async () => {
      fs.mkdirSync(path.join(dir, 'unsaved'));
      fs.writeFileSync(path.join(dir, 'unsaved', 'helpers.py'), keeps);
      const cell = openNotebook('unsaved');
      await deployCell(cell, false);
      const helpersUri = uriOf('unsaved/helpers.py');
      client.clearNotifications();
      // Opened with a delete the disk does not have yet: the notebook reads the editor's text.
      client.notify('textDocument/didOpen', { textDocument: { uri: helpersUri, languageId: 'python', version: 1, text: deletes } });
      await deployCell(cell, true);
      client.clearNotifications();
      client.notify('textDocument/didChange', { textDocument: { uri: helpersUri, version: 2 }, contentChanges: [{ text: keeps }] });
      await deployCell(cell, false);
      client.clearNotifications();
      client.notify('textDocument/didChange', { textDocument: { uri: helpersUri, version: 3 }, contentChanges: [{ text: deletes }] });
      await deployCell(cell, true);
      // Closed without saving: the notebook reads the module from disk again (no delete).
      client.clearNotifications();
      client.notify('textDocument/didClose', { textDocument: { uri: helpersUri } });
      await deployCell(cell, false);
    });

    it('lints the notebooks beside a module again when it changes on disk (workspace/didChangeWatchedFiles), and asks to watch Python files', async () => {
      fs.mkdirSync(path.join(dir, 'watchedpy'));
      fs.writeFileSync(path.join(dir, 'watchedpy', 'helpers.py'), keeps);
      const cell = openNotebook('watchedpy');
      await deployCell(cell, false);
      const globs = JSON.stringify(registrations);
      assert.ok(globs.includes('**/*.py'), globs);
      fs.writeFileSync(path.join(dir, 'watchedpy', 'helpers.py'), deletes);
      client.clearNotifications();
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('watchedpy/helpers.py'), type: 2 }] });
      await deployCell(cell, true);
      fs.rmSync(path.join(dir, 'watchedpy', 'helpers.py'));
      client.clearNotifications();
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('watchedpy/helpers.py'), type: 3 }] });
      await deployCell(cell, false);
    });

    it('reads the modules beside a notebook sent as one Python document (jupyterlab-lsp)', async () => {
      fs.mkdirSync(path.join(dir, 'onetext'));
      fs.writeFileSync(path.join(dir, 'onetext', 'helpers.py'), deletes);
      const uri = uriOf('onetext/deploy.ipynb');
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: `${cells.join('\n')}\n` } });
      const published = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
      assert.deepEqual(codes(published), ['SML301', 'SML304']);
    });
  });

  it('offers the fix, ignore comments and the docs, and the fix clears the finding', async () => {
    const uri = uriOf('template.yaml');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: template } });
    const published = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: published.diagnostics[0].range, context: { diagnostics: published.diagnostics } });
    assert.deepEqual(actions.map((a) => a.title), ['Set RetentionInDays to 30 days', 'Ignore SML401 on this line', 'Ignore SML401 in this file', 'Show documentation for SML401']);
    // Edits are bound to the version linted, so a client never applies them to a newer text.
    assert.equal(actions[0].edit?.documentChanges?.[0].textDocument.version, 1);
    const fixed = applyEdits(template, editsOf(actions[0], uri));
    assert.match(fixed, /RetentionInDays: 30/);
    client.clearNotifications();
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2);
    assert.deepEqual(after.diagnostics, []);
    const ignored = applyEdits(template, editsOf(actions[1], uri));
    assert.match(ignored.split('\n')[2], /^ {2}# greenml-ignore SML401$/);
  });

  it('offers display-only advice as an action that opens the rule page (titled as the VS Code extension titles it), never as an edit', async () => {
    const uri = uriOf('notebook.yaml');
    const text = ['Resources:', '  Notebook:', '    Type: AWS::SageMaker::NotebookInstance', '    Properties:', '      InstanceType: ml.t3.medium', '      RoleArn: arn:aws:iam::123456789012:role/r', ''].join('\n');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const published = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    const diagnostic = published.diagnostics.find((d) => d.code === 'SML402');
    assert.ok(diagnostic, published.diagnostics.map((d) => d.code).join(', '));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const advice = actions.find((a) => a.title === 'Attach an AWS::SageMaker::NotebookInstanceLifecycleConfig whose OnStart script stops the instance when idle (see the rule page)');
    assert.ok(advice, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(advice.edit, undefined, 'display-only advice carries no edit');
    // The arguments of the extension's greenml.showRuleDocs: a client with its own viewer maps the command.
    assert.deepEqual(advice.command, { title: advice.title, command: 'greenml.lsp.showRuleDocs', arguments: ['SML402'] });
    const docs = actions.find((a) => a.title === 'Show documentation for SML402');
    assert.deepEqual(docs?.command?.arguments, ['SML402']);
    const shown: unknown[] = [];
    client.onRequest('window/showDocument', (params) => {
      shown.push(params);
      return { success: true };
    });
    await client.request('workspace/executeCommand', { command: advice.command?.command, arguments: advice.command?.arguments });
    assert.deepEqual(shown, [{ uri: diagnostic.codeDescription?.href, external: true }]);
    assert.match(diagnostic.codeDescription?.href ?? '', /^https:\/\/.*\/docs\/rules\/notebook-no-auto-stop\.md$/);
    // Only the pages of rules it knows: an address a client sends is not opened.
    await client.request('workspace/executeCommand', { command: 'greenml.lsp.showRuleDocs', arguments: ['https://example.com/'] });
    assert.equal(shown.length, 1);
  });

  it('lints only the newest version of a document that changes quickly', async () => {
    const uri = uriOf('train.py');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: script } });
    await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1);
    settings.lintDelay = 200;
    client.clearNotifications();
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    // New settings re-lint the open documents: once that is published, the delay is in force.
    await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1);
    client.clearNotifications();
    let text = script;
    for (let version = 2; version <= 6; version++) {
      text = `${text}# edit ${version}\n`;
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }
    const last = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 6);
    assert.ok(last.diagnostics.some((d) => d.code === 'SML203'));
    await new Promise((r) => setTimeout(r, 400));
    const stale = await Promise.race([client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && (p.version ?? 0) < 6, 50).catch(() => undefined)]);
    assert.equal(stale, undefined, 'no diagnostics were published for an older version');
  });

  it('follows the greenml settings the client gives (a rule turned off)', async () => {
    settings = { lintDelay: 0, rules: { SML401: 'off' } };
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    const uri = uriOf('template.yaml');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: template } });
    const published = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    assert.deepEqual(published.diagnostics, []);
  });

  it('reads the config file of the repository the document is in', async () => {
    fs.writeFileSync(path.join(dir, 'greenml.json'), JSON.stringify({ rules: { SML401: 'off' } }));
    const uri = uriOf('template.yaml');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: template } });
    const published = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    assert.deepEqual(published.diagnostics, []);
  });

  it('shows the problems of a broken or invalid config file on the file; the documents under it lint with what is valid; fixing the file clears them', async () => {
    const config = path.join(dir, 'greenml.json');
    const configUri = uriOf('greenml.json');
    // An invalid value: the rule keeps its default (on), and the value is marked on the config file.
    fs.writeFileSync(config, '{\n  "rules": { "SML401": "of" }\n}\n');
    const uri = uriOf('template.yaml');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: template } });
    const published = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['SML401']);
    const invalid = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === configUri);
    assert.equal(invalid.diagnostics.length, 1);
    const [problem] = invalid.diagnostics as Array<Diagnostic & { severity?: number }>;
    assert.deepEqual([problem.source, problem.code, problem.severity], ['Green ML', 'invalid-config', 1]);
    assert.match(problem.message, /^rules\.SML401: /);
    assert.equal(problem.range.start.line, 1, 'on the line of the bad value');
    // A file that does not parse: one problem, and the documents under it lint with the defaults.
    fs.writeFileSync(config, '{ "rules": { "SML401": "off" ');
    client.clearNotifications();
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    const broken = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === configUri);
    assert.equal(broken.diagnostics.length, 1);
    assert.match(broken.diagnostics[0].message, /^invalid JSON: /);
    const withDefaults = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    assert.deepEqual(withDefaults.diagnostics.map((d) => d.code), ['SML401']);
    // Fixed: the config's diagnostics are cleared and it applies.
    fs.writeFileSync(config, '{ "rules": { "SML401": "off" } }\n');
    client.clearNotifications();
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    const cleared = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === configUri);
    assert.deepEqual(cleared.diagnostics, []);
    const off = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    assert.deepEqual(off.diagnostics, []);
  });

  it('clears the problems of a config file once it is deleted, even with no document open under it', async () => {
    const config = path.join(dir, '.greenml.yaml');
    const configUri = uriOf('.greenml.yaml');
    fs.writeFileSync(config, 'rules:\n  SML401: [off\n');
    const uri = uriOf('template.yaml');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: template } });
    const broken = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === configUri);
    assert.match(broken.diagnostics[0]?.message ?? '', /^invalid YAML: /);
    client.notify('textDocument/didClose', { textDocument: { uri } });
    fs.rmSync(config);
    client.clearNotifications();
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 3 }] });
    const cleared = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === configUri);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('greys or hides the findings the greenml.baseline file accepts (greenml.baselineMode), as the VS Code extension does', async () => {
    const groups = (names: string[]): string => ["AWSTemplateFormatVersion: '2010-09-09'", 'Resources:', ...names.flatMap((n) => [`  ${n}:`, '    Type: AWS::Logs::LogGroup'])].join('\n') + '\n';
    // The baseline accepts OldLogs (as `greenml lint --write-baseline` records it: path relative to the baseline file).
    const old = groups(['OldLogs']);
    const start = old.indexOf('OldLogs');
    const accepted = createBaseline([{ file: 'stack/template.yaml', text: old, findings: [{ ruleId: 'SML401', ruleName: 'log-group-no-retention', severity: 'warning', message: '', line: 3, column: 3, endLine: 3, endColumn: 10, start, end: start + 'OldLogs'.length }] }]);
    fs.writeFileSync(path.join(dir, 'greenml-baseline.json'), JSON.stringify(accepted));
    fs.mkdirSync(path.join(dir, 'stack'));
    settings = { lintDelay: 0, baseline: 'greenml-baseline.json' };
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    const uri = uriOf('stack/template.yaml');
    // OldLogs moved down by NewLogs: the baseline still matches it.
    const text = groups(['NewLogs', 'OldLogs']);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const byLine = (p: Published): Array<[number, number | undefined, unknown, string]> =>
      (p.diagnostics as Array<Diagnostic & { severity?: number; tags?: number[] }>).map((d) => [d.range.start.line, d.severity, d.tags, d.message.endsWith(' (baselined)') ? 'baselined' : 'new']);
    // (The first lint may run before the new settings are read: the one that applies them is awaited.)
    const dim = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.some((d) => d.message.endsWith(' (baselined)')));
    // Greyed: a hint, drawn faded (DiagnosticTag.Unnecessary), its message saying why; the new one keeps its severity.
    assert.deepEqual(byLine(dim), [[2, 2, undefined, 'new'], [4, 4, [1], 'baselined']]);
    // Its code actions still find it.
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: dim.diagnostics[1].range, context: { diagnostics: [dim.diagnostics[1]] } });
    assert.ok(actions.some((a) => a.title === 'Ignore SML401 on this line'), JSON.stringify(actions.map((a) => a.title)));
    // The baseline file is watched with the config files.
    assert.ok(JSON.stringify(registrations).includes('greenml-baseline.json'), JSON.stringify(registrations));

    settings = { lintDelay: 0, baseline: 'greenml-baseline.json', baselineMode: 'hide' };
    client.clearNotifications();
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    const hidden = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length < 2);
    assert.deepEqual(byLine(hidden), [[2, 2, undefined, 'new']]);

    // The baseline file changes on disk: read again.
    fs.writeFileSync(path.join(dir, 'greenml-baseline.json'), JSON.stringify(createBaseline([])));
    client.clearNotifications();
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('greenml-baseline.json'), type: 2 }] });
    const none = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    assert.deepEqual(byLine(none), [[2, 2, undefined, 'new'], [4, 2, undefined, 'new']]);
  });

  it('never sends a fix that would write a placeholder: a bucket the code names is used, else the action opens the rule page', async () => {
    const uri = uriOf('train.py');
    // No S3 location in the script: the spot fix would have to write s3://<your-bucket>/checkpoints.
    const text = 'from sagemaker.pytorch import PyTorch\nestimator = PyTorch(entry_point="train.py", instance_type="ml.m5.xlarge", max_run=3600)\n';
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    const published = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    const spot = published.diagnostics.find((d) => d.code === 'SML203');
    assert.ok(spot, published.diagnostics.map((d) => d.code).join(', '));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: spot.range, context: { diagnostics: [spot] } });
    assert.ok(actions.every((a) => !JSON.stringify(a.edit ?? {}).includes('<your-bucket>')), `no edit writes the placeholder: ${JSON.stringify(actions)}`);
    const advice = actions.find((a) => a.title.startsWith('Enable managed spot training'));
    assert.ok(advice, JSON.stringify(actions.map((a) => a.title)));
    assert.match(advice.title, / \(needs <your-bucket>, which only you can choose: see the rule page\)$/);
    assert.equal(advice.edit, undefined);
    assert.deepEqual(advice.command?.arguments, ['SML203']);
    const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: spot.range, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.ok(!JSON.stringify(fixAll).includes('<your-bucket>'), JSON.stringify(fixAll));

    // The code names an output location: the fix derives the checkpoints from it and is sent as an edit.
    const named = uriOf('named.py');
    const withBucket = 'from sagemaker.pytorch import PyTorch\nestimator = PyTorch(entry_point="train.py", instance_type="ml.m5.xlarge", output_path="s3://acme/out", max_run=3600)\n';
    client.notify('textDocument/didOpen', { textDocument: { uri: named, languageId: 'python', version: 1, text: withBucket } });
    const onNamed = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === named);
    const namedSpot = onNamed.diagnostics.find((d) => d.code === 'SML203');
    assert.ok(namedSpot);
    const namedActions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: named }, range: namedSpot.range, context: { diagnostics: [namedSpot] } });
    const fix = namedActions.find((a) => a.title.startsWith('Enable managed spot training'));
    assert.ok(fix?.edit, JSON.stringify(namedActions.map((a) => a.title)));
    assert.match(applyEdits(withBucket, editsOf(fix, named)), /checkpoint_s3_uri="s3:\/\/acme\/out\/checkpoints"\)$/m);
  });

  it('source.fixAll.greenml applies the safe fixes until nothing changes, as one edit', async () => {
    const twoGroups = `${template}  More:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: more\n`;
    const uri = uriOf('template.yaml');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: twoGroups } });
    const published = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    assert.equal(published.diagnostics.length, 2);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all safe Green ML problems', 'source.fixAll.greenml']]);
    const fixed = applyEdits(twoGroups, editsOf(actions[0], uri));
    assert.equal(fixed.match(/RetentionInDays: 30/g)?.length, 2);
  });

  it('lints a notebook as a whole and shows each finding on its cell', async () => {
    const notebookUri = uriOf('deploy.ipynb');
    const cell = (i: number): string => `vscode-notebook-cell:${path.join(dir, 'deploy.ipynb')}#cell${i}`;
    const cells = [
      'from sagemaker.pytorch import PyTorchModel\nINSTANCE = "ml.m5.large"',
      '# Notes',
      'model = PyTorchModel(model_data="s3://b/model.tar.gz", role="r", framework_version="2.1", py_version="py310", entry_point="inference.py")\npredictor = model.deploy(initial_instance_count=1, instance_type=INSTANCE)',
    ];
    client.notify('notebookDocument/didOpen', {
      notebookDocument: { uri: notebookUri, notebookType: 'jupyter-notebook', version: 1, cells: cells.map((_, i) => ({ kind: i === 1 ? 1 : 2, document: cell(i) })) },
      cellTextDocuments: cells.map((text, i) => ({ uri: cell(i), languageId: i === 1 ? 'markdown' : 'python', version: 1, text })),
    });
    const deployCell = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === cell(2) && p.diagnostics.length > 0);
    const codes = deployCell.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('SML307'), `the never-deleted endpoint is reported on its cell: ${codes.join(', ')}`);
    // A constant from the first cell flows into the deploy: SML304 names the Graviton alternative of ml.m5.large.
    assert.ok(codes.includes('SML304'), codes.join(', '));
    const deploy = deployCell.diagnostics.find((d) => d.code === 'SML307');
    assert.equal(deploy?.range.start.line, 1, 'the position is inside the cell');
    const first = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === cell(0));
    assert.deepEqual(first.diagnostics, []);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: cell(2) }, range: deploy!.range, context: { diagnostics: [deploy] } });
    assert.ok(actions.some((a) => a.title === 'Ignore SML307 on this line'));
    const ignore = actions.find((a) => a.title === 'Ignore SML307 on this line')!;
    assert.deepEqual(Object.keys(ignore.edit?.changes ?? {}), [cell(2)], 'the edit is on the cell, not the notebook file');
  });

  it('reads the code of a notebook sent as one Python document (jupyterlab-lsp) as a notebook', async () => {
    const uri = uriOf('.virtual_documents/deploy.ipynb');
    const text = 'from sagemaker.pytorch import PyTorchModel\n\n\nmodel = PyTorchModel(model_data="s3://b/model.tar.gz", role="r", framework_version="2.1", py_version="py310", entry_point="inference.py")\npredictor = model.deploy(initial_instance_count=1, instance_type="ml.m5.large")\n';
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    const published = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    const teardown = published.diagnostics.find((d) => d.code === 'SML307');
    assert.ok(teardown, published.diagnostics.map((d) => d.code).join(', '));
    assert.equal(teardown.range.start.line, 4, 'positions are the document\'s');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: teardown.range, context: { diagnostics: [teardown] } });
    const ignore = actions.find((a) => a.title === 'Ignore SML307 on this line');
    assert.ok(ignore);
    assert.match(applyEdits(text, editsOf(ignore, uri)).split('\n')[4], /^# greenml-ignore SML307$/);
  });

  it('survives a pathological file: at most one finding, and the server keeps serving', async () => {
    const uri = uriOf('broken.py');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: '('.repeat(20_000) } });
    const published = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    assert.ok(published.diagnostics.length <= 1);
    const other = uriOf('template.yaml');
    client.notify('textDocument/didOpen', { textDocument: { uri: other, languageId: 'yaml', version: 1, text: template } });
    const next = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === other);
    assert.equal(next.diagnostics.length, 1);
  });
  const estimator = (instanceType: string, count: number): string =>
    [
      'from sagemaker.estimator import Estimator',
      '',
      'estimator = Estimator(',
      '    image_uri="123456789012.dkr.ecr.us-east-1.amazonaws.com/train:latest",',
      '    role="arn:aws:iam::123456789012:role/SageMakerRole",',
      `    instance_count=${count},`,
      `    instance_type="${instanceType}",`,
      ')',
      '',
    ].join('\n');

  it('hovers an instance type with its figures, in the region of the settings', async () => {
    const uri = uriOf('train.py');
    const text = estimator('ml.m5.xlarge', 1);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    const line = 6;
    const character = text.split('\n')[line].indexOf('ml.m5.xlarge') + 6;
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    assert.equal(hover?.contents.kind, 'markdown');
    const value = hover?.contents.value ?? '';
    assert.ok(value.includes('**ml.m5.xlarge** · 4 vCPU (Skylake) · 16 GiB'), value);
    assert.ok(value.includes('| Cost | $0.23 (bundled SageMaker hosting price, us-east-1) |'), value);
    assert.ok(value.includes('| Energy | 0.0183 kWh |'), value);
    assert.deepEqual(hover?.range, { start: { line, character: character - 6 }, end: { line, character: character + 6 } });
    settings.region = 'eu-north-1';
    client.clearNotifications();
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    const north = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    assert.ok(north?.contents.value.includes('| Per hour in eu-north-1 | |'), north?.contents.value);
    // Without greenml.region, us-east-1: the server reads no AWS profile (a client that knows the
    // profile's region sends it as greenml.region), even with a profile region on the machine.
    delete settings.region;
    fs.writeFileSync(path.join(dir, 'no-aws-config'), '[default]\nregion = eu-west-1\n');
    client.clearNotifications();
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    const unset = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    assert.ok(unset?.contents.value.includes('| Cost | $0.23 (bundled SageMaker hosting price, us-east-1) |'), unset?.contents.value);
    assert.ok(!unset?.contents.value.includes('eu-west-1'), unset?.contents.value);
    const away = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
    assert.equal(away, null, 'no hover away from an instance type and a finding');
  });

  it('hovers a finding that suggests a change with what the change saves, as the editor shows it', async () => {
    const uri = uriOf('train.py');
    const text = estimator('ml.m5.xlarge', 1);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    const published = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    const spot = published.diagnostics.find((d) => d.code === 'SML203');
    assert.ok(spot, published.diagnostics.map((d) => d.code).join(', '));
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 'estimator = Est'.length } });
    const expected = findingSavingsMarkdown({ ruleId: 'SML203', effect: { kind: 'spot', usage: 'training', instanceType: 'ml.m5.xlarge' } }, { region: 'us-east-1', utilization: 0.5, intensity: 'ccf' });
    assert.ok(expected?.includes('**Managed spot training (ml.m5.xlarge)**: up to $0.21/h less (up to 90%).'), expected);
    assert.equal(hover?.contents.value, expected);
  });

  it('shows the estimates as CodeLens above a training job and an endpoint cell, and none when turned off', async () => {
    const uri = uriOf('train.py');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: estimator('ml.g5.xlarge', 2) } });
    await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    // 24 h (the API default) × 2 × $1.4084 = $67.60; 48 × 0.04338 = 2.08 kgCO2e (docs/estimates.md).
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [[2, '≤ 24 h × 2 × ml.g5.xlarge ≈ $67.60 · 2.08 kgCO2e (us-east-1)']]);
    assert.equal(lenses[0].command?.command, 'greenml.lsp.showEstimateDetails');
    assert.match(String(lenses[0].command?.arguments?.[1]), /Sources: /);

    const notebookUri = uriOf('deploy.ipynb');
    const cell = (i: number): string => `vscode-notebook-cell:${path.join(dir, 'deploy.ipynb')}#cell${i}`;
    const cells = [
      'from sagemaker.pytorch import PyTorchModel\nINSTANCE = "ml.g5.xlarge"',
      'model = PyTorchModel(model_data="s3://b/model.tar.gz", role="r", framework_version="2.1", py_version="py310", entry_point="inference.py")\npredictor = model.deploy(initial_instance_count=2, instance_type=INSTANCE)',
    ];
    client.notify('notebookDocument/didOpen', {
      notebookDocument: { uri: notebookUri, notebookType: 'jupyter-notebook', version: 1, cells: cells.map((_, i) => ({ kind: 2, document: cell(i) })) },
      cellTextDocuments: cells.map((text, i) => ({ uri: cell(i), languageId: 'python', version: 1, text })),
    });
    await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === cell(1));
    assert.deepEqual(await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: cell(0) } }), []);
    const deploy = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: cell(1) } });
    // 2 × $1.4084 = $2.82/h, × 730 h = $2056.26; 2 × 0.04338 = 0.0868 kgCO2e/h.
    assert.deepEqual(deploy.map((l) => [l.range.start.line, l.command?.title]), [[1, '≈ $2.82/h · 0.0868 kgCO2e/h (2 × ml.g5.xlarge, us-east-1) · $2056.26/month']]);

    settings.codeLens = { enable: false };
    client.clearNotifications();
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    assert.deepEqual(await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } }), []);
  });

  it('lint-workspace publishes the findings of the files that are not open and counts them', async () => {
    fs.writeFileSync(path.join(dir, 'template.yaml'), template);
    fs.mkdirSync(path.join(dir, 'jobs'));
    fs.writeFileSync(path.join(dir, 'jobs', 'train.py'), script);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not read');
    const summary = await client.request<{ files: number; findings: number; filesWithFindings: number }>('workspace/executeCommand', { command: 'greenml.lsp.lintWorkspace', arguments: [{ folder: `file://${dir}` }] });
    const onTemplate = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uriOf('template.yaml'));
    assert.deepEqual(onTemplate.diagnostics.map((d) => d.code), ['SML401']);
    const onScript = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uriOf('jobs/train.py'));
    assert.ok(onScript.diagnostics.some((d) => d.code === 'SML203'));
    assert.equal(summary.files, 2);
    assert.equal(summary.filesWithFindings, 2);
    assert.equal(summary.findings, onTemplate.diagnostics.length + onScript.diagnostics.length);
  });

  it('fix-workspace sends one workspace edit: open buffers at the version read, closed files by path', async () => {
    const twoGroups = `${template}  More:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: more\n`;
    fs.writeFileSync(path.join(dir, 'closed.yaml'), twoGroups);
    fs.writeFileSync(path.join(dir, 'clean.yaml'), "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n");
    fs.writeFileSync(path.join(dir, 'open.yaml'), 'stale text on disk\n');
    const openUri = uriOf('open.yaml');
    client.notify('textDocument/didOpen', { textDocument: { uri: openUri, languageId: 'yaml', version: 3, text: template } });
    await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === openUri);
    const edits: ApplyEdit[] = [];
    client.onRequest('workspace/applyEdit', (params) => {
      edits.push(params as ApplyEdit);
      return { applied: true };
    });
    const summary = await client.request<{ files: number; fixes: number; filesFixed: number; applied: boolean }>('workspace/executeCommand', { command: 'greenml.lsp.fixWorkspace', arguments: [{ folder: `file://${dir}` }] });
    assert.deepEqual(summary, { ...summary, files: 3, fixes: 3, filesFixed: 2, applied: true });
    assert.equal(edits.length, 1);
    const changes = edits[0].edit.documentChanges ?? [];
    assert.deepEqual(changes.map((c) => [c.textDocument.uri, c.textDocument.version]), [[uriOf('closed.yaml'), null], [openUri, 3]]);
    assert.equal(applyEdits(twoGroups, changes[0].edits).match(/RetentionInDays: 30/g)?.length, 2);
    assert.equal(applyEdits(template, changes[1].edits).match(/RetentionInDays: 30/g)?.length, 1, 'the open buffer is fixed, not the file on disk');
    assert.equal(fs.readFileSync(path.join(dir, 'closed.yaml'), 'utf8'), twoGroups, 'the client writes the files, not the server');
  });

  it('fix-workspace writes a placeholder only when unsafe fixes are asked for, and names where it went', async () => {
    const text = 'from sagemaker.pytorch import PyTorch\nestimator = PyTorch(entry_point="train.py", instance_type="ml.m5.xlarge", max_run=3600)\n';
    fs.writeFileSync(path.join(dir, 'train.py'), text);
    const edits: ApplyEdit[] = [];
    client.onRequest('workspace/applyEdit', (params) => {
      edits.push(params as ApplyEdit);
      return { applied: true };
    });
    const safe = await client.request<{ fixes: number; placeholders: unknown[] }>('workspace/executeCommand', { command: 'greenml.lsp.fixWorkspace', arguments: [{ folder: `file://${dir}` }] });
    assert.deepEqual([safe.fixes, safe.placeholders, edits.length], [0, [], 0], 'as --fix: the unsafe fix that writes a placeholder is not made');
    const unsafe = await client.request<{ fixes: number; placeholders: Array<{ line: number; column: number; text: string }> }>('workspace/executeCommand', { command: 'greenml.lsp.fixWorkspace', arguments: [{ folder: `file://${dir}`, includeUnsafe: true }] });
    assert.equal(unsafe.fixes, 1);
    const fixed = applyEdits(text, edits[0].edit.documentChanges?.[0].edits ?? []);
    assert.match(fixed, /checkpoint_s3_uri="s3:\/\/<your-bucket>\/checkpoints"\)$/m);
    const column = fixed.split('\n')[1].indexOf('<your-bucket>') + 1;
    assert.deepEqual(unsafe.placeholders.map((p) => [p.line, p.column, p.text]), [[2, column, '<your-bucket>']]);
    const warning = await client.waitFor<{ type: number; message: string }>('window/showMessage', (m) => m.message.includes('placeholder'));
    assert.equal(warning.type, 2);
    assert.equal(warning.message, `Green ML: a fix wrote a placeholder (<your-bucket>) to replace before the code runs: ${path.join(dir, 'train.py')}:2:${column}`);
  });

  it('abandons a lint over the time budget with a log line, and publishes again within it', async () => {
    settings = { lintDelay: 0, lintTimeBudget: 1 };
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    const uri = uriOf('big.py');
    const big = script + Array.from({ length: 3000 }, (_, i) => `value_${i} = compute(${i}, "ml.m5.large")\n`).join('');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: big } });
    const log = await client.waitFor<LogMessage>('window/logMessage', (m) => m.message.includes('abandoned'));
    assert.match(log.message, /^lint of file:.*big\.py \(version 1\) abandoned: it took \d+ ms, over the time budget of 1 ms \(greenml\.lintTimeBudget\)$/);
    const stale = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri, 300).catch(() => undefined);
    assert.equal(stale, undefined, 'an abandoned lint publishes nothing');
    settings = { lintDelay: 0 };
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    const published = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    assert.ok(published.diagnostics.some((d) => d.code === 'SML203'));
  });
});
