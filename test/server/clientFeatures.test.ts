import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient } from './lspClient';

interface Position { line: number; character: number }
interface Range { start: Position; end: Position }
interface Diagnostic { range: Range; code?: string; data?: unknown }
interface Published { uri: string; diagnostics: Diagnostic[] }
interface TextEdit { range: Range; newText: string }
interface CodeAction {
  title: string;
  kind?: string;
  data?: { placeholders?: string[] };
  edit?: { changes?: Record<string, TextEdit[]>; documentChanges?: Array<{ textDocument: { uri: string }; edits: TextEdit[] }> };
  command?: { command: string; arguments?: unknown[] };
}
interface CodeLens { range: Range; command?: { title: string } }
interface Outcome { text: string; applied: number; rules: string[]; placeholders: Array<{ text: string; line: number }>; stoppedOnParseError: boolean }
interface FixPlan { files: number; planned: Array<{ uri: string; kind: string; version?: number; text: string; safe: Outcome; all?: Outcome; unsafeTitles: string[] }> }

const serverMain = path.resolve(__dirname, 'serverMain.js');

/**
 * What the VS Code extension asks of the server beyond LSP 3.17 (`initializationOptions.clientFeatures`):
 * placeholder fixes sent as edits the client makes snippets of, cell-inserting fixes as a command,
 * the Model Card action; and the commands its fix-all and report run in the server.
 */
describe('language server: the VS Code client’s features', function () {
  this.timeout(60_000);
  let client: LspClient;
  let dir: string;
  let lensRefreshes = 0;
  const uriOf = (name: string): string => `file://${path.join(dir, name)}`;
  const cell = (i: number): string => `vscode-notebook-cell:${path.join(dir, 'deploy.ipynb')}#cell${i}`;

  async function start(clientFeatures: Record<string, boolean>, lintDelay = 0, settings: () => unknown = () => ({ lintDelay }), extraEnv: NodeJS.ProcessEnv = {}): Promise<void> {
    const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv, AWS_CONFIG_FILE: path.join(dir, 'no-aws-config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'no-aws-credentials') };
    delete env.AWS_PROFILE;
    client = new LspClient(process.execPath, [serverMain], env);
    client.onRequest('workspace/configuration', (params) => {
      const answer = settings();
      const items = (params as { items: unknown[] }).items;
      return answer instanceof Promise ? answer.then((value: unknown) => items.map(() => value)) : items.map(() => answer);
    });
    client.onRequest('client/registerCapability', () => null);
    client.onRequest('workspace/codeLens/refresh', () => {
      lensRefreshes++;
      return null;
    });
    await client.request('initialize', {
      processId: process.pid,
      rootUri: `file://${dir}`,
      workspaceFolders: [{ uri: `file://${dir}`, name: 'workspace' }],
      capabilities: { workspace: { configuration: true, applyEdit: true, codeLens: { refreshSupport: true } } },
      initializationOptions: { clientFeatures },
    });
    client.notify('initialized', {});
  }

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-lsp-features-'));
    fs.mkdirSync(path.join(dir, '.git'));
  });

  afterEach(async () => {
    await client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const deployCells = [
    'from sagemaker.pytorch import PyTorchModel',
    '# Notes',
    'model = PyTorchModel(model_data="s3://b/model.tar.gz", role="r", framework_version="2.1", py_version="py310", entry_point="inference.py")\npredictor = model.deploy(initial_instance_count=1, instance_type="ml.m5.large")',
  ];
  const openNotebook = (cells: readonly string[], version = 1): void =>
    client.notify('notebookDocument/didOpen', {
      notebookDocument: { uri: uriOf('deploy.ipynb'), notebookType: 'jupyter-notebook', version, cells: cells.map((_, i) => ({ kind: i === 1 ? 1 : 2, document: cell(i) })) },
      cellTextDocuments: cells.map((text, i) => ({ uri: cell(i), languageId: i === 1 ? 'markdown' : 'python', version: 1, text })),
    });

  it('sends a fix that writes a placeholder as an edit naming the placeholder, for the client to make a tab stop of', async () => {
    await start({ snippetEdits: true });
    const uri = uriOf('train.py');
    const text = 'from sagemaker.pytorch import PyTorch\nestimator = PyTorch(entry_point="train.py", instance_type="ml.m5.xlarge", max_run=3600)\n';
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    const published = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    const spot = published.diagnostics.find((d) => d.code === 'SML203');
    assert.ok(spot);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: spot.range, context: { diagnostics: [spot] } });
    const fix = actions.find((a) => a.title.startsWith('Enable managed spot training'));
    assert.ok(fix?.edit, JSON.stringify(actions.map((a) => a.title)));
    assert.ok(!fix.title.includes('which only you can choose'), fix.title);
    assert.deepEqual(fix.data?.placeholders, ['<your-bucket>']);
    assert.ok(JSON.stringify(fix.edit).includes('s3://<your-bucket>/checkpoints'));
    // Fix-all never takes it (its edit would write the placeholder as plain text).
    const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: spot.range, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.ok(!JSON.stringify(fixAll).includes('<your-bucket>'));
  });

  it('sends a fix that appends a notebook cell as a command with the notebook and the edits; without the feature it is not offered', async () => {
    for (const notebookCellCommand of [true, false]) {
      await start({ notebookCellCommand });
      openNotebook(deployCells);
      const published = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === cell(2) && p.diagnostics.some((d) => d.code === 'SML307'));
      const teardown = published.diagnostics.find((d) => d.code === 'SML307')!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: cell(2) }, range: teardown.range, context: { diagnostics: [teardown] } });
      const fix = actions.find((a) => a.title.startsWith('Append a cell that deletes the endpoint'));
      if (!notebookCellCommand) {
        assert.equal(fix, undefined);
        break;
      }
      assert.ok(fix?.command, JSON.stringify(actions.map((a) => a.title)));
      assert.equal(fix.command.command, 'greenml.lsp.applyNotebookFix');
      const [notebook, edits] = fix.command.arguments as [string, Array<{ cell?: { kind: string; index: number; source?: string } }>];
      assert.equal(notebook, uriOf('deploy.ipynb'));
      // Index 3: after the three cells, the markdown cell counted (every cell is synced).
      assert.deepEqual(edits.map((e) => [e.cell?.kind, e.cell?.index]), [['insertCell', 3]]);
      assert.match(String(edits[0].cell?.source), /predictor\.delete_endpoint\(\)/);
      await client.close();
    }
  });

  it('publishes again only the cells whose diagnostics changed', async () => {
    await start({});
    openNotebook(deployCells);
    await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === cell(2) && p.diagnostics.length > 0);
    await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === cell(0));
    client.clearNotifications();
    // An edit of the first cell that changes no finding: nothing to publish; then one that moves the deploy cell's findings.
    client.notify('notebookDocument/didChange', {
      notebookDocument: { uri: uriOf('deploy.ipynb'), version: 2 },
      change: { cells: { textContent: [{ document: { uri: cell(0), version: 2 }, changes: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# imports\n' }] }] } },
    });
    client.notify('notebookDocument/didChange', {
      notebookDocument: { uri: uriOf('deploy.ipynb'), version: 3 },
      change: { cells: { textContent: [{ document: { uri: cell(2), version: 2 }, changes: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# deploy\n' }] }] } },
    });
    const moved = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === cell(2));
    assert.equal(moved.diagnostics.find((d) => d.code === 'SML307')?.range.start.line, 2);
    assert.deepEqual(client.notificationsOf('textDocument/publishDiagnostics').map((p) => (p as Published).uri), [cell(2)]);
  });

  it('publishes only the edited cell when a finding is added before the other cells’ findings, whose diagnostics keep serving their actions', async () => {
    await start({});
    const estimator = (name: string): string => `${name} = PyTorch(entry_point="train.py", role="r", instance_type="ml.p3.2xlarge", instance_count=1, framework_version="2.1", py_version="py310")\n${name}.fit("s3://b/d")`;
    const cells = [`from sagemaker.pytorch import PyTorch\n${estimator('first')}`, '# Notes', estimator('second'), estimator('third')];
    openNotebook(cells);
    const third = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === cell(3) && p.diagnostics.length > 0);
    const before = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === cell(0));
    client.clearNotifications();
    // A second job in the first cell: findings come before every finding of the later cells.
    client.notify('notebookDocument/didChange', {
      notebookDocument: { uri: uriOf('deploy.ipynb'), version: 2 },
      change: { cells: { textContent: [{ document: { uri: cell(0), version: 2 }, changes: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: `\n${estimator('again')}` }] }] } },
    });
    const after = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === cell(0));
    assert.ok(after.diagnostics.length > before.diagnostics.length, `${before.diagnostics.length} → ${after.diagnostics.length}`);
    // A request answered after the lint: every publish of that lint was sent before its answer.
    const spot = third.diagnostics.find((d) => d.code === 'SML203');
    assert.ok(spot, JSON.stringify(third.diagnostics.map((d) => d.code)));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: cell(3) }, range: spot.range, context: { diagnostics: [spot] } });
    assert.deepEqual(client.notificationsOf('textDocument/publishDiagnostics').map((p) => (p as Published).uri), [cell(0)]);
    // The diagnostic the client still shows (published before the edit) finds its finding: the spot fix of the third job.
    assert.ok(actions.some((a) => a.title === 'Ignore SML203 on this line'), JSON.stringify(actions.map((a) => a.title)));
    const fix = actions.find((a) => a.title.startsWith('Enable managed spot training'));
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
  });

  it('answers a CodeLens request for a document whose lint waits for its delay, with that lint', async () => {
    await start({}, 60_000);
    const uri = uriOf('train.py');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: 'x = 1\n' } });
    await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    const text = 'from sagemaker.estimator import Estimator\n\nestimator = Estimator(image_uri="i", role="r", instance_type="ml.g5.xlarge", instance_count=2)\n';
    // The new text's lint waits a minute (greenml.lintDelay): the request runs it now.
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [[2, '≤ 24 h × 2 × ml.g5.xlarge ≈ $67.60 · 2.08 kgCO2e (us-east-1)']]);
  });

  it('answers a CodeLens request made before the client gave its settings once it has them, with them', async () => {
    let give: (settings: unknown) => void = () => undefined;
    const given = new Promise((resolve) => (give = resolve));
    await start({}, 0, () => given);
    const uri = uriOf('train.py');
    const text = 'from sagemaker.estimator import Estimator\n\nestimator = Estimator(image_uri="i", role="r", instance_type="ml.g5.xlarge", instance_count=2)\n';
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    // Asked while the settings are not known yet (the editor asks for lenses as soon as it opens a file).
    const lenses = client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const early = await Promise.race([lenses.then(() => 'answered'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 1500))]);
    give({ lintDelay: 0, region: 'eu-west-1' });
    assert.equal(early, 'waiting', 'no lens is drawn with the default settings');
    const titles = (await lenses).map((l) => l.command?.title ?? '');
    assert.equal(titles.length, 1, JSON.stringify(titles));
    assert.match(titles[0], /\(eu-west-1\)$/);
  });

  it('answers a CodeLens request with the defaults when the client gives no settings in time, and asks for the lenses again once it does', async () => {
    let give: (settings: unknown) => void = () => undefined;
    const given = new Promise((resolve) => (give = resolve));
    lensRefreshes = 0;
    // The wait for the settings shortened from 10 s (the server's option, which the test entry reads from its environment).
    await start({}, 0, () => given, { GREENML_TEST_SETTINGS_WAIT_MS: '300' });
    const uri = uriOf('train.py');
    const text = 'from sagemaker.estimator import Estimator\n\nestimator = Estimator(image_uri="i", role="r", instance_type="ml.g5.xlarge", instance_count=2)\n';
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    // The client never answered: the lenses are drawn with the defaults (us-east-1), and the server says why.
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((l) => l.command?.title), ['≤ 24 h × 2 × ml.g5.xlarge ≈ $67.60 · 2.08 kgCO2e (us-east-1)']);
    const logs = client.notificationsOf('window/logMessage').map((m) => (m as { message: string }).message);
    assert.ok(logs.some((m) => m === 'no greenml settings from the client after 300 ms: answering with the defaults until they arrive'), JSON.stringify(logs));
    assert.equal(lensRefreshes, 0);
    // The settings arrive (lenses turned off, the region unchanged): the client is asked to draw the lenses again, and they follow them.
    give({ lintDelay: 0, codeLens: { enable: false } });
    const deadline = Date.now() + 15_000;
    while (lensRefreshes === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(lensRefreshes, 1);
    assert.deepEqual(await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } }), []);
  });

  it('plans the fixes of a file without applying them: the safe ones, then the unsafe ones, with their placeholders', async () => {
    await start({});
    const file = path.join(dir, 'train.py');
    const text = 'from sagemaker.pytorch import PyTorch\nestimator = PyTorch(entry_point="train.py", instance_type="ml.m5.xlarge", max_run=3600)\n';
    fs.writeFileSync(file, text);
    const plan = await client.request<FixPlan>('workspace/executeCommand', { command: 'greenml.lsp.planFixes', arguments: [{ includeUnsafe: true }] });
    assert.equal(plan.files, 1);
    const [planned] = plan.planned;
    assert.equal(planned.uri, uriOf('train.py'));
    assert.equal(planned.text, text);
    assert.equal(planned.version, undefined, 'read from disk');
    assert.equal(planned.safe.text, text, 'no safe fix');
    assert.ok(planned.unsafeTitles.some((t) => t.startsWith('Enable managed spot training')), JSON.stringify(planned.unsafeTitles));
    assert.match(planned.all?.text ?? '', /checkpoint_s3_uri="s3:\/\/<your-bucket>\/checkpoints"/);
    assert.deepEqual(planned.all?.placeholders.map((p) => p.text), ['<your-bucket>']);
    assert.equal(fs.readFileSync(file, 'utf8'), text, 'nothing written');
  });

  it('lints an untitled buffer by its language and plans its fixes from its open text', async () => {
    await start({});
    const uri = 'untitled:Untitled-1';
    const text = 'from sagemaker.pytorch import PyTorch\nestimator = PyTorch(entry_point="train.py", instance_type="ml.m5.xlarge", max_run=3600)\n';
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 3, text } });
    const published = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    assert.ok(published.diagnostics.some((d) => d.code === 'SML203'), JSON.stringify(published.diagnostics.map((d) => d.code)));
    const plan = await client.request<FixPlan>('workspace/executeCommand', { command: 'greenml.lsp.planFixes', arguments: [{ uris: [uri], open: [uri], includeUnsafe: true }] });
    assert.equal(plan.files, 1);
    const [planned] = plan.planned;
    assert.equal(planned?.uri, uri);
    assert.equal(planned.kind, 'text');
    assert.equal(planned.version, 3, 'the open text, at its version');
    assert.equal(planned.text, text);
    assert.ok(planned.unsafeTitles.some((t) => t.startsWith('Enable managed spot training')), JSON.stringify(planned.unsafeTitles));
    assert.match(planned.all?.text ?? '', /use_spot_instances=True/);
    // An untitled buffer with a file's name (linted by its name): planned from its open text too, not from disk.
    const named = `untitled:${path.join(dir, 'named.py')}`;
    client.notify('textDocument/didOpen', { textDocument: { uri: named, languageId: 'python', version: 1, text } });
    await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === named && p.diagnostics.some((d) => d.code === 'SML203'));
    const namedPlan = await client.request<FixPlan>('workspace/executeCommand', { command: 'greenml.lsp.planFixes', arguments: [{ uris: [named], open: [named], includeUnsafe: true }] });
    assert.deepEqual(namedPlan.planned.map((p) => [p.uri, p.version]), [[named, 1]]);
    // A document of a language Green ML does not read is not linted, nor planned.
    const other = 'untitled:Untitled-2';
    client.notify('textDocument/didOpen', { textDocument: { uri: other, languageId: 'plaintext', version: 1, text } });
    const none = await client.request<FixPlan>('workspace/executeCommand', { command: 'greenml.lsp.planFixes', arguments: [{ uris: [other], open: [other], includeUnsafe: true }] });
    assert.deepEqual(none, { files: 0, planned: [] });
  });

  it('plans the fixes of a notebook open in the editor from its live cells, as the .ipynb text of the cells', async () => {
    await start({});
    fs.writeFileSync(path.join(dir, 'deploy.ipynb'), '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}');
    openNotebook(deployCells);
    await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === cell(2));
    const plan = await client.request<FixPlan>('workspace/executeCommand', { command: 'greenml.lsp.planFixes', arguments: [{ uris: [uriOf('deploy.ipynb')], open: [uriOf('deploy.ipynb')], includeUnsafe: true }] });
    const [planned] = plan.planned;
    assert.equal(planned?.kind, 'notebook');
    const cells = (JSON.parse(planned.all?.text ?? '{}') as { cells: Array<{ cell_type: string; source: string | string[] }> }).cells;
    assert.deepEqual(cells.map((c) => c.cell_type), ['code', 'markdown', 'code', 'code']);
    assert.match([cells[3].source].flat().join(''), /predictor\.delete_endpoint\(\)/);
  });

  it('gives the footprint report its inputs, and offers and answers the Model Card section of a training call', async () => {
    await start({ modelCard: true });
    const text = 'from sagemaker.estimator import Estimator\n\nestimator = Estimator(\n    image_uri="i",\n    role="r",\n    instance_type="ml.g5.xlarge",\n    instance_count=2,\n)\nestimator.fit()\n';
    fs.writeFileSync(path.join(dir, 'train.py'), text);
    const inputs = await client.request<Array<{ uri: string; input: { targets: Array<{ kind: string; instanceType: string }> } }>>('workspace/executeCommand', { command: 'greenml.lsp.footprintInputs', arguments: [] });
    assert.deepEqual(inputs.map((i) => [i.uri, i.input.targets.map((t) => `${t.kind} ${t.instanceType}`)]), [[uriOf('train.py'), ['training ml.g5.xlarge']]]);

    const uri = uriOf('train.py');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    const at = async (line: number): Promise<CodeAction[]> => client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line, character: 4 }, end: { line, character: 4 } }, context: { diagnostics: [] } });
    const card = (await at(5)).find((a) => a.kind === 'greenml.modelCard');
    assert.deepEqual(card?.command, { title: 'Green ML: Model Card environmental impact', command: 'greenml.modelCardEnvironment', arguments: [uri, 6] });
    assert.deepEqual((await at(0)).filter((a) => a.kind === 'greenml.modelCard'), []);
    const fragment = await client.request<{ additional_information: { custom_details: Record<string, string> } }>('workspace/executeCommand', { command: 'greenml.lsp.modelCard', arguments: [uri, 6, {}] });
    // No max_run: 24 h × 2 × 0.04338 kgCO2e/h = 2.08 kgCO2e in us-east-1.
    assert.equal(fragment.additional_information.custom_details.greenml_kgco2e_total, '2.08');
    assert.deepEqual(await client.request('workspace/executeCommand', { command: 'greenml.lsp.modelCard', arguments: [uri, 1, {}] }), { error: 'no training call at line 1 (put the cursor on one); training calls at lines 3' });
  });

  it('asks the client for the live prices its lenses need and draws them again with those it sends', async () => {
    await start({ livePrices: true });
    const uri = uriOf('train.py');
    const text = 'from sagemaker.estimator import Estimator\n\nestimator = Estimator(image_uri="i", role="r", instance_type="ml.g5.xlarge", instance_count=2)\n';
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    const title = async (): Promise<string | undefined> => (await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } }))[0]?.command?.title;
    // The bundled price first: 24 h × 2 × $1.4084 = $67.60.
    assert.equal(await title(), '≤ 24 h × 2 × ml.g5.xlarge ≈ $67.60 · 2.08 kgCO2e (us-east-1)');
    const wanted = await client.waitFor<{ keys: Array<Record<string, string>> }>('greenml/wantPrices');
    assert.deepEqual(wanted.keys, [{ instanceType: 'ml.g5.xlarge', region: 'us-east-1', usage: 'training' }]);
    const refreshes = lensRefreshes;
    client.notify('greenml/prices', { prices: [{ ...wanted.keys[0], usdPerHour: 2, source: 'AWS Price List API (test)', fetchedAt: Date.now() }, { instanceType: 'ml.x', region: 'r', usage: 'nonsense', usdPerHour: 1, source: 's', fetchedAt: 0 }] });
    for (let waited = 0; lensRefreshes === refreshes && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    assert.equal(lensRefreshes, refreshes + 1, 'the lenses are drawn again');
    // 24 h × 2 × $2 = $96.00.
    assert.equal(await title(), '≤ 24 h × 2 × ml.g5.xlarge ≈ $96.00 · 2.08 kgCO2e (us-east-1)');
  });
});
