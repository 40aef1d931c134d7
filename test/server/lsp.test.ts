import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient } from './lspClient';

interface Position { line: number; character: number }
interface Range { start: Position; end: Position }
interface Diagnostic { range: Range; code?: string; source?: string; message: string; codeDescription?: { href: string }; data?: unknown }
interface Published { uri: string; version?: number; diagnostics: Diagnostic[] }
interface TextEdit { range: Range; newText: string }
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

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-lsp-'));
    // A repository root: config files above it are not read.
    fs.mkdirSync(path.join(dir, '.git'));
    settings = { lintDelay: 0 };
    client = new LspClient(process.execPath, [serverMain]);
    client.onRequest('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => settings));
    client.onRequest('client/registerCapability', () => null);
    const init = await client.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
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
});
