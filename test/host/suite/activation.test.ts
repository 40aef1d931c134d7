import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, extensionId, log } from './helpers';

suite('Extension', () => {
  test('is installed and activates', async () => {
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext, `${extensionId} is not among the loaded extensions`);
    log(`extension: ${ext.packageJSON.version} from ${ext.extensionPath}`);
    const api = await activateExtension();
    assert.ok(api, 'activate() returned no exports');
    log(`activation: ${api.activationMs.toFixed(1)} ms`);
    assert.ok(Number.isFinite(api.activationMs), `activationMs is not a finite number: ${api.activationMs}`);
    assert.ok(vscode.extensions.getExtension(extensionId)?.isActive, 'the extension is not active after activate()');
  });

  test('contributes greenml.lintWorkspace', async () => {
    await activateExtension();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('greenml.lintWorkspace'), 'greenml.lintWorkspace is not a registered command');
  });
});
