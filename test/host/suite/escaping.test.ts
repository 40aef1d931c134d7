import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, codeOf, describeDiagnostics, hasCode, openInEditor, waitForDiagnostics } from './helpers';

/** Raw characters a terminal would act on or that reorder text. */
const rawControl = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

suite('Control characters from files', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a diagnostic quoting a name with escapes, a bidi override and a newline shows them escaped, on one line', async () => {
    const { document } = await openInEditor('escapes/forged.yaml');
    const diagnostics = await waitForDiagnostics(document.uri, hasCode('SML401'), 'SML401');
    const sml401 = diagnostics.filter((d) => codeOf(d) === 'SML401');
    assert.strictEqual(sml401.length, 1, describeDiagnostics(diagnostics));
    const { message } = sml401[0];
    assert.doesNotMatch(message, rawControl);
    assert.ok(message.startsWith('Log group Job\\x1B[31mLogs\\u202E\\nforged.yaml:1:1  SML101'), message);
  });
});
